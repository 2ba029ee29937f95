"""Tổng quan: the report's figures for a period the officer chooses (this year so far, 6 months,
9 months, a year, any dates), each opening the register filtered to the records it counts; slips
per month in that period beside them, in view without scrolling at 1366×768; what needs action
today on tabs (each entry opens its record); and what the figures cannot count until it is
completed (slips with a result but no reply date, vetting cases and complaints with no deadline).

Everything is read off the GUI thread (the figures take about half a second over a million
slips); the page says "Đang tính…" meanwhile and stays usable. Its layout is ui/dashboard.ui."""

import datetime as dt
import itertools
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..core import autobackup, browse, deadlines, documents_data, overview, report, settings, trip_reports
from ..core.dates import display_date
from ..core.deadlines import Due
from ..core.errors import BvctError
from ..core.numbers import grouped
from ..core.overview import FIGURE_LABELS, MonthCount
from ..core.periods import CALENDAR_YEAR, DASHBOARD_PERIODS, SO_FAR, ReportingYear, describe
from ..core.permissions import Action, allows, roles_allowed
from . import live
from .accessible import named
from .context import BACKUPS, AppContext
from .date_box import tell_reversed
from .designer.ui_dashboard import Ui_Dashboard
from .look import ErrorLabel, colour, read_only, styled
from .qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPainter,
    QPen,
    QPushButton,
    QRectF,
    QSize,
    Qt,
    QTableView,
    QTimer,
    QToolTip,
    QVBoxLayout,
    QWidget,
    Signal,
)
from .registers.page import SHORT_TITLES, exchanged, first_step
from .registers.table import EnterActivates
from .reminder_dialog import ReminderDialog
from .workers import failure_message, run_quietly

ROOT = QModelIndex()  # the invisible root of a flat table
OpenRecord = Callable[[str, int], None]
DueSource = Callable[..., list[Due]]

LATE = "Quá hạn"


@dataclass(frozen=True)
class ActionList:
    """A tab of entries needing action: the register they open in, its title, the core service
    listing them, and what an entry past its date is (a conclusion lapses: nothing is late)."""

    kind: str
    title: str
    source: DueSource
    past: str = LATE


ACTION_LISTS = (
    ActionList("slips", "Phiếu chờ trả lời quá hạn", deadlines.slips_awaiting_reply),
    ActionList("delegations", "Báo cáo, hộ chiếu sau chuyến đi", trip_reports.owed_after_trips),
    ActionList("complaints", "Đơn thư đến hạn", overview.complaints_due),
    ActionList("vetting-cases", "Hồ sơ thẩm tra đến hạn", overview.vetting_cases_due),
    ActionList("vetting-cases", "Kết luận hết, sắp hết hiệu lực", overview.conclusions_due, "Đã hết hiệu lực"),
    ActionList("archive-requests", "Tàng thư chưa trả lời", overview.archive_requests_unanswered),
)
FIGURE_COLUMNS = 3
OPEN_HINT = "Bấm đúp hoặc nhấn Enter vào một dòng để mở hồ sơ."
NO_FIGURES = "Chưa có số liệu"  # the chart of a period without a slip: no empty axis
NOTHING_DUE, UNREAD, READING = "Không có việc cần xử lý.", "Không đọc được danh sách này.", "Đang đọc…"
NO_RECORDS = "Chưa có hồ sơ nào."  # a new office's database: where to begin is said instead of nothing to do
BEGIN_AT = f" Hãy bắt đầu ở một sổ bên trái ({SHORT_TITLES['cadres']}, {SHORT_TITLES['slips']}…)."
REMINDER_TIP = "Công văn đề nghị nơi nhận sớm trả lời các phiếu đã quá hạn"
NOTHING_TO_CHASE = "Không có phiếu nào quá hạn trả lời: chưa có gì để đôn đốc."
REFRESH_AFTER_MS = 250  # changes in a burst (an import, a batch) refresh the page once
ISSUED_COLOUR, ANSWERED_COLOUR = QColor("#2e75b6"), QColor("#70ad47")
LABEL_GAP = 6  # pixels at least between two labels of the chart's months
OpenRegister = Callable[[str, browse.Filters], None]
# what a loose end is (overview.LOOSE_ENDS: the register showing them), and the link to them for one who
# may edit them (SEE_ONLY for one who may not)
SEE_ONLY = "xem danh sách"
LOOSE_ENDS = {
    browse.NO_REPLY_DATE: ("{n} phiếu có kết quả nhưng thiếu ngày nhận kết quả (chưa tính là đã trả lời)",
                           "xem và đặt ngày nhận"),
    browse.NO_DEADLINE: ("{n} hồ sơ thẩm tra đang mở chưa có hạn (không bao giờ tính là quá hạn)", "xem và đặt hạn"),
    browse.NO_COMPLAINT_DEADLINE: ("{n} đơn thư chưa giải quyết chưa có hạn giải quyết (không bao giờ tính là "
                                   "đến hạn, quá hạn)", "xem và đặt hạn"),
}


@dataclass(frozen=True)
class Snapshot:
    """Everything the page shows, read in one go off the GUI thread."""

    start: dt.date
    end: dt.date
    today: dt.date
    figures: dict
    months: list[MonthCount]
    lists: list[list[Due]]
    loose_ends: dict[str, int]
    holds_records: bool
    counted: ReportingYear  # how the months were counted


def read_snapshot(context: AppContext, start: dt.date, end: dt.date, today: dt.date, counted: ReportingYear,
                  held_records: bool = False) -> Snapshot:
    """The page's data for the period, its months as `counted` counts them (runs on a worker thread: no widget is
    touched). `held_records`: an earlier read found a record, so whether the database holds one (a query per
    register) is not asked."""
    db = context.db
    return Snapshot(start, end, today, report.count(db, start, end), overview.slips_by_month(db, start, end, counted),
                    [action.source(db, today) for action in ACTION_LISTS], overview.loose_ends(db, today),
                    held_records or overview.holds_records(db), counted)


def read_reporting_year(db, today: dt.date) -> ReportingYear:
    """«Kỳ báo cáo thống kê» as set on `today`: the calendar year, or the statistical year from 15/12."""
    with db.read() as connection:
        return settings.reporting_year(connection, today)


@contextmanager
def quietly(box: QWidget) -> Iterator[None]:
    """A box's value set by the page (the period's), not chosen by the officer: nothing is told."""
    box.blockSignals(True)
    try:
        yield
    finally:
        box.blockSignals(False)


def until_midnight(now: dt.datetime) -> int:
    """Milliseconds from `now` to the start of the next day (a second later: surely the next day)."""
    tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), now.tzinfo)
    return math.ceil((tomorrow - now).total_seconds() * 1000) + 1000


def due_state(entry: Due, today: dt.date, past: str = LATE) -> str:
    late = entry.days_late(today)
    if late > 0:
        return f"{past} {grouped(late)} ngày"
    if late == 0:
        return "Đến hạn hôm nay"
    return f"Còn {grouped(-late)} ngày"


class DueModel(QAbstractTableModel):
    HEADERS = ("Nội dung", "Hạn", "Tình trạng")

    def __init__(self, past: str = LATE, parent=None):
        super().__init__(parent)
        self.past = past
        self.entries: list[Due] = []
        self.today: dt.date | None = None  # the page's, given with the entries

    def set_entries(self, entries: list[Due], today: dt.date | None) -> None:
        self.beginResetModel()
        self.entries, self.today = entries, today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (entry.title, display_date(entry.due_on), due_state(entry, self.today, self.past))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and entry.days_late(self.today) > 0:
            return QColor(colour("error"))
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class DueList(QWidget):
    """One list of entries needing action, on a tab; Enter or a double-click opens the record."""

    def __init__(self, action: ActionList, open_record: OpenRecord):
        super().__init__()
        self.kind, self.name = action.kind, action.title
        self.model = DueModel(action.past, self)
        self.view = named(QTableView(), action.title)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        read_only(self.view)
        self.view.verticalHeader().hide()
        # an entry too long for the width (a long recipient unit) wraps onto the lines it needs, never cut with «…»
        self.view.setWordWrap(True)
        rows = self.view.verticalHeader()
        for size in (rows.setMinimumSectionSize, rows.setDefaultSectionSize):
            size(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(lambda index: self._open(open_record, index.row()))
        EnterActivates(self.view)
        bar = self.view.verticalScrollBar()  # scrolled, or the list made taller (its range) or wider
        for moved in (bar.valueChanged, bar.rangeChanged, self.view.horizontalHeader().sectionResized):
            moved.connect(self._fit_rows_in_view)
        self.read = False  # whether the entries shown are the list's, read
        self.empty = QLabel(READING)  # until the page's first read: not to be taken for nothing to do
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = styled(QLabel(OPEN_HINT), "hint")
        self.footer = QHBoxLayout()  # the hint, and what a list offers besides (the reminder letter)
        self.footer.addWidget(self.hint)
        self.footer.addStretch(1)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        layout.addLayout(self.footer)

    def _open(self, open_record: OpenRecord, row: int) -> None:
        entry = self.model.entries[row]
        open_record(entry.kind or self.kind, entry.record_id)

    def show_entries(self, entries: list[Due], today: dt.date, nothing: str = NOTHING_DUE) -> None:
        """The entries read; `nothing`: what the list says when there are none."""
        self._show(entries, today, nothing, read=True)

    def show_unread(self) -> None:
        """No entries, as they could not be read: not to be taken for nothing to do."""
        self._show([], self.model.today, UNREAD, read=False)

    def _show(self, entries: list[Due], today: dt.date | None, nothing: str, read: bool) -> None:
        """The entries, the keyboard's row kept on its record when that is still listed (the lists are read
        again at every change)."""
        current = self.view.currentIndex()
        kept = self.model.entries[current.row()] if current.isValid() else None
        self.read = read
        self.model.set_entries(entries, today)
        self.empty.setText(nothing)
        for widget in (self.view, self.hint):
            widget.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        row = next((row for row, entry in enumerate(entries) if _same_record(entry, kept)), None)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, current.column()))
        self._fit_rows_in_view()

    def _fit_rows_in_view(self) -> None:
        """The rows in view fitted to their text, the others when scrolled to: fitting every row of 20,000
        overdue slips (Qt's ResizeToContents) froze the page for ten seconds at each change."""
        view = self.view
        first = view.rowAt(0)
        if first < 0:
            return
        last = view.rowAt(view.viewport().height() - 1)
        for row in range(first, (last if last >= 0 else self.model.rowCount() - 1) + 1):
            view.resizeRowToContents(row)

    def title(self) -> str:
        return f"{self.name} ({grouped(len(self.model.entries)) if self.read else '–'})"


def _same_record(entry: Due, other: Due | None) -> bool:
    return other is not None and (entry.kind, entry.record_id) == (other.kind, other.record_id)


class FigureCard(QFrame):
    """One report figure: its value and label; a click (or Enter) opens the records it counts."""

    clicked = Signal(str)

    def __init__(self, key: str, label: str):
        super().__init__()
        self.key = key
        styled(self, "figure")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("Bấm để xem các bản ghi được đếm")
        self.value = styled(QLabel(), "figureValue")
        self.label = styled(QLabel(label), "figureLabel")
        self.label.setWordWrap(True)
        self.show_value("–")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.label)
        layout.addStretch(1)  # a row's numbers on one line, at their cards' top, however many lines a label takes

    def show_value(self, value: str) -> None:
        """Shows `value`; a screen reader reads the card as its label and value (a frame has no text of its own)."""
        self.value.setText(value)
        self.setAccessibleName(f"{self.label.text()}: {value}")

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.key)
            return
        super().keyPressEvent(event)


def axis_labels(months: list[MonthCount], left: float, slot: float,
                advance: Callable[[str], float]) -> list[tuple[float, float, int, str]]:
    """The labels under the bars, each (x, width, line 0 or 1, text): «mm/yy» under each month when
    that fits its `slot` (`advance`: a text's width); else the month «mm» (every other one… when even
    that does not fit) and, on the line below, each year centred under its months («yyyy», or «yy»
    where they are few; none where not even that fits: the tooltip tells)."""
    def centred(start: float, room: float, line: int, text: str) -> tuple[float, float, int, str]:
        width = advance(text)
        return start + (room - width) / 2, width, line, text

    full = [f"{month.month:02d}/{month.year % 100:02d}" for month in months]
    if all(advance(text) + LABEL_GAP <= slot for text in full):
        return [centred(left + i * slot, slot, 0, text) for i, text in enumerate(full)]
    step = math.ceil((advance("00") + LABEL_GAP) / slot)
    labels = [centred(left + i * slot, slot, 0, f"{months[i].month:02d}") for i in range(0, len(months), step)]
    for year, group in itertools.groupby(range(len(months)), key=lambda i: months[i].year):
        first, *rest = group
        room = (len(rest) + 1) * slot
        text = next((text for text in (str(year), f"{year % 100:02d}") if advance(text) + LABEL_GAP <= room), None)
        if text is not None:
            labels.append(centred(left + first * slot, room, 1, text))
    return labels


class MonthChart(QWidget):
    """Bars of slips issued and answered for each month of the period (QPainter)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.months: list[MonthCount] = []
        self.counted = CALENDAR_YEAR  # how the months were counted
        self.plot: QRectF | None = None
        self.label_boxes: list[tuple[QRectF, str]] = []  # the month labels as last painted
        self.said = ""  # what was painted instead of bars (NO_FIGURES), as last painted
        self.label_metrics: QFontMetrics | None = None
        self.setMinimumHeight(180)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(440, 220)

    def set_months(self, months: list[MonthCount], counted: ReportingYear = CALENDAR_YEAR) -> None:
        self.months, self.counted = months, counted
        self.update()

    def tip(self, month: MonthCount) -> str:
        """«Tháng 09/2025: đã gửi 12, có kết quả 3»; a month of the statistical year, no calendar month, with its
        days."""
        said = f"Tháng {month.month:02d}/{month.year}"
        if self.counted.first_day is not None:
            last = self.counted.month_start(month.year, month.month + 1) - dt.timedelta(days=1)
            said += f" ({describe(self.counted.month_start(month.year, month.month), last)})"
        return f"{said}: đã gửi {month.issued}, có kết quả {month.answered}"

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        self.plot, self.label_boxes, self.said = None, [], ""
        if not any(month.issued or month.answered for month in self.months):
            if self.months:  # none before the page's first read
                self.said = NO_FIGURES
                painter.setPen(QPen(QColor("#666666")))
                painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, NO_FIGURES)
            return
        self._legend(painter, metrics.height())
        left, top = 8 + metrics.horizontalAdvance("0000"), 2 * metrics.height() + 8
        bottom = self.height() - 2 * metrics.height() - 4
        plot = self.plot = QRectF(left, top, self.width() - left - 10, max(10, bottom - top))
        highest = max(1, *(max(m.issued, m.answered) for m in self.months))
        painter.setPen(QPen(QColor("#999999")))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawText(QRectF(0, plot.top() - metrics.height() / 2, left - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, str(highest))
        painter.drawText(QRectF(0, plot.bottom() - metrics.height() / 2, left - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, "0")
        slot = plot.width() / len(self.months)
        bar = max(2.0, slot * 0.32)
        labelled = metrics.horizontalAdvance(str(highest)) <= bar - 2  # else the tooltip tells the numbers
        for i, month in enumerate(self.months):
            x = plot.left() + i * slot + (slot - 2 * bar) / 2
            for offset, value, fill in ((0, month.issued, ISSUED_COLOUR), (bar, month.answered, ANSWERED_COLOUR)):
                height = plot.height() * value / highest
                painter.fillRect(QRectF(x + offset, plot.bottom() - height, bar - 1, height), fill)
                if labelled and value and height > metrics.height():
                    painter.setPen(QPen(QColor("white")))
                    painter.drawText(QRectF(x + offset, plot.bottom() - height + 2, bar - 1, metrics.height()),
                                     Qt.AlignmentFlag.AlignHCenter, str(value))
        painter.setPen(QPen(QColor("#333333")))
        self.label_metrics, self.label_boxes = metrics, []
        for x, width, line, text in axis_labels(self.months, plot.left(), slot, metrics.horizontalAdvance):
            box = QRectF(x, plot.bottom() + 3 + line * metrics.height(), width, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, text)
            self.label_boxes.append((box, text))
        painter.end()

    def event(self, event) -> bool:
        """A tooltip with the month's two numbers (bars too narrow to carry them)."""
        if event.type() == QEvent.Type.ToolTip and self.months:
            month = self.month_at(event.pos().x())
            if month is not None:
                QToolTip.showText(event.globalPos(), self.tip(month), self)
                return True
        return super().event(event)

    def month_at(self, x: float) -> MonthCount | None:
        """The month drawn at `x` (as last painted)."""
        if self.plot is None or x < self.plot.left():
            return None
        index = int((x - self.plot.left()) // (self.plot.width() / len(self.months)))
        return self.months[index] if index < len(self.months) else None

    def _legend(self, painter: QPainter, line: int) -> None:
        x = 8
        for fill, text in ((ISSUED_COLOUR, "Phiếu đã gửi"), (ANSWERED_COLOUR, "Phiếu đã có kết quả")):
            painter.fillRect(QRectF(x, 6, line, line - 2), fill)
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(int(x + line + 4), 4 + painter.fontMetrics().ascent(), text)
            x += line + 12 + painter.fontMetrics().horizontalAdvance(text) + 16


class Dashboard(QWidget, Ui_Dashboard):
    """The first page after login."""

    def __init__(self, context: AppContext, open_record: OpenRecord, open_register: OpenRegister | None = None,
                 parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.open_register = open_register
        self.snapshot: Snapshot | None = None
        self.held_records = False  # a read found a record: the «where to begin» line is done with
        self.task = None
        self._again = False
        self.recount = None  # «Kỳ báo cáo thống kê» being read again (the settings changed, or the day)
        self._recount_again = False
        self.backup_warning.hide()
        self.loose_ends.hide()
        self.loose_ends.linkActivated.connect(self._open_loose_ends)
        self.figure_cards: dict[str, FigureCard] = {}
        for i, (key, label) in enumerate(FIGURE_LABELS.items()):
            card = self.figure_cards[key] = FigureCard(key, label)
            card.clicked.connect(self.open_figure)
            self.figures_grid.addWidget(card, i // FIGURE_COLUMNS, i % FIGURE_COLUMNS)
        self.figure_values = {key: card.value for key, card in self.figure_cards.items()}
        for before, after in itertools.pairwise([self.end, *self.figure_cards.values(), self.lists]):
            QWidget.setTabOrder(before, after)  # the cards where they are seen: under the period, above the lists
        self.chart = MonthChart()
        self.chart_layout.addWidget(self.chart)
        self.due_lists = [DueList(action, open_record) for action in ACTION_LISTS]
        for due_list in self.due_lists:
            self.lists.addTab(due_list, due_list.name)
        if allows(context.db.actor.role, Action.EXPORT):
            self._reminder_button(self.due_lists[0])
        self.state = styled(QLabel(), "pageSubtitle")
        self.top.addWidget(self.state)
        self.failure = ErrorLabel()  # under the period, as wide as the page: a damage message is long
        self.dashboard_layout.insertWidget(self.dashboard_layout.indexOf(self.backup_warning), self.failure)
        self.today = context.clock().date()  # the day the period and the lists were last set for
        self.counted = read_reporting_year(context.db, self.today)  # the year the periods are counted in, that day
        for period in DASHBOARD_PERIODS:
            self.period.addItem(period.name)
        self.year.setValue(self.counted.year_of(self.today))
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.year.valueChanged.connect(self._period_chosen)
        tell_reversed(self.start, self.end)
        for box in (self.start, self.end):
            box.day_changed.connect(self._dates_typed)
            box.refused.connect(self.failure.show_message)
        self._period_chosen()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_AFTER_MS)
        self._timer.timeout.connect(self.refresh)
        self._midnight = QTimer(self)  # a new day for the page shown: what falls due, the year so far
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.catch_up)
        self._stale = True
        context.notifier.changed.connect(self._data_changed)

    # ----- the reminder letter

    def _reminder_button(self, overdue: DueList) -> None:
        """Under the overdue slips: a reminder letter to the recipient of the slip selected."""
        self.reminder_button = QPushButton("Lập công văn đôn đốc…")
        self._offer_reminder()
        self.reminder_button.clicked.connect(lambda: self.open_reminder(overdue))
        overdue.footer.addWidget(self.reminder_button)

    def _offer_reminder(self) -> None:
        """The letter is offered while a slip is overdue; else its tooltip says why not (as a register's buttons)."""
        if not hasattr(self, "reminder_button"):
            return
        overdue = self.due_lists[0]
        self.reminder_button.setEnabled(bool(overdue.model.entries))
        why = NOTHING_TO_CHASE if overdue.read else overdue.empty.text()  # being read, or unreadable
        self.reminder_button.setToolTip(REMINDER_TIP if overdue.model.entries else why)

    def open_reminder(self, overdue: DueList) -> ReminderDialog:
        rows = overdue.view.selectionModel().selectedRows()
        recipient = None
        if rows:
            slip_id = overdue.model.entries[rows[0].row()].record_id
            try:
                _office, slips = documents_data.gather(self.context.db, "lập công văn đôn đốc",
                                                       lambda c: documents_data.slips_by_ids(c, [slip_id]))
                recipient = slips[0]["recipient"] if slips else None
            except BvctError:
                recipient = None
        self.reminder = ReminderDialog(self.context, self, recipient)
        self.reminder.open()
        return self.reminder

    # ----- the period

    def chosen_period(self) -> tuple[dt.date, dt.date]:
        return self.start.day(), self.end.day()

    def _period_chosen(self) -> None:
        self._set_period()
        self._soon()

    def _set_period(self) -> None:
        period = DASHBOARD_PERIODS[self.period.currentIndex()]
        for widget in (self.start, self.end, self.start_label, self.end_label):
            widget.setVisible(period.typed)
        self.year.setVisible(not period.typed)
        self.year_label.setVisible(not period.typed)
        if not period.typed:
            start, end = period.dates(self.year.value(), self.today, self.counted)
            for box, day in ((self.start, start), (self.end, end)):
                with quietly(box):
                    box.set_day(day)
        self._show_period_text()

    def _recount(self) -> None:
        """Reads «Kỳ báo cáo thống kê» as set today on a worker; the period then follows it and the page reads
        again (`_recounted`)."""
        if self.recount is not None:
            self._recount_again = True  # what is being read may be from before the change
            return
        db, today = self.context.db, self.context.clock().date()
        self.recount = run_quietly(self, lambda: read_reporting_year(db, today),
                                   lambda counted, error: self._recounted(today, counted, error))

    def _recounted(self, today: dt.date, counted: ReportingYear | None, error: BaseException | None) -> None:
        self.recount = None
        if self._recount_again:
            self._recount_again = False
            self._recount()
            return
        if error is not None and not self.context.db.closed:
            self.failure.show_message(failure_message(error, "Không đọc được kỳ báo cáo thống kê"))
        before, counted_before = self.today, self.counted
        self.today, self.counted = today, counted if error is None else counted_before
        self._follow(before, counted_before)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _follow(self, before: dt.date, counted_before: ReportingYear) -> None:
        """The period follows today and the year as «Kỳ báo cáo thống kê» counts it today: the year so far of
        the year that ended (or was counted otherwise) becomes today's year's, dates typed up to the old today
        end on the new one; a period chosen in the past stays, its days counted as the year is now."""
        if (self.today, self.counted) == (before, counted_before):
            return
        period = DASHBOARD_PERIODS[self.period.currentIndex()]
        if period.typed and self.end.day() == before:
            with quietly(self.end):
                self.end.set_day(self.today)
        if period.last_month == SO_FAR and self.year.value() == counted_before.year_of(before):
            with quietly(self.year):
                self.year.setValue(self.counted.year_of(self.today))
        self._set_period()

    def _dates_typed(self) -> None:
        self._show_period_text()
        if self.end.problem() is None:  # a period typed to end before it starts is told, not read
            self._soon()

    def _show_period_text(self) -> None:
        start, end = self.chosen_period()
        period = DASHBOARD_PERIODS[self.period.currentIndex()]
        label = period.name if period.typed else f"{period.name} {self.year.value()}" \
            if period.last_month != SO_FAR else f"Năm {self.year.value()}"
        self.period_text.setText(f"{label}: số liệu {describe(start, end)}; bấm vào một số để xem các bản ghi")

    # ----- reading, off the GUI thread

    def _data_changed(self, kind: str) -> None:
        if kind == BACKUPS:  # no figure changed
            self._warn_about_backups()
            return
        if kind == live.PAGES["settings"] and not self.context.db.closed:
            self._recount()
        self._stale = True
        if self.isVisible():
            self._soon()

    def _soon(self) -> None:
        if hasattr(self, "_timer"):
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.catch_up()

    def catch_up(self) -> None:
        """Reads again when the records changed or the day did since the page was read, if it is shown
        (shown again, unlocked, at midnight)."""
        if self.isVisible() and (self._stale or self.context.clock().date() != self.today):
            self.refresh()

    def refresh(self) -> None:
        """Reads the figures, the chart and the lists on a worker; one read at a time."""
        self._timer.stop()
        if self.task is not None:
            self._again = True
            return
        if self.recount is not None:  # it reads again once the period follows the year read
            return
        if self.context.clock().date() != self.today:
            self._recount()
            return
        start, end = self.chosen_period()
        today, context = self.today, self.context
        self._stale = False
        self._midnight.start(until_midnight(context.clock()))
        self.state.setText("Đang tính…")
        held, counted = self.held_records, self.counted
        self.task = run_quietly(self, lambda: read_snapshot(context, start, end, today, counted, held), self._read)

    def _read(self, snapshot: Snapshot | None, error: BaseException | None) -> None:
        self.task = None
        if self._again:
            self._again = False
            self.refresh()
            return
        self.state.setText("")
        if error is not None:
            self.failure.show_message(failure_message(error, "Không tính được số liệu"))
            self.show_unread()
            return
        self.failure.clear()
        self.show_snapshot(snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.held_records = self.held_records or snapshot.holds_records
        for key, card in self.figure_cards.items():
            card.show_value(grouped(snapshot.figures[key]))
        nothing = NOTHING_DUE if snapshot.holds_records else self._where_to_begin()
        for index, (due_list, entries) in enumerate(zip(self.due_lists, snapshot.lists, strict=True)):
            due_list.show_entries(entries, snapshot.today, nothing)
            self.lists.setTabText(index, due_list.title())
        self._offer_reminder()
        self.chart.set_months(snapshot.months, snapshot.counted)
        self._show_loose_ends(snapshot.loose_ends)
        self._warn_about_backups()

    def _where_to_begin(self) -> str:
        """What a database holding no record says in the lists: where to add one, to one who may."""
        if not self.context.read_only and allows(self.context.db.actor.role, Action.EDIT):
            return f"{NO_RECORDS}{BEGIN_AT}{first_step(any(exchanged(kind) for kind in SHORT_TITLES))}"
        return f"{NO_RECORDS} Hồ sơ do {_roles(Action.EDIT)} ghi ở các sổ bên trái."

    def show_unread(self) -> None:
        """Nothing of a snapshot that could not be read, nor of an earlier one (another period, older data)."""
        self.snapshot = None
        for card in self.figure_cards.values():
            card.show_value("–")
        for index, due_list in enumerate(self.due_lists):
            due_list.show_unread()
            self.lists.setTabText(index, due_list.title())
        self._offer_reminder()
        self.chart.set_months([])
        self._show_loose_ends({})

    # ----- opening what a figure counts

    def open_figure(self, key: str) -> None:
        if self.open_register is None or self.snapshot is None:
            return
        kind, filters = overview.records_behind(key, self.snapshot.start, self.snapshot.end)
        self.open_register(kind, filters)

    def _show_loose_ends(self, counts: dict[str, int]) -> None:
        editable = not self.context.read_only and allows(self.context.db.actor.role, Action.EDIT)
        lines = [f"{text.format(n=grouped(counts[key]))} — <a href='{key}'>{link if editable else SEE_ONLY}</a>"
                 for key, (text, link) in LOOSE_ENDS.items() if counts.get(key)]
        self.loose_ends.setText("<br>".join(lines))
        self.loose_ends.setVisible(bool(lines))

    def _open_loose_ends(self, key: str) -> None:
        if self.open_register is not None:
            self.open_register(overview.LOOSE_ENDS[key], browse.Filters(status=key))

    def _warn_about_backups(self) -> None:
        """Shows or hides the warnings (no good backup for a week, the last copy to the second folder
        failed); nothing is read once the session closed (a worker's figures may arrive after the
        officer logged out)."""
        db = self.context.db
        warnings = [] if db.closed else list(filter(None, (self._overdue(db), self._second_copy_failed(db))))
        self.backup_warning.setText("\n".join(warnings))
        self.backup_warning.setVisible(bool(warnings))

    def _overdue(self, db) -> str | None:
        reason = autobackup.overdue(db, self.context.clock())
        if not reason:
            return None
        newest = autobackup.newest(db)
        since = "chưa có bản sao lưu đã kiểm tra nào" if newest is None else f"bản gần nhất: {newest.describe()}"
        if allows(db.actor.role, Action.BACKUP):
            ask = "Hãy sao lưu ở Quản trị › Sao lưu."
        else:
            ask = f"Hãy báo người có quyền sao lưu ({_roles(Action.BACKUP)})."
        return f"{reason} ({since}). {ask}"

    @staticmethod
    def _second_copy_failed(db) -> str | None:
        copy = autobackup.last_second_copy(db)
        if copy is None or copy.ok:
            return None
        if allows(db.actor.role, Action.SETTINGS):
            ask = "Hãy cắm ổ USB hoặc sửa thư mục ở Quản trị › Thiết lập"
        else:
            ask = f"Hãy cắm ổ USB hoặc báo người có quyền thiết lập ({_roles(Action.SETTINGS)})"
        return (f"Lần chép bản sao lưu tự động ra thư mục thứ hai gần nhất {copy.describe()}: chưa có bản sao lưu "
                f"nào ngoài máy từ lúc đó. {ask}; bản sao lưu được chép khi chương trình đóng.")


def _roles(action: Action) -> str:
    """The roles allowed `action`, «A, B hoặc C»."""
    *some, last = roles_allowed(action)
    return f"{', '.join(some)} hoặc {last}" if some else last
