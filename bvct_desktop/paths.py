"""Where the program keeps its files by default (the GUI and the CLI share these)."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "BVCT Desktop"


def default_database() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "bvct.db"


def database_from(option: str | None) -> Path:
    """`--db`, else `$BVCT_DB`, else the default database."""
    chosen = option or os.environ.get("BVCT_DB")
    return Path(chosen).expanduser() if chosen else default_database()


def log_file() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "bvct.log"
