"""The working-day calendar every deadline is counted on: Monday to Friday, less Vietnam's public
holidays (Bộ luật Lao động 2019, Điều 112) and the days off in lieu of those on a weekend.

The holidays: 01/01; Tết Âm lịch, the last day of the lunar year and the first four of the new one;
Giỗ Tổ Hùng Vương, 10/3 âm lịch; 30/4; 01/5; Quốc khánh 02/9 with the day after (03/9) when 02/9 is a
Monday or a Thursday — the holiday then joins the weekend — and the day before (01/9) otherwise. A
holiday on a Saturday or Sunday gives a day off (nghỉ bù) on the next working day. The government's
announced days of a year (Tết moved by a week, days swapped) may differ: this calendar is the law's.

Lunar dates follow Hồ Ngọc Đức's Vietnamese lunar calendar (new moons and solar terms computed at
UTC+7, which some years differs from the Chinese calendar at UTC+8).
"""

import datetime as dt
import functools
import math

TIME_ZONE = 7.0  # hours east of Greenwich, all year: the Vietnamese calendar's and the office's clock
_JULIAN_OFFSET = 1721425  # a date's ordinal plus this is its Julian day number
_SYNODIC_MONTH = 29.530588853
_WEEKEND = (5, 6)  # Saturday, Sunday


def is_working_day(day: dt.date) -> bool:
    return day.weekday() not in _WEEKEND and day not in _days_off(day.year)


def working_day_on_or_after(day: dt.date) -> dt.date:
    """When a time limit ending on `day` ends: that day, or the next working day when it is a day off
    (Bộ luật Dân sự 2015, Điều 148 khoản 5)."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `day`."""
    for _ in range(count):
        day = working_day_on_or_after(day + dt.timedelta(days=1))
    return day


def holidays(year: int) -> list[dt.date]:
    """The public holidays of `year`, in order (those on a weekend included)."""
    new_year = lunar_new_year(year)
    national_day = dt.date(year, 9, 2)
    beside = 1 if national_day.weekday() in (0, 3) else -1
    return sorted({
        dt.date(year, 1, 1),
        *(new_year + dt.timedelta(days=offset) for offset in range(-1, 4)),
        _lunar_to_solar(year, 3, 10),
        dt.date(year, 4, 30), dt.date(year, 5, 1),
        national_day, national_day + dt.timedelta(days=beside)})


def lunar_new_year(year: int) -> dt.date:
    """Mùng 1 Tết of the lunar year that begins in `year`."""
    return _lunar_to_solar(year, 1, 1)


@functools.lru_cache(maxsize=64)
def _days_off(year: int) -> frozenset[dt.date]:
    """The holidays of `year` and the days off in lieu of those on a weekend, each on the first
    weekday after it that is neither a holiday nor already given in lieu."""
    public = holidays(year)
    off = set(public)
    for holiday in public:
        if holiday.weekday() in _WEEKEND:
            day = holiday + dt.timedelta(days=1)
            while day.weekday() in _WEEKEND or day in off:
                day += dt.timedelta(days=1)
            off.add(day)
    return frozenset(off)


# -- the lunar calendar (Hồ Ngọc Đức, "Thuật toán tính âm lịch") --------------------------------

def _lunar_to_solar(year: int, month: int, day: int) -> dt.date:
    """The solar date of `day`/`month` (not a leap month) of the lunar year beginning in `year`."""
    month11_before, month11_after = _month11(year - 1), _month11(year)
    k = math.floor(0.5 + (month11_before - 2415021.076998695) / _SYNODIC_MONTH)
    offset = month + 1  # months since the 11th month of the year before
    if month11_after - month11_before > 365 and offset >= _leap_month_offset(month11_before):
        offset += 1
    start = _new_moon_day(k + offset)
    return dt.date.fromordinal(start + day - 1 - _JULIAN_OFFSET)


def _month11(year: int) -> int:
    """The Julian day the 11th lunar month (the one with the winter solstice) of `year` begins."""
    k = math.floor((dt.date(year, 12, 31).toordinal() + _JULIAN_OFFSET - 2415021) / _SYNODIC_MONTH)
    start = _new_moon_day(k)
    return _new_moon_day(k - 1) if _sun_longitude_sector(start) >= 9 else start


def _leap_month_offset(month11: int) -> int:
    """In a year of 13 months, how many months after the 11th the leap month (the first with no
    major solar term) comes."""
    k = math.floor((month11 - 2415021.076998695) / _SYNODIC_MONTH + 0.5)
    offset, sector = 1, _sun_longitude_sector(_new_moon_day(k + 1))
    while True:
        offset, last = offset + 1, sector
        sector = _sun_longitude_sector(_new_moon_day(k + offset))
        if sector == last or offset >= 14:
            return offset - 1


def _new_moon_day(k: int) -> int:
    """The Julian day (local) of the k-th new moon after 1900-01-01."""
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


def _new_moon(k: int) -> float:
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    rad = math.pi / 180
    moment = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    moment += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * rad)
    sun = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    moon = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    correction = ((0.1734 - 0.000393 * t) * math.sin(sun * rad) + 0.0021 * math.sin(2 * rad * sun)
                  - 0.4068 * math.sin(moon * rad) + 0.0161 * math.sin(rad * 2 * moon)
                  - 0.0004 * math.sin(rad * 3 * moon)
                  + 0.0104 * math.sin(rad * 2 * latitude) - 0.0051 * math.sin(rad * (sun + moon))
                  - 0.0074 * math.sin(rad * (sun - moon)) + 0.0004 * math.sin(rad * (2 * latitude + sun))
                  - 0.0004 * math.sin(rad * (2 * latitude - sun)) - 0.0006 * math.sin(rad * (2 * latitude + moon))
                  + 0.0010 * math.sin(rad * (2 * latitude - moon)) + 0.0005 * math.sin(rad * (2 * moon + sun)))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return moment + correction - delta_t


def _sun_longitude_sector(julian_day: int) -> int:
    """Which twelfth of the ecliptic (0–11, from the spring equinox) the sun is in at the start of
    local `julian_day`."""
    t = (julian_day - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    rad = math.pi / 180
    anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    mean = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    centre = ((1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(rad * anomaly)
              + (0.019993 - 0.000101 * t) * math.sin(rad * 2 * anomaly) + 0.000290 * math.sin(rad * 3 * anomaly))
    longitude = (mean + centre) * rad
    longitude -= 2 * math.pi * math.floor(longitude / (2 * math.pi))
    return math.floor(longitude / math.pi * 6)
