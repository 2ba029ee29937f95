"""The reader gives values fast, fonts on demand, and finds formulas never calculated."""

import datetime as dt

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


def test_a_workbook_whose_formats_all_show_the_day_has_no_cell_styles_read(tmp_path, monkeypatch):
    path = tmp_path / "ngay.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Ngày sinh", dt.datetime(1965, 3, 1)])
    book.active["B1"].number_format = "dd/mm/yyyy"
    book.save(path)
    with sheet_xml.opened(path) as archive:
        assert sheet_xml.date_forms(archive, sheet_xml.sheet_members(archive, path)[1]) == {}
    assert read_first_sheet(path).dates_shown == {}


def test_the_first_visible_sheet_is_read_and_named(tmp_path):
    path = hostile_workbooks.write(tmp_path / "an.xlsx", [
        ("Cũ", "hidden", hostile_workbooks.sheet_xml([hostile_workbooks.header_row(["Sai"])])),
        ("Cán bộ", "visible", hostile_workbooks.sheet_xml([hostile_workbooks.header_row(["Họ và tên"])]))])
    sheet = read_first_sheet(path)
    assert sheet.rows[0] == ["Họ và tên"] and sheet.name == "Cán bộ"
    assert sheet.described == "Đọc trang tính «Cán bộ» (bỏ qua trang ẩn «Cũ»)."


@pytest.mark.parametrize("make, says", [
    (hostile_workbooks.far_cell, "XFD"),
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
