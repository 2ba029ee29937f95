"""«Tệp đính kèm» of one record: its attachments listed, with «Thêm tệp…», «Xem», «Lưu bản sao…» and «Xóa»,
each through the services (core/attachments.py), which check the role and write the trail. A slip's form, a
private trip's entry of the person file and a vetting case's window show it."""

from ..core import attachments, recycle_bin
from ..core.attachments import KIND, MAX_MB, Attachment, size_text
from ..core.errors import BvctError
from ..core.permissions import Action, allows
from .attachment_view import AttachmentView
from .context import AppContext
from .dialogs import YES
from .look import ErrorLabel, read_only, styled, wait_cursor
from .qt import (
    QAbstractItemView,
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

HEADERS = ("Tên tệp", "Loại", "Dung lượng", "Ngày thêm", "Người thêm", "Ghi chú")
NAME_COLUMN = 0
OPEN_FILTER = "Tệp đính kèm (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx);;Mọi tệp (*)"
HINT = (f"PDF, ảnh JPEG, PNG (xem được trong chương trình), Word, Excel; tối đa {MAX_MB} MB một tệp. "
        "Tệp được giữ mã hóa trong cơ sở dữ liệu.")
ROWS_SHOWN = 4  # the table's height, in rows, before it scrolls


class AttachmentsPanel(QWidget):
    """The attachments of the record `record_id` of `record_kind` (a kind of attachments.OWNERS)."""

    def __init__(self, context: AppContext, record_kind: str, record_id: int, parent: QWidget | None = None,
                 titled: bool = True):
        super().__init__(parent)
        self.context, self.record_kind, self.record_id = context, record_kind, record_id
        role = context.db.actor.role
        self.editable = not context.read_only and allows(role, Action.EDIT)
        self.views: list[AttachmentView] = []
        self.listed: list[Attachment] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if titled:  # in a tab of its own, the tab names it
            layout.addWidget(QLabel("<b>Tệp đính kèm</b>"))
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        read_only(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long name keeps its end: «… bản 2.pdf»
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + ROWS_SHOWN * self.table.verticalHeader().defaultSectionSize() + 4)
        keep_fitted(self.table, growing=(NAME_COLUMN,))
        layout.addWidget(self.table, 1)
        hint = styled(QLabel(HINT), "hint")
        hint.setWordWrap(True)  # the window narrows to half an office screen
        layout.addWidget(hint)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = self._button(row, "Thêm tệp…", self.add, self.editable)
        self.view_button = self._button(row, "Xem", self.view, True)
        self.save_button = self._button(row, "Lưu bản sao…", self.save_copy, allows(role, Action.EXPORT))
        self.delete_button = self._button(row, "Xóa", self.delete, self.editable)
        row.addStretch(1)
        layout.addLayout(row)
        self.table.doubleClicked.connect(lambda _index: self.view())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        context.notifier.changed.connect(self._changed)
        self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot, allowed: bool) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _=False: slot())
        button.setVisible(allowed)
        row.addWidget(button)
        return button

    def _changed(self, kind: str) -> None:
        if kind in (KIND, "*") and not self.context.db.closed:
            self.reload()

    def reload(self) -> None:
        self.listed = attachments.attachments_of(self.context.db, self.record_kind, self.record_id)
        self.table.setRowCount(len(self.listed))
        for row, found in enumerate(self.listed):
            cells = (found.file_name, found.type.title, size_text(found.size), f"{found.created_at:%d/%m/%Y}",
                     found.updated_by or "", found.note or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column != NAME_COLUMN else f"{text}\nSHA-256: {found.sha256}")
                self.table.setItem(row, column, item)
        fit_to_width(self.table, growing=(NAME_COLUMN,))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        for button in (self.view_button, self.save_button, self.delete_button):
            button.setEnabled(chosen)

    def selected(self) -> Attachment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.listed[rows[0].row()] if rows else None

    def add(self) -> int | None:
        """«Thêm tệp…»: the file chosen kept with the record; its id (None: cancelled or refused, said why)."""
        chosen = self.context.dialogs.open_file(self, "Thêm tệp đính kèm", OPEN_FILTER)
        if chosen is None:
            return None
        added = self._run(lambda: attachments.attach(self.context.db, self.record_kind, self.record_id, chosen))
        if added is not None:
            self.context.notifier.changed.emit(KIND)
        return added

    def view(self) -> AttachmentView | None:
        """«Xem»: the selected attachment in a window of its own, from memory."""
        found = self.selected()
        if found is None:
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
        chosen = self.context.dialogs.save_file(self, "Lưu bản sao tệp đính kèm", found.file_name,
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
                self, "Xóa tệp đính kèm", f"Chuyển tệp «{found.file_name}» vào thùng rác?") != YES:
            return False
        if self._run(lambda: recycle_bin.delete(self.context.db, KIND, found.id)) is None:
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
