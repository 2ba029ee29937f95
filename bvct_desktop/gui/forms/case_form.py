"""One vetting case (hồ sơ thẩm tra) in one window: who is vetted and what for, then what the verification has
found so far (the relatives the rules still require checked, the slips awaiting their replies and those whose reply
found an archive record, the political issues of the person file bearing on the standard), the slips and
archive requests that serve it, the complaint and denunciation letters about the person (open ones
first), the conclusion with how long it holds, how
long the dossier is kept (thời hạn bảo quản), and its notice (conclusion_notice.py). A new case starts
by choosing the person."""

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ...core import in_charge, retention
from ...core.archive_titles import request_title
from ...core.database import Database
from ...core.dates import PartialDate, display_date
from ...core.editing import VERSION
from ...core.errors import BvctError
from ...core.kinds import ARCHIVE_REQUESTS, COMPLAINTS, SLIPS, kind_named
from ...core.permissions import Action, allows
from ...core.personfile import cases
from ...core.personfile.political import POLITICAL_NOTES
from ...core.personfile.relatives import DECLARED_MEMBERS
from ...core.personfile.slip_drafts import Drafted
from ..accessible import named
from ..context import AppContext
from ..dialogs import YES
from ..look import ErrorLabel, button_row, fill_screen, heading, plain, read_only, scrolling
from ..qt import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..registers.columns import fit_to_width
from ..registers.table import CutTextTips, EnterActivates
from ..workers import written_when_free
from . import slip_drafting
from .archive_link import attaching_undecided, change_link
from .case_steps import CaseSteps
from .conclusion_notice import ISSUED_TITLE, NoticeButtons
from .in_charge_row import InChargeRow
from .person_file import CASES, EntryDialog, case_due, compact
from .person_picker import PersonPicker
from .record_form import RecordForm
from .slip_drafting import SlipDraftingDialog
from .window import shown

OPEN_ACTION, EDIT_ACTION, CONCLUDE_ACTION = CASES.actions
REOPEN_LABEL = "Mở lại hồ sơ"  # on a concluded case
# the notifier's names of the records shown in a case
SERVING = ("slips", "archive-requests", "complaints", POLITICAL_NOTES.kind, "*")
ISSUES_TITLE = "Vấn đề chính trị ảnh hưởng tiêu chuẩn"  # of the person file (cases.bearing_issues)
MISSING_TITLE = "Thân nhân cần xác minh còn thiếu"  # cases.unchecked
AWAITING_TITLE = "Phiếu xác minh chờ kết quả trả lời"  # CaseFile.awaiting
FOUND_TITLE = "Phiếu xác minh trả lời có tài liệu lưu trữ"  # CaseFile.found_records
DASH = "– "  # before each missing relative and each issue, its later lines under its text
LETTER_KEYS = ("complaint_kind", "received_on", "due_on", "resolved_on", "sender", "summary", "result")
REQUEST_KEYS = ("province", "doc_no", "doc_on", "full_name", "answered_on", "result")
ATTACH_LABEL, DETACH_LABEL = "Gắn yêu cầu tàng thư…", "Bỏ gắn yêu cầu tàng thư…"
NOTHING_TO_ATTACH = ("Không có đề nghị tỉnh bạn nghiên cứu tàng thư nào về người được thẩm tra hay thân nhân của họ "
                     "chưa gắn vào hồ sơ thẩm tra.")


class CaseForm(QDialog):
    closed = Signal()
    saved = Signal(int)

    def __init__(self, context: AppContext, kind: str = "vetting-cases", record_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.record_id = record_id
        self.editable = not context.read_only and allows(context.db.actor.role, Action.EDIT)
        self.dialog: EntryDialog | None = None
        self.forms: list[RecordForm] = []  # the slips and archive requests opened from the case
        self.notice: NoticeButtons | None = None  # its conclusion's notice, once the case is shown
        self.setWindowTitle("Hồ sơ thẩm tra – " + ("Mở hồ sơ mới" if record_id is None else f"số {record_id}"))
        self.layout_ = QVBoxLayout(self)
        self.steps: CaseSteps | None = None
        self.scroller: QScrollArea | None = None
        self.message = ErrorLabel()
        fill_screen(self)
        if record_id is None:
            self._choose_person()
        else:
            self._show_case(cases.view_case_file)
        context.notifier.changed.connect(self._changed_elsewhere)

    # ----- a new case: whom it is about

    def _choose_person(self) -> None:
        self.layout_.addWidget(heading("Mở hồ sơ thẩm tra", "Chọn người được thẩm tra (đã có trong cơ sở dữ liệu)."))
        self.picker = PersonPicker(self.context, self)
        self.picker.picked.connect(self._open_for)
        self.layout_.addWidget(self.picker)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.message)
        self._add_buttons()

    def _add_buttons(self, buttons: Sequence[QPushButton] = ()) -> None:
        """The row of `buttons`, then «Đóng» at its right end."""
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        self.layout_.addLayout(button_row(close, left=buttons))

    def _open_for(self, facts) -> None:
        self.person_id = facts.person_id
        self.dialog = EntryDialog(self.context, CASES, OPEN_ACTION, facts.person_id, None, self)
        self.dialog.saved.connect(self._opened)
        self.dialog.open()

    def _opened(self) -> None:
        opened = cases.cases_of(self.context.db, self.person_id)[0]
        self.record_id = opened["id"]
        self.context.notifier.changed.emit("vetting-cases")
        self.saved.emit(self.record_id)
        self._clear()
        self._show_case()

    # ----- a case

    def _show_case(self, reading: Callable[[Database, int], cases.CaseFile] = cases.case_file) -> None:
        """The case as `reading` reads it: the officer opening it, or its re-read after a change."""
        try:
            found = reading(self.context.db, self.record_id)
        except BvctError as error:
            self.layout_.addWidget(plain(QLabel(error.message)))  # a locked account names its user as typed
            return
        case = found.case
        self.draft_button: QPushButton | None = None  # «Lập phiếu cho các thân nhân còn thiếu…», when any is
        self.setWindowTitle(f"Hồ sơ thẩm tra – {found.full_name}")
        page = QWidget()  # the case scrolls above its buttons rather than push them past the screen's edge
        self.body = QVBoxLayout(page)
        self.body.setContentsMargins(0, 0, 0, 0)
        purpose = case["purpose"] or "chưa ghi mục đích"
        born = f", {PartialDate.from_iso(found.birth_date).born}" if found.birth_date else ""
        top = QHBoxLayout()  # who is in charge beside the heading, taking none of the case's height
        top.addWidget(heading(f"{found.full_name}{born} — {purpose}",
                              _summary(case, found.valid_until, self.context.clock().date())), 1)
        self.in_charge = InChargeRow(self.context, "vetting-cases", self.record_id, case[in_charge.FIELD.key])
        label = QLabel(f"<b>{in_charge.FIELD.header}:</b>")
        label.setMinimumHeight(self.in_charge.hand_over_button.sizeHint().height())  # level with its name
        top.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
        self.in_charge.handed_over.connect(lambda _colleague: self._shown_again())  # its version read again
        top.addWidget(self.in_charge, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(top)
        if case[cases.NOTE.key]:
            self.body.addWidget(_in_lines(cases.NOTE.header, [case[cases.NOTE.key]]))
        self._show_findings(found)
        self.kept_label = QLabel(kept_text(found.kept, self.context.clock().date()))
        self.kept_label.setWordWrap(True)
        self.body.addWidget(self.kept_label)
        self.steps = CaseSteps(self.context, case)
        self.body.addWidget(self.steps, 1)  # the room left goes to its tabs, not under the slips
        self.body.addWidget(QLabel("<b>Phiếu xác minh phục vụ hồ sơ</b>"))
        self.body.addWidget(self._table(
            "slips", [SLIPS.field(key).header for key in ("number", "issued_on", "full_name", "relation", "recipient",
                                                          "result_on", "result")],
            found.slips, lambda s: [s["number"], display_date(s["issued_on"]), s["full_name"], s["relation"] or "",
                                    s["recipient"], display_date(s["result_on"]), s["result"] or ""]))
        if found.archive_requests:
            self.body.addWidget(QLabel("<b>Nghiên cứu tàng thư</b>"))
            self.body.addWidget(self._table(
                "archive-requests", [ARCHIVE_REQUESTS.field(key).header for key in REQUEST_KEYS],
                found.archive_requests,
                lambda r: [ARCHIVE_REQUESTS.field(key).display(r[key]) for key in REQUEST_KEYS]))
        self._show_letters(found.letters)
        buttons: list[QPushButton] = []
        if self.editable:
            concluded = case["status"] == cases.CONCLUDED
            for action in (EDIT_ACTION, CONCLUDE_ACTION):
                button = QPushButton(action.words(case))
                button.clicked.connect(lambda _=False, a=action, c=case: self._act(a, c))
                buttons.append(button)
            if concluded:
                button = QPushButton(REOPEN_LABEL)
                button.clicked.connect(lambda _=False, c=case: self.reopen(c))
            else:
                button = QPushButton(ATTACH_LABEL)
                button.clicked.connect(self.attach_archive_request)
            buttons.append(button)
            if found.archive_requests and not concluded:
                button = QPushButton(DETACH_LABEL)
                button.clicked.connect(self.detach_archive_request)
                buttons.append(button)
        self.notice = NoticeButtons(self.context, self, self.message, case, found.full_name)
        self.issued_box = QVBoxLayout()
        self.body.addLayout(self.issued_box)
        self._show_issued()
        self.scroller = named(scrolling(page, lists_give_way=False),  # its slips' headers wrap
                              f"Hồ sơ thẩm tra của {found.full_name}")  # a Tab stop: its arrows scroll it
        self.layout_.addWidget(self.scroller, 1)
        self.layout_.addWidget(self.message)
        # a row of its own: the window still narrows to half an office screen
        self.layout_.addLayout(button_row(*self.notice.buttons))
        self._add_buttons(buttons)

    def _show_findings(self, found: cases.CaseFile) -> None:
        """What the verification has found so far, read first on opening the case: the relatives still to check
        (and those Party members declared in full whom HD 06 spares it),
        the slips awaiting their replies and those whose reply found an archive record, and the political issues."""
        awaiting, records = found.awaiting(), found.found_records()
        if found.unchecked:
            missing = _in_lines(MISSING_TITLE, [u.told() for u in found.unchecked], dashed=True)
            if self.editable and found.case["status"] == cases.OPEN:  # beside the list: no line of its own
                self.draft_button = QPushButton(slip_drafting.LABEL)
                self.draft_button.setToolTip(slip_drafting.TIP)
                self.draft_button.clicked.connect(self.draft_slips)
                row = QHBoxLayout()
                row.addWidget(missing, 1)
                row.addWidget(self.draft_button, 0, Qt.AlignmentFlag.AlignTop)
                self.body.addLayout(row)
            else:
                self.body.addWidget(missing)
        if found.declared_members:
            self.body.addWidget(_in_lines(DECLARED_MEMBERS, [f"{relative.relation}: {relative.full_name}"
                                                             for relative in found.declared_members], dashed=True))
        if awaiting:
            self.body.addWidget(_in_lines(AWAITING_TITLE, awaiting, dashed=True))
        if not found.unchecked and not awaiting:
            self.body.addWidget(QLabel("<b>Đã xác minh đủ thân nhân theo quy định.</b>"))
        if records:
            self.body.addWidget(_in_lines(FOUND_TITLE, records, dashed=True))
        self.body.addWidget(_in_lines(ISSUES_TITLE, [issue.told() for issue in found.issues], " không có.",
                                      dashed=True))

    def _show_issued(self) -> None:
        """The notices issued for the case, if any, in their place in the window."""
        _drop(self.issued_box)
        try:
            notices = self.notice.issued()
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        if notices:
            self.issued_box.addWidget(QLabel(f"<b>{ISSUED_TITLE}</b>"))
            self.issued_box.addWidget(self.notice.issued_table(notices))

    def _show_letters(self, letters: list[dict[str, Any]]) -> None:
        """The letters about the person vetted, open ones first, or that there are none."""
        still_open = sum(letter["open"] for letter in letters)
        title = "<b>Đơn thư về người được thẩm tra</b>"
        if not letters:
            self.body.addWidget(QLabel(title + ": không có."))
            return
        self.body.addWidget(QLabel(title + (f" — {still_open} đơn chưa giải quyết" if still_open else "")))
        self.body.addWidget(self._table(
            "complaints", ["Trạng thái", *(COMPLAINTS.field(key).header for key in LETTER_KEYS)], letters,
            lambda letter: [letter["state"], *(COMPLAINTS.field(key).display(letter[key]) for key in LETTER_KEYS)]))

    def _table(self, kind: str, headers: list[str], records: list[dict[str, Any]],
               cells: Callable[[dict[str, Any]], list[str]]) -> QTableWidget:
        """The case's `records` of `kind`, a row each, as tall as they are (up to Qt's 24 lines, then it scrolls):
    the letters under two slips in view at half an office screen. Double-click or Enter opens the record's form."""
        table = named(QTableWidget(len(records), len(headers)), kind_named(kind).title)
        table.setHorizontalHeaderLabels(headers)
        read_only(table)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        compact(table)  # rows one line high, as the person file's lists
        table.setItemDelegate(CutTextTips(table))
        for r, record in enumerate(records):
            for c, value in enumerate(cells(record)):
                table.setItem(r, c, QTableWidgetItem(value))
        fit_to_width(table)
        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)  # as tall as its rows
        EnterActivates(table)
        table.activated.connect(lambda index: self.open_record(kind, records[index.row()]["id"]))
        return table

    def open_record(self, kind: str, record_id: int) -> RecordForm:
        return shown(RecordForm(self.context, kind, record_id, self), self.forms)

    def attach_archive_request(self) -> None:
        """«Gắn yêu cầu tàng thư…»: one of the requests to another province's archive about the person or
        their family, chosen from a list, serves the case from now on."""
        db = self.context.db
        change_link(self.context, self, self.message, ATTACH_LABEL, _titled(cases.archive_requests_to_attach(
            db, self.record_id)), "Yêu cầu nào phục vụ hồ sơ thẩm tra này?", NOTHING_TO_ATTACH,
            lambda request_id: cases.attach_archive_request(db, self.record_id, request_id),
            lambda _request: attaching_undecided(self.context, self, self.record_id))

    def detach_archive_request(self) -> None:
        """«Bỏ gắn yêu cầu tàng thư…»: a request attached by mistake, chosen from the case's, serves none."""
        db = self.context.db
        change_link(self.context, self, self.message, DETACH_LABEL,
                    _titled(cases.case_file(db, self.record_id).archive_requests),
                    "Bỏ yêu cầu nào khỏi hồ sơ thẩm tra này?", NOTHING_TO_ATTACH,
                    lambda request_id: cases.detach_archive_request(db, request_id))

    def draft_slips(self) -> None:
        """«Lập phiếu cho các thân nhân còn thiếu…»: the slips of every relative still to check, made at once."""
        self.drafting = SlipDraftingDialog(self.context, [self.record_id], self._drafted, self)
        self.drafting.open()

    def _drafted(self, drafted: Drafted) -> None:
        self.print_job = slip_drafting.told(self.context, self, drafted, self._previewed)

    def _previewed(self, preview) -> None:
        self.preview = preview

    def _act(self, action, case: dict[str, Any]) -> None:
        self.dialog = EntryDialog(self.context, CASES, action, case["person_id"], case, self)
        self.dialog.saved.connect(self._changed)
        self.dialog.open()

    def reopen(self, case: dict[str, Any]) -> None:
        """«Mở lại hồ sơ»: the conclusion withdrawn once the officer confirms (the audit trail keeps it)."""
        question = (f"Mở lại hồ sơ thẩm tra? Kết luận số {case['conclusion_no']} ngày "
                    f"{display_date(case['concluded_on'])} ({case['result']}) sẽ bị xóa khỏi hồ sơ; nhật ký vẫn "
                    "giữ kết luận này.")
        if self.context.dialogs.ask(self, REOPEN_LABEL, question) != YES:
            return
        try:
            written_when_free(self, lambda: cases.reopen_case(self.context.db, case["id"], case[VERSION]))
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self._changed()

    def _changed(self) -> None:
        self.context.notifier.changed.emit("vetting-cases")
        self.saved.emit(self.record_id)
        self._shown_again()

    def _shown_again(self) -> None:
        """The case read again after a change, the officer kept where they were: the same step's tab, the
        same place down the case."""
        tab = self.steps.tabs.currentIndex() if self.steps is not None else 0
        down = self.scroller.verticalScrollBar().value() if self.scroller is not None else 0
        self._clear()
        self._show_case()
        if self.steps is not None:
            self.steps.tabs.setCurrentIndex(tab)
        if self.scroller is not None:
            self.scroller.widget().adjustSize()
            self.scroller.verticalScrollBar().setValue(down)

    def _changed_elsewhere(self, kind: str) -> None:
        """A slip or archive request saved, from this window or elsewhere: the case shown again, with
        its result and the relatives still to check; a document issued: its notices shown again."""
        if self.record_id is None or not self.isVisible() or self.context.db.closed:
            return
        if kind in SERVING:
            self._shown_again()
        elif kind == "outgoing" and self.notice is not None:
            self._show_issued()

    def _clear(self) -> None:
        self.message = ErrorLabel()
        self.steps = self.scroller = None
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                _drop(item.layout())

    def is_dirty(self) -> bool:
        return False  # every change is saved by its own small dialog

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.closed.emit()
        event.accept()


def _in_lines(title: str, texts: list[str], none: str = "", dashed: bool = False) -> QLabel:
    """«title:» in bold, then each of `texts` from a line of its own in the lines it was typed in (a long
    text keeps them: text.clean_lines), wrapped at the window's width; `none` after the title when there are none.
    `dashed`: each text after «– », its wrapped and later lines under its text (a hanging indent)."""
    label = QLabel()
    hang = label.fontMetrics().horizontalAdvance(DASH) if dashed else 0
    told = "".join(f'<p style="margin:0; margin-left:{hang}px; text-indent:-{hang}px">'
                   f"{DASH if dashed else ''}{html.escape(text).replace(chr(10), '<br>')}</p>" for text in texts)
    label.setText(f"<b>{html.escape(title)}:</b>" + (told or none))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # read only, copied from
    return label


def _summary(case: dict[str, Any], valid_until, today: date) -> str:
    parts = [f"Mở ngày {display_date(case['opened_on'])}"]
    if case["due_on"]:
        parts.append(f"hạn hoàn thành {case_due(case, today)}")
    parts.append(case["status"])
    if case["status"] == cases.CONCLUDED:
        signer = f", người ký {case['signer']}" if case["signer"] else ""
        parts.append(f"kết luận số {case['conclusion_no']} ngày {display_date(case['concluded_on'])}{signer}: "
                     f"{case['result']}")
        if case["limit_note"]:
            parts.append(f"mức giới hạn: {case['limit_note']}")
        if valid_until:
            parts.append(f"kết luận có giá trị đến {display_date(valid_until)}")
    return "; ".join(parts) + "."


def _titled(requests: list[dict[str, Any]]) -> dict[str, int]:
    return {request_title(request): request["id"] for request in requests}


def kept_text(kept: retention.Kept | None, today: date) -> str:
    """The dossier's thời hạn bảo quản, as the case window tells it."""
    term = retention.DOSSIER
    if kept is None:
        return f"<b>Thời hạn bảo quản:</b> {term.label} ({term.kept_as.lower()}), tính từ năm kết luận hồ sơ."
    told = f"<b>Thời hạn bảo quản:</b> {kept.label} ({term.kept_as.lower()}, tính từ năm kết luận {kept.since})."
    if kept.past(today):
        told += f" Hồ sơ đã hết thời hạn bảo quản. {retention.NEVER_DESTROYED}"
    return told


def _drop(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
