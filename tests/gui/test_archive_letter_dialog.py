"""«Lập công văn…» of the archive-requests register: the letter of the requests chosen, issued as the office's other
letters are — a CV number, the outgoing register, the number written on the requests — or saved as Word."""

import datetime as dt

import docx
import pypdfium2 as pdfium
import pytest

from bvct_desktop.core import archive_letters, browse, editing, numbering, outgoing
from bvct_desktop.core.errors import InputError
from bvct_desktop.gui.archive_letter_dialog import LABEL, ArchiveLetterDialog
from bvct_desktop.gui.dialogs import YES
from bvct_desktop.gui.registers.page import RegisterPage
from tests.conftest import PASSWORD
from tests.gui import register_support as support

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures


def asked(context, *names: str) -> list[int]:
    """Thanh Hóa's letter of 02/11/2026 asking about `names`, answered: nothing found."""
    for name in names:
        editing.save(context.db, "archive-requests", {
            "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Thanh Hóa", "doc_no": "12-CV/BTCTU",
            "doc_on": "02/11/2026", "full_name": name, "birth_date": "1940", "result": "Không có tài liệu"})
    return browse.record_ids(context.db, "archive-requests", "12-cv")


def test_a_letter_issued_from_the_register_takes_a_number_written_on_its_requests(qtbot, context):
    context.clock.now = dt.datetime(2026, 12, 5, 8, 0)
    ids = asked(context, "Lê Văn Một", "Trần Thị Hai")
    page = RegisterPage(context, "archive-requests")
    qtbot.addWidget(page)
    button = page.buttons["archive_letter"]
    assert button.text() == LABEL and not button.isEnabled()  # until requests are chosen
    dialog = ArchiveLetterDialog(context, ids, page)
    qtbot.addWidget(dialog)
    assert dialog.letter.text() == ("Công văn trả lời kết quả nghiên cứu tàng thư gửi «Ban Tổ chức Tỉnh ủy Thanh Hóa» "
                                    "về 2 trường hợp, chưa có số.")
    told: list[str] = []
    context.notifier.changed.connect(told.append)
    dialog.issue.setChecked(True)
    context.dialogs.answer_next(YES)  # issued with no signer's name (none is set)
    dialog.make(None)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.message.text() == (
        "Công văn số 01-CV/BTCTU, đã ghi vào sổ văn bản đi. Số 01-CV/BTCTU ngày 05/12/2026 đã ghi vào «Số văn bản "
        "trả lời» và «Ngày trả lời» (nơi còn trống) của 2 yêu cầu tàng thư.")
    text = pdfium.PdfDocument(dialog.preview.data)[0].get_textpage().get_text_range()
    assert "Số 01-CV/BTCTU" in text and "Kính gửi: Ban Tổ chức Tỉnh ủy Thanh Hóa" in " ".join(text.split())
    dialog.preview.close()
    assert [entry.number_text for entry in outgoing.register(context.db)] == ["01-CV/BTCTU"]
    assert {"outgoing", "archive-requests"} <= set(told)
    assert not dialog.issue.isEnabled()
    with context.db.read() as connection:
        letter, = archive_letters.letters_by_ids(connection, ids)
    assert (letter["reply_no"], letter["answered_on"]) == ("01-CV/BTCTU", dt.date(2026, 12, 5))


def test_a_letter_is_saved_as_word_and_requests_of_two_letters_make_none(qtbot, context, tmp_path):
    context.clock.now = dt.datetime(2026, 12, 5, 8, 0)
    ids = asked(context, "Lê Văn Một")
    dialog = ArchiveLetterDialog(context, ids, None)
    qtbot.addWidget(dialog)
    target = tmp_path / "cong-van.docx"
    context.dialogs.answer_next(PASSWORD, str(target))
    dialog.save_docx()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    words = " ".join(paragraph.text for paragraph in docx.Document(str(target)).paragraphs)
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy Thanh Hóa" in words and "1. Lê Văn Một, sinh năm 1940" in words
    assert outgoing.register(context.db) == []
    assert dialog.message.text() == f"Dự thảo công văn (chưa có số), lưu ở «{target}»."
    huynh = browse.record_ids(context.db, "archive-requests", "huynh tam")
    several = ArchiveLetterDialog(context, [*ids, *huynh], None)
    qtbot.addWidget(several)
    assert several.message.text() == "Các yêu cầu đã chọn thuộc 2 công văn: hãy chọn các yêu cầu của một công văn."
    assert not several.print_button.isEnabled() and not several.docx_button.isEnabled()


def test_requests_no_longer_one_letter_are_told_so_in_one_sentence(qtbot, context):
    """Chosen as one letter, then one request's number changed by another officer: the message ends where its
    sentence does, with the number not taken said only when issuing."""
    context.clock.now = dt.datetime(2026, 12, 5, 8, 0)
    ids = asked(context, "Lê Văn Một", "Trần Thị Hai")
    dialog = ArchiveLetterDialog(context, ids, None)
    qtbot.addWidget(dialog)
    record = editing.load(context.db, "archive-requests", ids[1])
    editing.save(context.db, "archive-requests", {**record, "doc_no": "13-CV/BTCTU"}, record_id=ids[1])
    for issuing in (False, True):
        dialog.issue.setChecked(issuing)
        with context.db.read() as connection, pytest.raises(InputError) as refused:
            dialog._letter(connection)
        assert str(refused.value) == " ".join(["Các yêu cầu đã chọn không còn là một công văn; hãy chọn lại.",
                                               *([numbering.NOT_TAKEN] if issuing else [])])
