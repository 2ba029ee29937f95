"""The vetting cases' list for the Standing Committee on paper and in Excel, as the other registers' lists are:
landscape A4 under the letterhead (HD 36), signed, at 10 pt or more, numbered with its count, the person's year of
birth and the day the case opened never broken, a 49-character name and long units wrapped inside their column;
the workbook holds the day as a date shown dd/mm/yyyy and a text beginning with «=» as text, never a formula."""

import datetime as dt
import itertools
import math

import openpyxl

from bvct_desktop.core.personfile import cases
from bvct_desktop.io.documents import lists, pdf, render

from . import pdfcheck

PRINTED = dt.date(2026, 2, 20)
LONG_NAME = "Tôn Nữ Thị Hoàng Phương Khánh Ngọc Bảo Châu Minh Anh"  # 49 characters
NAMED_LONG = "Công Tằng Tôn Nữ Thị Phương Khánh"  # 33 characters: as long as names people bear
LONG_POST = ("Phó Trưởng ban Thường trực kiêm Chánh Văn phòng, Ban Tuyên giáo và Dân vận Tỉnh ủy, Văn phòng Đoàn "
             "đại biểu Quốc hội và Hội đồng nhân dân tỉnh")
CONCLUDED = {"full_name": LONG_NAME, "birth_date": "1972-04-15", "home_town": "Xã Hàm Thuận Bắc, tỉnh Lâm Đồng",
             "post": LONG_POST, "purpose": "Bầu cử", "opened_on": dt.date(2026, 1, 5), "status": cases.CONCLUDED,
             "replies": "Cục A93B: Không có tài liệu 12/02/2026; Phòng PV27 (Cha): Không có tàng thư 10/02/2026",
             "conclusion": "Đủ tiêu chuẩn (1042-CV/BTCTU ngày 16/02/2026)", "note": "=HYPERLINK(\"x\") ghi nhầm"}
OPEN = {"full_name": "Lê Văn Tám", "birth_date": "1980", "home_town": "Phan Thiết", "post": None,
        "purpose": "Bầu cử", "opened_on": dt.date(2026, 1, 6), "status": cases.OPEN,
        "replies": "Cục A93B: chưa trả lời", "conclusion": f"{cases.OPEN}, hạn 15/02/2026 (quá hạn 5 ngày)",
        "note": None}
SUBJECT = ["Mục đích: Bầu cử"]


def test_the_list_has_the_columns_the_standing_committee_reads():
    assert [column.label for column in lists.CASE_COLUMNS] == [
        "STT", "Họ và tên", "Năm sinh", "Quê quán", "Chức vụ – đơn vị", "Mục đích", "Ngày mở hồ sơ",
        "Phiếu xác minh, kết quả trả lời", "Kết luận", "Ghi chú"]


@pdfcheck.needs_poppler
def test_120_cases_print_landscape_signed_numbered_with_names_years_and_days_whole(tmp_path, history, options):
    target = tmp_path / "ho-so-tham-tra.pdf"
    pdf.save(render.case_register_pdf(history, [CONCLUDED, OPEN] * 60, SUBJECT, PRINTED, options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    assert min(pdfcheck.font_sizes(target)) >= 10
    pdfcheck.assert_bundled_fonts_only(target)
    words = [word.text for word in pdfcheck.words(target)]
    assert words.count("1972") == words.count("1980") == 60
    assert words.count("05/01/2026") == words.count("06/01/2026") == 60
    text = " ".join(pdfcheck.text(target).split())
    assert "DANH SÁCH HỒ SƠ THẨM TRA, XÁC MINH TIÊU CHUẨN CHÍNH TRỊ" in text and "Mục đích: Bầu cử" in text
    assert words.count("A93B:") == 120 and words.count("Tám") == 60 and "120" in words
    assert "Tổng số: 120 hồ sơ." in text and "Chức vụ – đơn vị" in text and "Kết luận" in text
    assert text.endswith("K/T TRƯỞNG BAN PHÓ TRƯỞNG BAN Nguyễn Văn Hòa")


def test_the_workbook_keeps_the_day_as_a_date_and_no_formula(tmp_path, history, options):
    target = tmp_path / "ho-so-tham-tra.xlsx"
    assert render.case_register_xlsx(target, history, [CONCLUDED, OPEN], SUBJECT, PRINTED, options) == 2
    sheet = openpyxl.load_workbook(target).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in values if row[:2] == ["STT", "Họ và tên"])
    assert header[2:] == ["Năm sinh", "Quê quán", "Chức vụ – đơn vị", "Mục đích", "Ngày mở hồ sơ",
                          "Phiếu xác minh, kết quả trả lời", "Kết luận", "Ghi chú"]
    first = next(row for row in sheet.iter_rows() if row[1].value == LONG_NAME)
    assert first[2].value == "1972" and first[4].value == LONG_POST
    assert first[6].value == dt.datetime(2026, 1, 5) and first[6].number_format.upper().startswith("DD/MM/YYYY")
    assert first[9].data_type == "s" and first[9].value == CONCLUDED["note"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert any(row[0] == "Tổng số: 2 hồ sơ." for row in values)


@pdfcheck.needs_poppler
def test_the_note_header_is_one_word_never_broken_however_narrow_the_notes(tmp_path, history, options):
    """«Ghi chú» is one word (two syllables): a list of long posts and conclusions whose notes are short or none
    narrows its column to them, yet its header stays on one line, not «Ghi / chú»."""
    limited = ("Đạt tiêu chuẩn có mức giới hạn (1042-CV/BTCTU ngày 16/02/2026); mức giới hạn: Không bố trí ở vị trí "
               "trọng yếu, cơ mật")
    unit = "Ban Quản lý các dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh"
    replies = ("Cục A93B: Không có tài liệu 12/02/2026; Phòng PV27 (Cha): Không có tàng thư 10/02/2026; Phòng PV06 "
               "Công an tỉnh Bà Rịa – Vũng Tàu (Mẹ): chưa trả lời")
    target = tmp_path / "ho-so-tham-tra.pdf"
    pdf.save(render.case_register_pdf(history, [
        {**CONCLUDED, "conclusion": limited, "post": unit, "replies": replies, "note": None},
        {**OPEN, "full_name": LONG_NAME, "post": unit, "replies": replies, "note": "x"}] * 3,
        SUBJECT, PRINTED, options), target)
    words = pdfcheck.words(target)
    ghi = next(word for word in words if word.text == "Ghi")
    chu = next(word for word in words if word.text == "chú")
    assert abs(chu.top - ghi.top) < 1 and chu.x0 > ghi.x0


@pdfcheck.needs_poppler
def test_an_open_case_long_overdue_keeps_its_deadline_whole_beside_long_posts_and_replies(tmp_path, history, options):
    """The conclusion's column is not squeezed below what an open case's deadline needs: «hạn 15/02/2023» on one
    line, how late it is, «(quá hạn 1.234 ngày)», on two at most — while long posts and units beside it stay on
    four lines at most beside a 33-letter name on two, whichever purposes the cases are for."""
    late = f"{cases.OPEN}, hạn 15/02/2023 (quá hạn 1.234 ngày)"
    replies = ("Cục A93B: Không có tài liệu 12/02/2026; Phòng PV27 (Cha): Không có tàng thư 10/02/2026; Phòng PV06 "
               "Công an tỉnh Bà Rịa – Vũng Tàu (Mẹ): chưa trả lời")
    unit = "Phó Giám đốc, Ban Quản lý các dự án đầu tư xây dựng công trình dân dụng và công nghiệp tỉnh"
    home = "Xã Hàm Thuận Bắc, huyện Hàm Thuận Bắc, tỉnh Bình Thuận"
    target = tmp_path / "ho-so-tham-tra.pdf"
    pdf.save(render.case_register_pdf(history, [
        {**OPEN, "full_name": NAMED_LONG, "home_town": home, "post": post, "replies": replies, "conclusion": late,
         "note": "Bổ sung lý lịch", "purpose": purpose} for post, purpose in (
            (LONG_POST, "Bầu cử"), (unit, "Giải quyết đơn thư"), (LONG_POST, "Quy hoạch"), (unit, "Bầu cử"))] * 30,
        SUBJECT, PRINTED, options), target)
    words = pdfcheck.words(target)
    for page in range(1, pdfcheck.page_count(target)):  # the last holds the signature
        for cell in _cells(words, page, "Đang", "Bổ"):
            assert [word.text for word in cell] == late.split()
            assert cell[3].top == cell[4].top  # «hạn 15/02/2023»
            assert len({word.top for word in cell[5:]}) <= 2  # «(quá hạn 1.234 ngày)»
        assert max(len({word.top for word in cell}) for cell in _cells(words, page, "Phó", "Bầu")) <= 4
    assert len(pdfcheck.cell_lines(words, NAMED_LONG)) <= 2


def _cells(words: list[pdfcheck.Word], page: int, first: str, after: str) -> list[list[pdfcheck.Word]]:
    """A column's cells on `page`, row by row, each's words as read: the column runs from where `first` begins
    (the first word of its cells, set left) to where `after` begins (the next column's), a row from one open
    case's «Đang» down to the next's."""
    found = [word for word in words if word.page == page]
    left = min(word.x0 for word in found if word.text == first) - 1
    right = min(word.x0 for word in found if word.text == after and word.x0 > left) - 1
    tops = sorted({word.top for word in found if word.text == "Đang"}) + [math.inf]
    return [[word for word in found if left <= word.x0 < right and top - 1 <= word.top < below - 1]
            for top, below in itertools.pairwise(tops)]


@pdfcheck.needs_poppler
def test_names_take_two_lines_at_most_beside_long_conclusions(tmp_path, history, options):
    """Before a congress the list holds long conclusions (the QĐ 58 ceiling and why, several sentences): a name
    takes two lines at most («Công Tằng Tôn Nữ / Thị Phương Khánh»), never a syllable a line, which reads as
    several people; the conclusions wrap whole in the width left."""
    ceiling = ("Có vấn đề nhưng không vi phạm (1472-CV/BTCTU ngày 16/02/2026); mức giới hạn: Không bố trí giữ chức vụ "
               "cao hơn ủy viên ban thường vụ cấp ủy cấp tỉnh và tương đương; không bố trí công tác ở cơ quan, bộ "
               "phận, vị trí trọng yếu, cơ mật. Cha đẻ là sĩ quan chế độ cũ, đã học tập cải tạo từ năm 1975 đến "
               "năm 1981; bản thân khai báo đầy đủ, trung thực trong lý lịch đảng viên.")
    names = ("Tôn Nữ Hoàng Bảo Ngọc", "Nguyễn Thị Phương Thảo", "Công Tằng Tôn Nữ Thị Phương Khánh")
    target = tmp_path / "ho-so-tham-tra.pdf"
    pdf.save(render.case_register_pdf(history, [
        {**CONCLUDED, "full_name": name, "post": LONG_POST, "conclusion": ceiling} for name in names] * 40,
        SUBJECT, PRINTED, options), target)
    found = pdfcheck.words(target)
    for name in names:
        printed = pdfcheck.cell_lines(found, name)
        assert len(printed) <= 2 and " ".join(printed) == name, printed
    assert " ".join(pdfcheck.cell_lines(found, ceiling)) == ceiling
