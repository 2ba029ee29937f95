"""The passport custody register on paper and in Excel, as the slip register is: landscape A4 under the
letterhead (HD 36), signed, at 10 pt or more, a passport number and a day never broken over lines, long names
and units wrapped inside their column; the workbook holds dates as dates shown dd/mm/yyyy, the passport number
as text with its leading zeros, and a text beginning with «=» as text, never a formula."""

import datetime as dt

import openpyxl

from bvct_desktop.core import passports
from bvct_desktop.io.documents import pdf, render

from . import pdfcheck

PRINTED = dt.date(2026, 5, 4)
LONG_UNIT = "Ban Tuyên giáo và Dân vận Tỉnh ủy, Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
LINE = {"full_name": "Tôn Nữ Thị Hoàng Phương Khánh Ngọc",
        "position": "Phó Trưởng ban Thường trực kiêm Chánh Văn phòng",
        "unit": LONG_UNIT, "passport_type": "Công vụ", "number": "C0012345", "expires_on": dt.date(2031, 6, 15),
        "handed_on": dt.date(2026, 4, 1), "trip": "Theo đoàn công tác (1250-QĐ/TU)",
        "trip_return_on": dt.date(2026, 4, 9), "due_shown": "16/04/2026", "returned_on": dt.date(2026, 4, 14),
        "note": "=HYPERLINK(\"x\") ghi nhầm"}
KEPT = {"full_name": "Bùi Thị Hương", "position": None, "unit": None, "passport_type": "Phổ thông",
        "number": "0123456", "expires_on": None, "note": "Cơ quan đang giữ"}


@pdfcheck.needs_poppler
def test_the_register_prints_landscape_signed_with_types_numbers_and_days_whole(tmp_path, history, options):
    target = tmp_path / "so-ho-chieu.pdf"
    lines = [LINE, KEPT] * 30
    pdf.save(render.passport_register_pdf(history, lines, ["Tìm: «hương»"], PRINTED, options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    assert min(pdfcheck.font_sizes(target)) >= 10
    found = pdfcheck.words(target)
    words = [word.text for word in found]
    assert words.count("C0012345") == words.count("0123456") == 30
    kind = pdfcheck.run(found, "Phổ thông")  # a passport's type on one line, in a row that needs no more
    assert kind[0].top == kind[1].top
    assert words.count("16/04/2026") == 30 and words.count("14/04/2026") == 30
    text = " ".join(pdfcheck.text(target).split())
    assert "SỔ THEO DÕI GIAO, NHẬN HỘ CHIẾU" in text and "Tìm: «hương»" in text
    assert "Tổng số: 60 bản ghi." in text and "Cơ quan đang giữ" in text


def test_the_workbook_keeps_dates_as_dates_numbers_as_text_and_no_formula(tmp_path, history, options):
    target = tmp_path / "so-ho-chieu.xlsx"
    assert render.passport_register_xlsx(target, history, [LINE, KEPT], [], PRINTED, options) == 2
    sheet = openpyxl.load_workbook(target).active
    rows = [row for row in sheet.iter_rows() if any(cell.value in ("C0012345", "0123456") for cell in row)]
    first, kept = rows
    number = next(cell for cell in first if cell.value == "C0012345")
    assert number.data_type == "s" and number.number_format == "@"
    assert next(cell for cell in kept if cell.value == "0123456").data_type == "s"
    handed = next(cell for cell in first if cell.value == dt.datetime(2026, 4, 1))
    assert handed.number_format.upper().startswith("DD/MM/YYYY")
    note = next(cell for cell in first if isinstance(cell.value, str) and cell.value.startswith("="))
    assert note.data_type == "s" and note.value == LINE["note"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pdfcheck.needs_poppler
def test_a_private_trip_and_a_short_note_read_on_one_line_where_the_names_leave_room(tmp_path, history, options):
    """Beside a name column with room to spare, «Việc riêng» was broken over two lines on every row and «Cơ quan
    đang giữ» over four: a register of 1.200 passports ran to 101 pages."""
    target = tmp_path / "so-ho-chieu.pdf"
    private = {**LINE, "full_name": "Trần Thị Ánh", "position": "Phó Giám đốc", "unit": "Sở Tài chính",
               "trip": "Việc riêng", "returned_on": None, "note": None}
    held = {**KEPT, "full_name": "Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc Trâm Anh Khuê",
            "position": "Phó Trưởng ban Thường trực Ban Quản lý các khu công nghiệp", "unit": LONG_UNIT}
    pdf.save(render.passport_register_pdf(history, [private, KEPT, held] * 20, [], PRINTED, options), target)
    trips = [word for word in pdfcheck.words(target) if word.text in ("Việc", "riêng")]
    assert len(trips) == 40
    assert all(first.top == second.top for first, second in zip(trips[::2], trips[1::2], strict=True))
    kept = pdfcheck.run(pdfcheck.words(target), "Cơ quan đang giữ")  # where a passport never handed out is
    assert len({word.top for word in kept}) == 1


@pdfcheck.needs_poppler
def test_a_passport_not_back_in_time_reads_how_late_under_its_day_without_widening_the_column(tmp_path, history,
                                                                                              options):
    """«Hạn nộp lại» as the ledger shows it (core passports.due_shown): «16/04/2026 (quá hạn 18 ngày)», the day
    whole on its line and how late under it: kept on one line, it took from the units' column, whose cells ran
    to 13 lines."""
    target = tmp_path / "so-ho-chieu.pdf"
    late = {**LINE, "due_shown": "16/04/2026 (quá hạn 18 ngày)", "returned_on": None, "note": None}
    pdf.save(render.passport_register_pdf(history, [late, LINE, KEPT] * 10, [], PRINTED, options), target)
    found = pdfcheck.words(target)
    words = [word.text for word in found]
    assert words.count("16/04/2026") == 20 and words.count("(quá") == 10
    told = pdfcheck.run(found, "16/04/2026 (quá hạn 18 ngày)")
    assert all(told[0].top < word.top for word in told[1:])  # the day on its line, how late below it


def test_the_workbook_holds_a_deadline_as_a_date_that_shows_how_late_it_is(tmp_path, history, options):
    """«Hạn nộp lại» was written as the text «16/04/2026 (quá hạn 18 ngày)»: Excel could not sort by it. It is a
    date, its cell's format carrying the words; one handed back in time is a plain date."""
    target = tmp_path / "so-ho-chieu.xlsx"
    late = {**LINE, "due_shown": passports.due_shown(dt.date(2026, 4, 16), None, PRINTED), "returned_on": None}
    back = {**LINE, "due_shown": passports.due_shown(dt.date(2026, 4, 17), dt.date(2026, 4, 14), PRINTED)}
    render.passport_register_xlsx(target, history, [late, back], [], PRINTED, options)
    sheet = openpyxl.load_workbook(target).active
    due = [cell for row in sheet.iter_rows() for cell in row if cell.value in (dt.datetime(2026, 4, 16),
                                                                              dt.datetime(2026, 4, 17))]
    assert [cell.value for cell in due] == [dt.datetime(2026, 4, 16), dt.datetime(2026, 4, 17)]
    assert due[0].number_format.upper() == 'DD/MM/YYYY" (QUÁ HẠN 18 NGÀY)"'
    assert due[1].number_format.upper() == "DD/MM/YYYY"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
