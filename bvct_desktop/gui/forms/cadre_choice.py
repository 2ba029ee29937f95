"""On the form of a record naming a cadre by name alone (a letter's subject, kinds.NamedCadre): the
cadre's file it is about — one of the cadres of the name typed, the person it is linked to, or no one.
A new record takes the name's one cadre until the officer chooses; a stored one keeps its link
(core/plans/complaints.py)."""

from ...core import editing
from ...core.errors import BvctError
from ...core.personfile import letters
from ..context import AppContext
from ..look import plain, styled
from ..qt import QComboBox, QLabel, QResizeEvent, QStyle, QStyleOptionComboBox, QVBoxLayout, QWidget, Signal

LETTERS = "complaints"  # the kind whose records `letters.others_of` reads
NO_ONE = "(không gắn với hồ sơ cán bộ nào)"
OTHERS_UNREAD = "Không đọc được các đơn thư khác về cán bộ này."
NAMED_UNREAD = "Không đọc được các cán bộ cùng họ tên này: đơn vẫn giữ hồ sơ cán bộ đã gắn hoặc đã chọn."


def _unread(what: str, error: BvctError) -> str:
    """The line for a read that failed (the database out of reach): the form goes on without it."""
    return f"{what} {error.message}"


class CadreChoice(QWidget):
    picked = Signal()  # the officer chose: the form has changed

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kept: int | None = None  # the person chosen or linked (editing.NOBODY: no one); None: the name's rule
        self.letter_id: int | None = None  # the letter on the form; None: a new one
        self.name = ""  # the name followed
        self.others: dict[int, str] = {}  # what is told of each person's other letters, read once for the name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.box = QComboBox()
        # as wide as the form gives it, never as wide as a cadre's whole description (the tooltip reads it)
        self.box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.box.setMinimumContentsLength(24)
        self.box.activated.connect(self._picked)
        self.box.currentTextChanged.connect(self.box.setToolTip)  # a cadre's description is cut on the form
        self.box.currentTextChanged.connect(self._read_whole)
        layout.addWidget(self.box)
        self.whole = plain(QLabel())  # the cadre chosen, whole, when the box cuts the description
        self.whole.setWordWrap(True)
        self.whole.hide()
        layout.addWidget(self.whole)
        self.hint = plain(styled(QLabel(), "hint"))
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout.addWidget(self.hint)
        context.notifier.changed.connect(self._changed_elsewhere)

    def start(self, name: str, kept: int | None, letter_id: int | None = None) -> None:
        """The choices for `name`, `kept` chosen (None: the name's one cadre when it has one), on the form of
        letter `letter_id` (None: a new one)."""
        self.kept = kept
        self.letter_id = letter_id
        self.others.clear()
        self.follow(name)

    def follow(self, name: str) -> None:
        """The choices for the name typed: no one, the cadres of that name, and the person kept."""
        if name != self.name:
            self.name = name
            self.others.clear()
        db = self.context.db
        self.box.clear()
        try:
            named = editing.cadres_named(db, name)
            kept = [] if self.kept in (None, editing.NOBODY) or any(facts.person_id == self.kept for facts in named) \
                else [editing.person_facts(db, self.kept)]
        except BvctError as error:  # nothing offered that may be stale; the choice stays the officer's (choice)
            self.box.setEnabled(False)
            self._tell(_unread(NAMED_UNREAD, error))
            return
        self.box.setEnabled(True)
        self.box.addItem(NO_ONE, editing.NOBODY)
        for facts in named + kept:
            self.box.addItem(f"{facts.description} – {facts.known[0]}" if facts.known else facts.description,
                             facts.person_id)
        ruled = named[0].person_id if len(named) == 1 else editing.NOBODY
        self.box.setCurrentIndex(max(self.box.findData(ruled if self.kept is None else self.kept), 0))
        unchosen = bool(named) and self.choice() == editing.NOBODY
        self._tell(f"Có {len(named)} cán bộ cùng họ tên «{name.strip()}»: nếu đơn nói về cán bộ, "
                   "hãy chọn đúng người." if unchosen else self._other_letters())

    def _other_letters(self) -> str:
        chosen = self.choice()
        if chosen == editing.NOBODY:
            return ""
        if chosen not in self.others:
            try:
                self.others[chosen] = letters.others_of(self.context.db, chosen, self.letter_id)
            except BvctError as error:  # told, and not read again for the name: the form goes on without it
                self.others[chosen] = _unread(OTHERS_UNREAD, error)
        return self.others[chosen]

    def _changed_elsewhere(self, kind: str) -> None:
        """A letter saved, here or in another window: the chosen cadre's other letters told again."""
        if kind not in (LETTERS, "*") or self.context.db.closed:
            return
        self.others.clear()
        if self.box.isEnabled() and self.choice() != editing.NOBODY:
            self._tell(self._other_letters())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._read_whole(self.box.currentText())

    def _read_whole(self, text: str) -> None:
        """The chosen description under the box when the box is too narrow for it (which namesake is chosen is
        told by the birth year and home town at its end)."""
        room = self.box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, self._box_option(),
                                               QStyle.SubControl.SC_ComboBoxEditField, self.box).width()
        self.whole.setText(text)
        self.whole.setVisible(self.box.fontMetrics().horizontalAdvance(text) > room)

    def _box_option(self) -> QStyleOptionComboBox:
        option = QStyleOptionComboBox()
        self.box.initStyleOption(option)
        return option

    def _tell(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def choice(self) -> int:
        """The person chosen; editing.NOBODY: no one; None: the name's rule (or the stored link) — also
        the one the officer chose before the name's cadres could not be read."""
        return self.box.currentData() if self.box.count() else self.kept

    def _picked(self, _index: int) -> None:
        self.kept = self.choice()
        self._tell(self._other_letters())
        self.picked.emit()
