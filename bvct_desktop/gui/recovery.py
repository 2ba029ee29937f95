"""An administrator who forgot the password: reset it with the recovery key, then keep the new
recovery key (the used one is replaced at once and shown nowhere again), then go straight in.
The reset page is the Designer form ui/recovery_reset.ui; the new key is shown by the first
run's own recovery page."""

from pathlib import Path

from ..core import users, vault
from ..core.database import Clock, Database, system_clock
from ..core.errors import BvctError
from .designer.ui_recovery_reset import Ui_RecoveryReset
from .dialogs import Dialogs
from .icons import icon
from .look import wait_cursor
from .qt import QWizard
from .startup import NewPasswordPage, RecoveryPage
from .wizard_pages import said_on_pages
from .workers import wait_for

NEW_KEY_SUBTITLE = ("Khóa khôi phục vừa dùng đã bị thay và không còn mở được gì. Đây là KHÓA KHÔI PHỤC MỚI, chỉ "
                    "hiện một lần: chép ra giấy, lưu hoặc in phiếu, cất giữ an toàn thay cho phiếu cũ.")


class RecoveryWizard(QWizard):
    """Accepted with `database` open as the administrator whose password was reset, or, when the
    login after the reset failed, without it and with `login_refused` saying why."""

    def __init__(self, path: Path, dialogs: Dialogs, clock: Clock | None = None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.dialogs, self.clock = dialogs, clock or system_clock
        self.database: Database | None = None
        self.recovery_key = ""
        self.login_refused = ""  # why the login after the reset failed, for the login window to say
        self.setWindowTitle("Đặt lại mật khẩu quản trị – BVCT Desktop")
        self.setWindowIcon(icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Đặt lại mật khẩu")
        self.setMinimumSize(640, 460)
        self.reset = ResetPage(self)
        self.recovery = RecoveryPage(self)
        self.recovery.setTitle("Khóa khôi phục mới")
        self.recovery.setSubTitle(NEW_KEY_SUBTITLE)
        for page in (self.reset, self.recovery):
            self.addPage(page)
        said_on_pages(self)

    def reject(self) -> None:
        # Once the old key is replaced the new one must be confirmed as kept: it is never shown again.
        if not self.recovery_key:
            super().reject()


class ResetPage(NewPasswordPage, Ui_RecoveryReset):
    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Resets the password and replaces the recovery key (the commit point), then logs in. The
        new key is kept for the next page before the login is tried: the old one opens nothing now."""
        wizard = self._wizard
        if not self.typed_twice():
            return False
        name, password, key = self.name.text().strip(), self.password.text(), self.key.text()

        def reset() -> str:  # three key derivations: seconds, on a worker
            opened = vault.unlock_with_recovery_key(wizard.path, key, wizard.clock)
            try:
                return users.change_password(opened, name, password) or ""
            finally:
                opened.close()

        self.error.show_message("Đang kiểm tra khóa khôi phục…", error=False)
        try:
            with wait_cursor():
                wizard.recovery_key = wait_for(reset)
        except BvctError as refused:
            self.error.show_message(refused.message)
            return False
        self.key.clear()
        try:
            with wait_cursor():
                wizard.database = wait_for(lambda: vault.unlock(wizard.path, name, password, wizard.clock))
        except BvctError as refused:
            wizard.login_refused = f"Đã đặt lại mật khẩu của «{name}» nhưng chưa đăng nhập được: {refused.message}"
        self.error.clear()
        return True
