"""The working-day calendar: weekends, the public holidays of Bộ luật Lao động 2019 Điều 112 (lunar
ones on the Vietnamese calendar, UTC+7) and the days off in lieu."""

import datetime as dt

import pytest

from bvct_desktop.core import workdays

D = dt.date


@pytest.mark.parametrize(("year", "tet"), [
    (2024, D(2024, 2, 10)), (2025, D(2025, 1, 29)), (2026, D(2026, 2, 17)), (2027, D(2027, 2, 6)),
    (2028, D(2028, 1, 26)),
    # the years the Vietnamese calendar differs from the Chinese one (18/02/2007, 20/02/1985, 03/02/2030)
    (2007, D(2007, 2, 17)), (1985, D(1985, 1, 21)), (2030, D(2030, 2, 2))])
def test_tet_on_the_vietnamese_lunar_calendar(year, tet):
    assert workdays.lunar_new_year(year) == tet


@pytest.mark.parametrize(("year", "hung_kings"), [(2025, D(2025, 4, 7)), (2026, D(2026, 4, 26))])
def test_gio_to_hung_vuong_is_a_holiday(year, hung_kings):
    assert hung_kings in workdays.holidays(year)


def test_tet_is_five_days_from_the_last_day_of_the_lunar_year():
    tet = [day for day in workdays.holidays(2026) if day.month == 2]
    assert tet == [D(2026, 2, day) for day in range(16, 21)]


@pytest.mark.parametrize(("year", "national_day"), [
    (2024, (D(2024, 9, 2), D(2024, 9, 3))),  # Monday: with Tuesday
    (2021, (D(2021, 9, 2), D(2021, 9, 3))),  # Thursday: with Friday
    (2025, (D(2025, 9, 1), D(2025, 9, 2))),  # Tuesday: with Monday
    (2026, (D(2026, 9, 1), D(2026, 9, 2)))])
def test_quoc_khanh_and_the_day_beside_it(year, national_day):
    assert [day for day in workdays.holidays(year) if day.month == 9] == list(national_day)


def test_a_holiday_on_a_weekend_gives_the_next_working_day_off():
    # 2023: 01/9 Friday, 02/9 Saturday → Monday 04/9 off; 2022: 01/01 Saturday → Monday 03/01 off
    assert not workdays.is_working_day(D(2023, 9, 4)) and workdays.is_working_day(D(2023, 9, 5))
    assert not workdays.is_working_day(D(2022, 1, 3))
    # 2026: Giỗ Tổ Sunday 26/4 → Monday 27/4 off; 30/4 and 01/5 are weekdays
    assert [workdays.is_working_day(D(2026, 4, day)) for day in (27, 28, 29, 30)] == [False, True, True, False]


def test_each_weekend_holiday_gets_its_own_day_in_lieu():
    # 2028: Tết 25/01 (Tuesday) to 29/01 (Saturday) → Monday 31/01 off, Tuesday 01/02 back at work
    assert not workdays.is_working_day(D(2028, 1, 31)) and workdays.is_working_day(D(2028, 2, 1))


def test_a_time_limit_ending_on_a_day_off_ends_on_the_next_working_day():
    assert workdays.working_day_on_or_after(D(2026, 12, 5)) == D(2026, 12, 7)  # Saturday → Monday
    assert workdays.working_day_on_or_after(D(2026, 12, 7)) == D(2026, 12, 7)
    assert workdays.working_day_on_or_after(D(2026, 12, 31)) == D(2026, 12, 31)
    assert workdays.working_day_on_or_after(D(2027, 1, 1)) == D(2027, 1, 4)  # holiday Friday → Monday


def test_working_days_skip_weekends_and_holidays():
    assert workdays.add_working_days(D(2026, 11, 27), 7) == D(2026, 12, 8)  # back on a Friday
    assert workdays.add_working_days(D(2026, 12, 24), 7) == D(2027, 1, 5)  # over 01/01/2027
    assert workdays.add_working_days(D(2026, 12, 5), 1) == D(2026, 12, 7)  # from a Saturday
