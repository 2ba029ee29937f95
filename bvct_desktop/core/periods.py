"""The periods the report page and the dashboard offer: the report's (quarters, halves, 9 months, the
year) and the year so far, each declared once with its first and last month."""

import datetime as dt
from dataclasses import dataclass

SO_FAR = 0  # the last month of the year so far: to today (or to the year's end, for a past year)


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

    def dates(self, year: int, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """Its first and last day in `year` (the year so far: up to `today`, when `today` is in it); not a typed
        period's: the officer types its days."""
        start = dt.date(year, self.first_month, 1)
        if self.last_month == SO_FAR:
            return start, today if today is not None and today.year == year else dt.date(year, 12, 31)
        after = dt.date(year + 1, 1, 1) if self.last_month == 12 else dt.date(year, self.last_month + 1, 1)
        return start, after - dt.timedelta(days=1)


YEAR_SO_FAR = Period("Từ đầu năm đến nay", 1, SO_FAR)
FIRST_HALF = Period("6 tháng đầu năm", 1, 6)
NINE_MONTHS = Period("9 tháng đầu năm", 1, 9)  # as the printed report names it
WHOLE_YEAR = Period("Cả năm", 1, 12)
TYPED = Period("Tùy chọn", None, None)
# in the order the reports fall due in the year
REPORT_PERIODS = (Period("Quý I", 1, 3), Period("Quý II", 4, 6), FIRST_HALF, Period("Quý III", 7, 9), NINE_MONTHS,
                  Period("Quý IV", 10, 12), Period("6 tháng cuối năm", 7, 12), WHOLE_YEAR, TYPED)
# the dashboard's figures run from the first of January: where the year stands, not a quarter's report
DASHBOARD_PERIODS = (YEAR_SO_FAR, FIRST_HALF, NINE_MONTHS, WHOLE_YEAR, TYPED)
PERIODIC_REPORTS = (FIRST_HALF, NINE_MONTHS, WHOLE_YEAR)  # the reports the office makes (brief §9), in order


def report_just_ended(today: dt.date) -> tuple[Period, int]:
    """The periodic report whose period ended last, on or before `today`, and its year: the report the
    officer is making (in January, the year just ended)."""
    ended = [(period, year) for year in (today.year - 1, today.year) for period in PERIODIC_REPORTS
             if period.dates(year)[1] <= today]
    return ended[-1]


def describe(start: dt.date, end: dt.date) -> str:
    """«từ 01/01/2026 đến 30/09/2026»."""
    return f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
