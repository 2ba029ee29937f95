"""The report's periods (6 tháng, 9 tháng, năm) and the year so far, as the dashboard and the
report page offer them."""

import datetime as dt

SO_FAR = 0  # from the first of January to today (or to the year's end, for a past year)
# (name offered, last month of the period; SO_FAR; None = the dates the officer types)
PERIODS = (("Từ đầu năm đến nay", SO_FAR), ("6 tháng đầu năm", 6), ("9 tháng", 9), ("Cả năm", 12), ("Tùy chọn", None))
REPORT_PERIODS = PERIODS[1:]  # the periodic report's own


def period_dates(year: int, last_month: int, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of `year`'s period ending with `last_month` (SO_FAR: up to `today`)."""
    if last_month == SO_FAR:
        end = today if today is not None and today.year == year else dt.date(year, 12, 31)
        return dt.date(year, 1, 1), end
    end = dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)
    return dt.date(year, 1, 1), end - dt.timedelta(days=1)


def describe(start: dt.date, end: dt.date) -> str:
    """«từ 01/01/2026 đến 30/09/2026»."""
    return f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
