"""Thời hạn bảo quản (TT 10/2022/TT-BNV, brief §1.7): a BVCTNB dossier or letter is kept 20 years, a year's
report for ever, a 6- or 9-month report 20 years, a quarter's or a month's 5 years — counted from the year
the record's work ended, to the end of the year the term runs out."""

import datetime as dt

import pytest

from bvct_desktop.core import periods, retention
from bvct_desktop.core.retention import ANNUAL_REPORT, DOSSIER, QUARTER_MONTH_REPORT, SIX_NINE_MONTH_REPORT

D = dt.date


def test_the_schedule_is_one_declaration_read_as_the_office_reads_it():
    assert [(term.kept_as, term.label) for term in retention.SCHEDULE] == [
        ("Hồ sơ về công tác bảo vệ chính trị nội bộ", "20 năm"), ("Báo cáo năm", "Vĩnh viễn"),
        ("Báo cáo 6 tháng, 9 tháng", "20 năm"), ("Báo cáo quý, tháng", "5 năm")]


@pytest.mark.parametrize(("start", "end", "term"), [
    (D(2026, 1, 1), D(2026, 12, 31), ANNUAL_REPORT),       # Cả năm
    (D(2026, 1, 1), D(2026, 6, 30), SIX_NINE_MONTH_REPORT),  # 6 tháng đầu năm
    (D(2026, 7, 1), D(2026, 12, 31), SIX_NINE_MONTH_REPORT),  # 6 tháng cuối năm
    (D(2026, 1, 1), D(2026, 9, 30), SIX_NINE_MONTH_REPORT),  # 9 tháng
    (D(2026, 10, 1), D(2026, 12, 31), QUARTER_MONTH_REPORT),  # quý IV
    (D(2028, 2, 1), D(2028, 2, 29), QUARTER_MONTH_REPORT),  # a month, of a leap year
    (D(2026, 2, 1), D(2026, 4, 30), DOSSIER),               # three months, not a quarter
    (D(2026, 1, 1), D(2026, 11, 15), DOSSIER),              # từ đầu năm đến nay
    (D(2026, 1, 1), D(2026, 6, 29), DOSSIER),               # a day short of six months
    (D(2025, 10, 1), D(2026, 3, 31), SIX_NINE_MONTH_REPORT),  # six months over two years
    (D(2025, 7, 1), D(2026, 6, 30), ANNUAL_REPORT),         # twelve months over two years: a year's work
    (D(2021, 1, 1), D(2025, 12, 31), ANNUAL_REPORT),        # a term's (nhiệm kỳ) report
    (D(2025, 12, 15), D(2026, 1, 14), DOSSIER),             # a month from the 15th: never shortened to 5 years
    (D(2025, 12, 15), D(2026, 12, 14), ANNUAL_REPORT),      # the statistics' year, from 15/12 to 14/12
    (D(2025, 12, 15), D(2026, 6, 14), SIX_NINE_MONTH_REPORT),  # their 6 months
    (D(2025, 12, 15), D(2026, 9, 14), SIX_NINE_MONTH_REPORT),  # their 9 months
    (D(2025, 12, 15), D(2026, 3, 14), DOSSIER),             # their quarter: never shortened to 5 years
    (D(2025, 8, 31), D(2026, 2, 27), SIX_NINE_MONTH_REPORT),  # to the day before the 31st's six months on
    (D(2025, 12, 15), D(2026, 12, 13), DOSSIER),            # a day short of a year
    (D(2025, 12, 1), D(2026, 12, 14), ANNUAL_REPORT),       # a year and more, typed: a year's work in it
    (D(2028, 2, 29), D(2029, 2, 27), ANNUAL_REPORT),        # from a 29 February to the day before its year on
])
def test_a_reports_term_follows_its_period(start, end, term):
    assert retention.report_term(start, end) == term


@pytest.mark.parametrize("year", [2026, 2028])
def test_every_period_the_program_offers_is_kept_as_the_report_it_names(year):
    named = {"Quý I": QUARTER_MONTH_REPORT, "Quý II": QUARTER_MONTH_REPORT, "Quý III": QUARTER_MONTH_REPORT,
             "Quý IV": QUARTER_MONTH_REPORT, "6 tháng đầu năm": SIX_NINE_MONTH_REPORT,
             "9 tháng đầu năm": SIX_NINE_MONTH_REPORT, "6 tháng cuối năm": SIX_NINE_MONTH_REPORT,
             "Cả năm": ANNUAL_REPORT, "Từ đầu năm đến nay": ANNUAL_REPORT}  # a past year's, to its end
    offered = {period for period in (*periods.REPORT_PERIODS, *periods.DASHBOARD_PERIODS) if not period.typed}
    assert {period.name: retention.report_term(*period.dates(year, D(year + 1, 1, 10))) for period in offered} == named


@pytest.mark.parametrize(("ended_on", "runs_out"), [
    (D(2026, 1, 1), 2046), (D(2026, 12, 31), 2046), (D(2027, 1, 1), 2047), (D(2028, 2, 29), 2048)])
def test_a_term_runs_out_at_the_end_of_the_year_counted_from_the_year_the_work_ended(ended_on, runs_out):
    kept = retention.kept(DOSSIER, ended_on)
    assert kept.runs_out == runs_out and kept.label == f"20 năm, hết hạn năm {runs_out}"
    assert not kept.past(D(runs_out, 12, 31))
    assert kept.past(D(runs_out + 1, 1, 1))


def test_a_record_kept_for_ever_never_runs_out():
    kept = retention.kept(ANNUAL_REPORT, D(2026, 12, 31))
    assert (kept.runs_out, kept.label, kept.past(D(9999, 12, 31))) == (None, "Vĩnh viễn", False)


def test_a_quarters_report_is_past_its_term_after_five_years():
    kept = retention.kept(QUARTER_MONTH_REPORT, D(2027, 1, 10))  # quý IV/2026, issued in January
    assert kept.label == "5 năm, hết hạn năm 2032"
    assert (kept.past(D(2032, 12, 31)), kept.past(D(2033, 1, 1))) == (False, True)
