"""Surveying and reading a sheet in a process of its own.

python-calamine (Rust) aborts the whole process on some hostile workbooks — a cell far out at
XFD1048576 makes it allocate the declared range (512 GiB), a shared-string table that claims
four billion entries 96 GB — and an abort cannot be caught. So a child process surveys the
sheet (sheet_xml) and only then reads its values, under a memory limit where the system has
one; the parent only ever sees rows, the survey's refusal, or which way the child failed.
Nothing here opens the database or holds a key.

The child starts at once and works while its parent does something else (`bvct import` unlocks
the database meanwhile). On Linux a single-threaded parent forks it — no interpreter to start,
nothing to import again; elsewhere (Windows, the desktop application's threads) it is started as
`python -m bvct_desktop.io.sheet_process` or as the frozen program with `CHILD_FLAG`. The values
travel by column, as the importer reads them, in one pickle, each repeated text or date sent once
(a register repeats its units, places and dates down the rows).
"""

import datetime as dt
import faulthandler
import itertools
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

from ..core.errors import InputError
from . import sheet_xml

CHILD_FLAG = "--bvct-doc-bang-tinh"
MEMORY_LIMIT = 4 * 1024**3  # the child's address space (Linux): a file within the limits needs far less
OK, REFUSED, PASSWORD, DAMAGED, NO_MEMORY = "ok", "refused", "password", "damaged", "memory"
_SHARED = frozenset((str, dt.date, dt.datetime))  # values sent once however often they occur (numbers
                                                  # are not: 1, 1.0 and True are equal keys)


class ReaderFailed(Exception):
    """The child could not read the sheet: `reason` is PASSWORD, DAMAGED, NO_MEMORY or "aborted"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Reading:
    """A sheet being surveyed and read by a child process; `outcome` waits for it."""

    def __init__(self, path: Path, columns: int):
        if _may_fork():
            self._forked(path, columns)
        else:
            self._spawned(path, columns)

    def outcome(self) -> tuple[sheet_xml.Surveyed, list[list[object]]]:
        """The survey and the values by column, each column row 1 first (all of one length);
        InputError when the survey refuses the sheet, ReaderFailed when the reader failed."""
        data = self._collect()
        if not data:
            raise ReaderFailed("aborted")
        kind, *found = pickle.loads(data)  # noqa: S301 - our own child wrote it, from plain values
        if kind == REFUSED:
            raise InputError(found[0])
        if kind != OK:
            raise ReaderFailed(kind)
        return found[0], found[1]

    def close(self) -> None:
        """Stops the child if its outcome was not taken."""
        if self._pid is not None:
            _kill(self._pid)
            os.close(self._pipe)
            os.waitpid(self._pid, 0)
            self._pid = None
        elif self._process is not None and self._process.returncode is None:
            self._process.kill()
            self._process.communicate()

    # -- starting and collecting ------------------------------------------------------------

    def _forked(self, path: Path, columns: int) -> None:
        self._process = None
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: survey, read, write the outcome, and never return into the parent's code
            code = 1
            try:
                faulthandler.disable()  # an inherited one (pytest's) would dump this stack at an abort
                os.close(read_end)
                with os.fdopen(write_end, "wb") as out:
                    out.write(_work(str(path), columns))
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    def _spawned(self, path: Path, columns: int) -> None:
        self._pid = None
        command = [sys.executable, CHILD_FLAG] if getattr(sys, "frozen", False) else [sys.executable, "-m", __name__]
        flags = subprocess.CREATE_NO_WINDOW if sys.platform == "win32" else 0
        self._process = subprocess.Popen([*command, str(path), str(columns)], stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, creationflags=flags)

    def _collect(self) -> bytes:
        if self._process is not None:
            data, _ = self._process.communicate()
            return data if self._process.returncode == 0 else b""
        chunks = []
        with os.fdopen(self._pipe, "rb") as pipe:
            while chunk := pipe.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return b"".join(chunks) if os.waitstatus_to_exitcode(status) == 0 else b""


def _may_fork() -> bool:
    """Forking copies only the calling thread: safe for the command line, not for a program with
    other threads (the desktop application's workers, Qt's own)."""
    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and "PySide6.QtCore" not in sys.modules)


def _kill(pid: int) -> None:
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _work(path: str, columns: int) -> bytes:
    """In the child: the survey, then the values; the outcome pickled."""
    _limit_memory()
    try:
        surveyed = sheet_xml.survey(Path(path), columns)
    except InputError as refused:
        return pickle.dumps((REFUSED, refused.message))
    try:
        import python_calamine

        workbook = python_calamine.load_workbook(path)
        rows = workbook.get_sheet_by_index(surveyed.index).to_python(skip_empty_area=False)
        del workbook
        by_column = _columns(rows)
        del rows  # each repeated value's other copies go with it
        outcome = (OK, surveyed, by_column)
    except MemoryError:
        outcome = (NO_MEMORY,)
    except BaseException as error:  # noqa: BLE001 - a Rust panic is a BaseException too
        outcome = (PASSWORD if type(error).__name__ == "PasswordError" else DAMAGED,)
    return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)


def _columns(rows: list[list[object]]) -> list[list[object]]:
    """The rows by column, each repeated text and date made one object (which pickle then sends
    once). A short row's missing cells are None."""
    seen: dict[object, object] = {}
    keep = seen.setdefault
    columns = []
    for column in itertools.zip_longest(*rows):
        if set(map(type, column)) <= _SHARED:
            columns.append(list(map(keep, column, column)))
        else:
            columns.append([keep(value, value) if value.__class__ in _SHARED else value for value in column])
    return columns


def serve_if_child(argv: list[str]) -> None:
    """In a frozen program started as the reader child, reads and exits instead of starting."""
    if argv[1:2] == [CHILD_FLAG]:
        sys.exit(main(argv[2:]))


def main(argv: list[str]) -> int:
    outcome = _work(argv[0], int(argv[1]))
    # a windowed frozen program may have no sys.stdout, yet the pipe it was given is descriptor 1
    out = getattr(sys.stdout, "buffer", None) or os.fdopen(1, "wb", closefd=False)
    out.write(outcome)
    out.flush()
    return 0


def _limit_memory() -> None:
    if sys.platform.startswith("linux"):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
