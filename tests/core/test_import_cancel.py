"""«Hủy» (the desktop's Cancel) is heard all through a large import: `progress` is called at every step of it,
inside its long loops and its long statements too, never a second apart, and stopping it anywhere writes nothing."""

import contextlib
import datetime as dt
import itertools
import threading
import time

import pytest

from bvct_desktop.core import importing, vault
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.plans.base import CREATED
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

ROWS = 20_000
SLIP_HEADERS = [SLIPS.field(key).header for key in ("number", "issued_on", "full_name", "birth_date", "gender",
                                                    "home_town", "father_name", "relation", "vetted_name",
                                                    "purpose", "recipient", "result")]


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


class Stopped(Exception):
    """What the desktop's «Hủy» raises from `progress`."""


def _slip(index: int) -> list:
    """A slip about one of ROWS * 3 / 4 persons, a third of them for a cadre of another name (vetting cases opened)."""
    person = index % (ROWS * 3 // 4)
    issued = dt.date(2025, 1, 1) + dt.timedelta(days=index % 300)
    own = index % 3 != 0
    return [f"{index + 1}/PXM", issued.strftime("%d/%m/%Y"), f"Nguyễn Thị Phương Thảo {person:05d}",
            f"{person % 28 + 1:02d}/{person % 12 + 1:02d}/{1950 + person % 50}", "Nữ",
            f"Xã Hàm Thuận Bắc {person % 40}, tỉnh Bình Thuận", f"Nguyễn Văn Cha {person:05d}",
            "Bản thân" if own else "Con", None if own else f"Trần Văn Cán Bộ {index % 97:03d}", "Bổ nhiệm",
            "Phòng PV27 – Công an tỉnh", "Không có gì nghi vấn"]


@pytest.fixture(scope="module")
def slips_sheet_rows() -> list[list]:
    return [SLIP_HEADERS, *(_slip(index) for index in range(ROWS))]


def _stored(db) -> list[int]:
    with db.read() as connection:
        return [connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                for table in ("persons", "slips", "vetting_cases", "audit_log")]


def test_the_longest_wait_for_progress_is_a_small_share_of_a_large_import(db, slips_sheet_rows):
    """No step of a 20,000-slip import runs long without calling `progress`: the plan's finishing loops, the
    writes laid out, each table's rows inserted, the audit entries appended, the indexes made again. Counted
    in the import thread's own processor time, as a share of the whole, so that neither a slow machine nor
    a busy one changes the figure: an eighth before (0.17 s of 1.4 s), a thirty-fourth after. (The office
    server's listener calls it on a thread of its own too, whose processor time is another clock.)"""
    calls, importing_thread = [], threading.current_thread()

    def progress(done: int, total: int, stage: str | None = None) -> None:
        if threading.current_thread() is importing_thread:
            calls.append(time.thread_time())

    started = time.thread_time()
    result = importing.import_sheet(db, SLIPS, rows_sheet(slips_sheet_rows), progress=progress)
    took = time.thread_time() - started
    assert result.ok and result.counts[CREATED] == ROWS, result.problems[:3]
    longest = max(later - earlier for earlier, later in itertools.pairwise(calls))
    assert longest < took / 15, f"{longest:.2f} s without progress in an import of {took:.1f} s"


def _writing_steps(db, sheet_rows: list[list]) -> int:
    """How many times an import of `sheet_rows` tells WRITING, its transaction rolled back at the end."""
    told = []

    @contextlib.contextmanager
    def undone():
        with db.write() as connection:
            yield connection
            raise Stopped

    with pytest.raises(Stopped):
        importing.import_sheet(db, SLIPS, rows_sheet(sheet_rows), progress=lambda *said: told.append(said[2:]),
                               write=undone)
    return told.count((importing.WRITING,))


@pytest.mark.parametrize("share", [0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99])
def test_an_import_stopped_anywhere_in_its_writing_writes_nothing(db, slips_sheet_rows, share):
    """«Hủy» heard inside a long statement (a table's rows inserted, an index made again, the audit entries
    appended) stops it there, the statement interrupted raising `progress`'s own error, and the whole import
    rolls back: no person, slip, vetting case nor audit entry of it is left."""
    sheet_rows = slips_sheet_rows[:3_001]
    before = _stored(db)
    steps = _writing_steps(db, sheet_rows)
    assert _stored(db) == before
    told = []

    def progress(done: int, total: int, stage: str | None = None) -> None:
        told.append(stage)
        if told.count(importing.WRITING) > share * steps:
            raise Stopped

    with pytest.raises(Stopped):
        importing.import_sheet(db, SLIPS, rows_sheet(sheet_rows), progress=progress)
    assert _stored(db) == before
