"""Several officers on one server database at once: five clients importing and editing for a bounded
time lose no update, make no duplicate person and leave an intact audit chain; a client killed with
kill -9 in the middle of an import leaves all of it or none (issue 16, "Tests and CI")."""

import json
import os
import random
import sys
import time

import pytest
from sqlalchemy import func, select, text

from bvct_desktop.core import editing, importing, vault
from bvct_desktop.core.kinds import CADRES
from bvct_desktop.core.schema import cadres, persons
from tests.conftest import ADMIN, PASSWORD
from tests.faults.test_kill import BATCH, BATCHES, HEADERS, _run_child, batch
from tests.rows_sheet import rows_sheet

CLIENTS = 5
SECONDS = 4.0
RUNS = 25
SHARED = rows_sheet([HEADERS, *[[f"Trần Văn Chung {chr(65 + i)}", f"0{i % 9 + 1}/02/1960", "Xã Dùng Chung",
                                 "Chuyên viên"] for i in range(20)]], "dot.xlsx")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")


def _client(address, number: int, shared_cadre: int, report: int) -> None:
    """One officer for SECONDS: imports the shared list and a list of their own, and adds their
    mark to the shared cadre's note through the form's rule (reload when refused, save again)."""
    db = vault.unlock(address, ADMIN, PASSWORD, busy_timeout_ms=60_000)
    imported, marks, refused, batch_number = 0, 0, 0, number * 1000
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        assert importing.import_sheet(db, CADRES, SHARED).ok
        assert importing.import_sheet(db, CADRES, batch(batch_number, 1)).ok
        imported, batch_number = imported + 1, batch_number + 1
        while True:
            stored = editing.load(db, "cadres", shared_cadre)
            try:
                editing.save(db, "cadres", {**stored, "note": f"{stored['note'] or ''} k{number}"}, shared_cadre,
                             stored["person_id"], stored[editing.VERSION])
                marks += 1
                break
            except editing.ChangedMeanwhile:
                refused += 1
    db.close()
    os.write(report, json.dumps({"imported": imported, "marks": marks, "refused": refused}).encode())


def _start(address, number: int, shared_cadre: int) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        code = 1
        try:
            os.close(read)
            _client(address, number, shared_cadre, write)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def test_five_clients_editing_and_importing_lose_nothing_and_duplicate_nothing(cli):
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    assert importing.import_sheet(db, CADRES, SHARED).ok
    with db.read() as connection:
        shared_cadre = connection.execute(select(func.min(cadres.c.id))).scalar()
    children = [_start(cli.db, number, shared_cadre) for number in range(1, CLIENTS + 1)]
    results = []
    for pid, read in children:
        _, status = os.waitpid(pid, 0)
        results.append(json.loads(os.read(read, 1000) or b"{}"))
        os.close(read)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, results
    try:
        with db.read() as connection:
            people = connection.execute(select(func.count()).select_from(persons)).scalar()
            identities = select(persons.c.name_key, persons.c.birth_date, persons.c.home_town_key).distinct()
            distinct = connection.execute(select(func.count()).select_from(identities.subquery())).scalar()
            cadre_count = connection.execute(select(func.count()).select_from(cadres)).scalar()
            note = connection.execute(select(cadres.c.note).where(cadres.c.id == shared_cadre)).scalar()
        assert db.verify_audit_chain().ok, db.verify_audit_chain().problem
    finally:
        db.close()
    imported = sum(result["imported"] for result in results)
    assert imported >= CLIENTS  # every client got work done
    assert people == distinct == cadre_count == len(SHARED.rows) - 1 + imported * BATCH
    marks = note.split()
    assert sorted(marks) == sorted(f"k{number}" for number, result in enumerate(results, start=1)
                                   for _ in range(result["marks"]))  # every save is in the note: none lost


def test_kill_9_of_a_client_mid_import_leaves_all_of_it_or_none(cli):
    chooser = random.Random(20261130)
    complete = 0
    for run in range(RUNS):
        _run_child(cli.db, run + 1, chooser.uniform(0.2, 0.8))
        db = vault.unlock(cli.db, ADMIN, PASSWORD)
        try:
            assert db.verify_audit_chain().ok, f"run {run}: {db.verify_audit_chain().problem}"
            with db.read() as connection:
                batches = connection.execute(BATCHES).all()
                waiting = connection.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                                  "current_database() AND state = 'idle in transaction'")).scalar()
        finally:
            db.close()
        assert all(row.rows == BATCH and row.versions == 1 for row in batches), f"run {run}: {batches}"
        assert waiting == 0
        complete = len(batches)
    assert complete >= RUNS // 5  # imports did land between the kills, so the kills met real work


def test_the_drivers_own_warnings_go_to_the_log_file_not_under_the_message(capsys):
    """A server lost mid-import: psycopg warns «error ignored terminating <psycopg.Pipeline [BAD]>…»
    through its logger; the officer sees only the program's Vietnamese message."""
    import logging

    from bvct_desktop import paths
    from bvct_desktop.core.server import engine  # noqa: F401  (sets where the driver's warnings go)

    logging.getLogger("psycopg").warning("error ignored terminating %r: %s", "<psycopg.Pipeline [BAD]>",
                                         "the connection is lost")
    assert capsys.readouterr().err == ""
    assert "error ignored terminating" in paths.log_file().read_text(encoding="utf-8")
