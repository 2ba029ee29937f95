"""An administrator who forgot the password and lost the PC: the backup brought on a USB drive is
restored on the new PC with the recovery key, then the password is reset with the same key."""

import pytest

from bvct_desktop.core import audit, backup, keyfile, settings, users, vault
from bvct_desktop.core.errors import AuthError, PermissionDenied
from tests.conftest import ADMIN, CHEAP_KDF, PASSWORD

NEW_PASSWORD = "Sen-hong-moi-2026"


@pytest.fixture
def old_pc(tmp_path):
    """The backup the old PC made, and the recovery key on its printed slip."""
    old = tmp_path / "may-cu" / "bvct.db"
    key = vault.create(old, ADMIN, PASSWORD, kdf=CHEAP_KDF)
    db = vault.unlock(old, ADMIN, PASSWORD)
    settings.set_setting(db, "dia_danh", "Bảo Lộc")
    saved = backup.create(db, tmp_path / "chuyen-may.bvctbak").path
    db.close()
    return saved, key


def test_the_recovery_key_restores_a_backup_on_a_new_pc_and_then_resets_the_password(old_pc, tmp_path):
    saved, key = old_pc
    target = tmp_path / "may-moi" / "bvct.db"
    typed = key.lower().replace("-", " ")  # as read off the slip
    restored = backup.restore_with_recovery_key(saved, typed, target)
    assert restored.path == target and target.exists() and keyfile.key_path(target).exists()
    db = vault.unlock_with_recovery_key(target, key)
    assert settings.list_settings(db)["dia_danh"] == "Bảo Lộc"
    new_key = users.change_password(db, ADMIN, NEW_PASSWORD)
    entries = list(audit.list_entries(db, actions={"khôi phục từ bản sao lưu"}))
    db.close()
    assert new_key and new_key != key
    assert [entry.user for entry in entries] == [keyfile.RECOVERY_SLOT]  # the trail says the key restored it
    vault.unlock(target, ADMIN, NEW_PASSWORD).close()


def test_a_wrong_recovery_key_restores_nothing_and_says_what_to_check(old_pc, tmp_path):
    saved, key = old_pc
    target = tmp_path / "may-moi" / "bvct.db"
    wrong = key[:-1] + ("A" if key[-1] != "A" else "B")
    with pytest.raises(AuthError) as refused:
        backup.restore_with_recovery_key(saved, wrong, target)
    assert refused.value.message == backup.WRONG_BACKUP_RECOVERY_KEY
    assert not target.parent.exists()


def test_the_recovery_key_s_slot_is_no_account_to_restore_with(old_pc, tmp_path):
    """Only `restore_with_recovery_key` opens a backup with its key: its slot's name typed as a user's
    is no administrator of the backup."""
    saved, key = old_pc
    with pytest.raises((AuthError, PermissionDenied)):
        backup.restore(saved, keyfile.RECOVERY_SLOT, key, tmp_path / "may-moi" / "bvct.db")
    assert not (tmp_path / "may-moi").exists()
