"""Quản trị: one tab per administrative task, each shown only to the roles the spec allows."""

from collections.abc import Callable

from ...core.permissions import Action, allows
from ..context import AppContext
from ..look import scrolling
from ..qt import QTabWidget, QWidget
from .audit_page import AuditPage
from .backup_page import BackupPage
from .password_page import PasswordPage
from .recipients_page import RecipientsPage
from .settings_page import SettingsPage
from .users_page import UsersPage

# (tab title, the permission that shows it, how to build it)
TABS: tuple[tuple[str, Action, Callable], ...] = (
    ("Thiết lập", Action.SETTINGS, lambda context, _restored: SettingsPage(context)),
    ("Nơi nhận phiếu", Action.BROWSE,
     lambda context, _restored: RecipientsPage(context, allows(context.db.actor.role, Action.EDIT))),
    ("Người dùng", Action.MANAGE_USERS, lambda context, _restored: UsersPage(context)),
    ("Nhật ký", Action.AUDIT, lambda context, _restored: AuditPage(context)),
    ("Sao lưu", Action.BACKUP, BackupPage),
    ("Mật khẩu của tôi", Action.PASSWD_OWN, lambda context, _restored: PasswordPage(context)),
)


def admin_allowed(role: str) -> bool:
    return any(allows(role, permission) for _title, permission, _build in TABS)


class AdminPage(QTabWidget):
    """`restored` is called after a restore replaced the database (the session logs in again).
    Each tab scrolls by itself: a tab widget is as tall as its tallest tab, so scrolling it whole
    would put the shorter tabs' buttons and messages below the office screen."""

    def __init__(self, context: AppContext, restored: Callable[[], None], parent=None):
        super().__init__(parent)
        self.context = context
        for title, permission, build in TABS:
            if allows(context.db.actor.role, permission):
                self.addTab(scrolling(build(context, restored)), title)

    def page(self, index: int) -> QWidget:
        """The page of tab `index` (inside the area it scrolls in)."""
        return self.widget(index).widget()
