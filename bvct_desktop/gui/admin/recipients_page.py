"""Nơi nhận phiếu: the police units slips are sent to. Units are renamed when the police
reorganise (old slips keep pointing at the same entry) and set aside, never deleted. The page
is the Designer form ui/admin_recipients.ui."""

from ...core import recipients
from ...core.errors import BvctError
from ..context import AppContext
from ..designer.ui_admin_recipients import Ui_RecipientsPage
from ..qt import QHeaderView, QTableWidgetItem, QWidget

ACTIVE, INACTIVE = "Đang dùng", "Ngừng dùng"


class RecipientsPage(QWidget, Ui_RecipientsPage):
    def __init__(self, context: AppContext, may_edit: bool, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.entries: list[recipients.Recipient] = []
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.toggle_button.clicked.connect(self.toggle)
        self.editing.setVisible(may_edit and not context.read_only)
        self.refresh()

    def refresh(self) -> None:
        self.entries = recipients.list_recipients(self.context.db, include_inactive=True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            self.table.setItem(row, 0, QTableWidgetItem(entry.name))
            self.table.setItem(row, 1, QTableWidgetItem(ACTIVE if entry.active else INACTIVE))
        self._selected()

    def selected(self) -> recipients.Recipient | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selected(self) -> None:
        entry = self.selected()
        self.rename_button.setEnabled(entry is not None)
        self.toggle_button.setEnabled(entry is not None)
        if entry is not None:
            self.name.setText(entry.name)
            self.toggle_button.setText("Ngừng dùng" if entry.active else "Dùng lại")

    def _run(self, change, done: str) -> None:
        try:
            change()
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.message.show_message(done, error=False)
        self.refresh()
        self.context.notifier.changed.emit("recipients")

    def add(self) -> None:
        name = self.name.text()
        self._run(lambda: recipients.add_recipient(self.context.db, name), f"Đã thêm «{name.strip()}».")

    def rename(self) -> None:
        entry, name = self.selected(), self.name.text()
        self._run(lambda: recipients.rename_recipient(self.context.db, entry.id, name),
                  f"Đã đổi tên «{entry.name}» thành «{name.strip()}».")

    def toggle(self) -> None:
        entry = self.selected()
        self._run(lambda: recipients.set_recipient_active(self.context.db, entry.id, not entry.active),
                  f"«{entry.name}»: {INACTIVE.lower() if entry.active else 'dùng lại'}.")
