"""Báo cáo: the period chosen by name or by dates, the spec's figures in Vietnamese with
their breakdowns, and the role's limits."""

import datetime as dt
import json

import pypdfium2 as pdfium
import pytest

from bvct_desktop.core import audit, crashpoints, outgoing, report, report_notes, settings, users
from bvct_desktop.core.overview import BREAKDOWN_LABELS, REPORT_LABELS
from bvct_desktop.core.permissions import LEADER, OFFICER, VIEWER
from bvct_desktop.gui import live
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.look import scrolling
from bvct_desktop.gui.qt import QScrollArea
from bvct_desktop.gui.report_page import ReportPage
from bvct_desktop.io.documents.report_content import FACTS
from tests.conftest import PASSWORD
from tests.gui.accessibility_support import read_name
from tests.gui.shell_support import (
    FakeClock,
    as_user,
    context_for,
    import_rows,
    new_database,
    off_the_gui_thread,
    threads_calling,
    type_day,
)
from tests.samples import SAMPLES

KINDS = ("slips", "delegations", "archive-requests", "complaints")


@pytest.fixture
def page(qtbot, tmp_path):
    clock = FakeClock(dt.datetime(2025, 10, 2, 8, 0))
    db = new_database(tmp_path, clock, KINDS)
    shown = ReportPage(context_for(db, clock))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    db.close()


def rows(table) -> dict[str, str]:
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def choose(page: ReportPage, name: str) -> None:
    page.period.setCurrentIndex(page.period.findText(name))


def test_each_named_period_sets_its_dates_in_the_year_chosen(page):
    assert [page.period.itemText(index) for index in range(page.period.count())] == [
        "Quý I", "Quý II", "6 tháng đầu năm", "Quý III", "9 tháng đầu năm", "Quý IV", "6 tháng cuối năm", "Cả năm",
        "Tùy chọn"]
    page.year.setValue(2026)
    chosen = {}
    for index in range(page.period.count() - 1):
        page.period.setCurrentIndex(index)
        assert not page.start.isEnabled() and page.year.isEnabled()
        chosen[page.period.currentText()] = tuple(day.strftime("%d/%m/%Y") for day in page.chosen_period())
    assert chosen == {"Quý I": ("01/01/2026", "31/03/2026"), "Quý II": ("01/04/2026", "30/06/2026"),
                      "6 tháng đầu năm": ("01/01/2026", "30/06/2026"), "Quý III": ("01/07/2026", "30/09/2026"),
                      "9 tháng đầu năm": ("01/01/2026", "30/09/2026"), "Quý IV": ("01/10/2026", "31/12/2026"),
                      "6 tháng cuối năm": ("01/07/2026", "31/12/2026"), "Cả năm": ("01/01/2026", "31/12/2026")}


def test_the_third_quarter_chosen_is_printed_as_the_third_quarter(page, qtbot):
    choose(page, "Quý III")
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    first_page = " ".join(pdfium.PdfDocument(page.preview.data)[0].get_textpage().get_text_range().split())
    page.preview.close()
    assert "công tác bảo vệ chính trị nội bộ quý III năm 2025" in first_page


def test_opened_on_02_10_the_page_offers_the_nine_months_just_ended(page):
    assert (page.period.currentText(), page.year.value()) == ("9 tháng đầu năm", 2025)
    assert page.chosen_period() == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))


def test_opened_in_january_the_page_offers_the_year_just_ended(qtbot, tmp_path):
    """On 05/01/2027 the officer makes the report of 2026: «Cả năm» 2026 is chosen, not the first half of a
    year five days old."""
    clock = FakeClock(dt.datetime(2027, 1, 5, 8, 0))
    db = new_database(tmp_path, clock)
    shown = ReportPage(context_for(db, clock))
    qtbot.addWidget(shown)
    assert (shown.period.currentText(), shown.year.value()) == ("Cả năm", 2026)
    assert shown.chosen_period() == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    db.close()


def statistical_page(qtbot, tmp_path, today: dt.datetime) -> ReportPage:
    clock = FakeClock(today)
    db = new_database(tmp_path, clock)
    settings.set_setting(db, "ky_bao_cao_thong_ke", "từ 15/12 năm trước")
    shown = ReportPage(context_for(db, clock))
    qtbot.addWidget(shown)
    return shown


def test_an_office_reporting_on_the_statistical_year_is_offered_its_periods_from_15_12(qtbot, tmp_path):
    """On 20/06/2026 the office that counts its year from 15/12 reports «6 tháng đầu năm 2026»: 15/12/2025 to
    14/06/2026, no date typed; the page names it as the printed report does."""
    shown = statistical_page(qtbot, tmp_path, dt.datetime(2026, 6, 20, 8, 0))
    assert [shown.period.itemText(index) for index in range(shown.period.count())] == [
        "6 tháng đầu năm", "9 tháng đầu năm", "Cả năm", "Tùy chọn"]
    assert (shown.period.currentText(), shown.year.value()) == ("6 tháng đầu năm", 2026)
    assert shown.chosen_period() == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    choose(shown, "Cả năm")
    assert shown.chosen_period() == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))
    shown.year.setValue(2027)
    assert shown.chosen_period() == (dt.date(2026, 12, 15), dt.date(2027, 12, 14))
    choose(shown, "9 tháng đầu năm")
    shown.year.setValue(2026)
    shown.refresh()
    assert shown.summary.text() == "Kỳ báo cáo: 9 tháng đầu năm 2026 (từ 15/12/2025 đến 14/09/2026)."
    shown.context.db.close()


def test_from_15_12_the_statistical_year_just_ended_is_offered(qtbot, tmp_path):
    shown = statistical_page(qtbot, tmp_path, dt.datetime(2026, 12, 15, 8, 0))
    assert (shown.period.currentText(), shown.year.value()) == ("Cả năm", 2026)
    assert shown.chosen_period() == (dt.date(2025, 12, 15), dt.date(2026, 12, 14))
    shown.context.db.close()


def test_the_year_set_while_the_page_is_open_offers_its_periods(page):
    """The administrator sets «Kỳ báo cáo thống kê» on the settings page: the report page, already built,
    offers the statistical year's periods; another setting saved leaves the period chosen as it is."""
    choose(page, "Tùy chọn")
    settings.set_setting(page.context.db, "dia_danh", "Bình Thuận")
    page.context.notifier.changed.emit("settings")
    assert page.period.currentText() == "Tùy chọn" and page.period.count() == 9
    settings.set_setting(page.context.db, "ky_bao_cao_thong_ke", "từ 15/12 năm trước")
    page.context.notifier.changed.emit("settings")
    assert (page.period.currentText(), page.year.value()) == ("9 tháng đầu năm", 2025)
    assert page.chosen_period() == (dt.date(2024, 12, 15), dt.date(2025, 9, 14))
    assert "từ 15/12 năm trước" in page.period.toolTip()


def test_six_months_figures_with_breakdowns(page):
    choose(page, "6 tháng đầu năm")
    page.refresh()
    figures = rows(page.main_table)
    assert list(figures) == list(REPORT_LABELS.values())
    assert figures["Phiếu yêu cầu xác minh lai lịch đã phát hành"] == "2"
    assert figures["Lượt cán bộ đi nước ngoài"] == "2"           # September's trip is not in the first half
    assert figures["Đơn thư tiếp nhận"] == "1"
    assert rows(page.breakdowns["slips_by_recipient"]) == {"Cục A93B – Bộ Công an": "1",
                                                           "Phòng PV27 – Công an tỉnh Bình Thuận": "1"}
    assert page.summary.text() == "Kỳ báo cáo: 6 tháng đầu năm 2025 (từ 01/01/2025 đến 30/06/2025)."


def test_each_figure_stands_with_its_subject_as_the_report_states_it(page):
    """The archive research done for another province is followed by those answered, those of them dated after the
    report's day, those whose reply found a record and those carried over; the slips' figures stand together after
    the vetting cases, the delegations after the archive research and the letters last, as sections I.1 to I.4
    state them."""
    page.refresh()
    labels = list(rows(page.main_table))
    assert labels == list(REPORT_LABELS.values())
    helped = labels.index("Nghiên cứu tàng thư giúp tỉnh bạn")
    assert labels[helped:helped + 6] == [
        "Nghiên cứu tàng thư giúp tỉnh bạn", "Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời",
        "Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời, ghi ngày trả lời sau ngày lập báo cáo (cần xem lại)",
        "Nghiên cứu tàng thư giúp tỉnh bạn: có tài liệu",
        "Nghiên cứu tàng thư giúp tỉnh bạn kỳ trước chuyển sang (chưa trả lời khi bắt đầu kỳ)",
        "Nghiên cứu tàng thư giúp tỉnh bạn kỳ trước chuyển sang: đã trả lời (đến cuối kỳ)"]
    slips = [index for index, label in enumerate(labels) if label.startswith(("Phiếu", "Số đối tượng"))]
    assert slips == list(range(2, 14))  # with those dated after the day counted to, and still without a result
    assert labels[-9:-7] == ["Đoàn ra nước ngoài", "Lượt cán bộ đi nước ngoài"]
    assert all(label.startswith("Đơn thư") for label in labels[-7:])


def test_the_page_shows_every_figure_the_report_states(page):
    """The chief checks the report against its page: the replies that found an archive record, the
    results written without their day and the archive requests answered stand in the report's text and
    its workbook, so they stand on the page too, under the same labels."""
    page.refresh()
    figures = rows(page.main_table)
    assert list(figures) == [label for _key, label in FACTS]
    assert figures["Phiếu có kết quả tìm thấy tài liệu lưu trữ (tàng thư)"] == "0"
    assert figures["Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời"] == "1"
    assert figures["Đề nghị tỉnh bạn nghiên cứu tàng thư: đã nhận kết quả"] == "0"


def beside_the_navigation(page: ReportPage) -> QScrollArea:
    """The page as the main window shows it at 1366×768, beside its navigation."""
    shown = scrolling(page)
    shown.resize(1366 - 240, 728)
    shown.show()
    return shown


def test_every_row_of_a_breakdown_is_read_by_the_figures_scroll_bar_none_hidden_in_its_table(page, qtbot):
    """Slips of every purpose: the chief reads the eight rows against Phụ lục 2 with the figures' own scroll
    bar, none hidden below a table's (at 1366×768 the table showed five and scrolled)."""
    headers, rows = SAMPLES["slips"]
    sample = dict(zip(headers, rows[0], strict=True))
    slips = [list({**sample, "Số phiếu": f"{40 + n}/PXM", "Mục đích xác minh": purpose}.values())
             for n, purpose in enumerate(["Bầu cử", "Bổ nhiệm", "Quy hoạch", "Đi nước ngoài", "Giải quyết đơn thư",
                                          "Khác", None])]
    import_rows(page.context.db, "slips", headers, slips)
    shown = beside_the_navigation(page)
    page.refresh()
    table = page.breakdowns["slips_by_purpose"]
    assert table.rowCount() == 8
    for table in page.breakdowns.values():
        qtbot.waitUntil(lambda table=table: table.viewport().height() >= table.verticalHeader().length())
    shown.takeWidget()  # the page goes back to its fixture


def test_at_1366_by_768_the_period_and_the_actions_stay_in_sight_while_the_figures_scroll(page, qtbot):
    """The page was 1,143 px tall: the officer scrolled «Lập số liệu», «In…» and «Xuất PDF…» out of sight to
    read the figures, and back to use them. It fits beside the navigation; the figures scroll in their tab."""
    shown = beside_the_navigation(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.height() <= shown.viewport().height())
    assert shown.verticalScrollBar().maximum() == 0
    figures = page.figures_scroll.verticalScrollBar()
    figures.setValue(figures.maximum())
    assert figures.maximum() > 0
    for button in (page.run_button, page.print_button, *page.export_buttons.values()):
        assert shown.viewport().rect().contains(button.mapTo(shown.viewport(), button.rect().bottomRight()))
    shown.takeWidget()


def test_the_figures_shown_follow_a_change_of_the_records_so_the_page_says_what_the_report_will(page, qtbot):
    """The chief counts, a slip is added meanwhile (in a register, or by another officer): the page shows
    the figures the report issued now will carry, not the earlier count; the recount is no new asking
    for the audit trail."""
    choose(page, "6 tháng đầu năm")
    page.refresh()
    assert rows(page.main_table)["Phiếu yêu cầu xác minh lai lịch đã phát hành"] == "2"
    asked = [entry for entry in audit.list_entries(page.context.db) if entry.action == "báo cáo số liệu"]
    headers, slips = SAMPLES["slips"]
    import_rows(page.context.db, "slips", headers,
                [list({**dict(zip(headers, slips[0], strict=True)), "Số phiếu": "77/PXM"}.values())])
    page.context.notifier.changed.emit("slips")  # as a register says after a save, or the live look
    qtbot.waitUntil(lambda: rows(page.main_table)["Phiếu yêu cầu xác minh lai lịch đã phát hành"] == "3")
    assert page.summary.text() == "Kỳ báo cáo: 6 tháng đầu năm 2025 (từ 01/01/2025 đến 30/06/2025)."
    assert [entry for entry in audit.list_entries(page.context.db) if entry.action == "báo cáo số liệu"] == asked


def test_a_name_too_long_for_its_breakdown_column_is_read_whole_in_its_tooltip(page):
    """At 1366×768 a long recipient is cut with «…» in its column: the officer reads it whole by hovering."""
    long_name = ("Phòng Hồ sơ nghiệp vụ cảnh sát và tàng thư an ninh – Công an Thành phố Hồ Chí Minh "
                 "(đơn vị tiếp nhận phiếu của các tỉnh phía Nam)")
    headers, rows = SAMPLES["slips"]
    slip = {**dict(zip(headers, rows[0], strict=True)), "Số phiếu": "99/PXM", "Nơi nhận phiếu": long_name}
    import_rows(page.context.db, "slips", headers, [list(slip.values())])
    page.refresh()
    table = page.breakdowns["slips_by_recipient"]
    tips = {table.item(row, 0).text(): table.item(row, 0).toolTip() for row in range(table.rowCount())}
    assert tips[long_name] == long_name
    assert all(tips[name] == name for name in tips)


def test_each_breakdown_table_is_read_by_its_own_heading(page):
    """A screen reader read all six breakdown tables as «Chi tiết», the box around them."""
    assert [read_name(table) for table in page.breakdowns.values()] == list(BREAKDOWN_LABELS.values())


def test_the_vetting_cases_the_report_opens_with_are_on_the_page_with_their_breakdowns(page):
    """The slips opened vetting cases: the page shows them as the issued report counts them."""
    choose(page, "Cả năm")
    page.refresh()
    counted = report.figures(page.context.db, *page.chosen_period())
    assert counted["vetting_cases_opened"] > 0
    figures = rows(page.main_table)
    assert list(figures)[:2] == ["Hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị mở trong kỳ",
                                 "Hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị đã kết luận trong kỳ"]
    assert figures["Hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị mở trong kỳ"] == str(counted["vetting_cases_opened"])
    assert rows(page.breakdowns["vetting_cases_by_purpose"]) == {
        purpose: str(count) for purpose, count in counted["vetting_cases_by_purpose"].items()}
    assert page.breakdowns["vetting_conclusions_by_result"].horizontalHeaderItem(0).text() == \
        "Hồ sơ thẩm tra kết luận trong kỳ theo kết quả"


def test_the_figures_are_counted_on_a_worker(page, monkeypatch):
    counted_on = threads_calling(monkeypatch, report, "figures")
    page.refresh()
    assert off_the_gui_thread(counted_on)  # ~0.5 s on a million slips
    assert rows(page.main_table)["Phiếu yêu cầu xác minh lai lịch đã phát hành"] == "2"


def test_letters_still_open_when_the_period_starts_are_shown_with_those_received(qtbot, page):
    """The sample letter of 01/08/2025 is still open on 01/09/2025: work of September, though received before."""
    choose(page, "Tùy chọn")
    type_day(qtbot, page.start, "01/09/2025")
    type_day(qtbot, page.end, "30/09/2025")
    page.refresh()
    figures = rows(page.main_table)
    assert figures["Đơn thư tiếp nhận"] == "0"
    assert figures["Đơn thư kỳ trước chuyển sang (chưa giải quyết khi bắt đầu kỳ)"] == "1"
    assert figures["Đơn thư kỳ trước chuyển sang: đã giải quyết (đến cuối kỳ)"] == "0"


def test_a_custom_period_typed_key_by_key_is_the_period_counted(qtbot, page):
    """«01/01/2025» typed key by key counted the figures from 01/12/2026: the date box moved on to the month
    after «01», the «/» on to the year, and the rest was lost."""
    choose(page, "Tùy chọn")
    type_day(qtbot, page.start, "01/07/2025")
    type_day(qtbot, page.end, "30/09/2025")
    assert page.chosen_period() == (dt.date(2025, 7, 1), dt.date(2025, 9, 30))
    page.refresh()
    assert page.summary.text() == "Kỳ báo cáo: quý III năm 2025 (từ 01/07/2025 đến 30/09/2025)."
    type_day(qtbot, page.end, "31/09/2025")
    assert page.error.text() == "Đến ngày «31/09/2025»: ngày 31/09/2025 không tồn tại."
    page.summary.clear()
    page.refresh()
    assert page.summary.text() == "" and page.error.text().startswith("Đến ngày «31/09/2025»")


def test_whole_year_and_custom_dates(page):
    choose(page, "Cả năm")
    page.refresh()
    assert rows(page.main_table)["Lượt cán bộ đi nước ngoài"] == "3"
    choose(page, "Tùy chọn")
    assert page.start.isEnabled() and not page.year.isEnabled()
    page.start.set_day(dt.date(2025, 9, 1))
    page.end.set_day(dt.date(2025, 9, 1))
    page.refresh()
    assert rows(page.main_table)["Lượt cán bộ đi nước ngoài"] == "0"


def test_an_end_typed_before_the_start_is_told_and_no_box_is_changed(qtbot, page):
    """The end typed first, then the start: «31/12/2024» typed while the start still read 01/01/2025
    became 01/01/2025 at once, and the figures counted 01/07/2024 to 01/01/2025 with no word."""
    choose(page, "Tùy chọn")
    type_day(qtbot, page.end, "31/12/2024")
    assert page.end.text() == "31/12/2024" and page.error.text() == (
        "Đến ngày 31/12/2024 trước từ ngày 01/01/2025: kỳ phải kết thúc cùng ngày hoặc sau ngày bắt đầu.")
    page.summary.clear()
    page.refresh()
    assert page.summary.text() == ""  # nothing counted for a period that ends before it starts
    type_day(qtbot, page.start, "01/07/2024")
    assert page.end.problem() is None
    page.refresh()
    assert page.summary.text() == "Kỳ báo cáo: 6 tháng cuối năm 2024 (từ 01/07/2024 đến 31/12/2024)."


def test_report_document_written_off_the_gui_thread(page, qtbot, tmp_path):
    context = page.context
    for fmt in ("pdf", "xlsx", "docx"):
        target = tmp_path / f"bao-cao.{fmt}"
        context.dialogs.answer_next(PASSWORD, str(target))  # the password asked again first
        page.export(fmt)
        qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
        assert target.stat().st_size > 0 and page.error.text().startswith("Đã lập dự thảo báo cáo")
    page.issue.setChecked(True)
    type_notes(page, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "phat-hanh"), NO, YES)  # not encrypted; no signer's name
    page.export("pdf")
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert (tmp_path / "phat-hanh.pdf").exists() and "báo cáo số 01-BC/BTCTU ngày 02/10/2025" in page.error.text()


def test_a_report_that_cannot_be_written_once_its_number_is_taken_says_the_number_is_spoiled(
        page, qtbot, tmp_path, open_elsewhere, monkeypatch):
    target = tmp_path / "phat-hanh.pdf"
    target.write_bytes(b"%PDF old")
    page.issue.setChecked(True)
    type_notes(page, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    told: list[str] = []
    page.context.notifier.changed.connect(told.append)
    monkeypatch.setattr(crashpoints, "reached", lambda name: name == "number-reserved" and open_elsewhere(target))
    page.context.dialogs.answer_next(PASSWORD, str(target), NO, YES)  # not encrypted; no signer's name
    page.export("pdf")
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert f"«{target}» đang mở trong chương trình khác hoặc không ghi được" in page.error.text()
    assert "số 01-BC/BTCTU đã ghi vào sổ là hỏng" in page.error.text()
    assert [entry.status_label for entry in outgoing.register(page.context.db)] == ["hỏng"]
    assert "outgoing" in told  # «Văn bản đã ban hành» shows the spoiled number
    assert target.read_bytes() == b"%PDF old"


@pytest.fixture
def viewers_page(qtbot, tmp_path):
    """The report page of a «Chỉ xem» user."""
    clock = FakeClock()
    db = new_database(tmp_path, clock)
    viewer = as_user(db, "xem.b", VIEWER)
    shown = ReportPage(context_for(viewer, clock))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    viewer.close()
    db.close()


def test_a_viewer_sees_figures_but_no_document_export(viewers_page):
    viewers_page.refresh()
    assert viewers_page.main_table.rowCount() == len(REPORT_LABELS)
    assert not any(button.isVisible() for button in viewers_page.export_buttons.values())
    assert not viewers_page.issue.isVisible()


def test_a_viewer_is_not_shown_the_parts_or_the_print_settings(viewers_page):
    """«Chỉ xem» saw the three parts empty, told the report is issued only when all three are written
    though they were, and the form profile and «Đóng dấu MẬT» of a document it cannot make: the parts
    belong to the document (the figures are what it may read), so neither is shown."""
    tabs = viewers_page.content_tabs
    assert [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)] == ["Số liệu"]
    assert not viewers_page.profile.isVisible() and not viewers_page.secret.isVisible()


def type_notes(page, notes: dict[str, str]) -> None:
    for part, text in notes.items():
        page.notes_editors[part].setPlainText(text)


def test_a_role_lowered_since_the_page_was_built_refuses_the_export_before_asking_the_password(page):
    """The password, the file name and the encryption were asked, and only then the report refused."""
    officer = as_user(page.context.db, "chuyenvien", OFFICER)
    context = context_for(officer, page.context.clock)
    own = ReportPage(context)
    users.set_role(page.context.db, "chuyenvien", VIEWER)
    own.export("pdf")
    assert context.dialogs.shown == []
    assert own.error.text() == "Vai trò của bạn không được phép lập báo cáo."  # as `bvct report --format pdf` says
    officer.close()


def test_the_officers_parts_are_kept_per_period_as_they_are_typed(page, qtbot):
    choose(page, "6 tháng đầu năm")
    type_notes(page, {"Ưu điểm": "Phối hợp tốt.\nKịp thời.", "Hạn chế, khuyết điểm": "Còn chậm."})
    qtbot.waitUntil(lambda: page.notes_state.text().startswith("Đã lưu"), timeout=5_000)
    assert "Còn thiếu: «Phương hướng, nhiệm vụ»" in page.notes_state.text()
    six_months = page.chosen_period()
    assert report_notes.saved(page.context.db, *six_months) == {"Ưu điểm": "Phối hợp tốt.\nKịp thời.",
                                                                "Hạn chế, khuyết điểm": "Còn chậm."}
    choose(page, "9 tháng đầu năm")  # nine months: its own parts, none yet
    assert all(editor.toPlainText() == "" for editor in page.notes_editors.values())
    choose(page, "6 tháng đầu năm")
    assert page.strengths.toPlainText() == "Phối hợp tốt.\nKịp thời."


def test_the_report_prints_directly_a_draft_then_issued_into_the_register(page, qtbot):
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    preview = page.preview
    assert preview.pages >= 2 and "DỰ THẢO" in pdfium.PdfDocument(preview.data)[0].get_textpage().get_text_range()
    preview.close()
    page.issue.setChecked(True)
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert "còn thiếu phần do cán bộ viết" in page.error.text()
    type_notes(page, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    page.issue.setChecked(True)
    page.context.dialogs.answer_next(YES)  # issued with no signer's name (the settings' default)
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    first_page = pdfium.PdfDocument(page.preview.data)[0].get_textpage().get_text_range()
    assert "Số 01-BC/BTCTU" in first_page and "DỰ THẢO" not in first_page
    assert "đã ghi vào sổ văn bản đi" in page.error.text() and not page.issue.isChecked()
    assert [entry.number_text for entry in outgoing.register(page.context.db)] == ["01-BC/BTCTU"]
    page.preview.close()


def print_and_close(page: ReportPage, qtbot) -> None:
    """«In», waited for, and the preview it opened closed."""
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    page.preview.close()


def issue(page: ReportPage, qtbot, period: str) -> None:
    """The report of the period named, its officer's parts written, printed with «Phát hành» ticked."""
    choose(page, period)
    type_notes(page, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    page.issue.setChecked(True)
    print_and_close(page, qtbot)


def issue_declined(page: ReportPage, title: str) -> str:
    """The question issuing the page's report asks, titled `title`, answered no: what it said; no number taken,
    «Phát hành» still ticked."""
    page.issue.setChecked(True)
    page.context.dialogs.answer_next(NO)
    taken = outgoing.register(page.context.db)
    page.print_report()
    asked = page.context.dialogs.shown[-1]
    assert asked.kind == "ask" and asked.title == title
    assert page.task is None and page.issue.isChecked() and outgoing.register(page.context.db) == taken
    return asked.text


def test_a_report_issued_with_no_signers_name_is_asked_first_and_a_no_takes_no_number(page, qtbot):
    """A fresh install's «Người ký» is empty: issuing asks, since the number is taken for good and the report
    prints again as issued; a draft is not asked about, nor a report issued once the name is set."""
    type_notes(page, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    print_and_close(page, qtbot)
    assert page.context.dialogs.shown == []
    assert issue_declined(page, "Chưa có họ tên người ký") == (
        "Cài đặt «Người ký» để trống: văn bản phát hành không có họ tên người ký dưới chữ ký, và "
        "in lại từ sổ văn bản đi vẫn như thế (đặt ở trang Cài đặt, mục «Người ký»).\n\n"
        "Vẫn phát hành văn bản không có họ tên người ký?")
    settings.set_setting(page.context.db, "nguoi_ky", "Nguyễn Văn Hòa")
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert len(page.context.dialogs.shown) == 1
    assert [entry.number_text for entry in outgoing.register(page.context.db)] == ["01-BC/BTCTU"]
    pages = pdfium.PdfDocument(page.preview.data)
    assert "Nguyễn Văn Hòa" in "".join(sheet.get_textpage().get_text_range() for sheet in pages)
    page.preview.close()


def test_a_draft_marked_on_the_page_and_saved_from_its_preview_is_audited_as_marked(page, qtbot, tmp_path):
    """«MẬT» ticked for this report while the office marks none: the trail says what its pages carry."""
    page.secret.setChecked(True)
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert "MẬT" in pdfium.PdfDocument(page.preview.data)[0].get_textpage().get_text_range()
    page.context.dialogs.answer_next(PASSWORD, str(tmp_path / "du-thao"))
    assert page.preview.save_document()
    page.preview.close()
    [saved] = [entry for entry in audit.list_entries(page.context.db) if entry.action == "xuất"]
    assert json.loads(saved.details)["do_mat"] == "MẬT"


def test_the_profile_and_the_secrecy_stamp_are_chosen_on_the_page(page, qtbot):
    page.secret.setChecked(True)
    page.profile.setCurrentIndex(page.profile.findData("hd05-2026"))
    options = page.options()
    assert options.secrecy == "MẬT" and options.profile.key == "hd05-2026"
    assert "chưa được đối chiếu với văn bản gốc" in page.error.text()
    assert page.error.text().endswith("đối chiếu trước khi phát hành.")
    page.print_report()
    qtbot.waitUntil(lambda: page.task is None, timeout=30_000)
    assert "MẬT" in pdfium.PdfDocument(page.preview.data)[0].get_textpage().get_text_range()
    page.preview.close()


def test_before_the_first_count_the_page_says_what_to_do(page):
    assert page.summary.text() == "Chọn kỳ rồi bấm «Lập số liệu» để đếm."
    page.refresh()
    assert page.summary.text().startswith("Kỳ báo cáo: 9 tháng đầu năm 2025 (từ ")


@pytest.fixture
def two_pages(qtbot, tmp_path):
    """The report page of the same period open on two PCs (here two windows, Ánh's and the chief's, on
    one file), each following the other's saves as the window does."""
    clock = FakeClock(dt.datetime(2025, 10, 2, 8, 0))
    db = new_database(tmp_path, clock, KINDS)
    chief = as_user(db, "truongphong", LEADER)
    pages = []
    for opened in (db, chief):
        context = context_for(opened, clock)
        shown = ReportPage(context)
        qtbot.addWidget(shown)
        shown.show()
        live.LiveChanges(context, shown, interval_ms=100)
        pages.append(shown)
    yield pages
    for shown in pages:
        shown.findChild(live.LiveChanges).stop()
    chief.close()
    db.close()


def test_two_officers_writing_different_parts_lose_neither(two_pages, qtbot):
    anh, chief = two_pages
    type_notes(anh, {"Ưu điểm": "Ánh: hoàn thành 100% phiếu đúng hạn."})
    qtbot.waitUntil(lambda: anh.notes_state.text().startswith("Đã lưu"), timeout=5_000)
    qtbot.waitUntil(lambda: chief.strengths.toPlainText() == "Ánh: hoàn thành 100% phiếu đúng hạn.", timeout=5_000)
    type_notes(chief, {"Hạn chế, khuyết điểm": "Trưởng phòng: còn chậm gửi phiếu."})
    qtbot.waitUntil(lambda: chief.notes_state.text().startswith("Đã lưu"), timeout=5_000)
    assert report_notes.saved(anh.context.db, *anh.chosen_period()) == {
        "Ưu điểm": "Ánh: hoàn thành 100% phiếu đúng hạn.", "Hạn chế, khuyết điểm": "Trưởng phòng: còn chậm gửi phiếu."}
    qtbot.waitUntil(lambda: anh.weaknesses.toPlainText() == "Trưởng phòng: còn chậm gửi phiếu.", timeout=5_000)


def test_a_part_someone_else_saved_meanwhile_is_not_written_over_and_what_was_typed_stays(two_pages, qtbot):
    anh, chief = two_pages
    for page in two_pages:
        page.findChild(live.LiveChanges).stop()  # both are writing before either page hears of the other
    type_notes(chief, {"Ưu điểm": "Của trưởng phòng."})
    type_notes(anh, {"Ưu điểm": "Của Ánh."})
    chief.save_notes()
    anh.save_notes()
    assert anh.notes_state.text().startswith("Phần «Ưu điểm» đã được truongphong sửa lúc 08:00 ngày 02/10/2025")
    assert anh.strengths.toPlainText() == "Của Ánh."
    assert report_notes.saved(chief.context.db, *chief.chosen_period()) == {"Ưu điểm": "Của trưởng phòng."}
    anh.context.dialogs.answer_next(YES)  # «Hiện bản đã lưu», leaving what Ánh wrote there
    anh.notes_state.linkActivated.emit("saved")
    assert anh.strengths.toPlainText() == "Của trưởng phòng." and anh.notes_state.text().startswith("Đã lưu")


def test_the_report_printed_from_a_page_not_yet_following_has_the_parts_as_stored(two_pages, qtbot):
    anh, chief = two_pages
    chief.findChild(live.LiveChanges).stop()
    type_notes(chief, {"Ưu điểm": "Bản cũ."})
    chief.save_notes()
    qtbot.waitUntil(lambda: anh.strengths.toPlainText() == "Bản cũ.", timeout=5_000)
    type_notes(anh, {"Ưu điểm": "Bản mới của Ánh."})
    assert anh.save_notes() and chief.strengths.toPlainText() == "Bản cũ."
    chief.print_report()
    qtbot.waitUntil(lambda: chief.task is None, timeout=30_000)
    printed = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(chief.preview.data))
    assert "Bản mới của Ánh." in printed and "Bản cũ." not in printed
    assert report_notes.saved(anh.context.db, *anh.chosen_period()) == {"Ưu điểm": "Bản mới của Ánh."}
    chief.preview.close()


def test_a_period_s_report_issued_again_is_asked_first_and_a_no_takes_no_number(page, qtbot):
    """The year's report issued on 30/12 and asked for again on 02/01: the page names the report of that period
    already issued and how to print it again, and takes a new number only when the officer says so."""
    settings.set_setting(page.context.db, "nguoi_ky", "Nguyễn Văn Hòa")
    issue(page, qtbot, "6 tháng đầu năm")
    assert page.context.dialogs.shown == []  # the first report of the period is not asked about
    assert issue_declined(page, "Báo cáo kỳ này đã phát hành") == (
        "Báo cáo kỳ này đã phát hành trước đó: số 01-BC/BTCTU ngày 02/10/2025 (in lại ở trang "
        "«Văn bản đã phát hành»).\n\nVẫn phát hành một báo cáo mới, lấy số mới? Số văn bản đã lấy "
        "không bao giờ dùng lại.")
    page.context.dialogs.answer_next(YES)
    print_and_close(page, qtbot)
    assert [entry.number_text for entry in outgoing.register(page.context.db)] == ["01-BC/BTCTU", "02-BC/BTCTU"]


def test_a_report_issued_before_its_period_ends_is_asked_first_and_a_no_takes_no_number(page, qtbot):
    """On 02/10/2025 the fourth quarter has three months to run: the figures may still change and the report
    issued keeps today's, so the page asks before it takes a number; a period ended is not asked about."""
    settings.set_setting(page.context.db, "nguoi_ky", "Nguyễn Văn Hòa")
    choose(page, "Quý IV")
    type_notes(page, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    assert issue_declined(page, "Kỳ báo cáo chưa kết thúc") == (
        "Kỳ báo cáo đến hết ngày 31/12/2025 mới kết thúc: báo cáo phát hành ngày 02/10/2025 giữ "
        "nguyên số liệu của ngày ấy, hồ sơ ghi thêm từ nay đến hết kỳ không có trong báo cáo."
        "\n\nVẫn phát hành báo cáo trước khi hết kỳ? Số văn bản đã lấy không bao giờ dùng lại.")
    page.context.dialogs.answer_next(YES)
    print_and_close(page, qtbot)
    assert [entry.number_text for entry in outgoing.register(page.context.db)] == ["01-BC/BTCTU"]
    issue(page, qtbot, "Quý III")
    assert len(page.context.dialogs.shown) == 2  # the no and the yes on the fourth quarter
    assert [entry.number_text for entry in outgoing.register(page.context.db)] == ["01-BC/BTCTU", "02-BC/BTCTU"]
