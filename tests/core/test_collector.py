"""The cycle collector paused by an import and run by hand where the desktop chooses (core/collector)."""

import gc
import weakref

import pytest

from bvct_desktop.core import collector


class Node:
    """An object in a cycle: only the cycle collector frees it."""

    def __init__(self):
        self.me = self


@pytest.fixture
def by_hand():
    """Automatic collection off for the test, as the desktop runs."""
    enabled = gc.isenabled()
    gc.disable()
    gc.collect()
    yield
    if enabled:
        gc.enable()


def unreachable_cycle() -> weakref.ref:
    return weakref.ref(Node())


def test_what_is_due_is_collected_by_hand_the_youngest_generation_first(by_hand):
    cycle = unreachable_cycle()
    _ = [Node() for _ in range(gc.get_threshold()[0] + 1)]  # the youngest generation filled
    assert cycle() is not None  # automatic collection is off
    assert collector.collect_due() > 0
    assert cycle() is None


def test_nothing_is_collected_while_not_due_nor_while_paused(by_hand):
    cycle = unreachable_cycle()
    assert collector.collect_due() == 0 and cycle() is not None  # one object made: nothing is due
    with collector.paused():
        _ = [Node() for _ in range(gc.get_threshold()[0] + 1)]
        assert collector.collect_due() == 0 and cycle() is not None
    assert not gc.isenabled()  # paused by hand before: still so
    assert collector.collect_due() > 0 and cycle() is None


def test_a_pause_gives_back_the_automatic_collection_it_found_whatever_happens():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        assert not gc.isenabled()
        raise RuntimeError("hỏng giữa chừng")
    assert gc.isenabled()
