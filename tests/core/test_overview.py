"""What the dashboard warns of besides core/deadlines: vetting cases and complaints coming due within
the same warning days, conclusions lapsing within a setting's days, requests to another province's
archive unanswered past a setting's days."""

import datetime as dt

from sqlalchemy import select

from bvct_desktop.core import browse, deadlines, editing, overview, recycle_bin, settings
from bvct_desktop.core.periods import STATISTICAL_YEAR
from bvct_desktop.core.personfile import cases, relatives
from bvct_desktop.core.schema import archive_requests, persons
from bvct_desktop.core.schema import cadres as cadres_table
from tests.core.personfile.conftest import person_named
from tests.sample_db import sample_database

SAMPLE_KINDS = ("cadres", "archive-requests", "complaints")  # what the `db` fixture holds


def test_a_vetting_case_shows_as_many_days_before_its_deadline_as_a_complaint(db):
    """An election case due in two days (before the second round of hiệp thương) is seen coming."""
    case = cases.open_case(db, person_named(db, "Trần Thị Ánh"),
                           {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "10/03/2026"})
    ahead = dt.date(2026, 3, 10) - dt.timedelta(days=overview.WARNING_DAYS)
    assert overview.vetting_cases_due(db, ahead - dt.timedelta(days=1)) == []
    [due] = overview.vetting_cases_due(db, ahead)
    assert (due.record_id, due.due_on) == (case, dt.date(2026, 3, 10))
    assert [due.record_id for due in overview.vetting_cases_due(db, dt.date(2026, 3, 8))] == [case]
    cases.record_conclusion(db, case, {"conclusion_no": "3-CV/BTCTU", "concluded_on": "08/03/2026",
                                       "result": "Đủ tiêu chuẩn"})
    assert overview.vetting_cases_due(db, dt.date(2026, 3, 8)) == []


def test_a_conclusion_is_reminded_of_the_setting_s_days_before_it_lapses(db):
    case = cases.open_case(db, person_named(db, "Trần Thị Ánh"), {"purpose": "Bổ nhiệm", "opened_on": "01/03/2025"})
    cases.record_conclusion(db, case, {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2025",
                                       "result": "Đủ tiêu chuẩn"})  # valid to 15/09/2025
    assert settings.BY_KEY[overview.CONCLUSION_REMINDER_SETTING].default == "30"
    assert overview.conclusions_due(db, dt.date(2025, 8, 15)) == []
    [due] = overview.conclusions_due(db, dt.date(2025, 8, 16))
    assert (due.record_id, due.due_on) == (case, dt.date(2025, 9, 15))
    assert [due.record_id for due in overview.conclusions_due(db, dt.date(2025, 10, 1))] == [case]  # lapsed
    settings.set_setting(db, overview.CONCLUSION_REMINDER_SETTING, "10")
    assert overview.conclusions_due(db, dt.date(2025, 8, 16)) == []


def _concluded(db, full_name: str, purpose: str, concluded_on: str) -> int:
    case = cases.open_case(db, person_named(db, full_name), {"purpose": purpose, "opened_on": "01/01/2024"})
    cases.record_conclusion(db, case, {"conclusion_no": "1-CV/BTCTU", "concluded_on": concluded_on,
                                       "result": "Đủ tiêu chuẩn"})
    return case


def test_conclusions_lapsing_soon_come_first_then_the_lapsed_the_latest_lapse_first(db):
    """262 conclusions lapsed long ago, oldest first, buried the one lapsing in a week at the bottom of the tab:
    the officer reads what lapses soonest, then what lapsed most lately."""
    lapsed_long_ago = _concluded(db, "Trần Thị Ánh", "Đi nước ngoài", "15/01/2025")  # valid to 15/07/2025
    lapsed_lately = _concluded(db, "Trần Thị Ánh", "Bổ nhiệm", "20/02/2025")  # valid to 20/08/2025
    lapsing_late = _concluded(db, "Trần Thị Ánh", "Quy hoạch", "25/03/2025")  # valid to 25/09/2025
    lapsing_soon = _concluded(db, "Trần Thị Ánh", "Bầu cử", "05/03/2025")  # valid to 05/09/2025
    due = overview.conclusions_due(db, dt.date(2025, 9, 1))
    assert [entry.record_id for entry in due] == [lapsing_soon, lapsing_late, lapsed_lately, lapsed_long_ago]


def test_the_conclusions_of_a_cadre_in_the_recycle_bin_are_no_longer_reminded(db):
    """A cadre deleted from the register (retired, moved away) has no standard to check again; a person vetted
    who was never a cadre (one vetted for admission to the Party) still has."""
    cadre = _concluded(db, "Trần Thị Ánh", "Bổ nhiệm", "15/03/2025")
    never_a_cadre = _concluded(db, _someone_not_a_cadre(db), "Kết nạp Đảng", "15/03/2025")
    recycle_bin.delete(db, "cadres", browse.record_ids(db, "cadres", "Trần Thị Ánh")[0])
    assert [due.record_id for due in overview.conclusions_due(db, dt.date(2025, 10, 1))] == [never_a_cadre]
    recycle_bin.restore(db, "cadres", recycle_bin.in_recycle_bin(db, "cadres")[0])
    assert {due.record_id for due in overview.conclusions_due(db, dt.date(2025, 10, 1))} == {cadre, never_a_cadre}


def _someone_not_a_cadre(db) -> str:
    with db.read() as connection:
        return connection.execute(select(persons.c.full_name).where(
            persons.c.id.not_in(select(cadres_table.c.person_id))).order_by(persons.c.id).limit(1)).scalar_one()


def test_a_request_to_another_province_s_archive_unanswered_past_the_setting_s_days_is_listed(db):
    """Ngô Thị Mai's request to TP Hồ Chí Minh of 10/03/2025 has no reply; the one answered for Đồng Nai
    never shows."""
    assert settings.BY_KEY[deadlines.ARCHIVE_REPLY_DAYS].default == "60"
    assert overview.archive_requests_unanswered(db, dt.date(2025, 5, 9)) == []
    [due] = overview.archive_requests_unanswered(db, dt.date(2025, 5, 10))
    assert due.due_on == dt.date(2025, 5, 9) and due.days_late(dt.date(2025, 5, 10)) == 1
    assert due.title == "Tỉnh bạn chưa trả lời: TP Hồ Chí Minh – Ngô Thị Mai (văn bản ngày 10/03/2025)"
    settings.set_setting(db, deadlines.ARCHIVE_REPLY_DAYS, "90")
    assert overview.archive_requests_unanswered(db, dt.date(2025, 5, 10)) == []


def test_an_unanswered_request_serving_a_case_names_the_one_vetted_and_how_they_are_related(db):
    """Ngô Thị Mai is the mother-in-law in Nguyễn Văn Hùng's file, and the request about her serves his case:
    the officer chasing Hồ Chí Minh City knows whose vetting waits. A request serving the case of a person
    whose file does not list her says whose case it serves."""
    hung, anh = person_named(db, "Nguyễn Văn Hùng"), person_named(db, "Trần Thị Ánh")
    relatives.add_relative(db, hung, {"relation": "Mẹ vợ", "full_name": "Ngô Thị Mai", "birth_date": "05/1952",
                                      "home_town": "Phan Rí Cửa"})
    request = editing.save(db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Khánh Hòa", "doc_no": "1234-CV/BTCTU",
        "doc_on": "10/03/2025", "full_name": "Trương Văn Bảy", "birth_date": "1945"})
    with db.read() as connection:
        mai = connection.execute(select(archive_requests.c.id).where(
            archive_requests.c.person_id == person_named(db, "Ngô Thị Mai"))).scalar_one()
    cases.attach_archive_request(db, cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2025"}),
                                 mai)
    cases.attach_archive_request(db, cases.open_case(db, anh, {"purpose": "Bầu cử", "opened_on": "01/03/2025"}),
                                 request)
    assert [due.title for due in overview.archive_requests_unanswered(db, dt.date(2025, 5, 12))] == [
        "Tỉnh bạn chưa trả lời: TP Hồ Chí Minh – Ngô Thị Mai (mẹ vợ của Nguyễn Văn Hùng; văn bản ngày 10/03/2025)",
        "Tỉnh bạn chưa trả lời: Khánh Hòa – Trương Văn Bảy (thẩm tra cho Trần Thị Ánh; văn bản số 1234-CV/BTCTU "
        "ngày 10/03/2025)"]


def test_an_unanswered_request_naming_a_former_province_says_the_province_it_is_part_of_now(db):
    """A request written to «Đắk Nông» (part of Lâm Đồng since 01/7/2025): the home page's list says so."""
    editing.save(db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Đắk Nông", "doc_no": "12-CV/BTCTU",
        "doc_on": "10/05/2025", "full_name": "Trương Văn Bảy", "birth_date": "1945"})
    titles = [due.title for due in overview.archive_requests_unanswered(db, dt.date(2025, 7, 15))]
    assert "Tỉnh bạn chưa trả lời: Đắk Nông (nay: tỉnh Lâm Đồng) – Trương Văn Bảy (văn bản số 12-CV/BTCTU ngày " \
           "10/05/2025)" in titles


def test_a_request_to_another_province_is_due_as_a_slip_on_the_next_working_day(db):
    """Sent 10/12/2025: the 60 days end Sunday 08/02/2026, so it is chased from Tuesday 10/02/2026, not on
    the Monday, its deadline; and the 90 days set from 01/01/2026 do not push it back."""
    request = editing.save(db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Khánh Hòa", "doc_no": "1234-CV/BTCTU",
        "doc_on": "10/12/2025", "full_name": "Trương Văn Bảy", "birth_date": "1945"})
    settings.set_setting(db, deadlines.ARCHIVE_REPLY_DAYS, "90", dt.date(2026, 1, 1))
    monday, tuesday = dt.date(2026, 2, 9), dt.date(2026, 2, 10)
    assert request not in [due.record_id for due in overview.archive_requests_unanswered(db, monday)]
    [due] = [due for due in overview.archive_requests_unanswered(db, tuesday) if due.record_id == request]
    assert due.due_on == monday and due.days_late(tuesday) == 1


def test_a_request_from_another_province_we_have_not_answered_is_owed_after_the_same_days(db):
    """The brief sets no time limit for tàng thư research: Khánh Hòa's letter of 08/12/2026 is owed the days
    of the setting for requests we send, 60, ending on Mùng 1 Tết 06/02/2027; after Tết and the days off in lieu
    it is due Friday 12/02/2027 and listed from Saturday, saying we owe it. Đồng Nai's, answered, never shows."""
    request = editing.save(db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Khánh Hòa", "doc_no": "1520-CV/BTCTU",
        "doc_on": "08/12/2026", "full_name": "HUỲNH VĂN SÁU", "birth_date": "1946", "home_town": "Phan Thiết"})
    assert request not in [due.record_id for due in overview.archive_requests_unanswered(db, dt.date(2027, 2, 12))]
    listed = overview.archive_requests_unanswered(db, dt.date(2027, 2, 15))
    assert [due.title for due in listed] == [
        "Tỉnh bạn chưa trả lời: TP Hồ Chí Minh – Ngô Thị Mai (văn bản ngày 10/03/2025)",
        "Ta chưa trả lời: Khánh Hòa – HUỲNH VĂN SÁU (văn bản số 1520-CV/BTCTU ngày 08/12/2026)"]
    assert (listed[1].record_id, listed[1].due_on, listed[1].days_late(dt.date(2027, 2, 15))) == (
        request, dt.date(2027, 2, 12), 3)


# The report's figures as its sections state them: I.1 the vetting cases, then the slips (issued, their
# subjects, answered, those of them dated after the day counted to, results without their day, overdue, with an
# archive record, carried over and answered, and of them dated after the day counted to); I.2 the archive research
# both ways, each with those answered (those of them dated after the day counted to told apart), with a record found
# and carried over (answered, told apart the same way); I.3 the delegations;
# I.4 the letters received, resolved, carried over and resolved.
REPORT_SECTIONS = {
    "I.1": ("vetting_cases_opened", "vetting_cases_concluded", "slips_issued", "slip_subjects", "slips_answered",
            "slips_answered_ahead", "slips_with_undated_result", "slips_without_result", "slips_overdue",
            "slips_with_archive_record", "slip_subjects_with_archive_record", "slips_carried_over",
            "slips_carried_over_answered", "slips_carried_over_answered_ahead"),
    "I.2": ("archive_research_for_other_provinces", "archive_research_for_other_provinces_answered",
            "archive_research_for_other_provinces_answered_ahead",
            "archive_research_for_other_provinces_with_record",
            "archive_research_for_other_provinces_carried_over",
            "archive_research_for_other_provinces_carried_over_answered",
            "archive_research_for_other_provinces_carried_over_answered_ahead",
            "archive_research_requested_from_other_provinces",
            "archive_research_requested_from_other_provinces_answered",
            "archive_research_requested_from_other_provinces_answered_ahead",
            "archive_research_requested_from_other_provinces_with_record",
            "archive_research_requested_from_other_provinces_carried_over",
            "archive_research_requested_from_other_provinces_carried_over_answered",
            "archive_research_requested_from_other_provinces_carried_over_answered_ahead"),
    "I.3": ("delegations", "cadres_sent_abroad"),
    "I.4": ("complaints_received", "complaints_anonymous", "complaints_resolved", "complaints_forwarded",
            "complaints_forwarded_unresolved", "complaints_carried_over", "complaints_carried_over_resolved"),
}


def test_the_report_figures_are_listed_as_the_reports_sections_state_them():
    """A chief reading the figures finds each with its subject: «… giúp tỉnh bạn: đã trả lời» right under
    its own count, the slips' figures together, in the order of sections I.1 to I.4."""
    assert list(overview.REPORT_LABELS) == [key for keys in REPORT_SECTIONS.values() for key in keys]


def test_the_dashboard_shows_the_spec_figures_in_its_own_order_under_the_reports_labels():
    assert list(overview.FIGURE_LABELS) == [
        "slips_issued", "slip_subjects", "slips_answered", "delegations", "cadres_sent_abroad",
        "archive_research_for_other_provinces", "archive_research_requested_from_other_provinces",
        "complaints_received", "complaints_resolved"]
    assert all(overview.REPORT_LABELS[key] == label for key, label in overview.FIGURE_LABELS.items())


def test_a_new_office_s_database_holds_no_records_until_one_is_kept_and_none_once_it_is_in_the_bin(cli, tmp_path):
    """The dashboard says where to begin while no register holds a record (a record in the bin is none)."""
    from bvct_desktop.core import recycle_bin

    db = sample_database(cli, tmp_path, kinds=())
    try:
        assert not overview.holds_records(db)
        complaint = editing.save(db, "complaints", {"received_on": "01/09/2025", "sender": "Lê Văn Ba",
                                                    "complaint_kind": "Phản ánh", "summary": "Phản ánh việc kê khai"})
        assert overview.holds_records(db)
        recycle_bin.delete(db, "complaints", complaint)
        assert not overview.holds_records(db)
    finally:
        db.close()


def test_the_chart_counts_slips_in_the_months_as_the_office_counts_them(cli, tmp_path):
    """In the statistical year 2025 (15/12/2024 to 14/12/2025) 12/PXM and 13/PXM of early January are issued in
    «tháng 1» and 12/PXM answered on 20/02/2025 in «tháng 3» (from 15/02); the calendar year answers it in February."""
    db = sample_database(cli, tmp_path, kinds=("cadres", "slips"))
    start, end = dt.date(2024, 12, 15), dt.date(2025, 12, 14)
    months = overview.slips_by_month(db, start, end, STATISTICAL_YEAR)
    assert [(m.year, m.month) for m in months] == [(2025, month) for month in range(1, 13)]
    assert [(m.month, m.issued, m.answered) for m in months if m.issued or m.answered] == [(1, 2, 0), (3, 0, 1)]
    calendar = overview.slips_by_month(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [(m.month, m.issued, m.answered) for m in calendar if m.issued or m.answered] == [(1, 2, 0), (2, 0, 1)]
    db.close()
