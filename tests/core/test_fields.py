"""A field's declaration parses its cells: required, choices, identity numbers, lengths."""

import datetime as dt
from decimal import Decimal

import pytest

from bvct_desktop.core import audit_words
from bvct_desktop.core.errors import RowProblem
from bvct_desktop.core.fields import (
    LONG_TEXT,
    NO,
    YES,
    Field,
    FieldType,
    after,
    dates_ahead,
    dates_ahead_in_file,
    order_problems,
    ordered_dates,
    yes_no,
)
from bvct_desktop.core.kinds import ARCHIVE_REQUESTS, CADRES, COMPLAINTS, DELEGATIONS, RELATIVES, SLIPS
from bvct_desktop.core.plans.flags import DECEASED

CCCD = CADRES.field("cccd")
CMND = CADRES.field("cmnd")
GENDER = CADRES.field("gender")


def test_numeric_cccd_cell_gets_back_its_leading_zero():
    assert CCCD.parse(60065001234) == "060065001234"
    assert CCCD.parse(60065001234.0) == "060065001234"
    assert CCCD.parse("060 065 001 234") == "060065001234"


@pytest.mark.parametrize("raw", ["06006500123", "0600650012345", "06006500123A", 1234567890123])
def test_cccd_must_be_twelve_digits(raw):
    with pytest.raises(RowProblem, match="12 chữ số|chữ số"):
        CCCD.parse(raw)


@pytest.mark.parametrize("raw", ["060 065 00x 234", "06006500123A"])
def test_a_cccd_that_is_no_digits_is_quoted_as_written(raw):
    with pytest.raises(RowProblem) as refused:
        CCCD.parse(raw)
    assert refused.value.message == f"«{raw}» phải là dãy chữ số"


@pytest.mark.parametrize("spec, raw, told", [
    (CCCD, "60185000777", "số CCCD «60185000777» phải có đúng 12 chữ số (có 11)"),
    (CMND, "26123456", "số CMND «26123456» phải có 9 hoặc 12 chữ số (có 8)"),
])
def test_a_number_written_as_text_one_digit_short_is_told_its_lost_leading_zero(spec, raw, told):
    """An old list's number typed in a General column lost its leading 0, then was copied as text: the
    officer is told what to write instead."""
    with pytest.raises(RowProblem) as refused:
        spec.parse(raw)
    assert refused.value.message == (f"{told}; có lẽ Excel đã bỏ số 0 ở đầu: nếu vậy, hãy ghi «0{raw}» "
                                     "và định dạng cột là văn bản (Text)")


def test_old_cmnd_has_nine_digits_padded_from_a_number():
    assert CMND.parse(26123456) == "026123456"
    assert CMND.parse("260123456") == "260123456"
    with pytest.raises(RowProblem):
        CMND.parse("2601234")


def test_choices_match_ignoring_case_and_accents_and_store_the_canonical_value():
    assert GENDER.parse("nu") == "Nữ"
    assert GENDER.parse("NAM") == "Nam"
    with pytest.raises(RowProblem, match="chọn một trong: Nam, Nữ"):
        GENDER.parse("Khác")


@pytest.mark.parametrize("spec, forms", [
    (SLIPS.field("issued_on"), "dd/mm/yyyy"),
    (SLIPS.field("result_on"), "dd/mm/yyyy"),
    (CADRES.field("birth_date"), "dd/mm/yyyy, mm/yyyy hoặc yyyy"),
    (RELATIVES.field("abroad_since"), "yyyy"),
])
def test_a_value_that_is_no_date_is_told_only_the_forms_its_field_takes(spec, forms):
    """The value quoted as the cell shows it, a number too (23813 in General format, 12,5); a date's
    serial number in a date column is told as the date it stands for (dates.py)."""
    serial = (f"«23813» không phải ngày tháng; ghi {forms}" if forms == "yyyy" else
              "«23813» không phải ngày tháng: có lẽ là ngày 12/03/1965 ghi trong ô không định dạng ngày; "
              "hãy định dạng ô là ngày hoặc ghi 12/03/1965")
    for raw, told in (("xx", f"«xx» không phải ngày tháng; ghi {forms}"),
                      (12.5, f"«12,5» không phải ngày tháng; ghi {forms}"),
                      (23813, serial), (23813.0, serial)):
        with pytest.raises(RowProblem) as problem:
            spec.parse(raw)
        assert problem.value.message == told


def test_required_cells_may_not_be_empty():
    with pytest.raises(RowProblem, match="bắt buộc"):
        CADRES.field("full_name").parse("  ")
    assert CADRES.field("position").parse(None) is None


@pytest.mark.parametrize("raw", ["\u200b", "\ufeff", "\u00a0\u200b \u00a0", "\u2060\u00ad\u200c\u200d"])
def test_a_required_cell_of_invisible_characters_only_is_empty(raw):
    """What is cleaned away leaves nothing: the cell is empty, for a form, a file and a column alike."""
    for spec in (COMPLAINTS.field("summary"), COMPLAINTS.field("received_on"), COMPLAINTS.field("complaint_kind")):
        with pytest.raises(RowProblem, match="^bắt buộc, không được để trống$"):
            spec.parse(raw)
        assert spec.parse_column([raw]) == ([None], {0: "bắt buộc, không được để trống"})
    assert COMPLAINTS.field("sender").parse(raw) is None


def test_text_is_cleaned_and_numbers_become_their_digits():
    assert SLIPS.field("number").parse(12.0) == "12"
    assert CADRES.field("full_name").parse(" Nguyễn  Văn  Hoà ") == "Nguyễn Văn Hòa"


def test_a_name_pasted_with_a_zero_width_space_between_words_is_typed_and_imported_alike():
    name = CADRES.field("full_name")
    pasted = "Nguyễn\u00a0Thị\u200bHoà"
    values, problems = name.parse_column([pasted])
    assert name.parse(pasted) == values[0] == "Nguyễn Thị Hòa" and problems == {}


def test_a_five_megabyte_cell_is_refused():
    with pytest.raises(RowProblem, match="quá dài"):
        CADRES.field("note").parse("x" * 5_000_000)


def test_a_long_text_is_measured_as_excel_counts_a_cell_an_emoji_or_a_rare_character_two():
    summary = COMPLAINTS.field("summary")
    with pytest.raises(RowProblem) as caught:
        summary.parse("ồ" * 31_000 + "📎" * 1_000)
    assert caught.value.message == "quá dài (33.000 ký tự, mỗi emoji hay chữ hiếm tính là 2 như Excel; tối đa 32.767)"
    assert summary.parse_column(["𠀋" * 16_384]) == ([None], {0: "quá dài (32.768 ký tự, mỗi emoji hay chữ hiếm "
                                                              "tính là 2 như Excel; tối đa 32.767)"})
    assert summary.parse("ồ" * LONG_TEXT) == "ồ" * LONG_TEXT
    assert summary.parse("ồ" * (LONG_TEXT - 2) + "📎") == "ồ" * (LONG_TEXT - 2) + "📎"


def test_a_short_text_is_measured_in_characters_its_column_holds():
    name = CADRES.field("full_name")
    typed = "Nguyễn Văn 📎" + "a" * (name.max_length - 12)
    assert len(typed) == name.max_length and name.parse(typed) == typed


CELLS = ["  Nguyễn  Văn A ", "Tran  Van\tB", " ", "", None, "x" * 1_001, "0600 9912 3456", "060099123456",
         "06009912345", "123456789", "１２３４５６７８９０１２", 60099123456, 60099123456.0, "12/03/1955", "1955",
         "a\u200bb", "\x0bsố\x0c", "0123", 12.5, dt.date(1955, 3, 12), dt.date(1, 1, 1), dt.datetime(1955, 3, 12, 8)]


@pytest.mark.parametrize("spec", [spec for kind in (CADRES, SLIPS) for spec in kind.fields])
def test_a_column_is_parsed_as_its_cells_one_by_one(spec):
    values, problems = spec.parse_column(CELLS)
    for index, raw in enumerate(CELLS):
        try:
            assert values[index] == spec.parse(raw) and index not in problems
        except RowProblem as problem:
            assert values[index] is None and problems[index] == problem.message


def test_a_date_of_what_has_happened_is_ahead_only_when_wholly_after_today():
    today = dt.date(2026, 12, 2)
    assert after(dt.date(2026, 12, 3), today) and not after(today, today)
    assert after("2027", today) and not after("2026", today)  # a year: from its first day
    assert after("2027-01", today) and not after("2026-12", today)
    assert after("2026-12-03", today) and not after("2026-12-02", today)


@pytest.mark.parametrize(("stored", "cell"), [
    ("1899-03-12", "12/03/1899"), ("1899-03", "03/1899"), ("1899", "1899"), ("1900-02-28", "28/02/1900"),
    ("1900-03-01", dt.date(1900, 3, 1)), ("1965-03", "03/1965")])
def test_a_workbook_cell_holds_a_date_only_where_excel_has_one(stored, cell):
    """Excel's date cells count a 29/02/1900 that never was: a day before 01/03/1900 is its text."""
    assert SLIPS.field("birth_date").to_cell(stored) == cell


def test_a_full_date_before_excel_s_dates_is_its_text_too():
    assert SLIPS.field("issued_on").to_cell(dt.date(1899, 12, 31)) == "31/12/1899"
    assert SLIPS.field("issued_on").to_cell(dt.date(2025, 3, 4)) == dt.date(2025, 3, 4)


@pytest.mark.parametrize(("birth", "since", "refused"), [
    ("2005", 1990, True), ("2005-06", 2005, False), ("1992-04-30", 2015, False), (None, 1990, False)])
def test_a_relative_abroad_since_before_being_born_is_refused(birth, since, refused):
    """«Từ năm» is a year alone, compared with the year of the relative's birth date, however precise."""
    values = {"birth_date": birth, "abroad_since": since}
    assert bool(RELATIVES.order_problems(values)) is refused


@pytest.mark.parametrize(("kind", "values", "told"), [
    (SLIPS, {"issued_on": dt.date(2026, 1, 10), "result_on": dt.date(2026, 1, 5)},
     "Ngày nhận kết quả (05/01/2026) trước Ngày phát hành (10/01/2026): hãy xem lại một trong hai ngày"),
    (DELEGATIONS, {"depart_on": dt.date(2026, 5, 5), "return_on": dt.date(2026, 5, 1)},
     "Ngày về (01/05/2026) trước Ngày đi (05/05/2026): hãy xem lại một trong hai ngày"),
    (RELATIVES, {"birth_date": "1955-05", "abroad_since": 1930},
     "Từ năm (1930) trước Ngày sinh (05/1955): hãy xem lại một trong hai ngày")])
def test_a_date_before_the_one_it_cannot_precede_names_both_as_written(kind, values, told):
    """The officer sees which two dates disagree, as written, and that either may be the mistyped one."""
    assert [problem.message for problem in kind.order_problems(values)] == [told]


PERSON_NAMES = [(CADRES, "full_name"), (SLIPS, "full_name"), (SLIPS, "father_name"), (SLIPS, "mother_name"),
                (SLIPS, "spouse_name"), (SLIPS, "vetted_name"), (COMPLAINTS, "subject_name"),
                (DELEGATIONS, "full_name"), (ARCHIVE_REQUESTS, "full_name"), (RELATIVES, "cadre_name"),
                (RELATIVES, "full_name")]


@pytest.mark.parametrize(("kind", "key"), PERSON_NAMES)
def test_a_full_stop_typed_after_a_person_s_name_is_no_part_of_it(kind, key):
    """«HOÀNG VĂN NAM.» in an old list is Hoàng Văn Nam: kept with the dot, he was a second person."""
    spec = kind.field(key)
    assert spec.parse("  HOÀNG  VĂN   NAM. ") == "HOÀNG VĂN NAM"
    assert spec.parse("Le Van Tam ..") == "Le Van Tam"
    assert spec.parse_column(["Lê Văn Đức.", "Le Van Duc."]) == (["Lê Văn Đức", "Le Van Duc"], {})


def test_other_texts_keep_their_full_stop():
    assert CADRES.field("note").parse("Đã chuyển công tác.") == "Đã chuyển công tác."
    assert CADRES.field("position").parse_column(["Phó Trưởng phòng TC."]) == (["Phó Trưởng phòng TC."], {})


SINCE = Field("since", "Từ", FieldType.PARTIAL_DATE)
UNTIL = Field("until", "Đến", FieldType.PARTIAL_DATE, not_before="since", empty_means="nay")


@pytest.mark.parametrize(("since", "until", "refused"), [
    ("1998-03", "1998", False), ("1998", "1998-03", False), ("1998-03-15", "1998-03", False),
    ("1998-03", "1998-02", True), ("1998-03-15", "1998-03-14", True), ("1999", "1998-12", True)])
def test_partial_dates_are_ordered_at_the_precision_both_have(since, until, refused):
    """From 03/1998 to 1998 may well be true (the period ended later that year); to 02/1998 cannot."""
    assert bool(order_problems(ordered_dates((SINCE, UNTIL)), {"since": since, "until": until})) is refused


def test_an_empty_date_that_means_now_reads_and_may_be_typed_as_now():
    """A period still running: «Đến» left empty reads «nay», and «nay» (or «Nay», «NAY») typed is left empty."""
    assert UNTIL.display(None) == "nay" and SINCE.display(None) == ""
    assert UNTIL.parse(" Nay ") is None and UNTIL.parse("NAY") is None
    assert UNTIL.parse("03/2001") == "2001-03"


COEFFICIENT = Field("coefficient", "Hệ số", FieldType.DECIMAL)


@pytest.mark.parametrize("raw", ["4,98", "4.98", " 4,98 ", 4.98, Decimal("4.98")])
def test_a_decimal_is_kept_exactly_as_written_and_shown_with_a_comma(raw):
    """A salary coefficient as a form writes it (4,98), a sheet's number or a float: the same exact value."""
    assert COEFFICIENT.parse(raw) == "4.98"
    assert COEFFICIENT.display("4.98") == "4,98"


def test_a_decimal_keeps_two_places_the_way_a_coefficient_is_written():
    assert [COEFFICIENT.parse(raw) for raw in ("10", "2,3", "0,5", "4,980")] == ["10.00", "2.30", "0.50", "4.98"]
    assert COEFFICIENT.display("10.00") == "10,00"


@pytest.mark.parametrize(("raw", "told"), [
    ("4,985", "«4,985» có quá 2 chữ số sau dấu phẩy"), ("bốn", "«bốn» phải là một số, ví dụ 4,98"),
    ("-1", "«-1» phải lớn hơn 0"), ("1.234,5", "«1.234,5» phải là một số, ví dụ 4,98")])
def test_a_decimal_that_is_no_coefficient_is_told_as_written(raw, told):
    with pytest.raises(RowProblem) as caught:
        COEFFICIENT.parse(raw)
    assert caught.value.message == told


LONG_TEXTS = [spec for kind in (CADRES, COMPLAINTS) for spec in kind.fields if spec.max_length >= LONG_TEXT]


@pytest.mark.parametrize("spec", LONG_TEXTS, ids=lambda spec: spec.key)
def test_a_long_text_keeps_the_lines_typed_in_a_form_or_a_cell(spec):
    typed = "Đơn phản ánh:\r\n- việc  hoà giải\r\n\r\n\r\n- chưa xong\n"
    kept = "Đơn phản ánh:\n- việc hòa giải\n\n- chưa xong"
    assert spec.parse(typed) == kept
    assert spec.parse_column([typed, "Ghi\nchú"]) == ([kept, "Ghi\nchú"], {})


@pytest.mark.parametrize("spec", [CADRES.field("full_name"), SLIPS.field("number"), COMPLAINTS.field("sender")],
                         ids=lambda spec: spec.key)
def test_any_other_text_is_one_line(spec):
    assert spec.parse("Nguyễn Văn\nHoà") == "Nguyễn Văn Hòa"
    assert spec.parse_column(["Nguyen\r\nVan A"]) == (["Nguyen Van A"], {})


@pytest.mark.parametrize("spec, raw, digits", [(CCCD, "'060070001236", "060070001236"),
                                               (CMND, "'026123456", "026123456")])
def test_an_identity_number_kept_as_text_with_excels_apostrophe_is_its_digits(spec, raw, digits):
    assert spec.parse(raw) == digits


@pytest.mark.parametrize("spec, raw", [(CCCD, "7.9E+11"), (CCCD, "6,00700E+10"), (CMND, "2.61E+08")])
def test_a_number_excel_wrote_in_scientific_form_is_told_its_digits_are_lost(spec, raw):
    """A list saved as CSV and opened again keeps «7.9E+11» as text: the digits after the first few are gone,
    and only the paper record can give them back."""
    with pytest.raises(RowProblem) as refused:
        spec.parse(raw)
    assert refused.value.message == (f"«{raw}» là số Excel viết dạng lũy thừa, các chữ số đã bị mất; hãy ghi lại "
                                     "đủ các chữ số (theo hồ sơ) và định dạng cột là văn bản (Text)")


def test_a_yes_no_field_is_told_and_read_back_in_the_words_it_offers():
    """A TRUE/FALSE cell, the audit trail's old and new value, the flag stored from the form: its two choices."""
    deceased = RELATIVES.field("deceased")
    assert deceased.choices == (YES, NO) == (yes_no(True), yes_no(False))
    assert [deceased.parse(flag) for flag in (True, False)] == [YES, NO]
    assert [audit_words.value_text("deceased", flag) for flag in (True, False)] == [YES, NO]
    assert [DECEASED.stored({"deceased": word}) for word in deceased.choices] == [True, False]
    with pytest.raises(RowProblem, match="«Đã mất» là Không nhưng lại ghi năm mất"):
        DECEASED.stored({"deceased": NO, "death_date": "1972"})


AHEAD_DAY = dt.date(2026, 12, 2)
TRIP_AHEAD = {"decision_on": dt.date(2026, 11, 20), "depart_on": dt.date(2027, 1, 5),
              "report_received_on": dt.date(2027, 1, 20)}
AHEAD_TOLD = "ở sau hôm nay (02/12/2026): hãy xem lại, có thể đã gõ nhầm năm (hoặc đồng hồ của máy tính chưa đúng)"


def test_a_form_quotes_the_date_of_what_has_happened_that_lies_ahead():
    """Ngày đi is planned and may lie ahead; the report received after today is most likely a mistyped year."""
    told = dates_ahead(DELEGATIONS.fields, TRIP_AHEAD, AHEAD_DAY)
    assert [(problem.header, problem.message) for problem in told] == [
        ("report_received_on", f"«20/01/2027» {AHEAD_TOLD}")]


@pytest.mark.parametrize(("spec", "value", "said"), [
    (DELEGATIONS.field("report_received_on"), dt.date(2027, 1, 20), "ngày ghi"),
    (RELATIVES.field("abroad_since"), 2027, "năm ghi")])
def test_an_import_names_a_date_ahead_by_what_it_is_the_same_words_on_every_row(spec, value, said):
    """The file's cell shows the date: its rows are told together, «ngày ghi» (or «năm ghi» of a year)."""
    told = dates_ahead_in_file([spec], {spec.key: value}, AHEAD_DAY)
    assert [(problem.header, problem.message) for problem in told] == [(spec.key, f"{said} {AHEAD_TOLD}")]


def test_a_date_on_or_before_today_is_not_told_ahead_by_either():
    spec = DELEGATIONS.field("report_received_on")
    for told in (dates_ahead, dates_ahead_in_file):
        assert told([spec], {spec.key: AHEAD_DAY}, AHEAD_DAY) == []
