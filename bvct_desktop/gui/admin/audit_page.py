"""Nhật ký: the audit trail with filters (days, part of a user's name, action, outcome, words shown),
sorted by a clicked column, its integrity check and an xlsx export of the rows shown. The page is the
Designer form ui/admin_audit.ui."""

import dataclasses
import datetime as dt
import functools
import json
from typing import Any

from ...core import audit, audit_find, audit_words, long_text
from ...core.audit_chain import FAILED, OK, REFUSED
from ...core.errors import BvctError
from ...core.numbers import grouped
from ...core.permissions import ROLES, Action, allows
from ...core.search import fold_ascii
from ...core.text import file_name
from ...io.audit_xlsx import write_audit
from .. import export_password, reauth
from ..context import AppContext
from ..date_box import period_taken
from ..designer.ui_admin_audit import Ui_AuditPage
from ..dialogs import FILE_FILTERS
from ..flow_layout import reflow
from ..look import colour, wait_cursor
from ..qt import QAbstractTableModel, QColor, QEvent, QModelIndex, QStyle, QStyledItemDelegate, Qt, QTimer, QWidget
from ..registers.columns import fit_to_width, keep_fitted, wrap_cells
from ..tooltips import typed_tip
from ..workers import wait_for

ROOT = QModelIndex()  # the invisible root of a flat table
DEFAULT_DAYS = 30
ALL = "Tất cả"
OUTCOMES = (OK, FAILED, REFUSED)  # what an officer looks for; "đang thực hiện" is settled by a later entry
NUMBER_COLUMN = 0  # «Số»
WHOLE_DETAILS = "xuất nhật ký để xem đủ"  # where a tooltip's long details are read whole
BY_TIME = (NUMBER_COLUMN, 1)  # «Số» and «Thời gian»: the order the entries were written in
IN_A_ROW = Qt.ItemDataRole.UserRole  # the details as their row shows them (`in_a_row`)
NAMING = {audit.RECORD, audit.FIRST_RECORD, audit.LAST_RECORD}  # the details naming the records an entry is about


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[audit.Entry] = []
        self.sorted_by = (0, Qt.SortOrder.AscendingOrder)

    def set_entries(self, entries: list[audit.Entry]) -> None:
        """Shows `entries` in the order last chosen (`sort`), worked out off the GUI thread."""
        ordered = wait_for(lambda: sorted_entries(entries, *self.sorted_by))
        self.beginResetModel()
        self.entries = ordered
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sorted_by = (column, order)
        with wait_cursor():
            ordered = wait_for(lambda: sorted_entries(self.entries, column, order))
        self.layoutAboutToBeChanged.emit()
        self.entries = ordered
        self.layoutChanged.emit()

    def rowCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(audit.LIST_HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return audit_words.cells(entry)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return typed_tip(audit_words.cells(entry)[index.column()], more=WHOLE_DETAILS)
        if role == IN_A_ROW and index.column() == audit_words.DETAILS_COLUMN:
            return in_a_row(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.outcome != audit.OK:
            return QColor(colour("error"))
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return audit.LIST_HEADERS[section]
        return None


@functools.lru_cache(maxsize=4096)  # painting asks again for the rows in view
def in_a_row(entry: audit.Entry) -> str:
    """The entry's details as its row, two lines high, shows them: what the entry did first — a change's
    «cũ → mới», a print's count and printer, an import's file and rows, a login's reason — and the values
    naming its record after (`NAMING`: a slip's number, names, date and recipient fill the row by themselves);
    an entry naming its record alone (a view) shows it, one without (an addition's or deletion's values, a
    setting, a login) shows as it reads whole. Each value by its first line (`long_text.one_line`), so that
    a value typed in lines does not push «→ mới» out of the row either. Details the program did not write
    stay as kept. The tooltip, Ctrl+C and the export read the entry whole, as `bvct audit list` prints it."""
    try:
        details = json.loads(entry.details or "")
    except ValueError:
        return audit_words.cells(entry)[audit_words.DETAILS_COLUMN]
    details = _each_value_in_one_line(details)
    cut = dataclasses.replace(entry, details=json.dumps(details, ensure_ascii=False))
    shown = audit_words.cells(cut)[audit_words.DETAILS_COLUMN]
    if not isinstance(details, dict) or not NAMING & details.keys():
        return shown
    named = audit_words.describe(entry.kind, {key: details[key] for key in NAMING if key in details})
    if not shown.startswith(f"{named}; "):  # the words put the record first; nothing else to move it before
        return shown
    return f"{shown[len(named) + 2:]}; {named}"


def _each_value_in_one_line(value: Any) -> Any:
    if isinstance(value, str):
        return long_text.one_line(value)
    if isinstance(value, list):
        return [_each_value_in_one_line(item) for item in value]
    if isinstance(value, dict):
        return {key: _each_value_in_one_line(item) for key, item in value.items()}
    return value


class InARow(QStyledItemDelegate):
    """Draws a cell as the model shows it in a row (IN_A_ROW); its tooltip and Ctrl+C take the whole text."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.text = index.data(IN_A_ROW)


def sorted_entries(entries: list[audit.Entry], column: int, order: Qt.SortOrder) -> list[audit.Entry]:
    """`entries` by the words a column shows (letter case and accents ignored; the record by what names it),
    those alike as they happened; by time, as they happened."""
    def shown(entry: audit.Entry) -> tuple[tuple[int, int, str], int]:
        if column in BY_TIME:
            return (0, 0, ""), entry.id
        return _words_key(audit_words.cells(entry)[column]), entry.id

    return sorted(entries, key=shown, reverse=order == Qt.SortOrder.DescendingOrder)


def _words_key(words: str) -> tuple[int, int, str]:
    """An empty cell first, then bare numbers (a record known only by its number) by their value, then words."""
    if words.isascii() and words.isdigit():
        return 1, int(words), ""
    return (2 if words else 0), 0, fold_ascii(words)


class AuditPage(QWidget, Ui_AuditPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        for row in (self.filter_row, self.search_row):
            reflow(row)
        self.context = context
        today = context.clock().date()
        self.start.set_day(today - dt.timedelta(days=DEFAULT_DAYS))
        self.end.set_day(today)
        self.start.refused.connect(self.message.show_message)
        self.end.refused.connect(self.message.show_message)
        self.show_button.clicked.connect(self.refresh)
        for box in (self.start, self.end, self.user.lineEdit(), self.text):
            box.returnPressed.connect(self.refresh)
        self.user.addItem(ALL)
        self.action.addItems([ALL, audit_find.LEAVING])
        self.outcome.addItem(ALL)
        for outcome in OUTCOMES:
            self.outcome.addItem(audit.OUTCOMES[outcome], outcome)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(allows(context.db.actor.role, Action.EXPORT))
        self.model = AuditModel(self)
        self.view.setModel(self.model)
        wrap_cells(self.view)
        self.view.setItemDelegateForColumn(audit_words.DETAILS_COLUMN, InARow(self.view))
        keep_fitted(self.view, (audit_words.DETAILS_COLUMN,))  # the details take the width left, whole in a tip
        self.view.viewport().installEventFilter(self)  # «Số» widened again once they are refitted to a new width
        self.view.horizontalHeader().setSortIndicator(*self.model.sorted_by)
        self.refresh()

    def filters(self) -> audit_find.Filters:
        action, typed = self.action.currentText(), self.user.currentText().strip()
        picked = self.user.itemData(self.user.findText(typed)) if typed != ALL else None
        return audit_find.Filters(self.start.day(), self.end.day(),
                                  None if picked or typed == ALL else typed or None, None if action == ALL else action,
                                  self.outcome.currentData(), self.text.text().strip() or None, account=picked)

    def refresh(self) -> None:
        if not period_taken(self.start, self.end):
            return
        filters = self.filters()
        with wait_cursor():
            self.model.set_entries(wait_for(lambda: list(audit_find.view(self.context.db, filters))))
            self.offer_actions(wait_for(lambda: audit_find.actions(self.context.db)))
            self.offer_officers(wait_for(lambda: audit.officers(self.context.db)))
        fit_to_width(self.view, (audit_words.DETAILS_COLUMN,))
        self.fit_numbers()
        if self.model.sorted_by[1] == Qt.SortOrder.AscendingOrder:
            self.view.scrollToBottom()  # the newest entries in sight
        else:
            self.view.scrollToTop()
        self.count.setText(f"{grouped(len(self.model.entries))} mục")

    def fit_numbers(self) -> None:
        """«Số» as wide as the largest number listed: sized by its contents, the column measured only the
        rows near the top, and cut the six-digit numbers of a long trail («119…»)."""
        widest = str(max((entry.id for entry in self.model.entries), default=0))
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        needed = self.view.fontMetrics().horizontalAdvance(widest) + 2 * margin + 1  # the delegate's, and the grid
        header = self.view.horizontalHeader()
        wanted = max(header.sectionSizeHint(NUMBER_COLUMN), needed)
        grown = wanted - header.sectionSize(NUMBER_COLUMN)
        details = audit_words.DETAILS_COLUMN  # takes the width left: gives what «Số» takes, so nothing scrolls
        header.resizeSection(details, max(header.minimumSectionSize(), header.sectionSize(details) - grown))
        header.resizeSection(NUMBER_COLUMN, wanted)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.view.viewport() and event.type() == QEvent.Type.Resize
                and event.size().width() != event.oldSize().width()):
            QTimer.singleShot(0, self, self.fit_numbers)  # after `keep_fitted` has refitted the columns
        return super().eventFilter(watched, event)

    def offer_actions(self, actions: list[str]) -> None:
        """The actions the trail holds now, after everything that left the database, the one chosen kept."""
        chosen = self.action.currentText()
        self.action.clear()
        self.action.addItems([ALL, audit_find.LEAVING, *actions])
        self.action.setCurrentText(chosen)

    def offer_officers(self, officers: dict[str, str | None]) -> None:
        """The users the trail holds now, each by name and role («can.bo (Chuyên viên)»), the one chosen or typed
        kept."""
        chosen = self.user.currentText()
        self.user.clear()
        self.user.addItem(ALL)
        for name in sorted(officers, key=fold_ascii):
            role = ROLES.get(officers[name] or "")
            shown = audit_words.user_text(name)
            self.user.addItem(f"{shown} ({role})" if role else shown, name)
        self.user.setCurrentText(chosen)
        listed = self.user.view()  # opens as wide as the longest name, the closed box keeping its width
        listed.setMinimumWidth(listed.sizeHintForColumn(0) + listed.verticalScrollBar().sizeHint().width())

    def verify(self) -> None:
        with wait_cursor():
            verdict = wait_for(lambda: audit.verify(self.context.db))  # the whole chain: seconds on a big trail
        if verdict.ok:
            self.message.show_message(f"{audit_words.sound(verdict.count)}.", error=False)
        else:
            self.message.show_message(verdict.problem)
        self.refresh()  # the check itself is now in the trail

    def export(self) -> None:
        filters, shown = self.filters(), list(self.model.entries)
        if not reauth.confirm(self.context, self, audit.TRAIL_EXPORTED):
            return
        chosen = export_password.save_as(self.context.dialogs, self, "Xuất nhật ký ra Excel",
                                         file_name("Nhật ký", filters.start, "đến", filters.end, suffix="xlsx"),
                                         FILE_FILTERS["xlsx"], ".xlsx")
        if chosen is None:
            return
        try:
            with wait_cursor():
                count = wait_for(lambda: audit.export(
                    self.context.db, chosen.target,
                    lambda entries: write_audit(entries, chosen.target, chosen.password), shown,
                    encrypted=chosen.password is not None))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.message.show_message(f"Đã xuất {grouped(count)} mục nhật ký đang hiện (theo bộ lọc và thứ tự đã chọn) "
                                  f"ra «{chosen.target}»{chosen.told}.", error=False)
