"""The main window: navigation, status bar, shortcuts forwarded to the page shown (and not
offered where the role or a read-only window forbids), a read-only second instance, closing
with unsaved changes, and Qt's own strings in Vietnamese."""

import datetime as dt
from collections.abc import Iterator

import pytest
from shiboken6 import Shiboken
from sqlalchemy import select

from bvct_desktop.core import audit_chain, backup_log, browse, long_text, settings, users
from bvct_desktop.core.address import FileAddress
from bvct_desktop.core.database import disabled_message, password_changed_message
from bvct_desktop.core.errors import BvctError
from bvct_desktop.core.permissions import OFFICER, VIEWER
from bvct_desktop.core.schema import audit_log
from bvct_desktop.gui import app, navigation
from bvct_desktop.gui.autolock import PROMPT_WHEN_REOPENED
from bvct_desktop.gui.dialogs import YES, Dialogs
from bvct_desktop.gui.instance import InstanceLock
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.look import ErrorLabel
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.qt import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QMessageBox,
    QObject,
    QRect,
    QScrollArea,
    Qt,
    QWidget,
)
from tests.conftest import ADMIN, PASSWORD
from tests.gui.shell_support import (
    FakeClock,
    as_user,
    import_samples,
    logged_in,
    main_window,
    new_database,
    on_office_screen,
)
from tests.gui.tip_support import as_seen


class FakeRegister(QWidget):
    """Stands in for a RegisterPage (the contract's methods, recording their calls)."""

    def __init__(self):
        super().__init__()
        self.calls: list[object] = []
        self.unsaved = False

    def refresh(self): self.calls.append("refresh")
    def focus_search(self): self.calls.append("focus_search")
    def new_record(self): self.calls.append("new_record")
    def export_excel(self): self.calls.append("export_excel")
    def print_list(self): self.calls.append("print_list")
    def import_excel(self): self.calls.append("import_excel")
    def open_record(self, record_id): self.calls.append(("open_record", record_id))
    def has_unsaved_changes(self): return self.unsaved


@pytest.fixture
def fake_registers(monkeypatch):
    pages: dict[str, FakeRegister] = {}

    def destinations(context):
        def build(kind):
            pages[kind] = FakeRegister()
            return pages[kind]
        return [navigation.Destination(kind, title, lambda kind=kind: build(kind))
                for kind, title in (("cadres", "Cán bộ"), ("slips", "Phiếu xác minh"))]

    monkeypatch.setattr(navigation, "register_destinations", destinations)
    return pages


def test_navigation_and_status_bar(qtbot, db, clock, fake_registers):
    window = main_window(qtbot, db, clock)
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == ["Tổng quan", "Cán bộ", "Phiếu xác minh", "Báo cáo", "Văn bản đã phát hành", "Quản trị"]
    assert window.current_key() == "dashboard"
    assert window.user_label.text() == f"Người dùng: {ADMIN}"
    assert window.role_label.text() == "Vai trò: Quản trị"
    assert as_seen(window.file_label.toolTip()) == str(db.path)
    assert window.lock_label.text() == "Trạng thái: Đang mở"
    assert window.windowTitle() == db.path.name  # the system adds the program's name once
    window.resize(1366, 728)  # the office screen above the taskbar
    qtbot.wait(20)
    assert window.lock_label.geometry().right() <= window.statusBar().width()
    assert not window.banner.isVisible()


def test_the_status_bar_says_while_the_database_is_out_of_reach(qtbot, db, clock, fake_registers):
    """The office server stopped: nothing in the window said so (the looks failed in silence)."""
    window = main_window(qtbot, db, clock)
    window.resize(1366, 728)
    why = ("Không kết nối được máy chủ cơ sở dữ liệu 10.0.0.5:5432; kiểm tra mạng nội bộ và máy chủ. Khi máy chủ "
           "chạy lại (hỏi quản trị viên nếu lâu), hãy thử lại.")
    window.live.reach_changed.emit(why)
    qtbot.wait(20)
    assert window.reach_label.isVisible() and as_seen(window.reach_label.toolTip()) == long_text.tip(why)
    assert window.reach_label.text().startswith("Không kết nối được máy chủ")
    assert window.reach_label.geometry().right() < window.user_label.geometry().left()  # the rest still in view
    window.live.reach_changed.emit("")
    assert not window.reach_label.isVisible()


def test_the_state_stays_in_view_with_the_longest_user_name_a_long_path_and_the_database_out_of_reach(
        qtbot, tmp_path, clock, monkeypatch):
    """A 62-character user name, a long data folder and the server out of reach made the status bar 1757 px
    wide: the window grew past the 1366 px screen and «Trạng thái» went off its right edge. The name is cut
    as the path is, whole in its tip."""
    on_office_screen(monkeypatch)
    folder = tmp_path / "Phong Bao ve chinh tri noi bo" / "Du lieu ho so can bo nam 2026" / "Ban Tổ chức Tỉnh ủy"
    folder.mkdir(parents=True)
    name = "nguyen.thi.thanh.huong.truong.phong.bao.ve.chinh.tri.noi.bo.01"
    db = as_user(new_database(folder, clock), name, OFFICER)
    window = main_window(qtbot, db, clock, read_only=True)
    window.resize(1366, 728)
    window.live.reach_changed.emit("Không kết nối được máy chủ cơ sở dữ liệu 10.0.0.5:5432; kiểm tra mạng nội bộ "
                                   "và máy chủ. Khi máy chủ chạy lại (hỏi quản trị viên nếu lâu), hãy thử lại.")
    qtbot.wait(20)
    assert window.width() == 1366
    assert window.lock_label.text() == "Trạng thái: Đang mở · chỉ đọc"
    assert window.lock_label.geometry().right() <= window.statusBar().width()
    assert window.reach_label.geometry().right() < window.user_label.geometry().left()
    assert window.user_label.text().startswith("Người dùng: nguyen.thi")
    assert as_seen(window.user_label.toolTip()) == name


def page_of_boxes(window: MainWindow, key: str) -> tuple[QWidget, QScrollArea]:
    """The page shown for `key` and the area it scrolls in: the report page's, or Quản trị's tab's."""
    window.navigation.select(key)
    page = window.current_page()
    if key == "admin":
        return page.page(page.currentIndex()), page.currentWidget()
    return page, window.stack.currentWidget()


@pytest.mark.parametrize("key", ["report", "admin"])
def test_a_page_of_boxes_scrolls_rather_than_grow_the_window_past_the_taskbar(qtbot, db, clock, key):
    """At 1366×768 less a taskbar: the report page with a message line, the settings with the advanced
    ones shown, made the window 735–750 pixels tall."""
    window = main_window(qtbot, db, clock)
    page, area = page_of_boxes(window, key)
    page.setMinimumHeight(900)  # more than any office screen shows
    qtbot.wait(20)
    assert window.minimumSizeHint().height() <= 728
    assert area.widget() is page


@pytest.mark.parametrize("key", ["report", "admin"])
def test_a_page_of_boxes_is_as_wide_as_the_office_screen_without_scrolling_sideways(qtbot, db, clock, key):
    """The report page's profile list names a profile 60 letters long: the list narrows, the page does not
    grow past the screen (its export buttons were cut at the right, under a horizontal scroll bar)."""
    window = main_window(qtbot, db, clock)
    window.resize(1366, 728)
    page, area = page_of_boxes(window, key)
    qtbot.wait(20)
    assert page.minimumSizeHint().width() <= area.viewport().width()


ALL_PAGES = [navigation.DASHBOARD, *(kind for kind, _title in navigation.REGISTERS), navigation.REPORT,
             navigation.ISSUED, navigation.ADMIN]


@pytest.mark.parametrize("key", ALL_PAGES)
def test_every_page_fits_the_office_screen_at_125_percent(qtbot, monkeypatch, db, clock, key):
    """At Windows' 125 % (1366×768 laid out as 1093×614) the window opened at 1200×760, and could not be made
    narrower than 1314 pixels: the slips' search, dates, three drop-downs and two switches on one row."""
    window, screen = _opened_on_office_screen(qtbot, monkeypatch, db, clock, key, 1.25)
    window.resize(screen.size())
    qtbot.wait(20)
    for page, area in pages_shown(window, key):
        qtbot.wait(20)
        assert page.minimumSizeHint().width() <= area.width(), type(page).__name__  # read without scrolling sideways


def pages_shown(window: MainWindow, key: str) -> Iterator[tuple[QWidget, QWidget]]:
    """The page shown for `key` and what it is shown in, or Quản trị's, each tab's in turn."""
    page = window.current_page()
    if key != navigation.ADMIN:
        yield page, window.stack.currentWidget()
        return
    for index in range(page.count()):
        page.setCurrentIndex(index)
        yield page.page(index), page.widget(index)


@pytest.mark.parametrize("key", ALL_PAGES)
def test_at_150_percent_a_page_wider_than_the_screen_scrolls_in_the_window(qtbot, monkeypatch, db, clock, key):
    """At 150 % (911×485 above the taskbar) the dashboard alone made the window 1043 pixels wide."""
    _opened_on_office_screen(qtbot, monkeypatch, db, clock, key, 1.5)


def _opened_on_office_screen(qtbot, monkeypatch, db, clock, key: str, scale: float) -> tuple[MainWindow, QRect]:
    """The main window opened on the office screen at Windows' `scale`, showing `key`: it opens within the
    screen and can be made no larger than it."""
    screen = on_office_screen(monkeypatch, scale)
    window = main_window(qtbot, db, clock)
    assert screen.contains(window.frameGeometry())
    window.navigation.select(key)
    qtbot.wait(20)
    needed = window.minimumSizeHint()
    assert needed.width() <= screen.width() and needed.height() <= screen.height()
    return window, screen


def fully_shown(widget: QWidget) -> bool:
    """Not cut by any scroll area or page around it."""
    return widget.visibleRegion().boundingRect() == widget.rect()


def test_each_admin_tab_shows_its_buttons_and_messages_on_the_office_screen(qtbot, db, clock):
    """The settings with the advanced ones and a dated history made the whole tab widget taller than the
    screen: the other tabs' buttons and messages sat below what it shows. A tab taller than the screen
    scrolls inside itself, under its tab bar."""
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY BÌNH THUẬN", dt.date(2016, 1, 1))
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", dt.date(2025, 7, 1))
    window = main_window(qtbot, db, clock)
    window.resize(1366, 728)
    window.navigation.select("admin")
    admin = window.current_page()
    tabs = [admin.widget(index) for index in range(admin.count())]
    settings_page = admin.page(0)
    settings_page.advanced.setChecked(True)
    for index, tab in enumerate(tabs):
        admin.setCurrentIndex(index)
        for message in tab.findChildren(ErrorLabel):
            message.show_message("Mật khẩu phải có ít nhất 10 ký tự.")
        qtbot.wait(20)
        assert window.height() <= 728 and fully_shown(admin.tabBar())
        if index == 0:
            continue
        shown = [widget for widget in tab.findChildren(QAbstractButton) + tab.findChildren(ErrorLabel)
                 if widget.isVisible()]
        assert shown and all(fully_shown(widget) for widget in shown), admin.tabText(index)
    admin.setCurrentIndex(0)
    qtbot.wait(20)
    for widget in (settings_page.save_button, settings_page.new_button, settings_page.history):
        area = next(parent for parent in ancestors(widget) if isinstance(parent, QScrollArea))
        area.ensureWidgetVisible(widget, 0, 0)
        qtbot.wait(20)
        assert fully_shown(widget) and fully_shown(admin.tabBar())
    assert settings_page.history.viewport().height() >= 3 * settings_page.history.verticalHeader().defaultSectionSize()


def test_at_150_percent_a_list_gives_way_to_the_buttons_under_it(qtbot, monkeypatch, db, clock):
    """At 150 % (911×485 above the taskbar) the users' list kept the 192 pixels a table asks by default
    and put «Thêm người dùng», «Khóa tài khoản»… under the screen's edge, to be scrolled to: in a page
    that scrolls, a list is as tall as the room left, a few rows at least."""
    screen = on_office_screen(monkeypatch, 1.5)
    window = main_window(qtbot, db, clock)
    window.resize(screen.size())
    window.navigation.select("admin")
    admin = window.current_page()
    for index in range(1, admin.count()):  # the settings' boxes outnumber any screen: they scroll
        admin.setCurrentIndex(index)
        qtbot.wait(20)
        shown = [button for button in admin.widget(index).findChildren(QAbstractButton) if button.isVisible()]
        assert all(fully_shown(button) for button in shown), admin.tabText(index)
    users_list = admin.page(2).table
    assert users_list.viewport().height() >= 2 * users_list.rowHeight(0)  # under its header, a row or two


def ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    while widget.parentWidget() is not None:
        widget = widget.parentWidget()
        found.append(widget)
    return found


def test_real_registers_are_in_the_navigation(qtbot, db, clock):
    window = main_window(qtbot, db, clock)
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == ["Tổng quan", *(title for _kind, title in navigation.REGISTERS), "Báo cáo", "Văn bản đã phát hành",
                      "Quản trị"]


class WindowsShown(QObject):
    """Records every window other than `main` that Qt shows while it watches."""

    def __init__(self, main: QWidget):
        super().__init__()
        self.main, self.shown = main, []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
                and watched is not self.main):
            self.shown.append(type(watched).__name__)
        return False


@pytest.mark.parametrize("key", [*(kind for kind, _title in navigation.REGISTERS), navigation.REPORT,
                                 navigation.ISSUED, navigation.ADMIN])
def test_opening_a_page_shows_no_stray_window_and_keeps_the_window_active(qtbot, db, clock, key):
    window = main_window(qtbot, db, clock)
    watcher = WindowsShown(window)
    QApplication.instance().installEventFilter(watcher)
    try:
        window.navigation.select(key)
        qtbot.wait(50)
    finally:
        QApplication.instance().removeEventFilter(watcher)
    assert watcher.shown == []
    assert window.isActiveWindow()  # Ctrl+N, Ctrl+F… answer at once


def test_shortcuts_reach_the_register_shown(qtbot, db, clock, fake_registers):
    window = main_window(qtbot, db, clock)
    window.navigation.select("slips")
    for key in (Qt.Key.Key_N, Qt.Key.Key_F, Qt.Key.Key_E, Qt.Key.Key_P):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert fake_registers["slips"].calls == ["new_record", "focus_search", "export_excel", "print_list", "refresh"]
    window.navigation.select("dashboard")
    assert not window.page_actions["new_record"].isEnabled()       # the dashboard makes no records
    assert window.page_actions["refresh"].isEnabled()


def test_the_recycle_bin_disables_new_export_and_print_and_tells_why(qtbot, db, clock):
    window = main_window(qtbot, db, clock)
    window.navigation.select("slips")
    page = window.current_page()
    page.bin_switch.setChecked(True)
    for method in ("new_record", "export_excel", "print_list"):
        action = window.page_actions[method]
        assert not action.isEnabled() and action.toolTip().startswith("Đang xem thùng rác")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.forms == {}
    page.bin_switch.setChecked(False)
    assert window.page_actions["new_record"].isEnabled() and window.page_actions["print_list"].isEnabled()
    assert not window.page_actions["print_list"].toolTip().startswith("Đang xem thùng rác")


def test_the_vetting_cases_page_prints_and_exports_its_list_but_imports_nothing(qtbot, db, clock):
    """Its cases are opened from slips or in a person's file: «Nhập từ Excel» is greyed, saying why; the list
    for the Standing Committee is printed and exported."""
    window = main_window(qtbot, db, clock)
    window.navigation.select("vetting-cases")
    action = window.page_actions["import_excel"]
    assert not action.isEnabled() and action.toolTip().startswith("Hồ sơ thẩm tra được mở từ phiếu xác minh")
    for method in ("new_record", "export_excel", "print_list"):
        assert window.page_actions[method].isEnabled()


def test_a_viewer_is_not_offered_changes_or_exports(qtbot, db, clock, fake_registers):
    viewer = as_user(db, "xem1", VIEWER)
    window = main_window(qtbot, viewer, clock)
    window.navigation.select("cadres")
    offered = {method for method, action in window.page_actions.items() if action.isVisible()}
    assert offered == {"focus_search", "refresh"}
    assert {m for m, action in window.page_actions.items() if action.isEnabled()} == offered
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert fake_registers["cadres"].calls == []
    assert window.role_label.text() == "Vai trò: Chỉ xem"
    viewer.close()


def test_read_only_window_has_a_banner_and_offers_no_changes(qtbot, db, clock, fake_registers):
    window = main_window(qtbot, db, clock, read_only=True)
    window.navigation.select("cadres")
    assert window.banner.isVisible() and "CHỈ ĐỌC" in window.banner.text()
    assert "chỉ đọc" in window.lock_label.text() and "(chỉ đọc)" in window.windowTitle()
    assert not window.page_actions["new_record"].isVisible()
    assert not window.page_actions["import_excel"].isVisible()
    assert window.page_actions["export_excel"].isEnabled()


def test_dashboard_entries_open_records_in_their_register(qtbot, db, clock, fake_registers):
    window = main_window(qtbot, db, clock)
    window.open_record("slips", 7)
    assert window.current_key() == "slips" and fake_registers["slips"].calls == [("open_record", 7)]
    window.open_record("vetting-cases", 3)
    assert window.context.dialogs.shown[-1].title == "Chưa có sổ"


def test_closing_with_unsaved_changes_asks_first(qtbot, db, clock, fake_registers):
    window = main_window(qtbot, db, clock)
    window.navigation.select("cadres")
    fake_registers["cadres"].unsaved = True
    assert not window.close()                                    # scripted answer: no
    assert "Cán bộ" in window.context.dialogs.shown[-1].text
    window.context.dialogs.answer_next(YES)
    assert window.close()


def test_second_instance_on_the_same_database_is_read_only(tmp_path):
    first, second = InstanceLock(tmp_path / "bvct.db"), InstanceLock(tmp_path / "bvct.db")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def log_in_as_admin(dialog: LoginDialog) -> QDialog.DialogCode:
    """Stands in for the login dialog's exec(): the officer types and presses Đăng nhập."""
    dialog.user.setText(ADMIN)
    dialog.password.setText(PASSWORD)
    return QDialog.DialogCode.Accepted if logged_in(dialog) else QDialog.DialogCode.Rejected


def test_session_logs_in_and_opens_read_only_beside_another(qtbot, db, clock, monkeypatch, fake_registers):
    monkeypatch.setattr(LoginDialog, "exec", log_in_as_admin)
    sessions = [app.Session(db.path, Dialogs(scripted=True), clock) for _ in range(2)]
    assert all(session.start() for session in sessions)
    first, second = (session.window for session in sessions)
    assert not first.context.read_only and second.context.read_only
    assert second.banner.isVisible()
    for session in sessions:
        session.end()


def test_the_finished_login_window_is_deleted_by_qt_not_by_the_garbage_collector(qtbot, db, clock, monkeypatch,
                                                                                  fake_registers):
    """Left to the collector, the login window was deleted at a random moment — once in the middle of
    building the main window, which crashed the program."""
    shown: list[LoginDialog] = []

    def log_in(dialog):
        shown.append(dialog)
        return log_in_as_admin(dialog)

    monkeypatch.setattr(LoginDialog, "exec", log_in)
    session = app.Session(db.path, Dialogs(scripted=True), clock)
    assert session.start()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not Shiboken.isValid(shown[0])
    session.end()


def test_first_run_when_no_database(tmp_path):
    assert app.is_new(FileAddress(tmp_path / "bvct.db"))
    assert app.parse(["--db", str(tmp_path / "x.db")]).db == str(tmp_path / "x.db")


def test_qt_own_buttons_are_vietnamese(qapp):
    app.prepare_application()
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert sorted(button.text().replace("&", "") for button in box.buttons()) == ["Có", "Không"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(button.text().replace("&", "") for button in buttons.buttons()) == ["Hủy", "Đồng ý"]


def test_logging_out_shows_the_login_again(qtbot, db, clock, monkeypatch, fake_registers):
    logins = iter([True, False])                               # log in, then give up at the second login

    def answer_login(dialog):
        return log_in_as_admin(dialog) if next(logins) else QDialog.DialogCode.Rejected

    quits = []
    monkeypatch.setattr(LoginDialog, "exec", answer_login)
    monkeypatch.setattr(app.QApplication, "quit", lambda: quits.append(True))
    session = app.Session(db.path, Dialogs(scripted=True), clock)
    assert session.start()
    window = session.window
    window.logout_requested.emit()
    assert not window.isVisible() and session.window is None and session.lock is None
    assert quits == [True]


def test_quitting_takes_the_days_automatic_backup(qtbot, db, clock, monkeypatch, fake_registers):
    monkeypatch.setattr(LoginDialog, "exec", log_in_as_admin)
    quits = []
    monkeypatch.setattr(app.QApplication, "quit", lambda: quits.append(True))
    session = app.Session(db.path, Dialogs(scripted=True), clock)
    assert session.start()
    session.window.close()
    qtbot.waitUntil(lambda: quits == [True], timeout=20_000)
    made = backup_log.auto_backups(backup_log.auto_folder(), db.db_id)
    assert len(made) == 1 and made[0].at == clock()
    assert session.window is None and session.lock is None


def test_a_dashboard_entry_opens_the_record_in_the_real_register(qtbot, tmp_path):
    clock = FakeClock(dt.datetime(2025, 9, 25, 8, 0))
    db = new_database(tmp_path, clock, ("slips",))
    window = main_window(qtbot, db, clock)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.snapshot is not None, timeout=10_000)
    slips = next(due_list for due_list in dashboard.due_lists if due_list.kind == "slips")
    slips.view.setCurrentIndex(slips.model.index(0, 0))
    qtbot.keyClick(slips.view, Qt.Key.Key_Return)
    record_id = slips.model.entries[0].record_id
    assert window.current_key() == "slips"
    form = window.current_page().forms[record_id]
    assert form.isVisible()
    form.close()
    db.close()


def test_another_officer_logs_in_from_the_lock_screen(qtbot, db, clock, monkeypatch, fake_registers):
    logins = iter([True, False])

    def answer_login(dialog):
        return log_in_as_admin(dialog) if next(logins) else QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", answer_login)
    monkeypatch.setattr(app.QApplication, "quit", lambda: None)
    session = app.Session(db.path, Dialogs(scripted=True), clock)
    assert session.start()
    window = session.window
    window.locker.lock()
    [cover] = [c for c in window.locker.covers if c.parent() is window]
    assert cover.leave.text() == "Đăng xuất / đổi người dùng" and cover.leave.isVisibleTo(cover)
    cover.leave.click()
    assert not window.isVisible() and session.window is None  # the login was shown again


def test_the_dashboard_unlocked_on_a_later_day_reads_that_day(qtbot, db, clock):
    """Locked on Saturday afternoon, unlocked on Monday morning: the year so far ends on Monday."""
    window = main_window(qtbot, db, clock)
    dashboard = window.current_page()
    qtbot.waitUntil(lambda: dashboard.task is None and dashboard.snapshot is not None, timeout=10_000)
    window.locker.lock()
    clock.advance(days=2)
    [cover] = [c for c in window.locker.covers if c.parent() is window]
    cover.password.setText(PASSWORD)
    window.locker.unlock(cover)
    qtbot.waitUntil(lambda: not window.locker.locked, timeout=20_000)
    qtbot.waitUntil(lambda: dashboard.task is None and dashboard.snapshot.today == clock().date(), timeout=10_000)
    assert dashboard.chosen_period()[1] == clock().date()


def test_a_page_that_cannot_be_built_leaves_the_page_shown_and_says_why(qtbot, db, clock, monkeypatch):
    """Its build failed out of the navigation's signal: the entry stayed selected over the page shown and
    the failure went uncaught; a dashboard link to it went on to the page it could not build."""
    def unreadable():
        raise BvctError("Không đọc được sổ.")

    monkeypatch.setattr(navigation, "register_destinations",
                        lambda context: [navigation.Destination("cadres", "Cán bộ", unreadable)])
    window = main_window(qtbot, db, clock)
    window.open_record("cadres", 1)
    assert "cadres" not in window.pages and window.current_key() == navigation.DASHBOARD
    assert window.stack.currentWidget() is window.in_stack[navigation.DASHBOARD]
    assert [(shown.title, shown.text) for shown in window.context.dialogs.shown] == [
        ("Không mở được trang", "Không đọc được sổ.")]


def _refused(db, user: str) -> list[str]:
    """The actions refused to `user`, as the audit trail has them."""
    with db.read() as connection:
        return list(connection.execute(select(audit_log.c.action).where(
            audit_log.c.user_name == user, audit_log.c.outcome == audit_chain.REFUSED)).scalars())


def _disabled_session(qtbot, db, clock) -> MainWindow:
    """binh's window, its Tổng quan read, and his account disabled by the administrator meanwhile."""
    import_samples(db, ("cadres",))
    window = main_window(qtbot, as_user(db, "binh", OFFICER), clock)
    dashboard = window.current_page()
    qtbot.waitUntil(lambda: dashboard.task is None and dashboard.snapshot is not None, timeout=10_000)
    users.disable(db, "binh")
    return window


def _cover_of(window: MainWindow):
    [cover] = [c for c in window.locker.covers if c.parent() is window]
    return cover


def test_a_disabled_account_locks_the_window_at_its_first_click_and_says_so_once(qtbot, db, clock):
    """binh, disabled while logged in, clicked «Cán bộ»: an uncaught refusal out of the table's sort, the
    navigation on «Cán bộ» over Tổng quan, two refusals audited and the same at every click. Now the page
    is whole, showing no record and why, and every window is covered saying so, once."""
    window = _disabled_session(qtbot, db, clock)
    window.navigation.select("cadres")
    qtbot.waitUntil(lambda: window.locker.locked)
    page = window.current_page()
    assert window.stack.currentWidget() is page and page.model.rowCount() == 0
    assert (page.count_label.text(), page.message.text()) == ("không đọc được", disabled_message("binh"))
    assert _cover_of(window).error.text() == disabled_message("binh")
    assert "không làm tiếp được việc gì" in disabled_message("binh")
    assert window.context.dialogs.shown == []
    assert _refused(db, "binh") == [browse.BROWSING]
    window.context.db.close()


def test_a_disabled_account_locks_the_window_without_a_click(qtbot, db, clock):
    """The window's look at what others wrote notices the account disabled: the records shown are covered
    before anyone clicks; the password does not open it again while the account stays disabled."""
    window = _disabled_session(qtbot, db, clock)
    window.live.look()
    qtbot.waitUntil(lambda: window.locker.locked)
    cover = _cover_of(window)
    assert cover.error.text() == disabled_message("binh")
    assert cover.prompt.text() == PROMPT_WHEN_REOPENED  # not «Nhập mật khẩu để tiếp tục» above «đã bị khóa»
    cover.password.setText("Mat-khau-rieng-2025")
    window.locker.unlock(cover)
    qtbot.waitUntil(lambda: window.locker.unlocking is None)
    assert window.locker.locked and "đã bị khóa" in cover.error.text()
    assert _refused(db, "binh") == []
    users.enable(db, "binh", "Mat-khau-moi-2026")  # reopened: the new password opens it again
    cover.password.setText("Mat-khau-moi-2026")
    window.locker.unlock(cover)
    qtbot.waitUntil(lambda: not window.locker.locked)
    window.context.db.close()


def test_a_password_reset_while_logged_in_locks_the_window_saying_so_and_the_new_one_opens_it(qtbot, db, clock):
    """On the office server, binh's session whose password the administrator reset was refused its next
    connection as «Sai tên người dùng hoặc mật khẩu.», though he typed none; the database says why (as the
    server's does) and every window is covered saying so, the new password opening them again."""
    import_samples(db, ("cadres",))
    window = main_window(qtbot, as_user(db, "binh", OFFICER), clock)
    users.change_password(db, "binh", "Dat-lai-2026-moi")
    window.context.db.on_account_change(password_changed_message("binh"))
    qtbot.waitUntil(lambda: window.locker.locked)
    cover = _cover_of(window)
    assert (cover.error.text(), cover.prompt.text()) == (password_changed_message("binh"), PROMPT_WHEN_REOPENED)
    assert window.context.dialogs.shown == []
    cover.password.setText("Dat-lai-2026-moi")
    window.locker.unlock(cover)
    qtbot.waitUntil(lambda: not window.locker.locked)
    window.context.db.close()


def test_a_role_changed_while_logged_in_is_followed_without_a_click(qtbot, db, clock):
    """chuyenvien, lowered to Chỉ xem (`bvct users role chuyenvien --role xem`) while logged in: the status
    bar still said «Chuyên viên», Thêm/Xóa/Nhập/Xuất Excel/In stayed offered. Now the window's look at what
    others wrote offers what the new role allows, the register keeping its search; and raised again, the same."""
    import_samples(db, ("cadres",))
    window = main_window(qtbot, as_user(db, "chuyenvien", OFFICER), clock)
    window.navigation.select("cadres")
    page = window.current_page()
    offered = [key for key, button in page.buttons.items() if button.isVisibleTo(page)]
    page.search.setText("nguyen")
    users.set_role(db, "chuyenvien", VIEWER)
    window.live.look()
    qtbot.waitUntil(lambda: window.role_label.text() == "Vai trò: Chỉ xem")
    assert window.statusBar().currentMessage().startswith("Vai trò của bạn nay là Chỉ xem;")
    assert window.current_page() is page and page.search.text() == "nguyen"
    assert [key for key, button in page.buttons.items() if button.isVisibleTo(page)] == ["edit"]
    assert page.buttons["edit"].text() == "Xem"
    assert {method for method, action in window.page_actions.items() if action.isVisible()} == {
        "focus_search", "refresh"}
    assert navigation.ISSUED not in window.navigation.keys and window.copy_guard is not None
    users.set_role(db, "chuyenvien", OFFICER)
    window.live.look()
    qtbot.waitUntil(lambda: window.role_label.text() == "Vai trò: Chuyên viên")
    assert [key for key, button in page.buttons.items() if button.isVisibleTo(page)] == offered
    assert navigation.ISSUED in window.navigation.keys and window.copy_guard is None
    assert window.current_page() is page
    window.context.db.close()
