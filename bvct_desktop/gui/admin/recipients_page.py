"""Nơi nhận phiếu: the police units slips are sent to. A rename corrects the name in every slip
naming the unit, those sent years ago too (the officer is asked first when slips name it): a unit the
police reorganise is added anew and the old one set aside, never deleted, so old slips keep the
name they were sent to; another spelling of a unit is merged into the entry kept and listed beside
it («Tên khác đã gộp»). The page is the Designer form ui/admin_recipients.ui."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from ...core import gazetteer, recipients
from ...core.errors import BvctError
from ...core.numbers import grouped
from ..context import AppContext
from ..designer.ui_admin_recipients import Ui_RecipientsPage
from ..dialogs import YES
from ..live import names_of
from ..qt import QTableWidgetItem, QWidget
from ..registers.columns import fit_to_width, keep_fitted
from ..tooltips import typed_tip
from ..workers import BackgroundTask, failure_message, run_in_background

ACTIVE, INACTIVE = "Đang dùng", "Ngừng dùng"
MERGE_TITLE = "Gộp nơi nhận phiếu"
RENAME_TITLE = "Đổi tên nơi nhận phiếu"
NAMES = (0, 1)  # «Tên nơi nhận» and «Tên khác đã gộp»: the room the state leaves


class RecipientsPage(QWidget, Ui_RecipientsPage):
    def __init__(self, context: AppContext, may_edit: bool, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.entries: list[recipients.Recipient] = []
        self.merging: BackgroundTask | None = None
        keep_fitted(self.table, NAMES)  # an empty column of merged names keeps to its header
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.toggle_button.clicked.connect(self.toggle)
        self.merge_button.clicked.connect(self.merge)
        self.editing.setVisible(may_edit and not context.read_only)
        self.refresh()

    def refresh(self) -> None:
        self.entries = recipients.list_recipients(self.context.db, include_inactive=True)
        self.table.setRowCount(len(self.entries))
        today = self.context.clock().date()
        for row, entry in enumerate(self.entries):
            self.table.setItem(row, 0, _name_item(entry.name, today))
            self.table.setItem(row, 1, _aliases_item(entry.aliases))
            self.table.setItem(row, 2, QTableWidgetItem(ACTIVE if entry.active else INACTIVE))
        fit_to_width(self.table, NAMES)
        self._selected()

    def selected(self) -> recipients.Recipient | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selected(self) -> None:
        entry = self.selected()
        self.rename_button.setEnabled(entry is not None)
        self.toggle_button.setEnabled(entry is not None)
        self.merge_button.setEnabled(entry is not None and len(self.entries) > 1)
        if entry is not None:
            self.name.setText(entry.name)
            self.toggle_button.setText("Ngừng dùng" if entry.active else "Dùng lại")

    def _run(self, change: Callable[[], Any], done: str | Callable[[Any], str]) -> None:
        """Makes the change, then tells `done` (or what `done` says of the change's result) and refreshes."""
        try:
            result = change()
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self._changed(done(result) if callable(done) else done)

    def _changed(self, told: str) -> None:
        """Tells what changed, shows the list anew and lets the registers naming its units know."""
        self.message.show_message(told, error=False)
        self.refresh()
        for name in _told_when_changed():
            self.context.notifier.changed.emit(name)

    def add(self) -> None:
        name = self.name.text()
        self._run(lambda: recipients.add_recipient(self.context.db, name), f"Đã thêm «{name.strip()}».")

    def rename(self) -> None:
        entry, name = self.selected(), self.name.text()
        try:
            count = recipients.records_naming(self.context.db, entry.id)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        if count and self.context.dialogs.ask(self, RENAME_TITLE, _rename_question(entry.name, name, count)) != YES:
            return
        self._run(lambda: recipients.rename_recipient(self.context.db, entry.id, name),
                  f"Đã đổi tên «{entry.name}» thành «{name.strip()}».")

    def toggle(self) -> None:
        entry = self.selected()
        self._run(lambda: recipients.set_recipient_active(self.context.db, entry.id, not entry.active),
                  f"«{entry.name}»: {INACTIVE.lower() if entry.active else 'dùng lại'}.")

    def merge(self) -> None:
        duplicate = self.selected()
        kept = self._kept_for(duplicate)
        if kept is None:
            return
        try:
            count = recipients.records_naming(self.context.db, duplicate.id)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        question = (f"Gộp «{duplicate.name}» vào «{kept.name}»: {grouped(count)} phiếu đang ghi «{duplicate.name}» "
                    f"(kể cả phiếu trong thùng rác) sẽ chuyển sang «{kept.name}»; «{duplicate.name}» thành tên khác "
                    f"của «{kept.name}»: tệp Excel và biểu mẫu ghi «{duplicate.name}» về sau cũng vào «{kept.name}». "
                    "Văn bản đã phát hành giữ nguyên như khi phát hành. Tiếp tục?")
        if self.context.dialogs.ask(self, MERGE_TITLE, question) != YES:
            return
        db = self.context.db

        def merged(moved: int | None, error: BaseException | None) -> None:
            self.merging = None
            if error is not None:
                self.message.show_message(failure_message(error, "Không gộp được nơi nhận phiếu"))
            else:
                self._changed(f"Đã gộp «{duplicate.name}» vào «{kept.name}»: {grouped(moved)} phiếu đã chuyển sang.")

        # tens of thousands of slips moved, each audited, take seconds: not on the window's thread
        self.merging = run_in_background(self, f"Đang gộp «{duplicate.name}» vào «{kept.name}»…",
                                         lambda _progress: recipients.merge_recipient(db, duplicate.id, kept.id),
                                         merged)

    def _kept_for(self, duplicate: recipients.Recipient) -> recipients.Recipient | None:
        """The entry the officer keeps, picked among the others (those in use first); None: cancelled."""
        others = sorted((entry for entry in self.entries if entry.id != duplicate.id),
                        key=lambda entry: not entry.active)
        labels = {entry.name if entry.active else f"{entry.name} ({INACTIVE.lower()})": entry for entry in others}
        chosen = self.context.dialogs.choose(self, MERGE_TITLE, f"Gộp «{duplicate.name}» vào nơi nhận nào?",
                                             list(labels))
        return labels.get(chosen)


def _rename_question(old: str, new: str, count: int) -> str:
    return (f"{grouped(count)} phiếu đang ghi «{old}» (kể cả phiếu đã gửi từ trước và phiếu trong thùng rác) sẽ "
            f"ghi «{new.strip()}»: đổi tên là sửa tên cho đúng. Nếu đơn vị được tổ chức lại hoặc đổi tên từ một ngày, "
            f"hãy «Thêm mới» tên mới cho các phiếu về sau và «Ngừng dùng» tên cũ: phiếu cũ giữ tên đã gửi. "
            "Văn bản đã phát hành giữ nguyên như khi phát hành. Vẫn đổi tên?")


def _name_item(name: str, today: dt.date) -> QTableWidgetItem:
    """A unit's name, and from the merger day what the former province it names is part of now (as the home page
    tells it)."""
    shown = gazetteer.with_province_now(name, today)
    item = QTableWidgetItem(shown)
    if shown != name:
        item.setToolTip(f"Tỉnh đã hợp nhất từ {gazetteer.EFFECTIVE}: phiếu mới gửi cơ quan của "
                        f"{gazetteer.in_sentence(gazetteer.province_now(name))}. «{INACTIVE}» để biểu mẫu không gợi ý "
                        "đơn vị này nữa; phiếu cũ vẫn giữ nguyên.")
    return item


def _aliases_item(aliases: tuple[str, ...]) -> QTableWidgetItem:
    """The spellings merged into an entry, one after another (each on its own line in the tooltip)."""
    item = QTableWidgetItem("; ".join(aliases))
    item.setToolTip(typed_tip("\n".join(aliases)))
    return item


def _told_when_changed() -> list[str]:
    """What the notifier says after a change to the list: the list, and the registers showing its names
    (a rename, a merge)."""
    return names_of(frozenset({"recipients", *(column.table.name for column in recipients.naming_columns())}))
