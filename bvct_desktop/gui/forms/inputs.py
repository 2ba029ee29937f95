"""One input widget per field declaration: drop-downs for fixed values, a multi-line box for
long text, a line with a date hint for dates; each reads and shows values as the officer types
them, and the field's own `parse` decides what is valid."""

from ...core.dates import FULL_FORM, PARTIAL_FORMS, YEAR_FORM, PartialDate, display_date
from ...core.fields import LONG_TEXT, Field, FieldType
from ..look import NarrowComboBox
from ..qt import QComboBox, QLineEdit, QPlainTextEdit, QSize, QWidget

DATE_HINTS = {
    FieldType.DATE: FULL_FORM,
    FieldType.PARTIAL_DATE: PARTIAL_FORMS,
    FieldType.YEAR: YEAR_FORM,
    FieldType.CCCD: "12 chữ số",
    FieldType.CMND: "9 hoặc 12 chữ số",
}
BOX_LETTERS = 20  # what a drop-down asks, about a line's width: the form's width is the window's
MULTI_LINE_HEIGHT = 56  # pixels: three lines of a long text at the least


class LongTextBox(QPlainTextEdit):
    """A multi-line box asking three lines: the form's free room below the fields goes to it
    (record_form), but its own wish would make the form scroll."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), MULTI_LINE_HEIGHT)


def make_input(spec: Field, suggestions: list[str] | None = None) -> QWidget:
    if spec.type is FieldType.CHOICE:
        box = NarrowComboBox(BOX_LETTERS)
        box.addItem("")
        box.addItems(list(spec.choices))
        return box
    if suggestions is not None:
        box = NarrowComboBox(BOX_LETTERS)
        box.setEditable(True)
        box.addItem("")
        box.addItems(suggestions)
        box.lineEdit().setPlaceholderText(spec.hint)
        return box
    if spec.max_length >= LONG_TEXT:
        box = LongTextBox()
        box.setTabChangesFocus(True)
        box.setMinimumHeight(MULTI_LINE_HEIGHT)
        return box
    line = QLineEdit()
    line.setPlaceholderText(spec.hint or DATE_HINTS.get(spec.type, ""))
    return line


def make_read_only(widget: QWidget) -> None:
    """Shown, selectable, not editable (a disabled box greys its text out)."""
    if isinstance(widget, QComboBox) and not widget.isEditable():
        widget.setEnabled(False)
    elif isinstance(widget, QComboBox):
        widget.lineEdit().setReadOnly(True)
    else:
        widget.setReadOnly(True)


def read_input(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def as_typed(spec: Field, value: object) -> str:
    """A stored value as the officer would type it."""
    if value is None:
        return ""
    if spec.type is FieldType.PARTIAL_DATE:
        return PartialDate.from_iso(value).display if isinstance(value, str) else spec.display(value)
    if spec.type is FieldType.DATE:
        return display_date(value)
    return spec.display(value) if spec.type is FieldType.DECIMAL else str(value)


def show_value(widget: QWidget, spec: Field, value: object) -> None:
    """Shows a stored value as the officer would type it."""
    set_typed(widget, as_typed(spec, value))


def set_typed(widget: QWidget, shown: str) -> None:
    if isinstance(widget, QComboBox):
        if widget.findText(shown) < 0:
            widget.addItem(shown)
        widget.setCurrentText(shown)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(shown)
    else:
        widget.setText(shown)
        widget.setCursorPosition(0)  # a long value shown from its start, as a drop-down shows it


def changed_signal(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    return widget.textChanged
