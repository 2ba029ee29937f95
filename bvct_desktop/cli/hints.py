"""The commands a message suggests, written as the officer types them."""

import os
import re
import shlex
from pathlib import Path

from ..core.errors import BvctError, DamagedError
from ..core.permissions import ADMIN

WINDOWS = os.name == "nt"


def told(error: BvctError, user: str | None = None) -> str:
    """The error's message; a damaged database's ends with the command restoring its newest verified
    backup, as `user` (the name this command ran as, when known) unless the damage was met in a role
    that cannot restore; who may run it is said unless `user` is known to be an administrator."""
    if not (isinstance(error, DamagedError) and error.restore):
        return error.message
    if error.opened_as not in (None, ADMIN):
        user = None
    who = "" if user and error.opened_as == ADMIN else (
        " Chỉ quản trị viên của bản sao lưu khôi phục được" + ("." if user else " (TÊN: tên của quản trị viên)."))
    return f"{error.message}{who} Khôi phục bằng lệnh: {restore_command(*error.restore, user)}"


def restore_command(database: Path, backup: Path, user: str | None = None) -> str:
    """The command that restores `backup` into `database`, to run as printed. It names the database
    always: without `--db`, `bvct restore` writes $BVCT_DB or the default database, whichever that is
    where and when the officer runs it; and the user, who must be an administrator of the backup
    (`TÊN` when not known, as in the README)."""
    who = shell_word(user) if user else "TÊN"
    return (f"bvct --db {shell_word(Path(database).absolute())} --user {who} "
            f"restore {shell_word(Path(backup).absolute())}")


def shell_word(text: str | Path) -> str:
    """`text` as one word of the officer's command line: in the Command Prompt inside double quotes
    (which keep spaces and `&`, `^`, `|` whole), a `"` written `""` and the backslashes before a quote
    doubled, as the program's own parser reads them (a Windows path holds neither `"` nor a final
    backslash; a user's name may); elsewhere the shell's own quoting."""
    if not WINDOWS:
        return shlex.quote(str(text))
    return '"' + re.sub(r'(\\*)("|$)', lambda m: m[1] * 2 + ('""' if m[2] else ""), str(text)) + '"'
