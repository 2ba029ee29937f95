"""What needs action surfaces by itself: overdue slips and post-trip reports."""

import datetime as dt

import pytest

from bvct_desktop.core import deadlines, settings, vault
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
    assert deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 5)) == []
    late = deadlines.slips_awaiting_reply(db, dt.date(2025, 2, 10))
    assert [due.title for due in late] == [
        "Phiếu 13/PXM – Phạm Minh Quang – Phòng PV27 – Công an tỉnh Bình Thuận"]
    assert late[0].due_on == dt.date(2025, 2, 5) and late[0].days_late(dt.date(2025, 2, 10)) == 5


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
