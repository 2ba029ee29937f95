"""An import's notes told once each: the same note on many rows names its rows in ranges and counts them;
a note naming a row's own values stays that row's."""

from bvct_desktop.core.importing import Problem
from bvct_desktop.core.numbers import grouped
from bvct_desktop.core.row_notes import row_span, told_once

FORMER = ("«Phòng PV27 – Công an tỉnh Bình Thuận» mang tên tỉnh cũ: từ 01/7/2025 tỉnh ấy thuộc tỉnh Lâm Đồng; "
          "hãy xem lại")


def test_one_row_is_named_alone():
    assert row_span([7]) == "7"


def test_consecutive_rows_are_a_range_and_counted():
    assert row_span(range(2, 122)) == "2–121 (120 dòng)"


def test_two_neighbours_are_named_each_and_runs_of_three_or_more_are_ranges():
    assert row_span([2, 3, 9, 10, 11, 20]) == "2, 3, 9–11, 20 (6 dòng)"


def test_about_a_line_of_row_numbers_is_named_then_how_many_more_rows():
    span = row_span(range(2, 2002, 2), grouped)  # every other row: no range to shorten them
    named, more = span.split(" và ")
    assert named.startswith("2, 4, 6, ") and 50 <= len(named) <= 60
    shown = len(named.split(", "))
    assert more == f"{grouped(1000 - shown)} dòng khác (1.000 dòng)"


def test_the_rows_are_named_in_order_and_each_once():
    assert row_span([9, 2, 3, 4, 2]) == "2–4, 9 (4 dòng)"


def test_the_same_note_on_many_rows_is_told_once_where_its_first_row_is():
    notes = [Problem(row, "Nơi nhận phiếu", FORMER) for row in range(2, 122)]
    notes.insert(1, Problem(2, "Số CCCD", "số 049195001234 cho biết năm sinh 1995 (chữ số thứ 4–6) nhưng ngày sinh "
                                         "là 1950: hãy xem lại"))
    notes.append(Problem(130, None, "người mới «Lê Văn Một» có thể là người đã có"))
    assert told_once(notes) == [
        f"Dòng 2–121 (120 dòng), cột «Nơi nhận phiếu»: {FORMER}",
        "Dòng 2, cột «Số CCCD»: số 049195001234 cho biết năm sinh 1995 (chữ số thứ 4–6) nhưng ngày sinh là 1950: "
        "hãy xem lại",
        "Dòng 130: người mới «Lê Văn Một» có thể là người đã có"]


def test_a_note_naming_each_rows_own_value_stays_on_each_row():
    notes = [Problem(row, "Số CCCD", f"số 04919500{row:04d} cho biết năm sinh 1995") for row in (2, 3, 4)]
    assert told_once(notes) == [str(note) for note in notes]


def test_the_same_words_at_another_column_are_another_note():
    notes = [Problem(2, "Ngày sinh", "hãy xem lại"), Problem(3, "Ngày vào Đảng", "hãy xem lại"),
             Problem(4, "Ngày sinh", "hãy xem lại")]
    assert told_once(notes) == ["Dòng 2, 4 (2 dòng), cột «Ngày sinh»: hãy xem lại",
                                "Dòng 3, cột «Ngày vào Đảng»: hãy xem lại"]


def test_counts_are_written_as_the_caller_writes_numbers():
    notes = [Problem(row, None, "x") for row in range(2, 1502)]
    assert told_once(notes, grouped) == ["Dòng 2–1501 (1.500 dòng): x"]
