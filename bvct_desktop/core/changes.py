"""Planned changes to one table: rows to insert, fields to update, rows to delete.

Nothing is written until `apply`; an import with problems, or a dry run, simply never
applies. Ids of new rows are assigned here so later rows of the same file can refer to them.
An update never erases unless told to (`clears`): an empty cell of a file leaves the stored
value as it is, an emptied field of a form clears it.
"""

from collections.abc import Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.engine import Connection

from . import row_versions

CHUNK = 5_000


class TableChanges:
    def __init__(self, connection: Connection, table: Table, now):
        self.table = table
        self.now = now
        self._first_version = row_versions.first(connection, table)
        self.stored_max = connection.execute(select(func.max(table.c.id))).scalar() or 0  # 0: nothing stored
        self._next_id = self.stored_max + 1
        self._stamped = "updated_at" in table.c
        self._empty = dict.fromkeys(column.name for column in table.c)  # a new row: every column, empty
        self.new: dict[int, dict[str, Any]] = {}
        self.updates: dict[int, dict[str, Any]] = {}
        self.deleted: set[int] = set()

    def insert(self, values: Mapping[str, Any]) -> int:
        record_id, self._next_id = self._next_id, self._next_id + 1
        row = self._empty.copy()
        row.update(values, id=record_id)
        if self._stamped:
            row.update(created_at=self.now, updated_at=self.now)
        row.update(self._first_version)
        self.new[record_id] = row
        return record_id

    def change(self, record_id: int, current: dict[str, Any], wanted: Mapping[str, Any],
               clears: bool = False) -> list[str]:
        """Sets the `wanted` values that differ from `current` (the empty ones only when `clears`);
        returns their keys.

        `current` is updated in place, so later rows of the same file compare with the change.
        """
        changed = [key for key, value in wanted.items()
                   if (value is not None or clears) and current.get(key) != value]
        for key in changed:
            current[key] = wanted[key]
            if record_id not in self.new:
                self.updates.setdefault(record_id, {})[key] = wanted[key]
        return changed

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

    def apply(self, connection: Connection) -> None:
        gone = sorted(self.deleted)
        for start in range(0, len(gone), CHUNK):
            connection.execute(self.table.delete().where(self.table.c.id.in_(gone[start:start + CHUNK])))
        insert_rows(connection, self.table, list(self.new.values()))
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


def insert_rows(connection: Connection, table: Table, rows: list[Mapping[str, Any]]) -> None:
    """Inserts rows holding every column of `table`, as plain tuples, each value through its column
    type's own conversion (what SQLAlchemy does row by row, set up here once per column)."""
    if not rows:
        return
    names = [column.name for column in table.c]
    compiled = table.insert().compile(dialect=connection.dialect, column_keys=names)
    if not compiled.positional:
        for start in range(0, len(rows), CHUNK):
            connection.execute(table.insert(), rows[start:start + CHUNK])
        return
    order = list(compiled.positiontup)
    converters = []
    for index, name in enumerate(order):
        convert = table.c[name].type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
        if convert is not None:
            converters.append((index, convert))
    values_of = itemgetter(*order)
    statement = str(compiled)
    for start in range(0, len(rows), CHUNK):
        batch = []
        for row in rows[start:start + CHUNK]:
            values = list(values_of(row))
            for index, convert in converters:
                values[index] = convert(values[index])
            batch.append(tuple(values))
        connection.exec_driver_sql(statement, batch)
