"""The cadre's curriculum vitae on form 2C: the numbered items in the form's order, each value in its place,
a dotted line to write on where the file holds nothing, the tables of items 27 to 31 filled, the pledge and
the two signatures; the form's own head (no HD 36 header) with the secrecy stamp when the office marks MẬT."""

import datetime as dt

import pytest

from bvct_desktop.io.documents import layout, render

from . import pdfcheck

pytestmark = pdfcheck.needs_poppler

LONG_UNIT = ("Phòng Bảo vệ chính trị nội bộ và Quản lý hồ sơ đảng viên, Ban Tổ chức Tỉnh ủy Bình Thuận (nay là tỉnh "
             "Lâm Đồng)")
PRINTED = dt.date(2026, 9, 30)


def cadre(**held) -> dict:
    """A cadre as documents_data.vitae_by_id reads one: nothing held but the name and birth date, unless given."""
    blank = dict.fromkeys(("other_names", "gender", "cccd", "cmnd", "home_town", "residence", "ethnicity", "religion",
                           "position", "unit", "management", "party_joined_on", "party_official_on", "party_card_no",
                           "note", "birth_place"))
    lists = dict.fromkeys(("work", "rewards", "discipline", "relatives", "trips", "foreign", "slips", "political",
                           "training", "history", "salary", "appraisals"))
    return {**blank, **{key: [] for key in lists}, "full_name": "Tôn Nữ Thị Phương Thảo", "birth_date": "1970-05-02",
            "person_id": 1, **held}


def written(tmp_path, person: dict, history) -> list[str]:
    target = tmp_path / "ly-lich-2c.pdf"
    target.write_bytes(render.vitae_pdf(history, [person], PRINTED, render.Options(render.profile.load())))
    return pdfcheck.lines(target)


def test_the_items_come_in_the_form_s_order_under_its_own_head_and_close_with_the_pledge(tmp_path, history):
    lines = written(tmp_path, cadre(), history)
    pdfcheck.assert_in_order(
        lines, "Mẫu 2C-BNV/2008", "Cơ quan, đơn vị có thẩm quyền quản lý CBCC", "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC",
        "1) Họ và tên khai sinh", "2) Tên gọi khác", "3) Sinh ngày: 02/05/1970", "4) Nơi sinh", "5) Quê quán",
        "6) Dân tộc", "8) Nơi đăng ký hộ khẩu thường trú", "9) Nơi ở hiện nay", "10) Nghề nghiệp",
        "11) Ngày tuyển dụng",
        "12) Chức vụ", "13) Công việc chính", "14) Ngạch công chức", "15) 15.1- Trình độ giáo dục phổ thông",
        "15.6- Tin học", "16) Ngày vào Đảng", "17) Ngày tham gia", "18) Ngày nhập ngũ", "19) Danh hiệu",
        "20) Sở trường", "21) Khen thưởng", "22) Kỷ luật", "23) Tình trạng sức khỏe", "24) Là thương binh",
        "25) Số chứng minh", "26) Số sổ BHXH", "27) Đào tạo, bồi dưỡng", "28) Tóm tắt quá trình công tác",
        "29) Đặc điểm lịch sử bản thân", "30) Quan hệ gia đình", "a) Về bản thân", "b) Về bên vợ (hoặc chồng)",
        "31) Diễn biến quá trình lương", "32) Nhận xét, đánh giá", "Tôi xin cam đoan những lời khai trên đây là đúng "
        "sự thật.", "NGƯỜI KHAI", "(Ký tên, ghi rõ họ tên)")
    text = " ".join(lines)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text and "Nơi nhận" not in text  # a form, not a Party document
    assert "1) Họ và tên khai sinh (viết chữ in hoa): TÔN NỮ THỊ PHƯƠNG THẢO" in text


def test_the_particulars_held_are_in_their_place(tmp_path, history):
    person = cadre(other_names="Thảo Tôn", gender="Nữ", cccd="060170001234", home_town="Phú Thủy, Phan Thiết",
                   ethnicity="Kinh", religion="Không", residence="12 Trần Hưng Đạo", position="Phó Trưởng phòng",
                   unit=LONG_UNIT, party_joined_on=dt.date(1995, 2, 3), party_official_on=dt.date(1996, 2, 3),
                   salary=[{"since": "2018-01", "grade": "Chuyên viên", "grade_code": "01.003", "step": "5/9",
                            "coefficient": "3.66"},
                           {"since": "2021-07", "grade": "Chuyên viên chính", "grade_code": "01.002", "step": "3/8",
                            "coefficient": "5.08"}])
    text = " ".join(written(tmp_path, person, history))
    for expected in ("2) Tên gọi khác: Thảo Tôn", "Giới tính: Nữ",
                     "5) Quê quán: Phú Thủy, Phan Thiết (nay: phường Phú Thủy, Lâm Đồng)", "6) Dân tộc: Kinh",
                     "7) Tôn giáo: Không", "9) Nơi ở hiện nay: 12 Trần Hưng Đạo",
                     "12) Chức vụ (chức danh) hiện tại: Phó Trưởng phòng",
                     "14) Ngạch công chức (viên chức): Chuyên viên chính", "Mã ngạch: 01.002", "Bậc lương: 3/8",
                     "Hệ số: 5,08", "Ngày hưởng: 07/2021",  # item 14 is the last step of the salary's course
                     "16) Ngày vào Đảng Cộng sản Việt Nam: 03/02/1995", "Ngày chính thức: 03/02/1996",
                     "25) Số chứng minh nhân dân (căn cước): 060170001234"):
        assert expected in text
    assert "Cơ quan, đơn vị sử dụng CBCC: Phòng Bảo vệ chính trị nội bộ" in text
    assert all(word in text.split() for word in LONG_UNIT.split())


def test_item_4_is_the_birth_place_held_with_what_it_is_called_now(tmp_path, history):
    """Brief §2.3: «nơi sinh» as on the birth certificate, with the current unit's name."""
    person = cadre(birth_place="Thôn Tiến Lợi, xã Tiến Lợi, thành phố Phan Thiết, tỉnh Bình Thuận",
                   home_town="Phú Thủy, Phan Thiết")
    text = " ".join(written(tmp_path, person, history))
    assert ("4) Nơi sinh: Thôn Tiến Lợi, xã Tiến Lợi, thành phố Phan Thiết, tỉnh Bình Thuận (nay: xã Tuyên Quang, "
            "Lâm Đồng) 5) Quê quán: Phú Thủy, Phan Thiết") in text


def test_what_the_file_does_not_hold_is_a_dotted_line_after_its_label(tmp_path, history, monkeypatch):
    dots = []
    drawn = layout.dotted_line
    monkeypatch.setattr(layout, "dotted_line", lambda c, left, right, baseline: (
        dots.append((c.getPageNumber(), left, baseline)), drawn(c, left, right, baseline)))
    target = tmp_path / "ly-lich-2c.pdf"
    target.write_bytes(render.vitae_pdf(history, [cadre(ethnicity="Kinh")], PRINTED,
                                        render.Options(render.profile.load())))
    found, height = pdfcheck.words(target), 841.89

    def dotted_after(label: str) -> bool:
        box = pdfcheck.phrase(found, label)
        return any(page == box.page and box.x1 - 1 <= left <= box.x1 + 12 and abs(height - baseline - box.bottom) < 4
                   for page, left, baseline in dots)

    for label in ("4) Nơi sinh:", "7) Tôn giáo:", "10) Nghề nghiệp khi được tuyển dụng:", "26) Số sổ BHXH:",
                  "Số hiệu cán bộ, công chức:"):
        assert dotted_after(label), label
    assert not dotted_after("6) Dân tộc: Kinh")


def test_the_tables_of_items_27_to_31_are_filled_from_the_file(tmp_path, history):
    work = [{"since": f"{1990 + 3 * n}-01", "until": None if n == 11 else f"{1992 + 3 * n}-12",
             "unit": LONG_UNIT if n == 0 else f"Huyện ủy Hàm Thuận Bắc {n}", "post": "Chuyên viên"} for n in range(12)]
    relatives = [{"relation": relation, "full_name": f"Nguyễn Văn Người Thân {n}", "birth_date": f"19{45 + n}",
                  "home_town": "Mũi Né", "residence": None, "occupation": "Làm ruộng", "source": "", "died": None,
                  "party_member": False}
                 for n, relation in enumerate(("Cha", "Mẹ", "Chồng", "Con", "Con", "Anh/chị/em", "Anh/chị/em",
                                               "Cha chồng", "Mẹ chồng", "Anh/chị/em"))]
    person = cadre(
        work=work, relatives=relatives,
        training=[{"institution": "Học viện Chính trị khu vực II", "subject": "Lý luận chính trị", "since": "2015-09",
                   "until": "2017-06", "study_form": "Tại chức", "degree": "Cao cấp"}],
        history=[{"declared_kind": "Bị bắt", "since": "1972", "until": "1973-04", "place": "Khám Chí Hòa",
                  "post": None, "details": "Không khai gì", "source": "Lý lịch 2C"}],
        salary=[{"since": "2021-07", "grade": "Chuyên viên chính", "grade_code": "01.002", "step": "3/8",
                 "coefficient": "5.08"}])
    lines = written(tmp_path, person, history)
    text = " ".join(lines)
    assert "1 Học viện Chính trị khu vực II Lý luận chính trị 09/2015 – 06/2017 Tại chức Cao cấp" in text
    assert "12 01/2023 – nay Huyện ủy Hàm Thuận Bắc 11 Chuyên viên" in text
    assert "1 Bị bắt 1972 – 04/1973 Khám Chí Hòa Không khai gì" in text
    own = text[text.index("a) Về bản thân"):text.index("b) Về bên vợ")]
    spouse = text[text.index("b) Về bên vợ"):text.index("31) Diễn biến")]
    assert "Cha Nguyễn Văn Người Thân 0 1945 quê quán: Mũi Né; nghề nghiệp: Làm ruộng" in own
    assert all(f"Người Thân {n}" in own for n in (0, 1, 2, 3, 4, 5, 6, 9))
    assert "Cha chồng Nguyễn Văn Người Thân 7 1952" in spouse and "Mẹ chồng Nguyễn Văn Người Thân 8 1953" in spouse
    assert "07/2021 Chuyên viên chính 01.002/3/8 5,08" in text


def test_a_relative_who_has_died_is_told_so_first_in_item_30(tmp_path, history):
    """Item 30 has no column of its own for a death: old lý lịch write it first among the particulars."""
    father = {"relation": "Cha", "full_name": "Tôn Thất Nguyễn Hoàng Long Vĩnh Khánh", "birth_date": "1938",
              "home_town": "Phú Thủy, Phan Thiết", "residence": "Phường Phú Thủy", "occupation": "Làm ruộng",
              "source": "", "died": "đã mất khoảng năm 1970", "party_member": False}
    text = " ".join(written(tmp_path, cadre(relatives=[father]), history))
    assert "Cha Tôn Thất Nguyễn Hoàng 1938 Đã mất khoảng năm 1970; quê quán: Phú Thủy" in text


def test_a_dead_relatives_residence_is_the_one_before_they_died(tmp_path, history):
    """Officers write where the dead lived last as «nơi ở trước khi mất», never as a residence now; a living
    relative's stays «nơi ở»."""
    father = {"relation": "Cha", "full_name": "Nguyễn Văn Tư", "birth_date": "1938", "home_town": "Mũi Né",
              "residence": "Phường Phú Thủy", "occupation": "Làm ruộng", "source": "", "died": "đã mất năm 1970",
              "party_member": False}
    mother = {**father, "relation": "Mẹ", "full_name": "Trần Thị Lành", "birth_date": "1942", "died": None}
    text = " ".join(written(tmp_path, cadre(relatives=[father, mother]), history))
    assert ("Cha Nguyễn Văn Tư 1938 Đã mất năm 1970; quê quán: Mũi Né; nghề nghiệp: Làm ruộng; nơi ở trước khi mất: "
            "Phường Phú Thủy") in text
    assert "Mẹ Trần Thị Lành 1942 quê quán: Mũi Né; nghề nghiệp: Làm ruộng; nơi ở: Phường Phú Thủy" in text


def test_a_relative_who_is_a_party_member_is_told_so_after_the_occupation_in_item_30(tmp_path, history):
    """Lý lịch write a relative's Party membership among their particulars: «nghề nghiệp: Hưu trí; đảng viên»."""
    mother = {"relation": "Mẹ", "full_name": "Trần Thị Lành", "birth_date": "1942", "home_town": "Mũi Né",
              "residence": "Phường Phú Thủy", "occupation": "Hưu trí", "source": "", "died": None,
              "party_member": True}
    brother = {**mother, "relation": "Anh/chị/em", "full_name": "Tôn Thất Minh", "birth_date": "1968",
               "occupation": "Kỹ sư", "party_member": False}
    text = " ".join(written(tmp_path, cadre(relatives=[mother, brother]), history))
    assert ("Mẹ Trần Thị Lành 1942 quê quán: Mũi Né; nghề nghiệp: Hưu trí; đảng viên; nơi ở: Phường Phú Thủy"
            in text)
    assert "nghề nghiệp: Kỹ sư; nơi ở: Phường Phú Thủy" in text and text.count("đảng viên") == 1


def test_lists_of_items_21_22_29_and_32_read_as_held(tmp_path, history):
    person = cadre(
        rewards=[{"awarded_on": "2019", "award": "Giấy khen", "authority": "Giám đốc Sở", "decision_no": "12/QĐ",
                  "reason": None}],
        discipline=[{"decided_on": "2012-03", "organisation": "Đảng", "penalty": "Khiển trách", "authority": None,
                     "decision_no": None, "reason": None, "in_effect_until": None}],
        foreign=[{"element_kind": "Thân nhân ở nước ngoài", "relation": "Con", "full_name": "Lê Minh An",
                  "country": "Nhật Bản", "since": "2015", "until": None, "details": "Kỹ sư", "source": "x",
                  "residence": None}],
        appraisals=[{"year": 2024, "as_role": "Cán bộ", "classification": "Hoàn thành tốt nhiệm vụ",
                     "appraiser": None, "remarks": None}])
    text = " ".join(written(tmp_path, person, history))
    assert "21) Khen thưởng: 2019: Giấy khen (Giám đốc Sở, 12/QĐ)" in text
    assert "22) Kỷ luật: 03/2012: Khiển trách về đảng" in text
    assert "- Con Lê Minh An: Nhật Bản, từ 2015, Kỹ sư" in text
    assert "- Năm 2024, với tư cách cán bộ: Hoàn thành tốt nhiệm vụ" in text


def test_a_relative_abroad_is_told_with_the_address_item_29_asks_for(tmp_path, history):
    """2C item 29c asks where a relative abroad lives («làm gì, địa chỉ…»): the residence on their file follows
    what they do there."""
    person = cadre(foreign=[{"element_kind": "Thân nhân ở nước ngoài", "relation": "Anh/chị/em",
                             "full_name": "NGUYEN VAN MINH", "country": "Hoa Kỳ", "since": "1989", "until": None,
                             "details": "Kỹ sư phần mềm", "source": "x",
                             "residence": "1234 Westminster Boulevard, Garden Grove, California, Hoa Kỳ"}])
    text = " ".join(written(tmp_path, person, history))
    assert ("- Anh/chị/em NGUYEN VAN MINH: Hoa Kỳ, từ 1989, Kỹ sư phần mềm; địa chỉ: 1234 Westminster Boulevard, "
            "Garden Grove, California, Hoa Kỳ") in text


@pytest.mark.parametrize("secrecy", ["MẬT", ""])
def test_the_form_is_marked_as_the_office_marks_a_person_s_documents(tmp_path, office, secrecy):
    from bvct_desktop.core import settings

    history = settings.History([(key, None, value) for key, value in {**office, "do_mat": secrecy}.items()])
    lines = written(tmp_path, cadre(), history)
    assert (lines[0].split()[0] == "MẬT") is bool(secrecy)


def test_an_entry_of_a_list_typed_in_lines_prints_its_lines_under_its_own_text(tmp_path, history):
    """Item 32's remarks typed as paragraphs: each line typed prints as a line, the lines after the first under the
    entry's text, not under its «-», so that a second paragraph reads as part of its appraisal, not as the next
    entry or the form's own text; a line the width breaks hangs there too."""
    remarks = ("Ưu điểm: tận tụy, nắm chắc nghiệp vụ.\nHạn chế: còn chậm tổng hợp báo cáo định kỳ 6 tháng.\n\n"
               "Hướng khắc phục: phân công lại.")
    person = cadre(appraisals=[{"year": 2024, "as_role": "Cán bộ", "classification": "Hoàn thành tốt nhiệm vụ",
                                "appraiser": LONG_UNIT, "remarks": remarks}])
    target = tmp_path / "ly-lich-2c.pdf"
    target.write_bytes(render.vitae_pdf(history, [person], PRINTED, render.Options(render.profile.load())))
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "- Năm 2024, với tư cách cán bộ: Hoàn thành tốt nhiệm vụ",
                             "Hạn chế: còn chậm tổng hợp báo cáo định kỳ 6 tháng.", "Hướng khắc phục: phân công lại.")
    found = pdfcheck.words(target)
    dash, entry = pdfcheck.run(found, "- Năm 2024,")[:2]
    last = pdfcheck.phrase(found, "Hướng khắc phục:")
    starts = {}  # each line of the entry after its first: where its first word starts
    for word in found:
        if word.page == dash.page and dash.top + 1 < word.top <= last.top:
            starts[round(word.top)] = min(starts.get(round(word.top), word.x0), word.x0)
    assert len(starts) >= 4  # the appraiser's name broken by the width, then the remarks' three lines
    assert all(start == pytest.approx(entry.x0, abs=0.5) for start in starts.values()), starts
    assert dash.x0 < entry.x0


def test_a_single_discipline_typed_in_lines_prints_its_lines_under_its_value_not_at_the_margin(tmp_path, history):
    """Item 22 with one discipline prints «22) Kỷ luật: value»: a reason typed in lines went on at the left
    margin, where it read as the form's next item; its lines after the first, typed or broken by the width, hang
    under the value as a list's entries hang under their text."""
    reason = ("Vi phạm quy định về quản lý đất đai tại địa phương trong nhiều năm liền, gây hậu quả nghiêm trọng.\n"
              "Không kê khai trung thực tài sản năm 2011.\nĐã khắc phục một phần.")
    person = cadre(discipline=[{"decided_on": "2012-03", "organisation": "Đảng", "penalty": "Cảnh cáo",
                                "authority": LONG_UNIT, "decision_no": "1042-QĐ/TU", "reason": reason,
                                "in_effect_until": None}])
    target = tmp_path / "ly-lich-2c.pdf"
    target.write_bytes(render.vitae_pdf(history, [person], PRINTED, render.Options(render.profile.load())))
    pdfcheck.assert_in_order(pdfcheck.lines(target), "22) Kỷ luật: 03/2012: Cảnh cáo về đảng",
                             "Không kê khai trung thực tài sản năm 2011.", "Đã khắc phục một phần.",
                             "23) Tình trạng sức khỏe")
    found = pdfcheck.words(target)
    value = pdfcheck.run(found, "Kỷ luật: 03/2012:")[2]
    last, health = pdfcheck.run(found, "Đã khắc phục")[0], pdfcheck.phrase(found, "23) Tình trạng")
    starts = {}  # each line of the value after its first, over the page break: where its first word starts
    for word in found[found.index(value):found.index(last) + 1]:
        if (word.page, word.top) > (value.page, value.top + 1) and not word.text.isdigit():  # not a page's number
            starts[word.page, round(word.top)] = min(starts.get((word.page, round(word.top)), word.x0), word.x0)
    assert len(starts) >= 4  # the authority and the reason broken by the width, then the reason's two typed lines
    assert all(start == pytest.approx(value.x0, abs=0.5) for start in starts.values()), starts
    assert health.x0 < value.x0  # the next item at the margin
