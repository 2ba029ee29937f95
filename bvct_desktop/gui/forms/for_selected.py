"""A dialog entering one set of values once for the records selected in a register (a police letter's reply
for the slips, an election list's conclusion for the cases) and writing it on each off the GUI thread: what
was chosen told above the fields, «Lưu cho tất cả» and «Hủy» under them (Esc asks before dropping what was
typed), the register told once it is written."""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...core.editing import FormProblems
from ...core.fields import Field
from ..accessible import field_label
from ..context import AppContext
from ..look import ErrorLabel, button_row
from ..qt import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from ..workers import BackgroundTask, failure_message, run_in_background
from .asking_dialog import AskingDialog
from .inputs import make_input, read_input, written_in_full_on_leaving
from .record_form import confirm_doubts


class ForSelectedDialog(AskingDialog):
    """Subclasses give `checked(values)` (FormProblems when a value is refused), `doubts(values)` (what the
    officer confirms first), `write(values, progress)` (run on a worker; its result goes to `done`),
    `working` (the progress's words) and `failed` (the start of the message when writing fails); `suggestions`
    are the usual values of a field (the recipients of slips), listed as its box holds what is typed."""

    working = failed = ""

    def __init__(self, context: AppContext, title: str, chosen: str, fields: Sequence[Field],
                 done: Callable[[Any], None], parent: QWidget | None = None,
                 required: Callable[[Field], bool] = lambda spec: spec.required, note: str = "",
                 suggestions: Mapping[str, list[str]] | None = None):
        super().__init__(parent)
        self.context, self._done = context, done
        self.task: BackgroundTask | None = None  # the values being written, or the last try
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        for text in (chosen, note):
            if text:
                label = QLabel(text)
                label.setWordWrap(True)
                layout.addWidget(label)
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        for spec in fields:
            widget = self.inputs[spec.key] = make_input(spec, (suggestions or {}).get(spec.key))
            written_in_full_on_leaving(widget, spec, lambda: context.clock().year)
            form.addRow(field_label(spec.header, required(spec), widget), widget)
        layout.insertLayout(1, form)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.save_button = QPushButton("Lưu cho tất cả")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton("Hủy")
        cancel.clicked.connect(self.reject)
        layout.addLayout(button_row(self.save_button, cancel))
        self.resize(560, self.sizeHint().height())
        self.remember_typed()

    def values(self) -> dict[str, Any]:
        return {key: read_input(widget) for key, widget in self.inputs.items()}

    def save(self) -> bool:
        """Writes the values on every record off the GUI thread; False when it is not started: a value
        refused, or what the officer was asked to confirm not confirmed."""
        values = self.values()
        try:
            self.checked(values)
        except FormProblems as problems:
            self.message.show_message("; ".join(problems.problems.values()))
            return False
        if not confirm_doubts(self.context, self, self.doubts(values)):
            return False
        self.save_button.setEnabled(False)
        self.task = run_in_background(self, self.working, lambda progress: self.write(values, progress), self._saved)
        return True

    def _saved(self, result: Any, error: BaseException | None) -> None:
        self.save_button.setEnabled(True)
        if error is not None:
            self.message.show_message(failure_message(error, self.failed))
            return
        self.accept()
        self._done(result)
