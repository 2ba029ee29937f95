"""An archive research request's window (tàng thư): its fields, how late its reply came under «Ngày trả lời»
(deadlines.archive_reply_lateness), and the vetting case it serves, chosen, changed or cleared here as from
the case's window (archive_link.py)."""

from typing import Any

from ...core import deadlines, editing
from ...core.dates import display_date
from ...core.errors import BvctError, RowProblem
from ...core.kinds import ARCHIVE_FROM_OTHERS
from ...core.personfile import cases
from ..accessible import field_label
from ..look import styled
from ..qt import QHBoxLayout, QLabel, QPushButton, QSizePolicy, Qt, QWidget
from .archive_link import attaching_undecided, change_link
from .inputs import read_input
from .record_form import RecordForm

CASE_LABEL = "Hồ sơ thẩm tra"
CHOOSE_LABEL, CHANGE_LABEL, CLEAR_LABEL = "Gắn vào hồ sơ thẩm tra…", "Đổi hồ sơ thẩm tra…", "Bỏ gắn"
SERVES_NONE = "chưa gắn vào hồ sơ thẩm tra nào"
NO_CASE = ("Không có hồ sơ thẩm tra nào đang xác minh về đối tượng này, người có đối tượng là thân nhân, hay có phiếu "
           "xác minh về đối tượng (chỉ đề nghị tỉnh bạn nghiên cứu mới phục vụ hồ sơ thẩm tra).")
CONCLUDED_TIP = "Hồ sơ thẩm tra đã kết luận: mở lại hồ sơ (trong cửa sổ của hồ sơ) trước khi gắn hay bỏ gắn."
OTHER_KIND_TIP = f"Chỉ yêu cầu «{ARCHIVE_FROM_OTHERS}» mới phục vụ hồ sơ thẩm tra."
DATES = ("doc_on", "answered_on")  # what the reply's lateness is counted from


class ArchiveRequestForm(RecordForm):
    def _fields_box(self) -> QWidget:
        box = super()._fields_box()
        self.lateness = styled(QLabel(), "hint")
        self.lateness.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lateness.hide()
        self.columns["answered_on"].insertWidget(1, self.lateness)
        self.case_label = QLabel(SERVES_NONE)
        self.case_label.setWordWrap(True)
        self.case_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.case_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.case_label, 1)
        self.choose_button, self.clear_button = QPushButton(CHOOSE_LABEL), QPushButton(CLEAR_LABEL)
        self.choose_button.clicked.connect(self.choose_case)
        self.clear_button.clicked.connect(self.clear_case)
        for button in (self.choose_button, self.clear_button):
            button.setVisible(self.editable)
            row.addWidget(button)
        self.rows.addRow(field_label(CASE_LABEL, False, self.case_label), row)
        self.saved.connect(lambda _id: self._show_case())
        return box

    def _fill(self, stored: dict) -> None:
        super()._fill(stored)
        self._show_lateness()
        self._show_case()

    def _edited(self, key: str) -> None:
        super()._edited(key)
        if key in DATES:
            self._show_lateness()

    def _show_lateness(self) -> None:
        """«Trả lời muộn 12 ngày (hạn 12/02/2027)» under «Ngày trả lời» as typed; nothing while a date is
        missing or wrong (its red line says so) or the reply came in time."""
        try:
            doc_on, answered_on = (self.kind.field(key).parse(read_input(self.inputs[key])) for key in DATES)
            told = deadlines.archive_reply_lateness(self.context.db, doc_on, answered_on) if doc_on else ""
        except (RowProblem, BvctError):
            told = ""
        self.lateness.setText(told)
        self.lateness.setVisible(bool(told))

    def _show_case(self) -> None:
        """The case the request serves, and what may be done about it: only on a request saved and left unchanged
        (the change is saved on its own)."""
        self.serving = cases.serving(self.context.db, self.record_id) if self.record_id else None
        case = self.serving.case if self.serving else None
        self.case_label.setText(SERVES_NONE if case is None else _called(case))
        self.choose_button.setText(CHOOSE_LABEL if case is None else CHANGE_LABEL)
        concluded = case is not None and case["status"] == cases.CONCLUDED
        serves = read_input(self.inputs["request_kind"]) == ARCHIVE_FROM_OTHERS  # as saved: shown on fill and save
        self.choose_button.setEnabled(self.record_id is not None and not concluded and serves)
        self.clear_button.setEnabled(case is not None and not concluded)
        self.choose_button.setToolTip(CONCLUDED_TIP if concluded else "" if serves else OTHER_KIND_TIP)
        self.clear_button.setToolTip(CONCLUDED_TIP if concluded else "")

    def choose_case(self) -> None:
        """«Gắn vào hồ sơ thẩm tra…» / «Đổi hồ sơ thẩm tra…»: one of the open cases the request may serve."""
        if not self._unchanged():
            return
        db = self.context.db
        offered = {_called(case): case["id"] for case in cases.serving(db, self.record_id).offered}
        change_link(self.context, self, self.message, self.choose_button.text(), offered,
                    "Yêu cầu này phục vụ hồ sơ thẩm tra nào?", NO_CASE,
                    lambda case_id: self._linked(lambda: cases.attach_archive_request(db, case_id, self.record_id)),
                    lambda case_id: attaching_undecided(self.context, self, case_id))

    def clear_case(self) -> None:
        """«Bỏ gắn»: the request, tied to a case by mistake, serves none."""
        if not self._unchanged():
            return
        try:
            self._linked(lambda: cases.detach_archive_request(self.context.db, self.record_id))
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self.context.notifier.changed.emit("archive-requests")

    def _unchanged(self) -> bool:
        if self.is_dirty():
            self.message.show_message("Lưu thay đổi trước khi gắn hay bỏ gắn hồ sơ thẩm tra.")
            return False
        return True

    def _linked(self, change) -> None:
        """The change made, the form knowing its own record's new version (no «changed elsewhere» told)."""
        change()
        self.seen = editing.load(self.context.db, self.kind.name, self.record_id).get(editing.VERSION)
        self._show_case()


def _called(case: dict[str, Any]) -> str:
    """«Trần Thị Anh – Quy hoạch (mở ngày 01/03/2026)»."""
    return f"{cases.case_called(case)} (mở ngày {display_date(case['opened_on'])})"
