"""Document numbers: continuous per type within a term, taken (committed) before the document is
written, then issued or spoiled — never given back."""

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
    return numbering.reserve(connection, doc_type, term, on, "kết quả công tác", "quantri", NOW).number


def test_numbers_run_on_within_a_type_and_a_term(engine):
    with engine.begin() as connection:
        assert [reserve(connection) for _ in range(3)] == [1, 2, 3]
        assert reserve(connection, doc_type="TTr") == 1
        assert reserve(connection, term=NEXT_TERM, on=dt.date(2030, 11, 1)) == 1
        assert [number for number, *_ in numbering.issued(connection, numbering.REPORT, TERM)] == [1, 2, 3]


def test_a_number_is_taken_in_its_callers_transaction(engine):
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


@pytest.fixture
def db(tmp_path):
    from bvct_desktop.core import vault

    vault.create(tmp_path / "bvct.db", "quantri", "Hoa-sen-no-2025")
    opened = vault.unlock(tmp_path / "bvct.db", "quantri", "Hoa-sen-no-2025")
    yield opened
    opened.close()


def _statuses(db) -> list[tuple[int, str]]:
    with db.read() as connection:
        return [(number, status) for number, _, _, status in numbering.issued(connection, numbering.REPORT, TERM)]


def test_a_document_that_fails_to_be_written_spoils_its_number_and_the_next_goes_on(db):
    with numbering.issuing(db, numbering.REPORT, TERM, dt.date(2026, 1, 5), "quý I", "BTCTU") as first:
        with db.write() as connection:
            numbering.confirm(connection, first)
    with pytest.raises(OSError), numbering.issuing(db, numbering.REPORT, TERM, dt.date(2026, 1, 6), "quý II",
                                                   "BTCTU") as second:
        assert second.number == 2
        raise OSError("the disk filled up while writing")
    with numbering.issuing(db, numbering.REPORT, TERM, dt.date(2026, 1, 7), "quý III", "BTCTU") as third:
        assert _statuses(db)[-1] == (3, numbering.RESERVED)  # taken, committed, before anything is written
    assert third.number == 3 and third.text("BTCTU") == "03-BC/BTCTU"
    assert _statuses(db) == [(1, numbering.ISSUED), (2, numbering.SPOILED), (3, numbering.RESERVED)]
    assert numbering.STATUS_LABELS[numbering.SPOILED] == "hỏng"
