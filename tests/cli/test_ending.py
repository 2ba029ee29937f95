"""A `bvct` process ends as soon as its command is done — its output out, its database closed —
without tearing down every object it holds (a large import's teardown alone took 0.3–0.6 s)."""

import subprocess
import sys

import pytest
from sqlalchemy import func, select

from bvct_desktop.core import vault
from bvct_desktop.core.schema import cadres
from tests.conftest import ADMIN, CADRE_ROWS, PASSWORD

TORN_DOWN = "đã dọn"  # printed by a handler of the interpreter's end, which a process left at once never runs


def _bvct(*argv: str, cwd) -> subprocess.CompletedProcess:
    code = f"import atexit; atexit.register(print, {TORN_DOWN!r}); from bvct_desktop.cli.main import run; run()"
    return subprocess.run([sys.executable, "-c", code, *map(str, argv)], capture_output=True, text=True, cwd=cwd)


@pytest.mark.file_only("the file's write-ahead log tells its database was closed")
def test_an_import_ends_with_its_summary_printed_and_its_database_closed(cli, cadres_file, tmp_path):
    done = _bvct("import", "cadres", cadres_file, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{len(CADRE_ROWS)} dòng" in done.stdout.splitlines()[0]
    assert TORN_DOWN not in done.stdout
    assert not cli.db.with_name(f"{cli.db.name}-wal").exists()
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        assert connection.execute(select(func.count()).select_from(cadres)).scalar() == len(CADRE_ROWS)
    db.close()


def test_a_refused_command_ends_with_its_exit_status_and_its_message(tmp_path):
    done = _bvct("--db", tmp_path / "chua-co.db", "--user", ADMIN, "import", "cadres", tmp_path / "khong-co.xlsx",
                 cwd=tmp_path)
    assert done.returncode == 2
    assert "khong-co.xlsx" in done.stderr
    assert TORN_DOWN not in done.stdout


def test_output_that_cannot_be_flushed_ends_quietly_with_its_exit_status(tmp_path):
    """`bvct … | head`: the reader gone when the last output is flushed (BrokenPipeError), or a closed stream."""
    code = ("import io, sys\n"
            "class ReaderGone(io.StringIO):\n"
            "    def flush(self): raise BrokenPipeError(32, 'Broken pipe')\n"
            "sys.stdout = ReaderGone()\n"
            "closed = io.StringIO(); closed.close(); sys.stderr = closed\n"
            "from bvct_desktop.cli.main import leave; leave(2)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "")


def test_a_process_without_output_streams_ends_with_its_exit_status(tmp_path):
    code = "import sys; sys.stdout = sys.stderr = None; from bvct_desktop.cli.main import leave; leave(3)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (3, "")
