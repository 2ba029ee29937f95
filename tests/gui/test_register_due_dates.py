"""«Đặt hạn hoàn thành…» in the vetting cases register: offered, as «Ghi kết luận…», while an open case is
selected; one day entered once is given each open case selected in one write off the GUI thread, and summed up."""

import datetime as dt

from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.personfile import cases
from bvct_desktop.gui.registers.page import RegisterPage
from tests.gui import register_support as support
from tests.gui.shell_support import as_user, context_for
from tests.gui.test_register_conclusions import _one_concluded, _page

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures


def test_the_deadline_for_the_cases_selected_is_offered_only_while_an_open_case_is_selected(qtbot, context, clock):
    page, concluded, still_open = _one_concluded(qtbot, context)
    button = page.buttons["due"]
    assert button.text() == "Đặt hạn hoàn thành…" and not button.isEnabled()
    support.select_records(page, concluded)
    assert not button.isEnabled()
    support.select_records(page, concluded, still_open)
    assert button.isEnabled()
    assert "due" not in RegisterPage(context, "slips").buttons
    viewer = as_user(context.db, "xemthu", VIEWER)
    assert not _page(qtbot, context_for(viewer, clock)).buttons["due"].isVisibleTo(page)
    viewer.close()


def test_one_deadline_is_given_the_open_cases_selected_and_summed_up(qtbot, context):
    page, concluded, still_open = _one_concluded(qtbot, context)
    support.select_records(page, concluded, still_open)
    page.buttons["due"].click()
    dialog = page.selection_dialog
    assert dialog.isVisible()
    support.fill(dialog, {"due_on": ""})
    assert not dialog.save() and "Hạn hoàn thành" in dialog.message.text()
    support.fill(dialog, {"due_on": "13/02/2099"})
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert not dialog.isVisible() and page.message.text() == "Đã đặt hạn hoàn thành cho 1 hồ sơ; bỏ qua 1."
    told = context.dialogs.shown[-1]
    assert (told.kind, told.title) == ("inform", "Đặt hạn hoàn thành")
    assert told.text.endswith(": đã có kết luận")
    assert cases.case_file(context.db, still_open).case["due_on"] == dt.date(2099, 2, 13)
