"""The periods the report page and the dashboard offer: the report's (quarters, halves, 9 months, the
year) and the year so far, each declared once with its first and last month; in the calendar year, or in
the statistical year the office may report on, from 15/12 of the year before (a month of it from the 15th
of the month before: «6 tháng đầu năm 2026» runs from 15/12/2025 to 14/06/2026)."""

import datetime as dt
from dataclasses import dataclass

SO_FAR = 0  # the last month of the year so far: to today (or to the year's end, for a past year)


@dataclass(frozen=True)
class ReportingYear:
    """How the office counts its reports' year: `value` as the setting stores it, `first_day` the day of the
    month before on which a month of the report starts (None: on the month's own 1st)."""

    value: str
    first_day: int | None

    def month_start(self, year: int, month: int) -> dt.date:
        """The first day of `month` of `year` as this year counts it (month 13: the next year's first)."""
        if month == 13:
            return self.month_start(year + 1, 1)
        if self.first_day is None:
            return dt.date(year, month, 1)
        return dt.date(year, month - 1, self.first_day) if month > 1 else dt.date(year - 1, 12, self.first_day)

    def month_of(self, day: dt.date) -> tuple[int, int]:
        """The year and month `day` falls in as this year counts them: 20/02/2026 is in the statistical
        year's «tháng 3», 20/12/2026 in «tháng 1» of 2027."""
        if self.first_day is None or day.day < self.first_day:
            return day.year, day.month
        return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)

    def year_of(self, day: dt.date) -> int:
        """The year `day` falls in as this year counts it: 20/12/2026 is in the statistical year 2027."""
        return self.month_of(day)[0]


CALENDAR_YEAR = ReportingYear("năm dương lịch", None)
STATISTICAL_YEAR = ReportingYear("từ 15/12 năm trước", 15)
REPORTING_YEARS = (CALENDAR_YEAR, STATISTICAL_YEAR)


@dataclass(frozen=True)
class Period:
    """A period as offered: its name, first month and last month (SO_FAR: to today); a period whose dates the
    officer types has neither month."""

    name: str
    first_month: int | None
    last_month: int | None

    @property
    def typed(self) -> bool:
        return self.first_month is None

    def dates(self, year: int, today: dt.date | None = None,
              counted: ReportingYear = CALENDAR_YEAR) -> tuple[dt.date, dt.date]:
        """Its first and last day in `year` as `counted` (the year so far: up to `today`, when `today` is in
        it); not a typed period's: the officer types its days."""
        start = counted.month_start(year, self.first_month)
        if self.last_month == SO_FAR:
            end = counted.month_start(year, 13) - dt.timedelta(days=1)
            return start, today if today is not None and start <= today <= end else end
        return start, counted.month_start(year, self.last_month + 1) - dt.timedelta(days=1)


YEAR_SO_FAR = Period("Từ đầu năm đến nay", 1, SO_FAR)
FIRST_HALF = Period("6 tháng đầu năm", 1, 6)
NINE_MONTHS = Period("9 tháng đầu năm", 1, 9)  # as the printed report names it
WHOLE_YEAR = Period("Cả năm", 1, 12)
TYPED = Period("Tùy chọn", None, None)
QUARTERS = (Period("Quý I", 1, 3), Period("Quý II", 4, 6), Period("Quý III", 7, 9), Period("Quý IV", 10, 12))
SECOND_HALF = Period("6 tháng cuối năm", 7, 12)
# in the order the reports fall due in the year
REPORT_PERIODS = (QUARTERS[0], QUARTERS[1], FIRST_HALF, QUARTERS[2], NINE_MONTHS, QUARTERS[3], SECOND_HALF,
                  WHOLE_YEAR, TYPED)
# the dashboard's figures run from the year's first day: where the year stands, not a quarter's report
DASHBOARD_PERIODS = (YEAR_SO_FAR, FIRST_HALF, NINE_MONTHS, WHOLE_YEAR, TYPED)
PERIODIC_REPORTS = (FIRST_HALF, NINE_MONTHS, WHOLE_YEAR)  # the reports the office makes (brief §9), in order


def report_periods(counted: ReportingYear) -> tuple[Period, ...]:
    """The periods the report page offers: in the statistical year, the periodic reports the printed report
    names («6 tháng đầu năm 2026»; its quarters it would name by their dates), then the typed one."""
    return REPORT_PERIODS if counted == CALENDAR_YEAR else (*PERIODIC_REPORTS, TYPED)


def offered_as(start: dt.date, end: dt.date, counted: ReportingYear) -> tuple[Period, int] | None:
    """The period the report page offers in `counted` that runs from `start` to `end`, and its year (the year
    it ends in); None for days only typed."""
    return next(((period, end.year) for period in report_periods(counted)
                 if not period.typed and period.dates(end.year, counted=counted) == (start, end)), None)


def report_just_ended(today: dt.date, counted: ReportingYear = CALENDAR_YEAR) -> tuple[Period, int]:
    """The periodic report whose period ended last, on or before `today`, and its year: the report the
    officer is making (in January, the year just ended; in the statistical year, from 15/12)."""
    ended = [(period, year) for year in (today.year - 1, today.year) for period in PERIODIC_REPORTS
             if period.dates(year, counted=counted)[1] <= today]
    return ended[-1]


def describe(start: dt.date, end: dt.date) -> str:
    """«từ 01/01/2026 đến 30/09/2026»."""
    return f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
