"""Document numbers: continuous per type within a term, taken only by a committed issue."""

import datetime as dt

import pytest
from sqlalchemy import create_engine

from bvct_desktop.core import migrations, numbering
from bvct_desktop.core.errors import InputError

TERM, NEXT_TERM = dt.date(2025, 10, 1), dt.date(2030, 10, 1)
NOW = dt.datetime(2026, 1, 5, 8, 0)


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection)
    return engine


def reserve(connection, term=TERM, on=dt.date(2026, 1, 5), doc_type=numbering.REPORT):
    return numbering.reserve(connection, doc_type, term, on, "kết quả công tác", "quantri", NOW)


def test_numbers_run_on_within_a_type_and_a_term(engine):
    with engine.begin() as connection:
        assert [reserve(connection) for _ in range(3)] == [1, 2, 3]
        assert reserve(connection, doc_type="TTr") == 1
        assert reserve(connection, term=NEXT_TERM, on=dt.date(2030, 11, 1)) == 1
        assert [number for number, _, _ in numbering.issued(connection, numbering.REPORT, TERM)] == [1, 2, 3]


def test_a_rolled_back_issue_gives_its_number_back_and_a_committed_one_never(engine):
    with engine.begin() as connection:
        assert reserve(connection) == 1
    with pytest.raises(RuntimeError), engine.begin() as connection:
        assert reserve(connection) == 2
        raise RuntimeError("the document could not be written")
    with engine.begin() as connection:
        assert reserve(connection) == 2


def test_an_issue_before_the_term_began_is_refused(engine):
    with pytest.raises(InputError, match="trước ngày bắt đầu nhiệm kỳ"), engine.begin() as connection:
        reserve(connection, on=dt.date(2025, 9, 30))
