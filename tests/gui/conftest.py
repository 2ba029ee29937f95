"""What the GUI tests share: the program's clock held still, and a new database on it."""

import pytest

from tests.gui.shell_support import FakeClock, new_database


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def db(tmp_path, clock):
    opened = new_database(tmp_path, clock)
    yield opened
    opened.close()
