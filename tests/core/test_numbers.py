"""Numbers in Vietnamese: dots group thousands, a comma marks the decimals."""

from bvct_desktop.core.numbers import decimal, grouped, megabytes


def test_thousands_are_grouped_with_dots():
    assert [grouped(n) for n in (7, 1921, 1_000_000)] == ["7", "1.921", "1.000.000"]


def test_decimals_take_a_comma():
    assert [decimal(x) for x in (0.04, 12.5, 1234.56)] == ["0,0", "12,5", "1.234,6"]


def test_a_file_size_is_in_megabytes_with_a_decimal_comma():
    assert [megabytes(n) for n in (300_000, 1_572_864, 1_288_490_189)] == ["0,3 MB", "1,5 MB", "1.228,8 MB"]
