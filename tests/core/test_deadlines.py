"""What needs action surfaces by itself: overdue slips and post-trip reports."""

import datetime as dt

import pytest

from bvct_desktop.core import deadlines, documents_data, settings, vault
from bvct_desktop.core.errors import InputError
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES


@pytest.fixture
def db(cli, tmp_path):
    for kind in ("cadres", "slips", "delegations"):
        headers, rows = SAMPLES[kind]
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))[0] == 0
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def test_slips_without_reply_past_the_limit(db):
    assert deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 4)) == []
    late = deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 21))
    assert [due.title for due in late] == [
        "Phiếu 13/PXM – Phạm Minh Quang – Phòng PV27 – Công an tỉnh Bình Thuận"]
    assert late[0].due_on == dt.date(2025, 2, 5) and late[0].days_late(dt.date(2025, 2, 21)) == 16


def test_a_slip_answered_later_was_overdue_on_the_days_before_its_reply(db):
    """12/PXM, sent to Cục A93B on 05/01/2025, was answered on 20/02/2025: a reminder dated
    10/02/2025 lists it, one dated 20/02/2025 does not."""
    with db.read() as connection:
        listed = documents_data.overdue_for(connection, "Cục A93B – Bộ Công an", dt.date(2025, 2, 10))
        assert [slip["number"] for slip in listed["slips"]] == ["12/PXM"] and listed["slips"][0]["days_late"] == 6
        with pytest.raises(InputError, match="không có phiếu nào"):
            documents_data.overdue_for(connection, "Cục A93B – Bộ Công an", dt.date(2025, 2, 20))
    assert [due.title for due in deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 10))] == [
        "Phiếu 12/PXM – Phạm Văn Bình – Cục A93B – Bộ Công an",
        "Phiếu 13/PXM – Phạm Minh Quang – Phòng PV27 – Công an tỉnh Bình Thuận"]


def test_the_limit_comes_from_the_settings(db):
    settings.set_setting(db, "han_tra_loi_phieu_ngay", "60")
    assert deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 10)) == []


def test_post_trip_reports_not_received(db):
    due = deadlines.post_trip_reports_due(db, dt.date(2025, 10, 1))
    assert [(d.title, d.due_on) for d in due] == [
        ("Đoàn học tập kinh nghiệm chuyển đổi số", dt.date(2025, 9, 29))]


def test_a_complaint_due_is_named_by_the_person_complained_about(cli, tmp_path):
    import datetime as dt

    from bvct_desktop.core import editing, overview
    from tests.sample_db import sample_database

    db = sample_database(cli, tmp_path, kinds=("cadres",))
    editing.save(db, "complaints", {"received_on": "02/05/2025", "sender": "Nặc danh", "complaint_kind": "Tố cáo",
                                    "subject_name": "Nguyễn Văn Hùng", "summary": "Kê khai chưa trung thực",
                                    "due_on": "02/07/2025"})
    [due] = overview.complaints_due(db, dt.date(2025, 6, 28))
    assert due.title == "Tố cáo – Nguyễn Văn Hùng (người gửi: Nặc danh)"
    db.close()
