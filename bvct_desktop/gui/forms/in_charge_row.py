"""«Cán bộ phụ trách» on the form of a slip or a vetting case: who is in charge of it, never typed; a leader or an
administrator hands this one record over to a colleague with «Bàn giao…» (core/handover.py)."""

from ...core import handover
from ...core.errors import BvctError
from ...core.in_charge import FIELD
from ...core.permissions import Action, allows
from ..accessible import named
from ..context import AppContext
from ..look import ErrorLabel, plain
from ..qt import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from ..workers import written_when_free

NOBODY = "chưa ghi"  # a record entered before the program kept who is in charge
TITLE = "Bàn giao"


class InChargeRow(QWidget):
    handed_over = Signal(str)  # the colleague now in charge

    def __init__(self, context: AppContext, kind: str, record_id: int | None, officer: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.kind, self.record_id = context, kind, record_id
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        self.officer = named(plain(QLabel()), FIELD.header)
        line.addWidget(self.officer, 1)
        self.hand_over_button = QPushButton(f"{TITLE}…")
        self.hand_over_button.setToolTip("Chuyển cho cán bộ khác phụ trách")
        self.hand_over_button.clicked.connect(self.hand_over)
        self.hand_over_button.setVisible(record_id is not None and not context.read_only
                                         and allows(context.db.actor.role, Action.HAND_OVER))
        line.addWidget(self.hand_over_button)
        column.addLayout(line)
        self.message = ErrorLabel()
        column.addWidget(self.message)
        self.show_officer(officer)

    def show_officer(self, officer: str | None) -> None:
        self.officer.setText(officer or NOBODY)

    def hand_over(self) -> None:
        db = self.context.db
        try:
            others = [name for name in handover.colleagues(db) if name != self.officer.text()]
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        colleague = self.context.dialogs.choose(self, TITLE, "Cán bộ nhận bàn giao:", others)
        if colleague is None:
            return
        try:
            written_when_free(self, lambda: handover.hand_over_record(db, self.kind, self.record_id, colleague))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.show_officer(colleague)
        self.message.show_message(f"Đã bàn giao cho «{colleague}».", error=False)
        self.handed_over.emit(colleague)
        self.context.notifier.changed.emit(self.kind)
