"""Workbooks the office opens in Excel: import templates and register exports.

Exports are streamed by XlsxWriter in the import layout (so they import again unchanged): bold
frozen header row, autofilter, widths by field type, full dates as real date cells shown
dd/mm/yyyy, identity and slip numbers as text, A4 print setup with the header row repeated and
page numbers. A password, when given, encrypts the file (msoffcrypto-tool). Templates are small
and built with openpyxl (comments, drop-down lists, an instructions sheet).
"""

from collections.abc import Iterable, Mapping
from pathlib import Path

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..core.errors import InputError
from ..core.fields import Field, FieldType
from ..core.kinds import Kind
from . import xlsx_book
from .xlsx_book import TEXT_FORMAT

DATE_FORMAT = "DD/MM/YYYY"
HEADER_FONT = Font(name="Times New Roman", bold=True)
REQUIRED_FONT = Font(name="Times New Roman", bold=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TEMPLATE_ROWS = 1000
_WIDTHS = {FieldType.DATE: 13, FieldType.PARTIAL_DATE: 13, FieldType.CCCD: 15, FieldType.CMND: 13,
           FieldType.YEAR: 8}


def column_width(spec: Field) -> float:
    base = _WIDTHS.get(spec.type, 40 if spec.max_length > 1000 else 24)
    if spec.type is FieldType.CHOICE:
        base = max(len(choice) for choice in spec.choices) + 4
    return max(base, len(spec.header) + 4)


def _header_cells(sheet, kind: Kind) -> list:
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return [xlsx_book.cell(sheet, spec.header, font=REQUIRED_FONT if spec.required else HEADER_FONT,
                           fill=HEADER_FILL, alignment=centred) for spec in kind.fields]


def _page_setup(sheet, kind: Kind, title: str) -> None:
    for index, spec in enumerate(kind.fields, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width(spec)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if len(kind.fields) > 6 else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.center.text = title
    sheet.oddFooter.center.text = "Trang &P / &N"


def write_export(kind: Kind, rows: Iterable[Mapping], target: Path, password: str | None = None) -> int:
    """Writes `rows` (values by field key) in the import layout; returns how many."""
    _check_target(Path(target))
    written = 0

    def fill(book) -> None:
        nonlocal written
        fields = kind.fields
        sheet = xlsx_book.StreamedSheet(book, kind.title[:31])
        header = {"font_name": HEADER_FONT.name, "bold": True, "bg_color": f"#{HEADER_FILL.fgColor.rgb[-6:]}",
                  "pattern": 1, "align": "center", "valign": "vcenter", "text_wrap": True}
        headers = {required: book.add_format({**header, **({"font_color": f"#{REQUIRED_FONT.color.rgb[-6:]}"}
                                                           if required else {})}) for required in (False, True)}
        sheet.row(0, [spec.header for spec in fields], [headers[spec.required] for spec in fields])
        dates, texts = book.add_format({"num_format": DATE_FORMAT}), book.add_format({"num_format": TEXT_FORMAT})
        formats = [dates if spec.type in (FieldType.DATE, FieldType.PARTIAL_DATE) else texts if spec.text_only
                   else None for spec in fields]
        for written, record in enumerate(rows, start=1):  # noqa: B007 - the count is the last row's
            sheet.row(written, [spec.to_cell(record[spec.key]) for spec in fields], formats)
        _streamed_page_setup(sheet.sheet, kind, written)

    xlsx_book.streamed(Path(target), fill, password)
    return written


def _streamed_page_setup(sheet, kind: Kind, rows: int) -> None:
    """`_page_setup`, for a sheet XlsxWriter writes, with the autofilter over the rows written."""
    for index, spec in enumerate(kind.fields):
        sheet.set_column(index, index, column_width(spec))
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    sheet.set_paper(9)  # A4
    if len(kind.fields) > 6:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_header("&C" + kind.title.replace("&", "&&"))
    sheet.set_footer("&CTrang &P / &N")
    sheet.autofilter(0, 0, rows, len(kind.fields) - 1)


def write_template(kind: Kind, target: Path) -> None:
    """An empty import workbook: headers, text-formatted identity columns, drop-down lists and
    an instructions sheet."""
    _check_target(Path(target))
    workbook = xlsx_book.Workbook(target, write_only=False)
    sheet = workbook.active
    sheet.title = kind.title[:31]
    lists = workbook.create_sheet("Danh mục")
    for column, spec in enumerate(kind.fields, start=1):
        cell = xlsx_book.put(sheet, 1, column, spec.header)
        cell.font = REQUIRED_FONT if spec.required else HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.comment = Comment(_describe(spec), "BVCT Desktop")
        letter = get_column_letter(column)
        # the column's own format: whatever row the officer types in keeps text as text, dates as dates
        if spec.text_only:
            sheet.column_dimensions[letter].number_format = TEXT_FORMAT
        if spec.type is FieldType.DATE:
            sheet.column_dimensions[letter].number_format = DATE_FORMAT
        if spec.choices:
            for row, choice in enumerate(spec.choices, start=1):
                xlsx_book.put(lists, row, column, choice)
            validation = DataValidation(
                type="list", formula1=f"='Danh mục'!${letter}$1:${letter}${len(spec.choices)}",
                allow_blank=True, showErrorMessage=True, errorTitle="Giá trị không hợp lệ",
                error=f"Chọn một trong: {', '.join(spec.choices)}")
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(validation)
    _page_setup(sheet, kind, kind.title)
    lists.sheet_state = "hidden"
    _instructions(workbook.create_sheet("Hướng dẫn"), kind)
    workbook.write()


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
        parts.append(spec.hint[0].upper() + spec.hint[1:] + ".")
    return " ".join(parts)


def _instructions(sheet, kind: Kind) -> None:
    xlsx_book.append(sheet, [f"HƯỚNG DẪN NHẬP DỮ LIỆU: {kind.title.upper()}"])
    sheet["A1"].font = Font(name="Times New Roman", bold=True, size=13)
    xlsx_book.append(sheet, ["Mỗi dòng một bản ghi; dòng 1 là tiêu đề cột (thứ tự cột tùy ý, cột thừa được bỏ qua). "
                  "Cột chữ đỏ là bắt buộc. Tệp được nhập tất cả hoặc không dòng nào: "
                  "nếu có lỗi, chương trình liệt kê từng lỗi theo dòng và cột, dữ liệu không thay đổi."])
    xlsx_book.append(sheet, [])
    xlsx_book.append(sheet, ["Cột", "Bắt buộc", "Cách ghi"])
    for cell in sheet[4]:
        cell.font = HEADER_FONT
    for spec in kind.fields:
        xlsx_book.append(sheet, [spec.header, "Có" if spec.required else "", _describe(spec)])
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 10
    sheet.column_dimensions["C"].width = 90


def _check_target(target: Path) -> None:
    if target.suffix.lower() != ".xlsx":
        raise InputError(f"Tệp xuất «{target.name}» phải có đuôi .xlsx.")
    if not target.parent.is_dir():
        raise InputError(f"Thư mục «{target.parent}» không tồn tại.")

