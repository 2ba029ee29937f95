"""Text is cleaned once on the way in: NFC, spacing, tone placement; search folds accents and đ."""

import re
import unicodedata

from bvct_desktop.core import text
from bvct_desktop.core.text import brief, clean, either_final_i_y, fold, identity_key, place_key, search_words


def test_clean_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Ánh")
    assert clean(decomposed) == "Nguyễn Văn Ánh"
    assert unicodedata.is_normalized("NFC", clean(decomposed))


def test_clean_collapses_spaces_and_drops_invisible_characters():
    assert clean("  Nguyễn\u00a0 Văn\t\u200bHùng  ") == "Nguyễn Văn Hùng"


def test_a_zero_width_space_or_word_joiner_between_two_words_is_the_space_they_lack():
    """Pasted from a web page, a name may hold one where a space should be; Vietnamese writes every
    syllable apart, so two letters it joins are two words (the one person, not a second)."""
    pasted = "Nguyễn\u00a0Thị\u200bHoà"
    assert clean(pasted) == clean("Nguyễn Thị\u2060Hoà") == "Nguyễn Thị Hòa"
    assert clean(unicodedata.normalize("NFD", pasted)) == "Nguyễn Thị Hòa"
    assert identity_key(pasted) == identity_key("nguyễn thị hòa") and fold(pasted) == "nguyen thi hoa"


def test_a_zero_width_space_beside_a_digit_a_sign_or_a_space_or_at_an_end_is_dropped():
    assert clean("12/\u200bPXM-\u2060BTCTU") == "12/PXM-BTCTU"  # where a web page lets a long word break
    assert clean("Cục A93\u200bB") == "Cục A93B"
    assert clean("\ufeff\u200bVăn \u200bHùng\u200b, Hà\u2060 Nội\u200b") == "Văn Hùng, Hà Nội"


def test_clean_text_stays_as_it_is():
    for word in _samples():
        assert clean(clean(word)) == clean(word), word


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


def test_place_key_ignores_the_spaces_around_commas_and_a_final_full_stop():
    written = "Xã Hàm Tiến, thành phố Phan Thiết, tỉnh Bình Thuận"
    assert place_key(written) == identity_key(written)
    for other in ("Xã Hàm Tiến,thành phố Phan Thiết,tỉnh Bình Thuận", "xã hàm tiến ,thành phố phan thiết ,  TỈNH BÌNH "
                  "THUẬN.", "Xã Hàm Tiến, thành phố Phan Thiết, tỉnh Bình Thuận ."):
        assert place_key(other) == place_key(written), other
    assert place_key("Ham Tien,Phan Thiet.") == "ham tien, phan thiet"  # plain ASCII alike
    assert place_key("Hàm Tiến, Phan Thiết") != place_key("Hàm Tiến Phan Thiết")  # a comma still counts


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


def test_a_tone_followed_by_another_mark_is_not_moved():
    for word in ("hoặc", "ngoặc", "Hoặc là", "hoạch"):
        assert clean(word) == word


def _samples() -> list[str]:
    """Words of every Vietnamese letter in every position, odd spacing, decomposed and foreign text."""
    import random

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    letters += letters.upper() + " \u00a0\u200b\u00adæøüñ\u0301\u0323"
    chosen = random.Random(14)
    words = ["".join(chosen.choice(letters) for _ in range(chosen.randint(1, 12))) for _ in range(12_000)]
    return words + [unicodedata.normalize("NFD", word) for word in words[:2_000]]


def test_the_quick_check_gives_what_the_full_rules_give():
    from bvct_desktop.core import text

    for word in _samples():
        assert clean(word) == text._clean_fully(word), word


def test_fold_drops_every_combining_mark_as_the_unicode_database_says():
    for word in _samples() + ["Ελληνικά\u0342", "русский\u0301", "x\u20d7"]:
        marks_dropped = "".join(ch for ch in unicodedata.normalize("NFD", clean(word).casefold())
                                if not unicodedata.combining(ch))
        assert fold(word) == marks_dropped.replace("đ", "d"), word


def test_folding_word_by_word_gives_the_words_of_folding_the_whole():
    from bvct_desktop.core.text import variant_fold, variant_fold_words

    samples = _samples()
    for start in range(0, 2_000, 5):
        joined = " ".join(samples[start:start + 5]) + " Phú Quý\tKỳ Sơn  quynh"
        assert variant_fold_words(joined) == " ".join(variant_fold(joined).split()), joined


def test_identity_key_of_plain_ascii_text_is_its_words_in_lower_case():
    for value in ("12/PXM", "  12 /  pxm\t", "NGUYEN VAN HUNG", "", " \n "):
        assert identity_key(value) == clean(value).casefold()


def test_a_registers_distinct_numbers_leave_the_accented_names_keys_remembered():
    """100,000 slips each have their own number: their keys would push the names' keys, which repeat
    down the register, out of the cache."""
    text._accented_identity_key.cache_clear()
    identity_key("Nguyễn Văn Hùng")
    for number in range(70_000):
        identity_key(f"{number}/PXM")
    identity_key("Nguyễn Văn Hùng")
    assert text._accented_identity_key.cache_info().hits == 1


def test_a_final_i_or_y_typed_finds_the_word_written_either_way_and_no_other():
    texts = ["nguyen thi quy huong", "tran qui", "quynh", "kiem tra", "ky su", "phu qui, lam dong", "my-tho"]

    def found(typed: str) -> list[str]:
        return [t for t in texts if re.search(either_final_i_y(typed), t)]

    assert found("qui") == ["nguyen thi quy huong", "tran qui", "phu qui, lam dong"]
    assert found("quy") == ["nguyen thi quy huong", "tran qui", "quynh", "phu qui, lam dong"]
    assert found("ky") == ["ky su"] and found("ki") == ["kiem tra", "ky su"]
    assert found("phu quy,") == ["phu qui, lam dong"] and found("mi-t") == ["my-tho"]


def test_a_folded_name_is_spelled_every_way_its_final_i_or_y_may_be():
    """«Lê Văn Quí» folded is «le van qui»; an old list may have typed «Le Van Quy»."""
    assert text.final_i_y_spellings("le van qui") == ["le van qui", "le van quy"]
    assert text.final_i_y_spellings("tran van huy") == ["tran van huy"]  # «huy»: no final i/y after one consonant
    assert {text.unify_final_y(spelling) for spelling in text.final_i_y_spellings("nguyen thi my li")} == {
        "nguyen thi mi li"}


def test_a_long_text_keeps_its_lines_each_cleaned_and_one_blank_line_between_paragraphs_at_most():
    typed = "\r\n  Đơn  phản ánh việc hoà giải\u200b \r\n\r\n\r\n\u200b\r ông A  thuý\rchưa xong.\n\n \n"
    assert text.clean_lines(typed) == "Đơn phản ánh việc hòa giải\n\nông A thúy\nchưa xong."


def test_a_line_break_of_any_kind_is_one_line_break():
    assert text.clean_lines("một\u2028hai\x0bba\r\nbốn\u2029năm") == "một\nhai\nba\nbốn\nnăm"


def test_a_long_text_of_one_line_is_cleaned_as_any_text():
    for typed in ("  Nguyễn  Văn  Hoà ", "plain  ascii", "", " \n \r\n "):
        assert text.clean_lines(typed) == clean(typed)


def test_comparing_and_searching_read_a_line_break_as_a_space():
    assert fold("vi phạm\nđất đai") == "vi pham dat dai"
    assert identity_key("Vi phạm\nđất đai") == identity_key("vi phạm đất đai")


def test_a_long_text_is_told_in_brief_cut_at_a_word():
    reply = "Có tài liệu lưu trữ: nguyên là trung sĩ ngụy quân,\nđã được cải tạo tập trung"
    assert brief(reply, 52) == "Có tài liệu lưu trữ: nguyên là trung sĩ ngụy quân…"
    assert brief(reply, 24) == "Có tài liệu lưu trữ…"
    assert brief("Không có tài liệu", 24) == "Không có tài liệu"
    assert brief("12345678901234567890", 10) == "1234567890…"  # one word longer than the room


def test_a_phrase_that_begins_a_sentence_takes_a_capital_first_letter_only():
    assert text.capitalised("đã mất năm 1972 tại Đà Lạt") == "Đã mất năm 1972 tại Đà Lạt"
    assert text.capitalised("ủy viên BCH") == "Ủy viên BCH"  # the rest as written: no capital taken away
    assert text.capitalised("") == ""
