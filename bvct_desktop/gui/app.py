"""`bvct-desktop [--db PATH]` and `bvct gui`: prepares Qt (fonts, Vietnamese), finds the
database as `bvct` does, runs the first-run wizard or the login, then the main window.

Only what the login window needs is imported before it shows; the main window, the first-run
wizard and the database services (SQLAlchemy, Alembic, openpyxl, reportlab) are imported when
first used, so the login window appears about as fast as a bare Qt window.
"""

import argparse
import importlib
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import errorlog, paths, startup
from ..core import address, keyfile
from ..core.address import Address, FileAddress
from ..core.errors import SESSION_ENDED, BvctError
from ..io import sheet_process
from . import copy_guard, damage, look, translation
from .collector import GuiThreadCollector
from .dialogs import Dialogs, forget_file_dialogs
from .icons import icon
from .instance import InstanceLock
from .login import Clock, LoginDialog
from .qt import QApplication, QDialog, QTimer

if TYPE_CHECKING:
    from ..core.database import Database
    from .main_window import MainWindow

APP_TITLE = "BVCT Desktop"
PREPARED = "bvct_prepared"
PRELOAD_AFTER_MS = 200
REMEMBERED_SERVER_BROKEN = ("Không mở được máy chủ đã chọn lúc thiết lập: {problem} Hãy chọn lại ở «Máy chủ dùng "
                            "chung…» trong cửa sổ đăng nhập (hoặc trang đầu của trình thiết lập).")
PRELOADED = ("bvct_desktop.core.vault", "bvct_desktop.gui.restore_offer", "bvct_desktop.gui.main_window")


def prepare_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with the bundled fonts, Vietnamese Qt strings and the program's look."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "bvct-desktop", *argv])
    if app.property(PREPARED):
        return app  # once: replacing the style under live widgets crashes Qt
    app.setProperty(PREPARED, True)
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    app.setWindowIcon(icon("app"))
    look.apply(app)
    translation.install(app)
    copy_guard.mark_copies()
    GuiThreadCollector(app)
    return app


def is_new(where: Address) -> bool:
    """A database file not made yet, nor its key file: the first run (a server's is made by `bvct init`)."""
    return not where.is_server and not where.path.exists() and not keyfile.key_path(where.path).exists()


class Session:
    """One run of the program: log in (or set up), work in the main window, log out or quit."""

    def __init__(self, where: Path | Address, dialogs: Dialogs | None = None, clock: Clock | None = None):
        """`where`: the database (a path is a file's); `clock` None is the system clock."""
        self.address = address.located(where)
        self.dialogs = dialogs or Dialogs()
        forget_file_dialogs()  # what an earlier version's file dialogs left, before this run opens any
        self.clock = clock
        self.window: MainWindow | None = None
        self.lock: InstanceLock | None = None
        self.user = ""
        self._logging_out = False
        self.exit_backup = None
        self._finished_dialog: QDialog | None = None

    def start(self) -> bool:
        """Shows the first-run wizard or the login; False when the officer gives up."""
        db = self._set_up() if is_new(self.address) else self._log_in()
        if db is None:
            return False
        self._open_window(db)
        return True

    def _set_up(self) -> "Database | None":
        from .startup import OPEN_OTHER, FirstRunWizard

        wizard = FirstRunWizard(self.address.path, self.dialogs, self.clock)
        result = wizard.exec()
        self._let_go(wizard)
        if result == OPEN_OTHER:
            self.address = FileAddress(wizard.other_path)
            return self._log_in()
        if result != QDialog.DialogCode.Accepted:
            return None
        if wizard.database is None:  # a backup restored: its administrator logs in
            self.user = wizard.restored_by
            return self._log_in(wizard.restored_with_key)
        self.address = wizard.database.address  # the office server, when the officer chose it
        return wizard.database

    def _log_in(self, recovery_key: str = "") -> "Database | None":
        """`recovery_key`: the one a backup was just restored with, to set the administrator's password with."""
        QTimer.singleShot(PRELOAD_AFTER_MS, preload_in_background)  # once the login window is on screen
        dialog = LoginDialog(self.address, self.dialogs, self.clock, self.user, recovery_key)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self._let_go(dialog)
        if not accepted:
            return None
        self.address = dialog.address
        return dialog.database

    def _let_go(self, dialog: QDialog) -> None:
        """A finished dialog is deleted by Qt at the next turn of the event loop and held until then:
        left to Python's garbage collector it may be deleted in the middle of building the main window,
        which crashed the program."""
        dialog.deleteLater()
        self._finished_dialog = dialog

    def _open_window(self, db: "Database") -> None:
        from ..core.database import system_clock
        from .context import AppContext
        from .main_window import MainWindow

        self.user = db.actor.name
        read_only = False
        if not db.is_server:  # on the server every window writes; the server keeps the writes apart
            self.lock = InstanceLock(db.path)
            read_only = not self.lock.acquire()
        context = AppContext(db=db, clock=self.clock or system_clock, dialogs=self.dialogs, read_only=read_only)
        self.window = MainWindow(context)
        self.window.logout_requested.connect(self.log_out)
        self.window.closed.connect(self._window_closed)
        self.window.show()

    def log_out(self) -> None:
        """Closes the window (asking about unsaved changes), then shows the login again."""
        self._logging_out = True
        try:
            if self.window is None or not self.window.close():
                return
        finally:
            self._logging_out = False
        self.end()
        if not self.start():
            QApplication.quit()

    def _window_closed(self) -> None:
        """Quitting: the day's automatic backup of a file (not from a read-only second window), then the
        end. A server database is backed up by its administrator (`bvct backup`), not by each PC."""
        if self._logging_out:
            return
        context = self.window.context
        if context.read_only or context.db.is_server:
            self._quit()
            return
        from ..core import autobackup
        from .workers import run_in_background

        self.exit_backup = run_in_background(None, "Đang tự động sao lưu trước khi thoát…",
                                             lambda progress: autobackup.at_exit(context.db), self._backed_up)

    def _backed_up(self, written, error: BaseException | None) -> None:
        if isinstance(error, BvctError):
            self.dialogs.warn(None, APP_TITLE, f"Không tự động sao lưu được: {error.message}")
        elif error is not None:
            errorlog.log_unexpected(error)
        elif written is not None:
            self._tell_second_copy(written)
        self._quit()

    def _tell_second_copy(self, written: Path) -> None:
        """The copy to the second folder (a USB drive) failed: told before the program goes."""
        from ..core import autobackup

        copy = autobackup.last_second_copy(self.window.context.db)
        if copy is not None and not copy.ok:
            self.dialogs.warn(None, APP_TITLE, f"Đã tự động sao lưu «{written}» trên máy này, nhưng không chép được "
                                               f"ra thư mục sao lưu thứ hai: {copy.error} Bản sao lưu ngoài máy hôm "
                                               "nay chưa có; lần sau chương trình đóng sẽ chép lại.")

    def _quit(self) -> None:
        self.end()
        QApplication.quit()

    def end(self) -> None:
        """Logging out or quitting: the database closed, the instance lock and the clipboard let go."""
        copy_guard.take_back_copies()
        if self.window is not None:
            self.window.context.db.close()
            self.window.deleteLater()
            self.window = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def preload_in_background() -> None:
    """Imports the database services and the main window, and reads the places, while the officer types
    the password."""
    threading.Thread(target=_preload, name="bvct-preload", daemon=True).start()


def _preload() -> None:
    try:
        for module in PRELOADED:
            importlib.import_module(module)
        from ..core import gazetteer

        gazetteer.load()  # 0.3 s the register search would wait at the first unit word typed («Đặc khu …»)
    except Exception:  # noqa: BLE001 - the same import fails again, and is reported, where it is used
        return


def install_error_hook(dialogs: Dialogs) -> None:
    """Expected failures show their Vietnamese message (a damaged database's with its restore);
    anything else is logged, never a traceback. One message at a time: an error met while one is up
    (its box repainting the window whose painting failed) is logged, not shown again. A disabled
    account's refusal, or a reset password's, is not shown: the window locks, saying so (main_window)."""
    showing = False

    def hook(kind, error, trace) -> None:
        nonlocal showing
        if isinstance(error, SESSION_ENDED):
            return
        error = error.with_traceback(trace)
        if showing:
            errorlog.log_unexpected(error)
            return
        showing = True
        try:
            dialogs.warn(QApplication.activeWindow(), APP_TITLE, _told(error))
        finally:
            showing = False

    sys.excepthook = hook


def _told(error: BaseException) -> str:
    if isinstance(error, BvctError):
        return damage.told(error)
    where = errorlog.log_unexpected(error)
    return f"Lỗi không lường trước; chi tiết (không có dữ liệu hồ sơ) đã ghi vào: {where}"


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bvct-desktop", description="BVCT Desktop — ứng dụng máy tính.")
    parser.add_argument("--db", help="đường dẫn cơ sở dữ liệu hoặc địa chỉ máy chủ postgresql://… (mặc định: $BVCT_DB, "
                        "máy chủ đã chọn lúc thiết lập, hoặc tệp trong thư mục dữ liệu)")
    parser.add_argument("--insecure-lan", action="store_true",
                        help="cho phép kết nối máy chủ không xác thực chứng chỉ (chỉ trong mạng nội bộ khép kín)")
    parser.add_argument("--startup-check", metavar="BÁO_CÁO.json", type=Path,
                        help="kiểm tra sau cài đặt: mở đến cửa sổ đầu tiên, ghi báo cáo (và ảnh cửa sổ), rồi đóng")
    return parser.parse_known_args(list(argv))[0]


def main(argv: Sequence[str] | None = None) -> int:
    """The gui-script `bvct-desktop`; also `bvct gui`."""
    startup.harden_process()
    sheet_process.serve_if_child(sys.argv)  # the frozen program, started to read a workbook
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parse(argv)
    cut_restore = startup.undo_cut_restore(args.db)  # before the login looks for the database
    # leftovers of killed backups and restores go meanwhile, off the path to the login window
    threading.Thread(target=startup.prepare, args=(args.db,), name="bvct-start", daemon=True).start()
    app = prepare_application(argv)  # Qt's own options (e.g. -platform) pass through
    dialogs = Dialogs()
    if cut_restore:
        dialogs.warn(None, APP_TITLE, cut_restore)
    app.setQuitOnLastWindowClosed(False)  # the session quits, so logging out can show the login again
    install_error_hook(dialogs)
    try:
        where = address.from_option(args.db, args.insecure_lan)
    except BvctError as error:
        if args.db or os.environ.get("BVCT_DB"):
            hint = (" Trong mạng nội bộ khép kín chưa có chứng chỉ: thêm --insecure-lan (kết nối không được xác "
                    "thực)." if isinstance(error, address.UnverifiedServer) else "")
            dialogs.warn(None, APP_TITLE, error.message + hint)
            return error.exit_code
        dialogs.warn(None, APP_TITLE, REMEMBERED_SERVER_BROKEN.format(problem=error.message))
        where = FileAddress(paths.default_database())
    session = Session(where, dialogs)
    check = None
    if args.startup_check:
        from . import startcheck

        check = startcheck.arm(args.startup_check, dialogs)
    try:
        if not session.start():
            return check.exit_code if check else 0
        return app.exec()
    except BvctError as error:
        dialogs.warn(None, APP_TITLE, error.message)
        return error.exit_code
    finally:
        session.end()
