"""«Hồ sơ, tài liệu hết thời hạn bảo quản» from the menu Hồ sơ: the dossiers and issued documents past their
term today, under the schedule they are kept by and the words that the program deletes nothing."""

import datetime as dt

import openpyxl

from bvct_desktop.core import retention
from bvct_desktop.core.past_term import Section
from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.personfile import cases
from bvct_desktop.gui import past_term_dialog
from bvct_desktop.gui.past_term_dialog import PastTermDialog
from bvct_desktop.gui.qt import QLabel
from tests.conftest import PASSWORD
from tests.core.test_conclusion_notice import CONCLUSION, _case
from tests.gui import test_issued_page
from tests.gui.shell_support import as_user, main_window
from tests.gui.test_issued_page import issue_report

context = test_issued_page.context  # a fixture


def _texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_list_shows_the_dossiers_and_documents_past_their_term_and_deletes_nothing(qtbot, context, tmp_path):
    issue_report(context, tmp_path)  # 6 tháng đầu năm 2025, issued on 02/10/2025: 20 năm
    case = _case(context.db)
    cases.record_conclusion(context.db, case, CONCLUSION)  # 15/03/2025: 20 năm
    context.clock.now = dt.datetime(2046, 1, 2, 8, 0)
    dialog = PastTermDialog(context)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Đến ngày 02/01/2046." in text and "Báo cáo năm: vĩnh viễn" in text for text in texts)
    assert any(retention.NEVER_DESTROYED in text for text in texts)
    [dossier] = _texts(dialog.dossiers)
    assert dossier[2:] == ["472-CV/BTCTU", "15/03/2025", "20 năm, hết hạn năm 2045"]
    assert _texts(dialog.documents) == [["01-BC/BTCTU", "02/10/2025", "từ 01/10/2025", "Báo cáo", "kết quả 6 tháng",
                                         "20 năm, hết hạn năm 2045"]]
    assert cases.case_file(context.db, case).case["deleted_at"] is None
    dialog.dossiers.activated.emit(dialog.dossiers.model().index(0, 0))  # double-click: the case to review
    assert dialog.case_forms[-1].record_id == case and "hết hạn năm 2045" in dialog.case_forms[-1].kept_label.text()
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "het-han"))
    dialog.export_button.click()
    assert dialog.message.text() == f"Đã xuất danh sách ra «{tmp_path / 'het-han.xlsx'}»."
    sheets = openpyxl.load_workbook(tmp_path / "het-han.xlsx").worksheets
    assert [sheet.max_row for sheet in sheets] == [2, 2]


def test_with_nothing_past_its_term_each_section_says_so(qtbot, context, tmp_path):
    issue_report(context, tmp_path)
    dialog = PastTermDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.dossiers.text() == "<b>Hồ sơ thẩm tra</b>: không có hồ sơ thẩm tra nào hết thời hạn bảo quản."
    assert dialog.documents.text() == ("<b>Văn bản đã phát hành</b>: không có văn bản đã phát hành nào hết thời hạn "
                                       "bảo quản.")
    assert not dialog.export_button.isEnabled()


def test_the_menu_offers_the_list_to_those_who_may_read_the_register(qtbot, context):
    window = main_window(qtbot, context.db, context.clock)
    assert window.past_term_action in window.record_menu.actions() and window.past_term_action.isVisible()
    window.past_term_action.trigger()
    assert window.past_term_dialog.isVisible()
    window.locker.lock()  # nothing of the records shows while locked
    assert not window.past_term_action.isEnabled()
    viewer = main_window(qtbot, as_user(context.db, "xemthoi", VIEWER), context.clock)
    assert not viewer.past_term_action.isVisible()


def test_thousands_past_their_term_are_counted_as_vietnamese_writes_numbers(qtbot, context, monkeypatch):
    """«Văn bản đã phát hành — 1234 hết thời hạn bảo quản»: the count is grouped, «1.234»."""
    many = Section("Văn bản đã phát hành", ("Số",), [[f"{n}-BC/BTCTU"] for n in range(1, 1235)])
    monkeypatch.setattr(past_term_dialog, "sections", lambda _found: [Section("Hồ sơ thẩm tra", ("Số",), []), many])
    dialog = PastTermDialog(context)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "<b>Văn bản đã phát hành</b> — 1.234 hết thời hạn bảo quản" in texts
