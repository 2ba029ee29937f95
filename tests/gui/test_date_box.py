"""The one box for a day: typed as officers write it and taken exactly as typed, a text that is no
day marked and told while the last day is kept, or a day picked on its calendar."""

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtTest import QTest

from bvct_desktop.gui.date_box import DateBox, period_taken, tell_reversed
from bvct_desktop.gui.qt import QDate, Qt, QWidget
from tests.gui.shell_support import type_day


@pytest.fixture
def box(qtbot) -> Iterator[DateBox]:
    window = QWidget()
    qtbot.addWidget(window)
    shown = DateBox(window)
    shown.setAccessibleName("Từ ngày")
    shown.set_day(dt.date(2026, 12, 5))
    QWidget(window).setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # where Tab goes on to
    yield shown


def taken(box: DateBox) -> tuple[list, list]:
    days, refusals = [], []
    box.day_changed.connect(days.append)
    box.refused.connect(refusals.append)
    return days, refusals


@pytest.mark.parametrize("typed", ["01/07/2025", "1/7/2025", "01.07.2025", "1-7-2025"])
def test_a_day_typed_key_by_key_is_taken_as_typed(qtbot, box, typed):
    days, refusals = taken(box)
    type_day(qtbot, box, typed)
    assert box.day() == dt.date(2025, 7, 1) and box.text() == "01/07/2025"
    assert days == [dt.date(2025, 7, 1)] and refusals == []


def test_a_text_that_is_no_day_is_marked_told_and_the_last_day_kept_until_put_right(qtbot, box):
    days, refusals = taken(box)
    type_day(qtbot, box, "31/02/2025")
    assert refusals == ["Từ ngày «31/02/2025»: ngày 31/02/2025 không tồn tại."]
    assert box.problem() == "Từ ngày «31/02/2025»: ngày 31/02/2025 không tồn tại"
    assert box.day() == dt.date(2026, 12, 5) and "border" in box.styleSheet() and days == []
    type_day(qtbot, box, "1/7/25")
    assert refusals[-1] == "Từ ngày «1/7/25»: «1/7/25»: năm phải ghi đủ bốn chữ số: «01/07/1925» hoặc «01/07/2025»."
    type_day(qtbot, box, "05/12/2026")  # the same day again: put right, and told so
    assert box.problem() is None and box.styleSheet() == "" and days == [dt.date(2026, 12, 5)]


def test_an_empty_box_is_refused_unless_it_may_be_empty(qtbot, box):
    days, refusals = taken(box)
    box.clear()
    assert not box.take_typed()
    assert refusals == ["Từ ngày: chưa ghi ngày; ghi dd/mm/yyyy."] and box.day() == dt.date(2026, 12, 5)
    box.may_be_empty = True
    assert box.take_typed() and box.day() is None and days == [None]


def test_a_day_picked_on_the_calendar_opened_from_the_keyboard(qtbot, box):
    days, _refusals = taken(box)
    box.window().show()
    QTest.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = box.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2026, 12, 5)
    calendar.clicked.emit(QDate(2025, 7, 1))
    assert not calendar.isVisible() and box.day() == dt.date(2025, 7, 1) and box.text() == "01/07/2025"
    assert days == [dt.date(2025, 7, 1)]


def test_a_period_that_ends_before_it_starts_is_told_on_its_end_and_neither_box_changes(qtbot, box):
    end = DateBox(box.window())
    end.setAccessibleName("Đến ngày")
    end.set_day(dt.date(2026, 12, 31))
    told = []
    end.refused.connect(told.append)
    tell_reversed(box, end)
    box.set_day(dt.date(2027, 1, 15))
    assert (box.day(), end.day()) == (dt.date(2027, 1, 15), dt.date(2026, 12, 31))
    assert told == ["Đến ngày 31/12/2026 trước từ ngày 15/01/2027: kỳ phải kết thúc cùng ngày hoặc sau ngày bắt đầu."]
    assert not period_taken(box, end)
    box.set_day(dt.date(2026, 1, 1))  # the start put right: the end's mark goes
    assert end.problem() is None and period_taken(box, end)
