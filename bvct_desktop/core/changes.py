"""Planned changes to one table: rows to insert, fields to update, rows to delete.

Nothing is written until `apply`; an import with problems, or a dry run, simply never
applies. Ids of new rows are assigned here so later rows of the same file can refer to them.
An update never erases unless told to (`clears`): an empty cell of a file leaves the stored
value as it is, an emptied field of a form clears it.
"""

import contextlib
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.types import TypeEngine

from . import engine, in_charge, row_versions
from .schema import change_counts

CHUNK = 5_000
CONVERTED = 65_536  # distinct values of a column remembered converted while rows are inserted
AT_ONCE = 500  # new rows of a table from which the file's per-row upkeep is done once for them all


class TableChanges:
    def __init__(self, connection: Connection, table: Table, now):
        self.table = table
        self.now = now
        self.stored_max = connection.execute(select(func.max(table.c.id))).scalar() or 0  # 0: nothing stored
        self._next_id = self.stored_max + 1
        self._stamped = "updated_at" in table.c
        # what every new row gets, added as they are written rather than held by each
        self.every_new_row = {**({"created_at": now, "updated_at": now} if self._stamped else {}),
                              **row_versions.first(connection, table), **in_charge.of_new_row(connection, table)}
        self._new_row = new_row_type(table)
        self.new: dict[int, dict[str, Any]] = {}
        self.updates: dict[int, dict[str, Any]] = {}
        self.deleted: set[int] = set()

    def insert(self, values: Mapping[str, Any]) -> int:
        """Plans a new row of `values` (its other columns empty); returns its id."""
        record_id, self._next_id = self._next_id, self._next_id + 1
        row = self._new_row({key: value for key, value in values.items() if value is not None})
        row["id"] = record_id
        self.new[record_id] = row
        return record_id

    def change(self, record_id: int, current: dict[str, Any], wanted: Mapping[str, Any],
               clears: bool = False) -> list[str]:
        """Sets the `wanted` values that differ from `current` (the empty ones only when `clears`);
        returns their keys.

        `current` is updated in place, so later rows of the same file compare with the change.
        """
        changed = differing(current, wanted, clears)
        for key, value in changed.items():
            current[key] = value
            if record_id not in self.new:
                self.updates.setdefault(record_id, {})[key] = value
        return list(changed)

    def force(self, record_id: int, current: dict[str, Any], values: Mapping[str, Any]) -> None:
        """Sets `values` even when empty (restoring from the recycle bin sets deleted_at to NULL)."""
        current.update(values)
        if record_id not in self.new:
            self.updates.setdefault(record_id, {}).update(values)

    def count_up(self, record_id: int) -> None:
        """The record changed through its parts (a delegation's members): its version and stamp count
        up though none of its own columns changed."""
        if record_id not in self.new:
            self.updates.setdefault(record_id, {})

    def delete(self, record_id: int) -> None:
        """Removes a row for good (a membership the form no longer lists; records go to the recycle bin)."""
        self.updates.pop(record_id, None)
        if self.new.pop(record_id, None) is None:
            self.deleted.add(record_id)

    def planned(self, record_id: int) -> bool:
        """Whether the plan inserts, changes or deletes the row (its current values are the plan's)."""
        return record_id in self.new or record_id in self.updates or record_id in self.deleted

    def apply(self, connection: Connection) -> None:
        gone = sorted(self.deleted)
        for start in range(0, len(gone), CHUNK):
            connection.execute(self.table.delete().where(self.table.c.id.in_(gone[start:start + CHUNK])))
        with written_at_once(connection, self.table, len(self.new), self.stored_max):
            insert_rows(connection, self.table, list(self.new.values()), self.every_new_row)
        by_columns: dict[tuple[str, ...], list[dict]] = {}
        for record_id, values in self.updates.items():
            if self._stamped:
                values = {**values, "updated_at": self.now}
            by_columns.setdefault(tuple(sorted(values)), []).append(
                {"_id": record_id, **{f"_{key}": value for key, value in values.items()}})
        counted_up = row_versions.next_of(connection, self.table)
        for columns, batch in by_columns.items():
            statement = (self.table.update().where(self.table.c.id == bindparam("_id"))
                         .values({**counted_up, **{column: bindparam(f"_{column}") for column in columns}}))
            connection.execute(statement, batch)


def differing(current: Mapping[str, Any], wanted: Mapping[str, Any], clears: bool = False) -> dict[str, Any]:
    """The `wanted` values that differ from `current` (the empty ones only when `clears`): what `change` sets."""
    return {key: value for key, value in wanted.items() if (value is not None or clears) and current.get(key) != value}


@functools.cache
def new_row_type(table: Table) -> type[dict]:
    """A planned new row of `table`: a dict holding only the values set (a large import holds
    a hundred thousand of them); a column not set reads as empty, a name not a column fails."""
    columns = frozenset(table.c.keys())

    def __missing__(row: dict, key: str) -> None:
        if key not in columns:
            raise KeyError(key)

    return type(f"New{table.name.title().replace('_', '')}Row", (dict,), {"__slots__": (), "__missing__": __missing__})


@contextlib.contextmanager
def written_at_once(connection: Connection, table: Table, count: int, stored: int) -> Iterator[None]:
    """`count` new rows of `table` written in the block, among about `stored` rows already there.

    On the file, from AT_ONCE new rows, the trigger counting each insert (migration 0017) is set
    aside and counts them all at the end; and when the new rows are at least as many as the stored
    ones, the table's plain indexes (not the unique ones, which refuse duplicates as the rows come)
    are dropped and made again after the rows are in: one sort instead of an insertion per row per
    index. All inside the caller's transaction, the schema put back exactly as it was.
    """
    if count < AT_ONCE or connection.dialect.name != "sqlite":
        yield
        return
    names = [f"{table.name}_counted_insert"]
    if count >= stored:
        names += [index.name for index in connection.exec_driver_sql(f"PRAGMA index_list({table.name})")
                  if index.origin == "c" and not index.unique]
    with engine.set_aside(connection, names) as dropped:
        yield
    if names[0] in dropped:
        connection.execute(change_counts.update().where(change_counts.c.table_name == table.name)
                           .values(count=change_counts.c.count + count))


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]],
                every_row: Mapping[str, Any] | None = None) -> None:
    """Inserts rows of `table` given as dicts (a column a row lacks is empty; `every_row` holds the
    values of every row)."""
    filled = set().union(*rows)
    insert_columns(connection, table, len(rows), {column.name: map(dict.get, rows, itertools.repeat(column.name))
                                                  for column in table.c if column.name in filled}, every_row)


def insert_columns(connection: Connection, table: Table, count: int, columns: Mapping[str, Iterable],
                   every_row: Mapping[str, Any] | None = None) -> None:
    """Inserts `count` rows of `table` given column by column (each column's values in the rows'
    order; a column not given is empty, `every_row` holds the values of every row), as plain tuples,
    each value through its column type's own conversion (what SQLAlchemy does row by row, set up
    here once per column). A column not given that has no default is left to the database, which
    stores it empty: nothing to bind in each row (a large import's rows leave many columns empty)."""
    if not count:
        return
    every_row = every_row or {}
    names = [column.name for column in table.c if column.name in columns or column.name in every_row
             or column.default is not None or column.server_default is not None]
    compiled = table.insert().compile(dialect=connection.dialect, column_keys=names)
    if not compiled.positional:
        rows = _rows([_values(name, columns, every_row) for name in names], count)
        for _ in range(0, count, CHUNK):
            connection.execute(table.insert(), [dict(zip(names, row, strict=True))
                                                for row in itertools.islice(rows, CHUNK)])
        return
    dialect = connection.dialect
    converters = {name: _converter(table.c[name].type, dialect) for name in compiled.positiontup}
    fixed = {name: converters[name](value) if converters[name] else value
             for name, value in every_row.items() if name in converters}
    rows = _rows([_values(name, columns, fixed, converters[name]) for name in compiled.positiontup], count)
    statement = str(compiled)
    for _ in range(0, count, CHUNK):
        connection.exec_driver_sql(statement, list(itertools.islice(rows, CHUNK)))


def _rows(columns: list[Iterator], count: int) -> Iterator[tuple]:
    """The first `count` rows of the columns (those the same in every row never end)."""
    return itertools.islice(zip(*columns, strict=False), count)


def _values(name: str, columns: Mapping[str, Iterable], every_row: Mapping[str, Any],
            convert: Callable | None = None) -> Iterator:
    """Column `name`'s values: the same in every row, or those given (converted), or empty."""
    if name in every_row:
        return itertools.repeat(every_row[name])
    if name not in columns:
        return itertools.repeat(None)
    return map(convert, columns[name]) if convert else iter(columns[name])


def _converter(column_type: TypeEngine, dialect: Dialect) -> Callable | None:
    """The column type's conversion of a value to bind, each distinct value converted once (dates
    repeat down a register; SQLAlchemy's conversion of one costs about a microsecond)."""
    convert = column_type.dialect_impl(dialect).bind_processor(dialect)
    return functools.lru_cache(maxsize=CONVERTED)(convert) if convert else None
