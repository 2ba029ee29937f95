"""How the program looks: bundled fonts, the style sheet, and the few small widgets every
page uses (a page heading, an inline error line, a wait cursor)."""

import contextlib
from collections.abc import Iterator

from ..resources import resource_path
from .qt import QApplication, QCursor, QFont, QFontDatabase, QLabel, Qt, QVBoxLayout, QWidget

FONT_FILES = ("Regular", "Bold", "Italic", "BoldItalic")
UI_FAMILY = "Liberation Sans"
ERROR_COLOUR, OK_COLOUR = "#b00020", "#1b5e20"

STYLE = """
QListWidget#navigation { background: #1f4e79; color: white; border: none; font-size: 11pt; }
QListWidget#navigation::item { padding: 9px 10px; }
QListWidget#navigation::item:selected { background: #2e75b6; color: white; }
QLabel#banner { background: #fff4ce; color: #5c4400; padding: 6px 10px; border-bottom: 1px solid #e0c060; }
QLabel#pageTitle { font-size: 15pt; font-weight: bold; color: #1f4e79; }
QLabel#pageSubtitle { color: #555555; }
QFrame#figure { background: white; border: 1px solid #c9d6e3; border-radius: 4px; }
QLabel#figureValue { font-size: 18pt; font-weight: bold; color: #1f4e79; }
QLabel#figureLabel { color: #333333; }
QWidget#lockCover { background: #eef2f6; }
QLineEdit#recoveryKey { font-size: 14pt; font-weight: bold; letter-spacing: 1px; }
"""


def register_fonts() -> None:
    """The bundled Liberation Sans, so every Vietnamese letter on screen has a glyph on any PC
    (documents embed their own fonts, so the Serif faces are not needed on screen)."""
    for style in FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource_path(f"fonts/LiberationSans-{style}.ttf")))


def apply(app: QApplication) -> None:
    register_fonts()
    app.setStyle("Fusion")
    app.setFont(QFont(UI_FAMILY, 10))
    app.setStyleSheet(STYLE)


def heading(title: str, subtitle: str = "") -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 6)
    label = QLabel(title)
    label.setObjectName("pageTitle")
    layout.addWidget(label)
    if subtitle:
        below = QLabel(subtitle)
        below.setObjectName("pageSubtitle")
        below.setWordWrap(True)
        layout.addWidget(below)
    return box


class ErrorLabel(QLabel):
    """One line under a form saying what is wrong (red) or what was done (green)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str, error: bool = True) -> None:
        self.setStyleSheet(f"color: {ERROR_COLOUR if error else OK_COLOUR};")
        self.setText(text)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
