"""A register's table: a QAbstractTableModel over SQL that holds only the ordered ids and
fetches the rows it paints a page at a time (Anki's browser table), so 200k cadres open and
scroll smoothly; search, filters and sort are done by SQL in core.browse.

After a record changed (`refresh`), the model tells the views what moved — rows removed,
rows added, the order changed, cells changed — instead of starting over, so the selection,
the current row and the scroll position survive an edit; a new search, filter or sort starts
the table over."""

from ...core import browse
from ...core.database import Database
from ...core.search import narrows
from ...core.text import search_words
from ..qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAGE = 80  # rows fetched at a time: a screenful and some
CACHE_LIMIT = 5_000  # rows kept; beyond it the cache starts over (a few pages are refetched)
MOVES_LIMIT = 200  # more separate runs of rows removed than this: the table starts over instead
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value


class RegisterModel(QAbstractTableModel):
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
        self._result: browse.Listing | None = None   # what the search box leaves of it
        self._ids: list[int] = []
        self._rows: dict[int, list[str]] = {}

    # the register's state

    def reload(self) -> None:
        """Reads the register again (after a change, or with other filters or sort)."""
        self._listing = browse.listing(self.db, self.kind, self.filters, self.sort_key, self.descending)
        self._rows.clear()
        self._show(browse.search_listing(self.db, self._listing, self.query))

    def set_query(self, query: str) -> None:
        """Narrows the loaded listing by the search rule (no new sort in SQL)."""
        if self._listing is None:
            self.query = query
            self.reload()
            return
        if search_words(query) == search_words(self.query):  # a space or a case change: the same search
            self.query = query
            return
        base = self._result if narrows(self.query, query) else self._listing
        self.query = query
        self._show(browse.search_listing(self.db, base, query))

    def set_filters(self, filters: browse.Filters) -> None:
        self.filters = filters
        self.reload()

    def refresh(self) -> None:
        """Reads the register again after a change, keeping the views' selection and position."""
        self._listing = browse.listing(self.db, self.kind, self.filters, self.sort_key, self.descending)
        result = browse.search_listing(self.db, self._listing, self.query)
        self._rows.clear()
        if not self._moved_to(result.ids):
            self._show(result)
            return
        self._result = result
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

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

    def _show(self, result: browse.Listing) -> None:
        self.beginResetModel()
        self._result = result
        self._ids = list(result.ids)
        self.endResetModel()

    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    # Qt's model interface

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        value = self._row(index.row())[index.column()]
        if role == TOOLTIP:  # the whole text; the view shows it only where the cell cuts it
            if self.columns[index.column()].key == "members":
                count, _, names = value.partition(": ")
                return count + ":\n" + names.replace(", ", "\n")
            return value
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.DescendingOrder
        self.reload()

    def _row(self, row: int) -> list[str]:
        record_id = self._ids[row]
        if record_id not in self._rows:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
            start = row - row % PAGE
            self._rows.update(browse.fetch_rows(self.db, self.kind, self._ids[start:start + PAGE]))
            self._rows.setdefault(record_id, [""] * len(self.columns))  # gone since the last reload
        return self._rows[record_id]


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as runs of consecutive rows: [2, 3, 4, 9] → [(2, 4), (9, 9)]."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
