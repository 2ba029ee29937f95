"""Thời hạn bảo quản: how long the office keeps its records, by the schedule of TT 10/2022/TT-BNV
(brief §1.7), and the year each record's term runs out.

A term is counted from the year the record's work ended (a document's issue, a dossier's conclusion)
and runs to the end of the year `years` later: a dossier concluded on 31/12/2026 is kept 20 years,
«hết hạn năm 2046», and is past its term from 01/01/2047. The program never destroys a record past
its term (`NEVER_DESTROYED`); it lists them for the chief of office to review.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

NEVER_DESTROYED = ("Chương trình không tự xóa hay hủy hồ sơ, tài liệu nào: hồ sơ, tài liệu hết thời hạn bảo quản "
                   "chỉ được hủy theo quyết định của người có thẩm quyền, sau khi Hội đồng xác định giá trị tài liệu "
                   "xem xét, theo Luật Lưu trữ.")


@dataclass(frozen=True)
class Term:
    """One item of the schedule: what is kept, and for how many years (None: vĩnh viễn)."""

    kept_as: str
    years: int | None

    @property
    def label(self) -> str:
        """«Vĩnh viễn», «20 năm»."""
        return "Vĩnh viễn" if self.years is None else f"{self.years} năm"


DOSSIER = Term("Hồ sơ về công tác bảo vệ chính trị nội bộ", 20)
ANNUAL_REPORT = Term("Báo cáo năm", None)
SIX_NINE_MONTH_REPORT = Term("Báo cáo 6 tháng, 9 tháng", 20)
QUARTER_MONTH_REPORT = Term("Báo cáo quý, tháng", 5)
SCHEDULE = (DOSSIER, ANNUAL_REPORT, SIX_NINE_MONTH_REPORT, QUARTER_MONTH_REPORT)
A_YEAR = 12


@dataclass(frozen=True)
class Kept:
    """A record's term, counted from `since`, the year its work ended."""

    term: Term
    since: int

    @property
    def runs_out(self) -> int | None:
        """The last year the record is kept (None: kept for ever)."""
        return None if self.term.years is None else self.since + self.term.years

    @property
    def label(self) -> str:
        """«Vĩnh viễn», «20 năm, hết hạn năm 2046»."""
        return self.term.label if self.runs_out is None else f"{self.term.label}, hết hạn năm {self.runs_out}"

    def past(self, today: dt.date) -> bool:
        """Whether the term is over by `today` (its last year has ended)."""
        return self.runs_out is not None and today.year > self.runs_out


def kept(term: Term, ended_on: dt.date) -> Kept:
    return Kept(term, ended_on.year)


def report_term(start: dt.date, end: dt.date) -> Term:
    """The term of a report on the period from `start` to `end`: a year or more (a calendar year, or a year from
    any day, as the statistics count theirs from 15/12 to 14/12) is a year's report, kept for ever; 6 or 9 whole
    months from any day, 20 years; a calendar quarter or month, 5 years. Any other period (so far this year, a
    quarter or a month from another day than the first) is a report on the office's work like its other records:
    20 years — never shorter than the regular reports it stands beside."""
    after = end + dt.timedelta(days=1)
    if after >= _months_on(start, A_YEAR):
        return ANNUAL_REPORT
    months = _whole_months(start, after)
    if months in (6, 9):
        return SIX_NINE_MONTH_REPORT
    if start.day == 1 and (months == 1 or months == 3 and start.month % 3 == 1):
        return QUARTER_MONTH_REPORT
    return DOSSIER


def _whole_months(start: dt.date, after: dt.date) -> int | None:
    """How many months run from `start` to the day before `after`, when `after` is a whole number of months on
    (else None)."""
    months = (after.year - start.year) * A_YEAR + after.month - start.month
    return months if _months_on(start, months) == after else None


def _months_on(day: dt.date, months: int) -> dt.date:
    """The day `months` later (the month's last day, when it is shorter: 31/08 → 28/02)."""
    year, month = divmod(day.year * A_YEAR + day.month - 1 + months, A_YEAR)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
