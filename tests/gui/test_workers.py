"""Long work off the GUI thread: progress, the result back on the GUI thread, and Cancel."""

import threading
import time

import pytest

from bvct_desktop import paths
from bvct_desktop.core import audit
from bvct_desktop.core.database import write_wait_ms
from bvct_desktop.core.errors import DISK_FULL, BusyError, DiskFullError, InputError
from bvct_desktop.gui import workers
from bvct_desktop.gui.qt import QApplication, QPushButton, Qt, QThread, QWidget
from bvct_desktop.gui.workers import Cancelled, counted, failure_message, run_in_background
from tests.gui.held_writes import held_until_the_waiting_dialog


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

    task = run_in_background(parent, "Đang làm…", job, lambda result, error: done.append((result, error)),
                             cancellable=True)
    started.wait(5)
    task.dialog.canceled.emit()  # what its Cancel button sends
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    result, error = done[0]
    assert result is None and isinstance(error, Cancelled)
    assert len(steps) < 10_000


def test_a_job_that_tells_no_progress_still_shows_its_dialog_once_it_takes_a_moment(qtbot):
    """A backup or an export of a large register runs for seconds: its window is blocked and says so."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    go_on, done = threading.Event(), []
    task = run_in_background(parent, "Đang sao lưu…", lambda progress: go_on.wait(10),
                             lambda result, error: done.append(result))
    qtbot.waitUntil(task.dialog.isVisible, timeout=2_000)
    assert (task.dialog.minimum(), task.dialog.maximum()) == (0, 0) and task.dialog.labelText() == "Đang sao lưu…"
    go_on.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)


def test_a_dialog_shown_then_closed_leaves_its_window_active_with_the_focus_the_outcome_gave(qtbot):
    """The job's dialog took the keyboard; once it is gone the officer's next key goes to the button the
    outcome chose (the wizard's «Kiểm tra» after a file read), not nowhere."""
    parent = QWidget()
    qtbot.addWidget(parent)
    button = QPushButton("Kiểm tra", parent)
    parent.show()
    parent.activateWindow()
    qtbot.waitUntil(parent.isActiveWindow, timeout=2_000)
    go_on, done = threading.Event(), []
    task = run_in_background(parent, "Đang đọc tệp…", lambda progress: go_on.wait(10),
                             lambda result, error: done.append(button.setFocus()), cancellable=True)
    qtbot.waitUntil(task.dialog.isActiveWindow, timeout=2_000)
    go_on.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert parent.isActiveWindow() and QApplication.focusWidget() is button


def test_a_job_done_in_a_moment_never_shows_its_dialog(qtbot):
    done = []
    task = run_in_background(None, "Đang lập báo cáo…", lambda progress: "xong",
                             lambda result, error: done.append(result))
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    qtbot.wait(task.dialog.minimumDuration() + 300)
    assert not task.dialog.isVisible()


def test_a_step_without_a_count_is_told_by_its_stage_over_a_busy_bar(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    go_on, done = threading.Event(), []

    def job(progress):
        progress(5, 10)
        progress(0, 0, "Đang ghi vào cơ sở dữ liệu…")
        go_on.wait(5)
        return "xong"

    task = run_in_background(parent, "Đang nhập…", job, lambda result, error: done.append(result), cancellable=True)
    qtbot.waitUntil(lambda: task.dialog.labelText() == "Đang ghi vào cơ sở dữ liệu…", timeout=5_000)
    assert (task.dialog.minimum(), task.dialog.maximum()) == (0, 0)  # Qt's busy bar
    go_on.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done == ["xong"] and not task.dialog.isVisible()


def test_a_job_that_cannot_stop_offers_no_cancel_and_is_not_stopped_by_esc_or_closing(qtbot):
    """Its Cancel would say "Đang dừng…" and let it finish anyway — an export written, a backup made."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    go_on, done = threading.Event(), []
    task = run_in_background(parent, "Đang xuất Excel…", lambda progress: go_on.wait(5) and "đã xuất",
                             lambda result, error: done.append((result, error)))
    qtbot.waitUntil(task.dialog.isVisible, timeout=5_000)
    assert task.dialog.findChildren(QPushButton) == []
    qtbot.keyClick(task.dialog, Qt.Key.Key_Escape)
    task.dialog.close()
    assert task.dialog.isVisible() and not task.cancel_requested
    assert task.dialog.labelText() == "Đang xuất Excel…"
    go_on.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert done == [("đã xuất", None)] and not task.dialog.isVisible()


def test_counted_items_tell_their_progress_every_thousand_then_the_next_stage():
    told = []
    items = list(counted(range(2_500), lambda *args: told.append(args), 2_500, "Đang lưu tệp…"))
    assert items == list(range(2_500))
    assert told == [(1_000, 2_500), (2_000, 2_500), (0, 0, "Đang lưu tệp…")]


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


def test_a_full_disk_is_shown_with_the_file_and_logged_without_its_name(tmp_path):
    """The desktop suggests file names built from a person's name (printing.file_name)."""
    full = DiskFullError(f"{DISK_FULL}: không ghi được «{tmp_path / 'trich-ngang-vuong-kha-ngan.pdf'}»; không có "
                         "tệp nào bị ghi dở.")
    assert "trich-ngang-vuong-kha-ngan.pdf" in failure_message(full, "Không in được")
    logged = paths.log_file().read_text(encoding="utf-8")
    assert "Không in được: Ổ đĩa đầy" in logged and "vuong-kha-ngan" not in logged


class _Refusing:
    """A save refused as busy at once `refusals` times (a deadlock or serialisation failure on the server), then
    done; the pauses between its tries on a fake clock."""

    def __init__(self, refusals: int):
        self.refusals, self.tries, self.slept = refusals, 0, 0.0

    def __call__(self) -> str:
        self.tries += 1
        if self.tries <= self.refusals:
            raise BusyError("Cơ sở dữ liệu đang bận.", writer="canbo2")
        return "đã lưu"

    def sleep(self, seconds: float) -> None:
        self.slept += seconds


def test_a_save_refused_as_busy_at_once_is_tried_again_after_a_pause_not_in_a_spin(qtbot, monkeypatch):
    job = _Refusing(4)
    monkeypatch.setattr(workers, "sleep", job.sleep)
    assert workers.written_when_free(None, job) == "đã lưu"
    assert job.tries == 5
    assert job.slept == pytest.approx(4 * workers.RETRY_PAUSE_S)


def test_cancel_during_the_pause_stops_waiting_within_a_step_of_it(qtbot, monkeypatch):
    job = _Refusing(10_000)
    cancelled_at = []

    def sleep(seconds: float) -> None:
        job.sleep(seconds)
        if job.tries == 3 and not cancelled_at:  # «Hủy» pressed during the third pause
            cancelled_at.append(job.slept)
            [task] = [task for task in workers._RUNNING if task.worker is QThread.currentThread()]  # not another
            task.worker.cancel_requested = True  # test's task still running: what «Hủy» sets on this one

    monkeypatch.setattr(workers, "sleep", sleep)
    with pytest.raises(BusyError, match="Chưa lưu: đã thôi chờ «canbo2» ghi xong"):
        workers.written_when_free(None, job)
    assert job.tries == 3
    assert job.slept - cancelled_at[0] <= workers.RETRY_PAUSE_S / 4


def _own_task() -> workers.BackgroundTask:
    [task] = [task for task in workers._RUNNING if task.worker is QThread.currentThread()]
    return task


def test_cancel_while_a_try_waits_for_another_writer_is_heard_within_half_a_second(qtbot, db, monkeypatch):
    """«Hủy» pressed while a try of the save waits for another officer's write ends the wait within half a
    second, not after the database's busy time (5 s): the hook presses it as the try begins. Nothing is saved."""
    monkeypatch.setattr(workers, "sleep", lambda seconds: None)  # the pauses between tries: not what is timed
    before, cancelled_at = len(list(audit.list_entries(db))), []

    def save() -> str:
        if not cancelled_at:
            cancelled_at.append(None)
            raise BusyError("Cơ sở dữ liệu đang bận.", writer="canbo2")  # the first try, on the GUI thread
        _own_task().worker.cancel_requested = True
        cancelled_at[-1] = time.monotonic()
        with db.write() as connection:
            db.audit(connection, "lưu thử")
        return "đã lưu"

    with db.write(), pytest.raises(BusyError, match="Chưa lưu: đã thôi chờ"):  # another officer's long write
        workers.written_when_free(None, save)
    assert time.monotonic() - cancelled_at[-1] < 0.5
    assert len(list(audit.list_entries(db))) == before


def test_a_save_held_back_by_another_writer_shows_its_waiting_dialog_within_a_moment_then_saves(qtbot, db, monkeypatch):
    """The first try of a save, on the GUI thread, waits TRY_WAIT_MS for another officer's write, not the
    database's busy time (5 s): the window is frozen only that long before the dialog with «Hủy» shows. The
    other write then ends, and a later try saves."""
    before = len(list(audit.list_entries(db)))

    def save() -> str:
        with db.write() as connection:
            db.audit(connection, "lưu thử")
        return "đã lưu"

    with held_until_the_waiting_dialog(db, monkeypatch) as frozen_for:
        assert workers.written_when_free(None, save) == "đã lưu"
    assert frozen_for[0] < workers.TRY_WAIT_MS / 1000 + 0.3
    assert len(list(audit.list_entries(db))) == before + 1


def test_a_save_on_a_free_database_is_done_at_once_on_the_gui_thread_and_later_writes_wait_as_usual(qtbot, db):
    ran_on = []

    def save() -> str:
        ran_on.append(QThread.currentThread())
        with db.write() as connection:
            db.audit(connection, "lưu thử")
        return "đã lưu"

    assert workers.written_when_free(None, save) == "đã lưu"
    assert ran_on == [QThread.currentThread()] and not workers._RUNNING
    assert write_wait_ms(db.busy_timeout_ms) == db.busy_timeout_ms
