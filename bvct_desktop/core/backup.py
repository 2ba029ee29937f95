"""Backups: one file holding a consistent encrypted copy, its key file and the audit head.

The file is a zip (stored, not compressed: the copy is ciphertext) with three members:
`manifest.json` (format, database id, when and by whom, the audit head, each member's
SHA-256, and an HMAC over all of it keyed from the database key), `bvct.db.keys` (the key
slots as they were) and `bvct.db` (a SQLCipher export of one read snapshot). Verifying and
restoring open the backup's own key slots, so a damaged current database locks no one out.
Every backup written is verified before it is put in place.
"""

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from .. import __version__
from . import (
    attachments,
    audit,
    audit_chain,
    backup_lines,
    backup_log,
    crashpoints,
    engine,
    files,
    in_use,
    kept_files,
    key_slots,
    keyfile,
    leftovers,
    migrations,
    own_files,
    pair_swap,
    restore_checks,
    restore_loss,
    restored_accounts,
    user_names,
)
from .database import Actor, Clock, Database, FileDatabase, system_clock
from .errors import (
    BROKEN_ARCHIVE,
    DISK_FULL,
    FREE_SPACE,
    AuthError,
    BvctError,
    DamagedError,
    DiskFullError,
    InputError,
    NotABackupError,
    folder_given,
    os_reason,
)
from .numbers import megabytes
from .permissions import ADMIN, Action, allows, refusal
from .schema import meta, users

VERSION = 1
FORMAT, MANIFEST, KEYS, DATA = backup_log.FORMAT, backup_log.MANIFEST, backup_log.KEYS, "bvct.db"
MANIFEST_KEY_PURPOSE = b"bvct-backup-manifest"
CHUNK = 1 << 20
RESTORED = "khôi phục từ bản sao lưu"  # the restore's audit action
# The checks a verification names, in words an administrator reads (the codes behind them: the
# manifest's HMAC, the files' SHA-256, SQLCipher's page HMACs and SQLite's integrity check)
MANIFEST_CHECKED = "Bản kê nội dung còn nguyên, đúng mã xác thực của cơ sở dữ liệu này"
FILES_CHECKED = "Tệp khóa và tệp dữ liệu còn nguyên như lúc sao lưu (khớp mã kiểm tra trong bản kê)"
PAGES_CHECKED = "Từng trang dữ liệu mã hóa còn nguyên; cấu trúc cơ sở dữ liệu đúng"
# A backup is opened with its own key slots: a password changed since, or an account added since,
# is right for the current database and wrong for the backup
# The database's own trail is broken (the copy is an exact export): a backup now would pass for a
# verified one
NOT_BACKED_UP = ("Không sao lưu: bản sao lưu lúc này sẽ được coi là đã kiểm tra và khôi phục nó sẽ xóa mất dấu "
                 "vết. Hãy báo quản trị viên kiểm tra (bvct audit verify) và khôi phục từ bản sao lưu đã kiểm tra "
                 "(bvct restore).")
OPEN_IN_THE_DESKTOP = "Cơ sở dữ liệu đang được mở trong BVCT Desktop; hãy đóng chương trình rồi khôi phục lại."
NOT_A_BACKUP = "«{}» không phải bản sao lưu BVCT Desktop hoặc đã bị hỏng."
CUT_SHORT = ("«{}» là bản sao lưu BVCT Desktop chưa được chép hết (tệp bị cắt cụt, có thể do ổ USB bị rút ra khi "
             "đang chép).")
DAMAGED = "Bản sao lưu «{}» hỏng"
CHANGED_BYTES = DAMAGED + ": một phần tệp đã bị thay đổi (có thể do ổ USB hoặc ổ đĩa bị lỗi)."
ZIP_LOCAL_HEADER = 30  # a zip member's header before its name: signature, sizes, …, the name's length at 26
ZIP_END, ZIP_END_AT_MOST = b"PK\x05\x06", 22 + 0xFFFF  # a zip's end record, written last, and its room with a comment
WRONG_BACKUP_RECOVERY_KEY = ("Khóa khôi phục không mở được bản sao lưu này: hãy soát lại từng nhóm ký tự (khóa của "
                             "đúng cơ sở dữ liệu ấy, trên phiếu khóa khôi phục mới nhất trước thời điểm sao lưu).")
WRONG_BACKUP_LOGIN = ("Sai tên người dùng hoặc mật khẩu của bản sao lưu (bản sao lưu có tài khoản riêng của nó: "
                      "dùng tài khoản có trong bản sao lưu, với mật khẩu của tài khoản ấy lúc sao lưu).")


@dataclass(frozen=True)
class Written:
    path: Path
    at: dt.datetime
    audit_head: dict
    size: int
    number: int  # the backup's number (`keyfile.KeyFile.backup_number`); 0 on a server


@dataclass
class Report:
    """What verifying a backup found: its manifest, the user's role in it, the checks passed."""

    manifest: dict
    user: str | None = None  # the backup's account it was opened as (the name typed, as a login takes it)
    role: str = ""
    checks: list[str] = field(default_factory=list)
    key: bytes = field(default=b"", repr=False)  # the database key its slot gave: a restore after needs no other

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.manifest["created_at"])


@dataclass(frozen=True)
class Restored:
    path: Path
    kept: list[Path]
    report: Report
    accounts: list[str] = field(default_factory=list)  # what changed for the people who log in (restored_accounts)
    checks: list[str] = field(default_factory=list)  # what the administrator checks in it now (restore_checks)
    lost: str | None = None  # the work the pair kept holds beyond the backup (restore_loss), when it tells it
    administrators: list[str] = field(default_factory=list)  # its active administrators, for a recovery key's reset


# --- writing ---------------------------------------------------------------------------

def create(db: Database, out: Path) -> Written:
    """`bvct backup`: writes and verifies a backup at `out`; audited either way."""
    db.require(Action.BACKUP, backup_log.MANUAL)
    return audited_write(db, Path(out), backup_log.MANUAL)


def audited_write(db: Database, out: Path, action: str) -> Written:
    """Writes a verified backup, notes it in the audit trail before it goes in place, then in the key
    file: never noted without the other, and an earlier backup at `out` never lost for a new one that
    could not be noted."""
    out = Path(out)
    try:
        written = write(db, out, lambda made: _audit_made(db, action, made))
    except BvctError as error:
        _audit_quietly(db, action, audit_chain.FAILED, audit.file_at(out) | {"loi": error.message})
        raise
    if not db.is_server:  # the server's newest backups are in its audit trail
        backup_log.remember(db.key_path, written.path, written.at, written.number)
    return written


def _audit_made(db: Database, action: str, made: Written) -> None:
    """The entry of a backup written and verified beside its place, before it goes there."""
    try:
        _audit_quietly(db, action, audit_chain.OK, audit.file_at(made.path) | {
            "so_muc_nhat_ky": made.audit_head["count"], "da_kiem_tra": True})
    except BvctError as error:
        earlier = f" Bản sao lưu trước ở «{made.path}» vẫn còn nguyên." if made.path.exists() else ""
        raise error.reworded(f"{error.message} Bản sao lưu vừa ghi đã được xóa vì không ghi được vào nhật ký."
                             f"{earlier}") from None


def _audit_quietly(db: Database, action: str, outcome: str, details: dict) -> None:
    """A backup's entry; a disk too full to take it must not hide the backup's own outcome."""
    try:
        with db.write() as connection:
            db.audit(connection, action, outcome, details=details)
    except BvctError:
        if outcome == audit_chain.OK:
            raise


def write(db: Database, out: Path, before_in_place: Callable[[Written], None] = lambda made: None) -> Written:
    """The backup file, written beside `out`, verified, then — once `before_in_place` is done with it
    (its audit entry) — renamed into place: a backup already at `out` goes only then.

    The copy passes the full check (page HMACs, structure, audit chain) before it is packed,
    and the packed file is read back against the manifest's SHA-256 before the rename.
    """
    out = Path(out)
    if out.is_dir():
        raise InputError(f"«{out}» là một thư mục; hãy cho tên tệp sao lưu (ví dụ …/bvct{backup_log.SUFFIX}).")
    if not db.is_server:
        own_files.refuse(out, db.path)
    files.refuse_kept(out, allowed=kept_files.BACKUP)  # a backup: replaced only by one of the same database
    _check_replaceable(out, owner(db))
    at = db.clock()
    leftovers.sweep_backup_folder(out.parent)  # what killed backups left there (ciphertext)
    with files.staged(out) as temp:
        try:
            head, number = _write(db, temp, out, at)
        except (DiskFullError, OSError) as error:
            if not isinstance(files.os_error(error, out) if isinstance(error, OSError) else error, DiskFullError):
                raise
            raise DiskFullError(f"{DISK_FULL}: không ghi được bản sao lưu «{out}»; không có tệp nào bị ghi "
                                f"dở.{_room_needed(db, out)} {FREE_SPACE}") from None
        written = Written(out, at, head, temp.stat().st_size, number)
        before_in_place(written)
        files.put(temp, out)
    return written


def _room_needed(db: Database, out: Path) -> str:
    """What a backup of the file database needs free beside `out` while it is written — its checked copy
    and the backup, each about the database's size — when the drive has less: freeing a little did not do."""
    if db.is_server:
        return ""
    needed = 2 * sum(path.stat().st_size for path in (db.path, Path(f"{db.path}-wal")) if path.exists())
    free = shutil.disk_usage(out.parent).free
    if free >= needed:
        return ""
    return (f" Trong lúc ghi, bản sao lưu cần khoảng {megabytes(needed)} trống trên ổ ấy (bản sao lưu và một bản "
            f"chép tạm để kiểm tra); ổ còn {megabytes(free)}.")


def owner(db: Database) -> backup_log.Owner:
    """Whose backups are the open database's: a file's as its key file tells (`backup_log.owner_of`),
    a server's by its id."""
    return backup_log.Owner(db.db_id, None) if db.is_server else backup_log.owner_of(db.path, keyfile.read(db.key_path))


def _check_replaceable(out: Path, owner: backup_log.Owner) -> None:
    """A file already at `out` is replaced only by a newer backup of the same database (a scheduled
    backup writes one name every day, and the old one goes only once the new one is verified): never
    a file of another kind, nor another database's backup, which may be its only one, nor a backup of
    the same database's other line of history (`backup_lines`)."""
    if not out.exists():
        return
    found = backup_log.label(out)
    if found is None:
        raise InputError(f"Tệp «{out}» đã có và không phải bản sao lưu BVCT Desktop đọc được; không ghi đè. "
                         "Hãy chọn tên tệp khác.")
    if found.db_id != owner.db_id:
        raise InputError(f"Tệp «{out}» là bản sao lưu của một cơ sở dữ liệu khác; không ghi đè. "
                         "Hãy chọn tên tệp khác.")
    if not owner.continues(found):
        raise InputError(f"Tệp «{out}» là bản sao lưu của một bản khác của cơ sở dữ liệu này (bản được khôi phục "
                         "ở nơi khác, có lịch sử riêng); không ghi đè. Hãy chọn tên tệp khác.")


def _write(db: Database, temp: Path, out: Path, at: dt.datetime) -> tuple[dict, int]:
    """The backup packed into `temp`, beside `out`, and read back; returns the audit head it holds and
    its number (`backup_log`)."""
    copy = temp.with_name(temp.name + ".db")
    try:
        head, keys = _copy(db, copy)
        crashpoints.reached("backup-copied")
        _check_database(copy, db.key, db.db_id, head, None, out, Report({}), held=keys.audit_head)
        keys.audit_head = head
        keys.forget_failures()
        key_bytes = keys.to_bytes()
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(KEYS, key_bytes)
            data_digest = _pack(archive, copy)
            manifest = {"format": FORMAT, "version": VERSION, "db_id": db.db_id,
                        "created_at": at.isoformat(timespec="seconds"), "created_by": db.actor.name,
                        "app_version": __version__, "schema": migrations.head_revision(),
                        "source": db.address.display if db.is_server else Path(db.path).name,
                        "audit_head": head,
                        "files": {KEYS: _digest_bytes(key_bytes), DATA: data_digest}}
            manifest["mac"] = _manifest_mac(db.derive_key(MANIFEST_KEY_PURPOSE), manifest)
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
    finally:
        for leftover in (copy, *(Path(f"{copy}{suffix}") for suffix in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    _read_back(temp, manifest)
    crashpoints.reached("backup-packed")
    return head, keys.backup_number


def _copy(db: Database, copy: Path) -> tuple[dict, keyfile.KeyFile]:
    """A consistent encrypted copy at `copy` and the key slots of the same moment, read before the copy
    is taken: the audit head they name is then never ahead of the copy's. A file's key file numbers the
    backup first (`keyfile.KeyFile.backup_number`: the order backups are written in, whatever the clock)."""
    if db.is_server:
        from .server import copying

        return copying.to_file(db, copy)
    with key_slots.holding(db.key_path):
        keys = keyfile.update(db.key_path, _numbered)
        return db.export_copy(copy), keys


def _numbered(keys: keyfile.KeyFile) -> None:
    keys.backup_number += 1


def _pack(archive: zipfile.ZipFile, copy: Path) -> dict:
    """Streams the copy into the archive, hashing it on the way."""
    digest = hashlib.sha256()
    with open(copy, "rb") as source, archive.open(DATA, "w", force_zip64=True) as sink:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            sink.write(chunk)
    return {"sha256": digest.hexdigest(), "size": copy.stat().st_size}


def _read_back(path: Path, manifest: dict) -> None:
    """Every member of the written file, read back: CRCs and SHA-256 as the manifest says."""
    with _open_archive(path) as archive:
        written, key_bytes = _read_manifest(archive, path)
        digest = hashlib.sha256()
        try:
            with archive.open(DATA) as source:
                for chunk in iter(lambda: source.read(CHUNK), b""):
                    digest.update(chunk)
        except zipfile.BadZipFile:
            digest = None
    if (written != manifest or _digest_bytes(key_bytes) != manifest["files"][KEYS]
            or digest is None or digest.hexdigest() != manifest["files"][DATA]["sha256"]):
        raise BvctError(f"Bản sao lưu vừa ghi ra «{path.parent}» đọc lại không khớp; ổ đĩa có thể bị lỗi.")


def _digest_bytes(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _manifest_mac(key: bytes, manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != "mac"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()


# --- reading ---------------------------------------------------------------------------

@contextlib.contextmanager
def _opened(path: Path, user: str, password: str, recovery: bool = False,
            verified: Report | None = None) -> Iterator[tuple[Report, Path, keyfile.KeyFile, bytes]]:
    """Checks everything in the backup at `path` as `user` (the name as a login takes it), or with its
    recovery key (`recovery`, the key in `password`); yields the report, the extracted copy, the
    backup's key file and the database key. The extracted copy is removed afterwards. A backup found
    damaged is told with what to do about it. `verified`: see `_checked`."""
    path = Path(path)
    with _another_backup_advised(path):
        archive = _open_archive(path)
    with archive, files.temporary_folder(leftovers.CHECK_FOLDER) as folder:
        with _another_backup_advised(path):
            checked = _checked(archive, Path(folder) / DATA, path, user, password, recovery, verified)
        yield checked


@contextlib.contextmanager
def _another_backup_advised(path: Path) -> Iterator[None]:
    try:
        yield
    except DamagedError as damaged:
        no_backup = isinstance(damaged, NotABackupError)
        raise damaged.reworded(f"{damaged.message} {another_backup(no_backup)}") from None


def another_backup(no_backup: bool = False) -> str:
    """What the officer does about a backup that cannot be used (verified or restored), or a file that is
    `no_backup` (a workbook, a Word file), ending the damage's words: the automatic backups named only
    where this PC holds some (a new PC has none)."""
    folder = backup_log.auto_folder()
    automatic = f", hoặc bản tự động trong thư mục «{folder}»" if backup_log.holds_backups(folder) else ""
    where = f"bản trước đó, bản chép ra ổ USB{automatic}"
    if no_backup:
        return f"Hãy chọn tệp sao lưu của BVCT Desktop (đuôi {backup_log.SUFFIX}: {where})."
    return f"Bản sao lưu này không dùng được: hãy chọn bản sao lưu khác ({where})."


def _checked(archive: zipfile.ZipFile, extracted: Path, path: Path, user: str, password: str,
             recovery: bool, verified: Report | None) -> tuple[Report, Path, keyfile.KeyFile, bytes]:
    """`_opened`'s checks, the database copy extracted to `extracted`. `verified`, `verify`'s report of
    the file by the same user: when the manifest read now is the one verified, its key opens the backup
    (no second key derivation) and the pages are not checked again — the data extracted still has to
    match the manifest's SHA-256, so it is the data verified. Else everything is checked."""
    manifest, key_bytes = _read_manifest(archive, path)
    keys = keyfile.KeyFile.from_bytes(key_bytes, Path(f"{path}/{KEYS}"))
    if keys.db_id != manifest["db_id"]:
        raise DamagedError(f"Bản sao lưu «{path.name}» hỏng: tệp khóa bên trong không thuộc bản sao này.")
    user = keyfile.RECOVERY_SLOT if recovery else user_names.as_stored(user, keys.slots)
    if verified is None or recovery or (verified.manifest, verified.user) != (manifest, user) or not verified.key:
        verified = None
    try:
        db_key = verified.key if verified else keys.open_slot(user, password)
    except AuthError:
        raise AuthError(WRONG_BACKUP_RECOVERY_KEY if recovery else WRONG_BACKUP_LOGIN) from None
    report = Report(manifest, user, key=db_key)
    if not hmac.compare_digest(_manifest_mac(keyfile.derive_subkey(db_key, MANIFEST_KEY_PURPOSE), manifest),
                               str(manifest.get("mac", ""))):
        raise DamagedError(f"Bản sao lưu «{path.name}» hỏng hoặc đã bị sửa: bản kê không đúng mã xác thực.")
    report.checks.append(MANIFEST_CHECKED)
    listed = manifest["files"]
    if _digest_bytes(key_bytes) != listed[KEYS] or _extract(archive, extracted) != listed[DATA]:
        raise DamagedError(f"Bản sao lưu «{path.name}» hỏng: nội dung không khớp mã kiểm tra trong bản kê.")
    report.checks.append(FILES_CHECKED)
    crashpoints.reached("backup-extracted")
    accounts = len([slot for slot in keys.slots if slot != keyfile.RECOVERY_SLOT])
    with_key = "và khóa khôi phục" if keyfile.RECOVERY_SLOT in keys.slots else "(không có khóa khôi phục)"
    report.checks.append(f"Khóa mở được; bản sao có {accounts} tài khoản {with_key}")
    if verified:
        report.role, report.checks = verified.role, list(verified.checks)
        return report, extracted, keys, db_key
    role = _check_database(extracted, db_key, manifest["db_id"], manifest["audit_head"], None if recovery else user,
                           path, report)
    report.role = ADMIN if recovery else role  # the recovery key opens as an administrator (vault)
    return report, extracted, keys, db_key


def _open_archive(path: Path) -> zipfile.ZipFile:
    if path.is_dir():
        raise folder_given(path, "tệp sao lưu")
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError(f"Không tìm thấy tệp sao lưu «{path}».") from None
    except (zipfile.BadZipFile, OSError):
        raise _unreadable(path) from None


def _unreadable(path: Path) -> DamagedError:
    """The failure the file at `path`, no readable zip or one without a backup's members, is refused with.
    Begun as a backup is (its key file is written first): cut short when the end, where a zip lists its
    members, was never copied, else damaged; otherwise no backup at all (NotABackupError)."""
    with contextlib.suppress(OSError), open(path, "rb") as handle:
        head = handle.read(ZIP_LOCAL_HEADER + len(KEYS))
        named = int.from_bytes(head[26:28], "little")
        if head[:4] == b"PK\x03\x04" and head[ZIP_LOCAL_HEADER:ZIP_LOCAL_HEADER + named] == KEYS.encode():
            handle.seek(max(0, handle.seek(0, 2) - ZIP_END_AT_MOST))
            return DamagedError((CHANGED_BYTES if ZIP_END in handle.read() else CUT_SHORT).format(path.name))
    return NotABackupError(NOT_A_BACKUP.format(path.name))


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> tuple[dict, bytes]:
    if not {MANIFEST, KEYS, DATA} <= set(archive.namelist()):
        raise _unreadable(path)
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        key_bytes = archive.read(KEYS)
    except BROKEN_ARCHIVE:
        raise DamagedError(CHANGED_BYTES.format(path.name)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotABackupError(NOT_A_BACKUP.format(path.name))
    if manifest.get("version") != VERSION:
        raise DamagedError(f"Bản sao lưu «{path.name}» thuộc phiên bản {manifest.get('version')} chưa hỗ trợ.")
    return manifest, key_bytes


def _extract(archive: zipfile.ZipFile, target: Path) -> dict:
    digest = hashlib.sha256()
    try:
        with archive.open(DATA) as source, open(target, "wb") as sink:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                sink.write(chunk)
    except OSError as error:
        if isinstance(files.os_error(error, target), DiskFullError):
            raise DiskFullError(f"{DISK_FULL}: không giải nén được bản sao lưu để kiểm tra vào thư mục tạm "
                                f"«{target.parent.parent}».") from None
        raise BvctError(f"Không giải nén được bản sao lưu để kiểm tra ({os_reason(error)}).") from None
    except BROKEN_ARCHIVE:  # its digest then matches none: told as content unlike the manifest's
        return {}
    return {"sha256": digest.hexdigest(), "size": target.stat().st_size}


def _check_database(extracted: Path, db_key: bytes, db_id: str, head: dict, user: str | None, path: Path,
                    report: Report, held: dict | None = None) -> str:
    """Integrity of every page, the database id, the audit chain up to `head`; returns `user`'s role.

    A copy being backed up must hold `held` as well, the head its key file saw: the copy of a
    database swapped for an older one, or cut short, is refused as `audit verify` tells it (backed
    up as verified, then restored, it would erase the evidence).
    """
    copy = engine.make_engine(extracted, db_key, read_only=True)
    damaged = DAMAGED.format(path.name)
    try:
        with engine.translated_errors(extracted), copy.connect() as connection:
            problems = engine.integrity_problems(connection)
            if problems:
                raise DamagedError(f"{damaged}: kiểm tra toàn vẹn báo lỗi ({problems[0]}).")
            report.checks.append(PAGES_CHECKED)
            stored_id = connection.execute(select(meta.c.value).where(meta.c.key == "db_id")).scalar()
            if stored_id != db_id:
                raise DamagedError(f"{damaged}: dữ liệu không thuộc bản kê.")
            compared = head if held is None else held
            verdict = audit_chain.verify_chain(connection, audit_chain.derive_key(db_key), compared)
            if held is not None and not verdict.ok:
                raise DamagedError(f"{verdict.problem} {NOT_BACKED_UP}")
            if not verdict.ok or verdict.count != head["count"]:
                raise DamagedError(f"{damaged}: {verdict.problem or 'nhật ký dài hơn đầu chuỗi trong bản kê.'}")
            report.checks.append(f"Chuỗi nhật ký toàn vẹn: {verdict.count} mục, khớp đầu chuỗi trong bản kê")
            if user is None:
                return ""
            row = connection.execute(select(users.c.role, users.c.active).where(users.c.name == user)).first()
    except DamagedError as error:
        if error.message.startswith(damaged) or error.message.endswith(NOT_BACKED_UP):
            raise
        raise DamagedError(f"{damaged}: {error.message}") from None
    finally:
        copy.dispose()
    if row is None or not row.active:
        raise AuthError(WRONG_BACKUP_LOGIN)
    return row.role


def verify(path: Path, user: str, password: str) -> Report:
    """`bvct verify`: checks everything in a backup as one of its users, restoring nothing.

    A backup file can be attacked offline at leisure, so no lockout applies here: the key
    slots' Argon2id cost is what protects it.
    """
    with _opened(path, user, password) as (report, extracted, _, db_key):
        if not allows(report.role, Action.BACKUP):
            raise refusal("kiểm tra bản sao lưu")
        with _another_backup_advised(Path(path)):
            report.checks.append(_attachments_checked(extracted, db_key, Path(path)))
        return report


def _attachments_checked(extracted: Path, db_key: bytes, path: Path) -> str:
    """Each scan in the copy against the SHA-256 taken when it was added: whole pages hold what was written,
    this that what was written is the paper the officer added."""
    copy = engine.make_engine(extracted, db_key, read_only=True)
    try:
        with engine.translated_errors(extracted), copy.connect() as connection:
            return attachments.checked(connection)
    except DamagedError as error:
        raise error.reworded(f"Bản sao lưu «{path.name}» hỏng: {error.message}") from None
    finally:
        copy.dispose()


def dated(path: Path) -> backup_log.Known:
    """The backup at `path` with the time it says it was made, read before its key is given (a restore
    checks it then): what a restore would bring back, to say before it replaces anything. A file that
    is no backup is refused with the restore's own words."""
    path = Path(path)
    with _another_backup_advised(path):
        with _open_archive(path) as archive:
            manifest, _ = _read_manifest(archive, path)
        try:
            return backup_log.Known(path, dt.datetime.fromisoformat(manifest["created_at"]))
        except (KeyError, TypeError, ValueError):
            raise NotABackupError(NOT_A_BACKUP.format(path.name)) from None


def restore_with_recovery_key(path: Path, recovery_key: str, target: Path, clock: Clock = system_clock) -> Restored:
    """`restore` by an administrator who forgot the password, on a new PC: the backup opened with its
    recovery key (as typed: `keyfile.normalize_recovery_key`). The password is then reset with the same
    key, as on the PC the backup came from («Quên mật khẩu quản trị…»)."""
    return restore(path, keyfile.RECOVERY_SLOT, keyfile.normalize_recovery_key(recovery_key), target, clock,
                   recovery=True)


def restore(path: Path, user: str, password: str, target: Path, clock: Clock = system_clock,
            release: Callable[[], None] = lambda: None, recovery: bool = False,
            verified: Report | None = None) -> Restored:
    """`bvct restore`: an administrator of the backup writes it to `target` and its key file,
    after moving any current pair aside under a dated name; never overwrites without it. A folder
    not made yet (the data folder of a new PC) is made once the backup is checked, as `init` makes one.
    `release` closes what the caller holds open on `target`: called once the backup is checked and
    staged, right before the current pair is moved aside, so a refused restore leaves it open. Refused
    while another program's window has `target` open: it would go on writing into the pair moved aside.
    A failure while the backup is put in place puts the current pair back; a kill, the next start
    (`pair_swap`). `recovery`: `password` is the backup's recovery key (`restore_with_recovery_key`).
    `verified`: `verify`'s report of the file just before, by `user` (the «Sao lưu» page asks in between):
    the file, read again, is checked against what was verified rather than whole again (`_checked`)."""
    target = Path(target)
    _refuse_while_open(target)
    with _opened(path, user, password, recovery, verified) as (report, extracted, keys, db_key):
        if report.role != ADMIN:
            raise refusal("khôi phục từ bản sao lưu (chỉ quản trị viên của bản sao lưu)")
        files.make_parent(target)
        current = _current_keys(target)
        logins_changed = restored_accounts.changes(current, keys)
        restored_as = Actor(report.user, ADMIN)
        lost = _lost(target, current, db_key, path, restored_as, clock)
        keys.forget_failures()
        keys.last_backup = {"path": str(Path(path).resolve()), "at": report.manifest["created_at"],
                            "number": keys.backup_number}
        keys.db_salt = keyfile.salt_of(extracted)  # the copy's own: the backed-up file's key file named that one
        keys.line = backup_lines.after_restore(target, keys, keys.db_salt)
        keys.backup_number = backup_lines.number_after_restore(target, keys)
        with _staged(target, extracted, keys.to_bytes()) as (data, key_file):
            crashpoints.reached("restore-written")
            _refuse_while_open(target)  # a window may have opened it while the backup was checked
            release()
            kept = pair_swap.swap(target, data, key_file, Path(path).resolve(), clock(), lambda kept: _audit_restore(
                FileDatabase(target, db_key, keys.db_id, restored_as, clock), path, report, kept))

    def restored() -> FileDatabase:
        return FileDatabase(target, db_key, keys.db_id, restored_as, clock)

    return Restored(target, kept, report, logins_changed, _checks(restored()), lost, _administrators(restored()))


def _current_keys(target: Path) -> keyfile.KeyFile | None:
    """The key file a restore replaces; None when there is none (a new PC) or it cannot be read."""
    with contextlib.suppress(BvctError):
        return keyfile.read(keyfile.key_path(target))
    return None


def _lost(target: Path, current: keyfile.KeyFile | None, db_key: bytes, backup_path: Path, actor: Actor,
          clock: Clock) -> str | None:
    """What the database at `target` holds beyond the backup (`restore_loss.told`), read with the backup's
    key before it is put aside: None when there is none, it is another database or it cannot be read."""
    if current is None:
        return None
    db = FileDatabase(target, db_key, current.db_id, actor, clock)
    try:
        return restore_loss.told(db, backup_path, restored=True)  # read before, told once restored
    except (BvctError, *engine.DATABASE_ERRORS):  # one that cannot be read (the reason to restore) tells no loss
        return None
    finally:
        db.close()


def _audit_restore(db: FileDatabase, path: Path, report: Report, kept: list[Path]) -> None:
    """The restore's entry in the trail of the database restored, then closed: the restore is done
    once it is there (`pair_swap`)."""
    try:
        with db.write() as connection:
            db.audit(connection, RESTORED,
                     details={**audit.file_at(path), "tao_luc": report.manifest["created_at"],
                              "ban_cu_giu_lai": [p.name for p in kept]})
    finally:
        db.close()


def _checks(db: FileDatabase) -> list[str]:
    """What the administrator checks in the database restored (`restore_checks`), then closed. Read once
    the restore is done: a failure here says the checks were not read, never that the restore failed."""
    try:
        with db.read() as connection:
            return restore_checks.told(connection, db.clock().date())
    except Exception:  # noqa: BLE001 - whatever it is, the restore stands and where the old pair is kept is told
        return [restore_checks.UNREAD]
    finally:
        db.close()


def _administrators(db: FileDatabase) -> list[str]:
    """The active administrators of the database restored, then closed; none when they cannot be read
    (the restore stands)."""
    try:
        with db.read() as connection:
            return list(connection.execute(select(users.c.name).where(users.c.role == ADMIN, users.c.active)
                                           .order_by(users.c.name)).scalars())
    except Exception:  # noqa: BLE001 - as `_checks`: the officer is then asked for the name
        return []
    finally:
        db.close()


def _refuse_while_open(target: Path) -> None:
    if in_use.held_elsewhere(target):
        raise BvctError(OPEN_IN_THE_DESKTOP)


@contextlib.contextmanager
def _staged(target: Path, extracted: Path, key_bytes: bytes) -> Iterator[tuple[Path, Path]]:
    """The backup's database and key file written whole beside `target` and its key file, for the
    block to put in place (removed when still there after it); failing to write them replaces
    nothing, and says so."""
    with files.staged(target) as data, files.staged(keyfile.key_path(target)) as key_file:
        try:
            shutil.copyfile(extracted, data)
            key_file.write_bytes(key_bytes)
            files.flush(data)
            files.flush(key_file)
        except OSError as error:
            told = files.os_error(error, target)
            raise told.reworded(f"{told.message} {pair_swap.not_restored(target, pair_swap.UNCHANGED)}") from None
        yield data, key_file
