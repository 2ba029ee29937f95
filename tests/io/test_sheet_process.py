"""The reader child fails apart from its parent: the parent reports how it failed, nothing more."""

import subprocess
import sys
import time

import pytest

from bvct_desktop.io import sheet_process
from tests import hostile_workbooks
from tests.children import child_processes
from tests.conftest import workbook


class Cancelled(Exception):
    """What a caller's `heard` raises to stop the reading."""

_PARENT = """
import sys
from pathlib import Path
from bvct_desktop.io import sheet_process, sheet_xml

sheet_xml._survey = lambda *args: set()  # as if a new trick got past the survey
try:
    sheet_process.Reading(Path(sys.argv[1]), 16).outcome()
except sheet_process.ReaderFailed as failed:
    print(failed.reason)
"""


def test_a_forked_child_that_aborts_dumps_no_traceback_on_its_parents_stderr(tmp_path):
    """A parent with Python's fault handler on (pytest's, `python -X faulthandler`): the child it
    forks does not inherit it, so the child's abort prints no "Fatal Python error" and no stack."""
    path = hostile_workbooks.far_cell(tmp_path / "doc.xlsx", dimension=None)
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", _PARENT, str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout == "aborted\n", done.stderr
    assert "Fatal Python error" not in done.stderr and "Current thread" not in done.stderr, done.stderr


@pytest.mark.parametrize("fork", [True, False])
def test_a_reading_stopped_while_its_children_read_ends_them_all(tmp_path, monkeypatch, fork):
    """«Hủy» while the children read a large file (seconds): `heard`, called while the parent waits, raises;
    that stops the reading within HEARD_EVERY_S and ends every child, none left running or unreaped."""
    path = workbook(tmp_path / "lon.xlsx", ["Họ và tên"], [["Lê Văn Một"]])
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: fork)
    if fork:  # a child that never ends: the forked one has the patched work
        monkeypatch.setattr(sheet_process, "_work", lambda *args: time.sleep(600) or b"")
    else:  # the program started as the reader child is one that never ends
        sleeper = tmp_path / "doc-mai"
        sleeper.write_text("#!/bin/sh\nexec sleep 600\n")
        sleeper.chmod(0o755)
        monkeypatch.setattr(sys, "frozen", True, raising=False)
        monkeypatch.setattr(sys, "executable", str(sleeper))
    before = child_processes()
    reading = sheet_process.Reading(path, 16, parts=2)
    started = child_processes() - before
    heard: list[float] = []

    def cancel_at_the_third_call() -> None:
        heard.append(time.monotonic())
        if len(heard) == 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        reading.outcome(cancel_at_the_third_call)
    assert len(started) == 2 and child_processes() & started == set()
    assert heard[2] - heard[0] < 5 * sheet_process.HEARD_EVERY_S
