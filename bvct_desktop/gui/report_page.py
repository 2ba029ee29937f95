"""Báo cáo: the periodic report's figures for a chosen period (6 tháng, 9 tháng, năm or any
dates), with the breakdowns, and the report as PDF, Excel or Word (a draft, or issued with
the next number) written off the GUI thread by the documents services. The layout is the
Designer form ui/report_page.ui; the breakdown tables follow the core's list of breakdowns."""

import datetime as dt
from pathlib import Path

from ..core import documents_data, report
from ..core.dates import display_date
from ..core.errors import BvctError
from ..core.numbers import grouped
from ..core.overview import BREAKDOWN_LABELS, FIGURE_LABELS
from ..core.periods import REPORT_PERIODS, period_dates
from ..core.permissions import Action, allows
from ..core.text import file_name
from ..io.documents import profile, render
from ..io.documents.report_content import subject
from . import reauth
from .context import AppContext
from .designer.ui_report_page import Ui_ReportPage
from .look import wait_cursor
from .qt import QAbstractItemView, QDate, QHeaderView, Qt, QTableWidget, QTableWidgetItem, QWidget
from .workers import run_in_background

# format → file filter (the form's button for it is `<format>_button`)
FORMATS = {"pdf": "Tệp PDF (*.pdf)", "xlsx": "Sổ tính Excel (*.xlsx)", "docx": "Văn bản Word (*.docx)"}


def figures_table(widget: QTableWidget) -> QTableWidget:
    """A label and its count per row: read-only, whole rows selected, the label column stretched."""
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    widget.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    widget.verticalHeader().setDefaultSectionSize(widget.fontMetrics().height() + 8)
    return widget


def fill(widget: QTableWidget, rows: list[tuple[str, int]]) -> None:
    widget.setRowCount(len(rows))
    for row, (label, value) in enumerate(rows):
        widget.setItem(row, 0, QTableWidgetItem(label))
        count = QTableWidgetItem(grouped(value))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widget.setItem(row, 1, count)


class ReportPage(QWidget, Ui_ReportPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.figures: dict | None = None
        self.task = None
        for name, _month in REPORT_PERIODS:
            self.period.addItem(name)
        self.year.setValue(context.clock().date().year)
        self.run_button.clicked.connect(self.refresh)
        self.start.dateChanged.connect(self.end.setMinimumDate)  # a period never ends before it starts
        self.period.currentIndexChanged.connect(self._preset)
        self.year.valueChanged.connect(self._preset)

        figures_table(self.main_table)
        rows_height = len(FIGURE_LABELS) * self.main_table.verticalHeader().defaultSectionSize()
        self.main_table.setMinimumHeight(rows_height + self.main_table.horizontalHeader().sizeHint().height() + 4)
        count_header = self.main_table.horizontalHeaderItem(1).text()
        self.breakdowns: dict[str, QTableWidget] = {}
        for i, (key, label) in enumerate(BREAKDOWN_LABELS.items()):
            self.breakdowns[key] = figures_table(QTableWidget(0, 2))
            self.breakdowns[key].setHorizontalHeaderLabels([label, count_header])
            self.details_grid.addWidget(self.breakdowns[key], i // 2, i % 2)

        role = context.db.actor.role
        self.issue.setVisible(allows(role, Action.REPORT_ISSUE) and not context.read_only)
        self.export_buttons = {fmt: getattr(self, f"{fmt}_button") for fmt in FORMATS}
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, fmt=fmt: self.export(fmt))
            button.setVisible(allows(role, Action.EXPORT))
        self._preset()

    def _preset(self) -> None:
        last_month = REPORT_PERIODS[self.period.currentIndex()][1]
        custom = last_month is None
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        self.year.setEnabled(not custom)
        if not custom:
            start, end = period_dates(self.year.value(), last_month)
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.end.setDate(QDate(end.year, end.month, end.day))

    def chosen_period(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def refresh(self) -> None:
        start, end = self.chosen_period()
        try:
            with wait_cursor():
                self.figures = report.figures(self.context.db, start, end)
        except BvctError as refused:
            self.error.show_message(refused.message)
            return
        self.error.clear()
        self.summary.setText(f"Kỳ báo cáo: từ {display_date(start)} đến {display_date(end)}.")
        fill(self.main_table, [(label, self.figures[key]) for key, label in FIGURE_LABELS.items()])
        for key, widget in self.breakdowns.items():
            fill(widget, list(self.figures[key].items()))

    def export_excel(self) -> None:
        """Ctrl+E on this page."""
        self.export("xlsx")

    def export(self, fmt: str) -> None:
        start, end = self.chosen_period()
        filter_text = FORMATS[fmt]
        if not reauth.confirm(self.context, self, "xuất báo cáo"):
            return
        suggested = file_name("Báo cáo", start, "đến", end, suffix=fmt)
        chosen = self.context.dialogs.save_file(self, "Lưu báo cáo", suggested, filter_text)
        if not chosen:
            return
        target = Path(chosen) if Path(chosen).suffix.lower() == f".{fmt}" else Path(f"{chosen}.{fmt}")
        writer = render.report_writer(fmt, target, render.Options(profile.load()))
        db, issue = self.context.db, self.issue.isChecked()

        def done(issued, error) -> None:
            self.task = None
            if isinstance(error, BvctError):
                self.error.show_message(error.message)
                return
            if error is not None:
                raise error
            what = ("dự thảo báo cáo (chưa có số)" if issued.number is None
                    else f"báo cáo số {issued.number:02d} ngày {issued.on:%d/%m/%Y}")
            self.error.show_message(f"Đã lập {what}: «{target}».", error=False)

        self.task = run_in_background(self, "Đang lập báo cáo…", lambda progress: documents_data.report_document(
            db, start, end, target, subject(start, end), writer, issue=issue), done)
