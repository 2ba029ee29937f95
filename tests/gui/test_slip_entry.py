"""Typing a pile of slips from the paper register by keyboard alone: days typed as officers type them, the
recipient found by a few letters of its code, «Lưu và thêm mới» carrying the day sent, the recipient and the
purpose to the next slip with its number proposed."""

import datetime as dt

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtTest import QTest

from bvct_desktop.core import editing
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.inputs import read_input
from bvct_desktop.gui.qt import QApplication, Qt
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.shell_support import FakeClock, active, type_day, type_text

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures

A93, PV27 = "Cục A93B – Bộ Công an", "Phòng PV27 – Công an tỉnh Bình Thuận"


@pytest.fixture
def clock() -> FakeClock:
    """A day of 2026 in the office, after the slips of the pile typed in."""
    return FakeClock(dt.datetime(2026, 6, 15, 9, 30))


@pytest.fixture
def form(qtbot, context):
    shown = open_form(context, "slips", None)
    qtbot.addWidget(shown)
    shown.show()
    active(qtbot, shown)
    return shown


@pytest.mark.parametrize(("typed", "read"), [("12032026", "12/03/2026"), ("12/3/26", "12/03/2026"),
                                             ("1.3.2026", "01/03/2026"), ("1-3-2026", "01/03/2026")])
def test_a_day_typed_as_officers_type_it_is_shown_in_full_on_leaving_the_box(qtbot, form, typed, read):
    type_day(qtbot, form.inputs["issued_on"], typed)
    assert form.inputs["issued_on"].text() == read
    assert not form.errors["issued_on"].isVisible()


@pytest.mark.parametrize(("typed", "read"), [("3/1955", "03/1955"), ("1955", "1955"), ("5.3.1955", "05/03/1955")])
def test_a_birth_date_is_shown_in_full_at_its_own_precision(qtbot, form, typed, read):
    type_day(qtbot, form.inputs["birth_date"], typed)
    assert form.inputs["birth_date"].text() == read


@pytest.mark.parametrize(("key", "typed", "read"), [("birth_date", "12/3/56", "12/03/1956"),
                                                    ("birth_date", "3/65", "03/1965"), ("birth_date", "65", "1965"),
                                                    ("father_birth_date", "27", "1927")])
def test_a_birth_with_a_two_digit_year_is_of_the_latest_year_ending_so_at_its_own_precision(qtbot, form, key,
                                                                                            typed, read):
    """A birth is read as the import reads «12/3/56», «3/65», «65», and given the century a day is given (2026 is
    the office's year): none is born in a year not yet come."""
    type_day(qtbot, form.inputs[key], typed)
    assert form.inputs[key].text() == read
    assert not form.errors[key].isVisible()


@pytest.mark.parametrize(("typed", "read"), [("khoang 65", "khoảng 1965"), ("k. 3/65", "khoảng 03/1965"),
                                             ("~27", "khoảng 1927"), ("65", "1965")])
def test_a_death_year_typed_with_two_figures_is_given_its_century_and_stays_approximate(qtbot, form, typed, read):
    """«Năm mất» of a slip's subject typed «khoang 65» is «khoảng 1965», as a birth's «65» is 1965 (typed in
    letters without accents: the test's keys are no Vietnamese keyboard)."""
    type_day(qtbot, form.inputs["death_date"], typed)
    assert form.inputs["death_date"].text() == read
    assert not form.errors["death_date"].isVisible()


def test_a_day_that_does_not_exist_stays_as_typed_and_is_said_wrong(qtbot, form):
    type_day(qtbot, form.inputs["issued_on"], "31022026")
    assert form.inputs["issued_on"].text() == "31022026"
    assert form.errors["issued_on"].isVisible()


def test_a_day_with_a_two_digit_year_that_does_not_exist_shows_its_century_and_is_said_not_to_exist(qtbot, form):
    """«31/2/65» is told as any day that does not exist, not as no day at all: the form takes two-digit years."""
    type_day(qtbot, form.inputs["issued_on"], "31/2/65")
    assert form.inputs["issued_on"].text() == "31/2/1965"
    assert form.errors["issued_on"].text() == "Ngày phát hành: ngày 31/02/1965 không tồn tại"

@pytest.mark.parametrize(("typed", "unit"), [("a93", A93), ("pv27", PV27), ("PV27", PV27)])
def test_the_recipient_is_found_by_a_few_letters_of_its_code(qtbot, form, typed, unit):
    box = form.inputs["recipient"]
    box.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(box.lineEdit(), typed)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert read_input(box) == unit


def test_a_new_unit_typed_in_words_stays_as_typed(qtbot, form):
    """«Bộ Công an» is in the name of Cục A93B, yet it is a unit of its own the officer may send to."""
    box = form.inputs["recipient"]
    box.setFocus(Qt.FocusReason.TabFocusReason)
    type_text(box.lineEdit(), "Bộ Công an")
    QTest.keyClick(box.lineEdit(), Qt.Key.Key_Tab)
    assert read_input(box) == "Bộ Công an"


def test_lưu_và_thêm_mới_saves_and_opens_the_next_slip_with_the_pile_s_own_values(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.new_record()
    first = page.forms[None]
    active(qtbot, first)
    support.fill(first, {"number": "0099/PXM", "issued_on": "10/02/2026", "full_name": "Lý Văn Sáu",
                         "birth_date": "1960", "purpose": "Bổ nhiệm", "recipient": PV27, "note": "Gửi bảo đảm"})
    QTest.keyClick(first, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert first.record_id is not None and editing.load(context.db, "slips", first.record_id)["full_name"] == \
        "Lý Văn Sáu"
    following = page.forms[None]
    assert following is not first and not first.isVisible() and following.isVisible()
    shown = {key: value for key, value in support.shown_values(following).items() if value}
    assert shown == {"number": "0100/PXM", "issued_on": "10/02/2026", "purpose": "Bổ nhiệm", "recipient": PV27}
    assert following.focusWidget() is following.inputs["full_name"]
    assert following.save_next_button.isVisible() and not following.is_dirty()


def _number_proposed_after(qtbot, context, number: str) -> str:
    """The number «Lưu và thêm mới» proposes to the slip after one of 10/02/2026 numbered ``number``."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.new_record()
    first = page.forms[None]
    support.fill(first, {"number": number, "issued_on": "10/02/2026", "full_name": "Lý Văn Sáu", "recipient": A93})
    first.save_next_button.click()
    return read_input(page.forms[None].inputs["number"])


def test_a_number_with_no_figure_to_count_on_is_left_for_the_officer(qtbot, context):
    assert _number_proposed_after(qtbot, context, "PXM-A") == ""


def _slip_of_2026(context, number: str, issued_on: str) -> None:
    editing.save(context.db, "slips", {"number": number, "issued_on": issued_on, "full_name": "Lý Văn Sáu",
                                       "relation": "Bản thân", "recipient": A93})


def test_on_the_second_of_january_a_new_slip_s_form_suggests_the_first_number_of_the_new_year(qtbot, context, clock):
    _slip_of_2026(context, "41/2026", "30/12/2026")
    clock.now = dt.datetime(2027, 1, 2, 8, 0)
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    assert read_input(form.inputs["number"]) == "1/2027" and not form.is_dirty()
    type_day(qtbot, form.inputs["issued_on"], "31/12/26")  # a slip of last year typed late
    assert read_input(form.inputs["number"]) == "42/2026"


def test_a_number_the_officer_typed_stays_whatever_the_issue_date(qtbot, context, clock):
    _slip_of_2026(context, "41/2026", "30/12/2026")
    clock.now = dt.datetime(2027, 1, 2, 8, 0)
    form = open_form(context, "slips", None)
    qtbot.addWidget(form)
    support.fill(form, {"number": "7/2027"})
    type_day(qtbot, form.inputs["issued_on"], "31/12/26")
    assert read_input(form.inputs["number"]) == "7/2027"


def test_a_form_not_opened_by_thêm_offers_no_lưu_và_thêm_mới(qtbot, form):
    assert form.save_next_button.isHidden()



def test_fifty_slip_forms_opened_and_closed_leave_no_recipient_box_listening(qtbot, context):
    """A closed form stays the register's child: its recipient box must not go on being told of every focus change."""
    focus_changed = SIGNAL("focusChanged(QWidget*,QWidget*)")
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    before = QApplication.instance().receivers(focus_changed)
    for _ in range(50):
        page.new_record()
        form = page.forms[None]
        active(qtbot, form)
        form.inputs["recipient"].setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        form.close()
    assert QApplication.instance().receivers(focus_changed) <= before + 1


def test_the_archives_particulars_are_asked_among_those_they_belong_with(form):
    """Đã mất and Năm mất under Giới tính, then Nơi sinh, Dân tộc … Số CMND after Nơi ở, each parent's year under the
    name, work before 1975 after the family: top to bottom as the printed slip reads, though the files keep them
    last."""
    order = ["gender", "deceased", "death_date", "birth_place", "home_town", "residence", "ethnicity", "religion",
             "cccd", "cmnd", "father_name", "father_birth_date", "mother_name", "mother_birth_date", "spouse_name",
             "spouse_birth_date", "work_before_1975", "place_before_1975", "relation"]
    heights = [form.inputs[key].mapTo(form, form.inputs[key].rect().topLeft()).y() for key in order]
    assert heights == sorted(heights) and len(set(heights)) == len(heights)


def test_lưu_và_thêm_mới_passes_over_a_number_an_older_slip_already_has(qtbot, context):
    """The pile's next number is free in the year of its issue date: the save would refuse one already taken."""
    _slip_of_2026(context, "0100/PXM", "01/02/2026")
    assert _number_proposed_after(qtbot, context, "0099/PXM") == "0101/PXM"
