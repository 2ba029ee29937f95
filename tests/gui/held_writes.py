"""Another officer's long write (an import) holding the database while the GUI saves: it ends as soon as the
save's waiting dialog is about to show, which is when a test reads how long the window was frozen."""

import contextlib
import threading
import time
from collections.abc import Iterator

import pytest

from bvct_desktop.core.database import Database
from bvct_desktop.gui import workers


@contextlib.contextmanager
def held_until_the_waiting_dialog(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Holds a write on `db` in another thread for the block; yields the seconds from the block's start to each
    waiting dialog shown (the first ends the other write)."""
    holding, release = threading.Event(), threading.Event()

    def other_officer() -> None:
        with db.write():
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=other_officer)
    holder.start()
    assert holding.wait(5)
    started, frozen_for, dialog_of = time.monotonic(), [], workers.run_in_background

    def waiting_dialog(*args, **kwargs) -> workers.BackgroundTask:
        frozen_for.append(time.monotonic() - started)
        release.set()  # the other officer's write ends
        return dialog_of(*args, **kwargs)

    monkeypatch.setattr(workers, "run_in_background", waiting_dialog)
    try:
        yield frozen_for
    finally:
        release.set()
        holder.join()
