"""What a screen reader (Windows Narrator, through Qt's accessibility bridge) says for a window's
inputs, buttons and tables: the tests walk a window and list what it would read out wrongly."""

from PySide6.QtGui import QAccessible

from bvct_desktop.gui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTextEdit,
    QWidget,
)

OPERATED = (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QPlainTextEdit, QTextEdit, QAbstractSpinBox)


def read_name(widget: QWidget) -> str:
    """The name a screen reader on Windows says for `widget`. (On Linux Qt reads a drop-down's value as
    its name and leaves its label to a relation; on Windows it reads the drop-down as any other widget.)"""
    if isinstance(widget, QComboBox):
        labels = widget.window().findChildren(QLabel)
        return widget.accessibleName() or next((label.text().replace("&", "") for label in labels
                                                if label.buddy() is widget), "")
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def operated(window: QWidget) -> list[QWidget]:
    """The inputs, buttons and tables of `window` an officer reaches (a drop-down's or a spin box's own
    line is part of it; Qt's corner button of a table is no stop of its own)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, OPERATED) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)) or widget.objectName().startswith("qt_"):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue
        found.append(widget)
    return found


def misread(window: QWidget) -> list[str]:
    """Each reachable widget of `window` whose name is missing or carries markup, with what it is."""
    return [f"{type(widget).__name__} {widget.objectName()!r} read as {read_name(widget)!r} "
            f"(label: {widget.toolTip() or widget.placeholderText() if isinstance(widget, QLineEdit) else ''!r})"
            for widget in operated(window) if not read_name(widget).strip() or "<" in read_name(widget)]
