"""The editable list of units that receive verification slips (police records units).

Units are renamed rather than replaced when the police reorganise, so old slips keep pointing
at the same entry; a unit no longer in use is set inactive, never deleted.
"""

from dataclasses import dataclass

from sqlalchemy import select

from . import audit, lookups
from .database import Database
from .errors import InputError
from .kinds import RECIPIENTS
from .permissions import Action
from .schema import recipients
from .text import clean, identity_key


@dataclass(frozen=True)
class Recipient:
    id: int
    name: str
    active: bool


def list_recipients(db: Database, include_inactive: bool = False) -> list[Recipient]:
    db.require(Action.BROWSE, "xem danh sách nơi nhận phiếu")
    query = select(recipients.c.id, recipients.c.name, recipients.c.active).order_by(recipients.c.name)
    if not include_inactive:
        query = query.where(recipients.c.active.is_(True))
    with db.read() as connection:
        return [Recipient(*row) for row in connection.execute(query)]


def add_recipient(db: Database, name: str) -> int:
    name = _valid(name)
    db.require(Action.EDIT, "thêm nơi nhận phiếu")
    with db.write() as connection:
        _refuse_duplicate(connection, name)
        record_id = connection.execute(recipients.insert().values(
            **RECIPIENTS.new_entry(name, db.clock()))).inserted_primary_key[0]
        db.audit(connection, "thêm nơi nhận phiếu", kind="recipients", record_id=record_id)
    return record_id


def rename_recipient(db: Database, record_id: int, name: str) -> None:
    name = _valid(name)
    db.require(Action.EDIT, "đổi tên nơi nhận phiếu")
    with db.write() as connection:
        _refuse_duplicate(connection, name, except_id=record_id)
        old = _existing(connection, record_id).name
        connection.execute(recipients.update().where(recipients.c.id == record_id)
                           .values(name=name, name_key=identity_key(name)))
        db.audit(connection, "đổi tên nơi nhận phiếu", kind="recipients", record_id=record_id,
                 details=audit.changed({"name": old}, {"name": name}))


def set_recipient_active(db: Database, record_id: int, active: bool) -> None:
    db.require(Action.EDIT, "thay đổi nơi nhận phiếu")
    with db.write() as connection:
        _existing(connection, record_id)
        connection.execute(recipients.update().where(recipients.c.id == record_id).values(active=active))
        db.audit(connection, "dùng lại nơi nhận phiếu" if active else "ngừng dùng nơi nhận phiếu",
                 kind="recipients", record_id=record_id)


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


def _refuse_duplicate(connection, name: str, except_id: int | None = None) -> None:
    found = lookups.named(connection, recipients, name)
    if found is not None and found != except_id:
        raise InputError(f"Đã có nơi nhận phiếu «{name}».")
