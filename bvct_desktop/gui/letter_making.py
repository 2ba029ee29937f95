"""A công văn made from its dialog (the archive requests' letter, the reminder): a draft or issued (a CV number, the
outgoing register), written on a worker into the print preview or as a Word file, the dialog told what became of it
— or why it was not made and, when issuing, the outgoing register told that the number taken may be spoiled."""

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
from .qt import QCheckBox
from .workers import BackgroundTask, failure_message, run_in_background

Made = tuple[documents_data.Issue, dict[str, Any]]  # the letter's number (none for a draft) and its data


@dataclass(frozen=True)
class Letter:
    """What a dialog's công văn is."""

    title: str  # the print preview's
    kind: str  # outgoing.REMINDER, …: what printing it is audited as
    file_words: str  # «cong van don doc»: its file's name starts with them, then says `about`
    about: Callable[[Mapping[str, Any]], str]  # of its data: the recipient, the first person
    writer: Callable[[str, Path | None, render.Options], Any]  # render.reminder_writer, …
    told: Callable[[documents_data.Issue, Mapping[str, Any], str], str]  # what became of it, given where it was saved
    named: Callable[[Mapping[str, Any]], dict[str, Any]]  # what its print's audit entry says of it
    changed: tuple[str, ...] = ("outgoing",)  # the registers told to refresh once it is issued
    issued_once: bool = False  # its number written on its records: «Phát hành» is off once it is issued


class LetterDialog(Protocol):
    """A dialog making a letter (a QDialog of a Designer form): where it is told and asked to issue, the letter
    being written, the preview it opened."""

    context: AppContext
    message: ErrorLabel
    issue: QCheckBox
    task: BackgroundTask | None
    preview: printing.PrintPreview | None


def word_file(dialog: LetterDialog, letter: Letter, about: str) -> export_password.Destination | None:
    """Where to save the letter as Word, and its password, once the officer has confirmed who they are; None when
    they do not or cancel."""
    if not reauth.confirm(dialog.context, dialog, "lưu công văn"):
        return None
    return export_password.save_as(dialog.context.dialogs, dialog, "Lưu công văn",
                                   text.file_name(letter.file_words, about, suffix="docx"), FILE_FILTERS["docx"],
                                   ".docx")


def make(dialog: LetterDialog, letter: Letter, job: Callable[[Path | None, Any, bool], Made], target: Path | None,
         password: str | None, issue: bool, day: dt.date) -> None:
    """The letter dated `day` that `job(target, writer, issue)` writes (documents_data.reminder_document, …), on a
    worker: into the preview (no `target`) or as a Word file (encrypted with `password` when given); issued when
    `issue` and the officer agrees to a letter with no signer's name when none is set."""
    if issue and not unsigned.issue_agreed(dialog.context, dialog, day):
        return
    writer = letter.writer("pdf" if target is None else "docx", target,
                           render.Options(profile.load(), password=password))

    def written(made: Made, error: BaseException | None) -> None:
        dialog.task = None
        if error is not None:
            dialog.message.show_message(failure_message(error, "Không lập được công văn"))
            if issue and not isinstance(error, InputError):  # a number taken may have been spoiled
                dialog.context.notifier.changed.emit("outgoing")
            return
        issued, data = made
        saved = f"«{target}»{export_password.ENCRYPTED if writer.encrypted else ''}" if target else ""
        dialog.message.show_message(letter.told(issued, data, saved), error=False)
        if issued.number is not None:
            dialog.issue.setChecked(False)
            if letter.issued_once:
                dialog.issue.setEnabled(False)
            for kind in letter.changed:
                dialog.context.notifier.changed.emit(kind)
        if target is None:
            dialog.preview = printing.preview_pdf(
                dialog.context, dialog, writer.data, letter.title, letter.kind,
                text.file_name(letter.file_words, letter.about(data), suffix="pdf"),
                letter.named(data) | documents_data.issue_named(issued))

    dialog.task = run_in_background(dialog, "Đang lập công văn…", lambda _progress: job(target, writer, issue),
                                     written)
