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
