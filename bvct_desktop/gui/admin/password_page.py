"""Mật khẩu của tôi: every user writes their own full name (printed by documents in place of their login name) and
changes their own password, after typing the current one — both keys derived on a worker (up to a second each)
while the page says so. The page is the Designer
form ui/admin_password.ui."""

from ...core import passwords, users
from ...core.errors import BvctError
from ..caps_lock import CapsLockWatch
from ..context import AppContext
from ..designer.ui_admin_password import Ui_PasswordPage
from ..qt import QWidget
from ..workers import failure_message, run_quietly
from .users_page import full_name_message, matching


class PasswordPage(QWidget, Ui_PasswordPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.caps_lock = CapsLockWatch(self.current, self.password, self.again)
        self.context = context
        self.page_subtitle.setText(self.page_subtitle.text().format(user=context.db.actor.name,
                                                                    min_length=passwords.MIN_LENGTH))
        self.task = None  # the change being made on a worker
        self.full_name.setMaxLength(users.FULL_NAME_MAX)
        self.full_name.setText(users.own_full_name(context.db) or "")
        self.full_name_button.clicked.connect(self.change_full_name)
        self.full_name.returnPressed.connect(self.change_full_name)
        self.change_button.clicked.connect(self.change)
        self.again.returnPressed.connect(self.change)  # Enter in the last box, as in the login window

    def change_full_name(self) -> None:
        try:
            users.set_full_name(self.context.db, self.context.db.actor.name, self.full_name.text())
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        full_name = users.own_full_name(self.context.db)
        self.full_name.setText(full_name or "")
        self.message.show_message(full_name_message("Họ và tên của bạn", "Bạn không còn họ và tên", full_name),
                                  error=False)

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
