"""A vetting case's dossier is a BVCTNB record (hồ sơ về công tác bảo vệ chính trị nội bộ): kept 20 years
from the year it was concluded, and listed for the chief of office once past its term — never deleted by
the program, whose list only helps the council that decides on destruction."""

import datetime as dt

from bvct_desktop.core import recycle_bin, retention
from bvct_desktop.core.personfile import cases
from tests.core.test_conclusion_notice import CONCLUSION, _case

D = dt.date


def _concluded(db, on: str, slip_number: str = "13/PXM") -> int:
    case = _case(db, slip_number)
    cases.record_conclusion(db, case, {**CONCLUSION, "concluded_on": on})
    return case


def test_an_open_dossier_has_no_term_yet_a_concluded_one_runs_twenty_years_from_its_conclusions_year(db):
    case = _case(db)
    assert cases.case_file(db, case).kept is None
    cases.record_conclusion(db, case, {**CONCLUSION, "concluded_on": "31/12/2025"})
    kept = cases.case_file(db, case).kept
    assert (kept.term, kept.label) == (retention.DOSSIER, "20 năm, hết hạn năm 2045")


def test_a_dossier_is_listed_past_its_term_from_the_first_of_january_after_the_year_it_runs_out(db):
    case = _concluded(db, "31/12/2025")
    assert cases.past_term(db, D(2045, 12, 31)) == []
    [past] = cases.past_term(db, D(2046, 1, 1))
    assert (past.case_id, past.conclusion_no, past.concluded_on, past.kept.runs_out) == (
        case, "472-CV/BTCTU", D(2025, 12, 31), 2045)
    assert past.full_name and past.purpose


def test_a_dossier_reopened_or_in_the_recycle_bin_is_not_listed(db):
    case = _concluded(db, "15/03/2025")
    cases.reopen_case(db, case)
    assert cases.past_term(db, D(2050, 1, 1)) == []
    cases.record_conclusion(db, case, CONCLUSION)
    recycle_bin.delete(db, cases.KIND, case)
    assert cases.past_term(db, D(2050, 1, 1)) == []
