"""Bình Thuận's units before and after 1 July 2025: home towns stay as written, and a search for
the new name finds the old one and the reverse."""

import json

import pytest
from sqlalchemy import select

from bvct_desktop.core import gazetteer, search
from bvct_desktop.core.schema import persons
from tests.conftest import workbook


def test_the_data_has_both_sides_of_the_merger():
    data = json.loads(gazetteer.DATA.read_text(encoding="utf-8"))
    old = [unit for district in data["truoc"]["huyen"] for unit in district["don_vi"]]
    new = data["sau"]["don_vi"]
    assert len(data["truoc"]["huyen"]) == 10 and len(old) == 121
    assert len(new) == 45
    assert [sum(unit["loai"] == kind for unit in new) for kind in ("Phường", "Xã", "Đặc khu")] == [8, 36, 1]
    old_names = {unit["ten"] for unit in old}
    assert all(source["ten"] in old_names for unit in new for source in unit["tu"])


@pytest.mark.parametrize(("place", "others"), [
    ("Hàm Tiến, Phan Thiết, Bình Thuận", ["Mũi Né"]),
    ("phường Mũi Né, tỉnh Lâm Đồng", ["Hàm Tiến", "Thiện Nghiệp"]),
    ("TT Phú Long, Hàm Thuận Bắc", ["Hàm Thắng"]),
    ("P. Bình Thuận", ["Phú Tài", "Phong Nẫm", "Hàm Hiệp"]),
    ("Tam Thanh, huyện Phú Quý", ["Ngũ Phụng", "Long Hải"]),
    ("xã Phong Phú", ["Tuy Phong", "Phan Rí Cửa"]),  # split between two new xã
    ("xã Phong Phú, huyện Tuy Phong", ["Phan Rí Cửa"]),  # names already written are not repeated
    ("Quỳnh Lưu, Nghệ An", []),
])
def test_other_names_of_a_home_town(place, others):
    assert gazetteer.counterparts(place) == tuple(others)


def test_a_province_or_district_name_is_no_commune_without_its_unit_word():
    assert "Phú Tài" not in gazetteer.counterparts("Hàm Tiến, Phan Thiết, Bình Thuận")
    assert gazetteer.counterparts("huyện Hàm Thuận Bắc") == ()


def _found(db, words: str) -> set[str]:
    with db.read() as connection:
        query = select(persons.c.full_name).where(*(persons.c.id.in_(search.persons_with(word))
                                                    for word in words.split()))
        return set(connection.execute(query).scalars())


def test_search_finds_old_and_new_names_of_a_home_town(cli, tmp_path):
    from tests.sample_db import sample_database

    cli("import", "cadres", workbook(tmp_path / "c.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"],
                                     [["Đinh Văn Mới", "1980", "phường Mũi Né, Lâm Đồng"],
                                      ["Đinh Văn Cũ", "1981", "xã Thiện Nghiệp, TP Phan Thiết"]]))
    db = sample_database(cli, tmp_path, kinds=())
    try:
        assert _found(db, "thien nghiep") == {"Đinh Văn Mới", "Đinh Văn Cũ"}
        assert {"Đinh Văn Mới", "Đinh Văn Cũ"} <= _found(db, "mui ne")
        with db.read() as connection:
            towns = set(connection.execute(select(persons.c.home_town)).scalars())
        assert "phường Mũi Né, Lâm Đồng" in towns  # kept as written
    finally:
        db.close()
