"""The periods offered: each report period's first and last day in a year, in the order the reports fall
due; the year so far to today; the dashboard's all from the year's first day; the report page's and the
dashboard's in the statistical year from 15/12 of the year before, for an office that reports on it."""

import datetime as dt

from bvct_desktop.core.periods import (
    CALENDAR_YEAR,
    DASHBOARD_PERIODS,
    FIRST_HALF,
    NINE_MONTHS,
    REPORT_PERIODS,
    SECOND_HALF,
    SO_FAR,
    STATISTICAL_YEAR,
    TYPED,
    WHOLE_YEAR,
    YEAR_SO_FAR,
    offered_as,
    report_just_ended,
    report_periods,
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


def test_in_the_statistical_year_the_periodic_reports_run_from_15_12_of_the_year_before():
    """«năm 2026» is 15/12/2025–14/12/2026, its 6 and 9 months end on 14/06 and 14/09; the page offers those,
    as the printed report names them (its quarters it would name by their dates), and the typed one."""
    offered = report_periods(STATISTICAL_YEAR)
    assert [period.name for period in offered] == ["6 tháng đầu năm", "9 tháng đầu năm", "Cả năm", "Tùy chọn"]
    assert {period.name: period.dates(2026, counted=STATISTICAL_YEAR) for period in offered[:-1]} == {
        "6 tháng đầu năm": (dt.date(2025, 12, 15), dt.date(2026, 6, 14)),
        "9 tháng đầu năm": (dt.date(2025, 12, 15), dt.date(2026, 9, 14)),
        "Cả năm": (dt.date(2025, 12, 15), dt.date(2026, 12, 14)),
    }
    for period, name in zip(offered[:-1], ("6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "năm 2026"), strict=True):
        assert period_name(*period.dates(2026, counted=STATISTICAL_YEAR)) == name
    assert report_periods(CALENDAR_YEAR) == REPORT_PERIODS


def test_in_the_statistical_year_the_report_offered_is_the_one_whose_period_ended_last():
    """On 20/06/2026 the officer reports the 6 months to 14/06/2026; from 15/12/2026 the year 2026, into January."""
    assert report_just_ended(dt.date(2026, 6, 20), STATISTICAL_YEAR) == (FIRST_HALF, 2026)
    assert report_just_ended(dt.date(2026, 6, 13), STATISTICAL_YEAR) == (WHOLE_YEAR, 2025)
    assert report_just_ended(dt.date(2026, 9, 14), STATISTICAL_YEAR) == (NINE_MONTHS, 2026)
    assert report_just_ended(dt.date(2026, 12, 13), STATISTICAL_YEAR) == (NINE_MONTHS, 2026)
    assert report_just_ended(dt.date(2026, 12, 14), STATISTICAL_YEAR) == (WHOLE_YEAR, 2026)
    assert report_just_ended(dt.date(2027, 1, 5), STATISTICAL_YEAR) == (WHOLE_YEAR, 2026)


def test_the_statistical_year_so_far_runs_from_15_12_to_today():
    assert YEAR_SO_FAR.dates(2027, dt.date(2026, 12, 20), STATISTICAL_YEAR) == (dt.date(2026, 12, 15),
                                                                                dt.date(2026, 12, 20))
    assert YEAR_SO_FAR.dates(2026, dt.date(2026, 12, 20), STATISTICAL_YEAR) == (dt.date(2025, 12, 15),
                                                                                dt.date(2026, 12, 14))


def test_a_day_falls_in_the_year_as_the_office_counts_it():
    """From 15/12 the statistical year is the next one: 20/12/2026 is in «năm 2027»; a calendar day in its own."""
    assert STATISTICAL_YEAR.year_of(dt.date(2026, 12, 20)) == 2027
    assert STATISTICAL_YEAR.year_of(dt.date(2026, 12, 15)) == 2027
    assert STATISTICAL_YEAR.year_of(dt.date(2026, 12, 14)) == 2026
    assert STATISTICAL_YEAR.year_of(dt.date(2026, 1, 1)) == 2026
    assert CALENDAR_YEAR.year_of(dt.date(2026, 12, 31)) == 2026
    assert CALENDAR_YEAR.year_of(dt.date(2027, 1, 1)) == 2027


def test_a_day_falls_in_the_month_as_the_office_counts_it():
    """In the statistical year a month runs from the 15th of the month before: 20/02 is in «tháng 3», 14/02 still
    in «tháng 2», 15/12/2026 in «tháng 1» of 2027; a calendar month holds its own days."""
    assert STATISTICAL_YEAR.month_of(dt.date(2025, 2, 20)) == (2025, 3)
    assert STATISTICAL_YEAR.month_of(dt.date(2025, 2, 14)) == (2025, 2)
    assert STATISTICAL_YEAR.month_of(dt.date(2026, 12, 15)) == (2027, 1)
    assert STATISTICAL_YEAR.month_of(dt.date(2026, 12, 14)) == (2026, 12)
    assert CALENDAR_YEAR.month_of(dt.date(2026, 12, 31)) == (2026, 12)


def test_a_period_is_told_by_its_days_as_the_report_page_offers_it_in_the_year_it_ends_in():
    """The one declaration the printed report names its period by: the statistical year's quarters are not
    offered, nor a calendar period in the statistical year."""
    assert offered_as(dt.date(2025, 12, 15), dt.date(2026, 6, 14), STATISTICAL_YEAR) == (FIRST_HALF, 2026)
    assert offered_as(dt.date(2025, 12, 15), dt.date(2026, 12, 14), STATISTICAL_YEAR) == (WHOLE_YEAR, 2026)
    assert offered_as(dt.date(2025, 12, 15), dt.date(2026, 3, 14), STATISTICAL_YEAR) is None
    assert offered_as(dt.date(2026, 1, 1), dt.date(2026, 6, 30), STATISTICAL_YEAR) is None
    assert offered_as(dt.date(2025, 12, 15), dt.date(2026, 6, 14), CALENDAR_YEAR) is None
    assert offered_as(dt.date(2026, 7, 1), dt.date(2026, 12, 31), CALENDAR_YEAR) == (SECOND_HALF, 2026)
    assert offered_as(dt.date(2026, 3, 1), dt.date(2026, 5, 31), CALENDAR_YEAR) is None
