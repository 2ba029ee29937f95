"""The written report after a delegation's trip (brief §1.5: delegations and cadres sent by Ban Thường vụ file a
written result report to Thường trực Tỉnh ủy): besides the day it was received, its number, its date and who
received it are kept with the delegation, columns of its list after the spec's, shown, searched and exported."""

import datetime as dt

import openpyxl

from bvct_desktop.core import browse, editing, importing
from bvct_desktop.core.kinds import DELEGATIONS
from tests.rows_sheet import rows_sheet

HEADERS = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Ngày nhận báo cáo",
           "Họ và tên thành viên", "Ngày sinh", "Số báo cáo", "Ngày báo cáo", "Nơi nhận báo cáo"]
TRIP = ["1234-QĐ/TU", "01/10/2025", "Đoàn học tập kinh nghiệm nông nghiệp công nghệ cao", "Nhật Bản", "12/10/2025",
        "22/10/2025", "30/10/2025", "Trần Văn Hùng", "1970"]
REPORT = ["1056-BC/SNN", "28/10/2025", "Thường trực Tỉnh ủy Lâm Đồng"]


def _imported(db, report=REPORT) -> int:
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, [*TRIP, *report]]))
    assert result.ok, result.problems
    [delegation] = browse.record_ids(db, "delegations", TRIP[2])
    return delegation


def test_the_report_s_number_date_and_recipient_are_kept_with_the_delegation(db):
    kept = editing.load(db, "delegations", _imported(db))
    assert (kept["report_no"], kept["report_on"], kept["report_to"]) == (
        "1056-BC/SNN", dt.date(2025, 10, 28), "Thường trực Tỉnh ủy Lâm Đồng")


def test_the_spec_s_columns_keep_their_order_and_the_report_s_come_after_them(db):
    headers = [field.header for field in DELEGATIONS.fields]
    assert headers[:headers.index("Vai trò") + 1] == [
        "Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Mục đích", "Ngày đi", "Ngày về",
        "Ngày nhận báo cáo", "Họ và tên thành viên", "Ngày sinh", "Quê quán", "Số CCCD", "Chức vụ",
        "Đơn vị công tác", "Vai trò"]
    assert headers[-3:] == ["Số báo cáo", "Ngày báo cáo", "Nơi nhận báo cáo"]


def test_a_report_dated_before_the_return_is_refused(db):
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, [*TRIP, REPORT[0], "20/10/2025",
                                                                          REPORT[2]]]))
    assert not result.ok
    assert any("Ngày báo cáo" in str(problem) for problem in result.problems)


def test_the_register_shows_the_report_and_a_search_finds_it_by_its_number_or_recipient(db):
    delegation = _imported(db)
    columns = [column.key for column in browse.view("delegations").columns]
    assert {"report_no", "report_on", "report_to"} <= set(columns)
    assert browse.record_ids(db, "delegations", "1056-bc") == [delegation]
    assert browse.record_ids(db, "delegations", "thuong truc tinh uy") == [delegation]


def test_an_export_gives_the_report_back_under_its_headers(db, cli, tmp_path):
    _imported(db)
    target = tmp_path / "doan.xlsx"
    assert cli("export", "delegations", "--out", target)[0] == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    header = list(rows[0])
    [row] = [row for row in rows if row[header.index("Tên đoàn")] == TRIP[2]]
    assert row[header.index("Số báo cáo")] == "1056-BC/SNN"
    assert row[header.index("Nơi nhận báo cáo")] == "Thường trực Tỉnh ủy Lâm Đồng"
    assert row[header.index("Ngày báo cáo")] in (dt.datetime(2025, 10, 28), "28/10/2025")


def test_a_report_dated_after_it_was_received_is_imported_and_told(db):
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, [*TRIP, REPORT[0], "05/11/2025",
                                                                          REPORT[2]]]), dry_run=True)
    assert result.ok, result.problems
    assert [str(warning) for warning in result.warnings] == [
        "Dòng 2, cột «Ngày báo cáo»: «05/11/2025» ở sau Ngày nhận báo cáo «30/10/2025»: báo cáo được nhận trước "
        "ngày ghi trên báo cáo? Hãy xem lại"]
