"""Old lists name one person in several ways: a row the person rule makes a new person of, though
someone stored has the same name and a birth date of the same year, is imported as the rule says and
told in «Lưu ý» as one who may be the same («có thể trùng»), with what tells them apart."""

import pytest

from bvct_desktop.core import browse, editing, vault
from tests.conftest import ADMIN, PASSWORD, workbook

HEADERS = ["Họ và tên", "Ngày sinh", "Quê quán", "Số CCCD"]
STORED = ["Nguyễn Văn Hùng", "1960", "Xã Tân Hòa, huyện Hàm Thuận Nam", None]
SLIP_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán",
                "Nơi nhận phiếu"]


def _imported(cli, tmp_path, name: str, rows: list[list], kind: str = "cadres", headers=HEADERS) -> str:
    code, out, err = cli("import", kind, workbook(tmp_path / name, headers, rows))
    assert code == 0, err
    return out


LIKE_HUNG = [  # the stored Nguyễn Văn Hùng in an older list, born 05/1960, and a namesake born in 1961
    pytest.param([["Nguyễn văn Hùng", "05/1960", "Tân Hoà", None], ["Nguyễn Văn Hùng", "1961", "Tân Hoà", None]],
                 "khác ngày sinh, quê quán", id="in a list of 2009"),
    # typed without diacritics: named as far as the letters tell (brief §5.1: diacritics removed for a fuzzy key)
    pytest.param([["NGUYEN VAN HUNG", "05/1960", "Tan Hoa", None], ["Nguyen Van Hung", "1961", "Tan Hoa", None]],
                 "khác cách viết họ tên (không dấu), ngày sinh, quê quán", id="without diacritics"),
]


@pytest.mark.parametrize(("rows", "differs"), LIKE_HUNG)
def test_a_new_person_like_one_stored_is_imported_and_told_as_maybe_the_same(cli, tmp_path, rows, differs):
    _imported(cli, tmp_path, "ds-2015.xlsx", [STORED])
    out = _imported(cli, tmp_path, "ds-cu.xlsx", rows)
    assert "  Thêm mới: 2" in out  # the person rule is the contract's: two new people
    assert ("    Dòng 2, cột «Họ và tên»: có thể trùng với người đã có: Nguyễn Văn Hùng, sinh 1960, quê Xã Tân Hòa, "
            f"huyện Hàm Thuận Nam ({differs}, nên được ghi là một người khác); nếu là cùng một người, hãy ghi họ "
            "tên, ngày sinh, quê quán như người đã có (hoặc cùng Số CCCD) rồi nhập lại") in out
    assert "Dòng 3" not in out  # born another year: another person


def test_a_slip_about_someone_like_a_stored_cadre_is_told_at_the_subjects_name(cli, tmp_path):
    _imported(cli, tmp_path, "can-bo.xlsx", [STORED])
    out = _imported(cli, tmp_path, "phieu.xlsx", [["0012/PXM", "05/02/2026", "NGUYỄN VĂN HÙNG", "1960", "Tân Hòa",
                                                    "Cục A93B – Bộ Công an"]], kind="slips",
                    headers=SLIP_HEADERS)
    assert "Dòng 2, cột «Họ và tên người được xác minh»: có thể trùng với người đã có: Nguyễn Văn Hùng" in out
    assert "(khác quê quán, nên được ghi là một người khác)" in out


def test_people_told_apart_by_their_cccds_or_found_by_the_rule_are_not_told(cli, tmp_path):
    _imported(cli, tmp_path, "ds-2015.xlsx", [[*STORED[:3], "060060000123"]])
    out = _imported(cli, tmp_path, "ds-2020.xlsx", [["Nguyễn Văn Hùng", "1960", "Tân Hòa", "060060000456"],
                                                    STORED[:3] + [None]])
    assert "  Thêm mới: 1" in out and "  Đã có, không đổi: 1" in out
    assert "có thể trùng" not in out


def test_a_delegation_member_added_as_a_new_cadre_like_a_stored_one_is_told_at_the_members_name(cli, tmp_path):
    _imported(cli, tmp_path, "can-bo.xlsx", [["Nguyễn Văn Hùng", "12/03/1960", None, None]])
    out = _imported(cli, tmp_path, "doan-ra.xlsx", [["Đoàn công tác Lào", "Lào", "04/05/2025", "09/05/2025",
                                                     "NGUYỄN VĂN HÙNG", "1960"]], kind="delegations",
                    headers=["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh"])
    assert "Cán bộ mới (thêm từ danh sách đoàn): 1: NGUYỄN VĂN HÙNG" in out
    assert ("Dòng 2, cột «Họ và tên thành viên»: có thể trùng với người đã có: Nguyễn Văn Hùng, sinh 12/03/1960 "
            "(khác ngày sinh, nên được ghi là một người khác)") in out


def test_a_person_left_with_no_record_is_not_named(cli, tmp_path):
    """A slip's second «Nguyễn Văn Hùng» whose slip the officer moved to the stored one («Dùng người
    này») is about nothing any more: a later row is told only of the person kept."""
    _imported(cli, tmp_path, "can-bo.xlsx", [STORED])
    _imported(cli, tmp_path, "phieu.xlsx", [["7/PXM", "05/02/2026", "Nguyễn Văn Hùng", "1960", "Tân Hòa",
                                             "Cục A93B – Bộ Công an"]], kind="slips", headers=SLIP_HEADERS)
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        slip = editing.load(db, "slips", browse.record_ids(db, "slips", "7/PXM")[0])
        kept = editing.load_person(db, editing.cadres_named(db, "Nguyễn Văn Hùng")[0].person_id)
        editing.save(db, "slips", {**slip, **{key: kept[key] for key in ("full_name", "birth_date", "home_town")}},
                     record_id=slip["id"], person_id=kept["id"], seen=slip[editing.VERSION])
    finally:
        db.close()
    out = _imported(cli, tmp_path, "ds-2009.xlsx", [["Nguyễn văn Hùng", "05/1960", "Tân Hoà", None]])
    assert out.count("có thể trùng") == 1 and "quê Xã Tân Hòa, huyện Hàm Thuận Nam (khác" in out


def test_two_rows_of_one_file_that_may_be_one_person_are_told_at_the_second(cli, tmp_path):
    """Two old lists pasted into one file: the second row is told of the person of the first."""
    out = _imported(cli, tmp_path, "gop.xlsx", [STORED, ["NGUYỄN VĂN HÙNG", "05/1960", "Tân Hoà", None]])
    assert "  Thêm mới: 2" in out
    assert ("    Dòng 3, cột «Họ và tên»: có thể trùng với người ở dòng 2 của tệp này: Nguyễn Văn Hùng, sinh 1960, quê "
            "Xã Tân Hòa, huyện Hàm Thuận Nam (khác ngày sinh, quê quán, nên được ghi là một người khác); nếu là cùng "
            "một người, hãy ghi hai dòng cùng họ tên, ngày sinh, quê quán (hoặc cùng Số CCCD) rồi nhập lại") in out
    assert "Dòng 2, cột" not in out


def test_a_common_name_is_told_of_three_namesakes_at_most(cli, tmp_path):
    towns = ["Tân Hòa", "Hàm Mỹ", "Hàm Kiệm", "Hàm Cường", "Mương Mán"]
    out = _imported(cli, tmp_path, "dong-ten.xlsx", [["Nguyễn Văn Hùng", "1960", town, None] for town in towns])
    # each note once with its rows: row 6 is told of rows 2, 3 and 4, not of row 5
    assert [line.split(", cột")[0] for line in out.splitlines() if "có thể trùng" in line] == [
        "    Dòng 3–6 (4 dòng)", "    Dòng 4–6 (3 dòng)", "    Dòng 5, 6 (2 dòng)"]
    assert "có thể trùng với người ở dòng 5" not in out


def test_namesakes_whose_birth_dates_differ_where_both_are_known_are_not_told(cli, tmp_path):
    """A province has many «Nguyễn Thị Hoa» born in 1984: two full birth dates that differ, or two
    months, are two people; «1984» or «10/1984» beside «24/10/1984» may be one."""
    _imported(cli, tmp_path, "ds-2015.xlsx", [["Nguyễn Thị Hoa", "24/10/1984", "Hàm Mỹ", None]])
    out = _imported(cli, tmp_path, "ds-2020.xlsx", [["Nguyễn Thị Hoa", "03/02/1984", "Hàm Mỹ", None],
                                                    ["Nguyễn Thị Hoa", "11/1984", "Hàm Mỹ", None],
                                                    ["Nguyễn Thị Hoa", "10/1984", "Hàm Kiệm", None]])
    assert "  Thêm mới: 3" in out
    assert "Dòng 2," not in out and "Dòng 3," not in out
    assert "Dòng 4, cột «Họ và tên»: có thể trùng với người đã có: Nguyễn Thị Hoa, sinh 24/10/1984" in out


def test_a_name_written_with_diacritics_is_told_beside_the_stored_one_written_without(cli, tmp_path):
    _imported(cli, tmp_path, "ds-1998.xlsx", [["Tran Thi Anh", "12/03/1975", "Ham My", None]])
    out = _imported(cli, tmp_path, "ds-2020.xlsx", [["Trần Thị Ánh", "12/03/1975", "Hàm Mỹ", None]])
    assert ("Dòng 2, cột «Họ và tên»: có thể trùng với người đã có: Tran Thi Anh, sinh 12/03/1975, quê Ham My "
            "(khác cách viết họ tên (không dấu), quê quán, nên được ghi là một người khác)") in out


def test_rows_of_one_file_spelled_with_and_without_diacritics_are_told_at_the_second(cli, tmp_path):
    """Two old lists pasted into one file, one typed without diacritics: each way round, the second row
    is told of the person of the first."""
    out = _imported(cli, tmp_path, "gop.xlsx", [STORED, ["NGUYEN VAN HUNG", "1960", "Xa Tan Hoa", None],
                                                ["Le Thi Dao", "1958", None, None],
                                                ["Lê Thị Đào", "04/1958", None, None]])
    assert "  Thêm mới: 4" in out
    assert ("Dòng 3, cột «Họ và tên»: có thể trùng với người ở dòng 2 của tệp này: Nguyễn Văn Hùng, sinh 1960, quê "
            "Xã Tân Hòa, huyện Hàm Thuận Nam (khác cách viết họ tên (không dấu), quê quán,") in out
    assert ("Dòng 5, cột «Họ và tên»: có thể trùng với người ở dòng 4 của tệp này: Le Thi Dao, sinh 1958 "
            "(khác cách viết họ tên (không dấu), ngày sinh,") in out


def test_names_that_differ_by_their_diacritics_or_birth_dates_are_not_told(cli, tmp_path):
    """Hùng and Hưng are two names, both written with their marks; a name without diacritics born on
    another day is another person."""
    _imported(cli, tmp_path, "ds-2015.xlsx", [["Nguyễn Văn Hùng", "12/03/1960", "Tân Hòa", None]])
    out = _imported(cli, tmp_path, "ds-2020.xlsx", [["Nguyễn Văn Hưng", "12/03/1960", "Tân Hòa", None],
                                                    ["NGUYEN VAN HUNG", "14/07/1960", "Tân Hòa", None]])
    assert "  Thêm mới: 2" in out
    assert "có thể trùng" not in out


def test_a_short_list_beside_a_large_register_finds_the_names_written_without_diacritics(cli, tmp_path):
    """A few rows beside many stored persons look the plain spellings up (a final i or y either way)."""
    register = [["Võ Thị Hạnh", f"{day:02}/{month:02}/1980", "Hàm Tiến", None]
                for month in (1, 2, 3) for day in range(1, 29)]
    _imported(cli, tmp_path, "so-dang-ky.xlsx", [*register, ["Le Van Quy", "1972", "Phu Quy", None]])
    out = _imported(cli, tmp_path, "bo-sung.xlsx", [["Lê Văn Quí", "03/1972", "Phú Quý", None]])
    assert ("Dòng 2, cột «Họ và tên»: có thể trùng với người đã có: Le Van Quy, sinh 1972, quê Phu Quy "
            "(khác cách viết họ tên (không dấu), ngày sinh, quê quán,") in out
