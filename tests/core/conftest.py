"""The database the core tests read unless a module makes its own."""

import pytest

from tests.sample_db import sample_database
from tests.samples import SAMPLES


@pytest.fixture
def db(cli, tmp_path, request):
    """The sample registers the module names in SAMPLE_KINDS (every one where it names none), opened by the
    administrator."""
    database = sample_database(cli, tmp_path, getattr(request.module, "SAMPLE_KINDS", tuple(SAMPLES)))
    yield database
    database.close()
