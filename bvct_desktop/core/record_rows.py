"""A kind's records as rows in its import layout, derived from the kind's storage declaration.

One query per kind serves the export (which imports again unchanged), the printed slips, the
form's stored values and the audit's before and after: each field's value by field key, with
the record's id and the ids of the persons it names. A kind listing members (a delegation)
gives one row per member; its record (`snapshots`) holds the members as a list.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, Table, and_, case, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import FromClause

from . import schema
from .changes import TableChanges
from .kinds import Kind
from .schema import cadres, persons

MEMBERS = "members"  # a record's members, each a dict of the member fields
CHUNK = 400


@dataclass(frozen=True)
class Layout:
    source: FromClause
    columns: dict[str, ColumnElement]  # by field key, with "id" and the person links' columns (a cadre named too)
    order: list[ColumnElement]


def layout(kind: Kind, exported: bool = True) -> Layout:
    """Where each field of the kind is read from, and the order records are listed in.

    `exported` keeps what the import can take back: members joined (a record without one has no
    row), for a person who must be a cadre, the cadre still out of the recycle bin, and none of
    the fields the program keeps (`Kind.kept`).
    """
    table = kind.table
    columns: dict[str, ColumnElement] = {"id": table.c.id}
    source, order = table, []
    for index, link in enumerate(kind.persons):
        person = persons if index == 0 else persons.alias(f"persons_{link.column}")
        source = source.join(person, table.c[link.column] == person.c.id)
        columns[link.column] = table.c[link.column]
        columns.update((key, person.c[column]) for key, column in link.fields.items())
        if link.cadre and exported:
            cadre = cadres.alias(f"cadres_{link.column}")
            source = source.join(cadre, and_(cadre.c.person_id == person.c.id, cadre.c.deleted_at.is_(None)))
            order.append(cadre.c.id)
    if kind.named_cadre:
        columns[kind.named_cadre.column] = table.c[kind.named_cadre.column]
    for key, lookup in kind.lookups.items():
        source = source.outerjoin(lookup.table, table.c[lookup.column] == lookup.table.c.id)
        columns[key] = lookup.table.c.name
    columns.update((key, _value(kind, key)) for key in kind.own_keys)
    if not exported:
        columns.update((spec.key, table.c[spec.key]) for spec in kind.kept)
    if kind.date_key:
        order.append(kind.period())
    order.append(table.c.id)
    if kind.members:
        members = kind.members
        link = members.person
        join = source.join if exported else source.outerjoin
        source = join(members.table, members.table.c[members.parent] == table.c.id)
        source = source.outerjoin(cadres, members.table.c[members.cadre] == cadres.c.id)
        source = source.outerjoin(persons, cadres.c[link.column] == persons.c.id)
        columns["member_id"] = members.table.c.id
        columns.update((key, persons.c[column]) for key, column in link.fields.items())
        columns.update((key, members.table.c[key]) for key in members.keys)
        order.append(members.table.c.id)
    return Layout(source, columns, order)


def query(kind: Kind, exported: bool = True) -> Select:
    """Every record of the kind with its fields (deleted ones too: callers filter), in order."""
    found = layout(kind, exported)
    return (select(*(column.label(key) for key, column in found.columns.items())).select_from(found.source)
            .order_by(*found.order))


def _value(kind: Kind, key: str) -> ColumnElement:
    column = kind.table.c[key]
    readings = _readings(kind, key)
    return column if readings is None else case(readings, value=column)


def _readings(kind: Kind, key: str) -> dict[bool, str] | None:
    """What the kind's column `key` reads back as if it keeps a yes/no choice as a boolean: true
    as its first choice, false as its second, empty as nothing (in the database and from a plan
    alike); None for any other column."""
    if isinstance(kind.table.c[key].type, Boolean) and (choices := kind.field(key).choices):
        yes, no = choices
        return {True: yes, False: no}
    return None


def export_rows(connection: Connection, kind: Kind, start=None, end=None, ids: Sequence[int] | None = None):
    """The records out of the recycle bin (within the period, both ends included), as exported;
    with `ids`, only those records, in that order (a register's rows as shown)."""
    statement = query(kind).where(kind.table.c.deleted_at.is_(None))
    if start:
        statement = statement.where(kind.period() >= start)
    if end:
        statement = statement.where(kind.period() <= end)
    if ids is None:
        return connection.execute(statement).mappings()
    return _in_order_of(connection, statement, kind, list(ids))


def _in_order_of(connection: Connection, statement: Select, kind: Kind, ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        rows: dict[int, list] = {}
        for row in connection.execute(statement.where(kind.table.c.id.in_(chunk))).mappings():
            rows.setdefault(row["id"], []).append(row)  # a delegation: one row per member
        for record_id in chunk:
            yield from rows.get(record_id, [])


def snapshots(connection: Connection, kind: Kind, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The records `ids` (in the recycle bin or not) by id, as a form shows them."""
    found: dict[int, dict[str, Any]] = {}
    member_keys = tuple(kind.members.person.fields) + kind.members.keys if kind.members else ()
    everything = query(kind, exported=False)
    for which in _id_conditions(kind.table.c.id, ids):
        rows = connection.execute(everything.where(which)).mappings()
        if not kind.members:
            found.update((row["id"], dict(row)) for row in rows)
            continue
        for row in rows:
            record = found.get(row["id"])
            if record is None:
                record = found[row["id"]] = {key: value for key, value in row.items()
                                             if key not in member_keys and key != "member_id"}
                record[MEMBERS] = []
            if row["member_id"] is not None:
                record[MEMBERS].append({key: row[key] for key in member_keys})
    return found


def naming(connection: Connection, table: Table, ids: Sequence[int], named: Mapping[str, Collection[int]]) -> set[int]:
    """Those of the records `ids` of `table` whose column names one of the ids given for it (`named`:
    column → ids)."""
    found = set()
    statement = select(table.c.id, *(table.c[column] for column in named))
    for which in _id_conditions(table.c.id, ids):
        for row in connection.execute(statement.where(which)):
            if any(value in named[column] for column, value in zip(named, row[1:], strict=True)):
                found.add(row[0])
    return found


class PlannedValues:
    """The values `keys` of new records, as `snapshots` reads them once the plan is applied (the
    keys of members and those the kind does not have left out) — taken from the plan (`planned`:
    its changes by table name) rather than read back: the record's own values from its planned
    row, a person's and a list entry's from theirs, or for one already stored, from the database
    with the plan's changes to it. What is stored is read at once, before the plan is applied or
    after alike; `of` reads no database, and lets go of a record's planned row once its values are
    taken (a large import's rows leave memory as their audit entries are made)."""

    def __init__(self, connection: Connection, kind: Kind, planned: Mapping[str, TableChanges],
                 ids: Sequence[int], keys: Sequence[str]):
        wanted = set(keys) - ({*kind.members.person.fields, *kind.members.keys} if kind.members else set())
        self._own = [link.column for link in kind.persons if link.column in wanted]
        self._elsewhere: dict[str, tuple[str, str, str]] = {}  # key → (record column naming the row, table, column)
        for link in kind.persons:
            self._elsewhere.update((key, (link.column, persons.name, column)) for key, column in link.fields.items()
                                   if key in wanted)
        self._elsewhere.update((key, (lookup.column, lookup.table.name, "name"))
                               for key, lookup in kind.lookups.items() if key in wanted)
        self._own += [key for key in kind.own_keys if key in wanted]
        self._readings = {key: readings for key in self._own
                          if (readings := _readings(kind, key)) is not None}
        self._records = planned[kind.table.name].new
        self._new = {table: planned[table].new if table in planned else {} for _, table, _ in self._elsewhere.values()}
        self._stored = _stored_rows(connection, planned, [
            (row_id, table, name) for record_id in ids for column, table, name in self._elsewhere.values()
            if (row_id := self._records[record_id][column]) is not None and row_id not in self._new[table]])

    def of(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The values of the records `ids` (among those given at the start, each asked for once) by id."""
        values = {}
        for record_id in ids:
            row = self._records.pop(record_id)
            found = {key: row[key] for key in self._own}
            for key, readings in self._readings.items():
                found[key] = readings.get(found[key])
            for key, (column, table, name) in self._elsewhere.items():
                row_id = row[column]
                found[key] = None if row_id is None else self._row(table, row_id)[name]
            values[record_id] = found
        return values

    def _row(self, table: str, row_id: int) -> Mapping[str, Any]:
        new = self._new[table]
        return new[row_id] if row_id in new else self._stored[table][row_id]


def _stored_rows(connection: Connection, planned: Mapping[str, TableChanges],
                 wanted: list[tuple[int, str, str]]) -> dict[str, dict[int, Mapping[str, Any]]]:
    """The stored rows (id, table, column) names by table and id, with the plan's changes to them."""
    ids: dict[str, set[int]] = {}
    columns: dict[str, set[str]] = {}
    for row_id, table, column in wanted:
        ids.setdefault(table, set()).add(row_id)
        columns.setdefault(table, set()).add(column)
    rows: dict[str, dict[int, Mapping[str, Any]]] = {}
    for table_name, table_ids in ids.items():
        updates = planned[table_name].updates if table_name in planned else {}
        table = schema.metadata.tables[table_name]
        statement = select(table.c.id, *(table.c[column] for column in sorted(columns[table_name])))
        rows[table_name] = found = {}
        for which in _id_conditions(table.c.id, table_ids):
            for row in connection.execute(statement.where(which)).mappings():
                found[row["id"]] = {**row, **updates.get(row["id"], {})}
    return rows


def _id_conditions(column: ColumnElement, ids: Sequence[int]) -> list[ColumnElement]:
    """Conditions selecting `ids`: each run of at least CHUNK consecutive ids as a range (the records
    an import created are one run), the others in lists of CHUNK — ids scattered in short runs (the
    slips of one unit among all the others) are read CHUNK at a time, not a run at a time."""
    ordered = sorted(set(ids))
    conditions, single = [], []
    start = 0
    for end in range(1, len(ordered) + 1):
        if end < len(ordered) and ordered[end] == ordered[end - 1] + 1:
            continue
        if end - start >= CHUNK:
            conditions.append(column.between(ordered[start], ordered[end - 1]))
        else:
            single += ordered[start:end]
        start = end
    conditions += [column.in_(single[i:i + CHUNK]) for i in range(0, len(single), CHUNK)]
    return conditions
