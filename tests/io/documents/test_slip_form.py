"""The verification request slip: one page each, exact Vietnamese text, the HD 36 blocks in order."""

import unicodedata

import pytest

from bvct_desktop.io.documents import pdf, render

from . import pdfcheck

pytestmark = pdfcheck.needs_poppler


@pytest.fixture
def printed(tmp_path, office, options, slip):
    def make(slips, office=office, options=options):
        target = tmp_path / "phieu.pdf"
        pdf.save(render.slips_pdf(office, slips, options), target)
        return target
    return make


def test_one_page_per_slip_on_a4_with_only_the_bundled_fonts_embedded(printed, slip):
    target = printed([slip, {**slip, "number": "13/PXM"}])
    info = pdfcheck.info(target)
    assert info["Pages"] == "2" and info["Page size"] == pdfcheck.A4_POINTS
    pdfcheck.assert_bundled_fonts_only(target)
    assert "Số 13/PXM" in pdfcheck.text(target, first=2, last=2)


def test_the_slip_reads_back_exactly_with_its_blocks_in_order(printed, slip):
    lines = pdfcheck.lines(printed([slip]))
    pdfcheck.assert_in_order(
        lines,
        "TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "Số 12/PXM Lâm Đồng, ngày 05 tháng 01 năm 2025",
        "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH", "Kính gửi: Cục A93B – Bộ Công an",
        "Họ và tên: PHẠM VĂN BÌNH", "Tên gọi khác: Út", "Giới tính: Nam", "Ngày sinh: 1950",
        "Quê quán: xã Hàm Tiến, tỉnh Bình Thuận", "Nơi ở: phường Mũi Né", "Họ và tên cha: Phạm Văn Tư",
        "Họ và tên mẹ:", "Họ và tên vợ/chồng: Võ Thị Sáu",
        "Quan hệ với người được thẩm tra: Cha của Phạm Minh Quang", "Mục đích xác minh: Kết nạp Đảng",
        "Nội dung đề nghị xác minh:", "Nơi nhận: K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Hòa",
        "PHẦN TRẢ LỜI CỦA CƠ QUAN CÔNG AN", "Kết quả tra cứu:", "THỦ TRƯỞNG ĐƠN VỊ",
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines[0]


def test_an_unknown_particular_is_a_line_to_fill_by_hand(printed, slip):
    lines = pdfcheck.lines(printed([{**slip, "mother_name": None, "other_names": None}]))
    assert "Họ và tên mẹ:" in lines and "Tên gọi khác:" in lines


def test_a_birth_date_prints_at_its_precision(printed, slip):
    assert "Ngày sinh: 03/1950" in pdfcheck.lines(printed([{**slip, "birth_date": "1950-03"}]))
    assert "Ngày sinh: 12/03/1950" in pdfcheck.lines(printed([{**slip, "birth_date": "1950-03-12"}]))


def test_decomposed_text_comes_back_composed(printed, slip):
    name = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
    lines = pdfcheck.lines(printed([{**slip, "full_name": name}]))
    assert "Họ và tên: NGUYỄN THỊ THỦY" in lines


def test_the_secrecy_mark_is_on_every_page_when_set(printed, office, options, slip):
    marked = printed([slip, slip], office={**office, "do_mat": "MẬT"})
    assert all("MẬT" in pdfcheck.lines(marked, first=page, last=page)[0] for page in (1, 2))
    plain = printed([slip], options=options)
    assert "MẬT" not in pdfcheck.text(plain)


def test_a_per_print_choice_overrides_the_setting(printed, office, options, slip):
    from dataclasses import replace

    unmarked = printed([slip], office={**office, "do_mat": "MẬT"}, options=replace(options, secrecy=""))
    assert "MẬT" not in pdfcheck.text(unmarked)
    marked = printed([slip], options=replace(options, secrecy="MẬT"))
    assert "MẬT" in pdfcheck.text(marked)
