"""Surveying and reading a sheet in a process of its own.

python-calamine (Rust) aborts the whole process on some hostile workbooks — a cell far out at
XFD1048576 makes it allocate the whole range up to it (512 GiB), a shared-string table that claims
four billion entries 96 GB — and an abort cannot be caught. So a child process surveys the
sheet (sheet_xml) and only then reads its values, under a memory limit where the system has
one; the parent only ever sees rows, the survey's refusal, or which way the child failed.
Nothing here opens the database or holds a key.

The children start at once and work while their parent does something else (`bvct import`
unlocks the database meanwhile). A large file is read by one child per core, each surveying and
reading a part of the rows (sheet_xml); the parent joins their values in order, as one reader of
the whole sheet gives them. On Linux a single-threaded parent forks them — no interpreter to start,
nothing to import again; elsewhere (Windows, the desktop application's threads) each is started as
`python -m bvct_desktop.io.sheet_process` or as the frozen program with `CHILD_FLAG`. The values
travel by column, as the importer reads them, in one pickle per child, each repeated text or date
sent once (a register repeats its units, places and dates down the rows).

A caller that may stop the reading («Hủy») passes `heard`, called while it waits for the children
every HEARD_EVERY_S: raising there stops them, none left running.
"""

import datetime as dt
import faulthandler
import itertools
import os
import pickle
import select
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from ..core.errors import InputError
from . import sheet_xml

CHILD_FLAG = "--bvct-doc-bang-tinh"
MEMORY_LIMIT = 4 * 1024**3  # the child's address space (Linux): a file within the limits needs far less
SPLIT_FROM = 1 << 20  # bytes of a file read in parts, one child per core (≈ 10,000 rows of a register)
MOST_PARTS = 4
HEARD_EVERY_S = 0.1  # between two calls of `heard` while the children read
OK, REFUSED, PASSWORD, DAMAGED, NO_MEMORY = "ok", "refused", "password", "damaged", "memory"
_SHARED = frozenset((str, dt.date, dt.datetime))  # values sent once however often they occur (numbers
                                                  # are not: 1, 1.0 and True are equal keys)


class ReaderFailed(Exception):
    """The child could not read the sheet: `reason` is PASSWORD, DAMAGED, NO_MEMORY or "aborted"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Reading:
    """A sheet being surveyed and read by child processes, `parts` of its rows each (by default
    one per core for a large file); `outcome` waits for them."""

    def __init__(self, path: Path, columns: int, parts: int | None = None):
        self._path, self._columns = path, columns
        self._children = self._started(parts or parts_for(path))

    def outcome(self, heard: Callable[[], None] = lambda: None) -> tuple[sheet_xml.Surveyed, list[list[object]]]:
        """The survey and the values by column, each column row 1 first (all of one length);
        InputError when the survey refuses the sheet, ReaderFailed when a reader failed; `heard`
        called while it waits: what it raises stops the children and comes through."""
        found = self._collected(heard)
        surveyed = found[0][0]
        for part, _, _ in found[1:]:
            surveyed.formula_without_value |= part.formula_without_value
            surveyed.error_cells.update(part.error_cells)
            surveyed.dates_shown.update(part.dates_shown)
            surveyed.numbers_shown.update(part.numbers_shown)
            surveyed.merged += part.merged
            surveyed.hidden_rows |= part.hidden_rows
            surveyed.hidden_columns |= part.hidden_columns
        columns = _joined([(start, columns) for _, start, columns in found])
        if columns is None or len({part[0].checksum for part in found}) > 1:
            # rows out of order across the parts, or the file saved again between their reads: read as one
            self._children = self._started(1)
            return self.outcome(heard)
        return surveyed, columns

    def close(self) -> None:
        """Stops the children whose outcome was not taken."""
        for child in self._children:
            child.stop()
        self._children = []

    def _started(self, parts: int) -> list["_Forked | _Spawned"]:
        start = _Forked if _may_fork() else _Spawned
        return [start(self._path, self._columns, part, parts) for part in range(parts)]

    def _collected(self, heard: Callable[[], None]) -> list[tuple[sheet_xml.Surveyed, tuple[int, int] | None,
                                                                 list[list[object]]]]:
        """Each part's survey, the start of its values and its values, in order; the first refusal
        (as the survey of the whole sheet finds it first), else the first failure."""
        outcomes = []
        try:
            for child in self._children:
                data = child.collect(heard)
                outcomes.append(pickle.loads(data) if data else ("aborted",))  # noqa: S301 - our own child wrote it
                if outcomes[-1][0] == REFUSED:
                    break
        finally:
            self.close()
        for kind, *found in outcomes:
            if kind == REFUSED:
                raise InputError(found[0])
        for kind, *_ in outcomes:
            if kind != OK:
                raise ReaderFailed(kind)
        return [tuple(found) for _, *found in outcomes]


def parts_for(path: Path) -> int:
    """How many children read `path`: one per core (at most MOST_PARTS) for a file from SPLIT_FROM."""
    try:
        large = path.stat().st_size >= SPLIT_FROM
    except OSError:
        large = False
    return max(1, min(_cores(), MOST_PARTS)) if large else 1


def _cores() -> int:
    """The cores this process may run on (a container or an affinity mask may allow fewer than the
    machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _joined(parts: list[tuple[tuple[int, int] | None, list[list[object]]]]) -> list[list[object]] | None:
    """The values of the whole sheet by column from A1 (an empty cell ""), from each part's values and
    where they start (row, column; None: no values); None when a part starts above the end of the
    one before (its rows are not in order)."""
    width = max((start[1] + len(columns) for start, columns in parts if start is not None), default=0)
    joined: list[list[object]] = [[] for _ in range(width)]
    height = 0
    for start, columns in parts:
        if start is None:
            continue
        (row, column), rows = start, len(columns[0])
        if row < height:
            return None
        gap, blank = [""] * (row - height), [""] * rows
        for position, values in enumerate(joined):
            values += gap
            values += columns[position - column] if column <= position < column + len(columns) else blank
        height = row + rows
    return joined


class _Forked:
    """A child forked to read one part (Linux, a single-threaded parent)."""

    def __init__(self, path: Path, columns: int, part: int, parts: int):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: survey, read, write the outcome, and never return into the parent's code
            code = 1
            try:
                faulthandler.disable()  # an inherited one (pytest's) would dump this stack at an abort
                os.close(read_end)
                with os.fdopen(write_end, "wb") as out:
                    out.write(_work(str(path), columns, part, parts))
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    def collect(self, heard: Callable[[], None]) -> bytes:
        """The child's pickled outcome, `heard` called before each wait for more of it; empty when it died."""
        chunks = []
        while True:
            heard()
            if select.select([self._pipe], [], [], HEARD_EVERY_S)[0]:
                if not (chunk := os.read(self._pipe, 1 << 20)):
                    break
                chunks.append(chunk)
        os.close(self._pipe)
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        return b"".join(chunks) if os.waitstatus_to_exitcode(status) == 0 else b""

    def stop(self) -> None:
        if self._pid is not None:
            _kill(self._pid)
            os.close(self._pipe)
            os.waitpid(self._pid, 0)
            self._pid = None


class _Spawned:
    """A child started as a program to read one part (elsewhere)."""

    def __init__(self, path: Path, columns: int, part: int, parts: int):
        command = [sys.executable, CHILD_FLAG] if getattr(sys, "frozen", False) else [sys.executable, "-m", __name__]
        flags = subprocess.CREATE_NO_WINDOW if sys.platform == "win32" else 0
        self._process = subprocess.Popen([*command, str(path), str(columns), str(part), str(parts)],
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                         creationflags=flags)

    def collect(self, heard: Callable[[], None]) -> bytes:
        """The child's outcome, `heard` called before each wait for it (communicate, timed out, goes on
        where it was); empty when it failed."""
        while True:
            heard()
            try:
                data, _ = self._process.communicate(timeout=HEARD_EVERY_S)
            except subprocess.TimeoutExpired:
                continue
            return data if self._process.returncode == 0 else b""

    def stop(self) -> None:
        if self._process.returncode is None:
            self._process.kill()
            self._process.communicate()


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


def _work(path: str, columns: int, part: int = 0, parts: int = 1) -> bytes:
    """In the child: the survey of its part, then the part's values and where they start; the
    outcome pickled."""
    _limit_memory()
    try:
        surveyed, source = sheet_xml.survey(Path(path), columns, part, parts)
    except InputError as refused:
        return pickle.dumps((REFUSED, refused.message))
    if source is None:
        return pickle.dumps((OK, surveyed, None, []))
    try:
        import python_calamine

        # by its content: given a path, the reader would choose its format by the name (.xls: the old one);
        # closing a part's workbook in memory frees it, the reader holds its own copy
        with source.open("rb") if isinstance(source, Path) else source as stream:
            workbook = python_calamine.load_workbook(stream)
        sheet = workbook.get_sheet_by_index(surveyed.index)
        start, rows = sheet.start, _without_empty_tail(sheet.to_python())
        del workbook, sheet
        by_column = _columns(rows)
        del rows  # each repeated value's other copies go with it
        outcome = (OK, surveyed, start if by_column else None, by_column)
    except MemoryError:
        outcome = (NO_MEMORY,)
    except BaseException as error:  # noqa: BLE001 - a Rust panic is a BaseException too
        outcome = (PASSWORD if type(error).__name__ == "PasswordError" else DAMAGED,)
    return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)


def _without_empty_tail(rows: list[list[object]]) -> list[list[object]]:
    """The rows up to the last holding a value: the reader gives a formula's empty text ("") as a
    cell, and =IF(…;"";…) filled down to row 1,048,576 would be a million rows of nothing."""
    end = len(rows)
    while end and all(value == "" or value is None for value in rows[end - 1]):
        end -= 1
    del rows[end:]
    return rows


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
    outcome = _work(argv[0], *map(int, argv[1:4]))
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
