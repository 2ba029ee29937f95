"""After a restore on a new PC, what the administrator checks is read from the database restored alone
(the old PC's is gone): the last document numbers in it, against the paper register, and a second
backup folder this PC does not have."""

import datetime as dt

import pytest

from bvct_desktop.core import backup, numbering, restore_checks, settings, vault
from bvct_desktop.core.errors import DamagedError
from tests.conftest import ADMIN, CHEAP_KDF, PASSWORD

TERM = dt.date(2025, 10, 1)


@pytest.fixture
def old_pc(tmp_path):
    """The old PC's database, which issued 12-BC on 03/11/2026 and 04-CV, and copied its backups to E:."""
    old = tmp_path / "may-cu" / "bvct.db"
    vault.create(old, ADMIN, PASSWORD, kdf=CHEAP_KDF)
    db = vault.unlock(old, ADMIN, PASSWORD)
    with db.write() as connection:
        for number, doc_type, day in ((12, numbering.REPORT, dt.date(2026, 11, 3)),
                                      (4, numbering.LETTER, dt.date(2026, 10, 20))):
            for _ in range(number):
                numbering.take(db, connection, doc_type, TERM, day, "báo cáo", "BTCTU")
    return db


def test_a_restore_on_a_new_pc_tells_the_last_numbers_of_the_backup_to_check_against_the_register(old_pc, tmp_path):
    saved = backup.create(old_pc, tmp_path / "bvct.bvctbak").path
    old_pc.close()
    restored = backup.restore(saved, ADMIN, PASSWORD, tmp_path / "may-moi" / "bvct.db")
    assert restored.checks == [
        "Số văn bản cuối cùng trong bản sao lưu (nhiệm kỳ từ 01/10/2025): 12-BC/BTCTU ngày 03/11/2026; "
        "04-CV/BTCTU ngày 20/10/2026. " + restore_checks.AGAINST_THE_REGISTER]


def test_the_administrator_is_told_where_to_record_the_numbers_the_register_has_beyond_the_backup():
    assert "chưa cho đặt" not in restore_checks.AGAINST_THE_REGISTER
    assert "trang Văn bản đã phát hành › «Ghi số đã cấp ngoài…»" in restore_checks.AGAINST_THE_REGISTER


def test_a_second_backup_folder_this_pc_does_not_have_is_told(old_pc, tmp_path):
    there = tmp_path / "o-d"
    there.mkdir()
    settings.set_setting(old_pc, settings.SECOND_FOLDER, str(there))
    saved = backup.create(old_pc, tmp_path / "bvct.bvctbak").path
    old_pc.close()
    assert not any("sao lưu thứ hai" in line
                   for line in backup.restore(saved, ADMIN, PASSWORD, tmp_path / "may-moi" / "bvct.db").checks)
    there.rmdir()
    told = backup.restore(saved, ADMIN, PASSWORD, tmp_path / "may-khac" / "bvct.db").checks[-1]
    assert told == (f"Thư mục sao lưu thứ hai «{there}» (thiết lập thu_muc_sao_luu_2) không có trên máy này (máy mới "
                    "có thể đặt tên ổ đĩa khác): " + restore_checks.SET_IT_AGAIN)


def test_nothing_issued_and_no_second_folder_leave_nothing_to_check(tmp_path):
    old = tmp_path / "may-cu" / "bvct.db"
    vault.create(old, ADMIN, PASSWORD, kdf=CHEAP_KDF)
    db = vault.unlock(old, ADMIN, PASSWORD)
    saved = backup.create(db, tmp_path / "bvct.bvctbak").path
    db.close()
    assert backup.restore(saved, ADMIN, PASSWORD, tmp_path / "may-moi" / "bvct.db").checks == []


def test_each_last_number_is_told_with_the_office_symbol_in_force_on_its_own_date(old_pc, tmp_path):
    settings.set_setting(old_pc, "ky_hieu", "BTCHU", start=dt.date(2026, 11, 1))
    saved = backup.create(old_pc, tmp_path / "bvct.bvctbak").path
    old_pc.close()
    [numbers] = backup.restore(saved, ADMIN, PASSWORD, tmp_path / "may-moi" / "bvct.db").checks
    assert numbers.startswith("Số văn bản cuối cùng trong bản sao lưu (nhiệm kỳ từ 01/10/2025): 12-BC/BTCHU ngày "
                              "03/11/2026; 04-CV/BTCTU ngày 20/10/2026. ")


def test_checks_that_cannot_be_read_leave_the_restore_done_and_say_so(old_pc, tmp_path, monkeypatch):
    """The checks are read once the restore is done: failing them turns no done restore into an error, and
    the restore still tells where the pair it replaced was kept."""
    saved = backup.create(old_pc, tmp_path / "bvct.bvctbak").path
    old_pc.close()
    target = tmp_path / "may-moi" / "bvct.db"
    backup.restore(saved, ADMIN, PASSWORD, target)

    def unreadable(connection, today):
        raise DamagedError("Cơ sở dữ liệu bị hỏng.")

    monkeypatch.setattr(restore_checks, "told", unreadable)
    restored = backup.restore(saved, ADMIN, PASSWORD, target)
    assert restored.checks == [restore_checks.UNREAD]
    assert restored.kept and all(path.exists() for path in restored.kept)
    vault.unlock(target, ADMIN, PASSWORD).close()
