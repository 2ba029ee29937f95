"""Our letters' numbers written by hand on archive requests: what a CV number taken passes over."""

import datetime as dt

import pytest
from sqlalchemy import create_engine, event

from bvct_desktop.core import archive_letters, migrations, numbering
from bvct_desktop.core.kinds import ARCHIVE_FOR_OTHERS, ARCHIVE_FROM_OTHERS
from bvct_desktop.core.schema import archive_requests, persons

TERM, ON = dt.date(2025, 10, 1), dt.date(2026, 11, 10)
NOW = dt.datetime(2026, 11, 10, 8, 0)
STAMPS = {"created_at": NOW, "updated_at": NOW}


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection)
        connection.execute(persons.insert().values(id=1, full_name="Đinh Văn Sơn", name_key="đinh văn sơn",
                                                   home_town_key="", search_key="", sort_key="", **STAMPS))
    return engine


def requests(connection, *numbered: tuple[str, str | None, str | None]) -> None:
    """Requests of Bình Định, each (kind, its Số văn bản, its Số văn bản trả lời)."""
    connection.execute(archive_requests.insert(), [
        {"request_kind": kind, "province": "Bình Định", "doc_no": doc_no, "reply_no": reply_no, "doc_on": ON,
         "person_id": 1, **STAMPS} for kind, doc_no, reply_no in numbered])


def test_numbers_of_ours_typed_with_or_without_accents_are_ours_and_a_provinces_own_are_theirs(engine):
    with engine.begin() as connection:
        requests(connection, (ARCHIVE_FROM_OTHERS, "01-CV/BTCTU", None), (ARCHIVE_FOR_OTHERS, "07-CV/BTCTU", None),
                 (ARCHIVE_FOR_OTHERS, "115-CV/TU", "02-CV/BTCTƯ"))
        ours = archive_letters.written_ours(connection)
    assert "01-CV/BTCTU" in ours and "02-CV/BTCTU" in ours and "02-cv/btctư" in ours
    assert "07-CV/BTCTU" not in ours and "115-CV/TU" not in ours and "03-CV/BTCTU" not in ours


def test_a_letter_numbered_passes_over_every_number_written_by_hand_reading_the_requests_once(engine):
    """Numbers 01 to 03 written as ours on paper: the letter takes 04, the requests read once for all three, not
    once for each number passed over (a term's hundreds of requests)."""
    with engine.begin() as connection:
        requests(connection, *((ARCHIVE_FROM_OTHERS, f"0{number}-CV/BTCTU", None) for number in (1, 2, 3)))
    reads = []
    with engine.connect() as connection:
        event.listen(engine, "before_cursor_execute",
                     lambda *args: reads.append(args[2]) if "FROM archive_requests" in args[2] else None)
        ours = archive_letters.written_ours(connection)
        taken = numbering.reserve(connection, numbering.LETTER, TERM, ON, "V/v đề nghị nghiên cứu tàng thư", "quantri",
                                  NOW, lambda number: numbering.number_text(number, numbering.LETTER, "BTCTU") in ours)
    assert taken.number == 4
    assert len(reads) == 1
