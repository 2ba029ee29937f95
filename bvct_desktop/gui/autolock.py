"""Auto-lock: after `tu_dong_khoa_phut` minutes without keyboard or mouse, every window of the
program is covered (its data hidden, nothing closed, so unsaved edits survive) until the
officer types the password again — checked on a worker (the key derivation takes up to a second)
while the cover says so — or logs out so another officer can log in. Ctrl+L locks at once. The
clock is injected for tests."""

import datetime as dt

from ..core import settings
from .context import AppContext
from .icons import icon
from .look import ErrorLabel, styled
from .qt import (
    QApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
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
ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod}


def idle_minutes(context: AppContext) -> int:
    with context.db.read() as connection:
        return int(settings.read_all(connection)[SETTING])


class IdleWatch(QObject):
    """Emits `idle` once when no input has come for `minutes` (by the injected clock)."""

    idle = Signal()

    def __init__(self, clock, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self.minutes = minutes
        self.last_activity = clock()
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
        self.last_activity = self._clock()
        self._fired = False

    def check(self) -> bool:
        if self._fired or self.minutes <= 0:
            return False
        if self._clock() - self.last_activity >= dt.timedelta(minutes=self.minutes):
            self._fired = True
            self.idle.emit()
            return True
        return False

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)


class LockCover(QWidget):
    """Covers one window while locked; the main window's cover asks for the password."""

    def __init__(self, window: QWidget, locker: "Locker"):
        super().__init__(window)
        styled(self, "lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("mật khẩu")
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
        self.leave.clicked.connect(locker.logout_requested.emit)
        panel = QWidget()
        panel.setFixedWidth(PANEL_WIDTH)
        inner = QVBoxLayout(panel)
        inner.addWidget(symbol)
        title = QLabel("Chương trình đã khóa")
        styled(title, "pageTitle")
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        for line in (f"Người dùng: {locker.context.db.actor.name}", "Nhập mật khẩu để tiếp tục.",
                     "Công việc đang làm dở vẫn được giữ nguyên."):
            inner.addWidget(QLabel(line), 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addLayout(row)
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

    def busy(self, busy: bool) -> None:
        for widget in (self.password, self.unlock_button, self.leave):
            widget.setEnabled(not busy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
        return False


class Locker(QObject):
    """Locks every visible window of the program and unlocks them with the user's password; from the
    lock screen another officer may end the session and log in instead."""

    locked_changed = Signal(bool)
    logout_requested = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.covers: list[LockCover] = []
        self.unlocking = None  # the password being checked on a worker
        self.watch = IdleWatch(context.clock, idle_minutes(context), self)
        self.watch.idle.connect(self.lock)

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def reload_setting(self) -> None:
        self.watch.minutes = idle_minutes(self.context)

    def lock(self) -> None:
        if self.locked:
            return
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, LockCover)]
        self.covers = [LockCover(window, self) for window in windows]
        self.context.db.record_lock()
        self.locked_changed.emit(True)

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
        for each in self.covers:
            each.hide()
            each.deleteLater()
        self.covers = []
        self.watch.touch()
        self.locked_changed.emit(False)

