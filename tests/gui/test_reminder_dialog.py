"""Công văn đôn đốc from the desktop: a letter issued whose file cannot be written says what became
of its number, and the outgoing register shows it."""

import datetime as dt

from bvct_desktop.core import crashpoints, documents_data, outgoing
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.reminder_dialog import ReminderDialog
from tests.conftest import PASSWORD
from tests.gui import register_support as support
from tests.gui.shell_support import type_day

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures


def test_a_letter_that_cannot_be_written_once_its_number_is_taken_says_the_number_is_spoiled(
        qtbot, context, tmp_path, open_elsewhere, monkeypatch):
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)  # slips overdue
    target = tmp_path / "cong-van.docx"
    target.write_bytes(b"PK old")
    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    dialog.issue.setChecked(True)
    told: list[str] = []
    context.notifier.changed.connect(told.append)
    monkeypatch.setattr(crashpoints, "reached", lambda name: name == "number-reserved" and open_elsewhere(target))
    context.dialogs.answer_next(PASSWORD, str(target), NO, YES)  # YES: issued with no signer's name
    dialog.save_docx()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=30_000)
    assert f"«{target}» đang mở trong chương trình khác hoặc không ghi được" in dialog.message.text()
    assert "số 01-CV/BTCTU đã ghi vào sổ là hỏng" in dialog.message.text()
    assert [entry.status_label for entry in outgoing.register(context.db)] == ["hỏng"]
    assert "outgoing" in told  # «Văn bản đã ban hành» shows the spoiled number
    assert target.read_bytes() == b"PK old"


def test_a_day_with_overdue_slips_chosen_after_one_without_no_longer_says_there_are_none(qtbot, context):
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)  # slips overdue
    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    dialog.on.set_day(dt.date(2020, 1, 1))
    assert dialog.message.text() == "Vào ngày này không có phiếu nào quá hạn trả lời."
    dialog.on.set_day(dt.date(2025, 10, 2))
    assert dialog.recipient.count() > 0 and dialog.print_button.isEnabled()
    # what is said now is of the recipient chosen (its province merged since: told), never of the other day
    assert dialog.message.text() == (documents_data.reminder_caution(dialog.recipient.currentData(), dialog.on.day())
                                     or "")


def test_the_letter_s_day_typed_key_by_key_is_the_day_chosen(qtbot, context):
    """«02/10/2025» typed key by key chose 02/12/2026 (the date box moved on after «02», and again at «/»)."""
    context.clock.now = dt.datetime(2026, 12, 5, 8, 0)
    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    type_day(qtbot, dialog.on, "02/10/2025")
    assert dialog.chosen_day() == dt.date(2025, 10, 2)


def test_a_letter_dated_since_the_merger_to_a_former_provinces_unit_tells_the_officer(qtbot, context):
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)  # slips overdue
    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    former = dialog.recipient.findData("Phòng PV27 – Công an tỉnh Bình Thuận")
    dialog.recipient.setCurrentIndex(former)
    assert dialog.message.text() == ("Lưu ý: «Phòng PV27 – Công an tỉnh Bình Thuận» mang tên tỉnh cũ: từ 01/7/2025 "
                                     "tỉnh ấy thuộc tỉnh Lâm Đồng; hãy xem lại nơi nhận trước khi gửi công văn.")
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("Cục A93B – Bộ Công an"))
    assert dialog.message.isHidden()
    dialog.recipient.setCurrentIndex(former)
    dialog.on.set_day(dt.date(2025, 6, 30))  # the province's last day: a letter to its police is right
    assert dialog.recipient.currentData() == "Phòng PV27 – Công an tỉnh Bình Thuận"
    assert dialog.message.isHidden()


def test_a_word_file_is_not_asked_for_while_no_recipient_has_a_letter_to_send(qtbot, context):
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)
    dialog = ReminderDialog(context)
    qtbot.addWidget(dialog)
    dialog.on.set_day(dt.date(2020, 1, 1))  # no slip overdue then: no recipient to choose
    assert dialog.recipient.currentData() is None
    dialog.save_docx()  # no password, no file asked: the officer would answer them for nothing
    assert context.dialogs.shown == [] and dialog.task is None
