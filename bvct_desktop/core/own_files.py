"""The files a database file is made of: no backup, copy, export or document is ever written over
one of them."""

from pathlib import Path

from . import files

# SQLite's side files, then those of the key file: its own lock and the key slots' (key_slots.holding)
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")
KEY_FILE_SIDE_FILES = (".lock", ".slots.lock")


def key_path(db_path: Path) -> Path:
    return Path(f"{db_path}.keys")


def of(db_path: Path) -> list[Path]:
    """The database at `db_path`, its SQLite side files, its key file and the key file's locks."""
    keys = key_path(db_path)
    return [Path(db_path), *(Path(f"{db_path}{side}") for side in DATABASE_SIDE_FILES),
            keys, *(Path(f"{keys}{side}") for side in KEY_FILE_SIDE_FILES)]


def refuse(target: Path, db_path: Path) -> None:
    """InputError when `target` is one of the files of the database at `db_path`, however named
    (a link, a relative path, another letter case on Windows)."""
    files.refuse_own(target, db_path, of(db_path))
