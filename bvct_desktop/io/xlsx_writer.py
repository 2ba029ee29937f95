"""Workbooks the office opens in Excel: import templates and register exports.

Exports are streamed by XlsxWriter in the import layout (so they import again unchanged): bold
frozen header row, autofilter, widths by field type, full dates as real date cells shown
dd/mm/yyyy, identity and slip numbers as text, A4 print setup with the header row repeated and
page numbers, and the template's column formats and drop-down lists for the rows an officer adds.
A password, when given, encrypts the file (msoffcrypto-tool). Templates are written the same way
(with comments and an instructions sheet), so `bvct template` loads no openpyxl.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..core.fields import YES, Field, FieldType
from ..core.files import check_target
from ..core.kinds import Kind
from ..core.text import capitalised
from . import xlsx_stream
from .xlsx_stream import TEXT_FORMAT

XLSX = ".xlsx"
DATE_FORMAT = "DD/MM/YYYY"
HEADER_FONT_NAME = "Times New Roman"
REQUIRED_COLOR = "C00000"  # a required column's header
HEADER_COLOR = "DDEBF7"  # the header row's fill
TEMPLATE_ROWS = 1000
INSTRUCTION_WIDTHS = (34, 10, 90)  # the instructions sheet's: column, required, how to fill it
LINE_POINTS = 15.0  # a line of Calibri 11, Excel's default font
_WIDTHS = {FieldType.DATE: 13, FieldType.PARTIAL_DATE: 13, FieldType.CCCD: 15, FieldType.CMND: 13,
           FieldType.YEAR: 8}


def column_width(spec: Field) -> float:
    base = _WIDTHS.get(spec.type, 40 if spec.max_length > 1000 else 24)
    if spec.type is FieldType.CHOICE:
        base = max(len(choice) for choice in spec.choices) + 4
    return max(base, len(spec.header) + 4)


def write_export(kind: Kind, rows: Iterable[Mapping], target: Path, password: str | None = None) -> int:
    """Writes `rows` (values by field key) in the import layout; returns how many."""
    check_target(target, XLSX)
    written = 0

    def fill(book) -> None:
        nonlocal written
        fields = kind.fields
        sheet = _register_sheet(book, kind)
        texts, dates, lines = _value_formats(book)
        formats = [dates if spec.type in (FieldType.DATE, FieldType.PARTIAL_DATE) else texts if spec.text_only
                   else lines if spec.keeps_lines else None for spec in fields]
        for written, record in enumerate(rows, start=1):  # noqa: B007 - the count is the last row's
            sheet.row(written, [spec.to_cell(record[spec.key]) for spec in fields], formats)
        _columns(book, sheet, kind, written, texts, dates, lines)
        sheet.sheet.autofilter(0, 0, written, len(fields) - 1)

    xlsx_stream.streamed(Path(target), fill, password)
    return written


def _register_sheet(book, kind: Kind) -> xlsx_stream.StreamedSheet:
    """The kind's sheet with its header row: bold, filled, required columns in red."""
    sheet = xlsx_stream.StreamedSheet(book, kind.title[:31])
    formats = {required: header_format(book, required) for required in (False, True)}
    sheet.row(0, [spec.header for spec in kind.fields], [formats[spec.required] for spec in kind.fields])
    return sheet


def header_format(book, required: bool = False):
    """The header row's cells: bold, filled, centred and wrapped; a required column's in red."""
    return book.add_format({"font_name": HEADER_FONT_NAME, "bold": True, "bg_color": f"#{HEADER_COLOR}",
                            "pattern": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
                            **({"font_color": f"#{REQUIRED_COLOR}"} if required else {})})


def print_setup(sheet, title: str, widths: Sequence[float], formats: Sequence, landscape: bool,
                header_row: int = 0) -> None:
    """Each column's width and own format, the header row (0-based) frozen and repeated on every
    page, A4 fitted to the page width, the title and page numbers."""
    for index, (width, column_format) in enumerate(zip(widths, formats, strict=True)):
        sheet.set_column(index, index, width, column_format)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_paper(9)  # A4
    if landscape:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_header("&C" + title.replace("&", "&&"))
    sheet.set_footer("&CTrang &P / &N")


def write_template(kind: Kind, target: Path) -> None:
    """An empty import workbook: headers, text-formatted identity columns, drop-down lists and
    an instructions sheet."""
    check_target(target, XLSX)

    def fill(book) -> None:
        sheet = _register_sheet(book, kind)
        for column, spec in enumerate(kind.fields):
            sheet.sheet.write_comment(0, column, _describe(spec), {"author": "BVCT Desktop"})
        _columns(book, sheet, kind, 0, *_value_formats(book))
        _instructions(xlsx_stream.StreamedSheet(book, "Hướng dẫn"), kind)

    xlsx_stream.streamed(Path(target), fill)


def _value_formats(book) -> tuple:
    """The text and the date formats, and a long text's: its lines wrapped, from the top of its row."""
    return (book.add_format({"num_format": TEXT_FORMAT}), book.add_format({"num_format": DATE_FORMAT}),
            book.add_format({"text_wrap": True, "valign": "top"}))


def _columns(book, sheet: xlsx_stream.StreamedSheet, kind: Kind, filled: int, texts, dates, lines) -> None:
    """Each column's own format, so that whatever row the officer types in keeps text as text and dates
    as dates, and its drop-down list (from a hidden list sheet) over the `filled` rows and
    TEMPLATE_ROWS more; then the page set up."""
    from xlsxwriter.utility import xl_col_to_name

    lists = book.add_worksheet("Danh mục")
    for column, spec in enumerate(kind.fields):
        if spec.choices:
            for row, choice in enumerate(spec.choices):
                lists.write_string(row, column, choice)
            letter = xl_col_to_name(column)
            sheet.sheet.data_validation(1, column, filled + TEMPLATE_ROWS, column, {
                "validate": "list", "source": f"='Danh mục'!${letter}$1:${letter}${len(spec.choices)}",
                "ignore_blank": True, "show_error": True, "error_title": "Giá trị không hợp lệ",
                "error_message": f"Chọn một trong: {', '.join(spec.choices)}"})
    lists.hide()
    print_setup(sheet.sheet, kind.title, [column_width(spec) for spec in kind.fields],
                [texts if spec.text_only else dates if spec.type is FieldType.DATE else lines if spec.keeps_lines
                 else None for spec in kind.fields],
                landscape=len(kind.fields) > 6)


def _describe(spec: Field) -> str:
    kinds = {
        FieldType.TEXT: "Chữ.",
        FieldType.DATE: "Ngày, dạng dd/mm/yyyy.",
        FieldType.PARTIAL_DATE: "Ngày dd/mm/yyyy, hoặc chỉ tháng/năm mm/yyyy, hoặc chỉ năm yyyy.",
        FieldType.CHOICE: "Chọn một trong: " + ", ".join(spec.choices) + ".",
        FieldType.CCCD: "12 chữ số (ghi dạng văn bản để giữ số 0 đầu).",
        FieldType.CMND: "9 hoặc 12 chữ số.",
        FieldType.YEAR: "Năm, dạng yyyy.",
    }
    parts = ["Bắt buộc." if spec.required else "Không bắt buộc.", kinds[spec.type]]
    if spec.hint:
        parts.append(capitalised(spec.hint) + ".")
    return " ".join(parts)


def _instructions(sheet: xlsx_stream.StreamedSheet, kind: Kind) -> None:
    """The import rules, then each column and how to fill it: on A4 landscape fitted to the width,
    every text wrapped in a row as tall as its lines."""
    book = sheet.book
    title = book.add_format({"font_name": HEADER_FONT_NAME, "bold": True, "font_size": 13})
    bold = book.add_format({"font_name": HEADER_FONT_NAME, "bold": True})
    wrapped = book.add_format({"valign": "top", "text_wrap": True})
    sheet.sheet.merge_range(0, 0, 0, 2, f"HƯỚNG DẪN NHẬP DỮ LIỆU: {kind.title.upper()}", title)
    intro = ("Mỗi dòng một bản ghi; dòng 1 là tiêu đề cột (thứ tự cột tùy ý, cột thừa được bỏ qua). "
             "Cột chữ đỏ là bắt buộc. Tệp được nhập tất cả hoặc không dòng nào: "
             "nếu có lỗi, chương trình liệt kê từng lỗi theo dòng và cột, dữ liệu không thay đổi.")
    sheet.sheet.set_row(1, _height(intro, sum(INSTRUCTION_WIDTHS)))
    sheet.sheet.merge_range(1, 0, 1, 2, intro, wrapped)
    sheet.row(3, ["Cột", "Bắt buộc", "Cách ghi"], [bold] * 3)
    formats = [wrapped] * len(INSTRUCTION_WIDTHS)
    for row, spec in enumerate(kind.fields, start=4):
        described = _describe(spec)
        sheet.sheet.set_row(row, _height(described, INSTRUCTION_WIDTHS[-1]))
        sheet.row(row, [spec.header, YES if spec.required else "", described], formats)
    print_setup(sheet.sheet, kind.title, INSTRUCTION_WIDTHS, formats, landscape=True, header_row=3)


def _height(text: str, width: float) -> float:
    """The height (points) of a row whose `text` wraps in a column `width` units wide, a character
    counted as wide as the digit Excel measures widths by (a little wider than most letters). The
    fonts' own metrics would cost `bvct template` its quick start; LibreOffice sizes no row itself."""
    return LINE_POINTS * max(1, math.ceil(len(text) / int(width)))

