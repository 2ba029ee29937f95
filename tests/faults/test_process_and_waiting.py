"""The smaller points of issue 10: readers wait for a long import instead of failing "busy", a
backup whose audit entry cannot be written is not left noted as the newest, and no core dump of
the program can hold the raw database key."""

import ctypes
import os
import signal
import subprocess
import sys
import time

import pytest

from bvct_desktop import startup
from bvct_desktop.core import backup, backup_log, engine, vault
from bvct_desktop.core.errors import BusyError
from tests import conftest
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.real_process import COMMAND, environment

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, prctl and /proc")


def _hold_the_write_lock(db_path, seconds: float) -> int:
    """A child process that holds a write transaction, as a long import does; returns its pid."""
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        try:
            db = vault.unlock(db_path, ADMIN, PASSWORD)
            with db.write():
                os.write(ready_write, b"1")
                time.sleep(seconds)
        finally:
            os._exit(0)
    assert os.read(ready_read, 1) == b"1"
    return pid


@linux_only
@pytest.mark.parametrize("command", [("users", "list"), ("export", "cadres", "--out", "{tmp}/ra.xlsx"),
                                     ("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json",
                                      "--out", "-")])
def test_a_reader_waits_for_a_long_import_instead_of_failing_busy(cli, tmp_path, monkeypatch, command):
    cli("import", "cadres", workbook(tmp_path / "cb.xlsx", ["Họ và tên", "Ngày sinh"], [["Lê Văn Ba", "1970"]]))
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)  # what a write waits elsewhere (the GUI's saves)
    pid = _hold_the_write_lock(cli.db, 2.0)
    started = time.monotonic()
    code, _, err = cli(*[part.format(tmp=tmp_path) for part in command])
    waited = time.monotonic() - started
    os.waitpid(pid, 0)
    assert code == 0, err
    assert waited >= 1.0  # it waited for the import's transaction to end


def test_a_backup_whose_audit_entry_fails_is_not_kept_as_the_newest(cli, tmp_path, monkeypatch):
    assert cli("backup", "--out", tmp_path / "cu.bvctbak")[0] == 0
    real = backup._audit_quietly

    def busy(db, action, outcome, details):
        if outcome == "ok":
            raise BusyError("Cơ sở dữ liệu đang bị một chương trình khác giữ quá lâu; hãy thử lại sau.")
        return real(db, action, outcome, details)

    with monkeypatch.context() as patched:
        patched.setattr(backup, "_audit_quietly", busy)
        code, _, err = cli("backup", "--out", tmp_path / "moi.bvctbak")
    assert code == 1 and "giữ quá lâu" in err and "đã được xóa" in err
    assert not (tmp_path / "moi.bvctbak").exists()
    if not conftest.ON_SERVER:  # the key file notes the newest verified backup
        assert backup_log.newest_verified(cli.db).path.name == "cu.bvctbak"


@linux_only
def test_the_process_cannot_dump_core_nor_be_dumped():
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - reports and exits
        startup.harden_process()
        import resource

        dumpable = ctypes.CDLL(None).prctl(startup.PR_GET_DUMPABLE, 0, 0, 0, 0)
        os.write(write_end, f"{resource.getrlimit(resource.RLIMIT_CORE)} {dumpable}".encode())
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read_end, 100).decode() == "(0, 0) 0"


def _waiting_on(pid: int) -> str:
    with open(f"/proc/{pid}/wchan", encoding="ascii") as handle:
        return handle.read()


@linux_only
def test_a_running_bvct_has_no_core_limit_before_it_reads_a_password(cli, tmp_path):
    """A real `bvct` waiting for its password (from a pipe nobody has written yet)."""
    fifo = tmp_path / "mat-khau"
    os.mkfifo(fifo)
    env = environment(tmp_path, cli.db)
    env.pop("BVCT_PASSWORD")
    child = subprocess.Popen([*COMMAND, "--password-file", str(fifo), "users", "list"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while _waiting_on(child.pid) != "wait_for_partner" and time.monotonic() < deadline:  # opening the pipe
            time.sleep(0.05)
        limits = open(f"/proc/{child.pid}/limits", encoding="ascii").read()
        assert "Max core file size        0                    0" in limits, limits
        with open(fifo, "w", encoding="utf-8") as sink:  # lets it go on
            sink.write(PASSWORD + "\n")
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait()
