"""The form of one record, built from its kind's field declarations: required fields marked
with a red *, a Vietnamese message under a field as soon as its value is wrong, dates typed as
`1955`, `03/1955` or `12/03/1955`, drop-downs for fixed values, a person picker that warns when
the person already exists, the choice of the cadre a record naming one by name alone is about, and
a prompt before unsaved changes are lost."""

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from ...core import attachments, editing, in_charge, recipients
from ...core.errors import BvctError, RowProblem
from ...core.fields import Field, FieldType
from ...core.kinds import SLIPS, kind_named
from ...core.people import Identity
from ...core.permissions import Action, allows
from ...core.typed import following_number
from .. import printing
from ..accessible import REQUIRED, field_label, required_mark
from ..attachments_panel import AttachmentsPanel
from ..context import AppContext
from ..dialogs import CANCEL, NO, YES
from ..look import ErrorLabel, button_row, fill_screen, styled
from ..qt import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSize,
    QSizePolicy,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ..workers import written_when_free
from .cadre_choice import CadreChoice
from .in_charge_row import InChargeRow
from .inputs import (
    changed_signal,
    make_input,
    make_read_only,
    read_input,
    set_typed,
    show_value,
    written_in_full_on_leaving,
)
from .members import MembersTable
from .person_picker import PersonPicker
from .slip_number import SuggestedNumber

IDENTITY_KEYS = ("full_name", "birth_date", "home_town", "cccd")
TITLE_KEYS = ("full_name", "name", "number", "subject_name", "sender")  # what names a record in its window's title
TYPING_PAUSE_MS = 250  # the officer stopped typing an identity field
FORM_SIZE = QSize(760, 640)  # a record's fields in view, within the screen (fill_screen)


def confirm_doubts(context: AppContext, parent: QWidget, doubts: list[str]) -> bool:
    """Whether to save values an import would take and tell (`doubts`, as editing tells them: a date
    after today, a CCCD disagreeing with the birth date or sex): asked, since a mistyped year keeps a
    record out of its period's report and a mistyped CCCD makes a second person, while the PC's clock
    or the record may be the one that is wrong; True when there are none."""
    return not doubts or context.dialogs.ask(parent, "Lưu ý", "\n".join(doubts) + "\n\nVẫn lưu?") == YES


# the room of a label on a form listing members: a longer one («Trong kế hoạch đối ngoại năm») on two lines
LABEL_ROOM = "Ngày nhận báo cáo"
# fields typed on one row, each after its label: a delegation's report, so that the members' table keeps its room
ONE_ROW = {"delegations": ("report_no", "report_on", "report_to")}


class RecordForm(QDialog):
    closed = Signal()
    saved = Signal(int)
    next_wanted = Signal(dict)  # «Lưu và thêm mới»: saved, and closed for the next record, given its carried values
    repicks_person = True  # an edited record may be given a person already recorded (a second entry of them)

    def __init__(self, context: AppContext, kind: str, record_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kind = kind_named(kind)
        self.record_id = record_id
        stored = editing.view(context.db, kind, record_id) if record_id else {}
        self.editable = (not context.read_only and allows(context.db.actor.role, Action.EDIT)
                         and stored.get(editing.BINNED) is None)  # a record in the bin is restored, not saved
        self.person_keys = editing.person_keys(self.kind)
        self.person_id: int | None = None
        self.own_person: int | None = None  # the edited record's person as stored
        self.preview = self.print_job = None  # the print preview, and the document being prepared for it
        self.picked: Identity | None = None  # the person picked in the picker, as stored then
        self.inputs: dict[str, QWidget] = {}
        self.columns: dict[str, QVBoxLayout] = {}  # a field's box, what is told under it and its red line
        self.errors: dict[str, ErrorLabel] = {}
        self.current_places: dict[str, QLabel] = {}  # beside a field naming a place: what it is called now
        self.cadre_choice: CadreChoice | None = None  # beside the name of a cadre named by name alone
        self._dirty = False
        self.attachments: AttachmentsPanel | None = None  # its tab's, once shown
        self.seen = stored.get(editing.VERSION)  # a save over someone else's change since is refused
        self.setWindowTitle(self._title(stored))
        self._build()
        self._fill(stored)
        self.number_suggestion: SuggestedNumber | None = None
        if self.record_id is None and self.editable and self.kind is SLIPS:
            self.number_suggestion = SuggestedNumber(context, self.inputs["number"], self.inputs["issued_on"])
        self._dirty = False
        context.notifier.changed.connect(self._changed_elsewhere)
        self._first_box().setFocus()  # else the first in the tab order: a tab bar arrow when the tabs do not fit

    def _first_box(self) -> QWidget:
        """Where the form is typed first: the picker's search for a new record's person, else the first field."""
        return self.picker.search if self.picker is not None and self.record_id is None \
            else next(iter(self.inputs.values()))

    # ----- building

    def _title(self, stored: dict) -> str:
        label = next((stored[key] for key in TITLE_KEYS if stored.get(key)), f"số {self.record_id}")
        action = "Sửa" if self.editable else "Xem"
        return f"{self.kind.title} – {action}: {label}" if self.record_id else f"{self.kind.title} – Thêm mới"

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.picker = None
        if self.person_keys and self.editable and (self.record_id is None or self.repicks_person):
            self.picker = PersonPicker(self.context, self)
            self.picker.picked.connect(self.use_person)
            self.picker.dropped.connect(self.drop_person)
            # the people who may be the one typed, looked for once the typing pauses (not at each key of «Nguyễn»)
            self.duplicates_pause = QTimer(self)
            self.duplicates_pause.setSingleShot(True)
            self.duplicates_pause.setInterval(TYPING_PAUSE_MS)
            self.duplicates_pause.timeout.connect(self._look_for_duplicates)
            layout.addWidget(self.picker)
        self.tabs = QTabWidget()
        self.fields_area = self._scrolled(self._fields_box())
        self.tabs.addTab(self.fields_area, "Thông tin")
        if self.record_id and self.kind.name in attachments.OWNERS:  # a slip's: the police unit's reply, scanned
            self.tabs.addTab(QWidget(), "Tệp đính kèm")
            self.tabs.currentChanged.connect(self._show_attachments)
        layout.addWidget(self.tabs, 1)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        # a form of its own adds its buttons beside the others
        self.button_row = buttons = button_row(left=[QLabel(f"{required_mark()} {REQUIRED}")])
        if self.editable:
            self.save_button = QPushButton("Lưu")
            self.save_button.setDefault(True)
            self.save_button.setToolTip("Lưu (Ctrl+S; Enter khi không đang gõ trong ô nhiều dòng)")
            self.save_button.clicked.connect(self.save)
            QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)  # silenced while locked (autolock)
            buttons.addWidget(self.save_button)
            self.save_next_button = QPushButton("Lưu và thêm mới")
            self.save_next_button.setToolTip("Lưu rồi mở phiếu mới, giữ ngày, nơi nhận, mục đích và đề xuất số tiếp "
                                             "theo (Ctrl+Enter)")
            self.save_next_button.clicked.connect(self.save_and_next)
            self.save_next_button.hide()  # offered by the register's «Thêm» (offer_next)
            buttons.addWidget(self.save_next_button)
        if self.record_id and self.kind.name in printing.RECORD_DOCUMENTS \
                and allows(self.context.db.actor.role, Action.EXPORT):
            self.print_button = QPushButton(printing.RECORD_DOCUMENTS[self.kind.name][0] + "…")
            self.print_button.setToolTip("Xem trước và in, sẵn sàng để ký")
            self.print_button.clicked.connect(lambda: self.print_record())
            buttons.addWidget(self.print_button)
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._order_tabbing()
        fill_screen(self, FORM_SIZE if self.members is None else None)  # the members' table read across

    def _show_attachments(self, index: int) -> None:
        """The attachments' tab, listed once the officer first looks at it."""
        page = self.tabs.widget(index)
        if self.attachments is None and page is not self.fields_area:
            self.attachments = AttachmentsPanel(self.context, self.kind.name, self.record_id, titled=False)
            shown = QVBoxLayout(page)
            shown.setContentsMargins(0, 0, 0, 0)  # the panel's own keep it off the tab's frame
            shown.addWidget(self.attachments)
            self.tab_into_pages()

    def _order_tabbing(self) -> None:
        """Tab follows the screen: the picker, the tab bar (shown once there is a second tab), the fields,
        then the buttons, and round to the top. The frames around the fields take no focus."""
        self.tabs.setTabBarAutoHide(True)
        self.tabs.setFocusProxy(None)  # else Tab reaching the tab widget, before its pages, jumps to the bar
        for frame in (self.tabs, self.fields_area):
            frame.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def tab_into_pages(self) -> None:
        """Tab goes from the tab bar into the page shown (a page's own tabs first), then down to the buttons:
        a widget put in the window once it stands is put last in its Tab order, after «Đóng» — a cadre's
        file made after the form, a slip's scans listed when first looked at."""
        bar = self.tabs.tabBar()
        chain = [widget for widget in self._focus_chain() if widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
        arrows = [widget for widget in chain if bar.isAncestorOf(widget)]  # its own, when the tabs do not fit
        pages = [widget for widget in chain if self.tabs.isAncestorOf(widget) and widget is not bar
                 and widget not in arrows]
        for before, after in pairwise([bar, *arrows, *pages]):
            QWidget.setTabOrder(before, after)

    def _focus_chain(self) -> list[QWidget]:
        chain, widget = [], self.nextInFocusChain()
        while widget is not self:
            chain.append(widget)
            widget = widget.nextInFocusChain()
        return chain

    def print_record(self, document: Callable[..., Any] | None = None) -> None:
        """This record's document in the print preview (as saved: unsaved changes are not printed): the one
        its register prints, or `document` (printing.print_vitae: a cadre's form 2C)."""
        if self.is_dirty():
            self.message.show_message("Lưu thay đổi trước khi in: giấy tờ in theo dữ liệu đã lưu.")
            return
        print_each = document or printing.RECORD_DOCUMENTS[self.kind.name][1]
        self.print_job = print_each(self.context, [self.record_id], self,
                                    opened=lambda preview: setattr(self, "preview", preview))

    def _scrolled(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def _fields_box(self) -> QWidget:
        box = QWidget()
        rows = QVBoxLayout(box)
        self.rows = form = QFormLayout()  # a form of its own adds its rows under the fields
        rows.addLayout(form)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        members_only = editing.MEMBER_PERSON_KEYS + editing.MEMBER_KEYS if self.kind.name == "delegations" else ()
        one_row = ONE_ROW.get(self.kind.name, ())
        shared, line = QVBoxLayout(), QHBoxLayout()  # the row's boxes on one line, their red lines below it
        shared.setSpacing(1)
        shared.addLayout(line)
        line.setSpacing(form.horizontalSpacing())  # as between a row's label and its box
        for spec in self.kind.on_form:
            if spec.key in members_only:
                continue
            label, notes = self._field(spec)
            widget = self.inputs[spec.key]
            if spec.key in one_row[1:]:  # beside the boxes before it, further from the box before than from its own
                line.addSpacing(form.horizontalSpacing())
                line.addWidget(label)
            elif self.kind.members is not None:  # a long label on two lines: the members' table needs the width
                label.setWordWrap(True)
                label.setFixedWidth(QLabel(LABEL_ROOM).sizeHint().width())
            if spec.key in one_row:
                line.addWidget(widget, 0 if spec.type is FieldType.DATE else 1)  # a date asks a date's room
                shared.addLayout(notes)
            else:
                notes.insertWidget(0, widget)
            if spec.key not in one_row[1:]:
                form.addRow(label, shared if spec.key in one_row else notes)
            if self.kind.named_cadre is not None and spec.key == self.kind.named_cadre.name_key:
                choice = self._cadre_choice()
                form.addRow(field_label("Hồ sơ cán bộ", False, choice.box), choice)
        self.in_charge: InChargeRow | None = None
        if in_charge.FIELD in self.kind.kept:
            self.in_charge = InChargeRow(self.context, self.kind.name, self.record_id, None)
            self.in_charge.handed_over.connect(self._handed_over)
            form.addRow(field_label(in_charge.FIELD.header, False, self.in_charge.officer), self.in_charge)
        self.members = None
        if members_only:
            self.members = MembersTable(self.kind, self.editable)
            self.members.changed.connect(lambda: self._set_dirty())
            form.addRow(field_label(self.kind.members.label, True, self.members.table), self.members)
            self.errors[editing.MEMBERS] = ErrorLabel()
            form.addRow("", self.errors[editing.MEMBERS])
        elif not any(isinstance(widget, QPlainTextEdit) for widget in self.inputs.values()):
            rows.addStretch(1)  # the room to spare goes below the fields, not to a red line under one of them
        return box

    def _field(self, spec: Field) -> tuple[QLabel, QVBoxLayout]:
        """The box of the field `spec` (in `inputs`), its label, and what is written under the box: the line
        naming its place now, its red line."""
        widget = make_input(spec, self._suggestions(spec.key))
        if not self.editable:
            make_read_only(widget)
        error = ErrorLabel()
        column = QVBoxLayout()
        column.setSpacing(1)
        if spec.place is not None:  # written under former names: what the place is called now
            hint = self.current_places[spec.key] = styled(QLabel(), "hint")
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            column.addWidget(hint)
        column.addWidget(error)
        self.inputs[spec.key], self.errors[spec.key], self.columns[spec.key] = widget, error, column
        changed_signal(widget).connect(lambda _=None, key=spec.key: self._edited(key))
        if self.editable:
            written_in_full_on_leaving(widget, spec, lambda: self.context.clock().year)
        return field_label(spec.header, spec.required, widget), column

    def _cadre_choice(self) -> CadreChoice:
        self.cadre_choice = CadreChoice(self.context)
        self.cadre_choice.setEnabled(self.editable)
        self.cadre_choice.picked.connect(self._set_dirty)
        return self.cadre_choice

    def _suggestions(self, key: str) -> list[str] | None:
        if self.kind.name == "slips" and key == "recipient":
            return [unit.name for unit in recipients.list_recipients(self.context.db)]
        return None

    def _fill(self, stored: dict) -> None:
        self.person_id = self.own_person = stored.get("person_id")
        for key, widget in self.inputs.items():
            show_value(widget, self.kind.field(key), stored.get(key))
        for key in self.current_places:
            self._show_current_place(key)
        self._show_cadre(stored)
        if self.in_charge is not None:
            self.in_charge.show_officer(stored.get(in_charge.FIELD.key))
        if self.members is not None:
            self.members.set_members(stored.get(editing.MEMBERS, []))

    def _handed_over(self) -> None:
        """Handed over from this form: what is typed stays, and saves over the handover (its only change)."""
        try:
            self.seen = editing.load(self.context.db, self.kind.name, self.record_id).get(editing.VERSION)
        except BvctError as error:
            self.message.show_message(error.message)

    def _show_cadre(self, stored: dict) -> None:
        """The cadre's file the record is about: its link once stored, else the name's one cadre."""
        if self.cadre_choice is not None:
            link = self.kind.named_cadre
            kept = (stored.get(link.column) or editing.NOBODY) if self.record_id else None
            self.cadre_choice.start(stored.get(link.name_key) or "", kept, self.record_id)

    # ----- editing

    def _edited(self, key: str) -> None:
        self._set_dirty()
        self._check(key)
        if key in self.current_places:
            self._show_current_place(key)
        if self.cadre_choice is not None and key == self.kind.named_cadre.name_key:
            self.cadre_choice.follow(read_input(self.inputs[key]))
        if self.picker is not None and key in IDENTITY_KEYS:
            if self.picked is not None:
                self.picker.warn_changed(self.picked.description, self._changed_identity())
            else:
                self.duplicates_pause.start()

    def _look_for_duplicates(self) -> None:
        if self.picked is None:  # else a person was picked meanwhile: what changed of theirs is told instead
            self.picker.warn_about(self._identity(), self.person_id)

    def _changed_identity(self) -> list[str]:
        """The identity fields (their labels) whose values now differ from the person picked."""
        now = self._identity()
        if self.picked is None:
            return []
        if now is None:  # a name emptied or a date not yet valid
            return ["thông tin nhận dạng"]
        pairs = zip(("full_name", "birth_date", "home_town"), self.picked.key, now.key, strict=True)
        changed = [self.kind.field(key).header.lower() for key, before, after in pairs if before != after]
        if "cccd" in self.inputs and (now.cccd or None) != (self.picked.cccd or None):
            changed.append("số CCCD")
        return changed

    def _show_current_place(self, key: str) -> None:
        said = self.kind.field(key).now_said(read_input(self.inputs[key]))
        self.current_places[key].setText(said)
        self.current_places[key].setVisible(bool(said))

    def _set_dirty(self) -> None:
        self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty and self.editable

    def _check(self, key: str) -> bool:
        spec = self.kind.field(key)
        try:
            spec.parse(read_input(self.inputs[key]))
        except RowProblem as problem:
            self._show_error(key, f"{spec.header}: {problem.message}")
            return False
        self.errors[key].hide()
        return True

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors.get(key) or self.errors.get(key.split(".")[0]) or self.errors.get(editing.MEMBERS)
        if label is None:
            self.message.show_message(text)
            return
        label.show_message(text)

    def _identity(self) -> Identity | None:
        values = self.values()
        try:
            parsed = {key: self.kind.field(key).parse(values.get(key)) for key in ("full_name", "birth_date")}
            town = values.get("home_town") or None
            cccd = self.kind.field("cccd").parse(values.get("cccd")) if "cccd" in self.inputs else None
        except RowProblem:
            return None
        return Identity(parsed["full_name"], parsed["birth_date"], town, cccd)

    def values(self) -> dict:
        values = {key: read_input(widget) for key, widget in self.inputs.items()}
        if self.members is not None:
            values[editing.MEMBERS] = self.members.members()
        return values

    def use_person(self, facts: editing.PersonFacts) -> None:
        """Fills the person's fields from the one the officer picked in the picker."""
        person = editing.load_person(self.context.db, facts.person_id)
        self.person_id = facts.person_id
        for key in self.person_keys:
            if key in self.inputs:
                show_value(self.inputs[key], self.kind.field(key), person.get(key))
        self.picked = Identity(person["full_name"], person["birth_date"], person["home_town"], person["cccd"])
        self.message.show_message(f"Dùng người đã có: {facts.description}", error=False)

    def start_from(self, facts: editing.PersonFacts, values: dict[str, Any], earlier: Sequence[str] = ()) -> None:
        """A new record's form about the person `facts` names, `values` written over theirs (a slip drafted from
        a relative on a person's file), the records already made about them (`earlier`, a line each) told at
        once; the officer reads it and saves."""
        self.use_person(facts)
        for key, value in values.items():
            show_value(self.inputs[key], self.kind.field(key), value)
        self._show_cadre(values)
        if earlier:
            self.message.show_message("\n".join([f"Đã có {len(earlier)} {self.kind.title.lower()} về "
                                                  f"{facts.description}:", *(f"• {line}" for line in earlier)]))
        self._first_empty_required().setFocus()

    def _first_empty_required(self) -> QWidget:
        return next((widget for key, widget in self.inputs.items()
                     if self.kind.field(key).required and not read_input(widget)), self._first_box())

    def drop_person(self) -> None:
        """The form is about someone else than the person picked: a new record's person is found by the
        person rule instead, an edited record stays about its own person."""
        self.person_id, self.picked = self.own_person, None
        told = ("bản ghi vẫn nói về người của nó; khi lưu, thông tin của người ấy được sửa theo biểu mẫu"
                if self.own_person is not None else "khi lưu, chương trình tìm hoặc tạo người theo họ tên, ngày sinh, "
                "quê quán")
        self.message.show_message(f"Không dùng người đã chọn: {told}.", error=False)
        self.picker.warn_about(self._identity(), self.own_person)

    def save(self) -> bool:
        for label in self.errors.values():
            label.hide()
        self.message.clear()
        try:
            if not self._confirm_picked_person() or not self._confirm_doubts():
                return False
            values, person = self.values(), self._person()
            self.record_id = written_when_free(self, lambda: editing.save(self.context.db, self.kind.name, values,
                                                                          self.record_id, person, self.seen))
        except editing.FormProblems as problems:
            for key, text in problems.problems.items():
                self._show_error(key, text)
            self._point_at_first(problems.problems)
            return False
        except BvctError as error:
            self.message.show_message(error.message)
            return False
        stored = editing.load(self.context.db, self.kind.name, self.record_id)
        self.person_id, self.seen = stored.get("person_id"), stored.get(editing.VERSION)
        self.own_person = self.person_id
        self._show_cadre(stored)
        self._dirty = False
        self.setWindowTitle(self._title(stored))
        self.message.show_message("Đã lưu.", error=False)
        self.context.notifier.changed.emit(self.kind.name)
        self.saved.emit(self.record_id)
        return True

    def offer_next(self) -> None:
        """«Lưu và thêm mới» (Ctrl+Enter) on a new record's form: the next of a pile of papers without the mouse."""
        self.save_next_button.show()
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.save_and_next)

    def save_and_next(self) -> None:
        """Saves, then hands the fields the next record keeps (a number as the one after, a slip's the one after
        still free) to whoever opens it."""
        if not self.save():
            return
        carried = {spec.key: read_input(self.inputs[spec.key]) for spec in self.kind.fields
                   if spec.carried and spec.key in self.inputs}
        after = self.number_suggestion.after if self.number_suggestion is not None else following_number
        carried.update({spec.key: after(carried[spec.key]) for spec in self.kind.fields
                        if spec.carried and spec.as_written and spec.key in carried})
        self.close()
        self.next_wanted.emit(carried)

    def carry(self, values: dict[str, str]) -> None:
        """The values the last record of the pile left (`save_and_next`), the first field still empty focused."""
        for key, value in values.items():
            set_typed(self.inputs[key], value)
        self._dirty = False
        self._first_empty_required().setFocus()

    def _person(self) -> int | None:
        """Whom the record is about, as the form shows it: the person picked, or the cadre chosen."""
        return self.cadre_choice.choice() if self.cadre_choice is not None else self.person_id

    def _point_at_first(self, problems: dict[str, str]) -> None:
        """Scrolls to the first field of the form that `problems` names, focuses it and names it: on a
        long form the red line may be out of view."""
        named = {key.split(".")[0] for key in problems}
        first = next((key for key in self.inputs if key in named), None)
        if first is None:  # the members, or the record as a whole
            self.message.show_message("Chưa lưu: hãy sửa các ô báo đỏ.")
            return
        self.tabs.setCurrentWidget(self.fields_area)
        self.inputs[first].setFocus()
        QTimer.singleShot(0, lambda: self._scroll_to(first))  # once the red lines just shown are laid out
        self.message.show_message(f"Chưa lưu: hãy sửa các ô báo đỏ, trước hết ô «{self.kind.field(first).header}».")

    def _scroll_to(self, key: str) -> None:
        """The field `key` in view, and the red line under it as far as the view allows."""
        self.fields_area.ensureWidgetVisible(self.errors[key])
        self.fields_area.ensureWidgetVisible(self.inputs[key])

    def _confirm_doubts(self) -> bool:
        return confirm_doubts(self.context, self, editing.to_confirm(self.context.db, self.kind.name, self.values(),
                                                                      self.record_id, self._person()))

    def _confirm_picked_person(self) -> bool:
        """Before a save that changes who the picked person is, asks: correct them, or someone else?"""
        changed = self._changed_identity() if self.picked is not None else []
        if not changed:
            return True
        answer = self.context.dialogs.ask(
            self, "Người đã chọn", f"Đã sửa {', '.join(changed)} của người đã chọn ({self.picked.description}).\n\n"
            "Có: sửa thông tin của chính người đó.\nKhông: đây là người khác (không sửa người đã chọn).",
            with_cancel=True)
        if answer == CANCEL:
            return False
        if answer == NO:
            self.drop_person()
        return True

    def _changed_elsewhere(self, _kind: str) -> None:
        """Someone changed this record (or its person) since the form was filled — in another window or
        another officer: an untouched form shows the change; one being edited keeps what the officer
        typed and says that saving it now would be refused. A record put in the recycle bin is only
        shown from then on: a save would be refused."""
        if self.record_id is None or self.seen is None or not self.isVisible() or self.context.db.closed:
            return
        try:
            change = editing.changed_meanwhile(self.context.db, self.kind.name, self.record_id, self.seen)
            if change is None:
                return
            typed = self.is_dirty()
            if typed and not change.binned:
                self.message.show_message(f"Bản ghi vừa được {change}. Những gì bạn nhập vẫn còn, nhưng nếu lưu bây "
                                          "giờ chương trình sẽ từ chối để không ghi đè thay đổi đó: hãy ghi lại phần "
                                          "mình sửa, đóng và mở lại bản ghi.")
                return
            stored = editing.load(self.context.db, self.kind.name, self.record_id)
        except BvctError as error:
            self.message.show_message(error.message)
            return
        self.seen = stored.get(editing.VERSION)
        if not typed:
            self._fill(stored)
            self._dirty = False
        if change.binned and self.editable:
            self._only_show()
        self.setWindowTitle(self._title(stored))
        if change.binned:
            kept = " Những gì bạn nhập vẫn còn trên biểu mẫu: hãy chép lại nếu cần." if typed else ""
            self.message.show_message(f"Bản ghi vừa bị {change} (chuyển vào Thùng rác): biểu mẫu chỉ còn để xem, "
                                      f"không lưu được.{kept} Muốn sửa, hãy khôi phục bản ghi từ Thùng rác rồi mở lại.")
        else:
            self.message.show_message(f"Đang hiện bản mới nhất: bản ghi vừa được {change}.", error=False)

    def _only_show(self) -> None:
        """The form shows the record and saves nothing (no «Lưu»): it went to the recycle bin."""
        self.editable = False
        for widget in self.inputs.values():
            make_read_only(widget)
        if self.members is not None:
            self.members.only_show()
        self.save_button.hide()

    # ----- closing

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.is_dirty():
            answer = self.context.dialogs.ask(self, "Chưa lưu", "Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?",
                                              with_cancel=True)
            if answer == CANCEL or answer == YES and not self.save():
                event.ignore()
                return
        self.closed.emit()
        event.accept()

    def reject(self) -> None:  # Esc closes through the same prompt
        self.close()
