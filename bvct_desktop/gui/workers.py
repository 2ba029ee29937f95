"""Long work off the GUI thread: a QThread runs the job while a progress dialog shows how far it
got; the window never freezes.

    run_in_background(parent, "Đang nhập…", job, on_done, cancellable=True)

`job(progress)` runs on the worker thread and may call `progress(done, total)`, or
`progress(0, 0, stage)` for a step it cannot count (the dialog then says `stage` over a busy bar).
A job that calls it at each of its steps up to its point of no return is `cancellable`: its dialog
has a Cancel button, and once it is pressed that call raises `Cancelled`, so the job stops at its
next step (a transaction open around it rolls back). Any other job's dialog has no Cancel button
(nor do Esc or closing the dialog pretend to stop it). `on_done(result, error)` then runs on the GUI
thread: `error` is None, a `Cancelled`, or the exception the job raised.

`run_quietly(parent, job, on_done)` does the same without a dialog, for a page that says itself
that it is working (the dashboard's "Đang tính…").

`written_when_free(parent, job)` runs a short write (a form's save) as it is, waiting only TRY_WAIT_MS for
another writer, and only while another officer's long write (an import of a long list) keeps the database
busy tries it again on a worker, a dialog saying whom it waits for, that nothing is saved yet, with a
«Hủy» that stops waiting. A job already on a worker waits the same way: `when_free(job, progress, …)`, or
`write_when_free(db, progress, …)` for the transaction it begins (an import's).

`wait_for(job)` is for a short job in the middle of a step that needs its result (a key
derivation, up to a second): the job runs on a worker and the caller waits with the windows
still painted, the officer's clicks and keys held until it is done; it returns the job's result
or raises its error.
"""

import contextlib
from collections.abc import Callable, Iterable, Iterator
from time import sleep
from typing import Any, TypeVar

from sqlalchemy.engine import Connection

from .. import errorlog
from ..core.database import Database, writes_wait_at_most
from ..core.errors import BusyError, BvctError, DiskFullError
from ..core.text import capitalised
from . import damage
from .qt import QEventLoop, QLabel, QObject, QProgressDialog, Qt, QThread, QWidget, Signal

Progress = Callable[..., None]  # progress(done, total) or progress(0, 0, stage)
Item = TypeVar("Item")
COUNTED_EVERY = 1_000  # items `counted` gives between two calls of `progress`
WAITING_WIDTH = 460  # the dialog that waits for another writer, in pixels
RETRY_PAUSE_S, PAUSE_STEPS = 0.5, 5  # between two tries of a write refused as busy
TRY_WAIT_MS = 200  # how long each try waits for the other writer: the window (first) or «Hủy» is deaf meanwhile
UNSAVED = "Đang chờ để lưu khi ghi xong; chưa lưu gì. Bấm «Hủy» để thôi chờ: những gì đã nhập vẫn còn trên biểu mẫu."
_RUNNING: set["_Task"] = set()  # a running thread must outlive its caller's references


class Cancelled(Exception):
    """The officer pressed Cancel."""


class _Worker(QThread):
    advanced = Signal(int, int, str)
    finished_with = Signal(object, object)

    def __init__(self, job: Callable[[Progress], Any]):
        super().__init__()
        self._job = job
        self.cancel_requested = False

    def _progress(self, done: int, total: int, stage: str | None = None) -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.advanced.emit(done, total, stage or "")

    def run(self) -> None:
        try:
            result, error = self._job(self._progress), None
        except BaseException as caught:  # handed to on_done on the GUI thread, never lost
            result, error = None, caught
        self.finished_with.emit(result, error)


class _ProgressDialog(QProgressDialog):
    """A job's progress; without a Cancel button when the job cannot stop, and then Esc and the
    window's close button leave it open too."""

    def __init__(self, title: str, cancellable: bool, parent: QWidget | None):
        super().__init__(title, "Hủy", 0, 0, parent)
        self.cancellable = cancellable
        if not cancellable:
            self.setCancelButton(None)

    def reject(self) -> None:
        if self.cancellable:
            super().reject()

    def closeEvent(self, event) -> None:
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()


class _Task(QObject):
    """One job on its worker, kept until done (`_RUNNING`), not by its window: a window closed (and deleted)
    while its job runs would take the task with it, never told that the job ended. The job is then
    cancelled if it can be, and its outcome told to no one (an unexpected error logged)."""

    ended = Signal()  # the job's end, before `on_done`, with its window still there

    def __init__(self, parent: QObject | None, job: Callable[[Progress], Any],
                 on_done: Callable[[Any, BaseException | None], None], cancellable: bool):
        super().__init__()
        self.worker = _Worker(job)
        self.worker.finished_with.connect(self._finished)
        self._on_done, self.cancellable = on_done, cancellable
        self.done = self.orphaned = False
        if parent is not None:
            parent.destroyed.connect(self._orphan)

    def start(self) -> None:
        _RUNNING.add(self)
        self.worker.start()

    def _orphan(self) -> None:
        self.orphaned = True
        self.worker.cancel_requested |= self.cancellable

    def _finished(self, result: Any, error: BaseException | None) -> None:
        self.worker.wait()
        self.done = True
        _RUNNING.discard(self)
        if not self.orphaned:
            self.ended.emit()
            self._on_done(result, error)
        elif error is not None and not isinstance(error, Cancelled):
            failure_message(error, "Không xong việc của một cửa sổ đã đóng")


class BackgroundTask(_Task):
    """One running job and its progress dialog."""

    def __init__(self, parent: QWidget | None, title: str, job: Callable[[Progress], Any],
                 on_done: Callable[[Any, BaseException | None], None], cancellable: bool = False):
        super().__init__(parent, job, on_done, cancellable)
        self.dialog = _ProgressDialog(title, cancellable, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)  # Qt shows the dialog after the minimum duration only once it has a value
        self.worker.advanced.connect(self._advanced)
        self.dialog.canceled.connect(self.cancel)
        self.ended.connect(self._close_dialog)

    @property
    def cancel_requested(self) -> bool:
        """Cancel was pressed (a job that ended anyway had passed its last step)."""
        return self.worker.cancel_requested

    def say_in_paragraphs(self, text: str) -> None:
        """The dialog's words wrapped at WAITING_WIDTH, not one line as wide as the screen."""
        said = QLabel(text)
        said.setWordWrap(True)
        said.setMinimumWidth(WAITING_WIDTH)
        self.dialog.setLabel(said)

    def cancel(self) -> None:
        if self.done or not self.dialog.cancellable:
            return
        self.worker.cancel_requested = True
        self.dialog.setLabelText("Đang dừng…")

    def _advanced(self, done: int, total: int, stage: str) -> None:
        if self.orphaned:  # its dialog went with its window
            return
        self.dialog.setRange(0, total)  # 0 to 0: a busy bar
        self.dialog.setValue(min(done, total))
        if stage and not self.worker.cancel_requested:
            self.dialog.setLabelText(stage)

    def _close_dialog(self) -> None:
        """The dialog gone, its window active again, as a window manager leaves it (where there is none, the
        offscreen platform's, no window would be: the keys typed next would go nowhere)."""
        was_active = self.dialog.isActiveWindow()
        self.dialog.reset()  # stops the timer that would show it still
        self.dialog.hide()
        if was_active and self.dialog.parentWidget() is not None:
            self.dialog.parentWidget().window().activateWindow()


class QuietTask(_Task):
    """One job off the GUI thread with no dialog."""

    def __init__(self, parent: QObject | None, job: Callable[[], Any],
                 on_done: Callable[[Any, BaseException | None], None]):
        super().__init__(parent, lambda _progress: job(), on_done, cancellable=False)


def run_quietly(parent: QObject | None, job: Callable[[], Any],
                on_done: Callable[[Any, BaseException | None], None]) -> QuietTask:
    task = QuietTask(parent, job, on_done)
    task.start()
    return task


def wait_for(job: Callable[[], Any]) -> Any:
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any, error: BaseException | None) -> None:
        outcome.update(result=result, error=error)
        loop.quit()

    run_quietly(None, job, done)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["result"]


def when_free(job: Callable[[], Item], progress: Progress, waiting: Callable[[BusyError], str],
              told: list[BusyError]) -> Item:
    """On a worker: `job`'s result, each write it begins waiting TRY_WAIT_MS for another writer, not the
    database's busy time; while it is refused as busy (each refusal added to `told`), `job` again after
    RETRY_PAUSE_S saying `waiting(refusal)`. «Hủy» is heard at each step of the pause (Cancelled)."""
    with writes_wait_at_most(TRY_WAIT_MS):
        while True:
            if told:  # refused at once, too: a deadlock or a serialisation failure on the server
                for _ in range(PAUSE_STEPS):
                    progress(0, 0, waiting(told[-1]))
                    sleep(RETRY_PAUSE_S / PAUSE_STEPS)
                progress(0, 0, waiting(told[-1]))
            try:
                return job()
            except BusyError as busy:
                told.append(busy)


@contextlib.contextmanager
def write_when_free(db: Database, progress: Progress, waiting: Callable[[BusyError], str]) -> Iterator[Connection]:
    """On a worker: `db.write()`, begun as `when_free` tries a job: a long write (an import) that another
    officer's write holds back hears «Hủy» while it waits, and is all of it or nothing still."""
    def begun() -> tuple[contextlib.ExitStack, Connection]:
        stack = contextlib.ExitStack()
        return stack, stack.enter_context(db.write())

    stack, connection = when_free(begun, progress, waiting, [])
    with stack:
        yield connection


def written_when_free(parent: QWidget | None, job: Callable[[], Item]) -> Item:
    """`job`'s result; its first try, on the GUI thread, waits TRY_WAIT_MS for another writer, not the
    database's busy time, so a refusal freezes the window only that long; while it is refused as busy, `job`
    again on a worker (`when_free`) until it is done, or raises BusyError saying that the officer stopped waiting."""
    try:
        with writes_wait_at_most(TRY_WAIT_MS):
            return job()
    except BusyError as busy:
        first = busy
    told = [first]

    def tries(progress: Progress) -> Item:
        try:
            return when_free(job, progress, waiting_text, told)
        except Cancelled:
            raise told[-1].reworded(stopped_text(told[-1])) from None

    loop, outcome = QEventLoop(), {}

    def done(result: Any, error: BaseException | None) -> None:
        outcome.update(result=result, error=error)
        loop.quit()

    task = run_in_background(parent, "Đang chờ để lưu", tries, done, cancellable=True)
    task.dialog.setWindowModality(Qt.ApplicationModal)  # no other window writes meanwhile
    task.say_in_paragraphs(waiting_text(first))
    task.dialog.show()
    if not task.done:
        loop.exec()
    if outcome["error"] is not None:
        raise outcome["error"]
    return outcome["result"]


def _writer(busy: BusyError) -> str:
    return f"«{busy.writer}»" if busy.writer else "một người dùng hoặc chương trình khác"


def waiting_text(busy: BusyError, meanwhile: str = UNSAVED) -> str:
    """What a dialog waiting for another writer says: who writes, then `meanwhile`, what waits and how to stop."""
    who = _writer(busy)
    return f"{capitalised(who)} đang ghi vào cơ sở dữ liệu (có thể đang nhập một danh sách dài). {meanwhile}"


def stopped_text(busy: BusyError) -> str:
    return f"Chưa lưu: đã thôi chờ {_writer(busy)} ghi xong. Những gì đã nhập vẫn còn; bấm «Lưu» lại sau."


def too_late(task: BackgroundTask | None, done: str) -> str:
    """What to say before a job's outcome when Cancel came after its last step ("" if it did not):
    `done` says what could no longer be undone."""
    return f"Không kịp hủy: {done}. " if task is not None and task.cancel_requested else ""


def counted(items: Iterable[Item], progress: Progress, total: int, then: str) -> Iterator[Item]:
    """`items` one by one, `progress` told every COUNTED_EVERY of the `total`, then the stage `then`
    (what the job does once they are all given): a job that streams rows into a file is stopped by
    Cancel before the file is written."""
    for done, item in enumerate(items, start=1):
        if done % COUNTED_EVERY == 0:
            progress(done, total)
        yield item
    progress(0, 0, then)


def failure_message(error: BaseException, what: str) -> str:
    """What to tell the officer about a job's error; an unexpected one is logged, never shown."""
    if isinstance(error, DiskFullError):
        errorlog.log_failure(what, error.message)
    if isinstance(error, BvctError):
        return damage.told(error)
    errorlog.log_unexpected(error)
    return f"{what}; chi tiết đã ghi vào nhật ký lỗi."


def run_in_background(parent: QWidget | None, title: str, job: Callable[[Progress], Any],
                      on_done: Callable[[Any, BaseException | None], None],
                      cancellable: bool = False) -> BackgroundTask:
    task = BackgroundTask(parent, title, job, on_done, cancellable)
    task.start()
    return task
