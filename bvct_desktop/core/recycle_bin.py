"""The recycle bin: deleting a record hides it from registers, exports and figures; restoring
brings it back unchanged. Nothing is erased by a misclick."""

from sqlalchemy import Table, select

from . import row_versions
from .database import Database
from .errors import InputError
from .kinds import KINDS, kind_named
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
    table = TABLES[kind_named(kind).name]
    with db.write() as connection:
        state = connection.execute(select(table.c.deleted_at).where(table.c.id == record_id)).first()
        if state is None:
            raise InputError(f"Không có bản ghi số {record_id}.")
        if (state.deleted_at is not None) == deleted:
            raise InputError("Bản ghi đã ở trong thùng rác." if deleted else "Bản ghi không ở trong thùng rác.")
        now = db.clock()
        connection.execute(table.update().where(table.c.id == record_id)
                           .values(deleted_at=now if deleted else None, updated_at=now,
                                   **row_versions.next_of(connection, table)))
        db.audit(connection, action, kind=kind, record_id=record_id)
