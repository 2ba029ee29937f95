"""The login dialog: user and password for one database — a file, or the office server where the
program user is the server's login — with the core's own words for what went wrong (wrong
password, account locked, damaged or foreign file, server unreachable or not trusted). The key
derivation or the server's answer is awaited off the GUI thread: the window stays painted and says
it is unlocking."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import address
from ..core.address import Address, FileAddress
from ..core.errors import AuthError, DamagedError
from ..core.permissions import ADMIN
from .caps_lock import CapsLockWatch
from .damage import ADMINS_ONLY
from .designer.ui_login import Ui_LoginDialog
from .dialogs import DATABASE_FILTER, Dialogs
from .icons import icon
from .qt import QDialog, QTimer
from .workers import failure_message, run_quietly

if TYPE_CHECKING:
    from ..core.database import Database

Clock = Callable[[], dt.datetime]


class LoginDialog(QDialog, Ui_LoginDialog):
    """Accepted with `database` set to the unlocked database (and `address` to where it is).
    The layout is the Designer form ui/login.ui."""

    def __init__(self, where: Path | Address, dialogs: Dialogs, clock: Clock | None = None, user: str = "",
                 recovery_key: str = "", parent=None):
        """`where`: the database (a path is a file's); `clock` None is the system clock. `recovery_key`:
        the one a backup was just restored with, by an administrator who forgot the password: the
        password is reset with it at once, without typing it again."""
        super().__init__(parent)
        self.address = address.located(where)
        self.database: Database | None = None
        self.unlocking = None  # the unlock under way on a worker
        self._dialogs, self._clock = dialogs, clock
        self.setupUi(self)
        self.caps_lock = CapsLockWatch(self.password)
        self.setWindowIcon(icon("app"))
        self.user.setText(user)
        self.other_button.clicked.connect(self.choose_other_file)
        self.recovery_button.clicked.connect(lambda: self.reset_with_recovery_key())
        self.server_button.clicked.connect(self.choose_server)
        self.login_button.clicked.connect(self.attempt)
        self.quit_button.clicked.connect(self.reject)
        self._show_path()
        (self.password if user else self.user).setFocus()
        if recovery_key:
            QTimer.singleShot(0, lambda: self.reset_with_recovery_key(recovery_key))

    def _tell(self, text: str, error: bool = True) -> None:
        self.error.show_message(text, error)
        self.adjustSize()  # a long message (a damaged file, a lockout) wraps onto more lines

    def _show_path(self) -> None:
        where = self.address
        self.file_label.setText(f"Cơ sở dữ liệu dùng chung: {where.described}" if where.is_server
                                else f"Cơ sở dữ liệu: {where.described}")
        # A file's administrator resets a forgotten password with the file's recovery key; on the server
        # another administrator (or `bvct users passwd`) does
        self.recovery_button.setVisible(not where.is_server)

    def choose_other_file(self) -> None:
        chosen = self._dialogs.open_file(self, "Mở cơ sở dữ liệu khác", DATABASE_FILTER)
        if chosen:
            self.address = FileAddress(Path(chosen))
            self._show_path()
            self.error.clear()

    def attempt(self) -> None:
        """Unlocks on a worker thread — the key derivation takes up to a second or so — while the
        window says so; on success the dialog is accepted, otherwise the reason is shown."""
        if self.unlocking is not None:
            return
        user, password = self.user.text().strip(), self.password.text()
        if not user or not password:
            self._tell("Nhập tên người dùng và mật khẩu.")
            (self.password if user else self.user).setFocus()
            return
        # The database services load here, not with the window (app.py preloads them meanwhile).
        from ..core import vault
        from ..core.database import system_clock

        clock = self._clock or system_clock
        self._busy(True)
        where = self.address
        self._tell("Đang kết nối máy chủ…" if where.is_server else "Đang mở khóa cơ sở dữ liệu…", error=False)
        self.unlocking = run_quietly(self, lambda: vault.unlock(where, user, password, clock),
                                     lambda db, error: self._unlocked(db, error, user, password, clock))

    def _unlocked(self, database: "Database | None", error: BaseException | None, user: str, password: str,
                  clock: Clock) -> None:
        self.unlocking = None
        self._busy(False)
        if error is None:
            self.database = database
            self.accept()
        elif isinstance(error, AuthError):
            self._tell(error.message)
            self.password.clear()
            self.password.setFocus()
        elif isinstance(error, DamagedError) and error.opened_as not in (None, ADMIN) and error.restore:
            self._tell(f"{error.message} {ADMINS_ONLY}")
        elif isinstance(error, DamagedError) and not self.address.is_server:
            self._tell(error.message)
            self._offer_restore(user, password, clock)
        else:
            self._tell(failure_message(error, "Không mở được cơ sở dữ liệu"))

    def _busy(self, busy: bool) -> None:
        for widget in (self.user, self.password, self.login_button, self.other_button, self.recovery_button,
                       self.server_button):
            widget.setEnabled(not busy)

    def choose_server(self) -> None:
        """The office server's page (filled with the server in use): connected there, the dialog is done."""
        from .startup import ServerWizard

        self.server_wizard = ServerWizard(self._dialogs, self._clock, self)
        if self.address.is_server:
            self.server_wizard.server.show_address(self.address, self.user.text().strip())
        else:
            self.server_wizard.server.user.setText(self.user.text().strip())
        self.server_wizard.finished.connect(self._connected)
        self.server_wizard.open()

    def _connected(self, _result: int) -> None:
        if self.server_wizard.database is not None:
            self.database = self.server_wizard.database
            self.address = self.database.address
            self.accept()

    def reset_with_recovery_key(self, key: str = "") -> None:
        """The administrator forgot the password: the recovery wizard resets it (with `key` already
        given, if one is), shows the new recovery key to keep, and logs in."""
        from .recovery import RecoveryWizard

        self.recovery = RecoveryWizard(self.address.path, self._dialogs, self._clock, self)
        self.recovery.reset.key.setText(key)
        self.recovery.finished.connect(self._recovered)
        self.recovery.open()

    def _recovered(self, _result: int) -> None:
        if self.recovery.database is not None:
            self.database = self.recovery.database
            self.accept()
        elif self.recovery.login_refused:
            self._tell(self.recovery.login_refused)

    def _offer_restore(self, user: str, password: str, clock: Clock) -> None:
        from . import restore_offer

        restored = restore_offer.offer(self, self._dialogs, self.address.path, user, password, clock)
        if restored:
            self._tell(restored, error=False)
            self.password.clear()
            self.password.setFocus()

