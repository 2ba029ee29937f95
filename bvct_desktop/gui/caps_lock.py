"""«Caps Lock đang bật» under a password box while Caps Lock is on. Qt has no portable query of it: on
Windows (the office PCs) the system says; elsewhere the letters typed tell (one upper-case without Shift,
or lower-case with it, was typed with Caps Lock on; the opposite, with it off)."""

import sys
from collections.abc import Callable

from .qt import QBoxLayout, QEvent, QFormLayout, QKeyEvent, QLabel, QLayout, QLineEdit, QObject, Qt

WARNING = "Caps Lock đang bật"
VK_CAPITAL = 0x14  # Windows' virtual key of Caps Lock
Reader = Callable[[], bool]


def system_reader() -> Reader | None:
    """Windows' own state of Caps Lock (the low bit of its key state is the toggle); None elsewhere."""
    if sys.platform != "win32":
        return None
    import ctypes

    key_state = ctypes.windll.user32.GetKeyState
    return lambda: bool(key_state(VK_CAPITAL) & 1)


def inferred(event: QKeyEvent) -> bool | None:
    """Whether the key of `event` was typed with Caps Lock on, as its letter shows; None for no letter."""
    text = event.text()
    if len(text) != 1 or text.lower() == text.upper():
        return None
    shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shifted


class CapsLockWatch(QObject):
    """Watches the password boxes of one window: `warnings[box]` is the label under `box`, shown while it has
    the focus and Caps Lock is on. `reader` None: what the system says where it can (`system_reader`)."""

    def __init__(self, *boxes: QLineEdit, reader: Reader | None = None):
        super().__init__(boxes[0])
        self._reader = reader or system_reader()
        self.on = False
        self.warnings = {box: _placed_under(box, _warning()) for box in boxes}
        for box in boxes:
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            self._learn(event)
        elif kind == QEvent.Type.KeyRelease and self._reader is not None:
            self.on = self._reader()
        elif kind == QEvent.Type.FocusIn and self._reader is not None:
            self.on = self._reader()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._show(watched, kind != QEvent.Type.FocusOut)
        return False

    def _learn(self, event: QKeyEvent) -> None:
        if self._reader is not None:
            self.on = self._reader()
        elif event.key() == Qt.Key.Key_CapsLock:
            self.on = not self.on
        elif (typed := inferred(event)) is not None:
            self.on = typed

    def _show(self, box: QObject, focused: bool) -> None:
        for each, warning in self.warnings.items():
            warning.setVisible(self.on and focused and each is box)


def _warning() -> QLabel:
    label = QLabel(WARNING)
    label.setObjectName("capsLockWarning")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _placed_under(box: QLineEdit, label: QLabel) -> QLabel:
    """`label` put in the row under `box`: in the field column of a form, or after the box (or the row
    holding it) in a column of widgets."""
    item: QObject = box
    layout = _holding(box.parentWidget().layout(), box)
    while layout is not None:
        if isinstance(layout, QFormLayout):
            row, _role = layout.getWidgetPosition(box)
            layout.insertRow(row + 1, None, label)
            return label
        if isinstance(layout, QBoxLayout) and layout.direction() == QBoxLayout.Direction.TopToBottom:
            layout.insertWidget(layout.indexOf(item) + 1, label)
            return label
        item, layout = layout, _holding(box.parentWidget().layout(), layout)
    raise ValueError(f"no column to put a warning under {box.objectName()!r}")


def _holding(layout: QLayout | None, wanted: QObject) -> QLayout | None:
    """The layout, `layout` or one nested in it, that holds `wanted` (a widget or a layout) itself."""
    if layout is None:
        return None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is wanted or item.layout() is wanted:
            return layout
        if (inner := _holding(item.layout(), wanted)) is not None:
            return inner
    return None
