"""A cadre's summary (trích ngang): the family table gives each relative's year of birth, as the
forms do (brief §5.4), however precisely the birth date is known; the trips abroad and the other
foreign elements of the cadre and the relatives have sections of their own (brief §1.4)."""

import datetime as dt

from bvct_desktop.io.documents import render, sheets

from . import pdfcheck

pytestmark = pdfcheck.needs_poppler

FAMILY = (("Vợ", "Trần Thị Mai", "1973-12-18"), ("Cha", "Lê Văn Tư", "1950-03"), ("Mẹ", "Phạm Thị Năm", "1952"),
          ("Con", "Lê Minh An", None))


def cadre() -> dict:
    blank = dict.fromkeys((*sheets.PARTICULARS, *sheets.PARTY, "other_names", "note"))
    relatives = [{"relation": relation, "full_name": name, "birth_date": born, "home_town": "Mũi Né",
                  "residence": None, "occupation": None, "source": "Danh sách thân nhân"}
                 for relation, name, born in FAMILY]
    return {**blank, "full_name": "Lê Văn Hùng", "birth_date": "1970-05-02", "trips": [], "foreign": [],
            "slips": [], "political": [], "relatives": relatives, "work": [], "rewards": [],
            "discipline": []}


def test_the_family_table_gives_the_year_of_birth_only(tmp_path, history, options):
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [cadre()], dt.date(2026, 9, 30), options))
    text = " ".join(pdfcheck.lines(target))
    family = text[text.index("VI. QUAN HỆ GIA ĐÌNH"):text.index("VII. ĐI NƯỚC NGOÀI")]
    assert "Năm sinh" in family
    for relation, name, year in (("Vợ", "Trần Thị Mai", "1973"), ("Cha", "Lê Văn Tư", "1950"),
                                 ("Mẹ", "Phạm Thị Năm", "1952")):
        assert f"{relation} {name} {year} Mũi Né" in family
    assert "18/12/1973" not in family and "03/1950" not in family
    assert "Con Lê Minh An Mũi Né" in family
    assert "Ngày sinh: 02/05/1970" in text  # the cadre's own date stays whole


LONG_UNIT = ("Phòng Bảo vệ chính trị nội bộ và Quản lý hồ sơ đảng viên, Ban Tổ chức Tỉnh ủy Bình Thuận (nay là tỉnh "
             "Lâm Đồng)")


def test_the_work_periods_print_after_the_party_dates_in_order_the_last_to_now(tmp_path, history, options):
    """Form 2C item 28 as the officer reads it first: each period from–to at its precision, the unit whole
    however long (its words wrap in the cell, none cut), the one still running «– nay»."""
    person = cadre()
    person["work"] = [{"since": "1992", "until": "1998-05", "unit": "UBND xã Phú Thủy", "post": "Cán bộ văn phòng"},
                      {"since": "1998-06", "until": None, "unit": LONG_UNIT, "post": "Phó Trưởng phòng phụ trách"}]
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    text = " ".join(pdfcheck.lines(target))
    pdfcheck.assert_in_order(pdfcheck.lines(target), "II. ĐẢNG TỊCH", "III. QUÁ TRÌNH CÔNG TÁC",
                             "VI. QUAN HỆ GIA ĐÌNH")
    work = text[text.index("III. QUÁ TRÌNH CÔNG TÁC"):text.index("VI. QUAN HỆ GIA ĐÌNH")]
    assert "Thời gian" in work and "Đơn vị công tác" in work and "Chức vụ, chức danh" in work
    assert "1 1992 – 05/1998 UBND xã Phú Thủy Cán bộ văn phòng" in work
    assert work.index("06/1998 – nay") > work.index("05/1998")
    assert all(word in work.split() for word in LONG_UNIT.split())
    person["work"] = []
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    assert "III. QUÁ TRÌNH CÔNG TÁC Chưa ghi quá trình công tác." in " ".join(pdfcheck.lines(target))


LONG_AUTHORITY = "Ban Thường vụ Tỉnh ủy Bình Thuận (nay là Ban Thường vụ Tỉnh ủy Lâm Đồng)"


def test_rewards_and_discipline_print_after_the_work_periods_the_discipline_with_the_day_it_ends(
        tmp_path, history, options):
    """Form 2C items 21 and 22 where the officer vetting an appointment looks: each reward and discipline in the
    order decided, at the precision known, the decision's number kept whole, a long authority wrapped whole."""
    person = cadre()
    person["rewards"] = [{"awarded_on": "2008-12", "award": "Huân chương Lao động hạng Ba", "authority": LONG_AUTHORITY,
                          "decision_no": "1234-QĐ/TU", "reason": "Đã có thành tích xuất sắc trong công tác"},
                         {"awarded_on": "2020", "award": "Giấy khen", "authority": None, "decision_no": None,
                          "reason": None}]
    person["discipline"] = [{"decided_on": "2012-03-05", "organisation": "Đảng", "penalty": "Cảnh cáo",
                             "authority": "Ủy ban Kiểm tra Huyện ủy Tuy Phong", "decision_no": "0125-QĐ/UBKT",
                             "reason": "Vi phạm quy định về đất đai", "in_effect_until": "2013-03-05"}]
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    lines = pdfcheck.lines(target)
    text = " ".join(lines)
    pdfcheck.assert_in_order(lines, "III. QUÁ TRÌNH CÔNG TÁC", "IV. KHEN THƯỞNG", "V. KỶ LUẬT",
                             "VI. QUAN HỆ GIA ĐÌNH")
    rewards = text[text.index("IV. KHEN THƯỞNG"):text.index("V. KỶ LUẬT")]
    assert "1 12/2008 Huân chương" in rewards and "2 2020 Giấy khen" in rewards  # a long award wraps as the rest
    assert all(word in rewards.split() for word in ("Lao", "động", "hạng", "Ba"))
    assert "1234-QĐ/TU" in rewards
    assert all(word in rewards.split() for word in (*LONG_AUTHORITY.split(), "Hình", "thức", "khen", "thưởng"))
    discipline = text[text.index("V. KỶ LUẬT"):text.index("VI. QUAN HỆ GIA ĐÌNH")]
    assert "1 05/03/2012 Đảng Cảnh cáo" in discipline and "0125-QĐ/UBKT" in discipline
    assert "05/03/2013" in discipline and all(word in discipline.split() for word in ("Hiệu", "lực", "đến"))
    person["rewards"] = person["discipline"] = []
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    assert "IV. KHEN THƯỞNG Chưa ghi khen thưởng nào. V. KỶ LUẬT Chưa ghi kỷ luật nào." in " ".join(
        pdfcheck.lines(target))


def test_a_discipline_in_force_on_the_day_printed_says_so_by_its_recorded_end(tmp_path, history, options):
    """The officer vetting for appointment sees which discipline still runs on the day printed (30/09/2026):
    one whose «Hiệu lực đến» is not past, at the precision written; none with no end recorded or one past."""
    person = cadre()
    person["discipline"] = [{"decided_on": decided, "organisation": "Đảng", "penalty": "Khiển trách",
                             "authority": None, "decision_no": None, "reason": None, "in_effect_until": until}
                            for decided, until in (("2012", "2013"), ("2025-11", "2026-11-30"), ("2026-01", None),
                                                   ("2025-09", "2026-09"))]
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    text = " ".join(pdfcheck.lines(target))
    discipline = text[text.index("V. KỶ LUẬT"):text.index("VI. QUAN HỆ GIA ĐÌNH")]
    assert " ".join(discipline.split()).count("còn hiệu lực") == 2
    assert "30/11/2026 (còn hiệu lực)" in discipline and "09/2026 (còn hiệu lực)" in discipline


def test_the_family_table_tells_where_each_relative_lives(tmp_path, history, options):
    """2C item 30: «nơi ở (trong / ngoài nước)» — a father who died, a son abroad with his city."""
    person = cadre()
    person["relatives"][1]["residence"] = "Đã mất"
    person["relatives"][3]["residence"] = "Melbourne (Úc)"
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    family = " ".join(pdfcheck.lines(target))
    family = family[family.index("VI. QUAN HỆ GIA ĐÌNH"):family.index("VII. ĐI NƯỚC NGOÀI")]
    assert "Nơi ở" in family
    assert "Cha Lê Văn Tư 1950 Mũi Né Đã mất" in family
    assert "Con Lê Minh An Mũi Né Melbourne (Úc)" in family


def test_the_last_heading_never_stands_alone_at_a_page_foot(tmp_path, history, options):
    """Whatever the family's length, «IX. …» shares its page with what follows it, the table's first
    row under its header: a short last section goes to the next page with the signature, and its
    heading goes with it."""
    for slips, first in (([], "Chưa"), ([_slip()], "12/PXM"), ([_slip(), _slip()], "12/PXM")):
        for relatives in range(42):  # the heading at every height of the first and second page's foot
            person = cadre()
            person["relatives"] = person["relatives"][:1] * relatives
            person["slips"] = slips
            target = tmp_path / f"trich-ngang-{len(slips)}-{relatives}.pdf"
            target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
            words = pdfcheck.words(target)
            heading = next(word for word in words if word.text == "IX.")
            after = [word.text for word in words if word.top > heading.bottom and word.page == heading.page]
            assert first in after, f"{len(slips)} phiếu, {relatives} thân nhân: «IX.» cuối trang {heading.page}"


def _slip() -> dict:
    return {"number": "12/PXM", "issued_on": dt.date(2026, 3, 2), "full_name": "Lê Văn Hùng", "relation": "Bản thân",
            "purpose": "Bổ nhiệm", "recipient": "Phòng PV27 – Công an tỉnh", "result": "Không có tiền án"}


def test_a_home_town_under_former_names_prints_with_what_it_is_called_now_as_the_file_shows_it(
        tmp_path, history, options):
    person = cadre()
    person["home_town"] = "Xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận"
    person["relatives"][1]["home_town"] = "Xã Hàm Tiến, Phan Thiết"
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    text = " ".join(pdfcheck.lines(target))
    assert ("Quê quán: Xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận (nay: đặc khu Phú Quý, Lâm Đồng) Nơi ở"
            in text)
    family = text[text.index("VI. QUAN HỆ GIA ĐÌNH"):text.index("VII. ĐI NƯỚC NGOÀI")]
    assert "Cha Lê Văn Tư 1950 Xã Hàm Tiến, Phan Danh sách thân nhân Thiết (nay:" in family  # its cell's lines
    assert "phường Mũi Né, Lâm Đồng)" in family
    assert "Vợ Trần Thị Mai 1973 Mũi Né" in family  # a place the gazetteer needs not tell prints as typed


TRIPS = [{"countries": "Trung Quốc", "start": "2019-05-10", "end": "2019-05-15",
          "name": "Đi việc riêng (du lịch), đã báo cáo chi bộ", "purpose": None, "role": None,
          "decision_no": None, "decision_on": None, "source": "Báo cáo của chi bộ"},
         {"countries": "Nhật Bản", "start": "2025-04-01", "end": "2025-04-08", "name": "Đoàn công tác Sở Nội vụ",
          "purpose": "Công tác", "role": "Trưởng đoàn", "decision_no": "125-QĐ/TU",
          "decision_on": dt.date(2025, 3, 10), "source": None}]
FOREIGN = [{"element_kind": "Tham gia tổ chức nước ngoài", "relation": "Bản thân", "full_name": None,
            "country": "Nhật Bản", "since": "2018", "until": None,
            "details": "Hội viên Hội hữu nghị Nhật – Việt tại Osaka", "source": "Lý lịch 2C"},
           {"element_kind": "Kết hôn với người nước ngoài", "relation": "Bản thân", "full_name": None,
            "country": "Hàn Quốc", "since": "2020-06", "until": "2024-12", "details": "Kết hôn với công dân Hàn Quốc",
            "source": "Báo cáo chi bộ"},
           {"element_kind": "Thân nhân ở nước ngoài", "relation": "Chồng", "full_name": "Phạm Văn Long",
            "country": "Hoa Kỳ", "since": "2015", "until": None, "details": "Kỹ sư phần mềm, công ty Intel",
            "source": "Danh sách thân nhân"}]


def test_the_trips_and_the_foreign_elements_print_in_order_under_their_headings(tmp_path, history, options):
    """A trip recorded on the file prints beside the delegations (no «Chưa có chuyến đi nào»); the other
    foreign elements follow, each with whom it is about, since when and what: a relative abroad with the
    year since and the work there."""
    person = {**cadre(), "trips": TRIPS, "foreign": FOREIGN}
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [person], dt.date(2026, 9, 30), options))
    lines = pdfcheck.lines(target)
    text = " ".join(lines)
    assert "Chưa có chuyến đi nào" not in text
    pdfcheck.assert_in_order(lines, "VI. QUAN HỆ GIA ĐÌNH", "VII. ĐI NƯỚC NGOÀI", "1 Trung",
                             "2 Nhật Bản 01/04/2025 –", "VIII. YẾU TỐ NƯỚC NGOÀI KHÁC", "1 Tham gia tổ",
                             "2 Kết hôn với", "3 Thân nhân ở", "IX. XÁC MINH LAI LỊCH")
    trips = text[text.index("VII. ĐI NƯỚC NGOÀI"):text.index("VIII. YẾU TỐ NƯỚC NGOÀI KHÁC")]
    for value in ("10/05/2019 –", "15/05/2019", "08/04/2025", "Đi việc riêng (du", "Báo cáo của", "Trưởng",
                  "125-QĐ/TU"):
        assert value in trips
    relative_abroad = next(line for line in lines if line.startswith("3 Thân nhân ở"))
    for value in ("Chồng Phạm Văn Long", "từ 2015", "Kỹ sư phần mềm,"):
        assert value in relative_abroad
    elements = text[text.index("VIII. YẾU TỐ NƯỚC NGOÀI KHÁC"):text.index("IX. XÁC MINH LAI LỊCH")]
    for value in ("từ 2018", "06/2020 –", "12/2024", "công ty Intel", "Lý lịch"):
        assert value in elements


def test_with_no_foreign_element_the_section_says_so(tmp_path, history, options):
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [cadre()], dt.date(2026, 9, 30), options))
    pdfcheck.assert_in_order(pdfcheck.lines(target), "VII. ĐI NƯỚC NGOÀI", "Chưa có chuyến đi nào được ghi nhận.",
                             "VIII. YẾU TỐ NƯỚC NGOÀI KHÁC", "Chưa có yếu tố nước ngoài nào khác được ghi nhận.",
                             "IX. XÁC MINH LAI LỊCH", "Chưa có phiếu yêu cầu xác minh nào.")


POLITICAL = [{"axis": "Lịch sử chính trị", "relation": "Cha", "full_name": "Lê Văn Tư",
              "content": "Cha đẻ là hạ sĩ quan chế độ cũ, đã học tập cải tạo",
              "evidence": "Phiếu trả lời 215/A93B: học tập cải tạo tại trại Hàm Tân",
              "found_on": dt.date(2016, 5, 20), "regulation": "QĐ 57-QĐ/TW",
              "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
              "limit_note": "Không quá ủy viên Ban Thường vụ Tỉnh ủy"},
             {"axis": "Chính trị hiện nay", "relation": "Bản thân", "full_name": None,
              "content": "Không có biểu hiện vi phạm", "evidence": None, "found_on": None, "regulation": None,
              "effect": "Không ảnh hưởng", "limit_note": None}]


def test_the_political_issues_print_last_with_whom_each_is_about_its_day_regulation_and_effect(
        tmp_path, history, options):
    """The sheet goes into an appointment dossier: the father's old-regime service found in 2016 under QĐ 57,
    with its ceiling stated, prints under «X. VẤN ĐỀ CHÍNH TRỊ» (its evidence stays on the file: a summary)."""
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [{**cadre(), "political": POLITICAL}], dt.date(2026, 9, 30),
                                        options))
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "IX. XÁC MINH LAI LỊCH", "X. VẤN ĐỀ CHÍNH TRỊ (BẢN THÂN VÀ THÂN NHÂN)",
                             "1 Lịch", "2 Chính")
    issues = " ".join(lines[next(i for i, line in enumerate(lines) if line.startswith("X. VẤN ĐỀ")):])
    for value in ("Cha Lê Văn Tư", "20/05/2016", "QĐ 57-QĐ/TW", "Có vấn đề", "Cha đẻ là", "Bản", "Không có",
                  "Không ảnh", "giới hạn: Không", "Thường vụ"):
        assert value in issues, value
    assert "Hàm Tân" not in issues
    target.write_bytes(render.cadre_pdf(history, [cadre()], dt.date(2026, 9, 30), options))
    pdfcheck.assert_in_order(pdfcheck.lines(target), "X. VẤN ĐỀ CHÍNH TRỊ",
                             "Chưa có vấn đề chính trị nào được ghi nhận.")


def test_the_recovery_key_sheet_sends_the_officer_to_the_login_window_first(tmp_path, office, options):
    target = tmp_path / "phieu-khoa.pdf"
    target.write_bytes(render.recovery_key_pdf(office, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "bvct.db",
                                               dt.date(2026, 11, 26), options))
    text = " ".join(pdfcheck.lines(target))
    button, command = text.index("«Quên mật khẩu quản trị…»"), text.index("bvct users passwd TÊN --recovery-key-file")
    assert button < command
    assert "gõ khóa từ phiếu này" in text
    # the command reads the key only from a file, never typed at a prompt: the sheet says so, and where
    assert "chỉ đọc khóa từ tệp" in text and "ổ USB" in text and "xóa tệp" in text
    assert pdfcheck.page_count(target) == 1
