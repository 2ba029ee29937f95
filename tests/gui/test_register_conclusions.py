"""«Ghi kết luận…» in the vetting cases register: offered while an open case is selected; one conclusion
entered once is recorded on each open case selected, off the GUI thread, and summed up at the end."""

import threading

from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.personfile import cases, conclusions
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.registers import conclusions as conclusions_page
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for, threads_calling

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

ELECTION = {"conclusion_no": "95-CV/BTCTU", "concluded_on": "20/03/2026", "signer": "Trần Văn Ban",
            "result": "Đủ tiêu chuẩn"}


def _page(qtbot, context) -> RegisterPage:
    page = RegisterPage(context, cases.KIND)
    qtbot.addWidget(page)
    return page


def _one_concluded(qtbot, context) -> tuple[RegisterPage, int, int]:
    """The cases register of the sample's two cases, the first concluded (ELECTION), the second still open."""
    page = _page(qtbot, context)
    concluded, still_open = page.model.ids
    cases.record_conclusion(context.db, concluded, ELECTION)
    page.refresh()
    return page, concluded, still_open


def test_the_conclusion_for_the_cases_selected_is_offered_only_while_an_open_case_is_selected(qtbot, context):
    page, concluded, still_open = _one_concluded(qtbot, context)
    button = page.buttons["conclude"]
    assert button.text() == "Ghi kết luận…" and not button.isEnabled()  # nothing selected
    support.select_records(page, concluded)
    assert not button.isEnabled()
    support.select_records(page, concluded, still_open)
    assert button.isEnabled()
    assert "conclude" not in RegisterPage(context, "slips").buttons


def test_a_viewer_is_not_offered_the_conclusion(qtbot, context, clock):
    viewer = as_user(context.db, "xemthu", VIEWER)
    page = _page(qtbot, context_for(viewer, clock))
    assert not page.buttons["conclude"].isVisibleTo(page)
    officer = _page(qtbot, context)
    assert officer.buttons["conclude"].isVisibleTo(officer)
    viewer.close()


def test_one_conclusion_is_recorded_on_the_open_cases_selected_off_the_gui_thread_and_summed_up(qtbot, context,
                                                                                             monkeypatch):
    page = _page(qtbot, context)
    concluded, still_open = page.model.ids
    cases.record_conclusion(context.db, concluded, {**ELECTION, "conclusion_no": "90-CV/BTCTU"})
    page.refresh()
    support.select_records(page, concluded, still_open)
    threads = threads_calling(monkeypatch, conclusions, "record_conclusions")
    page.buttons["conclude"].click()
    dialog = page.selection_dialog
    assert dialog.isVisible()

    support.fill(dialog, {**ELECTION, "conclusion_no": ""})
    assert not dialog.save() and "Số văn bản kết luận" in dialog.message.text()
    support.fill(dialog, ELECTION)
    context.dialogs.answer_next(YES)  # what the case's own window would ask (its relatives unchecked)
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)

    assert threads and threading.main_thread() not in threads
    assert not dialog.isVisible() and page.message.text() == "Đã ghi kết luận cho 1 hồ sơ; bỏ qua 1."
    told = context.dialogs.shown[-1]
    assert (told.kind, told.title) == ("inform", "Ghi kết luận")
    assert told.text.endswith("Bỏ qua:\n– Phạm Minh Quang, sinh ngày 15/08/1995 – Bổ nhiệm: đã có kết luận")
    assert cases.case_file(context.db, still_open).case["conclusion_no"] == "95-CV/BTCTU"
    assert cases.case_file(context.db, concluded).case["conclusion_no"] == "90-CV/BTCTU"


def test_what_the_cases_own_windows_would_ask_is_asked_once_and_a_no_concludes_none(qtbot, context):
    page = _page(qtbot, context)
    support.select_records(page, *page.model.ids)
    page.buttons["conclude"].click()
    dialog = page.selection_dialog
    support.fill(dialog, ELECTION)
    context.dialogs.answer_next(NO)
    assert not dialog.save()
    asked = context.dialogs.shown[-1]
    assert asked.kind == "ask" and "Thân nhân phải xác minh" in asked.text and asked.text.endswith("Vẫn lưu?")
    assert dialog.isVisible()
    assert {cases.case_file(context.db, case_id).case["status"] for case_id in page.model.ids} == {cases.OPEN}


def test_the_cases_beyond_those_named_are_counted_without_saying_they_lack_the_same():
    """«Và 110 hồ sơ khác cũng vậy» said the other cases had the same doubts as the last one named, which
    they need not: they are counted as having something to look at."""
    doubts = [f"Hồ sơ {number}: thiếu biên bản." for number in range(conclusions_page.MOST_ASKED + 110)]
    shown = conclusions_page._at_most(doubts)
    assert shown[:-1] == doubts[:conclusions_page.MOST_ASKED]
    assert shown[-1] == "Và 110 hồ sơ khác cũng có điều cần xem lại."


def test_a_day_typed_with_two_figures_of_its_year_is_written_in_full_as_on_the_cases_own_window(qtbot, context):
    """«20/3/25» in the conclusion entered once for the selected cases is 20/03/2025 once the officer leaves the
    box (the clock's year is 2025), as the case's own window writes it (it stayed «20/3/25», refused)."""
    page = _page(qtbot, context)
    support.select_records(page, *page.model.ids)
    page.buttons["conclude"].click()
    box = page.selection_dialog.inputs["concluded_on"]
    box.setText("20/3/25")
    box.editingFinished.emit()
    assert box.text() == "20/03/2025"
