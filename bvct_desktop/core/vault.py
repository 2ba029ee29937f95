"""Creating, unlocking and upgrading a database: the workflow that hands out a `Database`.

Wrong passwords are counted in the key file (`lockout`) and copied into the trail at the next
successful unlock. A damaged database is reported with the newest verified backup. An older
schema is brought up to date at unlock, after a verified backup (`autobackup`).
"""

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from .. import __version__
from . import (
    audit,
    audit_chain,
    autobackup,
    backup,
    backup_log,
    engine,
    files,
    key_slots,
    keyfile,
    leftovers,
    lockout,
    migrations,
    passwords,
    settings,
    user_names,
)
from .address import Address, FileAddress, ServerAddress
from .database import Actor, Clock, Database, FileDatabase, system_clock
from .errors import ACCOUNT_CLOSED, WRONG_LOGIN, AuthError, BvctError, DamagedError, InputError, os_reason
from .permissions import ADMIN
from .schema import meta, users

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096
EXISTS = "Tệp «{}» đã có; không ghi đè. Chọn đường dẫn khác."


def create(path: Path, admin: str, password: str, kdf: keyfile.KdfParams | None = None,
           clock: Clock = system_clock) -> str:
    """Creates the database (and its folder, when missing) and its key file with one administrator;
    returns the recovery key."""
    path = Path(path)
    key_path = keyfile.key_path(path)
    for existing in (path, key_path):
        if existing.exists():
            raise InputError(EXISTS.format(existing))
    admin = user_names.checked(admin)
    passwords.check(admin, password)
    files.make_folder(path)
    db_key, db_id, recovery = keyfile.new_database_key(), str(uuid.uuid4()), keyfile.new_recovery_key()
    kdf = kdf or keyfile.DEFAULT_KDF
    slots = {admin: keyfile.seal(db_key, password, db_id, admin, kdf),
             keyfile.RECOVERY_SLOT: keyfile.seal(db_key, recovery, db_id, keyfile.RECOVERY_SLOT, kdf)}
    try:
        files.new_owner_only(path)  # SQLite would make it readable by everyone; its WAL and SHM take its mode
    except FileExistsError:
        raise InputError(EXISTS.format(path)) from None
    try:
        db = FileDatabase(path, db_key, db_id, Actor(admin, ADMIN), clock)
        with db.write() as connection:
            migrations.upgrade(connection)
            now = clock()
            facts = {"db_id": db_id, "created_at": now.isoformat(), "app_version": __version__,
                     **engine.cipher_facts(connection)}
            connection.execute(meta.insert(), [{"key": k, "value": v} for k, v in facts.items()])
            settings.store_defaults(connection)
            connection.execute(users.insert().values(name=admin, role=ADMIN, active=True, created_at=now))
            db.audit(connection, "khởi tạo cơ sở dữ liệu")
            head = connection.info[audit_chain.HEAD_INFO]
        db.close()
        keyfile.write_new(key_path, keyfile.KeyFile(db_id, slots, audit_head=head, db_salt=keyfile.salt_of(path),
                                                    name_seal=db.name_seal))
    except BaseException:
        for leftover in (path, key_path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return recovery


NO_RECOVERY_KEY = ("Cơ sở dữ liệu trên máy chủ không có khóa khôi phục. Mật khẩu của một quản trị viên do quản trị "
                   "viên khác đặt lại: bvct users passwd TÊN (nên luôn có ít nhất hai quản trị viên); không còn quản "
                   "trị viên nào đăng nhập được thì chủ sở hữu cơ sở dữ liệu trên máy chủ đặt lại bằng psql.")


def create_on_server(server: ServerAddress, admin: str, password: str, owner: str, owner_password: str | None,
                     kdf: keyfile.KdfParams | None = None) -> None:
    """`create` on the office server, as its database's owner (no recovery key there)."""
    from .server import setup

    setup.create(server, admin, password, owner, owner_password, kdf)


def move_to_server(db: FileDatabase, server: ServerAddress, owner: str, owner_password: str | None,
                   password: str) -> list[str]:
    """`bvct migrate-to-server`: the file database `db` (opened by an administrator, whose
    `password` becomes theirs on the server) copied whole into the empty database `server`;
    returns the users still without a password there."""
    from .server import copying

    details = {"tu_tep": str(db.path), "len_may_chu": server.display}
    waiting = copying.to_server(db, server, owner, owner_password, db.actor.name, password, db.clock,
                                "chuyển lên máy chủ", details)
    with db.write() as connection:
        db.audit(connection, "chuyển lên máy chủ", details=details)
    return waiting


@dataclass(frozen=True)
class RestoredOnServer:
    report: backup.Report
    waiting: list[str]  # the users still without a password on the server
    checks: list[str]  # what the administrator checks in it now, as after a restore to a file (`restore_checks`)


def restore_to_server(path: Path, user: str, password: str, server: ServerAddress, owner: str,
                      owner_password: str | None, clock: Clock = system_clock) -> RestoredOnServer:
    """`bvct restore` onto the office server: an administrator of the backup (checked whole, as any
    restore) restores it into the empty server database `server`, through a file in a temporary
    folder (ciphertext only) copied as `migrate-to-server` copies one, every audit entry compared."""
    from .server import copying

    with files.temporary_folder(leftovers.CHECK_FOLDER) as folder:
        restored = backup.restore(path, user, password, Path(folder) / "khoi-phuc.db", clock)
        db = unlock(restored.path, user, password, clock)
        try:
            details = {**audit.file_at(path), "tao_luc": restored.report.manifest["created_at"],
                       "len_may_chu": server.display}
            waiting = copying.to_server(db, server, owner, owner_password, user, password, clock,
                                        "khôi phục lên máy chủ từ bản sao lưu", details)
        finally:
            db.close()
    return RestoredOnServer(restored.report, waiting, restored.checks)


def upgrade_server(server: ServerAddress, user: str, password: str, owner: str, owner_password: str | None,
                   backup_out: Path | None = None, clock: Clock = system_clock) -> Path | None:
    """`bvct upgrade`: an administrator backs the server database up, then its owner migrates it;
    returns the backup (None when there was nothing to do)."""
    from .server import upgrading

    return upgrading.upgrade(server, user, password, owner, owner_password, backup_out, clock)


def unlock(path: Path | Address, user: str, password: str, clock: Clock = system_clock,
           busy_timeout_ms: int | None = None) -> Database:
    """Opens the database as `user`; tells a wrong password (3) from damage (4). Its writes
    (the login's audit entry first) wait `busy_timeout_ms` for another process's write."""
    if isinstance(path, ServerAddress):
        from .server import setup

        return setup.unlock(path, user, password, clock, busy_timeout_ms)
    path = Path(path.path if isinstance(path, FileAddress) else path)
    try:
        salt = _check_file(path)
        keys = keyfile.read(keyfile.key_path(path))
    except DamagedError as error:
        raise backup_log.naming_backup(error, path) from None
    user = user_names.as_stored(user, keys.slots)
    if user == keyfile.RECOVERY_SLOT:
        raise AuthError(WRONG_LOGIN)
    with _told_if_foreign(path, keys, salt):
        db_key = lockout.open_slot(keys, keyfile.key_path(path), user, password, clock(), keys.is_for(salt))
    db = FileDatabase(path, db_key, keys.db_id, Actor(user, ""), clock, busy_timeout_ms)
    try:
        _check_key(db, keys, salt)
        _bring_up_to_date(db)
        key_slots.reconcile(db, keys)
        with db.write() as connection:
            row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == user)).first()
            if row is None or not row.active:
                raise AuthError(ACCOUNT_CLOSED)
            db.actor = Actor(user, row.role)
            copied = db.copy_failed_logins(connection, keys)
            db.audit(connection, lockout.LOGIN)
        lockout.settle(db.key_path, user, copied, db.name_seal)
    except BaseException:
        db.close()
        raise
    return db


def unlock_with_recovery_key(path: Path, recovery_key: str, clock: Clock = system_clock,
                             busy_timeout_ms: int | None = None) -> Database:
    """Opens the database with the recovery key, acting as an administrator (for password resets)."""
    path = Path(path)
    salt = _check_file(path)
    keys = keyfile.read(keyfile.key_path(path))
    secret = keyfile.normalize_recovery_key(recovery_key)
    with _told_if_foreign(path, keys, salt):
        db_key = lockout.open_slot(keys, keyfile.key_path(path), keyfile.RECOVERY_SLOT, secret, clock(),
                                   keys.is_for(salt))
    db = FileDatabase(path, db_key, keys.db_id, Actor(keyfile.RECOVERY_SLOT, ADMIN), clock, busy_timeout_ms)
    try:
        _check_key(db, keys, salt)
        _bring_up_to_date(db)
        key_slots.reconcile(db, keys)
        with db.write() as connection:
            copied = db.copy_failed_logins(connection, keys)
            db.audit(connection, lockout.RECOVERY_UNLOCK)
        lockout.settle(db.key_path, keyfile.RECOVERY_SLOT, copied, db.name_seal)
    except BaseException:
        db.close()
        raise
    return db


def _check_file(path: Path) -> str | None:
    """Refuses a file that cannot be an encrypted database; returns its salt (`keyfile.salt_in`)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise DamagedError(f"Không tìm thấy cơ sở dữ liệu «{path}».") from None
    except OSError as error:
        raise DamagedError(f"Không đọc được «{path}» ({os_reason(error)}).") from None
    if head == SQLITE_MAGIC:
        raise DamagedError(f"«{path}» là tệp SQLite không mã hóa, không phải cơ sở dữ liệu BVCT Desktop.")
    if size % PAGE_SIZE or size == 0 and not _write_ahead_log(path).exists():
        raise DamagedError(f"Cơ sở dữ liệu «{path}» bị hỏng (kích thước tệp không hợp lệ, có thể bị cắt cụt).")
    return keyfile.salt_in(head)


def _check_key(db: FileDatabase, keys: keyfile.KeyFile, salt: str | None) -> None:
    """The cheap check at open: the key opens the database, whose id the key file names, and whose
    trail holds the last audit entry the key file saw; a key file that does not name its database
    file's salt yet is made to (see `keyfile.salt_of`)."""
    without_log = not _write_ahead_log(db.path).exists()  # looked at before the first read makes one
    with _told_if_foreign(db.path, keys, salt), db.read() as connection:
        stored_id = connection.execute(select(meta.c.value).where(meta.c.key == "db_id")).scalar()
        behind = audit_chain.missing_head(connection, keys.audit_head)
    if stored_id != keys.db_id:
        raise DamagedError(f"Tệp khóa «{db.key_path}» không thuộc cơ sở dữ liệu này.")
    if behind:
        _refuse_older(db, behind, without_log)
    if salt is not None and keys.db_salt != salt:
        try:
            keyfile.update(db.key_path, lambda current: setattr(current, "db_salt", salt))
        except BvctError:
            pass  # a key file that cannot be written now still opens its database; it names it at a later open


def _write_ahead_log(path: Path) -> Path:
    return Path(f"{path}-wal")


def _refuse_older(db: FileDatabase, problem: str, without_log: bool) -> None:
    """A database older than its key file (the key file's audit head is written after each commit,
    so it is never ahead of its own database): an old copy put back, where new work would go on
    unnoticed — or, `without_log`, copied without the write-ahead log a power cut left beside it,
    which holds its newest changes. The refused open is audited in it, where it can be written."""
    backups: list[backup_log.Known] = []
    role = None
    with contextlib.suppress(BvctError), db.write() as connection:
        db.audit(connection, "mở cơ sở dữ liệu", audit_chain.FAILED,
                 details={"ly_do": "cơ sở dữ liệu cũ hơn tệp khóa", "loi": problem})
        backups = backup_log.in_trail(connection)
        role = connection.execute(select(users.c.role).where(users.c.name == db.actor.name)).scalar()
    copied_without_log = _copied_without_log(db) if without_log else ""
    raise backup_log.naming_backup(DamagedError(
        f"Cơ sở dữ liệu «{db.path}» cũ hơn tệp khóa của nó: {problem} Có thể một bản cũ đã được chép đè lên "
        "hoặc cơ sở dữ liệu đã bị quay lui, nên không mở (công việc mới sẽ ghi vào bản cũ). Hãy khôi phục từ "
        f"bản sao lưu đã kiểm tra (bvct restore) và báo quản trị viên.{copied_without_log}"), db.path, backups,
        opened_as=role)


def _copied_without_log(db: FileDatabase) -> str:
    """Where the newest changes are when the database was copied after a power cut. This copy is
    written to by its refused open, so all three files are copied again."""
    log = _write_ahead_log(db.path).name
    return (" Nếu cơ sở dữ liệu được chép sang từ máy khác sau khi máy đó bị tắt đột ngột (mất điện) lúc chương "
            f"trình đang mở thì những thay đổi mới nhất còn nằm trong tệp «{log}» bên cạnh nó ở máy cũ: trước khi "
            f"khôi phục, hãy chép lại từ máy cũ cả ba tệp «{db.path.name}», «{db.key_path.name}» và «{log}» (hoặc "
            "trên máy cũ mở rồi đóng chương trình một lần, rồi chép lại hai tệp đầu).")


@contextlib.contextmanager
def _told_if_foreign(path: Path, keys: keyfile.KeyFile, salt: str | None) -> Iterator[None]:
    """A secret refused, or a key that does not open the database, told as what it may be when the
    key file names another salt than the database file's: not a wrong password (3). The file's head
    may be damaged as well (its salt is all the program can read without a key), so both are told,
    with the newest verified backup."""
    try:
        yield
    except (AuthError, DamagedError):
        if keys.is_for(salt):
            raise
        key_path = keyfile.key_path(path)
        raise backup_log.naming_backup(DamagedError(
            f"Tệp khóa «{key_path}» không mở được «{path}»: đó là tệp khóa của một cơ sở dữ liệu khác, hoặc "
            f"phần đầu tệp «{path.name}» đã bị hỏng. Nếu đã chép nhầm tệp khóa, hãy đặt cạnh cơ sở dữ liệu đúng "
            f"tệp «{key_path.name}» đi cùng nó; nếu không, khôi phục từ bản sao lưu."), path) from None


def _bring_up_to_date(db: Database) -> None:
    """Brings an older schema up to date, after a verified backup."""
    with db.read() as connection:
        current, head = migrations.current_revision(connection), migrations.head_revision()
    if current == head:
        return
    if current not in migrations.known_revisions():
        raise DamagedError("Cơ sở dữ liệu được tạo bởi phiên bản BVCT Desktop mới hơn; hãy cập nhật chương trình.")
    taken = autobackup.before_migration(db)
    with db.write() as connection:
        migrations.upgrade(connection)
        db.audit(connection, "nâng cấp cấu trúc dữ liệu",
                 details={"tu": current, "den": head, "sao_luu_truoc": str(taken)})
