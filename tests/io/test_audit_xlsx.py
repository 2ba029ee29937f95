"""The audit trail's workbook, laid out as the register exports are: A4 landscape fitted to the page's
width, the header row styled, frozen and repeated, «Chi tiết» wrapped, «Số» a number and «Thời gian»
a date-time cell, so the trail sorts as it happened."""

import datetime as dt
import json

import openpyxl

from bvct_desktop.core import audit, audit_words
from bvct_desktop.io.audit_xlsx import write_audit
from bvct_desktop.io.documents import fonts, layout, workbook

DETAILS = json.dumps({"tep": "so-theo-doi-phieu-yeu-cau-xac-minh-lai-lich-nam-2026.xlsx", "so_muc": 1712,
                      "ghi_chu": "Xuất sổ theo dõi phiếu cả năm để gửi Văn phòng Ban đối chiếu với sổ công văn đi"})


def _trail(tmp_path, count: int = 12):
    entries = [audit.Entry(number, dt.datetime(2026, 3, 2, 8, 30, number), "quantri", "quan-tri", "xuất dữ liệu",
                           "ok", None, None, DETAILS) for number in range(1, count + 1)]
    out = tmp_path / "nhat-ky.xlsx"
    assert write_audit(entries, out) == count
    return openpyxl.load_workbook(out)["Nhật ký"]


def test_the_number_and_the_time_are_a_number_and_a_date_time_cell(tmp_path):
    sheet = _trail(tmp_path)
    assert [cell.value for cell in sheet[1]] == list(audit.LIST_HEADERS)
    number, at = sheet["A11"], sheet["B11"]
    assert number.value == 10 and number.data_type == "n"
    assert at.value == dt.datetime(2026, 3, 2, 8, 30, 10) and at.is_date
    assert at.number_format.upper() == "DD/MM/YYYY HH:MM:SS"


def test_the_trail_prints_on_a4_landscape_fitted_to_the_width_with_its_details_wrapped(tmp_path):
    sheet = _trail(tmp_path)
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows.replace("$", "") == "1:1"
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    setup = sheet.page_setup
    assert setup.paperSize == 9 and setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0
    assert "Trang &P / &N" in sheet.oddFooter.center.text
    details = audit.LIST_HEADERS.index("Chi tiết") + 1
    assert all(row[details - 1].alignment.wrap_text for row in sheet.iter_rows(min_row=2))


def test_a_row_whose_details_wrap_is_as_tall_as_their_lines(tmp_path):
    """LibreOffice sizes no row when it opens a workbook: the details would run into the next rows."""
    sheet = _trail(tmp_path, 2)
    details = audit.LIST_HEADERS.index("Chi tiết")
    for row in sheet.iter_rows(min_row=2):
        cell = row[details]
        width = workbook.column_points(sheet.column_dimensions[cell.column_letter].width) - workbook.CELL_MARGINS
        lines = len(layout.wrap(cell.value, fonts.REGULAR, cell.font.sz, width))
        assert lines > 1 and sheet.row_dimensions[cell.row].height >= lines * cell.font.sz * 1.25


def test_no_text_runs_into_the_next_column_and_the_record_is_a_number(tmp_path):
    """LibreOffice clipped «Phiếu yêu cầu xác minh lai lịch» into «Bản ghi» and let a long action run
    into «Kết quả»: a text longer than its column wraps, its row as tall as its lines."""
    entries = [audit.Entry(1, dt.datetime(2026, 3, 2, 8, 30), "chuyenvien", "can-bo", "nhập «Phiếu yêu cầu xác "
                           "minh lai lịch»", "ok", "slips", 12, json.dumps({"so_dong": 3}))]
    out = tmp_path / "nhat-ky.xlsx"
    write_audit(entries, out)
    row = list(openpyxl.load_workbook(out)["Nhật ký"].iter_rows(min_row=2))[0]
    sheet = row[0].parent
    assert row[audit.LIST_HEADERS.index("Bản ghi")].value == 12
    for cell in row:
        if not isinstance(cell.value, str):
            continue
        width = workbook.column_points(sheet.column_dimensions[cell.column_letter].width) - workbook.CELL_MARGINS
        lines = len(layout.wrap(cell.value, fonts.REGULAR, cell.font.sz, width))
        assert lines == 1 or cell.alignment.wrap_text and sheet.row_dimensions[cell.row].height >= (
            lines * cell.font.sz * 1.25), cell.value


def test_details_longer_than_an_excel_cell_go_on_whole_in_the_next_cells(tmp_path):
    """An edit of a 32,767-character text is audited with ≈ 63,000 characters of details, and the page's
    tooltip sends the auditor to the export to read them whole: no cell may hold more than Excel's 32,767
    UTF-16 units (an emoji is two), so the details go on in «Chi tiết (tiếp)» cells, none lost."""
    details = json.dumps({"truoc": "Nội dung 😀 " * 2_800, "sau": "Tóm tắt đã sửa " * 2_250}, ensure_ascii=False)
    entries = [audit.Entry(1, dt.datetime(2026, 3, 2, 8, 30), "chuyenvien", "can-bo", "sửa", "ok", "letters", 7,
                           details),
               audit.Entry(2, dt.datetime(2026, 3, 2, 8, 31), "chuyenvien", "can-bo", "xem", "ok", None, None, DETAILS)]
    shown = audit_words.cells(entries[0])[-1]
    assert len(shown) > 63_000
    out = tmp_path / "nhat-ky.xlsx"
    write_audit(entries, out)
    sheet = openpyxl.load_workbook(out)["Nhật ký"]
    first = audit.LIST_HEADERS.index("Chi tiết")
    headers = [cell.value for cell in sheet[1]]
    assert headers[:first + 1] == list(audit.LIST_HEADERS) and len(headers) > first + 2
    assert set(headers[first + 1:]) == {"Chi tiết (tiếp)"}
    long_row, short_row = (list(row) for row in sheet.iter_rows(min_row=2, values_only=True))
    pieces = [piece for piece in long_row[first:] if piece is not None]
    assert "".join(pieces) == shown
    assert all(len(piece.encode("utf-16-le")) // 2 <= 32_767 for piece in pieces)
    assert short_row[first] == audit_words.cells(entries[1])[-1] and not any(short_row[first + 1:])


def test_a_row_of_60_000_characters_is_no_taller_than_excel_s_tallest_row(tmp_path):
    """Excel refuses a row taller than 409 points: a long entry's row asked for thousands."""
    details = json.dumps({"truoc": "Nội dung đã sửa " * 3_750}, ensure_ascii=False)
    entries = [audit.Entry(1, dt.datetime(2026, 3, 2, 8, 30), "chuyenvien", "can-bo", "sửa", "ok", "letters", 7,
                           details)]
    assert len(audit_words.cells(entries[0])[-1]) > 60_000
    out = tmp_path / "nhat-ky.xlsx"
    write_audit(entries, out)
    sheet = openpyxl.load_workbook(out)["Nhật ký"]
    assert workbook.TALLEST_ROW - 1 < sheet.row_dimensions[2].height <= workbook.TALLEST_ROW  # whole pixels
