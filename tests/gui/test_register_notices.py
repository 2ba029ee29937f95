"""«Phát hành thông báo kết luận…» in the vetting cases register: offered to a role that issues documents while a
concluded case is selected; once confirmed (and the missing signer's name accepted) the notices are issued off the
GUI thread, summed up — the cases skipped named with why — and shown together in one print preview, each from a
page of its own; a «no» issues none."""

import datetime as dt
import threading

import pypdfium2 as pdfium
import pytest

from bvct_desktop.core import outgoing
from bvct_desktop.core.permissions import LEADER, OFFICER
from bvct_desktop.core.personfile import cases, notices
from bvct_desktop.gui import unsigned
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms.conclusion_notice import ISSUE_LABEL
from bvct_desktop.gui.registers import notices as notices_page
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.io.documents import render
from tests.gui import register_support as support
from tests.gui.shell_support import FakeClock, as_user, context_for, threads_calling
from tests.gui.test_register_conclusions import ELECTION, _one_concluded, _page

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


@pytest.fixture
def clock() -> FakeClock:
    """A day of the term the sample settings start (01/10/2025), after the cases' conclusion."""
    return FakeClock(dt.datetime(2026, 6, 15, 9, 30))


def test_the_notices_are_offered_only_while_a_concluded_case_is_selected(qtbot, context):
    page, concluded, still_open = _one_concluded(qtbot, context)
    button = page.buttons["notices"]
    assert button.text() == ISSUE_LABEL and not button.isEnabled()  # nothing selected
    support.select_records(page, still_open)
    assert not button.isEnabled()
    support.select_records(page, still_open, concluded)
    assert button.isEnabled()
    assert "notices" not in RegisterPage(context, "slips").buttons


def test_only_a_role_that_issues_documents_is_offered_the_notices(qtbot, context, clock):
    for role, offered in ((OFFICER, False), (LEADER, True)):
        user = as_user(context.db, f"nguoi{role}", role)
        page = _page(qtbot, context_for(user, clock))
        assert page.buttons["notices"].isVisibleTo(page) is offered
        user.close()


def _issue_all(qtbot, page: RegisterPage, *answers) -> None:
    page.context.dialogs.answer_next(*answers)
    page.buttons["notices"].click()
    if page.notices.task is not None:
        qtbot.waitUntil(lambda: page.notices.task.done, timeout=30_000)


def test_the_concluded_cases_notices_are_issued_off_the_gui_thread_summed_up_and_previewed_together(
        qtbot, context, monkeypatch):
    page = _page(qtbot, context)
    first, second = page.model.ids
    for case_id in (first, second):
        cases.record_conclusion(context.db, case_id, ELECTION)
    page.refresh()
    support.select_records(page, second, first)
    threads = threads_calling(monkeypatch, notices, "issue_notices")
    _issue_all(qtbot, page, YES, YES)  # then issued with no signer's name (the settings' default)

    asked, unsigned_asked, told = context.dialogs.shown[-3:]
    assert asked.text.startswith("Phát hành thông báo kết luận cho 2 hồ sơ đã chọn?") and "số TB" in asked.text
    assert unsigned_asked.title == unsigned.TITLE
    assert threads and threading.main_thread() not in threads
    assert page.message.text() == "Đã phát hành thông báo kết luận cho 2 hồ sơ."
    assert (told.kind, told.title) == ("inform", notices_page.TITLE)
    issued = outgoing.register(context.db)
    assert [entry.number_text for entry in issued] == ["01-TB/BTCTU", "02-TB/BTCTU"]

    preview = page.notices.preview
    texts = [page_.get_textpage().get_text_range() for page_ in pdfium.PdfDocument(preview.data)]
    assert preview.pages == len(texts) >= 2
    numbered = [text for text in texts if "Số 0" in text.split("THÔNG BÁO")[0]]
    assert ["Số 01-TB/BTCTU" in numbered[0], "Số 02-TB/BTCTU" in numbered[1]] == [True, True]
    assert texts.index(numbered[1]) > 0  # the second from a page of its own


def test_cases_skipped_are_named_in_the_summary_and_a_no_issues_none(qtbot, context):
    page, concluded, still_open = _one_concluded(qtbot, context)
    support.select_records(page, concluded, still_open)
    _issue_all(qtbot, page, NO)
    assert outgoing.register(context.db) == [] and page.notices.task is None

    _issue_all(qtbot, page, YES, YES)
    told = context.dialogs.shown[-1].text
    assert told.startswith("Đã phát hành thông báo kết luận cho 1 hồ sơ; bỏ qua 1.")
    assert told.endswith("Bỏ qua:\n– Phạm Minh Quang, sinh ngày 15/08/1995 – Kết nạp Đảng: chưa có kết luận")
    support.select_records(page, concluded)
    _issue_all(qtbot, page, YES, YES)
    assert context.dialogs.shown[-1].text.startswith("Đã phát hành thông báo kết luận cho 0 hồ sơ; bỏ qua 1.")
    assert len(outgoing.register(context.db)) == 1


def test_notices_issued_but_not_drawn_are_told_with_the_cases_skipped_and_why(qtbot, context, monkeypatch):
    page, concluded, still_open = _one_concluded(qtbot, context)
    support.select_records(page, concluded, still_open)
    conclusion_writer = render.conclusion_writer

    def failing(*args):
        writer = conclusion_writer(*args)
        writer.write_all = lambda contents, on_each: (_ for _ in ()).throw(OSError("hết bộ nhớ"))
        return writer

    monkeypatch.setattr(render, "conclusion_writer", failing)
    _issue_all(qtbot, page, YES, YES)
    told = context.dialogs.shown[-1]
    assert (told.kind, told.title) == ("warn", notices_page.TITLE)
    assert told.text == (  # one «Đã phát hành»: the numbers issued, not the summary's count after them
        "Đã phát hành 1 văn bản (số 01-TB/BTCTU) nhưng chưa tạo được bản in (OSError): in lại từng văn bản như đã "
        "phát hành từ sổ văn bản đi.\n\nBỏ qua:\n– Phạm Minh Quang, sinh ngày 15/08/1995 – Kết nạp Đảng: chưa có "
        "kết luận")
    assert page.message.text().startswith("Đã phát hành 1 văn bản (số 01-TB/BTCTU)")
