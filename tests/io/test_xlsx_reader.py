"""The reader gives values fast, fonts on demand, and finds formulas never calculated."""

import datetime as dt
import zipfile

import openpyxl
import pytest
from openpyxl.styles import Font

from bvct_desktop.core.errors import InputError
from bvct_desktop.core.legacy import encoding_of_font
from bvct_desktop.io import sheet_process, sheet_xml
from bvct_desktop.io.xlsx_reader import read_first_sheet, start_reading
from tests import hostile_workbooks


def test_values_dates_and_numbers_come_back_typed(tmp_path):
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Số"])
    book.active.append(["Nguyễn Văn Ánh", dt.date(1955, 3, 12), 60065001234])
    book.save(path)
    sheet = read_first_sheet(path)
    assert sheet.rows[0] == ["Họ và tên", "Ngày sinh", "Số"]
    assert sheet.rows[1][0] == "Nguyễn Văn Ánh"
    assert sheet.rows[1][1] == dt.date(1955, 3, 12)
    assert int(sheet.rows[1][2]) == 60065001234


def test_the_values_come_by_column_each_repeated_text_and_date_one_object(tmp_path):
    path = tmp_path / "cot.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Đơn vị", "Ngày", "Số", "Ghi chú"])
    for number in (1, 1.5, True):
        book.active.append(["Sở Tư pháp", dt.date(2025, 7, 1), number, None])
    book.save(path)
    sheet = read_first_sheet(path)
    units, days, numbers, notes = sheet.columns
    assert units == ["Đơn vị", "Sở Tư pháp", "Sở Tư pháp", "Sở Tư pháp"] and units[1] is units[2] is units[3]
    assert days[1:] == [dt.date(2025, 7, 1)] * 3 and days[1] is days[2] is days[3]
    assert [type(value) for value in numbers[1:]] == [float, float, bool]  # 1, 1.0 and True stay apart
    assert sheet.height == 4 and sheet.row(2) == ["Sở Tư pháp", dt.date(2025, 7, 1), 1.0, ""]
    assert sheet.rows == [sheet.row(number) for number in range(1, 5)]


def test_rows_keep_their_excel_numbers_when_the_sheet_starts_lower(tmp_path):
    path = tmp_path / "b.xlsx"
    book = openpyxl.Workbook()
    book.active["C3"] = "Họ và tên"
    book.save(path)
    sheet = read_first_sheet(path)
    assert sheet.rows[2][2] == "Họ và tên"


def test_fonts_are_read_for_the_columns_asked_for(tmp_path):
    path = tmp_path / "c.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Hä vµ tªn"
    book.active["A1"].font = Font(name=".VnTime")
    book.active["B1"] = "VIÖT NAM"
    book.active["B1"].font = Font(name=".VnTimeH")
    book.save(path)
    sheet = read_first_sheet(path)
    assert sheet.column_fonts({1, 2}) == {1: [".VnTime"], 2: [".VnTimeH"]}


def _legacy_register(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Hä vµ tªn", "Ghi chó", "Sè"])
    for row in range(2, 8):
        sheet.append([f"NguyÔn V¨n {row}", "Plain", row])
        sheet.cell(row, 1).font = Font(name=".VnTime" if row % 2 else ".VnTimeH")
    sheet["B5"].font = Font(name="VNI-Times")
    sheet["A1"].font = Font(name=".VnTimeH")
    book.save(path)
    return path


def test_fonts_read_while_the_child_reads_are_those_read_after(tmp_path):
    path = _legacy_register(tmp_path / "e.xlsx")
    asked = {1, 2, 3}
    after = read_first_sheet(path, 3).column_fonts(asked)
    pending = start_reading(path, 3)
    pending.read_styles_ahead(encoding_of_font)
    sheet = pending.result()
    assert sheet.styles_ahead is not None
    assert sheet.column_fonts(asked) == after
    assert after[1][0] == ".VnTimeH" and after[1][2] == ".VnTime" and after[2][4] == "VNI-Times"


def test_a_sheet_without_a_legacy_font_has_no_styles_read_ahead(tmp_path):
    path = tmp_path / "f.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ghi chú"])
    book.active["A1"].font = Font(name="Times New Roman", bold=True)
    book.save(path)
    pending = start_reading(path, 2)
    pending.read_styles_ahead(encoding_of_font)
    assert pending.result().styles_ahead is None


def test_a_damaged_sheet_read_ahead_is_told_by_the_result(tmp_path):
    path = _legacy_register(tmp_path / "g.xlsx")
    data = path.read_bytes()
    member = data.find(b"xl/worksheets/sheet1.xml")
    damaged = tmp_path / "h.xlsx"
    damaged.write_bytes(data[:member + 200] + bytes(400) + data[member + 600:])
    pending = start_reading(damaged, 3)
    pending.read_styles_ahead(encoding_of_font)  # says nothing itself
    with pytest.raises(InputError, match="hỏng"):
        pending.result()


def test_formulas_without_a_cached_value_are_found(tmp_path):
    path = tmp_path / "d.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Năm"])
    book.active.append(["A", "=1900+70"])
    book.save(path)
    assert read_first_sheet(path).formula_without_value == {(2, 2)}


def test_rows_hidden_in_excel_are_found(tmp_path):
    rows = [hostile_workbooks.header_row(["Họ và tên"]),
            '<row r="2" hidden="1">' + hostile_workbooks.inline("A2", "Ẩn Văn Hai") + "</row>",
            '<row r="3">' + hostile_workbooks.inline("A3", "Hiện Văn Ba") + "</row>",
            '<row r="4" spans="1:1" hidden="true" customHeight="1">' + hostile_workbooks.inline("A4", "Ẩn Văn Bốn")
            + "</row>", '<row r="5" hidden="0">' + hostile_workbooks.inline("A5", "Hiện Văn Năm") + "</row>"]
    path = hostile_workbooks.write(tmp_path / "an.xlsx", [("A", "visible", hostile_workbooks.sheet_xml(rows))])
    assert read_first_sheet(path).hidden_rows == {2, 4}


def test_columns_hidden_in_excel_are_found_across_a_span_and_not_past_the_columns_read(tmp_path):
    """`<col min max hidden>`: a span hides each of its columns; one spanning to XFD is counted only as far
    as the reader reads."""
    rows = [hostile_workbooks.header_row(["Họ và tên", "Ngày sinh", "Quê quán", "Ghi chú"])]
    cols = ('<cols><col min="2" max="3" width="0" hidden="1"/><col min="4" max="4" width="9" hidden="0"/>'
            '<col min="6" max="16384" hidden="true"/></cols>')
    pieces = list(hostile_workbooks.sheet_xml(rows))
    pieces.insert(1, cols.encode())
    path = hostile_workbooks.write(tmp_path / "an.xlsx", [("A", "visible", pieces)])
    assert read_first_sheet(path, columns=8).hidden_columns == {2, 3, *range(6, 8 + sheet_xml.EXTRA_COLUMNS + 1)}


@pytest.mark.parametrize("cached", ["<v/>", "<v></v>", "<v />"])
def test_a_formula_whose_cached_text_is_empty_has_a_value_the_empty_cell(tmp_path, cached):
    """How Excel saves =IF(…;"";…) and IFERROR(…;""): a text result (t="str") with nothing in it."""
    rows = [hostile_workbooks.header_row(["Họ và tên", "Ghi chú"]),
            '<row r="2">' + hostile_workbooks.inline("A2", "Ninh Văn Một")
            + f'<c r="B2" t="str"><f>IF(A2="","thiếu","")</f>{cached}</c></row>',
            '<row r="3">' + hostile_workbooks.inline("A3", "Ninh Văn Hai")
            + '<c r="B3" t="str"><f>IF(A3="","thiếu","")</f></c></row>']
    path = hostile_workbooks.write(tmp_path / "rong.xlsx", [("A", "visible", hostile_workbooks.sheet_xml(rows))])
    sheet = read_first_sheet(path)
    assert sheet.row(2) == ["Ninh Văn Một", ""]
    assert sheet.formula_without_value == {(3, 2)}  # no <v> at all: never calculated


def test_cells_showing_an_excel_error_are_found_with_the_error(tmp_path):
    """The reader gives such a cell as empty: the survey says which error Excel shows there."""
    rows = [hostile_workbooks.header_row(["Họ và tên", "Ngày sinh", "Chức vụ"]),
            '<row r="2">' + hostile_workbooks.inline("A2", "Lỗi Công Thức")
            + '<c r="B2" s="3" t="e"><f>VLOOKUP(A2,B:C,2,0)</f><v>#N/A</v></c>'
            + '<c r="C2" t="e"><v>#DIV/0!</v></c></row>',
            '<row r="3"><c t="e" r="A3"><f>1/0</f><v>#VALUE!</v></c>'
            + '<c r="B3" t="str"><f>"e"</f><v>e</v></c></row>']
    path = hostile_workbooks.write(tmp_path / "loi.xlsx", [("A", "visible", hostile_workbooks.sheet_xml(rows))])
    sheet = read_first_sheet(path)
    assert sheet.row(2) == ["Lỗi Công Thức", "", ""]
    assert sheet.error_cells == {(2, 2): "#N/A", (2, 3): "#DIV/0!", (3, 1): "#VALUE!"}
    assert sheet.formula_without_value == set()


DATE_FORMATS = {"mm/yyyy": "mm/yyyy", "m/yyyy": "mm/yyyy", "mm-yyyy": "mm/yyyy", "[$-42A]mm/yyyy": "mm/yyyy",
                "mmm-yy": "mm/yyyy", '"Tháng "mm" năm "yyyy': "mm/yyyy", "[$-409]mmmm\\ yyyy;@": "mm/yyyy",
                "yyyy": "yyyy", "[$-42A]yyyy": "yyyy", "yy": "yyyy",
                "dd/mm/yyyy": None, "d-mmm-yy": None, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy": None,
                "mm/yyyy hh:mm": None, "mm:ss": None, "General": None, "0": None}


def test_date_cells_whose_format_shows_no_day_are_noted_with_what_it_shows(tmp_path):
    """Excel keeps «3/1965» typed into a cell as 01/03/1965 shown mm/yyyy: the reader gives the day it
    keeps, the survey says the officer sees month and year (or the year alone)."""
    path = tmp_path / "thang.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Định dạng", "Ngày"])
    for number_format in DATE_FORMATS:
        book.active.append([number_format, dt.datetime(1965, 3, 1)])
        book.active.cell(book.active.max_row, 2).number_format = number_format
    book.active.append(["mmm-yy (sẵn có của Excel, số 17)", dt.datetime(1965, 3, 1)])
    book.active.cell(book.active.max_row, 2).number_format = openpyxl.styles.numbers.BUILTIN_FORMATS[17]
    book.save(path)
    sheet = read_first_sheet(path)
    expected = {(row, 2): shown for row, shown in enumerate(DATE_FORMATS.values(), start=2) if shown}
    assert sheet.dates_shown == {**expected, (book.active.max_row, 2): "mm/yyyy"}
    assert sheet.row(2)[1] == dt.date(1965, 3, 1)  # the value itself is Excel's


NUMBER_FORMATS = {'0"/PXM"': ("", 1, "/PXM"), '000"/PXM"': ("", 3, "/PXM"), '"Số "0': ("Số ", 1, ""),
                  '#\\/\\P\\X\\M': ("", 0, "/PXM"), "0": None, "General": None, "0.00": None,
                  '0.0"%"': None, '#,##0" đồng"': None, "dd/mm/yyyy": None}


def test_number_cells_whose_format_adds_text_are_noted_with_what_it_adds(tmp_path):
    """Excel shows 18 formatted 0"/PXM" as «18/PXM»: the survey notes the text around the number and
    how many digits the format writes at least; a format with decimals or thousands is no such one."""
    path = tmp_path / "so.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Định dạng", "Số phiếu"])
    for number_format in NUMBER_FORMATS:
        book.active.append([number_format, 18])
        book.active.cell(book.active.max_row, 2).number_format = number_format
    book.save(path)
    expected = {(row, 2): sheet_xml.NumberForm(*shown) for row, shown in enumerate(NUMBER_FORMATS.values(), start=2)
                if shown}
    assert read_first_sheet(path).numbers_shown == expected
    assert expected[3, 2].shown(7) == "007/PXM"


def test_a_workbook_whose_formats_all_show_the_day_has_no_cell_styles_read(tmp_path, monkeypatch):
    path = tmp_path / "ngay.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Ngày sinh", dt.datetime(1965, 3, 1)])
    book.active["B1"].number_format = "dd/mm/yyyy"
    book.save(path)
    with sheet_xml.opened(path) as archive:
        assert sheet_xml.date_forms(archive, sheet_xml.sheet_members(archive, path)[1]) == {}
    assert read_first_sheet(path).dates_shown == {}


def test_a_merged_area_gives_its_value_to_every_row_it_covers_as_the_officer_sees_it(tmp_path):
    """A delegation's decision and dates merged down over its members' rows: the reader gives the value
    only in the area's top-left cell; every row of the area has it, as in Excel, and is counted. A
    header merged over two columns, or down into row 2, stays a header; a date shown mm/yyyy stays so."""
    path = tmp_path / "gop.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Số quyết định", "Ngày đi", "Họ và tên thành viên", "Ghi chú", None])
    sheet.append(["200-QĐ/TU", dt.datetime(2025, 6, 1), "Trần Thị Ánh", "Tổ 1", None])
    sheet.append([None, None, "Võ Minh Hòa", None, None])
    sheet.append([None, None, "Đặng Văn Quí", None, None])
    sheet.append(["201-QĐ/TU", None, "Lê Văn Một", None, None])
    for area in ("A2:A4", "B2:B4", "D2:E2", "D1:E1", "E3:E4"):
        sheet.merge_cells(area)
    sheet["B2"].number_format = "mm/yyyy"
    book.save(path)
    read = read_first_sheet(path)
    assert read.columns[0] == ["Số quyết định", "200-QĐ/TU", "200-QĐ/TU", "200-QĐ/TU", "201-QĐ/TU"]
    assert read.columns[1][1:] == [dt.date(2025, 6, 1)] * 3 + [""]
    assert read.row(2)[3] == "Tổ 1" and read.row(3)[3] == ""  # across columns: one value, in its first
    assert read.merged_filled == 4
    assert read.dates_shown == {(row, 2): "mm/yyyy" for row in (2, 3, 4)}


def test_merged_areas_are_counted_against_the_limits(tmp_path, monkeypatch):
    """A merge down to Excel's last row fills no more than the sheet's rows; more areas than the sheet
    may have rows is a hostile file, refused by the survey before anything is read."""
    read = read_first_sheet(hostile_workbooks.merged_far_down(tmp_path / "gop.xlsx"))
    assert read.columns[1] == ["Đơn vị", "Sở Tư pháp", "Sở Tư pháp"] and read.merged_filled == 1
    monkeypatch.setattr(sheet_xml, "MAX_MERGED_AREAS", 3)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)  # the child sees the limit set here
    with pytest.raises(InputError, match="vùng ô gộp"):
        read_first_sheet(hostile_workbooks.merged_far_down(tmp_path / "gop.xlsx", areas=4))


def test_the_first_visible_sheet_is_read_and_named(tmp_path):
    path = hostile_workbooks.write(tmp_path / "an.xlsx", [
        ("Cũ", "hidden", hostile_workbooks.sheet_xml([hostile_workbooks.header_row(["Sai"])])),
        ("Cán bộ", "visible", hostile_workbooks.sheet_xml([hostile_workbooks.header_row(["Họ và tên"])]))])
    sheet = read_first_sheet(path)
    assert sheet.rows[0] == ["Họ và tên"] and sheet.name == "Cán bộ"
    assert sheet.described == "Đọc trang tính «Cán bộ» (bỏ qua trang ẩn «Cũ»)."


@pytest.mark.parametrize("make, says", [
    (hostile_workbooks.far_cell, "dòng 1.048.576"),  # declaring A1:XFD1048576, or not
    (lambda path: hostile_workbooks.far_cell(path, dimension=None), "dòng 1.048.576"),
    (hostile_workbooks.lying_shared_strings, "hỏng"),
])
def test_workbooks_that_make_the_reader_abort_are_refused_first(tmp_path, make, says):
    with pytest.raises(InputError) as refused:
        read_first_sheet(make(tmp_path / "doc.xlsx"), columns=16)
    assert says in refused.value.message


def test_a_sheet_wider_than_the_kind_is_refused(tmp_path):
    rows = [hostile_workbooks.header_row(["Họ và tên"]),
            '<row r="2">' + hostile_workbooks.inline("A2", "a") + hostile_workbooks.inline("BZ2", "z") + "</row>"]
    path = hostile_workbooks.write(tmp_path / "rong.xlsx", [("Cán bộ", "visible", hostile_workbooks.sheet_xml(rows))])
    with pytest.raises(InputError) as refused:
        read_first_sheet(path, columns=16)
    assert "đến cột BZ (cột thứ 78)" in refused.value.message and "tối đa 46 cột" in refused.value.message
    assert read_first_sheet(path, columns=50).rows[1][77] == "z"  # within the limit it reads


def test_cells_without_references_are_counted_by_position(tmp_path):
    cells = "".join(f'<c t="inlineStr"><is><t>{i}</t></is></c>' for i in range(60))
    rows = [hostile_workbooks.header_row(["Họ và tên"]), f"<row>{cells}</row>"]
    path = hostile_workbooks.write(tmp_path / "vitri.xlsx", [("A", "visible", hostile_workbooks.sheet_xml(rows))])
    with pytest.raises(InputError, match="cột thứ 60"):
        read_first_sheet(path, columns=16)


@pytest.mark.parametrize("fork", [True, False])
def test_a_reader_abort_is_a_damaged_file_not_the_end_of_the_program(tmp_path, monkeypatch, fork):
    """What slips past the checks still cannot take the program down: the child dies, not us."""
    path = hostile_workbooks.far_cell(tmp_path / "doc.xlsx", dimension=None)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: fork)
    if fork:  # the forked child has the patched survey; the started one surveys, then refuses
        monkeypatch.setattr(sheet_xml, "_survey", lambda *args: set())
        with pytest.raises(sheet_process.ReaderFailed) as failed:
            sheet_process.Reading(path, 16).outcome()
        assert failed.value.reason == "aborted"
    else:
        with pytest.raises(InputError, match="đến dòng 1.048.576"):
            sheet_process.Reading(path, 16).outcome()


def test_a_formatted_empty_cell_in_the_sheets_last_row_is_no_data(tmp_path):
    """Formats pasted down to the end of a sheet leave a formatted, empty cell at A1048576 and the
    dimension A1:C1048576: the data ends at its last row holding a value, and only it is held."""
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Quê quán"])
    book.active.append(["Đặng Văn Hải", "01/02/1971", "Phan Thiết"])
    book.active.cell(row=1_048_576, column=1).font = Font(bold=True)
    book.save(tmp_path / "cuoi.xlsx")
    sheet = read_first_sheet(tmp_path / "cuoi.xlsx", 3)
    assert sheet.height == 2 and [len(column) for column in sheet.columns] == [2, 2, 2]


def _styled_rows(last: int) -> list[str]:
    """Rows 3 to `last` formatted and empty, as Excel writes them (and openpyxl, `<c …></c>`)."""
    return [f'<row r="{n}" s="1" customFormat="1"><c r="A{n}" s="1"/><c r="B{n}" s="1" t="n"></c></row>'
            for n in range(3, last + 1)]


@pytest.mark.parametrize("dimension", [None, "A1:B400", "A1:XFD1048576"])
def test_empty_rows_and_the_declared_dimension_do_not_count_against_the_row_limit(tmp_path, monkeypatch, dimension):
    monkeypatch.setattr(sheet_xml, "MAX_DATA_ROWS", 250)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)  # the child has the lower limit too
    rows = [hostile_workbooks.header_row(["Họ và tên", "Ngày sinh"]),
            '<row r="2">' + hostile_workbooks.inline("A2", "Lê Văn Hai") + hostile_workbooks.inline("B2", "1970")
            + "</row>", *_styled_rows(400)]
    path = hostile_workbooks.write(tmp_path / "trong.xlsx", [("Cán bộ", "visible",
                                                              hostile_workbooks.sheet_xml(rows, dimension))])
    sheet = read_first_sheet(path, 2)
    assert sheet.rows == [["Họ và tên", "Ngày sinh"], ["Lê Văn Hai", "1970"]]


@pytest.mark.parametrize("cell", [hostile_workbooks.inline("A300", "x"), '<c r="A300"><v>5</v></c>',
                                  '<c r="A300" t="e"><f>1/0</f><v>#DIV/0!</v></c>'])  # an error is a value
def test_a_value_past_the_row_limit_is_refused_whatever_empty_rows_lie_before(tmp_path, monkeypatch, cell):
    monkeypatch.setattr(sheet_xml, "MAX_DATA_ROWS", 250)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)
    rows = [hostile_workbooks.header_row(["Họ và tên"]), *_styled_rows(299), f'<row r="300">{cell}</row>',
            *_styled_rows(400)[300:]]
    path = hostile_workbooks.write(tmp_path / "dai.xlsx", [("Cán bộ", "visible", hostile_workbooks.sheet_xml(rows))])
    with pytest.raises(InputError, match="có dữ liệu đến dòng 300; mỗi lần nhập tối đa 250 dòng"):
        read_first_sheet(path, 2)


@pytest.mark.parametrize("cached", ["<v/>", "<v></v>"])
def test_formulas_left_empty_past_the_row_limit_are_no_rows(tmp_path, monkeypatch, cached):
    """=IF(…;"";…) filled down past the data: the empty text it leaves is an empty cell, for the row
    limit as for the import, and the rows it fills are not held (filled down to row 1,048,576, they
    would be a million rows of nothing)."""
    monkeypatch.setattr(sheet_xml, "MAX_DATA_ROWS", 250)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)
    rows = [hostile_workbooks.header_row(["Họ và tên", "Ghi chú"]),
            '<row r="2">' + hostile_workbooks.inline("A2", "Lê Văn Hai") + "</row>",
            *(f'<row r="{n}"><c r="B{n}" t="str"><f>IF(A{n}="","",A{n})</f>{cached}</c></row>' for n in range(3, 401))]
    path = hostile_workbooks.write(tmp_path / "cong_thuc.xlsx",
                                   [("Cán bộ", "visible", hostile_workbooks.sheet_xml(rows))])
    sheet = read_first_sheet(path, 2)
    assert sheet.rows[1] == ["Lê Văn Hai", ""] and not sheet.formula_without_value
    assert len(sheet.rows) == 2


@pytest.mark.parametrize("rows", [
    ['<row r="300"><c r="A300"><v>1</v></c></row>', '<row r="3"><c r="A3"><v>1</v></c></row>'],  # out of order
    ['<row r="300"><!-- <row r="3"> --><c r="A300"><v>1</v></c></row>'],  # what looks like a row, in a comment
    ['<row r="300"><c r="A300"><v>1</v></c></row><!-- <row r="301"><c><v>1</v></c></row> -->'],
])
def test_a_value_past_the_row_limit_is_not_hidden_by_rows_out_of_order_or_in_a_comment(tmp_path, monkeypatch, rows):
    monkeypatch.setattr(sheet_xml, "MAX_DATA_ROWS", 250)
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)
    path = hostile_workbooks.write(tmp_path / "la.xlsx", [("Cán bộ", "visible", hostile_workbooks.sheet_xml(
        [hostile_workbooks.header_row(["Họ và tên"]), *rows]))])
    with pytest.raises(InputError, match="có dữ liệu đến dòng 30[01]"):
        read_first_sheet(path, 2)


def strict_workbook(path):
    """A workbook as Excel saves it «Strict Open XML Spreadsheet (*.xlsx)»: the same parts, in the
    namespaces of ISO/IEC 29500 Strict."""
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh"])
    book.active.append(["Đặng Văn Giang", "01/02/1970"])
    book.save(path.with_suffix(".tmp"))
    namespaces = [(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                   b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
                  (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                   b"http://purl.oclc.org/ooxml/officeDocument/relationships")]
    with zipfile.ZipFile(path.with_suffix(".tmp")) as source, zipfile.ZipFile(path, "w") as target:
        for part in source.infolist():
            data = source.read(part)
            for transitional, strict in namespaces if part.filename != "[Content_Types].xml" else ():
                data = data.replace(transitional, strict)
            target.writestr(part, data)
    return path


def test_a_strict_open_xml_workbook_is_told_how_to_save_it_again(tmp_path):
    with pytest.raises(InputError) as refused:
        read_first_sheet(strict_workbook(tmp_path / "strict.xlsx"))
    assert refused.value.message == (
        "Tệp «strict.xlsx» được lưu theo định dạng «Strict Open XML», chương trình không đọc được định dạng "
        "này. Hãy mở tệp bằng Excel, chọn «Lưu thành» (Save As) với kiểu «Excel Workbook (*.xlsx)» rồi nhập lại.")


def test_a_folder_is_told_as_a_folder(tmp_path):
    with pytest.raises(InputError) as refused:
        read_first_sheet(tmp_path)
    assert refused.value.message == f"«{tmp_path}» là thư mục, không phải tệp Excel."


@pytest.mark.parametrize("name", ["can-bo.xls", "can-bo", "can-bo.dat"])
def test_a_workbook_is_read_by_its_content_whatever_its_name(tmp_path, name):
    path = tmp_path / name
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh"])
    book.active.append(["Nguyễn Văn Ánh", "12/03/1955"])
    book.save(path)
    assert read_first_sheet(path).rows == [["Họ và tên", "Ngày sinh"], ["Nguyễn Văn Ánh", "12/03/1955"]]


def test_the_sheets_after_the_one_read_are_named_as_not_read(tmp_path):
    """An old register kept a sheet per year: the officer is told the others were not read with it."""
    path = tmp_path / "nam.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Năm 2019"
    book.active.append(["Họ và tên"])
    book.create_sheet("Năm 2020").append(["Họ và tên"])
    book.create_sheet("Ẩn", 1).sheet_state = "hidden"
    book.save(path)
    assert read_first_sheet(path).described == ("Đọc trang tính «Năm 2019»; không đọc các trang sau: «Năm 2020» "
                                                "(mỗi lần nhập một trang: trang cần nhập phải đứng đầu).")


def test_an_empty_first_sheet_names_the_sheets_after_it(tmp_path):
    """Excel's new workbook starts with an empty «Sheet1»; the list was pasted into a sheet after it."""
    path = tmp_path / "trong.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.create_sheet("Danh sách").append(["Họ và tên"])
    book.save(path)
    with pytest.raises(InputError) as refused:
        read_first_sheet(path)
    assert refused.value.message == ("Trang tính «Sheet1» của tệp «trong.xlsx» trống. Chương trình chỉ đọc trang "
                                     "tính đầu tiên; tệp còn trang «Danh sách»: hãy kéo trang cần nhập lên đầu "
                                     "(hoặc xóa trang trống) rồi nhập lại.")


def test_a_workbook_open_in_excel_is_read_as_last_saved_and_the_officer_told_so(tmp_path):
    """Excel keeps «~$name» beside a workbook it has open: what the officer typed since the last save is
    not in the file yet."""
    path = tmp_path / "danh sach.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên"])
    book.save(path)
    assert read_first_sheet(path).described == ""
    (tmp_path / "~$danh sach.xlsx").write_bytes(b"\x0bNguyen Van A")
    assert read_first_sheet(path).described == (
        "Tệp «danh sach.xlsx» đang mở trong Excel: chỉ đọc được những gì đã lưu; nếu vừa sửa tệp, hãy bấm Lưu "
        "trong Excel rồi nhập lại.")
