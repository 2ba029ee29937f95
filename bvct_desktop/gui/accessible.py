"""What a screen reader (Windows Narrator) says for a widget. A field built from its declaration is
read by its label's words, never the label's markup (the red * of a required field), and «bắt buộc» for
a required one: Qt reads a field with no name of its own from its buddy label's raw text. A table, a
list or a box with no label beside it is named where it is made (`named`)."""

import re
from typing import TypeVar

from .look import colour
from .qt import QAction, QFormLayout, QLabel, QLineEdit, QWidget

REQUIRED = "bắt buộc"
CLEAR = "Xóa chữ đã gõ"
CLEAR_ACTION = "_q_qlineeditclearaction"  # the name Qt gives the action of a box's clear button
Widget = TypeVar("Widget", bound=QWidget)


def field_label(text: str, required: bool, field: QWidget) -> QLabel:
    """The label of `field`, its buddy; a required one ends with a red *."""
    label = QLabel(text + (f" {required_mark()}" if required else ""))
    label.setBuddy(field)
    named(field, text.rstrip(": "), REQUIRED if required else "")
    return label


def clearable(box: QLineEdit) -> QLineEdit:
    """`box` with Qt's button that empties it once something is typed, named: Qt gives it no name, and a
    screen reader read it out as nothing."""
    box.setClearButtonEnabled(True)
    box.findChild(QAction, CLEAR_ACTION).setText(CLEAR)
    return box


def required_mark() -> str:
    """The red * a required field's label ends with (rich text)."""
    return f"<span style='color:{colour('error')}'>*</span>"


def named_from_labels(page: QWidget) -> None:
    """Each input of `page` with no name of its own named by its label's words: the label of its row in a
    form layout, or the label it is the buddy of (a Designer form's rows). Windows' screen reader says the
    name, not a buddy's raw text."""
    labelled = [(label, label.buddy()) for label in page.findChildren(QLabel) if label.buddy() is not None]
    for form in page.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None and isinstance(label.widget(), QLabel) and field.widget():
                labelled.append((label.widget(), field.widget()))
    for label, field in labelled:
        if not field.accessibleName():
            field.setAccessibleName(re.sub(r"<[^>]*>|&(?!&)|[:*\s]+$", "", label.text()).strip(" :*"))


def named(widget: Widget, name: str, description: str = "") -> Widget:
    """`widget`, read out as `name` (then `description`, when there is one)."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget
