"""Mật khẩu của tôi: every user changes their own password, after typing the current one — both
keys derived on a worker (up to a second each) while the page says so. The page is the Designer
form ui/admin_password.ui."""

from ...core import passwords, users
from ...core.errors import BvctError
from ..caps_lock import CapsLockWatch
from ..context import AppContext
from ..designer.ui_admin_password import Ui_PasswordPage
from ..qt import QWidget
from ..workers import failure_message, run_quietly
from .users_page import matching


class PasswordPage(QWidget, Ui_PasswordPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.caps_lock = CapsLockWatch(self.current, self.password, self.again)
        self.context = context
        self.page_subtitle.setText(self.page_subtitle.text().format(user=context.db.actor.name,
                                                                    min_length=passwords.MIN_LENGTH))
        self.task = None  # the change being made on a worker
        self.change_button.clicked.connect(self.change)
        self.again.returnPressed.connect(self.change)  # Enter in the last box, as in the login window

    def change(self) -> None:
        if self.task is not None:
            return
        current = self.current.text()
        try:
            new = matching(self.password, self.again)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        finally:
            for field in (self.current, self.password, self.again):
                field.clear()
        self.change_button.setEnabled(False)
        self.message.show_message("Đang đổi mật khẩu…", error=False)
        self.task = run_quietly(self, lambda: users.change_own_password(self.context.db, current, new), self._changed)

    def _changed(self, _result, error: BaseException | None) -> None:
        self.task = None
        self.change_button.setEnabled(True)
        if error is not None:
            self.message.show_message(failure_message(error, "Không đổi được mật khẩu"))
            return
        self.message.show_message("Đã đổi mật khẩu; lần đăng nhập sau hãy dùng mật khẩu mới.", error=False)
