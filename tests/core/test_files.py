"""Writing a file whole (files.atomic_output): its content on disk, then the rename, then the folder's
entry, so that a power cut never brings back the old file once the new one was reported written."""

import os

import pytest

from bvct_desktop.core import files
from tests import flushes


@pytest.mark.skipif(os.name != "posix", reason="a folder is flushed on POSIX (Windows opens no folder for it)")
def test_a_file_put_in_place_has_its_folder_flushed_after_the_rename(tmp_path, monkeypatch):
    """A key file of a new generation renamed over the old one, whose folder was never flushed, may
    come back as the old one after a power cut, while the database has committed the new one."""
    target = tmp_path / "bvct.db.keys"
    target.write_bytes(b"cu")
    flushed = flushes.record(monkeypatch, target)
    with files.atomic_output(target) as temp:
        temp.write_bytes(b"moi")
    assert flushed == [(False, b"cu"), (True, b"moi")]
