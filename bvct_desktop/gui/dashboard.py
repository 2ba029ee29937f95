"""Tổng quan: this year's figures, the lists of what needs action today (each entry opens its
record) and a chart of slips issued and answered per month."""

import datetime as dt
from collections.abc import Callable

from ..core import autobackup, deadlines, overview, report
from ..core.dates import display_date
from ..core.deadlines import Due
from ..core.numbers import grouped
from ..core.overview import FIGURE_LABELS, MonthCount
from .context import AppContext
from .look import heading, styled
from .qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QColor,
    QEvent,
    QFont,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPainter,
    QPen,
    QRectF,
    QScrollArea,
    QSize,
    Qt,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

ROOT = QModelIndex()  # the invisible root of a flat table
OpenRecord = Callable[[str, int], None]
DueSource = Callable[..., list[Due]]

# (register kind the entries open in, heading, the core service listing them)
ACTION_LISTS: tuple[tuple[str, str, DueSource], ...] = (
    ("slips", "Phiếu xác minh chờ trả lời quá hạn", deadlines.slips_awaiting_reply),
    ("delegations", "Báo cáo sau chuyến đi chưa nhận", deadlines.post_trip_reports_due),
    ("complaints", "Đơn thư sắp đến hạn hoặc quá hạn", overview.complaints_due),
    ("vetting-cases", "Hồ sơ thẩm tra quá hạn", overview.vetting_cases_overdue),
    ("vetting-cases", "Kết luận thẩm tra hết hiệu lực, cần xem lại", overview.conclusions_expired),
)
LIST_HEIGHT = 170
ISSUED_COLOUR, ANSWERED_COLOUR = QColor("#2e75b6"), QColor("#70ad47")


def due_state(entry: Due, today: dt.date) -> str:
    late = entry.days_late(today)
    if late > 0:
        return f"Quá hạn {late} ngày"
    if late == 0:
        return "Đến hạn hôm nay"
    return f"Còn {-late} ngày"


class DueModel(QAbstractTableModel):
    HEADERS = ("Nội dung", "Hạn", "Tình trạng")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[Due] = []
        self.today = dt.date.today()

    def set_entries(self, entries: list[Due], today: dt.date) -> None:
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
            return (entry.title, display_date(entry.due_on), due_state(entry, self.today))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and entry.days_late(self.today) > 0:
            return QColor("#b00020")
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class DueList(QGroupBox):
    """One list of entries needing action; Enter or a double-click opens the record."""

    def __init__(self, kind: str, title: str, source: DueSource, open_record: OpenRecord):
        super().__init__(title)
        self.kind, self.name, self.source = kind, title, source
        self.model = DueModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setFixedHeight(LIST_HEIGHT)
        self.view.activated.connect(lambda index: open_record(self.kind, self.model.entries[index.row()].record_id))
        self.empty = QLabel("Không có việc cần xử lý.")
        self.empty.setFixedHeight(LIST_HEIGHT)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)

    def load(self, context: AppContext, today: dt.date) -> None:
        entries = self.source(context.db, today)
        self.model.set_entries(entries, today)
        self.setTitle(f"{self.name} ({len(entries)})")
        self.empty.setVisible(not entries)
        self.view.setVisible(bool(entries))


class MonthChart(QWidget):
    """Bars of slips issued and answered for each of the last twelve months (QPainter)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.months: list[MonthCount] = []
        self.plot: QRectF | None = None
        self.setMinimumHeight(230)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(720, 260)

    def set_months(self, months: list[MonthCount]) -> None:
        self.months = months
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        self._legend(painter, metrics.height())
        if not self.months:
            return
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
            for offset, value, colour in ((0, month.issued, ISSUED_COLOUR), (bar, month.answered, ANSWERED_COLOUR)):
                height = plot.height() * value / highest
                painter.fillRect(QRectF(x + offset, plot.bottom() - height, bar - 1, height), colour)
                if labelled and value and height > metrics.height():
                    painter.setPen(QPen(QColor("white")))
                    painter.drawText(QRectF(x + offset, plot.bottom() - height + 2, bar - 1, metrics.height()),
                                     Qt.AlignmentFlag.AlignHCenter, str(value))
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 3, slot, metrics.height() * 2),
                             Qt.AlignmentFlag.AlignHCenter, f"{month.month:02d}/{month.year % 100:02d}")
        painter.end()

    def event(self, event) -> bool:
        """A tooltip with the month's two numbers (bars too narrow to carry them)."""
        if event.type() == QEvent.Type.ToolTip and self.months:
            month = self.month_at(event.pos().x())
            if month is not None:
                QToolTip.showText(event.globalPos(),
                                  f"Tháng {month.month:02d}/{month.year}: đã gửi {month.issued}, "
                                  f"có kết quả {month.answered}", self)
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
        for colour, text in ((ISSUED_COLOUR, "Phiếu đã gửi"), (ANSWERED_COLOUR, "Phiếu đã có kết quả")):
            painter.fillRect(QRectF(x, 6, line, line - 2), colour)
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(int(x + line + 4), 4 + painter.fontMetrics().ascent(), text)
            x += line + 12 + painter.fontMetrics().horizontalAdvance(text) + 16


class Dashboard(QScrollArea):
    """The first page after login."""

    def __init__(self, context: AppContext, open_record: OpenRecord, parent=None):
        super().__init__(parent)
        self.context = context
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.title = heading("Tổng quan", " ")
        self.period = self.title.findChild(QLabel, "subtitle")
        self.backup_warning = QLabel()
        styled(self.backup_warning, "banner")
        self.backup_warning.setWordWrap(True)
        self.backup_warning.hide()
        self.figure_values: dict[str, QLabel] = {}
        figures = QGridLayout()
        for i, (key, label) in enumerate(FIGURE_LABELS.items()):
            figures.addWidget(self._figure_card(key, label), i // 3, i % 3)
        self.lists = [DueList(kind, title, source, open_record) for kind, title, source in ACTION_LISTS]
        lists = QGridLayout()
        for i, due_list in enumerate(self.lists):
            lists.addWidget(due_list, i // 2, i % 2)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        chart_box = QGroupBox("Phiếu xác minh theo tháng (12 tháng gần nhất)")
        self.chart = MonthChart()
        QVBoxLayout(chart_box).addWidget(self.chart)
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.backup_warning)
        layout.addLayout(figures)
        layout.addLayout(lists)
        layout.addWidget(chart_box)
        layout.addStretch(1)
        self.setWidget(body)
        self._stale = True
        context.notifier.changed.connect(self._data_changed)

    def _figure_card(self, key: str, label: str) -> QFrame:
        card = QFrame()
        styled(card, "figure")
        value = QLabel("–")
        styled(value, "figureValue")
        text = QLabel(label)
        styled(text, "figureLabel")
        text.setWordWrap(True)
        layout = QVBoxLayout(card)
        layout.addWidget(value)
        layout.addWidget(text)
        self.figure_values[key] = value
        return card

    def _data_changed(self, kind: str) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        today = self.context.clock().date()
        start = dt.date(today.year, 1, 1)
        self.period.setText(f"Số liệu năm {today.year}, từ {display_date(start)} đến {display_date(today)}")
        values = report.figures(self.context.db, start, today)
        for key, label in self.figure_values.items():
            label.setText(grouped(values[key]))
        for due_list in self.lists:
            due_list.load(self.context, today)
        self.chart.set_months(overview.slips_by_month(self.context.db, today))
        self._warn_about_backups()
        self._stale = False

    def _warn_about_backups(self) -> None:
        db_path, now = self.context.db.path, self.context.clock()
        if not autobackup.overdue(db_path, now):
            self.backup_warning.hide()
            return
        newest = autobackup.last_verified(db_path)
        since = "chưa có bản sao lưu đã kiểm tra nào" if newest is None else f"bản gần nhất: {newest.describe()}"
        self.backup_warning.setText(f"Đã hơn 7 ngày chưa có bản sao lưu tốt ({since}). "
                                    "Hãy sao lưu ở Quản trị › Sao lưu.")
        self.backup_warning.show()
