"""The recycle bin: deleting a record hides it from registers, exports and figures; restoring
brings it back unchanged. Nothing is erased by a misclick."""

from sqlalchemy import Table, select

from . import audit, record_rows, row_versions
from .database import Database
from .errors import InputError
from .kinds import KINDS, Kind, kind_named
from .permissions import Action

TABLES: dict[str, Table] = {name: kind.table for name, kind in KINDS.items()}


def delete(db: Database, kind: str, record_id: int) -> None:
    _set_deleted(db, kind, record_id, deleted=True)


def restore(db: Database, kind: str, record_id: int) -> None:
    _set_deleted(db, kind, record_id, deleted=False)


def in_recycle_bin(db: Database, kind: str) -> list[int]:
    """Ids of the kind's deleted records, newest deletion first."""
    db.require(Action.BROWSE, "xem thùng rác")
    table = TABLES[kind_named(kind).name]
    with db.read() as connection:
        return list(connection.execute(select(table.c.id).where(table.c.deleted_at.is_not(None))
                                       .order_by(table.c.deleted_at.desc(), table.c.id)).scalars())


def _set_deleted(db: Database, kind: str, record_id: int, deleted: bool) -> None:
    action = "xóa" if deleted else "khôi phục"
    db.require(Action.EDIT, action)
    named = kind_named(kind)
    table = TABLES[named.name]
    found = record_rows.layout(named, exported=False)
    keys = _identifying(named)
    reading = (select(table.c.deleted_at, *(found.columns[key].label(key) for key in keys))
               .select_from(found.source).where(table.c.id == record_id).limit(1))
    with db.write() as connection:
        state = connection.execute(reading).mappings().first()
        if state is None:
            raise InputError(f"Không có bản ghi số {record_id}.")
        if (state["deleted_at"] is not None) == deleted:
            raise InputError("Bản ghi đã ở trong thùng rác." if deleted else "Bản ghi không ở trong thùng rác.")
        now = db.clock()
        connection.execute(table.update().where(table.c.id == record_id)
                           .values(deleted_at=now if deleted else None, updated_at=now,
                                   **row_versions.next_of(connection, table)))
        values = {key: state[key] for key in keys}
        db.audit(connection, action, kind=kind, record_id=record_id,
                 details=audit.deleted(values) if deleted else audit.created(values))


def _identifying(kind: Kind) -> list[str]:
    """The fields the trail names a deleted or restored record by: the register's first, its required
    ones and its date (a list of members aside: they stay with the record)."""
    members = {*kind.members.person.fields, *kind.members.keys} if kind.members else set()
    return [spec.key for index, spec in enumerate(kind.fields)
            if (index == 0 or spec.required or spec.key == kind.date_key) and spec.key not in members]
