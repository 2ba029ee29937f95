"""Stored rows of a table by key, read as a file's rows come to them and let go once used.

A plan reads the stored row each of a file's rows names: told beforehand which keys the rows
will ask for, in their order (`expect`), it reads each chunk of them in one query when the first
of the chunk is asked for — none for the rows after a failing file's last problem — and lets a
row go once the last row expected to ask for it is done with it (`release`): a register of a
hundred thousand rows imported again is not held twice, as its file and as its stored rows.

The chunks are read by a query made once (`KeyedQuery`), run through the driver for each chunk:
SQLAlchemy would render the IN list of every chunk again and convert each row's values through
its result objects, which took about a third of reading a register's stored rows.
"""

import functools
import itertools
import operator
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, Table, bindparam, select, tuple_
from sqlalchemy.engine import Connection, Dialect

CHUNK = 400  # rows per query


class KeyedQuery:
    """`query` (made once, by the module asking) narrowed to the rows whose key — columns `key` of
    `table` — is one of up to CHUNK values; `rows` runs it for a chunk of values through the driver,
    each value converted both ways as SQLAlchemy converts it (a date column's text to a date). The
    statement is compiled once per query and kind of database (a form's save reads through it too)."""

    def __init__(self, connection: Connection, query: Select, table: Table, key: Sequence[str]):
        self._connection, self._single, self.size = connection, len(key) == 1, CHUNK
        kind = (type(connection.dialect), connection.dialect.paramstyle, query, table, tuple(key), self.size)
        if kind not in _COMPILED:
            _COMPILED[kind] = _Compiled(connection.dialect, query, table, key, self.size)
        self._compiled = _COMPILED[kind]

    def rows(self, keys: Sequence) -> Iterator[list]:
        """The rows of the keys given (at most CHUNK), each a list of the query's columns."""
        compiled = self._compiled
        padded = [*keys, *itertools.repeat(keys[-1], self.size - len(keys))]  # one statement for any count
        values = padded if self._single else [value for key in padded for value in key]
        if compiled.converts_keys:
            values = [convert(value) if convert else value
                      for value, convert in zip(values, itertools.cycle(compiled.binds))]
        if compiled.in_order:  # a statement taking the values by position, in the keys' order (SQLite)
            parameters = tuple(values)
        else:
            named = dict(zip(compiled.names, values, strict=True))
            parameters = tuple(map(named.__getitem__, compiled.positions)) if compiled.positions else named
        for row in self._connection.exec_driver_sql(compiled.sql, parameters).all():
            values = list(row)
            for position, convert in compiled.results:
                values[position] = convert(values[position])
            yield values


class _Compiled:
    """A keyed query's text, how its parameters are given (by name, or by position) and the
    conversions of the keys' values and of the columns read."""

    def __init__(self, dialect: Dialect, query: Select, table: Table, key: Sequence[str], size: int):
        columns = [table.c[name] for name in key]
        marks = [[bindparam(f"k{index}_{part}", type_=column.type) for part, column in enumerate(columns)]
                 for index in range(size)]
        condition = (columns[0].in_([mark for mark, in marks]) if len(columns) == 1
                     else tuple_(*columns).in_([tuple_(*chunk) for chunk in marks]))
        compiled = query.where(condition).compile(dialect=dialect)
        self.sql = str(compiled)
        self.names = [mark.key for chunk in marks for mark in chunk]  # the keys' values, in their order
        self.positions = compiled.positiontup if compiled.positional else None
        self.in_order = self.positions == self.names
        self.binds = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
        self.converts_keys = any(self.binds)
        self.results = [(position, convert) for position, column in enumerate(query.selected_columns)
                        if (convert := column.type.dialect_impl(dialect).result_processor(dialect, None))]


_COMPILED: dict[tuple, _Compiled] = {}


@functools.cache
def _whole(table: Table) -> Select:
    return select(table)


class StoredRows(dict):
    """Rows of `table` by `key` (a column's value, or a tuple of several columns'), the planned ones
    put in by the plan; a key with no stored row reads None."""

    def __init__(self, connection: Connection, table: Table, key: Sequence[str] = ("id",)):
        super().__init__()
        self._query = KeyedQuery(connection, _whole(table), table, key)
        self._names = [column.name for column in table.c]
        self._key_of = operator.itemgetter(*map(self._names.index, key))
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
        for row in self._query.rows(wanted):
            read[self._key_of(row)] = dict(zip(self._names, row, strict=True))
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
