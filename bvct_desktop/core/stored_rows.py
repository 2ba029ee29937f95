"""Stored rows of a table by key, read as a file's rows come to them and let go once used.

A plan reads the stored row each of a file's rows names: told beforehand which keys the rows
will ask for, in their order (`expect`), it reads each chunk of them in one query when the first
of the chunk is asked for — none for the rows after a failing file's last problem — and lets a
row go once the last row expected to ask for it is done with it (`release`): a register of a
hundred thousand rows imported again is not held twice, as its file and as its stored rows.
"""

import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select, tuple_
from sqlalchemy.engine import Connection

CHUNK = 400  # rows per query


class StoredRows(dict):
    """Rows of `table` by `key` (a column's value, or a tuple of several columns'), the planned ones
    put in by the plan; a key with no stored row reads None."""

    def __init__(self, connection: Connection, table: Table, key: Sequence[str] = ("id",)):
        super().__init__()
        self._connection, self._table, self._key = connection, table, tuple(key)
        columns = [table.c[name] for name in key]
        self._column = columns[0] if len(columns) == 1 else tuple_(*columns)
        self._unread: dict[Any, None] = {}  # keys expected and not read yet, in the order they will be asked for
        self._uses: dict[Any, int] = {}     # keys expected, by how many rows will ask for them

    def expect(self, keys: Iterable) -> None:
        """The keys a file's rows will ask for, in their order, once per row asking."""
        uses = self._uses
        for key in keys:
            uses[key] = uses.get(key, 0) + 1
            if key not in self:
                self._unread[key] = None

    def __missing__(self, key: Any) -> dict[str, Any] | None:
        self._unread.pop(key, None)
        wanted = [key, *itertools.islice(self._unread, CHUNK - 1)]
        for ahead in wanted[1:]:
            del self._unread[ahead]
        read = dict.fromkeys(wanted)
        result = self._connection.execute(select(self._table).where(self._column.in_(wanted)))
        names = list(result.keys())
        key_of = operator.itemgetter(*map(names.index, self._key))
        for row in result:  # (tuples zipped with the names: a sixth faster than the rows' mappings)
            read[key_of(row)] = dict(zip(names, row, strict=True))
        for ahead, row in read.items():
            self.setdefault(ahead, row)  # (a row planned meanwhile stays)
        return self[key]

    def release(self, key: Any) -> None:
        """A row is done with the stored row of `key`, leaving nothing planned on it: the row is let go
        when no other row expected asks for it (one asking all the same reads it again)."""
        left = self._uses.pop(key, 0) - 1
        if left > 0:
            self._uses[key] = left
        else:
            self.pop(key, None)
