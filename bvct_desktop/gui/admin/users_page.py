"""Người dùng (administrator only): accounts and roles; add, reset a password, disable.
Each account has its own key slot; disabling removes it; the last administrator stays."""

from ...core import users
from ...core.errors import BvctError, InputError
from ...core.permissions import ROLES
from ..context import AppContext
from ..dialogs import YES
from ..look import ErrorLabel, heading
from ..qt import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def password_pair() -> tuple[QLineEdit, QLineEdit]:
    fields = QLineEdit(), QLineEdit()
    for field in fields:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return fields


def matching(first: QLineEdit, again: QLineEdit) -> str:
    if first.text() != again.text():
        raise InputError("Hai lần nhập mật khẩu không khớp.")
    return first.text()


class UsersPage(QWidget):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        self.accounts: list[users.Account] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Tên đăng nhập", "Vai trò", "Trạng thái"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role, label in ROLES.items():
            self.role.addItem(label, role)
        self.password, self.again = password_pair()
        self.add_button = QPushButton("Thêm người dùng")
        self.add_button.clicked.connect(self.add)
        self.reset_button = QPushButton("Đặt lại mật khẩu")
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button = QPushButton("Khóa tài khoản")
        self.disable_button.clicked.connect(self.disable)
        self.message = ErrorLabel()
        form = QFormLayout()
        form.addRow("Tên đăng nhập:", self.name)
        form.addRow("Vai trò:", self.role)
        form.addRow("Mật khẩu mới:", self.password)
        form.addRow("Nhập lại mật khẩu:", self.again)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Người dùng và vai trò", "Quản trị: mọi việc · Lãnh đạo: thêm phát hành báo cáo, "
                                 "xem nhật ký · Chuyên viên: nhập, sửa, in, sao lưu · Chỉ xem: xem và tìm kiếm."))
        layout.addWidget(self.table, 1)
        if not context.read_only:
            layout.addLayout(form)
            layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.accounts = users.list_accounts(self.context.db)
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            for column, text in enumerate((account.name, ROLES.get(account.role, account.role),
                                           "Đang hoạt động" if account.active else "Đã khóa")):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selected()

    def selected(self) -> users.Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _selected(self) -> None:
        account = self.selected()
        usable = account is not None and account.active
        self.reset_button.setEnabled(usable)
        self.disable_button.setEnabled(usable)
        if account is not None:
            self.name.setText(account.name)
            self.role.setCurrentIndex(max(0, self.role.findData(account.role)))

    def _run(self, change, done: str) -> None:
        try:
            change()
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.password.clear()
        self.again.clear()
        self.message.show_message(done, error=False)
        self.refresh()

    def add(self) -> None:
        name, role = self.name.text().strip(), self.role.currentData()
        self._run(lambda: users.add(self.context.db, name, role, matching(self.password, self.again)),
                  f"Đã thêm người dùng «{name}» ({ROLES[role]}).")

    def reset_password(self) -> None:
        account = self.selected()
        self._run(lambda: users.change_password(self.context.db, account.name, matching(self.password, self.again)),
                  f"Đã đặt lại mật khẩu của «{account.name}».")

    def disable(self) -> None:
        account = self.selected()
        if self.context.dialogs.ask(self, "Khóa tài khoản", f"Khóa tài khoản «{account.name}»? Người này sẽ không "
                                    "đăng nhập được nữa.") != YES:
            return
        self._run(lambda: users.disable(self.context.db, account.name), f"Đã khóa tài khoản «{account.name}».")
