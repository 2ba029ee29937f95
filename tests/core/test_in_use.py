"""Whether a desktop window has a database open, read from its lock file as Qt's QLockFile writes it
(the holder's process id, program, host, …; held by a real window: tests/cli/test_backup.py)."""

import os
import subprocess
import sys

from bvct_desktop.core import in_use


def _lock_of(pid: int) -> str:
    return f"{pid}\nbvct-desktop\nmay-van-phong\n3d1219c7c4c5404aaa1f6d2a48adfda4\n"


def test_a_running_program_s_lock_holds_the_database(tmp_path):
    db = tmp_path / "bvct.db"
    with subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE) as other:
        in_use.lock_path(db).write_text(_lock_of(other.pid))
        assert in_use.held_elsewhere(db)
        other.stdin.close()
    assert not in_use.held_elsewhere(db)  # it ended without removing its lock file


def test_this_program_s_own_window_and_a_missing_or_unreadable_lock_hold_nothing(tmp_path):
    db = tmp_path / "bvct.db"
    assert not in_use.held_elsewhere(db)
    in_use.lock_path(db).write_text(_lock_of(os.getpid()))
    assert not in_use.held_elsewhere(db)  # its own restore, from the window that holds it
    in_use.lock_path(db).write_bytes(b"\xff\xfe\x00")
    assert not in_use.held_elsewhere(db)
