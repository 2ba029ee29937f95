"""SQL that reads the same on both engines (core/sql.py), checked against the Python it stands for."""

import datetime as dt

from sqlalchemy import literal, select

from bvct_desktop.core import sql
from bvct_desktop.core.text import identity_key
from bvct_desktop.core.typed import count_in

SAMPLE_KINDS = ()  # what the `db` fixture holds

WRITTEN = ("12/PXM", "0099/PXM", "007", "PXM-5", "PXM", "", "12a/PXM", "2024/15/QĐ", "2024-15", "2026.15",
           "2026 / 0099/PXM", "2024/PXM", "2024/PXM-26", "1999/2026", "2026/20261", "12/2026", "20245/1", "2024/",
           "1899/15", "2100/15", "Số 15/QĐ-BTC", "V/v 3", "99999999999/PXM")


def test_a_numbers_count_in_sql_is_the_count_the_next_number_is_written_from(db):
    """The registers sort slips by the count typed.count_in reads in a number, «2024/15/QĐ» by its 15."""
    keys = [identity_key(written) for written in WRITTEN]
    with db.read() as connection:
        counts = connection.execute(select(*(sql.number_count(literal(key)) for key in keys))).one()
        figures = connection.execute(select(*(sql.has_figure(literal(key)) for key in keys))).one()
    assert [None if count is None else int(count) for count in counts] == \
        [None if (match := count_in(key)) is None else int(match[0]) for key in keys]
    assert list(figures) == [count is not None for count in counts]


def test_a_days_number_counts_back_before_1900(db):
    """A relative born on 01/03/1895 is 1,767 days before Monday 01/01/1900, on either engine."""
    days = (dt.date(1895, 3, 1), dt.date(1899, 12, 31), dt.date(1900, 1, 1), dt.date(2026, 12, 7))
    with db.read() as connection:
        numbers = connection.execute(select(*(sql.day_number(literal(day)) for day in days))).one()
    assert list(numbers) == [(day - dt.date(1900, 1, 1)).days for day in days] == [-1767, -1, 0, 46361]
