"""The passport custody register on paper: the passports the register page shows, in its order, each with every
handover (the oldest first) and a passport never handed out on one line saying where it is; printing and
exporting it need the export permission, and the export is audited with its file."""

import datetime as dt

import pytest

from bvct_desktop.core import passport_register, passports
from bvct_desktop.core.errors import PermissionDenied
from tests.core.personfile.conftest import last_audit
from tests.core.test_passports import HUNG, HUONG, db, due_back, handed, official  # noqa: F401 - the fixture
from tests.sample_db import viewer_database

TODAY = dt.date(2026, 5, 4)


def lines(db, ids):  # noqa: F811 - the fixture's name
    with db.read() as connection:
        return passport_register.lines(connection, ids, TODAY)


def test_each_passport_shown_has_its_handovers_oldest_first_and_one_never_handed_out_says_where_it_is(db):  # noqa: F811
    hung = official(db)
    huong = official(db, HUONG, "C0012345", "Phổ thông")
    handed(db, hung, "20/04/2026", "25/04/2026", passports.PRIVATE, decision_no="")
    passports.take_back(db, hung, {"returned_on": "27/04/2026"})
    handed(db, hung, "02/05/2026", decision_no="125-QĐ/TU")
    found = lines(db, [huong, hung])
    assert [(line["full_name"], line["number"], line.get("handed_on"), line.get("returned_on"), line["note"])
            for line in found] == [(HUONG, "C0012345", None, None, passports.IN_CUSTODY),
                                   (HUNG, "B1234567", dt.date(2026, 4, 20), dt.date(2026, 4, 27), None),
                                   (HUNG, "B1234567", dt.date(2026, 5, 2), None, None)]
    assert found[1]["trip"] == passports.PRIVATE  # back: the day it was due alone
    assert found[1]["due_shown"] == f"{due_back(db, dt.date(2026, 4, 25)):%d/%m/%Y}"
    assert found[2]["trip"] == f"{passports.WITH_DELEGATION} (125-QĐ/TU)"
    assert found[1]["position"] == "Giám đốc" and found[1]["unit"] == "Sở Nội vụ"


def test_the_register_exported_is_audited_with_its_file_and_what_it_covers(db, tmp_path):  # noqa: F811
    passport = official(db)
    written = []
    passport_register.produce(db, [passport], TODAY, lambda _office, found: written.append(found),
                              ["Tìm: «hùng»"], tmp_path / "so-ho-chieu.xlsx")
    assert [line["number"] for line in written[0]] == ["B1234567"]
    entry = last_audit(db)
    assert (entry["action"], entry["kind"], entry["details"]) == (
        "xuất", passports.KIND, {"tep": str((tmp_path / "so-ho-chieu.xlsx").resolve()), "do_mat": "", "so_ho_chieu": 1,
                                 "pham_vi": ["Tìm: «hùng»"], "so_dong": 1})


def test_a_viewer_may_neither_print_nor_export_the_register(cli, db, tmp_path):  # noqa: F811
    passport = official(db)
    viewer = viewer_database(cli, db)
    try:
        for target in (None, tmp_path / "so-ho-chieu.xlsx"):
            with pytest.raises(PermissionDenied):
                passport_register.produce(viewer, [passport], TODAY, lambda *_: None, [], target)
    finally:
        viewer.close()


def test_hand_back_day_reads_as_the_ledger_shows_it_late_on_the_day_printed_while_not_back(db):  # noqa: F811
    """«Hạn nộp lại» on paper as on the ledger (deadlines.late_by): the day, and how late on the day printed
    while the passport is not back; a passport back in time reads the day alone, one back late how late it came."""
    hung = official(db)
    huong = official(db, HUONG, "C0012345", "Phổ thông")
    late_back = official(db, HUONG, "B7654321")
    for passport in (hung, huong, late_back):
        handed(db, passport, "01/04/2026", "09/04/2026")
    passports.take_back(db, huong, {"returned_on": "14/04/2026"})
    passports.take_back(db, late_back, {"returned_on": "24/04/2026"})
    due = due_back(db, dt.date(2026, 4, 9))
    late = f"{due:%d/%m/%Y} (quá hạn {(TODAY - due).days} ngày)"
    assert [line[passports.DUE_SHOWN.key] for line in lines(db, [hung, huong, late_back])] == [
        late, f"{due:%d/%m/%Y}", f"{due:%d/%m/%Y} (nộp muộn {(dt.date(2026, 4, 24) - due).days} ngày)"]
    assert passports.DUE_SHOWN in passport_register.FIELDS and passports.DUE not in passport_register.FIELDS


def test_the_note_says_a_passport_is_lost_expired_or_valid_less_than_six_months_more(db, monkeypatch):  # noqa: F811
    """On 04/05/2026: Hùng's passport expired on 30/04/2026 after its last trip, Hương's runs out on 01/09/2026
    (less than 6 months: not enough to leave), and a third was lost abroad while out."""
    monkeypatch.setattr(db, "clock", lambda: dt.datetime.combine(TODAY, dt.time(9)))
    hung = official(db, expires_on="30/04/2026")
    handed(db, hung, "20/04/2026", "25/04/2026", passports.PRIVATE)
    passports.take_back(db, hung, {"returned_on": "27/04/2026"})
    huong = official(db, HUONG, "C0012345", "Phổ thông", expires_on="01/09/2026")
    gone = official(db, HUONG, "B7654321")
    handed(db, gone, "20/04/2026", "25/04/2026")
    passports.report_lost(db, gone, {"lost_on": "24/04/2026", "lost_note": "Mất tại Viêng Chăn, đã trình báo ĐSQ"})
    found = {line["number"]: line for line in lines(db, [hung, huong, gone])}
    assert found["B1234567"]["note"] == "Hết hạn từ 30/04/2026"
    assert found["C0012345"]["note"] == "Còn hạn dưới 6 tháng (đến 01/09/2026); cơ quan đang giữ"
    assert found["B7654321"]["note"] == "Đã báo mất ngày 24/04/2026: Mất tại Viêng Chăn, đã trình báo ĐSQ"
    due = due_back(db, dt.date(2026, 4, 25))
    assert found["B7654321"]["due_shown"] == f"{due:%d/%m/%Y} (đã báo mất ngày 24/04/2026)"


def test_a_passport_never_handed_out_whose_loss_is_dated_after_the_day_printed_says_where_it_is(  # noqa: F811
        db, monkeypatch):  # noqa: F811
    """Reported lost on 20/05/2026, after the day printed (04/05/2026): not lost yet on paper, the office keeps it;
    expired on 01/05/2026, the note says so beside where it is — as for any passport, not the expiry alone."""
    monkeypatch.setattr(db, "clock", lambda: dt.datetime(2026, 5, 20, 9))
    kept = official(db, number="B2000001")
    expired = official(db, HUONG, "B2000002", expires_on="01/05/2026")
    for passport in (kept, expired):
        passports.report_lost(db, passport, {"lost_on": "20/05/2026", "lost_note": "Thất lạc"})
    assert [line["note"] for line in lines(db, [kept, expired])] == [
        passports.IN_CUSTODY, "Hết hạn từ 01/05/2026; cơ quan đang giữ"]
