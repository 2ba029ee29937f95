"""The search rule: every word, accents, đ and case folded, in the person or the record's text."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import browse, editing, register_search
from bvct_desktop.core.schema import persons
from bvct_desktop.core.search import fold_ascii, fts_phrase, narrows
from bvct_desktop.core.text import fold
from tests.conftest import workbook
from tests.sample_db import sample_database


@pytest.fixture
def cli(both_engines_cli):
    """The search rule gives the same answers on the office server as on a file."""
    return both_engines_cli


def names(db, kind, query):
    ids = browse.record_ids(db, kind, query)
    rows = browse.fetch_rows(db, kind, ids)
    column = [c.key for c in browse.view(kind).columns].index("full_name")
    return [rows[i][column] for i in ids]


def test_words_without_accents_find_the_person(db):
    assert names(db, "cadres", "nguyen hung") == ["Nguyễn Văn Hùng"]
    assert names(db, "cadres", "NGUYỄN   hùng") == ["Nguyễn Văn Hùng"]


def test_d_bar_folds_to_d_and_every_word_must_occur(db):
    assert names(db, "cadres", "hoang duc") == ["Lê Hoàng Đức"]
    assert "Bùi Thị Hương" in names(db, "cadres", "duc linh")
    assert names(db, "cadres", "le hung") == []


def test_identity_number_and_home_town_are_searched(db):
    assert names(db, "cadres", "060065") == ["Nguyễn Văn Hùng"]
    assert names(db, "cadres", "mui ne") == ["Trần Thị Ánh"]


def test_slips_are_found_by_their_recipient_and_own_text(db):
    pv27 = browse.record_ids(db, "slips", "pv27")
    assert [row[0] for row in browse.fetch_rows(db, "slips", pv27).values()] == ["13/PXM"]
    assert len(browse.record_ids(db, "slips", "a93b binh")) == 2
    assert len(browse.record_ids(db, "slips", "khong co tang thu")) == 1


def test_a_word_typed_begins_a_word_of_a_records_own_texts(db):
    """As the person's words: «1/pxm» is not the end of «11/PXM», «ngoc anh» not «Ngọc» and «Nặc danh»."""
    eleven = browse.record_ids(db, "slips", "13/pxm")[0]
    stored = editing.load(db, "slips", eleven)
    editing.save(db, "slips", {**stored, "number": "11/PXM"}, eleven, stored.get("person_id"))
    assert [row[0] for row in browse.fetch_rows(db, "slips", browse.record_ids(db, "slips", "1/pxm")).values()] \
        == ["1/PXM"]
    assert browse.record_ids(db, "slips", "11/pxm") == [eleven]
    assert browse.record_ids(db, "slips", "pxm") == browse.record_ids(db, "slips")  # after «/», a word begins
    assert browse.record_ids(db, "slips", "v27") == browse.record_ids(db, "slips", "2/pxm") == []
    assert len(browse.record_ids(db, "delegations", "125-qd")) == 1
    assert browse.record_ids(db, "delegations", "25-qd") == []
    assert len(browse.record_ids(db, "archive-requests", "45-cv")) == 1
    assert browse.record_ids(db, "archive-requests", "5-cv") == []
    complaint = browse.record_ids(db, "complaints", "tran van loc")[0]
    stored = editing.load(db, "complaints", complaint)
    editing.save(db, "complaints", {**stored, "sender": "Nặc danh", "summary": "Tố cáo bà Huỳnh Ngọc Diệp"},
                 complaint, stored.get("person_id"))
    assert browse.record_ids(db, "complaints", "ngoc diep") == [complaint]
    assert browse.record_ids(db, "complaints", "ngoc anh") == []


def test_a_name_written_with_an_apostrophe_is_found_with_it_left_out(db):
    """An officer types «Kbrong» for «K'Bròng», «Hhen» for «H’Hen Niê»: in the person (name, home town)
    and in a record's own texts, with either apostrophe written or typed, or none."""
    editing.save(db, "cadres", {"full_name": "K'Bròng", "birth_date": "1978", "home_town": "Ea H’Leo"})
    for query in ("kbrong", "Kbrong", "K'Bròng", "K’Bròng", "brong", "k brong"):
        assert names(db, "cadres", query) == ["K'Bròng"], query
        assert [facts.description.split(",")[0] for facts in editing.find_people(db, query)] == ["K'Bròng"], query
    assert names(db, "cadres", "hleo") == names(db, "cadres", "h'leo") == ["K'Bròng"]
    slip = browse.record_ids(db, "slips", "12/pxm")[0]
    stored = editing.load(db, "slips", slip)
    editing.save(db, "slips", {**stored, "spouse_name": "H’Hen Niê"}, slip, stored.get("person_id"))
    for query in ("hhen", "Hhen Niê", "h'hen", "H’Hen", "hen nie"):
        assert browse.record_ids(db, "slips", query) == [slip], query
        assert register_search.finished(db, browse.listing(db, "slips"), query).ids == [slip], query


QUY = ("Quí", "Quý", "qui", "quy")  # one name, as offices write it


@pytest.mark.parametrize(("kind", "key", "text"), [
    ("slips", "vetted_name", "Nguyễn Thị Quý Hường"), ("complaints", "summary", "Phản ánh ông Trần Quí"),
    ("archive-requests", "result", "Có tài liệu về Đặc khu Phú Quý"), ("cadres", "position", "Bí thư Đặc khu Phú Quí"),
    ("delegations", "name", "Đoàn công tác huyện Phú Quý")])
def test_a_final_i_or_y_written_either_way_finds_the_words_of_a_records_own_texts(db, kind, key, text):
    """The record's only «Quý» or «Quí» is in its own text (as the name of the person vetted by 1236/PXM)."""
    record = browse.record_ids(db, kind)[-1]
    stored = editing.load(db, kind, record)
    editing.save(db, kind, {**stored, key: text}, record, stored.get("person_id"))
    for spelling in QUY:
        assert browse.record_ids(db, kind, spelling) == [record], spelling


def test_a_new_name_typed_with_its_unit_word_finds_the_records_written_under_the_old_one(db):
    """As the program shows it: «Phú Thủy, Phan Thiết (nay: phường Phú Thủy, Lâm Đồng)»."""
    assert names(db, "cadres", "Phường Phú Thủy") == ["Nguyễn Văn Hùng"]
    assert names(db, "cadres", "Phường Mũi Né") == names(db, "cadres", "mui ne") == ["Trần Thị Ánh"]
    assert names(db, "cadres", "Phường La Gi") == names(db, "cadres", "thị xã La Gi") == ["Lê Hoàng Đức"]
    assert names(db, "slips", "phường Mũi Né") == names(db, "slips", "Mũi Né") != []  # written «Hàm Tiến»
    assert names(db, "cadres", "Đặc khu Mũi Né") == []  # no đặc khu is so called: every word is looked for
    for short in ("TP Phan Thiết", "TP. Phan Thiết", "tp phan thiet"):
        assert names(db, "cadres", short) == names(db, "cadres", "Thành phố Phan Thiết") != [], short
    assert names(db, "slips", "P. Mũi Né") == names(db, "slips", "Mũi Né")


def test_a_units_name_typed_with_its_unit_word_is_looked_for_as_a_phrase(db):
    """«Đặc khu Phú Quý» finds «Phú Quý» written together (in the person's home town, under either
    name, or in the record's text), not «phú» and «quý» anywhere in a record."""
    slips = browse.record_ids(db, "slips")  # of people from Hàm Tiến (Mũi Né)
    loose = [{"purpose": "Quy hoạch", "father_name": "Nguyễn Văn Phú"},
             {"note": "Giải quyết chế độ", "mother_name": "Trần Thị Phú"},  # «quy» begins «quyết»
             {"purpose": "Quy hoạch", "note": "Vợ quê Phú Yên"}]
    for record, texts in zip(slips, loose, strict=True):
        stored = editing.load(db, "slips", record)
        editing.save(db, "slips", {**stored, **texts}, record, stored.get("person_id"))
    assert browse.record_ids(db, "slips", "Phú Quý") == slips  # typed alone: each word anywhere
    assert browse.record_ids(db, "slips", "Đặc khu Phú Quý") == []
    assert browse.record_ids(db, "slips", "Phường Mũi Né") == slips
    stored = editing.load(db, "slips", slips[0])
    editing.save(db, "slips", {**stored, "result": "Có tài liệu về Phú Quý"}, slips[0], stored.get("person_id"))
    assert browse.record_ids(db, "slips", "Đặc khu Phú Quý") == [slips[0]]


def test_a_home_town_written_under_its_current_name_alone_is_found_by_its_province_old_and_new(cli, tmp_path):
    """«Phan Rí Cửa», «Mũi Né», «Đặc khu Phú Quý» (as the program shows it after «nay:»), written without
    their province, are found by «Lâm Đồng» and by the former names; a Phú Quý of Tiền Giang is not."""
    rows = [["Ngô Thị Mai", "1970", "Phan Rí Cửa"], ["Ngô Văn Né", "1971", "Mũi Né"],
            ["Ngô Văn Đảo", "1972", "Đặc khu Phú Quý"], ["Ngô Văn Cai", "1973", "Xã Phú Quý, Cai Lậy"]]
    code, _, err = cli("import", "cadres", workbook(tmp_path / "c.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows))
    assert code == 0, err
    db = sample_database(cli, tmp_path, kinds=())
    try:
        def found(query):
            register = register_search.finished(db, browse.listing(db, "cadres"), query)
            picked = [person.person_id for person in editing.find_people(db, query)]
            with db.read() as connection:
                people = set(connection.execute(select(persons.c.full_name).where(persons.c.id.in_(picked))).scalars())
            assert people == set(names(db, "cadres", query)), query
            assert sorted(register.ids) == sorted(browse.record_ids(db, "cadres", query)), query
            return people

        binh_thuan = {"Ngô Thị Mai", "Ngô Văn Né", "Ngô Văn Đảo"}
        assert found("Lâm Đồng") == found("Bình Thuận") == binh_thuan
        assert found("Tuy Phong") == {"Ngô Thị Mai"}
        assert found("Phan Thiết") == {"Ngô Văn Né"}
        assert found("Ngũ Phụng") == found("Tam Thanh") == {"Ngô Văn Đảo"}  # the communes that became it
        assert found("Tiền Giang") == found("Cai Lậy") == {"Ngô Văn Cai"}
    finally:
        db.close()


def test_delegations_are_found_by_a_member(db):
    assert len(browse.record_ids(db, "delegations", "huong")) == 2
    assert len(browse.record_ids(db, "delegations", "vinh nhat")) == 1


def test_punctuation_cannot_break_the_query(db):
    assert fts_phrase('a"b') == '"a""b"*'
    assert browse.record_ids(db, "cadres", 'hùng" OR *') == []
    assert browse.record_ids(db, "slips", "12/pxm") != []


def test_typing_on_narrows_the_previous_search():
    assert narrows("nguy", "nguyen")
    assert narrows("nguyen", "nguyen van h")
    assert narrows("", "a")
    assert not narrows("nguyen van", "nguyen")
    assert not narrows("nguyen", "ngu")
    assert not narrows("hung", "nguyen hung")


def test_a_number_typed_on_from_its_leading_zeros_is_searched_afresh():
    """«0047» finds 47/PXM, which «0» and «00» did not: the rows they found are not all there is."""
    assert not narrows("00", "0047")
    assert not narrows("0", "00")
    assert narrows("47", "47/pxm")


@pytest.mark.parametrize("stored", ["NGUYỄN VĂN HÙNG", "Phòng PV27 – Công an tỉnh Bình Thuận", "Đắk Lắk; Ưng Hoà",
                                    "Ở nước ngoài: Hoa Kỳ (Mỹ)", "Ngô Thị Ẩn, Ỷ Lan, ỹ ỵ ữ"])
def test_fast_folding_agrees_with_the_text_rule_on_vietnamese(stored):
    assert fold_ascii(stored) == fold(stored).replace("–", "")


def test_a_line_break_in_a_long_text_is_folded_as_a_space_so_a_phrase_is_found_across_lines():
    assert fold_ascii("Vi phạm\nđất đai") == fold("Vi phạm\nđất đai") == "vi pham dat dai"


def _slip(db, **values) -> int:
    return editing.save(db, "slips", {"gender": "Nam", "relation": "Bản thân", "purpose": "Bổ nhiệm", **values})


def test_a_name_typed_finds_the_slips_where_it_is_written_before_those_holding_its_words_apart(db):
    """«nguyen van hung» showed Phạm Văn Hậu among the first rows: «van» in his name, «hung» in his recipient in
    Hưng Yên, «Nguyễn» in the name vetted. The slips where the words are written together come first, in the
    register's order; those holding them apart follow (a search meant across the fields still finds them)."""
    hau = _slip(db, full_name="Phạm Văn Hậu", birth_date="1970", home_town="Hàm Tiến", number="20/PXM",
                recipient="Công an tỉnh Hưng Yên", vetted_name="Nguyễn Thị Lan", issued_on="01/3/2026")
    hung = _slip(db, full_name="Nguyễn Văn Hùng", birth_date="1965", home_town="La Gi", number="21/PXM",
                 recipient="Cục A93B – Bộ Công an", issued_on="01/6/2025")
    assert browse.record_ids(db, "slips", "nguyen van hung") == [hau, hung]  # the register's order: newest first
    listing = browse.listing(db, "slips")
    for query in ("nguyen van hung", "Nguyễn Văn Hùng", "nguyen van h"):
        assert register_search.finished(db, listing, query).ids == [hung, hau], query
        found = register_search.start(db, browse.listing(db, "slips"), query)
        while not found.complete:
            found.go_on(db)
        assert found.ids == [hung, hau], query
    for across in ("hau hung yen", "nguyen a93b", "van 20/pxm"):
        assert register_search.finished(db, listing, across).ids == browse.record_ids(db, "slips", across) != []
