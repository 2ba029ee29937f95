"""The công văn of a research between provinces' archives, as the officer signs it: our answer to a province's
letter tells what the archives hold on each person it asked about (a record found, with its extract; nothing
found), addressed to that province's Ban Tổ chức; our request asks another province to search for our persons
with what the archives search by. A letter whose number is not recorded leaves it blank, and its day."""

import datetime as dt

from bvct_desktop.core.kinds import ARCHIVE_FOR_OTHERS, ARCHIVE_FROM_OTHERS
from bvct_desktop.io.documents import render

from . import pdfcheck

PRINTED_ON = dt.date(2026, 12, 6)
FOUND = {"full_name": "TÔN THẤT NGUYỄN HOÀNG PHƯỚC LONG", "birth_date": "1945",
         "home_town": "xã Hàm Tiến, thị xã Phan Thiết, tỉnh Bình Tuy", "work_before_1975": "Trung sĩ Địa phương quân",
         "result": "Có tài liệu: nguyên là trung sĩ Địa phương quân, Chi khu Hàm Thuận 1970–1975", "extract": "Có"}
NOTHING = {"full_name": "CÔNG TẰNG TÔN NỮ THỊ MỸ DUYÊN", "birth_date": "1950-03-12", "home_town": None,
           "work_before_1975": None, "result": "Không có tài liệu trong tàng thư", "extract": "Không"}
ANSWER = {"request_kind": ARCHIVE_FOR_OTHERS, "province": "Bình Định", "doc_no": "115-CV/BTCTU",
          "doc_on": dt.date(2026, 11, 17), "reply_no": "230-CV/BTCTU", "answered_on": dt.date(2026, 11, 27),
          "persons": [FOUND, NOTHING]}
REQUEST = {"request_kind": ARCHIVE_FROM_OTHERS, "province": "TP. Hồ Chí Minh", "doc_no": None,
           "doc_on": dt.date(2026, 11, 2), "reply_no": None, "answered_on": None,
           "persons": [{**FOUND, "result": None, "extract": None}]}


def printed(tmp_path, history, options, *letters) -> str:
    path = tmp_path / "cv.pdf"
    path.write_bytes(render.archive_letters_pdf(history, list(letters), PRINTED_ON, options))
    return " ".join(" ".join(pdfcheck.lines(path)).split())


def in_order(text: str, *parts: str) -> None:
    position = 0
    for part in parts:
        assert part in text[position:], (part, text[position:])
        position = text.index(part, position) + len(part)


@pdfcheck.needs_poppler
def test_our_answer_tells_each_person_asked_about_and_the_extract_sent_with_it(tmp_path, history, options):
    in_order(
        printed(tmp_path, history, options, ANSWER),
        "Số 230-CV/BTCTU", "Lâm Đồng, ngày 27 tháng 11 năm 2026", "V/v trả lời kết quả nghiên cứu tàng thư",
        "Kính gửi: Ban Tổ chức Tỉnh ủy Gia Lai",  # Bình Định is part of Gia Lai since 01/7/2025
        "Ban Tổ chức Tỉnh ủy nhận được Công văn số 115-CV/BTCTU ngày 17/11/2026 của Ban Tổ chức Tỉnh ủy Bình Định "
        "đề nghị nghiên cứu tàng thư đối với 2 trường hợp sau.",
        "1. TÔN THẤT NGUYỄN HOÀNG PHƯỚC LONG, sinh năm 1945, quê quán xã Hàm Tiến, thị xã Phan Thiết, tỉnh Bình Tuy",
        "nghề nghiệp, chức vụ trước 1975: Trung sĩ Địa phương quân: Có tài liệu: nguyên là trung sĩ Địa phương quân, "
        "Chi khu Hàm Thuận 1970–1975 (có trích lục kèm theo).",
        "2. CÔNG TẰNG TÔN NỮ THỊ MỸ DUYÊN, sinh ngày 12/03/1950: Không có tài liệu trong tàng thư.",
        "Gửi kèm theo Công văn này bản trích lục tài liệu của 1 trường hợp.", "Trân trọng./.", "Nơi nhận:",
        "Như trên,", "PHÓ TRƯỞNG BAN")


@pdfcheck.needs_poppler
def test_our_request_asks_the_city_s_board_and_leaves_an_unrecorded_number_and_day_blank(tmp_path, history,
                                                                                         options):
    text = printed(tmp_path, history, options, REQUEST)
    in_order(
        text, "Số -CV/BTCTU", "Lâm Đồng, ngày tháng năm 2026", "V/v đề nghị nghiên cứu tàng thư",
        "Kính gửi: Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh",
        "Để phục vụ công tác thẩm tra, xác minh tiêu chuẩn chính trị, Ban Tổ chức Tỉnh ủy đề nghị Ban Tổ chức Thành "
        "ủy Thành phố Hồ Chí Minh nghiên cứu tàng thư (tài liệu lưu trữ của chế độ cũ) đối với trường hợp sau:",
        "nghề nghiệp, chức vụ trước 1975: Trung sĩ Địa phương quân.",
        "Kết quả nghiên cứu (kèm trích lục tài liệu, nếu có) đề nghị gửi về Ban Tổ chức Tỉnh ủy", "Trân trọng./.")
    assert "trích lục kèm theo" not in text


@pdfcheck.needs_poppler
def test_each_letter_starts_a_page_of_its_own(tmp_path, history, options):
    path = tmp_path / "cv.pdf"
    path.write_bytes(render.archive_letters_pdf(history, [ANSWER, REQUEST], PRINTED_ON, options))
    assert pdfcheck.page_count(path) == 2


@pdfcheck.needs_poppler
def test_since_the_merger_a_letter_goes_to_the_province_that_holds_the_archives_now(tmp_path, history, options):
    """Our request of 2026 about the archives of Bà Rịa – Vũng Tàu, part of Thành phố Hồ Chí Minh since 01/7/2025,
    asks the city's board and names the former province; our answer of June 2025 went to the province itself."""
    request = {**REQUEST, "province": "Bà Rịa – Vũng Tàu"}
    in_order(printed(tmp_path, history, options, request),
             "Kính gửi: Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh",
             "đề nghị Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh nghiên cứu tàng thư (tài liệu lưu trữ của chế độ cũ) "
             "của tỉnh Bà Rịa – Vũng Tàu (cũ) đối với trường hợp sau:")
    before = {**ANSWER, "province": "Bà Rịa – Vũng Tàu", "doc_on": dt.date(2025, 6, 2),
              "answered_on": dt.date(2025, 6, 30)}
    text = printed(tmp_path, history, options, before)
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy Bà Rịa – Vũng Tàu" in text and "Hồ Chí Minh" not in text


@pdfcheck.needs_poppler
def test_our_request_names_the_alias_and_the_parents_the_other_province_searches_by(tmp_path, history, options):
    """A person of before 1975 was filed under an alias and is told apart by the parents (brief §2.1): «bí danh …»
    after the name, «con ông … và bà …» after the home town, where written; one parent alone, that one."""
    told = {**FOUND, "result": None, "extract": None, "other_names": "Hai Lúa", "father_name": "Tôn Thất Cả",
            "mother_name": "Nguyễn Thị Đào"}
    mother_only = {**NOTHING, "result": None, "extract": None, "other_names": None, "father_name": None,
                   "mother_name": "Lê Thị Tư"}
    in_order(printed(tmp_path, history, options, {**REQUEST, "persons": [told, mother_only]}),
             "1. TÔN THẤT NGUYỄN HOÀNG PHƯỚC LONG (bí danh Hai Lúa), sinh năm 1945, quê quán xã Hàm Tiến, thị xã Phan "
             "Thiết, tỉnh Bình Tuy", "con ông Tôn Thất Cả và bà Nguyễn Thị Đào; nghề nghiệp, chức vụ trước 1975: "
             "Trung sĩ Địa phương quân.",
             "2. CÔNG TẰNG TÔN NỮ THỊ MỸ DUYÊN, sinh ngày 12/03/1950, con bà Lê Thị Tư.")
