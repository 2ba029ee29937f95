"""What a screen reader (Windows Narrator) says for a widget. A field built from its declaration is
read by its label's words, never the label's markup (the red * of a required field), and «bắt buộc» for
a required one: Qt reads a field with no name of its own from its buddy label's raw text. A table, a
list or a box with no label beside it is named where it is made (`named`)."""

from typing import TypeVar

from .look import colour
from .qt import QLabel, QWidget

REQUIRED = "bắt buộc"
Widget = TypeVar("Widget", bound=QWidget)


def field_label(text: str, required: bool, field: QWidget) -> QLabel:
    """The label of `field`, its buddy; a required one ends with a red *."""
    label = QLabel(text + (f" {required_mark()}" if required else ""))
    label.setBuddy(field)
    named(field, text.rstrip(": "), REQUIRED if required else "")
    return label


def required_mark() -> str:
    """The red * a required field's label ends with (rich text)."""
    return f"<span style='color:{colour('error')}'>*</span>"


def named(widget: Widget, name: str, description: str = "") -> Widget:
    """`widget`, read out as `name` (then `description`, when there is one)."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget
