"""Unexpected errors go to a log file with where they happened, never with record values.

The exception's message is left out (it may quote a cell or a name); the type and the
stack of file, line and function names are enough to find the fault.
"""

import datetime as dt
import traceback

from . import __version__, paths


def log_unexpected(error: BaseException) -> str:
    """Writes the error's type and stack to the log file; returns the log file's path."""
    target = paths.log_file()
    frames = traceback.extract_tb(error.__traceback__)
    lines = [f"{dt.datetime.now().isoformat(timespec='seconds')} BVCT {__version__} "
             f"lỗi không lường trước: {type(error).__module__}.{type(error).__qualname__}"]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError:
        return "(không ghi được nhật ký lỗi)"
    return str(target)
