"""The passport custody register (sổ theo dõi giao, nhận hộ chiếu, brief §1.5): a diplomatic or official
passport comes back within 5 working days of the trip's return; what the officer should know when handing
one out is told as a «Lưu ý», not refused."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from bvct_desktop.core import (
    audit,
    audit_words,
    browse,
    deadlines,
    editing,
    passports,
    recycle_bin,
    settings,
    trip_reports,
)
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.personfile import writes
from bvct_desktop.core.schema import delegations, persons
from tests.sample_db import sample_database, viewer_database

HUNG = "Nguyễn Văn Hùng"  # a cadre (Giám đốc Sở Nội vụ)
HUONG = "Bùi Thị Hương"   # a cadre, head of delegation 125-QĐ/TU (01/04/2025 – 08/04/2025)


@pytest.fixture
def db(cli, tmp_path):
    database = sample_database(cli, tmp_path, kinds=("cadres", "slips", "delegations"))
    yield database
    database.close()


def person(db, full_name: str) -> int:
    with db.read() as connection:
        return connection.execute(select(persons.c.id).where(persons.c.full_name == full_name)).scalar_one()


def official(db, full_name: str = HUNG, number: str = "B1234567", kind: str = "Công vụ", **more) -> int:
    return passports.add_passport(db, person(db, full_name), {
        "passport_type": kind, "number": number, "issued_on": "15/06/2021", "expires_on": "15/06/2031",
        "kept": "Có", **more})


def handed(db, passport_id: int, handed_on: str, trip_return_on: str = "", trip: str = passports.WITH_DELEGATION,
           decision_no: str = "") -> int:
    return passports.hand_out(db, passport_id, {"handed_on": handed_on, "trip": trip, "decision_no": decision_no,
                                                "trip_return_on": trip_return_on})


def due_back(db, returned: dt.date) -> dt.date:
    return deadlines.passport_return_due(returned, settings.settings_history(db))


def test_a_passport_is_due_back_five_working_days_after_the_return_across_a_weekend(db):
    """Back on Thursday 09/04/2026: Friday, then Monday to Thursday — due on 16/04/2026."""
    assert due_back(db, dt.date(2026, 4, 9)) == dt.date(2026, 4, 16)


def test_tet_holidays_are_not_working_days_for_the_handback(db):
    """Back on Thursday 12/02/2026, before Tết Bính Ngọ (16–20/02/2026 off): due on 26/02/2026."""
    assert due_back(db, dt.date(2026, 2, 12)) == dt.date(2026, 2, 26)


def test_the_days_are_those_in_force_on_the_day_of_return(db):
    settings.set_setting(db, "han_nop_lai_ho_chieu_ngay", "10", dt.date(2026, 5, 1))
    assert due_back(db, dt.date(2026, 4, 9)) == dt.date(2026, 4, 16)
    assert due_back(db, dt.date(2026, 5, 7)) == dt.date(2026, 5, 21)


def test_a_passport_not_handed_back_is_overdue_on_the_dashboard_and_in_the_register(db):
    passport = official(db)
    handed(db, passport, "01/04/2026", "09/04/2026")
    assert browse.record_ids(db, "passports", filters=browse.Filters(overdue=True), today=dt.date(2026, 4, 16)) == []
    assert browse.record_ids(db, "passports", filters=browse.Filters(overdue=True),
                             today=dt.date(2026, 4, 17)) == [passport]
    [due] = passports.not_returned(db, dt.date(2026, 4, 17))
    assert (due.record_id, due.title, due.due_on, due.kind) == (
        passport, f"Hộ chiếu công vụ B1234567 – {HUNG}", dt.date(2026, 4, 16), "passports")
    assert due.days_late(dt.date(2026, 4, 17)) == 1
    passports.take_back(db, passport, {"returned_on": "17/04/2026"})
    assert passports.not_returned(db, dt.date(2026, 4, 20)) == []
    assert browse.record_ids(db, "passports", filters=browse.Filters(overdue=True), today=dt.date(2026, 4, 20)) == []


def test_the_register_says_where_each_passport_is(db):
    """On 01/03/2026 (the sample's today): one kept by the office, one out since before Tết and 3 days late,
    and expired — said first, so that a narrow column still shows it."""
    kept, out = official(db), official(db, HUONG, "C7654321", "Phổ thông", expires_on="31/12/2025")
    handed(db, out, "02/02/2026", "12/02/2026", passports.PRIVATE)
    in_custody = browse.Filters(status=passports.IN_CUSTODY)
    assert browse.record_ids(db, "passports", filters=in_custody, today=dt.date(2026, 3, 1)) == [kept]
    [hung] = passports.passports_of(db, person(db, HUNG))
    [huong] = passports.passports_of(db, person(db, HUONG))
    assert (hung["state"], huong["state"]) == (
        passports.IN_CUSTODY,
        "Hết hạn từ 31/12/2025; đã giao ngày 02/02/2026, hạn nộp lại 26/02/2026 (quá hạn 3 ngày)")


def test_a_delegation_named_by_its_decision_gives_the_day_of_return(db):
    """Bùi Thị Hương went with 125-QĐ/TU, back on 08/04/2025 (a Tuesday): her passport is due on 15/04/2025."""
    passport = official(db, HUONG)
    assert passports.handout_doubts(db, passport, {"handed_on": "28/03/2025", "trip": passports.WITH_DELEGATION,
                                                   "decision_no": "125-QĐ/TU"}) == []
    handed(db, passport, "28/03/2025", decision_no="125-qđ/tu")  # as typed in a hurry
    [line] = passports.handovers_of(db, person(db, HUONG))
    assert (line["trip_return_on"], line["due_on"]) == (dt.date(2025, 4, 8), dt.date(2025, 4, 15))
    assert line["delegation_id"] is not None


@pytest.mark.parametrize("kind, told", [
    ("Công vụ", ["Hộ chiếu công vụ không được dùng để đi việc riêng (Luật Xuất cảnh, nhập cảnh 2019); hãy xem lại "
                 "loại hộ chiếu hoặc chuyến đi."]),
    ("Ngoại giao", ["Hộ chiếu ngoại giao không được dùng để đi việc riêng (Luật Xuất cảnh, nhập cảnh 2019); hãy "
                    "xem lại loại hộ chiếu hoặc chuyến đi."]),
    ("Phổ thông", []),
])
def test_a_diplomatic_or_official_passport_for_a_private_trip_is_told_not_refused(db, kind, told):
    passport = official(db, kind=kind)
    private = {"handed_on": "01/07/2026", "trip": passports.PRIVATE, "trip_return_on": "10/07/2026"}
    assert passports.handout_doubts(db, passport, private) == told
    assert handed(db, passport, "01/07/2026", "10/07/2026", passports.PRIVATE)


def test_an_expired_passport_handed_out_is_told(db):
    passport = official(db, expires_on="30/06/2026")
    doubts = passports.handout_doubts(db, passport, {"handed_on": "01/07/2026", "trip": passports.PRIVATE,
                                                     "trip_return_on": "10/07/2026"})
    assert "Hộ chiếu B1234567 đã hết hạn từ ngày 30/06/2026." in doubts
    expiring = passports.handout_doubts(db, passport, {"handed_on": "20/06/2026", "trip": passports.PRIVATE,
                                                       "trip_return_on": "05/07/2026"})
    assert six_months_short("B1234567", "30/06/2026", "20/06/2026") in expiring


def six_months_short(number: str, expires_on: str, leaves_on: str) -> str:
    return (f"Hộ chiếu {number} hết hạn ngày {expires_on}, chưa đủ 6 tháng sau ngày đi {leaves_on}: hộ chiếu phải "
            "còn hạn từ đủ 6 tháng khi xuất cảnh (Luật Xuất cảnh, nhập cảnh 2019, Điều 33); hãy xem lại trước khi "
            "giao.")


def test_a_passport_with_less_than_six_months_left_on_the_day_of_leaving_is_told(db):
    """Điều 33 of the 2019 law lets a citizen leave only on a passport valid six full months more: the day of
    leaving is the delegation's (125-QĐ/TU leaves on 01/04/2025), else the day the passport is handed out."""
    passport = official(db, HUONG, expires_on="30/09/2025")
    with_delegation = {"handed_on": "25/03/2025", "trip": passports.WITH_DELEGATION, "decision_no": "125-QĐ/TU"}
    assert passports.handout_doubts(db, passport, with_delegation) == [
        six_months_short("B1234567", "30/09/2025", "01/04/2025")]
    private = {"handed_on": "25/03/2025", "trip": passports.PRIVATE, "trip_return_on": "28/03/2025"}
    assert passports.handout_doubts(db, official(db, HUNG, "C7654321", "Phổ thông", expires_on="24/09/2025"),
                                    private) == [six_months_short("C7654321", "24/09/2025", "25/03/2025")]
    passports.update_passport(db, passport, {"passport_type": "Công vụ", "number": "B1234567",
                                             "expires_on": "01/10/2025", "kept": "Có"})
    assert passports.handout_doubts(db, passport, with_delegation) == []


def test_a_decision_the_delegations_do_not_have_and_a_trip_without_a_return_are_told(db):
    passport = official(db)
    assert passports.handout_doubts(db, passport, {"handed_on": "01/07/2026", "trip": passports.WITH_DELEGATION,
                                                   "decision_no": "999-QĐ/TU"}) == [
        "Sổ Đoàn ra nước ngoài không có đoàn nào theo quyết định «999-QĐ/TU»: hạn nộp lại tính theo ngày về ghi ở "
        "đây.", "Chưa có ngày về: chưa tính được hạn nộp lại hộ chiếu."]
    assert passports.handout_doubts(db, passport, {"handed_on": "01/07/2026", "trip": passports.WITH_DELEGATION,
                                                   "decision_no": "125-QĐ/TU", "trip_return_on": "08/07/2026"}) == [
        "Người giữ hộ chiếu không có tên trong danh sách thành viên đoàn «Đoàn công tác Sở Nội vụ»."]


VINH = "Đỗ Quang Vinh"  # a member of delegation 125-QĐ/TU, with Bùi Thị Hương


def delegation_changed(db, **changes) -> None:
    """Delegation 125-QĐ/TU saved from its form with `changes`; `not_going` marks Đỗ Quang Vinh «không đi»."""
    with db.read() as connection:
        delegation_id = connection.execute(select(delegations.c.id).where(
            delegations.c.decision_no == "125-QĐ/TU")).scalar_one()
    loaded = editing.load(db, "delegations", delegation_id)
    reason = changes.pop("not_going", None)
    members = [{**member, "not_going": reason if member["full_name"] == VINH else member["not_going"]}
               for member in loaded["members"]]
    editing.save(db, "delegations", {**loaded, **changes, "members": members}, delegation_id, None,
                 loaded[editing.VERSION])


def with_delegation(handed_on: str, decision_no: str = "125-QĐ/TU") -> dict:
    return {"handed_on": handed_on, "trip": passports.WITH_DELEGATION, "decision_no": decision_no}


def test_a_holder_marked_not_going_with_the_delegation_is_told(db):
    delegation_changed(db, not_going="ốm, thay bằng người khác")
    passport = official(db, VINH)
    assert passports.handout_doubts(db, passport, with_delegation("28/03/2025")) == [
        "Người giữ hộ chiếu có tên trong đoàn «Đoàn công tác Sở Nội vụ» nhưng ghi «không đi» (ốm, thay bằng người "
        "khác): hãy xem lại trước khi giao hộ chiếu."]


def test_a_decision_of_a_delegation_called_off_is_told_as_such_not_as_unknown(db):
    delegation_changed(db, status="Hoãn")
    assert passports.handout_doubts(db, official(db, HUONG), with_delegation("28/03/2025")) == [
        "Đoàn «Đoàn công tác Sở Nội vụ» theo quyết định «125-QĐ/TU» ghi tình trạng «Hoãn»: không có chuyến đi để "
        "tính hạn nộp lại; hãy xem lại số quyết định.", "Chưa có ngày về: chưa tính được hạn nộp lại hộ chiếu."]


def test_a_delegation_back_before_the_passport_is_handed_out_is_told(db):
    """125-QĐ/TU came back on 08/04/2025: a passport handed out for it a year later would be overdue at once."""
    assert passports.handout_doubts(db, official(db, HUONG), with_delegation("01/03/2026")) == [
        "Đoàn «Đoàn công tác Sở Nội vụ» đã về ngày 08/04/2025, trước ngày giao 01/03/2026: hạn nộp lại đã qua; hãy "
        "xem lại số quyết định hoặc ngày giao."]


def test_a_passport_out_is_not_handed_out_again_nor_received_before_it_went(db):
    passport = official(db)
    handed(db, passport, "01/04/2026", "09/04/2026")
    with pytest.raises(InputError, match=f"^Hộ chiếu B1234567 đang giao cho {HUNG} từ ngày 01/04/2026, chưa nhận "
                                         "lại: hãy ghi ngày nhận lại"):
        handed(db, passport, "20/04/2026", "25/04/2026")
    with pytest.raises(InputError, match=r"Ngày nhận lại \(31/03/2026\) trước ngày giao \(01/04/2026\)"):
        passports.take_back(db, passport, {"returned_on": "31/03/2026"})


def test_a_passport_received_back_twice_says_when_it_came_back(db):
    """Two officers record the same handback (one at the desk, one from the holder's note): the second is
    told the day already recorded, not only that there is nothing to receive."""
    passport = official(db)
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 không đang giao cho ai: không có gì để nhận lại.$"):
        passports.take_back(db, passport, {"returned_on": "14/04/2026"})
    handed(db, passport, "01/04/2026", "09/04/2026")
    passports.take_back(db, passport, {"returned_on": "14/04/2026"})
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 đã được nhận lại ngày 14/04/2026, không đang giao cho "
                                         "ai: không có gì để nhận lại.$"):
        passports.take_back(db, passport, {"returned_on": "15/04/2026"})


def test_a_number_already_in_the_register_and_a_holder_not_a_cadre_are_refused(db):
    official(db, number="B 123 4567")
    with pytest.raises(InputError, match=f"Hộ chiếu số B1234567 đã có trong sổ \\(của {HUNG}\\)"):
        official(db, HUONG, number="b1234567")
    with pytest.raises(InputError, match="phải là cán bộ trong danh sách cán bộ"):  # vetted by a slip only
        passports.add_passport(db, person(db, "Phạm Minh Quang"), {"passport_type": "Phổ thông", "number": "C0000001"})


def test_the_trail_names_the_passport_and_its_handover_in_words(db):
    passport = official(db)
    handed(db, passport, "02/02/2026", "12/02/2026")
    assert audit_words.kind_text(passports.KIND) == "Hộ chiếu"
    assert audit_words.kind_text(passports.HANDOVERS) == "Giao, nhận hộ chiếu"
    assert audit_words.label(passports.HANDOVERS, "trip_return_on") == "Ngày về"
    assert audit_words.label(passports.KIND, "passport_type") == "Loại hộ chiếu"


def test_opening_a_passport_s_window_is_written_to_the_trail(db):
    passport = official(db)
    assert passports.view_holder(db, passport).full_name == HUNG
    [entry] = [entry for entry in audit.list_entries(db) if entry.action == audit.VIEWED]
    assert (entry.kind, entry.record_id, HUNG in entry.details) == (passports.KIND, passport, True)


def test_a_passport_entered_by_mistake_goes_to_the_recycle_bin_and_comes_back(db):
    passport = official(db)
    handed(db, passport, "02/02/2026", "12/02/2026")
    recycle_bin.delete(db, passports.KIND, passport)
    assert browse.record_ids(db, "passports", today=dt.date(2026, 3, 1)) == []
    assert passports.not_returned(db, dt.date(2026, 3, 1)) == []
    assert recycle_bin.in_recycle_bin(db, passports.KIND) == [passport]
    recycle_bin.restore(db, passports.KIND, passport)
    assert [due.record_id for due in passports.not_returned(db, dt.date(2026, 3, 1))] == [passport]
    deleted = next(entry for entry in audit.list_entries(db) if entry.action == "xóa")
    assert deleted.kind == passports.KIND and "B1234567" in deleted.details and HUNG in deleted.details


def test_a_passport_is_found_by_its_number_and_its_holder(db):
    passport = official(db)
    assert browse.record_ids(db, "passports", "b1234567") == [passport]
    assert browse.record_ids(db, "passports", "nguyen van hung") == [passport]


def test_a_ledger_line_corrected_does_not_leave_the_passport_out_twice(db):
    passport = official(db)
    first = handed(db, passport, "02/01/2026", "09/01/2026")
    passports.take_back(db, passport, {"returned_on": "12/01/2026"})
    handed(db, passport, "02/02/2026", "12/02/2026")
    with pytest.raises(InputError, match=f"đang giao cho {HUNG} từ ngày 02/02/2026, chưa nhận lại"):
        passports.update_handover(db, first, {"handed_on": "02/01/2026", "trip": passports.WITH_DELEGATION,
                                              "trip_return_on": "09/01/2026", "returned_on": ""})


def test_a_passport_restored_from_the_bin_does_not_bring_back_a_number_entered_again(db):
    passport = official(db)
    recycle_bin.delete(db, passports.KIND, passport)
    official(db, HUONG)  # the number was Hương's after all
    with pytest.raises(InputError, match="Hộ chiếu số B1234567 đã có trong sổ"):
        recycle_bin.restore(db, passports.KIND, passport)
    assert recycle_bin.in_recycle_bin(db, passports.KIND) == [passport]


def test_a_delegation_s_return_moved_after_the_handover_moves_the_passport_s_deadline(db):
    """125-QĐ/TU came back on 08/04/2025 as decided; the officer later corrects its return to Friday 11/04/2025:
    Hương's passport, handed out for it with no day of return typed, is due on 18/04/2025, not 15/04/2025."""
    passport = official(db, HUONG)
    handed(db, passport, "28/03/2025", decision_no="125-QĐ/TU")
    delegation = browse.record_ids(db, "delegations", "125-QĐ/TU")[0]
    form = editing.load(db, "delegations", delegation)
    editing.save(db, "delegations", {**form, "return_on": "11/04/2025"}, delegation)
    [line] = passports.handovers_of(db, person(db, HUONG))
    assert (line["trip_return_on"], line["due_on"]) == (dt.date(2025, 4, 11), dt.date(2025, 4, 18))
    [due] = passports.not_returned(db, dt.date(2025, 4, 16))
    assert due.due_on == dt.date(2025, 4, 18)
    overdue = browse.Filters(overdue=True)
    assert browse.record_ids(db, "passports", filters=overdue, today=dt.date(2025, 4, 18)) == []
    assert browse.record_ids(db, "passports", filters=overdue, today=dt.date(2025, 4, 21)) == [passport]


def test_two_officers_handing_out_the_same_passport_at_once_are_refused_by_the_store(db, monkeypatch):
    """The office server's two clients both see the passport in custody (each checked before the other saved):
    the store keeps one handover out, and the second officer is told why in words."""
    passport = official(db)
    first = handed(db, passport, "01/04/2026", "09/04/2026")
    monkeypatch.setattr(passports, "_none_open", lambda *args, **kwargs: None)  # the check both passed
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 vừa được giao cho người giữ \\(ghi từ máy khác\\), "
                                         "chưa nhận lại: không giao lần nữa được; hãy xem lại sổ giao, nhận.$"):
        handed(db, passport, "02/04/2026", "09/04/2026")
    passports.take_back(db, passport, {"returned_on": "10/04/2026"})
    handed(db, passport, "20/04/2026", "25/04/2026")
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 vừa được giao"):
        passports.update_handover(db, first, {"handed_on": "01/04/2026", "trip": passports.WITH_DELEGATION,
                                              "trip_return_on": "09/04/2026", "returned_on": ""})
    assert [line["returned_on"] for line in passports.handovers_of(db, person(db, HUNG))] == [
        None, dt.date(2026, 4, 10)]


def test_a_passport_listed_says_whether_it_may_be_handed_out_or_received_back_in_the_services_words(db):
    passport = official(db)
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert passports.hand_out_refused(listed) is None
    with pytest.raises(InputError) as refusal:
        passports.take_back(db, passport, {"returned_on": "14/04/2026"})
    assert passports.take_back_refused(listed) == refusal.value.message
    handed(db, passport, "01/04/2026", "09/04/2026")
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert passports.take_back_refused(listed) is None
    assert passports.hand_out_refused(listed) == (f"Hộ chiếu B1234567 đang giao cho {HUNG} từ ngày 01/04/2026, "
                                                  "chưa nhận lại.")
    assert passports.called(listed) == f"Hộ chiếu công vụ B1234567 – {HUNG}"
    passports.take_back(db, passport, {"returned_on": "14/04/2026"})
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert passports.take_back_refused(listed) == ("Hộ chiếu B1234567 đã được nhận lại ngày 14/04/2026, không đang "
                                                   "giao cho ai: không có gì để nhận lại.")


def test_the_ledger_says_a_hand_back_is_late_as_the_passport_s_state_says_it(db):
    """Out on 01/03/2026 (the sample's today) for a trip back on 12/02/2026, due on 26/02/2026: 3 days late; once
    received back a day late the ledger keeps saying so (the inspection reads who handed back late), in time the
    day alone."""
    passport = official(db, HUONG)
    handed(db, passport, "02/02/2026", "12/02/2026", passports.PRIVATE)
    [line] = passports.handovers_of(db, person(db, HUONG))
    [listed] = passports.passports_of(db, person(db, HUONG))
    assert line["due_shown"] == "26/02/2026 (quá hạn 3 ngày)" and listed["state"].endswith(line["due_shown"])
    passports.take_back(db, passport, {"returned_on": "27/02/2026"})
    [line] = passports.handovers_of(db, person(db, HUONG))
    assert (line["due_on"], line["due_shown"]) == (dt.date(2026, 2, 26), "26/02/2026 (nộp muộn 1 ngày)")
    passports.update_handover(db, line["id"], {**line, "handed_on": "02/02/2026", "trip_return_on": "12/02/2026",
                                               "returned_on": "26/02/2026"}, line[editing.VERSION])
    [line] = passports.handovers_of(db, person(db, HUONG))
    assert line["due_shown"] == "26/02/2026"


def test_a_passport_out_a_week_without_a_day_of_return_is_asked_about_on_the_dashboard(db):
    """Handed out on 02/03/2026 for a private trip with no «Ngày về»: no hand-back can fall due, so a week later
    (09/03/2026) the list of what is owed after trips asks for the return; received back, it is asked no more."""
    passport = official(db, kind="Phổ thông")
    handed(db, passport, "02/03/2026", trip=passports.PRIVATE)
    assert passports.no_return_day(db, dt.date(2026, 3, 8)) == []
    [due] = passports.no_return_day(db, dt.date(2026, 3, 9))
    assert (due.record_id, due.title, due.due_on, due.kind) == (
        passport, f"Hộ chiếu đã giao, chưa ghi ngày về: Hộ chiếu phổ thông B1234567 – {HUNG} (giao ngày 02/03/2026)",
        dt.date(2026, 3, 9), "passports")
    assert due in trip_reports.owed_after_trips(db, dt.date(2026, 3, 9))
    passports.take_back(db, passport, {"returned_on": "10/03/2026"})
    assert passports.no_return_day(db, dt.date(2026, 3, 20)) == []


def test_a_passport_out_with_a_delegation_whose_return_is_known_is_not_asked_about(db):
    passport = official(db, HUONG)
    handed(db, passport, "28/03/2025", decision_no="125-QĐ/TU")
    assert passports.no_return_day(db, dt.date(2025, 4, 30)) == []


def test_passports_due_the_same_day_are_listed_by_their_holders_names(db):
    """Two passports back from the same trip, two handed out the same day without a return: the database gave
    them in any order (on PostgreSQL a different one from one look to the next); each list goes by the
    holder's name in the order of names (given name first: Hùng before Hương, though Bùi comes before Nguyễn),
    then the passport."""
    back = [official(db, name, number) for name, number in ((HUNG, "B1234567"), (HUONG, "B7654321"))]
    for passport in back:
        handed(db, passport, "01/04/2026", "09/04/2026")
    away = [official(db, name, number, kind="Phổ thông") for name, number in ((HUNG, "C1234567"),
                                                                           (HUONG, "C7654321"))]
    for passport in away:
        handed(db, passport, "02/03/2026", trip=passports.PRIVATE)
    assert [due.record_id for due in passports.not_returned(db, dt.date(2026, 4, 17))] == back
    assert [due.record_id for due in passports.no_return_day(db, dt.date(2026, 3, 9))] == away


def lost(db, passport_id: int, lost_on: str, note: str = "Mất tại sân bay Incheon, đã trình báo ĐSQ") -> list[str]:
    return passports.report_lost(db, passport_id, {"lost_on": lost_on, "lost_note": note})


def test_a_passport_reported_lost_abroad_is_no_longer_overdue_anywhere(db):
    """Out for a trip back on 12/02/2026 (due 26/02/2026), lost abroad and reported on 20/02/2026: a passport
    reported lost is cancelled (Luật Xuất cảnh, nhập cảnh 2019), so on 01/03/2026 (the sample's today) it is no
    longer owed back — not on the dashboard, not under «Quá hạn nộp lại», not «Đang giao» — and the register and
    the ledger say it is lost; it is never handed out again."""
    passport = official(db)
    handed(db, passport, "02/02/2026", "12/02/2026")
    assert lost(db, passport, "20/02/2026") == ["lost_on", "lost_note"]
    today = dt.date(2026, 3, 1)
    assert passports.not_returned(db, today) == []
    assert browse.record_ids(db, "passports", filters=browse.Filters(overdue=True), today=today) == []
    out = browse.Filters(status="Đang giao cho người giữ")
    assert browse.record_ids(db, "passports", filters=out, today=today) == []
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert listed["state"] == "Đã báo mất ngày 20/02/2026: Mất tại sân bay Incheon, đã trình báo ĐSQ"
    [line] = passports.handovers_of(db, person(db, HUNG))
    assert line["due_shown"] == "26/02/2026 (đã báo mất ngày 20/02/2026)"
    assert passports.hand_out_refused(listed) == ("Hộ chiếu B1234567 đã báo mất ngày 20/02/2026: hộ chiếu đã "
                                                  "bị hủy giá trị, không giao được.")
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 đã báo mất ngày 20/02/2026"):
        handed(db, passport, "28/02/2026")


def test_a_passport_is_overdue_until_the_day_it_is_reported_lost(db):
    passport = official(db)
    handed(db, passport, "01/01/2026", "09/01/2026")
    lost(db, passport, "20/01/2026")
    overdue = browse.Filters(overdue=True)
    assert browse.record_ids(db, "passports", filters=overdue, today=dt.date(2026, 1, 17)) == [passport]
    assert [due.record_id for due in passports.not_returned(db, dt.date(2026, 1, 17))] == [passport]
    assert browse.record_ids(db, "passports", filters=overdue, today=dt.date(2026, 1, 20)) == []


def test_a_loss_is_written_to_the_trail_and_cannot_precede_the_passport_s_last_handover(db):
    passport = official(db)
    handed(db, passport, "01/02/2026", "09/02/2026")
    with pytest.raises(InputError, match="^Ngày báo mất \\(31/01/2026\\) trước ngày giao hộ chiếu lần cuối "
                                         "\\(01/02/2026\\)"):
        lost(db, passport, "31/01/2026")
    with pytest.raises(InputError, match="Ngày báo mất"):
        passports.report_lost(db, passport, {"lost_on": "", "lost_note": "quên ngày"})
    lost(db, passport, "10/02/2026")
    [entry] = [entry for entry in audit.list_entries(db) if entry.kind == passports.KIND
               and entry.record_id == passport and entry.action == writes.CHANGED]
    assert "lost_on" in entry.details
    assert audit_words.label(passports.KIND, "lost_on") == "Ngày báo mất"


def test_a_loss_dated_after_today_is_refused_by_the_program_s_clock(db):
    """A loss is reported once it happened: a day after the program's today (01/03/2026) is a typing mistake."""
    passport = official(db)
    with pytest.raises(InputError, match="^Ngày báo mất \\(02/03/2026\\) sau ngày hôm nay \\(01/03/2026\\)"):
        lost(db, passport, "02/03/2026")
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert listed["lost_on"] is None
    assert lost(db, passport, "01/03/2026") == ["lost_on", "lost_note"]


def test_a_passport_lost_in_custody_is_not_counted_as_kept(db):
    """Its window says it is lost, when, and what was reported, and no longer that the office keeps it."""
    passport = official(db)
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert listed[passports.KEPT_SHOWN.key] == "Có"
    lost(db, passport, "01/03/2026", "Thất lạc khi chuyển văn phòng")
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert listed["state"] == "Đã báo mất ngày 01/03/2026: Thất lạc khi chuyển văn phòng"
    assert (listed["kept"], listed[passports.KEPT_SHOWN.key]) == ("Có", "")  # «Sửa» keeps what was stored
    in_custody = browse.Filters(status=passports.IN_CUSTODY)
    assert browse.record_ids(db, "passports", filters=in_custody, today=dt.date(2026, 3, 1)) == []
    assert browse.record_ids(db, "passports", filters=in_custody, today=dt.date(2026, 2, 28)) == [passport]


def test_the_register_leaves_kept_empty_for_a_passport_lost_as_its_window_does(db):
    """Reported lost on 01/03/2026, Hùng's passport is kept by the office no more: the register's «Cơ quan giữ» is
    empty from that day, as its window's (KEPT_SHOWN), and its filter by value counts it empty; «Có» the day
    before, and Hương's, not lost, stays «Có»."""
    passport, other = official(db), official(db, HUONG, "B7654321")
    lost(db, passport, "01/03/2026", "Thất lạc khi chuyển văn phòng")
    kept_at = [column.key for column in browse.view(passports.KIND).columns].index("kept")

    def kept_on(today: dt.date) -> list[str]:
        shown = browse.fetch_rows(db, passports.KIND, [passport, other], today=today)
        return [shown[passport][kept_at], shown[other][kept_at]]

    assert kept_on(dt.date(2026, 2, 28)) == ["Có", "Có"]
    assert kept_on(dt.date(2026, 3, 1)) == ["", "Có"]
    assert browse.column_values(db, passports.KIND, "kept", today=dt.date(2026, 3, 1)) == [("Có", 1), (None, 1)]
    empty = browse.Filters(values=(("kept", (None,)),))
    assert browse.record_ids(db, passports.KIND, filters=empty, today=dt.date(2026, 3, 1)) == [passport]
    assert browse.record_ids(db, passports.KIND, filters=empty, today=dt.date(2026, 2, 28)) == []


def test_a_passport_reported_lost_is_not_received_back_after_the_day_of_the_report(db):
    """Lost abroad and reported on 20/02/2026, the passport is cancelled: received back on 25/02/2026 it would
    read returned in the ledger and the register; a return before the report (recorded late) is still taken."""
    passport = official(db)
    handed(db, passport, "02/02/2026", "12/02/2026")
    lost(db, passport, "20/02/2026")
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 đã báo mất ngày 20/02/2026: không còn phải nộp lại"):
        passports.take_back(db, passport, {"returned_on": "25/02/2026"})
    [line] = passports.handovers_of(db, person(db, HUNG))
    assert line["returned_on"] is None
    with pytest.raises(InputError, match="^Hộ chiếu B1234567 đã báo mất ngày 20/02/2026"):
        passports.update_handover(db, line["id"], {**line, "handed_on": "02/02/2026", "trip_return_on": "12/02/2026",
                                                   "returned_on": "21/02/2026", "note": ""})
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert passports.take_back_refused(listed) == ("Hộ chiếu B1234567 đã báo mất ngày 20/02/2026: không còn phải nộp "
                                                   f"lại. {passports.RETURN_BEFORE_LOSS}")
    passports.update_handover(db, line["id"], {**line, "handed_on": "02/02/2026", "trip_return_on": "12/02/2026",
                                               "returned_on": "13/02/2026", "note": ""})
    [line] = passports.handovers_of(db, person(db, HUNG))
    assert line["returned_on"] == dt.date(2026, 2, 13)
    passports.update_handover(db, line["id"], {**line, "handed_on": "02/02/2026", "trip_return_on": "12/02/2026",
                                               "returned_on": "", "note": ""})
    passports.take_back(db, passport, {"returned_on": "13/02/2026"})
    [line] = passports.handovers_of(db, person(db, HUNG))
    assert line["returned_on"] == dt.date(2026, 2, 13)


def test_a_passport_is_not_reported_lost_before_the_day_it_was_last_received_back(db):
    passport = official(db)
    handed(db, passport, "02/02/2026", "12/02/2026")
    passports.take_back(db, passport, {"returned_on": "13/02/2026"})
    with pytest.raises(InputError, match="^Ngày báo mất \\(10/02/2026\\) trước ngày nhận lại hộ chiếu lần cuối "
                                         "\\(13/02/2026\\)"):
        lost(db, passport, "10/02/2026")
    lost(db, passport, "13/02/2026", "Thất lạc khi chuyển văn phòng")


def test_a_passport_reported_lost_is_not_listed_as_expired_from_the_day_of_the_report(db):
    """Lost and so cancelled, a passport is neither to renew nor to hand in: «Đã hết hạn» lists it no more."""
    passport = official(db, expires_on="01/01/2026")
    lost(db, passport, "20/02/2026")
    expired = browse.Filters(status="Đã hết hạn")
    assert browse.record_ids(db, "passports", filters=expired, today=dt.date(2026, 2, 19)) == [passport]
    assert browse.record_ids(db, "passports", filters=expired, today=dt.date(2026, 2, 20)) == []


def test_a_loss_recorded_on_the_wrong_passport_is_withdrawn_with_its_reason_in_the_trail_and_the_note(db):
    """Hùng's loss was typed on his official passport instead of his ordinary one: «Hủy báo mất» clears it, asked
    first, the reason kept in the passport's note and in the trail beside what the loss said; the passport is
    kept and handed out again."""
    passport = official(db, note="Giữ tại tủ số 2")
    lost(db, passport, "20/02/2026")
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert passports.withdraw_loss_refused(listed) is None
    assert passports.withdraw_loss_doubts(db, listed, {}) == [
        "Hủy báo mất hộ chiếu B1234567 (báo mất ngày 20/02/2026) vì đã ghi nhầm? Hộ chiếu đã thật sự trình báo mất "
        "thì bị hủy giá trị: không hủy báo mất."]
    with pytest.raises(InputError, match="Lý do hủy báo mất"):
        passports.withdraw_loss(db, passport, {"reason": " "})
    assert passports.withdraw_loss(db, passport, {"reason": "Ghi nhầm: mất hộ chiếu phổ thông C0012345"}) == [
        "lost_on", "lost_note", "note"]
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert (listed["lost_on"], listed["lost_note"], listed["state"]) == (None, None, passports.IN_CUSTODY)
    assert listed["note"] == ("Giữ tại tủ số 2\nHủy báo mất ngày 20/02/2026 (ghi ngày 01/03/2026): Ghi nhầm: mất "
                              "hộ chiếu phổ thông C0012345")
    entry = [entry for entry in audit.list_entries(db) if entry.kind == passports.KIND
             and entry.record_id == passport and entry.action == writes.CHANGED][-1]
    said = json.loads(entry.details)
    assert said["ly_do"] == "Ghi nhầm: mất hộ chiếu phổ thông C0012345"
    assert said["lost_on"][audit.OLD] == "2026-02-20" and "lost_note" in said
    assert passports.withdraw_loss_refused(listed) == "Hộ chiếu B1234567 không ghi báo mất: không có gì để hủy."
    with pytest.raises(InputError, match="không ghi báo mất"):
        passports.withdraw_loss(db, passport, {"reason": "lần nữa"})
    handed(db, passport, "02/03/2026", "10/03/2026")


def test_only_an_officer_who_edits_withdraws_a_loss(cli, db):
    passport = official(db)
    lost(db, passport, "20/02/2026")
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        passports.withdraw_loss(viewer, passport, {"reason": "Ghi nhầm"})
    viewer.close()


def test_the_same_passport_twice_in_one_hand_out_or_handback_is_refused_before_anything_is_written(db):
    passport = official(db)
    values = writes.parse(passports.HANDOUT_FIELDS, {"handed_on": "01/04/2026", "trip": passports.WITH_DELEGATION,
                                                     "decision_no": "", "trip_return_on": "09/04/2026"})
    twice = "^Hộ chiếu B1234567 được chọn hai lần: mỗi hộ chiếu chỉ ghi một lần.$"
    with pytest.raises(InputError, match=twice), db.write() as connection:
        passports.handed_out(db, connection, [passport, passport], values)
    handed(db, passport, "01/04/2026", "09/04/2026")
    with pytest.raises(InputError, match=twice), db.write() as connection:
        passports.taken_back(db, connection, [passport, passport], dt.date(2026, 4, 14))
    assert [entry.action for entry in audit.list_entries(db) if entry.kind == passports.HANDOVERS] == [writes.ADDED]


def test_a_loss_withdrawn_whose_reason_would_overflow_the_note_is_refused_and_the_loss_kept(db):
    full = passports.NOTE.max_length
    passport = official(db, note="x" * (full - 20))
    lost(db, passport, "20/02/2026")
    with pytest.raises(InputError, match="^Ghi chú của hộ chiếu B1234567 không đủ chỗ ghi việc hủy báo mất"):
        passports.withdraw_loss(db, passport, {"reason": "Ghi nhầm: mất hộ chiếu phổ thông C0012345"})
    [listed] = passports.passports_of(db, person(db, HUNG))
    assert listed["lost_on"] == dt.date(2026, 2, 20) and listed["note"] == "x" * (full - 20)
