"""The main window: navigation on the left, the page on the right, the menus and shortcuts
that forward to the page shown, the status bar, the read-only banner and the auto-lock."""

from ..core.permissions import ROLES, Action, allows
from . import navigation
from .admin import AdminPage, admin_allowed
from .autolock import Locker
from .context import AppContext
from .dashboard import Dashboard
from .dialogs import CANCEL, NO
from .icons import icon
from .navigation import ADMIN, DASHBOARD, REPORT, Destination, Navigation
from .qt import (
    QAction,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .report_page import ReportPage

READ_ONLY_BANNER = ("Cơ sở dữ liệu này đang được mở ở một cửa sổ BVCT Desktop khác. Cửa sổ này ở chế độ "
                    "CHỈ ĐỌC: xem và tìm kiếm được, không thêm, sửa, xóa hay nhập dữ liệu.")

# (page method, menu text, shortcut, permission needed, also needs a writable database)
PAGE_ACTIONS = (
    ("new_record", "Thêm mới", "Ctrl+N", Action.EDIT, True),
    ("focus_search", "Tìm kiếm", "Ctrl+F", Action.BROWSE, False),
    ("import_excel", "Nhập từ Excel…", None, Action.EDIT, True),
    ("export_excel", "Xuất Excel…", "Ctrl+E", Action.EXPORT, False),
    ("print_list", "In…", "Ctrl+P", Action.EXPORT, False),
    ("refresh", "Làm mới", "F5", Action.BROWSE, False),
)


class MainWindow(QMainWindow):
    logout_requested = Signal()
    closed = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.context = context
        db = context.db
        self.setWindowTitle(f"BVCT Desktop – {db.path.name}" + (" (chỉ đọc)" if context.read_only else ""))
        self.setWindowIcon(icon("app"))
        self.resize(1200, 760)

        self.destinations = self._destinations()
        self.pages: dict[str, QWidget] = {}
        self.stack = QStackedWidget()
        self.navigation = Navigation(self.destinations)
        self.navigation.currentRowChanged.connect(self._navigate)
        self.banner = QLabel(READ_ONLY_BANNER)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(context.read_only)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.stack, 1)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.navigation)
        body_layout.addWidget(right, 1)
        self.setCentralWidget(body)

        self.page_actions: dict[str, QAction] = {}
        self._menus()
        self._status_bar()
        self.locker = Locker(context, self)
        self.locker.locked_changed.connect(self._show_lock_state)
        context.notifier.changed.connect(self._data_changed)
        self.navigation.select(DASHBOARD)

    # ----- pages
    def _destinations(self) -> list[Destination]:
        context = self.context
        found = [Destination(DASHBOARD, "Tổng quan", lambda: Dashboard(context, self.open_record))]
        found += navigation.register_destinations(context)
        found.append(Destination(REPORT, "Báo cáo", lambda: ReportPage(context)))
        if admin_allowed(context.db.actor.role):
            found.append(Destination(ADMIN, "Quản trị", lambda: AdminPage(context, self.logout_requested.emit)))
        return found

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use."""
        if key not in self.pages:
            destination = next(d for d in self.destinations if d.key == key)
            self.pages[key] = destination.build()
            self.stack.addWidget(self.pages[key])
        return self.pages[key]

    def current_key(self) -> str:
        return self.navigation.keys[self.navigation.currentRow()]

    def current_page(self) -> QWidget:
        return self.page(self.current_key())

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self.page(self.navigation.keys[row]))
        self._update_actions()

    def open_record(self, kind: str, record_id: int) -> None:
        """Shows the register of `kind` and opens the record there (dashboard entries use this)."""
        if kind not in self.navigation.keys:
            self.context.dialogs.inform(self, "Chưa có sổ", "Sổ theo dõi loại hồ sơ này chưa có trong chương trình.")
            return
        self.navigation.select(kind)
        self.page(kind).open_record(record_id)

    # ----- menus, shortcuts and the status bar
    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.lock_action = self._action("Khóa chương trình", "Ctrl+L", lambda: self.locker.lock(), "lock")
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self._action("Đăng xuất", None, self.logout_requested.emit))
        file_menu.addSeparator()
        file_menu.addAction(self._action("Thoát", "Ctrl+Q", self.close))
        record_menu = self.menuBar().addMenu("&Hồ sơ")
        for method, text, shortcut, _permission, _writes in PAGE_ACTIONS:
            action = self._action(text, shortcut, lambda _checked=False, method=method: self._forward(method))
            self.page_actions[method] = action
            record_menu.addAction(action)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        help_menu.addAction(self._action("Giới thiệu", None, self._about))

    def _action(self, text: str, shortcut: str | None, slot, icon_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _forward(self, method: str) -> None:
        handler = getattr(self.current_page(), method, None)
        if handler is not None and self.page_actions[method].isEnabled():
            handler()

    def permitted(self, method: str) -> bool:
        """Whether this user, on this database, may use `method` at all (if not, it is not offered)."""
        _method, _text, _shortcut, permission, writes = next(a for a in PAGE_ACTIONS if a[0] == method)
        if writes and self.context.read_only:
            return False
        return allows(self.context.db.actor.role, permission)

    def _update_actions(self) -> None:
        for method, action in self.page_actions.items():
            permitted = self.permitted(method)
            action.setVisible(permitted)
            action.setEnabled(permitted and hasattr(self.current_page(), method))

    def _status_bar(self) -> None:
        actor = self.context.db.actor
        bar = self.statusBar()
        self.user_label = QLabel(f"Người dùng: {actor.name}")
        self.role_label = QLabel(f"Vai trò: {ROLES.get(actor.role, actor.role)}")
        self.file_label = QLabel(f"Cơ sở dữ liệu: {self.context.db.path}")
        self.file_label.setToolTip(str(self.context.db.path))
        self.lock_label = QLabel()
        for label in (self.user_label, self.role_label, self.file_label, self.lock_label):
            bar.addPermanentWidget(label)
        self._show_lock_state(False)

    def _show_lock_state(self, locked: bool) -> None:
        state = "Đã khóa" if locked else "Đang mở"
        if self.context.read_only:
            state += " · chỉ đọc"
        self.lock_label.setText(f"Trạng thái: {state}")

    def _data_changed(self, kind: str) -> None:
        if kind == "settings":
            self.locker.reload_setting()

    def _about(self) -> None:
        from .about import AboutDialog

        AboutDialog(self).open()

    # ----- closing
    def unsaved_pages(self) -> list[str]:
        return [d.title for d in self.destinations
                if d.key in self.pages and getattr(self.pages[d.key], "has_unsaved_changes", lambda: False)()]

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        unsaved = self.unsaved_pages()
        if unsaved:
            answer = self.context.dialogs.ask(
                self, "Còn thay đổi chưa lưu",
                f"Còn thay đổi chưa lưu ở: {', '.join(unsaved)}.\nVẫn đóng chương trình và bỏ các thay đổi đó?")
            if answer in (NO, CANCEL):
                event.ignore()
                return
        self.locker.watch.stop()
        event.accept()
        self.closed.emit()
