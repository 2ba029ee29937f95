"""What the shell's GUI tests share: a database with sample registers, a fixed clock, the
context pages get, and typing Vietnamese the safe way (stack notes)."""

import threading
from pathlib import Path

from PySide6.QtTest import QTest

from bvct_desktop.core import importing, users, vault
from bvct_desktop.core.database import Database
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.gui.context import AppContext
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.qt import QAbstractItemView, QApplication, QLineEdit, QRect, QScreen, Qt, QWidget
from bvct_desktop.io.xlsx_reader import Sheet
from tests.clocks import FakeClock
from tests.conftest import ADMIN, PASSWORD
from tests.samples import SAMPLES

OFFICE_SCREEN = QRect(0, 0, 1366, 728)  # an office PC's 1366×768 less its taskbar


def new_database(folder: Path, clock: FakeClock, kinds: tuple[str, ...] = ()) -> Database:
    """A database (administrator ADMIN) holding the sample rows of `kinds`, opened as ADMIN."""
    path = folder / "bvct.db"
    vault.create(path, ADMIN, PASSWORD, clock=clock)
    db = vault.unlock(path, ADMIN, PASSWORD, clock)
    import_samples(db, kinds)
    return db


def import_samples(db: Database, kinds: tuple[str, ...]) -> None:
    """The sample rows of `kinds`, imported as the acting user."""
    for kind in kinds:
        import_rows(db, kind, *SAMPLES[kind])


def import_rows(db: Database, kind: str, headers: list[str], rows: list[list]) -> None:
    """`rows` of `kind` under `headers`, imported as the acting user."""
    result = importing.import_sheet(db, kind_named(kind), Sheet.of_rows(Path(f"{kind}.xlsx"), [headers, *rows]))
    assert result.ok, result.problems


def as_user(db: Database, name: str, role: str, password: str = "Mat-khau-rieng-2025") -> Database:
    """Another account on the same database, opened as that user."""
    users.add(db, name, role, password)
    return vault.unlock(db.path, name, password, db.clock)


def context_for(db: Database, clock: FakeClock, read_only: bool = False) -> AppContext:
    dialogs = Dialogs()
    dialogs.scripted = True
    return AppContext(db=db, clock=clock, dialogs=dialogs, read_only=read_only, elapsed=clock.elapsed)


def main_window(qtbot, db: Database, clock: FakeClock, read_only: bool = False) -> MainWindow:
    """The main window shown and active (a window's shortcuts fire only in the active window)."""
    shown = MainWindow(context_for(db, clock, read_only))
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    return shown


def type_text(widget: QLineEdit, text: str) -> None:
    """Types `text` key by key; non-ASCII letters through sendKeyEvent (keyClicks would abort)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def type_day(qtbot, box: QWidget, text: str) -> None:
    """Types `text` key by key into a day box the officer has Tabbed to, then Tabs on."""
    active(qtbot, box.window())
    box.clearFocus()  # from where it was, if the window gave it the focus
    box.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Tab)


def active(qtbot, window: QWidget) -> None:
    """`window` shown and active, where the officer's keys go."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def tab_stops(backwards: bool = False) -> list[QWidget]:
    """The widgets Tab (Shift+Tab if `backwards`) goes through from where the active window's focus is,
    round to it again. A table typed in, whose Tab goes from cell to cell (a delegation's members), is left
    as Qt leaves it when its last cell is passed."""
    start = stop = QApplication.focusWidget()
    assert start is not None, "no focus"
    stops = []
    while not stops or stop is not start:
        stops.append(stop)
        assert len(stops) < 100, "Tab never comes back"
        if isinstance(stop, QAbstractItemView) and stop.tabKeyNavigation():
            stop.window().focusNextPrevChild(not backwards)
        elif backwards:
            QTest.keyClick(stop, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            QTest.keyClick(stop, Qt.Key.Key_Tab)
        stop = QApplication.focusWidget()
    return stops


def logged_in(dialog) -> bool:
    """Presses Đăng nhập on a login dialog and waits for the unlock (a worker) to be told."""
    import time

    from bvct_desktop.gui.qt import QApplication, QDialog

    dialog.attempt()
    deadline = time.monotonic() + 60
    while dialog.unlocking is not None:
        assert time.monotonic() < deadline, "the unlock on its worker never reported back"
        QApplication.processEvents()
        time.sleep(0.005)
    return dialog.result() == QDialog.DialogCode.Accepted


def threads_calling(monkeypatch, owner, name: str) -> list[threading.Thread]:
    """The threads `owner.name` is called on from now on (each call goes through unchanged)."""
    called_on = []
    real = getattr(owner, name)

    def spy(*args, **kwargs):
        called_on.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, spy)
    return called_on


def off_the_gui_thread(called_on: list[threading.Thread]) -> bool:
    """Called, and first on a worker rather than the GUI thread."""
    return bool(called_on) and called_on[0] is not threading.main_thread()


def on_office_screen(monkeypatch, scale: float = 1) -> QRect:
    """Windows opened after this find the screen an office PC's (tests run on an 800×800 one), at Windows'
    display `scale` (125 %: 1.25) in the pixels Qt lays out in: 1366×768 less the taskbar is 1093×582 at 125 %."""
    screen = QRect(0, 0, round(OFFICE_SCREEN.width() / scale), round(OFFICE_SCREEN.height() / scale))
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    return screen
