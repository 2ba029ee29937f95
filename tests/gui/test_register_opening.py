"""«Mở hồ sơ thẩm tra…» in the cadres register (an election list's nominees): offered to a role that may edit
while cadres are selected; one case entered once is opened for each cadre selected, off the GUI thread, and
summed up at the end, cadres already vetted for that purpose named as skipped."""

import threading

from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.personfile import cases, opening
from bvct_desktop.gui.qt import QLabel
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for, threads_calling

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

ELECTION = {"purpose": "Bầu cử", "opened_on": "02/03/2026", "due_on": "13/03/2026", "decision_no": "125-QĐ/TU",
            "decision_on": "01/03/2026"}


def _page(qtbot, context) -> RegisterPage:
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    return page


def test_opening_cases_is_offered_while_cadres_are_selected_to_a_role_that_may_edit(qtbot, context, clock):
    page = _page(qtbot, context)
    button = page.buttons["open_cases"]
    assert button.text() == "Mở hồ sơ thẩm tra…" and not button.isEnabled()
    support.select_records(page, *page.model.ids[:2])
    assert button.isEnabled() and button.isVisibleTo(page)
    assert "open_cases" not in RegisterPage(context, cases.KIND).buttons
    viewer = as_user(context.db, "xemthu", VIEWER)
    assert not _page(qtbot, context_for(viewer, clock)).buttons["open_cases"].isVisibleTo(page)
    viewer.close()


def test_one_case_is_opened_for_each_cadre_selected_off_the_gui_thread_and_summed_up(qtbot, context, monkeypatch):
    page = _page(qtbot, context)
    chosen = page.model.ids[:3]
    opening.open_cases(context.db, chosen[:1], ELECTION)  # already on the list
    support.select_records(page, *chosen)
    threads = threads_calling(monkeypatch, opening, "open_cases")
    page.buttons["open_cases"].click()
    dialog = page.selection_dialog
    assert dialog.isVisible() and "3 cán bộ" in dialog.findChildren(QLabel)[0].text()

    support.fill(dialog, {**ELECTION, "opened_on": ""})
    assert not dialog.save() and "Ngày mở hồ sơ" in dialog.message.text()
    support.fill(dialog, ELECTION)
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)

    assert threads and threading.main_thread() not in threads
    assert not dialog.isVisible() and page.message.text() == "Đã mở 2 hồ sơ; bỏ qua 1."
    told = context.dialogs.shown[-1]
    assert (told.kind, told.title) == ("inform", "Mở hồ sơ thẩm tra")
    assert "cùng mục đích đang xác minh" in told.text
