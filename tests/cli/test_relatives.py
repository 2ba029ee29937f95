"""`bvct import/export relatives`: relatives linked to their cadre by name and birth date, with
the same all-or-nothing rules, exit codes and messages as the other kinds."""

import openpyxl
import pytest

from bvct_desktop.core import browse, recycle_bin, vault
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

HEADERS, ROWS = SAMPLES["relatives"]


@pytest.fixture
def with_cadres(cli, tmp_path):
    headers, rows = SAMPLES["cadres"]
    assert cli("import", "cadres", workbook(tmp_path / "cadres.xlsx", headers, rows))[0] == 0
    return cli


def _row(**changes):
    row = dict(zip(HEADERS, ROWS[0], strict=True))
    row.update(changes)
    return [row[h] for h in HEADERS]


def _refused(cli, path, *lines):
    code, out, err = cli("import", "relatives", path)
    assert code == 2, out + err
    for line in lines:
        assert line in out, out
    assert "Không nhập" in err and "cơ sở dữ liệu không thay đổi" in err
    return out


def test_relatives_are_imported_then_matched(with_cadres, tmp_path):
    source = workbook(tmp_path / "tn.xlsx", HEADERS, ROWS)
    code, out, _ = with_cadres("import", "relatives", source)
    assert code == 0 and "Thêm mới: 4" in out
    code, out, _ = with_cadres("import", "relatives", source)
    assert code == 0 and "Đã có, không đổi: 4" in out


def test_export_gives_the_relatives_with_their_cadre_and_facts_abroad(with_cadres, tmp_path):
    with_cadres("import", "relatives", workbook(tmp_path / "tn.xlsx", HEADERS, ROWS))
    assert with_cadres("export", "relatives", "--out", tmp_path / "ra.xlsx")[0] == 0
    rows = list(openpyxl.load_workbook(tmp_path / "ra.xlsx").worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == [*HEADERS, "Đã mất", "Năm mất", "Nơi sinh", "Đảng viên",  # the contract's columns first
                             "Quê quán cán bộ"]
    son = next(row for row in rows if row[3] == "Nguyễn Minh Khoa")
    assert son[:4] == ("Nguyễn Văn Hùng", son[1], "Con", "Nguyễn Minh Khoa")
    assert son[4] == "1992" and son[8:] == ("Có", "Hoa Kỳ", 2015, "Kỹ sư phần mềm, công ty tư nhân", None, None,
                                            None, None, "Phú Thủy, Phan Thiết")
    father = next(row for row in rows if row[2] == "Cha")
    assert father[8] == "Không"


def test_a_year_abroad_after_today_is_imported_and_told_to_look_at(with_cadres, tmp_path):
    """«Từ năm» is when a relative went abroad, which has happened: 2051 is most likely 2015 mistyped."""
    son = list(ROWS[2])
    son[HEADERS.index("Từ năm")] = 2051
    code, out, _ = with_cadres("import", "relatives", workbook(tmp_path / "tn.xlsx", HEADERS, [son]))
    assert code == 0 and "Lưu ý: 1 dòng được nhập nhưng cần xem lại" in out
    assert "Dòng 2, cột «Từ năm»: năm ghi ở sau hôm nay" in out


def test_a_changed_occupation_is_an_update(with_cadres, tmp_path):
    with_cadres("import", "relatives", workbook(tmp_path / "tn.xlsx", HEADERS, ROWS))
    code, out, _ = with_cadres("import", "relatives",
                               workbook(tmp_path / "moi.xlsx", HEADERS, [_row(**{"Nghề nghiệp": "Làm vườn"})]))
    assert code == 0 and "Cập nhật: 1" in out and "Dòng 2: cập nhật Nghề nghiệp" in out


def test_an_unknown_cadre_refuses_the_whole_file(with_cadres, tmp_path):
    rows = [ROWS[0], _row(**{"Họ và tên cán bộ": "Hồ Văn Không Có"})]
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, rows),
             "Dòng 3, cột «Họ và tên cán bộ»: không tìm thấy cán bộ «Hồ Văn Không Có, sinh 12/03/1965»")
    assert with_cadres("export", "relatives", "--out", tmp_path / "ra.xlsx")[0] == 0
    assert openpyxl.load_workbook(tmp_path / "ra.xlsx").worksheets[0].max_row == 1


def test_a_cadre_in_the_recycle_bin_is_told_with_how_to_bring_them_back(with_cadres, tmp_path):
    """The officer deleted the cadre and imports the old list of their relatives: «hãy nhập danh sách cán bộ
    trước» sent them to import a list the cadre is already in; the row says where the cadre is and what to do."""
    db = vault.unlock(with_cadres.db, ADMIN, PASSWORD)
    recycle_bin.delete(db, "cadres", browse.record_ids(db, "cadres", "Nguyễn Văn Hùng")[0])
    db.close()
    out = _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, [ROWS[0]]),
                   f"Dòng 2, cột «Họ và tên cán bộ»: cán bộ «Nguyễn Văn Hùng, sinh 12/03/1965» đã bị {ADMIN} xóa lúc ")
    assert ("(chuyển vào Thùng rác); hãy khôi phục cán bộ ở Thùng rác hoặc nhập lại danh sách cán bộ có người này, "
            "rồi nhập lại tệp") in out and "hãy nhập danh sách cán bộ trước" not in out


def test_the_cadres_birth_date_must_match(with_cadres, tmp_path):
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, [_row(**{"Ngày sinh cán bộ": "1966"})]),
             "không tìm thấy cán bộ «Nguyễn Văn Hùng, sinh 1966»")


def _namesakes(cli, tmp_path, *towns):
    """Two cadres «Lê Văn Nam» born 1970, of the home towns given (told apart by their CCCD)."""
    twins = workbook(tmp_path / "c.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ", "Đơn vị công tác",
                                           "Số CCCD"],
                     [["Lê Văn Nam", "1970", towns[0], "Bí thư Chi bộ thôn 2", "Đảng ủy xã Mũi Né", "060070001111"],
                      ["Lê Văn Nam", "1970", towns[1], None, None, "060070002222"]])
    assert cli("import", "cadres", twins)[0] == 0


def _nam_row(**changes):
    return _row(**{"Họ và tên cán bộ": "Lê Văn Nam", "Ngày sinh cán bộ": "1970", **changes})


def test_namesake_cadres_with_the_same_birth_date_are_an_error_naming_them_and_the_column_telling_them_apart(
        with_cadres, tmp_path):
    """Two candidates of one commune, same name and year: the message names each (home town, position, unit) and
    the column that tells them apart."""
    _namesakes(with_cadres, tmp_path, "Mũi Né", "La Gi")
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, [_nam_row()]),
             "Dòng 2, cột «Họ và tên cán bộ»: «Lê Văn Nam, sinh 1970» khớp với 2 cán bộ (quê La Gi; quê Mũi Né, "
             "Bí thư Chi bộ thôn 2, Đảng ủy xã Mũi Né); thêm cột «Quê quán cán bộ» để phân biệt")


def test_the_cadres_home_town_tells_namesakes_apart_and_is_exported_so_the_file_imports_back(with_cadres, tmp_path):
    _namesakes(with_cadres, tmp_path, "Mũi Né", "La Gi")
    code, out, err = with_cadres("import", "relatives", workbook(
        tmp_path / "tn.xlsx", [*HEADERS, "Quê quán cán bộ"], [[*_nam_row(), "La Gi"], [*_nam_row(), "mũi né"]]))
    assert code == 0 and "Thêm mới: 2" in out, out + err
    assert with_cadres("export", "relatives", "--out", tmp_path / "ra.xlsx")[0] == 0
    exported = openpyxl.load_workbook(tmp_path / "ra.xlsx").worksheets[0]
    rows = list(exported.iter_rows(values_only=True))
    assert sorted(row[-1] for row in rows if row[0] == "Lê Văn Nam") == ["La Gi", "Mũi Né"]
    code, out, err = with_cadres("import", "relatives", tmp_path / "ra.xlsx")
    assert code == 0 and "Thêm mới: 0" in out, out + err


def test_namesake_cadres_of_one_home_town_are_an_error_saying_where_their_relatives_are_entered(with_cadres,
                                                                                               tmp_path):
    """Same name, year and home town: no column of the file tells them apart."""
    _namesakes(with_cadres, tmp_path, "Mũi Né", "Mũi Né")
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", [*HEADERS, "Quê quán cán bộ"], [[*_nam_row(), "Mũi Né"]]),
             "Dòng 2, cột «Họ và tên cán bộ»: «Lê Văn Nam, sinh 1970, quê Mũi Né» khớp với 2 cán bộ (quê Mũi Né; quê "
             "Mũi Né, Bí thư Chi bộ thôn 2, Đảng ủy xã Mũi Né); tệp không phân biệt được 2 người này: bỏ dòng này "
             "khỏi tệp và ghi thân nhân ở thẻ «Thân nhân» của hồ sơ từng cán bộ")


def test_a_cadres_home_town_matching_no_namesake_names_theirs(with_cadres, tmp_path):
    _namesakes(with_cadres, tmp_path, "Mũi Né", "La Gi")
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", [*HEADERS, "Quê quán cán bộ"], [[*_nam_row(), "Phan Rí"]]),
             "Dòng 2, cột «Quê quán cán bộ»: không tìm thấy cán bộ «Lê Văn Nam, sinh 1970, quê Phan Rí»; có cán "
             "bộ cùng họ tên, ngày sinh (quê La Gi; quê Mũi Né, Bí thư Chi bộ thôn 2, Đảng ủy xã Mũi Né): ghi quê "
             "quán cán bộ như trong danh sách cán bộ")


@pytest.mark.parametrize(("written", "exported"), [("Có", "Có"), ("x", "Có"), ("Không", "Không"), (None, None)])
def test_a_relatives_party_membership_is_imported_and_exported(with_cadres, tmp_path, written, exported):
    code, out, err = with_cadres("import", "relatives", workbook(tmp_path / "tn.xlsx", [*HEADERS, "Đảng viên"],
                                                                 [[*ROWS[0], written]]))
    assert code == 0, out + err
    assert with_cadres("export", "relatives", "--out", tmp_path / "ra.xlsx")[0] == 0
    rows = list(openpyxl.load_workbook(tmp_path / "ra.xlsx").worksheets[0].iter_rows(values_only=True))
    assert rows[1][rows[0].index("Đảng viên")] == exported


@pytest.mark.parametrize(("changes", "expected"), [
    ({"Quan hệ": "Bản thân"}, "cột «Quan hệ»: thân nhân không thể có quan hệ «Bản thân»"),
    ({"Quan hệ": "Ông nội"}, "cột «Quan hệ»: giá trị «Ông nội» không hợp lệ"),
    ({"Họ và tên thân nhân": None}, "cột «Họ và tên thân nhân»: bắt buộc"),
    ({"Từ năm": "05/2010"}, "cột «Từ năm»: chỉ ghi năm"),
    ({"Ở nước ngoài": "Không", "Nước": "Úc"}, "«Ở nước ngoài» là Không nhưng lại ghi nước"),
    ({"Ở nước ngoài": "Có", "Nước": "Pháp", "Từ năm": 1930}, "cột «Từ năm»: Từ năm (1930) trước Ngày sinh (1938)"
                                                             ": hãy xem lại một trong hai ngày"),
])
def test_bad_rows_are_reported_by_row_and_column(with_cadres, tmp_path, changes, expected):
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, [_row(**changes)]), expected)


def test_the_same_relative_twice_in_a_file_is_an_error(with_cadres, tmp_path):
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, [ROWS[0], ROWS[0]]),
             "Dòng 3, cột «Họ và tên thân nhân»: trùng thân nhân")


def test_a_missing_required_column_is_reported(with_cadres, tmp_path):
    _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS[1:], [ROWS[0][1:]]),
             "Dòng 1, cột «Họ và tên cán bộ»: thiếu cột bắt buộc")


def test_a_viewer_may_not_import_relatives(with_cadres, tmp_path):
    assert with_cadres("users", "add", "xemthu", "--role", "xem", "--new-password-file",
                       _secret(tmp_path, "Xem-thu-du-lieu-2026"))[0] == 0
    code, _, err = with_cadres.as_user("xemthu", "Xem-thu-du-lieu-2026")(
        "import", "relatives", workbook(tmp_path / "tn.xlsx", HEADERS, ROWS))
    assert code == 5 and "không được phép" in err


def _secret(folder, text):
    path = folder / "secret.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_a_cadre_listed_with_another_birth_date_is_named_with_the_one_on_file(with_cadres, tmp_path):
    """The tour's old list gave the cadre's year of birth where the cadre list has the day: telling the
    officer to import the cadres first would have added the same cadre a second time."""
    out = _refused(with_cadres, workbook(tmp_path / "x.xlsx", HEADERS, [_row(**{"Ngày sinh cán bộ": "1965"})]),
                   "Dòng 2, cột «Ngày sinh cán bộ»: không tìm thấy cán bộ «Nguyễn Văn Hùng, sinh 1965»; "
                   "có cán bộ cùng họ tên sinh 12/03/1965: ghi ngày sinh cán bộ như trong danh sách cán bộ")
    assert "hãy nhập danh sách cán bộ trước" not in out


@pytest.mark.parametrize(("ticked", "stored"), [("có", "Có"), ("x", "Có"), ("X", "Có"), (1, "Có"), ("1", "Có"),
                                                (0, "Không"), ("không", "Không")])
def test_abroad_ticked_as_old_lists_tick_it_is_co(with_cadres, tmp_path, ticked, stored):
    """Old lists tick «Ở nước ngoài» with x or 1 (0 for no): the whole file was refused for it."""
    son = dict(zip(HEADERS, ROWS[2], strict=True))
    son.update({"Ở nước ngoài": ticked, "Nước": None, "Từ năm": None, "Công việc ở nước ngoài": None})
    code, out, err = with_cadres("import", "relatives", workbook(tmp_path / "tn.xlsx", HEADERS, [list(son.values())]))
    assert code == 0, out + err
    assert with_cadres("export", "relatives", "--out", tmp_path / "ra.xlsx")[0] == 0
    rows = list(openpyxl.load_workbook(tmp_path / "ra.xlsx").worksheets[0].iter_rows(values_only=True))
    assert rows[1][HEADERS.index("Ở nước ngoài")] == stored


@pytest.mark.parametrize(("written", "relation"), [("Bố", "Cha"), ("bố", "Cha"), ("Anh", "Anh/chị/em"),
                                                   ("Chị", "Anh/chị/em"), ("Em", "Anh/chị/em"),
                                                   ("anh chị em", "Anh/chị/em"), ("Anh chị em ruột", "Anh/chị/em")])
def test_a_relation_written_as_old_lists_write_it_is_its_relation_on_form_2c(with_cadres, tmp_path, written,
                                                                             relation):
    """Old lists write «Bố», «Anh», «Em» where form 2C has Cha and Anh/chị/em: the file was refused."""
    son = dict(zip(HEADERS, ROWS[2], strict=True))
    son["Quan hệ"] = written
    code, out, err = with_cadres("import", "relatives", workbook(tmp_path / "tn.xlsx", HEADERS, [list(son.values())]))
    assert code == 0, out + err
    assert with_cadres("export", "relatives", "--out", tmp_path / "ra.xlsx")[0] == 0
    rows = list(openpyxl.load_workbook(tmp_path / "ra.xlsx").worksheets[0].iter_rows(values_only=True))
    assert rows[1][HEADERS.index("Quan hệ")] == relation
