"""Mật khẩu của tôi: every user changes their own password."""

from ...core import users
from ...core.errors import BvctError
from ..context import AppContext
from ..look import ErrorLabel, heading
from ..qt import QFormLayout, QPushButton, QVBoxLayout, QWidget
from .users_page import matching, password_pair


class PasswordPage(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.password, self.again = password_pair()
        self.message = ErrorLabel()
        change = QPushButton("Đổi mật khẩu")
        change.clicked.connect(self.change)
        form = QFormLayout()
        form.addRow("Mật khẩu mới:", self.password)
        form.addRow("Nhập lại mật khẩu mới:", self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Mật khẩu của tôi", f"Người dùng: {context.db.actor.name}. Mật khẩu mới cần ít "
                                 "nhất 10 ký tự, không trùng tên đăng nhập, không phải mật khẩu phổ biến."))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(change)
        layout.addStretch(1)

    def change(self) -> None:
        db = self.context.db
        try:
            users.change_password(db, db.actor.name, matching(self.password, self.again))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        finally:
            for field in (self.password, self.again):
                field.clear()
        self.message.show_message("Đã đổi mật khẩu; lần đăng nhập sau hãy dùng mật khẩu mới.", error=False)
