"""The notice of a case's conclusion from the case window: its buttons wait for the conclusion; «Xem trước / In»
puts a draft (no number) into the print preview, «Lưu dự thảo Word…» saves it for the officer to edit; «Phát
hành…», once confirmed, takes the next TB number, records it in the outgoing register and shows the notice
issued. The window lists the notices issued for the case, prints one again as issued, and tells the officer
about to issue one more of those already issued."""

import docx
import pypdfium2 as pdfium

from bvct_desktop.core import outgoing
from bvct_desktop.core.personfile import cases
from bvct_desktop.gui import unsigned
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms.conclusion_notice import DOCX_LABEL, ISSUE_LABEL, ISSUED_TITLE, NOT_CONCLUDED, PREVIEW_LABEL
from bvct_desktop.gui.qt import QTableWidget
from tests.conftest import PASSWORD
from tests.gui import register_support as support
from tests.gui.test_forms import _buttons, _case_opened, _page, clock  # noqa: F401 - clock: a fixture
from tests.gui.tip_support import as_seen

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


def _concluded(qtbot, context, number: str = "0512-CV/BTCTU"):
    form = _case_opened(_page(qtbot, context, "vetting-cases"))
    _buttons(form)["Ghi kết luận"].click()
    support.fill(form.dialog, {"conclusion_no": number, "concluded_on": "20/03/2026",
                               "signer": "Phạm Văn Nghĩa", "result": "Đủ tiêu chuẩn"})
    context.dialogs.answer_next(YES)  # her relatives unchecked: concluded all the same
    assert form.dialog.save(), form.dialog.message.text()
    return form


def test_a_case_not_concluded_offers_its_notice_disabled_saying_why(qtbot, context):
    form = _case_opened(_page(qtbot, context, "vetting-cases"))
    for label in (PREVIEW_LABEL, DOCX_LABEL, ISSUE_LABEL):
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
    context.dialogs.answer_next(YES, YES)  # then issued with no signer's name (the settings' default)
    _buttons(form)[ISSUE_LABEL].click()
    assert context.dialogs.shown[-1].title == unsigned.TITLE
    qtbot.waitUntil(lambda: form.notice.task is None, timeout=30_000)
    [entry] = outgoing.register(context.db)
    assert (entry.number_text, entry.kind) == ("01-TB/BTCTU", outgoing.CONCLUSION)
    assert entry.subject == "kết luận về tiêu chuẩn chính trị của đồng chí Trần Thị Ánh"
    assert form.message.text() == "Thông báo kết luận số 01-TB/BTCTU, đã ghi vào sổ văn bản đi."
    assert cases.case_file(context.db, form.record_id).case["conclusion_no"] == "0512-CV/BTCTU"


def _issued(qtbot, form):
    context = form.context
    context.dialogs.answer_next(YES, YES)  # then issued with no signer's name
    _buttons(form)[ISSUE_LABEL].click()
    qtbot.waitUntil(lambda: form.notice.task is None, timeout=30_000)


def _issued_table(form) -> QTableWidget | None:
    _buttons(form)  # the window's earlier showings deleted
    return next((table for table in form.findChildren(QTableWidget) if table.accessibleName() == ISSUED_TITLE), None)


def test_the_word_draft_of_the_notice_is_saved_where_the_officer_chooses_and_takes_no_number(
        qtbot, context, tmp_path):
    form = _concluded(qtbot, context)
    target = tmp_path / "thong-bao.docx"
    context.dialogs.answer_next(PASSWORD, str(target), NO)
    _buttons(form)[DOCX_LABEL].click()
    qtbot.waitUntil(lambda: form.notice.task is None, timeout=30_000)
    assert form.message.text() == f"Dự thảo thông báo kết luận (chưa có số), lưu ở «{target}»."
    text = "\n".join(paragraph.text for paragraph in docx.Document(target).paragraphs)
    assert "kết luận về tiêu chuẩn chính trị\ncủa đồng chí Trần Thị Ánh" in text
    assert outgoing.register(context.db) == []


def test_the_case_lists_its_issued_notices_and_prints_one_again_as_issued(qtbot, context):
    form = _concluded(qtbot, context)
    assert _issued_table(form) is None  # none issued yet: no list
    _issued(qtbot, form)
    table = _issued_table(form)
    assert [table.item(0, column).text() for column in range(table.columnCount())] == [
        "01-TB/BTCTU", f"{context.clock().date():%d/%m/%Y}", outgoing.register(context.db)[0].signer,
        "số 0512-CV/BTCTU ngày 20/03/2026: Đủ tiêu chuẩn", "đã phát hành"]
    table.activated.emit(table.model().index(0, 0))
    qtbot.waitUntil(lambda: form.notice.task is None and form.notice.preview is not None, timeout=30_000)
    page = pdfium.PdfDocument(form.notice.preview.data)[0].get_textpage().get_text_range()
    assert "Số 01-TB/BTCTU" in page


def test_a_notice_issued_is_told_in_its_tooltips_as_typed(qtbot, context):
    """A conclusion numbered like markup: its tooltip showed it bold."""
    form = _concluded(qtbot, context, "<b>0512</b>-CV & BTCTU")
    _issued(qtbot, form)
    stated = _issued_table(form).item(0, 3)
    assert stated.text() == "số <b>0512</b>-CV & BTCTU ngày 20/03/2026: Đủ tiêu chuẩn"
    assert as_seen(stated.toolTip()) == stated.text()


def test_issuing_a_second_notice_for_the_case_tells_the_one_issued_and_the_conclusion_it_states(qtbot, context):
    form = _concluded(qtbot, context)
    _issued(qtbot, form)
    case = cases.case_file(context.db, form.record_id).case
    cases.record_conclusion(context.db, form.record_id, {"conclusion_no": "0512-CV/BTCTU", "concluded_on": "20/03/2026",
                                                         "signer": "Phạm Văn Nghĩa", "result": "Chưa đủ tiêu chuẩn"},
                            case[cases.VERSION])
    context.notifier.changed.emit("vetting-cases")
    form._changed()  # the window shows the corrected conclusion, as after «Sửa kết luận»
    table = _issued_table(form)
    assert table.item(0, 3).text() == "số 0512-CV/BTCTU ngày 20/03/2026: Đủ tiêu chuẩn (khác kết luận hiện nay)"
    context.dialogs.answer_next(NO)
    _buttons(form)[ISSUE_LABEL].click()
    asked = context.dialogs.shown[-1].text
    assert asked.startswith(f"Hồ sơ này đã có thông báo kết luận số 01-TB/BTCTU ngày {context.clock().date():%d/%m/%Y} "
                            "(nêu kết luận số 0512-CV/BTCTU ngày 20/03/2026: Đủ tiêu chuẩn, khác kết luận hiện nay); "
                            "phát hành thêm?")
    assert len(outgoing.register(context.db)) == 1
