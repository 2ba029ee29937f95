"""What officers with weak eyesight rely on: what a screen reader (Windows Narrator, through Qt's
accessibility bridge) says for a window's inputs, buttons and tables, and letters that stand out from
their background on a dark (high-contrast) theme."""

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QAccessible

from bvct_desktop.gui.look import style_sheet
from bvct_desktop.gui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QColor,
    QComboBox,
    QLabel,
    QLineEdit,
    QPalette,
    QPlainTextEdit,
    QPoint,
    QRect,
    QScrollArea,
    Qt,
    QTabBar,
    QTextEdit,
    QWidget,
)
from tests.gui.shell_support import active, tab_stops

MARKUP = re.compile(r"<[a-z/]")  # a tag («< Quay lại» is a wizard's button)
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
        takes_tab = (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None
                     and type(widget) is not QScrollArea)  # a page's scroller, not a control
        if not (isinstance(widget, OPERATED) or takes_tab) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)) or widget.objectName().startswith("qt_"):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue
        found.append(widget)
    return found


def unusable(window: QWidget) -> list[str]:
    """What a screen reader or the keyboard cannot use in `window`: widgets read wrongly, tables Tab never leaves."""
    return misread(window) + tab_traps(window)


def tab_traps(window: QWidget) -> list[str]:
    """The reachable tables of `window`, read not typed in, whose Tab goes from cell to cell: round the
    cells, back to the first, and never on to the next control."""
    return [f"{type(view).__name__} {read_name(view)!r}: Tab stays in it" for view in operated(window)
            if isinstance(view, QAbstractItemView) and view.tabKeyNavigation()
            and view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers]


def misread(window: QWidget) -> list[str]:
    """Each reachable widget of `window` whose name is missing or carries markup, with what it is."""
    return [f"{type(widget).__name__} {widget.objectName()!r} read as {read_name(widget)!r} "
            f"(label: {widget.toolTip() or widget.placeholderText() if isinstance(widget, QLineEdit) else ''!r})"
            for widget in operated(window) if not read_name(widget).strip() or MARKUP.search(read_name(widget))]


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (4.5 and more: text reads well)."""
    def luminance(colour: QColor) -> float:
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in (colour.redF(), colour.greenF(), colour.blueF())]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(one) + 0.05, luminance(other) + 0.05), reverse=True)
    return lighter / darker



def clearest(window: QWidget, label: QLabel, background: QColor) -> float:
    """The contrast with `background` of a label's most contrasting pixel (its letters' core), as `window` shows it."""
    seen = window.grab(QRect(label.mapTo(window, QPoint(0, 0)), label.size())).toImage()
    return max(contrast(seen.pixelColor(x, y), background) for x in range(seen.width()) for y in range(seen.height()))


@pytest.fixture
def dark_theme() -> Iterator[Callable[[QWidget], None]]:
    """Windows' high-contrast black theme for a test: the application's palette, and what dresses a window
    in the style sheet the program sets when it starts on it. The sheet goes on the window alone: set on the
    application, it re-polished every widget the worker's earlier tests left, and crashed a worker in CI."""
    application = QApplication.instance()
    kept = application.palette()
    dark = QPalette(kept)
    for role, colour in ((QPalette.ColorRole.Window, "#000000"), (QPalette.ColorRole.WindowText, "#ffffff"),
                         (QPalette.ColorRole.Base, "#000000"), (QPalette.ColorRole.Text, "#ffffff"),
                         (QPalette.ColorRole.Button, "#000000"), (QPalette.ColorRole.ButtonText, "#ffff00")):
        dark.setColor(role, QColor(colour))
    application.setPalette(dark)
    yield lambda window: window.setStyleSheet(style_sheet(dark))
    application.setPalette(kept)


def tab_walk(qtbot, window: QWidget, first: QWidget, backwards: bool = False) -> list[str]:
    """What a screen reader says at each stop of Tab (Shift+Tab if `backwards`) round the shown `window`,
    from `first` on: a tab bar as «tabs: » and its current tab, any other stop by its name."""
    active(qtbot, window)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    return [f"tabs: {read_name(stop)}" if isinstance(stop, QTabBar) else read_name(stop)
            for stop in tab_stops(backwards)]
