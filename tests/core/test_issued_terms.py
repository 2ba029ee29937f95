"""The outgoing register term by term: after a congress the numbers begin again at 01, and each document
shows the term it was dated in, so two documents numbered 01-CV/BTCTU are told apart."""

import datetime as dt
import json

import pytest

from bvct_desktop.core import audit, issued_terms, numbering, outgoing, settings, vault
from tests.clocks import FakeClock
from tests.conftest import ADMIN, PASSWORD

CONGRESS_2030 = dt.date(2030, 10, 10)


@pytest.fixture
def office(cli):
    clock = FakeClock(dt.datetime(2026, 3, 2, 8, 0))
    opened = vault.unlock(cli.db, ADMIN, PASSWORD, clock=clock)
    opened.clock_set = clock
    yield opened
    opened.close()


def letter(db, on: dt.date) -> outgoing.Issued:
    db.clock_set.now = dt.datetime.combine(on, dt.time(8))
    with db.read() as connection:
        office = settings.read_all(connection, on)
    document = outgoing.Document(numbering.LETTER, outgoing.REMINDER, f"công văn ngày {on:%d/%m/%Y}", office,
                                 ["Cục A93B – Bộ Công an"], on, lambda number: {"so": number}, {})
    return outgoing.issue(db, document, lambda _content: None)


@pytest.fixture
def two_terms(office):
    """01-CV and 02-CV in the term 2025–2030, a congress on 10/10/2030, then 01-CV of the new term."""
    letter(office, dt.date(2026, 3, 2))
    letter(office, dt.date(2027, 1, 8))
    settings.set_setting(office, "nhiem_ky_bat_dau", CONGRESS_2030.isoformat(), CONGRESS_2030)
    letter(office, dt.date(2030, 10, 12))
    return office


def test_each_document_shows_the_term_it_was_dated_in(two_terms):
    found = issued_terms.listing(two_terms)
    shown = [(entry.number_text, found.term_of(entry).label) for entry in found.entries]
    assert shown == [("01-CV/BTCTU", "2025–2030"), ("02-CV/BTCTU", "2025–2030"), ("01-CV/BTCTU", "từ 10/10/2030")]


def test_the_register_of_one_term_is_the_terms_numbers_from_01(two_terms):
    current = issued_terms.listing(two_terms, term=dt.date(2030, 12, 1))
    assert [entry.issued_on for entry in current.entries] == [dt.date(2030, 10, 12)]
    former = issued_terms.listing(two_terms, term=dt.date(2025, 10, 1))
    assert [entry.number_text for entry in former.entries] == ["01-CV/BTCTU", "02-CV/BTCTU"]
    assert former.on(dt.date(2030, 12, 1)).label == "từ 10/10/2030"


def test_a_year_of_a_term_keeps_the_terms_numbers_and_shows_it(two_terms):
    found = issued_terms.listing(two_terms, 2027)
    assert [(entry.number_text, found.term_of(entry).label) for entry in found.entries] == [
        ("02-CV/BTCTU", "2025–2030")]


def test_the_listing_as_text_ends_each_line_with_the_term(two_terms):
    lines = list(issued_terms.listed_text(issued_terms.listing(two_terms)))
    assert [line.split("\t")[0::7] for line in lines] == [
        ["01-CV/BTCTU", "2025–2030"], ["02-CV/BTCTU", "2025–2030"], ["01-CV/BTCTU", "từ 10/10/2030"]]
    assert all(line.split("\t")[6] == "đã phát hành" for line in lines)


def test_reading_one_term_is_audited_with_the_term_asked(two_terms):
    issued_terms.view_listing(two_terms, term=CONGRESS_2030)
    viewed = [entry for entry in audit.list_entries(two_terms) if entry.action == outgoing.VIEWED_REGISTER]
    assert json.loads(viewed[-1].details) == {"nhiem_ky": "từ 10/10/2030"}


def test_a_day_before_every_term_holds_no_term_and_lists_nothing(two_terms):
    found = issued_terms.listing(two_terms, term=dt.date(1990, 1, 1))
    assert found.entries == [] and found.on(dt.date(1990, 1, 1)) is None
    assert found.on(dt.date(2026, 3, 2)).label == "2025–2030"


def test_a_start_corrected_to_an_earlier_day_leaves_the_numbers_after_it_in_the_term_they_run_on_in(office):
    """The term's start corrected to an earlier day after 01-CV: the next letter is 02-CV, numbered on after
    01-CV though under the corrected start, and both show the one term they are numbered in."""
    letter(office, dt.date(2026, 3, 2))
    office.clock_set.now = dt.datetime(2026, 3, 3, 8)
    settings.set_setting(office, "nhiem_ky_bat_dau", "2025-09-01")
    letter(office, dt.date(2026, 3, 4))
    found = issued_terms.listing(office)
    assert [(entry.number_text, found.term_of(entry).label) for entry in found.entries] == [
        ("01-CV/BTCTU", "từ 01/10/2025"), ("02-CV/BTCTU", "từ 01/10/2025")]
