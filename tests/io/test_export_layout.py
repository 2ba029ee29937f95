"""A register export (written by XlsxWriter) in the import layout, as an officer prints and filters
it: text as text cells, full dates as date cells, the header row styled, frozen and repeated, an
autofilter over every row, A4 fitted to the page width, page numbers."""

import datetime as dt

import openpyxl
from openpyxl.utils import get_column_letter

from bvct_desktop.core.kinds import ARCHIVE_REQUESTS, SLIPS
from bvct_desktop.io import xlsx_writer

SLIP = {"number": "012/PXM", "issued_on": dt.date(2025, 3, 4), "full_name": "=HYPERLINK(\"x\")",
        "birth_date": "1955-03", "recipient": "Cục A93B – Bộ Công an", "result_no": "0125",
        "note": "#REF!", "result_on": None}


def _exported(tmp_path, rows):
    out = tmp_path / "phieu.xlsx"
    assert xlsx_writer.write_export(SLIPS, [{spec.key: row.get(spec.key) for spec in SLIPS.fields}
                                            for row in rows], out) == len(rows)
    return openpyxl.load_workbook(out).worksheets[0]


def test_values_keep_their_kind_of_cell(tmp_path):
    sheet = _exported(tmp_path, [SLIP, {**SLIP, "number": "13/PXM", "birth_date": "1955-03-12"}])
    headers = [cell.value for cell in sheet[1]]
    assert headers == [spec.header for spec in SLIPS.fields]
    first = {header: cell for header, cell in zip(headers, sheet[2], strict=True)}
    assert (first["Số phiếu"].value, first["Số phiếu"].data_type, first["Số phiếu"].number_format) == \
        ("012/PXM", "s", "@")
    assert first["Số văn bản trả lời"].value == "0125" and first["Số văn bản trả lời"].data_type == "s"
    assert first["Ngày phát hành"].value == dt.datetime(2025, 3, 4)
    assert first["Ngày phát hành"].number_format.upper() == "DD/MM/YYYY" and first["Ngày phát hành"].is_date
    assert first["Ngày sinh"].value == "03/1955" and first["Ngày sinh"].data_type == "s"
    assert sheet.cell(3, headers.index("Ngày sinh") + 1).value == dt.datetime(1955, 3, 12)
    assert first["Họ và tên người được xác minh"].data_type == "s"  # a formula's text stays text
    assert first["Ghi chú"].value == "#REF!" and first["Ghi chú"].data_type == "s"
    assert first["Ngày nhận kết quả"].value is None


def test_the_sheet_is_laid_out_for_screen_and_paper(tmp_path):
    sheet = _exported(tmp_path, [SLIP] * 3)
    assert sheet.title == SLIPS.title[:31]
    last = openpyxl.utils.get_column_letter(len(SLIPS.fields))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}4"
    assert sheet["A1"].font.bold and sheet["A1"].font.name == "Times New Roman"
    assert sheet["A1"].font.color.rgb.endswith("C00000")  # a required column
    assert sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    assert sheet.print_title_rows.replace("$", "") == "1:1" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0  # 1 is the default
    assert "Trang &P / &N" in sheet.oddFooter.center.text
    assert sheet.column_dimensions["A"].width > 10


def test_an_empty_register_is_its_header_row(tmp_path):
    sheet = _exported(tmp_path, [])
    assert sheet.max_row == 1 and sheet["A1"].value == "Số phiếu"


def test_rows_added_under_an_export_keep_the_template_s_formats_and_lists(tmp_path):
    """An officer typing «0007» under an exported register keeps the text «0007», as in a template."""
    exported = _exported(tmp_path, [SLIP, {**SLIP, "number": "13/PXM"}]).parent
    xlsx_writer.write_template(SLIPS, tmp_path / "mau.xlsx")
    template = openpyxl.load_workbook(tmp_path / "mau.xlsx")
    letters = [get_column_letter(index) for index in range(1, len(SLIPS.fields) + 1)]

    def formats(book):
        return [book.worksheets[0].column_dimensions[letter].number_format for letter in letters]

    assert formats(exported) == formats(template) and formats(exported)[0] == "@"

    def lists(book, rows):
        return [(v.type, v.formula1, str(v.sqref).replace(str(rows), "N"))
                for v in book.worksheets[0].data_validations.dataValidation]

    assert lists(exported, 1003) == lists(template, 1001) != []
    assert [list(exported[name].values) for name in ("Danh mục",)] == [list(template["Danh mục"].values)]
    assert exported["Danh mục"].sheet_state == "hidden"


def test_an_archive_requests_document_number_is_kept_as_written(tmp_path):
    """«12/5», the number of a province's letter, typed under the template or an export stays that text,
    not the date 12 May that Excel makes of it in a column of general format."""
    xlsx_writer.write_template(ARCHIVE_REQUESTS, tmp_path / "mau.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "mau.xlsx").worksheets[0]
    column = get_column_letter([spec.header for spec in ARCHIVE_REQUESTS.fields].index("Số văn bản") + 1)
    assert sheet.column_dimensions[column].number_format == "@"
