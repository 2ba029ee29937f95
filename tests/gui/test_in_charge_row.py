"""«Cán bộ phụ trách» on the form of a slip and of a vetting case: shown, never typed; a leader hands the one record
over with «Bàn giao…» and what the form holds still saves; an officer sees who is in charge, without the button."""


from sqlalchemy import select

from bvct_desktop.core import editing
from bvct_desktop.core.permissions import LEADER, OFFICER
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import persons, slips
from bvct_desktop.gui import workers
from bvct_desktop.gui.forms import open_form
from tests.conftest import ADMIN
from tests.gui.held_writes import held_until_the_waiting_dialog
from tests.gui.shell_support import as_user, context_for, new_database

OFFICER_NAME = "chuyenvien2"


def _office(tmp_path, clock):
    db = new_database(tmp_path, clock, ("cadres", "slips"))
    as_user(db, OFFICER_NAME, OFFICER).close()
    return db, as_user(db, "lanhdao1", LEADER)


def _first_slip(db) -> int:
    with db.read() as connection:
        return connection.execute(select(slips.c.id).order_by(slips.c.id)).scalars().first()


def test_a_leader_hands_a_slip_over_from_its_form_and_the_form_still_saves(qtbot, tmp_path, clock):
    db, leader = _office(tmp_path, clock)
    context = context_for(leader, clock)
    slip = _first_slip(db)
    form = open_form(context, "slips", slip)
    qtbot.addWidget(form)
    assert "in_charge" not in form.inputs  # never typed
    assert form.in_charge.officer.text() == ADMIN and not form.in_charge.hand_over_button.isHidden()
    form.inputs["note"].setPlainText("Đã nhắc lần 1")
    context.dialogs.answer_next(OFFICER_NAME)
    form.in_charge.hand_over_button.click()
    assert form.in_charge.officer.text() == OFFICER_NAME
    assert form.in_charge.message.text() == f"Đã bàn giao cho «{OFFICER_NAME}»."
    form.save()
    stored = editing.load(db, "slips", slip)
    assert (stored["note"], stored["in_charge"]) == ("Đã nhắc lần 1", OFFICER_NAME)
    leader.close()
    db.close()


def test_an_officer_sees_who_is_in_charge_of_a_slip_and_a_case_without_handing_them_over(qtbot, tmp_path, clock):
    db, _leader = _office(tmp_path, clock)
    officer = as_user(db, "chuyenvien3", OFFICER)
    context = context_for(officer, clock)
    form = open_form(context, "slips", _first_slip(db))
    qtbot.addWidget(form)
    assert form.in_charge.officer.text() == ADMIN and form.in_charge.hand_over_button.isHidden()
    with db.read() as connection:
        person = connection.execute(select(persons.c.id).order_by(persons.c.id)).scalars().first()
    case = cases.open_case(officer, person, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    case_form = open_form(context, "vetting-cases", case)
    qtbot.addWidget(case_form)
    assert case_form.in_charge.officer.text() == "chuyenvien3" and case_form.in_charge.hand_over_button.isHidden()
    for opened in (officer, _leader, db):
        opened.close()


def test_a_leader_hands_a_case_over_from_its_window(qtbot, tmp_path, clock):
    db, leader = _office(tmp_path, clock)
    context = context_for(leader, clock)
    with db.read() as connection:
        person = connection.execute(select(persons.c.id).order_by(persons.c.id)).scalars().first()
    case = cases.open_case(db, person, {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    form = open_form(context, "vetting-cases", case)
    qtbot.addWidget(form)
    form.show()
    context.dialogs.answer_next(OFFICER_NAME)
    form.in_charge.hand_over_button.click()
    assert form.in_charge.officer.text() == OFFICER_NAME  # the case shown again, as it now is
    assert cases.case_file(db, case).case["in_charge"] == OFFICER_NAME
    leader.close()
    db.close()


def test_a_hand_over_held_back_by_another_writer_waits_with_its_dialog_then_is_done(qtbot, tmp_path, clock,
                                                                                   monkeypatch):
    """Another officer's long write (an import) holds the database: the hand-over, as a form's save, waits
    TRY_WAIT_MS on the GUI thread, then on a worker behind the waiting dialog, and is done once the write ends —
    not refused after the database's busy time."""
    db, leader = _office(tmp_path, clock)
    context = context_for(leader, clock)
    slip = _first_slip(db)
    form = open_form(context, "slips", slip)
    qtbot.addWidget(form)
    context.dialogs.answer_next(OFFICER_NAME)
    with held_until_the_waiting_dialog(db, monkeypatch) as frozen_for:
        form.in_charge.hand_over_button.click()
    assert frozen_for and frozen_for[0] < workers.TRY_WAIT_MS / 1000 + 0.3
    assert form.in_charge.message.text() == f"Đã bàn giao cho «{OFFICER_NAME}»."
    assert editing.load(db, "slips", slip)["in_charge"] == OFFICER_NAME
    leader.close()
    db.close()
