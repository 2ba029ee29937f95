"""Auto-lock with an injected clock: idle time from the setting, every window covered,
unsaved edits kept, the password asked again (with the lockout rules)."""

import pytest

from bvct_desktop.core import settings
from bvct_desktop.core.schema import audit_log
from bvct_desktop.gui.autolock import LockCover
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.qt import QDialog, QLineEdit, Qt, QVBoxLayout
from tests.conftest import PASSWORD
from tests.gui.shell_support import FakeClock, context_for, new_database


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def window(qtbot, tmp_path, clock):
    db = new_database(tmp_path, clock)
    shown = MainWindow(context_for(db, clock))
    qtbot.addWidget(shown)
    shown.show()
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

    cover = covers[0]
    cover.password.setText("Sai-mat-khau-99")
    unlocked(qtbot, window.locker, cover)
    assert window.locker.locked and cover.error.text() == "Mật khẩu không đúng." and cover.password.isEnabled()

    cover.password.setText(PASSWORD)
    unlocked(qtbot, window.locker, cover)
    assert not window.locker.locked and form.isVisible() and field.text() == "đang sửa dở"
    assert "Đang mở" in window.lock_label.text()
    assert "mở khóa màn hình" in audit_actions(window.context.db)
