"""Copying to the clipboard takes records out of the program, as exporting does: for a role that
may not export, Ctrl+C in any table and copying out of a read-only field (its key or its context
menu) do nothing but say why. For the others, every copy asks Windows to keep it out of its clipboard
history (Win+V) and cloud clipboard (`copy_out`, `mark_copies`), and what the program put on the
clipboard is taken off again when it locks, logs out or quits (`take_back_copies`)."""

from ..core.permissions import refusal
from .qt import (
    QAbstractItemView,
    QApplication,
    QClipboard,
    QEvent,
    QKeySequence,
    QLineEdit,
    QMimeData,
    QObject,
    QPlainTextEdit,
    QTextEdit,
    Signal,
)

REFUSED = str(refusal("sao chép dữ liệu hồ sơ ra ngoài chương trình"))
TEXT_BOXES = (QPlainTextEdit, QTextEdit)
# Qt platforms whose clipboard no other program shares (offscreen: tests): what it holds, this program put there
PRIVATE_CLIPBOARDS = ("offscreen", "minimal")
# Windows' clipboard formats, as Qt names them, that keep a copy out of clipboard history, cloud clipboard and
# clipboard monitors (learn.microsoft.com «Cloud clipboard and clipboard history formats»); DWORD 0 = «no»
KEPT_OUT = {f'application/x-qt-windows-mime;value="{name}"': bytes(4) for name in (
    "ExcludeClipboardContentFromMonitorProcessing", "CanIncludeInClipboardHistory", "CanUploadToCloudClipboard")}


def copy_out(text: str) -> None:
    """Puts `text` on the clipboard, kept out of Windows' clipboard history and cloud clipboard."""
    data = QMimeData()
    data.setText(text)
    _set_kept_out(data)


def mark_copies() -> None:
    """From now on, what Qt's own widgets copy (a table's cell on Ctrl+C, a field's «Sao chép») is marked as
    `copy_out`'s copies are, as soon as the clipboard tells it changed."""
    QApplication.clipboard().dataChanged.connect(_mark_copy)


def _mark_copy() -> None:
    held = QApplication.clipboard().mimeData()
    if not _holds_ours() or held is None or all(held.hasFormat(kept) for kept in KEPT_OUT):
        return
    data = QMimeData()
    for kind in held.formats():
        data.setData(kind, held.data(kind))
    _set_kept_out(data)


def _set_kept_out(data: QMimeData) -> None:
    for kind, value in KEPT_OUT.items():
        data.setData(kind, value)
    QApplication.clipboard().setMimeData(data)


def _holds_ours() -> bool:
    return QApplication.clipboard().ownsClipboard() or QApplication.platformName() in PRIVATE_CLIPBOARDS


def take_back_copies() -> None:
    """Empties the clipboard while it holds what this program put there: records copied (Ctrl+C on a
    register's row) wait neither for whoever sits down at the locked PC nor after the program quits
    (Windows keeps a program's copy when it ends). What was copied since in another program stays."""
    clipboard = QApplication.clipboard()
    if _holds_ours():
        clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.ownsSelection():  # Linux: text selected in a field is offered to other programs too
        clipboard.clear(QClipboard.Mode.Selection)


def _read_only_text(watched: QObject) -> bool:
    """A field the user cannot edit, which shows what the program holds (a text box's events reach
    its viewport)."""
    if isinstance(watched, QLineEdit):
        return watched.isReadOnly()
    box = watched if isinstance(watched, TEXT_BOXES) else watched.parent()
    return isinstance(box, TEXT_BOXES) and box.isReadOnly()


def _copies_records(watched: QObject, event: QEvent) -> bool:
    """Ctrl+C in a table, list or read-only field, or the context menu of such a field (its «Sao chép»);
    a table's header keeps its own menu of columns."""
    if event.type() == QEvent.Type.ContextMenu:
        return _read_only_text(watched)
    return (event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Copy)
            and (isinstance(watched, QAbstractItemView) or _read_only_text(watched)))


class CopyGuard(QObject):
    """Refuses copying out of every window while it lives (its parent: the main window)."""

    refused = Signal(str)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not _copies_records(watched, event):
            return False
        self.refused.emit(REFUSED)
        return True
