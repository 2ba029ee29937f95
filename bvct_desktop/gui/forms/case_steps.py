"""The steps of a vetting case before its conclusion, as sections of the case window (brief §1.3): the
competent cấp ủy's decision (written with «Sửa»), the verification team, the dossier's items received and
the verification minutes, each in a tab beside the scans kept with the case (the decision, the minutes signed),
above them what the case still lacks (the dossier's items counted: its tab lists those not received, greyed)."""

import html
from typing import Any

from ...core.database import Database
from ...core.dates import display_date
from ...core.personfile import case_steps, cases
from ...core.personfile.owned import OwnedRows
from ..attachments_panel import TITLE as ATTACHED
from ..attachments_panel import AttachmentsPanel
from ..context import AppContext
from ..look import colour
from ..qt import QApplication, QEvent, QLabel, QSize, QTableView, QTabWidget, QVBoxLayout, QWidget
from ..registers.columns import fit_to_width
from .person_file import KEPT_ELSEWHERE, Entry, Section, SectionTab, editable, wrap_long_texts

DOSSIER_TAB = "Tài liệu hồ sơ"
TABS = ((case_steps.TEAM, "Tổ thẩm tra, xác minh"), (case_steps.DOSSIER, DOSSIER_TAB),
        (case_steps.MINUTES, "Biên bản thẩm tra, xác minh"))


def _section(rows: OwnedRows, title: str, case: dict[str, Any]) -> Section:
    """A step's tab; the dossier's offers the items of the case's own dossier and lists those not received."""
    if rows is not case_steps.DOSSIER:
        return editable(title, rows.kind, rows.fields, rows.of_owner, rows.add, rows.update, rows.delete)
    purpose = case["purpose"]
    return editable(title, rows.kind, case_steps.dossier_fields(purpose),
                    lambda db, case_id: _dossier(db, case_id, purpose), rows.add, rows.update, rows.delete)


def _dossier(db: Database, case_id: int, purpose: str | None) -> list[Entry]:
    """The items received, then those the case's dossier still lacks (no record: greyed, «Chưa nhận»)."""
    received = case_steps.DOSSIER.of_owner(db, case_id)
    return received + [{"id": None, "item": item, "received_on": None, "note": case_steps.NOT_RECEIVED,
                        KEPT_ELSEWHERE: f"Tài liệu «{item}» chưa nhận: chọn «Thêm» để ghi."}
                       for item in case_steps.missing_items(purpose, received)]


class GivingWayTabs(QTabWidget):
    """Tabs that ask the least height of the page shown, not their tallest page's wish nor the least of a page
    hidden (the scans' list and its hint while the team's empty list is shown): on the case's page they take what
    the rest of the case leaves them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentChanged.connect(self._shown)

    def _shown(self) -> None:
        """The page shown laid out at once: its list, refitted at the width it now has, no longer keeps a moment
        the room of headers wrapped while it was hidden."""
        self.updateGeometry()
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint, page = super().minimumSizeHint(), self.currentWidget()
        if page is None:
            return hint
        pages = page.parentWidget().minimumSizeHint().height()  # the tallest page's least
        return QSize(hint.width(), hint.height() - pages + page.minimumSizeHint().height())


class CaseSteps(QWidget):
    """The case's steps; what it lacks is told from the rows its tabs list, again after each change of a step."""

    def __init__(self, context: AppContext, case: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.case_id, self.purpose = context, case["id"], case["purpose"]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.decision = QLabel(decision_text(case))
        self.decision.setWordWrap(True)
        layout.addWidget(self.decision)
        self.lacking = QLabel()
        self.lacking.setWordWrap(True)
        layout.addWidget(self.lacking)
        self.tabs = GivingWayTabs()
        self.listed: dict[OwnedRows, SectionTab] = {}
        for rows, title in TABS:
            tab = SectionTab(context, _section(rows, title, case), self.case_id, self,
                             closed=case["status"] == cases.CONCLUDED)  # changed after «Mở lại hồ sơ»
            wrap_long_texts(tab.table)  # a member's post, an item's note: read whole in a window half the file's
            fit_to_width(tab.table)
            _two_rows_at_least(tab.table)
            tab.changed.connect(self.tell_lacking)
            self.tabs.addTab(tab, title)
            self.listed[rows] = tab
        self.tabs.addTab(AttachmentsPanel(context, cases.KIND, self.case_id, titled=False), ATTACHED)
        layout.addWidget(self.tabs, 1)
        self.tell_lacking()

    def tell_lacking(self) -> None:
        listed = {rows: [entry for entry in tab.entries if entry["id"] is not None]  # the dossier's received
                  for rows, tab in self.listed.items()}
        self.lacking.setText(lacking_text(
            case_steps.team_problems(listed[case_steps.TEAM])
            + case_steps.items_problems(case_steps.missing_items(self.purpose, listed[case_steps.DOSSIER]),
                                        listed_in=f"thẻ «{DOSSIER_TAB}»")
            + case_steps.minutes_problems(listed[case_steps.MINUTES])))


def _two_rows_at_least(table: QTableView) -> None:
    """A step's list, its tab giving way, still shows its header and two rows of two lines."""
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                           + 2 * table.verticalHeader().defaultSectionSize())


def decision_text(case: dict[str, Any]) -> str:
    """«Quyết định của cấp ủy: số 125-QĐ/TU ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy», or that there is none in
    the words its conclusion and its slips' printing tell it in (case_steps.undecided)."""
    if told := case_steps.undecided(case):
        return f"<font color='{colour('error')}'>{html.escape(' '.join(told))}</font> Ghi ở nút «Sửa»."
    issuer = f" của {html.escape(case['decision_by'])}" if case["decision_by"] else ""
    return (f"<b>Quyết định của cấp ủy có thẩm quyền:</b> số {html.escape(case['decision_no'])} ngày "
            f"{display_date(case['decision_on'])}{issuer}.")


def lacking_text(told: list[str]) -> str:
    """What the team, the dossier and the minutes still lack (`told`), or that they are complete."""
    if not told:
        return "<b>Tổ thẩm tra, tài liệu hồ sơ và biên bản:</b> đủ."
    return "<b>Còn thiếu:</b> " + " ".join(told)
