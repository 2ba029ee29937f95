"""The commands a message suggests, written as the officer types them."""

import os
import shlex
from pathlib import Path

from ..core.errors import BvctError, DamagedError

WINDOWS = os.name == "nt"


def told(error: BvctError) -> str:
    """The error's message; a damaged database's ends with the command restoring its newest verified backup."""
    if isinstance(error, DamagedError) and error.restore:
        return f"{error.message} Khôi phục bằng lệnh: {restore_command(*error.restore)}"
    return error.message


def restore_command(database: Path, backup: Path) -> str:
    """The command that restores `backup` into `database`, to run as printed. It names the database
    always: without `--db`, `bvct restore` writes $BVCT_DB or the default database, whichever that is
    where and when the officer runs it."""
    return f"bvct --db {_shell_word(Path(database).absolute())} restore {_shell_word(backup)}"


def _shell_word(path: Path) -> str:
    """`path` as one word of the officer's command line. A Windows name cannot hold `"`, so double
    quotes keep it whole in the Command Prompt; elsewhere the shell's own quoting."""
    return f'"{path}"' if WINDOWS else shlex.quote(str(path))
