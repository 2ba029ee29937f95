"""Unexpected errors go to a log file with where they happened, never with record values.

The exception's message is left out (it may quote a cell or a name); the type and the
stack of file, line and function names are enough to find the fault.
"""

import datetime as dt
import os
import re
import traceback
from pathlib import Path, PureWindowsPath

from . import __version__, paths
from .core import files


def log_unexpected(error: BaseException) -> str:
    """Writes the error's type and stack to the log file; returns the log file's path."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [f"{_stamp()} lỗi không lường trước: {type(error).__module__}.{type(error).__qualname__}"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    return _append(lines)


QUOTED = re.compile(r"«([^»]*)»")
WINDOWS_ANCHOR = re.compile(r"[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+")  # a drive, or a network share


def log_failure(what: str, message: str) -> str:
    """One line for an expected failure an officer may need to find later (a full disk during
    a scheduled backup): `message` is the program's own, with what it quotes cut down to the disk
    it is on — a file is named after a person («trich-ngang-vuong-kha-ngan.pdf»), and so is a
    folder an officer keeps a person's papers in («Hồ sơ Vương Khả Ngân»)."""
    return _append([f"{_stamp()} {what}: {QUOTED.sub(_disk_only, message)}"])


def _disk_only(quoted: re.Match) -> str:
    return f"«{_disk(quoted.group(1))}…»"


def _disk(named: str) -> str:
    """The drive, network share or mount point the path `named` is on; nothing for a bare name."""
    if WINDOWS_ANCHOR.match(named):
        return PureWindowsPath(named).anchor
    if not named.startswith("/"):
        return ""
    folder = Path(named)
    while not os.path.ismount(folder):
        folder = folder.parent
    return str(folder).rstrip("/") + "/"


def _stamp() -> str:
    return f"{dt.datetime.now().isoformat(timespec='seconds')} BVCT {__version__}"


def _append(lines: list[str]) -> str:
    """Appends `lines` to the log file, which only its owner may read (it names the disks worked on)."""
    target = paths.log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a", encoding="utf-8") as handle:
            files.make_owner_only(target)
            handle.write("\n".join(lines) + "\n")
    except OSError:
        return "(không ghi được nhật ký lỗi)"
    return str(target)
