"""The periods offered: each report period's first and last day in a year, in the order the reports fall
due; the year so far to today; the dashboard's all from the first of January."""

import datetime as dt

from bvct_desktop.core.periods import (
    DASHBOARD_PERIODS,
    FIRST_HALF,
    NINE_MONTHS,
    REPORT_PERIODS,
    SO_FAR,
    TYPED,
    WHOLE_YEAR,
    report_just_ended,
)
from bvct_desktop.io.documents.report_content import period_name


def test_each_report_period_from_its_first_to_its_last_day_in_the_order_they_fall_due():
    assert {period.name: period.dates(2026) for period in REPORT_PERIODS if not period.typed} == {
        "Quý I": (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        "Quý II": (dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        "6 tháng đầu năm": (dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        "Quý III": (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        "9 tháng đầu năm": (dt.date(2026, 1, 1), dt.date(2026, 9, 30)),
        "Quý IV": (dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        "6 tháng cuối năm": (dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
        "Cả năm": (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    }
    assert [period.name for period in REPORT_PERIODS] == [
        "Quý I", "Quý II", "6 tháng đầu năm", "Quý III", "9 tháng đầu năm", "Quý IV", "6 tháng cuối năm", "Cả năm",
        "Tùy chọn"]
    assert REPORT_PERIODS[-1].typed


def test_the_year_so_far_runs_to_today_and_a_past_year_to_its_end():
    so_far = DASHBOARD_PERIODS[0]
    assert so_far.last_month == SO_FAR
    assert so_far.dates(2026, dt.date(2026, 5, 14)) == (dt.date(2026, 1, 1), dt.date(2026, 5, 14))
    assert so_far.dates(2025, dt.date(2026, 5, 14)) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_the_dashboard_keeps_its_choices_from_the_first_of_january():
    assert [period.name for period in DASHBOARD_PERIODS] == [
        "Từ đầu năm đến nay", "6 tháng đầu năm", "9 tháng đầu năm", "Cả năm", "Tùy chọn"]
    assert all(period.first_month == 1 for period in DASHBOARD_PERIODS if not period.typed)


def test_a_period_typed_has_no_months_of_its_own():
    """«Tùy chọn»: the officer types both days, so it has neither a first nor a last month (a first month of
    January said something untrue of it); both pages offer it last."""
    assert TYPED.typed and TYPED.first_month is None and TYPED.last_month is None
    assert REPORT_PERIODS[-1] == DASHBOARD_PERIODS[-1] == TYPED
    assert not any(period.typed for period in (*REPORT_PERIODS[:-1], *DASHBOARD_PERIODS[:-1]))


def test_the_pages_name_the_months_from_january_as_the_printed_report_does():
    """The dashboard and the report page offered «9 tháng» for what the report prints «9 tháng đầu năm 2026»."""
    for period in (FIRST_HALF, NINE_MONTHS):
        assert period_name(*period.dates(2026)) == f"{period.name} 2026"


def test_the_report_offered_is_the_periodic_report_whose_period_ended_last():
    """The office reports 6 months, 9 months and the year (brief §9) once each has ended: in January the
    year just ended, not the new year's first half that has barely begun; a period's last day counts."""
    assert report_just_ended(dt.date(2027, 1, 5)) == (WHOLE_YEAR, 2026)
    assert report_just_ended(dt.date(2027, 1, 1)) == (WHOLE_YEAR, 2026)
    assert report_just_ended(dt.date(2026, 12, 31)) == (WHOLE_YEAR, 2026)
    assert report_just_ended(dt.date(2026, 12, 30)) == (NINE_MONTHS, 2026)
    assert report_just_ended(dt.date(2026, 9, 30)) == (NINE_MONTHS, 2026)
    assert report_just_ended(dt.date(2026, 7, 15)) == (FIRST_HALF, 2026)
    assert report_just_ended(dt.date(2026, 6, 29)) == (WHOLE_YEAR, 2025)
