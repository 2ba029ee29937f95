"""«Ghi kết quả…»: one police letter answering the slips selected in the register — its date, and
its number and result when given — entered once (core/replies); the inputs follow the slips'
field declarations, and the register keeps its rows, selection and scroll when it is saved."""

import html
from collections.abc import Callable
from typing import Any

from ...core import replies
from ...core.editing import FormProblems
from ...core.numbers import grouped
from ..accessible import field_label
from ..context import AppContext
from ..forms.asking_dialog import AskingDialog
from ..forms.inputs import make_input, read_input
from ..forms.record_form import confirm_doubts
from ..look import ErrorLabel
from ..qt import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from ..workers import BackgroundTask, failure_message, run_in_background

MOST_NAMED = 12  # slip numbers listed in the dialog before "…"
WORD_JOINER = "\u2060"  # no line break on either side; not drawn


class ReplyDialog(AskingDialog):
    """Asks for the reply once; `done(count)` is called after it was written on every slip. `numbers` are those of
    the first slips, the MOST_NAMED it names (the others are counted)."""

    def __init__(self, context: AppContext, slip_ids: list[int], numbers: list[str], done: Callable[[int], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.slip_ids, self._done = context, slip_ids, done
        self.task: BackgroundTask | None = None  # the reply being written, or the last try
        self.setWindowTitle("Ghi kết quả trả lời")
        layout = QVBoxLayout(self)
        named = numbers[:MOST_NAMED]
        more = len(slip_ids) - len(named)
        shown = ", ".join(map(unbroken, named)) + (f" và {grouped(more)} phiếu khác" if more > 0 else "")
        chosen = QLabel(f"<b>{grouped(len(slip_ids))} phiếu</b> được trả lời trong cùng một văn bản: {shown}.")
        chosen.setWordWrap(True)
        layout.addWidget(chosen)
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        for spec in replies.FIELDS:
            widget = self.inputs[spec.key] = make_input(spec)
            form.addRow(field_label(spec.header, spec.key == "result_on", widget), widget)
        layout.addLayout(form)
        note = QLabel("Để trống Số văn bản hoặc Kết quả: mỗi phiếu giữ nội dung đã có.")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton("Lưu cho tất cả")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton("Hủy")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.resize(560, self.sizeHint().height())
        self.remember_typed()

    def values(self) -> dict[str, Any]:
        return {key: read_input(widget) for key, widget in self.inputs.items()}

    def save(self) -> bool:
        """Writes the reply on every slip off the GUI thread (2,000 slips take seconds); False when it is not
        started: a value refused, or a date the officer did not confirm."""
        values = self.values()
        try:
            replies.reply_values(values)
        except FormProblems as problems:
            self.message.show_message("; ".join(problems.problems.values()))
            return False
        if not confirm_doubts(self.context, self, replies.dates_to_confirm(self.context.db, values)):
            return False
        db, slip_ids = self.context.db, self.slip_ids
        self.save_button.setEnabled(False)
        self.task = run_in_background(self, "Đang ghi kết quả…",
                                      lambda _progress: replies.record_replies(db, slip_ids, values), self._saved)
        return True

    def _saved(self, count: int | None, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is not None:
            self.message.show_message(failure_message(error, "Không ghi được kết quả"))
            return
        self.accept()
        self._done(count)


def unbroken(number: str) -> str:
    """A slip number as rich text kept whole on one line (Qt would break it after «/» or «-»)."""
    return html.escape(WORD_JOINER.join(number))
