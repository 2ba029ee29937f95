"""Forgot the administrator's password: the recovery key resets it from the login window, the
used key is replaced by a new one shown once (kept before going on), and the officer is in."""

import pytest

from bvct_desktop.core import vault
from bvct_desktop.core.errors import AuthError, DiskFullError
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.qt import QWizard
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import FakeClock, off_the_gui_thread, threads_calling

NEW_PASSWORD = "Sen-vang-no-2026"


@pytest.fixture
def login(qtbot, tmp_path):
    path = tmp_path / "bvct.db"
    old_key = vault.create(path, ADMIN, PASSWORD)
    dialog = LoginDialog(path, Dialogs(scripted=True), FakeClock())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, old_key


def _reset(wizard, key: str, password: str = NEW_PASSWORD) -> None:
    wizard.reset.name.setText(ADMIN)
    wizard.reset.key.setText(key)
    wizard.reset.password.setText(password)
    wizard.reset.again.setText(password)
    wizard.next()


def test_the_recovery_key_resets_the_password_shows_a_new_key_once_and_logs_in(login):
    dialog, old_key = login
    dialog.recovery_button.click()
    wizard = dialog.recovery
    _reset(wizard, old_key.lower().replace("-", " "))  # typed as it comes, spaces and all
    assert wizard.currentPage() is wizard.recovery
    new_key = wizard.recovery.key.text()
    assert new_key and new_key != old_key and wizard.reset.key.text() == ""
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.reject()
    assert wizard.isVisible()  # the new key is never shown again: it must be kept first
    wizard.recovery.kept.setChecked(True)
    wizard.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.database.actor.name == ADMIN
    dialog.database.close()
    with pytest.raises(AuthError):
        vault.unlock_with_recovery_key(dialog.address.path, old_key)  # the used key opens nothing now
    vault.unlock_with_recovery_key(dialog.address.path, new_key).close()
    vault.unlock(dialog.address.path, ADMIN, NEW_PASSWORD).close()


def test_a_wrong_recovery_key_changes_nothing(login):
    dialog, old_key = login
    dialog.reset_with_recovery_key()
    wizard = dialog.recovery
    _reset(wizard, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert wizard.currentPage() is wizard.reset
    # what to do: the officer who used the key once before still holds the paper of the key it replaced
    assert wizard.reset.error.text() == ("Khóa khôi phục không đúng. Hãy soát lại từng nhóm ký tự; khóa đã dùng một "
                                         "lần thì đã được thay bằng khóa mới hiện ra lúc ấy.")
    vault.unlock(dialog.address.path, ADMIN, PASSWORD).close()
    vault.unlock_with_recovery_key(dialog.address.path, old_key).close()


def test_the_recovery_key_is_checked_on_a_worker(login, monkeypatch):
    dialog, old_key = login
    checked_on = threads_calling(monkeypatch, vault, "unlock_with_recovery_key")
    dialog.reset_with_recovery_key()
    _reset(dialog.recovery, old_key)
    assert dialog.recovery.currentPage() is dialog.recovery.recovery
    assert off_the_gui_thread(checked_on)
    dialog.recovery.recovery.kept.setChecked(True)
    dialog.recovery.accept()
    dialog.database.close()


def test_a_locked_out_administrator_resets_the_password_with_the_recovery_key_and_is_in(login):
    """The administrator guessed five times before remembering the recovery key: that key proves it
    is them, so the lockout does not keep them from the new password."""
    dialog, old_key = login
    for _ in range(5):
        with pytest.raises(AuthError):
            vault.unlock(dialog.address.path, ADMIN, "Quen-mat-khau-roi", dialog._clock)
    dialog.recovery_button.click()
    _reset(dialog.recovery, old_key)
    assert dialog.recovery.currentPage() is dialog.recovery.recovery
    dialog.recovery.recovery.kept.setChecked(True)
    dialog.recovery.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.database.actor.name == ADMIN
    dialog.database.close()


def test_the_new_key_is_shown_even_when_the_login_after_the_reset_fails(login, monkeypatch):
    """The old key is replaced at the reset: whatever the login after it meets, the new key is shown
    and kept before the wizard closes, and the login window says the password was reset."""
    dialog, old_key = login
    full = DiskFullError("Ổ đĩa đầy: không ghi được vào «bvct.db»; cơ sở dữ liệu không thay đổi.")

    def refused(*_args, **_kwargs):
        raise full

    monkeypatch.setattr(vault, "unlock", refused)
    dialog.recovery_button.click()
    wizard = dialog.recovery
    _reset(wizard, old_key)
    assert wizard.currentPage() is wizard.recovery
    new_key = wizard.recovery.key.text()
    assert new_key and new_key != old_key and not wizard.recovery.print_button.isEnabled()
    wizard.reject()
    assert wizard.isVisible()  # the new key is never shown again: it must be kept first
    wizard.recovery.kept.setChecked(True)
    wizard.accept()
    assert dialog.isVisible() and dialog.database is None
    assert dialog.error.text() == f"Đã đặt lại mật khẩu của «{ADMIN}» nhưng chưa đăng nhập được: {full.message}"
    monkeypatch.undo()
    vault.unlock_with_recovery_key(dialog.address.path, new_key).close()
    vault.unlock(dialog.address.path, ADMIN, NEW_PASSWORD).close()


def test_a_backup_just_restored_with_the_recovery_key_goes_straight_on_to_the_new_password(qtbot, tmp_path):
    """On a new PC the backup was opened with the recovery key: the login goes on to setting the
    administrator's password with that key, not typed a second time."""
    path = tmp_path / "bvct.db"
    key = vault.create(path, ADMIN, PASSWORD)
    dialog = LoginDialog(path, Dialogs(scripted=True), FakeClock(), recovery_key=key)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: getattr(dialog, "recovery", None) is not None and dialog.recovery.isVisible())
    assert dialog.recovery.reset.key.text() == key
    dialog.recovery.reset.name.setText(ADMIN)
    for field in (dialog.recovery.reset.password, dialog.recovery.reset.again):
        field.setText(NEW_PASSWORD)
    dialog.recovery.next()
    assert dialog.recovery.currentPage() is dialog.recovery.recovery
    dialog.recovery.recovery.kept.setChecked(True)
    dialog.recovery.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.database.actor.name == ADMIN
    dialog.database.close()
