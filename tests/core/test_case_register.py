"""The vetting cases' list for the Standing Committee: the cases the register page shows, in its order, one line
each with the person's year and place of birth, the cadre's post, each slip's recipient and its answer in brief,
the conclusion (or the deadline, how late on the day printed); printing and exporting it need the export
permission, and the export is audited with its file."""

import datetime as dt

import pytest

from bvct_desktop.core import browse, case_register, recycle_bin
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases
from tests.core.personfile.conftest import db, last_audit, person_named  # noqa: F401 - the fixture
from tests.core.personfile.test_cases import CONCLUSION, _case_of
from tests.core.personfile.test_replied import add_cases
from tests.sample_db import viewer_database
from tests.sqlite_steps import work

TODAY = dt.date(2026, 3, 20)


def lines(db, ids):  # noqa: F811 - the fixture's name
    with db.read() as connection:
        return case_register.lines(connection, ids, TODAY)


def test_the_lists_purpose_is_the_cases_field_headed_in_as_few_words_as_the_register_heads_it():
    """One declaration of a case's purpose: its choices, and the register's shorter header on screen and on paper."""
    on_screen = browse.view("vetting-cases").column("purpose")
    assert case_register.PURPOSE.header == on_screen.header == "Mục đích"
    assert case_register.PURPOSE == browse.shortened(cases.case_field("purpose")) == browse.shortened(on_screen.field)


def test_each_case_shown_is_one_line_with_its_slips_answered_in_brief_in_the_order_given(db):  # noqa: F811
    hung = cases.open_case(db, person_named(db, "Nguyễn Văn Hùng"),
                           {"purpose": "Bầu cử", "opened_on": "01/03/2026", "due_on": "16/03/2026"})
    admission = _case_of(db, "13/PXM")
    cases.record_conclusion(db, admission, {**CONCLUSION, "result": cases.LIMITED, "limit_note": "Không bố trí ở "
                                            "vị trí trọng yếu, cơ mật"})
    first, second = lines(db, [hung, admission])
    assert (first["full_name"], first["post"], first["home_town"], first["replies"]) == (
        "Nguyễn Văn Hùng", "Giám đốc, Sở Nội vụ", "Phú Thủy, Phan Thiết", "")
    assert first["conclusion"] == f"{cases.OPEN}, hạn 16/03/2026 (quá hạn 4 ngày)"
    assert second["full_name"] == "Phạm Minh Quang" and second["post"] is None
    assert second["replies"] == "Cục A93B (Cha): Không có tàng thư 20/02/2025; Phòng PV27: chưa trả lời"
    assert second["conclusion"] == (f"{cases.LIMITED} (472-CV/BTCTU ngày 15/03/2025); mức giới hạn: Không bố trí ở "
                                    "vị trí trọng yếu, cơ mật")
    assert [field.header for field in case_register.FIELDS] == [
        "Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ – đơn vị", "Mục đích", "Ngày mở hồ sơ",
        "Phiếu xác minh, kết quả trả lời", "Kết luận", "Ghi chú"]


def test_a_case_in_the_recycle_bin_is_left_out(db):  # noqa: F811
    admission, appointment = _case_of(db, "13/PXM"), _case_of(db, "1/PXM")
    recycle_bin.delete(db, cases.KIND, appointment)
    assert [line["id"] for line in lines(db, [appointment, admission])] == [admission]


def test_an_open_case_with_no_deadline_reads_its_status_alone_and_one_not_late_its_day():
    case = {"status": cases.OPEN, "due_on": None}
    assert case_register.conclusion_told(case, TODAY) == cases.OPEN
    assert case_register.conclusion_told({**case, "due_on": dt.date(2026, 3, 20)}, TODAY) == (
        f"{cases.OPEN}, hạn 20/03/2026")


def test_the_list_exported_is_audited_with_its_file_and_what_it_covers(db, tmp_path):  # noqa: F811
    admission = _case_of(db, "13/PXM")
    written = []
    case_register.produce(db, [admission], TODAY, lambda _office, found: written.append(found),
                          ["Mục đích: Kết nạp Đảng"], tmp_path / "ho-so-tham-tra.xlsx")
    assert [line["id"] for line in written[0]] == [admission]
    entry = last_audit(db)
    assert (entry["action"], entry["kind"], entry["details"]) == (
        "xuất", cases.KIND, {"tep": str((tmp_path / "ho-so-tham-tra.xlsx").resolve()), "do_mat": "", "so_ho_so": 1,
                             "pham_vi": ["Mục đích: Kết nạp Đảng"], "so_dong": 1})


def test_a_viewer_may_neither_print_nor_export_the_list(cli, db, tmp_path):  # noqa: F811
    admission = _case_of(db, "13/PXM")
    viewer = viewer_database(cli, db)
    try:
        for target in (None, tmp_path / "ho-so-tham-tra.xlsx"):
            with pytest.raises(PermissionDenied):
                case_register.produce(viewer, [admission], TODAY, lambda *_: None, [], target)
    finally:
        viewer.close()


def test_a_reply_dated_after_the_day_printed_is_not_yet_come_as_the_register_counts_it():
    """The register's «Phiếu xác minh» counts a reply dated later than today as not come (a date mistyped ahead);
    the printed list said it had come, so the two disagreed on the same case."""
    slip = {"relation": None, "recipient": "Cục A93B – Bộ Công an", "result": "Không có tài liệu",
            "result_on": dt.date(2026, 12, 20)}
    assert case_register.reply_in_brief(slip, dt.date(2026, 12, 6)) == "Cục A93B: chưa trả lời"
    assert case_register.reply_in_brief(slip, dt.date(2026, 12, 20)) == "Cục A93B: Không có tài liệu 20/12/2026"


def test_the_lists_work_grows_with_its_cases_not_with_its_cases_times_every_slip(db):  # noqa: F811
    """2,000 cases of 3 slips printed take about ten times the work of 200: each page of cases finds its slips by
    their case, not by passing over every live slip (SQLite's plan by `deleted_at`, without statistics)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    ids = add_cases(db, 200)
    few = work(db, lambda connection: case_register.lines(connection, ids, TODAY))
    ids += add_cases(db, 1800)
    many = work(db, lambda connection: case_register.lines(connection, ids, TODAY))
    assert many[1] < 12 * few[1]
