"""The verification request slip: one page each, exact Vietnamese text, the HD 36 blocks in order."""

import datetime as dt
import unicodedata

import pytest

from bvct_desktop.core import settings
from bvct_desktop.core.fields import SHORT_TEXT
from bvct_desktop.core.kinds import SELF
from bvct_desktop.io.documents import layout, pdf, render, slip_form

from . import pdfcheck
from .conftest import TITLE_150

pytestmark = pdfcheck.needs_poppler


@pytest.fixture
def printed(tmp_path, office, options, slip):
    def make(slips, office=office, options=options, history=None):
        target = tmp_path / "phieu.pdf"
        history = history or settings.History([(key, None, value) for key, value in office.items()])
        pdf.save(render.slips_pdf(history, slips, options), target)
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
        "Họ và tên: PHẠM VĂN BÌNH", "Tên gọi khác: Út", "Ngày sinh: 1950 Giới tính: Nam",
        "Nơi sinh: xã Hàm Tiến, tỉnh Bình Thuận", "Quê quán: xã Hàm Tiến, tỉnh Bình Thuận", "Nơi ở: phường Mũi Né",
        "Dân tộc: Kinh Tôn giáo: Không Số CCCD/CMND: 260123456",
        "Họ và tên cha: Phạm Văn Tư Năm sinh của cha: 1920", "Họ và tên mẹ: Năm sinh của mẹ:",
        "Họ và tên vợ/chồng: Võ Thị Sáu Năm sinh của vợ/chồng: 1952",
        "Nghề nghiệp, chức vụ, đơn vị trước 1975: Thư ký; Chi khu Hàm Thuận",
        "Quan hệ với người được thẩm tra: Cha của Phạm Minh Quang", "Mục đích xác minh: Kết nạp Đảng",
        "Nội dung đề nghị xác minh:", "Nơi nhận: K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Hòa",
        "PHẦN TRẢ LỜI CỦA CƠ QUAN CÔNG AN", "Kết quả tra cứu: □ Không có tài liệu □ Có tài liệu, số hồ sơ:",
        "Nội dung:", "NGƯỜI TRA CỨU ngày ....... tháng ....... năm ..........", "(Ký, ghi rõ họ tên) THỦ TRƯỞNG ĐƠN VỊ",
    )
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines[0]



def test_a_relation_other_than_the_listed_ones_names_the_vetted_person_apart(printed, slip):
    """«Quan hệ với người được thẩm tra: Khác của Võ Đình Hương» read as no Vietnamese."""
    lines = pdfcheck.lines(printed([{**slip, "relation": "Khác", "vetted_name": "Võ Đình Hương"}]))
    assert "Quan hệ với người được thẩm tra: Khác (người được thẩm tra: Võ Đình Hương)" in lines

def test_an_unknown_particular_is_a_line_to_fill_by_hand(printed, slip):
    lines = pdfcheck.lines(printed([{**slip, "mother_name": None, "other_names": None}]))
    assert "Họ và tên mẹ: Năm sinh của mẹ:" in lines and "Tên gọi khác:" in lines


def test_what_the_archives_search_by_left_empty_is_dotted_for_the_officer_to_write_by_hand(printed, slip):
    """A slip sent before these particulars were kept, or one the database knows little of, still asks for them."""
    empty = dict.fromkeys(("birth_place", "ethnicity", "religion", "cccd", "cmnd", "father_birth_date",
                           "spouse_birth_date", "work_before_1975", "place_before_1975"))
    target = printed([{**slip, **empty}])
    lines = pdfcheck.lines(target)
    for line in ("Nơi sinh:", "Dân tộc: Tôn giáo: Số CCCD/CMND:", "Họ và tên cha: Phạm Văn Tư Năm sinh của cha:",
                 "Nghề nghiệp, chức vụ, đơn vị trước 1975:"):
        assert line in lines
    assert pdfcheck.info(target)["Pages"] == "1"


def test_a_slip_given_without_a_birth_date_prints_it_as_not_known_and_asks_for_work_before_1975(printed, slip):
    """Values read from where a particular is not kept lack its key: printed as one not known."""
    unborn = {key: value for key, value in slip.items()
              if key not in ("birth_date", "work_before_1975", "place_before_1975")}
    lines = pdfcheck.lines(printed([unborn]))
    assert "Ngày sinh: Giới tính: Nam" in lines and "Nghề nghiệp, chức vụ, đơn vị trước 1975:" in lines

@pytest.mark.parametrize(("born", "asked"), [("1968", False), ("1960-01", False), ("1959-12-31", True), (None, True)])
def test_work_before_1975_is_asked_of_a_subject_old_enough_to_have_had_it(printed, slip, born, asked):
    """A subject born since 1960 was a child in 1975: the line is left out, unless the slip says something there."""
    young = {**slip, "birth_date": born, "work_before_1975": None, "place_before_1975": None}
    assert ("Nghề nghiệp, chức vụ, đơn vị trước 1975:" in pdfcheck.lines(printed([young]))) is asked
    said = {**young, "place_before_1975": "Chi khu Hàm Thuận"}
    assert "Nghề nghiệp, chức vụ, đơn vị trước 1975: Chi khu Hàm Thuận" in pdfcheck.lines(printed([said]))


def test_a_slip_with_every_particular_long_stays_on_one_page_its_words_exact(printed, slip):
    long = {**slip, "full_name": "Tôn Nữ Thị Huyền Trang Công Tằng Tôn Nữ", "other_names": "Bà Tư Huyền, cô Ba Sài Gòn",
            "birth_date": "1932-11-02", "gender": "Nữ", "cccd": "060132001234",
            "birth_place": "thôn Phú Khánh, xã Hàm Thuận Bắc, huyện Hàm Thuận Bắc, tỉnh Bình Thuận",
            "home_town": "ấp Xuân Hội, xã Phong Nẫm, huyện Hàm Thuận, tỉnh Bình Thuận (nay xã Phan Thiết)",
            "residence": "số 1234/56/7 đường Trần Hưng Đạo, khu phố 12, phường Phú Thủy, thành phố Phan Thiết",
            "ethnicity": "Chăm", "religion": "Bà-la-môn", "father_name": "Công Tằng Tôn Nữ Văn Nguyên Khánh",
            "mother_name": "Nguyễn Thị Hồng Nhung", "mother_birth_date": "1910", "spouse_name": "Trần Văn Bảy",
            "work_before_1975": "Thư ký Ban Thông tin Chiêu hồi, sau làm Phó Trưởng ấp Xuân Hội",
            "place_before_1975": "Chi khu Hàm Thuận, Quận Hàm Thuận, tỉnh Bình Thuận (chế độ cũ)"}
    target = printed([long])
    text = " ".join(pdfcheck.lines(target))
    assert pdfcheck.info(target)["Pages"] == "1"
    for value in ("TÔN NỮ THỊ HUYỀN TRANG CÔNG TẰNG TÔN NỮ", "Dân tộc: Chăm", "Tôn giáo: Bà-la-môn",
                  "Số CCCD/CMND: 060132001234; 260123456", "Năm sinh của mẹ: 1910", "Năm sinh của vợ/chồng: 1952",
                  "Thư ký Ban Thông tin Chiêu hồi, sau làm Phó Trưởng ấp Xuân Hội",
                  "Chi khu Hàm Thuận, Quận Hàm Thuận, tỉnh Bình Thuận (chế độ cũ)"):
        assert value in text


def test_a_birth_date_prints_at_its_precision(printed, slip):
    assert "Ngày sinh: 03/1950 Giới tính: Nam" in pdfcheck.lines(printed([{**slip, "birth_date": "1950-03"}]))
    assert "Ngày sinh: 12/03/1950 Giới tính: Nam" in pdfcheck.lines(printed([{**slip, "birth_date": "1950-03-12"}]))


def test_decomposed_text_comes_back_composed(printed, slip):
    name = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
    lines = pdfcheck.lines(printed([{**slip, "full_name": name}]))
    assert "Họ và tên: NGUYỄN THỊ THỦY" in lines


def test_each_slip_carries_the_secrecy_stamp_under_its_number_when_set(printed, office, options, slip):
    marked = printed([slip, {**slip, "number": "13/PXM"}], office={**office, "do_mat": "MẬT"})
    found = pdfcheck.words(marked)
    for page, number in ((1, "Số 12/PXM"), (2, "Số 13/PXM")):
        below = pdfcheck.phrase(found, number, page)
        stamp = pdfcheck.phrase(found, "MẬT", page)
        assert below.bottom < stamp.top < below.bottom + 8 * pdfcheck.MM
    plain = printed([slip], options=options)
    assert "MẬT" not in pdfcheck.text(plain)


def test_a_per_print_choice_overrides_the_setting(printed, office, options, slip):
    from dataclasses import replace

    unmarked = printed([slip], office={**office, "do_mat": "MẬT"}, options=replace(options, secrecy=""))
    assert "MẬT" not in pdfcheck.text(unmarked)
    marked = printed([slip], options=replace(options, secrecy="MẬT"))
    assert "MẬT" in pdfcheck.text(marked)


def test_each_slip_is_printed_under_the_letterhead_in_force_on_its_own_date(printed, slip):
    """Tỉnh ủy Bình Thuận became part of Tỉnh ủy Lâm Đồng on 01/7/2025: a slip of 2016 keeps its letterhead."""
    history = settings.History([("co_quan_cap_tren", None, "TỈNH ỦY BÌNH THUẬN"), ("dia_danh", None, "Bình Thuận"),
                                ("co_quan_cap_tren", dt.date(2025, 7, 1), "TỈNH ỦY LÂM ĐỒNG"),
                                ("dia_danh", dt.date(2025, 7, 1), "Lâm Đồng")])
    target = printed([{**slip, "issued_on": dt.date(2016, 1, 5)}, {**slip, "issued_on": dt.date(2025, 6, 30)},
                      {**slip, "issued_on": dt.date(2025, 7, 1)}], history=history)
    first, second, third = (pdfcheck.lines(target, first=page, last=page) for page in (1, 2, 3))
    assert first[0].startswith("TỈNH ỦY BÌNH THUẬN") and "Bình Thuận, ngày 05 tháng 01 năm 2016" in first[3]
    assert second[0].startswith("TỈNH ỦY BÌNH THUẬN") and "Bình Thuận, ngày 30 tháng 6 năm 2025" in second[3]
    assert third[0].startswith("TỈNH ỦY LÂM ĐỒNG") and "Lâm Đồng, ngày 01 tháng 7 năm 2025" in third[3]


# Born after 1975 (no line asks for work before it), every other particular the archives search by filled.
LONG = {"number": "1042/PXM", "full_name": "Tôn Nữ Thị Hoàng Phương Thảo Nguyên", "other_names": "Út Lớn, Bé Ba",
        "birth_date": "1968", "work_before_1975": None, "place_before_1975": None,
        "home_town": "xã Phan Rí Thành, huyện Bắc Bình", "residence": "phường Phước Hội, thị xã La Gi",
        "father_name": "Tôn Thất Hoàng Long", "mother_name": "Nguyễn Thị Ngọc Phượng",
        "spouse_name": "Trương Đình Quốc Bảo", "relation": "Mẹ chồng", "vetted_name": "Trương Thị Thanh Hương",
        "recipient": "Phòng Hồ sơ nghiệp vụ (PV06) – Công an Thành phố Hồ Chí Minh", "purpose": "Giải quyết đơn thư"}


@pytest.mark.parametrize("secret", ["", "MẬT"])
@pytest.mark.parametrize("values", [{}, LONG], ids=["typical", "long"])
def test_the_slip_stays_on_one_page_and_the_police_seal_stays_inside_the_margin(printed, office, options, slip,
                                                                               values, secret):
    target = printed([{**slip, **values}], office={**office, "do_mat": secret})
    assert pdfcheck.page_count(target) == 1
    found = pdfcheck.words(target)
    head = pdfcheck.phrase(found, "THỦ TRƯỞNG ĐƠN VỊ")
    page_bottom = options.profile.page_size[1] - options.profile.margins[1]
    assert head.bottom + options.profile.signature_space <= page_bottom  # room to sign and stamp, above the margin
    assert all(word.bottom <= page_bottom for word in found)
    assert all(word.x1 <= options.profile.page_size[0] - options.profile.margins[3] + 0.5 for word in found)
    text = " ".join(pdfcheck.lines(target))
    for value in filter(None, values.values()):
        assert value.upper() in text.upper().replace("\u00ad", "") or all(part in text for part in value.split())


def test_a_long_slip_stays_on_one_page_whichever_signers_title_is_in_force_on_its_date(printed, office, slip):
    """A slip set smaller to fit its page is measured with its own signature: a title that takes
    four lines makes it shorter than a slip of the same values signed under a one-line title."""
    history = settings.History([*((key, None, value) for key, value in office.items()),
                                ("chuc_vu_ky", dt.date(2025, 7, 1), TITLE_150)])
    target = printed([{**slip, **LONG}, {**slip, **LONG, "issued_on": dt.date(2025, 7, 1)}], history=history)
    assert pdfcheck.page_count(target) == 2
    assert pdfcheck.phrase(pdfcheck.words(target), TITLE_150).page == 2


def test_a_typical_slip_keeps_the_profiles_size(printed, options, slip):
    found = pdfcheck.words(printed([slip]))
    label = pdfcheck.phrase(found, "Họ và tên:")
    number = pdfcheck.phrase(found, "Số 12/PXM")
    size = (label.bottom - label.top) / (number.bottom - number.top) * options.profile.size("number")
    assert size == pytest.approx(float(options.profile.slip["body"]), abs=0.3)


ADDRESS = "Số nhà 123/45/67 đường Nguyễn Tất Thành, khu phố Hưng Long, phường Phan Thiết, tỉnh Lâm Đồng"
# Slip 8889/PXM: at 11 pt its particulars leave the police's part only its least room on the page.
BIG = {"number": "8889/PXM", "issued_on": dt.date(2026, 11, 2),
       "full_name": "Nguyễn Thị Thanh Thủy Tiên Hoàng Lan Anh Ngọc Bích Diễm Phương Kiều",
       "other_names": ", ".join(["bí danh Út Mười", "Mười Lan", "Cô Giáo Lan", "Bà Tư Bến Tre"] * 2),
       "birth_date": "1945", "gender": None,
       "home_town": "thôn Phú Long, xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận; nguyên quán làng An Hải, tổng An "
                    "Định, phủ Hòa Đa, tỉnh Bình Thuận cũ, thôn Phú Long, xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình "
                    "Thuận; nguyên quán làng An Hải, tổng An Định, phủ Hòa Đa",
       "residence": ADDRESS, "father_name": "Nguyễn Văn Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười",
       "mother_name": "Trần Thị Một", "spouse_name": "Lê Văn Hai", "relation": SELF, "vetted_name": None,
       "purpose": "Bầu cử"}
RECIPIENT = ("Phòng Hồ sơ nghiệp vụ An ninh và Cảnh sát, Công an tỉnh Lâm Đồng (cơ sở tiếp nhận hồ sơ tại phường "
             "Phan Thiết, tỉnh Lâm Đồng)")


def _text_bottom(options) -> float:
    return options.profile.page_size[1] - options.profile.margins[1]


def test_a_slip_too_long_at_its_size_gives_the_police_part_its_least_room_before_a_second_page(printed, options,
                                                                                              slip):
    target = printed([{**slip, **BIG}])
    assert pdfcheck.page_count(target) == 1
    assert min(pdfcheck.font_sizes(target)) >= layout.SMALLEST
    found = pdfcheck.words(target)
    head = pdfcheck.phrase(found, "THỦ TRƯỞNG ĐƠN VỊ")
    assert head.bottom + slip_form.LEAST_SEAL_SPACE <= _text_bottom(options)
    assert all(word.bottom <= _text_bottom(options) for word in found)
    text = " ".join(pdfcheck.lines(target))
    assert BIG["other_names"] in text and ADDRESS in text


def _assert_every_later_page_names_the_slip(target, number: str, name: str, birth: str) -> None:
    for page in range(2, pdfcheck.page_count(target) + 1):
        text = " ".join(pdfcheck.lines(target, first=page, last=page))
        assert f"Phiếu yêu cầu xác minh lai lịch số {number} ngày" in text
        assert name in text and f"ngày sinh: {birth}" in text


def test_a_slip_that_cannot_fit_one_page_keeps_its_signature_and_puts_the_police_part_on_a_page_naming_it(
        printed, options, slip):
    values = {**BIG, "residence": "; ".join([ADDRESS] * 9), "recipient": RECIPIENT}
    target = printed([{**slip, **values}])
    assert pdfcheck.page_count(target) == 2
    found = pdfcheck.words(target)
    assert pdfcheck.phrase(found, "Nguyễn Văn Hòa").page == 1  # the request is signed on its own page
    assert pdfcheck.phrase(found, "PHẦN TRẢ LỜI CỦA CƠ QUAN CÔNG AN").page == 2
    head = pdfcheck.phrase(found, "THỦ TRƯỞNG ĐƠN VỊ")
    assert head.page == 2 and head.bottom + options.profile.signature_space <= _text_bottom(options)
    _assert_every_later_page_names_the_slip(target, "8889/PXM", BIG["full_name"].upper(), "1945")


def test_a_slip_of_several_pages_names_itself_on_each_and_never_leaves_its_signature_alone(printed, options, slip):
    longest = ("thôn " + "Phú Long Hưng Thịnh " * 60)[:SHORT_TEXT]
    values = {key: longest for key in ("other_names", "home_town", "residence", "father_name", "mother_name",
                                       "spouse_name", "vetted_name")}
    target = printed([{**slip, **BIG, **values, "relation": "Con", "recipient": RECIPIENT}])
    pages = pdfcheck.page_count(target)
    assert pages >= 3
    found = pdfcheck.words(target)
    signed = pdfcheck.phrase(found, "Nguyễn Văn Hòa").page
    assert pdfcheck.phrase(found, "hồ sơ đối tượng).").page == signed  # the request's last words
    assert pdfcheck.phrase(found, "PHẦN TRẢ LỜI CỦA CƠ QUAN CÔNG AN").page == pages
    assert pdfcheck.phrase(found, "THỦ TRƯỞNG ĐƠN VỊ").page == pages
    _assert_every_later_page_names_the_slip(target, "8889/PXM", BIG["full_name"].upper(), "1945")
    assert all(word.bottom <= _text_bottom(options) for word in found)


def _particulars(target) -> str:
    return " ".join(pdfcheck.lines(target))


def test_a_home_town_and_residence_under_former_names_print_with_what_they_are_called_now(printed, options, slip):
    """Police archives are indexed by the names before 01/7/2025; the officer needs today's too."""
    values = {"number": "2000/PXM", "issued_on": dt.date(2026, 6, 1),
              "home_town": "xã Tam Thanh, huyện Phú Quí, tỉnh Bình Thuận",
              "residence": "số 229 đường Võ Văn Kiệt, phường Phước Hội, thị xã La Gi, tỉnh Bình Thuận"}
    target = printed([{**slip, **values}])
    text = _particulars(target)
    assert "Quê quán: xã Tam Thanh, huyện Phú Quí, tỉnh Bình Thuận (nay: đặc khu Phú Quý, Lâm Đồng)" in text
    assert ("Nơi ở: số 229 đường Võ Văn Kiệt, phường Phước Hội, thị xã La Gi, tỉnh Bình Thuận "
            "(nay: phường Phước Hội, Lâm Đồng)") in text
    assert pdfcheck.page_count(target) == 1


@pytest.mark.parametrize("home_town", [
    "xã Phong Phú",  # a name several communes bear: not guessed
    "phường Mũi Né, tỉnh Lâm Đồng",  # a current name
    "xã Hàm Tiến, tỉnh Bình Thuận (nay là phường Mũi Né, tỉnh Lâm Đồng)",  # already told
])
def test_a_place_the_gazetteer_cannot_tell_for_sure_or_needs_not_tell_prints_as_typed(printed, slip, home_town):
    text = _particulars(printed([{**slip, "issued_on": dt.date(2026, 6, 1), "home_town": home_town}]))
    assert f"Quê quán: {home_town} Nơi ở:" in text.replace("\n", " ")


def test_a_slip_issued_before_the_merger_prints_its_places_as_they_were_called_then(printed, slip):
    text = _particulars(printed([{**slip, "issued_on": dt.date(2025, 6, 30)}]))
    assert "Quê quán: xã Hàm Tiến, tỉnh Bình Thuận Nơi ở:" in text and "nay:" not in text


@pytest.mark.parametrize(("relation", "gender", "shown"), [
    ("Mẹ", None, "Nữ"), ("Cha chồng", None, "Nam"), ("Cha", "Nữ", "Nữ"), ("Con", None, "")])
def test_a_sex_left_empty_prints_as_the_relation_tells_it(slip, relation, gender, shown):
    """As the slip drafted from a person file has it (a mother is «Nữ»); a sex written is printed as written, one
    the relation does not tell (a child's) stays to be filled by hand."""
    items = slip_form.items({**slip, "relation": relation, "gender": gender}, "")
    labelled = [pair for item in items for pair in (item if isinstance(item, list) else [item[:2]])]
    assert dict(labelled)["Giới tính"] == shown


@pytest.mark.parametrize(("death_date", "told"), [
    ("1970", "Đã mất năm 1970"), ("~1970", "Đã mất khoảng năm 1970"), ("1970-03-12", "Đã mất ngày 12/03/1970"),
    (None, "Đã mất")])
def test_a_slip_about_someone_who_has_died_says_so_beside_the_birth_date_and_where_they_lived_before(
        printed, options, slip, death_date, told):
    """The police verify the dead too: the slip says the person has died, as precisely as known, and its «Nơi ở» is
    where they lived before they died, at the profile's size on one page."""
    target = printed([{**slip, "deceased": "Có", "death_date": death_date}])
    lines = pdfcheck.lines(target)
    assert f"Ngày sinh: 1950 Giới tính: Nam {told}" in lines
    assert "Nơi ở trước khi mất: phường Mũi Né" in lines
    assert pdfcheck.page_count(target) == 1
    found = pdfcheck.words(target)
    label, number = pdfcheck.phrase(found, "Họ và tên:"), pdfcheck.phrase(found, "Số 12/PXM")
    size = (label.bottom - label.top) / (number.bottom - number.top) * options.profile.size("number")
    assert size == pytest.approx(float(options.profile.slip["body"]), abs=0.3)


@pytest.mark.parametrize("alive", [{}, {"deceased": "Không"}, {"deceased": None, "death_date": None}])
def test_a_slip_about_someone_not_known_to_have_died_says_nothing_of_it(printed, slip, alive):
    text = " ".join(pdfcheck.lines(printed([{**slip, **alive}])))
    assert "Ngày sinh: 1950 Giới tính: Nam Nơi sinh:" in text and "mất" not in text


def test_a_long_slip_about_someone_who_has_died_stays_on_one_page_its_words_exact(printed, options, slip):
    target = printed([{**slip, **LONG, "birth_date": "1932-11-02", "gender": None, "deceased": "Có",
                       "death_date": "~1972"}])
    assert pdfcheck.page_count(target) == 1
    text = " ".join(pdfcheck.lines(target))
    assert "Ngày sinh: 02/11/1932 Giới tính: Nữ Đã mất khoảng năm 1972" in text
    assert "Nơi ở trước khi mất: phường Phước Hội, thị xã La Gi" in text
    head = pdfcheck.phrase(pdfcheck.words(target), "THỦ TRƯỞNG ĐƠN VỊ")
    assert head.bottom + options.profile.signature_space <= _text_bottom(options)
