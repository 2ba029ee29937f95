"""A database's line of history: which backups are its own once copies of it exist.

A restore keeps the backup's database id, so the id alone cannot tell the original from a copy
restored elsewhere to look at old data. Each restored file therefore names, in its key file, the
salts (`keyfile.salt_of`) of the files whose history it continues, its own last. A restore that
replaces the database continues that database's line, so its older backups stay its own; a restore
anywhere else starts a line of its own, whose backups are never offered for the original, never
replace the original's and are thinned apart. A key file without a line (written before lines were
kept, or continuing such a file) keeps the backups without one: as before.

The backups' numbers (`keyfile.KeyFile.backup_number`, the order they were written in) go on past a
restore, from the highest known, never from the restored backup's own: those written after it are the
newest, whatever the clock said.
"""

import contextlib
from pathlib import Path

from . import backup_log, keyfile
from .errors import BvctError


def after_restore(target: Path, restored: keyfile.KeyFile, salt: str | None) -> list[str] | None:
    """The line of the database restored at `target` from a backup whose key file is `restored`,
    its new file's salt being `salt`. Read before the current pair at `target` is moved aside."""
    if salt is None:
        return None
    if not Path(target).exists():
        return [salt]
    try:
        replaced = keyfile.read(keyfile.key_path(Path(target)))
    except BvctError:
        return _replacing_unknown(target, restored, salt)
    if replaced.db_id != restored.db_id:
        return [salt]
    return None if replaced.line is None else [*replaced.line, salt]


def _replacing_unknown(target: Path, restored: keyfile.KeyFile, salt: str) -> list[str] | None:
    """The damaged database's key file is lost: the line is the backup's, through the damaged file
    (the backups taken from it are offered by the salt at its head, `backup_log.owner_of`)."""
    if restored.line is None:
        return None
    damaged = keyfile.salt_of(Path(target))
    return [*dict.fromkeys([*restored.line, *([damaged] if damaged else [])]), salt]


def number_after_restore(target: Path, restored: keyfile.KeyFile) -> int:
    """The number the backups of the database restored at `target` go on from: the highest of the
    restored backup's, the replaced database's (its key file, while it can be read) and those of the
    database's backups in the automatic folder. Read before the current pair at `target` is moved aside."""
    known = [restored.backup_number, *backup_log.numbers_in(backup_log.auto_folder(), restored.db_id)]
    with contextlib.suppress(BvctError):
        known.append(keyfile.read(keyfile.key_path(Path(target))).backup_number)
    return max(known)
