"""A long text told where there is little room: a tooltip of at most TIP_LINES lines a reader takes in,
then how much more there is and where to read it; one line for a list's item."""

from bvct_desktop.core import long_text
from bvct_desktop.core.long_text import TIP_LINES, TIP_WIDTH


def test_a_short_text_is_its_own_tip():
    assert long_text.tip("Không có tàng thư.\nĐã trích lục lý lịch") == "Không có tàng thư.\nĐã trích lục lý lịch"


def test_a_summary_of_three_thousand_lines_shows_its_first_lines_and_says_how_many_are_left():
    summary = "\n".join(f"Dòng {number} của bản tóm tắt" for number in range(1, 3001))
    lines = long_text.tip(summary).split("\n")
    assert len(lines) == TIP_LINES + 1
    assert lines[:TIP_LINES] == [f"Dòng {number} của bản tóm tắt" for number in range(1, TIP_LINES + 1)]
    assert lines[-1] == f"… (còn 2.{1000 - TIP_LINES} dòng nữa; mở bản ghi để xem đủ)"


def test_a_word_of_32767_characters_goes_on_lines_a_reader_takes_in():
    lines = long_text.tip("A" * 32_767, more="xuất ra Excel để xem đủ").split("\n")
    assert len(lines) == TIP_LINES + 1 and all(len(line) <= TIP_WIDTH for line in lines[:-1])
    assert "".join(lines[:-1]) == "A" * TIP_LINES * TIP_WIDTH
    assert lines[-1] == f"… (còn {32_767 // TIP_WIDTH + 1 - TIP_LINES} dòng nữa; xuất ra Excel để xem đủ)"


def test_a_long_line_is_wrapped_at_spaces_and_a_blank_line_between_paragraphs_stays():
    text = " ".join(["Nguyễn Văn An"] * 20) + "\n\nHết."
    lines = long_text.tip(text).split("\n")
    assert all(len(line) <= TIP_WIDTH for line in lines)
    assert " ".join(lines[:-2]) == " ".join(["Nguyễn Văn An"] * 20) and lines[-2:] == ["", "Hết."]


def test_a_list_item_shows_a_long_text_by_its_first_line_and_no_longer_than_a_line():
    assert long_text.one_line("Không có tàng thư.\nĐã trích lục") == "Không có tàng thư. …"
    assert long_text.one_line("Trích yếu ngắn") == "Trích yếu ngắn"
    cut = long_text.one_line("A" * 32_767)
    assert len(cut) == TIP_WIDTH and cut.endswith("…")
