"""Where the newest verified backup of a database is, readable without its key.

Every verified backup is noted in the key file (`last_backup`); the automatic backups also
sit in a known folder. When the database is damaged the message names the newest of these,
so the officer knows what to restore. Nothing here holds record content.
"""

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from .. import paths
from . import audit_chain, keyfile
from .errors import BvctError, DamagedError
from .schema import audit_log

SUFFIX = ".bvctbak"
MANUAL, AUTOMATIC = "sao lưu", "sao lưu tự động"  # their audit actions
AUTO_FOLDER = "sao-luu"
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Known:
    path: Path
    at: dt.datetime

    def describe(self) -> str:
        return f"«{self.path}» ({self.at:%d/%m/%Y %H:%M})"


def auto_folder() -> Path:
    return paths.data_folder() / AUTO_FOLDER


def auto_name(db_path: Path, at: dt.datetime) -> str:
    return f"{Path(db_path).stem}-{at.strftime(STAMP)}{SUFFIX}"


def auto_backups(folder: Path, db_path: Path) -> list[Known]:
    """The automatic backups of `db_path` in `folder`, oldest first (taken from their names)."""
    found = []
    stem = Path(db_path).stem
    for path in Path(folder).glob(f"{stem}-*{SUFFIX}") if Path(folder).is_dir() else []:
        try:
            at = dt.datetime.strptime(path.name[len(stem) + 1:-len(SUFFIX)], STAMP)
        except ValueError:
            continue
        found.append(Known(path, at))
    return sorted(found, key=lambda known: known.at)


def remember(key_path: Path, backup: Path, at: dt.datetime) -> None:
    """Notes a verified backup in the key file (only if it is the newest)."""
    def change(keys: keyfile.KeyFile) -> None:
        current = keys.last_backup
        if current is None or current.get("at", "") <= at.isoformat(timespec="seconds"):
            keys.last_backup = {"path": str(Path(backup).resolve()), "at": at.isoformat(timespec="seconds")}

    keyfile.update(key_path, change)


def in_trail(connection: Connection, limit: int = 50) -> list[Known]:
    """The verified backups the audit trail recorded, newest first."""
    rows = connection.execute(select(audit_log.c.at, audit_log.c.details).where(
        audit_log.c.action.in_((MANUAL, AUTOMATIC)), audit_log.c.outcome == audit_chain.OK)
        .order_by(audit_log.c.id.desc()).limit(limit))
    found = []
    for at, details in rows:
        path = json.loads(details or "{}").get("tep")
        if path:
            found.append(Known(Path(path), at))
    return found


def newest_verified(db_path: Path, also: Sequence[Known] = ()) -> Known | None:
    """The newest verified backup that still exists: from the key file, the automatic folder,
    or `also` (the audit trail's, when the key file itself is in doubt)."""
    try:
        noted = keyfile.read(keyfile.key_path(Path(db_path))).last_backup
    except BvctError:
        noted = None
    candidates = [Known(Path(noted["path"]), dt.datetime.fromisoformat(noted["at"]))] if noted else []
    candidates += reversed(auto_backups(auto_folder(), db_path))  # on a tie, the one noted wins
    candidates += also
    existing = [known for known in candidates if known.path.is_file()]
    return max(existing, key=lambda known: known.at) if existing else None


def naming_backup(error: DamagedError, db_path: Path, also: Sequence[Known] = ()) -> DamagedError:
    """The damage message followed by the newest verified backup, which the error names for each
    face to offer its restore (`DamagedError.restore`)."""
    if getattr(error, "names_backup", False):
        return error
    newest = newest_verified(db_path, also)
    if newest is None:
        named = DamagedError(f"{error.message} Không tìm thấy bản sao lưu đã kiểm tra nào của cơ sở dữ liệu này.")
    else:
        named = DamagedError(f"{error.message} Bản sao lưu đã kiểm tra gần nhất: {newest.describe()}.",
                             restore=(Path(db_path), newest.path))
    named.names_backup = True
    return named
