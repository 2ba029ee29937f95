"""Reading a sheet's values in a process of its own.

python-calamine (Rust) aborts the whole process on some hostile workbooks — a cell far out at
XFD1048576 makes it allocate the declared range (512 GiB), a shared-string table that claims
four billion entries 96 GB — and an abort cannot be caught. So the values are read by a child
process (`python -m bvct_desktop.io.sheet_process`, or the frozen program started with
`CHILD_FLAG`), under a memory limit where the system has one; the parent only ever sees rows,
or which way the child failed. Nothing here opens the database or holds a key.
"""

import os
import pickle
import subprocess
import sys
from pathlib import Path

CHILD_FLAG = "--bvct-doc-bang-tinh"
MEMORY_LIMIT = 4 * 1024**3  # the child's address space (Linux): a file within the limits needs far less
OK, PASSWORD, DAMAGED, NO_MEMORY = "ok", "password", "damaged", "memory"


class ReaderFailed(Exception):
    """The child could not read the sheet: `reason` is PASSWORD, DAMAGED, NO_MEMORY or "aborted"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_rows(path: Path, sheet_index: int) -> list[list[object]]:
    """The values of the sheet at `sheet_index`, row 1 first, as python-calamine gives them."""
    if getattr(sys, "frozen", False):
        command = [sys.executable, CHILD_FLAG]
    else:
        command = [sys.executable, "-m", __name__]
    flags = subprocess.CREATE_NO_WINDOW if sys.platform == "win32" else 0
    done = subprocess.run([*command, str(path), str(sheet_index)], capture_output=True, creationflags=flags,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0 or not done.stdout:
        raise ReaderFailed("aborted")
    outcome, rows = pickle.loads(done.stdout)  # noqa: S301 - our own child wrote it, from plain values
    if outcome != OK:
        raise ReaderFailed(outcome)
    return rows


def serve_if_child(argv: list[str]) -> None:
    """In a frozen program started as the reader child, reads and exits instead of starting."""
    if argv[1:2] == [CHILD_FLAG]:
        sys.exit(main(argv[2:]))


def main(argv: list[str]) -> int:
    _limit_memory()
    path, index = argv[0], int(argv[1])
    try:
        import python_calamine

        workbook = python_calamine.load_workbook(path)
        result = (OK, workbook.get_sheet_by_index(index).to_python(skip_empty_area=False))
    except MemoryError:
        result = (NO_MEMORY, None)
    except BaseException as error:  # noqa: BLE001 - a Rust panic is a BaseException too
        result = (PASSWORD if type(error).__name__ == "PasswordError" else DAMAGED, None)
    # a windowed frozen program may have no sys.stdout, yet the pipe it was given is descriptor 1
    out = getattr(sys.stdout, "buffer", None) or os.fdopen(1, "wb", closefd=False)
    out.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    out.flush()
    return 0


def _limit_memory() -> None:
    if sys.platform.startswith("linux"):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
