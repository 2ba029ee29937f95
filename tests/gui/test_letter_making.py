"""A công văn made from its dialog: a draft goes to the preview and says what it holds, touching no register; one
issued clears «Phát hành» (left on for the next letter, unless its number is written on its records) and tells the
registers it changed; one refused before a number is taken says why and leaves the outgoing register alone; one the
officer declines to issue unsigned is not made at all. A window's buttons make one too, with no «Phát hành» box,
over that window and in the letter's own name."""

import datetime as dt
from dataclasses import replace
from functools import partial

import pypdfium2 as pdfium

from bvct_desktop.core import documents_data, outgoing
from bvct_desktop.core.errors import InputError
from bvct_desktop.gui import letter_making
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.look import ErrorLabel
from bvct_desktop.gui.qt import QWidget
from bvct_desktop.gui.reminder_dialog import LETTER, ReminderDialog
from bvct_desktop.io.documents import reminder
from tests.gui import register_support as support

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures


def reminder_dialog(qtbot, context) -> tuple[ReminderDialog, list[str]]:
    """The reminder dialog on a day with slips overdue, and the registers told to refresh from then on."""
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)
    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    told: list[str] = []
    context.notifier.changed.connect(told.append)
    return dialog, told


def test_a_draft_goes_to_the_preview_saying_what_it_holds_and_touches_no_register(qtbot, context):
    dialog, told = reminder_dialog(qtbot, context)
    recipient = dialog.recipient.currentData()
    dialog.make(None)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.message.text().startswith("Dự thảo công văn (chưa có số): ")
    assert dialog.message.text().endswith(f" phiếu gửi «{recipient}».")
    assert dialog.preview.windowTitle() == f"Xem trước khi in — {reminder.TITLE}"
    assert f"Kính gửi: {recipient}" in " ".join(pdfium.PdfDocument(dialog.preview.data)[0].get_textpage()
                                                 .get_text_range().split())
    dialog.preview.close()
    assert told == [] and outgoing.register(context.db) == []


def test_an_issued_letter_clears_the_issue_box_and_tells_the_outgoing_register(qtbot, context):
    dialog, told = reminder_dialog(qtbot, context)
    dialog.issue.setChecked(True)
    context.dialogs.answer_next(YES)  # issued with no signer's name (none is set)
    dialog.make(None)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.message.text().startswith("Công văn số 01-CV/BTCTU, đã ghi vào sổ văn bản đi: ")
    dialog.preview.close()
    assert not dialog.issue.isChecked() and dialog.issue.isEnabled()  # the next recipient's letter may be issued
    assert told == ["outgoing"]


def test_a_letter_refused_before_a_number_is_taken_says_why_and_leaves_the_outgoing_register_alone(qtbot, context):
    dialog, told = reminder_dialog(qtbot, context)
    context.dialogs.answer_next(YES)

    def refused(_target, _writer, _issue):
        raise InputError("Không có phiếu nào quá hạn.")

    letter_making.make(dialog, LETTER, refused, None, None, True, dt.date(2025, 10, 2))
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert dialog.message.text() == "Không có phiếu nào quá hạn."
    assert told == [] and dialog.preview is None


def test_a_letter_the_officer_declines_to_issue_unsigned_is_not_made(qtbot, context):
    dialog, told = reminder_dialog(qtbot, context)
    made: list[bool] = []
    context.dialogs.answer_next(NO)  # «Vẫn phát hành văn bản không có họ tên người ký?»
    letter_making.make(dialog, LETTER, lambda *_args: made.append(True), None, None, True, dt.date(2025, 10, 2))
    assert dialog.task is None and made == [] and told == []


class Buttons:
    """A window's buttons making a letter: it is told under the window, issued by a button of its own (no box)."""

    def __init__(self, context):
        self.context, self.message = context, ErrorLabel()
        self.issue = None
        self.task = self.preview = None


def test_a_letter_made_by_a_windows_buttons_is_issued_over_that_window_with_no_box_to_clear(qtbot, context):
    dialog, told = reminder_dialog(qtbot, context)
    window, buttons = QWidget(), Buttons(context)
    qtbot.addWidget(window)
    day = dt.date(2025, 10, 2)
    context.dialogs.answer_next(YES)  # issued with no signer's name
    letter_making.make(buttons, LETTER, partial(documents_data.reminder_document, context.db,
                                                dialog.recipient.currentData(), day), None, None, True, day, window)
    qtbot.waitUntil(lambda: buttons.task is None, timeout=30_000)
    assert buttons.message.text().startswith("Công văn số 01-CV/BTCTU, đã ghi vào sổ văn bản đi: ")
    assert buttons.preview.parent() is window and told == ["outgoing"]
    buttons.preview.close()


def test_a_letter_failing_unexpectedly_is_told_in_its_own_name(qtbot, context):
    window, buttons = QWidget(), Buttons(context)
    qtbot.addWidget(window)

    def broken(_target, _writer, _issue):
        raise ZeroDivisionError("họ tên bí mật")

    letter_making.make(buttons, replace(LETTER, name="thông báo kết luận"), broken, None, None, False,
                       dt.date(2025, 10, 2), window)
    qtbot.waitUntil(lambda: buttons.task is None, timeout=30_000)
    assert buttons.message.text() == "Không lập được thông báo kết luận; chi tiết đã ghi vào nhật ký lỗi."
    assert buttons.preview is None
