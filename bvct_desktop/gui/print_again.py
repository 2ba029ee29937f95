"""An issued document written again exactly as issued, into the print preview, on a worker: from the
issued-documents page, and a notice from its case's window."""

from typing import Protocol

from ..core import documents_data, outgoing, text
from ..io.documents import render
from . import printing
from .context import AppContext
from .look import ErrorLabel
from .qt import QWidget
from .workers import BackgroundTask, failure_message, run_in_background


def title_of(entry: outgoing.Issued) -> str:
    """«Thông báo số 01-TB/BTCTU»."""
    return f"{outgoing.KIND_LABELS.get(entry.kind, entry.kind)} số {entry.number_text}"


class Printing(Protocol):
    """Who prints a document again: its task while it is written, the preview it shows, where it tells a failure."""

    task: BackgroundTask | None
    preview: printing.PrintPreview | None
    message: ErrorLabel


def into_preview(owner: Printing, context: AppContext, parent: QWidget, entry: outgoing.Issued) -> None:
    """Writes `entry` as issued on a worker (`owner.task` meanwhile, unless one is running), then shows it in
    the print preview (`owner.preview`), or tells in `owner.message` what went wrong."""
    if owner.task is not None:
        return

    def write(_progress) -> tuple[bytes, dict[str, str]]:
        made: dict = {}
        documents_data.reprint(context.db, entry.number_text, entry.issued_on, lambda content: made.update(
            pdf=render.document_pdf(content), marked=outgoing.marked(content)), None)
        return made["pdf"], made["marked"]  # the «MẬT» mark as issued, whatever the setting says today

    def written(made: tuple[bytes, dict[str, str]] | None, error: BaseException | None) -> None:
        owner.task = None
        if error is not None:
            owner.message.show_message(failure_message(error, "Không in được"))
            return
        data, marked = made
        title = title_of(entry)
        owner.preview = printing.preview_pdf(context, parent, data, title, entry.kind,
                                             text.file_name(title, suffix="pdf"),
                                             {"so_van_ban": entry.number_text, **marked})

    owner.task = run_in_background(parent, "Đang chuẩn bị bản in…", write, written)
