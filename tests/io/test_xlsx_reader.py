"""The reader gives values fast, fonts on demand, and finds formulas never calculated."""

import datetime as dt

import openpyxl
from openpyxl.styles import Font

from bvct_desktop.io.xlsx_reader import read_first_sheet


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


def test_rows_keep_their_excel_numbers_when_the_sheet_starts_lower(tmp_path):
    path = tmp_path / "b.xlsx"
    book = openpyxl.Workbook()
    book.active["C3"] = "Họ và tên"
    book.save(path)
    sheet = read_first_sheet(path)
    assert sheet.rows[2][2] == "Họ và tên"


def test_font_of_a_cell_is_read_on_demand(tmp_path):
    path = tmp_path / "c.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Hä vµ tªn"
    book.active["A1"].font = Font(name=".VnTime")
    book.active["B1"] = "VIÖT NAM"
    book.active["B1"].font = Font(name=".VnTimeH")
    book.save(path)
    sheet = read_first_sheet(path)
    assert sheet.font_of(1, 1) == ".VnTime"
    assert sheet.font_of(1, 2) == ".VnTimeH"


def test_formulas_without_a_cached_value_are_found(tmp_path):
    path = tmp_path / "d.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Năm"])
    book.active.append(["A", "=1900+70"])
    book.save(path)
    assert read_first_sheet(path).formula_without_value == {(2, 2)}
