"""The suite's own settings: a test that takes its worker down fails the run at once, named, instead of
leaving the run to hang until CI's limit (pytest-xdist replacing a dead worker under `loadgroup`)."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

CRASHING = '''
import os
import signal

import pytest


@pytest.mark.xdist_group("gui")
def test_before():
    pass


@pytest.mark.xdist_group("gui")
def test_that_crashes():
    os.kill(os.getpid(), signal.SIGSEGV)


@pytest.mark.xdist_group("gui")
def test_after():
    pass


def test_elsewhere():
    pass
'''


def test_a_crashed_worker_ends_the_run_naming_its_test(tmp_path):
    (tmp_path / "test_crashing.py").write_text(CRASHING, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-c", str(PROJECT / "pyproject.toml"),
                          "--rootdir", str(tmp_path), "-p", "no:cacheprovider", "-n", "2", "test_crashing.py"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "crashed while running 'test_crashing.py::test_that_crashes'" in run.stdout
