"""One rule for a user's name, on a file as on the office server, where the name is the PostgreSQL
login role's: NFC and stripped, 1 to 63 bytes of UTF-8, printable, not a name PostgreSQL keeps,
and not an existing name in other letter case."""

import unicodedata

import pytest

from bvct_desktop.core import user_names
from bvct_desktop.core.errors import InputError


def test_a_name_is_stored_nfc_without_the_spaces_around_it():
    typed = unicodedata.normalize("NFD", "  Trần Bình\t")
    assert user_names.checked(typed) == "Trần Bình"


@pytest.mark.parametrize("name", ["=1+1", "Trần Thị Bình", "o'brien", 'a"b\\c', "quản trị viên 2", "x" * 63,
                                  "ờ" * 21])
def test_spaces_inside_quotes_and_formula_like_names_are_names(name):
    assert user_names.checked(name) == name


def test_sixty_three_bytes_is_the_limit_said_in_letters_an_officer_counts():
    with pytest.raises(InputError) as refused:
        user_names.checked("ờ" * 22)  # 22 letters, 66 bytes
    assert refused.value.message == (
        "Tên người dùng dài 66 byte, quá giới hạn 63 byte (63 chữ không dấu; mỗi chữ có dấu tính 2–3 byte, như "
        "«Nguyễn Thị Hồng Nhung» là 27 byte). Hãy đặt tên ngắn hơn.")
    with pytest.raises(InputError, match="dài 3000 byte"):
        user_names.checked("a" * 3000)


@pytest.mark.parametrize(("name", "where"), [("lanh\ndao", "ký tự thứ 5 là U+000A"),
                                             ("lanh\r\ndao", "ký tự thứ 5 là U+000D"),
                                             ("lanh\tdao", "ký tự thứ 5 là U+0009"),
                                             ("lanh\u2028dao", "ký tự thứ 5 là U+2028"),
                                             ("lanh\u200bdao", "ký tự thứ 5 là U+200B"),
                                             ("lanh\x00dao", "ký tự thứ 5 là U+0000")])
def test_line_breaks_control_and_invisible_characters_are_refused_and_placed(name, where):
    with pytest.raises(InputError) as refused:
        user_names.checked(name)
    assert refused.value.message == ("Tên người dùng không được có ký tự xuống dòng, tab, ký tự điều khiển hay ký tự "
                                     f"vô hình ({where}).")


@pytest.mark.parametrize("name", ["", "   ", "\u3000"])
def test_an_empty_name_is_refused(name):
    with pytest.raises(InputError, match="^Tên người dùng không được để trống.$"):
        user_names.checked(name)


@pytest.mark.parametrize("name", ["public", "None", "pg_quantri", "PG_x"])
def test_names_postgresql_keeps_for_itself_are_refused_on_both_databases(name):
    with pytest.raises(InputError, match=f"^Tên «{name}» là tên dành riêng của máy chủ PostgreSQL"):
        user_names.checked(name)


def test_the_recovery_keys_slot_is_no_ones_name():
    with pytest.raises(InputError, match="dành cho khóa khôi phục"):
        user_names.checked("*recovery*")


def test_a_name_taken_or_differing_only_by_letter_case_or_unicode_form_is_refused():
    existing = ["quantri", "lanhdao", unicodedata.normalize("NFD", "Bình")]
    with pytest.raises(InputError, match="^Người dùng «lanhdao» đã có.$"):
        user_names.check_free("lanhdao", existing)
    with pytest.raises(InputError) as refused:
        user_names.check_free("Lanhdao", existing)
    assert refused.value.message == ("Đã có người dùng «lanhdao»; «Lanhdao» chỉ khác ở chữ hoa/thường nên dễ nhầm "
                                     "khi đăng nhập. Chọn tên khác.")
    with pytest.raises(InputError, match="đã có"):
        user_names.check_free("Bình", existing)
    with pytest.raises(InputError, match="chỉ khác ở chữ hoa/thường"):
        user_names.check_free("BÌNH", existing)
    user_names.check_free("Lân", ["lan"])  # another letter, another name


def test_a_name_stored_before_the_rule_moves_to_the_server_as_spelled_when_a_login_role_may_have_it():
    user_names.check_login_role(" cũ ")
    with pytest.raises(InputError, match="dài 64 byte"):
        user_names.check_login_role("x" * 64)
