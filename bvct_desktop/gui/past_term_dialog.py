"""«Hồ sơ, tài liệu hết thời hạn bảo quản» (menu Hồ sơ): the vetting dossiers and the issued documents
past their term today, with the schedule they are kept by, for the chief of office to put before the
council that decides on destruction — on screen (a dossier opens in its case window), and exported to
Excel for the council. The window only lists: it deletes nothing."""

import datetime as dt
from typing import Any

from ..core import issued_terms, retention
from ..core.dates import display_date
from ..core.errors import BvctError
from ..core.numbers import grouped
from ..core.past_term import TITLE, PastTerm, Section, export, past_term, sections
from ..core.text import file_name
from ..io.past_term_xlsx import write_past_term
from . import export_password, reauth
from .accessible import named
from .context import AppContext
from .dialogs import FILE_FILTERS
from .forms.case_form import CaseForm
from .forms.window import shown
from .look import ErrorLabel, button_row, fill_screen, heading, read_only, wait_cursor
from .qt import QDialog, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget
from .registers.columns import fit_to_width, keep_fitted, wrap_cells
from .registers.table import EnterActivates
from .tooltips import typed_tip
from .workers import wait_for

EXPORT_LABEL = "Xuất Excel…"


def schedule_text() -> str:
    """The schedule as the window states it, from the one declaration in core/retention.py."""
    items = "; ".join(f"{term.kept_as}: {term.label.lower()}" for term in retention.SCHEDULE)
    return (f"Thời hạn bảo quản theo Thông tư 10/2022/TT-BNV — {items}; tính từ năm kết thúc công việc (năm kết "
            "luận hồ sơ, năm phát hành văn bản) đến hết năm hết hạn.")


class PastTermDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(TITLE)
        today = context.clock().date()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(TITLE, f"Đến ngày {display_date(today)}. {schedule_text()}"))
        never = QLabel(f"<b>{retention.NEVER_DESTROYED}</b>")
        never.setWordWrap(True)
        layout.addWidget(never)
        self.message = ErrorLabel()
        try:
            self.found = past_term(context.db, today)
        except BvctError as refused:
            self.message.show_message(refused.message)
            self.found = PastTerm(today, [], issued_terms.Listing([], []))
        self.dossiers, self.documents = (self._section(layout, part) for part in sections(self.found))
        self.case_forms: list[CaseForm] = []
        if self.found.dossiers:  # double-click or Enter: the dossier's case window, to review it
            EnterActivates(self.dossiers)
            self.dossiers.activated.connect(lambda index: self.open_case(self.found.dossiers[index.row()].case_id))
        layout.addWidget(self.message)
        self.export_button = QPushButton(EXPORT_LABEL)
        self.export_button.setToolTip("Ghi danh sách ra tệp Excel để trình Hội đồng xác định giá trị tài liệu")
        self.export_button.setEnabled(bool(self.found.dossiers or self.found.documents.entries))
        self.export_button.clicked.connect(self.export)
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        layout.addLayout(button_row(close, left=[self.export_button]))
        fill_screen(self)

    def _section(self, layout: QVBoxLayout, part: Section) -> QLabel | QTableWidget:
        """The part's title with its count, then its rows as a table, or a line saying there are none."""
        if not part.rows:
            none = QLabel(f"<b>{part.title}</b>: không có {part.title[0].lower()}{part.title[1:]} nào hết thời hạn "
                          "bảo quản.")
            layout.addWidget(none)
            return none
        layout.addWidget(QLabel(f"<b>{part.title}</b> — {grouped(len(part.rows))} hết thời hạn bảo quản"))
        table = named(QTableWidget(len(part.rows), len(part.headers)), part.title)
        table.setHorizontalHeaderLabels(list(part.headers))
        read_only(table)
        table.verticalHeader().hide()
        keep_fitted(table)
        wrap_cells(table)
        for r, row in enumerate(part.rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(_shown(value))
                item.setToolTip(typed_tip(_shown(value)))
                table.setItem(r, c, item)
        fit_to_width(table)
        layout.addWidget(table)
        return table

    def open_case(self, case_id: int) -> CaseForm:
        return shown(CaseForm(self.context, record_id=case_id, parent=self), self.case_forms)

    def export(self) -> None:
        """«Xuất Excel…»: the list shown, to a workbook the officer names (encrypted if they wish)."""
        if not reauth.confirm(self.context, self, "xuất danh sách hết thời hạn bảo quản"):
            return
        chosen = export_password.save_as(self.context.dialogs, self, "Xuất danh sách ra Excel",
                                         file_name(TITLE, "đến", self.found.on, suffix="xlsx"),
                                         FILE_FILTERS["xlsx"], ".xlsx")
        if chosen is None:
            return
        try:
            with wait_cursor():
                wait_for(lambda: export(self.context.db, chosen.target,
                                        lambda found: write_past_term(found, chosen.target, chosen.password),
                                        self.found, encrypted=chosen.password is not None))
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.message.show_message(f"Đã xuất danh sách ra «{chosen.target}»{chosen.told}.", error=False)


def _shown(value: Any) -> str:
    return display_date(value) if isinstance(value, dt.date) else value
