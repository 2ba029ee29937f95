"""Creating and unlocking a database, and the open database every service works through.

`Database` carries who is acting; `require` is the one place a permission is checked and a
refusal audited, and `audit` the one place an action is written to the trail. After every
commit that appended audit entries, the chain's head is mirrored in the key file. Wrong
passwords are counted in the key file (`lockout`) and copied into the trail at the next
successful unlock. A damaged database is reported with the newest verified backup.
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
from . import audit, backup_log, engine, keyfile, lockout, migrations, passwords, settings
from .errors import AuthError, BvctError, DamagedError, InputError, PermissionDenied
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
        self.engine = engine.make_engine(self.path, db_key)
        self._db_key = db_key
        self._audit_key = audit.derive_key(db_key)

    def seal_slot(self, secret: str, slot: str) -> dict:
        """A key slot that opens this database with `secret`."""
        return keyfile.seal(self._db_key, secret, self.db_id, slot, keyfile.DEFAULT_KDF)

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._damage_named(), engine.translated_errors(), self.engine.connect() as connection:
            with connection.begin():
                yield connection

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of it commits or none of it."""
        with self._damage_named(), engine.translated_errors(), self.engine.connect() as connection:
            try:
                with connection.execution_options(immediate=True).begin():
                    yield connection
            finally:
                head = connection.info.pop(audit.HEAD_INFO, None)
            if head:  # reached only once committed: the mirror never runs ahead of the database
                self._mirror_audit_head(connection, head)

    def _mirror_audit_head(self, connection: Connection, head: dict) -> None:
        def change(keys: keyfile.KeyFile) -> None:
            keys.audit_head = audit.advance(keys.audit_head, head, lambda i: audit.mac_at(connection, i))

        try:
            keyfile.update(self.key_path, change)
        except BvctError:
            pass  # the data is committed; the mirror may lag and catches up at the next commit

    @contextlib.contextmanager
    def _damage_named(self) -> Iterator[None]:
        """Adds the newest verified backup to a damage message."""
        try:
            yield
        except DamagedError as error:
            named = backup_log.naming_backup(error, self.path)
            if named is error:
                raise
            raise named from error

    @property
    def key(self) -> bytes:
        """The raw database key: a backup's copy is encrypted with it. It never leaves the process."""
        return self._db_key

    def derive_key(self, purpose: bytes) -> bytes:
        """A key for `purpose` derived from the database key (backup manifests use one)."""
        return keyfile.derive_subkey(self._db_key, purpose)

    def export_copy(self, target: Path) -> dict:
        """A consistent encrypted copy of the database at `target` (SQLCipher export of one
        read snapshot, never a raw copy of a live WAL database); returns the copy's audit head."""
        with self._damage_named(), engine.translated_errors():
            return engine.export_copy(self.engine, self._db_key, Path(target))

    def check_integrity(self) -> list[str]:
        """The full check on demand: every page's HMAC and SQLite's structure; [] when sound."""
        with self.read() as connection:
            return engine.integrity_problems(connection)

    def verify_audit_chain(self) -> audit.Verdict:
        head = keyfile.read(self.key_path).audit_head
        with self.read() as connection:
            return audit.verify_chain(connection, self._audit_key, head)

    def record_lock(self) -> None:
        """The screen was locked (the GUI's auto-lock or the officer's own)."""
        with self.write() as connection:
            self.audit(connection, "khóa màn hình")

    def unlock_again(self, password: str) -> None:
        """Unlocks a locked screen with the acting user's password, under the same lockout rules."""
        self._reauthenticate(password, "mở khóa màn hình")

    def confirm_password(self, password: str, purpose: str) -> None:
        """The acting user proves it is still them before data leaves the encryption (an export or
        a print, when `hoi_lai_mat_khau` is on); AuthError when the password is wrong."""
        self._reauthenticate(password, f"xác nhận mật khẩu để {purpose}")

    def _reauthenticate(self, password: str, action: str) -> None:
        keys = keyfile.read(self.key_path)
        lockout.check(keys, self.actor.name, self.clock())
        _open_slot(keys, self.key_path, self.actor.name, password, self.clock())
        with self.write() as connection:
            copied = _copy_failures(self, connection, keys)
            self.audit(connection, action)
        lockout.settle(self.key_path, self.actor.name, copied)

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
                     **engine.cipher_facts(connection)}
            connection.execute(meta.insert(), [{"key": k, "value": v} for k, v in facts.items()])
            settings.store_defaults(connection)
            connection.execute(users.insert().values(name=admin, role=ADMIN, active=True, created_at=now))
            db.audit(connection, "khởi tạo cơ sở dữ liệu")
            head = connection.info[audit.HEAD_INFO]
        db.close()
        keyfile.write_new(key_path, keyfile.KeyFile(db_id, slots, audit_head=head))
    except BaseException:
        for leftover in (path, key_path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return recovery


def unlock(path: Path, user: str, password: str, clock: Clock = system_clock) -> Database:
    """Opens the database as `user`; tells a wrong password (3) from damage (4)."""
    path = Path(path)
    try:
        _check_file(path)
        keys = keyfile.read(keyfile.key_path(path))
    except DamagedError as error:
        raise backup_log.naming_backup(error, path) from None
    if user == keyfile.RECOVERY_SLOT:
        raise AuthError("Sai tên người dùng hoặc mật khẩu.")
    lockout.check(keys, user, clock())
    db_key = _open_slot(keys, keyfile.key_path(path), user, password, clock())
    db = Database(path, db_key, keys.db_id, Actor(user, ""), clock)
    try:
        _check_schema(db, keys)
        with db.write() as connection:
            row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == user)).first()
            if row is None or not row.active:
                raise AuthError("Tài khoản không tồn tại hoặc đã bị khóa.")
            db.actor = Actor(user, row.role)
            copied = _copy_failures(db, connection, keys)
            db.audit(connection, "đăng nhập")
        lockout.settle(db.key_path, user, copied)
    except BaseException:
        db.close()
        raise
    return db


def unlock_with_recovery_key(path: Path, recovery_key: str, clock: Clock = system_clock) -> Database:
    """Opens the database with the recovery key, acting as an administrator (for password resets)."""
    path = Path(path)
    _check_file(path)
    keys = keyfile.read(keyfile.key_path(path))
    lockout.check(keys, keyfile.RECOVERY_SLOT, clock())
    secret = keyfile.normalize_recovery_key(recovery_key)
    try:
        db_key = _open_slot(keys, keyfile.key_path(path), keyfile.RECOVERY_SLOT, secret, clock())
    except AuthError:
        raise AuthError("Khóa khôi phục không đúng.") from None
    db = Database(path, db_key, keys.db_id, Actor(keyfile.RECOVERY_SLOT, ADMIN), clock)
    try:
        _check_schema(db, keys)
        with db.write() as connection:
            copied = _copy_failures(db, connection, keys)
            db.audit(connection, "mở bằng khóa khôi phục")
        lockout.settle(db.key_path, keyfile.RECOVERY_SLOT, copied)
    except BaseException:
        db.close()
        raise
    return db


def _open_slot(keys: keyfile.KeyFile, key_path: Path, user: str, secret: str, now: dt.datetime) -> bytes:
    """The database key; a wrong secret is counted in the key file and may lock the account."""
    try:
        return keys.open_slot(user, secret)
    except AuthError:
        state = lockout.record_failure(key_path, user, now)
        if state.get("until"):
            until = dt.datetime.fromisoformat(state["until"])
            raise AuthError(f"Sai tên người dùng hoặc mật khẩu. Đã sai {state['count']} lần: tài khoản "
                            f"tạm khóa, hãy thử lại sau {until:%d/%m/%Y %H:%M}.") from None
        raise


def _copy_failures(db: Database, connection: Connection, keys: keyfile.KeyFile) -> dict[str, dict]:
    """Writes the failed logins kept in the key file into the audit trail; returns what was copied."""
    pending = lockout.pending_events(keys)
    in_time_order = sorted((event, name) for name, state in pending.items() for event in state["events"])
    for event, name in in_time_order:
        audit.append(connection, db._audit_key, at=dt.datetime.fromisoformat(event), user=name, role=None,
                     action="đăng nhập", outcome=audit.FAILED, details={"ly_do": "sai mật khẩu"})
    for name, state in pending.items():
        if state["dropped"]:
            db.audit(connection, "đăng nhập", audit.FAILED,
                     details={"nguoi_dung": name, "so_lan_sai_khong_ghi_chi_tiet": state["dropped"]})
        if state["until"]:
            db.audit(connection, "tạm khóa tài khoản", audit.FAILED,
                     details={"nguoi_dung": name, "den": state["until"]})
    return pending


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


def _check_schema(db: Database, keys: keyfile.KeyFile) -> None:
    """The cheap check at open; brings an older schema up to date, after a verified backup."""
    with db.read() as connection:
        connection.execute(select(func.count()).select_from(meta)).scalar()
        stored_id = connection.execute(select(meta.c.value).where(meta.c.key == "db_id")).scalar()
        if stored_id != keys.db_id:
            raise DamagedError(f"Tệp khóa «{db.key_path}» không thuộc cơ sở dữ liệu này.")
        current, head = migrations.current_revision(connection), migrations.head_revision()
    if current == head:
        return
    if current not in migrations.known_revisions():
        raise DamagedError("Cơ sở dữ liệu được tạo bởi phiên bản BVCT Desktop mới hơn; hãy cập nhật chương trình.")
    from . import autobackup  # it builds on this module

    taken = autobackup.before_migration(db)
    with db.write() as connection:
        migrations.upgrade(connection)
        db.audit(connection, "nâng cấp cấu trúc dữ liệu",
                 details={"tu": current, "den": head, "sao_luu_truoc": str(taken)})
