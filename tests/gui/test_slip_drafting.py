"""«Lập phiếu cho các thân nhân còn thiếu…»: from a vetting case's window, and for the cases selected in the
register, the recipient, the issue date and the first number entered once make the slips of every relative still
to check, off the GUI thread; the officer is told how many were made and who was skipped, and asked whether to
print them in one PDF."""

import threading

from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.personfile import cases, relatives, slip_drafts
from bvct_desktop.gui import printing
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms import open_form, slip_drafting
from bvct_desktop.gui.qt import QPushButton
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for
from tests.gui.test_forms import shown_on_office_screen

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

ENTERED = {"recipient": "Cục A93B – Bộ Công an", "issued_on": "02/03/2026", "number": "0012/PXM"}
MOTHER_AND_WIFE = ({"relation": "Mẹ", "full_name": "Lê Thị Sen", "birth_date": "1970"},
                   {"relation": "Vợ", "full_name": "Đỗ Thị Hạnh", "birth_date": "1996"})


def _with_relatives(context) -> list[int]:
    """The sample's two open cases, of one person whose mother and wife are now listed."""
    case_ids = RegisterPage(context, cases.KIND).model.ids
    person = cases.case_file(context.db, case_ids[0]).case["person_id"]
    for relative in MOTHER_AND_WIFE:
        relatives.add_relative(context.db, person, relative)
    return case_ids


def _case_window(qtbot, monkeypatch, context):
    case_id = _with_relatives(context)[0]
    return case_id, shown_on_office_screen(qtbot, monkeypatch, lambda: open_form(context, cases.KIND, case_id))


def _draft_buttons(window) -> list[QPushButton]:
    """The button of the case shown now (shown again after a change, its old one is deleted)."""
    return [button for button in window.findChildren(QPushButton) if button.text() == slip_drafting.LABEL
            and button.isVisible()]


def _drafted(qtbot, dialog) -> None:
    support.fill(dialog, ENTERED)
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert not dialog.isVisible()


def test_the_case_window_makes_the_slips_of_its_relatives_still_to_check_and_tells_how_many(qtbot, monkeypatch,
                                                                                          context):
    case_id, window = _case_window(qtbot, monkeypatch, context)
    before = cases.case_file(context.db, case_id)
    missing, served = len(before.unchecked), len(before.slips)
    assert window.draft_button.text() == "Lập phiếu cho các thân nhân còn thiếu…" and window.draft_button.isVisible()
    window.draft_button.click()
    dialog = window.drafting
    assert dialog.isVisible() and dialog.windowTitle() == "Lập phiếu xác minh cho các thân nhân còn thiếu"
    assert list(dialog.inputs) == ["recipient", "issued_on", "number"]
    assert "Cục A93B – Bộ Công an" in [dialog.inputs["recipient"].itemText(i)
                                       for i in range(dialog.inputs["recipient"].count())]
    support.fill(dialog, {**ENTERED, "number": "PXM"})
    assert not dialog.save() and "cần có chữ số" in dialog.message.text()
    context.dialogs.answer_next(NO)  # not printed now
    _drafted(qtbot, dialog)
    asked = context.dialogs.shown[-1]
    made = len(cases.case_file(context.db, case_id).slips) - served
    assert made == 2 and asked.kind == "ask" and asked.text.startswith(f"Đã lập {made} phiếu")
    assert asked.text.endswith(slip_drafting.PRINT_ASKED)
    assert len(cases.case_file(context.db, case_id).unchecked) == missing - made
    assert bool(_draft_buttons(window)) == bool(missing - made)


def test_the_slips_made_are_printed_together_when_the_officer_wants(qtbot, monkeypatch, context):
    case_id, window = _case_window(qtbot, monkeypatch, context)
    printed = []
    monkeypatch.setattr(printing, "print_records", lambda _context, kind, ids, *_args, **_kw: printed.append(
        (kind, list(ids))))
    window.draft_button.click()
    context.dialogs.answer_next(YES)
    _drafted(qtbot, window.drafting)
    made = [slip["id"] for slip in cases.case_file(context.db, case_id).slips if slip["number"] in ("0012/PXM",
                                                                                                     "0013/PXM")]
    assert printed == [("slips", made)] and len(made) == 2


def test_the_register_makes_the_slips_of_the_open_cases_selected_off_the_gui_thread(qtbot, monkeypatch, context):
    _with_relatives(context)
    page = RegisterPage(context, cases.KIND)
    qtbot.addWidget(page)
    button = page.buttons["draft_slips"]
    assert button.text() == slip_drafting.LABEL and not button.isEnabled()
    support.select_records(page, *page.model.ids)
    assert button.isEnabled()
    threads, made = [], []
    draft_slips = slip_drafts.draft_slips
    monkeypatch.setattr(slip_drafts, "draft_slips", lambda *args: threads.append(threading.current_thread()) or
                        made.append(draft_slips(*args)) or made[-1])
    button.click()
    dialog = page.selection_dialog
    assert "<b>2 hồ sơ</b> đã chọn" in dialog.findChildren(type(dialog.message).__base__)[0].text()
    context.dialogs.answer_next(NO)
    _drafted(qtbot, dialog)
    assert threads and threading.main_thread() not in threads
    # the mother and wife, for each case
    assert page.message.text() == made[0].told() == "Đã lập 4 phiếu, số 0012/PXM đến 0015/PXM."


def test_a_viewer_is_offered_no_slips_to_make(qtbot, monkeypatch, context, clock):
    viewer = as_user(context.db, "xemthu", VIEWER)
    page = RegisterPage(context_for(viewer, clock), cases.KIND)
    qtbot.addWidget(page)
    assert not page.buttons["draft_slips"].isVisibleTo(page)
    viewer.close()


def test_the_dialog_writes_the_next_free_number_of_the_issue_date_s_year_and_what_the_officer_types_stays(
        qtbot, monkeypatch, context):
    _case_id, window = _case_window(qtbot, monkeypatch, context)
    window.draft_button.click()
    dialog = window.drafting
    number, issued_on = dialog.inputs["number"], dialog.inputs["issued_on"]
    assert number.text() == "14/PXM"  # today 15/06/2025, after 12/PXM and 13/PXM of 2025
    support.fill(dialog, {"issued_on": "02/03/2026"})
    issued_on.editingFinished.emit()
    assert number.text() == "2/PXM"  # after 1/PXM of 2026
    support.fill(dialog, {"number": "0040/PXM", "issued_on": "02/03/2025"})
    issued_on.editingFinished.emit()
    assert number.text() == "0040/PXM"


def test_the_number_suggested_is_not_something_typed_esc_closes_the_dialog_unasked(qtbot, monkeypatch, context):
    _case_id, window = _case_window(qtbot, monkeypatch, context)
    window.draft_button.click()
    asked = len(context.dialogs.shown)
    window.drafting.reject()
    assert not window.drafting.isVisible() and len(context.dialogs.shown) == asked


def test_the_slips_made_from_the_number_suggested_are_told_with_their_numbers(qtbot, monkeypatch, context):
    _case_id, window = _case_window(qtbot, monkeypatch, context)
    window.draft_button.click()
    dialog = window.drafting
    support.fill(dialog, {"recipient": ENTERED["recipient"], "issued_on": "02/06/2025"})
    context.dialogs.answer_next(NO)
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert context.dialogs.shown[-1].text.startswith("Đã lập 2 phiếu, số 14/PXM đến 15/PXM.")
