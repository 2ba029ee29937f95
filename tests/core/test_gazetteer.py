"""Place names of the whole country before and after 01/7/2025: a name (old or new) finds its unit
and what it became or came from; a home town as written names one unit; search finds the old and
the new names of a home town both ways; the stored text never changes."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import gazetteer, search
from bvct_desktop.core.schema import persons
from bvct_desktop.core.text import search_words
from tests.conftest import workbook


@pytest.fixture(scope="module")
def places():
    return gazetteer.load()


def lines(places, text):
    """Each match as "full name → new units" (former) or "full name ← former units" (current)."""
    found = []
    for unit in places.lookup(text):
        others = unit.predecessors if unit.new else unit.current
        arrow = "←" if unit.new else "→"
        found.append(f"{unit.full_name()} {arrow} {'; '.join(other.name for other in others)}")
    return found


# ------------------------------------------------------------ lookup: old → new, new → old

@pytest.mark.parametrize(("text", "expected"), [
    # the three former provinces of the merged Lâm Đồng
    ("Ngũ Phụng", ["Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận → Đặc khu Phú Quý"]),
    ("Hàm Tiến, Phan Thiết", ["Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận → Phường Mũi Né"]),
    ("Phường 1, Đà Lạt", ["Phường 1, Thành phố Đà Lạt, Tỉnh Lâm Đồng → Phường Xuân Hương - Đà Lạt"]),
    ("Lộc Tân, Bảo Lâm, Lâm Đồng", ["Xã Lộc Tân, Huyện Bảo Lâm, Tỉnh Lâm Đồng → Phường 2 Bảo Lộc"]),
    ("Đắk R'Moan", ["Xã Đắk R'Moan, Thành phố Gia Nghĩa, Tỉnh Đắk Nông → Phường Nam Gia Nghĩa"]),
    ("dak rmoan", ["Xã Đắk R'Moan, Thành phố Gia Nghĩa, Tỉnh Đắk Nông → Phường Nam Gia Nghĩa"]),
    ("Ea T'ling, Cư Jút", ["Thị trấn Ea T'Ling, Huyện Cư Jút, Tỉnh Đắk Nông → Xã Cư Jút"]),
    # other provinces
    ("Quỳnh Đôi, Quỳnh Lưu, Nghệ An", ["Xã Quỳnh Đôi, Huyện Quỳnh Lưu, Tỉnh Nghệ An → Xã Quỳnh Anh"]),
    ("Hàng Bạc, Hoàn Kiếm", ["Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội → Phường Hoàn Kiếm"]),
    ("Hàng Trống, Hoàn Kiếm",  # divided
     ["Phường Hàng Trống, Quận Hoàn Kiếm, Thành phố Hà Nội → Phường Hoàn Kiếm; Phường Cửa Nam"]),
    ("Thủ Thừa, Thủ Thừa, Long An", ["Thị trấn Thủ Thừa, Huyện Thủ Thừa, Tỉnh Long An → Xã Thủ Thừa"]),
])
def test_a_former_unit_finds_what_it_became(places, text, expected):
    assert lines(places, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Đặc khu Phú Quý", ["Đặc khu Phú Quý, Tỉnh Lâm Đồng ← Xã Ngũ Phụng; Xã Long Hải; Xã Tam Thanh"]),
    ("phường Mũi Né, Lâm Đồng", ["Phường Mũi Né, Tỉnh Lâm Đồng ← Phường Mũi Né; Phường Hàm Tiến; Xã Thiện Nghiệp"]),
    ("xã Nam Dong, Lâm Đồng", ["Xã Nam Dong, Tỉnh Lâm Đồng ← Xã Nam Dong; Xã Đắk D'rông"]),
    ("Phường Xuân Hương - Đà Lạt",
     ["Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng ← Phường 2; Phường 1; Phường 4; Phường 10; Phường 3"]),
    ("xã Quỳnh Anh, Nghệ An",  # Nghị quyết 1678/NQ-UBTVQH15, khoản 73
     ["Xã Quỳnh Anh, Tỉnh Nghệ An ← Xã Minh Lương; Xã Quỳnh Bảng; Xã Quỳnh Đôi; Xã Quỳnh Thanh; Xã Quỳnh Yên"]),
    ("tỉnh Lâm Đồng", ["Tỉnh Lâm Đồng ← Tỉnh Lâm Đồng",  # the former province, and the merged one
                       "Tỉnh Lâm Đồng ← Tỉnh Lâm Đồng; Tỉnh Đắk Nông; Tỉnh Bình Thuận"]),
])
def test_a_current_unit_finds_what_went_into_it(places, text, expected):
    found = [line.replace(" → ", " ← ") for line in lines(places, text)]
    assert [line.split(" ← ")[0] for line in found] == [line.split(" ← ")[0] for line in expected]
    for got, wanted in zip(found, expected, strict=True):
        assert sorted(got.split(" ← ")[1].split("; ")) == sorted(wanted.split(" ← ")[1].split("; "))


def test_a_divided_commune_finds_every_unit_it_went_into(places):
    (phong_phu,) = places.lookup("Phong Phú, Tuy Phong")
    assert phong_phu.divided and {unit.name for unit in phong_phu.current} == {"Xã Tuy Phong", "Xã Phan Rí Cửa"}
    (hoa_thang,) = places.lookup("xã Hòa Thắng, Bắc Bình")
    assert {unit.name for unit in hoa_thang.current} == {"Xã Hòa Thắng", "Xã Hồng Thái"}
    (tuy_phong,) = places.lookup("Xã Tuy Phong, Lâm Đồng")
    assert {unit.name for unit in tuy_phong.predecessors} == {"Xã Phan Dũng", "Xã Phong Phú"}


def test_accents_case_and_spelling_variants_are_optional(places):
    assert lines(places, "NGU PHUNG") == lines(places, "Ngũ Phụng")
    assert [unit.full_name() for unit in places.lookup("Phú Quý, Bình Thuận")] == ["Huyện Phú Quí, Tỉnh Bình Thuận"]
    assert places.lookup("Thuận Quí, Hàm Thuận Nam") == places.lookup("Thuận Quý, Hàm Thuận Nam") != []
    assert places.lookup("Vũ Hoà, Đức Linh") == places.lookup("vu hoa, duc linh") != []
    assert places.lookup("Đạ Tẻh") == places.lookup("Đạ Tẽh")  # an accent typed wrong still finds it


def test_accents_typed_put_the_units_so_spelled_first_and_hide_none(places):
    assert set(places.lookup("Đăk Nông")) == set(places.lookup("Đắk Nông")) == set(places.lookup("Dak Nong"))
    assert [unit.full_name() for unit in places.lookup("Đăk Nông")] == [
        "Xã Đăk Nông, Huyện Ngọc Hồi, Tỉnh Kon Tum", "Tỉnh Đắk Nông"]
    assert [unit.full_name() for unit in places.lookup("Đắk Nông")] == [
        "Tỉnh Đắk Nông", "Xã Đăk Nông, Huyện Ngọc Hồi, Tỉnh Kon Tum"]
    phu_my = places.lookup("Phù Mỹ")
    assert set(phu_my) == set(places.lookup("Phú Mỹ")) == set(places.lookup("phu my"))
    assert [unit.short for unit in phu_my[:3]] == ["Phù Mỹ"] * 3 and len(phu_my) > 3
    assert {unit.short for unit in phu_my[3:]} == {"Phú Mỹ"}


def test_the_gso_spelling_of_a_former_unit_finds_it_too(places):
    assert places.lookup("Xà Phìn, Đồng Văn") == places.lookup("Sà Phìn, Đồng Văn") != []
    assert [unit.name for unit in places.lookup("Thừa Thiên Huế")] == ["Thành phố Huế"]


def test_district_and_province_narrow_the_match(places):
    assert len(places.lookup("Phong Phú")) > 3
    assert places.lookup("Phong Phú, Bình Thuận") == places.lookup("Phong Phú, Tuy Phong, Bình Thuận")
    assert places.lookup("Ngũ Phụng, Nghệ An") == []
    assert places.lookup("Không Có Nơi Này") == []


def test_a_former_unit_is_found_by_the_province_it_is_part_of_now(places):
    ngu_phung = places.lookup("Ngũ Phụng")
    assert len(ngu_phung) == 1
    for text in ("Ngũ Phụng, Lâm Đồng", "Ngũ Phụng, tỉnh Lâm Đồng", "Ngũ Phụng, Phú Quí, Lâm Đồng"):
        assert places.lookup(text) == ngu_phung
    assert places.lookup("Ngũ Phụng, Đắk Nông") == places.lookup("Ngũ Phụng, Đức Trọng, Lâm Đồng") == []
    assert [unit.full_name() for unit in places.lookup("huyện Phú Quí, Lâm Đồng")] == [
        "Huyện Phú Quí, Tỉnh Bình Thuận"]
    assert [unit.full_name() for unit in places.lookup("Hàm Tiến, Phan Thiết, Lâm Đồng")] == [
        "Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận"]
    # the district and the province name two different units: not the new Tây Ninh twice
    assert [unit.full_name() for unit in places.lookup("Phường 4, Thành phố Tây Ninh, Tỉnh Tây Ninh")] == [
        "Phường 4, Thành phố Tây Ninh, Tỉnh Tây Ninh"]


def test_a_former_unit_found_by_its_current_province_is_told_once(places):
    # Huyện Phú Quí went whole into Đặc khu Phú Quý, whose line names it
    assert [unit.full_name() for unit in places.lookup("Phú Quí, Lâm Đồng")] == ["Đặc khu Phú Quý, Tỉnh Lâm Đồng"]
    assert [unit.full_name() for unit in places.lookup("thị trấn Thủ Thừa, Tây Ninh")] == [
        "Thị trấn Thủ Thừa, Huyện Thủ Thừa, Tỉnh Long An"]  # the unit word asks for the former unit


def test_a_current_province_narrows_to_the_units_in_it_then_or_now_and_no_others(places):
    found = places.lookup("Tân Thành, Lâm Đồng")
    assert [unit.full_name() for unit in found[:3]] == [
        "Xã Tân Thành, Huyện Đức Trọng, Tỉnh Lâm Đồng",  # in the province named as its own: first
        "Xã Tân Thành, Huyện Krông Nô, Tỉnh Đắk Nông",
        "Xã Tân Thành, Tỉnh Lâm Đồng"]  # ← gồm: … Xã Tân Thành (Huyện Hàm Thuận Nam, Tỉnh Bình Thuận)
    in_lam_dong = {unit for unit in places.lookup("Tân Thành") if unit.province.short == "Lâm Đồng"} | set(
        places.lookup("Tân Thành, Bình Thuận")) | set(places.lookup("Tân Thành, Đắk Nông"))
    assert set(found) <= in_lam_dong
    assert in_lam_dong <= set(found) | {old for unit in found if unit.new for old in unit.predecessors}


# ------------------------------------------------------------ home towns as written

@pytest.mark.parametrize(("place", "unit"), [
    ("xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"),
    ("Hàm Tiến - Phan Thiết", "Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận"),
    ("thôn 2, xã Đắk R'Moan, Gia Nghĩa, Đắk Nông", "Xã Đắk R'Moan, Thành phố Gia Nghĩa, Tỉnh Đắk Nông"),
    ("P. Mũi Né, Lâm Đồng", "Phường Mũi Né, Tỉnh Lâm Đồng"),
    ("phường Xuân Hương - Đà Lạt, Lâm Đồng", "Phường Xuân Hương - Đà Lạt, Tỉnh Lâm Đồng"),
    ("P.1, TP Đà Lạt", "Phường 1, Thành phố Đà Lạt, Tỉnh Lâm Đồng"),
    ("Phan Thiết, Bình Thuận", "Thành phố Phan Thiết, Tỉnh Bình Thuận"),  # the city, not the new phường
    ("Bình Thuận", "Tỉnh Bình Thuận"),
    ("phường Bình Thuận, Lâm Đồng", "Phường Bình Thuận, Tỉnh Lâm Đồng"),
    ("xã Tân Thành, tỉnh Lâm Đồng", "Xã Tân Thành, Tỉnh Lâm Đồng"),  # no district: the current xã
    ("xã Tân Thành, huyện Đức Trọng, Lâm Đồng", "Xã Tân Thành, Huyện Đức Trọng, Tỉnh Lâm Đồng"),
    ("Quỳnh Đôi, Quỳnh Lưu, Nghệ An", "Xã Quỳnh Đôi, Huyện Quỳnh Lưu, Tỉnh Nghệ An"),
    # the unit word written rules out units of another type: no xã Phú Quý (Tiền Giang), no xã Tiến Thành
    ("Đặc khu Phú Quý", "Đặc khu Phú Quý, Tỉnh Lâm Đồng"),
    ("Xã Phú Quý, Cai Lậy", "Xã Phú Quý, Thị xã Cai Lậy, Tỉnh Tiền Giang"),
    ("Thị trấn Phan Rí Cửa", "Thị trấn Phan Rí Cửa, Huyện Tuy Phong, Tỉnh Bình Thuận"),
    ("Xã Tiến Thành, Bình Thuận", "Xã Tiến Thành, Thành phố Phan Thiết, Tỉnh Bình Thuận"),
    ("Phường Tiến Thành, Lâm Đồng", "Phường Tiến Thành, Tỉnh Lâm Đồng"),
    ("Xã Hàm Tiến", "Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận"),  # none is a xã: the word is loose
    # the word is loose too when the district written is the own one of a unit of another type only: the
    # thị trấn of Tuy Phong (now a xã, which Tuy Phong is no district of)
    ("xa Phan Ri Cua, huyen Tuy Phong", "Thị trấn Phan Rí Cửa, Huyện Tuy Phong, Tỉnh Bình Thuận"),
    # old lists without commas: each unit word begins a part; brackets and slashes part too
    ("xã Ngũ Phụng huyện Phú Quí tỉnh Bình Thuận", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"),
    ("Thôn Phú Long xa Ngu Phung huyen Phu Qui", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"),
    ("Xã Ngũ Phụng. Huyện Phú Quí. Tỉnh Bình Thuận", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"),
    ("xã Phước Tỉnh huyện Long Đất", "Xã Phước Tỉnh, Huyện Long Đất, Tỉnh Bà Rịa - Vũng Tàu"),  # «Tỉnh» ends a name
    ("thị xã La Gi tỉnh Bình Thuận", "Thị xã La Gi, Tỉnh Bình Thuận"),
    ("Ngũ Phụng (Phú Quí)", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"),
    ("Hàm Tiến (Phan Thiết, Bình Thuận)", "Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận"),
    ("Ngũ Phụng/Phú Quí/Bình Thuận", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"),
])
def test_a_written_home_town_names_one_unit(places, place, unit):
    assert [found.full_name() for found in places.resolve(place)] == [unit]


def test_a_home_town_that_could_be_several_units_names_none_for_sure(places):
    assert len(places.resolve("xã Phong Phú")) > 1
    assert gazetteer.counterparts("xã Phong Phú") == ()
    assert gazetteer.now_called("xã Phong Phú") is None
    assert places.resolve("số 5 đường Lê Lợi") == []
    # phường both, one since 01/7/2025 in Lâm Đồng, one before it in Tuyên Quang or Bình Phước
    assert len(places.resolve("Phường Phan Thiết")) == len(places.resolve("Phường Tiến Thành")) == 2


@pytest.mark.parametrize(("place", "others"), [
    ("xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận", ("Lâm Đồng",)),  # "Phú Quý" is written: Quí = Quý
    ("Hàm Tiến, Phan Thiết, Bình Thuận", ("Mũi Né", "Lâm Đồng")),
    ("phường Mũi Né, tỉnh Lâm Đồng", ("Hàm Tiến", "Thiện Nghiệp", "Phan Thiết", "Bình Thuận")),
    ("xã Phong Phú, huyện Tuy Phong", ("Phan Rí Cửa", "Lâm Đồng", "Bình Thuận")),  # names written not repeated
    # a former unit written without its own district or province: they are its other names too
    ("Thuận Quý", ("Tân Thành", "Lâm Đồng", "Hàm Thuận Nam", "Bình Thuận")),
    ("Ngũ Phụng, Phú Quí", ("Lâm Đồng", "Bình Thuận")),
    ("Xã Hàm Tiến", ("Mũi Né", "Lâm Đồng", "Phan Thiết", "Bình Thuận")),
    ("Hàm Tiến - Phan Thiết", ("Mũi Né", "Lâm Đồng", "Bình Thuận")),
    ("Phan Thiết", ("Lâm Đồng", "Bình Thuận")),
    ("Bình Thuận", ("Lâm Đồng",)),
    # a current unit written without its province: that province too, and the former ones
    ("Phan Rí Cửa", ("Phong Phú", "Hòa Minh", "Chí Công", "Tuy Phong", "Bình Thuận", "Lâm Đồng")),
    ("Xã Phan Rí Cửa", ("Phong Phú", "Hòa Minh", "Chí Công", "Tuy Phong", "Bình Thuận", "Lâm Đồng")),
    ("Mũi Né", ("Hàm Tiến", "Thiện Nghiệp", "Phan Thiết", "Bình Thuận", "Lâm Đồng")),
    ("Phường Hàm Thắng", ("Xuân An", "Phú Long", "Phan Thiết", "Bình Thuận", "Hàm Thuận Bắc", "Lâm Đồng")),
    # its unit word rules out the units of another type so called (a xã Phú Quý in Tiền Giang)
    ("Đặc khu Phú Quý", ("Ngũ Phụng", "Long Hải", "Tam Thanh", "Bình Thuận", "Lâm Đồng")),
    ("Thị trấn Phan Rí Cửa", ("Lâm Đồng", "Tuy Phong", "Bình Thuận")),
    ("Gia Nghĩa, Đắk Nông", ("Lâm Đồng",)),
    ("Quỳnh Đôi, Quỳnh Lưu, Nghệ An", ("Quỳnh Anh",)),
    ("Quỳnh Lưu, Nghệ An", ()),
])
def test_other_names_of_a_home_town(place, others):
    assert gazetteer.counterparts(place) == others


@pytest.mark.parametrize(("place", "shown"), [
    ("Xã Ngũ Phụng, Phú Quí", "Xã Ngũ Phụng, Phú Quí (nay: đặc khu Phú Quý, Lâm Đồng)"),
    ("xã Phong Phú, Tuy Phong, Bình Thuận",
     "xã Phong Phú, Tuy Phong, Bình Thuận (nay: xã Phan Rí Cửa hoặc xã Tuy Phong, Lâm Đồng)"),
    ("Phan Thiết, Bình Thuận", "Phan Thiết, Bình Thuận (nay: thuộc Lâm Đồng)"),
    ("Quảng Nam", "Quảng Nam (nay: thành phố Đà Nẵng)"),
    ("xã Đăk Nông, Ngọc Hồi", "xã Đăk Nông, Ngọc Hồi (nay: xã Dục Nông, Quảng Ngãi)"),  # not the province
    ("Đắk Nông", "Đắk Nông (nay: tỉnh Lâm Đồng)"),
    ("xa Phan Ri Cua, huyen Tuy Phong", "xa Phan Ri Cua, huyen Tuy Phong (nay: xã Phan Rí Cửa, Lâm Đồng)"),
    # a commune merged under a name that carries its former district's, telling it from another «Tân Hà»
    ("xã Tân Hà, Lâm Đồng", "xã Tân Hà, Lâm Đồng (nay: xã Tân Hà Lâm Hà, Lâm Đồng)"),
    ("Đặc khu Phú Quý, Lâm Đồng", "Đặc khu Phú Quý, Lâm Đồng"),  # a current name: shown as written
    ("Quỳnh Lưu, Nghệ An", "Quỳnh Lưu, Nghệ An"),
    # already saying what it is called now: as written, never told twice
    ("xã Hàm Tiến, tỉnh Bình Thuận (nay là phường Mũi Né, tỉnh Lâm Đồng)",
     "xã Hàm Tiến, tỉnh Bình Thuận (nay là phường Mũi Né, tỉnh Lâm Đồng)"),
    ("xã Hàm Tiến, tỉnh Bình Thuận (nay: Phường Mũi Né, Lâm Đồng)",
     "xã Hàm Tiến, tỉnh Bình Thuận (nay: Phường Mũi Né, Lâm Đồng)"),
    ("xã Hàm Tiến, Phan Thiết, Bình Thuận, nay thuộc tỉnh Lâm Đồng",
     "xã Hàm Tiến, Phan Thiết, Bình Thuận, nay thuộc tỉnh Lâm Đồng"),
    ("", ""),
])
def test_a_home_town_under_former_names_is_shown_with_its_current_unit(place, shown):
    """Inside the brackets the unit's type word is written in lower case, as a phrase writes it."""
    assert gazetteer.with_current_name(place) == shown


@pytest.mark.parametrize(("on", "shown"), [
    (dt.date(2025, 6, 30), "Phòng PV27 – Công an tỉnh Bình Thuận"),  # the province's last day
    (dt.date(2025, 7, 1), "Phòng PV27 – Công an tỉnh Bình Thuận (nay: tỉnh Lâm Đồng)"),
])
def test_an_office_of_a_former_province_is_told_the_province_it_joined_from_the_merger_day(on, shown):
    assert gazetteer.with_province_now("Phòng PV27 – Công an tỉnh Bình Thuận", on) == shown
    assert gazetteer.with_province_now("Cục A93B – Bộ Công an", on) == "Cục A93B – Bộ Công an"


def test_what_a_place_is_called_now_is_told_in_lower_case_inside_the_brackets():
    assert gazetteer.now_said("Xã Phan Rí Cửa hoặc Xã Tuy Phong, Lâm Đồng") \
        == "(nay: xã Phan Rí Cửa hoặc xã Tuy Phong, Lâm Đồng)"
    assert gazetteer.now_said("thuộc Lâm Đồng") == "(nay: thuộc Lâm Đồng)"
    assert gazetteer.now_said(None) == ""


@pytest.mark.parametrize(("text", "now"), [
    ("Phòng PV27 – Công an tỉnh Bình Thuận", "Tỉnh Lâm Đồng"),   # an office named after a former province
    ("PHÒNG PV27 – CÔNG AN TỈNH BÌNH THUẬN", "Tỉnh Lâm Đồng"),
    ("Ban Chỉ huy Quân sự tỉnh Ninh Thuận", "Tỉnh Khánh Hòa"),
    ("Ban Tổ chức Tỉnh ủy tỉnh Quảng Nam", "Thành phố Đà Nẵng"),  # the last province word names it
    ("Ban Tổ chức Tỉnh ủy Bà Rịa – Vũng Tàu", "Thành phố Hồ Chí Minh"),  # a Party committee's office
    ("BAN TỔ CHỨC TỈNH ỦY BÌNH ĐỊNH", "Tỉnh Gia Lai"),
    ("Ban Tổ chức Tỉnh uỷ Hậu Giang", "Thành phố Cần Thơ"),
    ("Ban Tổ chức Tỉnh ủy Lâm Đồng", None),
    ("Ban Tổ chức Thành ủy Cần Thơ", None),
    ("Công an tỉnh Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("Phòng PV06 – Công an Bình Thuận", "Tỉnh Lâm Đồng"),           # the police's, without «tỉnh»
    ("Phòng PV06 - CA Đắk Nông", "Tỉnh Lâm Đồng"),
    ("Công an huyện Phú Quí", None),                              # a district's police
    ("Bình Định", "Tỉnh Gia Lai"),                                # a province alone
    ("Đắk Nông", "Tỉnh Lâm Đồng"),
    ("Phòng PV01 – Công an tỉnh Lâm Đồng", None),                 # a current province
    ("Phòng PV01 – Công an Thành phố Hồ Chí Minh", None),
    ("TP Hồ Chí Minh", None),
    ("Cục A93B – Bộ Công an", None),                              # no province
    ("Công an thành phố Phan Thiết", None),                       # a city that was no province
])
def test_a_former_province_alone_or_ending_an_offices_name_is_told_with_the_one_it_joined(text, now):
    assert gazetteer.province_now(text) == now


def test_the_data_is_read_the_first_time_a_place_is_looked_up():
    import subprocess
    import sys

    code = ("import sys; import bvct_desktop.core.people, bvct_desktop.core.search; "
            "from bvct_desktop.core import gazetteer; assert gazetteer.load.cache_info().currsize == 0; "
            "gazetteer.counterparts('Ngũ Phụng, Phú Quí'); assert gazetteer.load.cache_info().currsize == 1")
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------ search

def _found(db, words: str) -> set[str]:
    with db.read() as connection:
        query = select(persons.c.full_name).where(persons.c.id.in_(search.persons_with_every(search_words(words))))
        return set(connection.execute(query).scalars())


def test_search_finds_a_home_town_by_its_old_and_new_names(cli, tmp_path):
    from tests.sample_db import sample_database

    rows = [["Đinh Văn Đảo", "1980", "xã Ngũ Phụng, huyện Phú Quí, tỉnh Bình Thuận"],
            ["Đinh Văn Mới", "1981", "phường Mũi Né, Lâm Đồng"],
            ["Đinh Văn Cũ", "1982", "xã Thiện Nghiệp, TP Phan Thiết"],
            ["Lê Thị Núi", "1983", "xã Đắk R'Moan, thành phố Gia Nghĩa, tỉnh Đắk Nông"],
            ["Hồ Văn Nghệ", "1984", "Quỳnh Đôi, Quỳnh Lưu, Nghệ An"],
            ["Hồ Văn Anh", "1985", "xã Quỳnh Anh, tỉnh Nghệ An"]]
    cli("import", "cadres", workbook(tmp_path / "c.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows))
    db = sample_database(cli, tmp_path, kinds=())
    try:
        assert _found(db, "Phú Quý") == {"Đinh Văn Đảo"}  # new name → old records
        assert _found(db, "phu qui") == {"Đinh Văn Đảo"}
        assert _found(db, "thien nghiep") == {"Đinh Văn Mới", "Đinh Văn Cũ"}  # old name → new records
        assert {"Đinh Văn Mới", "Đinh Văn Cũ"} <= _found(db, "mui ne")  # new name → old records
        assert _found(db, "nam gia nghia") == {"Lê Thị Núi"}
        assert _found(db, "quynh anh") == {"Hồ Văn Nghệ", "Hồ Văn Anh"}  # another province
        assert _found(db, "quynh doi") == {"Hồ Văn Nghệ", "Hồ Văn Anh"}
        assert {"Đinh Văn Đảo", "Lê Thị Núi", "Đinh Văn Cũ"} <= _found(db, "lam dong")
        with db.read() as connection:
            towns = set(connection.execute(select(persons.c.home_town)).scalars())
        assert towns == {row[2] for row in rows}  # kept as written
    finally:
        db.close()


def test_a_home_town_written_under_its_old_name_alone_is_found_by_its_old_district_and_province(cli, tmp_path):
    from tests.sample_db import sample_database

    rows = [["Trần Văn Quý", "1970", "Thuận Quý"],
            ["Trần Văn Phụng", "1971", "Ngũ Phụng, Phú Quí"],
            ["Trần Văn Tiến", "1972", "Xã Hàm Tiến"],
            ["Trần Văn Thiết", "1973", "Hàm Tiến - Phan Thiết"],
            ["Trần Văn Nghệ", "1974", "Quỳnh Đôi, Quỳnh Lưu, Nghệ An"],
            ["Trần Văn Lạt", "1975", "Phường 1, Đà Lạt"]]
    cli("import", "cadres", workbook(tmp_path / "c.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows))
    db = sample_database(cli, tmp_path, kinds=())
    try:
        binh_thuan = {"Trần Văn Quý", "Trần Văn Phụng", "Trần Văn Tiến", "Trần Văn Thiết"}
        assert _found(db, "Bình Thuận") == binh_thuan
        assert _found(db, "Lâm Đồng") == binh_thuan | {"Trần Văn Lạt"}
        assert _found(db, "Hàm Thuận Nam") == {"Trần Văn Quý"}
        assert _found(db, "Phan Thiết") == {"Trần Văn Tiến", "Trần Văn Thiết"}
        assert _found(db, "Phú Quí") == {"Trần Văn Phụng"}
        assert _found(db, "Quỳnh Lưu") == {"Trần Văn Nghệ"}
    finally:
        db.close()


@pytest.mark.parametrize(("typed", "looked_for"), [
    ("Đặc khu Phú Quý", ["phu quy"]),  # the name's words together, as a phrase
    ("phường Mũi Né, Lâm Đồng", ["mui ne", "lam", "dong"]),
    ("Thị xã La Gi", ["la gi"]),
    ("xã Quỳnh Anh tỉnh Nghệ An", ["quynh anh", "nghe an"]),
    ("Đặc khu Mũi Né", ["dac", "khu", "mui", "ne"]),  # no đặc khu is so called
    ("Phường 1", ["phuong", "1"]),  # a numbered unit's word is part of its name
    ("Lê Thị Phường", ["le", "thi", "phuong"]),
    ("phượng hồ", ["phuong", "ho"]),  # typed with accents, no unit word (there is a Phường Hồ)
    ("phuong ho", ["ho"]),  # without them, it may be one
    ("xã", ["xa"]),
    ("Phú Quý", ["phu", "quy"]),
    # short unit words, as home towns write them
    ("TP Phan Thiết", ["phan thiet"]),
    ("TP. Phan Thiết", ["phan thiet"]),
    ("tp. phan thiet", ["phan thiet"]),
    ("tp.phan thiet", ["tp.phan", "thiet"]),  # no space after its dot: the words as typed
    ("X. Ngũ Phụng", ["ngu phung"]),
    ("P. Mũi Né, Lâm Đồng", ["mui ne", "lam", "dong"]),
    ("H. Phú Quí", ["phu qui"]),
    ("Q. Hoàn Kiếm", ["hoan kiem"]),
    ("TX La Gi", ["la gi"]),
    ("TT Liên Hương", ["lien huong"]),
    ("H. Mũi Né", ["h.", "mui", "ne"]),  # no huyện is so called
    ("X Ngũ Phụng", ["x", "ngu", "phung"]),  # a letter alone is an initial, or the start of a word typed
    ("TP.", ["tp."]),
])
def test_the_unit_word_before_a_units_name_is_not_looked_for(typed, looked_for):
    """The search index holds a home town's other names without their unit words (the name the
    program shows, «nay: đặc khu Phú Quý», is typed with it), its words in order."""
    assert search.query_words(typed) == looked_for


def test_a_typed_final_y_finds_both_spellings_and_the_words_it_begins():
    assert search.fts_phrase("quy") == '("quy"* OR "qui"*)'  # "Quý", "Quí" and "Quỳnh"
    assert search.fts_phrase("qui") == '"qui"*'
    assert search.fts_phrase("thuy") == '"thuy"*'


# ------------------------------------------------------------ what lý lịch written before 2008 call places

@pytest.mark.parametrize(("text", "expected"), [
    ("Sông Bé", ["Tỉnh Bình Phước → Tỉnh Đồng Nai", "Tỉnh Bình Dương → Thành phố Hồ Chí Minh"]),
    ("tỉnh Thuận Hải", ["Tỉnh Ninh Thuận → Tỉnh Khánh Hòa", "Tỉnh Bình Thuận → Tỉnh Lâm Đồng"]),
    ("Quảng Nam - Đà Nẵng", ["Thành phố Đà Nẵng → Thành phố Đà Nẵng", "Tỉnh Quảng Nam → Thành phố Đà Nẵng"]),
    ("Bình Trị Thiên", ["Tỉnh Quảng Bình → Tỉnh Quảng Trị", "Tỉnh Quảng Trị → Tỉnh Quảng Trị",
                        "Thành phố Huế → Thành phố Huế"]),
])
def test_a_province_of_before_1997_finds_the_provinces_it_became(places, text, expected):
    assert lines(places, text) == expected


@pytest.mark.parametrize(("place", "unit"), [
    ("huyện Thanh Oai, tỉnh Hà Tây", "Huyện Thanh Oai, Thành phố Hà Nội"),
    ("Quỳnh Lưu, Nghệ Tĩnh", "Huyện Quỳnh Lưu, Tỉnh Nghệ An"),
    ("xã Tân Định, huyện Bến Cát, tỉnh Sông Bé", "Phường Tân Định, Thành phố Bến Cát, Tỉnh Bình Dương"),
    ("Phú Lộc, Bình Trị Thiên", "Huyện Phú Lộc, Thành phố Huế"),
])
def test_a_home_town_in_a_province_of_before_2008_names_its_unit(places, place, unit):
    assert [found.full_name() for found in places.resolve(place)] == [unit]


@pytest.mark.parametrize(("written", "spelled"), [
    ("Kontum", "Kon Tum"), ("Lagi, Bình Thuận", "La Gi, Bình Thuận"), ("Đắc Lắc", "Đắk Lắk"),
    ("Krông Pắk", "Krông Pắc"), ("Dak Mil, Đắc Nông", "Đắk Mil, Đắk Nông"),
])
def test_old_lists_spellings_of_a_name_find_its_unit(places, written, spelled):
    assert places.lookup(written) == places.lookup(spelled) != []


def test_a_province_of_before_1997_that_went_into_two_names_no_one_province_now():
    assert gazetteer.province_now("Công an tỉnh Sông Bé") is None  # Bình Dương and Bình Phước went apart
    assert gazetteer.province_now("Công an tỉnh Thuận Hải") is None
