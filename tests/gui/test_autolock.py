"""Auto-lock with an injected clock: idle time from the setting, every window covered (those
shown later too), nothing usable nor anybody's name in a title while locked, unsaved edits
kept, the password asked again (with the lockout rules)."""

import datetime as dt

import pytest

from bvct_desktop.core import settings
from bvct_desktop.core.schema import audit_log
from bvct_desktop.gui.autolock import LOCKED_TITLE, LockCover, on_lock_screen
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.qt import (
    QAction,
    QApplication,
    QDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QObject,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from tests.conftest import PASSWORD
from tests.gui.accessibility_support import clearest, dark_theme, read_name
from tests.gui.shell_support import context_for, new_database, tab_stops


@pytest.fixture
def window(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    shown = MainWindow(context_for(db, clock))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    db.close()


@pytest.fixture
def cadres(qtbot, tmp_path, clock):
    """The main window, active, showing the register of cadres (the sample rows)."""
    db = new_database(tmp_path, clock, ("cadres",))
    shown = MainWindow(context_for(db, clock))
    qtbot.addWidget(shown)
    shown.navigation.select("cadres")
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)  # window shortcuts fire only in the active window
    yield shown
    db.close()


def audit_actions(db) -> list[str]:
    with db.read() as connection:
        return list(connection.execute(audit_log.select().with_only_columns(audit_log.c.action)).scalars())


def unlocked(qtbot, locker, cover) -> None:
    """Presses Mở khóa: the password is checked on a worker while the cover says so."""
    cover.unlock_button.click()
    assert locker.unlocking is not None  # returned at once: the windows go on painting
    assert cover.error.text() == "Đang kiểm tra mật khẩu…" and not cover.password.isEnabled()
    locker.unlock(cover)  # a second press meanwhile does nothing
    qtbot.waitUntil(lambda: locker.unlocking is None, timeout=20_000)


def test_locks_after_the_idle_time_of_the_setting(window, clock):
    watch = window.locker.watch
    assert watch.minutes == 10
    clock.advance(minutes=9, seconds=59)
    assert not watch.check() and not window.locker.locked
    clock.advance(seconds=1)
    assert watch.check() and window.locker.locked
    assert "Đã khóa" in window.lock_label.text()
    assert "khóa màn hình" in audit_actions(window.context.db)


def test_idle_time_is_the_time_that_passed_whatever_the_pcs_date_is_set_to(window, clock):
    """The date put forward a year does not lock at once; put back a year (a clock that was ahead, corrected
    while the window sits idle), the window still locks after ten minutes — it never did."""
    watch = window.locker.watch
    clock.now += dt.timedelta(days=365)
    assert not watch.check() and not window.locker.locked
    clock.now -= dt.timedelta(days=2 * 365)
    clock.advance(minutes=9, seconds=59)
    assert not watch.check() and not window.locker.locked
    clock.advance(seconds=1)
    assert watch.check() and window.locker.locked


def test_input_postpones_the_lock(window, clock, qtbot):
    clock.advance(minutes=8)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    clock.advance(minutes=8)
    assert not window.locker.watch.check()


def test_changed_setting_applies_at_once(window, clock):
    settings.set_setting(window.context.db, "tu_dong_khoa_phut", "2")
    window.context.notifier.changed.emit("settings")
    clock.advance(minutes=2)
    assert window.locker.watch.check()


def test_an_idle_time_from_a_later_day_waits_for_that_day_on_the_programs_clock(window, clock):
    settings.set_setting(window.context.db, "tu_dong_khoa_phut", "2", clock.now.date() + dt.timedelta(days=1))
    window.context.notifier.changed.emit("settings")
    clock.advance(minutes=2)
    assert not window.locker.watch.check()


def test_ctrl_l_covers_every_window_and_keeps_unsaved_edits(window, qtbot):
    form = QDialog(window)
    field = QLineEdit(form)
    QVBoxLayout(form).addWidget(field)
    field.setText("đang sửa dở")
    form.show()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    covers = window.locker.covers
    assert {cover.parent() for cover in covers} >= {window, form}
    assert all(isinstance(c, LockCover) and c.isVisible() and c.geometry() == c.parent().rect() for c in covers)

    cover = cover_of(window)  # a window an earlier test left shown, and collected meanwhile, has a cover too
    cover.password.setText("Sai-mat-khau-99")
    unlocked(qtbot, window.locker, cover)
    assert window.locker.locked and cover.error.text() == "Mật khẩu không đúng." and cover.password.isEnabled()

    cover.password.setText(PASSWORD)
    unlocked(qtbot, window.locker, cover)
    assert not window.locker.locked and form.isVisible() and field.text() == "đang sửa dở"
    assert "Đang mở" in window.lock_label.text()
    assert "mở khóa màn hình" in audit_actions(window.context.db)


def shown_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def cover_of(window: QWidget) -> LockCover | None:
    return next((c for c in window.findChildren(LockCover) if c.isVisible() and c.geometry() == window.rect()), None)


def offered(window: QWidget) -> dict[QObject, bool]:
    """Whether each action and widget of `window` (but the lock screen's) is enabled."""
    shown = [w for w in window.findChildren(QWidget) if not isinstance(w, LockCover) and not on_lock_screen(w)]
    return {each: each.isEnabled() for each in {*window.actions(), *window.findChildren(QAction), *shown}}


def test_while_locked_no_shortcut_shows_data_or_starts_work(cadres, qtbot):
    page = cadres.current_page()
    before = offered(cadres)
    cadres.locker.lock()
    cover = cover_of(cadres)
    cover.password.setFocus()  # where the officer who comes back types
    assert not any(action.isEnabled() for action in cadres.actions())  # the menus' entries
    page.actions_changed.emit()  # the rows read again meanwhile (another officer's change)
    assert not any(action.isEnabled() for action in cadres.actions())
    control = Qt.KeyboardModifier.ControlModifier
    for key, modifiers in ((Qt.Key.Key_P, control), (Qt.Key.Key_E, control), (Qt.Key.Key_N, control),
                           (Qt.Key.Key_F, control), (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
                           (Qt.Key.Key_D, control | Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Q, control)):
        qtbot.keyClick(cover.password, key, modifiers)
    qtbot.wait(50)
    assert page.print_job is None and page.preview is None and page.forms == {}
    assert cadres.context.dialogs.shown == [] and shown_windows() == [cadres]

    cover.password.setText(PASSWORD)
    unlocked(qtbot, cadres.locker, cover)
    assert offered(cadres) == before


def test_keys_typed_on_a_cover_do_not_reach_its_window(window, qtbot):
    form = QDialog(window)
    saved = []
    QShortcut(QKeySequence("Ctrl+S"), QLineEdit(form), activated=lambda: saved.append(True))  # a field's own
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    window.locker.lock()
    cover = cover_of(form)
    qtbot.keyClick(cover.password, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(cover.password, Qt.Key.Key_Escape)
    assert saved == [] and form.isVisible() and form.result() == QDialog.DialogCode.Rejected and cover.isVisible()


@pytest.fixture
def no_style_sheet():
    """The application without its style sheet for a test, then with the one it had (prepared once
    for the session, the sheet is not set again)."""
    application = QApplication.instance()
    kept = application.styleSheet()
    application.setStyleSheet("")
    yield
    application.setStyleSheet(kept)


def test_a_cover_hides_what_is_under_it_whatever_the_style_sheet(window, qtbot, no_style_sheet):
    """The cover paints its own background: with no style sheet at all (one that failed to load),
    the records under it still do not show through."""
    form = QDialog(window)
    form.resize(600, 400)
    record = QWidget(form)
    record.setGeometry(form.rect())
    record.setAutoFillBackground(True)
    record.setStyleSheet("background: rgb(255, 0, 0);")
    form.show()
    qtbot.waitExposed(form)
    window.locker.lock()
    seen = form.grab().toImage()
    shown = {seen.pixelColor(x, y).name() for x in range(0, seen.width(), 7) for y in range(0, seen.height(), 7)}
    assert "#ff0000" not in shown


def test_tab_from_the_password_stays_on_the_cover(cadres, qtbot):
    cadres.locker.lock()
    cover = cover_of(cadres)
    cover.password.setFocus()
    assert all(cover.isAncestorOf(stop) for stop in tab_stops())


def test_a_preview_that_arrives_after_the_lock_is_covered(cadres, qtbot):
    page = cadres.current_page()
    page.print_list()
    cadres.locker.lock()  # while the document is being made
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert cover_of(page.preview) is not None and page.preview.windowTitle() == LOCKED_TITLE
    assert not any(shortcut.isEnabled() for shortcut in page.preview.findChildren(QShortcut))

    cover = cover_of(page.preview)
    cover.password.setText(PASSWORD)
    unlocked(qtbot, cadres.locker, cover)
    assert cover_of(page.preview) is None and cover_of(cadres) is None
    assert page.preview.windowTitle() == "Xem trước khi in — Danh sách cán bộ"


def test_logging_out_from_the_lock_screen_asks_uncovered_then_covers_nothing_more(window, qtbot, monkeypatch):
    answers, covered = [NO, YES], []

    def ask(parent, title, text, with_cancel=False):
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.show()
        covered.append(cover_of(box) is not None)
        box.close()
        return answers.pop(0)

    monkeypatch.setattr(window.context.dialogs, "ask", ask)
    monkeypatch.setattr(window, "unsaved_pages", lambda: ["Cán bộ"])
    window.logout_requested.connect(window.close)  # as the session does
    window.locker.lock()
    cover_of(window).leave.click()
    assert covered == [False] and window.isVisible() and window.locker.locked  # «Không»: still locked
    later = QDialog(window)
    later.show()
    assert cover_of(later) is not None

    cover_of(window).leave.click()
    assert covered == [False, False] and not window.isVisible()
    login = QDialog()  # the next session's
    qtbot.addWidget(login)
    login.show()
    assert cover_of(login) is None


def test_a_form_of_a_register_is_covered_and_unlocks_from_its_own_cover(cadres, qtbot):
    page = cadres.current_page()
    page.open_record(page.model.ids[0])
    form = page.forms[page.model.ids[0]]
    form.activateWindow()  # in front, where the officer was typing
    qtbot.waitUntil(form.isActiveWindow)
    cadres.locker.lock()
    cover = cover_of(form)
    assert cover is not None and cover.password.isEnabled() and cover.unlock_button.isEnabled()

    field = next(w for w in form.findChildren(QLineEdit) if not on_lock_screen(w))
    field.setFocus()  # the form's own code, a job finishing meanwhile
    assert cover.isAncestorOf(QApplication.focusWidget())

    cover.password.setText(PASSWORD)
    unlocked(qtbot, cadres.locker, cover)
    assert not cadres.locker.locked and form.isVisible() and cover_of(form) is None


def test_while_locked_titles_name_nobody(cadres, qtbot):
    page = cadres.current_page()
    page.open_record(page.model.ids[0])
    form = page.forms[page.model.ids[0]]
    qtbot.waitUntil(form.isVisible)
    main_title = cadres.windowTitle()
    assert form.windowTitle().startswith("Cán bộ – Sửa: ")

    cadres.locker.lock()
    assert form.windowTitle() == cadres.windowTitle() == LOCKED_TITLE
    form.setWindowTitle("Cán bộ – Sửa: Khúc Thừa Xuyến")  # a save finishing meanwhile renames it
    assert form.windowTitle() == LOCKED_TITLE

    cover = cover_of(cadres)
    cover.password.setText(PASSWORD)
    unlocked(qtbot, cadres.locker, cover)
    assert form.windowTitle() == "Cán bộ – Sửa: Khúc Thừa Xuyến" and cadres.windowTitle() == main_title


dark_theme = dark_theme  # fixture


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_cover_reads_on_a_light_and_a_dark_theme(window, qtbot, request, theme):
    """On the high-contrast black theme the cover kept its pale background under the theme's white
    letters: «Người dùng…», «Nhập mật khẩu để tiếp tục.» could not be read."""
    if theme == "dark":
        request.getfixturevalue("dark_theme")(window)
    window.locker.lock()
    cover = cover_of(window)
    qtbot.waitExposed(window)
    background = cover.grab().toImage().pixelColor(2, 2)
    labels = [label for label in cover.findChildren(QLabel) if label.text() and label.isVisible()]
    assert len(labels) >= 4
    assert all(clearest(cover, label, background) >= 4.5 for label in labels), [
        (label.text(), round(clearest(cover, label, background), 1)) for label in labels]


def test_the_covers_password_box_is_named(window):
    window.locker.lock()
    assert read_name(cover_of(window).password) == "Mật khẩu"  # not only a placeholder Narrator does not read
