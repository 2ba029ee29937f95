"""Unexpected errors go to a log file with where they happened, never with record values.

The exception's message is left out (it may quote a cell or a name); the type and the
stack of file, line and function names are enough to find the fault.
"""

import datetime as dt
import re
import traceback

from . import __version__, paths


def log_unexpected(error: BaseException) -> str:
    """Writes the error's type and stack to the log file; returns the log file's path."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [f"{_stamp()} lỗi không lường trước: {type(error).__module__}.{type(error).__qualname__}"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    return _append(lines)


QUOTED = re.compile(r"«([^»]*)»")


def log_failure(what: str, message: str) -> str:
    """One line for an expected failure an officer may need to find later (a full disk during
    a scheduled backup): `message` is the program's own, with what it quotes (a file named after
    a person, «trich-ngang-vuong-kha-ngan.pdf») cut down to its folder."""
    return _append([f"{_stamp()} {what}: {QUOTED.sub(_folder_only, message)}"])


def _folder_only(quoted: re.Match) -> str:
    folder = re.match(r".*[/\\]", quoted.group(1))
    return f"«{folder.group(0) if folder else ''}…»"


def _stamp() -> str:
    return f"{dt.datetime.now().isoformat(timespec='seconds')} BVCT {__version__}"


def _append(lines: list[str]) -> str:
    target = paths.log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError:
        return "(không ghi được nhật ký lỗi)"
    return str(target)
