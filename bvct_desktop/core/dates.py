"""Dates as officers write them: full dates, and birth dates known only to the month or year.

A partial date is stored as ISO text at its own precision ("1955", "1955-03", "1955-03-12"),
so equal dates compare equal only at the same precision and text order is date order. Where a
field allows it, a date known only roughly («khoảng 1970», as old lý lịch write a relative's
death) is kept so, its ISO text after APPROXIMATE ("~1970").
"""

import calendar
import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from .errors import InputError, RowProblem
from .text import without_apostrophe

_DMY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")  # «12 / 03 / 1965» too
_MY = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_PART = r"\d{1,2}\s*[/.\-]\s*"  # a day or a month, and what follows it
_TWO_FIGURE_YEAR = re.compile(rf"^((?:{_PART}){{0,2}})(\d{{2}})$")  # «12/3/75», «3/75», «75»
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")  # also a stored partial date, "1955-03"
_UNKNOWN = re.compile(r"(?<![\d?xX])(\?{1,2}|[xX]{1,2})(?=\s*[/.\-])")  # «?/1950», «x/x/1950»: a day or month not known
_WORD_FIRST = re.compile(r"^(?:ngày|tháng|năm)\s+(?=\d)", re.IGNORECASE)  # «ngày 12/3/1975», «năm 1975»
_WORD_BETWEEN = re.compile(r"(?<=\d)\s+(?:tháng|năm)\s+(?=\d)", re.IGNORECASE)  # «12 tháng 3 năm 1975»
_CLI_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MIN_YEAR, MAX_YEAR = 1800, 2200
EXCEL_DAY_ZERO = dt.date(1899, 12, 30)  # the day before Excel's serial 1 (its 1900 has a 29 February)
LAST_SERIAL = (dt.date(MAX_YEAR + 1, 1, 1) - EXCEL_DAY_ZERO).days  # serials of dates up to MAX_YEAR
# the forms a field takes, as the officer is told them
FULL_FORM, PARTIAL_FORMS, MONTH_FORM, YEAR_FORM = "dd/mm/yyyy", "dd/mm/yyyy, mm/yyyy hoặc yyyy", "mm/yyyy", "yyyy"
# how many parts (a day, a month) come before the year in a date of a field's forms
_PARTS_BEFORE_YEAR = {FULL_FORM: {2}, PARTIAL_FORMS: {0, 1, 2}, YEAR_FORM: {0}}
APPROXIMATE, ABOUT = "~", "khoảng"  # an approximate date's mark in its ISO text, and its word
_ABOUT = re.compile(r"^(?:kho[aả]ng|k\.|~)\s*", re.IGNORECASE)  # «khoảng 1970», «khoang 1970», «k. 1970», «~1970»


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False  # «khoảng 1970»

    @property
    def iso(self) -> str:
        mark = APPROXIMATE if self.approximate else ""
        if self.month is None:
            return f"{mark}{self.year:04d}"
        if self.day is None:
            return f"{mark}{self.year:04d}-{self.month:02d}"
        return f"{mark}{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def display(self) -> str:
        about = f"{ABOUT} " if self.approximate else ""
        if self.month is None:
            return f"{about}{self.year:04d}"
        if self.day is None:
            return f"{about}{self.month:02d}/{self.year:04d}"
        return f"{about}{self.day:02d}/{self.month:02d}/{self.year:04d}"

    @property
    def when(self) -> str:
        """«năm 1950», «tháng 03/2006», «ngày 12/03/1975», «khoảng năm 1970»: as precisely as known."""
        about = f"{ABOUT} " if self.approximate else ""
        exact = PartialDate(self.year, self.month, self.day)
        return f"{about}{'ngày' if self.day else 'tháng' if self.month else 'năm'} {exact.display}"

    @property
    def born(self) -> str:
        """«sinh năm 1950», «sinh tháng 03/2006», «sinh ngày 12/03/1975»: a birth as precisely as known."""
        return f"sinh {self.when}"

    def as_date(self) -> dt.date | None:
        """The full date, when the day is known for sure."""
        if self.day is None or self.month is None or self.approximate:
            return None
        return dt.date(self.year, self.month, self.day)

    @classmethod
    def from_iso(cls, text: str) -> "PartialDate":
        parts = [int(p) for p in exact_iso(text).split("-")]
        return cls(*parts, approximate=text.startswith(APPROXIMATE))

    @classmethod
    def from_date(cls, value: dt.date) -> "PartialDate":
        return cls(value.year, value.month, value.day)


def died(deceased: bool | None, death_date: str | None) -> str | None:
    """«đã mất năm 1970», «đã mất khoảng năm 1970», «đã mất» when it is not known when (`death_date`, ISO at its
    precision); None for someone not known to have died."""
    if not deceased:
        return None
    return " ".join(filter(None, ("đã mất", death_date and PartialDate.from_iso(death_date).when)))


def _checked(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise RowProblem(f"năm {year} không hợp lệ")
    if month is not None and not 1 <= month <= 12:
        raise RowProblem(f"tháng {month} không hợp lệ")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise RowProblem(f"ngày {day:02d}/{month:02d}/{year} không tồn tại") from None
    return PartialDate(year, month, day)


def parse_partial(value: object, approximate: bool = False) -> PartialDate | None:
    """A birth date: a date cell, or text `dd/mm/yyyy`, `mm/yyyy`, `yyyy` (also a number 1955); where
    `approximate` dates are taken, also one of these after «khoảng»."""
    if approximate and isinstance(value, str) and (about := _ABOUT.match(value.strip())):
        partial = _partial(value.strip()[about.end():], PARTIAL_FORMS)
        if partial is None:
            raise RowProblem(f"«{_short(value.strip())}» thiếu năm; ghi ví dụ «{ABOUT} 1970»")
        return PartialDate(partial.year, partial.month, partial.day, approximate=True)
    return _partial(value, PARTIAL_FORMS)


def exact_iso(text: str) -> str:
    """A stored partial date's ISO text without the approximate mark: "~1970" is compared as "1970"."""
    return text.removeprefix(APPROXIMATE)


def _partial(value: object, forms: str) -> PartialDate | None:
    """`parse_partial`, telling a value that is no date at all the `forms` its field takes."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and MIN_YEAR <= int(value) <= MAX_YEAR:
            return _checked(int(value))
        raise _not_a_date(value, forms)
    text = without_apostrophe(str(value).strip())
    figures = _in_figures(text)
    mark = next((m[1][0] for m in _UNKNOWN.finditer(figures)), "0")
    digits = _UNKNOWN.sub("0", figures)  # a part not known reads as an old list's 00, and is told the same way
    if m := _DMY.match(digits):
        if not int(m[1]) or not int(m[2]):
            raise RowProblem(_zeros_told(text, int(m[3]), int(m[2]), forms, mark))
        return _checked(int(m[3]), int(m[2]), int(m[1]))
    if m := _ISO.match(text):
        return _checked(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _MY.match(digits):
        if not int(m[1]):
            raise RowProblem(_zeros_told(text, int(m[2]), 0, forms, mark))
        return _checked(int(m[2]), int(m[1]))
    if m := _YEAR.match(figures):
        return _checked(int(m[1]))
    raise RowProblem(_two_figure_year(text, forms) or f"«{_short(text)}» không phải ngày tháng; ghi {forms}")


def _two_figure_year(text: str, forms: str) -> str | None:
    """What to write for a date whose year has two figures («12/3/75», «3/75», «75»): the dates it is in the
    centuries of 1900 and 2000 that are values of the field, for the officer to choose: a file's century is
    never guessed. None for other text, and for two figures alone where no year is a value of the field."""
    match = _with_two_figure_year(text)
    if match is None:
        return None
    meant = [partial.display for century in (1900, 2000)
             if (partial := _written_in_full(f"{match[1]}{century + int(match[2])}", forms)) is not None]
    if meant:
        return f"«{_short(text)}»: năm phải ghi đủ bốn chữ số: {' hoặc '.join(f'«{date}»' for date in meant)}"
    return f"«{_short(text)}»: năm phải ghi đủ bốn chữ số; ghi {forms}" if match[1] else None


def _with_two_figure_year(text: str) -> re.Match | None:
    """A date whose year has two figures («12/3/75», «3/75», «75», «tháng 3 năm 75»): its day and month as written
    (in figures), and the two figures of its year; None for other text."""
    return _TWO_FIGURE_YEAR.match(_in_figures(text))


def _written_in_full(text: str, forms: str) -> PartialDate | None:
    """The date `text` is, when it is one the field takes (of the precision of its `forms`)."""
    try:
        partial = _partial(text, forms)
    except RowProblem:
        return None
    if forms == FULL_FORM:
        return partial if partial.day is not None else None
    return partial if forms != YEAR_FORM or partial.month is None else None


def _in_figures(text: str) -> str:
    """A date written out in words as in a lý lịch, «ngày 12 tháng 3 năm 1975», «tháng 3 năm 1975», «năm 1975»,
    in figures: «12/3/1975», «3/1975», «1975»; other text as it is."""
    return _WORD_BETWEEN.sub("/", _WORD_FIRST.sub("", unicodedata.normalize("NFC", text)))


def _not_a_date(value: int | float, forms: str) -> RowProblem:
    """A number in a date column. Above the years, an old list's date cell that lost its date format
    shows Excel's serial number of the date: the officer is told which date that is."""
    told = f"«{_number(value)}» không phải ngày tháng"
    if forms != YEAR_FORM and float(value).is_integer() and MAX_YEAR < value < LAST_SERIAL:
        day = display_date(EXCEL_DAY_ZERO + dt.timedelta(days=int(value)))
        return RowProblem(f"{told}: có lẽ là ngày {day} ghi trong ô không định dạng ngày; "
                          f"hãy định dạng ô là ngày hoặc ghi {day}")
    return RowProblem(f"{told}; ghi {forms}")


def _zeros_told(text: str, year: int, month: int, forms: str, mark: str = "0") -> str:
    """What to write for «00/00/1955» or «?/1955» (`mark`: how the part not known is written), an old list's or a
    lý lịch's way of a date known only to the year (or month)."""
    if forms == FULL_FORM:
        return f"«{text}» thiếu ngày hoặc tháng; ghi đủ {FULL_FORM}"
    known = _checked(year, month or None).display
    return f"«{text}»: phần ngày, tháng chưa biết thì bỏ đi, không ghi {mark}; hãy ghi «{known}»"


def parse_date(value: object) -> dt.date | None:
    """A full date: a date cell or text `dd/mm/yyyy`."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _not_a_date(value, FULL_FORM)
    partial = _partial(value, FULL_FORM)
    full = partial.as_date()
    if full is None:
        raise RowProblem(f"«{partial.display}» thiếu ngày hoặc tháng; ghi đủ {FULL_FORM}")
    return full


def with_full_year(typed: str, up_to: int, forms: str = FULL_FORM, approximate: bool = False) -> str:
    """A date typed with a two-digit year, read as an import reads one (`_two_figure_year`), written with the latest
    year ending so up to the year `up_to` (this year for a day that has happened): in 2026 «12/3/65» is 12/3/1965 and
    «12/3/26» 12/3/2026; at the precision of the field's `forms`: a birth's (PARTIAL_FORMS) «3/65» is 3/1965 and
    «65» 1965, a year's (YEAR_FORM) «65» 1965. Where the field takes `approximate` dates, «khoảng 65» is
    «khoảng 1965», the word as written. Any other text as it is. For a date an officer types in a form: a file's
    «12/3/65» is refused, an import guessing no century."""
    about = _ABOUT.match(typed) if approximate else None
    word = about[0] if about else ""
    match = _with_two_figure_year(typed[len(word):])
    if match is None or len(re.findall(_PART, match[1])) not in _PARTS_BEFORE_YEAR[forms]:
        return typed
    return f"{word}{match[1]}{up_to - (up_to - int(match[2])) % 100}"


def parse_year(value: object) -> int | None:
    """A year alone: text `yyyy` or a number 1955."""
    partial = _partial(value, YEAR_FORM)
    if partial is None:
        return None
    if partial.month is not None:
        raise RowProblem(f"chỉ ghi năm ({YEAR_FORM})")
    return partial.year


def parse_cli_date(text: str) -> dt.date:
    """A date on the command line: `YYYY-MM-DD`, none of the other ISO forms Python reads."""
    if _CLI_DATE.fullmatch(text):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(text)
    raise RowProblem(f"ngày «{_short(text)}» không hợp lệ; ghi theo dạng YYYY-MM-DD")


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    """A period's end may not come before its start (both days count)."""
    if start and end and end < start:
        raise InputError("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.")


class DayWithWords(str):
    """A day and words after it, «16/04/2026 (quá hạn 18 ngày)»: text wherever text goes (screen, paper), and in a
    workbook a date cell whose format shows the words, so Excel sorts by the day."""

    day: dt.date
    words: str

    def __new__(cls, day: dt.date, words: str = "") -> "DayWithWords":
        made = super().__new__(cls, f"{day:%d/%m/%Y} {words}" if words else f"{day:%d/%m/%Y}")
        made.day, made.words = day, words
        return made

    def __reduce__(self) -> tuple:  # copied or pickled as made, not from its text
        return DayWithWords, (self.day, self.words)


def display_date(value: dt.date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _number(value: int | float) -> str:
    """A number as a cell in General format shows it, with the decimal comma: 23813, 12,5."""
    return str(int(value)) if float(value).is_integer() else f"{value:.10g}".replace(".", ",")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, the month's last day when it is shorter (31/08 + 6 months is 28/02)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
