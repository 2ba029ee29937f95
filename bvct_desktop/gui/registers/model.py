"""A register's table: a QAbstractTableModel over SQL that holds only the ordered ids and
fetches the rows it paints a page at a time (Anki's browser table), so 200k cadres open and
scroll smoothly; filters and sort are done by SQL in core.browse.

A keystroke in the search box shows the first rows found (core.register_search) and the model
finds the rest while the officer pauses, a slice at a time, appending them (`grown` says so, with
the count); scrolling to the last row found reads on a page more, asking for every id finds the
rest at once. While idle it first reads ahead what the rest of a search needs of the whole register
(its texts), so that no keystroke, nor the view asking for more rows, waits for the whole register.

After a record changed (`refresh`), the model tells the views what moved — rows removed,
rows added, the order changed, cells changed — instead of starting over, so the selection,
the current row and the scroll position survive an edit; a new search, filter or sort starts
the table over.

Rows that cannot be read while painted (a damaged page) are never an error out of `data`, which
the view asks again at every paint: the register is emptied after the paint and `unreadable`
gives the reason, once, until the register is read again."""

import time
from collections.abc import Callable

from ...core import browse, register_search
from ...core.database import Database
from ...core.errors import BvctError
from ...core.text import search_words
from ..qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

PAGE = 80  # rows fetched at a time: a screenful and some
CACHE_LIMIT = 5_000  # rows kept; beyond it the cache starts over (a few pages are refetched)
MOVES_LIMIT = 200  # more separate runs of rows removed than this: the table starts over instead
PAUSE_MS = 100  # the officer stopped typing: the rest of the search goes on
SLICE = 0.012  # seconds of work between two looks at the event queue
READ_AHEAD = 2_000  # records whose texts are read ahead in one step
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value


class RegisterModel(QAbstractTableModel):
    grown = Signal()  # rows found since the search was shown, or the search is complete
    unreadable = Signal(BvctError)  # the rows could not be read: the register is shown empty

    def __init__(self, db: Database, kind: str, parent=None):
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.columns = browse.view(kind).columns
        self.query = ""
        self.filters = browse.Filters()
        self.sort_key: str | None = None
        self.descending: bool | None = None
        self._listing: browse.Listing | None = None  # the register under its filters and sort
        self._kept = browse.KeptTexts(kind)  # the texts its listings read, for the next one
        self._search: register_search.Search | None = None  # what the search box finds of it
        self._ids: list[int] = []
        self._rows: dict[int, browse.Cells] = {}
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._work)
        self._held = False  # the register is not shown: no work while idle
        self.failure: BvctError | None = None  # why the rows could not be read, until read again

    # the register's state

    def reload(self) -> None:
        """Reads the register again (after a change, or with other filters or sort)."""
        self._reading(self._read_anew)

    def _read_anew(self) -> None:
        self._listing = self._listed()
        self._rows.clear()
        self._show(register_search.start(self.db, self._listing, self.query))
        self._idle.start(0)

    def _reading(self, read: Callable[[], None]) -> None:
        """`read`, called from the officer's typing, a view or a timer, where an error would go unseen
        in a box of its own: a register that cannot be read (the office server out of reach, a damaged
        page) lists nothing and `unreadable` says why, until it is read again."""
        try:
            read()
        except BvctError as error:
            self.failure = error
            self._empty()

    def _listed(self) -> browse.Listing:
        return browse.listing(self.db, self.kind, self.filters, self.sort_key, self.descending, kept=self._kept)

    def set_query(self, query: str) -> None:
        """Shows the first rows matching `query`; the rest follow once the officer pauses."""
        if self._listing is None or self.failure is not None:
            self.query = query
            self.reload()
            return
        if search_words(query) == search_words(self.query):  # a space or a case change: the same search
            self.query = query
            return
        self.query = query
        self._reading(lambda: self._show(register_search.start(self.db, self._listing, query, self._search)))
        self._idle.start(PAUSE_MS)

    @property
    def complete(self) -> bool:
        """Whether every row matching the search is in the table (the count is final)."""
        return self._search is None or self._search.complete

    @property
    def mixed(self) -> bool:
        """Whether the rows are those holding every word across their columns, as no one held them whole
        (core.register_search.Search.mixed)."""
        return self._search is not None and self._search.mixed

    @property
    def busy(self) -> bool:
        """Whether work waits for the officer's next pause (the rest of a search, reading ahead)."""
        return self._idle.isActive()

    @property
    def held(self) -> bool:
        return self._held

    def hold(self, held: bool) -> None:
        """No work while idle as long as the register is not shown (`held`); it goes on once it is."""
        self._held = held
        if held:
            self._idle.stop()
        else:
            self._idle.start(0)

    def find_all(self) -> None:
        """Finds every row of the search now."""
        if not self.complete:
            self._search.finish(self.db)
            self._grow()

    def set_filters(self, filters: browse.Filters) -> None:
        self.filters = filters
        self.reload()

    def refresh(self) -> None:
        """Reads the register again after a change, keeping the views' selection and position."""
        self._reading(self._read_again)

    def _read_again(self) -> None:
        self._listing = self._listed()
        result = register_search.finished(self.db, self._listing, self.query)
        self.failure = None
        self._rows.clear()
        self._idle.start(0)
        if not self._moved_to(result.ids):
            self._show(result)
            return
        self._search = result
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))
        self.grown.emit()

    def _work(self) -> None:
        """A slice of the search's rest, else of reading ahead; then the event queue again."""
        if self._held or self.db.closed or self.failure:  # not shown; going (logged out, locked, quit); unreadable
            return
        self._reading(self._work_slice)

    def _work_slice(self) -> None:
        end = time.perf_counter() + SLICE
        while time.perf_counter() < end:
            if self._listing is not None and not self._listing.texts_read:
                with self.db.read() as connection:
                    self._listing.prepare(connection, READ_AHEAD)
            elif not self.complete:
                self._search.go_on(self.db)
            else:
                break
        self._grow()
        if not self.complete or self._listing is not None and not self._listing.texts_read:
            self._idle.start(0)

    def _grow(self) -> None:
        """Appends the rows found since they were last shown."""
        found = self._search.ids
        if len(found) > len(self._ids):
            self.beginInsertRows(QModelIndex(), len(self._ids), len(found) - 1)
            self._ids.extend(found[len(self._ids):])
            self.endInsertRows()
        self.grown.emit()

    def _moved_to(self, new: list[int]) -> bool:
        """Turns the ids into `new` by removing, adding and reordering rows; False when a reset is cheaper."""
        kept = set(new)
        gone = [row for row, record_id in enumerate(self._ids) if record_id not in kept]
        runs = _runs(gone)
        if len(runs) > MOVES_LIMIT:
            return False
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        present = set(self._ids)
        added = [record_id for record_id in new if record_id not in present]
        if added:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(added) - 1)
            self._ids.extend(added)
            self.endInsertRows()
        if self._ids != new:
            self.layoutAboutToBeChanged.emit()
            moved = self.persistentIndexList()
            ids_of = [self._ids[index.row()] for index in moved]
            self._ids = list(new)
            row_of = {record_id: row for row, record_id in enumerate(self._ids)}
            self.changePersistentIndexList(moved, [self.index(row_of[record_id], index.column())
                                                   for record_id, index in zip(ids_of, moved, strict=True)])
            self.layoutChanged.emit()
        return True

    def _show(self, result: register_search.Search) -> None:
        self.beginResetModel()
        self.failure = None
        self._search = result
        self._ids = list(result.ids)
        self.endResetModel()
        self.grown.emit()

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        self.find_all()
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def rows_found(self, record_ids: list[int]) -> dict[int, int]:
        """The rows of those of `record_ids` found so far, by id (the rest of a search is not looked for)."""
        wanted = set(record_ids)
        return {record_id: row for row, record_id in enumerate(self._ids) if record_id in wanted}

    @property
    def ids(self) -> list[int]:
        """Every row's record, in order (the search finished first)."""
        self.find_all()
        return list(self._ids)

    # Qt's model interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.complete

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        """The view shows the last row found: a page more, from the records read on (as a keystroke,
        up to SCAN_BUDGET of them; rare rows follow while idle)."""
        if parent.isValid() or self.complete:
            return
        wanted, tried = len(self._ids) + PAGE, 0
        while not self.complete and len(self._search.ids) < wanted and tried < register_search.SCAN_BUDGET:
            self._search.step(self.db)
            tried += register_search.CHUNK
        self._grow()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation != Qt.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.DisplayRole:
            return column.header
        if role == Qt.ToolTipRole:  # the field's whole header, and how the column is used
            whole = column.field.header if column.field is not None else column.header
            return f"{whole}\nBấm để sắp xếp; chuột phải để chọn cột; kéo để đổi chỗ."
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        # Called for every role of every painted cell: plain ints, the cheapest test first.
        if role != DISPLAY and role != TOOLTIP or not index.isValid():
            return None
        row = self._row(index.row())
        value = row[index.column()]
        if role == TOOLTIP:  # the whole text or what the core tells beyond it; the view shows it where they differ
            return row.tips.get(self.columns[index.column()].key, value)
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.DescendingOrder
        self.reload()  # called by the view (its first sort builds the page): never an error out of Qt

    def _row(self, row: int) -> browse.Cells:
        record_id = self._ids[row]
        if record_id not in self._rows:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
            start = row - row % PAGE
            page = self._ids[start:start + PAGE]
            try:
                self._rows.update(browse.fetch_rows(self.db, self.kind, page))
            except BvctError as error:
                self._rows.update(dict.fromkeys(page, browse.Cells([""] * len(self.columns))))
                if self.failure is None:
                    self.failure = error
                    QTimer.singleShot(0, self._empty)  # a view's rows change only outside its paint
            self._rows.setdefault(record_id, browse.Cells([""] * len(self.columns)))  # gone since the last reload
        return self._rows[record_id]

    def _empty(self) -> None:
        """No rows, as the register could not be read; told once."""
        self._idle.stop()
        self.beginResetModel()
        self._ids, self._search = [], None
        self.endResetModel()
        self.unreadable.emit(self.failure)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as runs of consecutive rows: [2, 3, 4, 9] → [(2, 4), (9, 9)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
