"""Công văn đôn đốc from the dashboard's list of slips past their reply deadline: the recipient
(those with overdue slips, with how many), the letter's day, a draft or issued (CV number, in the
outgoing register), into the print preview or saved as Word — written on a worker, with a progress
dialog. The layout is the Designer form ui/reminder_dialog.ui."""

import datetime as dt
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from ..core import documents_data, outgoing
from ..core.errors import BvctError
from ..core.numbers import grouped
from ..core.permissions import Action, allows
from ..io.documents import reminder, render
from . import letter_making
from .context import AppContext
from .designer.ui_reminder_dialog import Ui_ReminderDialog
from .qt import QDialog, QWidget


class ReminderDialog(QDialog, Ui_ReminderDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, recipient: str | None = None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.preview = None
        self.task = None  # the letter being written on a worker
        self.on.set_day(context.clock().date())
        self.issue.setVisible(allows(context.db.actor.role, Action.REPORT_ISSUE) and not context.read_only)
        self.on.day_changed.connect(lambda _day: self._recipients(self.recipient.currentData()))
        self.recipient.currentIndexChanged.connect(lambda _index: self._tell_caution())
        self.on.refused.connect(self.message.show_message)
        self.print_button.clicked.connect(lambda: self.make(None))
        self.docx_button.clicked.connect(self.save_docx)
        self.close_button.clicked.connect(self.reject)
        self._recipients(recipient)

    def _recipients(self, chosen: str | None) -> None:
        try:
            _office, found = documents_data.gather(
                self.context.db, "lập công văn đôn đốc",
                lambda connection: documents_data.recipients_overdue(connection, self.chosen_day()))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.recipient.clear()
        for name, count in found:
            self.recipient.addItem(f"{name} ({grouped(count)} phiếu quá hạn)", name)
        self.recipient.setCurrentIndex(max(0, self.recipient.findData(chosen)))
        self.print_button.setEnabled(bool(found))
        self.docx_button.setEnabled(bool(found))
        if found:
            self._tell_caution()  # in place of what was said of another day
        else:
            self.message.show_message("Vào ngày này không có phiếu nào quá hạn trả lời.", error=False)

    def _tell_caution(self) -> None:
        """A letter to a unit named after a former province, dated since the merger: the officer is told."""
        recipient = self.recipient.currentData()
        caution = documents_data.reminder_caution(recipient, self.chosen_day()) if recipient else None
        if caution:
            self.message.show_hint(caution)
        else:
            self.message.clear()

    def chosen_day(self) -> dt.date:
        return self.on.day()

    def save_docx(self) -> None:
        recipient = self.recipient.currentData()
        if recipient is None or not self.on.take_typed():
            return
        chosen = letter_making.word_file(self, LETTER, recipient)
        if chosen is not None:
            self.make(chosen.target, chosen.password)

    def make(self, target: Path | None, password: str | None = None) -> None:
        """The letter into the preview (no target) or as a Word file (encrypted with `password` when given)."""
        recipient = self.recipient.currentData()
        if recipient is None or self.task is not None or not self.on.take_typed():
            return
        day = self.chosen_day()
        letter_making.make(self, LETTER, partial(documents_data.reminder_document, self.context.db, recipient, day),
                           target, password, self.issue.isChecked(), day)


def _told(issued: documents_data.Issue, data: Mapping[str, Any], saved: str) -> str:
    what = ("Dự thảo công văn (chưa có số)" if issued.number is None
            else f"Công văn số {issued.text}, đã ghi vào sổ văn bản đi")
    return (f"{what}: {grouped(len(data['slips']))} phiếu gửi «{data['recipient']}»"
            + (f", lưu ở {saved}." if saved else "."))


LETTER = letter_making.Letter(reminder.TITLE, outgoing.REMINDER, "cong van don doc", lambda data: data["recipient"],
                              render.reminder_writer, _told, documents_data.reminder_named)
