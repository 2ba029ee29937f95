"""The editable list of units that receive verification slips (police records units).

Units are renamed rather than replaced when the police reorganise, so old slips keep pointing
at the same entry; a unit no longer in use is set inactive, never deleted. An entry written
differently for the same unit as another is merged into it: its records then name the other, and
it stays as the other's alias (inactive, listed with it), so a later file or form writing that
spelling means the entry kept (core/lookups.named).
"""

from dataclasses import dataclass

from sqlalchemy import Column, func, or_, select
from sqlalchemy.engine import Connection

from . import audit, lookups, record_rows, row_versions
from .audit_actions import CHANGED, RECIPIENT_ADDED, RECIPIENT_RENAMED, RECIPIENTS_MERGED
from .database import Database
from .errors import InputError
from .kinds import KINDS, RECIPIENTS, Kind
from .permissions import Action
from .schema import metadata, recipients
from .text import clean, identity_key


@dataclass(frozen=True)
class Recipient:
    id: int
    name: str
    active: bool
    aliases: tuple[str, ...] = ()  # the spellings merged into it


def list_recipients(db: Database, include_inactive: bool = False) -> list[Recipient]:
    """The entries to choose from, each with its aliases (which are not entries of their own)."""
    db.require(Action.BROWSE, "xem danh sách nơi nhận phiếu")
    query = (select(recipients.c.id, recipients.c.name, recipients.c.active)
             .where(recipients.c.merged_into_id.is_(None)).order_by(recipients.c.name))
    if not include_inactive:
        query = query.where(recipients.c.active.is_(True))
    with db.read() as connection:
        aliases = _aliases(connection)
        return [Recipient(*row, aliases=tuple(aliases.get(row.id, ()))) for row in connection.execute(query)]


def add_recipient(db: Database, name: str) -> int:
    name = _valid(name)
    db.require(Action.EDIT, RECIPIENT_ADDED)
    with db.write() as connection:
        _refuse_duplicate(connection, name)
        record_id = connection.execute(recipients.insert().values(
            **RECIPIENTS.new_entry(name, db.clock()))).inserted_primary_key[0]
        db.audit(connection, RECIPIENT_ADDED, kind="recipients", record_id=record_id)
    return record_id


def rename_recipient(db: Database, record_id: int, name: str) -> None:
    name = _valid(name)
    db.require(Action.EDIT, RECIPIENT_RENAMED)
    with db.write() as connection:
        old = _not_alias(connection, record_id).name
        _refuse_duplicate(connection, name, except_id=record_id)
        connection.execute(recipients.update().where(recipients.c.id == record_id)
                           .values(name=name, name_key=identity_key(name)))
        db.audit(connection, RECIPIENT_RENAMED, kind="recipients", record_id=record_id,
                 details=audit.changed({"name": old}, {"name": name}))


def set_recipient_active(db: Database, record_id: int, active: bool) -> None:
    db.require(Action.EDIT, "thay đổi nơi nhận phiếu")
    with db.write() as connection:
        _not_alias(connection, record_id)
        connection.execute(recipients.update().where(recipients.c.id == record_id).values(active=active))
        db.audit(connection, "dùng lại nơi nhận phiếu" if active else "ngừng dùng nơi nhận phiếu",
                 kind="recipients", record_id=record_id)


def records_naming(db: Database, record_id: int) -> int:
    """How many records name the entry, those in the recycle bin too: what merging it would move."""
    db.require(Action.BROWSE, "xem danh sách nơi nhận phiếu")
    with db.read() as connection:
        return sum(connection.execute(select(func.count()).select_from(column.table)
                                      .where(column == record_id)).scalar() for column in naming_columns())


def merge_recipient(db: Database, duplicate_id: int, into_id: int) -> int:
    """Merges the entry `duplicate_id` into `into_id` (two spellings of one unit): every record naming
    it, those in the recycle bin too, names `into_id` instead, each audited as an edit, and the
    duplicate becomes an inactive alias of `into_id`, as do the entries merged into it before (an alias
    names the entry kept itself, never another alias). Returns how many records moved. The kept entry
    may be inactive (two spellings of a unit the police dissolved still split the old periods'
    counts); it keeps its own state. Issued documents are untouched: they keep their content as
    issued (core/outgoing)."""
    db.require(Action.EDIT, RECIPIENTS_MERGED)
    if duplicate_id == into_id:
        raise InputError("Không thể gộp một nơi nhận phiếu vào chính nó.")
    with db.write() as connection:
        duplicate, kept = _not_alias(connection, duplicate_id), _not_alias(connection, into_id)
        moved = sum(_repoint(db, connection, column, duplicate.id, kept.id) for column in naming_columns())
        connection.execute(recipients.update()
                           .where(or_(recipients.c.id == duplicate.id, recipients.c.merged_into_id == duplicate.id))
                           .values(merged_into_id=kept.id, active=False))
        db.audit(connection, RECIPIENTS_MERGED, kind="recipients", record_id=kept.id,
                 details={"gop_tu": duplicate.name, "so_ban_ghi": moved})
    return moved


def naming_columns() -> list[Column]:
    """Every record's column naming a recipient entry (a foreign key to it), read from the schema, so a
    table added later is merged too; the list's own `merged_into_id` is not a record's."""
    return [column for table in metadata.sorted_tables if table is not recipients for column in table.c
            if any(key.column is recipients.c.id for key in column.foreign_keys)]


def _repoint(db: Database, connection: Connection, column: Column, duplicate_id: int, into_id: int) -> int:
    """Points the records naming `duplicate_id` in `column` at `into_id`, counting up their versions (an
    open form of one notices) and auditing each as a form's edit would; returns how many."""
    table, kind = column.table, _kind_stored_in(column.table.name)
    ids = connection.execute(select(table.c.id).where(column == duplicate_id).order_by(table.c.id)).scalars().all()
    if not ids:
        return 0
    before = record_rows.snapshots(connection, kind, ids)
    connection.execute(table.update().where(column == duplicate_id).values(
        {column.name: into_id, "updated_at": db.clock(), **row_versions.next_of(connection, table)}))
    after = record_rows.snapshots(connection, kind, ids)
    db.audit_records(connection, kind.name, [
        (CHANGED, record_id, audit.named(before[record_id], kind.identifying) | audit.changed(before[record_id],
                                                                                             after[record_id]))
        for record_id in ids])
    return len(ids)


def _kind_stored_in(table_name: str) -> Kind:
    return next(kind for kind in KINDS.values() if kind.stored_in == table_name)


def _valid(name: str) -> str:
    name = clean(name)
    if not name:
        raise InputError("Tên nơi nhận phiếu không được để trống.")
    return name


def _existing(connection, record_id: int):
    row = connection.execute(select(recipients).where(recipients.c.id == record_id)).first()
    if row is None:
        raise InputError(f"Không có nơi nhận phiếu số {record_id}.")
    return row


def _not_alias(connection: Connection, record_id: int):
    """The entry, refused when it was merged into another: its spelling already means that one."""
    row = _existing(connection, record_id)
    if row.merged_into_id is not None:
        raise InputError(_merged_message(connection, row.name, row.merged_into_id))
    return row


def _merged_message(connection: Connection, name: str, kept_id: int) -> str:
    return f"«{name}» đã được gộp vào «{_existing(connection, kept_id).name}»."


def _aliases(connection: Connection) -> dict[int, list[str]]:
    """The names merged into each entry kept, by its id."""
    found: dict[int, list[str]] = {}
    for row in connection.execute(select(recipients.c.merged_into_id, recipients.c.name)
                                  .where(recipients.c.merged_into_id.is_not(None)).order_by(recipients.c.name)):
        found.setdefault(row.merged_into_id, []).append(row.name)
    return found


def _refuse_duplicate(connection, name: str, except_id: int | None = None) -> None:
    """Refuses `name` for a new entry, or as `except_id`'s new name, when another entry or an alias (of
    `except_id` too) is spelt so."""
    found = lookups.spelt(connection, recipients, name)
    if found is None or found == except_id:
        return
    existing = _existing(connection, found)
    if existing.merged_into_id is not None:
        raise InputError(_merged_message(connection, name, existing.merged_into_id))
    raise InputError(f"Đã có nơi nhận phiếu «{existing.name}».")
