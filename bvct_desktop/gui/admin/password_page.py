"""Mật khẩu của tôi: every user changes their own password, after typing the current one. The
page is the Designer form ui/admin_password.ui."""

from ...core import passwords, users
from ...core.errors import BvctError
from ..context import AppContext
from ..designer.ui_admin_password import Ui_PasswordPage
from ..qt import QWidget
from .users_page import matching


class PasswordPage(QWidget, Ui_PasswordPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.page_subtitle.setText(self.page_subtitle.text().format(user=context.db.actor.name,
                                                                    min_length=passwords.MIN_LENGTH))
        self.change_button.clicked.connect(self.change)

    def change(self) -> None:
        try:
            users.change_own_password(self.context.db, self.current.text(), matching(self.password, self.again))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        finally:
            for field in (self.current, self.password, self.again):
                field.clear()
        self.message.show_message("Đã đổi mật khẩu; lần đăng nhập sau hãy dùng mật khẩu mới.", error=False)
