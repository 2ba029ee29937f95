"""Message boxes and file dialogs behind one seam (KeePassXC's `setNextAnswer` pattern).

GUI code asks through `Dialogs`; tests queue the answers (`dialogs.answer_next(...)`) so no
real modal dialog ever opens under pytest, and they can read what would have been shown.
"""

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6

from .caps_lock import CapsLockWatch
from .qt import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QIdentityProxyModel,
    QInputDialog,
    QLabel,
    QLineEdit,
    QLocale,
    QMessageBox,
    QModelIndex,
    QSettings,
    Qt,
    QTreeView,
    QWidget,
)

YES, NO, CANCEL = "yes", "no", "cancel"
DATABASE_FILTER = "Cơ sở dữ liệu BVCT (*.db);;Mọi tệp (*)"
FILE_FILTERS = {"pdf": "Tệp PDF (*.pdf)", "xlsx": "Tệp Excel (*.xlsx)", "docx": "Văn bản Word (*.docx)"}
TYPING_WIDTH = 560  # a line-asking dialog's, within the screen: a note of a hundred letters reads in its box
FILE_DIALOG_SIZE = (880, 540)  # Qt's own opens at 620 × 410, cramped
SIZE_COLUMN, MODIFIED_COLUMN = 1, 3  # of Qt's model of a folder


@dataclass
class Shown:
    kind: str
    title: str
    text: str
    suggested: str = ""  # the file name a save dialog offered
    items: tuple[str, ...] = ()  # what a list to pick from offered


@dataclass
class Dialogs:
    """Asks the officer; in tests, answers come from a queue and nothing is shown."""

    scripted: bool = False
    _answers: deque = field(default_factory=deque)
    shown: list[Shown] = field(default_factory=list)
    folder: str = ""  # the last file dialog's, remembered only while the program runs

    def answer_next(self, *answers: object) -> None:
        self.scripted = True
        self._answers.extend(answers)

    def _scripted(self, kind: str, title: str, text: str, default: object, suggested: str = "",
                  items: tuple[str, ...] = ()) -> object:
        self.shown.append(Shown(kind, title, text, suggested, items))
        return self._answers.popleft() if self._answers else default

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        if self.scripted:
            self._scripted("inform", title, text, None)
            return
        message_box(parent, QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok).exec()

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        if self.scripted:
            self._scripted("warn", title, text, None)
            return
        message_box(parent, QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok).exec()

    def ask(self, parent: QWidget | None, title: str, text: str, with_cancel: bool = False) -> str:
        """YES, NO or (with_cancel) CANCEL."""
        if self.scripted:
            return self._scripted("ask", title, text, NO)
        buttons = QMessageBox.Yes | QMessageBox.No | (QMessageBox.Cancel if with_cancel else QMessageBox.NoButton)
        answer = message_box(parent, QMessageBox.Icon.Question, title, text, buttons).exec()
        return {QMessageBox.Yes: YES, QMessageBox.No: NO}.get(answer, CANCEL)

    def ask_password(self, parent: QWidget | None, title: str, text: str) -> str | None:
        """A password typed without echo, or None when cancelled."""
        return self._typed("ask_password", parent, title, text, QLineEdit.EchoMode.Password)

    def ask_text(self, parent: QWidget | None, title: str, text: str) -> str | None:
        """A line of text typed, or None when cancelled or left empty."""
        return self._typed("ask_text", parent, title, text, QLineEdit.EchoMode.Normal)

    def edit_text(self, parent: QWidget | None, title: str, text: str, initial: str = "") -> str | None:
        """A line of text typed over `initial`, perhaps left empty; None only when cancelled (in tests, unanswered:
        `initial` kept)."""
        if self.scripted:
            return self._scripted("edit_text", title, text, initial)
        dialog = text_dialog(parent, title, text, QLineEdit.EchoMode.Normal, initial)
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _typed(self, kind: str, parent: QWidget | None, title: str, text: str,
               echo: QLineEdit.EchoMode) -> str | None:
        if self.scripted:
            return self._scripted(kind, title, text, None)
        dialog = text_dialog(parent, title, text, echo)
        return dialog.textValue() or None if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose(self, parent: QWidget | None, title: str, text: str, items: list[str]) -> str | None:
        """One of `items` picked from a list, or None when cancelled."""
        if self.scripted:
            return self._scripted("choose", title, text, None, items=tuple(items))
        item, accepted = QInputDialog.getItem(parent, title, text, items, 0, False)
        return item if accepted else None

    def open_file(self, parent: QWidget | None, title: str, filter_text: str) -> str | None:
        if self.scripted:
            return self._scripted("open_file", title, filter_text, None)
        return self._chosen_file(file_dialog(parent, title, self.folder, filter_text))

    def save_file(self, parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
        if self.scripted:
            return self._scripted("save_file", title, filter_text, None, suggested)
        dialog = file_dialog(parent, title, str(Path(self.folder, suggested)), filter_text)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        return self._chosen_file(dialog)

    def _chosen_file(self, dialog: QFileDialog) -> str | None:
        try:
            chosen = dialog.selectedFiles()[0] if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            shiboken6.delete(dialog)  # Qt writes the folders visited to its settings as the dialog goes
            forget_file_dialogs()
        if chosen:
            self.folder = str(Path(chosen).parent)
        return chosen or None


def file_dialog(parent: QWidget | None, title: str, start: str, filter_text: str) -> QFileDialog:
    """Qt's own file dialog, not Windows': the native one records the files chosen, named after people, in
    Windows' recent items and its open/save history, which the program cannot take back."""
    dialog = QFileDialog(parent, title, start, filter_text)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setProxyModel(VietnameseFolder(dialog))
    room = (parent or dialog).screen().availableGeometry()
    width, height = FILE_DIALOG_SIZE
    dialog.resize(min(width, room.width() * 9 // 10), min(height, room.height() * 9 // 10))
    columns = dialog.findChild(QTreeView).header()  # «Kích thước», «Ngày sửa»: Qt sizes them to English words
    columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the file's name takes what is left
    return dialog


class VietnameseFolder(QIdentityProxyModel):
    """A folder's files as the program writes them: Qt's model writes sizes and days in the system's locale
    (QLocale::system(), which the program's default locale does not reach: «1 bytes», «7 12 2026 05:16» on a
    PC set to English); here «1 byte», «120,6 kB» in the default locale (vi_VN) and the day dd/mm/yyyy."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or index.column() not in (SIZE_COLUMN, MODIFIED_COLUMN):
            return super().data(index, role)
        folder, entry = self.sourceModel(), self.mapToSource(index)
        if index.column() == MODIFIED_COLUMN:
            return folder.lastModified(entry).toString("dd/MM/yyyy HH:mm")
        if folder.isDir(entry):
            return super().data(index, role)  # a folder has no size
        return QLocale().formattedDataSize(folder.size(entry), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def forget_file_dialogs() -> None:
    """Removes what Qt's file dialogs keep in the user's Qt settings (the folders visited and typed, on Windows
    in the registry, on Linux in QtProject.conf): they name the people whose records were saved."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton) -> QMessageBox:
    """Qt's message box showing `text` as written: a name or a file name quoted in it is never taken for markup."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def text_dialog(parent: QWidget | None, title: str, text: str, echo: QLineEdit.EchoMode,
                initial: str = "") -> QInputDialog:
    """Qt's dialog asking a line under `text`, wrapped: Qt's own keeps the question on one line, and one naming
    a long file name ran off the screen with its buttons."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setTextEchoMode(echo)
    dialog.setTextValue(initial)
    label = dialog.findChild(QLabel)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    room = (parent or dialog).screen().availableGeometry().width() * 9 // 10
    box = dialog.findChild(QLineEdit)
    box.setMinimumWidth(min(TYPING_WIDTH, room))  # the dialog's own sizes to its layout
    if echo == QLineEdit.EchoMode.Password:
        dialog.adjustSize()  # Qt lays its dialog out only then: the warning needs the box's column
        CapsLockWatch(box)
    return dialog
