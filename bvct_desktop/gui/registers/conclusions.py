"""«Ghi kết luận…»: one conclusion (an election list's document, its date and signer) entered once for the
vetting cases selected in the register and recorded on each open one off the GUI thread
(core/personfile/conclusions); the officer is then told which were concluded, refused and skipped."""

from collections.abc import Callable
from typing import Any

from ...core.editing import FormProblems
from ...core.numbers import grouped
from ...core.personfile import cases, conclusions
from ..accessible import field_label
from ..context import AppContext
from ..forms.asking_dialog import AskingDialog
from ..forms.inputs import make_input, read_input
from ..forms.record_form import confirm_doubts
from ..look import ErrorLabel
from ..qt import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from ..workers import BackgroundTask, failure_message, run_in_background, wait_for

MOST_ASKED = 10  # cases whose doubts are listed in the question, before «Và N hồ sơ khác»


class ConclusionDialog(AskingDialog):
    """Asks for the conclusion once, then once what the cases' own windows would ask to confirm
    (conclusions.doubts); `done(outcome)` is called after each selected case was tried."""

    def __init__(self, context: AppContext, case_ids: list[int], done: Callable[[conclusions.Outcome], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.case_ids, self._done = context, case_ids, done
        self.task: BackgroundTask | None = None  # the conclusion being recorded, or the last try
        self.setWindowTitle("Ghi kết luận cho các hồ sơ đã chọn")
        layout = QVBoxLayout(self)
        chosen = QLabel(f"<b>{grouped(len(case_ids))} hồ sơ</b> đã chọn được ghi cùng một kết luận. Hồ sơ đã có kết "
                        "luận hoặc đã xóa được bỏ qua; hồ sơ nào không ghi được sẽ được nêu tên và lý do.")
        chosen.setWordWrap(True)
        layout.addWidget(chosen)
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        for spec in cases.CONCLUSION_FIELDS:
            widget = self.inputs[spec.key] = make_input(spec)
            form.addRow(field_label(spec.header, spec.required, widget), widget)
        layout.addLayout(form)
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
        """Records the conclusion on every case off the GUI thread; False when a value is refused."""
        values = self.values()
        try:
            cases.conclusion_values(values)
        except FormProblems as problems:
            self.message.show_message("; ".join(problems.problems.values()))
            return False
        db, case_ids = self.context.db, self.case_ids
        if not confirm_doubts(self.context, self, _at_most(wait_for(lambda: conclusions.doubts(db, case_ids, values)))):
            return False
        self.save_button.setEnabled(False)
        self.task = run_in_background(self, "Đang ghi kết luận…",
                                      lambda progress: conclusions.record_conclusions(db, case_ids, values, progress),
                                      self._saved)
        return True

    def _saved(self, outcome: conclusions.Outcome | None, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is not None:
            self.message.show_message(failure_message(error, "Không ghi được kết luận"))
            return
        self.accept()
        self._done(outcome)


def _at_most(doubts: list[str]) -> list[str]:
    """The first MOST_ASKED cases' doubts, then how many more cases have some."""
    more = len(doubts) - MOST_ASKED
    return [*doubts[:MOST_ASKED], *([f"Và {grouped(more)} hồ sơ khác cũng vậy."] if more > 0 else [])]


def tally(outcome: conclusions.Outcome) -> str:
    """«Đã ghi kết luận cho 23 hồ sơ; không ghi được 1; bỏ qua 1.»"""
    return "; ".join([f"Đã ghi kết luận cho {grouped(len(outcome.concluded))} hồ sơ",
                      *([f"không ghi được {grouped(len(outcome.refused))}"] if outcome.refused else []),
                      *([f"bỏ qua {grouped(len(outcome.skipped))}"] if outcome.skipped else [])]) + "."


def summary(outcome: conclusions.Outcome) -> str:
    """`tally`, then the cases not concluded, each named with why."""
    told = [tally(outcome)]
    for heading, named in (("Không ghi được:", outcome.refused), ("Bỏ qua:", outcome.skipped)):
        if named:
            told.append("\n".join([heading, *(f"– {name}" for name in named)]))
    return "\n\n".join(told)
