"""A letter made from its window (the archive requests' công văn, the reminder, a case's notice of conclusion): a
draft or issued (a number, the outgoing register), written on a worker into the print preview or as a Word file, the
window told what became of it — or why it was not made and, when issuing, the outgoing register told that the number
taken may be spoiled."""

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..core import documents_data, text
from ..core.errors import InputError
from ..io.documents import profile, render
from . import export_password, printing, reauth, unsigned
from .context import AppContext
from .dialogs import FILE_FILTERS
from .look import ErrorLabel
from .qt import QCheckBox, QWidget
from .workers import BackgroundTask, failure_message, run_in_background

Made = tuple[documents_data.Issue, dict[str, Any]]  # the letter's number (none for a draft) and its data


@dataclass(frozen=True)
class Letter:
    """What a window's letter is."""

    title: str  # the print preview's
    kind: str  # outgoing.REMINDER, …: what printing it is audited as
    file_words: str  # «cong van don doc»: its file's name starts with them, then says `about`
    about: Callable[[Mapping[str, Any]], str]  # of its data: the recipient, the first person
    writer: Callable[[str, Path | None, render.Options], Any]  # render.reminder_writer, …
    told: Callable[[documents_data.Issue, Mapping[str, Any], str], str]  # what became of it, given where it was saved
    named: Callable[[Mapping[str, Any]], dict[str, Any]]  # what its print's audit entry says of it
    changed: tuple[str, ...] = ("outgoing",)  # the registers told to refresh once it is issued
    issued_once: bool = False  # its number written on its records: «Phát hành» is off once it is issued
    name: str = "công văn"  # as the officer is told it is being made, saved or failed
    word_title: str = "Lưu công văn"  # the Word file dialog's


class LetterDialog(Protocol):
    """What makes a letter (a QDialog of a Designer form, a window's buttons): where it is told, its «Phát hành» box
    (none where a button of its own issues), the letter being written, the preview it opened."""

    context: AppContext
    message: ErrorLabel
    issue: QCheckBox | None
    task: BackgroundTask | None
    preview: printing.PrintPreview | None


def word_file(dialog: LetterDialog, letter: Letter, about: str,
              parent: QWidget | None = None) -> export_password.Destination | None:
    """Where to save the letter as Word, and its password, once the officer has confirmed who they are; None when
    they do not or cancel. Asked over `parent`, the dialog itself by default."""
    parent = dialog if parent is None else parent
    if not reauth.confirm(dialog.context, parent, f"lưu {letter.name}"):
        return None
    return export_password.save_as(dialog.context.dialogs, parent, letter.word_title,
                                   text.file_name(letter.file_words, about, suffix="docx"), FILE_FILTERS["docx"],
                                   ".docx")


def make(dialog: LetterDialog, letter: Letter, job: Callable[[Path | None, Any, bool], Made], target: Path | None,
         password: str | None, issue: bool, day: dt.date, parent: QWidget | None = None) -> None:
    """The letter dated `day` that `job(target, writer, issue)` writes (documents_data.reminder_document, …), on a
    worker: into the preview (no `target`) or as a Word file (encrypted with `password` when given); issued when
    `issue` and the officer agrees to a letter with no signer's name when none is set. Its questions, progress and
    preview belong to `parent`, the dialog itself by default."""
    parent = dialog if parent is None else parent
    if issue and not unsigned.issue_agreed(dialog.context, parent, day):
        return
    writer = letter.writer("pdf" if target is None else "docx", target,
                           render.Options(profile.load(), password=password))

    def written(made: Made, error: BaseException | None) -> None:
        dialog.task = None
        if error is not None:
            dialog.message.show_message(failure_message(error, f"Không lập được {letter.name}"))
            if issue and not isinstance(error, InputError):  # a number taken may have been spoiled
                dialog.context.notifier.changed.emit("outgoing")
            return
        issued, data = made
        saved = f"«{target}»{export_password.ENCRYPTED if writer.encrypted else ''}" if target else ""
        dialog.message.show_message(letter.told(issued, data, saved), error=False)
        if issued.number is not None:
            if dialog.issue is not None:
                dialog.issue.setChecked(False)
                if letter.issued_once:
                    dialog.issue.setEnabled(False)
            for kind in letter.changed:
                dialog.context.notifier.changed.emit(kind)
        if target is None:
            dialog.preview = printing.preview_pdf(
                dialog.context, parent, writer.data, letter.title, letter.kind,
                text.file_name(letter.file_words, letter.about(data), suffix="pdf"),
                letter.named(data) | documents_data.issue_named(issued) | writer.marked)

    dialog.task = run_in_background(parent, f"Đang lập {letter.name}…", lambda _progress: job(target, writer, issue),
                                    written)
