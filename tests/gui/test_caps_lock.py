"""«Caps Lock đang bật» under a password box while Caps Lock is on: read from Windows where the program
runs on the office PCs, told by the letters typed everywhere else — in every window a password is typed."""

import ctypes
import sys

import pytest
from PySide6.QtTest import QTest

from bvct_desktop.gui.admin.backup_page import BackupPage
from bvct_desktop.gui.admin.password_page import PasswordPage
from bvct_desktop.gui.admin.users_page import UsersPage
from bvct_desktop.gui.caps_lock import WARNING, CapsLockWatch, system_reader
from bvct_desktop.gui.dialogs import Dialogs, text_dialog
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.qt import QFormLayout, QLineEdit, Qt, QWidget
from bvct_desktop.gui.recovery import RecoveryWizard
from tests.gui.shell_support import context_for, new_database

SHIFT, NONE = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier


def _type(box: QWidget, letter: str, modifiers=NONE) -> None:
    QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, letter, modifiers)


@pytest.fixture
def form(qtbot):
    window = QWidget()
    layout = QFormLayout(window)
    boxes = [QLineEdit(), QLineEdit()]
    for box in boxes:
        box.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow("Mật khẩu:", box)
    qtbot.addWidget(window)
    window.show()
    return window, boxes


def test_letters_typed_tell_whether_caps_lock_is_on(form):
    _window, (box, _other) = form
    watch = CapsLockWatch(box, reader=None)
    seen = []
    for letter, modifiers in (("a", NONE), ("A", NONE), ("7", NONE), ("a", SHIFT), ("đ", NONE), ("Ư", SHIFT),
                              ("ư", NONE)):
        _type(box, letter, modifiers)
        seen.append(watch.warnings[box].isVisible())
    assert seen == [False, True, True, True, False, False, False]


def test_the_caps_lock_key_turns_a_known_state_round(form):
    _window, (box, _other) = form
    watch = CapsLockWatch(box, reader=None)
    _type(box, "A")
    QTest.keyClick(box, Qt.Key.Key_CapsLock)
    assert not watch.warnings[box].isVisible()
    QTest.keyClick(box, Qt.Key.Key_CapsLock)
    assert watch.warnings[box].isVisible()


def test_the_warning_sits_under_the_box_being_typed_in(form):
    _window, (box, other) = form
    watch = CapsLockWatch(box, other, reader=None)
    _type(other, "M")
    shown = watch.warnings[other]
    assert shown.isVisible() and not watch.warnings[box].isVisible()
    assert shown.text() == "Caps Lock đang bật"
    assert other.geometry().bottom() < shown.geometry().top() < other.geometry().bottom() + 20
    assert shown.geometry().left() == other.geometry().left()


def test_where_the_system_says_it_wins_over_the_letters(form):
    _window, (box, _other) = form
    state = {"on": True}
    watch = CapsLockWatch(box, reader=lambda: state["on"])
    box.setFocus()
    _type(box, "a")  # a lower-case letter: as the system says, Caps Lock is on all the same
    assert watch.warnings[box].isVisible()
    state["on"] = False
    _type(box, "A")
    assert not watch.warnings[box].isVisible()


def test_windows_is_asked_for_the_toggle_of_caps_lock_and_no_other_system_is(monkeypatch):
    asked = []

    class User32:
        @staticmethod
        def GetKeyState(key):
            asked.append(key)
            return -127  # 0xFF81 as a SHORT: the key is down, and toggled on

    monkeypatch.setattr(sys, "platform", "linux")
    assert system_reader() is None
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", type("WinDLL", (), {"user32": User32}), raising=False)
    assert system_reader()() is True and asked == [0x14]


@pytest.fixture
def context(tmp_path, clock):
    db = new_database(tmp_path, clock)
    yield context_for(db, clock)
    db.close()


def _password_boxes(name: str, qtbot, context, clock) -> tuple[QWidget, list[QLineEdit]]:
    if name == "login":
        window = LoginDialog(context.db.path, Dialogs(scripted=True), clock)
        boxes = [window.password]
    elif name == "lock":
        window = MainWindow(context)
        window.show()
        window.locker.lock()
        boxes = [window.locker.covers[0].password]
    elif name == "own password":
        window = PasswordPage(context)
        boxes = [window.current, window.password, window.again]
    elif name == "users":
        window = UsersPage(context)
        boxes = [window.password, window.again]
    elif name == "backup":
        window = BackupPage(context, restored=lambda: None)
        boxes = [window.password]
    elif name == "recovery":
        window = RecoveryWizard(context.db.path, Dialogs(scripted=True))
        boxes = [window.reset.password, window.reset.again]
    else:
        window = text_dialog(None, "Mật khẩu", "Mật khẩu mở tệp:", QLineEdit.EchoMode.Password)
        boxes = [window.findChild(QLineEdit)]
    qtbot.addWidget(window)
    window.show()
    return window, boxes


@pytest.mark.parametrize("name", ["login", "lock", "own password", "users", "backup", "recovery", "asked"])
def test_every_password_box_warns(qtbot, context, clock, name):
    _window, boxes = _password_boxes(name, qtbot, context, clock)  # kept: qtbot holds it weakly
    warned = []
    for box in boxes:
        watch = next(w for w in box.window().findChildren(CapsLockWatch) if box in w.warnings)
        _type(box, "K")
        warning = watch.warnings[box]
        warned.append(warning.isVisible() and warning.text() == WARNING
                      and warning.mapTo(box.window(), warning.rect().topLeft()).y()
                      > box.mapTo(box.window(), box.rect().topLeft()).y())
        _type(box, "k")
        warned.append(not warning.isVisible())
    assert warned == [True, True] * len(boxes)
