"""The case window's steps before the conclusion: the competent cấp ủy's decision told (written with
«Sửa»), the verification team, the dossier items and the minutes in tabs, what is lacking told above them;
printing slips of a case with no decision asks «Vẫn in phiếu?», attaching an archive request to it «Vẫn gắn yêu
cầu tàng thư?»."""

import html

import pytest
from PySide6.QtTest import QTest
from sqlalchemy import select

from bvct_desktop.core import editing
from bvct_desktop.core.archive_titles import request_title
from bvct_desktop.core.personfile import case_steps, cases
from bvct_desktop.core.schema import persons, slips
from bvct_desktop.gui import printing, undecided
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.case_steps import CaseSteps
from bvct_desktop.gui.qt import QLabel, QPushButton, Qt, QTableWidget
from tests.gui import register_support as support
from tests.gui.accessibility_support import read_name, unusable
from tests.gui.shell_support import active, on_office_screen, tab_stops

app, sample_files, db, context = support.app, support.sample_files, support.db, support.context  # fixtures


def _window(qtbot, context):
    with context.db.read() as connection:
        first = connection.execute(select(persons.c.id).order_by(persons.c.id).limit(1)).scalar_one()
    case_id = cases.open_case(context.db, first, {"purpose": "Cử đi đào tạo", "opened_on": "01/03/2026"})
    window = open_form(context, "vetting-cases", case_id)
    qtbot.addWidget(window)
    return window, window.findChild(CaseSteps)


def test_the_case_window_tells_the_decision_is_missing_and_what_the_team_and_dossier_lack(qtbot, context):
    _window_, steps = _window(qtbot, context)
    assert html.escape(case_steps.UNDECIDED) in steps.decision.text()  # the core's words, as its conclusion asks
    assert steps.lacking.text().startswith("<b>Còn thiếu:</b> Chưa lập tổ thẩm tra, xác minh")
    assert "Hồ sơ còn thiếu 11 tài liệu — xem thẻ «Tài liệu hồ sơ»." in steps.lacking.text()  # training: appraised
    assert case_steps.APPRAISAL_ITEMS[0] not in steps.lacking.text()  # its tab lists them
    assert steps.lacking.text().endswith(case_steps.NO_MINUTES)
    assert [steps.tabs.tabText(i) for i in range(steps.tabs.count())] == [
        "Tổ thẩm tra, xác minh", "Tài liệu hồ sơ", "Biên bản thẩm tra, xác minh", "Tệp đính kèm"]


def test_the_dossier_tab_lists_the_items_not_received_greyed_after_those_received(qtbot, context):
    """«Còn thiếu:» took six lines above the steps naming every item: it counts them, and the dossier's tab lists
    them under those received, greyed, «Chưa nhận» — Enter on one says how to record it."""
    _window_, steps = _window(qtbot, context)
    dossier = steps.tabs.widget(1)
    case_steps.DOSSIER.add(context.db, steps.case_id, {"item": case_steps.CV_2C, "received_on": "12/03/2026"})
    dossier.reload()
    dossier.changed.emit()
    rows = [[dossier.table.item(row, column).text() for column in range(3)]
            for row in range(dossier.table.rowCount())]
    assert rows[0] == [case_steps.CV_2C, "12/03/2026", ""]
    assert rows[1:] == [[item, "", case_steps.NOT_RECEIVED] for item in case_steps.APPRAISAL_ITEMS
                        if item != case_steps.CV_2C]
    assert dossier.table.item(1, 0).foreground().color() != dossier.table.item(0, 0).foreground().color()
    assert "Hồ sơ còn thiếu 10 tài liệu — xem thẻ «Tài liệu hồ sơ»." in steps.lacking.text()
    dossier.table.setCurrentCell(1, 0)
    QTest.keyClick(dossier.table, Qt.Key.Key_Return)
    assert dossier.dialog is None
    assert dossier.message.text() == f"Tài liệu «{case_steps.APPRAISAL_ITEMS[0]}» chưa nhận: chọn «Thêm» để ghi."


def test_at_half_an_office_screen_the_case_reads_to_its_letters_without_scrolling(qtbot, monkeypatch, context):
    """Beside the person's file (half of 1366×768) the case's lists took 190 pixels each, its two slips too, and
    «Đơn thư về người được thẩm tra» was cut at the bottom until the officer scrolled: each list is as tall as
    its rows."""
    screen = on_office_screen(monkeypatch)
    with context.db.read() as connection:
        case_id = connection.execute(select(slips.c.vetting_case_id).where(slips.c.vetting_case_id.is_not(None))
                                     ).scalars().first()
    window = open_form(context, "vetting-cases", case_id)
    qtbot.addWidget(window)
    window.resize(screen.width() // 2, window.height())
    window.show()
    qtbot.waitExposed(window)
    [letters] = [label for label in window.findChildren(QLabel) if "Đơn thư về người được thẩm tra" in label.text()]
    viewport = window.scroller.viewport()
    bottom = letters.mapTo(viewport, letters.rect().bottomLeft()).y()
    assert bottom < viewport.height(), f"its bottom at {bottom}, the view {viewport.height()} pixels tall"
    page = window.scroller.widget()
    for table in page.findChildren(QTableWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        assert not table.verticalScrollBar().isVisible(), f"{read_name(table)}: {table.rowCount()} rows scroll"


def test_a_team_member_added_in_its_tab_is_listed_and_what_is_lacking_told_again(qtbot, context):
    _window_, steps = _window(qtbot, context)
    team = steps.tabs.widget(0)
    {button.text(): button for button in team.findChildren(QPushButton)}["Thêm"].click()
    support.fill(team.dialog, {"full_name": "Nguyễn Văn Tổ", "position": "Phó Trưởng phòng Bảo vệ chính trị nội bộ",
                               "team_role": case_steps.LEADER})
    assert team.dialog.save(), team.dialog.message.text()
    assert team.table.item(0, 0).text() == "Nguyễn Văn Tổ"
    assert "Tổ thẩm tra, xác minh mới có 1 người (cần ít nhất 3)." in steps.lacking.text()
    assert "chưa có tổ trưởng" not in steps.lacking.text()


def test_opening_the_case_window_reads_its_file_once_and_a_step_s_change_reads_it_no_more(
        qtbot, monkeypatch, context):
    """What the steps lack is told from the case the window has just read and the rows its tabs list, not from
    the whole case file (its slips, letters, relatives) read over again."""
    reads = []
    read = cases.case_file
    monkeypatch.setattr(cases, "case_file", lambda db, case_id: reads.append(case_id) or read(db, case_id))
    _window_, steps = _window(qtbot, context)
    assert reads == [steps.case_id]
    team = steps.tabs.widget(0)
    {button.text(): button for button in team.findChildren(QPushButton)}["Thêm"].click()
    support.fill(team.dialog, {"full_name": "Nguyễn Văn Tổ", "team_role": case_steps.LEADER})
    assert team.dialog.save(), team.dialog.message.text()
    assert "Tổ thẩm tra, xác minh mới có 1 người (cần ít nhất 3)." in steps.lacking.text()
    assert reads == [steps.case_id]


def test_printing_a_slip_of_a_case_with_no_decision_asks_first(qtbot, context):
    with context.db.read() as connection:
        slip_id = connection.execute(select(slips.c.id).where(slips.c.vetting_case_id.is_not(None)).limit(1)).scalar()
    context.dialogs.answer_next(NO)
    assert printing.print_slips(context, [slip_id]) is None
    asked = context.dialogs.shown[-1]
    assert case_steps.DECISION_MISSING in asked.text  # the words the case window and the conclusion tell it in
    assert asked.text.startswith("Hồ sơ thẩm tra chưa ghi quyết định của cấp ủy có thẩm quyền (bắt buộc trước khi "
                                 "thẩm tra, xác minh):\n") and asked.text.endswith("\n\nVẫn in phiếu?")


@pytest.mark.parametrize("answer", [YES, NO])
def test_attaching_an_archive_request_to_a_case_with_no_decision_asks_as_printing_its_slips_does(qtbot, context,
                                                                                                  answer):
    """The request chosen was attached without a word to a case the rules do not let verify yet: the officer is
    asked, with the words printing the case's slips asks with, and the request serves the case only on «Có»."""
    window, _steps = _window(qtbot, context)
    person = editing.load_person(context.db, cases.case_file(context.db, window.record_id).case["person_id"])
    request = editing.save(context.db, "archive-requests", {
        "request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Thành phố Hồ Chí Minh", "doc_no": "20-CV/BTCTU",
        "doc_on": "05/03/2026", "full_name": person["full_name"], "birth_date": person["birth_date"],
        "home_town": person["home_town"]}, person_id=person["id"])
    offered = [title for title, request_id in _offered(context, window.record_id) if request_id == request]
    context.dialogs.answer_next(offered[0], answer)
    {button.text(): button for button in window.findChildren(QPushButton)}["Gắn yêu cầu tàng thư…"].click()
    asked = context.dialogs.shown[-1]
    assert asked.title == undecided.TITLE
    assert asked.text == (f"Hồ sơ thẩm tra {case_steps.DECISION_MISSING}:\n{person['full_name']} – Cử đi đào tạo"
                          "\n\nVẫn gắn yêu cầu tàng thư?")
    attached = [found["id"] for found in cases.case_file(context.db, window.record_id).archive_requests]
    assert attached == ([request] if answer == YES else [])


def _offered(context, case_id: int) -> list[tuple[str, int]]:
    """The requests «Gắn yêu cầu tàng thư…» offers the case, as it names them, with their ids."""
    return [(request_title(found), found["id"]) for found in cases.archive_requests_to_attach(context.db, case_id)]


def test_the_dossier_tab_offers_the_items_of_the_cases_own_dossier(qtbot, context):
    """A training case is appraised: its dossier's eleven items are offered, not the verification dossier's too
    (saving one of those would be refused)."""
    _window_, steps = _window(qtbot, context)
    dossier = steps.tabs.widget(1)
    {button.text(): button for button in dossier.findChildren(QPushButton)}["Thêm"].click()
    choice = dossier.dialog.inputs["item"]
    offered = [choice.itemText(index) for index in range(choice.count()) if choice.itemText(index)]
    assert offered == list(case_steps.APPRAISAL_ITEMS)


def test_a_change_shown_again_keeps_the_officer_on_the_step_they_were_at(qtbot, context):
    """A minutes written, a slip saved elsewhere: the case is read again, and the officer stays on «Biên bản
    thẩm tra, xác minh» rather than being sent back to the first tab."""
    window, steps = _window(qtbot, context)
    window.show()
    qtbot.waitExposed(window)
    steps.tabs.setCurrentIndex(2)
    minutes = steps.tabs.widget(2)
    {button.text(): button for button in minutes.findChildren(QPushButton)}["Thêm"].click()
    support.fill(minutes.dialog, {"held_on": "10/06/2025", "place": "UBND xã Hàm Liêm",
                                  "summary": "Gia đình khai báo đúng như lý lịch"})
    assert minutes.dialog.save(), minutes.dialog.message.text()
    context.notifier.changed.emit("slips")
    qtbot.waitUntil(lambda: steps not in window.findChildren(CaseSteps))  # the window built again
    [again] = window.findChildren(CaseSteps)
    assert again.tabs.currentIndex() == 2


def test_a_concluded_cases_steps_are_shown_without_their_buttons(qtbot, context):
    with context.db.read() as connection:
        first = connection.execute(select(persons.c.id).order_by(persons.c.id).limit(1)).scalar_one()
    case_id = cases.open_case(context.db, first, {"purpose": "Quy hoạch", "opened_on": "01/03/2025"})
    cases.record_conclusion(context.db, case_id, {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2025",
                                                  "signer": "Trần Văn Ban", "result": "Đủ tiêu chuẩn"})
    window = open_form(context, "vetting-cases", case_id)
    qtbot.addWidget(window)
    steps = window.findChild(CaseSteps)
    for index in range(3):  # the team, the dossier, the minutes: read only until «Mở lại hồ sơ»
        assert not steps.tabs.widget(index).findChildren(QPushButton)


LONG_POSITION = "Phó Trưởng phòng Bảo vệ chính trị nội bộ, Ban Tổ chức Tỉnh ủy Bình Thuận (nay là tỉnh Lâm Đồng)"
LONG_NOTE = ("Công văn số 1234/PV27-Đ3 ngày 15/05/2025 của Phòng An ninh chính trị nội bộ, bản chính có chữ ký và dấu "
             "đỏ")


def test_by_keyboard_enter_on_a_step_s_row_opens_it_and_each_tab_s_list_is_named(qtbot, context):
    """Tabbing into the team, the officer is on its first member (current, not yet selected): Enter opens
    «Sửa» on him, not «Thêm»; Narrator reads each step's list by its tab's name."""
    window, steps = _window(qtbot, context)
    case_steps.TEAM.add(context.db, steps.case_id, {"full_name": "Nguyễn Văn Tổ", "team_role": case_steps.LEADER})
    window.show()
    team = steps.tabs.widget(0)
    team.reload()
    team.table.setFocus()
    team.table.setCurrentCell(0, 0)
    QTest.keyClick(team.table, Qt.Key.Key_Return)
    assert team.dialog.windowTitle() == "Tổ thẩm tra, xác minh – Sửa"
    team.dialog.reject()
    read = {}
    for index in range(steps.tabs.count()):
        steps.tabs.setCurrentIndex(index)
        read[steps.tabs.tabText(index)] = unusable(window)
    assert {tab: found for tab, found in read.items() if found} == {}


def test_tab_goes_to_nothing_in_the_case_window_a_screen_reader_cannot_name(qtbot, context):
    """On every step's tab, each stop of Tab (the case's scrolling page, each step's list included) is read
    by a name."""
    window, steps = _window(qtbot, context)
    active(qtbot, window)
    unnamed = {}
    for index in range(steps.tabs.count()):
        steps.tabs.setCurrentIndex(index)
        steps.tabs.tabBar().setFocus()
        stops = tab_stops()
        assert steps.tabs.widget(index).table in stops
        unnamed[steps.tabs.tabText(index)] = [type(stop).__name__ for stop in stops if not read_name(stop).strip()]
    assert {tab: stops for tab, stops in unnamed.items() if stops} == {}


@pytest.mark.parametrize("scale", [1, 1.5])
def test_a_long_position_or_note_is_read_whole_in_the_steps_at_the_office_screen_s_scaling(
        qtbot, monkeypatch, context, scale):
    """At 150 % a member's «Chức vụ, đơn vị công tác» and a dossier item's «Ghi chú» were cut with «…»: their
    words wrap in the cell, every one in view."""
    on_office_screen(monkeypatch, scale)
    window, steps = _window(qtbot, context)
    for name, role in (("Nguyễn Thị Phương Thảo", case_steps.LEADER), ("Trần Văn Bình", case_steps.MEMBER)):
        case_steps.TEAM.add(context.db, steps.case_id, {"full_name": name, "position": LONG_POSITION,
                                                        "team_role": role})
    case_steps.DOSSIER.add(context.db, steps.case_id, {"item": case_steps.APPRAISAL_ITEMS[0],
                                                       "received_on": "12/03/2026", "note": LONG_NOTE})
    window.show()
    qtbot.waitExposed(window)
    for index, column in ((0, 1), (1, 2)):
        steps.tabs.setCurrentIndex(index)
        table = steps.tabs.widget(index).table
        steps.tabs.widget(index).reload()
        qtbot.wait(10)
        cell = table.visualRect(table.model().index(0, column))
        text = table.item(0, column).text()
        needed = table.fontMetrics().boundingRect(cell.adjusted(3, 0, -3, 0), Qt.TextFlag.TextWordWrap, text)
        assert needed.height() <= cell.height(), f"{text!r} cut in a cell of {cell.width()}×{cell.height()}"
        assert table.horizontalHeader().sectionViewportPosition(table.columnCount() - 1) < table.viewport().width()
