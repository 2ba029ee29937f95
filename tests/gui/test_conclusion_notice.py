"""The notice of a case's conclusion from the case window: its buttons wait for the conclusion; «Xem trước / In»
puts a draft (no number) into the print preview; «Phát hành…», once confirmed, takes the next TB number, records
it in the outgoing register and shows the notice issued."""

from bvct_desktop.core import outgoing
from bvct_desktop.core.personfile import cases
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms.conclusion_notice import ISSUE_LABEL, NOT_CONCLUDED, PREVIEW_LABEL
from tests.gui import register_support as support
from tests.gui.test_forms import _buttons, _case_opened, _page, clock  # noqa: F401 - clock: a fixture

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


def _concluded(qtbot, context):
    form = _case_opened(_page(qtbot, context, "vetting-cases"))
    _buttons(form)["Ghi kết luận"].click()
    support.fill(form.dialog, {"conclusion_no": "0512-CV/BTCTU", "concluded_on": "20/03/2026",
                               "signer": "Phạm Văn Nghĩa", "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(YES)  # her relatives unchecked: concluded all the same
    assert form.dialog.save(), form.dialog.message.text()
    return form


def test_a_case_not_concluded_offers_its_notice_disabled_saying_why(qtbot, context):
    form = _case_opened(_page(qtbot, context, "vetting-cases"))
    for label in (PREVIEW_LABEL, ISSUE_LABEL):
        button = _buttons(form)[label]
        assert not button.isEnabled() and button.toolTip() == NOT_CONCLUDED


def test_a_concluded_case_previews_a_draft_then_issues_the_notice_numbered_once_confirmed(qtbot, context):
    form = _concluded(qtbot, context)
    assert all(_buttons(form)[label].isEnabled() for label in (PREVIEW_LABEL, ISSUE_LABEL))
    _buttons(form)[PREVIEW_LABEL].click()
    qtbot.waitUntil(lambda: form.notice.task is None, timeout=30_000)
    assert form.notice.preview is not None and outgoing.register(context.db) == []
    assert form.message.text() == "Dự thảo thông báo kết luận (chưa có số)."
    context.dialogs.answer_next(NO)
    _buttons(form)[ISSUE_LABEL].click()
    assert "lấy số TB tiếp theo" in context.dialogs.shown[-1].text and outgoing.register(context.db) == []
    context.dialogs.answer_next(YES)
    _buttons(form)[ISSUE_LABEL].click()
    qtbot.waitUntil(lambda: form.notice.task is None, timeout=30_000)
    [entry] = outgoing.register(context.db)
    assert (entry.number_text, entry.kind) == ("01-TB/BTCTU", outgoing.CONCLUSION)
    assert entry.subject == "kết luận về tiêu chuẩn chính trị của đồng chí Trần Thị Ánh"
    assert form.message.text() == "Thông báo kết luận số 01-TB/BTCTU, đã ghi vào sổ văn bản đi."
    assert cases.case_file(context.db, form.record_id).case["conclusion_no"] == "0512-CV/BTCTU"
