"""Người dùng (administrator only): accounts, their officers' full names and roles; add, write the full name again,
change the role, reset a password, disable, reopen a disabled account. Each account has its own key slot;
disabling removes it, reopening gives a new one; the last administrator stays.
The page is the Designer form ui/admin_users.ui."""

from ...core import user_names, users
from ...core.errors import BvctError, InputError
from ...core.permissions import ROLES, VIEWER, Action, allows, summary
from ..accessible import named_from_labels
from ..caps_lock import CapsLockWatch
from ..context import AppContext
from ..designer.ui_admin_users import Ui_UsersPage
from ..dialogs import YES
from ..qt import QHeaderView, QLineEdit, QTableWidgetItem, QWidget
from ..workers import wait_for


def matching(first: QLineEdit, again: QLineEdit) -> str:
    if first.text() != again.text():
        raise InputError("Hai lần nhập mật khẩu không khớp.")
    return first.text()


def full_name_message(whose: str, none: str, full_name: str | None) -> str:
    """What is said once a full name is written: «`whose`: Nguyễn Văn A.», or `none` when it was taken away."""
    return f"{whose}: {full_name}." if full_name else f"{none}: văn bản in tên người dùng."


class UsersPage(QWidget, Ui_UsersPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.caps_lock = CapsLockWatch(self.password, self.again)
        self.page_subtitle.setText("\n".join(summary()))
        self.context = context
        self.accounts: list[users.Account] = []
        header = self.table.horizontalHeader()
        for column in (0, 1):  # the name and the full name share the room
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):  # the role and the state, whole on one line
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        for role, label in ROLES.items():
            self.role.addItem(label, role)
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.full_name.setMaxLength(users.FULL_NAME_MAX)
        self.full_name_button.clicked.connect(self.change_full_name)
        self.disable_button.clicked.connect(self.disable)
        self.enable_button.clicked.connect(self.enable)
        self.editing.setVisible(not context.read_only)
        named_from_labels(self)
        self.refresh()

    def refresh(self) -> None:
        self.accounts = users.list_accounts(self.context.db)
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            for column, text in enumerate((account.name, account.full_name or "", ROLES.get(account.role, account.role),
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
        self.role_button.setEnabled(account is not None)  # a disabled account's too: it is reopened with it
        self.full_name_button.setEnabled(account is not None)
        self.enable_button.setEnabled(account is not None and not account.active)
        if account is not None:
            self.name.setText(account.name)
            self.full_name.setText(account.full_name or "")
        # a new account starts with the least it may do: another role is chosen, never inherited
        self.role.setCurrentIndex(self.role.findData(account.role if account is not None else VIEWER))

    def _run(self, change, done: str) -> bool:
        """`change` on a worker (a new key slot derives a key, up to a second), then `done` said; whether
        it was made. The accounts are listed again while the officer still manages them: an administrator
        who gave themselves another role no longer does (the main window builds Quản trị again for it)."""
        try:
            wait_for(change)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return False
        self.password.clear()
        self.again.clear()
        self.message.show_message(done, error=False)
        db = self.context.db
        if db.still_active() and allows(db.actor.role, Action.MANAGE_USERS):
            self.refresh()
        return True

    def add(self) -> None:
        """The name is checked here too, to say the one stored."""
        try:
            name = user_names.checked(self.name.text())
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        role, full_name, password = self.role.currentData(), self.full_name.text(), self._new_password()
        if password is not None and self._run(lambda: users.add(self.context.db, name, role, password, full_name),
                                              f"Đã thêm người dùng «{name}» ({ROLES[role]})."):
            # ready for the next one: an office adds its officers one after another, of the role chosen for them
            self.name.clear()
            self.full_name.clear()
            self.role.setCurrentIndex(self.role.findData(role))
            self.name.setFocus()

    def reset_password(self) -> None:
        account, password = self.selected(), self._new_password()
        if password is not None:
            self._run(lambda: users.change_password(self.context.db, account.name, password),
                      f"Đã đặt lại mật khẩu của «{account.name}».")

    def enable(self) -> None:
        account, password = self.selected(), self._new_password()
        if password is not None:
            self._run(lambda: users.enable(self.context.db, account.name, password),
                      users.reopened_message(account.name, account.role))

    def _new_password(self) -> str | None:
        """The new password typed twice alike (read here: a worker never touches a widget)."""
        try:
            return matching(self.password, self.again)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return None

    def change_role(self) -> None:
        account, role = self.selected(), self.role.currentData()
        holds = ("có hiệu lực ngay, kể cả khi họ đang mở chương trình" if account.active
                 else "tài khoản vẫn khóa cho đến khi được mở lại")
        self._run(lambda: users.set_role(self.context.db, account.name, role),
                  f"«{account.name}» nay là {ROLES[role]} ({holds}).")

    def change_full_name(self) -> None:
        account, typed = self.selected(), self.full_name.text()
        try:
            full_name = users.full_name_checked(typed)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self._run(lambda: users.set_full_name(self.context.db, account.name, typed), full_name_message(
            f"Họ và tên của «{account.name}»", f"«{account.name}» không còn họ và tên", full_name))

    def disable(self) -> None:
        account = self.selected()
        if self.context.dialogs.ask(self, "Khóa tài khoản", f"Khóa tài khoản «{account.name}»? Người này sẽ không "
                                    "đăng nhập được nữa.") != YES:
            return
        self._run(lambda: users.disable(self.context.db, account.name), users.locked_message(account.name))
