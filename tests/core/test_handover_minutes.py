"""«Biên bản giao nhận hộ chiếu»: the passports handed out with a delegation (or received back after it), one line
each by holder's name with the holder's unit, the passport's type, number and expiry and the day; the trip said in
words; made for an officer allowed to print, and only of passports received back when it records their return."""

import datetime as dt

import pytest

from bvct_desktop.core import delegation_passports, handover_minutes, passports, settings, users
from bvct_desktop.core.errors import InputError, PermissionDenied
from tests.core.test_delegation_passports import DECISION, VINH, books, head  # noqa: F401 - the fixture
from tests.core.test_passports import HUONG, db, handed, official  # noqa: F401 - the fixture
from tests.sample_db import viewer_database


def test_the_minutes_of_a_delegation_s_hand_out_and_return_list_its_passports_by_holder(db, books):  # noqa: F811
    made = delegation_passports.hand_out(db, DECISION, [books["vinh"], books["huong"]], {"handed_on": "28/03/2025"})
    _office, out = handover_minutes.produce(db, made, back=False)
    assert (out.back, out.on) == (False, dt.date(2025, 3, 28))
    assert out.trip == f"chuyến công tác của «Đoàn công tác Sở Nội vụ» theo Quyết định số {DECISION}"
    assert [(line["full_name"], line["number"], line["handed_on"]) for line in out.lines] == [
        (HUONG, "B7654321", dt.date(2025, 3, 28)), (VINH, "A0001234", dt.date(2025, 3, 28))]
    assert out.lines[1]["expires_on"] == dt.date(2025, 6, 1)
    assert out.due_on == dt.date(2025, 4, 15)  # back on Tuesday 08/04/2025, five working days later
    with pytest.raises(InputError, match="chưa nhận lại"):
        handover_minutes.produce(db, made, back=True)
    closed = delegation_passports.take_back(db, [books["huong"], books["vinh"]], {"returned_on": "10/04/2025"})
    assert sorted(closed) == sorted(made)
    _office, back = handover_minutes.produce(db, closed, back=True)
    assert (back.on, [line["returned_on"] for line in back.lines]) == (dt.date(2025, 4, 10), [dt.date(2025, 4, 10)] * 2)
    assert handover_minutes.named(back)[handover_minutes.COUNTED] == 2


def test_the_minutes_list_the_holders_as_the_decision_lists_them_the_head_first(db, books):  # noqa: F811
    """The officer checks the minutes against the decision line by line: Vinh, head of the delegation, first."""
    head(db, VINH)
    made = delegation_passports.hand_out(db, DECISION, [books["huong"], books["vinh"]], {"handed_on": "28/03/2025"})
    _office, out = handover_minutes.produce(db, made, back=False)
    assert [line["full_name"] for line in out.lines] == [VINH, HUONG]


def test_the_days_to_bring_the_passports_back_are_those_in_force_on_the_return_as_the_deadline_counts_them(
        db, books):  # noqa: F811
    """Handed out on 28/03/2025 while the setting says 5 working days; from 07/04/2025 it says 10: back on
    08/04/2025, the minutes say 10 days and the day they make (22/04/2025), not 5 days and that day."""
    settings.set_setting(db, "han_nop_lai_ho_chieu_ngay", "10", dt.date(2025, 4, 7))
    made = delegation_passports.hand_out(db, DECISION, [books["vinh"], books["huong"]], {"handed_on": "28/03/2025"})
    _office, out = handover_minutes.produce(db, made, back=False)
    assert (out.days, out.due_on) == (10, dt.date(2025, 4, 22))


def test_a_private_trip_is_said_as_such_and_a_viewer_prints_no_minutes(cli, db):  # noqa: F811
    passport = official(db, number="C0012345", kind="Phổ thông")
    handover = handed(db, passport, "01/02/2026", "08/02/2026", passports.PRIVATE)
    _office, minutes = handover_minutes.produce(db, [handover], back=False)
    assert minutes.trip == "chuyến đi việc riêng"
    said = {"trip": passports.WITH_DELEGATION, "decision_no": "12-QĐ/TU"}
    assert [handover_minutes.trip_words({**said, "delegation": name}) for name in (
        "Đoàn học tập tại Nhật Bản", "Học tập tại Nhật Bản", None)] == [
        "chuyến công tác của «Đoàn học tập tại Nhật Bản» theo Quyết định số 12-QĐ/TU",
        "chuyến công tác của Đoàn «Học tập tại Nhật Bản» theo Quyết định số 12-QĐ/TU",
        "chuyến công tác theo Quyết định số 12-QĐ/TU"]
    with pytest.raises(PermissionDenied):
        handover_minutes.produce(viewer_database(cli, db), [handover], back=False)



def test_a_holder_s_unit_is_the_one_written_on_the_delegation_as_its_member_list_prints_it(db, books):  # noqa: F811
    """Members added from the delegation's list have no unit on their cadre's record: the minutes give the unit they
    went for (the member list's «Đơn vị công tác»), as the delegation list does, not an empty cell."""
    made = delegation_passports.hand_out(db, DECISION, [books["vinh"], books["huong"]], {"handed_on": "28/03/2025"})
    _office, out = handover_minutes.produce(db, made, back=False)
    assert [line["unit"] for line in out.lines] == ["Sở Ngoại vụ", "Sở Ngoại vụ"]


def test_a_private_trip_without_a_day_of_return_has_no_deadline_to_state(db):  # noqa: F811
    handover = handed(db, official(db, number="C0012345", kind="Phổ thông"), "01/02/2026", "", passports.PRIVATE)
    _office, minutes = handover_minutes.produce(db, [handover], back=False)
    assert (minutes.days, minutes.due_on) == (5, None)  # in force on the day handed out, the return unknown


def test_the_officer_printing_the_minutes_makes_them_under_the_full_name_of_the_account_else_the_login_name(
        db, books):  # noqa: F811
    made = delegation_passports.hand_out(db, DECISION, [books["vinh"]], {"handed_on": "28/03/2025"})
    assert handover_minutes.produce(db, made, back=False)[1].made_by == db.actor.name
    users.set_full_name(db, db.actor.name, "Nguyễn Văn A")
    assert handover_minutes.produce(db, made, back=False)[1].made_by == "Nguyễn Văn A"
