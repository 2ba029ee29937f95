"""What the case planner reads of a chunk of cases costs: the slips of those cases, not every live slip."""

import datetime as dt

import pytest

from bvct_desktop.core.plans.cases import CasePlanner
from tests.core.personfile.test_replied import add_cases
from tests.sample_db import sample_database
from tests.sqlite_steps import work


@pytest.fixture
def db(cli, tmp_path):
    database = sample_database(cli, tmp_path, kinds=("slips",))
    yield database
    database.close()


def test_the_slip_dates_of_a_chunk_of_cases_are_found_by_case_not_by_a_pass_over_every_live_slip(db):
    """An import reads the slips' dates chunk by chunk: ten times the slips stored, the same work for the same
    200 cases (SQLite once walked every live slip for each chunk: chunks times the table)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    chunk = add_cases(db, 200)

    def dates(connection):
        CasePlanner(connection, dt.datetime(2026, 3, 1))._slip_dates(chunk, set(), {})

    few = work(db, dates)
    add_cases(db, 9800)
    many = work(db, dates)
    assert few[0] == many[0]
    assert many[1] <= few[1] + 1
