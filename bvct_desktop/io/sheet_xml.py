"""A workbook's XML read directly, without its values: which sheet an officer sees first, the
survey of that sheet against the limits, and the cell styles the legacy-encoding check asks for.

The survey is one pass over the sheet's XML (streamed, never held whole): the range its values
reach against the limits — at most `MAX_DATA_ROWS` data rows, and the kind's columns plus
`EXTRA_COLUMNS` — the formulas with no cached value, the cells showing an Excel error (#N/A), which
the reader gives as empty, and the date cells whose number format shows no day (`date_forms`), which
the reader gives with the day Excel keeps, the number cells whose format writes text around the
number (`number_forms`: 18 shown «18/PXM»), and the areas merged down over rows below the headers
(`merged`), whose value the reader gives in their top-left cell only. It runs before anything reads
the values (sheet_process), so the reader is never handed a sheet it could not hold. The dimension
a sheet declares, rows formatted but empty (formats pasted down to row 1,048,576) and the empty text
a formula left (=IF(…;"";…)) are not its data: they count for no row.

A large sheet is read in parts, one reader per core: part k of n surveys only its rows — from the
first numbered row at about k/n of the sheet's XML to the next part's — and hands the reader a
workbook in memory whose sheet holds just them (`_RowsPart`). Each part checks its own rows
before they are read.
"""

import io
import operator
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from xml.etree import ElementTree

from ..core import dates
from ..core.errors import BROKEN_ARCHIVE, InputError

MAX_DATA_ROWS = 250_000
EXTRA_COLUMNS = 30          # columns beyond the kind's own that a sheet may carry (they are ignored)
MAX_PART_BYTES = 32 * 1024 * 1024    # workbook.xml, its relationships, styles.xml
MAX_COPIED_BYTES = 64 * 1024 * 1024  # the parts a workbook in memory copies besides the sheet (shared strings…)
MAX_ROW_BYTES = 64 * 1024 * 1024     # one row's XML
MAX_MERGED_AREAS = 250_000  # as many as a sheet may have data rows: each costs the reader's memory
CHUNK = 1 << 20
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_HIDDEN = ("hidden", "veryHidden")
_STRICT_WORKBOOK = "{http://purl.oclc.org/ooxml/spreadsheetml/main}workbook"  # ISO/IEC 29500 Strict
WORKBOOK = "xl/workbook.xml"
SAVE_AS_XLSX = "hãy mở bằng Excel và lưu lại dạng .xlsx."
# The main part of another program's Office file: such a file is named as what it is, not damaged
OTHER_OFFICE_FILES = (("word/document.xml", "tệp Word (.docx)"), ("ppt/presentation.xml", "tệp PowerPoint (.pptx)"))


@dataclass
class Surveyed:
    """The sheet to read, as the survey found it."""

    index: int                            # among the workbook's sheets, as the reader counts them
    name: str
    formula_without_value: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 1-based
    error_cells: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → the error shown: #N/A
    dates_shown: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → mm/yyyy or yyyy
    numbers_shown: dict[tuple[int, int], "NumberForm"] = field(default_factory=dict)  # (row, col) → text around
    merged: list[tuple[int, int, int]] = field(default_factory=list)  # (top row, column, bottom row), 1-based
    hidden_rows: set[int] = field(default_factory=set)  # rows hidden in Excel, to MAX_DATA_ROWS + 1
    hidden_columns: set[int] = field(default_factory=set)  # columns hidden in Excel, 1-based, to the widest read
    hidden_skipped: list[str] = field(default_factory=list)  # hidden sheets before this one
    not_read: list[str] = field(default_factory=list)  # the visible sheets after this one
    sheets: int = 1                       # worksheets in the workbook
    member: str = ""
    styles_member: str | None = None
    checksum: int = 0                     # the sheet's CRC in the zip's directory: parts read one file


def survey(path: Path, columns: int, part: int = 0,
           parts: int = 1) -> tuple[Surveyed, "Path | io.BytesIO | None"]:
    """The first visible worksheet of `path`, surveyed for a kind of `columns` columns, and what the
    reader reads for part `part` of `parts` of its rows: the file itself (the whole sheet, which a
    sheet too small or too odd to cut is for part 0), a workbook in memory holding only the part's
    rows, or None when the part has none; InputError when it is missing, damaged or beyond the limits."""
    with opened(path) as archive:
        sheets, styles, shared = _workbook(archive, path)
        chosen, worksheets = _first_visible(sheets, path)
        _check_shared_strings(archive, shared, path)
        surveyed = Surveyed(sheets.index(chosen), chosen.name,
                            hidden_skipped=[sheet.name for sheet in worksheets[:worksheets.index(chosen)]],
                            not_read=[sheet.name for sheet in worksheets[worksheets.index(chosen) + 1:]
                                      if sheet.state not in _HIDDEN],
                            sheets=len(worksheets), member=chosen.member, styles_member=styles,
                            checksum=archive.getinfo(chosen.member).CRC)
        cut = _RowsPart.of(archive, chosen, worksheets, part, parts)
        source = None
        if cut is not None or not part:
            _survey(archive, chosen, path, columns + EXTRA_COLUMNS, surveyed, cut)
            source = cut.workbook() if cut else path
    return surveyed, source


def sheet_members(archive: zipfile.ZipFile, path: Path) -> tuple[str, str | None]:
    """The member of the sheet `survey` chooses, and the style table's."""
    sheets, styles, _ = _workbook(archive, path)
    return _first_visible(sheets, path)[0].member, styles


def _first_visible(sheets: list["_Sheet"], path: Path) -> tuple["_Sheet", list["_Sheet"]]:
    """The first visible worksheet, and all the worksheets."""
    worksheets = [sheet for sheet in sheets if sheet.worksheet]
    chosen = next((sheet for sheet in worksheets if sheet.state not in _HIDDEN), None)
    if chosen is None:
        raise InputError(f"Tệp «{path.name}» không có trang tính nào đang hiện để nhập.")
    return chosen, worksheets


@dataclass
class _Sheet:
    name: str
    state: str
    member: str
    worksheet: bool


def not_xlsx(path: Path, what: str | None = None) -> InputError:
    """The file at `path` is no xlsx workbook; `what` it is, when known ("tệp Word (.docx)"). Unknown, it
    may be a list another program saved (.csv, .ods): Excel opens those."""
    if what is None:
        return InputError(f"Tệp «{path.name}» không phải tệp Excel .xlsx; {SAVE_AS_XLSX}")
    return InputError(f"Tệp «{path.name}» là {what}, không phải bảng tính Excel (.xlsx).")


def _check_workbook(archive: zipfile.ZipFile, path: Path) -> None:
    """InputError unless the archive is an Excel workbook's: one without its workbook part and with
    no part of one (xl/…) is another file, a workbook's part lost is damage (told by the reading)."""
    names = set(archive.namelist())
    if WORKBOOK in names:
        return
    for part, what in OTHER_OFFICE_FILES:
        if part in names:
            raise not_xlsx(path, what)
    if not any(name.startswith("xl/") for name in names):
        raise not_xlsx(path)


def _damaged(path: Path) -> InputError:
    return InputError(f"Tệp «{path.name}» bị hỏng, không đọc được nội dung bảng tính.")


# What reading a broken zip or XML part raises
_BROKEN = (*BROKEN_ARCHIVE, ElementTree.ParseError)


class opened:
    """The workbook's zip archive; a broken one is the officer's "damaged file"."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> zipfile.ZipFile:
        try:
            self.archive = zipfile.ZipFile(self.path)
        except _BROKEN:
            raise _damaged(self.path) from None
        return self.archive

    def __exit__(self, kind, error, _traceback) -> None:
        self.archive.close()
        if isinstance(error, _BROKEN):
            raise _damaged(self.path) from None


def _small_part(archive: zipfile.ZipFile, member: str) -> bytes:
    if archive.getinfo(member).file_size > MAX_PART_BYTES:
        raise ValueError(member)
    return archive.read(member)


def _workbook(archive: zipfile.ZipFile, path: Path) -> tuple[list[_Sheet], str | None, str | None]:
    """The workbook's sheets in order, and where its styles and shared strings are."""
    _check_workbook(archive, path)
    book = ElementTree.fromstring(_small_part(archive, WORKBOOK))
    if book.tag == _STRICT_WORKBOOK:
        raise InputError(f"Tệp «{path.name}» được lưu theo định dạng «Strict Open XML», chương trình không đọc "
                         "được định dạng này. Hãy mở tệp bằng Excel, chọn «Lưu thành» (Save As) với kiểu «Excel "
                         "Workbook (*.xlsx)» rồi nhập lại.")
    rels = ElementTree.fromstring(_small_part(archive, "xl/_rels/workbook.xml.rels"))
    targets, styles, shared = {}, None, None
    for rel in rels.findall("rel:Relationship", _NS):
        target = rel.get("Target", "").lstrip("/")
        target = target if target.startswith("xl/") else f"xl/{target}"
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        targets[rel.get("Id")] = (target, kind)
        if kind == "styles":
            styles = target
        elif kind == "sharedStrings":
            shared = target
    sheets = []
    for sheet in book.findall("m:sheets/m:sheet", _NS):
        target, kind = targets.get(sheet.get(f"{{{_NS['r']}}}id"), ("", ""))
        sheets.append(_Sheet(sheet.get("name", ""), sheet.get("state", "visible"), target,
                             kind == "worksheet" and target in archive.namelist()))
    if not sheets:
        raise InputError(f"Tệp «{path.name}» không có trang tính nào.")
    return sheets, styles, shared


def _check_shared_strings(archive: zipfile.ZipFile, member: str | None, path: Path) -> None:
    """A shared-string table that claims more entries than its bytes can hold is a lie the
    reader would act on (it reserves room for all of them)."""
    if member is None or member not in archive.namelist():
        return
    with archive.open(member) as stream:
        head = stream.read(64 * 1024)
    root = re.search(rb"<(?:\w+:)?sst\b([^>]*)>", head)
    if root is None:
        return
    claimed = [int(n) for n in re.findall(rb'\b(?:count|uniqueCount)\s*=\s*["\'](\d{1,20})["\']', root[1])]
    if claimed and max(claimed) > archive.getinfo(member).file_size // 5 + 1:
        raise _damaged(path)


# --- the survey: one streamed pass over the sheet's XML ------------------------------------

def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class _Syntax:
    """The byte patterns of one sheet part, for its namespace prefix (`<row>` or `<x:row>`)."""

    def __init__(self, prefix: bytes):
        p = re.escape(prefix)
        self.prefix = prefix
        self.row_end = b"</" + prefix + b"row>"
        self.row_r = re.compile(rb"<" + p + rb'row\s[^>]*?\br\s*=\s*["\'](\d+)')
        self.rows = (b"<" + prefix + b"row ", b"<" + prefix + b"row>", b"<" + prefix + b"row/>")
        self.row_start = b"<" + prefix + b"row"  # the start of a row tag, or of a longer name (<rowBreaks>)
        self.unplain_cell = re.compile(rb"<" + p + rb'c(?:>|[\t\r\n]| (?!r="))')
        self.formula = (b"<" + prefix + b"f>", b"<" + prefix + b"f ")
        self.any_formula = re.compile(rb"<" + p + rb"f[ >]")
        self.row = re.compile(rb"<" + p + rb"row\b([^>]*?)(/?)>")
        self.column = re.compile(rb"<" + p + rb"col\b([^>]*?)/?>")  # a <col> of <cols>, not <cols> itself
        self.cell = re.compile(rb"<" + p + rb"c\b([^>]*?)(/?)>")
        self.full_cell = re.compile(rb"<" + p + rb"c\b([^>]*?)(?<!/)>(.*?)</" + p + rb"c>", re.S)
        self.value = re.compile(rb"<" + p + rb"(?:v(?:\s[^>]*)?>[^<]|is[\s>])")
        self.cached = re.compile(rb"<" + p + rb"v(?:\s[^>]*)?>([^<]{1,40})</" + p + rb"v>")
        self.error_cell = re.compile(rb"<" + p + rb"""c\b([^>]*?\st\s*=\s*["']e["'][^>]*?)(?<!/)>(.*?)</"""
                                     + p + rb"c>", re.S)
        self.empty_value = re.compile(rb"<" + p + rb"v(?:\s[^>]*?)?(?:/>|>\s*</" + p + rb"v>)")
        self.value_start, self.inline_start = b"<" + prefix + b"v", b"<" + prefix + b"is"
        self.styled_cell = re.compile(rb"<" + p + rb'c r="([A-Z]{1,3})(\d+)"[^>]*?\ss\s*=\s*"(\d+)"')
        self.rows_open = re.compile(rb"<" + p + rb"sheetData\s*>")
        self.rows_close = b"</" + prefix + b"sheetData></" + prefix + b"worksheet>"
        self.merged = re.compile(rb"<" + p + rb"mergeCell\s+ref\s*=\s*[\"']([A-Z]{1,3})(\d{1,7}):"
                                 rb"[A-Z]{1,3}(\d{1,7})[\"']")

    def plain(self, block: bytes) -> bool:
        """True when every cell of `block` starts `<c r="A1"` (as Excel and openpyxl write them):
        the fast patterns then see every cell."""
        return self.unplain_cell.search(block) is None

    def unnumbered_rows(self, block: bytes, numbered: int) -> int:
        """How many rows of `block` have no number, given that `numbered` have one."""
        if block.count(self.row_start) == numbered:  # one scan says it for most blocks
            return 0
        return sum(block.count(tag) for tag in self.rows) - numbered

    def last_row_with_value(self, block: bytes, numbered: list[int], unnumbered: int) -> int:
        """The number of the last row of `block` with a cell holding a value — a `<v>` with text (an
        Excel error such as #N/A too) or an inline string; 0 when none does. An empty `<v/>` is none:
        the empty text a formula left is an empty cell, other formulas without a cached value are
        noted apart. `numbered`: the numbers its rows carry, `unnumbered`: how many carry none.

        Found from the end, where it is: the row of the last value is the highest row holding one
        when the rows are numbered in increasing order (whatever else looks like a row, in a comment,
        counted). Rows without a number or out of order give the highest number instead."""
        highest = max(numbered, default=0)
        if unnumbered or not all(map(operator.lt, numbered, numbered[1:])):
            return highest
        end = len(block)
        while True:
            at = block.rfind(self.value_start, 0, end)
            at = max(at, block.rfind(self.inline_start, max(at, 0), end))
            if at < 0:
                return 0
            row_at = max(block.rfind(self.row_start, 0, at), 0)
            if self.value.search(block, row_at, end):
                row = self.row_r.match(block, row_at)
                return int(row[1]) if row else highest
            end = row_at  # a row of empty <v/> only (formulas filled down): the row before

    def starts_numbered_row(self, block: bytes) -> bool:
        """True when `block` begins with a row that carries its number (a part may start there)."""
        first = self.row.search(block, 0, 256)
        return first is not None and not block[:first.start()].strip() and _ATTR_R.search(first[1]) is not None

    def wide_cells(self, letters: int) -> re.Pattern:
        """Valued cells whose column is written with at least `letters` letters."""
        return re.compile(rb"<" + re.escape(self.prefix) + rb'c r="([A-Z]{' + str(letters).encode()
                          + rb',3})\d+"[^>]*?(/?)>')


Form = TypeVar("Form")  # what a cell's number format shows (of a date, around a number)
_ATTR_R = re.compile(rb'\br\s*=\s*["\']([A-Z]{1,3})?(\d+)["\']')
_ATTR_S = re.compile(rb'\bs\s*=\s*["\'](\d+)["\']')
_TEXT_RESULT = re.compile(rb'\bt\s*=\s*["\']str["\']')  # a formula's cell whose cached value is text


def _blocks(archive: zipfile.ZipFile, member: str) -> Iterator[tuple[_Syntax, bytes]]:
    """The sheet part in pieces that each end after a whole row."""
    syntax = None
    with archive.open(member) as stream:
        pending = bytearray()
        while chunk := stream.read(CHUNK):
            pending += chunk
            if syntax is None:
                root = re.search(rb"<(\w+:)?worksheet\b", pending)
                if root is None and len(pending) < CHUNK:
                    continue
                syntax = _Syntax(root[1] or b"" if root else b"")
            cut = pending.rfind(syntax.row_end)
            if cut < 0:
                if len(pending) > MAX_ROW_BYTES:
                    raise ValueError("row too long")
                continue
            cut += len(syntax.row_end)
            yield syntax, bytes(pending[:cut])
            del pending[:cut]
        if pending:
            yield syntax or _Syntax(b""), bytes(pending)


def _survey(archive: zipfile.ZipFile, sheet: _Sheet, path: Path, max_columns: int, noted: Surveyed,
            cut: "_RowsPart | None" = None) -> None:
    """Refuses a sheet whose values reach past the limits (its last row holding a value, its widest
    cell); notes the cells whose formula has no cached value, those showing an error and those whose
    style shows a date without its day. Neither the declared dimension nor rows without a value
    count. Notes the areas merged down over data rows, refusing more than MAX_MERGED_AREAS. With `cut`,
    only the rows of that part are surveyed (and handed to it)."""
    max_rows = MAX_DATA_ROWS + 1
    where = f"Trang tính «{sheet.name}» của tệp «{path.name}»"
    tall = (f"; mỗi lần nhập tối đa {_thousands(MAX_DATA_ROWS)} dòng dữ liệu. Hãy chia thành nhiều tệp, "
            "hoặc xóa các dòng thừa ở cuối trang tính rồi lưu lại.")
    wide = (f"; chỉ nhận tối đa {max_columns} cột (các cột của danh sách và {EXTRA_COLUMNS} cột khác). "
            "Hãy xóa các cột thừa rồi lưu lại.")
    last_row, rows_without_number, last_column = 0, 0, 0
    letters = len(_column_letters(max_columns + 1))
    forms = date_forms(archive, noted.styles_member)
    numbers = number_forms(archive, noted.styles_member)
    for index, (syntax, block) in enumerate(_blocks(archive, sheet.member)):
        if cut is not None and not cut.owns(index, syntax, block):
            if cut.past:
                break
            continue
        numbered = list(map(int, syntax.row_r.findall(block)))
        unnumbered = syntax.unnumbered_rows(block, len(numbered))
        last_row = max(last_row, syntax.last_row_with_value(block, numbered, unnumbered))
        rows_without_number += unnumbered
        if syntax.plain(block):
            for column, closed in syntax.wide_cells(letters).findall(block):
                if not closed:
                    last_column = max(last_column, _column_number(column.decode("ascii")))
        else:  # cells without a plain `r="A1"` first: follow their positions one by one
            last_column = max(last_column, _widest_by_position(syntax, block))
        if last_row + rows_without_number > max_rows:
            raise InputError(f"{where} có dữ liệu đến dòng {_thousands(last_row + rows_without_number)}{tall}")
        if last_column > max_columns:
            raise InputError(f"{where} có dữ liệu đến cột {_column_letters(last_column)} "
                             f"(cột thứ {_thousands(last_column)}){wide}")
        if syntax.any_formula.search(block):
            noted.formula_without_value |= _formulas_without_value(syntax, block)
        if b'"e"' in block or b"'e'" in block:
            noted.error_cells.update(_errors(syntax, block))
        if forms:
            noted.dates_shown.update(_styled(syntax, block, forms))
        if numbers:
            noted.numbers_shown.update(_styled(syntax, block, numbers))
        if b"hidden" in block:
            noted.hidden_rows |= _hidden_rows(syntax, block, max_rows)
            noted.hidden_columns |= _hidden_columns(syntax, block, max_columns)
        if b"mergeCell" in block:
            _merged(syntax, block, noted.merged)
            if len(noted.merged) > MAX_MERGED_AREAS:
                raise InputError(f"{where} có hơn {_thousands(MAX_MERGED_AREAS)} vùng ô gộp; hãy bỏ gộp ô "
                                 "(Merge & Center) rồi lưu lại.")


# --- a sheet read in parts --------------------------------------------------------------------

_EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="'
                + _NS["m"].encode() + b'"><sheetData/></worksheet>')


class _RowsPart:
    """Part `part` of `parts` of a sheet's rows, written as a workbook in memory for the reader: its
    sheet holds the head of the sheet's XML (to `<sheetData>`) and the part's rows only, the other
    worksheets are empty, and the file's other members are copied as they are.

    The sheet's XML is cut between blocks (`_blocks`) where a block starts with a numbered row: a
    part starts at the first such block at `part/parts` of the XML's bytes or after it, and ends
    where the next part starts. Every part finds the same cuts in the same bytes, so together they
    hold each row once, and a row without a number stays with the row before it (the reader numbers
    it from that one)."""

    def __init__(self, archive: zipfile.ZipFile, sheet: _Sheet, others: set[str], part: int, parts: int,
                 head: bytes):
        size = archive.getinfo(sheet.member).file_size
        self._start = size * part // parts
        self._end = size * (part + 1) // parts if part + 1 < parts else None
        self._offset = 0
        self._owning = part == 0  # part 0 owns block 0, the first its survey is given
        self._closing = b""
        self.past = False  # the next part's rows are reached
        self._buffer = io.BytesIO()
        self._book = zipfile.ZipFile(self._buffer, "w")
        for info in archive.infolist():
            if not info.is_dir() and info.filename != sheet.member:
                self._book.writestr(info.filename, _EMPTY_SHEET if info.filename in others
                                    else archive.read(info.filename))
        self._sheet = self._book.open(sheet.member, "w")
        if part:
            self._sheet.write(head)

    @classmethod
    def of(cls, archive: zipfile.ZipFile, sheet: _Sheet, worksheets: list[_Sheet], part: int,
           parts: int) -> "_RowsPart | None":
        """The part, or None when the sheet is read whole: one part asked for, no rows, or more
        beside the sheet than a workbook in memory copies."""
        if parts == 1:
            return None
        others = {other.member for other in worksheets if other is not sheet}
        if sum(info.file_size for info in archive.infolist()
               if info.filename != sheet.member and info.filename not in others) > MAX_COPIED_BYTES:
            return None
        blocks = _blocks(archive, sheet.member)
        try:
            syntax, first = next(blocks, (None, b""))
        finally:
            blocks.close()
        rows = syntax.rows_open.search(first) if syntax else None
        return cls(archive, sheet, others, part, parts, first[:rows.end()]) if rows else None

    def owns(self, index: int, syntax: _Syntax, block: bytes) -> bool:
        """Whether block `index` of the sheet's XML is the part's (it is then written to its sheet);
        sets `past` at the first block of the next part."""
        start, self._offset = self._offset, self._offset + len(block)
        if index and syntax.starts_numbered_row(block):
            if self._end is not None and start >= self._end:
                self.past = True
                self._closing = syntax.rows_close
                return False
            self._owning = self._owning or start >= self._start
        if self._owning:
            self._sheet.write(block)
        return self._owning

    def workbook(self) -> io.BytesIO | None:
        """The part's workbook, or None when the part has no rows."""
        self._sheet.write(self._closing)
        self._sheet.close()
        self._book.close()
        if not self._owning:
            return None
        self._buffer.seek(0)
        return self._buffer


def _widest_by_position(syntax: _Syntax, block: bytes) -> int:
    """The widest valued cell of `block`, counting cells without a reference by position."""
    widest = 0
    starts = [match.start() for match in syntax.row.finditer(block)] + [len(block)]
    for start, end in zip(starts, starts[1:], strict=False):
        column = 0
        for match in syntax.cell.finditer(block, start, end):
            reference = _ATTR_R.search(match[1])
            column = _column_number(reference[1].decode("ascii")) if reference and reference[1] else column + 1
            if not match[2]:
                widest = max(widest, column)
    return widest


def _formulas_without_value(syntax: _Syntax, block: bytes) -> set[tuple[int, int]]:
    """The formulas of `block` with no cached value. An empty `<v>` is one only for a text result
    (Excel's =IF(…;"";…) saved as `t="str"` and `<v/>`): openpyxl writes it for every formula."""
    missing = set()
    for match in syntax.full_cell.finditer(block):
        content = match[2]
        if not any(tag in content for tag in syntax.formula) or syntax.value.search(content):
            continue
        if _TEXT_RESULT.search(match[1]) and syntax.empty_value.search(content):
            continue
        reference = _ATTR_R.search(match[1])
        if reference and reference[1]:
            missing.add((int(reference[2]), _column_number(reference[1].decode("ascii"))))
    return missing


def _errors(syntax: _Syntax, block: bytes) -> dict[tuple[int, int], str]:
    """The cells of `block` showing an Excel error (`t="e"`), and the error."""
    found = {}
    for match in syntax.error_cell.finditer(block):
        reference = _ATTR_R.search(match[1])
        error = syntax.cached.search(match[2])
        if reference and reference[1] and error:
            found[int(reference[2]), _column_number(reference[1].decode("ascii"))] = error[1].decode("utf-8", "replace")
    return found


def _styled(syntax: _Syntax, block: bytes, forms: dict[int, Form]) -> dict[tuple[int, int], Form]:
    """The cells of `block` whose style is one of `forms`, and what their format shows: each found from
    its style attribute back to the start of its tag, so a sheet with few costs a search."""
    styled = re.compile(rb"""s=["'](""" + b"|".join(str(style).encode() for style in forms) + rb""")["']""")
    opening = b"<" + syntax.prefix + b"c "
    found, columns = {}, {}
    for match in styled.finditer(block):
        tag = syntax.cell.match(block, block.rfind(opening, 0, match.start()))
        if tag is None or tag.end() < match.end():
            continue  # not a cell's style
        reference = _ATTR_R.search(tag[1])
        if reference and reference[1]:
            letters = reference[1]
            column = columns.get(letters) or columns.setdefault(letters, _column_number(letters.decode("ascii")))
            found[int(reference[2]), column] = forms[int(match[1])]
    return found


_ATTR_HIDDEN = re.compile(rb"""\shidden\s*=\s*["'](?:1|true)["']""")
_ATTR_ROW = re.compile(rb"""(?:^|\s)r\s*=\s*["'](\d+)["']""")
_ATTR_MIN = re.compile(rb"""\smin\s*=\s*["'](\d+)["']""")
_ATTR_MAX = re.compile(rb"""\smax\s*=\s*["'](\d+)["']""")


def _hidden_rows(syntax: _Syntax, block: bytes, max_rows: int) -> set[int]:
    """The numbers, to `max_rows`, of the rows of `block` hidden in Excel (by hand or by a filter)."""
    found = set()
    for match in syntax.row.finditer(block):
        number = _ATTR_ROW.search(match[1]) if _ATTR_HIDDEN.search(match[1]) else None
        if number and int(number[1]) <= max_rows:
            found.add(int(number[1]))
    return found


def _hidden_columns(syntax: _Syntax, block: bytes, max_columns: int) -> set[int]:
    """The numbers, to `max_columns`, of the columns `block` hides in Excel (`<col min max hidden>`)."""
    found = set()
    for match in syntax.column.finditer(block):
        first, last = _ATTR_MIN.search(match[1]), _ATTR_MAX.search(match[1])
        if first and last and _ATTR_HIDDEN.search(match[1]):
            found.update(range(int(first[1]), min(int(last[1]), max_columns) + 1))
    return found


def _merged(syntax: _Syntax, block: bytes, found: list[tuple[int, int, int]]) -> None:
    """Appends to `found` the areas of `block` merged over more than one row below row 1 (the headers'
    merges are theirs), each as its top row, first column and bottom row; stops past MAX_MERGED_AREAS."""
    for match in syntax.merged.finditer(block):
        top, bottom = int(match[2]), int(match[3])
        if 1 < top < bottom:
            found.append((top, _column_number(match[1].decode("ascii")), bottom))
            if len(found) > MAX_MERGED_AREAS:
                return


# --- styles --------------------------------------------------------------------------------

_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')  # quoted text, escapes, [$-42A] [Red], padding
_BUILT_IN_WITHOUT_DAY = {17: dates.MONTH_FORM}  # mmm-yy; Excel's other built-in date formats show the day


def date_forms(archive: zipfile.ZipFile, member: str | None) -> dict[int, str]:
    """The cell formats (`s` attribute of a cell) whose number format shows a date without its day, and
    what it shows: month and year (dates.MONTH_FORM) or the year alone (dates.YEAR_FORM). A style table
    naming neither a format of its own nor format 17 is not parsed."""
    return _formats(archive, member, _date_without_day, _BUILT_IN_WITHOUT_DAY, b'numFmtId="17"')


@dataclass(frozen=True)
class NumberForm:
    """What a number format writes around a whole number: 0"/PXM" writes 18 as «18/PXM»."""

    before: str
    digits: int  # at least (000 writes 7 as 007)
    after: str

    def shown(self, number: int) -> str:
        return f"{self.before}{number:0{self.digits}d}{self.after}"


_NUMBER_WITH_TEXT = re.compile(r'((?:"[^"]*"|\\.)*)(0+|#+)((?:"[^"]*"|\\.)*)')
_LITERAL = re.compile(r'"([^"]*)"|\\(.)')


def number_forms(archive: zipfile.ZipFile, member: str | None) -> dict[int, NumberForm]:
    """The cell formats whose number format writes text before or after a whole number (0"/PXM"), and
    that text; none of Excel's built-in formats does."""
    return _formats(archive, member, _number_with_text, {}, None)


def _number_with_text(code: str) -> NumberForm | None:
    shown = _NUMBER_WITH_TEXT.fullmatch(code.split(";")[0])
    if shown is None or not (shown[1] or shown[3]):
        return None
    text = [_LITERAL.sub(lambda literal: literal[1] if literal[1] is not None else literal[2], part)
            for part in (shown[1], shown[3])]
    return NumberForm(text[0], shown[2].count("0"), text[1])


def _formats(archive: zipfile.ZipFile, member: str | None, form_of: Callable[[str], Form | None],
                   built_in: dict[int, Form], built_in_named: bytes | None) -> dict[int, Form]:
    """The cell formats (`s` attribute of a cell) whose number format `form_of` gives a form for (or
    one of `built_in`, by format id), and that form. A style table naming neither a format of its
    own nor `built_in_named` is not parsed."""
    if member is None or member not in archive.namelist():
        return {}
    data = _small_part(archive, member)
    if b"numFmt " not in data and (built_in_named is None or built_in_named not in data):
        return {}
    styles = ElementTree.fromstring(data)
    shown: dict[int, Form | None] = dict(built_in)
    for number_format in styles.findall("m:numFmts/m:numFmt", _NS):
        shown[int(number_format.get("numFmtId", "-1"))] = form_of(number_format.get("formatCode", ""))
    forms = {}
    for index, xf in enumerate(styles.findall("m:cellXfs/m:xf", _NS)):
        if form := shown.get(int(xf.get("numFmtId", "0") or 0)):
            forms[index] = form
    return forms


def _date_without_day(code: str) -> str | None:
    """What the number format `code` shows of a date when it shows no day and no time: dates.MONTH_FORM
    or dates.YEAR_FORM; None for any other format."""
    shown = _FORMAT_LITERALS.sub("", code).split(";")[0].lower()
    if "y" not in shown or any(part in shown for part in "dhs"):
        return None
    return dates.MONTH_FORM if "m" in shown else dates.YEAR_FORM


# --- fonts ---------------------------------------------------------------------------------

def xf_font_names(archive: zipfile.ZipFile, member: str | None) -> list[str | None]:
    """The font name of each cell format (`s` attribute of a cell) in the style table."""
    if member is None or member not in archive.namelist():
        return []
    styles = ElementTree.parse(io.BytesIO(_small_part(archive, member))).getroot()
    fonts = []
    for font in styles.findall("m:fonts/m:font", _NS):
        name = font.find("m:name", _NS)
        fonts.append(name.get("val") if name is not None else None)
    names = []
    for xf in styles.findall("m:cellXfs/m:xf", _NS):
        index = int(xf.get("fontId", "0") or 0)
        names.append(fonts[index] if 0 <= index < len(fonts) else None)
    return names


def column_styles(archive: zipfile.ZipFile, member: str, columns: set[int], rows: int,
                  heard: Callable[[], None] = lambda: None) -> dict[int, dict[int, int]]:
    """The style index of the cells of `columns` in rows 1 to `rows`, by column and row (cells
    with none have style 0 and are left out). `heard` is called before each block of the sheet's XML
    (a large sheet's blocks take a second): raising there stops the reading."""
    styles: dict[int, dict[int, int]] = {column: {} for column in columns}
    numbers: dict[bytes, int] = {}  # a column's letters → its number
    row = 0
    for syntax, block in _blocks(archive, member):
        heard()
        if syntax.plain(block):  # the fast way: only cells that carry a style, found by one pattern
            for letters, number, style in syntax.styled_cell.findall(block):
                column = numbers.get(letters) or numbers.setdefault(letters, _column_number(letters.decode("ascii")))
                if column in styles and int(number) <= rows:
                    styles[column][int(number)] = int(style)
            numbered = syntax.row_r.findall(block)
            row = int(numbered[-1]) if numbered else row
        else:
            row = _styles_by_position(syntax, block, row, styles, rows)
        if row >= rows:
            break
    return styles


def _styles_by_position(syntax: _Syntax, block: bytes, row: int, styles: dict[int, dict[int, int]],
                        rows: int) -> int:
    """`column_styles` of a block whose rows or cells may lack their reference; the last row's number."""
    starts = list(syntax.row.finditer(block))
    for index, start in enumerate(starts):
        number = _ATTR_R.search(start[1])
        row = int(number[2]) if number else row + 1
        if row > rows:
            continue
        end = starts[index + 1].start() if index + 1 < len(starts) else len(block)
        column = 0
        for match in syntax.cell.finditer(block, start.end(), end):
            reference = _ATTR_R.search(match[1])
            column = _column_number(reference[1].decode("ascii")) if reference and reference[1] else column + 1
            style = _ATTR_S.search(match[1])
            if style and column in styles:
                styles[column][row] = int(style[1])
    return row
