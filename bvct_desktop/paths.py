"""Where the program keeps its files by default, and which database it opens (the GUI and the
CLI share these): `--db`, else `$BVCT_DB`, else the office server the first-run wizard connected
to (remembered in the data folder), else the default database file."""

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .core import files

APP_NAME = "BVCT Desktop"
CHOICE_FILE = "co-so-du-lieu.json"


@dataclass(frozen=True)
class Choice:
    """A database named by the officer: a path or a server address (`text`); `insecure_lan` when
    they allowed a server reached without a verified certificate."""

    text: str
    insecure_lan: bool = False


def data_folder() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    return data_folder() / "bvct.db"


def chosen(option: str | None) -> Choice | None:
    """`--db`, else `$BVCT_DB`, else the remembered choice; None: the default database."""
    named = option or os.environ.get("BVCT_DB")
    return Choice(named) if named else remembered()


def database_from(option: str | None) -> Path:
    """The chosen database as a file path (its callers have ruled out a server)."""
    choice = chosen(option)
    return Path(choice.text).expanduser() if choice else default_database()


def remembered() -> Choice | None:
    """The database the first-run wizard remembered (an unreadable note is no choice)."""
    try:
        note = json.loads((data_folder() / CHOICE_FILE).read_text(encoding="utf-8"))
        return Choice(str(note["db"]), bool(note.get("insecure_lan", False)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(choice: Choice) -> None:
    """Opens `choice` from the next start on (written whole and flushed, then renamed into place: a
    power cut brings back neither the former choice nor half a note)."""
    target = data_folder() / CHOICE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    with files.atomic_output(target) as temp:
        temp.write_text(json.dumps({"db": choice.text, "insecure_lan": choice.insecure_lan}, ensure_ascii=False),
                        encoding="utf-8")


def log_file() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "bvct.log"
