"""Long work off the GUI thread: progress, the result back on the GUI thread, and Cancel."""

import threading

from bvct_desktop import paths
from bvct_desktop.core.errors import InputError
from bvct_desktop.gui.qt import QWidget
from bvct_desktop.gui.workers import Cancelled, failure_message, run_in_background


def test_the_job_runs_on_another_thread_and_reports_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    done = []

    def job(progress):
        for step in range(1, 4):
            progress(step, 3)
        return threading.current_thread() is not threading.main_thread()

    task = run_in_background(parent, "Đang làm…", job, lambda result, error: done.append((result, error)))
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done == [(True, None)]
    assert task.dialog.maximum() == 3


def test_cancel_stops_the_job_at_its_next_step(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, done, steps = threading.Event(), [], []

    def job(progress):
        started.set()
        for step in range(10_000):
            progress(step, 10_000)
            steps.append(step)
            threading.Event().wait(0.001)
        return "hết"

    task = run_in_background(parent, "Đang làm…", job, lambda result, error: done.append((result, error)))
    started.wait(5)
    task.dialog.canceled.emit()  # what its Cancel button sends
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    result, error = done[0]
    assert result is None and isinstance(error, Cancelled)
    assert len(steps) < 10_000


def test_an_error_in_the_job_is_handed_to_on_done(qtbot):
    done = []

    def job(progress):
        raise ValueError("hỏng")

    run_in_background(None, "Đang làm…", job, lambda result, error: done.append(error))
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert isinstance(done[0], ValueError)


def test_an_unexpected_error_is_logged_and_not_shown():
    shown = failure_message(ZeroDivisionError("họ tên bí mật"), "Không xuất được")
    assert shown == "Không xuất được; chi tiết đã ghi vào nhật ký lỗi."
    logged = paths.log_file().read_text(encoding="utf-8")
    assert "ZeroDivisionError" in logged and "bí mật" not in logged
    assert failure_message(InputError("Tệp không đọc được."), "Không xuất được") == "Tệp không đọc được."
