"""Before an older backup is restored over the open database, the officer is told what the work done
since it was taken comes to, with counts (core/restore_loss.py): what the restore will take back."""

import pytest

from bvct_desktop.core import backup, restore_loss, users, vault
from tests.conftest import ADMIN, CHEAP_KDF, PASSWORD, workbook
from tests.samples import SAMPLES
from tests.todays_records import write_todays_records

OVER_THE_OPEN_DATABASE = "a restore over the open database is a file database's (a server: only into an empty one)"


def _load(cli, folder, kind: str) -> None:
    code, out, err = cli("import", kind, workbook(folder / f"{kind}.xlsx", *SAMPLES[kind]))
    assert code == 0, out + err


def _told(cli, backup) -> str | None:
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        return restore_loss.told(db, backup)
    finally:
        db.close()


@pytest.mark.file_only(OVER_THE_OPEN_DATABASE)
def test_the_records_and_accounts_added_since_the_backup_are_counted_per_register(cli, tmp_path):
    _load(cli, tmp_path, "cadres")
    taken = tmp_path / "thang-1.bvctbak"
    assert cli("backup", "--out", taken)[0] == 0
    _load(cli, tmp_path, "relatives")
    _load(cli, tmp_path, "complaints")
    secret = tmp_path / "moi.pw"
    secret.write_text("Mat-khau-Lan-2026", encoding="utf-8")
    assert cli("users", "add", "Nguyễn Thị Lan", "--role", "chuyen-vien", "--new-password-file", secret)[0] == 0
    assert cli("settings", "set", "dia_danh", "Bình Thuận")[0] == 0
    assert _told(cli, taken) == (
        f"{restore_loss.LOST}\n"
        "  – Đơn thư: 2 bản ghi thêm mới\n"
        "  – Thân nhân: 4 bản ghi thêm mới\n"
        "  – Thêm người dùng: 1 lần\n"
        "  – Thay đổi thiết lập: 1 lần")


@pytest.mark.file_only(OVER_THE_OPEN_DATABASE)
def test_logins_views_and_other_backups_since_are_no_loss(cli, tmp_path):
    _load(cli, tmp_path, "slips")
    taken = tmp_path / "vua-xong.bvctbak"
    assert cli("backup", "--out", taken)[0] == 0
    assert cli("backup", "--out", tmp_path / "ban-nua.bvctbak")[0] == 0
    assert cli("audit", "list")[0] == 0
    assert _told(cli, taken) == restore_loss.NOTHING_LOST


def test_another_database_s_backup_cannot_be_counted_against_this_one(cli, tmp_path):
    other = tmp_path / "van-phong-khac" / "bvct.db"
    vault.create(other, ADMIN, PASSWORD, kdf=CHEAP_KDF)
    made = tmp_path / "khac.bvctbak"
    assert cli("--db", other, "backup", "--out", made)[0] == 0
    assert _told(cli, made) is None
    assert _told(cli, tmp_path / "khong-phai.bvctbak") is None


@pytest.mark.file_only(OVER_THE_OPEN_DATABASE)
def test_the_case_steps_the_own_account_and_the_attachments_since_are_told_in_the_officer_s_words(cli, tmp_path):
    """Today's kinds: a case's team, dossier and minutes, the 2C sections, the scans kept with a record."""
    for kind in ("cadres", "slips"):
        _load(cli, tmp_path, kind)
    taken = tmp_path / "truoc-tham-tra.bvctbak"
    assert cli("backup", "--out", taken)[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        write_todays_records(db, tmp_path / "quet", {"bien-ban.pdf": b"%PDF-1.4\n% scan\n%%EOF\n"})
        told = restore_loss.told(db, taken)
    finally:
        db.close()
    assert told.splitlines()[1:] == [  # in Vietnamese order: Đ after D, before E
        "  – Biên bản thẩm tra, xác minh: 1 bản ghi thêm mới",
        "  – Diễn biến quá trình lương: 1 bản ghi thêm mới",
        "  – Đào tạo, bồi dưỡng: 1 bản ghi thêm mới",
        "  – Đặc điểm lịch sử bản thân: 1 bản ghi thêm mới",
        "  – Khen thưởng: 1 bản ghi thêm mới",
        "  – Kỷ luật: 1 bản ghi thêm mới",
        "  – Nhận xét, đánh giá, xếp loại: 1 bản ghi thêm mới",
        "  – Quá trình công tác: 1 bản ghi thêm mới",
        "  – Tài liệu hồ sơ thẩm tra: 1 bản ghi thêm mới",
        "  – Tệp đính kèm: 1 bản ghi thêm mới",
        "  – Tổ thẩm tra: 1 bản ghi thêm mới"]


def test_every_password_reset_since_the_backup_is_counted_the_recovery_key_s_too(tmp_path):
    """An administrator's password reset with the recovery key replaces the key as well: taken back by the
    restore like a password changed, it is counted on its own line."""
    path = tmp_path / "bvct.db"
    recovery_key = vault.create(path, ADMIN, PASSWORD, kdf=CHEAP_KDF)
    db = vault.unlock(path, ADMIN, PASSWORD)
    taken = backup.create(db, tmp_path / "truoc-doi-mat-khau.bvctbak").path
    users.add(db, "tran.binh", "chuyen-vien", "Mat-khau-Binh-2026")
    users.change_password(db, "tran.binh", "Mat-khau-Binh-2027")
    db.close()
    for new_password in ("Sen-hong-moi-2026", "Sen-hong-moi-2027"):
        db = vault.unlock_with_recovery_key(path, recovery_key)
        recovery_key = users.change_password(db, ADMIN, new_password)
        db.close()
    db = vault.unlock(path, ADMIN, "Sen-hong-moi-2027")
    try:
        assert restore_loss.told(db, taken).splitlines()[1:] == [
            "  – Thêm người dùng: 1 lần",
            "  – Đổi mật khẩu: 1 lần",
            "  – Đặt lại mật khẩu bằng khóa khôi phục, thay khóa khôi phục: 2 lần"]
    finally:
        db.close()
