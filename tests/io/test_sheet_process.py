"""The reader child fails apart from its parent: the parent reports how it failed, nothing more."""

import subprocess
import sys

from tests import hostile_workbooks

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
