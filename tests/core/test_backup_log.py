"""The verified backups the audit trail names (core/backup_log.py): only those of a role that may back up."""

import datetime as dt

from bvct_desktop.core import backup_log, vault
from tests.conftest import ADMIN, PASSWORD

VIEWER, VIEWER_PASSWORD = "chixem", "Chi-xem-mat-khau-2026"


def test_the_trail_names_only_backups_taken_by_a_role_that_may_back_up(cli, tmp_path):
    secret = tmp_path / "xem.pw"
    secret.write_text(VIEWER_PASSWORD, encoding="utf-8")
    assert cli("users", "add", VIEWER, "--role", "xem", "--new-password-file", secret)[0] == 0
    taken = tmp_path / "that.bvctbak"
    assert cli("backup", "--out", taken)[0] == 0
    viewer = vault.unlock(cli.db, VIEWER, VIEWER_PASSWORD)
    try:
        with viewer.write() as connection:
            viewer.audit(connection, backup_log.MANUAL, details={"tep": "E:/sao-luu/bvct-hang-ngay.bvctbak",
                                                                 "da_kiem_tra": True})
            viewer.audit(connection, backup_log.AUTOMATIC, details={"tep": "E:/sao-luu/tu-dong.bvctbak",
                                                                    "da_kiem_tra": True})
    finally:
        viewer.close()
    admin = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        with admin.read() as connection:
            assert [known.path for known in backup_log.in_trail(connection)] == [taken.resolve()]
    finally:
        admin.close()


def test_a_backup_s_age_is_told_in_days_from_its_own_time():
    now = dt.datetime(2026, 12, 6, 9, 0)
    assert [backup_log.age(at, now) for at in (dt.datetime(2026, 12, 6, 1, 0), dt.datetime(2026, 12, 5, 23, 0),
                                               dt.datetime(2026, 11, 6, 9, 0), dt.datetime(2026, 12, 7, 8, 0))] == [
        "hôm nay", "hôm qua", "30 ngày trước", "ghi giờ sau giờ của máy này: hãy xem lại ngày giờ máy tính"]
