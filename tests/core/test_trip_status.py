"""A delegation cancelled or put off (its «Tình trạng»: «Đã hủy», «Hoãn») stays on record, marked, and is no
trip made: the report does not count it, no post-trip report is due for it, its members are not away with
it, and a cadre's summary lists no trip for it."""

import datetime as dt

import pytest

from bvct_desktop.core import browse, deadlines, documents_data, editing, importing, overview, report
from bvct_desktop.core.kinds import DELEGATIONS
from tests.rows_sheet import rows_sheet

SENT_TO_JAPAN = "Đoàn công tác Sở Nội vụ"  # 125-QĐ/TU, 01/04–08/04/2025: Bùi Thị Hương, Đỗ Quang Vinh
BACK_22_09 = "Đoàn học tập kinh nghiệm chuyển đổi số"  # back 22/09/2025, its report not received
YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def _mark(db, name: str, status: str | None) -> int:
    [delegation] = browse.record_ids(db, "delegations", name)
    stored = editing.load(db, "delegations", delegation)
    editing.save(db, "delegations", {**stored, "status": status}, delegation)
    return delegation


def _trip_figures(db) -> tuple:
    figures = report.count(db, *YEAR_2025)
    return figures["delegations"], figures["cadres_sent_abroad"], figures["delegations_by_purpose"]


@pytest.mark.parametrize("status", ["Đã hủy", "Hoãn"])
def test_a_delegation_called_off_stays_on_record_but_the_report_does_not_count_it(db, status):
    sent = (2, 3, {"Công tác": 1, "Học tập kinh nghiệm": 1})
    assert _trip_figures(db) == sent
    delegation = _mark(db, SENT_TO_JAPAN, status)
    assert editing.load(db, "delegations", delegation)["status"] == status
    assert browse.record_ids(db, "delegations", SENT_TO_JAPAN) == [delegation]
    assert _trip_figures(db) == (1, 1, {"Học tập kinh nghiệm": 1})
    _mark(db, SENT_TO_JAPAN, None)  # it went after all
    assert _trip_figures(db) == sent


@pytest.mark.parametrize("status", ["Đã hủy", "Hoãn"])
def test_no_post_trip_report_is_due_for_a_delegation_called_off(db, status):
    late = dt.date(2025, 10, 2)
    delegation = _mark(db, BACK_22_09, status)
    assert delegation not in [due.record_id for due in deadlines.post_trip_reports_due(db, late)]
    assert delegation not in browse.record_ids(db, "delegations", filters=browse.Filters(overdue=True), today=late)
    assert delegation not in browse.record_ids(db, "delegations", today=late,
                                               filters=browse.Filters(status="Chưa nhận báo cáo"))
    assert browse.record_ids(db, "delegations", filters=browse.Filters(status=status)) == [delegation]


def test_a_cadre_s_summary_lists_no_trip_for_a_delegation_cancelled(db):
    _mark(db, SENT_TO_JAPAN, "Đã hủy")
    [huong] = browse.record_ids(db, "cadres", "Bùi Thị Hương")
    with db.read() as connection:
        trips = documents_data.cadre_by_id(connection, huong)["trips"]
    assert [trip["name"] for trip in trips] == [BACK_22_09]


def test_a_member_of_a_cancelled_delegation_is_not_told_away_with_it(db):
    """Hương's trip to Japan was cancelled: another delegation on those days is no overlap."""
    _mark(db, SENT_TO_JAPAN, "Đã hủy")
    other = {"name": "Đoàn Lào", "countries": "Lào", "depart_on": "03/04/2025", "return_on": "06/04/2025",
             editing.MEMBERS: [{"full_name": "Bùi Thị Hương", "birth_date": "02/02/1975"}]}
    assert editing.to_confirm(db, "delegations", other) == []


def test_a_delegation_list_may_say_a_delegation_was_called_off_as_old_lists_write_it(db):
    headers = ["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Tình trạng", "Họ và tên thành viên", "Ngày sinh"]
    rows = [["Đoàn tham quan Vân Nam", "Trung Quốc", "10/10/2025", "17/10/2025", "hủy", "Bùi Thị Hương", "02/02/1975"],
            ["Đoàn hữu nghị Champasak", "Lào", "20/11/2025", "25/11/2025", "Tạm hoãn", "Đỗ Quang Vinh", "1982"]]
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([headers, *rows]))
    assert result.ok, result.problems
    marked = [editing.load(db, "delegations", browse.record_ids(db, "delegations", row[0])[0])["status"]
              for row in rows]
    assert marked == ["Đã hủy", "Hoãn"]


def test_the_dashboard_s_figure_opens_on_the_delegations_it_counts(db):
    _mark(db, SENT_TO_JAPAN, "Đã hủy")
    kind, filters = overview.records_behind("delegations", *YEAR_2025)
    listed = browse.record_ids(db, kind, filters=filters)
    assert listed == browse.record_ids(db, "delegations", BACK_22_09)
    assert len(listed) == report.count(db, *YEAR_2025)["delegations"]
