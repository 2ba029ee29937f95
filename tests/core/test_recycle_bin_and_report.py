"""Figures are counted from the registers; records in the recycle bin vanish from figures and
exports and come back when restored."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, audit_words, recycle_bin, report, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.personfile import cases, writes
from bvct_desktop.core.schema import delegations, persons, slips, vetting_cases
from tests.conftest import ADMIN, PASSWORD, file_cli, server_cli, workbook
from tests.samples import SAMPLES

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


@pytest.fixture
def cli(both_engines_cli):
    """The report figures are the same on the office server as on a file."""
    return both_engines_cli


@pytest.fixture
def db(cli, tmp_path):
    for kind, (headers, rows) in SAMPLES.items():
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))[0] == 0
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def test_figures_of_the_sample_registers(db):
    figures = report.figures(db, *YEAR_2025)
    assert figures["from"] == "2025-01-01" and figures["to"] == "2025-12-31"
    assert figures["slips_issued"] == 2
    assert figures["slip_subjects"] == 2
    assert figures["slips_answered"] == 1
    assert figures["slips_by_recipient"] == {"Cục A93B – Bộ Công an": 1, "Phòng PV27 – Công an tỉnh Bình Thuận": 1}
    assert figures["delegations"] == 2
    assert figures["cadres_sent_abroad"] == 3
    assert figures["archive_research_for_other_provinces"] == 1
    assert figures["archive_research_requested_from_other_provinces"] == 1
    assert figures["complaints_received"] == 2
    assert figures["complaints_resolved"] == 1


def test_period_bounds_are_both_included_and_answers_after_the_period_do_not_count(db):
    figures = report.figures(db, dt.date(2025, 1, 5), dt.date(2025, 2, 19))
    assert figures["slips_issued"] == 2 and figures["slips_answered"] == 0
    assert report.figures(db, dt.date(2025, 1, 6), dt.date(2025, 1, 6))["slips_issued"] == 1


def test_a_result_written_without_its_day_is_counted_apart_from_the_answered(cli, db, tmp_path):
    headers, rows = SAMPLES["slips"]
    waiting = dict(zip(headers, rows[1], strict=True))  # 13/PXM of 2025: no result yet
    undated = {**waiting, "Số phiếu": "14/PXM", "Kết quả": "Không có tàng thư"}
    assert cli("import", "slips", workbook(tmp_path / "phieu.xlsx", headers, [list(undated.values())]))[0] == 0
    figures = report.figures(db, *YEAR_2025)
    assert figures["slips_issued"] == 3 and figures["slips_answered"] == 1
    assert figures["slips_with_undated_result"] == 1


def test_the_slips_overdue_are_those_unanswered_past_their_deadline_at_the_end_of_the_period(cli, db):
    """12/PXM (05/01/2025, due 04/02/2025) was answered on 20/02/2025, 13/PXM (06/01/2025, due 05/02/2025)
    never was: on the period's last day 05/02/2025 one slip is overdue, at the end of 2025 one also, the
    late answer no longer."""
    assert report.figures(db, dt.date(2025, 1, 1), dt.date(2025, 2, 4))["slips_overdue"] == 0
    assert report.figures(db, dt.date(2025, 1, 1), dt.date(2025, 2, 5))["slips_overdue"] == 1
    figures = report.figures(db, *YEAR_2025)
    assert figures["slips_overdue"] == 1 and figures["slips_issued"] - figures["slips_answered"] == 1


def test_a_report_drafted_before_its_period_ends_counts_the_slips_overdue_on_its_day(cli, db):
    """Drafted on 04/02/2025 for the whole of 2025: no slip is overdue that day (12/PXM is due that very
    day); 13/PXM will be by 31/12/2025, a day still to come, which a report of today cannot tell."""
    drafted = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: dt.datetime(2025, 2, 4, 9))
    try:
        assert report.figures(drafted, *YEAR_2025)["slips_overdue"] == 0
    finally:
        drafted.close()


def test_a_slip_answered_on_a_day_still_to_come_is_answered_not_overdue_in_the_report(cli, db):
    """Drafted on 10/02/2025 for 2025: 12/PXM's reply, written as of 20/02/2025, counts it answered, so
    of the one slip still awaited, 13/PXM, one is overdue — never more overdue than awaited."""
    drafted = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: dt.datetime(2025, 2, 10, 9))
    try:
        figures = report.figures(drafted, *YEAR_2025)
    finally:
        drafted.close()
    assert figures["slips_issued"] - figures["slips_answered"] == 1 and figures["slips_overdue"] == 1
    assert figures["slips_answered_ahead"] == 1  # for the report to say «Đến ngày 10/02/2025» of the others


def test_no_reply_is_dated_ahead_in_a_report_made_after_its_period(db):
    assert report.figures(db, *YEAR_2025)["slips_answered_ahead"] == 0


def test_the_same_person_on_two_slips_counts_once(db):
    figures = report.figures(db, dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    assert figures["slips_issued"] == 3 and figures["slip_subjects"] == 2


def test_delegations_count_by_decision_date_else_departure(db):
    assert report.figures(db, dt.date(2025, 3, 10), dt.date(2025, 3, 10))["delegations"] == 1
    assert report.figures(db, dt.date(2025, 9, 15), dt.date(2025, 9, 15))["delegations"] == 1
    assert report.figures(db, dt.date(2025, 4, 1), dt.date(2025, 4, 1))["delegations"] == 0


def test_deleted_records_vanish_from_figures_and_come_back_restored(db):
    with db.read() as connection:
        slip_id = connection.execute(select(slips.c.id).where(slips.c.number == "12/PXM")).scalar()
    recycle_bin.delete(db, "slips", slip_id)
    assert report.figures(db, *YEAR_2025)["slips_issued"] == 1
    assert recycle_bin.in_recycle_bin(db, "slips") == [slip_id]
    with pytest.raises(InputError):
        recycle_bin.delete(db, "slips", slip_id)
    recycle_bin.restore(db, "slips", slip_id)
    assert report.figures(db, *YEAR_2025)["slips_issued"] == 2
    assert recycle_bin.in_recycle_bin(db, "slips") == []


def test_reversed_period_is_refused(db):
    with pytest.raises(InputError):
        report.figures(db, dt.date(2025, 12, 31), dt.date(2025, 1, 1))


def test_the_figures_are_the_same_on_both_engines_byte_for_byte_largest_first(request, capsys, monkeypatch, tmp_path):
    written = []
    for make in (file_cli, server_cli):
        cli = make(request, capsys, monkeypatch)
        for kind, (headers, rows) in SAMPLES.items():
            assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))[0] == 0
        headers, (accusation, _) = SAMPLES["complaints"]
        more = [[f"0{day}/06/2025", f"Người gửi {day}", kind, *accusation[3:]]
                for day, kind in ((3, "Tố cáo"), (4, "Tố cáo"), (5, "Khiếu nại"), (6, "Khiếu nại"))]
        assert cli("import", "complaints", workbook(tmp_path / "them.xlsx", headers, more))[0] == 0
        database = vault.unlock(cli.db, ADMIN, PASSWORD)
        figures = report.figures(database, *YEAR_2025)
        database.close()
        for grouped in ("complaints_by_kind", "delegations_by_purpose"):
            counts = figures[grouped]
            assert list(counts) == sorted(counts, key=lambda name: (-counts[name], name))
        written.append(json.dumps(figures, ensure_ascii=False))
    assert written[0] == written[1]


def test_vetting_cases_count_by_their_opening_and_their_conclusion_in_the_period(db):
    """Opened in the period by purpose; concluded in it (whenever opened) by result; edges included,
    deleted cases never."""
    with db.read() as connection:
        person = connection.execute(select(persons.c.id).order_by(persons.c.id)).scalars().first()
    concluded, opened = {"conclusion_no": "472-CV/BTCTU", "signer": "Trần Văn Ban"}, {}
    for purpose, opened_on, concluded_on, result in (
            ("Bầu cử", "01/10/2026", "31/12/2026", "Có vấn đề nhưng không vi phạm"),
            ("Bổ nhiệm", "30/09/2026", "01/10/2026", "Đủ tiêu chuẩn"),
            ("Quy hoạch", "31/12/2026", None, None),
            ("Kết nạp Đảng", "15/11/2026", "01/01/2027", "Chưa đủ tiêu chuẩn"),
            ("Khác", "01/11/2026", "02/11/2026", "Đủ tiêu chuẩn"),
            (None, "10/10/2026", None, None)):
        case = opened[purpose] = cases.open_case(db, person, {"purpose": purpose, "opened_on": opened_on})
        if concluded_on:
            cases.record_conclusion(db, case, {**concluded, "concluded_on": concluded_on, "result": result,
                                               "limit_note": "Không bố trí vị trí cơ mật"})
    with db.write() as connection:  # the one in the recycle bin
        writes.soft_delete(db, connection, vetting_cases, cases.KIND,
                           writes.current(connection, vetting_cases, opened["Khác"], "hồ sơ thẩm tra"))
    figures = report.figures(db, dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert figures["vetting_cases_opened"] == 4
    assert figures["vetting_cases_by_purpose"] == {"Bầu cử": 1, "Kết nạp Đảng": 1, "Không ghi": 1, "Quy hoạch": 1}
    assert figures["vetting_cases_concluded"] == 2
    assert figures["vetting_conclusions_by_result"] == {"Có vấn đề nhưng không vi phạm": 1, "Đủ tiêu chuẩn": 1}


def _last_entry(db, kind: str) -> list[str]:
    """The trail's last entry about a record of `kind` (deleting a slip may move its vetting case too)."""
    return audit_words.cells([entry for entry in audit.list_entries(db) if entry.kind == kind][-1])


def test_a_record_deleted_or_restored_is_named_in_the_trail_by_what_identifies_it(db):
    with db.read() as connection:
        slip_id = connection.execute(select(slips.c.id).where(slips.c.number == "12/PXM")).scalar()
        delegation_id = connection.execute(select(delegations.c.id)
                                           .where(delegations.c.decision_no == "125-QĐ/TU")).scalar()
    recycle_bin.delete(db, "slips", slip_id)
    said = ("Số phiếu: «12/PXM»; Ngày phát hành: 05/01/2025; Họ và tên người được xác minh: «Phạm Văn Bình»; "
            "Họ và tên người được thẩm tra: «Phạm Minh Quang»; Nơi nhận phiếu: «Cục A93B – Bộ Công an»")
    assert _last_entry(db, "slips")[4:] == ["xóa", "thành công", "Phiếu yêu cầu xác minh lai lịch", "Phiếu 12/PXM",
                                            "Giá trị trước khi xóa: " + said]
    recycle_bin.restore(db, "slips", slip_id)
    assert _last_entry(db, "slips")[4] == "khôi phục" and _last_entry(db, "slips")[8] == "Giá trị: " + said
    recycle_bin.delete(db, "delegations", delegation_id)
    assert _last_entry(db, "delegations")[8] == (
        "Giá trị trước khi xóa: Tên đoàn: Đoàn công tác Sở Nội vụ; Số quyết định: «125-QĐ/TU»; "
        "Ngày quyết định: 10/03/2025; Nước đến: «Nhật Bản»; Ngày đi: 01/04/2025; Ngày về: 08/04/2025")


def test_a_breakdown_s_equal_counts_are_in_vietnamese_alphabetical_order(cli, db, tmp_path):
    """«Đi nước ngoài» came after «Kết nạp Đảng» (Đ sorted by its code, after every plain letter)."""
    headers, rows = SAMPLES["slips"]
    sample = dict(zip(headers, rows[1], strict=True))
    abroad = [list({**sample, "Số phiếu": number, "Mục đích xác minh": "Đi nước ngoài"}.values())
              for number in ("14/PXM", "15/PXM")]
    assert cli("import", "slips", workbook(tmp_path / "phieu.xlsx", headers, abroad))[0] == 0
    assert list(report.figures(db, *YEAR_2025)["slips_by_purpose"].items()) == [("Đi nước ngoài", 2),
                                                                               ("Kết nạp Đảng", 2)]


def test_letters_still_open_when_the_period_starts_are_carried_over_and_counted_where_resolved(cli, db, tmp_path):
    """A letter received on 31/12/2025 and resolved on 15/01/2026 is work of the first half of 2026:
    carried over into it, resolved in it; a letter resolved before the period is not carried over."""
    headers, _ = SAMPLES["complaints"]  # 02/05/2025 resolved 20/06/2025; 01/08/2025 still open
    letters = [["31/12/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Tố cáo sai phạm trong cấp đất", None,
                "15/01/2026", "Chuyển Ủy ban Kiểm tra Tỉnh ủy"],
               ["05/01/2026", "Lê Văn Tám", "Khiếu nại", None, "Khiếu nại quyết định thu hồi đất", None, None, None]]
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, letters))[0] == 0
    figures = report.figures(db, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert figures["complaints_received"] == 1 and figures["complaints_resolved"] == 0
    assert figures["complaints_carried_over"] == 2
    assert figures["complaints_carried_over_resolved"] == 1
    year_2025 = report.figures(db, *YEAR_2025)
    assert year_2025["complaints_carried_over"] == 0 and year_2025["complaints_received"] == 3
