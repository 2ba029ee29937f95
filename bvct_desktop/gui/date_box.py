"""The one box for a day typed outside a record's fields — a register's period, the dashboard's and
the report's, the audit trail's days, a setting's first day, a letter's day: typed as officers write
it (01/07/2025, 1/7/2025, with «.» or «-») and taken exactly as typed (core.dates.parse_date), or
picked on a calendar (the button at its right end, Alt+↓ or F4). Qt's QDateEdit turned a typed
«01/07/2025» into 01/12/2026: after two digits it moved on to the month by itself, the «/» moved
on again, and the rest was lost. A text that is no day is marked and said why; the box keeps the
last day it took until it is put right."""

import datetime as dt

from ..core.dates import FULL_FORM, display_date, parse_date
from ..core.errors import RowProblem
from .icons import icon
from .look import colour
from .qt import QCalendarWidget, QDate, QLineEdit, QRect, QSize, QSizePolicy, Qt, QWidget, Signal

CALENDAR_KEYS = ((Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier))
WIDEST = "00/00/00000"  # a day's text, with room to spare


class DateBox(QLineEdit):
    # the day taken (a dt.date, or None: emptied where it may be) when it is another, or puts a refused text right
    day_changed = Signal(object)
    refused = Signal(str)  # why the text typed was not taken, as a sentence

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.may_be_empty = False  # an open end of a filter's period; elsewhere a day is needed
        self._day: dt.date | None = None
        self._problem: str | None = None
        self.calendar: QCalendarWidget | None = None
        self.setPlaceholderText(FULL_FORM)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        pick = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        pick.setText("Chọn ngày trên lịch")  # what a screen reader says for the icon's button
        pick.setToolTip("Chọn ngày trên lịch (Alt+↓)")
        pick.triggered.connect(self.show_calendar)
        self.editingFinished.connect(self.take_typed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """As wide as a day and the calendar's button, however wide the layout would make a line."""
        height = super().sizeHint().height()
        return QSize(self.fontMetrics().horizontalAdvance(WIDEST) + 16 + height, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def day(self) -> dt.date | None:
        """The day the box took last (None: empty, where it may be)."""
        return self._day

    def problem(self) -> str | None:
        """Why the text shown is not the box's day, while it is not."""
        return self._problem

    def set_day(self, day: dt.date | None) -> None:
        """Shows `day` and takes it."""
        self.setText(display_date(day))
        self._take(day)

    def take_typed(self) -> bool:
        """Takes the day typed, shown again as dd/mm/yyyy; a text that is no day is marked and told
        (`refused`), and the box keeps its last day. Whether the text is the box's day now."""
        typed = self.text().strip()
        try:
            day = parse_date(typed)
            if day is None and not self.may_be_empty:
                raise RowProblem(f"chưa ghi ngày; ghi {FULL_FORM}")
        except RowProblem as problem:
            name = self.name()
            self.refuse(f"{name} «{typed}»: {problem.message}" if typed else f"{name}: {problem.message}")
            return False
        self.set_day(day)
        return True

    def name(self) -> str:
        return self.accessibleName() or "Ngày"

    def refuse(self, why: str) -> None:
        """Marks the box and tells `why` (`refused`) until a day is taken again."""
        self._problem = why
        self.setStyleSheet(f"border: 1px solid {colour('error')};")
        self.refused.emit(why + ".")

    def _take(self, day: dt.date | None) -> None:
        put_right, self._problem = self._problem is not None, None
        self.setStyleSheet("")
        if day != self._day or put_right:
            self._day = day
            self.day_changed.emit(day)

    # ----- the calendar

    def show_calendar(self) -> None:
        """A calendar under the box (above it near the screen's bottom), on the box's day."""
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._day is not None:
            self.calendar.setSelectedDate(QDate(self._day.year, self._day.month, self._day.day))
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)  # Enter
        screen = self.screen().availableGeometry()
        place = QRect(self.mapToGlobal(self.rect().bottomLeft()), self.calendar.sizeHint())
        if place.bottom() > screen.bottom():
            place.moveBottom(self.mapToGlobal(self.rect().topLeft()).y())
        if place.right() > screen.right():
            place.moveRight(screen.right())
        self.calendar.setGeometry(place)
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.calendar.close()
        self.calendar = None
        self.set_day(day.toPython())
        self.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if (event.key(), event.modifiers()) in CALENDAR_KEYS:
            self.show_calendar()
            return
        super().keyPressEvent(event)


def all_taken(*boxes: DateBox) -> bool:
    """Takes what each box holds typed; False, each wrong one marked and told, when any is no day."""
    return all([box.take_typed() for box in boxes])


def period_taken(start: DateBox, end: DateBox) -> bool:
    """`all_taken`, and a period that does not end before it starts (told on its end's box otherwise)."""
    return all_taken(start, end) and not _reversed(start, end)


def tell_reversed(start: DateBox, end: DateBox) -> None:
    """A period typed to end before it starts is told on its end's box as soon as both are taken —
    neither box is changed: the officer may be typing the other one next."""
    told = False

    def check(_day: dt.date | None) -> None:
        nonlocal told
        if _reversed(start, end):
            told = True
        elif told:
            told = False
            if end.problem() is not None:  # put right by the start: the end's mark goes
                end.set_day(end.day())

    for box in (start, end):
        box.day_changed.connect(check)


def _reversed(start: DateBox, end: DateBox) -> bool:
    """Whether the days taken end before they start; the end's box marked and told if so."""
    if start.day() is None or end.day() is None or end.day() >= start.day():
        return False
    end.refuse(_reversal(start, end))
    return True


def _reversal(start: DateBox, end: DateBox) -> str:
    return (f"{end.name()} {display_date(end.day())} trước {start.name().lower()} {display_date(start.day())}: "
            "kỳ phải kết thúc cùng ngày hoặc sau ngày bắt đầu")
