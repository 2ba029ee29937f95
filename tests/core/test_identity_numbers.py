"""What a CCCD tells of its holder, checked against the birth date and sex given beside it."""

import pytest

from bvct_desktop.core.identity_numbers import cccd_warnings


def told(**values) -> list[tuple[str, str]]:
    return [(warning.header, warning.message) for warning in cccd_warnings(values)]


@pytest.mark.parametrize(("cccd", "birth_date", "gender"), [
    ("060070000333", "1970-01-01", "Nam"),  # 0: a man born in the 1900s, 70: in 1970
    ("060170000444", "1970", "Nữ"),         # 1: a woman born in the 1900s
    ("068205000123", "2005-03", "Nam"),     # 2: a man born in the 2000s
    ("068305000123", "2005", "Nữ"),         # 3: a woman born in the 2000s
    ("060470000333", "2170", "Nam"),        # every century on, two digits on
    ("060070000333", None, None),           # nothing given beside it: nothing to check
])
def test_a_cccd_agreeing_with_the_birth_year_and_sex_is_not_told(cccd, birth_date, gender):
    assert told(cccd=cccd, birth_date=birth_date, gender=gender) == []


def test_two_digits_swapped_tell_another_birth_year():
    assert told(cccd="060007000333", birth_date="1970-01-01", gender="Nam") == [
        ("cccd", "số 060007000333 cho biết năm sinh 1907 (chữ số thứ 4–6) nhưng ngày sinh là 01/01/1970: "
                 "hãy xem lại")]


def test_the_century_digit_tells_the_century_as_well_as_the_year():
    assert told(cccd="060270000333", birth_date="1970", gender="Nam") == [
        ("cccd", "số 060270000333 cho biết năm sinh 2070 (chữ số thứ 4–6) nhưng ngày sinh là 1970: hãy xem lại")]


def test_a_woman_s_cccd_beside_nam_is_told():
    assert told(cccd="060170000444", birth_date="1970-01-01", gender="Nam") == [
        ("cccd", "số 060170000444 cho biết giới tính nữ (chữ số thứ 4) nhưng giới tính là Nam: hãy xem lại")]


def test_both_disagreeing_are_told_in_one_warning():
    assert told(cccd="060107000444", birth_date="1970-03", gender="Nam") == [
        ("cccd", "số 060107000444 cho biết giới tính nữ (chữ số thứ 4) và năm sinh 1907 (chữ số thứ 4–6) "
                 "nhưng giới tính là Nam, ngày sinh là 03/1970: hãy xem lại")]


def test_only_what_is_given_is_checked():
    """A delegation's member has no sex on the row; a birth date may be missing: the rest is checked."""
    assert told(cccd="060170000444", birth_date="1970") == []
    assert told(cccd="060170000444", gender="Nữ") == []
    assert told(cccd="060170000444", gender="Nam") == [
        ("cccd", "số 060170000444 cho biết giới tính nữ (chữ số thứ 4) nhưng giới tính là Nam: hãy xem lại")]
    assert told(birth_date="1970", gender="Nam") == told(cccd=None, birth_date="1970", gender="Nam") == []
