"""What a killed backup, restore or key-file write left behind, removed at the next start.

A backup is written beside its target (`.NAME.p<pid>-….tmp`, and the database copy with
`.db` after it), checked in a folder of the system's temporary folder (`bvct-kiem-tra-p<pid>-…`),
and a restore writes `.bvct.db.p<pid>-….tmp` beside the database. Such files of a process that
no longer runs are removed from the places known at start: the database's folder, the
automatic backups' folder, the folder of the last verified backup and the temporary folder;
a backup also clears its own target folder before it starts. All of them hold ciphertext only.

A file written for the officer (an export, a saved PDF) is plaintext staged beside its target, in any
folder: while it is written, a note in the data folder names that folder (`files.output`), and the
next start removes what a process that no longer runs left in the folders noted (`sweep_outputs`).
"""

import re
import tempfile
from pathlib import Path

from . import backup_log, files, keyfile
from .errors import BvctError

CHECK_FOLDER = "bvct-kiem-tra"
BACKUP_TEMPS = f".*{backup_log.SUFFIX}.*{files.TEMP_SUFFIX}*"
OUTPUT_NOTES = "dang-ghi-ra"  # the data folder's folder of notes of outputs being written
_NOTE = re.compile(r"p(\d+)-[^.]+\.txt")


def sweep(db_path: Path) -> list[Path]:
    """Removes the leftovers of killed processes around the database at `db_path`."""
    db_path = Path(db_path)
    removed = files.sweep(db_path.parent, f".{db_path.name}.*{files.TEMP_SUFFIX}*")
    for folder in _backup_folders(db_path):
        removed += files.sweep(folder, BACKUP_TEMPS)
    return removed + sweep_temporary()


def sweep_temporary() -> list[Path]:
    """The folders killed checks of a backup, and restores onto the office server, left in the
    system's temporary folder."""
    return files.sweep(Path(tempfile.gettempdir()), f"{CHECK_FOLDER}-p*")


def sweep_outputs(notes: Path) -> list[Path]:
    """Removes what outputs of processes that no longer run left in the folders their notes in `notes`
    name; a note stays while its folder cannot be seen (a USB drive not plugged in)."""
    removed = []
    for note in Path(notes).glob("p*.txt"):
        named = _NOTE.fullmatch(note.name)
        try:
            if not named or files.process_alive(int(named[1])):
                continue
            folder = Path(note.read_text(encoding="utf-8"))
            if not folder.is_dir():
                continue
            removed += files.sweep(folder, f".*.p{named[1]}-*{files.TEMP_SUFFIX}")
            note.unlink()
        except (OSError, UnicodeDecodeError):
            continue
    return removed


def sweep_backup_folder(folder: Path) -> list[Path]:
    return files.sweep(folder, BACKUP_TEMPS)


def _backup_folders(db_path: Path) -> list[Path]:
    folders = [backup_log.auto_folder()]
    try:
        noted = keyfile.read(keyfile.key_path(db_path)).last_backup
    except BvctError:
        noted = None
    if noted:
        folders.append(Path(noted["path"]).parent)
    return list(dict.fromkeys(folder for folder in folders if folder.is_dir()))
