"""The data-safety settings: asking the password again before export/print, a second backup folder."""

import pytest

from bvct_desktop.core import settings, vault
from bvct_desktop.core.errors import InputError
from tests.conftest import ADMIN, PASSWORD


def test_asking_the_password_again_is_on_by_default_and_only_yes_or_no(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        stored = settings.list_settings(db)
        assert stored["hoi_lai_mat_khau"] == "có" and stored["thu_muc_sao_luu_2"] == ""
        assert settings.set_setting(db, "hoi_lai_mat_khau", " không ") == "không"
        with pytest.raises(InputError, match="«có» hoặc «không»"):
            settings.set_setting(db, "hoi_lai_mat_khau", "tắt")
        assert settings.set_setting(db, "thu_muc_sao_luu_2", "E:\\Sao lưu") == "E:\\Sao lưu"
    finally:
        db.close()
