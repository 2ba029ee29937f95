"""`bvct places`: old → new and new → old, for the three former provinces of Lâm Đồng and for the
rest of the country; accents optional; no login, no database; exit 2 when nothing matches."""

import re
import unicodedata

import pytest

from bvct_desktop.cli.main import main
from bvct_desktop.core import gazetteer


@pytest.fixture
def places(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BVCT_DB", str(tmp_path / "none" / "bvct.db"))  # no database, no password anywhere
    monkeypatch.delenv("BVCT_PASSWORD", raising=False)
    monkeypatch.delenv("BVCT_USER", raising=False)

    def run(*text):
        code = main(["places", *text])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err

    yield run
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(("text", "line"), [
    # Bình Thuận
    ("Ngũ Phụng, Phú Quí", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận (trước 01/7/2025) → nay: "
                           "Đặc khu Phú Quý (Tỉnh Lâm Đồng)"),
    ("Ngũ Phụng, Lâm Đồng", "Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận (trước 01/7/2025) → nay: "
                            "Đặc khu Phú Quý (Tỉnh Lâm Đồng)"),  # the province it is part of now
    ("ham tien, phan thiet", "Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận (trước 01/7/2025) → nay: "
                             "Phường Mũi Né (Tỉnh Lâm Đồng)"),
    ("Hàm Tiến - Phan Thiết", "Phường Hàm Tiến, Thành phố Phan Thiết, Tỉnh Bình Thuận (trước 01/7/2025) → nay: "
                              "Phường Mũi Né (Tỉnh Lâm Đồng)"),  # as old lists write it: the district after a dash
    # Đắk Nông
    ("Đắk R'Moan", "Xã Đắk R'Moan, Thành phố Gia Nghĩa, Tỉnh Đắk Nông (trước 01/7/2025) → nay: "
                   "Phường Nam Gia Nghĩa (Tỉnh Lâm Đồng)"),
    # Lâm Đồng
    ("Phường 1, Đà Lạt", "Phường 1, Thành phố Đà Lạt, Tỉnh Lâm Đồng (trước 01/7/2025) → nay: "
                         "Phường Xuân Hương - Đà Lạt (Tỉnh Lâm Đồng)"),
    # other provinces
    ("Quỳnh Đôi, Quỳnh Lưu", "Xã Quỳnh Đôi, Huyện Quỳnh Lưu, Tỉnh Nghệ An (trước 01/7/2025) → nay: "
                             "Xã Quỳnh Anh (Tỉnh Nghệ An)"),
    ("Hàng Bạc", "Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội (trước 01/7/2025) → nay: "
                 "Phường Hoàn Kiếm (Thành phố Hà Nội)"),
])
def test_a_former_unit_prints_what_it_became(places, text, line):
    assert places(text) == (0, [line], "")


@pytest.mark.parametrize(("text", "line"), [
    ("Đặc khu Phú Quý", "Đặc khu Phú Quý, Tỉnh Lâm Đồng (từ 01/7/2025) ← gồm: Xã Ngũ Phụng, Xã Long Hải, "
                        "Xã Tam Thanh (Huyện Phú Quí, Tỉnh Bình Thuận)"),
    ("xa nam dong, lam dong", "Xã Nam Dong, Tỉnh Lâm Đồng (từ 01/7/2025) ← gồm: Xã Nam Dong, Xã Đắk D'rông "
                              "(Huyện Cư Jút, Tỉnh Đắk Nông)"),
    ("Xã Hồng Thái, Lâm Đồng", "Xã Hồng Thái, Tỉnh Lâm Đồng (từ 01/7/2025) ← gồm: Xã Phan Thanh, Xã Hồng Thái, "
                               "Xã Hòa Thắng (một phần) (Huyện Bắc Bình, Tỉnh Bình Thuận)"),
    ("xã Quỳnh Anh", "Xã Quỳnh Anh, Tỉnh Nghệ An (từ 01/7/2025) ← gồm: Xã Quỳnh Bảng, Xã Quỳnh Thanh, "
                     "Xã Quỳnh Đôi, Xã Minh Lương, Xã Quỳnh Yên (Huyện Quỳnh Lưu, Tỉnh Nghệ An)"),
])
def test_a_current_unit_prints_what_went_into_it(places, text, line):
    code, out, err = places(text)
    assert (code, err) == (0, "")
    assert [sorted(printed.split(" ← gồm: ")[1].split(", ")) for printed in out] == \
        [sorted(line.split(" ← gồm: ")[1].split(", "))]
    assert out[0].split(" ← ")[0] == line.split(" ← ")[0]


def test_a_divided_commune_prints_every_new_unit(places):
    assert places("Phong Phú, Tuy Phong, Bình Thuận") == (0, [
        "Xã Phong Phú, Huyện Tuy Phong, Tỉnh Bình Thuận (trước 01/7/2025) → nay chia về: "
        "Xã Phan Rí Cửa, Xã Tuy Phong (Tỉnh Lâm Đồng)"], "")


def test_one_line_per_match_with_its_province(places):
    code, out, _ = places("Phú Quý")  # Quí and Quý are one name
    assert code == 0 and out == [
        "Xã Phú Quý, Thị xã Cai Lậy, Tỉnh Tiền Giang (trước 01/7/2025) → nay: Phường Nhị Quý (Tỉnh Đồng Tháp)",
        "Huyện Phú Quí, Tỉnh Bình Thuận (trước 01/7/2025) → nay: Đặc khu Phú Quý (Tỉnh Lâm Đồng)",
        "Đặc khu Phú Quý, Tỉnh Lâm Đồng (từ 01/7/2025) ← gồm: Xã Ngũ Phụng, Xã Long Hải, Xã Tam Thanh "
        "(Huyện Phú Quí, Tỉnh Bình Thuận)"]
    assert places("Phú", "Quý") == (code, out, "")  # unquoted words are one name


def test_a_name_typed_with_either_accent_lists_the_units_spelled_both_ways(places):
    commune = "Xã Đăk Nông, Huyện Ngọc Hồi, Tỉnh Kon Tum (trước 01/7/2025) → nay: Xã Dục Nông (Tỉnh Quảng Ngãi)"
    province = "Tỉnh Đắk Nông (trước 01/7/2025) → nay thuộc: Tỉnh Lâm Đồng"
    assert places("Đăk Nông") == (0, [commune, province], "")  # the spelling typed first
    assert places("Đắk Nông") == (0, [province, commune], "")
    assert places("Dak Nong") == (0, [commune, province], "")


def test_provinces_before_and_after(places):
    assert places("Bình Thuận, Lâm Đồng") == (0, [  # the new phường; predecessors grouped by district
        "Phường Bình Thuận, Tỉnh Lâm Đồng (từ 01/7/2025) ← gồm: Phường Phú Tài, Xã Phong Nẫm "
        "(Thành phố Phan Thiết, Tỉnh Bình Thuận); Xã Hàm Hiệp (Huyện Hàm Thuận Bắc, Tỉnh Bình Thuận)"], "")
    code, out, _ = places("tỉnh Đắk Nông")
    assert out == ["Tỉnh Đắk Nông (trước 01/7/2025) → nay thuộc: Tỉnh Lâm Đồng"]


@pytest.mark.parametrize(("text", "first"), [
    ("TP.HCM", "Thành phố Hồ Chí Minh (trước 01/7/2025) → nay thuộc: Thành phố Hồ Chí Minh"),
    ("TP HCM", "Thành phố Hồ Chí Minh (trước 01/7/2025) → nay thuộc: Thành phố Hồ Chí Minh"),
    ("TPHCM", "Thành phố Hồ Chí Minh (trước 01/7/2025) → nay thuộc: Thành phố Hồ Chí Minh"),
    ("BR-VT", "Tỉnh Bà Rịa - Vũng Tàu (trước 01/7/2025) → nay thuộc: Thành phố Hồ Chí Minh"),
    ("TT-Huế", "Thành phố Huế (trước 01/7/2025) → nay thuộc: Thành phố Huế"),
])
def test_a_province_written_as_office_lists_abbreviate_it_is_found(places, text, first):
    code, out, _ = places(text)
    assert code == 0 and out[0] == first


def _unaccented(text: str) -> str:
    return unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d")).encode("ascii", "ignore").decode()


def test_every_former_and_current_province_is_found_by_its_name_typed_without_accents(places):
    provinces = [unit for unit in gazetteer.load().units if unit.level == gazetteer.PROVINCE]
    assert (sum(not unit.new for unit in provinces), sum(unit.new for unit in provinces)) == (63, 34)
    for unit in provinces:
        for name in (unit.name, *unit.other_names):  # "Thành phố Huế", formerly "Tỉnh Thừa Thiên Huế"
            for typed in (re.sub(r"^(Tỉnh|Thành phố) ", "", name), name.lower()):  # "Binh Thuan", "tinh binh thuan"
                code, out, _ = places(_unaccented(typed))
                when = "từ" if unit.new else "trước"
                assert code == 0 and f"{unit.name} ({when} 01/7/2025)" in [line.split(" → ")[0].split(" ← ")[0]
                                                                           for line in out], typed


def test_nothing_found_is_exit_2_with_a_vietnamese_message(places):
    code, out, err = places("Không Có Nơi Này")
    assert (code, out) == (2, []) and "Không tìm thấy đơn vị hành chính «Không Có Nơi Này»" in err
    assert places("Ngũ Phụng, Nghệ An")[0] == 2


def test_a_province_of_before_1997_prints_the_provinces_it_became(places):
    assert places("Sông Bé") == (0, [
        "Tỉnh Sông Bé (tách năm 1997) → Tỉnh Bình Phước (trước 01/7/2025) → nay thuộc: Tỉnh Đồng Nai",
        "Tỉnh Sông Bé (tách năm 1997) → Tỉnh Bình Dương (trước 01/7/2025) → nay thuộc: Thành phố Hồ Chí Minh"], "")
