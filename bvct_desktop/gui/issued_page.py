"""Văn bản đã phát hành: the outgoing register (sổ đăng ký văn bản đi) — each issued document with
its number, date, term (nhiệm kỳ: numbers begin again at 01 with each term, so the current one is shown
first, as the office keeps its register), kind, trích yếu, signer, recipients, state and thời hạn bảo quản —
and any of them written again exactly as issued: into the print preview, or saved as PDF, Word or Excel
(each whole: a letter's workbook holds its text, then the list attached). A document is written on a worker,
with a progress dialog. The layout is the Designer form ui/issued_page.ui."""

import datetime as dt
from collections.abc import Callable

from ..core import documents_data, issued_terms, numbering, outgoing, text
from ..core.database import Database
from ..core.errors import BvctError
from ..core.numbers import grouped
from ..core.permissions import Action, allows
from ..io.documents import render
from . import export_password, print_again, reauth
from .context import AppContext
from .designer.ui_issued_page import Ui_IssuedPage
from .dialogs import FILE_FILTERS
from .flow_layout import reflow
from .outside_numbers_dialog import OutsideNumbersDialog
from .qt import QHeaderView, QTableWidgetItem, QWidget
from .registers.columns import fit_to_width, keep_fitted, wrap_cells
from .tooltips import typed_tip
from .workers import failure_message, run_in_background

ALL_YEARS = ALL_TERMS = "Tất cả"
TERM_COLUMN, STATUS_COLUMN, KEPT_COLUMN = 2, 7, 8  # nhiệm kỳ, tình trạng, thời hạn bảo quản
BY_TERM = "số văn bản đánh liên tục trong cả nhiệm kỳ, không đánh lại từ 01 mỗi năm"


class IssuedPage(QWidget, Ui_IssuedPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        reflow(self.action_row)  # at 150 % its six buttons are wider than the page: they go on to a second line
        self.context = context
        self.entries: list[outgoing.Issued] = []
        self.preview = None
        self.task = None  # a document being written on a worker
        keep_fitted(self.table)  # the long texts share the width left, each on as many lines as it needs
        wrap_cells(self.table)  # at 150 % a column gives way down to its longest word: all nine stay in view
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.year.currentIndexChanged.connect(lambda _index: self.refresh())
        self.term.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.print_selected())
        self.print_button.clicked.connect(self.print_selected)
        self.format_buttons = {"pdf": self.pdf_button, "docx": self.docx_button, "xlsx": self.xlsx_button}
        for fmt, button in self.format_buttons.items():
            button.clicked.connect(lambda _checked=False, fmt=fmt: self.save_selected(fmt))
        self.spoil_button.clicked.connect(self.spoil_selected)
        self.outside_button.clicked.connect(self.record_used_outside)
        for button in (self.spoil_button, self.outside_button):
            button.setVisible(allows(context.db.actor.role, Action.REPORT_ISSUE) and not context.read_only)
        context.notifier.changed.connect(self._changed)
        self._filters()
        self.refresh()

    def _filters(self) -> None:
        """The terms holding a document and the current one, latest first, the current one chosen on opening;
        the years holding a document, latest first."""
        try:
            found = issued_terms.listing(self.context.db)
        except BvctError:
            found = issued_terms.Listing([], [])
        current = [term for term in [found.on(self.context.clock().date())] if term is not None]
        terms = sorted({found.term_of(entry) for entry in found.entries} | set(current), key=lambda term: term.start,
                       reverse=True)
        _choices(self.term, ALL_TERMS, [(term.label, term.start.isoformat()) for term in terms],
                 current[0].start.isoformat() if current else None)
        years = sorted({entry.issued_on.year for entry in found.entries}, reverse=True)
        _choices(self.year, ALL_YEARS, [(str(year), year) for year in years])

    def refresh(self) -> None:
        """The register as the officer asks for it (opening the page, a term or a year chosen, F5): a view."""
        self._read(issued_terms.view_listing)

    def _read(self, reading: Callable[[Database, int | None, dt.date | None], issued_terms.Listing]) -> None:
        chosen = self.term.currentData()
        try:
            found = reading(self.context.db, self.year.currentData(), chosen and dt.date.fromisoformat(chosen))
        except BvctError as refused:
            self.message.show_message(refused.message)
            found = issued_terms.Listing([], [])
        self.entries = found.entries
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (entry.number_text, f"{entry.issued_on:%d/%m/%Y}", found.term_of(entry).label,
                     outgoing.KIND_LABELS.get(entry.kind, entry.kind), entry.subject, entry.signer, entry.recipients,
                     entry.status_label, entry.kept.label)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(typed_tip(value))
                self.table.setItem(row, column, item)
            self.table.item(row, KEPT_COLUMN).setToolTip(f"{entry.kept.term.kept_as}: {entry.kept.label}")
        fit_to_width(self.table)
        self.count_label.setText(self._counted())
        self._update_buttons()

    def _counted(self) -> str:
        """How many documents are listed; of one year, that their numbers run on through the term."""
        year = self.year.currentData()
        if self.entries:
            return f"{grouped(len(self.entries))} văn bản" + (f" ({BY_TERM})" if year is not None else "")
        asked = ([f"nhiệm kỳ {self.term.currentText()}"] if self.term.currentData() is not None else []) + (
            [f"năm {year}"] if year is not None else [])
        return f"Chưa có văn bản nào{' của ' + ' '.join(asked) if asked else ''}."

    def _changed(self, kind: str) -> None:
        if kind in ("outgoing", "*"):  # read again for the officer, who did not ask: no view
            self._filters()
            self._read(issued_terms.listing)

    def selected(self) -> outgoing.Issued | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        printable = entry is not None and entry.status not in numbering.NO_DOCUMENT
        self.print_button.setEnabled(printable)
        for fmt, button in self.format_buttons.items():
            button.setEnabled(printable and fmt in render.FORMATS.get(entry.kind, ()))
        self.spoil_button.setEnabled(entry is not None and outgoing.may_spoil(self.context.db, entry))

    def print_list(self) -> None:
        """Ctrl+P on this page: the selected document; with none selected, what to do."""
        if self.selected() is None:
            self.message.show_message(f"Chọn văn bản cần in lại trong danh sách, rồi bấm «{self.print_button.text()}» "
                                      "(Ctrl+P)." if self.entries else "Chưa có văn bản nào để in lại.")
            return
        self.print_selected()

    def print_selected(self) -> None:
        """The selected document, as issued, in the print preview."""
        entry = self.selected()
        if entry is not None:
            print_again.into_preview(self, self.context, self, entry)

    def save_selected(self, fmt: str) -> None:
        """The selected document, as issued, saved as `fmt`."""
        entry = self.selected()
        if entry is None or self.task is not None or not reauth.confirm(self.context, self, "lưu văn bản đã phát hành"):
            return
        title = print_again.title_of(entry)
        chosen = export_password.save_as(self.context.dialogs, self, "Lưu văn bản", text.file_name(title, suffix=fmt),
                                         FILE_FILTERS[fmt], f".{fmt}")
        if chosen is None:
            return

        def saved(reprinted: tuple[outgoing.Issued, str | None] | None, error: BaseException | None) -> None:
            self.task = None
            if error is not None:
                self.message.show_message(failure_message(error, "Không lưu được"))
                return
            note = reprinted[1]
            self.message.show_message(f"Đã lưu {title[:1].lower()}{title[1:]} (đúng như khi phát hành): "
                                      f"«{chosen.target}»{chosen.told}." + (f" {note}" if note else ""), error=False)
            if reprinted[0].status != entry.status:
                self.context.notifier.changed.emit("outgoing")

        def write(_progress) -> tuple[outgoing.Issued, str | None]:
            return documents_data.reprint(
                self.context.db, entry.number_text, entry.issued_on,
                lambda content: render.write_document(content, fmt, chosen.target, chosen.password), chosen.target,
                fmt, encrypted=chosen.password is not None)

        self.task = run_in_background(self, "Đang lưu văn bản…", write, saved)

    def spoil_selected(self) -> None:
        """The selected number marked «hỏng» with the reason told: one left «đang ghi» by an issue cut
        short, or (an administrator) one issued with a date after today (`outgoing.spoil`)."""
        entry = self.selected()
        if entry is None:
            return
        spoiled = numbering.STATUS_LABELS[numbering.SPOILED]
        if entry.status == numbering.ISSUED:
            told = (f"Số {entry.number_text} «{entry.status_label}» ghi ngày {entry.issued_on:%d/%m/%Y}, sau hôm nay "
                    f"({self.context.clock():%d/%m/%Y}): số lấy khi ngày giờ của máy tính bị sai, các văn bản tiếp "
                    f"theo không lấy được số. Số sẽ ghi là «{spoiled}»: không cấp lại, các văn bản tiếp theo lấy số "
                    "sau số ấy.")
        else:
            told = (f"Số {entry.number_text} «{entry.status_label}» sẽ ghi là «{spoiled}»: văn bản không phát hành, "
                    "số không cấp lại.")
        reason = self.context.dialogs.ask_text(self, "Đánh dấu hỏng số văn bản", f"{told} Lý do (ghi vào nhật ký):")
        if reason is None:
            return
        try:
            spoiled = outgoing.spoil(self.context.db, entry, reason)
        except BvctError as refused:
            self.message.show_message(refused.message)
            return
        self.message.show_message(f"Số {spoiled.number_text}: «{spoiled.status_label}».", error=False)
        self.context.notifier.changed.emit("outgoing")

    def record_used_outside(self) -> None:
        """Numbers used outside the program, recorded up to the last one in a small dialog
        (`outgoing.used_outside`): the next number the program gives follows it."""
        dialog = OutsideNumbersDialog(self.context.db, self.context.clock().date(), self)
        if dialog.exec() and dialog.recorded is not None:
            recorded = dialog.recorded
            self.message.show_message(f"Đã ghi: các số đến {recorded.number_text} «{recorded.status_label}»; số "
                                      "tiếp theo chương trình cấp sau số ấy.", error=False)
            self.context.notifier.changed.emit("outgoing")


def _choices(box, every: str, items: list[tuple[str, object]], first: object = None) -> None:
    """`box` offering `every` (no filter) then `items` (text, data), keeping the officer's choice, else `first`."""
    box.blockSignals(True)
    chosen = box.currentData() if box.count() else first
    box.clear()
    box.addItem(every, None)
    for shown, data in items:
        box.addItem(shown, data)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    box.blockSignals(False)
