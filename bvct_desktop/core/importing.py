"""Importing a register from a workbook's first sheet: all rows or none.

Reading is the io layer's; this service maps headers to the kind's fields, parses every
cell by its field declaration, lets the kind's plan (core/plans, the form's path too) lay out
the changes row by row, and writes them — each record created or changed audited — in one
transaction only when no row has a problem and this is not a dry run.
"""

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.engine import Connection

from . import audit, collector, gazetteer
from .database import Database
from .dates import YEAR_FORM, PartialDate
from .errors import RowProblem
from .fields import ColumnParser, Field, Place, after
from .importing_totals import MESSAGE as TOTAL_ROW
from .importing_totals import total_rows
from .kinds import Kind
from .legacy import Conversion, convert_sheet
from .permissions import Action
from .plans import PLANS
from .plans.base import CREATED, RESTORED, UNCHANGED, UPDATED
from .row_notes import located, told_once
from .text import fold

MAX_LISTED = 200  # lines, or names, a summary's list shows before it counts the rest
LEGACY_CELLS = "Ô chuyển từ mã cũ (TCVN3/VNI)"
MERGED_CELLS = "Ô lấy giá trị từ ô gộp (như Excel hiển thị)"
HIDDEN_ROWS = "Dòng đang ẩn trong Excel (vẫn được nhập)"
HIDDEN_COLUMNS = "Cột đang ẩn trong Excel (vẫn được nhập)"
MAX_PROBLEMS = 50  # a screenful: checking stops there, so a hostile or wrong file costs seconds, not minutes
HEADERS_LOOKED_FOR = 5  # the rows where headers below a title are recognised
MISSING_COLUMN = "thiếu cột bắt buộc"
_PUNCTUATION = re.compile(r"[,.;:*()]")  # what a header's words may be written with
_MONTH_YEAR = re.compile(r"\bngay thang nam\b")
WRITING = "Đang ghi vào cơ sở dữ liệu…"
Writing = contextlib.AbstractContextManager[Connection]  # a write transaction begun: `with db.write() as connection`
TOLD_EVERY = 100  # rows planned between two calls of `progress`, where «Hủy» is heard (100 cadres: 7 ms, 38 at most)
PARSED_EVERY = 10_000  # cells of a column parsed between two calls of `progress` (100,000 slips: 42 ms at most)


class NumberShown(Protocol):
    """What a number format writes around a whole number (18 formatted 0"/PXM": «18/PXM»)."""

    def shown(self, number: int) -> str: ...


class SheetData(Protocol):
    path: Path
    columns: list[list[object]]  # by column (all of one length), columns[c][0] in Excel row 1
    formula_without_value: set[tuple[int, int]]  # (row, col), 1-based
    error_cells: dict[tuple[int, int], str]  # (row, col) → the error Excel shows there (#N/A); read as empty
    dates_shown: dict[tuple[int, int], str]  # (row, col) → mm/yyyy or yyyy: a date cell's format shows no day
    merged_filled: int  # cells given the value of the area merged down over them
    numbers_shown: dict[tuple[int, int], NumberShown]  # (row, col) → a number cell's format writes text around it
    hidden_rows: set[int]  # rows hidden in Excel
    hidden_columns: set[int]  # columns hidden in Excel, 1-based

    def column_fonts(self, columns: Collection[int],
                     heard: Callable[[], None] = ...) -> dict[int, Sequence[str | None]]: ...


class Progress(Protocol):
    """Told how far an import is: `(0, 0)` at the steps it cannot count (old TCVN3/VNI text converted,
    the cells parsed, the plan prepared before the first row and finished after the last), `(done, total)`
    as the rows are checked, then `(0, 0, WRITING)` between the steps of writing them. Raising there stops
    the import, and nothing of it is written, up to its commit."""

    def __call__(self, done: int, total: int, stage: str | None = None) -> None: ...


@dataclass
class Problem:
    row: int
    header: str | None
    message: str
    record_id: int | None = None  # a warning's: the record its row was written to

    @classmethod
    def of(cls, kind: Kind, row: int, problem: RowProblem, record_id: int | None = None) -> "Problem":
        """A plan's problem with a row, at the column of its field."""
        return cls(row, kind.field(problem.header).header if problem.header else None, problem.message, record_id)

    def __str__(self) -> str:
        return located(str(self.row), self.header, self.message)


@dataclass
class ImportResult:
    kind: Kind
    dry_run: bool
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {CREATED: 0, UNCHANGED: 0, UPDATED: 0})
    updates: list[str] = field(default_factory=list)
    extras: dict[str, list[str] | int] = field(default_factory=dict)  # the plan's lines beyond the counts
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # rows taken, but left incomplete
    legacy: Conversion = field(default_factory=Conversion)  # cells converted from TCVN3/VNI
    merged_cells: int = 0  # cells read with the value of the area merged over them
    hidden_rows: list[int] = field(default_factory=list)  # rows with data hidden in Excel, read as the others
    hidden_columns: list[str] = field(default_factory=list)  # the headers of the columns read with data hidden so

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def rows_to_look_at(self) -> int:
        """How many rows the warnings are about (a row may have several)."""
        return len({warning.row for warning in self.warnings})

    @property
    def stopped_early(self) -> bool:
        """Checking stopped at MAX_PROBLEMS: the rows after the last one listed were not checked."""
        return len(self.problems) >= MAX_PROBLEMS

    def note_lines(self, number: Callable[[int], str] = str) -> list[str]:
        """The warnings as the summary lists them, on every face: each note once with the rows it is about
        (`row_notes.told_once`), the first MAX_LISTED of them, then how many more."""
        return first_lines(told_once(self.warnings, number), "lưu ý khác", number)

    def hidden_line(self) -> str:
        """«Dòng đang ẩn trong Excel (vẫn được nhập): 2: 5, 9», or "" when no row with data is hidden:
        the officer did not see those rows on the screen."""
        return f"{HIDDEN_ROWS}: {_listed(list(map(str, self.hidden_rows)), str)}" if self.hidden_rows else ""

    def hidden_columns_line(self) -> str:
        """«Cột đang ẩn trong Excel (vẫn được nhập): Đơn vị công tác», or "" when no column read with data is
        hidden: the officer did not see those values on the screen."""
        return f"{HIDDEN_COLUMNS}: {', '.join(self.hidden_columns)}" if self.hidden_columns else ""

    def extra_lines(self, number: Callable[[int], str] = str) -> list[str]:
        """The summary's lines beyond the counts, "label: value" (new recipients or units, vetting cases
        opened, slips with no case), a list named by its first MAX_LISTED entries and counted;
        `number` writes a count (the desktop groups its thousands)."""
        return [f"{label}: {_listed(value, number) if isinstance(value, list) else number(value)}"
                for label, value in self.extras.items()]

    def extra_counts(self) -> dict[str, dict[str, int]]:
        """The summary's lines beyond the counts, counted, for the import's audit entry: what it wrote
        besides the rows' records (vetting cases opened, new recipients) has no entry of its own."""
        if not self.extras:
            return {}
        return {"kem_theo": {label: len(value) if isinstance(value, list) else value
                             for label, value in self.extras.items()}}


def first_lines(lines: Sequence[object], others: str, number: Callable[[int], str] = str) -> list[str]:
    """The first MAX_LISTED lines, then how many more (`others` names them): a register of a
    hundred thousand rows would otherwise list them all."""
    shown = [str(line) for line in lines[:MAX_LISTED]]
    if len(lines) > MAX_LISTED:
        shown.append(f"… và {number(len(lines) - MAX_LISTED)} {others}")
    return shown


def _listed(names: list[str], number: Callable[[int], str]) -> str:
    """How many names, and the first MAX_LISTED of them, on one line."""
    return f"{number(len(names))}: {', '.join(first_lines(names, 'mục khác', number))}"


def header_key(header: str) -> str:
    """What a header is matched by: case, accents, punctuation, a mark (*) of a required column, «và» and
    «tháng, năm» after «Ngày» left out — «Họ tên» is «Họ và tên», «Ngày, tháng, năm sinh» «Ngày sinh»."""
    words = [word for word in _PUNCTUATION.sub(" ", fold(header)).split() if word != "va"]
    return _MONTH_YEAR.sub("ngay", " ".join(words))


def map_headers(kind: Kind, headers: list[object]) -> tuple[dict[int, Field], list[str], list[Problem]]:
    """Columns by field (headers matched by `header_key`)."""
    by_fold = {header_key(f.header): f for f in kind.fields}
    columns: dict[int, Field] = {}
    ignored, problems = [], []
    seen: dict[str, int] = {}
    for index, raw in enumerate(headers):
        if raw is None or str(raw).strip() == "":
            continue
        text = str(raw).strip().rstrip("*").strip()
        wanted = by_fold.get(header_key(text))
        if wanted is None:
            ignored.append(text)
        elif wanted.key in seen:
            problems.append(Problem(1, wanted.header, f"cột bị lặp (cột {seen[wanted.key] + 1} và {index + 1})"))
        else:
            seen[wanted.key] = index
            columns[index] = wanted
    for missing in (f for f in kind.fields if f.required and f.key not in seen):
        problems.append(Problem(1, missing.header, MISSING_COLUMN))
    return columns, ignored, problems


def read_headers(kind: Kind, cells: list[Sequence]) -> tuple[dict[int, Field], list[str], list[Problem]]:
    """`map_headers` of row 1 of `cells` (by column). A row below it, to row HEADERS_LOOKED_FOR, that
    looks like headers makes the one problem, at that row: one that has all the required columns row 1
    lacks (a title above the headers) — the officer is told to remove the rows above it — or one naming
    fields under columns row 1 leaves ignored or empty (a header of two rows, a group cell merged over
    the fields it names) — told to keep the field names in row 1, since they would be ignored."""
    columns, ignored, problems = map_headers(kind, [column[0] for column in cells])
    lacking = any(problem.message == MISSING_COLUMN for problem in problems)
    for number in range(2, min(HEADERS_LOOKED_FOR, len(cells[0]) if cells else 0) + 1):
        below, _, found = map_headers(kind, [column[number - 1] for column in cells])
        if lacking and not any(problem.message == MISSING_COLUMN for problem in found):
            above = "dòng phía trên nó" if number == 2 else f"{number - 1} dòng phía trên nó"
            return columns, ignored, [Problem(number, None, "có vẻ là dòng tiêu đề cột, nhưng tiêu đề cột phải "
                                                            f"ở dòng 1: hãy xóa {above} rồi nhập lại")]
        named = [spec.header for column, spec in below.items() if column not in columns
                 and spec not in columns.values()]
        if columns and named:
            rows = "dòng 2" if number == 2 else f"các dòng 2 đến {number}"
            return columns, ignored, [Problem(number, None, f"có vẻ là dòng tiêu đề cột ({', '.join(named)}), "
                                              "nhưng tiêu đề cột chỉ được có một dòng, dòng 1: hãy ghi các tên cột "
                                              f"ấy vào dòng 1 (thay cho tiêu đề nhóm), xóa {rows} rồi nhập lại")]
    return columns, ignored, problems


def values_as_shown(sheet: SheetData, columns: dict[int, Field]) -> None:
    """Rewrites in place the cells the officer sees otherwise than they are kept, where the field takes
    what is seen: a date whose format shows no day, in a column taking partial dates, «03/1965» or
    «1958» (Excel keeps «3/1965» typed as 01/03/1965 shown mm/yyyy, and that day is none of the
    record's); a whole number whose format writes text around it, in a column kept as text, «18/PXM»
    (Excel keeps 18 shown 0"/PXM"). A column of full dates keeps the date, one of numbers the number."""
    for (row, column), number_form in sheet.numbers_shown.items():
        spec = columns.get(column - 1)
        cells = sheet.columns[column - 1] if spec is not None and spec.text_only else ()
        value = cells[row - 1] if row <= len(cells) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
            cells[row - 1] = number_form.shown(int(value))
    for (row, column), form in sheet.dates_shown.items():
        spec = columns.get(column - 1)
        if spec is None or not spec.takes_partial_dates:
            continue
        cells = sheet.columns[column - 1]
        value = cells[row - 1] if row <= len(cells) else None
        if isinstance(value, dt.date):
            cells[row - 1] = PartialDate(value.year, None if form == YEAR_FORM else value.month).display


FORMULA_WITHOUT_VALUE = ("ô chứa công thức chưa có giá trị tính sẵn; hãy mở tệp bằng Excel, lưu lại rồi "
                         "nhập lại")
EXCEL_ERROR = "ô có lỗi công thức «{}»; hãy sửa ô này trong Excel (hoặc xóa) rồi nhập lại"


def parse_rows(kind: Kind, sheet: SheetData, columns: dict[int, Field], problems: list[Problem],
               cells: list[Sequence], progress: Progress | None = None) -> "ParsedRows":
    """Every non-empty row's values by field key; cell problems are appended to `problems`, row by
    row, until there are MAX_PROBLEMS. `cells`: the cells below the headers by column; a row is empty
    when it has no value in `columns` (whatever the columns the kind ignores hold).

    Parsed column by column: each column with its field's rule, each distinct value of it once — or,
    told to `progress`, of each PARSED_EVERY cells of it, where «Hủy» is heard.
    """
    height = len(cells[0]) if cells else 0
    blank = (None,) * height
    parsed: list[list[Any]] = []
    invalid: dict[int, dict[int, tuple[str, str]]] = {}  # row offset → column position → (header, message)
    for position, (column, spec) in enumerate(columns.items()):
        values, messages = _parsed(spec, cells[column] if column < len(cells) else blank, progress)
        parsed.append(values)
        for offset, message in messages.items():
            invalid.setdefault(offset, {})[position] = (spec.header, message)
    positions = {column: position for position, column in enumerate(columns)}
    unread = dict.fromkeys(sheet.formula_without_value, FORMULA_WITHOUT_VALUE)  # cells read as empty
    unread.update((cell, EXCEL_ERROR.format(error)) for cell, error in sheet.error_cells.items())
    for (row, column), message in unread.items():
        if column - 1 in positions and 0 <= row - 2 < height:
            invalid.setdefault(row - 2, {})[positions[column - 1]] = (columns[column - 1].header, message)
    valid = []
    blank_rows = _empty_rows(sheet, columns, [cells[column] for column in columns])
    for offset in range(height):
        if len(problems) >= MAX_PROBLEMS:
            break
        if offset in blank_rows:
            continue
        if offset in invalid:
            problems += [Problem(offset + 2, *found) for _, found in sorted(invalid[offset].items())]
            problems += _out_of_order(kind, columns, parsed, offset, invalid[offset])
        else:
            valid.append(offset)
    return ParsedRows([spec.key for spec in columns.values()], parsed, valid, height - len(blank_rows))


def _parsed(spec: Field, raws: Sequence, progress: Progress | None) -> tuple[list[Any], dict[int, str]]:
    """`spec.parse_column(raws)`, PARSED_EVERY cells at a time after a call of `progress` when there is one."""
    if progress is None:
        return spec.parse_column(raws)
    values: list[Any] = []
    messages: dict[int, str] = {}
    parser = ColumnParser(spec)
    for start in range(0, len(raws), PARSED_EVERY):
        progress(0, 0)
        piece, found = parser.parse(raws[start:start + PARSED_EVERY])
        values += piece
        messages.update((start + offset, message) for offset, message in found.items())
    return values, messages


def _out_of_order(kind: Kind, columns: dict[int, Field], parsed: list[list[Any]], offset: int,
                  invalid: Collection[int]) -> list[Problem]:
    """The dates out of order among the valid cells of a row refused for another cell, told with it: the
    officer mends the row once, not once per problem."""
    values = {spec.key: parsed[position][offset] for position, spec in enumerate(columns.values())
              if position not in invalid}
    return [Problem.of(kind, offset + 2, problem) for problem in kind.order_problems(values)]


class ParsedRows:
    """The valid rows, (row number, values by field key), each made when it is asked for: a
    register of 100,000 rows is not held twice, as cells and as dicts. `with_data`: how many rows
    carry data, valid or not."""

    def __init__(self, keys: list[str], columns: list[list[Any]], offsets: list[int], with_data: int = 0):
        self._keys, self._columns, self._offsets = keys, columns, offsets
        self.with_data = with_data

    def __len__(self) -> int:
        return len(self._offsets)

    def numbers_after(self, keys: Collection[str], day: dt.date) -> set[int]:
        """The row numbers (valid or not) with a date of `keys` after `day`, found column by column: a
        column with none (the usual file) costs one pass in C."""
        numbers = set()
        for key, column in zip(self._keys, self._columns, strict=True):
            latest = max(filter(None, column), default=None) if key in keys else None
            if latest is not None and after(latest, day):
                numbers.update(offset + 2 for offset, value in enumerate(column) if value is not None
                               and after(value, day))
        return numbers

    def former_provinces(self, kind: Kind) -> dict[int, list[RowProblem]]:
        """A warning at each value naming a former province in the rows dated (the kind's own date)
        since the provinces merged: a slip of 2026 to «Phòng PV27 – Công an tỉnh Bình Thuận». Each
        distinct value is looked up once; a file naming none costs a pass over its columns."""
        if kind.date_key not in self._keys:
            return {}
        dates = self._columns[self._keys.index(kind.date_key)]
        before = gazetteer.MERGED_ON - dt.timedelta(days=1)
        found: dict[int, list[RowProblem]] = {}
        for spec in kind.fields:
            if spec.place is not Place.PROVINCE or spec.key not in self._keys:
                continue
            column = self._columns[self._keys.index(spec.key)]
            told = {value: RowProblem(f"{former}; hãy xem lại", spec.key)
                    for value in set(column) if value and (former := gazetteer.former_province_told(value))}
            for offset in self._offsets if told else ():
                problem = told.get(column[offset])
                if problem is not None and dates[offset] is not None and after(dates[offset], before):
                    found.setdefault(offset + 2, []).append(problem)
        return found

    def column(self, key: str | None) -> Sequence[Any]:
        """The valid rows' values of field `key`, in their order (each None when the file lacks it):
        what a plan looks up ahead reads the columns it needs, without making every row."""
        if key not in self._keys:
            return [None] * len(self._offsets)
        column = self._columns[self._keys.index(key)]
        return column if len(column) == len(self._offsets) else [column[offset] for offset in self._offsets]

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any]]]:
        keys, columns, offsets = self._keys, self._columns, self._offsets
        if not columns:
            columns = [[None] * len(offsets)]
        elif len(offsets) < len(columns[0]):  # only the valid rows' cells (else they are all of them)
            columns = [[column[offset] for offset in offsets] for column in columns]
        for offset, cells in zip(offsets, zip(*columns, strict=True), strict=True):
            yield offset + 2, dict(zip(keys, cells, strict=True))


def rows_with_data(kind: Kind, sheet: SheetData) -> int:
    """How many rows below the headers carry a value in a column `kind` reads: the rows an import
    of `sheet` takes or refuses, the others being empty."""
    columns = map_headers(kind, [column[0] for column in sheet.columns])[0]
    cells = [sheet.columns[column][1:] for column in columns]
    return len(cells[0]) - len(_empty_rows(sheet, columns, cells)) if cells else 0


def _empty_rows(sheet: SheetData, columns: Collection[int], cells: list[Sequence]) -> set[int]:
    """The offsets of the rows below the headers with no value in `columns` (`cells`, by column). A formula
    whose value the file does not hold is read as empty, yet what it shows in Excel is not known: its row
    is not empty. (A row showing only errors, #N/A below a list's last row, is.)"""
    unread = {row - 2 for row, column in sheet.formula_without_value if column - 1 in columns}
    return _blank_rows(cells) - unread


def _blank_rows(cells: list[Sequence]) -> set[int]:
    """The offsets of the rows whose cells are all empty (or spaces only), found column by column:
    a column without an empty cell ends the search."""
    candidates = None
    for column in cells:
        empty = {value for value in set(column) if _empty(value)}
        if not empty:
            return set()
        offsets = range(len(column)) if candidates is None else candidates
        candidates = [offset for offset in offsets if column[offset] in empty]
        if not candidates:
            return set()
    return set(candidates or ())


def _hidden_with_data(sheet: SheetData, cells: list[Sequence]) -> list[int]:
    """The rows hidden in Excel holding a value in `cells` (the columns read, below the headers)."""
    height = len(cells[0]) if cells else 0
    return [row for row in sorted(sheet.hidden_rows)
            if 0 <= row - 2 < height and not all(_empty(column[row - 2]) for column in cells)]


def _empty(value: object) -> bool:
    return value is None or value.__class__ is str and (not value or value.isspace())


def get_ready(kind: Kind) -> None:
    """Loads what planning `kind`'s rows will need, for a caller with time to spare before the sheet
    is read (`bvct import` while the reader child finishes): the gazetteer, when the rows name home
    towns (the persons' search keys name their places' other names)."""
    links = [*kind.persons, *([kind.members.person] if kind.members else [])]
    if any("home_town" in link.fields.values() for link in links):
        gazetteer.load()


def asked_for(kind: Kind) -> str:
    """What an import of `kind` is called when it is refused, on every face and in the trail: «nhập «Cán bộ»»."""
    return f"nhập «{kind.title}»"


# the cycle collector paused: an import makes hardly any cycles, yet each collection walks every object held —
# the rows planned, and in the desktop the whole sheet it shows (100,000 slips there: 14.5 s with it running, 13.1 s)
@collector.paused()
def import_sheet(db: Database, kind: Kind, sheet: SheetData, dry_run: bool = False,
                 progress: Progress | None = None, converted: Conversion | None = None,
                 let_go: bool = False, write: Callable[[], Writing] | None = None) -> ImportResult:
    """Plans the whole file, then writes it in one transaction unless a row has a problem. Its old
    TCVN3/VNI text is converted first, unless the caller did (`converted`: what `convert_sheet` changed).
    `let_go`: the caller has no further use for the sheet's cells, emptied once parsed (planning and
    writing then reuse their memory: `bvct import` of 100,000 slips, 407 MB at its peak to 388).
    `write`: how its transaction begins, `db.write` unless the caller waits otherwise for another writer."""
    db.require(Action.EDIT, asked_for(kind))
    step = _step(progress)  # where «Hủy» is heard between the steps it cannot count
    result = ImportResult(kind, dry_run, legacy=convert_sheet(sheet, heard=step) if converted is None else converted,
                          merged_cells=sheet.merged_filled)
    cells = sheet.columns
    columns, result.ignored_columns, result.problems = read_headers(kind, cells)
    values_as_shown(sheet, columns)
    cells = [column[1:] for column in cells]  # below the headers
    if let_go:
        sheet.columns = []
    headers_refused = bool(result.problems)
    rows = (ParsedRows([], [], []) if headers_refused
            else parse_rows(kind, sheet, columns, result.problems, cells, progress))
    result.hidden_rows = _hidden_with_data(sheet, [cells[column] for column in columns if column < len(cells)])
    result.hidden_columns = [spec.header for column, spec in columns.items() if column + 1 in sheet.hidden_columns
                             and column < len(cells) and not all(map(_empty, cells[column]))]
    totals = {} if headers_refused else total_rows(cells, {problem.row - 2 for problem in result.problems})
    del cells
    result.rows = rows.with_data
    if not result.problems and not rows:
        result.problems.append(Problem(2, None, "tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề)"))
    with (write or db.write)() as connection:
        plan = PLANS[kind.name](connection, db.clock())
        plan.heard = step
        with _heard_at_each_statement(connection, step):
            plan.prefetch(rows)
        step()
        today = plan.now.date()
        ahead = rows.numbers_after({spec.key for spec in kind.event_dates}, today) if rows else set()
        former = rows.former_provinces(kind) if rows else {}
        step()
        for done, (number, values) in enumerate(rows, start=1):
            if len(result.problems) >= MAX_PROBLEMS:
                break
            try:
                taken = plan.take(number, values)
            except RowProblem as problem:  # dates out of order: every one, where the plan stops at the first
                result.problems += [Problem.of(kind, number, told) for told in kind.order_problems(values) or [problem]]
                continue
            result.counts[taken.status] += 1
            warnings = plan.warnings(values) + plan.alike
            if number in ahead:
                warnings += kind.dates_ahead_in_file(values, today)
            warnings += former.get(number, [])
            if warnings:
                result.warnings += [Problem.of(kind, number, warning, taken.record_id) for warning in warnings]
            if taken.changed:
                result.updates.append(_update_line(kind, number, taken.changed, taken.status == CREATED))
            if progress and done % TOLD_EVERY == 0:
                progress(done, len(rows))
        step()
        result.problems = _totals_told(result.problems, totals)
        result.problems.sort(key=lambda p: (p.row, p.header or ""))
        del result.problems[MAX_PROBLEMS:]
        result.extras = plan.finish()
        step()
        writes = plan.writes() if result.ok and not dry_run else None  # a check tells and audits no more
        step()
        del plan, rows  # what planning looked rows up by: not needed to write them
        step()
        if writes is not None:
            writing = _step(progress, WRITING)
            writing()
            with db.bulk_writes(connection, writing), _heard_at_each_statement(connection, writing):
                writes.apply_audited(db, connection, writing)
            writing()
        db.audit(connection, "thử nhập" if dry_run else "nhập", "ok" if result.ok else "failed", kind=kind.name,
                 details=_audited(result, sheet.path))
    return result


def _totals_told(problems: list[Problem], totals: dict[int, str]) -> list[Problem]:
    """`problems`, those of a row that sums up the register (`totals`, by offset below the headers)
    told as one: the row is to be deleted."""
    summing = {offset + 2: text for offset, text in totals.items()}
    refused = {problem.row for problem in problems} & summing.keys()
    return ([problem for problem in problems if problem.row not in refused]
            + [Problem(row, None, TOTAL_ROW.format(summing[row])) for row in sorted(refused)])


@contextlib.contextmanager
def _heard_at_each_statement(connection: Connection, step: Callable[[], None]) -> Iterator[None]:
    """`step` called before each statement run on `connection` in the block: a plan looks up a large file's
    persons in hundreds of queries (100,000 cadres already stored: 5 s), an import writes its rows a chunk
    at a time (changes.CHUNK), where «Hủy» is heard too, on the office server as well."""
    def heard(*_statement: object) -> None:
        step()

    event.listen(connection, "before_cursor_execute", heard)
    try:
        yield
    finally:
        event.remove(connection, "before_cursor_execute", heard)


def _step(progress: Progress | None, *stage: str) -> Callable[[], None]:
    """`progress` told a step it cannot count (saying `stage`), where «Hủy» is heard; nothing to tell
    the command line, which passes no `progress`."""
    return functools.partial(progress, 0, 0, *stage) if progress else lambda: None


def _audited(result: ImportResult, path: Path | str) -> dict[str, Any]:
    """An import's audit details: the file, its rows and errors; what it wrote (a dry run: would write)
    only when no row was refused — a refused file writes nothing."""
    details = audit.file_at(path) | {"so_dong": result.rows, "so_loi": len(result.problems),
               "o_chuyen_ma_cu": result.legacy.cells}
    if result.ok:
        details |= {**result.counts, "so_canh_bao": len(result.warnings), **result.extra_counts()}
    return details


def audit_unreadable(db: Database, kind: Kind, path: Path, reason: str, dry_run: bool = False) -> None:
    """Audits a file that could not be read as a register (missing, no xlsx, damaged, protected by a
    password, an empty sheet): a failed import like one with invalid rows, and nothing else written."""
    db.require(Action.EDIT, asked_for(kind))
    with db.write() as connection:
        db.audit(connection, "thử nhập" if dry_run else "nhập", "failed", kind=kind.name,
                 details=audit.file_at(path) | {"loi": reason})


def _update_line(kind: Kind, number: int, changed: list[str], created: bool = False) -> str:
    """"Dòng 7: khôi phục từ thùng rác, cập nhật Chức vụ, Đơn vị công tác"; for a new record, what it
    changed of a person already stored: "Dòng 9: thêm mới, cập nhật Nơi ở của người đã có"."""
    names = [kind.field(key).header for key in dict.fromkeys(changed) if key != RESTORED]
    done = ["thêm mới"] if created else []
    done += ["khôi phục từ thùng rác"] if RESTORED in changed else []
    done += [f"cập nhật {', '.join(names)}{' của người đã có' if created else ''}"] if names else []
    return f"Dòng {number}: " + ", ".join(done)

