"""Python's cyclic garbage collector: paused by work that makes hardly any cycles, and run by hand where
the program chooses the moment.

An import pauses it (`paused`): each collection would walk every object held, over and over. The desktop
application turns automatic collection off for good and runs `collect_due` on its GUI thread instead
(gui/collector.py), which leaves a paused collector alone."""

import contextlib
import gc
import threading
from collections.abc import Iterator

_pauses = 0
_counting = threading.Lock()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector paused for the block (automatic collection off, `collect_due` idle), then as it was."""
    global _pauses
    enabled = gc.isenabled()
    gc.disable()
    with _counting:
        _pauses += 1
    try:
        yield
    finally:
        with _counting:
            _pauses -= 1
        if enabled:
            gc.enable()


def collect_due() -> int:
    """Collects what automatic collection would have by now — the generations whose counts passed their
    thresholds, the youngest first — unless a block has the collector `paused`; returns the objects freed."""
    if _pauses:
        return 0
    generation = -1
    for counted, threshold in zip(gc.get_count(), gc.get_threshold(), strict=True):
        if counted <= threshold:
            break
        generation += 1
    return gc.collect(generation) if generation >= 0 else 0
