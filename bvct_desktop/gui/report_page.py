"""Báo cáo: the periodic report's figures for a chosen period (a quarter, 6 tháng, 9 tháng đầu năm, năm or
any dates), with the breakdowns; the parts the officer writes (Ưu điểm; Hạn chế, khuyết điểm;
Phương hướng, nhiệm vụ), kept per period as they are typed; and the report printed directly
(the print preview) or written as PDF, Excel or Word — a draft, or issued with the next number
and recorded in the outgoing register — off the GUI thread by the documents services. The
layout is the Designer form ui/report_page.ui; the breakdown tables follow the core's list."""

import datetime as dt
import html
from collections.abc import Collection
from pathlib import Path

from ..core import documents_data, outgoing, report, report_notes, settings
from ..core.dates import display_date
from ..core.errors import BvctError, InputError
from ..core.numbers import grouped
from ..core.overview import BREAKDOWN_LABELS, REPORT_LABELS
from ..core.periods import Period, ReportingYear, describe, report_just_ended, report_periods
from ..core.permissions import Action, allows
from ..core.row_versions import ChangedMeanwhile
from ..core.text import capitalised, file_name
from ..io.documents import profile, render
from ..io.documents.report_content import period_name, subject
from . import allowed, export_password, live, printing, reauth, unsigned
from .accessible import named
from .context import BACKUPS, AppContext
from .date_box import period_taken, tell_reversed
from .designer.ui_report_page import Ui_ReportPage
from .dialogs import FILE_FILTERS, YES
from .flow_layout import reflow
from .look import colour, giving_way, read_only, wait_cursor
from .qt import QAbstractItemView, QHeaderView, Qt, QTableWidget, QTableWidgetItem, QTimer, QWidget
from .workers import run_in_background, wait_for

NOTES_DELAY_MS = 1000  # the officer's parts are kept this long after typing stops
NOT_COUNTED = {live.REPORT_NOTES, "outgoing", BACKUPS}  # what the notifier names that no figure counts
# format → file filter (the form's button for it is `<format>_button`)


def figures_table(widget: QTableWidget) -> QTableWidget:
    """A label and its count per row: read-only, whole rows selected, the label column stretched."""
    widget.verticalHeader().hide()
    read_only(widget)
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    widget.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    widget.verticalHeader().setDefaultSectionSize(widget.fontMetrics().height() + 8)
    return widget


def fill(widget: QTableWidget, rows: list[tuple[str, int]]) -> None:
    """The rows, each label also its tooltip: a recipient too long for the column is read whole there.
    The table is as tall as its rows: the figures scroll, no row is hidden below the table's own edge."""
    show_rows(widget, len(rows))
    widget.setRowCount(len(rows))
    for row, (label, value) in enumerate(rows):
        name = QTableWidgetItem(label)
        name.setToolTip(label)
        widget.setItem(row, 0, name)
        count = QTableWidgetItem(grouped(value))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widget.setItem(row, 1, count)


def show_rows(widget: QTableWidget, count: int) -> None:
    """At least tall enough for `count` rows under the header."""
    rows_height = count * widget.verticalHeader().defaultSectionSize()
    widget.setMinimumHeight(rows_height + widget.horizontalHeader().sizeHint().height() + 4)


def period_said(start: dt.date, end: dt.date) -> str:
    """The period as the report names it, with its days («6 tháng đầu năm 2026 (từ 15/12/2025 đến
    14/06/2026)»); a period it names by its days, by those alone."""
    name = period_name(start, end)
    return name if display_date(start) in name else f"{name} ({describe(start, end)})"


class ReportPage(QWidget, Ui_ReportPage):
    def __init__(self, context: AppContext, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        for row in (self.chooser, self.export_row):
            reflow(row)
        for view in (self.figures_scroll, self.strengths, self.weaknesses, self.directions):
            giving_way(view)  # the figures and the parts scroll under the period and the actions, always in sight
        self.context = context
        self.figures: dict | None = None
        self._stale = False  # records changed since the figures shown were counted
        self.task = None
        self.counted: ReportingYear | None = None  # the year the periods offered are counted in
        self.offered: tuple[Period, ...] = ()
        self.run_button.clicked.connect(self.refresh)
        tell_reversed(self.start, self.end)
        for box in (self.start, self.end):
            box.refused.connect(self.error.show_message)
        self.period.currentIndexChanged.connect(self._preset)
        self.year.valueChanged.connect(self._preset)

        figures_table(self.main_table)
        show_rows(self.main_table, len(REPORT_LABELS))
        count_header = self.main_table.horizontalHeaderItem(1).text()
        self.breakdowns: dict[str, QTableWidget] = {}
        for i, (key, label) in enumerate(BREAKDOWN_LABELS.items()):
            self.breakdowns[key] = figures_table(named(QTableWidget(0, 2), label))
            self.breakdowns[key].setHorizontalHeaderLabels([label, count_header])
            self.details_grid.addWidget(self.breakdowns[key], i // 2, i % 2)

        role = context.db.actor.role
        may_export = allows(role, Action.EXPORT)
        self.issue.setVisible(allows(role, Action.REPORT_ISSUE) and not context.read_only)
        self.export_buttons = {fmt: getattr(self, f"{fmt}_button") for fmt in FILE_FILTERS}
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, fmt=fmt: self.export(fmt))
            button.setVisible(may_export)
        for key in profile.available():
            self.profile.addItem(profile.load(key).name, key)
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile.DEFAULT)))
        self.profile.currentIndexChanged.connect(lambda _index: self._profile_chosen())
        # the document's settings and the officer's parts belong to a document the role may not make
        for widget in (self.profile, self.secret, self.print_button):
            widget.setVisible(may_export)
        self.content_tabs.setTabVisible(self.content_tabs.indexOf(self.notes_tab), may_export)
        self.print_button.clicked.connect(self.print_report)
        context.notifier.changed.connect(self._records_changed)
        self._notes_editors()
        self._offer_periods()

    def _notes_editors(self) -> None:
        """The officer's parts: shown for the chosen period, kept (a second after typing stops), and
        following what others keep for it in the parts the officer is not writing."""
        self.notes_editors = {report_notes.STRENGTHS: self.strengths, report_notes.WEAKNESSES: self.weaknesses,
                              report_notes.DIRECTIONS: self.directions}
        writable = allows(self.context.db.actor.role, Action.EXPORT) and not self.context.read_only
        self.notes_timer = QTimer(self)
        self.notes_timer.setSingleShot(True)
        self.notes_timer.setInterval(NOTES_DELAY_MS)
        self.notes_timer.timeout.connect(self.save_notes)
        for editor in self.notes_editors.values():
            editor.setReadOnly(not writable)
            editor.textChanged.connect(self._notes_typed)
        self.notes_period: tuple[dt.date, dt.date] | None = None
        self.notes_seen: report_notes.Notes = {}  # the parts as last shown: a save writes those changed since
        self.notes_state.linkActivated.connect(lambda _link: self.take_saved_notes())
        self.start.day_changed.connect(self._load_notes)
        self.end.day_changed.connect(self._load_notes)
        self.context.notifier.changed.connect(self._changed_elsewhere)

    def _notes_typed(self) -> None:
        if not self._loading_notes:
            self._say("Đang soạn…")
            self.notes_timer.start()

    _loading_notes = False

    def _load_notes(self) -> None:
        """The parts kept for the period now chosen (those of the period left are kept first: refused,
        the page keeps showing them, with what the officer wrote)."""
        period = self.chosen_period()
        if (not allows(self.context.db.actor.role, Action.EXPORT) or None in period  # None: the first being set
                or not self.save_notes()):
            return
        try:
            kept = report_notes.saved(self.context.db, *period)
        except BvctError as refused:
            self.error.show_message(refused.message)
            return
        self._follow(kept, taking=report_notes.PARTS)
        self.notes_period = period
        self._show_notes_state()

    def notes(self) -> report_notes.Notes:
        return {part: editor.toPlainText() for part, editor in self.notes_editors.items()}

    def save_notes(self) -> bool:
        """Keeps the parts the officer changed, for the period they were typed for; False when refused
        (someone else changed one of them meanwhile: what the officer wrote stays on the page)."""
        self.notes_timer.stop()
        if self.notes_period is None or self.context.read_only \
                or not report_notes.changed(self.notes(), self.notes_seen):
            return True
        try:
            kept = report_notes.save(self.context.db, *self.notes_period, self.notes(), self.notes_seen)
        except ChangedMeanwhile as refused:
            self._show_clash(refused.message)
            return False
        except BvctError as refused:
            self._say(html.escape(refused.message), error=True)
            return False
        self._follow(kept)
        self._show_notes_state()
        return True

    def _changed_elsewhere(self, name: str) -> None:
        """Someone kept parts of the report (another window, another officer): shown where the officer
        is not writing; where they are, they are told their save would be refused."""
        if name != live.REPORT_NOTES or self.notes_period is None or self.context.db.closed:
            return
        try:
            clashing = self._follow(report_notes.saved(self.context.db, *self.notes_period))
        except BvctError:
            return  # the next change tells again
        if clashing:
            self._show_clash(f"Phần {', '.join(f'«{part}»' for part in clashing)} vừa được người khác lưu trong lúc "
                             "bạn đang viết: lưu bây giờ sẽ bị từ chối để không ghi đè.")

    def take_saved_notes(self) -> None:
        """The parts someone else kept while the officer was writing them, shown as kept once the officer
        agrees to leave what they wrote there; their other parts are kept then."""
        try:
            kept = report_notes.saved(self.context.db, *self.notes_period)
        except BvctError as refused:
            self.error.show_message(refused.message)
            return
        clashing = self._clashing(kept)
        named = ", ".join(f"«{part}»" for part in clashing)
        if clashing and self.context.dialogs.ask(self, "Hiện bản đã lưu", f"Bỏ những gì bạn viết ở phần {named} "
                                                 "để hiện bản người khác đã lưu?") != YES:
            return
        self._follow(kept, taking=clashing)
        if not self.save_notes():
            return
        self._show_notes_state()
        if self.chosen_period() != self.notes_period:
            self._load_notes()  # the period chosen while the parts could not be kept

    def _clashing(self, kept: report_notes.Notes) -> list[str]:
        """The parts the officer is writing that someone else kept otherwise meanwhile (`kept`: as now)."""
        return [part for part, editor in self.notes_editors.items() if report_notes.as_kept(editor.toPlainText())
                not in (kept.get(part, ""), report_notes.as_kept(self.notes_seen.get(part, "")))]

    def _follow(self, kept: report_notes.Notes, taking: Collection[str] = ()) -> list[str]:
        """Shows the parts as `kept`, but in the editors the officer is writing in and someone else kept
        otherwise meanwhile (unless `taking` them); returns those."""
        clashing = [part for part in self._clashing(kept) if part not in taking]
        self._loading_notes = True
        for part, editor in self.notes_editors.items():
            if part in clashing:
                continue
            if report_notes.as_kept(editor.toPlainText()) != kept.get(part, ""):
                editor.setPlainText(kept.get(part, ""))
            self.notes_seen[part] = kept.get(part, "")
        self._loading_notes = False
        return clashing

    def _show_clash(self, said: str) -> None:
        self._say(f"{html.escape(said)} Những gì bạn viết vẫn còn trên trang; hãy chép lại nếu cần, rồi "
                  "<a href='saved'>hiện bản đã lưu</a> ở phần ấy.", error=True)

    def _show_notes_state(self) -> None:
        missing = report_notes.missing(self.notes())
        self._say("Đã lưu. " + ("Đủ ba phần: báo cáo phát hành được." if not missing else
                                "Còn thiếu: " + ", ".join(f"«{part}»" for part in missing) + "."))

    def _say(self, text: str, error: bool = False) -> None:
        """The line under the parts: how they stand, red when the officer's could not be kept."""
        self.notes_state.setStyleSheet(f"color: {colour('error')};" if error else "")
        self.notes_state.setText(text)

    def options(self, password: str | None = None) -> render.Options:
        chosen = profile.load(self.profile.currentData())
        return render.Options(chosen, profile.SECRET if self.secret.isChecked() else None, password)

    def _profile_chosen(self) -> None:
        """A profile not checked against its official text says so when chosen."""
        note = profile.load(self.profile.currentData()).unverified_note
        if note:
            self.error.show_message(note)
        else:
            self.error.clear()

    def _offer_periods(self) -> None:
        """The periods in the year the office reports on («Kỳ báo cáo thống kê», as set today), the report just
        ended chosen; offered again when the setting changes, else left as the officer chose them."""
        today = self.context.clock().date()
        with self.context.db.read() as connection:
            counted = settings.reporting_year(connection, today)
        if counted == self.counted:
            return
        self.counted = counted
        self.offered = report_periods(counted)
        chosen, year = report_just_ended(today, counted)
        for box in (self.period, self.year):
            box.blockSignals(True)
        self.period.clear()
        for period in self.offered:
            self.period.addItem(period.name)
        self.period.setToolTip(f"Kỳ báo cáo thống kê: {counted.value} (đặt ở trang Thiết lập).")
        self.period.setCurrentIndex(self.offered.index(chosen))
        self.year.setValue(year)
        for box in (self.period, self.year):
            box.blockSignals(False)
        self._preset()

    def _preset(self) -> None:
        period = self.offered[self.period.currentIndex()]
        self.start.setEnabled(period.typed)
        self.end.setEnabled(period.typed)
        self.year.setEnabled(not period.typed)
        if not period.typed:
            start, end = period.dates(self.year.value(), counted=self.counted)
            self.start.set_day(start)
            self.end.set_day(end)

    def chosen_period(self) -> tuple[dt.date, dt.date]:
        return self.start.day(), self.end.day()

    def refresh(self) -> None:
        if not period_taken(self.start, self.end):
            return
        self._show(*self.chosen_period(), report.figures)

    def _show(self, start: dt.date, end: dt.date, counting) -> None:
        """The period's figures as `counting` counts them (`report.figures` when the officer asks)."""
        self._stale = False
        try:
            with wait_cursor():
                self.figures = wait_for(lambda: counting(self.context.db, start, end))
        except BvctError as refused:
            self.error.show_message(refused.message)
            return
        self.error.clear()
        self.summary.setText(f"Kỳ báo cáo: {period_said(start, end)}.")
        fill(self.main_table, [(label, self.figures[key]) for key, label in REPORT_LABELS.items()])
        for key, widget in self.breakdowns.items():
            fill(widget, list(self.figures[key].items()))

    def _records_changed(self, name: str) -> None:
        """Records changed (here or elsewhere): the figures shown are counted again, so the page says what
        a report made now says; when the page is shown next if it is not. The settings changed: the periods
        offered again if the year they are counted in did."""
        if name == live.PAGES["settings"] and not self.context.db.closed:
            self._offer_periods()
        if self.figures is None or name in NOT_COUNTED:
            return
        self._stale = True
        self._catch_up()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        """The figures shown counted again for their period; the officer did not ask anew (not audited)."""
        if self._stale and self.isVisible() and not self.context.db.closed:
            self._show(dt.date.fromisoformat(self.figures["from"]), dt.date.fromisoformat(self.figures["to"]),
                       report.count)

    def export_excel(self) -> None:
        """Ctrl+E on this page."""
        self.export("xlsx")

    def export(self, fmt: str) -> None:
        if not period_taken(self.start, self.end):
            return
        start, end = self.chosen_period()
        filter_text = FILE_FILTERS[fmt]
        if (not allowed.now(self.context, Action.EXPORT, documents_data.MAKING_REPORT, self.error.show_message)
                or not reauth.confirm(self.context, self, "xuất báo cáo")):
            return
        suggested = file_name("Báo cáo", start, "đến", end, suffix=fmt)
        chosen = export_password.save_as(self.context.dialogs, self, "Lưu báo cáo", suggested, filter_text, f".{fmt}")
        if chosen is not None:
            self._make(render.report_writer(fmt, chosen.target, self.options(chosen.password)), chosen.target)

    def print_list(self) -> None:
        """Ctrl+P on this page."""
        self.print_report()

    def print_report(self) -> None:
        """The report (a draft, or issued when "Phát hành" is ticked) straight into the print preview."""
        if self.task is None and period_taken(self.start, self.end):
            self._make(render.report_writer("pdf", None, self.options()), None)

    def _issued_again_agreed(self, start: dt.date, end: dt.date) -> bool:
        """Whether to issue the period's report: at once when the register holds none, else when the officer
        answers yes (a number taken is never given back)."""
        before = documents_data.reported_before(self.context.db, start, end)
        if before is None:
            return True
        told = before[0]
        question = (f"{capitalised(told)} (in lại ở trang «Văn bản đã phát hành»).\n\n"
                    "Vẫn phát hành một báo cáo mới, lấy số mới? Số văn bản đã lấy không bao giờ dùng lại.")
        return self.context.dialogs.ask(self, "Báo cáo kỳ này đã phát hành", question) == YES

    def _early_agreed(self, end: dt.date, today: dt.date) -> bool:
        """Whether to issue today a report on a period ending `end`: at once when it has ended, else when the
        officer answers yes (its figures are today's for good, and a number taken is never given back)."""
        told = documents_data.period_unfinished(end, today)
        if told is None:
            return True
        question = (f"{capitalised(told)}.\n\n"
                    "Vẫn phát hành báo cáo trước khi hết kỳ? Số văn bản đã lấy không bao giờ dùng lại.")
        return self.context.dialogs.ask(self, "Kỳ báo cáo chưa kết thúc", question) == YES

    def _make(self, writer: render.ReportWriter, target: Path | None) -> None:
        """The report with the officers' parts as kept (the page's are kept first): never older than
        what another officer kept meanwhile."""
        start, end = self.chosen_period()
        if not self.save_notes():
            self.error.show_message("Chưa lập báo cáo: phần cán bộ viết chưa lưu được (xem thẻ «Phần cán bộ viết»).")
            return
        db, issue = self.context.db, self.issue.isChecked()
        complete = issue and not report_notes.missing(report_notes.saved(db, start, end))  # else refused as it is
        today = db.clock().date()
        if complete and not (unsigned.issue_agreed(self.context, self, today) and self._early_agreed(end, today)
                             and self._issued_again_agreed(start, end)):
            return

        def done(issued, error) -> None:
            self.task = None
            if isinstance(error, BvctError):
                self.error.show_message(error.message)
                if issue and not isinstance(error, InputError):  # a number taken may have been spoiled
                    self.context.notifier.changed.emit("outgoing")
                return
            if error is not None:
                raise error
            what = ("dự thảo báo cáo (chưa có số)" if issued.number is None
                    else f"báo cáo số {issued.text} ngày {issued.on:%d/%m/%Y}, đã ghi vào sổ văn bản đi")
            locked = export_password.ENCRYPTED if writer.encrypted else ""
            self.error.show_message(f"Đã lập {what}" + (f": «{target}»{locked}." if target else "."), error=False)
            if issued.number is not None:
                self.issue.setChecked(False)  # the next one is a draft again, unless asked
                self.context.notifier.changed.emit("outgoing")
            if target is None:
                self.preview = printing.preview_pdf(
                    self.context, self, writer.data, f"Báo cáo {subject(start, end)}", outgoing.REPORT,
                    file_name("Báo cáo", start, "đến", end, suffix="pdf"),
                    documents_data.report_named(start, end) | documents_data.issue_named(issued) | writer.marked)

        self.task = run_in_background(self, "Đang lập báo cáo…", lambda progress: documents_data.report_document(
            db, start, end, target, subject(start, end), writer, issue=issue), done)
