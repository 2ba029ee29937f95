"""«Bàn giao việc…» (menu Hồ sơ, a leader's or an administrator's): an officer moving to another post or going on long
leave, and the colleague who takes his open work — the slips with no reply yet and the vetting cases not concluded
he is in charge of (core/handover.py). The window tells how many before, and what was handed over after."""

from ..core import handover
from ..core.errors import BvctError
from ..core.handover import OpenWork
from .accessible import named
from .context import AppContext
from .look import ErrorLabel, button_row, heading, wait_cursor
from .qt import QComboBox, QDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TITLE = "Bàn giao việc"
EXPLAINED = ("Khi cán bộ chuyển công tác hoặc nghỉ dài ngày: mọi phiếu xác minh chưa có trả lời và hồ sơ thẩm tra "
             "chưa kết luận do cán bộ đó phụ trách được chuyển cho cán bộ nhận bàn giao. Phiếu đã có trả lời, hồ sơ "
             "đã kết luận giữ nguyên người phụ trách. Việc bàn giao được ghi vào nhật ký.")


def work_told(work: OpenWork) -> str:
    """«3 phiếu chưa có trả lời và 1 hồ sơ thẩm tra chưa kết luận»."""
    return f"{work.slips} phiếu chưa có trả lời và {work.cases} hồ sơ thẩm tra chưa kết luận"


class HandoverDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(TITLE)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(TITLE, EXPLAINED))
        form = QFormLayout()
        self.officer = named(QComboBox(), "Cán bộ bàn giao")
        self.colleague = named(QComboBox(), "Cán bộ nhận bàn giao")
        form.addRow("Cán bộ &bàn giao:", self.officer)
        form.addRow("Cán bộ &nhận bàn giao:", self.colleague)
        layout.addLayout(form)
        self.work = QLabel()
        self.work.setWordWrap(True)
        layout.addWidget(self.work)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.hand_over_button = QPushButton("Bàn &giao")
        self.hand_over_button.clicked.connect(self.hand_over)
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        layout.addLayout(button_row(self.hand_over_button, close))
        self._fill()
        self.officer.currentIndexChanged.connect(self._show_work)
        self.colleague.currentIndexChanged.connect(lambda _index: self.message.clear())
        self._show_work()
        self.resize(640, 360)

    def _fill(self) -> None:
        try:
            self.officer.addItems(handover.officers(self.context.db))
            self.colleague.addItems(handover.colleagues(self.context.db))
        except BvctError as refused:
            self.message.show_message(refused.message)

    def _show_work(self) -> None:
        """How much the officer chosen is in charge of now; nothing to hand over: the button waits."""
        self.message.clear()
        officer = self.officer.currentText()
        if not officer:
            self.work.clear()
            self.hand_over_button.setEnabled(False)
            return
        try:
            work = handover.open_work(self.context.db, officer)
        except BvctError as refused:
            self.message.show_message(refused.message)
            self.hand_over_button.setEnabled(False)
            return
        self.work.setText(f"«{officer}» đang phụ trách {work_told(work)}.")
        self.hand_over_button.setEnabled(bool(work.slips or work.cases))

    def hand_over(self) -> None:
        officer, colleague = self.officer.currentText(), self.colleague.currentText()
        try:
            with wait_cursor():
                passed = handover.hand_over(self.context.db, officer, colleague)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        for kind in handover.TABLES:
            self.context.notifier.changed.emit(kind)
        self._show_work()
        self.message.show_message(f"Đã bàn giao {work_told(passed)} từ «{officer}» sang «{colleague}».", error=False)
