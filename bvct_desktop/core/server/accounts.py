"""Accounts on the office server: a program user is the login role of the same name, a member of
its role's group. The service (core/users.py) checks and audits as on a file; the change itself
is one call of a function the server runs as the owner, which checks the caller again — so psql
with an officer's password can do no more. A password travels as its SCRAM-SHA-256 verifier,
with the user's key slot for backups, in the same transaction as the audit entry.
"""

import json
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..audit_actions import PASSWORD_CHANGED, USER_ADDED, USER_DISABLED, USER_ENABLED
from ..errors import InputError
from .database import ServerDatabase
from .setup import verifier

Check = Callable[[Connection], None]  # the service's own check, in the change's transaction


def add(db: ServerDatabase, name: str, role: str, password: str, check: Check) -> None:
    slot = json.dumps(db.seal_slot(password, name))
    with db.write() as connection:
        check(connection)
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first():
            raise InputError(f"Tên «{name}» đã là một tài khoản khác trên máy chủ; chọn tên khác.")
        connection.execute(text("SELECT public.bvct_user_add(:name, :role, :verifier, :slot, :at)"),
                           {"name": name, "role": role, "verifier": verifier(connection, name, password),
                            "slot": slot, "at": db.clock()})
        db.audit(connection, USER_ADDED, details={"nguoi_dung": name, "vai_tro": role})


def disable(db: ServerDatabase, name: str, check: Check) -> None:
    with db.write() as connection:
        check(connection)
        db.audit(connection, USER_DISABLED, details={"nguoi_dung": name})  # first: an account disabled writes none
        connection.execute(text("SELECT public.bvct_user_disable(:name)"), {"name": name})


def enable(db: ServerDatabase, name: str, password: str, check: Check) -> None:
    """The login may log in again, with the new password's verifier and a new key slot."""
    slot = json.dumps(db.seal_slot(password, name))
    with db.write() as connection:
        check(connection)
        connection.execute(text("SELECT public.bvct_user_enable(:name, :verifier, :slot)"),
                           {"name": name, "verifier": verifier(connection, name, password), "slot": slot})
        db.audit(connection, USER_ENABLED, details={"nguoi_dung": name})


def change_role(connection: Connection, name: str, role: str) -> None:
    """The login leaves its old role's group for the new one's, in the caller's transaction; it holds
    at once (the server checks each statement against the groups the login is in now)."""
    connection.execute(text("SELECT public.bvct_user_role(:name, :role)"), {"name": name, "role": role})


def change_full_name(connection: Connection, name: str, full_name: str | None) -> None:
    """The account's full name, in the caller's transaction: an administrator's to write, or the account's own."""
    connection.execute(text("SELECT public.bvct_user_full_name(:name, :full_name)"),
                       {"name": name, "full_name": full_name})


def change_password(db: ServerDatabase, name: str, password: str, check: Check) -> None:
    """The user's key slot is sealed again when the one acting holds the database key."""
    slot = json.dumps(db.seal_slot(password, name)) if db.has_key else None
    with db.write() as connection:
        check(connection)
        connection.execute(text("SELECT public.bvct_user_password(:name, :verifier, :slot)"),
                           {"name": name, "verifier": verifier(connection, name, password), "slot": slot})
        db.audit(connection, PASSWORD_CHANGED, details={"nguoi_dung": name})
    if name == db.actor.name:
        db.logged_in_again(password)
