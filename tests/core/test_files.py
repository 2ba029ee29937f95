"""Writing a file whole (files.atomic_output): its content on disk, then the rename, then the folder's
entry, so that a power cut never brings back the old file once the new one was reported written."""

import os

import pytest

from bvct_desktop.core import files
from tests import flushes
from tests.real_process import dead_pid


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


NAMED = "trich-ngang-ton-nu-hoang-khue.pdf"  # an output named after a person


@pytest.fixture
def notes(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "_notes", [])
    files.note_outputs_in(tmp_path / "ghi-chu")
    return tmp_path / "ghi-chu"


def test_an_output_is_noted_by_its_folder_only_while_it_is_written(tmp_path, notes):
    seen = []
    with files.output(tmp_path / NAMED) as temp:
        temp.write_bytes(b"%PDF")
        seen = [note.read_text(encoding="utf-8") for note in notes.iterdir()]
    assert seen == [str(tmp_path.resolve())]
    assert list(notes.iterdir()) == [] and (tmp_path / NAMED).read_bytes() == b"%PDF"


@pytest.mark.skipif(os.name != "posix", reason="a process that has ended, made with fork")
def test_what_a_killed_output_left_is_removed_once_its_folder_is_there_again(tmp_path, notes):
    from bvct_desktop.core import leftovers

    usb = tmp_path / "usb"
    notes.mkdir()
    note = notes / f"p{dead_pid()}-abc.txt"
    note.write_text(str(usb), encoding="utf-8")
    assert leftovers.sweep_outputs(notes) == [] and note.exists()  # the drive is not plugged in
    usb.mkdir()
    left = usb / f".{NAMED}.p{note.name[1:].split('-')[0]}-xyz.tmp"
    other = usb / f".{NAMED}.p{os.getpid()}-xyz.tmp"  # this process's, still being written
    left.write_bytes(b"%PDF")
    other.write_bytes(b"%PDF")
    assert leftovers.sweep_outputs(notes) == [left]
    assert not note.exists() and other.exists()
