"""A delegation's members on its form: one line per member, typed like the import rows
(name, birth date, home town, CCCD, position, unit, role, and why one the decision named did not go); the
service finds each cadre."""

from ...core import editing
from ...core.kinds import Kind
from ..look import read_only
from ..qt import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..registers.columns import fit_to_width, keep_fitted
from ..registers.table import CutTextTips
from .inputs import as_typed, show_value

KEYS = editing.MEMBER_PERSON_KEYS + editing.MEMBER_KEYS
# the columns of free text, which share the room the others (dates, numbers, the role box) leave
GROWING = tuple(KEYS.index(key) for key in ("full_name", "home_town", "position", "unit"))
NAME = (KEYS.index("full_name"),)  # kept whole before the others: whom the officer checks against the decision
# shown once a member is marked as not going: most delegations go whole, and the others need the room
NOT_GOING = KEYS.index("not_going")


class MembersTable(QWidget):
    changed = Signal()

    def __init__(self, kind: Kind, editable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.editable = editable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(KEYS))
        self.table.setHorizontalHeaderLabels([kind.field(key).header for key in KEYS])
        self.table.setColumnHidden(NOT_GOING, True)
        keep_fitted(self.table, GROWING, NAME)
        self.table.setItemDelegate(CutTextTips(self.table))
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table)
        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        add = QPushButton("Thêm thành viên")
        add.clicked.connect(self._add_typed)
        remove = QPushButton("Bỏ thành viên đã chọn")
        remove.clicked.connect(self._remove)
        not_going = QPushButton("Thành viên không đi…")
        not_going.setToolTip("Người có tên trong quyết định mà không đi (ốm, thay đổi công tác…): ghi lý do, "
                             "người ấy vẫn ở trong danh sách đoàn")
        not_going.clicked.connect(self._mark_not_going)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(not_going)
        buttons.addStretch(1)
        layout.addWidget(self.buttons)
        self.on_chosen = (remove, not_going)  # greyed until a member is chosen
        self.table.itemSelectionChanged.connect(self._enable_on_chosen)
        self._enable_on_chosen()
        if not editable:
            self.only_show()

    def only_show(self) -> None:
        """The members shown, not edited (the record cannot be saved)."""
        self.editable = False
        read_only(self.table)
        self.buttons.hide()
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                if self.table.cellWidget(row, column) is not None:
                    self.table.cellWidget(row, column).setEnabled(False)

    def set_members(self, members: list[dict]) -> None:
        self.table.setRowCount(0)
        for member in members:
            self._append(member)
        self.table.setColumnHidden(NOT_GOING, not any(member.get("not_going") for member in members))
        self._fit()

    def add_member(self, member: dict) -> None:
        """One more line, the columns fitted again to what the lines now hold."""
        self._append(member)
        self._fit()
        self.changed.emit()

    def _add_typed(self) -> None:
        """«Thêm thành viên»: a blank line, its first cell open for typing (from the keyboard too)."""
        self.add_member({})
        first = self.table.item(self.table.rowCount() - 1, 0)
        self.table.setFocus()
        self.table.setCurrentItem(first)
        self.table.editItem(first)

    def _mark_not_going(self) -> None:
        """«Thành viên không đi…»: the column of the reason shown, the selected member's cell open for typing it."""
        self.table.setColumnHidden(NOT_GOING, False)
        self._fit()
        if self.table.currentRow() < 0:
            return
        reason = self.table.item(self.table.currentRow(), NOT_GOING)
        self.table.setFocus()
        self.table.setCurrentItem(reason)
        self.table.editItem(reason)

    def _enable_on_chosen(self) -> None:
        for button in self.on_chosen:
            button.setEnabled(bool(self.table.selectedIndexes()))

    def _edited(self) -> None:
        self._fit()
        self.changed.emit()

    def _fit(self) -> None:
        fit_to_width(self.table, GROWING, NAME)

    def _append(self, member: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, key in enumerate(KEYS):
            spec = self.kind.field(key)
            if spec.choices:
                box = QComboBox()
                box.addItems(["", *spec.choices])
                box.setEnabled(self.editable)
                # reached from its cell, as the table's Tab goes: a stop of its own came after the form's buttons
                box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                show_value(box, spec, member.get(key))
                box.currentTextChanged.connect(lambda _text: self.changed.emit())
                self.table.setCellWidget(row, column, box)
            else:
                self.table.setItem(row, column, QTableWidgetItem(as_typed(spec, member.get(key))))

    def _remove(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def _value(self, row: int, column: int) -> str:
        """A cell's value as shown: its choice, what is being typed in it (its editor still open), or its text."""
        widget = self.table.cellWidget(row, column)
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        item = self.table.item(row, column)
        return item.text() if item else ""

    def members(self) -> list[dict]:
        found = []
        for row in range(self.table.rowCount()):
            member = {}
            for column, key in enumerate(KEYS):
                member[key] = self._value(row, column)
            if any(value.strip() for value in member.values()):
                found.append(member)
        return found
