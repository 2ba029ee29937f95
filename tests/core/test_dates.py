"""Birth dates keep their precision; full dates must exist."""

import copy
import datetime as dt
import pickle
import re

import pytest

from bvct_desktop.core.dates import (
    PARTIAL_FORMS,
    YEAR_FORM,
    DayWithWords,
    PartialDate,
    add_months,
    check_period,
    died,
    parse_cli_date,
    parse_date,
    parse_partial,
    parse_year,
    with_full_year,
)
from bvct_desktop.core.errors import InputError, RowProblem


@pytest.mark.parametrize("raw, iso", [
    ("1955", "1955"), (1955, "1955"), (1955.0, "1955"), ("03/1955", "1955-03"), ("3/1955", "1955-03"),
    ("12/03/1955", "1955-03-12"), ("1955-03-12", "1955-03-12"), ("1955-03", "1955-03"),
    (dt.date(1955, 3, 12), "1955-03-12"), (dt.datetime(1955, 3, 12, 0, 0), "1955-03-12"),
])
def test_partial_dates_keep_their_precision(raw, iso):
    assert parse_partial(raw).iso == iso


@pytest.mark.parametrize("deceased, death_date, told", [
    (True, "1970", "đã mất năm 1970"), (True, "~1970", "đã mất khoảng năm 1970"),
    (True, "1970-03-12", "đã mất ngày 12/03/1970"), (True, None, "đã mất"), (False, "1970", None), (None, None, None)])
def test_a_death_is_told_as_precisely_as_known_and_only_of_someone_known_to_have_died(deceased, death_date, told):
    assert died(deceased, death_date) == told


def test_display_is_day_month_year_with_leading_zeros():
    assert PartialDate(1955, 3, 2).display == "02/03/1955"
    assert PartialDate(1955, 3).display == "03/1955"
    assert PartialDate(1955).display == "1955"


def test_year_and_full_date_are_not_the_same_date():
    assert parse_partial("1955") != parse_partial("12/03/1955")


@pytest.mark.parametrize("raw", ["31/02/2016", "29/02/2015", "00/01/2000", "13/2000", "1/13/2000", "hôm qua", 12.5, 99])
def test_impossible_or_malformed_dates_are_refused(raw):
    with pytest.raises(RowProblem):
        parse_partial(raw)


@pytest.mark.parametrize(("raw", "known"), [("00/00/1950", "1950"), ("0/0/1950", "1950"), ("00/03/1950", "03/1950"),
                                            ("00/1950", "1950"), ("0/1950", "1950")])
def test_a_day_or_month_written_00_in_an_old_list_is_told_how_to_write_what_is_known(raw, known):
    """Old lists write a birth known only to the year «00/00/1950»: the officer is told what to write instead."""
    told = f"«{raw}»: phần ngày, tháng chưa biết thì bỏ đi, không ghi 0; hãy ghi «{known}»"
    with pytest.raises(RowProblem, match=f"^{re.escape(told)}$"):
        parse_partial(raw)
    with pytest.raises(RowProblem, match=f"^«{re.escape(raw)}» thiếu ngày hoặc tháng; ghi đủ dd/mm/yyyy$"):
        parse_date(raw)


@pytest.mark.parametrize(("raw", "known"), [("?/1950", "1950"), ("??/1950", "1950"), ("?/?/1950", "1950"),
                                            ("??/??/1950", "1950"), ("?/03/1950", "03/1950"), ("x/x/1950", "1950")])
def test_a_day_or_month_written_as_a_question_mark_is_told_how_to_write_what_is_known(raw, known):
    """Lý lịch forms write a relative's birth known only to the year «?/1950»: the officer is told what to write
    instead, as for «00/00/1950», not that it is no date at all."""
    told = f"«{raw}»: phần ngày, tháng chưa biết thì bỏ đi, không ghi {raw[0]}; hãy ghi «{known}»"
    with pytest.raises(RowProblem, match=f"^{re.escape(told)}$"):
        parse_partial(raw)


@pytest.mark.parametrize("parse", [parse_date, parse_partial])
def test_a_number_excel_would_show_as_a_date_is_told_with_the_date_it_stands_for(parse):
    """An old list's date cell that lost its date format shows its serial number (40987 is 19/03/2012):
    the officer is told the date it stands for, to format the cell as a date or write it."""
    told = ("«40987» không phải ngày tháng: có lẽ là ngày 19/03/2012 ghi trong ô không định dạng ngày; "
            "hãy định dạng ô là ngày hoặc ghi 19/03/2012")
    with pytest.raises(RowProblem, match=f"^{re.escape(told)}$"):
        parse(40987)
    with pytest.raises(RowProblem, match=r"^«99» không phải ngày tháng; ghi "):
        parse(99)  # no date of the lists' years


def test_full_date_fields_refuse_partial_dates():
    with pytest.raises(RowProblem, match="thiếu ngày"):
        parse_date("03/2016")
    with pytest.raises(RowProblem, match="không tồn tại"):
        parse_date("31/02/2016")
    assert parse_date("29/02/2016") == dt.date(2016, 2, 29)


def test_a_year_is_a_year_alone():
    assert parse_year("1955") == parse_year(1955) == 1955
    with pytest.raises(RowProblem, match=r"^chỉ ghi năm \(yyyy\)$"):
        parse_year("03/1955")
    with pytest.raises(RowProblem, match=r"^«năm ngoái» không phải ngày tháng; ghi yyyy$"):
        parse_year("năm ngoái")


def test_a_full_date_is_told_to_be_written_whole():
    with pytest.raises(RowProblem, match=r"^«hôm qua» không phải ngày tháng; ghi dd/mm/yyyy$"):
        parse_date("hôm qua")
    with pytest.raises(RowProblem, match=r"^«2000» thiếu ngày hoặc tháng; ghi đủ dd/mm/yyyy$"):
        parse_date("2000")


def test_command_line_dates_are_iso():
    assert parse_cli_date("2025-12-31") == dt.date(2025, 12, 31)
    with pytest.raises(RowProblem):
        parse_cli_date("31/12/2025")


@pytest.mark.parametrize("text", ["20260930", "2026-W40-1", "2026W401", "2026-273", "2026-9-30", "+2026-09-30",
                                  "2026-09-30 ", "２０２６-09-30"])
def test_command_line_dates_are_only_yyyy_mm_dd(text):
    with pytest.raises(RowProblem, match=re.escape(f"ngày «{text}» không hợp lệ; ghi theo dạng YYYY-MM-DD")):
        parse_cli_date(text)


def test_a_period_ends_on_or_after_its_start_in_words_every_face_can_show():
    check_period(dt.date(2025, 1, 1), dt.date(2025, 1, 1))
    check_period(None, dt.date(2025, 1, 1))
    with pytest.raises(InputError, match="^Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.$"):
        check_period(dt.date(2025, 12, 31), dt.date(2025, 1, 1))


def test_a_day_with_words_is_copied_and_pickled_as_the_day_and_its_words():
    """A register's «16/04/2026 (quá hạn 18 ngày)» is text and a day: a copy of it (a worker's, a test's) keeps
    both, not the text read back as a day."""
    late = DayWithWords(dt.date(2026, 4, 16), "(quá hạn 18 ngày)")
    for copied in (copy.deepcopy(late), pickle.loads(pickle.dumps(late))):
        assert copied == "16/04/2026 (quá hạn 18 ngày)"
        assert (copied.day, copied.words) == (dt.date(2026, 4, 16), "(quá hạn 18 ngày)")


@pytest.mark.parametrize("raw, iso", [("'12/03/1965", "1965-03-12"), ("'3/1965", "1965-03"), ("' 1965", "1965"),
                                      ("12 / 03 / 1965", "1965-03-12"), ("'12 - 3 - 1965", "1965-03-12")])
def test_a_date_kept_as_text_with_excels_apostrophe_or_spaces_around_its_slashes_is_read(raw, iso):
    """An old list's date typed as text: the apostrophe that kept Excel from reading it as a date came
    along in the cell (a list copied out of another program), or spaces stand around the slashes."""
    assert parse_partial(raw).iso == iso
    if len(iso) == 10:
        assert parse_date(raw) == dt.date.fromisoformat(iso)


def test_a_day_months_later_is_the_month_s_last_when_the_month_is_shorter():
    """A conclusion's validity and a passport's six months on the day of leaving are counted the same way."""
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 3, 15), 12) == dt.date(2027, 3, 15)
    assert add_months(dt.date(2026, 11, 30), 1) == dt.date(2026, 12, 30)


@pytest.mark.parametrize(("typed", "this_year", "written"), [
    ("12/3/65", 2026, "12/3/1965"), ("12/3/99", 2026, "12/3/1999"), ("12/3/27", 2026, "12/3/1927"),
    ("12/3/26", 2026, "12/3/2026"), ("1.3.00", 2026, "1.3.2000"), ("31/12/26", 2027, "31/12/2026"),
    ("12 - 3 - 65", 2026, "12 - 3 - 1965"), ("12/3/30", 2030, "12/3/2030"), ("12/3/31", 2030, "12/3/1931")])
def test_a_day_typed_with_a_two_digit_year_is_of_the_latest_year_ending_so_up_to_this_one(typed, this_year, written):
    """«12/3/65» typed in 2026 is 12/3/1965 and «12/3/26» is 12/3/2026: a year not yet come is a century back."""
    assert with_full_year(typed, this_year) == written


@pytest.mark.parametrize("typed", ["12/3/1965", "3/65", "65", "12/3/165", "12/3/6", "hôm qua", ""])
def test_only_a_whole_day_with_two_figures_for_its_year_is_given_a_century(typed):
    assert with_full_year(typed, 2026) == typed


@pytest.mark.parametrize(("typed", "written"), [
    ("3/65", "3/1965"), ("65", "1965"), ("12/3/56", "12/3/1956"), ("03 - 65", "03 - 1965"), ("3/26", "3/2026"),
    ("27", "1927"), ("tháng 3 năm 75", "3/1975"), ("3/1965", "3/1965"), ("3/165", "3/165"), ("6", "6"), ("", "")])
def test_a_birth_typed_with_a_two_figure_year_at_any_precision_is_of_the_latest_year_ending_so(typed, written):
    """A field taking partial dates (a birth) reads «3/65» and «65» as the import does, and gives them the century
    a form gives a day: 03/1965, 1965."""
    assert with_full_year(typed, 2026, PARTIAL_FORMS) == written


@pytest.mark.parametrize("typed", ["khoảng", "khoảng ", "~", "k."])
def test_the_approximate_word_without_a_year_is_refused_with_what_to_write(typed):
    """«khoảng» alone (a death's year being typed, or a file's cell) is said to lack its year, not taken for
    no date at all."""
    with pytest.raises(RowProblem, match=f"^«{re.escape(typed.strip())}» thiếu năm; ghi ví dụ «khoảng 1970»$"):
        parse_partial(typed, approximate=True)


@pytest.mark.parametrize(("typed", "written"), [
    ("65", "1965"), ("27", "1927"), ("26", "2026"), ("năm 75", "1975"), ("3/65", "3/65"), ("12/3/65", "12/3/65"),
    ("1965", "1965"), ("6", "6"), ("", "")])
def test_a_year_alone_typed_with_two_figures_is_of_the_latest_year_ending_so(typed, written):
    """A field of a year alone (an appraisal's «Năm») reads «65» as a birth does, 1965; a month or a day is no
    value of it, and stays as typed to be said wrong."""
    assert with_full_year(typed, 2026, YEAR_FORM) == written


@pytest.mark.parametrize(("typed", "written"), [
    ("khoảng 65", "khoảng 1965"), ("khoang 3/65", "khoang 3/1965"), ("k. 65", "k. 1965"), ("~65", "~1965"),
    ("Khoảng  27", "Khoảng  1927"), ("khoảng 1965", "khoảng 1965"), ("khoảng", "khoảng"), ("65", "1965")])
def test_an_approximate_year_with_two_figures_keeps_its_word_as_written_and_is_given_its_century(typed, written):
    """«khoảng 65» in a death's year (a field taking approximate dates) is «khoảng 1965»: the word as the officer
    wrote it, the year by the rule of a birth."""
    assert with_full_year(typed, 2026, PARTIAL_FORMS, approximate=True) == written


def test_the_approximate_word_is_kept_only_where_the_field_takes_it():
    assert with_full_year("khoảng 65", 2026, PARTIAL_FORMS) == "khoảng 65"


@pytest.mark.parametrize("typed", ["12/3/56", "3/65", "65", "ngày 12 tháng 3 năm 75", "29/2/00"])
def test_a_form_s_century_is_one_of_the_dates_the_import_tells_for_the_same_text(typed):
    """One rule reads a two-figure year in a form and in a file: what a form writes in full is among the dates an
    import tells the officer to write instead."""
    with pytest.raises(RowProblem) as told:
        parse_partial(typed)
    assert f"«{parse_partial(with_full_year(typed, 2026, PARTIAL_FORMS)).display}»" in str(told.value)


@pytest.mark.parametrize(("typed", "told"), [("45/13/65", "tháng 13 không hợp lệ"),
                                             ("31/2/65", "ngày 31/02/1965 không tồn tại"),
                                             ("29/2/25", "ngày 29/02/2025 không tồn tại")])
def test_a_day_that_does_not_exist_given_its_century_is_still_refused_with_the_usual_words(typed, told):
    with pytest.raises(RowProblem, match=f"^{re.escape(told)}$"):
        parse_date(with_full_year(typed, 2026))

@pytest.mark.parametrize(("parse", "raw", "told"), [
    (parse_date, "12/3/75", "«12/3/75»: năm phải ghi đủ bốn chữ số: «12/03/1975» hoặc «12/03/2075»"),
    (parse_partial, "12/3/26", "«12/3/26»: năm phải ghi đủ bốn chữ số: «12/03/1926» hoặc «12/03/2026»"),
    (parse_date, "ngày 12 tháng 3 năm 75", "«ngày 12 tháng 3 năm 75»: năm phải ghi đủ bốn chữ số: «12/03/1975» hoặc "
                                           "«12/03/2075»"),
    (parse_partial, "3/75", "«3/75»: năm phải ghi đủ bốn chữ số: «03/1975» hoặc «03/2075»"),
    (parse_partial, "75", "«75»: năm phải ghi đủ bốn chữ số: «1975» hoặc «2075»"),
    (parse_year, "75", "«75»: năm phải ghi đủ bốn chữ số: «1975» hoặc «2075»"),
    (parse_date, "29/2/00", "«29/2/00»: năm phải ghi đủ bốn chữ số: «29/02/2000»"),  # 1900 had no 29/02
])
def test_a_file_s_date_with_a_two_figure_year_is_refused_with_both_centuries_it_may_be(parse, raw, told):
    """The spec reads a cell's text as dd/mm/yyyy: an import must not guess the century of «12/3/75» (a form
    does, `with_full_year`), but tells the officer what to write."""
    with pytest.raises(RowProblem, match=f"^{re.escape(told)}$"):
        parse(raw)


@pytest.mark.parametrize(("parse", "raw", "told"), [
    (parse_date, "3/75", "«3/75»: năm phải ghi đủ bốn chữ số; ghi dd/mm/yyyy"),  # a month is no day
    (parse_date, "31/2/75", "«31/2/75»: năm phải ghi đủ bốn chữ số; ghi dd/mm/yyyy"),  # in no century
    (parse_year, "12/3/75", "«12/3/75»: năm phải ghi đủ bốn chữ số; ghi yyyy"),
    (parse_date, "75", "«75» không phải ngày tháng; ghi dd/mm/yyyy"),  # two figures alone are a year only where
    (parse_date, 75, "«75» không phải ngày tháng; ghi dd/mm/yyyy"),    # a year is a value of the field
])
def test_a_two_figure_year_no_century_makes_a_value_of_the_field_is_told_with_the_field_s_forms(parse, raw, told):
    with pytest.raises(RowProblem, match=f"^{re.escape(told)}$"):
        parse(raw)


@pytest.mark.parametrize("raw, iso", [
    ("ngày 12 tháng 3 năm 1975", "1975-03-12"), ("12 tháng 03 năm 1975", "1975-03-12"),
    ("Ngày 12/3/1975", "1975-03-12"), ("tháng 3 năm 1975", "1975-03"), ("Tháng 3/1975", "1975-03"),
    ("năm 1975", "1975"), ("Năm 1975", "1975"),
])
def test_a_date_written_out_in_words_as_old_lists_and_ly_lich_write_it_is_read(raw, iso):
    """«ngày 12 tháng 3 năm 1975», «tháng 3/1975», «năm 1975»: the words say the figures' places."""
    assert parse_partial(raw).iso == iso
    if len(iso) == 10:
        assert parse_date(raw) == dt.date.fromisoformat(iso)
    if len(iso) == 4:
        assert parse_year(raw) == 1975


@pytest.mark.parametrize("raw", ["năm", "tháng 3", "ngày 12 tháng 3", "năm 1975 tháng 3", "Nam 1975"])
def test_words_around_no_whole_date_are_still_refused_in_the_officer_s_words(raw):
    """Only the words with their accents are read: «Nam» is a sex, not «năm»."""
    with pytest.raises(RowProblem, match=f"«{raw}» không phải ngày tháng"):
        parse_partial(raw)
