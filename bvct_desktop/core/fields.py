"""One declaration per field: label, type, rule and Excel header, read by every face.

The form, the register column, the importer, the exporter and the document tables all
take a field's header, type, choices and validation from here.
"""

import datetime as dt
import decimal
import enum
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import countries, dates, text
from .errors import RowProblem
from .numbers import grouped

SHORT_TEXT = 1_000
LONG_TEXT = 32_767  # Excel's own limit for one cell
# Excel's date cells count from 01/01/1900 and through a 29/02/1900 that never was: earlier days are wrong
EXCEL_FIRST_DATE = dt.date(1900, 3, 1)
DECIMAL_PLACES = 2  # as a salary coefficient is written
YES, NO = "Có", "Không"  # a yes/no field's two choices (kinds.YES_NO), the words of a boolean


class FieldType(enum.Enum):
    TEXT = "text"
    DATE = "date"
    PARTIAL_DATE = "partial_date"
    CHOICE = "choice"
    CCCD = "cccd"
    CMND = "cmnd"
    YEAR = "year"
    DECIMAL = "decimal"  # a number with DECIMAL_PLACES places (a salary coefficient, 4,98): its exact text, 4.98


class Place(enum.Enum):
    """A text naming a place, shown with what the place is called since 01/7/2025 (never changed)."""

    ADDRESS = "address"      # xã, huyện, tỉnh written freely: a home town, where one lives
    PROVINCE = "province"    # a province, alone or ending an office's name ("Công an tỉnh Bình Thuận")


@dataclass(frozen=True)
class UsualWhen:
    """A text's usual values while another field (`Field.choices_by`) holds `value`: the penalties of the
    organisation chosen. `named`: what they are, in the question asked when another is typed. Not `closed`:
    they are the usual ones, another is taken unasked unless it is a usual value of another choice."""

    value: str
    choices: tuple[str, ...]
    named: str
    closed: bool = True


@dataclass(frozen=True)
class Field:
    key: str
    header: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()  # a choice's values; a text's usual ones, offered (another may be typed)
    max_length: int = SHORT_TEXT
    hint: str = ""
    as_written: bool = False  # a number written as on the document (12/PXM, 0012): text, never a number
    # the same on the next record typed from one pile of papers («Lưu và thêm mới»); a number written as on the
    # document comes as the one after it
    carried: bool = False
    shown_after: str | None = None  # on a form, after the field of this key (files keep the declared order)
    not_before: str | None = None  # a date: the key of the record's date it cannot precede (Ngày về: Ngày đi)
    # a date: (the key of the record's date it should not follow, what following it may mean), told not refused
    told_if_after: tuple[str, str] | None = None
    told_if: tuple[str, str] | None = None  # (a value allowed but to be looked at, what it may mean), told not refused
    # (another field's key, a value of it, why): empty when that field holds that value (a reply to «Nặc danh»)
    empty_if: tuple[str, str, str] | None = None
    planned: bool = False  # a date that may lie ahead (Ngày đi, Hạn giải quyết); another after today is told
    place: Place | None = None  # names a place: what it is called now is shown beside it
    person_name: bool = False  # a person's full name: a full stop typed after it is no part of it
    names_countries: bool = False  # countries, each written one way («Korea», «Hàn quốc»: «Hàn Quốc»)
    names_record: bool = False  # the trail names the record by it too: the cadre a letter or a slip concerns
    # (a way old lists write a value, the value it is), case and accents aside: ("x", "Có") for a choice, and a
    # fixed word free text may be, as itself ("Nặc danh", "Nặc danh")
    also: tuple[tuple[str, str], ...] = ()
    empty_means: str = ""  # what an empty value reads as, and may be typed as: «nay» for a period still running
    approximate: bool = False  # a partial date may be written «khoảng 1970», and is kept so (brief §5.4)
    # a text's usual values by another field's value: (that field's key, the usual values of each of its values)
    choices_by: tuple[str, tuple[UsualWhen, ...]] | None = None

    def usual(self, values: Mapping[str, object]) -> tuple[str, ...]:
        """The values offered given the record's `values`: those of the value `choices_by` names, else all."""
        when = self._usual_when(values)
        return self.choices if when is None else when.choices

    def unusual(self, values: Mapping[str, object]) -> UsualWhen | None:
        """The usual values the value given in `values` is none of, by the other field's value (`choices_by`);
        None when it is one, or may be another."""
        when, value = self._usual_when(values), values.get(self.key)
        if when is None or not value or _among(value, when.choices):
            return None
        return when if when.closed or _among(value, self.choices) else None

    def _usual_when(self, values: Mapping[str, object]) -> UsualWhen | None:
        if self.choices_by is None:
            return None
        key, usual = self.choices_by
        chosen = text.fold(str(values.get(key) or ""))
        return next((when for when in usual if text.fold(when.value) == chosen), None)

    def now_said(self, value: str) -> str:
        """«(nay: đặc khu Phú Quý, Lâm Đồng)»: what the place `value` names is called now, when that differs from
        what is written (display only); "" for a field naming no place."""
        from . import gazetteer  # 12–17 ms of regular expressions: imported on the first look-up, not at start-up

        if self.place is Place.ADDRESS:
            return gazetteer.now_said(gazetteer.now_called(value.strip()))
        if self.place is Place.PROVINCE:
            return gazetteer.now_said(gazetteer.province_now(value.strip()))
        return ""

    @property
    def is_event_date(self) -> bool:
        """A date of what has happened (a birth, a slip's issue, a reply, the year a relative went
        abroad), not of what is planned."""
        return self.type in (FieldType.DATE, FieldType.PARTIAL_DATE, FieldType.YEAR) and not self.planned

    @property
    def takes_partial_dates(self) -> bool:
        """A date known only to the month or the year is a value of the field (a birth date, a year)."""
        return self.type in (FieldType.PARTIAL_DATE, FieldType.YEAR)

    @property
    def text_only(self) -> bool:
        """A spreadsheet keeps the value as text (leading zeros and slashes survive Excel)."""
        return self.is_identity_number or self.as_written

    @property
    def folded_header(self) -> str:
        return text.fold(self.header)

    @property
    def is_identity_number(self) -> bool:
        return self.type in (FieldType.CCCD, FieldType.CMND)

    def parse(self, raw: object) -> object:
        """The stored value of a cell, or None when empty (nothing left once cleaned: invisible
        characters only); RowProblem when invalid."""
        if isinstance(raw, str):
            raw = self.cleaned(raw)
        if raw is None or raw == "":
            if self.required:
                raise RowProblem("bắt buộc, không được để trống")
            return None
        return _PARSERS[self.type](self, raw)

    @property
    def keeps_lines(self) -> bool:
        """A long text (a letter's summary, a finding) keeps the lines typed; any other value is one line."""
        return self.max_length >= LONG_TEXT

    def clean(self, raw: str) -> str:
        """`text.clean_lines` for a long text, `text.clean` for any other."""
        return text.clean_lines(raw) if self.keeps_lines else text.clean(raw)

    def cleaned(self, raw: str) -> str:
        """`clean`, a person's name without the full stops typed after it («HOÀNG VĂN NAM.»), a
        value the field knows (`also`) however it was written («NẶC DANH», «Nac danh»), and countries as the
        office writes them."""
        value = self.clean(raw)
        if self.empty_means and text.fold(value) == text.fold(self.empty_means):
            return ""
        if self.also:
            value = self.meant(value) or value
        if self.names_countries:
            value = countries.as_written(value)
        return value.rstrip(". ") if self.person_name else value

    def meant(self, value: str) -> str | None:
        """The choice, or the value the field knows (`also`), that `value` is written for, case and accents
        aside; None for none."""
        wanted = text.fold(value)
        return next((meant for written, meant in (*zip(self.choices, self.choices, strict=True), *self.also)
                     if text.fold(written) == wanted), None)

    def parse_column(self, raws: Sequence[object]) -> tuple[list[object], dict[int, str]]:
        """`parse` of a whole column (a `ColumnParser` given it at once)."""
        return ColumnParser(self).parse(raws)

    def to_cell(self, value: object) -> object:
        """The value written to a workbook cell (the importer reads it back unchanged): a date as a date,
        but as its text when only partly known or when Excel has no date cell for it."""
        if value is None:
            return None
        if self.type is FieldType.PARTIAL_DATE:
            partial = dates.PartialDate.from_iso(value) if isinstance(value, str) else value
            value = partial.as_date() or partial.display
        if isinstance(value, dt.date) and value < EXCEL_FIRST_DATE:
            return dates.display_date(value)
        return value

    def display(self, value: object) -> str:
        """The value as an officer reads it on screen and paper."""
        if value is None:
            return self.empty_means
        if self.type is FieldType.DATE:
            return dates.display_date(value)
        if self.type is FieldType.PARTIAL_DATE:
            partial = dates.PartialDate.from_iso(value) if isinstance(value, str) else value
            return partial.display
        if self.type is FieldType.DECIMAL:
            return str(value).replace(".", ",")
        return str(value)


def after(value: object, day: dt.date) -> bool:
    """Whether a stored date lies wholly after `day` (a partial date's ISO text, "2027" or "2026-12",
    from its first possible day; a year alone, 2027)."""
    if isinstance(value, str):
        return dates.exact_iso(value) > day.isoformat()
    return value > day.year if isinstance(value, int) else value > day


def dates_ahead(fields: Iterable[Field], values: Mapping[str, object], today: dt.date) -> list[RowProblem]:
    """A warning (at the date) for each date of what has happened that lies after `today`, the date quoted
    («03/02/2062»): most likely a mistyped year, yet not refused, since an office PC's clock may be wrong.
    Planned dates (Ngày đi, a deadline) may lie ahead."""
    return _ahead(fields, values, today, lambda spec, value: f"«{spec.display(value)}»")


def dates_ahead_in_file(fields: Iterable[Field], values: Mapping[str, object], today: dt.date) -> list[RowProblem]:
    """`dates_ahead` as an import tells them: the date is in the file's cell, so the warning names it by what it
    is, «ngày ghi» («năm ghi» of a year), the same words on every row, told once with its rows."""
    return _ahead(fields, values, today, lambda spec, value: "năm ghi" if spec.type is FieldType.YEAR else "ngày ghi")


def _ahead(fields: Iterable[Field], values: Mapping[str, object], today: dt.date,
           said: Callable[[Field, object], str]) -> list[RowProblem]:
    return [RowProblem(f"{said(spec, values[spec.key])} ở sau hôm nay ({today:%d/%m/%Y}): hãy xem lại, "
                       "có thể đã gõ nhầm năm (hoặc đồng hồ của máy tính chưa đúng)", spec.key)
            for spec in fields if spec.is_event_date and values.get(spec.key) is not None
            and after(values[spec.key], today)]


def dates_told_if_after(fields: Sequence[Field]) -> tuple[tuple[Field, Field], ...]:
    """(a date, the date of `fields` it should not follow): Ngày quyết định and Ngày đi…"""
    by_key = {spec.key: spec for spec in fields}
    return tuple((spec, by_key[spec.told_if_after[0]]) for spec in fields if spec.told_if_after is not None)


def _among(value: object, choices: Iterable[str]) -> bool:
    """Whether `value` is one of `choices`, case and accents aside."""
    return text.fold(str(value)) in {text.fold(choice) for choice in choices}


def unusual_values(fields: Sequence[Field], values: Mapping[str, object]) -> list[RowProblem]:
    """A question (at the field) for each value of `fields` none of the usual ones of what another field
    holds (`Field.choices_by`): a penalty of the Luật Cán bộ, công chức recorded as a Party discipline is most
    likely the organisation mistaken, yet may be as the decision words it."""
    headers = {spec.key: spec.header for spec in fields}
    return [RowProblem(f"«{values[spec.key]}» không có trong {usual.named} ({', '.join(map(str.lower, usual.choices))}"
                       f"): hãy xem lại «{headers[spec.choices_by[0]]}» và «{spec.header}»", spec.key)
            for spec in fields if (usual := spec.unusual(values)) is not None]


def values_told(fields: Sequence[Field], values: Mapping[str, object]) -> list[RowProblem]:
    """A warning (at the field) for each value of `fields` that is their `told_if`: a delegation outside the
    annual foreign-affairs plan goes, but the officer looks at what allowed it."""
    return [RowProblem(spec.told_if[1], spec.key) for spec in fields
            if spec.told_if is not None and values.get(spec.key) == spec.told_if[0]]


def values_excluded(fields: Sequence[Field], values: Mapping[str, object]) -> list[RowProblem]:
    """A problem (at the field) for each value of `fields` that should be empty beside another's (`empty_if`): a
    form refuses it, an import tells it."""
    return [RowProblem(spec.empty_if[2], spec.key) for spec in fields
            if spec.empty_if is not None and values.get(spec.key) is not None
            and values.get(spec.empty_if[0]) == spec.empty_if[1]]


def dates_after_expected(pairs: Sequence[tuple[Field, Field]], values: Mapping[str, object]) -> list[RowProblem]:
    """A warning (at the date) for each date of `pairs` (`dates_told_if_after`) that follows the one it
    should not: a delegation decided after it left travelled without approval, unless a date is mistyped."""
    told = []
    for spec, earlier in pairs:
        if values.get(spec.key) is not None and values.get(earlier.key) is not None \
                and values[spec.key] > values[earlier.key]:
            told.append(RowProblem(f"«{spec.display(values[spec.key])}» ở sau {earlier.header} "
                                   f"«{earlier.display(values[earlier.key])}»: {spec.told_if_after[1]} Hãy xem lại",
                                   spec.key))
    return told


def ordered_dates(fields: Sequence[Field]) -> tuple[tuple[Field, Field], ...]:
    """(a date, the date of `fields` it cannot precede): Ngày về and Ngày đi, a deadline and the day it runs from…"""
    by_key = {spec.key: spec for spec in fields}
    return tuple((spec, by_key[spec.not_before]) for spec in fields if spec.not_before)


def check_order(pairs: Iterable[tuple[Field, Field]], values: Mapping[str, object]) -> None:
    """The first of `order_problems`, raised."""
    if wrong := order_problems(pairs, values):
        raise wrong[0]


def order_problems(pairs: Iterable[tuple[Field, Field]], values: Mapping[str, object]) -> list[RowProblem]:
    """A RowProblem (at the later date) for each date of `pairs` (`ordered_dates`) that precedes the one
    it cannot: «Ngày về (01/05/2026) trước Ngày đi (05/05/2026)…»; a letter's deadline and its resolution
    both before its receipt."""
    return [RowProblem(_out_of_order(later, earlier, values), later.key) for later, earlier in pairs
            if values.get(later.key) and values.get(earlier.key) and _precedes(values[later.key], values[earlier.key])]


def _out_of_order(later: Field, earlier: Field, values: Mapping[str, object]) -> str:
    """Both dates as written, and that either may be the mistyped one."""
    return (f"{later.header} ({later.display(values[later.key])}) trước "
            f"{earlier.header} ({earlier.display(values[earlier.key])}): hãy xem lại một trong hai ngày")


def _precedes(later: Any, earlier: Any) -> bool:
    """Whether `later` lies before `earlier`; a year alone (2015) against a date is compared by year, partial
    dates (ISO text) at the precision both have: 1998 does not precede 03/1998."""
    if isinstance(later, int) != isinstance(earlier, int):
        return _year(later) < _year(earlier)
    if isinstance(later, str) != isinstance(earlier, str):  # a partial date (ISO text) and a full one
        later, earlier = str(later), str(earlier)
    if isinstance(later, str) and isinstance(earlier, str):
        later, earlier = dates.exact_iso(later), dates.exact_iso(earlier)
        known = min(len(later), len(earlier))
        return later[:known] < earlier[:known]
    return later < earlier


def _year(value: Any) -> int:
    """The year of a year alone, a date, or a partial date's ISO text ("2005-06")."""
    if isinstance(value, int):
        return value
    return value.year if isinstance(value, dt.date) else int(dates.exact_iso(value)[:4])


class _Invalid:
    """A cell's problem, in place of its value."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


class ColumnParser:
    """`parse` of a field's column, given whole or piece by piece (the desktop hears «Hủy» between two
    pieces): each distinct value is parsed once over all its pieces, by the one function chosen for the
    field (a cell already in its stored form is taken as it is)."""

    def __init__(self, field: Field):
        self._parse = _column_parser(field)
        self._outcomes: dict[object, object] = {}  # each distinct value parsed so far → its outcome

    def parse(self, raws: Sequence[object]) -> tuple[list[object], dict[int, str]]:
        """The stored values of `raws` (None for an invalid cell) and the problem of each invalid cell
        by its index in `raws`."""
        parse, outcomes = self._parse, self._outcomes
        if bool in set(map(type, raws)):  # True == 1: distinct values would not tell them apart
            values = list(map(parse, raws))
        else:
            fresh = set(raws)
            if outcomes:
                fresh.difference_update(outcomes)
            outcomes.update({raw: parse(raw) for raw in fresh})
            values = list(map(outcomes.__getitem__, raws))
            if _Invalid not in set(map(type, outcomes.values())):
                return values, {}
        messages = {index: value.message for index, value in enumerate(values) if value.__class__ is _Invalid}
        for index in messages:
            values[index] = None
        return values, messages


def _outcome(field: Field, raw: object) -> object:
    try:
        return field.parse(raw)
    except RowProblem as problem:
        return _Invalid(problem.message)


def _column_parser(field: Field) -> Callable[[object], object]:
    """The outcome of a cell of `field`'s column: its stored value, or its problem (_Invalid).

    Text that is plain ASCII within the length, an identity number that is already its digits,
    and a date cell of a date field are their stored form (what `parse` would return); anything
    else goes through `parse`.
    """
    if field.type is FieldType.TEXT:
        limit = field.max_length

        def text_cell(raw: object) -> object:
            if raw.__class__ is str and raw.isascii():
                value = field.cleaned(raw)
                if value and len(value) <= limit:
                    return value
            return _outcome(field, raw)

        return text_cell
    if field.is_identity_number:
        lengths = (12,) if field.type is FieldType.CCCD else (9, 12)

        def number_cell(raw: object) -> object:
            if raw.__class__ is str and len(raw) in lengths and raw.isdigit() and raw.isascii():
                return raw
            return _outcome(field, raw)

        return number_cell
    if field.type in (FieldType.DATE, FieldType.PARTIAL_DATE):
        partial = field.type is FieldType.PARTIAL_DATE  # stored as its ISO text

        def date_cell(raw: object) -> object:
            if raw.__class__ is dt.date:
                return raw.isoformat() if partial else raw
            return _outcome(field, raw)

        return date_cell
    return functools.partial(_outcome, field)


def yes_no(flag: bool) -> str:
    """A boolean in words: «Có», «Không»."""
    return YES if flag else NO


def _as_text(field: Field, raw: object) -> str:
    if isinstance(raw, bool):
        return yes_no(raw)
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, (dt.date, dt.datetime)):
        raw = raw.strftime("%d/%m/%Y")
    value = field.clean(str(raw))
    if len(value) > field.max_length:
        raise RowProblem(f"quá dài ({grouped(len(value))} ký tự; tối đa {grouped(field.max_length)})")
    # a long text goes to an Excel cell whole: it is counted as Excel counts (a short one as its column does)
    units = excel_length(value) if field.max_length >= LONG_TEXT and 2 * len(value) > field.max_length else 0
    if units > field.max_length:
        raise RowProblem(f"quá dài ({grouped(units)} ký tự, mỗi emoji hay chữ hiếm tính là 2 như Excel; "
                         f"tối đa {grouped(field.max_length)})")
    return value


def excel_length(value: str) -> int:
    """`value`'s length as Excel counts a cell's (UTF-16 units): an emoji or a rare CJK character is two."""
    if value.isascii() or max(value) < "\U00010000":
        return len(value)
    return len(value.encode("utf-16-le")) // 2


def _parse_decimal(field: Field, raw: object) -> str:
    """Written with a comma or a point, or a sheet's number (its shortest text: 4.98, never 4.9800000000000004)."""
    written = text.clean(str(raw))
    try:
        value = decimal.Decimal(written.replace(",", "."))
    except decimal.InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise RowProblem(f"«{_short(written)}» phải là một số, ví dụ 4,98")
    if value <= 0:
        raise RowProblem(f"«{_short(written)}» phải lớn hơn 0")
    if value.normalize().as_tuple().exponent < -DECIMAL_PLACES:  # 4,980 is 4,98
        raise RowProblem(f"«{_short(written)}» có quá {DECIMAL_PLACES} chữ số sau dấu phẩy")
    return str(value.quantize(decimal.Decimal(1).scaleb(-DECIMAL_PLACES)))


def _parse_choice(field: Field, raw: object) -> str:
    value = _as_text(field, raw)
    meant = field.meant(value)
    if meant is not None:
        return meant
    allowed = ", ".join(field.choices)
    raise RowProblem(f"giá trị «{_short(value)}» không hợp lệ; chọn một trong: {allowed}")


_SCIENTIFIC = re.compile(r"\d+(?:,\d*)?E\+\d+", re.IGNORECASE)  # «7.9E+11» (its dot already taken out)


def _digits(field: Field, raw: object, pad_to: int) -> str:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not float(raw).is_integer() or raw < 0:
            raise RowProblem("phải là dãy chữ số")
        digits = str(int(raw))
        return digits.zfill(pad_to) if len(digits) < pad_to else digits
    written = _as_text(field, raw)
    value = re.sub(r"[\s.]", "", text.without_apostrophe(written))
    if not value.isdigit() or not value.isascii():
        if _SCIENTIFIC.fullmatch(value):
            raise RowProblem(f"«{_short(written)}» là số Excel viết dạng lũy thừa, các chữ số đã bị mất; hãy ghi "
                             "lại đủ các chữ số (theo hồ sơ) và định dạng cột là văn bản (Text)")
        raise RowProblem(f"«{_short(written)}» phải là dãy chữ số")
    return value


def _parse_cccd(field: Field, raw: object) -> str:
    value = _digits(field, raw, 12)
    if len(value) != 12:
        raise RowProblem(f"số CCCD «{_short(value)}» phải có đúng 12 chữ số (có {len(value)}){_lost_zero(value, 12)}")
    return value


def _parse_cmnd(field: Field, raw: object) -> str:
    value = _digits(field, raw, 9)
    if len(value) not in (9, 12):
        raise RowProblem(f"số CMND «{_short(value)}» phải có 9 hoặc 12 chữ số (có {len(value)})"
                         + (_lost_zero(value, 9) or _lost_zero(value, 12)))
    return value


def _lost_zero(value: str, length: int) -> str:
    """What to write for a number one digit short of `length`: typed in a General column, it lost its
    leading 0 (every CCCD begins with one), and was then kept as text."""
    if len(value) != length - 1:
        return ""
    return f"; có lẽ Excel đã bỏ số 0 ở đầu: nếu vậy, hãy ghi «0{value}» và định dạng cột là văn bản (Text)"


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


_PARSERS = {
    FieldType.TEXT: _as_text,
    FieldType.DATE: lambda field, raw: dates.parse_date(raw),
    FieldType.PARTIAL_DATE: lambda field, raw: dates.parse_partial(raw, field.approximate).iso,
    FieldType.CHOICE: _parse_choice,
    FieldType.CCCD: _parse_cccd,
    FieldType.CMND: _parse_cmnd,
    FieldType.YEAR: lambda field, raw: dates.parse_year(raw),
    FieldType.DECIMAL: _parse_decimal,
}
