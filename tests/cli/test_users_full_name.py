"""`bvct users add NAME --role ROLE [--full-name "Nguyễn Văn A"]`: the officer's full name, shown by `users list`
after the role; the contract's command without it works as before. On a file and on the office server."""

import pytest

from tests.conftest import ADMIN


@pytest.fixture
def cli(both_engines_cli):
    return both_engines_cli


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "mat-khau.txt"
    path.write_text("Mat-khau-moi-2026\n", encoding="utf-8")
    return path


def test_an_account_added_with_a_full_name_is_listed_with_it_one_without_as_before(cli, password_file):
    code, out, err = cli("users", "add", "chuyenvien1", "--role", "chuyen-vien", "--new-password-file", password_file,
                         "--full-name", " Nguyễn Văn A ")
    assert (code, out) == (0, "Đã thêm người dùng «chuyenvien1» (Chuyên viên).\n"), err
    code, out, err = cli("users", "add", "xem1", "--role", "xem", "--new-password-file", password_file)
    assert (code, out) == (0, "Đã thêm người dùng «xem1» (Chỉ xem).\n"), err
    code, out, err = cli("users", "list")
    assert (code, out.splitlines()) == (0, ["chuyenvien1\tchuyen-vien\tChuyên viên\tNguyễn Văn A",
                                            f"{ADMIN}\tquan-tri\tQuản trị", "xem1\txem\tChỉ xem"]), err


def test_a_full_name_over_100_characters_exits_2_saying_so_and_adds_no_one(cli, password_file):
    code, out, err = cli("users", "add", "chuyenvien1", "--role", "chuyen-vien", "--new-password-file", password_file,
                         "--full-name", "A" * 101)
    assert (code, out) == (2, "") and "Họ và tên dài 101 ký tự, quá giới hạn 100 ký tự." in err
    assert cli("users", "list")[1] == f"{ADMIN}\tquan-tri\tQuản trị\n"
