"""One input widget per field declaration: drop-downs for fixed values, a multi-line box for
long text, a line with a date hint for dates; each reads and shows values as the officer types
them, and the field's own `parse` decides what is valid."""

import re
from collections.abc import Callable

from ...core.dates import FULL_FORM, PARTIAL_FORMS, YEAR_FORM, with_full_year
from ...core.errors import RowProblem
from ...core.fields import LONG_TEXT, Field, FieldType
from ...core.text import fold
from ...core.typed import as_typed
from ..look import NarrowComboBox
from ..qt import QApplication, QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QSize, Qt, QWidget

DATE_HINTS = {
    FieldType.DATE: FULL_FORM,
    FieldType.PARTIAL_DATE: PARTIAL_FORMS,
    FieldType.YEAR: YEAR_FORM,
    FieldType.CCCD: "12 chữ số",
    FieldType.CMND: "9 hoặc 12 chữ số",
}
BOX_LETTERS = 20  # what a drop-down asks, about a line's width: the form's width is the window's
MULTI_LINE_HEIGHT = 56  # pixels: three lines of a long text at the least
# The farthest ahead a planned day lies: an ordinary passport's validity (Luật Xuất cảnh, nhập cảnh 2019, Điều 7).
PLANNED_YEARS_AHEAD = 10
DATE_TYPES = (FieldType.DATE, FieldType.PARTIAL_DATE, FieldType.YEAR)
UNSPACED_DAY = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # «12032026»


class LongTextBox(QPlainTextEdit):
    """A multi-line box asking three lines: the form's free room below the fields goes to it
    (record_form), but its own wish would make the form scroll."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), MULTI_LINE_HEIGHT)


def make_input(spec: Field, suggestions: list[str] | None = None) -> QWidget:
    if spec.type is FieldType.CHOICE:
        box = NarrowComboBox(BOX_LETTERS)
        box.addItem("")
        box.addItems(list(spec.choices))
        return box
    if suggestions is not None:
        box = SuggestionBox(BOX_LETTERS)
        box.addItems(suggestions)
        box.lineEdit().setPlaceholderText(spec.hint)
        return box
    if spec.max_length >= LONG_TEXT:
        box = LongTextBox()
        box.setTabChangesFocus(True)
        box.setMinimumHeight(MULTI_LINE_HEIGHT)
        return box
    line = QLineEdit()
    line.setPlaceholderText(spec.hint or DATE_HINTS.get(spec.type, ""))
    return line


class SuggestionBox(NarrowComboBox):
    """A value typed or chosen among the usual ones, listed as they hold what is typed («pv27» lists
    «Phòng PV27 – …»). On leaving it, a word typed without spaces that is part of exactly one of them
    («a93», «pv27») is that one; words with spaces («Bộ Công an») are a value of their own, even when one
    holds them. It hears where the focus goes (the application's, as its list of suggestions takes the keys while
    open) only while it holds it."""

    def __init__(self, letters: int, parent: QWidget | None = None):
        super().__init__(letters, parent)
        self.setEditable(True)
        self.addItem("")
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._listening = False

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if not self._listening:
            QApplication.instance().focusChanged.connect(self._focus_moved)
            self._listening = True

    def _focus_moved(self, before: QWidget | None, after: QWidget | None) -> None:
        popup = self.completer().popup()
        if before not in (self, self.lineEdit()) or after in (self, self.lineEdit(), popup):
            return
        QApplication.instance().focusChanged.disconnect(self._focus_moved)
        self._listening = False
        typed = fold(self.currentText())
        found = [self.itemText(row) for row in range(self.count()) if typed in fold(self.itemText(row))]
        if typed and " " not in typed and len(found) == 1 and found[0] != self.currentText():
            self.setCurrentText(found[0])
        popup.hide()


def written_in_full(spec: Field, typed: str, this_year: int) -> str:
    """A date's field's day as the form shows it once typed: «12032026», «1.3.2026» as 12/03/2026, a birth «3/1955»
    as 03/1955. A two-digit year is given its century (core/dates.py `with_full_year`), for a day the office
    writes («12/3/26») as for a birth or a year at its own precision («3/65» as 03/1965, «65» as 1965) and an
    approximate death («khoảng 65» as khoảng 1965), up to this year, and for a planned day (a passport's validity)
    up to PLANNED_YEARS_AHEAD on; what is no day stays as typed, to be said wrong, but with the century it was given
    («31/2/65» as 31/2/1965), to be said not to exist as any other day."""
    text = typed.strip()
    if match := UNSPACED_DAY.match(text):
        text = "/".join(match.groups())
    full = with_full_year(text, this_year + (PLANNED_YEARS_AHEAD if spec.planned else 0), DATE_HINTS[spec.type],
                          spec.approximate)
    try:
        return as_typed(spec, spec.parse(full)) if full else typed
    except RowProblem:
        return typed if full == text else full


def written_in_full_on_leaving(widget: QLineEdit, spec: Field, this_year: Callable[[], int]) -> None:
    """A date's box (a day, a birth, a year) writes what is typed in it in full (`written_in_full`) once the officer
    leaves it; another field's box is left alone."""
    if spec.type in DATE_TYPES:
        widget.editingFinished.connect(lambda: set_typed(widget, written_in_full(spec, widget.text(), this_year())))


def make_read_only(widget: QWidget) -> None:
    """Shown, selectable, not editable (a disabled box greys its text out)."""
    if isinstance(widget, QComboBox) and not widget.isEditable():
        widget.setEnabled(False)
    elif isinstance(widget, QComboBox):
        widget.lineEdit().setReadOnly(True)
    else:
        widget.setReadOnly(True)


def read_input(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def show_value(widget: QWidget, spec: Field, value: object) -> None:
    """Shows a stored value as the officer would type it."""
    set_typed(widget, as_typed(spec, value))


def set_typed(widget: QWidget, shown: str) -> None:
    if isinstance(widget, QComboBox):
        if widget.findText(shown) < 0:
            widget.addItem(shown)
        widget.setCurrentText(shown)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(shown)
    else:
        widget.setText(shown)
        widget.setCursorPosition(0)  # a long value shown from its start, as a drop-down shows it


def changed_signal(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    return widget.textChanged
