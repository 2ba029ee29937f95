"""The files a database file is made of: no backup or copy is ever written over one of them."""

import os
from pathlib import Path

from . import keyfile
from .errors import InputError

# SQLite's side files, then those of the key file: its own lock and the key slots' (key_slots.holding)
DATABASE_SIDE_FILES = ("-wal", "-shm", "-journal")
KEY_FILE_SIDE_FILES = (".lock", ".slots.lock")


def of(db_path: Path) -> list[Path]:
    """The database at `db_path`, its SQLite side files, its key file and the key file's locks."""
    keys = keyfile.key_path(db_path)
    return [Path(db_path), *(Path(f"{db_path}{side}") for side in DATABASE_SIDE_FILES),
            keys, *(Path(f"{keys}{side}") for side in KEY_FILE_SIDE_FILES)]


def refuse(target: Path, db_path: Path) -> None:
    """InputError when `target` is one of the files of the database at `db_path`, however named
    (a link, a relative path, another letter case on Windows)."""
    for own in of(db_path):
        if same_file(target, own):
            raise InputError(f"Không ghi vào «{target}»: đó là tệp của chính cơ sở dữ liệu «{Path(db_path).name}» "
                             f"({own.name}); ghi đè sẽ làm mất dữ liệu. Hãy chọn tên tệp khác.")


def same_file(one: Path, other: Path) -> bool:
    """Whether the two paths name one file: the same file on disk when both exist, else the same
    path once links are followed (and letter case ignored where the system ignores it)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return _spelled(one) == _spelled(other)


def _spelled(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))
