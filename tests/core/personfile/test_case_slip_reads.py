"""A case's first or latest slip is found among that case's slips, not by a walk over every live slip."""

import pytest

from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import slips
from tests.core.personfile.test_replied import add_cases
from tests.sqlite_steps import work


def test_a_cases_first_and_latest_slip_cost_the_same_however_many_slips_are_stored(db):
    """Ten times the slips stored, the same work (SQLite once walked the live slips in date order until one of
    the case came: the table's size for each case)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    [case] = add_cases(db, 1)

    def first_and_latest(connection):
        for order in (slips.c.issued_on, slips.c.issued_on.desc()):
            assert cases._slip_issued(connection, case, order) is not None

    add_cases(db, 2000)
    few = work(db, first_and_latest)
    add_cases(db, 20000)
    many = work(db, first_and_latest)
    assert few[0] == many[0] == 2
    assert many[1] <= few[1] + 1
