"""Automatic backups: when the program closes (one a day, replaced by a later one that day when work was
done since) and before a schema migration.

They go to the automatic folder in the user's data folder (`backup_log.auto_folder`), are
copied to a second folder when the setting `thu_muc_sao_luu_2` names one (the last copy, failed or
not, is told until one succeeds: `last_second_copy`) (a USB drive or a
network share), and are thinned to the last 7 daily, 4 weekly and 12 monthly backups of each
kind. They run whoever is logged in (spec, "Permissions").
"""

import contextlib
import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, exists, not_, or_, select

from . import audit, audit_chain, backup, backup_log, keyfile, lockout, settings
from .database import Database
from .errors import BvctError, os_reason
from .files import atomic_output
from .permissions import Action, allows
from .schema import audit_log, meta

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
WARN_AFTER = dt.timedelta(days=7)
OVERDUE = "Đã hơn 7 ngày chưa có bản sao lưu tốt"
DATED_AHEAD = ("Không biết đã bao lâu chưa có bản sao lưu tốt: {} sau hôm nay (đồng hồ máy tính đã "
               "chạy nhanh)")
SECOND_ACTION = f"{backup_log.AUTOMATIC} (thư mục thứ hai)"


def at_exit(db: Database, folder: Path | None = None) -> Path | None:
    """A backup as the program closes, unless one made at exit today holds all the work done; returns its
    path. A later one the same day takes the place of the day's earlier one once it is in place (`prune`).
    Today's, when it is not in the second folder (its copy failed and the USB drive is plugged in since,
    or the program was cut off before copying it), is copied there, and its path returned.

    A backup taken before a migration does not count: it is taken as the program starts, so it holds
    none of the day's work.
    """
    folder = Path(folder or backup_log.auto_folder())
    now = db.clock()
    owner = backup.owner(db)
    made = _series(backup_log.auto_backups(folder, owner), before_upgrade=False)
    if made and made[-1].at.date() == now.date() and _holds_all_work(db, made[-1].path):
        second = _second_folder(db)
        if second is None or (second / made[-1].path.name).exists():
            return None
        _copy_to_second_folder(db, made[-1].path, owner)
        return made[-1].path
    written = backup.audited_write(db, _prepared(folder) / auto_name(db, now), backup_log.AUTOMATIC)
    _copy_to_second_folder(db, written.path, owner)
    prune(folder, owner)
    return written.path


def before_migration(db: Database) -> Path:
    """A verified backup of the database as it is, before its schema changes: the newest automatic
    backup when it holds the database as it is now (an upgrade refused start after start, on a disk
    nearly full, leaves one backup, not one each time).

    Not audited here: the migration's own entry names this backup.
    """
    folder = _prepared(backup_log.auto_folder())
    owner = backup.owner(db)
    unchanged = _unchanged_since(db, backup_log.auto_backups(folder, owner))
    if unchanged is not None:
        return unchanged
    written = backup.write(db, folder / auto_name(db, db.clock(), backup_log.BEFORE_UPGRADE))
    if not db.is_server:
        backup_log.remember(db.key_path, written.path, written.at, written.number)
    prune(folder, owner)
    return written.path


def _unchanged_since(db: Database, made: list[backup_log.Known]) -> Path | None:
    """The newest of the file database's automatic backups `made` when it holds the audit head its key
    file names (nothing done since), else None."""
    if db.is_server or not made:
        return None
    found = backup_log.label(made[-1].path)
    head = keyfile.read(db.key_path).audit_head
    return made[-1].path if found is not None and found.audit_head == head else None


def _holds_all_work(db: Database, made: Path) -> bool:
    """Whether the backup at `made` holds all the work done in the open database: its audit trail goes on
    from the backup's head with no entry but backups', sign-ins' and restores' (what a restore puts back is
    the trail it brings), entries lost with no work."""
    head = (found := backup_log.label(made)) and found.audit_head
    if not head:
        return False
    no_work = or_(audit_log.c.action.in_((backup_log.MANUAL, backup_log.AUTOMATIC, SECOND_ACTION, backup.RESTORED)),
                  and_(audit_log.c.action == lockout.LOGIN, audit_log.c.outcome == audit_chain.OK))
    with db.read() as connection:
        same_head = connection.execute(select(audit_log.c.mac).where(audit_log.c.id == head["id"])).scalar()
        worked = connection.execute(select(exists().where(audit_log.c.id > head["id"], not_(no_work)))).scalar()
    return same_head == head["mac"] and not worked


def auto_name(db: Database, at: dt.datetime, kind: str = "") -> str:
    """The name of the open database's automatic backup made at `at`: after its file, or the server
    database's name, its id, and its kind (`backup_log.auto_name`)."""
    return backup_log.auto_name(Path(f"{db.address.stem}.db") if db.is_server else db.path, db.db_id, at, kind)


def last_verified(db_path: Path) -> backup_log.Known | None:
    """The newest verified backup of the database at `db_path` (path and time), or None."""
    return backup_log.newest_verified(db_path)


def newest(db: Database) -> backup_log.Known | None:
    """The newest verified backup of the open database: a file's as `last_verified`; a server's
    from its audit trail (whoever took it, on whichever PC), None for a role that may not read the trail."""
    if not db.is_server:
        return last_verified(db.path)
    if not allows(db.actor.role, Action.AUDIT):
        return None
    with db.read() as connection:
        found = backup_log.in_trail(connection, limit=1)
    return found[0] if found else None


def overdue(db: Database, now: dt.datetime) -> str | None:
    """Why the open database's backups are warned of (the dashboard, Sao lưu), None when they are not:
    it has gone 7 days without a verified backup — since its newest one, or since it was created when it
    has none (it is backed up as the program closes) — or that date is after today, made while the
    computer's clock was ahead, and tells nothing of how long ago it was. On a server, told only to the
    roles that may read its trail."""
    if db.is_server and not allows(db.actor.role, Action.AUDIT):
        return None
    found = newest(db)
    since = found.at if found else _created(db)
    if since is not None and since.date() > now.date():
        return DATED_AHEAD.format("bản gần nhất mang ngày" if found else "cơ sở dữ liệu mang ngày tạo")
    return OVERDUE if since is None or now - since > WARN_AFTER else None


def prune(folder: Path, owner: backup_log.Owner | str) -> list[Path]:
    """Removes the automatic backups of a database (its `Owner`, or its id) beyond the newest per day
    (7), ISO week (4) and month (12) of each kind: those taken at exit, those before a migration."""
    made = backup_log.auto_backups(folder, owner)
    keep = _kept(_series(made, before_upgrade=False)) | _kept(_series(made, before_upgrade=True))
    removed = [known.path for known in made if known.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _series(made: list[backup_log.Known], before_upgrade: bool) -> list[backup_log.Known]:
    return [known for known in made if backup_log.before_upgrade(known.path) == before_upgrade]


def _kept(series: list[backup_log.Known]) -> set[Path]:
    """The backup of `series` (in the order written) written last in each of the last 7 days, 4 ISO weeks and
    12 months it was written in: those dated while the clock was ahead, then put right, never hold the slots
    of the days written since."""
    keep: set[Path] = set()
    for bucket, count in ((lambda at: at.date(), KEEP_DAILY),
                          (lambda at: at.isocalendar()[:2], KEEP_WEEKLY),
                          (lambda at: (at.year, at.month), KEEP_MONTHLY)):
        newest: dict = {}
        for known in reversed(series):
            if len(newest) == count:
                break
            newest.setdefault(bucket(known.at), known.path)
        keep.update(newest.values())
    return keep


def _created(db: Database) -> dt.datetime | None:
    """When the open database was created (noted in its meta table), None when not noted."""
    with db.read() as connection:
        value = connection.execute(select(meta.c.value).where(meta.c.key == "created_at")).scalar()
    return dt.datetime.fromisoformat(value) if value else None


def _prepared(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BvctError(f"Không tạo được thư mục sao lưu «{folder}» ({os_reason(error)}).") from None
    return folder


def _copy_to_second_folder(db: Database, written: Path, owner: backup_log.Owner) -> None:
    """Copies a backup to the second folder; a missing drive is audited, never fatal."""
    second = _second_folder(db)
    if second is None:
        return
    target = second / written.name
    try:
        if not second.is_dir():
            raise BvctError(f"Không thấy thư mục sao lưu thứ hai «{second}» (ổ USB chưa cắm?).")
        with atomic_output(target) as temp:
            shutil.copyfile(written, temp)
            if _sha256(temp) != _sha256(written):
                raise BvctError(f"Bản chép sang «{second}» không khớp bản gốc.")
    except BvctError as error:
        with db.write() as connection:
            db.audit(connection, SECOND_ACTION, audit.FAILED, details={"loi": error.message})
        _note_second_copy(db, False, error.message)
        return
    prune(second, owner)
    with db.write() as connection:
        db.audit(connection, SECOND_ACTION, details={"tep": str(target)})
    _note_second_copy(db, True)


def _second_folder(db: Database) -> Path | None:
    """The folder automatic backups are copied to as well (setting thu_muc_sao_luu_2), None when unset."""
    with db.read() as connection:
        second = settings.read_all(connection, db.clock().date()).get(settings.SECOND_FOLDER, "")
    return Path(second) if second else None


def _note_second_copy(db: Database, ok: bool, error: str = "") -> None:
    """The copy's outcome kept in the key file too: the dashboard asks for it at every refresh, and
    finding its audit entry could mean reading the whole trail (nothing indexes the actions)."""
    note = {"at": db.clock().isoformat(timespec="seconds"), "ok": ok, "error": error}
    with contextlib.suppress(BvctError):  # the audit entry is written; the note catches up at the next copy
        keyfile.update(db.key_path, lambda keys: setattr(keys, "second_copy", note))


@dataclass(frozen=True)
class SecondCopy:
    """The last copy of an automatic backup to the second folder: when, whether it was made, why not."""

    at: dt.datetime
    ok: bool
    error: str = ""

    def describe(self) -> str:
        outcome = f"{audit.OUTCOMES[audit_chain.OK if self.ok else audit_chain.FAILED]} lúc {self.at:%d/%m/%Y %H:%M}"
        return outcome if self.ok else f"{outcome} — {self.error.removesuffix('.')}"  # a sentence goes on after it


def last_second_copy(db: Database) -> SecondCopy | None:
    """The last copy to the second folder (kept in the key file), None when no second folder is set or
    none was tried yet; None on a server, never backed up at exit."""
    if db.is_server or _second_folder(db) is None:
        return None
    note = keyfile.read(db.key_path).second_copy
    if note is None:
        return None
    return SecondCopy(dt.datetime.fromisoformat(note["at"]), note["ok"], note["error"])


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(backup.CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
