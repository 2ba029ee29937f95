"""Python's cyclic garbage collector run on the GUI thread only, between events.

Left to itself, the collector runs in whichever thread allocates when a generation fills — a worker's (a
page's read, a save waiting for another writer) as often as the GUI thread's — and a cycle it frees there
may hold a window or a dialog, then deleted from the wrong thread, or in the middle of its own event: Qt
crashes (the test suite lost a worker so, twice, once in a worker writing an audit entry). So the desktop
turns automatic collection off and collects what is due on its GUI thread, from a timer, as often as
Python would have (calibre does the same); an import's pause (core/collector) is respected."""

import gc

from ..core import collector
from .qt import QObject, QTimer

EVERY_MS = 1_000  # between two looks at what is due


class GuiThreadCollector(QObject):
    """While it lives (its parent: the application), the cycles are collected on the GUI thread only."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(collector.collect_due)
        self.timer.start(EVERY_MS)
