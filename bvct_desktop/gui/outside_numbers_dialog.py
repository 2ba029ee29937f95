"""«Ghi số đã cấp ngoài chương trình»: the numbers of a document type already used outside the program —
on a PC lost after its last backup, or by hand on paper while it was down — recorded up to the last
one, with its date and the reason (`outgoing.used_outside`), so the program's next number follows it.
A refusal (a number not above the last taken, a date out of order, the next number unreadable or beyond
the box) is told here and changes nothing."""

import datetime as dt

from ..core import numbering, outgoing
from ..core.errors import BvctError
from .accessible import named
from .date_box import DateBox
from .look import ErrorLabel, plain, styled
from .qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

HIGHEST = 9999
INTRO = ("Khi văn bản đã được cấp số ngoài chương trình (trên máy cũ sau lần sao lưu cuối, hoặc ghi tay vào sổ đăng "
         "ký bản giấy), hãy ghi số cuối cùng đã dùng theo sổ giấy: chương trình cấp số tiếp theo sau số ấy. Số văn "
         "bản chỉ đi tiếp, không sửa lại được.")


class OutsideNumbersDialog(QDialog):
    def __init__(self, db, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.recorded: outgoing.Issued | None = None
        self.setWindowTitle("Ghi số văn bản đã cấp ngoài chương trình")
        intro = plain(QLabel(INTRO))
        intro.setWordWrap(True)
        self.doc_type = named(QComboBox(), "Loại văn bản")
        for doc_type, kind in outgoing.KIND_OF_TYPE.items():
            self.doc_type.addItem(f"{outgoing.KIND_LABELS[kind]} ({doc_type})", doc_type)
        self.last = named(QSpinBox(), "Số cuối đã dùng")
        self.last.setRange(1, HIGHEST)
        self.day = named(DateBox(), "Ngày văn bản của số cuối")
        self.day.set_day(today)
        self.reason = named(QLineEdit(), "Lý do")
        self.reason.setPlaceholderText("Ví dụ: cấp trên máy cũ bị hỏng, theo sổ đăng ký bản giấy")
        self.next_label = plain(styled(QLabel(), "hint"))
        self.next_label.setWordWrap(True)
        self.problem = ErrorLabel()
        form = QFormLayout()
        form.addRow("Loại văn bản:", self.doc_type)
        form.addRow("Số cuối đã dùng:", self.last)
        form.addRow("Ngày văn bản của số cuối:", self.day)
        form.addRow("Lý do:", self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Ghi vào sổ")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.next_label)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.doc_type.currentIndexChanged.connect(lambda _index: self._follow())
        self.day.day_changed.connect(lambda _day: self._follow())
        self.last.valueChanged.connect(lambda _value: self._tell_next())
        self._follow()
        self.resize(620, self.sizeHint().height())

    def _follow(self) -> None:
        """The number the program would give now, for the type and the day chosen: the least to record. What
        keeps it from being read, or from fitting the box, is told, and nothing can be recorded."""
        doc_type = self.doc_type.currentData()
        self.following: tuple[int, str] | None = None
        try:
            number, symbol = outgoing.following(self.db, doc_type, self.day.day() or self.today)
        except BvctError as refused:
            self._refuse(refused.message)
            return
        if number > HIGHEST:
            self._refuse(f"Số chương trình sẽ cấp hiện nay ({numbering.number_text(number, doc_type, symbol)}) vượt "
                         f"quá {HIGHEST}, số lớn nhất ghi được ở đây: không ghi số đã cấp ngoài chương trình cho loại "
                         "văn bản này được.")
            return
        self.following = number, symbol
        self.last.setMinimum(number)
        self.problem.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._tell_next()

    def _refuse(self, message: str) -> None:
        self.problem.show_message(message)
        self.next_label.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _tell_next(self) -> None:
        if self.following is None:
            return
        doc_type = self.doc_type.currentData()
        number, symbol = self.following
        self.next_label.setText(
            f"Số chương trình sẽ cấp hiện nay: {numbering.number_text(number, doc_type, symbol)}. Sau khi ghi, số "
            f"tiếp theo: {numbering.number_text(self.last.value() + 1, doc_type, symbol)}.")

    def record(self) -> None:
        day = self.day.day()
        if day is None:
            self.problem.show_message(self.day.problem() or "Hãy ghi ngày văn bản của số cuối (dd/mm/yyyy).")
            return
        try:
            self.recorded = outgoing.used_outside(self.db, self.doc_type.currentData(), self.last.value(), day,
                                                  self.reason.text())
        except BvctError as refused:
            self.problem.show_message(refused.message)
            return
        self.accept()
