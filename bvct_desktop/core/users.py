"""User accounts: each has a role in the database and a key slot in the key file, and may have the officer's full
name («Nguyễn Văn A»), which documents naming the account print (`signed_name`)."""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import key_slots, keyfile, passwords, user_names
from .audit_actions import (
    FULL_NAME_CHANGED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ROLE_CHANGED,
    USER_ADDED,
    USER_DISABLED,
    USER_ENABLED,
)
from .database import Database
from .errors import InputError
from .permissions import ADMIN, ROLES, Action
from .schema import users

FULL_NAME_MAX = 100  # characters


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    active: bool
    full_name: str | None = None


def full_name_checked(text: str) -> str | None:
    """A full name as stored: NFC, without the spaces around it, None when empty; InputError naming the rule it
    breaks."""
    text = unicodedata.normalize("NFC", text).strip()
    for position, character in enumerate(text, 1):
        if not character.isprintable():
            raise InputError("Họ và tên không được có ký tự xuống dòng, tab hay ký tự điều khiển "
                             f"(ký tự thứ {position} là U+{ord(character):04X}).")
    if len(text) > FULL_NAME_MAX:
        raise InputError(f"Họ và tên dài {len(text)} ký tự, quá giới hạn {FULL_NAME_MAX} ký tự.")
    return text or None


def signed_name(name: str, full_names: Mapping[str, str | None]) -> str:
    """How a document names the account `name`: its full name when it has one, else its login name."""
    return full_names.get(name) or name


def full_names(connection: Connection) -> dict[str, str | None]:
    """Every account's full name (None: none written), by login name."""
    return {name: full_name for name, full_name in connection.execute(select(users.c.name, users.c.full_name))}


def add(db: Database, name: str, role: str, password: str, full_name: str = "") -> str:
    """Returns the name as stored (`user_names.checked`); the full name, when given, is written right after."""
    db.require(Action.MANAGE_USERS, USER_ADDED)
    name = user_names.checked(name)
    written = full_name_checked(full_name)
    if role not in ROLES:
        raise InputError(f"Vai trò «{role}» không có; chọn một trong: {', '.join(ROLES)}.")
    passwords.check(name, password)

    def new_name(connection: Connection) -> None:
        user_names.check_free(name, connection.execute(select(users.c.name)).scalars())

    if db.is_server:
        from .server import accounts

        accounts.add(db, name, role, password, new_name)
    else:
        key_slots.apply(db, key_slots.Change(USER_ADDED, name, {name: db.seal_slot(password, name)},
                                             key_slots.ADD, role), new_name)
    if written:
        set_full_name(db, name, written)
    return name


def list_accounts(db: Database) -> list[Account]:
    db.require(Action.MANAGE_USERS, "xem danh sách người dùng")
    with db.read() as connection:
        rows = connection.execute(select(users.c.name, users.c.role, users.c.active, users.c.full_name)
                                  .order_by(users.c.name))
        return [Account(*row) for row in rows]


def own_full_name(db: Database) -> str | None:
    """The acting user's full name."""
    with db.read() as connection:
        return connection.execute(select(users.c.full_name).where(users.c.name == db.actor.name)).scalar()


def set_full_name(db: Database, name: str, full_name: str) -> None:
    """An administrator writes anyone's full name, every user their own; empty takes it away."""
    if name != db.actor.name:
        db.require(Action.MANAGE_USERS, FULL_NAME_CHANGED, name)
        name = _account(db, name)
    written = full_name_checked(full_name)
    with db.write() as connection:
        before = connection.execute(select(users.c.full_name).where(users.c.name == name)).scalar_one()
        if before == written:
            return
        if db.is_server:
            from .server import accounts

            accounts.change_full_name(connection, name, written)
        else:
            connection.execute(users.update().where(users.c.name == name).values(full_name=written))
        db.audit(connection, FULL_NAME_CHANGED, details={"nguoi_dung": name, "ho_ten": written,
                                                         "ho_ten_cu": before})


def disable(db: Database, name: str) -> None:
    db.require(Action.MANAGE_USERS, USER_DISABLED, name)
    name = _account(db, name)

    def may_be_disabled(connection: Connection) -> None:
        row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == name)).one()
        if row.role == ADMIN and row.active:
            admins = connection.execute(select(func.count()).where(
                users.c.role == ADMIN, users.c.active.is_(True))).scalar()
            if admins <= 1:
                raise InputError("Không thể khóa quản trị viên cuối cùng.")

    if db.is_server:
        from .server import accounts

        accounts.disable(db, name, may_be_disabled)
        return
    key_slots.apply(db, key_slots.Change(USER_DISABLED, name, {name: None}, key_slots.DISABLE), may_be_disabled)


def locked_message(name: str) -> str:
    """What the administrator is told once an account is locked (khóa tài khoản), in every face."""
    return f"Đã khóa tài khoản «{name}»."


def reopened_message(name: str, role: str) -> str:
    """What the administrator is told once a locked account is open again, with the role it keeps."""
    return f"Đã mở lại tài khoản «{name}» ({ROLES[role]})."


def enable(db: Database, name: str, password: str) -> str:
    """An administrator reopens a disabled account with a new password (disabling took its key slot, or
    its login on the office server); returns the role it keeps."""
    db.require(Action.MANAGE_USERS, USER_ENABLED, name)
    name = _account(db, name)
    passwords.check(name, password)
    role = ""

    def disabled_user(connection: Connection) -> None:
        nonlocal role
        row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == name)).one()
        if row.active:
            raise InputError(f"Tài khoản «{name}» đang hoạt động, không cần mở lại.")
        role = row.role

    if db.is_server:
        from .server import accounts

        accounts.enable(db, name, password, disabled_user)
    else:
        key_slots.apply(db, key_slots.Change(USER_ENABLED, name, {name: db.seal_slot(password, name)},
                                             key_slots.ENABLE), disabled_user)
    return role


def change_password(db: Database, name: str, password: str) -> str | None:
    """A user's own password, or anyone's by an administrator. Opened with the recovery key,
    an administrator's password is reset and the recovery key replaced at once: the new one is
    returned, to be shown once (the old one was used, so it may have been seen)."""
    own = user_names.as_stored(name, {db.actor.name}) == db.actor.name
    if own:
        db.require(Action.PASSWD_OWN, PASSWORD_CHANGED)
        name = db.actor.name
    else:
        db.require(Action.PASSWD_OTHERS, "đổi mật khẩu người khác", name)
        name = _account(db, name)
    passwords.check(name, password)
    with_recovery = db.actor.name == keyfile.RECOVERY_SLOT

    def active_user(connection: Connection) -> None:
        row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == name)).one()
        if not row.active:
            raise InputError(f"Tài khoản «{name}» đã bị khóa: mở lại tài khoản với mật khẩu mới («Mở lại tài "
                             "khoản» ở trang Người dùng, hoặc bvct users enable).")
        if with_recovery and row.role != ADMIN:
            raise InputError("Khóa khôi phục chỉ dùng để đặt lại mật khẩu quản trị viên.")

    if db.is_server:
        from .server import accounts

        accounts.change_password(db, name, password, active_user)
        return None
    slots = {name: db.seal_slot(password, name)}
    recovery = None
    if with_recovery:
        recovery = keyfile.new_recovery_key()
        slots[keyfile.RECOVERY_SLOT] = db.seal_slot(recovery, keyfile.RECOVERY_SLOT)
    action = PASSWORD_RESET if with_recovery else PASSWORD_CHANGED
    key_slots.apply(db, key_slots.Change(action, name, slots), active_user)
    return recovery


def _account(db: Database, typed: str) -> str:
    """The stored name of the account `typed` means, as at login; InputError when none is."""
    with db.read() as connection:
        known = set(connection.execute(select(users.c.name)).scalars())
    name = user_names.as_stored(typed, known)
    if name not in known:
        raise InputError(user_names.unknown(name, known))
    return name


def change_own_password(db: Database, current: str, password: str) -> None:
    """The acting user's own password, once they have proved it is them with the current one (a
    session left open must not let whoever sits down change it); wrong tries count toward the lockout."""
    db.require(Action.PASSWD_OWN, PASSWORD_CHANGED)
    if not current:
        raise InputError("Nhập mật khẩu hiện tại.")
    db.confirm_password(current, PASSWORD_CHANGED)
    change_password(db, db.actor.name, password)


def set_role(db: Database, name: str, role: str) -> None:
    """An administrator gives a user another role, holding at once (in a session already open too:
    `Database.require` reads it); the last active administrator keeps theirs."""
    db.require(Action.MANAGE_USERS, ROLE_CHANGED, name)
    name = _account(db, name)
    if role not in ROLES:
        raise InputError(f"Vai trò «{role}» không có; chọn một trong: {', '.join(ROLES)}.")
    with db.write() as connection:
        row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == name)).one()
        if row.role == role:
            return
        if row.role == ADMIN and row.active and connection.execute(select(func.count()).where(
                users.c.role == ADMIN, users.c.active.is_(True))).scalar() <= 1:
            raise InputError("Không thể đổi vai trò của quản trị viên cuối cùng.")
        if db.is_server:
            from .server import accounts

            accounts.change_role(connection, name, role)
        else:
            connection.execute(users.update().where(users.c.name == name).values(role=role))
        db.audit(connection, ROLE_CHANGED, details={"nguoi_dung": name, "vai_tro": role,
                                                                 "vai_tro_cu": row.role})
