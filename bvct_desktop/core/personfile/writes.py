"""What the person-file services share: form values parsed by their field declarations, and
one record created, changed or put in the recycle bin with an audit entry that names every
changed field with its old and new value."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from .. import audit, in_charge, row_versions
from ..audit_actions import ADDED, CHANGED, DELETED
from ..database import Database
from ..editing import FormProblems, parse_fields, told_ahead
from ..errors import InputError, RowProblem
from ..fields import Field, check_order, ordered_dates, unusual_values
from ..row_versions import Change, ChangedMeanwhile
from ..schema import persons


def parse(fields: Iterable[Field], raw: dict[str, Any], partial: bool = False) -> dict[str, Any]:
    """Values by field key; FormProblems naming every invalid field, or a date before the one it
    cannot precede («Hạn hoàn thành trước Ngày mở hồ sơ»).

    With `partial` (an edit), a key `raw` lacks is left out, so what is stored there stays, as for every form
    (`editing.parse_fields`); a required one is parsed all the same, and told missing.
    """
    fields = tuple(fields)
    values, problems = parse_fields(fields, raw, partial)
    if not problems:
        try:
            check_order(ordered_dates(fields), values)
        except RowProblem as problem:
            problems[problem.header] = problem.message
    if problems:
        raise FormProblems(problems)
    return values


def completed(fields: Iterable[Field], record: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """The values of `fields` a change given partly (`parse(…, partial=True)`) leaves `record` with: the stored
    value where nothing is given; FormProblems when its dates are then out of order."""
    fields = tuple(fields)
    values = {spec.key: given.get(spec.key, record[spec.key]) for spec in fields}
    try:
        check_order(ordered_dates(fields), values)
    except RowProblem as problem:
        raise FormProblems({problem.header: problem.message}) from None
    return values


def to_confirm(db: Database, fields: Sequence[Field], raw: dict[str, Any]) -> list[str]:
    """What to ask before saving an entry of a person's file (a relative, a foreign element, a vetting case)
    given by `fields`: the dates `editing.to_confirm` tells, and each value none of the usual ones of what another
    field holds (`fields.unusual_values`: a penalty the organisation's rules do not know); none while a field is
    invalid (saving tells that)."""
    try:
        values = parse(fields, raw)
    except FormProblems:
        return []
    return told_ahead(fields, [values], db.clock().date()) + [problem.message for problem
                                                              in unusual_values(fields, values)]


def person_exists(connection: Connection, person_id: int) -> dict[str, Any]:
    """The person (their id and birth date); InputError when there is none."""
    person = connection.execute(select(persons.c.id, persons.c.birth_date).where(persons.c.id == person_id)
                                ).mappings().first()
    if person is None:
        raise InputError(f"Không có người số {person_id}.")
    return dict(person)


def current(connection: Connection, table: Table, record_id: int, what: str) -> dict[str, Any]:
    """The stored record (not in the recycle bin); InputError when there is none."""
    row = connection.execute(select(table).where(table.c.id == record_id,
                                                 table.c.deleted_at.is_(None))).mappings().first()
    if row is None:
        raise InputError(f"Không có {what} số {record_id}.")
    return dict(row)


def check_unchanged(record: dict[str, Any], seen: tuple[int, ...] | None) -> None:
    """A record changed since its form was filled from it (`seen`: its version then) is not saved over."""
    if seen is not None and (record["row_version"],) != tuple(seen):
        raise ChangedMeanwhile.of(Change(record["updated_by"], record["updated_at"]))


def insert(db: Database, connection: Connection, table: Table, kind: str, values: dict[str, Any]) -> int:
    now = db.clock()
    record_id = connection.execute(table.insert().values(**values, created_at=now, updated_at=now,
                                                         **row_versions.first(connection, table),
                                                         **in_charge.of_new_row(connection, table))
                                   ).inserted_primary_key[0]
    db.audit(connection, ADDED, kind=kind, record_id=record_id, details=audit.created(values))
    return record_id


def update(db: Database, connection: Connection, table: Table, kind: str, record: dict[str, Any],
           values: dict[str, Any], named_by: Iterable[str], why: str | None = None) -> list[str]:
    """Stores the values that differ from `record`; returns their keys (nothing to do: []). The audit
    entry names the record by its values of `named_by` (`audit.named`), and the reason `why` it was changed."""
    changed = audit.changed(record, values)
    if changed:
        connection.execute(table.update().where(table.c.id == record["id"])
                           .values(**{key: values[key] for key in changed}, updated_at=db.clock(),
                                   **row_versions.next_of(connection, table)))
        db.audit(connection, CHANGED, kind=kind, record_id=record["id"],
                 details=audit.named(record, named_by) | changed | ({"ly_do": why} if why else {}))
    return list(changed)


def soft_delete(db: Database, connection: Connection, table: Table, kind: str, record: dict[str, Any]) -> None:
    connection.execute(table.update().where(table.c.id == record["id"])
                       .values(deleted_at=db.clock(), updated_at=db.clock(), **row_versions.next_of(connection, table)))
    db.audit(connection, DELETED, kind=kind, record_id=record["id"],
             details=audit.deleted({k: v for k, v in record.items()
                                    if k not in ("id", "created_at", "updated_at", "deleted_at")}))
