"""`bvct audit list`: the trail in the words the desktop's Nhật ký page and its workbook show."""

from tests import conftest
from tests.conftest import ADMIN, PASSWORD


def _listing(cli, *options: str) -> list[list[str]]:
    code, out, err = cli("audit", "list", *options)
    assert code == 0, err
    return [line.split("\t") for line in out.splitlines()[1:]]


def test_the_listing_names_roles_registers_and_details_in_vietnamese(cli, cadres_file, tmp_path):
    password = tmp_path / "mk.txt"
    password.write_text("Chuyen-vien-2026", encoding="utf-8")
    assert cli("users", "add", "cv", "--role", "chuyen-vien", "--new-password-file", password)[0] == 0
    assert cli.as_user("cv", "Chuyen-vien-2026")("import", "cadres", cadres_file)[0] == 0
    imported = next(cells for cells in _listing(cli.as_user(ADMIN, PASSWORD)) if cells[4] == "nhập")
    assert imported[3] == "Chuyên viên" and imported[6] == "Cán bộ"
    assert imported[8].startswith(f"Tệp: {cadres_file.resolve()}; ") and "Mới: " in imported[8]  # its full path
    added = next(cells for cells in _listing(cli) if cells[4] == "thêm người dùng")
    assert added[3] == "Quản trị" and "Vai trò: Chuyên viên" in added[8]
    assert not any('{"' in cells[8] or "quan-tri" in cells[3] for cells in _listing(cli))


def test_a_user_is_found_by_their_name_typed_in_another_letter_case(cli, cadres_file, tmp_path):
    password = tmp_path / "mk.txt"
    password.write_text("Chuyen-vien-2026", encoding="utf-8")
    assert cli("users", "add", "cv", "--role", "chuyen-vien", "--new-password-file", password)[0] == 0
    assert cli.as_user("cv", "Chuyen-vien-2026")("import", "cadres", cadres_file)[0] == 0
    theirs = _listing(cli.as_user(ADMIN, PASSWORD), "--user", "cv")
    assert len(theirs) == 5 and {cells[2] for cells in theirs} == {"cv"}
    assert _listing(cli, "--user", "CV") == theirs
    assert _listing(cli, "--user", "QuanTri ")[0][2] == ADMIN


def test_a_sound_trail_is_told_in_words_a_chief_reads_as_the_desktop_tells_it(cli):
    """«khớp đầu chuỗi lưu trong tệp khóa» told a chief nothing: the trail says what was checked — none of its
    entries changed, removed or slipped in — as the Nhật ký page's «Kiểm tra toàn vẹn nhật ký» does."""
    code, out, _ = cli("audit", "verify")
    assert code == 0
    count = int(out.split(":")[1].split()[0])
    kept = "trên máy chủ" if conftest.ON_SERVER else "trong tệp khóa"
    assert out.strip() == (f"Nhật ký toàn vẹn: {count} mục, không mục nào bị sửa, bị xóa hay bị chèn thêm ngoài "
                           f"chương trình (đã đối chiếu với mục cuối cùng lưu {kept}).")


def _officer_imports_and_exports(cli, cadres_file, tmp_path) -> None:
    password = tmp_path / "mk.txt"
    password.write_text("Chuyen-vien-2026", encoding="utf-8")
    assert cli("users", "add", "cv", "--role", "chuyen-vien", "--new-password-file", password)[0] == 0
    officer = cli.as_user("cv", "Chuyen-vien-2026")
    assert officer("import", "cadres", cadres_file)[0] == 0
    assert officer("export", "cadres", "--out", tmp_path / "xuat_thang_11.xlsx")[0] == 0
    cli.as_user(ADMIN, PASSWORD)


def test_a_chief_lists_one_action_as_the_trail_shows_it_accents_and_case_ignored(cli, cadres_file, tmp_path):
    """At the month's end the chief asks who exported: `--action` takes an action as the Nhật ký page's
    «Hành động» lists it, typed with or without accents, and «Mọi việc đưa dữ liệu ra ngoài» for every way out."""
    _officer_imports_and_exports(cli, cadres_file, tmp_path)
    exported = _listing(cli, "--action", "xuất")
    assert [(cells[2], cells[4]) for cells in exported] == [("cv", "xuất")]
    assert _listing(cli, "--action", "XUAT") == exported
    assert [cells[4] for cells in _listing(cli, "--action", "Mọi việc đưa dữ liệu ra ngoài")] == ["xuất"]
    assert [(cells[2], cells[4]) for cells in _listing(cli, "--action", "Nhap")] == [("cv", "nhập")]


def test_a_chief_finds_the_entries_about_one_record_by_the_words_the_trail_shows(cli, cadres_file, tmp_path):
    """`--text` looks where the page's «Nội dung» looks (register, record, details), from a word's start."""
    _officer_imports_and_exports(cli, cadres_file, tmp_path)
    found = _listing(cli, "--text", "xuat_thang_11.xlsx", "--user", "cv")
    assert [cells[4] for cells in found] == ["xuất"]
    not_a_word_start = _listing(cli, "--text", "hang_11.xlsx")
    assert [cells[4] for cells in not_a_word_start] == ["xem nhật ký"]  # only the reading asking for it


def test_an_action_the_trail_does_not_hold_is_refused_naming_those_it_holds(cli):
    code, _, err = cli("audit", "list", "--action", "xuat excel")
    assert code == 2
    assert "«xuat excel»" in err and "đăng nhập" in err
