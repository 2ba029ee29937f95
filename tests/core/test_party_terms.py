"""Nhiệm kỳ as the settings history holds them: each start a term, named as the office names it."""

import datetime as dt

from bvct_desktop.core.party_terms import Term, term_on, terms_from

CONGRESS_2025, CONGRESS_2030 = dt.date(2025, 10, 1), dt.date(2030, 10, 10)


def test_a_term_is_named_by_its_congress_and_the_next_the_current_one_by_its_first_day():
    terms = terms_from([CONGRESS_2030, CONGRESS_2025, CONGRESS_2025])
    assert terms == [Term(CONGRESS_2025, dt.date(2030, 10, 9)), Term(CONGRESS_2030, None)]
    assert [term.label for term in terms] == ["2025–2030", "từ 10/10/2030"]


def test_a_start_set_again_from_a_later_day_of_the_same_year_is_named_by_its_days():
    corrected = terms_from([CONGRESS_2025, dt.date(2025, 10, 5)])[0]
    assert corrected.label == "01/10/2025–04/10/2025"


def test_a_day_falls_in_the_term_whose_start_is_the_last_before_it():
    terms = terms_from([CONGRESS_2025, CONGRESS_2030])
    assert term_on(terms, dt.date(2030, 10, 9)).start == CONGRESS_2025
    assert term_on(terms, CONGRESS_2030).start == CONGRESS_2030
    assert not terms[0].holds(CONGRESS_2030) and terms[1].holds(dt.date(2031, 1, 1))


def test_a_day_before_every_start_is_in_no_term():
    assert term_on(terms_from([CONGRESS_2025, CONGRESS_2030]), dt.date(1990, 1, 1)) is None
