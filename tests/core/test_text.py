"""Text is cleaned once on the way in: NFC, spacing, tone placement; search folds accents and đ."""

import unicodedata

from bvct_desktop.core.text import clean, fold, identity_key, search_words


def test_clean_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Ánh")
    assert clean(decomposed) == "Nguyễn Văn Ánh"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_clean_collapses_spaces_and_drops_invisible_characters():
    assert clean("  Nguyễn\u00a0 Văn\t\u200bHùng  ") == "Nguyễn Văn Hùng"


def test_tone_placement_is_unified_on_the_traditional_vowel():
    assert clean("hoà") == clean("hòa") == "hòa"
    assert clean("Thuý") == "Thúy"
    assert clean("TỈNH UỶ") == "TỈNH ỦY"
    assert clean("khoẻ") == "khỏe"


def test_tone_placement_leaves_correct_words_alone():
    for word in ("quý", "quà", "hoàng", "thuyết", "đoàn", "Hòa"):
        assert clean(word) == word


def test_identity_key_ignores_case_spacing_and_tone_placement_but_not_accents():
    assert identity_key("NGUYỄN  VĂN HOÀ") == identity_key("nguyễn văn hòa")
    assert identity_key("Nguyễn Văn Hùng") != identity_key("Nguyễn Văn Hưng")


def test_fold_removes_accents_case_and_d_stroke():
    assert fold("NGUYỄN VĂN HÙNG") == "nguyen van hung"
    assert fold("Đặng Đức") == "dang duc"
    assert search_words("  nguyen   HUNG ") == ["nguyen", "hung"]


def test_file_names_are_plain_vietnamese_words_and_iso_dates():
    import datetime as dt

    from bvct_desktop.core.text import file_name

    assert file_name("Phiếu xác minh", dt.date(2026, 11, 30), suffix="xlsx") == "phieu-xac-minh-2026-11-30.xlsx"
    assert file_name("Đoàn ra nước ngoài", suffix="pdf") == "doan-ra-nuoc-ngoai.pdf"
    assert file_name("Nhật ký", dt.date(2026, 1, 1), "đến", dt.date(2026, 1, 31), suffix="xlsx") == \
        "nhat-ky-2026-01-01-den-2026-01-31.xlsx"
