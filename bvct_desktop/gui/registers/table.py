"""A register's table view: the columns up to the name stay in place while the others scroll
(Qt's frozen-column example: a second view over the same model laid on the first), a cell cut
short shows its whole text as a tooltip (in the record windows' tables too, where Enter opens a
row as a double-click does), a header too long for its column goes on more lines (in both views, as
tall), and a column with few values carries Excel's filter arrow in its header."""

from collections.abc import Callable

from ...core import long_text
from ..look import read_only
from ..qt import (
    QAbstractItemView,
    QApplication,
    QColor,
    QEvent,
    QHeaderView,
    QItemSelectionModel,
    QLineEdit,
    QObject,
    QPoint,
    QPolygon,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QToolTip,
    Signal,
)
from ..tooltips import typed_tip
from .columns import ROW_ROOM, fit_header_height, wrap_cells

ARROW = 14  # the filter arrow's box at a header section's right end, in pixels
BUTTON_ROOM = ARROW + 3  # the room it takes from the section's title
ACTIVE_COLOUR, ARROW_COLOUR, BUTTON_EDGE = QColor("#1f5fbf"), QColor("#505050"), QColor("#a8a8a8")
ARROW_SHAPE = ((-3, -1), (3, -1), (0, 2))
FUNNEL = ((-4, -3), (4, -3), (1, 0), (1, 4), (-1, 4), (-1, 0))
FROZEN_SHARE = 0.6  # the frozen columns' most of the width (at 150 %: a slip's number, date and a long name)
DOWN_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FilterHeader(QHeaderView):
    """A horizontal header whose filterable sections end with an arrow; a click on it asks for the
    column's filter instead of sorting."""

    filter_clicked = Signal(int, QPoint)  # logical column, where to open the filter (global)

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.filterable: set[int] = set()
        self.active: set[int] = set()
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def setSelectionModel(self, selection: QItemSelectionModel) -> None:  # noqa: N802 - Qt's name
        """A selection of its own, never filled, instead of the table's: painting a section asks whether its
        whole column is selected, which Qt answers by asking the model about every row (seconds over
        100,000 selected rows, at every paint); rows are selected whole, and the sections are not highlighted."""
        super().setSelectionModel(QItemSelectionModel(selection.model(), self))

    def arrow_rect(self, section_rect: QRect) -> QRect:
        """The filter button at the section's right end."""
        return QRect(section_rect.right() - ARROW - 1, section_rect.top(), ARROW, section_rect.height())

    def paintSection(self, painter, rect: QRect, logical: int) -> None:  # noqa: N802 - Qt's name
        """A filterable section leaves its right end to a small drop-down button (Excel's), so the
        sort indicator stays clear of it."""
        filterable = logical in self.filterable
        painter.save()
        super().paintSection(painter, rect.adjusted(0, 0, -BUTTON_ROOM, 0) if filterable else rect, logical)
        painter.restore()
        if not filterable:
            return
        button = self.arrow_rect(rect)
        active = logical in self.active
        painter.save()
        painter.fillRect(QRect(button.left() - 1, rect.top(), rect.right() - button.left() + 1, rect.height() - 1),
                         self.palette().button())
        painter.setPen(BUTTON_EDGE)
        painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom())
        painter.setPen(ACTIVE_COLOUR if active else BUTTON_EDGE)
        painter.drawRect(button.adjusted(0, 3, -1, -4))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACTIVE_COLOUR if active else ARROW_COLOUR)
        middle = button.center()
        shape = FUNNEL if active else ARROW_SHAPE  # a funnel: the column is filtered
        painter.drawPolygon(QPolygon([QPoint(middle.x() + dx, middle.y() + dy) for dx, dy in shape]))
        painter.restore()

    def sectionSizeFromContents(self, logical: int):  # noqa: N802 - Qt's name
        size = super().sectionSizeFromContents(logical)
        if logical in self.filterable:
            size.setWidth(size.width() + BUTTON_ROOM)
        return size

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        logical = self.logicalIndexAt(event.position().toPoint())
        if logical in self.filterable and event.button() == Qt.MouseButton.LeftButton:
            rect = QRect(self.sectionViewportPosition(logical), 0, self.sectionSize(logical), self.height())
            if self.arrow_rect(rect).contains(event.position().toPoint()):
                self.filter_clicked.emit(logical, self.mapToGlobal(QPoint(rect.left(), rect.bottom())))
                event.accept()
                return
        super().mousePressEvent(event)


class CutTextTips(QStyledItemDelegate):
    """Shows a cell's whole text as a tooltip only when the cell cuts it short; a long text typed in lines
    by its first line (`long_text.first_line`), the row one line high (copying the cell still takes it whole)."""

    def displayText(self, value, locale) -> str:  # noqa: N802 - Qt's name
        if isinstance(value, str) and "\n" in value:
            return long_text.first_line(value)
        return super().displayText(value, locale)

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt's name
        if event is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        tip = self.tip(view, option, index)
        if tip:
            QToolTip.showText(event.globalPos(), tip, view)
        else:
            QToolTip.hideText()
            event.ignore()
        return True

    def tip(self, view, option, index) -> str | None:
        """The cell's whole text when the cell cuts it short (or the model says more), else None; a long
        one by its first lines (`long_text.tip`), inside the screen."""
        whole = index.data(Qt.ItemDataRole.ToolTipRole) or index.data(Qt.ItemDataRole.DisplayRole) or ""
        text = self.displayText(index.data(Qt.ItemDataRole.DisplayRole) or "", option.locale)
        room = option.rect.width() - 8  # the cell's margins
        cut = text and (option.fontMetrics.horizontalAdvance(text) > room or whole != text)
        return typed_tip(whole) if cut else None


class LinesWithRoom(QStyledItemDelegate):
    """A cell as tall as its lines and the room a one-line row leaves around its line (ROW_ROOM): the style
    leaves a pixel, and a second line sat on the row's bottom edge."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        line = QStyleOptionViewItem(option)
        self.initStyleOption(line, index)
        line.text = "X"  # the style's height for one line
        style = option.widget.style() if option.widget is not None else QApplication.style()
        one_line = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, line, QSize(), option.widget)
        return QSize(hint.width(), hint.height() - one_line.height() + option.fontMetrics.height() + ROW_ROOM)


class EnterActivates(QObject):
    """Enter on `view` activates its current row, as a double-click does, and goes no further: in a
    dialog it would also press the default button. With `space`, Space does as well (a list whose rows are
    each a choice acted on, as a button's Space presses it)."""

    def __init__(self, view: QAbstractItemView, space: bool = False):
        super().__init__(view)
        self.keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, *((Qt.Key.Key_Space,) if space else ()))
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or event.key() not in self.keys:
            return False
        if watched.currentIndex().isValid():
            watched.activated.emit(watched.currentIndex())
        return True


class DownIntoList(QObject):
    """Down or Enter in a search box goes on into the list of what it found (on its first row when none
    is current), and Enter no further: in a dialog it would also press the default button."""

    def __init__(self, search: QLineEdit, view: QAbstractItemView):
        super().__init__(search)
        self.view = view
        search.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or event.key() not in DOWN_KEYS:
            return False
        if self.view.model().rowCount():
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.view.model().index(0, 0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


class RegisterTable(QTableView):
    """The table of a register page, with its columns up to `frozen_key` kept in place."""

    def __init__(self, model, frozen_column: Callable[[], int | None], parent=None):
        """`frozen_column()` is the logical column of the name, or None for no frozen part."""
        super().__init__(parent)
        self._frozen_column = frozen_column
        self.setHorizontalHeader(FilterHeader(self))
        self.setModel(model)
        self.tips = CutTextTips(self)
        self.setItemDelegate(self.tips)
        self._look(self)
        self.frozen = QTableView(self)
        self.frozen.setHorizontalHeader(FilterHeader(self.frozen))
        self._look(self.frozen)
        self.frozen.setModel(model)
        self.frozen.setItemDelegate(self.tips)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setStyleSheet("QTableView { border: none; border-right: 1px solid #a0a0a0; }")
        self.viewport().stackUnder(self.frozen)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        header = self.horizontalHeader()
        header.sectionResized.connect(lambda *_: self.sync_frozen())
        header.sectionMoved.connect(lambda *_: self.sync_frozen())
        header.sortIndicatorChanged.connect(self.frozen.horizontalHeader().setSortIndicator)
        header.sortIndicatorChanged.connect(lambda *_: self.sync_frozen())  # the arrow takes room from a title
        self.frozen.horizontalHeader().setSortIndicatorShown(True)
        self.frozen.horizontalHeader().sectionClicked.connect(self._sort_from_frozen)
        self.frozen.doubleClicked.connect(self.doubleClicked.emit)
        model.modelReset.connect(self.sync_frozen)
        self.frozen_count = 0
        self.sync_frozen()

    @staticmethod
    def _look(view: QTableView) -> None:
        header = view.horizontalHeader()
        header.setDefaultAlignment(header.defaultAlignment() | Qt.TextFlag.TextWordWrap)  # a long title on more lines
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        read_only(view)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + ROW_ROOM)
        view.verticalHeader().hide()
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def wrap_cells(self) -> None:
        """Rows two lines tall in both views, their cells wrapped at spaces (columns.wrap_cells)."""
        for view in (self, self.frozen):
            wrap_cells(view)

    def selected_rows(self) -> list[int]:
        """The rows selected, top first, read from the selection's ranges: Qt's selectedRows asks the model
        about every row, seconds for 100,000 (rows are selected whole)."""
        rows: set[int] = set()
        for part in self.selectionModel().selection():
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    # ----- the frozen columns

    def name_column(self) -> list[int]:
        """The logical column of the name kept in view, if the register has one."""
        name = self._frozen_column()
        return [] if name is None else [name]

    def frozen_logicals(self) -> list[int]:
        """The visible columns from the first to the name's, in their visual order (none when they
        would take too much of the width)."""
        name = self._frozen_column()
        header = self.horizontalHeader()
        if name is None or header.isSectionHidden(name):
            return []
        shown = [header.logicalIndex(visual) for visual in range(header.count())]
        shown = [logical for logical in shown if not header.isSectionHidden(logical)]
        prefix = shown[:shown.index(name) + 1]
        if sum(header.sectionSize(logical) for logical in prefix) > self.viewport().width() * FROZEN_SHARE:
            return []
        return prefix

    def sync_frozen(self) -> None:
        """The frozen view shows the frozen columns, as wide and in the order the main view has them."""
        frozen = self.frozen_logicals()
        self.frozen_count = len(frozen)
        header, mirror = self.horizontalHeader(), self.frozen.horizontalHeader()
        mirror.filterable, mirror.active = header.filterable, header.active
        for logical in range(header.count()):
            self.frozen.setColumnHidden(logical, logical not in frozen)
            if logical in frozen:
                self.frozen.setColumnWidth(logical, header.sectionSize(logical))
        for visual, logical in enumerate(frozen):
            mirror.moveSection(mirror.visualIndex(logical), visual)
        self.frozen.setVisible(bool(frozen))
        fit_header_height(header)
        mirror.setFixedHeight(header.height())
        self._place_frozen()

    def _place_frozen(self) -> None:
        width = sum(self.columnWidth(logical) for logical in self.frozen_logicals())
        self.frozen.setGeometry(self.frameWidth(), self.frameWidth(), width,
                                self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.sync_frozen()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._place_frozen()

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:  # noqa: N802
        """Scrolls to the row; a frozen cell is always in view sideways, so the columns stay put."""
        sideways = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        if index.column() in self.frozen_logicals():
            self.horizontalScrollBar().setValue(sideways)

    def _sort_from_frozen(self, logical: int) -> None:
        header = self.horizontalHeader()
        ascending = not (header.sortIndicatorSection() == logical
                         and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder)
        self.sortByColumn(logical, Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder)
