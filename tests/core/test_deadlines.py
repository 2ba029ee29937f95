"""What needs action surfaces by itself: overdue slips and post-trip reports."""

import datetime as dt

import pytest
from sqlalchemy import Date, literal, select, union_all

from bvct_desktop.core import deadlines, documents_data, editing, settings, workdays
from bvct_desktop.core.errors import InputError
from tests.sample_db import sample_database

SAMPLE_KINDS = ("cadres", "slips", "delegations")  # what the `db` fixture holds


def test_slips_without_reply_past_the_limit(db):
    assert deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 4)) == []
    late = deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 21))
    assert [due.title for due in late] == [
        "Phiếu 13/PXM – Phạm Minh Quang – Phòng PV27 – Công an tỉnh Bình Thuận"]
    assert late[0].due_on == dt.date(2025, 2, 5) and late[0].days_late(dt.date(2025, 2, 21)) == 16


def test_a_slip_still_unanswered_since_the_merger_names_the_province_its_recipient_is_part_of_now(db):
    """13/PXM went to Công an tỉnh Bình Thuận before 01/7/2025 and is still unanswered: the home page's list
    the officer chases it from says whom that is now; before the merger, the name alone."""
    [before] = [due.title for due in deadlines.slips_awaiting_reply(db, dt.date(2025, 6, 30)) if "13/PXM" in due.title]
    [since] = [due.title for due in deadlines.slips_awaiting_reply(db, dt.date(2025, 7, 1)) if "13/PXM" in due.title]
    assert before == "Phiếu 13/PXM – Phạm Minh Quang – Phòng PV27 – Công an tỉnh Bình Thuận"
    assert since == f"{before} (nay: tỉnh Lâm Đồng)"


def test_a_slip_answered_later_was_overdue_on_the_days_before_its_reply(db):
    """12/PXM, sent to Cục A93B on 05/01/2025, was answered on 20/02/2025: a reminder dated
    10/02/2025 lists it, one dated 20/02/2025 does not."""
    with db.read() as connection:
        listed = documents_data.overdue_for(connection, "Cục A93B – Bộ Công an", dt.date(2025, 2, 10))
        assert [slip["number"] for slip in listed["slips"]] == ["12/PXM"] and listed["slips"][0]["days_late"] == 6
        with pytest.raises(InputError, match="không có phiếu nào"):
            documents_data.overdue_for(connection, "Cục A93B – Bộ Công an", dt.date(2025, 2, 20))
    assert [due.title for due in deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 10))] == [
        "Phiếu 12/PXM – Phạm Văn Bình (cha của Phạm Minh Quang) – Cục A93B – Bộ Công an",
        "Phiếu 13/PXM – Phạm Minh Quang – Phòng PV27 – Công an tỉnh Bình Thuận"]


@pytest.mark.parametrize("relation, vetted, named", [
    ("Mẹ vợ", "Nguyễn Văn Hùng", "Nguyễn Thị Hoàng Yến (mẹ vợ của Nguyễn Văn Hùng)"),
    ("Khác", "Nguyễn Văn Hùng", "Nguyễn Thị Hoàng Yến (thẩm tra cho Nguyễn Văn Hùng)"),
    ("Con", None, "Nguyễn Thị Hoàng Yến (con của người được thẩm tra)"),
    ("Bản thân", None, "Nguyễn Thị Hoàng Yến"),
    (None, "Nguyễn Thị Hoàng Yến", "Nguyễn Thị Hoàng Yến")])
def test_an_overdue_slip_about_a_relative_names_the_one_vetted_too(db, relation, vetted, named):
    """Whom the vetting is for, where the slip's subject is someone else: the officer chasing it knows
    which cadre's vetting waits; a slip about the cadre themselves says nothing more."""
    slip = _slip_issued(db, "50/PXM", "02/02/2026", relation=relation, vetted_name=vetted)
    [due] = [due for due in deadlines.slips_awaiting_reply(db, dt.date(2026, 3, 5)) if due.record_id == slip]
    assert due.title == f"Phiếu 50/PXM – {named} – Cục A93B – Bộ Công an"


@pytest.mark.parametrize("written, told", [
    ("pv27", "có phải «Phòng PV27 – Công an tỉnh Bình Thuận»?"),
    ("cong an", "có phải «Cục A93B – Bộ Công an» hay «Phòng PV27 – Công an tỉnh Bình Thuận»?"),
    ("Phòng PV06", "các nơi nhận: «Cục A93B – Bộ Công an», «Phòng PV27 – Công an tỉnh Bình Thuận».")])
def test_a_recipient_not_written_in_full_is_refused_with_the_names_to_write(db, written, told):
    """`bvct print reminder --recipient pv27`: the officer is told the name to write, as the list has it."""
    with db.read() as connection, pytest.raises(InputError) as refused:
        documents_data.overdue_for(connection, written, dt.date(2025, 2, 10))
    assert refused.value.message == (f"Không có nơi nhận phiếu «{written}» trong danh sách nơi nhận; {told} "
                                     "Ghi đúng tên nơi nhận như trong danh sách.")


def test_the_limit_comes_from_the_settings(db):
    settings.set_setting(db, "han_tra_loi_phieu_ngay", "60")
    assert deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 10)) == []


LONGER_FROM = dt.date(2026, 3, 1)  # the office gives the police 60 days instead of 30 from this day


def _slip_issued(db, number: str, issued_on: str, **more: str | None) -> int:
    return editing.save(db, "slips", {"number": number, "issued_on": issued_on, "full_name": "Nguyễn Thị Hoàng Yến",
                                      "recipient": "Cục A93B – Bộ Công an", **more})


def test_a_slip_keeps_the_reply_limit_in_force_on_the_day_it_was_issued(db):
    """50/PXM, issued Monday 02/02/2026 under 30 days, was due Wednesday 04/03/2026: the 60 days set
    from 01/03/2026 do not give the police a month more for it. 51/PXM, issued 02/03/2026 under 60 days,
    ends on 01/05/2026, a holiday: due Monday 04/05/2026. The dashboard, the register, the reminder
    dialog and the letter agree."""
    before, after = _slip_issued(db, "50/PXM", "02/02/2026"), _slip_issued(db, "51/PXM", "02/03/2026")
    settings.set_setting(db, "han_tra_loi_phieu_ngay", "60", LONGER_FROM)
    unit = "Cục A93B – Bộ Công an"  # with 1/PXM, issued there 03/01/2026 under 30 days: due 02/02/2026
    march, may = dt.date(2026, 3, 5), dt.date(2026, 5, 5)
    assert {due.record_id: due.due_on for due in deadlines.slips_awaiting_reply(db, march)
            if due.record_id in (before, after)} == {before: dt.date(2026, 3, 4)}
    assert before in _overdue(db, "slips", march) and after not in _overdue(db, "slips", march)
    assert after not in _overdue(db, "slips", dt.date(2026, 5, 4)) and after in _overdue(db, "slips", may)
    with db.read() as connection:
        assert dict(documents_data.recipients_overdue(connection, march))[unit] == 2
        listed = documents_data.overdue_for(connection, unit, may)
    assert [(slip["number"], slip["days_late"]) for slip in listed["slips"]] == [
        ("1/PXM", 92), ("50/PXM", 62), ("51/PXM", 1)]
    assert listed["days"] == (30, 60)


def test_a_shorter_limit_set_later_makes_no_slip_issued_before_it_overdue(db):
    """Cut to 15 days from 01/03/2026: 50/PXM, issued 16/02/2026 under 30 days, is due 18/03/2026, not
    the next day."""
    slip = _slip_issued(db, "50/PXM", "16/02/2026")
    settings.set_setting(db, "han_tra_loi_phieu_ngay", "15", LONGER_FROM)
    assert slip not in [due.record_id for due in deadlines.slips_awaiting_reply(db, dt.date(2026, 3, 18))]
    assert slip not in _overdue(db, "slips", dt.date(2026, 3, 18))
    [due] = [due for due in deadlines.slips_awaiting_reply(db, dt.date(2026, 3, 19)) if due.record_id == slip]
    assert due.due_on == dt.date(2026, 3, 18)


def test_a_trip_report_keeps_the_limit_in_force_on_the_day_of_the_return(db):
    """Back Monday 22/09/2025 under 7 working days: due 01/10/2025, whatever 20 days set from 25/09/2025."""
    settings.set_setting(db, "han_bao_cao_sau_chuyen_di_ngay", "20", dt.date(2025, 9, 25))
    late = dt.date(2025, 10, 2)
    [due] = deadlines.post_trip_reports_due(db, late)
    assert due.due_on == dt.date(2025, 10, 1) and due.record_id in _overdue(db, "delegations", late)


def test_post_trip_reports_not_received(db):
    """Back Monday 22/09/2025: 7 working days, due Wednesday 01/10/2025. Named with where it went: an
    office sends many a «Đoàn công tác» a year."""
    due = deadlines.post_trip_reports_due(db, dt.date(2025, 10, 1))
    assert [(d.title, d.due_on) for d in due] == [
        ("Đoàn học tập kinh nghiệm chuyển đổi số – Hàn Quốc, Singapore", dt.date(2025, 10, 1))]


def _overdue(db, kind, today):
    from bvct_desktop.core import browse

    return browse.record_ids(db, kind, filters=browse.Filters(overdue=True), today=today)


@pytest.mark.parametrize(("back", "due_on", "not_late_on"), [
    ("27/11/2026", dt.date(2026, 12, 8), dt.date(2026, 12, 5)),  # back on a Friday
    ("24/12/2026", dt.date(2027, 1, 5), dt.date(2027, 1, 1))])  # over the New Year holiday
def test_the_report_after_a_trip_is_due_seven_working_days_after_the_return(db, back, due_on, not_late_on):
    from bvct_desktop.core import editing

    trip = editing.save(db, "delegations", {"name": "Đoàn thăm thân", "countries": "Úc", "depart_on": "20/11/2026",
                                            "return_on": back, editing.MEMBERS: [{"full_name": "Bùi Thị Hương"}]})
    [listed] = [due for due in deadlines.post_trip_reports_due(db, not_late_on) if due.record_id == trip]
    assert listed.due_on == due_on and listed.days_late(not_late_on) < 0
    assert trip not in _overdue(db, "delegations", not_late_on)
    assert trip not in _overdue(db, "delegations", due_on)
    late = due_on + dt.timedelta(days=1)
    assert trip in _overdue(db, "delegations", late)
    assert [due.days_late(late) for due in deadlines.post_trip_reports_due(db, late) if due.record_id == trip] == [1]


def test_a_slip_reply_due_on_a_saturday_is_due_on_monday(db):
    """Issued 05/11/2026, 30 days: Saturday 05/12/2026, so Monday 07/12/2026 — not late that day, not in
    the reminder letter to the police; late the day after."""
    from bvct_desktop.core import editing

    slip = editing.save(db, "slips", {"number": "40/PXM", "issued_on": "05/11/2026", "full_name": "Lê Văn Mười",
                                      "recipient": "Cục A93B – Bộ Công an"})
    monday, tuesday = dt.date(2026, 12, 7), dt.date(2026, 12, 8)
    [due] = [due for due in deadlines.slips_awaiting_reply(db, tuesday) if due.record_id == slip]
    assert due.due_on == monday and due.days_late(tuesday) == 1
    assert slip not in [due.record_id for due in deadlines.slips_awaiting_reply(db, monday)]
    assert slip not in _overdue(db, "slips", monday) and slip in _overdue(db, "slips", tuesday)
    unit = "Cục A93B – Bộ Công an"  # 1/PXM, issued there 03/01/2026, is long overdue
    with db.read() as connection:
        assert dict(documents_data.recipients_overdue(connection, monday))[unit] == 1
        assert [slip["number"] for slip in documents_data.overdue_for(connection, unit, monday)["slips"]] == ["1/PXM"]
        assert dict(documents_data.recipients_overdue(connection, tuesday))[unit] == 2
        *_, listed = documents_data.overdue_for(connection, unit, tuesday)["slips"]
        assert (listed["number"], listed["days_late"]) == ("40/PXM", 1)


def test_a_vetting_case_due_on_a_day_off_is_late_after_the_next_working_day(db):
    """A case given Sunday 06/12/2026 as its deadline (typed, or stored before the rule) ends on Monday."""
    from bvct_desktop.core import overview
    from bvct_desktop.core.personfile import cases
    from tests.core.personfile.conftest import person_named

    case = cases.open_case(db, person_named(db, "Phạm Minh Quang"),
                           {"purpose": "Bầu cử", "opened_on": "01/11/2026", "due_on": "06/12/2026"})
    monday, tuesday = dt.date(2026, 12, 7), dt.date(2026, 12, 8)
    [due] = [due for due in overview.vetting_cases_due(db, monday) if due.record_id == case]
    assert due.due_on == monday and due.days_late(monday) == 0  # listed as due, not yet late
    assert case not in _overdue(db, "vetting-cases", monday)
    [due] = [due for due in overview.vetting_cases_due(db, tuesday) if due.record_id == case]
    assert due.due_on == monday and due.days_late(tuesday) == 1
    assert case in _overdue(db, "vetting-cases", tuesday)


def test_a_complaint_due_on_a_day_off_is_late_after_the_next_working_day(db):
    """Due Friday 01/01/2027, New Year's Day: its deadline ends on Monday 04/01/2027, as a slip's or a
    vetting case's would — due that day, not «Quá hạn 3 ngày»."""
    from bvct_desktop.core import editing, overview

    complaint = editing.save(db, "complaints", {"received_on": "30/11/2026", "sender": "Nặc danh",
                                                "complaint_kind": "Tố cáo", "summary": "Kê khai chưa trung thực",
                                                "due_on": "01/01/2027"})
    monday, tuesday = dt.date(2027, 1, 4), dt.date(2027, 1, 5)
    [due] = [due for due in overview.complaints_due(db, monday) if due.record_id == complaint]
    assert due.due_on == monday and due.days_late(monday) == 0
    assert complaint not in _overdue(db, "complaints", monday)
    [due] = [due for due in overview.complaints_due(db, tuesday) if due.record_id == complaint]
    assert due.days_late(tuesday) == 1
    assert complaint in _overdue(db, "complaints", tuesday)


def test_a_complaint_is_listed_coming_by_the_deadline_it_shows(db):
    """Due Sunday 13/12/2026, it ends on Monday 14/12: on Sunday 06/12 that is 8 days ahead, past the week the
    home page looks ahead (not listed «Còn 8 ngày»); on Monday 07/12 it is listed, due 14/12."""
    from bvct_desktop.core import editing, overview

    complaint = editing.save(db, "complaints", {"received_on": "30/11/2026", "sender": "Nặc danh",
                                                "complaint_kind": "Tố cáo", "summary": "Kê khai chưa trung thực",
                                                "due_on": "13/12/2026"})
    assert complaint not in [due.record_id for due in overview.complaints_due(db, dt.date(2026, 12, 6))]
    [due] = [due for due in overview.complaints_due(db, dt.date(2026, 12, 7)) if due.record_id == complaint]
    assert due.due_on == dt.date(2026, 12, 14) and due.days_late(dt.date(2026, 12, 7)) == -overview.WARNING_DAYS


def test_a_vetting_case_is_listed_coming_by_the_deadline_it_shows(db):
    """As a letter: due Sunday 13/12/2026, shown 14/12, it is not listed on 06/12 and is on 07/12."""
    from bvct_desktop.core import overview
    from bvct_desktop.core.personfile import cases
    from tests.core.personfile.conftest import person_named

    case = cases.open_case(db, person_named(db, "Phạm Minh Quang"),
                           {"purpose": "Bầu cử", "opened_on": "01/11/2026", "due_on": "13/12/2026"})
    assert case not in [due.record_id for due in overview.vetting_cases_due(db, dt.date(2026, 12, 6))]
    [due] = [due for due in overview.vetting_cases_due(db, dt.date(2026, 12, 7)) if due.record_id == case]
    assert due.due_on == dt.date(2026, 12, 14)


def test_a_complaint_due_is_named_by_the_person_complained_about(cli, tmp_path):
    import datetime as dt

    from bvct_desktop.core import editing, overview

    db = sample_database(cli, tmp_path, kinds=("cadres",))
    editing.save(db, "complaints", {"received_on": "02/05/2025", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
                                    "subject_name": "Nguyễn Văn Hùng", "summary": "Kê khai chưa trung thực",
                                    "due_on": "02/07/2025"})
    [due] = overview.complaints_due(db, dt.date(2025, 6, 28))
    assert due.title == "Tố cáo – Nguyễn Văn Hùng (người gửi: Nặc danh)"
    db.close()


def test_a_report_received_after_today_was_not_received_yet(db):
    from bvct_desktop.core import browse, editing

    [trip] = browse.record_ids(db, "delegations", filters=browse.Filters(status="Chưa nhận báo cáo"))
    stored = editing.load(db, "delegations", trip)
    editing.save(db, "delegations", {**stored, "report_received_on": "05/10/2025"}, trip)
    assert [d.record_id for d in deadlines.post_trip_reports_due(db, dt.date(2025, 10, 2))] == [trip]
    overdue = browse.Filters(overdue=True)
    assert browse.record_ids(db, "delegations", filters=overdue, today=dt.date(2025, 10, 2)) == [trip]
    assert deadlines.post_trip_reports_due(db, dt.date(2025, 10, 5)) == []


def test_a_complaint_resolved_after_today_is_still_due(cli, tmp_path):
    from bvct_desktop.core import browse, editing, overview

    db = sample_database(cli, tmp_path, kinds=("cadres",))
    complaint = {"sender": "Nặc danh", "complaint_kind": "Tố cáo", "summary": "Kê khai chưa trung thực"}
    near = editing.save(db, "complaints", {**complaint, "received_on": "15/02/2026", "due_on": "31/03/2026",
                                           "resolved_on": "01/04/2026"})
    late = editing.save(db, "complaints", {**complaint, "received_on": "01/01/2026", "due_on": "15/02/2026",
                                           "resolved_on": "31/03/2026"})
    today = dt.date(2026, 3, 25)
    assert [(due.record_id, due.days_late(today)) for due in overview.complaints_due(db, today)] == [
        (late, 30), (near, -6)]  # due Sunday 15/02/2026, on the eve of Tết: it ends on Monday 23/02/2026
    assert browse.record_ids(db, "complaints", filters=browse.Filters(overdue=True), today=today) == [late]
    assert overview.complaints_due(db, dt.date(2026, 4, 1)) == []
    db.close()


def test_a_complaint_without_a_deadline_is_a_loose_end_until_resolved(cli, tmp_path):
    from bvct_desktop.core import browse, editing, overview

    db = sample_database(cli, tmp_path, kinds=("cadres",))
    complaint = {"received_on": "02/05/2025", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
                 "summary": "Kê khai chưa trung thực"}
    undated = editing.save(db, "complaints", complaint)
    editing.save(db, "complaints", {**complaint, "summary": "Nhận quà biếu", "due_on": "02/07/2025"})
    assert overview.loose_ends(db)[browse.NO_COMPLAINT_DEADLINE] == 1
    listed = browse.Filters(status=browse.NO_COMPLAINT_DEADLINE)
    assert browse.record_ids(db, "complaints", filters=listed) == [undated]
    editing.save(db, "complaints", {**complaint, "resolved_on": "10/05/2025"}, undated)
    assert overview.loose_ends(db)[browse.NO_COMPLAINT_DEADLINE] == 0
    db.close()


def test_the_register_lists_a_complaint_resolved_after_today_as_unresolved_as_the_dashboard_does(cli, tmp_path):
    """Resolved on 25/12/2026, looked at on 05/12/2026: the dashboard lists it as due, so «Chưa giải
    quyết» lists it and «Đã giải quyết» does not; from 25/12/2026 on, the other way round."""
    from bvct_desktop.core import browse, editing, overview

    db = sample_database(cli, tmp_path, kinds=("cadres",))
    later = editing.save(db, "complaints", {"received_on": "01/11/2026", "complaint_kind": "Tố cáo",
                                            "summary": "Sai phạm đầu tư", "due_on": "01/12/2026",
                                            "resolved_on": "25/12/2026"})

    def listed(status, today):
        return later in browse.record_ids(db, "complaints", filters=browse.Filters(status=status), today=today)

    today = dt.date(2026, 12, 5)
    assert [due.record_id for due in overview.complaints_due(db, today)] == [later]
    assert listed("Chưa giải quyết", today) and not listed("Đã giải quyết", today)
    resolved = dt.date(2026, 12, 25)
    assert overview.complaints_due(db, resolved) == []
    assert listed("Đã giải quyết", resolved) and not listed("Chưa giải quyết", resolved)
    db.close()


def test_a_complaint_resolved_after_today_without_a_deadline_is_still_a_loose_end(cli, tmp_path):
    from bvct_desktop.core import browse, editing, overview
    from tests.sample_db import TODAY

    db = sample_database(cli, tmp_path, kinds=("cadres",))
    undated = editing.save(db, "complaints", {"received_on": "02/02/2026", "complaint_kind": "Tố cáo",
                                              "summary": "Kê khai chưa trung thực", "resolved_on": "20/03/2026"})
    assert TODAY.date() < dt.date(2026, 3, 20)
    assert overview.loose_ends(db)[browse.NO_COMPLAINT_DEADLINE] == 1
    listed = browse.Filters(status=browse.NO_COMPLAINT_DEADLINE)
    assert browse.record_ids(db, "complaints", filters=listed) == [undated]
    db.close()


def test_a_register_cell_counts_the_days_late_the_vietnamese_way():
    """A passport kept three years past its day was «quá hạn 1217 ngày»: a count is written 1.217 everywhere
    else the officer reads one (the dashboard, the report)."""
    cell = deadlines.late_by(dt.date(2023, 1, 2), True, dt.date(2026, 5, 4))
    assert (cell, cell.words) == ("02/01/2023 (quá hạn 1.217 ngày)", "(quá hạn 1.217 ngày)")


def test_the_order_of_days_due_in_working_days_worked_out_in_sql_is_that_of_the_days(db):
    """Over a year of holidays (Tết 2027, 01/01/2028 on a Saturday, its day off on the Monday) and a change of the
    setting from 7 to 2 working days on 01/01/2027, records that started on each day order in SQL as their due days
    (workdays.add_working_days) do, and tie where those are the same day."""
    settings.set_setting(db, deadlines.REPORT_DAYS, "2", dt.date(2027, 1, 1))
    first, last = dt.date(2026, 12, 20), dt.date(2028, 1, 10)
    days, keys = _due_order_keys(db, first, last)
    with db.read() as connection:
        history = settings.read_history(connection)
    due = {day: deadlines.post_trip_report_due(day, history) for day in days}
    assert len(set(due.values())) > 20
    assert all((keys[a] < keys[b]) == (due[a] < due[b]) and (keys[a] == keys[b]) == (due[a] == due[b])
               for a in days for b in days)


def _due_order_keys(db, first: dt.date, last: dt.date) -> tuple[list[dt.date], dict[dt.date, object]]:
    """Every day from `first` to `last`, and its key of `working_days_due_order` (REPORT_DAYS) worked out in SQL."""
    days = [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]
    started = union_all(*(select(literal(day, Date).label("started")) for day in days)).subquery()
    with db.read() as connection:
        history = settings.read_history(connection)
        order = deadlines.working_days_due_order(started.c.started, history, deadlines.REPORT_DAYS, first, last)
        keys = dict(connection.execute(select(started.c.started, order)).all())
    return days, keys


@pytest.mark.parametrize(("first", "last"), [(dt.date(1899, 11, 20), dt.date(1900, 3, 5)),  # 1900: no 29/02
                                             (dt.date(1999, 12, 20), dt.date(2000, 3, 5))])  # 2000: a 29/02
def test_the_order_of_days_due_counts_working_days_in_sql_before_1900_as_after(db, first, last):
    """A relative's or an imported record's day before Monday 01/01/1900, where the SQL count of days is less than
    0, steps its key on as Python's calendar counts working days: one for a working day, none for a day off."""
    days, keys = _due_order_keys(db, first, last)
    steps = [keys[day] - keys[day - dt.timedelta(days=1)] for day in days[1:]]
    assert steps == [int(workdays.is_working_day(day)) for day in days[1:]]
