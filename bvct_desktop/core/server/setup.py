"""Creating and opening a database on the office server (the server side of `vault`).

`create` runs as the database's owner (`--server-owner`): on an empty database it owns, it makes
the schema (the same migrations as a file), the server's objects (group roles, grants, the audit
chain's trigger, the account functions) and the administrator, whose login role gets the
password's SCRAM-SHA-256 verifier — computed here, so the password itself never reaches the
server, nor its logs. `unlock` logs in as the program user; the server checks the password.
"""

import json
import uuid

from sqlalchemy import exc, insert, select, text
from sqlalchemy.engine import Connection

from ... import __version__
from .. import keyfile, migrations, passwords, settings, user_names
from ..address import ServerAddress
from ..database import Actor, Clock, system_clock
from ..errors import ACCOUNT_CLOSED, AuthError, DamagedError, InputError, SchemaBehind
from ..permissions import ADMIN
from ..schema import audit_log, meta, users
from . import engine as server_engine
from . import objects
from .database import ServerDatabase

CODE_POINT_LOCALES = ("C.UTF-8", "C.utf8", "C.UTF8", "C.utf-8")


def verifier(connection: Connection, user: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of `password` for login `user`, computed by libpq on this PC."""
    pgconn = connection.connection.driver_connection.pgconn
    return pgconn.encrypt_password(password.encode("utf-8"), user.encode("utf-8"), b"scram-sha-256").decode("ascii")


def create(address: ServerAddress, admin: str, password: str, owner: str, owner_password: str | None,
           kdf: keyfile.KdfParams | None = None) -> None:
    """Makes everything in the empty database `address` as `owner`. No recovery key: another
    administrator, or the owner, sets an administrator's password again (vault.NO_RECOVERY_KEY).
    Dated by the server's clock in office time, as the server dates every later entry (not the clock
    of the PC it runs on, which may keep UTC)."""
    admin = user_names.checked(admin)
    passwords.check(admin, password)
    kdf = kdf or keyfile.DEFAULT_KDF
    engine = server_engine.owner_engine(address, owner, owner_password)
    try:
        with server_engine.translated_errors(address), engine.connect() as connection, connection.begin():
            check_owner(connection, address, owner)
            _check_free_name(connection, admin)
            migrations.upgrade(connection)
            objects.prepare(connection, address.dbname, owner)
            db_key, db_id = keyfile.new_database_key(), str(uuid.uuid4())
            now = objects.office_now(connection)
            facts = {"db_id": db_id, "created_at": now.isoformat(), "app_version": __version__,
                     **server_engine.server_facts(connection)}
            connection.execute(meta.insert(), [{"key": k, "value": v} for k, v in facts.items()])
            settings.store_defaults(connection)
            slot = json.dumps(keyfile.seal(db_key, password, db_id, admin, kdf))
            connection.execute(text("SELECT public.bvct_user_add(:name, :role, :verifier, :slot, :at)"),
                               {"name": admin, "role": ADMIN, "verifier": verifier(connection, admin, password),
                                "slot": slot, "at": now})
            objects.hold_key_proof(connection, db_key)
            connection.execute(insert(audit_log), {"at": now, "user_name": admin, "role": ADMIN,
                                                   "action": "khởi tạo cơ sở dữ liệu", "outcome": "ok"})
    finally:
        engine.dispose()


def check_owner(connection: Connection, address: ServerAddress, owner: str) -> None:
    row = connection.exec_driver_sql(
        "SELECT pg_get_userbyid(d.datdba), d.datcollate, d.datctype, r.rolcreaterole "
        "FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user").one()
    database_owner, collate, ctype, may_create_roles = row
    create_hint = (f"hãy tạo cơ sở dữ liệu trống với chủ sở hữu «{owner}», mã UTF8, locale C.UTF-8, từ template0 "
                   "(README: «Dùng chung trong mạng nội bộ»).")
    if database_owner != owner:
        raise InputError(f"Cơ sở dữ liệu «{address.dbname}» không thuộc sở hữu của «{owner}» mà của "
                         f"«{database_owner}»; {create_hint}")
    if not may_create_roles:
        raise InputError(f"Tài khoản «{owner}» trên máy chủ cần quyền CREATEROLE để tạo tài khoản người dùng "
                         f"(ALTER ROLE {owner} CREATEROLE).")
    if collate not in CODE_POINT_LOCALES or ctype not in CODE_POINT_LOCALES:
        raise InputError(f"Cơ sở dữ liệu «{address.dbname}» dùng bảng chữ «{collate}»; chương trình cần C.UTF-8 để "
                         f"sắp xếp và tìm kiếm giống hệt cơ sở dữ liệu tệp; {create_hint}")
    tables = connection.exec_driver_sql(
        "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')").scalar()
    if tables:
        raise InputError(f"Cơ sở dữ liệu «{address.dbname}» trên máy chủ đã có dữ liệu; không ghi đè. "
                         "Dùng một cơ sở dữ liệu trống.")


def _check_free_name(connection: Connection, name: str) -> None:
    if connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(name)s", {"name": name}).first():
        raise InputError(f"Tên «{name}» đã là một tài khoản trên máy chủ; chọn tên khác cho người dùng của "
                         "chương trình.")


def unlock(address: ServerAddress, user: str, password: str, clock: Clock = system_clock,
           busy_timeout_ms: int | None = None, schema_checked: bool = True) -> ServerDatabase:
    """Logs in as `user`: the server checks the password (3 when wrong), then the schema (4 when it is
    not a BVCT database or a newer program's) and the account (3 when disabled)."""
    engine = server_engine.make_engine(address, user, password)
    try:
        with server_engine.translated_errors(address), engine.connect() as connection, connection.begin():
            db_id, key = _opened(connection, address, user, password, schema_checked)
            row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == user)).first()
        if row is None or not row.active:
            raise AuthError(ACCOUNT_CLOSED)
        db = ServerDatabase(address, engine, db_id, Actor(user, row.role), clock, key, password, busy_timeout_ms)
        with db.write() as connection:
            db.audit(connection, "đăng nhập")
    except BaseException:
        engine.dispose()
        raise
    return db


def _opened(connection: Connection, address: ServerAddress, user: str, password: str,
            schema_checked: bool) -> tuple[str, bytes | None]:
    """The database id and the backup key from `user`'s slot (None when it has none that opens)."""
    try:
        db_id = connection.execute(select(meta.c.value).where(meta.c.key == "db_id")).scalar()
    except exc.ProgrammingError:  # no meta table: not ours
        db_id = None
    if not db_id:
        raise DamagedError(f"«{address.dbname}» trên máy chủ không phải cơ sở dữ liệu BVCT Desktop (hoặc chưa được "
                           "khởi tạo).")
    if schema_checked:
        check_schema(connection)
    slot = connection.execute(text(objects.reads(connection)["own_slot"])).scalar()
    key = keyfile.unseal(json.loads(slot), password, db_id, user) if slot else None
    return db_id, key


def check_schema(connection: Connection) -> None:
    """Refuses a database whose tables or server objects (objects.VERSION) a newer program made (4), or
    an older one (`SchemaBehind`: `bvct upgrade` brings them up to date)."""
    current, made = migrations.current_revision(connection), objects.version(connection)
    if current == migrations.head_revision() and made == objects.VERSION:
        return
    if current not in migrations.known_revisions() or made > objects.VERSION:
        raise DamagedError("Cơ sở dữ liệu được tạo bởi phiên bản BVCT Desktop mới hơn; hãy cập nhật chương trình.")
    raise SchemaBehind("Cấu trúc cơ sở dữ liệu trên máy chủ cũ hơn chương trình này; quản trị viên cần nâng cấp "
                       "một lần bằng tài khoản chủ sở hữu cơ sở dữ liệu trên máy chủ (sau khi sao lưu).")
