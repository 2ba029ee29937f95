"""The first run on a new PC: the database restored from the backup brought from the old one, by
the data-safety service (the backup checked against its own key slots, as `bvct restore` does);
the login follows. The page is the Designer form ui/first_run_restore.ui."""

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..core import backup, backup_log
from ..core.backup_log import Known
from ..core.errors import AuthError, BvctError
from . import restore_offer
from .caps_lock import CapsLockWatch
from .designer.ui_first_run_restore import Ui_FirstRunRestore
from .look import wait_cursor
from .qt import QLineEdit, QWizard, QWizardPage
from .workers import wait_for

T = TypeVar("T")
RESET_WITH_THE_KEY = ("Tiếp theo, đặt mật khẩu mới cho quản trị viên bằng chính khóa khôi phục vừa gõ (chương trình "
                      "cho một khóa khôi phục mới).")


def attempted(page: QWizardPage, waiting: str, work: Callable[[], T]) -> T | None:
    """What `work` gives, done on a worker while `page` says `waiting`; None when it is refused, the page's
    `error` then telling why (its `password` cleared and focused when the password was wrong)."""
    page.error.show_message(waiting, error=False)
    try:
        with wait_cursor():
            done = wait_for(work)
    except BvctError as refused:
        page.error.show_message(refused.message)
        if isinstance(refused, AuthError):
            page.password.clear()
            page.password.setFocus()
        return None
    page.error.clear()
    return done


class RestorePage(QWizardPage, Ui_FirstRunRestore):
    """Its wizard gives `path` (where the database goes), `dialogs` and `clock`, and takes `restored_by`:
    the administrator of the backup, who logs in next — or, restored with the recovery key,
    `restored_with_key`: the key, with which the password is set next."""

    def __init__(self, wizard: QWizard):
        super().__init__()
        self._wizard = wizard
        self.setupUi(self)
        self.where.setText(self.where.text().format(path=wizard.path))
        self.setButtonText(QWizard.WizardButton.FinishButton, "Khôi phục")
        self.caps_lock = CapsLockWatch(self.password)
        self.backup_button.clicked.connect(self.choose_backup)
        self.with_recovery_key.toggled.connect(self._ask_for_recovery_key)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1

    def cleanupPage(self) -> None:  # noqa: N802 - Qt's name
        self.error.clear()

    def choose_backup(self) -> None:
        chosen = self._wizard.dialogs.open_file(self, "Bản sao lưu chép từ máy cũ", restore_offer.BACKUP_FILTER)
        if chosen:
            self.backup_file.setText(chosen)
            self._show_when_made(Path(chosen))

    def _show_when_made(self, chosen: Path) -> None:
        """The time the backup says it was made, and its age, before anything is restored from it."""
        try:
            made = backup.dated(chosen).at
        except BvctError as refused:
            self.error.show_message(refused.message)
            return
        self.error.show_message(f"Bản sao lưu này tạo lúc {made:%H:%M} ngày {made:%d/%m/%Y} "
                                f"({backup_log.age(made, self._wizard.clock())}).", error=False)

    def _ask_for_recovery_key(self, instead: bool) -> None:
        """The administrator who forgot the password opens the backup with the recovery key instead."""
        self.user_label.setVisible(not instead)
        self.user.setVisible(not instead)
        self.password_label.setText("Khóa khôi phục:" if instead else "Mật khẩu:")
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if instead else QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("XXXX-XXXX-… như trên phiếu khóa khôi phục" if instead else "")
        self.password.clear()
        self.password.setFocus()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        """Restores (the backup checked whole first, on a worker), says what was restored, and hands
        the login its administrator — or, restored with the recovery key, says to reset the password."""
        wizard = self._wizard
        chosen, user, password = Path(self.backup_file.text().strip()), self.user.text().strip(), self.password.text()
        with_key = self.with_recovery_key.isChecked()
        if not self.backup_file.text().strip():
            self.error.show_message("Chọn bản sao lưu chép từ máy cũ.")
            return False
        if with_key and not password.strip():
            self.error.show_message("Nhập khóa khôi phục của cơ sở dữ liệu, như trên phiếu khóa khôi phục.")
            return False
        if not with_key and (not user or not password):
            self.error.show_message("Nhập tên đăng nhập và mật khẩu của quản trị viên có trong bản sao lưu.")
            return False
        restored = attempted(self, "Đang kiểm tra và khôi phục bản sao lưu…",
                             lambda: backup.restore_with_recovery_key(chosen, password, wizard.path, wizard.clock)
                             if with_key else backup.restore(chosen, user, password, wizard.path, wizard.clock))
        if restored is None:
            return False
        wizard.restored_by = "" if with_key else restored.report.user
        wizard.restored_with_key = password if with_key else ""
        told = restore_offer.outcome_of(Known(chosen, restored.report.created_at), restored,
                                        RESET_WITH_THE_KEY if with_key else "Hãy đăng nhập.")
        wizard.dialogs.inform(self, "Đã khôi phục", told)
        return True
