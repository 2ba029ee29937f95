"""kill -9 at random moments during imports and edits, 100 times: the database always opens,
passes the full integrity check and the audit-chain check, and holds all of an import or none.

The child is forked from the test (it inherits the cheap key slots and the imported modules,
so a run costs milliseconds, not an interpreter start), unlocks the database, then imports
batches of cadres and re-imports the previous batch with a changed position (an update of
every row) until the parent kills it with SIGKILL from outside.
"""

import datetime as dt
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from bvct_desktop.core import importing, vault
from bvct_desktop.core.kinds import CADRES
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import RowsSheet, rows_sheet

RUNS = 100
BATCH = 40
HEADERS = ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ"]
BATCHES = text("SELECT p.home_town, count(*) AS rows, count(DISTINCT c.position) AS versions "
               "FROM cadres c JOIN persons p ON p.id = c.person_id GROUP BY p.home_town")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")


def batch(number: int, version: int) -> RowsSheet:
    first = dt.date(1950, 1, 1) + dt.timedelta(days=number % 400 * BATCH)
    rows = [[f"Nguyễn Văn Thử {chr(65 + i % 26)}", (first + dt.timedelta(days=i)).strftime("%d/%m/%Y"),
             f"Xã Thử Nghiệm {number}", f"Chuyên viên bậc {version}"] for i in range(BATCH)]
    return rows_sheet([HEADERS, *rows], "dot.xlsx")


def _work(path: Path, ready: int, seed: int) -> None:
    """The child: import and edit until killed."""
    db = vault.unlock(path, ADMIN, PASSWORD)
    os.write(ready, b"1")
    number = seed * 1000
    while True:
        assert importing.import_sheet(db, CADRES, batch(number, 1)).ok
        assert importing.import_sheet(db, CADRES, batch(number, 2)).ok
        number += 1


def _run_child(path: Path, seed: int, delay: float) -> None:
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        try:
            os.close(ready_read)
            _work(path, ready_write, seed)
        finally:
            os._exit(1)
    os.close(ready_write)
    try:
        assert os.read(ready_read, 1) == b"1", "the child died before it unlocked"
    finally:
        os.close(ready_read)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def test_kill_9_at_random_moments_never_damages_or_half_imports(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    chooser = random.Random(20261126)
    complete = 0
    for run in range(RUNS):
        _run_child(path, run + 1, chooser.uniform(0.0, 0.25))
        db = vault.unlock(path, ADMIN, PASSWORD)
        try:
            assert db.check_integrity() == [], f"run {run}"
            assert db.verify_audit_chain().ok, f"run {run}: {db.verify_audit_chain().problem}"
            with db.read() as connection:
                batches = connection.execute(BATCHES).all()
        finally:
            db.close()
        assert all(row.rows == BATCH and row.versions == 1 for row in batches), f"run {run}: {batches}"
        complete = len(batches)
    assert complete >= RUNS // 5  # imports did land between the kills, so the kills met real work
