"""The next free slip number, suggested so the officer need not look it up: the one after the highest of the year
written as the latest slip is; at a new year the count starts again, the year written in the number the new one;
a number any slip of the year has (one in the recycle bin too) passed over."""

import datetime as dt

import pytest

from bvct_desktop.core import editing, recycle_bin, slip_numbers
from bvct_desktop.core.typed import first_of_year, following_number

SECOND_OF_JANUARY = dt.date(2027, 1, 2)


SAMPLE_KINDS = ()  # what the `db` fixture holds


def _slip(db, number: str, issued_on: str) -> int:
    return editing.save(db, "slips", {"number": number, "issued_on": issued_on, "full_name": "Trần Văn Bảy",
                                      "relation": "Bản thân", "recipient": "Phòng PV27 – Công an tỉnh"})


def test_no_slip_yet_suggests_nothing_the_officer_writes_the_first(db):
    assert slip_numbers.suggested(db, SECOND_OF_JANUARY) == ""


def test_the_number_after_the_highest_of_the_year_written_as_its_latest_slip(db):
    for number, issued_on in (("0099/PXM", "02/03/2026"), ("0097/PXM", "03/03/2026"), ("5/A93", "01/02/2026")):
        _slip(db, number, issued_on)
    assert slip_numbers.suggested(db, dt.date(2026, 3, 4)) == "0100/PXM"  # not 0098, though 0097 was the last


def test_a_number_taken_further_on_even_in_the_bin_is_passed_over(db):
    _slip(db, "12/2026", "10/12/2026")
    recycle_bin.delete(db, "slips", _slip(db, "13/2026", "01/12/2026"))
    _slip(db, "14/2026", "02/12/2026")
    assert slip_numbers.suggested(db, dt.date(2026, 12, 11)) == "15/2026"


def test_on_the_second_of_january_after_slips_of_last_year_the_count_starts_again(db):
    _slip(db, "41/2026", "30/12/2026")
    assert slip_numbers.suggested(db, SECOND_OF_JANUARY) == "1/2027"
    assert slip_numbers.suggested(db, dt.date(2026, 12, 31)) == "42/2026"
    _slip(db, "1/2027", "02/01/2027")
    assert slip_numbers.suggested(db, SECOND_OF_JANUARY) == "2/2027"


def test_a_number_with_the_year_in_two_figures_takes_the_new_year_in_two_figures(db):
    _slip(db, "12/PXM-26", "30/12/2026")
    assert slip_numbers.suggested(db, SECOND_OF_JANUARY) == "1/PXM-27"


def test_a_number_without_the_year_starts_again_at_one_its_zeros_kept(db):
    _slip(db, "0099/PXM", "30/12/2026")
    assert slip_numbers.suggested(db, SECOND_OF_JANUARY) == "0001/PXM"


def test_the_next_of_a_pile_is_the_one_after_the_slip_saved_still_free_in_its_year(db):
    """Not the highest of the year + 1: a pile of last month's slips follows on from the one just typed."""
    _slip(db, "40/2026", "01/06/2026")
    _slip(db, "6/2026", "01/03/2026")
    _slip(db, "6/2025", "01/03/2025")
    assert slip_numbers.free_after(db, "5/2026", dt.date(2026, 2, 28)) == "7/2026"
    assert slip_numbers.free_after(db, "5/2025", dt.date(2025, 2, 28)) == "7/2025"
    assert slip_numbers.free_after(db, "7/2026", dt.date(2026, 3, 2)) == "8/2026"
    assert slip_numbers.free_after(db, "PXM-A", dt.date(2026, 3, 2)) == ""


@pytest.mark.parametrize(("written", "first"), [
    ("12/2026", "1/2027"), ("0412/PXM-2026", "0001/PXM-2027"), ("12/PXM", "1/PXM"), ("12/12026", "1/12026"),
    ("PXM", ""), ("12/PXM-26", "1/PXM-27"), ("0012/26", "0001/27"), ("12/PXM.26", "1/PXM.27"),
    ("12/PV26", "1/PV26"), ("12/126", "1/126"), ("12/PXM-25", "1/PXM-25"),
    ("2026/15/PXM", "2027/1/PXM"), ("2026-0012", "2027-0001"), ("2026.15", "2027.1"),
])
def test_the_first_number_of_a_new_year_as_the_last_one_was_written(written, first):
    assert first_of_year(written, 2026, 2027) == first


@pytest.mark.parametrize(("written", "following"), [
    ("2024/15/QĐ", "2024/16/QĐ"), ("2024-15", "2024-16"), ("2026 / 0099/PXM", "2026 / 0100/PXM"),
    ("0099/PXM", "0100/PXM"), ("12/2026", "13/2026"), ("2024/PXM", "2025/PXM"), ("2024/PXM-26", "2025/PXM-26"),
    ("1999/2026", "2000/2026"),
])
def test_a_number_written_year_first_is_counted_on_the_figures_after_its_year(written, following):
    """«2024/15/QĐ» is the 15th of 2024: the next is «2024/16/QĐ», not «2025/15/QĐ». Four figures with no other
    after them («2024/PXM») are the count."""
    assert following_number(written) == following


def test_the_highest_of_a_year_written_year_first_is_the_highest_count(db):
    for number, issued_on in (("2026/9", "02/03/2026"), ("2026/15", "03/03/2026"), ("2026/3", "04/03/2026")):
        _slip(db, number, issued_on)
    assert slip_numbers.suggested(db, dt.date(2026, 3, 5)) == "2026/16"
    assert slip_numbers.suggested(db, SECOND_OF_JANUARY) == "2027/1"
