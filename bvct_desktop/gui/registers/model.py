"""A register's table: a QAbstractTableModel over SQL that holds only the ordered ids and
fetches the rows it paints a page at a time (Anki's browser table), so 200k cadres open and
scroll smoothly; search, filters and sort are done by SQL in core.browse."""

from ...core import browse
from ...core.database import Database
from ...core.search import narrows
from ...core.text import search_words
from ..qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAGE = 80  # rows fetched at a time: a screenful and some
CACHE_LIMIT = 5_000  # rows kept; beyond it the cache starts over (a few pages are refetched)
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

    def _show(self, result: browse.Listing) -> None:
        self.beginResetModel()
        self._result = result
        self._ids = result.ids
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
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY):
        # Called for every role of every painted cell: plain ints, the cheapest test first.
        if role != DISPLAY and role != TOOLTIP or not index.isValid():
            return None
        value = self._row(index.row())[index.column()]
        if role == TOOLTIP:
            return value if len(value) > 40 else None
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
