"""What every register's importer shares: outcomes, duplicate keys within a file, restoring
records from the recycle bin, and the recipient/unit lookup lists."""

import abc
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from ..changes import TableChanges
from ..errors import RowProblem
from ..kinds import Kind
from ..people import CadreBook, Identity, PersonBook
from ..text import identity_key

CREATED, UNCHANGED, UPDATED = "created", "unchanged", "updated"
RESTORED = "restored"  # a changed-field marker: the record came back from the recycle bin


@dataclass
class Outcome:
    status: str
    changed: list[str] = field(default_factory=list)  # field keys of the kind


class NameList:
    """A list of names kept in its own table (units, recipient units), matched by identity key."""

    def __init__(self, connection: Connection, table: Table, now, stamped: bool):
        self.changes = TableChanges(connection, table, now)
        self._stamped = stamped
        self.by_key = {key: rid for rid, key in connection.execute(select(table.c.id, table.c.name_key))}
        self.added: list[str] = []

    def id_for(self, name: str | None) -> int | None:
        if not name:
            return None
        key = identity_key(name)
        if key not in self.by_key:
            values = {"name": name, "name_key": key}
            if self._stamped:
                values.update(active=True, created_at=self.changes.now)
            self.by_key[key] = self.changes.insert(values)
            self.added.append(name)
        return self.by_key[key]


class Plan(abc.ABC):
    """Base of one kind's importer: subclasses implement `take` for one parsed row."""

    kind: Kind

    def __init__(self, connection: Connection, now: dt.datetime):
        self.now = now
        self.people = PersonBook(connection, now)
        self.cadres = CadreBook(connection, self.people, now)
        self._seen: dict[tuple, int] = {}
        self.counts: dict[str, int] = {}

    def prefetch(self, rows: list[dict[str, Any]]) -> None:  # noqa: B027 - an optional hook
        """Loads, before the rows are taken, stored records the whole file refers to."""

    @abc.abstractmethod
    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        """Plans the changes of one valid row; RowProblem when the row conflicts."""

    def all_changes(self) -> list[TableChanges]:
        """Every table this importer changes, in foreign-key order."""
        return [self.people.changes, self.cadres.changes]

    def apply(self, connection: Connection) -> None:
        for changes in self.all_changes():
            changes.apply(connection)

    def extras(self) -> dict[str, Any]:
        """Lines of the summary beyond created/unchanged/updated (new units, new cadres…)."""
        return {}

    # helpers for subclasses

    def claim(self, key: tuple, number: int, what: str, field_key: str) -> None:
        """One natural key per file: a second row with it is a problem (shown at `field_key`)."""
        first = self._seen.setdefault(key, number)
        if first != number:
            raise RowProblem(f"trùng {what} với dòng {first} trong cùng tệp", field_key)

    @staticmethod
    def identity(values: dict[str, Any]) -> Identity:
        return Identity(values["full_name"], values.get("birth_date"), values.get("home_town"),
                        values.get("cccd"))

    def person_changes(self, pid: int, values: dict[str, Any], keys: tuple[str, ...]) -> list[str]:
        return self.people.update(pid, {key: values.get(key) for key in keys})

    @staticmethod
    def upsert(changes: TableChanges, record_id: int | None, current: dict | None,
               wanted: dict[str, Any]) -> tuple[int, list[str], bool]:
        """Inserts or updates one record; returns its id, changed keys and whether it is new.

        A record matched in the recycle bin is restored (its changes then include RESTORED).
        """
        if record_id is None:
            return changes.insert(wanted), [], True
        changed = changes.change(record_id, current, wanted)
        if current.get("deleted_at") is not None:
            changes.force(record_id, current, {"deleted_at": None})
            changed.append(RESTORED)
        return record_id, changed, False


def within(query, day, start, end):
    """Restricts `query` to records whose `day` lies in the period (both ends included)."""
    if start:
        query = query.where(day >= start)
    if end:
        query = query.where(day <= end)
    return query


def outcome(created: bool, changed: list[str]) -> Outcome:
    if created:
        return Outcome(CREATED)
    return Outcome(UPDATED, changed) if changed else Outcome(UNCHANGED)
