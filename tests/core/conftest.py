"""The database the core tests read unless a module makes its own."""

import pytest

from tests.sample_db import sample_database


@pytest.fixture
def db(cli, tmp_path):
    """Every sample register (tests/samples.py), opened by the administrator."""
    database = sample_database(cli, tmp_path)
    yield database
    database.close()
