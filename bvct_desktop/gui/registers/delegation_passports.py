"""«Giao hộ chiếu theo đoàn…» and «Nhận lại theo đoàn…»: a delegation's passports handed out, or received back,
at once from its decision number (core/delegation_passports): each member the decision names listed with the
passport chosen or why none, a tick to leave one out, what the officer should know asked once, one write off the
GUI thread; then, unless the officer unticks it, «Biên bản giao nhận hộ chiếu» of the passports written in its
print preview."""

from collections.abc import Callable
from typing import Any

from ...core import delegation_passports, passports
from ...core.editing import FormProblems
from ...core.errors import InputError
from ...core.permissions import Action, allows
from ...core.personfile import writes
from .. import printing
from ..context import AppContext
from ..forms.for_selected import ForSelectedDialog
from ..printing import PrintPreview
from ..qt import QAbstractItemView, QCheckBox, QLineEdit, Qt, QTableWidget, QTableWidgetItem, QWidget

ALL_HANDED_OUT, ALL_TAKEN_BACK = "Giao hộ chiếu theo đoàn…", "Nhận lại theo đoàn…"
HEADERS = ("Thành viên", "Hộ chiếu")
NONE_CHOSEN = "Chưa chọn hộ chiếu nào: hãy đánh dấu ít nhất một người."
PRINT_MINUTES = "In biên bản giao nhận hộ chiếu sau khi lưu"


class DelegationPassportsDialog(ForSelectedDialog):
    """`back`: receiving the passports out with the delegation back, else handing them out; `done` is given how
    many passports were written."""

    def __init__(self, context: AppContext, back: bool, done: Callable[[int], None], parent: QWidget | None = None):
        self.told = done
        self.preview: PrintPreview | None = None  # the minutes of the passports written, once ready
        fields = (passports.DECISION, *(passports.RETURN_FIELDS if back else (passports.HANDED_ON,
                                                                                passports.TRIP_RETURN)))
        super().__init__(context, (ALL_TAKEN_BACK if back else ALL_HANDED_OUT).rstrip("…"),
                         "Nhập số quyết định cử đoàn: danh sách thành viên của đoàn hiện dưới đây; bỏ đánh dấu ở "
                         + ("người chưa nộp lại hộ chiếu." if back else "người không giao hộ chiếu."), fields,
                         self._written, parent,
                         required=lambda spec: spec.required or spec is passports.DECISION)
        self.back, self.fields = back, fields
        self.working, self.failed = (("Đang nhận lại hộ chiếu…", "Không nhận lại được hộ chiếu") if back
                                     else ("Đang giao hộ chiếu…", "Không giao được hộ chiếu"))
        self.table = QTableWidget(0, len(HEADERS))
        self.members: list[delegation_passports.Member] = []
        self.listed_for: str | None = None  # the decision number the list is of
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(240)
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.message), self.table, 1)
        self.minutes_box = QCheckBox(PRINT_MINUTES)
        may_print = allows(context.db.actor.role, Action.EXPORT)
        self.minutes_box.setChecked(may_print)
        self.minutes_box.setEnabled(may_print)
        if not may_print:
            self.minutes_box.setToolTip(f"Vai trò của bạn không được phép in biên bản giao nhận hộ chiếu (cần quyền "
                                        f"{Action.EXPORT.value}).")
        layout.insertWidget(layout.indexOf(self.message), self.minutes_box)
        self.decision_box: QLineEdit = self.inputs[passports.DECISION.key]
        self.decision_box.editingFinished.connect(self.list_members)
        self.resize(880, 620)

    def list_members(self) -> None:
        """Lists the members the decision typed names (said why not, when none)."""
        typed = self.decision_box.text().strip()
        if typed == self.listed_for:
            return
        self.listed_for = typed
        try:
            self.members = delegation_passports.members(self.context.db, typed, self.back) if typed else []
        except InputError as refused:
            self.members = []
            self.message.show_message(str(refused))
        else:
            self.message.clear()
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            name = QTableWidgetItem(member.full_name)
            if member.passport_id is not None:
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(Qt.CheckState.Checked)
            else:
                name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(member.passport or member.why_not or ""))
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()

    def chosen(self) -> list[int]:
        """The passports of the members ticked."""
        return [member.passport_id for row, member in enumerate(self.members)
                if member.passport_id is not None and self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def checked(self, values: dict[str, Any]) -> None:
        self.list_members()
        writes.parse(self.fields, values)
        if not self.listed_for:
            raise FormProblems({passports.DECISION.key: f"Chưa nhập {passports.DECISION.header}."})
        if not self.chosen():
            raise FormProblems({"": (not self.members and self.message.text()) or NONE_CHOSEN})

    def doubts(self, values: dict[str, Any]) -> list[str]:
        if self.back:
            return []
        return delegation_passports.handout_doubts(self.context.db, self.listed_for, self.chosen(), values)

    def write(self, values: dict[str, Any], _progress) -> list[int]:
        """The handovers written: opened, or (`back`) closed."""
        if self.back:
            return delegation_passports.take_back(self.context.db, self.chosen(), values)
        return delegation_passports.hand_out(self.context.db, self.listed_for, self.chosen(), values)

    def _written(self, handover_ids: list[int]) -> None:
        if self.minutes_box.isChecked():
            printing.print_handover_minutes(self.context, handover_ids, self.back, self.parentWidget(),
                                            opened=self._previewed)
        self.told(len(handover_ids))

    def _previewed(self, preview: PrintPreview) -> None:
        self.preview = preview
