"""An import template (written by XlsxWriter, as the exports are): the import headers with a
comment saying how to fill each column, every row of a text column formatted as text and of a date
column as a date, drop-down lists from a hidden list sheet, the instructions on a sheet of their own."""

import openpyxl
import pytest

from bvct_desktop.core.fields import FieldType
from bvct_desktop.core.kinds import KINDS
from bvct_desktop.io import xlsx_writer


@pytest.fixture(scope="module", params=["cadres", "slips"])
def template(request, tmp_path_factory):
    kind = KINDS[request.param]
    out = tmp_path_factory.mktemp("mau") / "mau.xlsx"
    xlsx_writer.write_template(kind, out)
    return kind, openpyxl.load_workbook(out)


def test_the_headers_say_how_to_fill_their_column(template):
    kind, book = template
    sheet = book.worksheets[0]
    assert sheet.title == kind.title[:31] and sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[1]] == [spec.header for spec in kind.fields]
    for cell, spec in zip(sheet[1], kind.fields, strict=True):
        assert cell.comment.text == xlsx_writer._describe(spec) and cell.font.bold
        red = cell.font.color is not None and str(cell.font.color.rgb).endswith("C00000")
        assert red == spec.required, spec.key


def test_every_row_of_a_column_keeps_its_kind_of_value(template):
    kind, book = template
    sheet = book.worksheets[0]
    for index, spec in enumerate(kind.fields, start=1):
        shown = sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].number_format
        if spec.text_only:
            assert shown == "@", spec.key
        elif spec.type is FieldType.DATE:
            assert shown.upper() == "DD/MM/YYYY", spec.key


def test_choices_come_from_the_hidden_list_sheet(template):
    kind, book = template
    lists = book["Danh mục"]
    assert lists.sheet_state == "hidden"
    validations = book.worksheets[0].data_validations.dataValidation
    chosen = [(index, spec) for index, spec in enumerate(kind.fields, start=1) if spec.choices]
    assert len(validations) == len(chosen)
    for validation, (index, spec) in zip(validations, chosen, strict=True):
        letter = openpyxl.utils.get_column_letter(index)
        assert validation.type == "list" and str(validation.sqref) == f"{letter}2:{letter}1001"
        assert validation.formula1 == f"'Danh mục'!${letter}$1:${letter}${len(spec.choices)}"
        assert [lists.cell(row, index).value for row in range(1, len(spec.choices) + 1)] == list(spec.choices)


def test_the_instructions_list_every_column(template):
    kind, book = template
    rows = list(book["Hướng dẫn"].iter_rows(values_only=True))
    assert rows[0][0] == f"HƯỚNG DẪN NHẬP DỮ LIỆU: {kind.title.upper()}"
    assert rows[3] == ("Cột", "Bắt buộc", "Cách ghi")
    assert [row[0] for row in rows[4:]] == [spec.header for spec in kind.fields]


def test_the_instructions_print_whole_on_a4_landscape_fitted_to_the_width(template):
    """Each line wrapped within its column in a row tall enough for it (LibreOffice sizes none): the
    intro paragraph and «Cách ghi» were cut at the paper's edge, on four pages."""
    _kind, book = template
    sheet = book["Hướng dẫn"]
    setup = sheet.page_setup
    assert setup.paperSize == 9 and setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0
    assert "Trang &P / &N" in sheet.oddFooter.center.text
    intro = sheet["A2"]
    assert any(intro.coordinate in merged and merged.max_col == 3 for merged in sheet.merged_cells.ranges)
    width = sum(sheet.column_dimensions[letter].width for letter in "ABC")
    for cell in [intro, *(row[2] for row in sheet.iter_rows(min_row=5))]:
        shown = width if cell is intro else sheet.column_dimensions["C"].width
        assert cell.alignment.wrap_text
        lines = -(-len(cell.value) // int(shown))  # a character at most as wide as Excel's width unit
        assert (sheet.row_dimensions[cell.row].height or 15) >= 15 * lines, cell.value
