"""User accounts: each has a role in the database and a key slot in the key file."""

from dataclasses import dataclass

from sqlalchemy import func, select

from . import keyfile, passwords
from .database import Database
from .errors import InputError
from .permissions import ADMIN, ROLES, Action
from .schema import users


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    active: bool


def add(db: Database, name: str, role: str, password: str) -> None:
    name = name.strip()
    db.require(Action.MANAGE_USERS, "thêm người dùng")
    if not name or name == keyfile.RECOVERY_SLOT:
        raise InputError("Tên người dùng không hợp lệ.")
    if role not in ROLES:
        raise InputError(f"Vai trò «{role}» không có; chọn một trong: {', '.join(ROLES)}.")
    passwords.check(name, password)
    with db.write() as connection:
        if connection.execute(select(users.c.id).where(users.c.name == name)).first():
            raise InputError(f"Người dùng «{name}» đã có.")
        connection.execute(users.insert().values(name=name, role=role, active=True, created_at=db.clock()))
        db.audit(connection, "thêm người dùng", details={"nguoi_dung": name, "vai_tro": role})
        slot = db.seal_slot(password, name)
        keyfile.update(db.key_path, lambda keys: keys.slots.__setitem__(name, slot))


def list_accounts(db: Database) -> list[Account]:
    db.require(Action.MANAGE_USERS, "xem danh sách người dùng")
    with db.read() as connection:
        rows = connection.execute(select(users.c.name, users.c.role, users.c.active).order_by(users.c.name))
        return [Account(*row) for row in rows]


def disable(db: Database, name: str) -> None:
    db.require(Action.MANAGE_USERS, "khóa người dùng")
    with db.write() as connection:
        row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == name)).first()
        if row is None:
            raise InputError(f"Không có người dùng «{name}».")
        if row.role == ADMIN and row.active:
            admins = connection.execute(select(func.count()).where(
                users.c.role == ADMIN, users.c.active.is_(True))).scalar()
            if admins <= 1:
                raise InputError("Không thể khóa quản trị viên cuối cùng.")
        connection.execute(users.update().where(users.c.name == name).values(active=False))
        db.audit(connection, "khóa người dùng", details={"nguoi_dung": name})
        keyfile.update(db.key_path, lambda keys: keys.slots.pop(name, None))


def change_password(db: Database, name: str, password: str) -> None:
    """A user's own password, or anyone's by an administrator (or with the recovery key)."""
    own = name == db.actor.name
    db.require(Action.PASSWD_OWN if own else Action.PASSWD_OTHERS, "đổi mật khẩu")
    passwords.check(name, password)
    with db.write() as connection:
        row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == name)).first()
        if row is None or not row.active:
            raise InputError(f"Không có người dùng «{name}» đang hoạt động.")
        if db.actor.name == keyfile.RECOVERY_SLOT and row.role != ADMIN:
            raise InputError("Khóa khôi phục chỉ dùng để đặt lại mật khẩu quản trị viên.")
        db.audit(connection, "đổi mật khẩu", details={"nguoi_dung": name})
        slot = db.seal_slot(password, name)
        keyfile.update(db.key_path, lambda keys: keys.slots.__setitem__(name, slot))
