"""A restored database and its key file put in place of the current pair: all of it or none of it,
even across a kill.

The restore writes and flushes both files beside their places first (nothing is moved while they
are written). Then a note (`PATH.dang-khoi-phuc`) says which of the current files are about to be
moved aside, and to which dated name; they are moved, the two new files renamed into place, the
restore recorded in the restored database's audit trail, and the note removed. A failure on the way
puts the current files back at once; a kill leaves the note, and the next start of the program puts
them back from it (`undo_cut`) — rather than finish the restore: the current pair is whole under its
dated name, the new one may be half in place or unrecorded, and the backup is still there to restore
again. The start tells the officer either way, naming the files to rename by hand when even that
fails.
"""

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

from . import backup_log, crashpoints, files
from .errors import BvctError, os_reason
from .kept_files import KEY_FILE_SUFFIX
from .own_files import DATABASE_SIDE_FILES, key_path

# The database, its SQLite side files and its key file: moved aside together, put back together
PARTS = ("", *DATABASE_SIDE_FILES, KEY_FILE_SUFFIX)
NOTE_SUFFIX = ".dang-khoi-phuc"
UNCHANGED, PUT_BACK = "vẫn như cũ", "đã được đặt lại như cũ"


def swap(target: Path, data: Path, keys: Path, source: Path, now: dt.datetime,
         recorded: Callable[[list[Path]], None]) -> list[Path]:
    """Moves the pair at `target` aside under a dated name, renames `data` and `keys` (written and
    flushed beside it) into its place and has the restore `recorded` (given the files kept aside);
    returns those files. `source` is the backup restored."""
    aside = _aside_name(target, now)
    note = {"pid": os.getpid(), "backup": str(source), "aside": aside.name,
            "moved": [part for part in PARTS if Path(f"{target}{part}").exists()]}
    _write_note(target, note)
    kept = [Path(f"{aside}{part}") for part in note["moved"]]
    try:
        for part in note["moved"]:
            os.replace(f"{target}{part}", f"{aside}{part}")
        crashpoints.reached("restore-moved-aside")
        os.replace(data, target)
        crashpoints.reached("restore-half-placed")
        os.replace(keys, key_path(target))
        files.sync_folder(target.parent)
        recorded(kept)
        _note_path(target).unlink()
    except BaseException as error:
        _failed(target, note, error)
        raise
    for path in kept:
        files.make_owner_only(path)  # a database made readable by everyone before databases were owner-only
    return kept


def _write_note(target: Path, note: dict) -> None:
    try:
        with files.atomic_output(_note_path(target)) as temp:
            temp.write_text(json.dumps(note, ensure_ascii=False), encoding="utf-8")
    except BvctError as error:
        _note_path(target).unlink(missing_ok=True)  # in place, but not for sure: nothing was moved
        raise error.reworded(f"{error.message} {not_restored(target, UNCHANGED)}") from None


def _failed(target: Path, note: dict, error: BaseException) -> None:
    """Puts the current pair back after `error`, which is raised as what the officer is told."""
    told = files.os_error(error, target) if isinstance(error, OSError) else error
    try:
        _put_back(target, note)
    except OSError as again:
        stopped = told.message if isinstance(told, BvctError) else "Khôi phục bị dừng."
        raise BvctError(f"{stopped} Chưa đặt lại được cơ sở dữ liệu trước đó ({os_reason(again)})."
                        f"{_by_hand(target, note)}") from None
    if isinstance(told, BvctError):
        raise told.reworded(f"{told.message} {not_restored(target, PUT_BACK)}") from None


def not_restored(target: Path, state: str) -> str:
    """What a restore that did not happen tells of the pair at `target`: `state`, how it is now."""
    if not target.exists():
        return "Chưa khôi phục."
    return f"Chưa khôi phục: cơ sở dữ liệu «{target}» và tệp khóa của nó {state}."


def undo_cut(target: Path) -> str | None:
    """Puts back the pair at `target` that a killed restore had moved aside (its note tells which files);
    returns what the officer is told, None when no restore was cut off there (or one is running)."""
    note = _read_note(target)
    if note is None or files.process_alive(note["pid"]):
        return None
    cut = f"Lần khôi phục từ bản sao lưu «{note['backup']}» bị ngắt giữa chừng"
    try:
        _put_back(target, note)
    except OSError as error:
        return (f"{cut} và chưa đặt lại được cơ sở dữ liệu trước đó ({os_reason(error)})."
                f"{_by_hand(target, note)}")
    if not note["moved"]:
        return f"{cut}: các tệp khôi phục dở đã được xóa. Hãy khôi phục lại."
    return (f"{cut}: cơ sở dữ liệu «{target}» và tệp khóa của nó đã được đặt lại như trước khi khôi phục. "
            "Hãy khôi phục lại nếu vẫn cần.")


def _put_back(target: Path, note: dict) -> None:
    """The files moved aside back in their places (over what the restore put there), the restore's
    files removed where there were none (a side file of the restored database over the current one
    would be read as the current one's); then the note."""
    aside = target.with_name(note["aside"])
    for part in PARTS:
        original, kept = Path(f"{target}{part}"), Path(f"{aside}{part}")
        if part not in note["moved"]:  # the restore's, or its database's side file: none was there before
            original.unlink(missing_ok=True)
        elif kept.exists():  # not there: it was never moved
            os.replace(kept, original)
    files.sync_folder(target.parent)
    _note_path(target).unlink(missing_ok=True)


def _by_hand(target: Path, note: dict) -> str:
    """The renames (and removals) that put the pair at `target` back, for the officer to make."""
    aside = target.with_name(note["aside"])
    steps = []
    renames = [f"«{aside}{part}» thành «{target}{part}»" for part in note["moved"] if Path(f"{aside}{part}").exists()]
    if renames:
        steps.append(f"đổi tên {', '.join(renames)} (thay các tệp cùng tên của lần khôi phục dở)")
    removals = [f"«{target}{part}»" for part in PARTS
                if part not in note["moved"] and Path(f"{target}{part}").exists()]
    if removals:
        steps.append(f"xóa {', '.join(removals)} của lần khôi phục dở")
    if not steps:
        return ""
    return f" Để dùng lại cơ sở dữ liệu trước khi khôi phục: {'; '.join(steps)}; rồi mở lại chương trình."


def _read_note(target: Path) -> dict | None:
    try:
        note = json.loads(_note_path(target).read_text(encoding="utf-8"))
        return note if {"pid", "backup", "aside", "moved"} <= set(note) else None
    except (OSError, ValueError, TypeError):
        return None


def _note_path(target: Path) -> Path:
    return Path(f"{target}{NOTE_SUFFIX}")


def _aside_name(target: Path, now: dt.datetime) -> Path:
    """`bvct-truoc-khoi-phuc-YYYYMMDD-HHMMSS.db`, numbered on when a file of that name is there."""
    stamp, number = now.strftime(backup_log.STAMP), 1
    while True:
        aside = target.with_name(f"{target.stem}-truoc-khoi-phuc-{stamp}{'' if number == 1 else f'-{number}'}"
                                 f"{target.suffix}")
        if not any(Path(f"{aside}{part}").exists() for part in PARTS):
            return aside
        number += 1
