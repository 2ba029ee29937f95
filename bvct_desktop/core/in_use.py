"""Whether a BVCT Desktop window has a database open, told without Qt: the window that writes to a
database holds a lock file beside it (gui/instance.py, Qt's QLockFile), whose first line is the
holder's process id. A lock file left by a program that died holds nothing."""

import os
from pathlib import Path

from . import files


def lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


def held_elsewhere(db_path: Path) -> bool:
    """True while a running program other than this one holds the database at `db_path` open."""
    try:
        first = lock_path(db_path).read_text(encoding="ascii", errors="replace").split("\n", 1)[0]
    except OSError:
        return False
    return first.isdigit() and int(first) != os.getpid() and files.process_alive(int(first))
