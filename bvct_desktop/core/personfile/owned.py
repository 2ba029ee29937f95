"""Rows kept under one owner, as form values go: a person's records about them or a relative (notes.py) and a
vetting case's steps (case_steps.py). Each is listed, added, changed and put in the recycle bin the same way,
audited in the same write, its owner held first: there, and still taking changes."""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from ..database import Database
from ..editing import VERSION
from ..fields import Field
from ..permissions import Action
from . import writes

# the rule a row's values must keep beyond each field's own (FormProblems): the connection, the owner, the values
# (it may fill in one left empty that follows from the others) and the row being changed (None: a new one)
Check = Callable[[Connection, dict[str, Any], dict[str, Any], int | None], None]
# what a change takes from its owner and the form before `Check`: the connection, the rows, the owner, the form's
# values, the values parsed (filled in here) and the row being changed (None: a new one)
Settle = Callable[[Connection, "OwnedRows", dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any] | None],
                  None]


def no_rule(*_given: Any) -> None:
    """Nothing beyond each field's own rule."""


@dataclass(frozen=True)
class Owner:
    """`held`: the owner (connection, its id, the title of the rows changed), InputError when there is none or
    it takes no change any more."""

    column: str  # the rows' column naming their owner
    held: Callable[[Connection, int, str], dict[str, Any]]
    settle: Settle = no_rule


class OwnedRows:
    """`order`: the keys the owner's rows are listed by (empty ones last), then the order written."""

    def __init__(self, table: Table, kind: str, title: str, fields: tuple[Field, ...], owner: Owner,
                 check: Check = no_rule, order: tuple[str, ...] = ()):
        self.table, self.kind, self.title, self.fields, self.check = table, kind, title, fields, check
        self.owner, self.order = owner, order

    def field(self, key: str) -> Field:
        return next(spec for spec in self.fields if spec.key == key)

    def of_owner(self, db: Database, owner_id: int) -> list[dict[str, Any]]:
        """The owner's rows in `order`, each with its VERSION."""
        db.require(Action.BROWSE, f"xem {self.title}")
        with db.read() as connection:
            return self.read(connection, owner_id)

    def read(self, connection: Connection, owner_id: int) -> list[dict[str, Any]]:
        """`of_owner` inside the caller's transaction (documents and the case file read it with their other data)."""
        return self.of_owners(connection, [owner_id]).get(owner_id, [])

    def of_owners(self, connection: Connection, owner_ids: Collection[int]) -> dict[int, list[dict[str, Any]]]:
        """`read` of each of the owners `owner_ids` at once (one with no rows left out)."""
        owner = self.table.c[self.owner.column]
        query = (select(self.table).where(owner.in_(owner_ids), self.table.c.deleted_at.is_(None))
                 .order_by(*(self.table.c[key].asc().nulls_last() for key in self.order), self.table.c.id))
        rows: dict[int, list[dict[str, Any]]] = {}
        for row in connection.execute(query).mappings():
            rows.setdefault(row[self.owner.column], []).append({**row, VERSION: (row["row_version"],)})
        return rows

    def add(self, db: Database, owner_id: int, raw: dict[str, Any]) -> int:
        db.require(Action.EDIT, f"thêm {self.title}")
        values = writes.parse(self.fields, raw)
        with db.write() as connection:
            self._checked(connection, owner_id, raw, values, None)
            return writes.insert(db, connection, self.table, self.kind, {**values, self.owner.column: owner_id})

    def update(self, db: Database, row_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None
               ) -> list[str]:
        """Replaces the row's values with the form's, a field the form lacks staying as stored (as on every form);
        returns the keys that changed. A row changed since the form was filled from it (`seen`, the entry's
        VERSION) is refused (ChangedMeanwhile)."""
        db.require(Action.EDIT, f"sửa {self.title}")
        given = writes.parse(self.fields, raw, partial=True)
        with db.write() as connection:
            row = writes.current(connection, self.table, row_id, self.title)
            writes.check_unchanged(row, seen)
            values = writes.completed(self.fields, row, given)
            self._checked(connection, row[self.owner.column], raw, values, row)
            return writes.update(db, connection, self.table, self.kind, row, values,
                                 [spec.key for spec in self.fields if spec.required])

    def delete(self, db: Database, row_id: int) -> None:
        db.require(Action.EDIT, f"xóa {self.title}")
        with db.write() as connection:
            row = writes.current(connection, self.table, row_id, self.title)
            self.owner.held(connection, row[self.owner.column], self.title)
            writes.soft_delete(db, connection, self.table, self.kind, row)

    def _checked(self, connection: Connection, owner_id: int, raw: dict[str, Any], values: dict[str, Any],
                 row: dict[str, Any] | None) -> None:
        owner = self.owner.held(connection, owner_id, self.title)
        self.owner.settle(connection, self, owner, raw, values, row)
        self.check(connection, owner, values, None if row is None else row["id"])
