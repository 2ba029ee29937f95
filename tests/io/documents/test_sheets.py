"""A cadre's summary (trích ngang): the family table gives each relative's year of birth, as the
forms do (brief §5.4), however precisely the birth date is known."""

import datetime as dt

from bvct_desktop.io.documents import render, sheets

from . import pdfcheck

pytestmark = pdfcheck.needs_poppler

FAMILY = (("Vợ", "Trần Thị Mai", "1973-12-18"), ("Cha", "Lê Văn Tư", "1950-03"), ("Mẹ", "Phạm Thị Năm", "1952"),
          ("Con", "Lê Minh An", None))


def cadre() -> dict:
    blank = dict.fromkeys((*sheets.PARTICULARS, *sheets.PARTY, "other_names", "note"))
    relatives = [{"relation": relation, "full_name": name, "birth_date": born, "home_town": "Mũi Né",
                  "occupation": None, "country": None, "source": "Danh sách thân nhân"}
                 for relation, name, born in FAMILY]
    return {**blank, "full_name": "Lê Văn Hùng", "birth_date": "1970-05-02", "trips": [], "slips": [],
            "relatives": relatives}


def test_the_family_table_gives_the_year_of_birth_only(tmp_path, history, options):
    target = tmp_path / "trich-ngang.pdf"
    target.write_bytes(render.cadre_pdf(history, [cadre()], dt.date(2026, 9, 30), options))
    text = " ".join(pdfcheck.lines(target))
    family = text[text.index("III. QUAN HỆ GIA ĐÌNH"):text.index("IV. ĐI NƯỚC NGOÀI")]
    assert "Năm sinh" in family
    for relation, name, year in (("Vợ", "Trần Thị Mai", "1973"), ("Cha", "Lê Văn Tư", "1950"),
                                 ("Mẹ", "Phạm Thị Năm", "1952")):
        assert f"{relation} {name} {year} Mũi Né" in family
    assert "18/12/1973" not in family and "03/1950" not in family
    assert "Con Lê Minh An Mũi Né" in family
    assert "Ngày sinh: 02/05/1970" in text  # the cadre's own date stays whole


def test_the_last_heading_never_stands_alone_at_a_page_foot(tmp_path, history, options):
    """Whatever the family's length, «V. …» shares its page with what follows it, the table's first
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
            heading = next(word for word in words if word.text == "V.")
            after = [word.text for word in words if word.top > heading.bottom and word.page == heading.page]
            assert first in after, f"{len(slips)} phiếu, {relatives} thân nhân: «V.» cuối trang {heading.page}"


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
    assert ("Quê quán: Xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận (nay: Đặc khu Phú Quý, Lâm Đồng) Nơi ở"
            in text)
    family = text[text.index("III. QUAN HỆ GIA ĐÌNH"):text.index("IV. ĐI NƯỚC NGOÀI")]
    assert "Cha Lê Văn Tư 1950 Xã Hàm Tiến, Phan Thiết (nay:" in family  # on two lines of its cell
    assert "Phường Mũi Né, Lâm Đồng)" in family
    assert "Vợ Trần Thị Mai 1973 Mũi Né" in family  # a place the gazetteer needs not tell prints as typed
