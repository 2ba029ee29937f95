"""Documents as Excel workbooks that print as they are: on A4 (landscape where the table is wide)
at 10 pt or more, under the letterhead (issuing body, number, place and date, the secrecy stamp
under the number), the table with borders, wrapped text and its header row repeated on every
page, counts in the Vietnamese way (1.712), and the signature block below; or a document's text
(`Text`: a report's paragraphs over the page's width). Streamed in write-only mode, encrypted
when a password is given. Excel and LibreOffice size no row to text wrapped in merged cells, and
LibreOffice none at all when it opens the file: every row whose text wraps is given its lines' height.

Sizes: the cells are set in Times New Roman 12 pt; the sheet prints at the scale its columns need
to fit the paper's width with room to spare for LibreOffice's wider columns, never below
PRINT_SCALE_LEAST % (so never below 10 pt); the columns of every document are chosen to fit at
that scale (checked by the tests).
"""

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from copy import copy
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ...core.dates import DayWithWords
from ...core.files import check_target
from .. import office_file, xlsx_book
from ..xlsx_writer import DATE_FORMAT, HEADER_COLOR, TEXT_FORMAT, XLSX
from . import fonts
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from .layout import DRAFT, LEFT_COLUMN, PARTY, SIGNATURE_SHARE, Letterhead, nfc, wrap
from .name_breaks import name_lines
from .profile import Profile
from .tables import TOTAL, Column

FONT_NAME = "Times New Roman"
SIZE = 12
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14)
LINE_FONT = Font(name=FONT_NAME, italic=True, size=SIZE)
BODY_FONT = Font(name=FONT_NAME, size=SIZE)
BOLD_FONT = Font(name=FONT_NAME, bold=True, size=SIZE)
PARTY_FONT = Font(name=FONT_NAME, bold=True, underline="single", size=SIZE)
UNDERLINED = Font(name=FONT_NAME, underline="single", size=SIZE)
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor=HEADER_COLOR)
STAMP = Border(left=Side(style="medium"), right=Side(style="medium"), top=Side(style="medium"),
               bottom=Side(style="medium"))
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAPPED = Alignment(vertical="top", wrap_text=True)
JUSTIFIED = Alignment(horizontal="justify", vertical="top", wrap_text=True)
FACES = {REGULAR: BODY_FONT, BOLD: BOLD_FONT, ITALIC: LINE_FONT}
# Counts as 1.712 and 1.234.567 whatever the PC's regional settings (a number stays a number).
VIETNAMESE_COUNT = '[>=1000000]#"."###"."##0;[>=1000]#"."##0;0'
# The page number and DỰ THẢO 10 mm or more from the edge (office printers leave 4–5 mm blank)
MARGINS_INCH = PageMargins(left=0.6, right=0.4, top=0.6, bottom=0.6, header=0.4, footer=0.4)
A4_INCH = (8.27, 11.69)
PRINT_SCALE_LEAST = 84  # % : 12 pt × 0.84 ≥ 10 pt
CHAR_POINTS = 5.25  # one unit of Excel's column width (Calibri 11's digit, 7 px) in points
SIGNATURE_ROWS = 4  # empty rows left for the signature and the seal
LETTERHEAD_ROWS = 4  # superior and party, issuer, "*", number and date (then the stamp, if any)
LINE_HEIGHT = 1.35  # a wrapped line's height in Excel, in font sizes (Times New Roman 12 pt: 15.75 pt)
CELL_MARGINS = 6.0  # points Excel leaves blank inside a cell, left and right together
SCREEN_SLACK = 0.95  # the share of a cell's width Excel's screen fonts are sure to fill no more than
TALLEST_ROW = 409.0  # points: Excel's highest row
PARAGRAPH_AFTER = 4.0  # points below a paragraph of a text sheet
PAGE_FILL = 0.97  # the share of the printable height a text sheet's page breaks count on
DEFAULT_ROW = 15.0  # points: the height of a row Excel is not told
CUT_NEAR = 0.06  # share of a table's width: an edge of its columns this near the letterhead's serves as it
WIDTH_FILL = 0.92  # the share of the printable width a sheet's columns take: LibreOffice draws wide ones some 5 % wider
GIVEN_MOST = 0.5  # the share of its width a column whose text wraps gives to the columns never broken


@dataclass
class Sheet:
    name: str
    heading: Sequence[str]  # the title, then lines in italics (period, decision …)
    columns: Sequence[Column]
    records: Iterable[Mapping[str, Any]]
    wide: bool = False
    subject: Sequence[str] = ()  # under the title, in ordinary bold letters (trích yếu)
    notes: Sequence[str] = field(default_factory=tuple)  # lines below the table
    number: str = ""  # "Số 07-BC/BTCTU" under the issuing body ("" when the document has none)
    date: str = ""  # the place-and-date line
    recipients: Sequence[str] | None = None  # "Nơi nhận" beside the signature
    signed: bool = True

    @property
    def title(self) -> str:
        return self.heading[0] if self.heading else ""


class Paragraph(Protocol):
    text: str
    font: str  # the face: fonts.REGULAR, BOLD or ITALIC
    justify: bool
    heading: bool  # printed on the page of what follows it


@dataclass
class Text:
    """A document's text on one sheet, laid out as on paper: the letterhead, its kind and subject
    (a letter's: its trích yếu under its number, then «Kính gửi»), the paragraphs over the page's
    width, then "Nơi nhận" and the signature."""

    name: str
    kind: str  # "BÁO CÁO"; "" for a letter (công văn), which has none
    subject: str
    paragraphs: Sequence[Paragraph]
    number: str = ""
    date: str = ""
    recipients: Sequence[str] | None = None
    to: str = ""  # a letter's addressee

    @property
    def title(self) -> str:
        return f"{self.kind} {self.subject}".strip()


def printable_width(wide: bool) -> float:
    """The width (points) a sheet prints on, inside the margins."""
    paper = A4_INCH[1] if wide else A4_INCH[0]
    return (paper - MARGINS_INCH.left - MARGINS_INCH.right) * 72


def printable_height(wide: bool) -> float:
    """The height (points) a sheet prints on, inside the margins (the page number is in them)."""
    paper = A4_INCH[0] if wide else A4_INCH[1]
    return (paper - MARGINS_INCH.top - MARGINS_INCH.bottom) * 72


def column_points(excel_width: float) -> float:
    """A column's printed width at 100 %, from its width in Excel's units (7 px a unit + 5 px)."""
    return (excel_width * 7 + 5) * 0.75


def excel_width(points: float) -> float:
    """The width in Excel's units of a column printed at most `points` wide at 100 % (`column_points`
    undone, to a hundredth of a unit)."""
    return math.floor((points / 0.75 - 5) / 7 * 100) / 100


def print_scale(widths: Sequence[float], wide: bool) -> int:
    """The scale (%) at which columns `widths` wide (Excel's units) take WIDTH_FILL of the paper's
    width; 100 when they do as they are, never below PRINT_SCALE_LEAST (wider columns print on more
    pages)."""
    total = sum(column_points(width) for width in widths)
    return max(PRINT_SCALE_LEAST, min(100, int(100 * printable_width(wide) * WIDTH_FILL / total)))


def write(target: Path, sheets: Sequence[Sheet | Text], head: Letterhead, profile: Profile,
          password: str | None = None, draft: bool = False, on: dt.date | None = None) -> int:
    """Writes the sheets; returns the number of table rows written in all. A workbook dated `on`
    (a report's date) is the same bytes each time it is written."""
    check_target(target, XLSX)
    with xlsx_book.Workbook(target, password, stamp=office_file.dated(on) if on else None) as workbook:
        workbook.properties.creator = nfc(f"{head.issuer} – {head.superior}")
        workbook.properties.title = nfc(sheets[0].title) if sheets else ""
        workbook.properties.language = "vi-VN"
        count = 0
        for spec in sheets:
            sheet = workbook.create_sheet(spec.name[:31])
            if isinstance(spec, Text):
                _text(sheet, spec, head, draft)
            else:
                count += _sheet(sheet, spec, head, draft)
        workbook.write()
    return count


def _sheet(sheet, spec: Sheet, head: Letterhead, draft: bool) -> int:
    records = list(spec.records)
    widths, cut = _grid(_fitted(spec.columns, records))
    _columns(sheet, widths)
    _page_setup(sheet, widths, spec.wide, draft)
    heading = _heading(spec)
    header_row = ((1 if draft else 0) + LETTERHEAD_ROWS + (1 if head.secrecy else 0) + 1 + len(heading)
                  + 2)  # blank, title, blank
    sheet.freeze_panes = f"A{header_row + 1}"  # a write-only sheet takes its view before its rows
    sheet.print_title_rows = f"{header_row}:{header_row}"
    rows = _Rows(sheet, [column_points(width) for width in widths])
    _letterhead(rows, spec, head, draft)
    for text, font in heading:
        rows.across(nfc(text), font)
    rows.blank()
    rows.table([_cell(sheet, column.label, BOLD_FONT, CENTRE, fill=True) for column in spec.columns], cut)
    texted = {index for index, column in enumerate(spec.columns)
              if column.field is not None and column.field.text_only}
    count = 0
    for record in records:
        font = BOLD_FONT if record.get(TOTAL) else BODY_FONT
        rows.table([_value(sheet, column, record, font, index in texted)
                    for index, column in enumerate(spec.columns)], cut)
        count += 1
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(widths))}{header_row + count}"
    closing = max(header_row, rows.count - 1)  # the table's last two rows, on the page of what follows
    for text in spec.notes:
        rows.across(nfc(text), LINE_FONT)
    if spec.signed:
        _signature(rows, spec, head)
    rows.keep(header_row, header_row + 1)
    rows.keep(closing, rows.count)
    rows.paginate(_page_height(widths, spec.wide), repeated=header_row)
    return count


def _fitted(columns: Sequence[Column], records: Sequence[Mapping[str, Any]]) -> list[float]:
    """The columns' widths in Excel's units: a column never broken (a slip number, a date) as wide as
    its longest value on one line, the room it takes beyond its own width given by the columns whose
    text wraps, in proportion to their widths and up to GIVEN_MOST of them (the sheet prints at the
    same scale)."""
    own = [column.excel_width or 14 for column in columns]
    widths = list(own)
    for index, column in enumerate(columns):
        if column.whole:
            longest = max((fonts.width(nfc(column.text(record)), REGULAR, SIZE) for record in records), default=0.0)
            widths[index] = max(own[index], excel_width(longest / SCREEN_SLACK + CELL_MARGINS) + 0.01)
    wrapping = [index for index, column in enumerate(columns) if not column.whole]
    room = sum(own[index] for index in wrapping)
    given = min(GIVEN_MOST, (sum(widths) - sum(own)) / room) if room else 0.0
    for index in wrapping:
        widths[index] = round(own[index] * (1 - given), 2)
    return widths


def _heading(spec: Sheet) -> list[tuple[str, Font]]:
    """The lines above the table and their fonts: the title, the subject, the lines in italics."""
    lines = [(text, BOLD_FONT) for text in spec.subject] + [(text, LINE_FONT) for text in spec.heading[1:]]
    return [(spec.heading[0], TITLE_FONT), *lines] if spec.heading else lines


def _text(sheet, spec: Text, head: Letterhead, draft: bool) -> None:
    """Two columns over the page's width, split where the letterhead's left block ends; the
    title and each paragraph merged across both."""
    width = printable_width(False) * WIDTH_FILL
    widths = [excel_width(width * LEFT_COLUMN), excel_width(width * (1 - LEFT_COLUMN))]
    _columns(sheet, widths)
    _page_setup(sheet, widths, False, draft)
    rows = _Rows(sheet, [column_points(width) for width in widths])
    _letterhead(rows, spec, head, draft, "" if spec.kind else spec.subject)
    if spec.kind:
        rows.across(nfc(spec.kind), TITLE_FONT)
        rows.across(nfc(spec.subject), BOLD_FONT)
        rows.across("-----", BODY_FONT)
    if spec.to:
        rows.across(nfc(f"Kính gửi: {spec.to}"), BODY_FONT)
    rows.blank()
    for paragraph in spec.paragraphs:
        rows.paragraph(nfc(paragraph.text), FACES[paragraph.font], JUSTIFIED if paragraph.justify else WRAPPED)
        if paragraph.heading:
            rows.keep(rows.count, rows.count + 1)
    last = rows.count  # the body's last row, on the page of the signature
    _signature(rows, spec, head)
    rows.keep(last, rows.count)
    rows.paginate(_page_height(widths, False))


def _page_height(widths: Sequence[float], wide: bool) -> float:
    """The height (points, as rows are measured) a page's breaks count on, at the sheet's scale."""
    return printable_height(wide) * PAGE_FILL * 100 / print_scale(widths, wide)


def _grid(widths: Sequence[float]) -> tuple[list[float], int | None]:
    """The sheet's columns for a table's: the letterhead's left block ends where the PDF's does
    (LEFT_COLUMN of the width), on an edge of the table's columns near it, else where the column
    under it is cut in two (its cells merged over both). Also the index of the column cut."""
    points = [column_points(width) for width in widths]
    total = sum(points)
    edge = total * LEFT_COLUMN
    edges = list(accumulate(points))
    if any(abs(at - edge) <= CUT_NEAR * total for at in edges[:-1]):
        return list(widths), None
    cut = next(index for index, at in enumerate(edges) if at > edge)
    first = excel_width(edge - (edges[cut] - points[cut]))
    return [*widths[:cut], first, round(widths[cut] - first - 5 / 7, 2), *widths[cut + 1:]], cut


def _columns(sheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _page_setup(sheet, widths: Sequence[float], wide: bool, draft: bool) -> None:
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if wide else "portrait"
    sheet.page_setup.scale = print_scale(widths, wide)
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    sheet.page_margins = MARGINS_INCH
    sheet.print_options.horizontalCentered = True
    for footer in (sheet.oddFooter, sheet.firstFooter) if draft else (sheet.oddFooter,):
        footer.center.text = "Trang &P / &N"
        footer.center.font = f"{FONT_NAME},Regular"
    if draft:  # the pages after the first: the first page's own first row says it
        sheet.HeaderFooter.differentFirst = True
        sheet.oddHeader.right.text = DRAFT
        sheet.oddHeader.right.font = f"{FONT_NAME},Bold"


class _Rows:
    """Appends rows to a write-only sheet, merging a line's cells across the table's width
    (`widths`: its columns' widths in points)."""

    def __init__(self, sheet, widths: Sequence[float]):
        self.sheet, self.widths, self.width, self.count = sheet, widths, len(widths), 0
        self.heights: list[float] = []  # each row's, as written or as Excel makes a row of one line
        self.kept: set[int] = set()  # rows printed on the page of the row below them

    def add(self, cells: list, height: float | None = None) -> int:
        """Appends a row, `height` points tall when given (a row's dimensions go before its cells)."""
        if height is not None:
            self.sheet.row_dimensions[self.count + 1].height = height
        sizes = [cell.font.sz for cell in cells if cell is not None and cell.value is not None]
        self.heights.append(height or max(sizes, default=DEFAULT_ROW / LINE_HEIGHT) * LINE_HEIGHT)
        self.sheet.append(cells)
        self.count += 1
        return self.count

    def table(self, cells: list, cut: int | None) -> None:
        """A row of the table, the cell of the column cut merged over its two sheet columns (the
        second keeps its border and fill), as tall as its longest text."""
        if cut is not None:
            filler = xlsx_book.cell(self.sheet, None, border=copy(cells[cut].border), fill=copy(cells[cut].fill))
            cells = [*cells[:cut + 1], filler, *cells[cut + 1:]]
        widths = [width + (self.widths[index + 1] if index == cut else 0.0)
                  for index, width in enumerate(self.widths)]
        lines = [_lines((cell.value, cell.font, cell.alignment), width)
                 for cell, width in zip(cells, widths, strict=True) if isinstance(cell.value, str)]
        most = max(lines, default=(1, SIZE), key=lambda found: found[0] * found[1])
        self.add(cells, min(TALLEST_ROW, most[0] * most[1] * LINE_HEIGHT) if most[0] > 1 else None)
        if cut is not None:
            self.merge(cut + 1, cut + 2)

    def keep(self, first: int, last: int) -> None:
        """Rows `first` to `last` printed on one page."""
        self.kept.update(range(first, last))

    def paginate(self, page: float, repeated: int | None = None) -> None:
        """Page breaks where rows fill a page `page` points tall, never between rows kept together
        (Excel's own breaks would fall by the rows alone); row `repeated` (a table's header) prints
        again at the top of every page after the first."""
        title = self.heights[repeated - 1] if repeated else 0.0
        used, row = 0.0, 1
        while row <= self.count:
            last = row
            while last in self.kept:
                last += 1
            block = sum(self.heights[row - 1:last])
            if used and used + block > page:
                self.sheet.row_breaks.append(Break(id=row - 1))
                used = title
            used = (used + block) % page if block > page else used + block
            row = last + 1

    def blank(self) -> int:
        return self.add([])

    def merge(self, first: int, last: int) -> None:
        if last > first:
            self.sheet.merged_cells.add(f"{get_column_letter(first)}{self.count}:{get_column_letter(last)}{self.count}")

    def across(self, text: str, font: Font, alignment: Alignment = CENTRE) -> int:
        """One line of text over the whole width (a title, a period, a note), as tall as its lines."""
        count, size = _lines((text, font, alignment), sum(self.widths))
        height = min(TALLEST_ROW, count * size * LINE_HEIGHT) if count > 1 or size > SIZE else None
        self.add([_cell(self.sheet, text, font, alignment)], height)
        self.merge(1, self.width)
        return self.count

    def paragraph(self, text: str, font: Font, alignment: Alignment) -> None:
        """A paragraph over the whole width, with a little room below; one too long for Excel's
        tallest row goes on in the next rows, cut between its lines."""
        lines = wrapped(text, font, sum(self.widths))
        most = int((TALLEST_ROW - PARAGRAPH_AFTER) // (font.sz * LINE_HEIGHT))
        for first in range(0, len(lines), most):
            part = lines[first:first + most]
            self.add([_cell(self.sheet, text if len(part) == len(lines) else " ".join(part), font, alignment)],
                     len(part) * font.sz * LINE_HEIGHT + PARAGRAPH_AFTER)
            self.merge(1, self.width)

    def split(self, left: tuple | None, right: tuple | None, left_share: float = LEFT_COLUMN) -> None:
        """Text on the left part and on the right part of the width, each part merged; a row whose
        text wraps is given the height of its lines, the other part's included."""
        middle = self._middle(left_share)
        cells: list = [None] * self.width
        parts = [(part, widths) for part, widths in ((left, self.widths[:middle]), (right, self.widths[middle:]))
                 if part]
        lines = [_lines(part, sum(widths)) for part, widths in parts]
        wraps = any(count > 1 for count, _ in lines)
        if left:
            cells[0] = _cell(self.sheet, *left)
        if right:
            cells[middle] = _cell(self.sheet, *right)
        self.add(cells, max(count * size * LINE_HEIGHT for count, size in lines) if wraps else None)
        self.merge(1, middle)
        self.merge(middle + 1, self.width)

    def name(self, text: str, font: Font) -> str:
        """A body's name in the letterhead's left part, on the lines the PDF's header block would
        break it into in a column as wide (Excel's own wrapping breaks it where the line runs out)."""
        return "\n".join(name_lines(nfc(text), _face(font), font.sz, _text_width(sum(self.widths[:self._middle()]))))

    def _middle(self, left_share: float = LEFT_COLUMN) -> int:
        """How many columns the left part takes: its edge nearest `left_share` of the width."""
        edges = list(accumulate(self.widths))[:-1]
        return 1 + min(range(len(edges)), key=lambda index: abs(edges[index] - sum(self.widths) * left_share))


def _lines(part: tuple, width: float) -> tuple[int, float]:
    """The lines a cell's (text, font, alignment …) takes in merged cells `width` wide, and its size."""
    text, font, alignment = part[:3]
    if not alignment.wrap_text:
        return 1, font.sz
    return len(wrapped(text, font, width)), font.sz


def wrapped(text: str, font: Font, width: float) -> list[str]:
    """`text`'s lines as Excel wraps them at most in cells `width` wide."""
    return wrap(text, _face(font), font.sz, _text_width(width))


def _face(font: Font) -> str:
    return {(False, False): REGULAR, (True, False): BOLD, (False, True): ITALIC,
            (True, True): BOLD_ITALIC}[bool(font.b), bool(font.i)]


def _text_width(width: float) -> float:
    """How wide a line of text Excel surely fits in cells `width` points wide."""
    return (width - CELL_MARGINS) * SCREEN_SLACK


def _letterhead(rows: _Rows, spec: Sheet | Text, head: Letterhead, draft: bool, under_number: str = "") -> None:
    """The header block (HD 36), a letter's trích yếu ("V/v …", italic) `under_number`; the names broken
    as the PDF breaks them, or left whole for Excel to wrap (a letterhead without named_breaks)."""
    if draft:  # on the screen as on paper (the page header shows only when printed)
        rows.split(None, (DRAFT, BOLD_FONT, Alignment(horizontal="right")), left_share=0.6)
    superior, issuer = ((rows.name(head.superior, BODY_FONT), rows.name(head.issuer, BOLD_FONT)) if head.named_breaks
                        else (nfc(head.superior), nfc(head.issuer)))
    rows.split((superior, BODY_FONT, CENTRE), (PARTY, PARTY_FONT, CENTRE))
    rows.split((issuer, BOLD_FONT, CENTRE), None)
    rows.split(("*", BOLD_FONT, CENTRE), None)
    rows.split((nfc(spec.number), BODY_FONT, CENTRE) if spec.number else None,
               (nfc(spec.date), LINE_FONT, CENTRE) if spec.date else None)
    if under_number:
        rows.split((nfc(under_number), LINE_FONT, CENTRE), None)
    if head.secrecy:
        rows.split((nfc(head.secrecy), TITLE_FONT, CENTRE, STAMP), None)
    rows.blank()


def _signature(rows: _Rows, spec: Sheet | Text, head: Letterhead) -> None:
    rows.blank()
    recipients = list(spec.recipients or ())
    left = ["Nơi nhận:", *(f"- {text}" for text in recipients)] if spec.recipients is not None else []
    right = [*head.titles, *([""] * SIGNATURE_ROWS), head.signer]
    for number in range(max(len(left), len(right))):
        left_text = left[number] if number < len(left) else None
        right_text = right[number] if number < len(right) else None
        left_font = UNDERLINED if number == 0 else Font(name=FONT_NAME, size=11)
        rows.split((nfc(left_text), left_font, Alignment(vertical="top", wrap_text=True)) if left_text else None,
                   (nfc(right_text), BOLD_FONT, CENTRE) if right_text else None, left_share=SIGNATURE_SHARE)


def _cell(sheet, value: object, font: Font, alignment: Alignment, border: Border | None = None,
          fill: bool = False):
    return xlsx_book.cell(sheet, value, font=font, alignment=alignment, fill=HEADER_FILL if fill else None,
                          border=GRID if fill else border)


def _value(sheet, column: Column, record: Mapping[str, Any], font: Font, as_text: bool):
    value = column.cell(record)
    alignment = Alignment(horizontal={"center": "center", "right": "right"}.get(column.align, "left"),
                          vertical="top", wrap_text=True)
    if isinstance(value, DayWithWords):
        cell = _cell(sheet, value.day, font, alignment, GRID)
        cell.number_format = f'{DATE_FORMAT}" {value.words}"' if value.words else DATE_FORMAT
        return cell
    cell = _cell(sheet, nfc(value) if isinstance(value, str) else value, font, alignment, GRID)
    if isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = VIETNAMESE_COUNT
    elif as_text and value is not None:
        cell.number_format = TEXT_FORMAT
    return cell
