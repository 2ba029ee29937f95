"""Which database the program opens: the first-run wizard's choice, remembered for the next start."""

import json
import os

import pytest

from bvct_desktop import paths
from tests import flushes


def test_the_choice_is_read_back_at_the_next_start():
    paths.remember(paths.Choice("postgresql://may-chu/bvct", insecure_lan=True))

    assert paths.remembered() == paths.Choice("postgresql://may-chu/bvct", insecure_lan=True)


@pytest.mark.skipif(os.name != "posix", reason="a folder is flushed on POSIX (Windows opens no folder for it)")
def test_a_new_choice_reaches_the_disk_before_and_after_its_rename(monkeypatch):
    """A power cut right after the wizard connected to the office server must not bring back the
    former choice (or an empty file: the wizard again) at the next start."""
    paths.remember(paths.Choice("D:/Du lieu/bvct.db"))
    target = paths.data_folder() / paths.CHOICE_FILE
    flushed = flushes.record(monkeypatch, target)

    paths.remember(paths.Choice("postgresql://may-chu/bvct"))

    former = json.dumps({"db": "D:/Du lieu/bvct.db", "insecure_lan": False}).encode()
    assert flushed == [(False, former), (True, target.read_bytes())]
