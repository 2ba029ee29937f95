"""How the program looks: bundled fonts, the style sheet, and the few small widgets every
page uses (a page heading, an inline error line, the area a tall page scrolls in, a drop-down long
items do not widen, a dialog's row of buttons, a wait cursor).

A widget takes one of the style sheet's looks through its `look` property: `styled(widget,
"pageTitle")` in code, or a dynamic property `look` in a Designer form (ui/*.ui)."""

import contextlib
from collections.abc import Iterable, Iterator
from string import Template
from typing import TypeVar

from ..resources import resource_path
from .qt import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QColor,
    QComboBox,
    QCursor,
    QEvent,
    QFont,
    QFontDatabase,
    QFrame,
    QHBoxLayout,
    QLabel,
    QObject,
    QPainter,
    QPalette,
    QProxyStyle,
    QScrollArea,
    QSize,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionHeader,
    QStylePainter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from .tooltips import typed_tip

FONT_FILES = ("Regular", "Bold", "Italic", "BoldItalic")
UI_FAMILY = "Liberation Sans"
TICK, CROSS = "√", "×"  # Liberation Sans has no ✓ ✔ ✕: they would show as boxes
Widget = TypeVar("Widget", bound=QWidget)
ItemView = TypeVar("ItemView", bound=QAbstractItemView)
APPLIED = "bvct_look_applied"
SCREEN_SHARE = 0.92  # a large window's share of the screen, its frame and the taskbar in view (office PCs: 1366×768)
FEW_LINES = 6  # the least a list giving way to the buttons under it shows: its header and a few rows

STYLE = Template("""
QListWidget[look="navigation"] { background: #1f4e79; color: white; border: none; font-size: 11pt; }
QListWidget[look="navigation"]::item { padding: 9px 10px; }
QListWidget[look="navigation"]::item:selected { background: #2e75b6; color: white; }
QLabel[look="banner"] { background: #fff4ce; color: #5c4400; padding: 6px 10px; border-bottom: 1px solid #e0c060; }
QLabel[look="pageTitle"] { font-size: 15pt; font-weight: bold; color: $title; }
QLabel[look="pageSubtitle"] { color: $hint; }
QLabel[look="hint"] { color: $hint; }
QLabel[look="sectionTitle"] { font-weight: bold; color: $title; }
QFrame[look="figure"] { background: white; border: 1px solid #c9d6e3; border-radius: 4px; }
QFrame[look="figure"]:focus { border: 2px solid #2e75b6; }
QLabel[look="figureValue"] { font-size: 18pt; font-weight: bold; color: #1f4e79; }
QLabel[look="figureLabel"] { color: #333333; }
QWidget[look="lockCover"] { background: $cover; }
QLineEdit[look="recoveryKey"] { font-size: 14pt; font-weight: bold; letter-spacing: 1px; }
""")
# the colours of what is drawn on a window's own background: on a dark (Windows' dark or high-contrast)
# theme the dark ones could not be read, and the lock cover's pale background took the theme's white text
ON_LIGHT = {"title": "#1f4e79", "hint": "#555555", "error": "#b00020", "ok": "#1b5e20", "cover": "#eef2f6"}
ON_DARK = {"title": "#9dc3e6", "hint": "#c8c8c8", "error": "#ff8a80", "ok": "#a5d6a7", "cover": "palette(window)"}


def styled(widget: Widget, look: str) -> Widget:
    """`widget` with the style sheet's `look` (set before it is first shown)."""
    widget.setProperty("look", look)
    return widget


def fill_screen(window: QWidget, wish: QSize | None = None) -> None:
    """A window with a page or tables to read opens on most of the screen it is on; one that wishes
    a size opens at it, within that share of the screen (at Windows' 125 % or 150 % the screen of an
    office PC is 1093 or 911 pixels wide)."""
    room = window.screen().availableGeometry().size() * SCREEN_SHARE
    window.resize(room if wish is None else wish.boundedTo(room))


class NarrowComboBox(QComboBox):
    """A drop-down asking the width of `letters` letters however long its items (a unit's name may run to
    120): the window keeps its size, the closed box shows what fits (cut short with «…», or the start of
    a value one may type) and its tip the whole, and the list opens as wide as its longest item."""

    def __init__(self, letters: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(letters)
        self.currentTextChanged.connect(self._changed)

    def _changed(self, text: str) -> None:
        self.setToolTip(typed_tip(text))
        if self.isEditable() and not self.lineEdit().hasFocus():  # set or chosen, not being typed
            self.lineEdit().setCursorPosition(0)

    def closed_text(self) -> str:
        """The current item as the closed box shows it."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, field.width() - 2)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.isEditable():  # its line shows the text
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.closed_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        super().showPopup()
        view, screen = self.view(), self.screen().availableGeometry()
        popup, place = view.window(), view.window().geometry()
        place.setWidth(min(max(place.width(), popup.width() - view.viewport().width() + view.sizeHintForColumn(0)),
                           screen.width()))
        if place.right() > screen.right():
            place.moveRight(screen.right())
        popup.setGeometry(place)


def scrolling(page: QWidget, lists_give_way: bool = True) -> QScrollArea:
    """A page of boxes and lines, taller than the office screen may show: it scrolls rather than
    push the window past the taskbar. The lists laid out on it give way first (`giving_way`), unless a
    list's wrapped headers need the height it asks. The frame takes no focus: Tab goes to the page's
    boxes (and scrolls to them), not to a stop a screen reader reads as nothing."""
    for view in page.findChildren(QAbstractScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if lists_give_way and page.layout() is not None and page.layout().indexOf(view) >= 0:
            giving_way(view)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(page)
    return area


def giving_way(view: QAbstractScrollArea) -> None:
    """A list or text box that grows on its page takes the height left, a few lines at least, not the
    192 pixels Qt asks for it: with a wrapped line on the page a scroll area lays the page out at the
    height it asks, and at 150 % the buttons under a list went below the screen."""
    policy = view.sizePolicy()
    if policy.verticalPolicy() != QSizePolicy.Policy.Expanding:
        return
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    policy.setHeightForWidth(True)  # what the scroll area lays the page out by: then its least, not nothing
    view.setSizePolicy(policy)
    view.setMinimumHeight(max(view.minimumHeight(), view.fontMetrics().lineSpacing() * FEW_LINES))


class SortArrows(QProxyStyle):
    """Fusion with the sort arrow pointing up over ascending rows, as Windows' own style draws it:
    Qt's header asks for SortDown on ascending order, which Fusion draws pointing down."""

    FLIPPED = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
               QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            option = QStyleOptionHeader(option)
            option.sortIndicator = self.FLIPPED.get(option.sortIndicator, option.sortIndicator)
        super().drawPrimitive(element, option, painter, widget)


def register_fonts() -> None:
    """The bundled Liberation Sans, so every Vietnamese letter on screen has a glyph on any PC
    (documents embed their own fonts, so the Serif faces are not needed on screen)."""
    for style in FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource_path(f"fonts/LiberationSans-{style}.ttf")))


def apply(app: QApplication) -> None:
    """The fonts, the style and the style sheet, once: replacing the style under live widgets crashes Qt."""
    if app.property(APPLIED):
        return
    app.setProperty(APPLIED, True)
    register_fonts()
    app.setStyle(SortArrows("Fusion"))
    app.setFont(QFont(UI_FAMILY, 10))
    app.setStyleSheet(style_sheet(app.palette()))


def style_sheet(palette: QPalette) -> str:
    """The style sheet in the colours that read on `palette`'s windows."""
    return STYLE.substitute(shades(palette))


def colour(name: str) -> str:
    """The colour of `name` («title», «hint», «error», «ok») that reads on the program's windows."""
    return shades(QApplication.palette())[name]


def shades(palette: QPalette) -> dict[str, str]:
    return ON_DARK if palette.color(QPalette.ColorRole.Window).lightness() < 128 else ON_LIGHT


def read_only(view: ItemView) -> ItemView:
    """A table or list read, not typed in: Tab goes on to the next control and the arrows move between
    cells (Qt's Tab from cell to cell wrapped round to the first and never left the table)."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    return view


def plain(label: QLabel) -> QLabel:
    """`label` shows its text as typed: Qt took a name or a file name typed «<b>…</b>» for markup."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def heading(title: str, subtitle: str = "") -> QWidget:
    """The page's title and the line under it (its labels are named "title" and "subtitle")."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 6)
    above = plain(styled(QLabel(title), "pageTitle"))
    above.setObjectName("title")
    layout.addWidget(above)
    if subtitle:
        below = plain(styled(QLabel(subtitle), "pageSubtitle"))
        below.setObjectName("subtitle")
        below.setWordWrap(True)
        layout.addWidget(below)
    return box


def button_row(*right: QWidget, left: Iterable[QWidget] = ()) -> QHBoxLayout:
    """A dialog's row of buttons: `right` at its right end (what ends the dialog last), `left` at its left end;
    widgets added to it later go on at the right."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row


class ErrorLabel(QLabel):
    """One line under a form saying what is wrong (red), what was done (green) or what is so (grey)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        plain(self)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str, error: bool = True) -> None:
        self._show(text, colour("error" if error else "ok"))

    def show_hint(self, text: str) -> None:
        self._show(text, colour("hint"))

    def _show(self, text: str, colour: str) -> None:
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()


class EmptyNote(QObject):
    """A line where an empty table's rows would be, saying what it would list («Chưa có … nào.»)."""

    MARGIN = 12

    def __init__(self, table: QAbstractItemView, text: str):
        super().__init__(table)
        self.table, self.text = table, text
        table.viewport().installEventFilter(self)

    def shown(self) -> bool:
        return self.table.model().rowCount() == 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.shown():  # an empty table paints no cells over it
            painter = QPainter(watched)
            painter.setPen(QColor(colour("hint")))
            painter.drawText(watched.rect().adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN),
                             Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.text)
            painter.end()
        return False


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
