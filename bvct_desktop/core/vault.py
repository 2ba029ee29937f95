"""Creating and unlocking a database, and the open database every service works through.

`Database` carries who is acting; `require` is the one place a permission is checked and a
refusal audited, and `audit` the one place an action is written to the trail.
"""

import contextlib
import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .. import __version__
from . import audit, database, keyfile, migrations, passwords, settings
from .errors import AuthError, DamagedError, InputError, PermissionDenied
from .permissions import ADMIN, Action, allows
from .schema import meta, users

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096
Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Actor:
    name: str
    role: str


class Database:
    """An unlocked database and the user acting on it."""

    def __init__(self, path: Path, db_key: bytes, db_id: str, actor: Actor, clock: Clock):
        self.path = Path(path)
        self.key_path = keyfile.key_path(self.path)
        self.db_id = db_id
        self.actor = actor
        self.clock = clock
        self.engine = database.make_engine(self.path, db_key)
        self._db_key = db_key
        self._audit_key = audit.derive_key(db_key)

    def seal_slot(self, secret: str, slot: str) -> dict:
        """A key slot that opens this database with `secret`."""
        return keyfile.seal(self._db_key, secret, self.db_id, slot, keyfile.DEFAULT_KDF)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with database.translated_errors(), self.engine.connect() as connection:
            with connection.begin():
                yield connection

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it commits or none of it."""
        with database.translated_errors(), self.engine.connect() as connection:
            with connection.execution_options(immediate=True).begin():
                yield connection

    def audit(self, connection: Connection, action: str, outcome: str = audit.OK,
              kind: str | None = None, record_id: int | None = None,
              details: dict | None = None) -> None:
        audit.append(connection, self._audit_key, at=self.clock(), user=self.actor.name,
                     role=self.actor.role, action=action, outcome=outcome, kind=kind,
                     record_id=record_id, details=details)

    def require(self, action: Action, what: str) -> None:
        """Refuses (and audits the refusal) unless the actor's role allows `action`."""
        if allows(self.actor.role, action):
            return
        with self.write() as connection:
            self.audit(connection, what, audit.REFUSED, details={"quyen": action.name})
        raise PermissionDenied(f"Vai trò của bạn không được phép {action.value}.")

    def close(self) -> None:
        self.engine.dispose()


def create(path: Path, admin: str, password: str, kdf: keyfile.KdfParams | None = None,
           clock: Clock = system_clock) -> str:
    """Creates the database and its key file with one administrator; returns the recovery key."""
    path = Path(path)
    key_path = keyfile.key_path(path)
    for existing in (path, key_path):
        if existing.exists():
            raise InputError(f"Tệp «{existing}» đã có; không ghi đè. Chọn đường dẫn khác.")
    admin = admin.strip()
    if not admin:
        raise InputError("Tên quản trị viên không được để trống.")
    passwords.check(admin, password)
    if not path.parent.is_dir():
        raise InputError(f"Thư mục «{path.parent}» không tồn tại.")
    db_key, db_id, recovery = keyfile.new_database_key(), str(uuid.uuid4()), keyfile.new_recovery_key()
    kdf = kdf or keyfile.DEFAULT_KDF
    slots = {admin: keyfile.seal(db_key, password, db_id, admin, kdf),
             keyfile.RECOVERY_SLOT: keyfile.seal(db_key, recovery, db_id, keyfile.RECOVERY_SLOT, kdf)}
    try:
        db = Database(path, db_key, db_id, Actor(admin, ADMIN), clock)
        with db.write() as connection:
            migrations.upgrade(connection)
            now = clock()
            facts = {"db_id": db_id, "created_at": now.isoformat(), "app_version": __version__,
                     **database.cipher_facts(connection)}
            connection.execute(meta.insert(), [{"key": k, "value": v} for k, v in facts.items()])
            settings.store_defaults(connection)
            connection.execute(users.insert().values(name=admin, role=ADMIN, active=True, created_at=now))
            db.audit(connection, "khởi tạo cơ sở dữ liệu")
        db.close()
        keyfile.write_new(key_path, keyfile.KeyFile(db_id, slots))
    except BaseException:
        for leftover in (path, key_path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return recovery


def unlock(path: Path, user: str, password: str, clock: Clock = system_clock) -> Database:
    """Opens the database as `user`; tells a wrong password (3) from damage (4)."""
    path = Path(path)
    _check_file(path)
    keys = keyfile.read(keyfile.key_path(path))
    if user == keyfile.RECOVERY_SLOT:
        raise AuthError("Sai tên người dùng hoặc mật khẩu.")
    db = Database(path, keys.open_slot(user, password), keys.db_id, Actor(user, ""), clock)
    try:
        with db.write() as connection:
            _check_schema(connection, keys, path)
            row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == user)).first()
            if row is None or not row.active:
                raise AuthError("Tài khoản không tồn tại hoặc đã bị khóa.")
            db.actor = Actor(user, row.role)
            db.audit(connection, "đăng nhập")
    except BaseException:
        db.close()
        raise
    return db


def unlock_with_recovery_key(path: Path, recovery_key: str, clock: Clock = system_clock) -> Database:
    """Opens the database with the recovery key, acting as an administrator (for password resets)."""
    path = Path(path)
    _check_file(path)
    keys = keyfile.read(keyfile.key_path(path))
    secret = keyfile.normalize_recovery_key(recovery_key)
    try:
        db_key = keys.open_slot(keyfile.RECOVERY_SLOT, secret)
    except AuthError:
        raise AuthError("Khóa khôi phục không đúng.") from None
    db = Database(path, db_key, keys.db_id, Actor(keyfile.RECOVERY_SLOT, ADMIN), clock)
    try:
        with db.write() as connection:
            _check_schema(connection, keys, path)
            db.audit(connection, "mở bằng khóa khôi phục")
    except BaseException:
        db.close()
        raise
    return db


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise DamagedError(f"Không tìm thấy cơ sở dữ liệu «{path}». "
                           "Tạo mới bằng lệnh: bvct init --admin TÊN") from None
    except OSError as error:
        raise DamagedError(f"Không đọc được «{path}» ({error.strerror}).") from None
    if head == SQLITE_MAGIC:
        raise DamagedError(f"«{path}» là tệp SQLite không mã hóa, không phải cơ sở dữ liệu BVCT Desktop.")
    if size % PAGE_SIZE or size == 0 and not Path(f"{path}-wal").exists():
        raise DamagedError(f"Cơ sở dữ liệu «{path}» bị hỏng (kích thước tệp không hợp lệ, có thể bị cắt cụt).")


def _check_schema(connection: Connection, keys: keyfile.KeyFile, path: Path) -> None:
    connection.execute(select(func.count()).select_from(meta)).scalar()
    stored_id = connection.execute(select(meta.c.value).where(meta.c.key == "db_id")).scalar()
    if stored_id != keys.db_id:
        raise DamagedError(f"Tệp khóa «{keyfile.key_path(path)}» không thuộc cơ sở dữ liệu này.")
    current, head = migrations.current_revision(connection), migrations.head_revision()
    if current != head:
        if current not in migrations.known_revisions():
            raise DamagedError("Cơ sở dữ liệu được tạo bởi phiên bản BVCT Desktop mới hơn; hãy cập nhật chương trình.")
        migrations.upgrade(connection)
