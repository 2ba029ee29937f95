"""The data-safety settings: asking the password again before export/print, a second backup folder."""

import pytest

from bvct_desktop.core import settings, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.fields import NO, YES
from bvct_desktop.core.schema import settings as settings_table
from tests.conftest import ADMIN, PASSWORD


def test_asking_the_password_again_is_on_by_default_and_only_yes_or_no(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        stored = settings.list_settings(db)
        assert stored["hoi_lai_mat_khau"] == YES and stored["thu_muc_sao_luu_2"] == ""
        assert settings.set_setting(db, "hoi_lai_mat_khau", " không ") == NO
        with pytest.raises(InputError, match="«Có» hoặc «Không»"):
            settings.set_setting(db, "hoi_lai_mat_khau", "tắt")
        assert settings.set_setting(db, "thu_muc_sao_luu_2", "E:\\Sao lưu") == "E:\\Sao lưu"
    finally:
        db.close()


def test_a_yes_or_no_stored_in_lower_case_by_an_earlier_version_is_the_same_answer(tmp_path):
    """Settings once stored «có»/«không» where every yes/no field of the records says «Có»/«Không»."""
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.write() as connection:
            connection.execute(settings_table.update().where(settings_table.c.key == "hoi_lai_mat_khau")
                               .values(value="không"))
        assert settings.list_settings(db)["hoi_lai_mat_khau"] == NO
        with db.read() as connection:
            assert not settings.asks_password_again(connection, db.clock().date())
        assert settings.set_setting(db, "hoi_lai_mat_khau", NO) is None  # already the answer in force
        assert settings.set_setting(db, "hoi_lai_mat_khau", "có") == YES
    finally:
        db.close()
