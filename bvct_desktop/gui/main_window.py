"""The main window: navigation on the left, the page on the right, the menus and shortcuts
that forward to the page shown, the status bar, the read-only banner and the auto-lock.
Its layout and menus are the Designer form ui/main_window.ui."""

from ..core.errors import SESSION_ENDED, BvctError
from ..core.permissions import ROLES, Action, allows
from . import damage, navigation
from .admin import AdminPage, admin_allowed
from .autolock import Locker
from .context import AppContext
from .copy_guard import CopyGuard
from .dashboard import Dashboard
from .designer.ui_main_window import Ui_MainWindow
from .dialogs import CANCEL, NO
from .handover_dialog import HandoverDialog
from .icons import icon
from .issued_page import IssuedPage
from .live import LiveChanges
from .look import colour, fill_screen, plain, scrolling
from .navigation import ADMIN, DASHBOARD, ISSUED, REPORT, Destination
from .past_term_dialog import PastTermDialog
from .places_dialog import open_places
from .qt import QAction, QLabel, QMainWindow, Qt, QWidget, Signal
from .report_page import ReportPage
from .tooltips import typed_tip

# px of the status bar at 1366 pixels: the user's name (up to 63 bytes) and the database's path, cut to
# theirs; why the database is out of reach, left of them, in what remains beside the role and the state
STATUS_USER_WIDTH = 220
STATUS_PATH_WIDTH = 420
STATUS_REACH_WIDTH = 340
# a page of boxes and lines, which scrolls on a short or narrow screen (registers scroll their rows and wrap
# their rows of controls, Quản trị scrolls each of its tabs)
SCROLLED = {DASHBOARD, REPORT, ISSUED}
REFUSAL_MS = 8000  # how long the status bar says why a copy was refused
ROLE_CHANGED = "Vai trò của bạn nay là {role}; chương trình đã đổi theo những việc vai trò này được làm."
ROLE_CHANGED_MS = 30_000
# page method → (permission needed, also needs a writable database); the menu entry is `<method>_action`
PAGE_ACTIONS = {
    "new_record": (Action.EDIT, True),
    "focus_search": (Action.BROWSE, False),
    "import_excel": (Action.EDIT, True),
    "export_excel": (Action.EXPORT, False),
    "print_list": (Action.EXPORT, False),
    "refresh": (Action.BROWSE, False),
}


class MainWindow(QMainWindow, Ui_MainWindow):
    logout_requested = Signal()
    closed = Signal()

    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        db = context.db
        shown = db.address.display if db.is_server else db.path.name
        # the system adds the program's name (QGuiApplication.applicationDisplayName): «bvct.db — BVCT Desktop»
        self.setWindowTitle(shown + (" (chỉ đọc)" if context.read_only else ""))
        self.setWindowIcon(icon("app"))
        fill_screen(self, self.size())  # the size the form asks, on a screen that may be smaller

        self.destinations = self._destinations()
        self.pages: dict[str, QWidget] = {}
        self.in_stack: dict[str, QWidget] = {}  # what the stack holds for each page: it, or the area it scrolls in
        self.shown: str | None = None  # the key of the page the stack shows
        self.navigation.show_destinations(self.destinations)
        self.navigation.currentRowChanged.connect(self._navigate)
        self.banner.setVisible(context.read_only)

        self.page_actions: dict[str, QAction] = {method: getattr(self, f"{method}_action") for method in PAGE_ACTIONS}
        self._connect_actions()
        self._status_bar()
        self.locker = Locker(context, self)
        self.locker.locked_changed.connect(self._show_lock_state)
        self.locker.locked_changed.connect(self._update_actions)
        self.locker.locked_changed.connect(self._catch_up)
        self.locker.logout_requested.connect(self.logout_requested.emit)
        context.notifier.changed.connect(self._data_changed)
        self.live = LiveChanges(context, self)  # others' changes shown without a restart
        # queued: the account is read in the middle of a page's work, whose page may be rebuilt
        self.live.account_changed.connect(self._account_changed, Qt.ConnectionType.QueuedConnection)
        self.live.reach_changed.connect(self._show_reach)
        self.copy_guard: CopyGuard | None = None
        self._guard_copies()
        self.navigation.select(DASHBOARD)

    # ----- pages
    def _destinations(self) -> list[Destination]:
        context = self.context
        found = [Destination(DASHBOARD, "Tổng quan", lambda: Dashboard(context, self.open_record, self.open_register))]
        found += navigation.register_destinations(context)
        found.append(Destination(REPORT, "Báo cáo", lambda: ReportPage(context)))
        if allows(context.db.actor.role, Action.EXPORT):
            found.append(Destination(ISSUED, "Văn bản đã phát hành", lambda: IssuedPage(context)))
        if admin_allowed(context.db.actor.role):
            found.append(Destination(ADMIN, "Quản trị", lambda: AdminPage(context, self.logout_requested.emit)))
        return found

    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use (BvctError when it cannot be: nothing is kept of it)."""
        if key not in self.pages:
            destination = next(d for d in self.destinations if d.key == key)
            page = self.pages[key] = destination.build()
            if hasattr(page, "actions_changed"):
                page.actions_changed.connect(self._update_actions)
            self.in_stack[key] = scrolling(page) if key in SCROLLED else page
            self.stack.addWidget(self.in_stack[key])
        return self.pages[key]

    def current_key(self) -> str:
        return self.navigation.keys[self.navigation.currentRow()]

    def current_page(self) -> QWidget:
        return self.page(self.current_key())

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        key = self.navigation.keys[row]
        try:
            self.page(key)
        except BvctError as error:
            self._not_shown(error)
            return
        self.shown = key
        self.stack.setCurrentWidget(self.in_stack[key])
        self._update_actions()

    def _not_shown(self, error: BvctError) -> None:
        """A page that could not be built: the navigation goes back to the page shown, and says why (a
        disabled account's refusal is said by the lock it brings)."""
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self.navigation.keys.index(self.shown) if self.shown else -1)
        self.navigation.blockSignals(False)
        if not isinstance(error, SESSION_ENDED):
            self.context.dialogs.warn(self, "Không mở được trang", damage.told(error))

    def _show(self, key: str) -> QWidget | None:
        """Shows the page of `key`; None when it could not be built."""
        self.navigation.select(key)
        return self.pages[key] if self.shown == key else None

    def open_record(self, kind: str, record_id: int) -> None:
        """Shows the register of `kind` and opens the record there (dashboard entries use this)."""
        if kind not in self.navigation.keys:
            self.context.dialogs.inform(self, "Chưa có sổ", "Sổ theo dõi loại hồ sơ này chưa có trong chương trình.")
            return
        if (page := self._show(kind)) is not None:
            page.open_record(record_id)

    def open_register(self, kind: str, filters) -> None:
        """Shows the register of `kind` filtered to `filters` (a dashboard figure's records)."""
        if (page := self._show(kind)) is not None:
            page.show_filtered(filters)

    def _account_changed(self, ended: str) -> None:
        """An administrator changed the officer's account while they are logged in: disabled or its
        password reset, every window is covered saying so (`ended`: nothing more can be done in it until
        the new password is typed); given another role, the window offers what that role allows."""
        if self.context.db.closed:  # told after the session ended
            return
        if ended:
            self.locker.lock(ended)
            return
        self.role_label.setText(f"Vai trò: {self._role_name()}")
        self.statusBar().showMessage(ROLE_CHANGED.format(role=self._role_name()), ROLE_CHANGED_MS)
        self._guard_copies()
        self._offer_pages()

    def _offer_pages(self) -> None:
        """The pages the role allows: a register follows it where it is (its search, selection and open
        forms kept); any other page built so far is built again when shown, as the role now has it."""
        self.destinations = self._destinations()
        for key in [key for key, page in self.pages.items() if not hasattr(page, "follow_role")]:
            self.stack.removeWidget(self.in_stack[key])
            self.in_stack.pop(key).deleteLater()
            del self.pages[key]
        for page in self.pages.values():
            page.follow_role()
        shown, self.shown = self.shown, None
        self.navigation.blockSignals(True)
        self.navigation.show_destinations(self.destinations)
        self.navigation.blockSignals(False)
        self.navigation.select(shown if shown in self.navigation.keys else DASHBOARD)
        self._offer_past_term()

    def _offer_past_term(self) -> None:
        """The list past their term reads the outgoing register: offered to those who may read it; handing work
        over, to leaders and administrators on a database this window may write."""
        role = self.context.db.actor.role
        self.past_term_action.setVisible(allows(role, Action.EXPORT))
        self.handover_action.setVisible(allows(role, Action.HAND_OVER) and not self.context.read_only)

    def _guard_copies(self) -> None:
        """Copying records out of the program is refused while the role may not export (gui/copy_guard)."""
        may_export = allows(self.context.db.actor.role, Action.EXPORT)
        if may_export and self.copy_guard is not None:
            self.copy_guard.deleteLater()
            self.copy_guard = None
        elif not may_export and self.copy_guard is None:
            self.copy_guard = CopyGuard(self)
            self.copy_guard.refused.connect(lambda why: self.statusBar().showMessage(why, REFUSAL_MS))

    # ----- menus, shortcuts and the status bar
    def _connect_actions(self) -> None:
        self.lock_action.setIcon(icon("lock"))
        self.lock_action.triggered.connect(lambda: self.locker.lock())
        self.logout_action.triggered.connect(self.logout_requested.emit)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._about)
        self.places_action = QAction("Tra cứu &địa danh…", self, shortcut="Ctrl+Shift+D")
        self.places_action.triggered.connect(lambda: open_places(self))
        self.help_menu.insertAction(self.about_action, self.places_action)
        self.past_term_action = QAction("Hồ sơ, tài liệu hết thời hạn &bảo quản…", self)
        self.past_term_action.triggered.connect(self._past_term)
        self.handover_action = QAction("&Bàn giao việc…", self)
        self.handover_action.triggered.connect(self._hand_over)
        self.record_menu.addSeparator()
        self.record_menu.addAction(self.past_term_action)
        self.record_menu.addAction(self.handover_action)
        self._offer_past_term()
        for method, action in self.page_actions.items():
            action.triggered.connect(lambda _checked=False, method=method: self._forward(method))
        # the window's own actions too, so their shortcuts work wherever the focus is in it
        self.addActions([self.lock_action, self.logout_action, self.quit_action, *self.page_actions.values(),
                         self.places_action, self.past_term_action, self.handover_action, self.about_action])

    def _forward(self, method: str) -> None:
        handler = getattr(self.current_page(), method, None)
        if handler is not None and self.page_actions[method].isEnabled():
            handler()

    def permitted(self, method: str) -> bool:
        """Whether this user, on this database, may use `method` at all (if not, it is not offered)."""
        permission, writes = PAGE_ACTIONS[method]
        if writes and self.context.read_only:
            return False
        return allows(self.context.db.actor.role, permission)

    def _update_actions(self) -> None:
        """Each action offered where permitted, usable where the page shown does it now; when the page
        says why it does not (the recycle bin shown…), the tooltip says so. While locked they stay
        disabled, and are worked out again on unlock."""
        if self.locker.locked:
            return
        page = self.current_page()
        unavailable = getattr(page, "unavailable", lambda _method: None)
        for method, action in self.page_actions.items():
            permitted = self.permitted(method)
            why = unavailable(method) if hasattr(page, method) else None
            action.setVisible(permitted)
            action.setEnabled(permitted and hasattr(page, method) and why is None)
            action.setToolTip(why or "")  # empty: Qt's default, the action's text

    def _status_bar(self) -> None:
        bar = self.statusBar()
        name = self.context.db.actor.name
        self.user_label = self._cut_label(f"Người dùng: {name}", name, Qt.ElideRight, STATUS_USER_WIDTH)
        self.role_label = QLabel(f"Vai trò: {self._role_name()}")
        where = str(self.context.db.address.described)
        # an office PC's default path is long: cut in its middle, whole in the tip, the state still in view
        self.file_label = self._cut_label(f"Cơ sở dữ liệu: {where}", where, Qt.ElideMiddle, STATUS_PATH_WIDTH)
        self.lock_label = QLabel()
        for label in (self.user_label, self.role_label, self.file_label, self.lock_label):
            bar.addPermanentWidget(label)
        self._show_lock_state(False)
        self.reach_label = plain(QLabel())  # the database out of reach, on the left where messages go
        self.reach_label.setStyleSheet(f"color: {colour('error')};")
        self.reach_label.hide()
        bar.addWidget(self.reach_label)

    def _cut_label(self, text: str, whole: str, mode: Qt.TextElideMode, width: int) -> QLabel:
        """`text` shown as typed, cut to `width` px where it is longer, `whole` in its tip."""
        label = plain(QLabel(self.fontMetrics().elidedText(text, mode, width)))
        label.setToolTip(typed_tip(whole))
        return label

    def _show_reach(self, why: str) -> None:
        """Why the database cannot be reached (the looks go on trying; the forms keep what was typed), or nothing."""
        self.reach_label.setText(self.fontMetrics().elidedText(why, Qt.ElideRight, STATUS_REACH_WIDTH))
        self.reach_label.setToolTip(typed_tip(why))
        self.reach_label.setVisible(bool(why))

    def _role_name(self) -> str:
        role = self.context.db.actor.role
        return ROLES.get(role, role)

    def _show_lock_state(self, locked: bool) -> None:
        state = "Đã khóa" if locked else "Đang mở"
        if self.context.read_only:
            state += " · chỉ đọc"
        self.lock_label.setText(f"Trạng thái: {state}")

    def _catch_up(self, locked: bool) -> None:
        """On unlock, the page shown reads what it missed meanwhile (the dashboard: a new day)."""
        if not locked:
            getattr(self.current_page(), "catch_up", lambda: None)()

    def _data_changed(self, kind: str) -> None:
        if kind == "settings":
            self.locker.reload_setting()

    def _past_term(self) -> None:
        self.past_term_dialog = PastTermDialog(self.context, self)
        self.past_term_dialog.open()

    def _hand_over(self) -> None:
        self.handover_dialog = HandoverDialog(self.context, self)
        self.handover_dialog.open()

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
        self.locker.stop()
        self.live.stop()
        event.accept()
        self.closed.emit()
