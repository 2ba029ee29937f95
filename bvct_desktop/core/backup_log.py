"""Where the newest verified backup of a database is, readable without its key.

Every verified backup is noted in the key file (`last_backup`); the automatic backups also
sit in a known folder. When the database is damaged the message names the newest of these,
so the officer knows what to restore. The newest is the one written last: each backup carries its
number (the key file counts them, `keyfile.KeyFile.backup_number`), since the time it says it was
made is the computer's clock's, which may have been ahead and put right since (`Known.written`).
A backup tells without a key whose it is (its manifest's database id, its key file's salt and line
of history: `Label`): only the database's own are ever offered, whatever their names; a copy
restored elsewhere has its own (`backup_lines`). Nothing here holds record content.
"""

import datetime as dt
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .. import paths
from . import audit_chain, kept_files, keyfile
from .errors import BROKEN_ARCHIVE, BvctError, DamagedError
from .permissions import ALLOWED, Action
from .schema import audit_log

FORMAT, MANIFEST = kept_files.BACKUP_FORMAT, kept_files.BACKUP_MANIFEST
KEYS = "bvct.db.keys"  # the key file's member of a backup file (`backup`), beside MANIFEST
SUFFIX = ".bvctbak"
MANUAL, AUTOMATIC = "sao lưu", "sao lưu tự động"  # their audit actions
AUTO_FOLDER = "sao-luu"
BEFORE_UPGRADE = "-truoc-nang-cap"  # ends the name of an automatic backup taken before a migration
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Known:
    path: Path
    at: dt.datetime
    number: int = 0  # its number (`Label`); 0: written before backups were numbered, or not read (the trail's)
    made_by: str = ""  # the account that made it, where known (its manifest, its audit entry)

    def describe(self) -> str:
        return f"«{self.path}» ({self.at:%d/%m/%Y %H:%M})"

    @property
    def written(self) -> tuple[int, dt.datetime]:
        """Where it comes in the order backups were written: by number; those written before backups
        were numbered (0) come first, by the time they say."""
        return self.number, self.at


def age(at: dt.datetime, now: dt.datetime) -> str:
    """How old a backup made `at` is `now`, in days, for the officer choosing one."""
    days = (now.date() - at.date()).days
    if at > now:
        return "ghi giờ sau giờ của máy này: hãy xem lại ngày giờ máy tính"
    return {0: "hôm nay", 1: "hôm qua"}.get(days, f"{days} ngày trước")


def auto_folder() -> Path:
    return paths.data_folder() / AUTO_FOLDER


def auto_name(db_path: Path, db_id: str, at: dt.datetime, kind: str = "") -> str:
    """An automatic backup's name: the database's file name and id (two databases named bvct.db
    keep two series), when, and `BEFORE_UPGRADE` for one taken before a migration."""
    return f"{Path(db_path).stem}-{db_id[:8]}-{at.strftime(STAMP)}{kind}{SUFFIX}"


def before_upgrade(path: Path) -> bool:
    """Whether the automatic backup at `path` was taken before a migration (those named before
    the two kinds were told apart count as taken at exit)."""
    return Path(path).stem.endswith(BEFORE_UPGRADE)


@dataclass(frozen=True)
class Label:
    """What a backup file tells without its key: whose it is, when it was made and up to which
    audit entry it holds the database."""

    db_id: str
    at: dt.datetime
    salt: str | None  # its database file's salt when it was made (`keyfile.salt_of`)
    line: list[str] | None = None  # its database's line of history then (`backup_lines`)
    audit_head: dict | None = None
    number: int = 0  # its number, from its key file (`keyfile.KeyFile.backup_number`); 0: written before
    made_by: str = ""  # the account that made it (its manifest's)


def label(path: Path) -> Label | None:
    """The label of the backup at `path`; None for a file that is no readable backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            keys = keyfile.KeyFile.from_bytes(archive.read(KEYS), Path(path))
        if manifest.get("format") != FORMAT or manifest.get("db_id") != keys.db_id:
            return None
        return Label(keys.db_id, dt.datetime.fromisoformat(manifest["created_at"]), keys.db_salt, keys.line,
                     manifest.get("audit_head"), keys.backup_number, str(manifest.get("created_by") or ""))
    except (*BROKEN_ARCHIVE, TypeError, AttributeError, BvctError):
        return None


@dataclass(frozen=True)
class Owner:
    """What tells the backups of a database from another's: its id and line of history, from its key
    file; else (the key file lost or damaged) the salt at the head of its file, which its backups'
    key files name."""

    db_id: str | None
    salt: str | None
    line: list[str] | None = None

    def owns(self, found: Label) -> bool:
        if self.db_id is None:
            return self.salt is not None and found.salt == self.salt
        return found.db_id == self.db_id and self.continues(found)

    def continues(self, found: Label) -> bool:
        """Whether a backup of this database's id was taken on its line of history (`backup_lines`):
        a database with a line owns those taken from a file of it; one without, those without a line."""
        return found.salt in self.line if self.line is not None else found.line is None


def owner_of(db_path: Path, keys: keyfile.KeyFile | None) -> Owner:
    """The owner a backup of the database at `db_path` must have, told by its key file `keys` (None:
    unreadable). A key file that does not name the file's salt (`KeyFile.is_for`) still tells it:
    the file's head may be what is damaged."""
    return Owner(keys.db_id, None, keys.line) if keys is not None else Owner(None, keyfile.salt_of(db_path))


def auto_backups(folder: Path, owner: Owner | str) -> list[Known]:
    """The automatic backups of a database (its `Owner`, or its id) in `folder`, in the order they were
    written (`Known.written`); those named before a series carried the id count when they hold this database."""
    owner = Owner(owner, None) if isinstance(owner, str) else owner
    found = [Known(path, labelled.at, labelled.number, labelled.made_by) for path, labelled in _labelled(folder)
             if owner.owns(labelled)]
    return sorted(found, key=lambda known: known.written)


def numbers_in(folder: Path, db_id: str) -> list[int]:
    """The numbers of the backups of the database `db_id` in `folder`, whatever their line of history."""
    return [labelled.number for _, labelled in _labelled(folder) if labelled.db_id == db_id]


def holds_backups(folder: Path) -> bool:
    """Whether `folder` holds any backup file (by its name)."""
    return Path(folder).is_dir() and any(Path(folder).glob(f"*{SUFFIX}"))


def _labelled(folder: Path) -> list[tuple[Path, Label]]:
    paths = Path(folder).glob(f"*{SUFFIX}") if Path(folder).is_dir() else []
    return [(path, labelled) for path in paths if (labelled := label(path)) is not None]


def remember(key_path: Path, backup: Path, at: dt.datetime, number: int) -> None:
    """Notes a verified backup, the `number`th written, in the key file (unless a later one is noted)."""
    def change(keys: keyfile.KeyFile) -> None:
        current = keys.last_backup
        if current is None or current.get("number", 0) <= number:
            keys.last_backup = {"path": str(Path(backup).resolve()), "at": at.isoformat(timespec="seconds"),
                                "number": number}

    keyfile.update(key_path, change)


def in_trail(connection: Connection, limit: int = 50) -> list[Known]:
    """The verified backups the audit trail recorded, newest first: those of a role that may back up
    (on the server the entry's role is the login's, set by the server), not anyone's entry saying so."""
    rows = connection.execute(select(audit_log.c.at, audit_log.c.details, audit_log.c.user_name).where(
        audit_log.c.action.in_((MANUAL, AUTOMATIC)), audit_log.c.outcome == audit_chain.OK,
        audit_log.c.role.in_(sorted(ALLOWED[Action.BACKUP])))
        .order_by(audit_log.c.id.desc()).limit(limit))
    found = []
    for at, details, user in rows:
        path = json.loads(details or "{}").get("tep")
        if path:
            found.append(Known(Path(path), at, made_by=user or ""))
    return found


def newest_verified(db_path: Path, also: Sequence[Known] = ()) -> Known | None:
    """The newest verified backup of the database at `db_path` that still exists: from the key file,
    the automatic folder, or `also` (the audit trail's, when the key file itself is in doubt); only
    a backup that holds this database (`owner_of`)."""
    return _newest(db_path, _key_file(db_path), also)


def _key_file(db_path: Path) -> keyfile.KeyFile | None:
    try:
        return keyfile.read(keyfile.key_path(Path(db_path)))
    except BvctError:
        return None


def _newest(db_path: Path, keys: keyfile.KeyFile | None, also: Sequence[Known]) -> Known | None:
    owner = owner_of(db_path, keys)

    def owned(paths: Sequence[Path]) -> list[Known]:
        return [Known(path, found.at, found.number, found.made_by) for path in paths
                if (found := label(path)) is not None and owner.owns(found)]

    noted = keys.last_backup if keys is not None else None
    candidates = owned([Path(noted["path"])] if noted else [])
    candidates += reversed(auto_backups(auto_folder(), owner))  # labelled there; on a tie, the noted wins
    candidates += owned([known.path for known in also])
    return max(candidates, key=lambda known: known.written) if candidates else None


def naming_backup(error: DamagedError, db_path: Path, also: Sequence[Known] = (),
                  opened_as: str | None = None) -> DamagedError:
    """The damage message followed by the newest verified backup, which the error names for each
    face to offer its restore (`DamagedError.restore`), with the role of the user who met it if
    known (`opened_as`). Without a readable key file, where the officer's own backups went is not
    known (only the key file remembers it): the message says so, and where it looked."""
    if getattr(error, "names_backup", False):
        return error
    keys = _key_file(db_path)
    newest = _newest(db_path, keys, also)
    named = DamagedError(f"{error.message} {_where_found(newest, keys is not None, also)}",
                         restore=None if newest is None else (Path(db_path), newest.path),
                         opened_as=None if newest is None else opened_as)
    named.names_backup = True
    return named


def _where_found(newest: Known | None, key_file_read: bool, also: Sequence[Known]) -> str:
    if key_file_read:
        return ("Không tìm thấy bản sao lưu đã kiểm tra nào của cơ sở dữ liệu này." if newest is None
                else f"Bản sao lưu đã kiểm tra gần nhất tìm thấy: {newest.describe()}.")
    unknown = "Tệp khóa không đọc được nên chương trình không biết các bản sao lưu đã được ghi ở đâu"
    looked = f"thư mục bản sao lưu tự động «{auto_folder()}»{' và những nơi nhật ký ghi lại' if also else ''}"
    if newest is None:
        return (f"{unknown}; trong {looked} không có bản nào của cơ sở dữ liệu này. Hãy tìm các tệp {SUFFIX} ở nơi "
                "đã lưu bản sao lưu (ổ USB, thư mục sao lưu thứ hai) rồi khôi phục bản mới nhất (bvct restore).")
    return (f"{unknown}; đã tìm trong {looked} và thấy bản đã kiểm tra gần nhất: {newest.describe()}. Nếu đã sao lưu "
            f"ra nơi khác, hãy tìm các tệp {SUFFIX} ở đó: có thể có bản mới hơn.")
