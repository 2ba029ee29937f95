"""A member the decision named who fell ill or was withdrawn («Không đi (lý do)») stays on the delegation's
record, marked with the reason, and did not go: the report's «lượt cán bộ» does not count them, the cadre's
summary lists no trip, no other delegation is told to overlap with theirs, and the register and the list to
sign (trích ngang) show them marked."""

import datetime as dt
from collections.abc import Callable

import pytest

from bvct_desktop.core import browse, deadlines, documents_data, editing, importing, report
from bvct_desktop.core.kinds import DELEGATIONS
from bvct_desktop.io.documents import lists
from tests.core.test_trip_status import BACK_22_09, SENT_TO_JAPAN, YEAR_2025
from tests.rows_sheet import rows_sheet


def _not_going(db, member_name: str, reason: str | None, delegation_name: str = SENT_TO_JAPAN) -> int:
    """Marks `member_name` of a delegation (to Japan) as not going for `reason` (None: going after all)."""
    return members_saved(db, lambda member: {**member, "not_going": reason} if member["full_name"] == member_name
                         else member, delegation_name)


def members_saved(db, changed: Callable[[dict], dict], delegation_name: str = SENT_TO_JAPAN) -> int:
    """Saves the delegation's form with each member `changed`."""
    [delegation] = browse.record_ids(db, "delegations", delegation_name)
    stored = editing.load(db, "delegations", delegation)
    editing.save(db, "delegations", {**stored, editing.MEMBERS: list(map(changed, stored[editing.MEMBERS]))},
                 delegation)
    return delegation


def test_a_member_who_did_not_go_stays_on_the_delegation_marked_with_the_reason(db):
    delegation = _not_going(db, "Đỗ Quang Vinh", "ốm")
    members = editing.load(db, "delegations", delegation)[editing.MEMBERS]
    assert [(member["full_name"], member["not_going"]) for member in members] == [
        ("Bùi Thị Hương", None), ("Đỗ Quang Vinh", "ốm")]
    cells = browse.fetch_rows(db, "delegations", [delegation])[delegation]
    assert cells[-1] == "2 người: Bùi Thị Hương, Đỗ Quang Vinh (không đi: ốm)"


def test_a_delegations_members_cell_lists_them_a_line_each_in_its_tooltip_a_reason_with_a_comma_whole(db):
    """The tooltip was made by cutting the cell at each «, »: a reason «ốm, nằm viện» was cut across two lines."""
    delegation = _not_going(db, "Đỗ Quang Vinh", "ốm, nằm viện")
    assert browse.fetch_rows(db, "delegations", [delegation])[delegation].tips == {
        "members": "2 người:\nBùi Thị Hương\nĐỗ Quang Vinh (không đi: ốm, nằm viện)"}


def test_the_report_counts_the_cadres_who_went_not_those_named_who_did_not_go(db):
    assert report.count(db, *YEAR_2025)["cadres_sent_abroad"] == 3
    _not_going(db, "Đỗ Quang Vinh", "thay đổi công tác")
    figures = report.count(db, *YEAR_2025)
    assert (figures["delegations"], figures["cadres_sent_abroad"]) == (2, 2)
    _not_going(db, "Đỗ Quang Vinh", None)  # went after all
    assert report.count(db, *YEAR_2025)["cadres_sent_abroad"] == 3


def test_a_cadre_s_summary_lists_no_trip_for_a_delegation_the_cadre_did_not_go_with(db):
    _not_going(db, "Bùi Thị Hương", "ốm")
    [huong] = browse.record_ids(db, "cadres", "Bùi Thị Hương")
    with db.read() as connection:
        trips = documents_data.cadre_by_id(connection, huong)["trips"]
    assert [trip["name"] for trip in trips] == [BACK_22_09]


def test_a_member_who_did_not_go_is_not_told_away_at_the_same_time(db):
    """Hương, ill, stayed home from Japan: she may go to Laos on those days; and a place she did not take on
    Laos tells nothing of Japan either."""
    other = {"name": "Đoàn Lào", "countries": "Lào", "depart_on": "03/04/2025", "return_on": "06/04/2025",
             editing.MEMBERS: [{"full_name": "Bùi Thị Hương", "birth_date": "02/02/1975"}]}
    assert editing.to_confirm(db, "delegations", other) != []
    withdrawn = {**other, editing.MEMBERS: [{**other[editing.MEMBERS][0], "not_going": "thay đổi công tác"}]}
    assert editing.to_confirm(db, "delegations", withdrawn) == []
    _not_going(db, "Bùi Thị Hương", "ốm")
    assert editing.to_confirm(db, "delegations", other) == []


def test_the_list_to_sign_keeps_the_member_named_marked_and_says_how_many_did_not_go(db):
    delegation = _not_going(db, "Đỗ Quang Vinh", "ốm")
    with db.read() as connection:
        trip = documents_data.delegation_by_id(connection, delegation)
    records = lists.member_records(trip)
    assert [(record["full_name"], record["role"]) for record in records][-1] == (
        "Đỗ Quang Vinh", "Không đi (ốm)")
    assert lists.members_count(trip) == "Danh sách có 2 người, trong đó 1 người không đi."


def test_a_list_may_name_a_member_who_did_not_go_in_its_last_column(db):
    headers = ["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh",
               "Không đi (lý do)"]
    rows = [["Đoàn tham quan Vân Nam", "Trung Quốc", "10/10/2025", "17/10/2025", "Bùi Thị Hương", "02/02/1975", ""],
            ["Đoàn tham quan Vân Nam", "Trung Quốc", "10/10/2025", "17/10/2025", "Đỗ Quang Vinh", "1982", "ốm"]]
    before = report.count(db, *YEAR_2025)["cadres_sent_abroad"]
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([headers, *rows]))
    assert result.ok, result.problems
    assert report.count(db, *YEAR_2025)["cadres_sent_abroad"] == before + 1
    headers = [field.header for field in DELEGATIONS.fields]
    assert headers.index("Không đi (lý do)") > headers.index("Trong kế hoạch đối ngoại năm")


def test_a_delegation_none_of_whose_members_went_is_no_trip_made(db):
    """Everyone the decision named fell ill or was withdrawn: as a delegation called off, it is not counted
    and owes no post-trip report, though no one marked it «Đã hủy»."""
    late = dt.date(2025, 10, 2)
    [korea] = browse.record_ids(db, "delegations", BACK_22_09)
    assert korea in [due.record_id for due in deadlines.post_trip_reports_due(db, late)]
    _not_going(db, "Bùi Thị Hương", "ốm", BACK_22_09)
    figures = report.count(db, *YEAR_2025)
    assert (figures["delegations"], figures["cadres_sent_abroad"]) == (1, 2)
    assert korea not in [due.record_id for due in deadlines.post_trip_reports_due(db, late)]
    assert korea not in browse.record_ids(db, "delegations", filters=browse.Filters(overdue=True), today=late)


@pytest.mark.parametrize("marked_row", [1, 2])
def test_a_list_saying_not_going_in_the_status_of_one_member_s_row_only_is_refused_not_read_as_all_cancelled(
        db, marked_row):
    """An old list wrote «Không đi» in «Tình trạng» beside one member: read as the delegation's status, it
    cancelled the whole delegation. Rows of a delegation must agree on its status; the message says where a
    member's own absence goes."""
    headers = ["Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên", "Ngày sinh", "Tình trạng"]
    rows = [["Đoàn xúc tiến đầu tư Singapore", "Singapore", "10/07/2025", "15/07/2025", name, born, ""]
            for name, born in (("Bùi Thị Hương", "02/02/1975"), ("Đỗ Quang Vinh", "1982"))]
    rows[marked_row - 1][-1] = "Không đi"
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([headers, *rows]))
    assert [str(problem) for problem in result.problems] == [
        "Dòng 3, cột «Tình trạng»: khác với dòng 2 của cùng đoàn (Tình trạng); cả đoàn hủy hay hoãn thì ghi "
        "«Tình trạng» ở mọi dòng của đoàn, chỉ một người không đi thì ghi lý do ở cột «Không đi (lý do)»"]
    assert browse.record_ids(db, "delegations", "xúc tiến đầu tư") == []
