"""Which columns a register shows, in what order and how wide: fitted to the screen at first (a
register opened empty: again when its first rows come), then as each user leaves them (kept per
user in the database, core/preferences). The header's menu shows and hides columns, fits them to
the width again or goes back to the defaults; a column is moved by dragging its header, widened
by dragging its edge.

The tables of a record's windows (a cadre's file, a vetting case, a delegation's members) are
fitted the same way, again whenever their width changes (`keep_fitted`). In both, a header too long
for its column goes on more lines, no column narrower than its header's longest word."""

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from ...core import browse, deadlines, in_charge, preferences
from ...core.errors import BvctError
from ..qt import (
    QAction,
    QApplication,
    QEvent,
    QHeaderView,
    QMenu,
    QModelIndex,
    QObject,
    QRect,
    QStyle,
    QStyleOptionHeader,
    Qt,
    QTableView,
    QTimer,
)

SAMPLE_ROWS = 100  # rows measured for a column's natural width (a few screenfuls)
WIDEST = 420       # no column is fitted wider than this (a tooltip shows the rest)
MEASURED = 1000    # a cell's first characters measured: wider than any screen (a text of 32,767 took seconds)
WHOLE_SHARE = 3    # values are kept whole before others up to this part of the width (a third)
USUAL = 0.9        # the share of the rows measured whose cells a column's usual width shows whole
PADDING = 18
ROW_ROOM = 10      # a row's room above and below its lines, together (one line, or more where cells wrap)
WRAPPING = "bvctWrapsCells"  # the property of a table whose cells go on two lines (`wrap_cells`)
SAVE_AFTER_MS = 600
# Shown on request only: columns an officer rarely needs on screen, to leave room for the others
DEFAULT_HIDDEN = {
    # a season's slips mostly share their purpose (filtered by above the register); a reply is read in its result
    "slips": ("birth_date", "deceased", "death_date", "home_town", "purpose", "result_on", in_charge.FIELD.key),
    "vetting-cases": (in_charge.FIELD.key,),
    "archive-requests": ("other_names", "gender", "home_town", "work_before_1975", "father_name", "mother_name",
                         "reply_no", "extract"),
    "delegations": ("report_no", "report_on", "report_to", "in_plan"),  # the plan checked once, the report's due daily
    "complaints": ("sender_address", "forwarded_on"),  # where the letter went and the reply to its sender shown
}
_DUE = dt.date(2026, 9, 28)  # a working day: months late by the calendar
# Cells a register keeps the room of whatever its rows measured (the newest, not overdue yet), read whole beside
# the others: a slip's reply deadline and how late it is, months late, in a register whose rows stay on one line
KEPT_ROOM = {"slips": {browse.REPLY_DUE: str(deadlines.late_by(_DUE, True, _DUE + dt.timedelta(days=888)))}}


def fit(natural: Sequence[int], minimum: Sequence[int], available: int) -> list[int]:
    """Widths that fit `available`: every column its natural width (its minimum, if more) when they all
    fit; else the widest are narrowed first to one common cap, none below its minimum (then the table scrolls)."""
    natural = [max(width, least) for width, least in zip(natural, minimum, strict=True)]
    if sum(natural) <= available:
        return list(natural)
    low, high = 0, max(natural)
    while low < high:  # the largest cap that fits
        cap = (low + high + 1) // 2
        if sum(max(least, min(width, cap)) for width, least in zip(natural, minimum, strict=True)) <= available:
            low = cap
        else:
            high = cap - 1
    return [max(least, min(width, low)) for width, least in zip(natural, minimum, strict=True)]


def fit_to_width(table: QTableView, growing: Sequence[int] = (), whole: Sequence[int] = (),
                 kept_room: Mapping[int, str] | None = None) -> None:
    """Every shown column its natural width when they all fit. Else each its usual width (a recipient most
    rows name shown whole, an empty reply column narrow) and what is left to the widest. Else the usual widths
    narrowed, none below what most of its rows need if that is within a third of the width (a header wider than
    its values goes on more lines: a cadre's political issue read whole), else — where cells wrap — the longest of
    those cut first, one after another, else none below its least; the `whole`
    columns (the name kept in view while the rest scrolls) not below what most of their rows need, within a third
    of the width and, in a table that can fit, the room the others leave (a few long names never push them out) —
    the others at their least when at what most of their rows need they would leave a name cut.
    Room left goes first to the cells still cut, then to the `growing` columns (else to those with cells wider
    than their header): an empty column keeps to its header; in a table with no rows, all share it. A column
    in `kept_room` is measured as if most of its rows were its text there (a deadline months overdue)."""
    header = table.horizontalHeader()
    shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
    sizes = [natural_widths(table, logical, (kept_room or {}).get(logical, "")) for logical in shown]
    natural = [min(WIDEST, size.whole) for size in sizes]
    usual = [size.usual for size in sizes]
    available = (table.viewport().width() or table.width()) - 2
    kept = [place for place, logical in enumerate(shown) if logical in whole]
    if sum(usual) <= available:
        widths = fit(natural, usual, available)
    else:  # headers go on more lines before short values are cut, and other values before most names kept in view;
        # where cells wrap, a longer value before a shorter one (a delegation's members before its report's due day);
        # where they do not, the headers on one line before the values all cut at once
        third, least = available // WHOLE_SHARE, [size.least for size in sizes]
        if table.property(WRAPPING):
            steps = [(cap, least) for cap in sorted({size.most for size in sizes if size.most <= third}, reverse=True)]
        else:
            one_line = [max(size.least, header_width(header, logical))
                        for size, logical in zip(sizes, shown, strict=True)]
            steps = [(third, least), (0, one_line)]
        for cap, lows in [*steps, (0, least)]:
            floors = [max(low, size.most if size.most <= cap else 0) for low, size in zip(lows, sizes, strict=True)]
            floors = _keeping(sizes, lows, floors, kept, available)
            widths = fit(usual, floors, available)
            if sum(widths) <= available and all(floors[place] >= min(sizes[place].most, third) for place in kept):
                break
    widths = fit([size.whole for size in sizes], widths, available)
    sharing = [place for place, logical in enumerate(shown) if logical in growing] or [
        place for place, size in enumerate(sizes) if size.whole > size.header] or (
        [] if table.model().rowCount() else list(range(len(shown))))
    left = available - sum(widths)
    for share, place in enumerate(sharing if left > 0 else ()):
        widths[place] += left // len(sharing) + (share < left % len(sharing))
    for logical, width in zip(shown, widths, strict=True):
        header.resizeSection(logical, width)
    fit_header_height(header)


def _keeping(sizes: Sequence["Sizes"], lows: Sequence[int], floors: list[int], kept: Sequence[int],
             available: int) -> list[int]:
    """`floors` with the columns at the places `kept` (the name kept in view) raised to what most of their rows
    need, within a third of the width and, where the others at their floors leave room for them, within it; none
    below its low."""
    floors = list(floors)
    for place in kept:
        room = available - sum(floors) + floors[place]
        share = min(available // WHOLE_SHARE, room if room > lows[place] else available)
        floors[place] = max(lows[place], min(sizes[place].most, share))
    return floors


def whole_width(table: QTableView) -> int:
    """The width the table takes to show every shown column's cells whole (its frame and scroll bar counted)."""
    header = table.horizontalHeader()
    columns = sum(natural_widths(table, logical).whole for logical in range(header.count())
                  if not header.isSectionHidden(logical))
    return columns + 2 + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()


def fit_header_height(header: QHeaderView) -> None:
    """A header that wraps as tall as its longest title needs at its column's width."""
    if wraps(header):
        shown = [logical for logical in range(header.count()) if not header.isSectionHidden(logical)]
        header.setFixedHeight(max((wrapped_height(header, logical) for logical in shown), default=header.height()))


class Sizes(NamedTuple):
    whole: int   # the header and the widest of the first rows
    usual: int   # the header and most of them (USUAL), within WIDEST
    least: int   # the narrowest it is made
    header: int
    most: int    # most of the rows (USUAL) whole, within WIDEST, the header aside


def natural_widths(table: QTableView, logical: int, kept_room: str = "") -> Sizes:
    """A column's widths measured on its first rows. The usual shows a value on a single row (a
    relative's home) ten digits' room at least, not its header's. The least keeps its widgets whole
    (a member's role box shows its longest choice), its numbers (a CCCD's twelve digits) and its header
    (its longest word where headers wrap), the sort arrow's room counted; else it is its usual width or
    ten digits' room, whichever is less — or, where cells wrap, its longest word if that is less still. Where
    cells wrap, a value is read whole on its row's two lines: the usual and most widths count it so. Most rows
    are read whole at the room `kept_room` needs, whatever the rows measured."""
    model = table.model()
    header = table.horizontalHeader().sectionSizeFromContents(logical).width()
    indexes = [model.index(row, logical) for row in range(min(model.rowCount(), SAMPLE_ROWS))]
    widgets = [table.indexWidget(index) for index in indexes]
    boxes = [widget.sizeHint().width() for widget in widgets if widget is not None]
    texts = [_shown(table, index) for index, widget in zip(indexes, widgets, strict=True) if widget is None]
    numbers = [_room(table, text) for text in texts if text.isdigit()]
    cells = sorted([_room(table, text) for text in texts] + boxes) or [0]
    if table.property(WRAPPING):  # most of the rows read whole on their two lines
        needs = sorted([_two_lines_room(table, text) for text in texts] + boxes) or [0]
    else:
        needs = cells
    kept_need = 0
    if kept_room:
        kept_need = _two_lines_room(table, kept_room) if table.property(WRAPPING) else _room(table, kept_room)
        cells, needs = sorted([*cells, _room(table, kept_room)]), sorted([*needs, kept_need])
    ten_digits = _room(table, "0" * 10)
    most = min(WIDEST, max(needs[math.ceil(len(needs) * USUAL) - 1], kept_need))
    usual = min(WIDEST, max(header, most, min(needs[-1], ten_digits)))
    narrowest = min(usual, ten_digits)
    if table.property(WRAPPING):
        words = {word for text in texts for word in text.split()}
        narrowest = min(narrowest, max((_room(table, word) for word in words), default=0))
    least = max([max(boxes, default=narrowest), *numbers])
    header_whole = longest_word if wraps(table.horizontalHeader()) else header_width  # on more lines, or one
    least = max(least, header_whole(table.horizontalHeader(), logical))
    return Sizes(max(header, cells[-1]), max(usual, least), least, header, most)


def _shown(table: QTableView, index: QModelIndex) -> str:
    """A cell's text as its delegate shows it, its first characters: a register's text in lines by its first line
    (CutTextTips), a list whose rows go on the lines typed by them all."""
    value = index.data()
    return table.itemDelegateForIndex(index).displayText(value, table.locale())[:MEASURED] if value else ""


def _room(table: QTableView, text: str) -> int:
    """The room a text needs on its longest line (a cell shown in lines)."""
    return max(map(table.fontMetrics().horizontalAdvance, text.splitlines() or [""])) + PADDING


def _two_lines_room(table: QTableView, text: str) -> int:
    """The room a text needs on two lines: broken at the space that leaves its longer line shortest
    («02/11/2026» above «(quá hạn 18 ngày)»), found in a few measurements (the first line widens as the break
    moves right, the second narrows); a text wider than two WIDEST lines needs WIDEST anyway, measured once; a text
    given in lines its longest."""
    whole = _room(table, text)
    spaces = [at for at, char in enumerate(text) if char == " "]
    if not spaces or whole > 2 * WIDEST or len(text.splitlines()) > 1:  # a text in lines keeps them
        return whole

    def longer_line(space: int) -> int:
        return max(_room(table, text[:space]), _room(table, text[space + 1:]))

    low, high = 0, len(spaces) - 1
    while low < high:  # the first break whose first line is the longer
        middle = (low + high) // 2
        if _room(table, text[:spaces[middle]]) >= _room(table, text[spaces[middle] + 1:]):
            high = middle
        else:
            low = middle + 1
    return min(longer_line(space) for space in spaces[max(0, low - 1):low + 1])


def wraps(header: QHeaderView) -> bool:
    return bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)


def _header_text(header: QHeaderView, logical: int, sorted_on: bool) -> tuple[str, int, int]:
    """The header's text, and the room its section takes around it as the style paints it: across
    (its margins, a button a header of ours adds, the sort arrow when `sorted_on` — Qt's
    sectionSizeFromContents makes room for the arrow on every section, but it is painted on the
    sorted one only) and down."""
    text = header.model().headerData(logical, header.orientation()) or ""
    option = QStyleOptionHeader()
    option.rect, option.fontMetrics = QRect(0, 0, header.sectionSize(logical), header.height()), header.fontMetrics()
    option.state = QStyle.StateFlag.State_Horizontal
    option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown if sorted_on
                            else QStyleOptionHeader.SortIndicator.None_)
    label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header).width()
    ours, qts = header.sectionSizeFromContents(logical), QHeaderView.sectionSizeFromContents(header, logical)
    button = ours.width() - qts.width()
    return text, header.sectionSize(logical) - label + button, ours.height() - header.fontMetrics().height()


def _sorted_on(header: QHeaderView, logical: int) -> bool:
    return header.isSortIndicatorShown() and header.sortIndicatorSection() == logical


def header_width(header: QHeaderView, logical: int) -> int:
    """The width of a section showing its header whole on one line, sorted on it or not."""
    text, across, _down = _header_text(header, logical, sorted_on=True)
    return header.fontMetrics().horizontalAdvance(text) + across


def longest_word(header: QHeaderView, logical: int) -> int:
    """The width of a section showing the longest word of its header whole, sorted on it or not."""
    text, across, _down = _header_text(header, logical, sorted_on=True)
    return max(map(header.fontMetrics().horizontalAdvance, text.split()), default=0) + across


def wrapped_height(header: QHeaderView, logical: int) -> int:
    """The height of a section showing its header whole at its width, on as many lines as it needs."""
    text, across, down = _header_text(header, logical, _sorted_on(header, logical))
    metrics, room = header.fontMetrics(), header.sectionSize(logical) - across
    if metrics.horizontalAdvance(text) <= room:
        return metrics.height() + down
    return metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text).height() + down


def wrap_cells(table: QTableView) -> None:
    """Rows two lines tall, their cells wrapped at spaces: fitted, a column gives way down to its longest
    word (a time's date above its hour), the rest of a long text cut with «…» (its tooltip whole)."""
    table.setWordWrap(True)
    table.verticalHeader().setDefaultSectionSize(2 * table.fontMetrics().lineSpacing() + ROW_ROOM)
    table.setProperty(WRAPPING, True)


class _Refitting(QObject):
    """Fits its table's columns again whenever the table's width changes."""

    def __init__(self, table: QTableView, growing: Sequence[int], whole: Sequence[int]):
        super().__init__(table)
        self.growing, self.whole = growing, whole

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            fit_to_width(self.parent(), self.growing, self.whole)
        return False


def keep_fitted(table: QTableView, growing: Sequence[int] = (), whole: Sequence[int] = ()) -> None:
    """A record window's table: its columns fitted to its width as a register's are at first, again
    whenever the width changes (call `fit_to_width` with the same `growing` and `whole` after refilling
    it); what is left goes to the cells cut, then to the `growing` columns, else to those with content
    (the last stretches over what rounding leaves)."""
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setDefaultAlignment(header.defaultAlignment() | Qt.TextFlag.TextWordWrap)
    table.viewport().installEventFilter(_Refitting(table, growing, whole))


class ColumnLayout:
    """The columns of one register table for the user logged in."""

    def __init__(self, context, kind: str, table, keys: Sequence[str], filter_menu: Callable[[QMenu, int], None]):
        self.context, self.kind, self.table, self.keys = context, kind, table, list(keys)
        self.kept_room = {self.keys.index(key): text for key, text in KEPT_ROOM.get(kind, {}).items() if key in keys}
        self._filter_menu = filter_menu
        self.key = f"cot.{kind}"
        self.resized_by_hand = False
        self._fitted_empty = False  # fitted with no rows to measure: fitted again once the first arrive
        self._applying = False
        self._save_timer = QTimer(table)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_AFTER_MS)
        self._save_timer.timeout.connect(self.save)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.sectionMoved.connect(lambda *_: self._changed())
        header.sectionResized.connect(self._resized)
        table.model().rowsInserted.connect(self._rows_arrived)
        table.model().modelReset.connect(self._rows_arrived)

    # ----- applying

    def apply(self) -> None:
        """The user's columns (order, hidden, widths), else the defaults fitted to the width."""
        saved = self._read()
        header = self.table.horizontalHeader()
        self._applying = True
        try:
            order = [key for key in saved.get("order", []) if key in self.keys]
            for at, key in enumerate(self.keys):
                if key not in order:  # a column new since the order was saved: after the one it follows by default
                    order.insert(order.index(self.keys[at - 1]) + 1 if at else 0, key)
            for visual, key in enumerate(order):
                header.moveSection(header.visualIndex(self.keys.index(key)), visual)
            hidden = saved.get("hidden", DEFAULT_HIDDEN.get(self.kind, ()))
            for logical, key in enumerate(self.keys):
                header.setSectionHidden(logical, key in hidden)
            widths = saved.get("widths") or {}
            self.resized_by_hand = bool(widths)
            self._fitted_empty = False
            for logical, key in enumerate(self.keys):
                if key in widths:
                    header.resizeSection(logical, int(widths[key]))
        finally:
            self._applying = False
        if not widths:
            self._fit()
        self.table.sync_frozen()

    def fit_now(self) -> None:
        """«Vừa khít bề ngang»: fitted to the width again, and remembered so."""
        self._fit()
        self.resized_by_hand = False
        self.table.sync_frozen()
        self._changed()

    def _fit(self) -> None:
        """The shown columns fitted to the width and to the rows there are (none yet: again once they come)."""
        self._applying = True
        try:
            fit_to_width(self.table, whole=[*self.table.name_column(), *self.kept_room], kept_room=self.kept_room)
        finally:
            self._applying = False
        self._fitted_empty = not self.table.model().rowCount()

    def _rows_arrived(self) -> None:
        """The first rows of a register laid out empty: its columns fitted to them, as when it is opened
        with them, unless the officer has sized them."""
        if self._fitted_empty and not self.resized_by_hand and self.table.model().rowCount():
            self._fit()
            self.table.sync_frozen()

    def reset(self) -> None:
        """«Cột mặc định»: the defaults again, the user's choice forgotten."""
        self._write(None)
        self._save_timer.stop()
        self.apply()

    # ----- remembering

    def _resized(self, logical: int, _old: int, _new: int) -> None:
        """A column's edge dragged (not the last column following the window): remembered."""
        if not self._applying and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.resized_by_hand = True
            self._changed()

    def _changed(self) -> None:
        if not self._applying:
            self._save_timer.start()

    def shown(self) -> list[str]:
        """The keys of the columns shown, in their order on screen (what «In» prints)."""
        header = self.table.horizontalHeader()
        return [key for key in self._order() if not header.isSectionHidden(self.keys.index(key))]

    def _order(self) -> list[str]:
        header = self.table.horizontalHeader()
        return [self.keys[header.logicalIndex(visual)] for visual in range(header.count())]

    def chosen(self) -> dict:
        """What the user has chosen: the columns' order, those hidden, and widths set by hand."""
        header = self.table.horizontalHeader()
        order = self._order()
        hidden = [key for logical, key in enumerate(self.keys) if header.isSectionHidden(logical)]
        chosen = {"order": order, "hidden": hidden}
        if self.resized_by_hand:
            chosen["widths"] = {key: header.sectionSize(logical) for logical, key in enumerate(self.keys)
                                if not header.isSectionHidden(logical)}
        return chosen

    def save(self) -> None:
        self._save_timer.stop()
        self._write(self.chosen())

    def _read(self) -> dict:
        try:
            found = preferences.read(self.context.db, self.key)
        except BvctError:
            found = None
        return found if isinstance(found, dict) else {}

    def _write(self, value) -> None:
        if self.context.read_only:
            return
        try:
            preferences.write(self.context.db, self.key, value)
        except BvctError:
            pass  # a preference not kept is no reason to trouble the officer

    # ----- the header's menu

    def show_menu(self, position) -> None:
        self.menu = self.build_menu(self.table.horizontalHeader().logicalIndexAt(position))
        self.menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def build_menu(self, logical: int) -> QMenu:
        header = self.table.horizontalHeader()
        menu = QMenu(self.table)
        if logical >= 0:
            self._filter_menu(menu, logical)
        shown = menu.addMenu("Hiện cột")
        model = self.table.model()
        for index, _key in enumerate(self.keys):
            action = QAction(model.headerData(index, header.orientation()), shown)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(index))
            action.toggled.connect(lambda on, index=index: self.show_column(index, on))
            shown.addAction(action)
        menu.addSeparator()
        menu.addAction("Vừa khít bề ngang", self.fit_now)
        menu.addAction("Cột mặc định", self.reset)
        return menu

    def show_column(self, logical: int, shown: bool) -> None:
        header = self.table.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return  # the last column stays
        header.setSectionHidden(logical, not shown)
        if shown and not self.resized_by_hand:
            self._fit()
        self.table.sync_frozen()
        self._changed()
