"""An issued document written again exactly as issued, into the print preview, on a worker: from the
issued-documents page, and a notice from its case's window."""

from collections.abc import Callable

from ..core import documents_data, outgoing, text
from ..io.documents import render
from . import printing
from .context import AppContext
from .qt import QWidget
from .workers import BackgroundTask, failure_message, run_in_background


def title_of(entry: outgoing.Issued) -> str:
    """«Thông báo số 01-TB/BTCTU»."""
    return f"{outgoing.KIND_LABELS.get(entry.kind, entry.kind)} số {entry.number_text}"


def preview(context: AppContext, parent: QWidget, entry: outgoing.Issued,
            done: Callable[[printing.PrintPreview | None, str | None], None]) -> BackgroundTask:
    """Writes `entry` as issued, then `done(the preview, None)`, or `done(None, what went wrong)`."""

    def write(_progress) -> bytes:
        made: dict[str, bytes] = {}
        documents_data.reprint(context.db, entry.number_text, entry.issued_on,
                               lambda content: made.update(pdf=render.document_pdf(content)), None)
        return made["pdf"]

    def written(data: bytes | None, error: BaseException | None) -> None:
        if error is not None:
            done(None, failure_message(error, "Không in được"))
            return
        title = title_of(entry)
        done(printing.preview_pdf(context, parent, data, title, entry.kind, text.file_name(title, suffix="pdf"),
                                  {"so_van_ban": entry.number_text}), None)

    return run_in_background(parent, "Đang chuẩn bị bản in…", write, written)
