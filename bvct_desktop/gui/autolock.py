"""Auto-lock: after `tu_dong_khoa_phut` minutes without keyboard or mouse, every window of the
program — and any shown while locked, a preview or a form a job opens — is covered (its data
hidden, its controls, menus and shortcuts unusable, nothing closed, so unsaved edits survive)
until the officer types the password again — checked on a worker (the key derivation takes up
to a second) while the cover says so — or logs out so another officer can log in. Ctrl+L locks
at once. Idle time is read on a clock that only runs forward (`AppContext.elapsed`, injected for tests):
the PC's date put back after the last touch must not keep the program unlocked."""

from collections.abc import Callable

from ..core import settings
from .caps_lock import CapsLockWatch
from .context import AppContext
from .copy_guard import take_back_copies
from .icons import icon
from .look import ErrorLabel, plain, styled
from .qt import (
    QApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QShortcut,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .workers import failure_message, run_quietly

SETTING = "tu_dong_khoa_phut"
POLL_MS = 5_000
PANEL_WIDTH = 480
# a covered window's title (the taskbar and Alt+Tab show it); the system adds the program's name
LOCKED_TITLE = "Đã khóa"
PROMPT = "Nhập mật khẩu để tiếp tục."
PROMPT_WHEN_REOPENED = "Khi quản trị viên đã mở lại tài khoản hoặc đặt lại mật khẩu, nhập mật khẩu mới để tiếp tục."
ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod}


def idle_minutes(context: AppContext) -> int:
    with context.db.read() as connection:
        return int(settings.read_all(connection, context.clock().date())[SETTING])


class IdleWatch(QObject):
    """Emits `idle` once when no input has come for `minutes` (by `elapsed`, seconds on a clock that only
    runs forward)."""

    idle = Signal()

    def __init__(self, elapsed: Callable[[], float], minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self._elapsed = elapsed
        self.minutes = minutes
        self.last_activity = elapsed()
        self._fired = False
        QApplication.instance().installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(POLL_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in ACTIVITY:
            self.touch()
        return False

    def touch(self) -> None:
        self.last_activity = self._elapsed()
        self._fired = False

    def check(self) -> bool:
        if self._fired or self.minutes <= 0:
            return False
        if self._elapsed() - self.last_activity >= self.minutes * 60:
            self._fired = True
            self.idle.emit()
            return True
        return False

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)


class LockCover(QWidget):
    """Covers one window while locked, asking for the password; the window's own actions and
    shortcuts are disabled, and its title, which may name a person, is LOCKED_TITLE, until `remove`
    puts back the title and enables again what was enabled. (Its widgets are not disabled: that
    would disable the windows it owns, their covers too.)"""

    def __init__(self, window: QWidget, locker: "Locker"):
        super().__init__(window)
        shortcuts = window.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly)
        self.silenced = [each for each in (*window.actions(), *shortcuts) if each.isEnabled()]
        for each in self.silenced:
            each.setEnabled(False)
            each.destroyed.connect(lambda _=None, each=each: self._forget(each))
        self.title = window.windowTitle()
        window.setWindowTitle(LOCKED_TITLE)
        styled(self, "lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)  # opaque with no style sheet too: nothing under it shows through
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("mật khẩu")
        self.password.setAccessibleName("Mật khẩu")
        self.password.setMinimumWidth(260)
        self.error = ErrorLabel()
        self.unlock_button = unlock = QPushButton(icon("unlock"), "Mở khóa")
        unlock.setDefault(True)
        unlock.clicked.connect(lambda: locker.unlock(self))
        self.password.returnPressed.connect(lambda: locker.unlock(self))
        symbol = QLabel()
        symbol.setPixmap(icon("lock").pixmap(64, 64))
        symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addWidget(self.password)
        row.addWidget(unlock)
        self.leave = QPushButton("Đăng xuất / đổi người dùng")
        self.leave.setToolTip("Đóng phiên làm việc này (hỏi trước nếu còn thay đổi chưa lưu) để người khác đăng nhập")
        self.leave.clicked.connect(locker.log_out)
        panel = QWidget()
        panel.setFixedWidth(PANEL_WIDTH)
        inner = QVBoxLayout(panel)
        inner.addWidget(symbol)
        title = QLabel("Chương trình đã khóa")
        styled(title, "pageTitle")
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        self.prompt = QLabel(PROMPT)
        for line in (plain(QLabel(f"Người dùng: {locker.context.db.actor.name}")), self.prompt,
                     QLabel("Công việc đang làm dở vẫn được giữ nguyên.")):
            inner.addWidget(line, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addLayout(row)
        self.caps_lock = CapsLockWatch(self.password)
        inner.addWidget(self.error)
        inner.addWidget(self.leave, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        self.password.setFocus()

    def _forget(self, gone: QObject) -> None:
        self.silenced = [each for each in self.silenced if each is not gone]

    def remove(self) -> None:
        for each in self.silenced:
            each.setEnabled(True)
        self.parentWidget().removeEventFilter(self)
        self.parentWidget().setWindowTitle(self.title)
        self.hide()
        self.deleteLater()

    def tell(self, reason: str) -> None:
        """Why the program locked by itself (the account disabled, its password reset): only the password
        the administrator sets opens it, and the prompt says so."""
        self.error.show_message(reason)
        self.prompt.setText(PROMPT_WHEN_REOPENED)

    def busy(self, busy: bool) -> None:
        for widget in (self.password, self.unlock_button, self.leave):
            widget.setEnabled(not busy)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.accept()  # not on to the window: Esc would close a dialog under the cover, Enter press its button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.WindowTitleChange and watched.windowTitle() != LOCKED_TITLE:
            self.title = watched.windowTitle()  # renamed meanwhile (a save): the name it gets on unlock
            watched.setWindowTitle(LOCKED_TITLE)
        return False


class Locker(QObject):
    """Locks every window of the program, those shown while locked too, and unlocks them with the
    user's password; from the lock screen another officer may end the session and log in instead."""

    locked_changed = Signal(bool)
    logout_requested = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.covers: list[LockCover] = []
        self.unlocking = None  # the password being checked on a worker
        self.leaving = False  # logging out from the lock screen
        self.reason = ""  # why the program locked by itself, said on every cover until unlocked
        self.watch = IdleWatch(context.elapsed, idle_minutes(context), self)
        self.watch.idle.connect(self.lock)

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def reload_setting(self) -> None:
        self.watch.minutes = idle_minutes(self.context)

    def lock(self, reason: str = "") -> None:
        """Covers every window; `reason`, why when the officer did not ask (their account was disabled),
        is said on each cover, those of a lock already in force too."""
        if reason:
            self.reason = reason
            for cover in self.covers:
                cover.tell(reason)
        if self.locked:
            return
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                self._cover(window)
        QApplication.instance().installEventFilter(self)
        take_back_copies()
        self.context.db.record_lock()
        self.locked_changed.emit(True)

    def _cover(self, window: QWidget) -> None:
        if on_lock_screen(window) or any(cover.parentWidget() is window for cover in self.covers):
            return
        cover = LockCover(window, self)
        cover.destroyed.connect(lambda _=None: self._forget(cover))
        if self.reason:
            cover.tell(self.reason)
        self.covers.append(cover)

    def _forget(self, gone: LockCover) -> None:
        self.covers = [cover for cover in self.covers if cover is not gone]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """While locked: a window shown is covered; a shortcut (a menu's, a button's Alt+letter) does
        nothing; the focus, moved under a cover (Tab, a form's own code), goes back to its password."""
        kind = event.type()
        if kind == QEvent.Type.Shortcut:
            return True
        if not watched.isWidgetType() or on_lock_screen(watched):
            return False
        if kind == QEvent.Type.Show and watched.isWindow() and not self.leaving:
            self._cover(watched)
        elif kind == QEvent.Type.FocusIn:
            cover = next((c for c in self.covers if c.parentWidget() is watched.window()), None)
            if cover is not None:
                cover.password.setFocus()
                return True
        return False

    def log_out(self) -> None:
        """Another officer ends the session from the lock screen; asked about unsaved changes
        (which pages), he sees the question uncovered."""
        self.leaving = True
        try:
            self.logout_requested.emit()
        finally:
            self.leaving = False

    def stop(self) -> None:
        """The session is over: no more locking, nor covering the windows of the next one."""
        self.watch.stop()
        QApplication.instance().removeEventFilter(self)

    def unlock(self, cover: LockCover) -> None:
        """Checks the password typed on `cover` on a worker (`unlocking` until told), the cover
        saying so meanwhile; a right one uncovers every window, a wrong one is said on the cover."""
        if self.unlocking is not None:
            return
        password = cover.password.text()
        cover.busy(True)
        cover.error.show_message("Đang kiểm tra mật khẩu…", error=False)
        self.unlocking = run_quietly(cover, lambda: self.context.db.unlock_again(password),
                                     lambda _result, error: self._checked(cover, error))

    def _checked(self, cover: LockCover, error: BaseException | None) -> None:
        self.unlocking = None
        cover.busy(False)
        if error is not None:
            cover.password.clear()
            cover.password.setFocus()
            cover.error.show_message(failure_message(error, "Không mở khóa được"))
            return
        QApplication.instance().removeEventFilter(self)
        for each in self.covers:
            each.remove()
        self.covers = []
        self.reason = ""
        self.watch.touch()
        self.locked_changed.emit(False)


def on_lock_screen(widget: QWidget) -> bool:
    """Whether `widget` belongs to the lock screen: a cover's, its menus (the password's), a tooltip."""
    if widget.windowType() == Qt.WindowType.ToolTip:
        return True
    parent = widget
    while parent is not None and not isinstance(parent, LockCover):
        parent = parent.parentWidget()
    return parent is not None
