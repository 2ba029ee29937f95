"""User accounts: each has a role in the database and a key slot in the key file."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import key_slots, keyfile, passwords, user_names
from .audit_actions import PASSWORD_CHANGED, PASSWORD_RESET, ROLE_CHANGED, USER_ADDED, USER_DISABLED, USER_ENABLED
from .database import Database
from .errors import InputError
from .permissions import ADMIN, ROLES, Action
from .schema import users


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    active: bool


def add(db: Database, name: str, role: str, password: str) -> str:
    """Returns the name as stored (`user_names.checked`)."""
    db.require(Action.MANAGE_USERS, USER_ADDED)
    name = user_names.checked(name)
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
    return name


def list_accounts(db: Database) -> list[Account]:
    db.require(Action.MANAGE_USERS, "xem danh sách người dùng")
    with db.read() as connection:
        rows = connection.execute(select(users.c.name, users.c.role, users.c.active).order_by(users.c.name))
        return [Account(*row) for row in rows]


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
