"""What the GUI tests share: the program's clock held still, a new database on it, and no worker's thread
running on from one test into the next."""

import gc

import pytest

from bvct_desktop.core import collector
from bvct_desktop.gui import workers
from tests.gui.shell_support import FakeClock, new_database

WORKER_END_MS = 60_000  # the longest a test's teardown waits for a worker it left running


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def db(tmp_path, clock):
    opened = new_database(tmp_path, clock)
    yield opened
    _workers_end()  # before the database closes under them
    opened.close()


@pytest.fixture(autouse=True)
def workers_ended():
    """A job a test left on its worker (a page's read it did not wait for) ends within the test, not while the
    next one builds its windows; what it tells its window is delivered as before, at the next events. As in the
    desktop (gui/collector.py), no cycle is collected on a worker's thread — it could hold a window —: what is
    due is collected on this thread once the workers ended."""
    gc.disable()
    yield
    _workers_end()
    collector.collect_due()
    gc.enable()


def _workers_end() -> None:
    for task in list(workers._RUNNING):
        assert task.worker.wait(WORKER_END_MS), "a worker was still running a minute after its test"
