"""The whole file of one person on the tabs of the cadre's form: their own account on form 2C
(rewards, discipline, training, work periods, own history, salary, appraisals), relatives (the list,
and those known from slips), foreign elements, political-issue notes and vetting cases, edited there
through the person-file services, and the slips, delegations and complaints that concern them."""

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...core import deadlines, gazetteer, recycle_bin, trip_reports
from ...core.database import Database
from ...core.editing import VERSION, PersonFacts
from ...core.errors import BvctError
from ...core.fields import LONG_TEXT, Field, FieldType, Place
from ...core.permissions import Action, allows
from ...core.personfile import cases, foreign, known, relatives, slip_draft, writes
from ...core.personfile.foreign import FOREIGN_ELEMENTS
from ...core.personfile.notes import RELATIVE, REMOVED, about_relatives
from ...core.personfile.owned import OwnedRows
from ...core.personfile.political import POLITICAL_NOTES
from ...core.personfile.vitae import (
    APPRAISALS,
    DISCIPLINES,
    IN_FORCE_WORDS,
    OWN_HISTORY,
    REWARDS,
    SALARY,
    TRAINING,
    WORK_PERIODS,
    in_force,
)
from ..accessible import field_label, named
from ..attachments_panel import AttachmentsPanel
from ..context import AppContext
from ..dialogs import YES
from ..look import ErrorLabel, button_row, fill_screen, heading, read_only, styled
from ..qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSize,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..registers.columns import ROW_ROOM, fit_to_width, keep_fitted, whole_width, wrap_cells
from ..registers.table import EnterActivates, LinesWithRoom
from ..tooltips import typed_tip
from ..workers import written_when_free
from .asking_dialog import AskingDialog
from .inputs import changed_signal, make_input, read_input, show_value, written_in_full_on_leaving
from .record_form import RecordForm, confirm_doubts
from .window import shown

ABOUT = "Về thân nhân"
ADOPT = "Thêm vào danh sách"
SLIP_LABEL = "Lập phiếu xác minh…"  # a new slip about the relative selected, drafted from the file
SOURCE_AT = 3  # the source column's place: after relation, name and birth date
SOURCE, SLIP_IDS = "Nguồn", "slip_ids"  # a relative's entry: where it is known from, the slips about them
SOURCE_TIP = "source_tip"  # a relative's entry: the whole reply of each slip about them, «Nguồn»'s tooltip
KEPT_ELSEWHERE = "kept_elsewhere"  # an entry with no record of its section (id None): where it is edited
Entry = dict[str, Any]
ELSEWHERE_COLOUR = QColor("#555555")  # an entry with no record of its section: from slips, from the relatives
TALLEST_ROW = 6  # lines a row of long texts shows at most (its tooltip the rest)
ENTRY_WIDTH = 560  # an entry's dialog, wider when it lists scans (within the screen)


@dataclass(frozen=True)
class EntryAction:
    """A button of a section: it asks for `fields` and hands their values to `run`."""

    label: str
    fields: tuple[Field, ...]
    run: Callable[[Database, int, Entry | None, dict[str, Any]], object]  # db, person id, entry, values
    on_entry: bool = False  # acts on the selected entry (and shows its values)
    # what else to ask the officer before running on the entry, not refused (db, entry, values): a letter still open
    doubts: Callable[[Database, Entry, dict[str, Any]], list[str]] | None = None
    relabel: Callable[[Entry], str] | None = None  # its words for the entry it acts on, when they differ
    # why it cannot act on an entry, as its service would refuse it (a passport out is not handed out again):
    # its button greyed, saying why
    refused: Callable[[Entry], str | None] | None = None

    def words(self, entry: Entry | None) -> str:
        """The button's words, and its dialog's, for `entry`: «Sửa kết luận» on a concluded case."""
        return self.relabel(entry) if self.relabel is not None and entry is not None else self.label

    def to_confirm(self, db: Database, entry: Entry | None, values: dict[str, Any]) -> list[str]:
        """What to ask before running with `values`: the dates after today, a value none of the usual ones of the
        choice made (a penalty unknown to the organisation's rules), and the action's doubts."""
        told = writes.to_confirm(db, self.fields, values)
        return told + (self.doubts(db, entry, values) if self.doubts is not None else [])


@dataclass(frozen=True)
class Section:
    title: str
    kind: str  # the notifier's name for the section's records (core.personfile)
    columns: tuple[Field, ...]
    list: Callable[[Database, int], list[Entry]]
    actions: tuple[EntryAction, ...]
    delete: Callable[[Database, int], object] | None = None
    about_relative: bool = False
    sourced: bool = False  # entries may be known from slips only (no record of the section yet)
    also_shows: tuple[str, ...] = ()  # the notifier's names of other records its entries show
    called: Callable[[Entry], str] | None = None  # how the officer tells one of its entries, named atop its dialogs


def editable(title: str, kind: str, fields: tuple[Field, ...], list_, add, update, delete, about_relative=False,
              sourced=False, also_shows=(), shown_too: tuple[Field, ...] = (), not_shown: tuple[str, ...] = ()
              ) -> Section:
    """`shown_too`: columns the list adds after the fields' (what follows from them: a deadline); `not_shown`: the
    keys of fields the list leaves to those columns (they stay on the entry's form)."""
    return Section(title, kind, tuple(f for f in fields if f.key not in not_shown) + shown_too, list_,
                   (EntryAction("Thêm", fields, lambda db, person, _entry, values: add(db, person, values)),
                    EntryAction("Sửa", fields,
                                lambda db, _person, entry, values: update(db, entry["id"], values, entry[VERSION]),
                                on_entry=True)),
                   delete, about_relative, sourced, also_shows)


# what a relative is now: «đã mất năm 1970» (from «Đã mất» and «Năm mất»: Relative.died), or «đảng viên» (Relative.
# in_party) and «ở nước ngoài»; one column for four fields so that the list stays as wide as the screen (the country,
# the year and the work abroad keep theirs)
STANDING = Field("standing", "Hiện nay")


def _relatives(db: Database, person_id: int) -> list[Entry]:
    """The relatives in the order of form 2C: those on the list (with the slips about them) and those
    known from slips only."""
    found = known.known_about(db, person_id)
    slips = {slip.slip_id: slip for slip in found.slips}
    listed = {relative.id: {**dataclasses.asdict(relative),
                            STANDING.key: _standing(relative)}
              for relative in relatives.list_relatives(db, person_id)}
    entries = []
    for relative in found.relatives:
        about = [slips[slip_id] for slip_id in relative.slip_ids]
        told = {SLIP_IDS: relative.slip_ids, SOURCE_TIP: "\n".join(slip.reply() for slip in about)}
        if relative.from_slips:
            entries.append({"id": None, "relation": relative.relation, "full_name": relative.full_name,
                            "birth_date": relative.birth_date, "home_town": relative.home_town, **told,
                            SOURCE: _source("Từ phiếu xác minh", about),
                            KEPT_ELSEWHERE: "Thân nhân này mới biết qua phiếu xác minh, chưa có trong danh sách: "
                                            f"chọn «{ADOPT}» trước."})
        elif relative.record_id in listed:
            record = listed[relative.record_id]
            entries.append({**record, VERSION: record["versions"], **told,
                            SOURCE: _source("Danh sách thân nhân", about)})
    return entries


def _standing(relative: relatives.Relative) -> str | None:
    """«đã mất năm 1970»; «đảng viên, ở nước ngoài» for one living; None when nothing is known of it."""
    return relative.died or ", ".join(filter(None, ("đảng viên" if relative.in_party else None,
                                                    "ở nước ngoài" if relative.abroad else None))) or None


def _about(names: dict[int, str], relative_id: int | None) -> str:
    """Whom an entry is about: «Cha: Nguyễn Văn Tư», nothing for the person, or that the relative is no longer
    listed (an empty cell would read as the person)."""
    return "" if relative_id is None else names.get(relative_id, REMOVED)


def _source(where: str, about: list[known.SlipAbout]) -> str:
    """Where a relative is known from, then each slip about them on a line of its own with its state: «Danh sách
    thân nhân», «41/PXM: trả lời 30/03/2026, có tài liệu», «43/PXM: chờ trả lời»."""
    return "\n".join([where, *(slip.state() for slip in about)])


def _notes(title: str, notes: OwnedRows, list_: Callable[[Database, int], list[Entry]] | None = None,
           also_shows: tuple[str, ...] = (), shown_too: tuple[Field, ...] = ()) -> Section:
    return editable(title, notes.kind, notes.fields, list_ or notes.of_owner, notes.add, notes.update,
                    notes.delete, about_relative=about_relatives(notes), also_shows=also_shows, shown_too=shown_too)


REPORT_DUE = Field("report_due", "Hạn báo cáo")  # a private trip's, while its report is not received


def _foreign_elements(db: Database, person_id: int) -> list[Entry]:
    """Those recorded, with the report due after a private trip, and the relatives living abroad by the
    relatives list (edited there)."""
    elements = foreign.elements_of(db, person_id)
    due = trip_reports.due_shown(db, elements, db.clock().date())
    return [{**entry, REPORT_DUE.key: due.get(entry["id"], "")} if entry["id"] is not None else
            {**entry, KEPT_ELSEWHERE: "Mục này theo danh sách thân nhân (ở nước ngoài): sửa hay xóa ở thẻ «Thân "
                                      "nhân»; muốn ghi thêm thì chọn «Thêm» và chọn thân nhân này."}
            for entry in elements]


IN_FORCE = Field("in_force", "Tình trạng")  # a discipline's, by its recorded end


def _disciplines(db: Database, person_id: int) -> list[Entry]:
    """The person's discipline, each said in force or past on the day (vitae.in_force)."""
    today = db.clock().date()
    return [{**entry, IN_FORCE.key: IN_FORCE_WORDS[in_force(entry, today)]}
            for entry in DISCIPLINES.of_owner(db, person_id)]


STATUS = Field("status", "Trạng thái")
CASE_DUE = Field("case_due", "Hạn hoàn thành")  # the day, and how late while the case is not concluded
CORRECT_LABEL = "Sửa kết luận"  # a concluded case's conclusion action


def _cases(db: Database, person_id: int) -> list[Entry]:
    """The person's vetting cases, the deadline of one not concluded by today told with how late it is, as the
    register tells it."""
    today = db.clock().date()
    return [{**case, CASE_DUE.key: case_due(case, today)} for case in cases.cases_of(db, person_id)]


def case_due(case: Entry, today: dt.date) -> str:
    """«15/04/2026 (quá hạn 61 ngày)»: a case's deadline, and how late it is while not concluded by `today`."""
    due, concluded = case.get("due_on"), case.get("concluded_on")
    if due is None:
        return ""
    return deadlines.late_by(due, (concluded is None or concluded > today) and deadlines.days_late(due, today) > 0,
                             today)


CASES = Section(
    "Hồ sơ thẩm tra", cases.KIND,
    (*cases.CASE_FIELDS[:2], CASE_DUE, STATUS, *cases.CONCLUSION_FIELDS[:2], cases.CONCLUSION_FIELDS[3]),
    _cases,
    (EntryAction("Mở hồ sơ thẩm tra", cases.CASE_FIELDS,
                 lambda db, person, _entry, values: cases.open_case(db, person, values)),
     EntryAction("Sửa", cases.CASE_FIELDS,
                 lambda db, _person, entry, values: cases.update_case(db, entry["id"], values, entry[VERSION]),
                 on_entry=True),
     EntryAction("Ghi kết luận", cases.CONCLUSION_FIELDS,
                 lambda db, _person, entry, values: cases.record_conclusion(db, entry["id"], values, entry[VERSION]),
                 on_entry=True, doubts=lambda db, entry, values: cases.conclusion_doubts(db, entry["id"], values),
                 relabel=lambda case: CORRECT_LABEL if case.get("status") == cases.CONCLUDED else "Ghi kết luận")),
    lambda db, case_id: recycle_bin.delete(db, cases.KIND, case_id))  # restored from the register's bin


SECTIONS = (
    _notes("Khen thưởng", REWARDS),  # form 2C items 21, 22, 27, 28, 29, then the family (item 30), 31, 32
    _notes("Kỷ luật", DISCIPLINES, _disciplines, shown_too=(IN_FORCE,)),
    _notes("Đào tạo, bồi dưỡng", TRAINING),
    _notes("Quá trình công tác", WORK_PERIODS),
    _notes("Đặc điểm lịch sử bản thân", OWN_HISTORY),
    editable("Thân nhân", relatives.KIND, relatives.FIELDS, _relatives, relatives.add_relative,
              relatives.update_relative, relatives.delete_relative, sourced=True, also_shows=("slips",),
              shown_too=(STANDING,), not_shown=("deceased", "death_date", "abroad", "birth_place", "party_member")),
    _notes("Yếu tố nước ngoài", FOREIGN_ELEMENTS, _foreign_elements, also_shows=(relatives.KIND,),
           shown_too=(REPORT_DUE,)),
    _notes("Quá trình lương", SALARY),
    _notes("Đánh giá, xếp loại", APPRAISALS),
    _notes("Vấn đề chính trị", POLITICAL_NOTES),
    CASES,
)


class SectionTab(QWidget):
    """One section of the person's file: its entries in a table, with the section's buttons.

    In a sourced section (the relatives) an entry known from slips only opens its newest slip, and
    «Thêm vào danh sách» adds it to the section with what the slips say filled in."""

    changed = Signal()

    def __init__(self, context: AppContext, section: Section, person_id: int, parent: QWidget | None = None,
                 closed: bool = False):
        """`closed`: what the tab lists is read only, whoever looks (a concluded case's steps)."""
        super().__init__(parent)
        self.context, self.section, self.person_id = context, section, person_id
        self.editable = not (closed or context.read_only) and allows(context.db.actor.role, Action.EDIT)
        self.entries: list[Entry] = []
        self.dialog: EntryDialog | None = None
        self.slip_forms: list[RecordForm] = []
        layout = QVBoxLayout(self)
        headers = _with_source(section, [spec.header for spec in section.columns]
                               + ([ABOUT] if section.about_relative else []), SOURCE)
        self.table = named(QTableWidget(0, len(headers)), section.title)
        self.table.setHorizontalHeaderLabels(headers)
        read_only(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        compact(self.table)
        if section.sourced or any(spec.max_length >= LONG_TEXT for spec in section.columns):
            wrap_long_texts(self.table)  # a relative's «Nguồn»: a line for each slip about them
        layout.addWidget(self.table, 1)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.buttons: dict[str, QPushButton] = {}
        if self.editable:
            row = QHBoxLayout()
            for action in section.actions:
                self.buttons[action.label] = self._button(row, action.label, lambda _=False, a=action: self.act(a))
            if section.delete is not None:
                self.buttons["Xóa"] = self._button(row, "Xóa", self.delete_selected)
            if section.sourced:
                self.buttons[ADOPT] = self._button(row, ADOPT, self.adopt_selected)
                self.buttons[ADOPT].setToolTip("Thêm thân nhân biết qua phiếu xác minh vào danh sách thân nhân")
                self.buttons[SLIP_LABEL] = self._button(row, SLIP_LABEL, self.slip_for_selected)
                self.buttons[SLIP_LABEL].setToolTip("Phiếu yêu cầu xác minh lai lịch mới về thân nhân đã chọn, "
                                                    "điền sẵn theo hồ sơ; chỉ cần ghi số phiếu, ngày, nơi nhận")
            row.addStretch(1)
            layout.addLayout(row)
        EnterActivates(self.table)
        self.table.activated.connect(self._open_row)  # Enter, double-click
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.shows = (section.kind, "*", *section.also_shows)
        context.notifier.changed.connect(self._changed)
        self.reload()

    def _changed(self, kind: str) -> None:
        """Its records changed, in another window or by another officer (a slip saved may name a relative)."""
        if kind in self.shows:
            self.reload()

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def reload(self) -> None:
        self.entries = self.section.list(self.context.db, self.person_id)
        names = self._relative_names()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = [spec.display(_shown(spec, entry.get(spec.key))) for spec in self.section.columns]
            if self.section.about_relative:
                cells.append(_about(names, entry.get(RELATIVE)))
            for column, text in enumerate(_with_source(self.section, cells, entry.get(SOURCE, ""))):
                item = QTableWidgetItem(text)
                tip = entry.get(SOURCE_TIP) if self.section.sourced and column == SOURCE_AT else None
                if tip or len(text) > 30:
                    item.setToolTip(typed_tip(tip or text))
                if entry.get("id") is None:
                    item.setForeground(ELSEWHERE_COLOUR)
                self.table.setItem(row, column, item)
        fit_to_width(self.table)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """What acts on an entry waits for one to be selected; «Thêm vào danh sách» for one known from slips."""
        entry = self.selected()
        if "Xóa" in self.buttons:
            self.buttons["Xóa"].setEnabled(entry is not None)
        for action in self.section.actions:
            if action.on_entry and action.label in self.buttons:
                refused = action.refused(entry) if action.refused is not None and entry is not None else None
                self.buttons[action.label].setEnabled(entry is not None and refused is None)
                self.buttons[action.label].setToolTip(refused or "")
        for action in self.section.actions:
            if action.relabel is not None and self.editable:
                self.buttons[action.label].setText(action.words(entry))
        if ADOPT in self.buttons:
            self.buttons[ADOPT].setEnabled(entry is not None and entry.get("id") is None)
            self.buttons[SLIP_LABEL].setEnabled(entry is not None and entry.get("id") is not None)

    def _relative_names(self) -> dict[int, str]:
        if not self.section.about_relative:
            return {}
        return {r.id: f"{r.relation}: {r.full_name}" for r in relatives.list_relatives(self.context.db, self.person_id)}

    def selected(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def act(self, action: EntryAction, filled: Entry | None = None) -> None:
        """Opens the action's dialog (on the selected entry, or filled with `filled`)."""
        entry = self.selected() if action.on_entry else filled
        if action.on_entry and entry is None:
            self.message.show_message("Hãy chọn một dòng trước.")
            return
        if action.on_entry and entry.get("id") is None:
            self.message.show_message(entry[KEPT_ELSEWHERE])
            return
        self.message.clear()
        self.dialog = EntryDialog(self.context, self.section, action, self.person_id, entry, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()

    def _open_row(self, index) -> None:
        """The entry on the row Enter or a double-click activated, which the keyboard may not have selected."""
        self.table.selectRow(index.row())
        self.open_selected()

    def open_selected(self) -> None:
        """Opens the selected entry: its own record, or for one known from slips its newest slip (else
        says where it is edited)."""
        entry = self.selected()
        if entry is None:
            return
        if entry.get("id") is None:
            if entry.get(SLIP_IDS):
                self.open_slip(entry[SLIP_IDS][-1])
            else:
                self.message.show_message(entry[KEPT_ELSEWHERE])
            return
        editing = next((a for a in self.section.actions if a.on_entry), None)
        if editing is not None and self.editable:
            self.act(editing)

    def open_slip(self, slip_id: int) -> RecordForm:
        return shown(RecordForm(self.context, "slips", slip_id, self), self.slip_forms)

    def slip_for_selected(self) -> RecordForm | None:
        """«Lập phiếu xác minh…»: a new slip's form about the listed relative selected, filled from the file."""
        entry = self.selected()
        if entry is None or entry.get("id") is None:
            return None
        try:
            draft = slip_draft.slip_for(self.context.db, entry["id"])
        except BvctError as error:
            self.message.show_message(error.message)
            return None
        form = RecordForm(self.context, "slips", None, self)
        form.start_from(PersonFacts(draft.person_id, f"{entry['relation']}: {entry['full_name']}"), draft.values,
                        draft.earlier)
        return shown(form, self.slip_forms)

    def adopt_selected(self) -> None:
        """«Thêm vào danh sách»: the add dialog, filled with what the slips say of the relative."""
        entry = self.selected()
        if entry is not None and entry.get("id") is None:
            adding = next(a for a in self.section.actions if not a.on_entry)
            self.act(adding, {key: entry.get(key) for key in ("relation", "full_name", "birth_date", "home_town")})

    def delete_selected(self) -> None:
        entry = self.selected()
        if entry is not None and entry.get("id") is None:
            self.message.show_message(entry[KEPT_ELSEWHERE])
            return
        if entry is None or self.context.dialogs.ask(self, "Xóa", f"Xóa mục «{self.section.title}» đã chọn?") != YES:
            return
        try:
            written_when_free(self, lambda: self.section.delete(self.context.db, entry["id"]))
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self._saved()

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()


class EntryDialog(AskingDialog):
    """Asks for one action's fields, with the field declarations' inputs and messages."""

    saved = Signal()

    def __init__(self, context: AppContext, section: Section, action: EntryAction, person_id: int,
                 entry: Entry | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.action, self.person_id, self.entry = context, action, person_id, entry
        called = section.called(entry) if section.called is not None and action.on_entry else None
        words = action.words(entry)
        self.setWindowTitle(f"{words} – {called}" if called else f"{section.title} – {words}")
        layout = QVBoxLayout(self)
        if called:
            layout.addWidget(heading(called))
        form = QFormLayout()
        self.inputs: dict[str, QWidget] = {}
        self.current_places: dict[str, QLabel] = {}  # beside a field naming a place: what it is called now
        for spec in action.fields:
            widget = make_input(spec, list(spec.choices) if spec.type is FieldType.TEXT and spec.choices else None)
            show_value(widget, spec, _typed(spec, entry.get(spec.key)) if entry else None)
            form.addRow(field_label(spec.header, spec.required, widget), widget)
            hint_whole(widget)
            written_in_full_on_leaving(widget, spec, lambda: context.clock().year)
            self.inputs[spec.key] = widget
            if spec.place is not None:  # what the place is called now: beside the value, never in it
                self.current_places[spec.key] = styled(QLabel(), "hint")
                form.addRow("", self.current_places[spec.key])
                changed_signal(widget).connect(lambda _=None, spec=spec: self._show_current_place(spec))
                self._show_current_place(spec)
        for spec in action.fields:
            if spec.choices_by is not None:  # a discipline's penalties: those of the organisation chosen
                changed_signal(self.inputs[spec.choices_by[0]]).connect(lambda _=None, spec=spec: self._offer(spec))
                self._offer(spec)
        self.relative = None
        if section.about_relative:
            self.relative = QComboBox()
            self.relative.addItem("(bản thân)", None)
            for r in relatives.list_relatives(context.db, person_id):
                self.relative.addItem(f"{r.relation}: {r.full_name}", r.id)
            if entry and entry.get(RELATIVE) is not None:
                if self.relative.findData(entry[RELATIVE]) < 0:  # kept as it is (OwnedRows.update)
                    self.relative.addItem(REMOVED, entry[RELATIVE])
                self.relative.setCurrentIndex(self.relative.findData(entry[RELATIVE]))
            form.addRow(field_label(ABOUT, False, self.relative), self.relative)
        layout.addLayout(form)
        width = ENTRY_WIDTH
        if entry and entry.get("id") and section.kind == FOREIGN_ELEMENTS.kind:  # a private trip's: the cam kết
            panel = AttachmentsPanel(context, section.kind, entry["id"], self)
            layout.addWidget(panel, 1)
            margins = layout.contentsMargins()
            width = max(width, whole_width(panel.table) + margins.left() + margins.right())  # its names not cut
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        save = QPushButton("Lưu")
        save.setDefault(True)
        save.clicked.connect(self.save)
        cancel = QPushButton("Hủy")
        cancel.clicked.connect(self.reject)
        layout.addLayout(button_row(save, cancel))
        fill_screen(self, QSize(width, self.sizeHint().height()))
        self.remember_typed()

    def _offer(self, spec: Field) -> None:
        """The usual values of `spec` for what its other field holds now, what is typed kept (to be asked about)."""
        box = self.inputs[spec.key]
        typed = box.currentText()
        box.blockSignals(True)
        box.clear()
        box.addItems(["", *spec.usual({key: read_input(widget) for key, widget in self.inputs.items()})])
        box.setCurrentText(typed)
        box.blockSignals(False)

    def _show_current_place(self, spec: Field) -> None:
        said = spec.now_said(read_input(self.inputs[spec.key]))
        self.current_places[spec.key].setText(said)
        self.current_places[spec.key].setVisible(bool(said))

    def values(self) -> dict[str, Any]:
        values = {key: read_input(widget) for key, widget in self.inputs.items()}
        if self.relative is not None:
            values[RELATIVE] = self.relative.currentData()
        return values

    def save(self) -> bool:
        values = self.values()
        if not confirm_doubts(self.context, self, self.action.to_confirm(self.context.db, self.entry, values)):
            return False
        try:
            written_when_free(self, lambda: self.action.run(self.context.db, self.person_id, self.entry, values))
        except BvctError as error:
            problems = getattr(error, "problems", None)
            self.message.show_message("; ".join(problems.values()) if problems else error.message)
            return False
        self.saved.emit()
        self.accept()
        return True


HINT_ROOM = 16  # pixels a line's frame and text margins take beside its hint


def hint_whole(widget: QWidget) -> None:
    """A line (or a box one types in) as wide as its hint: «… nếu đến nay» was cut at the dialog's width."""
    line = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    if isinstance(line, QLineEdit) and line.placeholderText():
        line.setMinimumWidth(line.fontMetrics().horizontalAdvance(line.placeholderText()) + HINT_ROOM)


def _with_source(section: Section, cells: list[str], source: str) -> list[str]:
    """A sourced section's cells with where the entry is known from, after who it is."""
    return cells[:SOURCE_AT] + [source] + cells[SOURCE_AT:] if section.sourced else cells


def compact(table: QTableView) -> None:
    """Rows one line high, no row numbers, the columns fitted to the width as a register's; rows are selected
    whole, and the headers are not drawn bold for them (a header fitted in the table's font would be cut)."""
    table.setWordWrap(False)
    table.horizontalHeader().setHighlightSections(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_ROOM)
    table.verticalHeader().hide()
    keep_fitted(table)


def wrap_long_texts(table: QTableView) -> None:
    """Each row as tall as its cells' lines need, up to TALLEST_ROW lines, with a one-line row's room around
    them: fitted, the columns give way down to their longest word and every one stays in view."""
    wrap_cells(table)
    table.setItemDelegate(LinesWithRoom(table))
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    rows.setMaximumSectionSize(TALLEST_ROW * table.fontMetrics().lineSpacing() + ROW_ROOM)


def _typed(spec: Field, value: object) -> object:
    """A stored value as an input holds it: booleans (ở nước ngoài) as the choice the form offers,
    everything else exactly as stored (an input's text is what is saved)."""
    if isinstance(value, bool) and spec.type is FieldType.CHOICE:
        return spec.choices[0] if value else spec.choices[-1]
    return value


def _shown(spec: Field, value: object) -> object:
    """A stored value as the list's cell shows it: a home town or residence written under former names with
    what it is called now beside it (display only: inputs are filled with `_typed`, never with this)."""
    if spec.place is Place.ADDRESS and isinstance(value, str):  # an old slip's addressee stays as it was then
        return gazetteer.with_current_name(value)
    return _typed(spec, value)
