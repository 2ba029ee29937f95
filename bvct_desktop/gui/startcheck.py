"""`bvct-desktop --startup-check REPORT.json`: start as an officer would, up to the first window
(the login, or the first-run wizard on a new database), write what was seen, and close.

Installer builds and technicians use it to prove an installed copy starts on a PC with no
network: the report names the window, the font the widgets really got (the bundled Liberation
Sans), the Qt modules loaded, and any problem; a picture of the window is saved beside it.
A report that cannot be written is told, and the check ends with a failure status.
"""

import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .. import buildinfo
from ..core.errors import os_reason
from .dialogs import Dialogs
from .look import UI_FAMILY
from .qt import QApplication, QFontInfo, QTimer

FIRST_WINDOWS = ("LoginDialog", "FirstRunWizard")
POLL_MS = 20
GIVE_UP_S = 60
TITLE = "Kiểm tra khởi động"
UNWRITTEN = ("Không ghi được báo cáo kiểm tra vào «{path}»: {reason}. Chạy lại với một đường dẫn người dùng "
             "ghi được, ví dụ: bvct-desktop --startup-check %USERPROFILE%\\kiem-tra.json")


@dataclass
class Check:
    """The check armed for this run; `failure` says why its report was not written."""

    failure: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.failure else 0


def arm(report: Path, dialogs: Dialogs) -> Check:
    """Watches for the first window once the event loop runs; reports on it, then closes it."""
    started = time.perf_counter()
    check = Check()

    def look() -> None:
        window = QApplication.activeModalWidget()
        if window is None or not window.isVisible():
            if time.perf_counter() - started < GIVE_UP_S:
                QTimer.singleShot(POLL_MS, look)
            return
        QApplication.processEvents()  # painted once, as the officer sees it
        try:
            write(report, window, time.perf_counter() - started)
        except OSError as error:
            check.failure = UNWRITTEN.format(path=report, reason=os_reason(error))
            dialogs.warn(window, TITLE, check.failure)
        window.reject()

    QTimer.singleShot(0, look)
    return check


def write(report: Path, window, seconds: float) -> None:
    family = QFontInfo(window.font()).family()
    qt_modules = sorted(name.removeprefix("PySide6.") for name in sys.modules
                        if name.startswith("PySide6.Qt") and "." not in name.removeprefix("PySide6."))
    problems = []
    if type(window).__name__ not in FIRST_WINDOWS:
        said = window.text() if hasattr(window, "text") else ""
        problems.append(f"cửa sổ đầu tiên là {type(window).__name__} «{window.windowTitle()}» {said}".strip())
    if family != UI_FAMILY:
        problems.append(f"phông chữ giao diện là «{family}», không phải {UI_FAMILY} đi kèm chương trình")
    picture = report.with_suffix(".png")
    if not window.grab().save(str(picture)):
        problems.append("không chụp được cửa sổ")
    result = {
        "window": type(window).__name__,
        "title": window.windowTitle(),
        "font_family": family,
        "qt_modules": qt_modules,
        "bundled": buildinfo.bundled(),
        "seconds_to_window": round(seconds, 3),
        "picture": str(picture),
        "problems": problems,
    }
    report.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
