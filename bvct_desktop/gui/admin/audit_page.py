"""Nhật ký: the audit trail with filters (days, user), its integrity check and an xlsx export.
The page is the Designer form ui/admin_audit.ui."""

import datetime as dt

from ...core import audit, audit_words
from ...core.errors import BvctError
from ...core.numbers import grouped
from ...core.permissions import Action, allows
from ...core.text import file_name
from ...io.audit_xlsx import write_audit
from .. import export_password, reauth
from ..context import AppContext
from ..designer.ui_admin_audit import Ui_AuditPage
from ..dialogs import FILE_FILTERS
from ..look import wait_cursor
from ..qt import QAbstractTableModel, QColor, QDate, QHeaderView, QModelIndex, Qt, QWidget
from ..workers import wait_for

ROOT = QModelIndex()  # the invisible root of a flat table
DEFAULT_DAYS = 30


class AuditModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[audit.Entry] = []

    def set_entries(self, entries: list[audit.Entry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(audit.LIST_HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return audit_words.cells(entry)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and entry.outcome != audit.OK:
            return QColor("#b00020")
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return audit.LIST_HEADERS[section]
        return None


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditPage(QWidget, Ui_AuditPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        today = context.clock().date()
        self.start.setDate(qdate(today - dt.timedelta(days=DEFAULT_DAYS)))
        self.end.setDate(qdate(today))
        self.show_button.clicked.connect(self.refresh)
        self.user.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(allows(context.db.actor.role, Action.EXPORT))
        self.model = AuditModel(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.refresh()

    def filters(self) -> tuple[dt.date, dt.date, str | None]:
        return self.start.date().toPython(), self.end.date().toPython(), self.user.text().strip() or None

    def refresh(self) -> None:
        filters = self.filters()
        with wait_cursor():
            self.model.set_entries(wait_for(lambda: list(audit.view_entries(self.context.db, *filters))))
        self.view.scrollToBottom()
        self.count.setText(f"{grouped(len(self.model.entries))} mục")

    def verify(self) -> None:
        with wait_cursor():
            verdict = wait_for(lambda: audit.verify(self.context.db))  # the whole chain: seconds on a big trail
        if verdict.ok:
            self.message.show_message(f"Nhật ký toàn vẹn: {grouped(verdict.count)} mục đều đúng.",
                                      error=False)
        else:
            self.message.show_message(verdict.problem)
        self.refresh()  # the check itself is now in the trail

    def export(self) -> None:
        start, end, user = self.filters()
        if not reauth.confirm(self.context, self, "xuất nhật ký"):
            return
        chosen = export_password.save_as(self.context.dialogs, self, "Xuất nhật ký ra Excel",
                                         file_name("Nhật ký", start, "đến", end, suffix="xlsx"),
                                         FILE_FILTERS["xlsx"], ".xlsx")
        if chosen is None:
            return
        try:
            with wait_cursor():
                count = wait_for(lambda: audit.export(
                    self.context.db, chosen.target,
                    lambda entries: write_audit(entries, chosen.target, chosen.password), start, end, user,
                    encrypted=chosen.password is not None))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.message.show_message(f"Đã xuất {count} mục nhật ký ra «{chosen.target}»{chosen.told}.", error=False)
