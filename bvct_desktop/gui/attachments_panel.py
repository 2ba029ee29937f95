"""«Tệp đính kèm» of one record: its attachments listed, with «Thêm tệp…», «Xem», «Ghi chú…», «Lưu bản sao…» and
«Xóa»; «Thùng rác» lists those deleted, to «Khôi phục» one. Each goes through the services (core/attachments.py,
core/recycle_bin.py), which check the role and write the trail. The forms of a slip, a complaint and an archive
request, a private trip's entry of the person file and a vetting case's window show it."""

from pathlib import Path

from ..core import attachments, recycle_bin
from ..core.attachments import KIND, MAX_MB, Attachment, attached_on, copy_name, misnamed, size_text
from ..core.errors import BvctError
from ..core.permissions import Action, allows
from .accessible import named
from .attachment_view import AttachmentView
from .context import AppContext
from .dialogs import YES
from .look import ErrorLabel, giving_way, read_only, styled, wait_cursor
from .qt import (
    QAbstractItemView,
    QCheckBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from .registers.columns import fit_to_width, keep_fitted
from .registers.table import EnterActivates
from .tooltips import typed_tip

TITLE = "Tệp đính kèm"  # the panel's, its tab's and its list's as a screen reader reads it
HEADERS = ("Tên tệp", "Loại", "Dung lượng", "Ngày thêm", "Người thêm", "Ghi chú")
BINNED_HEADERS = ("Tên tệp", "Loại", "Dung lượng", "Ngày xóa", "Người xóa", "Ghi chú")  # «Thùng rác» ticked
NAME_COLUMN = 0
OPEN_FILTER = "Tệp đính kèm (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx);;Mọi tệp (*)"
HINT = (f"PDF, ảnh JPEG, PNG (xem được trong chương trình), Word, Excel; tối đa {MAX_MB} MB một tệp. "
        "Tệp được giữ mã hóa trong cơ sở dữ liệu.")
ROWS_SHOWN = 4  # the table's height, in rows, before it scrolls (among a form's fields)
NOTE_ASKED = ("Ghi chú cho tệp «{}» (không bắt buộc): tệp là gì, ví dụ «Công văn trả lời số 123/PV27», "
              "«Bản cam kết Phụ lục II».")


class AttachmentsPanel(QWidget):
    """The attachments of the record `record_id` of `record_kind` (a kind of attachments.OWNERS)."""

    def __init__(self, context: AppContext, record_kind: str, record_id: int, parent: QWidget | None = None,
                 titled: bool = True):
        super().__init__(parent)
        self.context, self.record_kind, self.record_id = context, record_kind, record_id
        role = context.db.actor.role
        self.editable = not context.read_only and allows(role, Action.EDIT)
        self.exporting = allows(role, Action.EXPORT)
        self.views: list[AttachmentView] = []
        self.listed: list[Attachment] = []
        layout = QVBoxLayout(self)
        if titled:  # within a form's fields; in a tab of its own, the tab names it and the margins keep off its frame
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(QLabel(f"<b>{TITLE}</b>"))
        self.table = named(QTableWidget(0, len(HEADERS)), TITLE)
        self.table.setHorizontalHeaderLabels(HEADERS)
        read_only(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(False)  # else Qt wraps a long name onto a line the row has no room for, cut at its end
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its end: «… bản 2.pdf»
        self.table.verticalHeader().hide()
        if titled:
            self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                        + ROWS_SHOWN * self.table.verticalHeader().defaultSectionSize() + 4)
        else:  # its tab's room, a few lines at least: the tab gives way to the rest of its window
            giving_way(self.table)
        keep_fitted(self.table, growing=(NAME_COLUMN,))
        layout.addWidget(self.table, 1)
        hint = styled(QLabel(HINT), "hint")
        hint.setWordWrap(True)  # the window narrows to half an office screen
        layout.addWidget(hint)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = self._button(row, "Thêm tệp…", self.add)
        self.view_button = self._button(row, "Xem", self.view)
        self.note_button = self._button(row, "Ghi chú…", self.correct_note)
        self.save_button = self._button(row, "Lưu bản sao…", self.save_copy)
        self.delete_button = self._button(row, "Xóa", self.delete)
        row.addStretch(1)
        self.bin_switch = QCheckBox("Thùng rác")
        self.bin_switch.setToolTip("Xem các tệp đã xóa của hồ sơ này để khôi phục")
        self.bin_switch.toggled.connect(lambda _on: self.reload())
        row.addWidget(self.bin_switch)
        self.restore_button = self._button(row, "Khôi phục", self.restore)
        layout.addLayout(row)
        EnterActivates(self.table)
        self.table.activated.connect(self._view_row)  # Enter, double-click
        self.table.installEventFilter(self)  # the Delete key deletes, as on a register's rows
        self.table.itemSelectionChanged.connect(self._update_buttons)
        context.notifier.changed.connect(self._changed)
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        row.addWidget(button)
        return button

    def _changed(self, kind: str) -> None:
        if kind in (KIND, "*") and not self.context.db.closed:
            self.reload()

    def binned(self) -> bool:
        """Whether the list shows the record's attachments in the recycle bin."""
        return self.bin_switch.isChecked()

    def reload(self) -> None:
        binned = self.binned()
        self.listed = attachments.attachments_of(self.context.db, self.record_kind, self.record_id, binned)
        self.table.setHorizontalHeaderLabels(BINNED_HEADERS if binned else HEADERS)
        self.table.setRowCount(len(self.listed))
        for row, found in enumerate(self.listed):
            cells = (found.file_name, found.type.title, size_text(found.size),
                     f"{found.deleted_at if binned else found.created_at:%d/%m/%Y}",
                     (found.updated_by if binned else found.created_by) or "",
                     found.note or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(typed_tip(text if column != NAME_COLUMN else f"{text}\nSHA-256: {found.sha256}"))
                self.table.setItem(row, column, item)
        fit_to_width(self.table, growing=(NAME_COLUMN,))
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Each button shown while the role allows it in the list shown, and usable once a file is chosen."""
        binned, chosen = self.binned(), self.selected() is not None
        listed, editing = not binned, self.editable
        for button, shown in ((self.add_button, listed and editing), (self.view_button, listed),
                              (self.note_button, listed and editing), (self.save_button, listed and self.exporting),
                              (self.delete_button, listed and editing), (self.restore_button, binned and editing)):
            button.setVisible(shown)
            button.setEnabled(chosen or button is self.add_button)

    def selected(self) -> Attachment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.listed[rows[0].row()] if rows else None

    def add(self) -> int | None:
        """«Thêm tệp…»: the file chosen, and the note the officer writes about it, kept with the record; its id
        (None: cancelled or refused, said why). A file the record keeps already is added again only when
        the officer says so."""
        chosen = self.context.dialogs.open_file(self, "Thêm tệp đính kèm", OPEN_FILTER)
        if chosen is None:
            return None
        path = Path(chosen)
        checked = self._run(lambda: [attachments.attached_already(self.context.db, self.record_kind,
                                                                  self.record_id, path)])  # [None]: not kept yet
        if checked is None:
            return None
        [earlier] = checked
        if earlier is not None and self.context.dialogs.ask(
                self, "Tệp đã đính kèm", f"{attached_on(earlier)}: vẫn thêm «{path.name}»?") != YES:
            return None
        note = self.context.dialogs.edit_text(self, "Thêm tệp đính kèm", NOTE_ASKED.format(path.name))
        if note is None:
            return None
        added = self._run(lambda: attachments.attach(self.context.db, self.record_kind, self.record_id, path, note,
                                                     again=earlier is not None))
        if added is not None:
            self.context.notifier.changed.emit(KIND)
            self._tell_if_misnamed(next(found for found in self.listed if found.id == added))
        return added

    def _tell_if_misnamed(self, found: Attachment) -> None:
        """A file whose name's ending says another type (a Word file named «….pdf») is told what it is kept as."""
        if not misnamed(found):
            return
        title = found.type.title if found.type.title.isupper() else found.type.title[0].lower() + found.type.title[1:]
        ending = Path(found.file_name).suffix
        named = f"dù tên có đuôi {ending}" if ending else "dù tên không có đuôi"
        self.message.show_hint(f"Tệp «{found.file_name}» là {title} {named}: được giữ là {title}, bản sao lưu ra "
                               f"có đuôi {found.type.suffix}.")

    def _view_row(self, index) -> None:
        """The file on the row Enter or a double-click activated, which the keyboard may not have selected."""
        self.table.selectRow(index.row())
        self.view()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """The Delete key on the list: «Xóa» on its current row, while «Xóa» is offered."""
        if watched is not self.table or event.type() != QEvent.Type.KeyPress or event.key() != Qt.Key.Key_Delete:
            return super().eventFilter(watched, event)
        if self.delete_button.isVisibleTo(self) and self.table.currentIndex().isValid():
            self.table.selectRow(self.table.currentIndex().row())
            self.delete()
        return True

    def correct_note(self) -> bool:
        """«Ghi chú…»: the selected attachment's note, corrected or written."""
        found = self.selected()
        if found is None:
            return False
        note = self.context.dialogs.edit_text(self, "Ghi chú tệp đính kèm", NOTE_ASKED.format(found.file_name),
                                              found.note or "")
        if note is None or not self._run(lambda: attachments.set_note(self.context.db, found.id, note)):
            return False
        self.context.notifier.changed.emit(KIND)
        return True

    def view(self) -> AttachmentView | None:
        """«Xem»: the selected attachment in a window of its own, from memory."""
        found = self.selected()
        if found is None or self.binned():  # a deleted one is restored before it is looked at
            return None
        read = self._run(lambda: attachments.view(self.context.db, found.id))
        if read is None:
            return None
        window = AttachmentView(*read, parent=self)
        window.finished.connect(lambda _result: self.views.remove(window))
        self.views.append(window)
        window.show()
        return window

    def save_copy(self) -> bool:
        """«Lưu bản sao…»: the selected attachment written to a file the officer names."""
        found = self.selected()
        if found is None:
            return False
        chosen = self.context.dialogs.save_file(self, "Lưu bản sao tệp đính kèm", copy_name(found),
                                                f"{found.type.title} (*{found.type.suffix});;Mọi tệp (*)")
        if chosen is None:
            return False
        if self._run(lambda: attachments.save_copy(self.context.db, found.id, chosen)) is None:
            return False
        self.context.dialogs.inform(self, "Đã lưu bản sao", f"Đã lưu bản sao «{found.file_name}» vào:\n{chosen}")
        return True

    def delete(self) -> bool:
        """«Xóa»: the selected attachment to the recycle bin, once confirmed."""
        found = self.selected()
        if found is None or self.context.dialogs.ask(
                self, "Xóa tệp đính kèm", f"Xóa tệp «{found.file_name}»? Tệp vào thùng rác, lấy lại được: đánh dấu "
                "«Thùng rác» dưới danh sách, chọn tệp rồi «Khôi phục».") != YES:
            return False
        return self._binned(recycle_bin.delete, found)

    def restore(self) -> bool:
        """«Khôi phục»: the selected attachment out of the recycle bin, back in the record's list."""
        found = self.selected()
        if found is None or not self._binned(recycle_bin.restore, found):
            return False
        self.bin_switch.setChecked(False)
        return True

    def _binned(self, action, found: Attachment) -> bool:
        if self._run(lambda: action(self.context.db, KIND, found.id)) is None:
            return False
        self.context.notifier.changed.emit(KIND)
        return True

    def _run(self, action):
        """What `action` returns, or None with its refusal said under the list."""
        self.message.clear()
        try:
            with wait_cursor():
                return action()
        except BvctError as error:
            self.message.show_message(error.message)
            return None
