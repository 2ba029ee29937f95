"""«Biên bản giao nhận hộ chiếu» on paper: landscape A4 under the letterhead (HD 36), dated the day of the handover,
each passport on a line with room for «Người giao» and «Người nhận» to sign, a type, a number and a day never broken
over lines, long names and units wrapped inside their column, the count at the end."""

import datetime as dt

import pytest

from bvct_desktop.core.handover_minutes import Minutes
from bvct_desktop.io.documents import pdf, render

from . import pdfcheck

HANDED = dt.date(2026, 4, 1)
DAYS = 5  # the working days to bring a passport back
LONG_UNIT = "Ban Tuyên giáo và Dân vận Tỉnh ủy, Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
TRIP = ("chuyến công tác của Đoàn «Học tập kinh nghiệm chuyển đổi số tại Nhật Bản và Hàn Quốc» theo Quyết định số "
        "1250-QĐ/TU")


def members(count: int) -> list[dict]:
    return [{"full_name": f"Tôn Nữ Thị Hoàng Phương Khánh Ngọc {at}", "unit": LONG_UNIT, "passport_type": "Công vụ",
             "number": f"C{1000000 + at}", "expires_on": dt.date(2031, 6, 15), "handed_on": HANDED,
             "returned_on": dt.date(2026, 4, 14)} for at in range(1, count + 1)]


@pytest.mark.parametrize("back", [False, True])
@pdfcheck.needs_poppler
def test_forty_passports_print_landscape_each_with_its_signatures_and_the_count(tmp_path, history, options, back):
    target = tmp_path / "bien-ban.pdf"
    day = dt.date(2026, 4, 14) if back else HANDED
    pdf.save(render.handover_minutes_pdf(history, Minutes(back, day, TRIP, members(40), DAYS), options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    assert min(pdfcheck.font_sizes(target)) >= 10
    found = pdfcheck.words(target)
    words = [word.text for word in found]
    assert all(f"C{1000000 + at}" in words for at in range(1, 41))
    assert words.count("15/06/2031") == 40 and words.count(f"{day:%d/%m/%Y}") >= 40
    text = " ".join(pdfcheck.text(target).split())
    assert "BIÊN BẢN GIAO NHẬN HỘ CHIẾU" in text and "Tổng số: 40 hộ chiếu." in text
    assert all(pdfcheck.run(found, signer, page=5) for signer in ("Người giao", "Người nhận"))  # headed on each page
    said = ("nhận lại hộ chiếu của các đồng chí có tên dưới đây sau chuyến công tác của Đoàn" if back
            else "giao hộ chiếu cho các đồng chí có tên dưới đây để dùng trong chuyến công tác của Đoàn")
    assert said in text and "1250-QĐ/TU" in text and "Ngọc 40" in text


@pdfcheck.needs_poppler
def test_the_opening_says_the_day_in_words_as_the_date_line_does(tmp_path, history, options):
    target = tmp_path / "bien-ban.pdf"
    pdf.save(render.handover_minutes_pdf(history, Minutes(False, HANDED, TRIP, members(2), DAYS), options), target)
    text = " ".join(pdfcheck.text(target).split())
    assert "Hôm nay, ngày 01 tháng 4 năm 2026, cơ quan quản lý hộ chiếu giao hộ chiếu" in text


@pdfcheck.needs_poppler
def test_the_hand_out_says_by_which_day_the_passports_come_back(tmp_path, history, options):
    target = tmp_path / "bien-ban.pdf"
    minutes = Minutes(False, HANDED, TRIP, members(2), 10, due_on=dt.date(2026, 4, 21))
    pdf.save(render.handover_minutes_pdf(history, minutes, options), target)
    text = " ".join(pdfcheck.text(target).split())
    # the days the deadline counted (in force on the return), not the office's setting on the day handed out (5)
    assert "nộp lại hộ chiếu trong 10 ngày làm việc kể từ ngày về nước, chậm nhất ngày 21/04/2026." in text


@pdfcheck.needs_poppler
def test_the_passports_table_is_at_the_table_size_of_the_delegation_list_not_the_registers_smaller_one(
        tmp_path, history, options):
    """The minutes are signed by each holder: their table reads at the profile's table size (12 pt in HD 36), as the
    delegation's member list it comes with, not at the 10 pt of the landscape registers."""
    target = tmp_path / "bien-ban.pdf"
    pdf.save(render.handover_minutes_pdf(history, Minutes(False, HANDED, TRIP, members(3), DAYS), options), target)
    assert min(pdfcheck.font_sizes(target)) == options.profile.size("table") == 12


UNITS = ("Ban Tuyên giáo và Dân vận Tỉnh ủy Bình Thuận", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
         "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Thuận")


@pdfcheck.needs_poppler
def test_a_long_unit_takes_two_lines_beside_the_signatures_not_four(tmp_path, history, options):
    """Twelve members of long units and long names: the unit has the room to read on two lines, the signatures
    keep theirs (about 3 cm each)."""
    target = tmp_path / "bien-ban.pdf"
    lines = [{**member, "full_name": f"Nguyễn Hoàng Bảo Khánh Linh {at}", "unit": UNITS[at % len(UNITS)]}
             for at, member in enumerate(members(12))]
    pdf.save(render.handover_minutes_pdf(history, Minutes(False, HANDED, TRIP, lines, DAYS), options), target)
    found = pdfcheck.words(target)
    for unit in UNITS:
        assert len({round(word.top) for word in pdfcheck.run(found, unit)}) == 2
    giver = pdfcheck.run(found, "Người giao", page=1)[0]
    giver_at, taker_at = [word.x0 for word in found if word.page == 1 and word.text == "Người"
                          and abs(word.top - giver.top) < 1]  # the header row's two signature columns
    assert taker_at - giver_at >= 30 * pdfcheck.MM


@pytest.mark.parametrize("back", [False, True])
@pdfcheck.needs_poppler
def test_the_officer_who_made_the_minutes_signs_them_under_the_full_name_of_the_account(
        tmp_path, history, options, back):
    """«Người lập biên bản» signs at the end, named as a signed paper names an officer: «Nguyễn Văn A», not the
    login name (core/users.signed_name)."""
    target = tmp_path / "bien-ban.pdf"
    minutes = Minutes(back, HANDED, TRIP, members(3), DAYS, made_by="Nguyễn Văn A")
    pdf.save(render.handover_minutes_pdf(history, minutes, options), target)
    text = " ".join(pdfcheck.text(target).split())
    assert text.endswith("NGƯỜI LẬP BIÊN BẢN (Ký, ghi rõ họ tên) Nguyễn Văn A")


@pdfcheck.needs_poppler
def test_the_signature_of_the_one_who_made_the_minutes_never_stands_alone_on_a_page(tmp_path, history, options):
    """Three passports fill the first page to its last line: «Người lập biên bản» went over alone to a second page
    (a page with only a signature on it); the closing line goes over with it."""
    target = tmp_path / "bien-ban.pdf"
    pdf.save(render.handover_minutes_pdf(history, Minutes(True, HANDED, TRIP, members(3), DAYS, made_by="Nguyễn Văn A"),
                                         options), target)
    found = pdfcheck.words(target)
    assert pdfcheck.phrase(found, "NGƯỜI LẬP BIÊN BẢN").page == pdfcheck.phrase(found, "Biên bản lập thành").page
