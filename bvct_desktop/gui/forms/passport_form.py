"""The passports of one cadre in one window (the passport custody register, core/passports.py): each
passport with where it is today, handed out for a trip and received back by its own small dialog, and
below them the ledger of every handover (sổ giao, nhận). A new passport starts by choosing its holder."""

from collections.abc import Callable

from ...core import passports, recycle_bin
from ...core.database import Database
from ...core.dates import PartialDate
from ...core.editing import VERSION
from ...core.errors import BvctError
from ...core.fields import Field
from ..context import AppContext
from ..look import ErrorLabel, button_row, fill_screen, heading, plain
from ..qt import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from .person_file import EntryAction, EntryDialog, Section, SectionTab
from .person_picker import PersonPicker

ADD, EDIT, HAND_OUT, TAKE_BACK, LOST = "Thêm hộ chiếu", "Sửa", "Giao hộ chiếu", "Nhận lại", "Báo mất"
WITHDRAW_LOSS = "Hủy báo mất"  # a loss recorded on the wrong passport, withdrawn with its reason
LOST_AGAIN = "Sửa báo mất"  # «Báo mất» on a passport already reported lost: its day and what was reported
PASSPORTS = Section(
    "Hộ chiếu", passports.KIND,
    (*passports.PASSPORT_FIELDS[:4], passports.KEPT_SHOWN, passports.STATE, passports.PASSPORT_FIELDS[5]),
    passports.passports_of,
    (EntryAction(ADD, passports.PASSPORT_FIELDS,
                 lambda db, person, _entry, values: passports.add_passport(db, person, values)),
     EntryAction(EDIT, passports.PASSPORT_FIELDS,
                 lambda db, _person, entry, values: passports.update_passport(db, entry["id"], values, entry[VERSION]),
                 on_entry=True),
     EntryAction(HAND_OUT, passports.HANDOUT_FIELDS,
                 lambda db, _person, entry, values: passports.hand_out(db, entry["id"], values), on_entry=True,
                 doubts=lambda db, entry, values: passports.handout_doubts(db, entry["id"], values),
                 refused=passports.hand_out_refused),
     EntryAction(TAKE_BACK, passports.RETURN_FIELDS,
                 lambda db, _person, entry, values: passports.take_back(db, entry["id"], values), on_entry=True,
                 refused=passports.take_back_refused),
     EntryAction(LOST, passports.LOST_FIELDS,
                 lambda db, _person, entry, values: passports.report_lost(db, entry["id"], values), on_entry=True,
                 doubts=passports.lost_doubts, relabel=lambda entry: LOST_AGAIN if entry["lost_on"] else LOST),
     EntryAction(WITHDRAW_LOSS, passports.WITHDRAW_LOSS_FIELDS,
                 lambda db, _person, entry, values: passports.withdraw_loss(db, entry["id"], values, entry[VERSION]),
                 on_entry=True, doubts=passports.withdraw_loss_doubts, refused=passports.withdraw_loss_refused)),
    lambda db, passport_id: recycle_bin.delete(db, passports.KIND, passport_id),  # restored from the register's bin
    also_shows=(passports.HANDOVERS,), called=passports.called)
LEDGER = Section(
    "Sổ giao, nhận hộ chiếu", passports.HANDOVERS,
    (Field("passport_number", "Số hộ chiếu"), *passports.HANDOVER_FIELDS[:4], passports.DUE_SHOWN,
     *passports.HANDOVER_FIELDS[4:]),
    passports.handovers_of,
    (EntryAction(EDIT, passports.HANDOVER_FIELDS,
                 lambda db, _person, entry, values: passports.update_handover(db, entry["id"], values,
                                                                              entry[VERSION]),
                 on_entry=True),),
    also_shows=(passports.KIND,))


class PassportForm(QDialog):
    closed = Signal()
    saved = Signal(int)

    def __init__(self, context: AppContext, kind: str = passports.KIND, record_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.record_id = record_id
        self.dialog: EntryDialog | None = None
        self.setWindowTitle("Hộ chiếu – " + ("Thêm hộ chiếu" if record_id is None else f"số {record_id}"))
        self.layout_ = QVBoxLayout(self)
        self.message = ErrorLabel()
        fill_screen(self)
        if record_id is None:
            self._choose_holder()
        else:
            self._show_holder(record_id, passports.view_holder)

    def is_dirty(self) -> bool:
        return False  # every change is saved by its own small dialog

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.closed.emit()
        event.accept()

    # ----- a new passport: whose it is

    def _choose_holder(self) -> None:
        self.layout_.addWidget(heading(ADD, "Chọn cán bộ giữ hộ chiếu (đã có trong danh sách cán bộ)."))
        self.picker = PersonPicker(self.context, self)
        self.picker.picked.connect(self._add_for)
        self.layout_.addWidget(self.picker)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.message)
        self._add_close()

    def _add_for(self, facts) -> None:
        self.person_id = facts.person_id
        self.dialog = EntryDialog(self.context, PASSPORTS, PASSPORTS.actions[0], facts.person_id, None, self)
        self.dialog.saved.connect(self._added)
        self.dialog.open()

    def _added(self) -> None:
        self.record_id = max(passport["id"] for passport in passports.passports_of(self.context.db, self.person_id))
        self._changed()
        self.saved.emit(self.record_id)
        while (item := self.layout_.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        self._show_holder(self.record_id)

    # ----- a holder's passports and ledger

    def _show_holder(self, passport_id: int,
                     reading: Callable[[Database, int], passports.Holder] = passports.holder_of) -> None:
        """The holder of `passport_id` as `reading` reads it (the officer opening the window, or the holder of a
        passport just added): their passports and ledger."""
        try:
            holder = reading(self.context.db, passport_id)
        except BvctError as error:
            self.layout_.addWidget(plain(QLabel(error.message)))  # a locked account names its user as typed
            return
        self.person_id = person_id = holder.person_id
        born = f", {PartialDate.from_iso(holder.birth_date).born}" if holder.birth_date else ""
        self.setWindowTitle(f"Hộ chiếu – {holder.full_name}")
        self.layout_.addWidget(heading(f"{holder.full_name}{born}", "Hộ chiếu và sổ giao, nhận hộ chiếu"))
        for section in (PASSPORTS, LEDGER):
            self.layout_.addWidget(QLabel(f"<b>{section.title}</b>"))
            tab = SectionTab(self.context, section, person_id, self)
            tab.changed.connect(self._changed)
            self.layout_.addWidget(tab, 1)
        self._add_close()

    def _changed(self) -> None:
        """The register, the other tab and other windows read again what a dialog saved."""
        for kind in (passports.KIND, passports.HANDOVERS):
            self.context.notifier.changed.emit(kind)

    def _add_close(self) -> None:
        close = QPushButton("Đóng")
        close.clicked.connect(self.close)
        self.layout_.addLayout(button_row(close))

