"""The desktop's cycles collected on its GUI thread only (gui/collector.py): a worker that allocates never
frees there what a window left in a cycle."""

import gc
import threading
import weakref

from bvct_desktop.gui.collector import EVERY_MS, GuiThreadCollector
from bvct_desktop.gui.qt import QObject
from tests.gui import register_support as support

app = support.app  # fixture


class Held(QObject):
    """A Qt object in a cycle, as a window's slot bound to itself leaves one."""

    def __init__(self):
        super().__init__()
        self.me = self


def test_a_cycle_is_freed_on_the_gui_thread_however_much_a_worker_allocates(qtbot, app):
    gc.enable()  # as a program starts (the GUI tests' own fixture turns it off)
    installed = GuiThreadCollector(app)
    freed_on = []
    try:
        assert not gc.isenabled()
        held = Held()
        gone = weakref.finalize(held, lambda: freed_on.append(threading.current_thread()))
        del held
        kept = []  # what the worker makes stays: the youngest generation fills many times over
        worker = threading.Thread(target=lambda: kept.extend([object()] for _ in range(50 * gc.get_threshold()[0])))
        worker.start()
        worker.join()
        assert gone.alive  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: not gone.alive, timeout=5 * EVERY_MS)
        assert freed_on == [threading.main_thread()]
    finally:
        installed.timer.stop()
        installed.deleteLater()
