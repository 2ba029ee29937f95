"""Văn bản đã ban hành: the outgoing register on its page, each document written again exactly as
issued — into the preview, or saved as PDF, Word or Excel — and a reminder letter from the
dashboard's overdue slips."""

import datetime as dt
import json
import os

import docx
import pypdfium2 as pdfium
import pytest

from bvct_desktop.core import documents_data, issued_terms, outgoing, report_notes, restore_checks, settings
from bvct_desktop.gui.dashboard import Dashboard
from bvct_desktop.gui.dialogs import YES
from bvct_desktop.gui.issued_page import KEPT_COLUMN, STATUS_COLUMN, TERM_COLUMN, IssuedPage
from bvct_desktop.gui.main_window import MainWindow
from bvct_desktop.gui.navigation import ISSUED
from bvct_desktop.gui.outside_numbers_dialog import OutsideNumbersDialog
from bvct_desktop.gui.qt import QDialogButtonBox, QFont
from bvct_desktop.io.documents import profile, render
from tests.conftest import PASSWORD
from tests.core.test_numbering import left_unconfirmed
from tests.gui.shell_support import FakeClock, as_user, context_for, main_window, new_database, on_office_screen
from tests.gui.test_printing import PdfPrinter

KINDS = ("cadres", "slips", "delegations", "archive-requests", "complaints")
START, END = dt.date(2025, 1, 1), dt.date(2025, 6, 30)


@pytest.fixture
def context(tmp_path):
    clock = FakeClock(dt.datetime(2025, 10, 2, 8, 0))
    db = new_database(tmp_path, clock, KINDS)
    yield context_for(db, clock)
    db.close()


def issue_report(context, tmp_path) -> None:
    report_notes.save(context.db, START, END, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    writer = render.report_writer("pdf", tmp_path / "bc.pdf", render.Options(profile.load()))
    documents_data.report_document(context.db, START, END, tmp_path / "bc.pdf", "kết quả 6 tháng", writer,
                                   issue=True)


def test_the_register_page_lists_and_prints_again_as_issued(qtbot, context, tmp_path):
    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    cells = [page.table.item(0, column).text() for column in range(page.table.columnCount())]
    assert cells[:4] == ["01-BC/BTCTU", "02/10/2025", "từ 01/10/2025", "Báo cáo"]
    assert cells[STATUS_COLUMN] == "đã phát hành"
    assert not page.print_button.isEnabled()
    page.table.selectRow(0)
    assert page.print_button.isEnabled() and page.xlsx_button.isEnabled()
    page.print_list()  # Ctrl+P
    assert page.task is not None and page.preview is None  # written on a worker; the page stays usable
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert page.preview.data == (tmp_path / "bc.pdf").read_bytes()  # exactly the document issued
    page.preview.close()
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "in-lai"))
    page.save_selected("docx")
    assert page.task is not None
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    word = docx.Document(tmp_path / "in-lai.docx")
    assert word.tables[0].cell(1, 0).text == "Số 01-BC/BTCTU"
    assert page.message.text() == (f"Đã lưu báo cáo số 01-BC/BTCTU (đúng như khi phát hành): "
                                   f"«{tmp_path / 'in-lai.docx'}».")


def test_after_a_congress_the_page_shows_the_current_terms_documents_and_each_ones_term(qtbot, context, tmp_path):
    """01-BC/BTCTU twice, one of each term: the current term is listed on opening (numbers begin again at
    01 with each term, the register the office keeps); «Tất cả» shows both, each with its term; a year
    listed alone says its numbers run on through the term."""
    issue_report(context, tmp_path)  # 01-BC/BTCTU on 02/10/2025
    settings.set_setting(context.db, "nhiem_ky_bat_dau", "2030-10-10", dt.date(2030, 10, 10))
    context.clock.now = dt.datetime(2030, 10, 12, 8, 0)
    report_notes.save(context.db, dt.date(2030, 1, 1), dt.date(2030, 6, 30),
                      dict.fromkeys(report_notes.PARTS, "Đã viết."))
    writer = render.report_writer("pdf", tmp_path / "bc-2030.pdf", render.Options(profile.load()))
    documents_data.report_document(context.db, dt.date(2030, 1, 1), dt.date(2030, 6, 30), tmp_path / "bc-2030.pdf",
                                   "kết quả 6 tháng", writer, issue=True)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    assert [page.term.itemText(i) for i in range(page.term.count())] == ["Tất cả", "từ 10/10/2030", "2025–2030"]
    assert page.term.currentText() == "từ 10/10/2030" and page.table.rowCount() == 1
    assert page.table.horizontalHeaderItem(TERM_COLUMN).text() == "Nhiệm kỳ"
    page.term.setCurrentIndex(0)  # Tất cả
    assert [(page.table.item(row, 0).text(), page.table.item(row, TERM_COLUMN).text()) for row in range(2)] == [
        ("01-BC/BTCTU", "2025–2030"), ("01-BC/BTCTU", "từ 10/10/2030")]
    page.year.setCurrentIndex(page.year.findData(2025))
    assert page.table.rowCount() == 1
    assert page.count_label.text() == "1 văn bản (số văn bản đánh liên tục trong cả nhiệm kỳ, không đánh lại từ 01 " \
                                      "mỗi năm)"
    page.term.setCurrentIndex(page.term.findText("từ 10/10/2030"))
    assert page.count_label.text() == "Chưa có văn bản nào của nhiệm kỳ từ 10/10/2030 năm 2025."


def test_each_document_shows_its_retention_term_and_the_year_it_runs_out(qtbot, context, tmp_path):
    issue_report(context, tmp_path)  # 6 tháng đầu năm 2025, issued on 02/10/2025
    page = IssuedPage(context)
    qtbot.addWidget(page)
    header = page.table.horizontalHeaderItem(KEPT_COLUMN).text()
    kept = page.table.item(0, KEPT_COLUMN)
    assert (header, kept.text()) == ("Thời hạn bảo quản", "20 năm, hết hạn năm 2045")
    assert kept.toolTip() == "Báo cáo 6 tháng, 9 tháng: 20 năm, hết hạn năm 2045"


def test_ctrl_p_with_no_document_chosen_says_what_to_choose(qtbot, context, tmp_path):
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.print_list()  # Ctrl+P
    assert page.message.text() == "Chưa có văn bản nào để in lại."
    issue_report(context, tmp_path)
    page.refresh()
    page.print_list()
    assert page.task is None
    assert page.message.text() == "Chọn văn bản cần in lại trong danh sách, rồi bấm «Xem và in lại…» (Ctrl+P)."


def test_a_number_left_unconfirmed_is_issued_once_its_document_is_saved_again(qtbot, context, tmp_path):
    issue_report(context, tmp_path)
    left_unconfirmed(context.db, 1)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    assert page.table.item(0, STATUS_COLUMN).text() == "đang ghi (chưa xác nhận)"
    page.table.selectRow(0)
    page.print_selected()  # the preview settles nothing
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    page.preview.close()
    assert page.table.item(0, STATUS_COLUMN).text() == "đang ghi (chưa xác nhận)"
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "in-lai"))
    page.save_selected("pdf")
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert "nay «đã phát hành»" in page.message.text()
    assert page.table.item(0, STATUS_COLUMN).text() == "đã phát hành"


def test_a_number_left_unconfirmed_is_marked_spoiled_with_the_reason_asked(qtbot, context, tmp_path):
    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert not page.spoil_button.isHidden() and not page.spoil_button.isEnabled()  # an issued number: never
    left_unconfirmed(context.db, 1)
    context.notifier.changed.emit("outgoing")
    page.table.selectRow(0)
    assert page.spoil_button.isEnabled()
    context.dialogs.answer_next(None)  # the officer cancels
    page.spoil_button.click()
    assert page.table.item(0, STATUS_COLUMN).text() == "đang ghi (chưa xác nhận)"
    context.dialogs.answer_next("Văn bản không ban hành")
    page.spoil_button.click()
    assert context.dialogs.shown[-1].text.startswith("Số 01-BC/BTCTU «đang ghi (chưa xác nhận)» sẽ ghi là «hỏng»")
    assert page.message.text() == "Số 01-BC/BTCTU: «hỏng»." and page.table.item(0, STATUS_COLUMN).text() == "hỏng"


def test_a_spoiled_number_offers_no_print_as_a_number_used_outside_offers_none(qtbot, context, tmp_path):
    """A number marked «hỏng» has no document issued to print again (`outgoing.content_of` refuses it): its
    buttons were enabled, and a click only told so."""
    issue_report(context, tmp_path)
    left_unconfirmed(context.db, 1)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    context.dialogs.answer_next("Văn bản không ban hành")
    page.spoil_button.click()
    page.table.selectRow(0)
    assert page.table.item(0, STATUS_COLUMN).text() == "hỏng"
    assert not page.print_button.isEnabled() and not page.pdf_button.isEnabled()


def test_a_number_issued_while_the_pcs_date_was_ahead_is_marked_spoiled_by_an_administrator(qtbot, context, tmp_path):
    """Issued on «02/10/2026», the PC's clock a year ahead, then put right: it holds up every later report
    number; a leader may not mark an issued number «hỏng», the administrator may, with the reason asked."""
    context.clock.now = dt.datetime(2026, 10, 2, 8, 0)
    issue_report(context, tmp_path)
    context.clock.now = dt.datetime(2025, 10, 2, 8, 0)
    leader = as_user(context.db, "lanhdao", "lanh-dao")
    page = IssuedPage(context_for(leader, context.clock))
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert not page.spoil_button.isHidden() and not page.spoil_button.isEnabled()
    leader.close()
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.spoil_button.isEnabled()
    context.dialogs.answer_next("Máy tính để sai năm khi phát hành")
    page.spoil_button.click()
    assert context.dialogs.shown[-1].text.startswith(
        "Số 01-BC/BTCTU «đã phát hành» ghi ngày 02/10/2026, sau hôm nay (02/10/2025): số lấy khi ngày giờ của máy "
        "tính bị sai, các văn bản tiếp theo không lấy được số. Số sẽ ghi là «hỏng»")
    assert page.message.text() == "Số 01-BC/BTCTU: «hỏng»." and page.table.item(0, STATUS_COLUMN).text() == "hỏng"


def test_an_officer_who_may_not_issue_has_no_spoil_button(qtbot, context, tmp_path):
    issue_report(context, tmp_path)
    officer = as_user(context.db, "chuyenvien", "chuyen-vien")
    page = IssuedPage(context_for(officer, context.clock))
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1 and page.spoil_button.isHidden()
    officer.close()


def test_the_page_is_in_the_navigation_for_those_who_may_print(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert ISSUED in window.navigation.keys
    window.navigation.select(ISSUED)
    assert isinstance(window.current_page(), IssuedPage)
    assert window.current_page().page_title.text() == "Văn bản đã phát hành"  # as the documents are «phát hành»


def test_a_reminder_from_the_dashboards_overdue_slips(qtbot, context):
    dashboard = Dashboard(context, lambda kind, record_id: None)
    qtbot.addWidget(dashboard)
    dashboard.show()
    overdue = dashboard.due_lists[0]
    overdue.view.selectRow(0)
    dialog = dashboard.open_reminder(overdue)
    qtbot.addWidget(dialog)
    assert dialog.recipient.currentData() == "Phòng PV27 – Công an tỉnh Bình Thuận"
    assert "1 phiếu quá hạn" in dialog.recipient.currentText()
    dialog.make(None)
    assert dialog.task is not None and dialog.preview is None  # written on a worker
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    text = pdfium.PdfDocument(dialog.preview.data)[0].get_textpage().get_text_range()
    assert "DỰ THẢO" in text and "Kính gửi: Phòng PV27 – Công an tỉnh Bình Thuận" in text
    dialog.preview.close()
    dialog.issue.setChecked(True)
    context.dialogs.answer_next(YES)  # issued with no signer's name (the settings' default)
    dialog.make(None)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert "Công văn số 01-CV/BTCTU" in dialog.message.text()
    assert [entry.number_text for entry in outgoing.register(context.db)] == ["01-CV/BTCTU"]
    dialog.preview.close()


def test_an_issued_document_saved_from_its_preview_is_audited_with_its_number_and_its_opening_is_not(
        qtbot, context, tmp_path):
    from bvct_desktop.core import audit

    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.print_selected()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    printed = [entry for entry in audit.list_entries(context.db) if entry.action in ("in", "xuất")]
    assert printed == []  # opening the preview sends nothing out
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "ban-in"))
    assert page.preview.save_document()
    [entry] = [entry for entry in audit.list_entries(context.db) if entry.action in ("in", "xuất")]
    assert (entry.action, entry.kind) == ("xuất", "report")
    assert json.loads(entry.details) == {"so_van_ban": "01-BC/BTCTU", "tep": str((tmp_path / "ban-in.pdf").resolve()),
                                         "do_mat": ""}


def test_a_reprint_sent_to_a_printer_from_its_preview_is_audited_with_the_mark_it_was_issued_with(
        qtbot, context, tmp_path):
    from bvct_desktop.core import audit

    settings.set_setting(context.db, "do_mat", "MẬT")
    issue_report(context, tmp_path)
    settings.set_setting(context.db, "do_mat", "")  # the office stops marking documents after the issue
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.print_selected()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    page.preview.printers = PdfPrinter(tmp_path / "may-in.pdf")
    context.dialogs.answer_next(PASSWORD)
    assert page.preview.print_document()
    qtbot.waitUntil(lambda: page.preview.printing is None, timeout=20_000)
    [entry] = [entry for entry in audit.list_entries(context.db) if entry.action in ("in", "xuất")]
    assert (entry.action, json.loads(entry.details)["do_mat"]) == ("in", "MẬT")


def test_an_excel_file_is_offered_as_tep_excel_as_everywhere_else(qtbot, context, tmp_path):
    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    context.dialogs.answer_next(PASSWORD, None)  # the officer cancels the file dialog
    page.save_selected("xlsx")
    assert [shown.text for shown in context.dialogs.shown if shown.kind == "save_file"] == ["Tệp Excel (*.xlsx)"]


def _register_views(context) -> int:
    from bvct_desktop.core import audit

    return sum(entry.action == outgoing.VIEWED_REGISTER for entry in audit.list_entries(context.db))


def test_the_register_read_again_on_a_change_notice_is_no_view_and_f5_is(qtbot, context, tmp_path):
    """Another officer's issue re-reads the page, shown or hidden: the trail keeps the one view of the
    officer who opened it, and one more when they ask again (F5)."""
    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    assert _register_views(context) == 1  # the officer opened the page
    context.notifier.changed.emit("outgoing")  # hidden behind another page
    page.show()
    context.notifier.changed.emit("outgoing")
    assert page.table.rowCount() == 1 and _register_views(context) == 1
    page.refresh()  # F5
    assert _register_views(context) == 2


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_at_windows_scaling_every_column_of_the_register_is_in_view(qtbot, monkeypatch, context, tmp_path, scale):
    """At 150 % the signer and the recipients kept 30 and 36 letters' width: the trích yếu went down to a
    word a line and «Tình trạng» — whether a number was spoiled — sat off the page, right of a scroll bar.
    The columns share the page's width, each cell's text whole on as many lines as it needs."""
    issue_report(context, tmp_path)
    screen = on_office_screen(monkeypatch, scale)
    window = main_window(qtbot, context.db, context.clock)
    window.resize(screen.size())
    window.navigation.select(ISSUED)
    page = window.current_page()
    qtbot.wait(20)
    table = page.table
    assert table.horizontalScrollBar().maximum() == 0
    assert table.rowHeight(0) >= table.sizeHintForRow(0)  # every cell of the row whole at its column's width
    for column in range(table.columnCount()):
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= table.viewport().width()


def record_outside(page: IssuedPage, monkeypatch, last: int, reason: str) -> list[OutsideNumbersDialog]:
    """Clicks «Ghi số đã cấp ngoài…» and, in the dialog it opens, records `last` with `reason` (today's date)."""
    opened: list[OutsideNumbersDialog] = []

    def filled(dialog: OutsideNumbersDialog) -> int:
        opened.append(dialog)
        dialog.last.setValue(last)
        dialog.reason.setText(reason)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(OutsideNumbersDialog, "exec", filled)
    page.outside_button.click()
    return opened


def test_numbers_used_outside_the_program_are_recorded_from_the_page_and_the_next_follows(
        qtbot, context, tmp_path, monkeypatch):
    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    assert not page.outside_button.isHidden() and page.outside_button.isEnabled()  # nothing to select first
    assert f"«{page.outside_button.text()}»" in restore_checks.AGAINST_THE_REGISTER  # where a restore says to go
    [dialog] = record_outside(page, monkeypatch, 14, "Cấp trên máy cũ sau bản sao lưu, theo sổ giấy")
    assert dialog.last.minimum() == 2 and dialog.day.text() == "02/10/2025"
    assert dialog.next_label.text() == ("Số chương trình sẽ cấp hiện nay: 02-BC/BTCTU. Sau khi ghi, số tiếp theo: "
                                        "15-BC/BTCTU.")
    assert page.message.text() == ("Đã ghi: các số đến 14-BC/BTCTU «đã cấp ngoài chương trình»; số tiếp theo "
                                   "chương trình cấp sau số ấy.")
    assert [page.table.item(1, column).text() for column in (0, 3, 4, STATUS_COLUMN)] == [
        "14-BC/BTCTU", "Báo cáo", "Số 02 đến 14 cấp ngoài chương trình: Cấp trên máy cũ sau bản sao lưu, theo sổ giấy",
        "đã cấp ngoài chương trình"]
    page.table.selectRow(1)
    assert not page.print_button.isEnabled() and not page.pdf_button.isEnabled()  # no document here to print
    issue_report(context, tmp_path)
    assert outgoing.register(context.db)[-1].number_text == "15-BC/BTCTU"


def test_a_refused_number_is_told_in_the_dialog_and_nothing_is_recorded(qtbot, context, tmp_path, monkeypatch):
    issue_report(context, tmp_path)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    [dialog] = record_outside(page, monkeypatch, 9, "  ")
    assert not dialog.problem.isHidden() and dialog.problem.text().startswith("Hãy ghi lý do")
    assert dialog.result() == 0 and page.table.rowCount() == 1


def test_an_officer_who_may_not_issue_has_no_button_for_numbers_used_outside(qtbot, context, tmp_path):
    officer = as_user(context.db, "chuyenvien", "chuyen-vien")
    page = IssuedPage(context_for(officer, context.clock))
    qtbot.addWidget(page)
    assert page.outside_button.isHidden()
    officer.close()


def test_the_dialog_for_numbers_used_outside_fits_the_office_screen(qtbot, context, tmp_path, monkeypatch):
    issue_report(context, tmp_path)
    screen = on_office_screen(monkeypatch)
    window = main_window(qtbot, context.db, context.clock)
    window.resize(screen.size())
    window.navigation.select(ISSUED)
    page = window.current_page()
    record_outside(page, monkeypatch, 14, "Cấp trên máy cũ sau bản sao lưu, theo sổ giấy")
    monkeypatch.undo()
    on_office_screen(monkeypatch)
    dialog = OutsideNumbersDialog(context.db, context.clock().date(), page)
    qtbot.addWidget(dialog)
    dialog.last.setValue(1234)
    dialog.reason.setText("Cấp trên máy cũ của Văn phòng Ban (hỏng ổ cứng) sau bản sao lưu, theo sổ giấy")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.last.text() == "1234" and dialog.next_label.text().endswith("1235-BC/BTCTU.")
    shot = os.environ.get("BVCT_SHOT")
    if shot:
        window.grab().save(f"{shot}-page.png")
        dialog.grab().save(f"{shot}-dialog.png")


def test_at_150_percent_the_buttons_row_goes_on_to_a_second_line_rather_than_scroll_sideways(
        qtbot, monkeypatch, context, tmp_path):
    """Since «Ghi số đã cấp ngoài…» joined them, the six buttons on one line made the page wider than the
    window at 150 % (911×485 above the taskbar), text a tenth wider as Windows lays it out: a horizontal
    scroll bar under them, «Đánh dấu hỏng…» off the right edge."""
    issue_report(context, tmp_path)
    screen = on_office_screen(monkeypatch, 1.5)
    window = main_window(qtbot, context.db, context.clock)
    window.resize(screen.size())
    font = QFont(window.font())
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
    window.setFont(font)
    window.navigation.select(ISSUED)
    page = window.current_page()
    area = page.parentWidget().parentWidget()
    qtbot.wait(20)
    assert not area.horizontalScrollBar().isVisible()
    buttons = [page.print_button, page.pdf_button, page.docx_button, page.xlsx_button, page.outside_button,
               page.spoil_button]
    assert all(button.width() >= button.sizeHint().width() for button in buttons)
    assert all(button.geometry().right() < area.viewport().width() for button in buttons)


def test_a_register_of_thousands_of_documents_counts_them_as_vietnamese_writes_numbers(qtbot, context, tmp_path,
                                                                                        monkeypatch):
    """«1234 văn bản» under a term of many years: the count is grouped, «1.234 văn bản»."""
    issue_report(context, tmp_path)
    real = issued_terms.view_listing

    def thousands(db, year, term):
        found = real(db, year, term)
        return issued_terms.Listing(found.entries * 1234, found.terms)

    monkeypatch.setattr(issued_terms, "view_listing", thousands)
    page = IssuedPage(context)
    qtbot.addWidget(page)
    page.term.setCurrentIndex(0)  # Tất cả
    assert page.count_label.text() == "1.234 văn bản"
