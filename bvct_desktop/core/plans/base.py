"""The plan of one kind's writes: the rows of a file, or the values of a form, laid out one by
one as changes to tables, checked, then applied in the caller's transaction.

An import and a form save take the same path — `take` each row, `finish`, `apply`, `audit` —
so they store the same rows and leave the same audit entries. They differ only in what the
officer meant (`Target`): an empty cell of a file never erases, an emptied field of a form
does, and a column or field the values lack leaves what is stored on either; a form names the
record it edits and the person it picked, and a new record made on a form must not exist
already (a file's row updates it).

Where each field is stored comes from the kind's declaration (core/kinds.py): a subclass says
only what is particular to its kind — its natural key and its rules.
"""

import abc
import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Table, or_, select
from sqlalchemy.engine import Connection

from .. import audit, audit_actions, record_rows
from ..changes import TableChanges
from ..database import Database
from ..errors import RowProblem
from ..fields import dates_after_expected, values_excluded, values_told
from ..heard import no_step
from ..identity_numbers import cccd_warnings
from ..kinds import Kind, PersonLink, gender_doubts
from ..lookups import NameList
from ..people import CadreBook, Identity, PersonBook
from ..row_versions import ChangedMeanwhile, binned
from ..schema import cadres, persons

CREATED, UNCHANGED, UPDATED = "created", "unchanged", "updated"
RESTORED = "restored"  # a changed-field marker: the record came back from the recycle bin
IDENTITY_KEYS = ("full_name", "birth_date", "home_town")
AUDIT_CHUNK = 2_000  # records audited at a time (their entries made and appended)


class Columns(Protocol):
    """A file's valid rows, read a field at a time (what a plan looks up before taking them)."""

    def column(self, key: str | None) -> Sequence[Any]:
        """The rows' values of field `key` in their order (each None when the file lacks it)."""


@dataclass(frozen=True)
class RecordColumns:
    """Records (field key → value) read a field at a time, as a file's rows are."""

    records: Sequence[Mapping[str, Any]]

    def column(self, key: str | None) -> list[Any]:
        return [record.get(key) for record in self.records]


NOBODY = 0  # Target.person_id of a form whose officer chose no one (a letter about someone not a cadre)


@dataclass(frozen=True)
class Target:
    """What a form says besides its values."""

    record_id: int | None = None  # the record edited; None: a new record
    person_id: int | None = None  # the person picked (or the record's own): the form shows all of them
    owner_id: int | None = None   # whose relative (the person file), instead of a cadre the row names


@dataclass
class Outcome:
    status: str
    record_id: int
    changed: list[str] = field(default_factory=list)  # field keys of the kind


@dataclass
class Writes:
    """A plan's changes to its tables and the records it touched: all a plan keeps once every row
    is taken (an import lets go of the rest before writing)."""

    kind: Kind
    tables: list[TableChanges]  # in foreign-key order
    touched: dict[int, str]     # record id → CREATED, UPDATED or RESTORED

    def apply(self, connection: Connection, step: Callable[[], None] = no_step) -> None:
        for changes in self.tables:
            step()
            changes.apply(connection)

    def apply_audited(self, db: Database, connection: Connection, step: Callable[[], None] = no_step) -> None:
        """Applies the plan and writes one audit entry per record it created or changed.

        A change names each changed field with its old and new value (the old one is gone from the
        record); a creation names the record as every entry does (`Kind.identifying`) and by whom it
        is about, as planned (the rest of its values are the record's own), which keeps a large
        import's trail small.
        `step` is called between the steps of the writing (each table, each chunk of entries): a caller
        stops it by raising there, and its transaction rolls back.
        """
        planned = {changes.table.name: changes for changes in self.tables}
        before = record_rows.snapshots(connection, self.kind, self._maybe_changed(connection, planned))
        named = [link.column for link in self.kind.persons] + list(self.kind.identifying)
        touched = list(self.touched)
        new = record_rows.PlannedValues(connection, self.kind, planned, [
            record_id for record_id in touched if self.touched[record_id] == CREATED], named)
        self.apply(connection, step)
        trail = db.record_trail(connection, self.kind.name)
        chunks = [touched[start:start + AUDIT_CHUNK] for start in range(0, len(touched), AUDIT_CHUNK)]
        made = 0
        with db.builds_beside(connection) as building:  # the entries of records created need no database
            for chunk in itertools.takewhile(lambda chunk: all(self.touched[i] == CREATED for i in chunk), chunks):
                step()
                trail.add(self._entries(chunk, new, before, {}))
                made += 1
                if not building:  # else they wait, all of them, until the connection is free
                    trail.write(connection)
        step()
        trail.write(connection)
        for chunk in chunks[made:]:
            step()
            after = record_rows.snapshots(connection, self.kind, [record_id for record_id in chunk
                                                                  if record_id in before])
            trail.add(self._entries(chunk, new, before, after))
            trail.write(connection)

    def _entries(self, chunk: list[int], new: record_rows.PlannedValues, before: Mapping[int, dict],
                 after: Mapping[int, dict]) -> list[tuple[str, int, dict | None]]:
        """The audit entries of the records `chunk`: a creation as planned, a change from its stored
        values `before` and `after` the writes (a record left as it was has none)."""
        created = new.of([record_id for record_id in chunk if self.touched[record_id] == CREATED])
        entries = []
        for record_id in chunk:
            status = self.touched[record_id]
            if status == CREATED:
                entries.append((audit_actions.ADDED, record_id, audit.created(created[record_id])))
                continue
            if record_id not in before:
                continue
            changes = audit.changed(before[record_id], after[record_id])
            if status == RESTORED or changes:
                entries.append((audit_actions.RESTORED if status == RESTORED else audit_actions.CHANGED, record_id,
                                audit.named(before[record_id], self.kind.identifying) | changes))
        return entries

    def _maybe_changed(self, connection: Connection, planned: Mapping[str, TableChanges]) -> list[int]:
        """The stored records touched that the plan may change: those with a planned change to their
        own row (a restored one's too) or to a person or list entry they name — not those of a file
        imported again, read before and after for entries that would say nothing. A record listing
        members: every one touched."""
        stored = [record_id for record_id, status in self.touched.items() if status != CREATED]
        own = planned[self.kind.table.name].updates
        if self.kind.members or not stored:
            return stored
        updated = {link.column: planned[persons.name].updates for link in self.kind.persons}
        updated.update((lookup.column, planned[lookup.table.name].updates) for lookup in self.kind.lookups.values()
                       if lookup.table.name in planned)
        updated = {column: ids for column, ids in updated.items() if ids}
        unsure = [record_id for record_id in stored if record_id not in own]
        naming = record_rows.naming(connection, self.kind.table, unsure, updated) if updated and unsure else set()
        return [record_id for record_id in stored if record_id in own or record_id in naming]


class Plan(abc.ABC):
    """Base of one kind's plan: subclasses implement `take` for one parsed row."""

    kind: Kind

    def __init__(self, connection: Connection, now: dt.datetime):
        self.connection = connection
        self.now = now
        self.people = PersonBook(connection, now)
        self.cadres = CadreBook(connection, self.people, now)
        # one plan of changes per table: the cadres' records are the cadre book's
        self.records = (self.cadres.changes if self.kind.table is cadres
                        else TableChanges(connection, self.kind.table, now))
        self.lists = {key: NameList(connection, lookup, now) for key, lookup in self.kind.lookups.items()}
        self.heard: Callable[[], None] = no_step  # called in its long loops, where an import hears «Hủy»
        self.touched: dict[int, str] = {}  # record id → CREATED, UPDATED or RESTORED
        self.alike: list[RowProblem] = []  # the row taken last made new persons who may be others
        self.row = 0  # the number of the row taken last
        self._seen: dict[tuple, int] = {}
        # (field key, column) of the person's fields other than who they are
        self._kept = [(key, column) for key, column in self.kind.person.fields.items()
                      if column not in IDENTITY_KEYS] if self.kind.person else []
        self._own_keys = self.kind.own_keys
        self._lookups = [(key, names.lookup.column, names.id_for) for key, names in self.lists.items()]

    def prefetch(self, rows: Columns) -> None:
        """Looks up, in a few queries, the persons and records a whole file refers to."""
        links = list(self.kind.persons) + ([self.kind.members.person] if self.kind.members else [])
        named = zip(*(identities(rows, link) for link in links), strict=True)  # row by row, link by link
        found = self.people.prefetch(filter(None, itertools.chain.from_iterable(named)))
        if self.records is self.cadres.changes:
            self.cadres.prefetch(found)

    def take(self, number: int, values: dict[str, Any], target: Target | None = None) -> Outcome:
        """Plans the changes of one valid row; RowProblem when the row conflicts (its dates out of
        order, whoever writes it: a file, a form, a reply entered for many slips)."""
        self.kind.check_order(values)
        self.alike, self.row = [], number
        return self.take_row(number, values, target)

    @abc.abstractmethod
    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        """The kind's own planning of one row whose fields are each valid and in order."""

    def warnings(self, values: dict[str, Any]) -> list[RowProblem]:
        """What a valid row leaves incomplete or doubtful, told to the officer without refusing the row:
        of every kind, its `doubts`, then its `doubts_with_others`."""
        return [*doubts(self.kind, values), *self.doubts_with_others(values)]

    def doubts_with_others(self, values: dict[str, Any]) -> list[RowProblem]:
        """What a row just taken leaves doubtful beside the other records (a form asks about it too)."""
        return []

    def finish(self) -> dict[str, Any]:
        """Plans what needs every row taken; returns the summary's lines beyond the counts."""
        return {names.lookup.added_label: names.added for names in self.lists.values() if names.added}

    def all_changes(self) -> list[TableChanges]:
        """Every table this plan changes, in foreign-key order."""
        tables = [self.people.changes, *(names.changes for names in self.lists.values()), self.cadres.changes]
        return tables + ([self.records] if self.records is not self.cadres.changes else [])

    def writes(self) -> "Writes":
        """What the plan writes, without what planning looked rows up by."""
        self.people.finish(self.heard)
        return Writes(self.kind, self.all_changes(), self.touched)

    def apply_audited(self, db: Database, connection: Connection) -> None:
        self.writes().apply_audited(db, connection)

    # -- what subclasses share -------------------------------------------------------------

    def claim(self, key: tuple, number: int, what: str, field_key: str, target: Target | None) -> None:
        """One natural key per file, or per form listing members: a second row with it is a problem
        (shown at `field_key`) naming the first."""
        first = self._seen.setdefault(key, number)
        if first != number:
            raise RowProblem(f"trùng {what} với {self._row_name(first, target)}", field_key)

    def _row_name(self, number: int, target: Target | None) -> str:
        """Row `number` as the officer knows it: a line of the file, or a member on the form."""
        if target is not None and self.kind.members:
            return f"{self.kind.members.label.lower()} {number}"
        return f"dòng {number} trong cùng tệp"

    def person(self, values: dict[str, Any], target: Target | None) -> tuple[int, list[str]]:
        """The person the row is about, and the field keys of theirs it changed.

        A person the officer picked shows every value on the form, so the form's values replace
        theirs (an emptied field is cleared, one the values lack stays as stored); a person found by
        the rule only gains what the row adds (a home town too, when their CCCD found them).
        """
        link = self.kind.person
        if target is not None and target.person_id is not None:
            attributes = {column: values[key] for key, column in link.fields.items() if key in values}
            return target.person_id, self._field_keys(link, self.people.update(target.person_id, attributes,
                                                                                   clears=True))
        who = identity(values, link)
        kept = {column: values.get(key) for key, column in self._kept}
        pid, new = self.people.resolve(who, kept)
        if new:
            self.alike += self.people.alike(pid, link.by_column["full_name"], self.row)
            return pid, []
        return pid, self._field_keys(link, self.people.update_found(pid, who, kept))

    @staticmethod
    def _field_keys(link: PersonLink, columns: list[str]) -> list[str]:
        by_column = link.by_column
        return [by_column[column] for column in columns if column in by_column]

    def own_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """The record's own columns for a row: its own fields and the ids of its lookups, those the row
        holds (a field it lacks is left as stored)."""
        wanted = {key: values[key] for key in self._own_keys if key in values}
        for key, column, id_for in self._lookups:
            if key in values:
                wanted[column] = id_for(values[key])
        return wanted

    def changed_fields(self, columns: list[str]) -> list[str]:
        """The field keys of changed columns (a lookup's id is its field; other columns are not fields),
        and RESTORED."""
        if not columns:
            return []
        by_column = {names.lookup.column: key for key, names in self.lists.items()}
        fields = {spec.key for spec in self.kind.fields} | {RESTORED}
        return [by_column.get(column, column) for column in columns if by_column.get(column, column) in fields]

    def upsert(self, changes: TableChanges, record_id: int | None, current: dict | None,
               wanted: dict[str, Any], clears: bool = False) -> tuple[int, list[str], bool]:
        """Inserts or updates one record; returns its id, changed columns and whether it is new.

        A record a file's row matched in the recycle bin is restored (its changes then include RESTORED).
        """
        if record_id is None:
            record_id = changes.insert(wanted)
            if changes is self.records:
                self.touched[record_id] = CREATED
            return record_id, [], True
        changed = changes.change(record_id, current, wanted, clears)
        if current.get("deleted_at") is not None:
            changes.force(record_id, current, {"deleted_at": None})
            changed.append(RESTORED)
        if changes is self.records:
            self.touch(record_id, RESTORED if RESTORED in changed else UPDATED)
        return record_id, changed, False

    def touch(self, record_id: int, status: str = UPDATED) -> None:
        """Marks a record as created or changed, for its audit entry."""
        if self.touched.get(record_id) not in (CREATED, RESTORED):
            self.touched[record_id] = status

    def check_new(self, target: Target | None, current: dict | None,
                  problem: Callable[[], RowProblem]) -> dict | None:
        """The record a row writes: the one the form edits, or the one its key matched.

        A form's new record may not match a stored one, nor an edited record's new key another's
        (`problem()` is what the officer is told then). A form does not save the record it edits once
        that is in the recycle bin (ChangedMeanwhile): only a file's row brings a record back.
        """
        if target is None:
            return current
        if current is not None and current["id"] != target.record_id:
            raise problem()
        if target.record_id is None:
            return None
        edited = current if current is not None else self.stored_row(target.record_id)
        deletion = binned(edited)
        if deletion is not None:
            raise ChangedMeanwhile.of(deletion)
        return edited

    @staticmethod
    def matching(stored: "RecordsByKey", key: tuple, unnumbered: tuple, target: Target | None) -> dict | None:
        """The stored record a row's natural key finds (`check_new` then says whether the row may write it).

        A row whose key has a number (a decision's, a document's) is also the record stored without a
        number that the rest of its key, `unnumbered`, finds: the number was added later. A form editing
        a record is about that record and looks for no other.
        """
        editing = target is not None and target.record_id is not None
        return stored.matching(key, None if editing else unnumbered)

    def stored_row(self, record_id: int) -> dict[str, Any]:
        table = self.kind.table
        return dict(self.connection.execute(table.select().where(table.c.id == record_id)).mappings().one())


class RecordsByKey:
    """A kind's stored records by natural key, read one date at a time (the dates of a key are
    indexed): a file reads only the records of the dates its rows name, a form those of one date."""

    def __init__(self, connection: Connection, table: Table, key: Callable[[Mapping[str, Any]], tuple],
                 *days: str):
        self._connection, self._table, self._key, self._days = connection, table, key, days
        self._read: set = set()
        self.by_key: dict[tuple, dict[str, Any]] = {}

    def on(self, day) -> None:
        """Reads the records whose dates include `day`."""
        if day is None or day in self._read:
            return
        self._read.add(day)
        condition = or_(*(self._table.c[column] == day for column in self._days))
        for row in self._connection.execute(select(self._table).where(condition)).mappings():
            self.by_key.setdefault(self._key(row), dict(row))

    def matching(self, key: tuple, unnumbered: tuple | None) -> dict[str, Any] | None:
        """The record with `key`; else the one without a number whose key is `unnumbered` (the row's
        key without its number; None: none is looked for), read on the row's days. That record answers
        to `key` from then on, no longer to `unnumbered`: a second number is another record."""
        if key in self.by_key or unnumbered is None:
            return self.by_key.get(key)
        record = self.by_key.pop(unnumbered, None)
        if record is not None:
            self.by_key[key] = record
        return record


def doubts(kind: Kind, values: Mapping[str, Any]) -> list[RowProblem]:
    """What a row of any kind leaves doubtful, as an import tells it and a form asks about it: a CCCD
    disagreeing with the birth date or sex beside it, a sex its relation contradicts, a date after one it should
    not follow, a value to be looked at (`Field.told_if`), a value that should be empty (`Field.empty_if`: a form
    refuses it, a file's row is taken — a register kept before the rule loses no record over it)."""
    return [*cccd_warnings(values), *gender_doubts(values), *dates_after_expected(kind.dates_told_if_after, values),
            *values_told(kind.fields, values), *values_excluded(kind.fields, values)]


def result_without_day(values: Mapping[str, Any], day_key: str, told: str) -> list[RowProblem]:
    """`told` (at the day) when a «Kết quả» is written without the day that makes it count (a slip's
    reply, a letter's resolution): the record still counts as not done, and is chased as overdue."""
    return [RowProblem(told, day_key)] if values.get("result") and not values.get(day_key) else []


def identity(values: dict[str, Any], link: PersonLink) -> Identity:
    """The person a row names through `link`, for the person rule."""
    keys = link.by_column  # a column the link lacks is None, a key no row has
    return Identity(values.get(keys["full_name"]), values.get(keys.get("birth_date")),
                    values.get(keys.get("home_town")), values.get(keys.get("cccd")))


def identities(rows: Columns, link: PersonLink) -> Iterator[Identity | None]:
    """The person each row names through `link` (None where it names none), from the file's columns."""
    keys = link.by_column
    columns = [rows.column(keys.get(column)) for column in Identity._fields]
    return (Identity(*values) if values[0] else None for values in zip(*columns, strict=True))


def outcome(record_id: int, created: bool, changed: list[str]) -> Outcome:
    """A new record keeps the field keys of the stored person it changed (a slip about a listed cadre)."""
    if created:
        return Outcome(CREATED, record_id, changed)
    return Outcome(UPDATED, record_id, changed) if changed else Outcome(UNCHANGED, record_id)
