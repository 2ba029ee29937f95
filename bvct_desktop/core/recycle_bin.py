"""The recycle bin: deleting a record hides it from registers, exports and figures; restoring
brings it back unchanged. Nothing is erased by a misclick.

A vetting case goes there like the registers' records: its slips stay, still naming it, and are
its own again when it comes back. A slip takes along the case it opened with nothing else in it;
a slip of a case that went there with a slip brings it back when restored (core/personfile/cases.py
`follow_slip`), or when its row is imported again (core/plans/cases.py `bring_back`). A person has one
open case a purpose: an open case does not come back beside another. A passport goes there with its
ledger's lines, which come back with it. An attachment goes there alone, its content kept with it."""

import datetime as dt

from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import FromClause

from . import attachments, audit, passports, record_rows, row_versions
from .audit_actions import DELETED, RESTORED
from .database import Database
from .errors import InputError
from .kinds import KINDS, SLIPS, kind_named
from .permissions import Action
from .personfile import cases
from .schema import attachments as attachment_table
from .schema import passports as passport_table
from .schema import persons, vetting_cases

DELETING, RESTORING = "xóa hồ sơ", "khôi phục hồ sơ"  # what each is called when it is refused
TABLES: dict[str, Table] = {**{name: kind.table for name, kind in KINDS.items()}, cases.KIND: vetting_cases,
                            passports.KIND: passport_table, attachments.KIND: attachment_table}


def delete(db: Database, kind: str, record_id: int) -> list[str]:
    """Puts the record in the bin; returns the names of the vetting cases that went with it (a slip's)."""
    return _set_deleted(db, kind, record_id, deleted=True)


def restore(db: Database, kind: str, record_id: int) -> list[str]:
    """Takes the record out of the bin; returns the names of the vetting cases that came back with it."""
    return _set_deleted(db, kind, record_id, deleted=False)


def in_recycle_bin(db: Database, kind: str) -> list[int]:
    """Ids of the kind's deleted records, newest deletion first."""
    db.require(Action.BROWSE, "xem thùng rác")
    table = _table(kind)
    with db.read() as connection:
        return list(connection.execute(select(table.c.id).where(table.c.deleted_at.is_not(None))
                                       .order_by(table.c.deleted_at.desc(), table.c.id)).scalars())


def _set_deleted(db: Database, kind: str, record_id: int, deleted: bool) -> list[str]:
    """Marks the record, and the case going along with a slip; a case coming back open while its person has
    another open case for its purpose, and a passport whose number is now another's, are refused (nothing is
    changed)."""
    db.require(Action.EDIT, DELETING if deleted else RESTORING)
    with db.write() as connection:
        now = db.clock()
        binned_at = _mark(db, connection, kind, record_id, deleted, now)
        along = cases.follow_slip(db, connection, record_id, binned_at) if kind == SLIPS.name else None
        if along is not None:
            _mark(db, connection, cases.KIND, along.case_id, deleted, now)
        back = record_id if kind == cases.KIND else along.case_id if along is not None else None
        if not deleted and back is not None:
            cases.single_open(connection, back)
        if not deleted and kind == passports.KIND:
            passports.restorable(connection, record_id)
        return [] if along is None else [along.name]


def _mark(db: Database, connection: Connection, kind: str, record_id: int, deleted: bool,
          now: dt.datetime) -> dt.datetime | None:
    """Puts the record in the bin or takes it out, audited; returns when it had gone there (None: it had not)."""
    table = _table(kind)
    source, named_by = _naming(kind)
    state = connection.execute(select(table.c.deleted_at, *(column.label(key) for key, column in named_by.items()))
                               .select_from(source).where(table.c.id == record_id).limit(1)).mappings().first()
    if state is None:
        raise InputError(f"Không có bản ghi số {record_id}.")
    if (state["deleted_at"] is not None) == deleted:
        raise InputError("Bản ghi đã ở trong thùng rác." if deleted else "Bản ghi không ở trong thùng rác.")
    connection.execute(table.update().where(table.c.id == record_id)
                       .values(deleted_at=now if deleted else None, updated_at=now,
                               **row_versions.next_of(connection, table)))
    values = {key: state[key] for key in named_by}
    db.audit(connection, DELETED if deleted else RESTORED, kind=kind, record_id=record_id,
             details=audit.deleted(values) if deleted else audit.created(values))
    return state["deleted_at"]


def _table(kind: str) -> Table:
    if kind not in TABLES:
        kind_named(kind)  # the message naming the kinds there are
    return TABLES[kind]


def _naming(kind: str) -> tuple[FromClause, dict[str, ColumnElement]]:
    """Where the record is read from, and the values the trail names it by."""
    if kind == cases.KIND:
        return vetting_cases, {key: vetting_cases.c[key] for key in cases.NAMED_BY}
    if kind == passports.KIND:  # its handovers stay, with it, in the ledger
        return passport_table.join(persons), {"full_name": persons.c.full_name,
                                              **{key: passport_table.c[key] for key in passports.NAMED_BY}}
    if kind == attachments.KIND:
        return attachment_table, {key: attachment_table.c[key] for key in attachments.NAMED_BY}
    named = kind_named(kind)
    found = record_rows.layout(named, exported=False)
    return found.source, {key: found.columns[key] for key in named.identifying}

