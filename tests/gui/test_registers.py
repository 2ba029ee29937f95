"""Every register page: the table model, row count, filters, delete and restore through the
recycle bin, opening a record, and what a read-only (xem) user is offered."""

import threading
import unicodedata

import openpyxl
import pytest
from PySide6.QtTest import QTest

from bvct_desktop.core import (
    audit,
    audit_words,
    backup,
    browse,
    keyfile,
    recycle_bin,
    register_search,
    replies,
    users,
    vault,
)
from bvct_desktop.core.audit_chain import REFUSED
from bvct_desktop.core.errors import BvctError
from bvct_desktop.core.kinds import RELATIVES
from bvct_desktop.core.permissions import OFFICER, VIEWER
from bvct_desktop.gui import damage
from bvct_desktop.gui.dialogs import NO, YES
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.navigation import REGISTERS
from bvct_desktop.gui.printing import PrintPreview
from bvct_desktop.gui.qt import (
    QApplication,
    QCheckBox,
    QEvent,
    QItemSelectionModel,
    QLabel,
    QModelIndex,
    QObject,
    QPoint,
    QPushButton,
    Qt,
    QTextDocument,
    QThread,
)
from bvct_desktop.gui.registers import page as page_module
from bvct_desktop.gui.registers.model import RegisterModel
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.gui.registers.replies import MOST_NAMED, ReplyDialog
from bvct_desktop.gui.workers import counted
from bvct_desktop.io.xlsx_reader import read_first_sheet
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.gui import register_support as support
from tests.gui.shell_support import (
    active,
    as_user,
    context_for,
    import_rows,
    new_database,
    tab_stops,
    threads_calling,
)
from tests.samples import SAMPLES

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

KINDS = [kind for kind, _ in REGISTERS]
RECORDS = [kind for kind in KINDS if kind not in ("vetting-cases", "passports")]  # kept by their own services
SAMPLE_COUNTS = {"cadres": 5, "vetting-cases": 2, "slips": 3, "delegations": 2, "archive-requests": 2,
                 "complaints": 2, "passports": 0}


def test_the_registers_are_offered_in_navigation_order():
    assert REGISTERS == (("cadres", "Cán bộ"), ("vetting-cases", "Hồ sơ thẩm tra"), ("slips", "Phiếu xác minh"),
                         ("archive-requests", "Tàng thư"), ("delegations", "Đoàn ra nước ngoài"),
                         ("passports", "Hộ chiếu"), ("complaints", "Đơn thư"))


@pytest.mark.parametrize("kind", KINDS)
def test_every_register_model_is_a_correct_qt_model(qtmodeltester, db, kind):
    model = RegisterModel(db, kind)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == SAMPLE_COUNTS[kind]
    assert model.headerData(0, Qt.Horizontal) == browse.view(kind).columns[0].header


@pytest.mark.parametrize("kind", RECORDS)
def test_every_page_shows_its_rows_count_and_actions(qtbot, context, kind):
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    assert page.model.rowCount() == SAMPLE_COUNTS[kind]
    assert page.count_label.text() == f"{SAMPLE_COUNTS[kind]} bản ghi"
    assert [page.buttons[k].text() for k in ("add", "edit", "delete", "import", "export", "print")] == [
        "Thêm", "Sửa", "Xóa", "Nhập Excel", "Xuất Excel", "In"]


def finished(qtbot, page: RegisterPage) -> None:
    """The records selected deleted or restored: off the GUI thread, as the officer waits for its progress."""
    qtbot.waitUntil(lambda: page.each_task is not None and page.each_task.done)


@pytest.fixture
def empty_db(tmp_path, clock, monkeypatch):
    """A new office's database: no record in any register yet."""
    monkeypatch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 1024, 1))
    database = new_database(tmp_path, clock)
    yield database
    database.close()


FIRST_STEP = {kind: "Sổ chưa có bản ghi nào. Bấm «Thêm» để ghi bản ghi đầu tiên, hoặc «Nhập Excel» để nhập danh sách "
              "có sẵn từ tệp Excel." for kind in RECORDS}
FIRST_STEP.update({kind: "Sổ chưa có bản ghi nào. Bấm «Thêm» để ghi bản ghi đầu tiên."
                   for kind in ("vetting-cases", "passports")})


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_register_says_how_its_first_record_is_written(qtbot, app, empty_db, clock, kind):
    """A new officer's first look at each register: not a blank grid but what to do first."""
    page = RegisterPage(context_for(empty_db, clock), kind)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.isVisibleTo(page) and page.message.text() == FIRST_STEP[kind]
    assert page.model.rowCount() == 0


def test_a_viewer_is_not_told_to_add_what_they_cannot(qtbot, app, empty_db, clock):
    page = RegisterPage(context_for(as_user(empty_db, "xemthu", VIEWER), clock), "cadres")
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.text() == "Sổ chưa có bản ghi nào."


def test_the_first_step_gives_way_to_a_search_and_goes_once_a_record_is_written(qtbot, app, empty_db, clock):
    context = context_for(empty_db, clock)
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.search.setText("khong ai")
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.text() == ("Không tìm thấy bản ghi nào khớp «khong ai»: thử gõ ít từ hơn, chẳng hạn chỉ tên "
                                   "hoặc số CCCD.")
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.message.text() == FIRST_STEP["cadres"]
    import_rows(empty_db, "cadres", *SAMPLES["cadres"])
    context.notifier.changed.emit("cadres")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert not page.message.isVisibleTo(page)


@pytest.mark.parametrize("kind", RECORDS)
def test_delete_goes_to_the_recycle_bin_and_restore_brings_it_back(qtbot, context, kind):
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    first = page.model.record_id(0)
    page.table.selectRow(0)
    context.dialogs.answer_next(YES)
    page.delete_selected()
    finished(qtbot, page)
    assert "thùng rác" in context.dialogs.shown[-1].text
    assert first not in page.model.ids
    assert page.model.rowCount() == SAMPLE_COUNTS[kind] - 1
    page.bin_switch.setChecked(True)
    assert page.model.ids == [first]
    assert page.count_label.text() == "1 trong thùng rác"
    assert page.buttons["restore"].isVisibleTo(page) and not page.buttons["delete"].isVisibleTo(page)
    page.table.selectRow(0)
    page.restore_selected()
    finished(qtbot, page)
    assert page.model.ids == []
    page.bin_switch.setChecked(False)
    assert first in page.model.ids


def test_deleting_a_cadre_says_what_stays_in_the_other_registers(qtbot, context):
    """The officer deleting a cadre was asked only «Chuyển bản ghi đã chọn vào thùng rác?»: nothing said that
    the letter about him stays in Đơn thư, counted as before, and is deleted there if it should go."""
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.table.selectRow(page.model.row_of(browse.record_ids(context.db, "cadres", "Nguyễn Văn Hùng")[0]))
    context.dialogs.answer_next(NO)
    page.delete_selected()
    assert context.dialogs.shown[-1].text == (
        "Chuyển bản ghi đã chọn vào thùng rác? Có thể khôi phục lại sau.\n\nVẫn giữ ở các sổ khác, không xóa theo "
        "cán bộ: 1 đơn thư. Cần xóa thì xóa ở sổ của chúng.")
    assert page.model.rowCount() == SAMPLE_COUNTS["cadres"]


def test_deleting_thousands_of_records_asks_with_their_number_grouped(qtbot, context, monkeypatch):
    """«Chuyển 1234 bản ghi đã chọn vào thùng rác?»: a count an officer reads is grouped as Vietnamese writes it."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    monkeypatch.setattr(page, "selected_ids", lambda: list(range(1, 1235)))
    context.dialogs.answer_next(NO)
    page.delete_selected()
    assert context.dialogs.shown[-1].text == "Chuyển 1.234 bản ghi đã chọn vào thùng rác? Có thể khôi phục lại sau."


@pytest.mark.parametrize(("deleted", "then_selected"), [([1], 1), ([1, 3], 1), ([4], 3)])
def test_after_xoa_the_row_in_the_deleted_ones_place_is_selected_in_the_table(qtbot, context, deleted,
                                                                              then_selected):
    """The keyboard goes on from the table: the row that took the first deleted one's place (or the
    last row) is selected, with the focus on it; the same after «Khôi phục» in the bin."""
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    ids = page.model.ids
    remaining = [record_id for row, record_id in enumerate(ids) if row not in deleted]
    flags = QItemSelectionModel.SelectionFlag
    for row in deleted:
        page.table.selectionModel().select(page.model.index(row, 0), flags.Select | flags.Rows)
    page.buttons["delete"].setFocus()
    context.dialogs.answer_next(YES)
    qtbot.keyClick(page.buttons["delete"], Qt.Key_Space)
    finished(qtbot, page)
    assert page.model.ids == remaining
    assert QApplication.focusWidget() is page.table
    assert page.selected_ids() == [page.model.record_id(then_selected)]
    assert page.table.currentIndex().row() == then_selected

    page.bin_switch.setChecked(True)
    page.table.selectRow(0)
    page.buttons["restore"].setFocus()
    qtbot.keyClick(page.buttons["restore"], Qt.Key_Space)
    finished(qtbot, page)
    assert QApplication.focusWidget() is page.table
    assert page.selected_ids() == page.model.ids[:1]


@pytest.mark.parametrize(("kind", "query"), [("cadres", "060065001234"), ("slips", "13/PXM")])
def test_what_was_done_to_the_only_record_found_is_told_not_covered_by_the_empty_search(qtbot, context, kind,
                                                                                          query):
    """The search finds nothing once its record is deleted (or restored from the bin): the officer
    reads what was done; a search typed afterwards that finds nothing says so again."""
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    page.search.setText(query)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    context.dialogs.answer_next(YES)
    page.delete_selected()
    finished(qtbot, page)
    qtbot.wait(50)  # the register reads ahead while idle
    assert (page.model.rowCount(), page.message.text()) == (0, "Đã chuyển 1 bản ghi vào thùng rác.")
    page.bin_switch.setChecked(True)
    page.table.selectRow(0)
    page.restore_selected()
    finished(qtbot, page)
    qtbot.wait(50)
    assert (page.model.rowCount(), page.message.text()) == (0, "Đã khôi phục 1 bản ghi.")
    page.search.setText(query + " khong ai")
    assert page.message.text() == (f"Không tìm thấy bản ghi nào khớp «{query} khong ai» trong thùng rác: bỏ chọn "
                                   "«Thùng rác» để tìm trong sổ.")


def test_the_recycle_bin_offers_no_new_record_export_or_print_and_says_why(qtbot, context):
    """Deleted records are restored from the bin, not listed, exported or added to."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.table.selectRow(0)
    context.dialogs.answer_next(YES)
    page.delete_selected()
    finished(qtbot, page)
    page.bin_switch.setChecked(True)
    for method in ("new_record", "import_excel", "export_excel", "print_list"):
        assert page.unavailable(method).startswith("Đang xem thùng rác")
    for key in ("export", "print"):
        assert not page.buttons[key].isEnabled() and page.buttons[key].toolTip().startswith("Đang xem thùng rác")
    page.new_record()
    page.print_list()
    page.export_excel()
    assert page.forms == {} and page.print_job is None and context.dialogs.shown[-1].title == "Xóa"
    page.bin_switch.setChecked(False)
    assert page.unavailable("print_list") is None
    assert page.buttons["print"].isEnabled() and page.buttons["print"].toolTip() == "Ctrl+P"


def test_the_keyboard_goes_from_the_search_to_the_rows_and_the_delete_key_deletes_as_xoa_does(qtbot, context):
    """Down and Enter in a register's search box stayed there, and the Delete key on a row did nothing."""
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    active(qtbot, page)
    page.focus_search()
    QTest.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table and page.selected_ids() == [page.model.record_id(0)]
    first = page.selected_ids()
    context.dialogs.answer_next(NO)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert context.dialogs.shown[-1].title == "Xóa" and page.model.rowCount() == 2  # asked, as «Xóa» asks
    context.dialogs.answer_next(YES)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    finished(qtbot, page)
    assert page.model.rowCount() == 1 and first[0] not in page.model.ids
    assert page.message.text() == "Đã chuyển 1 bản ghi vào thùng rác."
    assert "Delete" in page.buttons["delete"].toolTip()
    page.focus_search()
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.table


def test_the_delete_key_deletes_nothing_for_a_viewer(qtbot, db, clock):
    viewer = as_user(db, "xemthu", VIEWER)
    context = context_for(viewer, clock)
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    before = page.model.rowCount()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert context.dialogs.shown == [] and page.model.rowCount() == before > 0
    viewer.close()


def test_declining_the_question_deletes_nothing(qtbot, context):
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    page.table.selectRow(0)
    context.dialogs.answer_next("no")
    page.delete_selected()
    assert page.model.rowCount() == 2


def test_slip_filters_narrow_the_list(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.status.setCurrentText("Đã có kết quả")
    assert page.model.rowCount() == 1
    page.status.setCurrentIndex(0)
    page.start.setText("01/01/2026")
    page.start.editingFinished.emit()
    assert page.model.rowCount() == 1
    page.start.setText("32/01/2026")
    page.start.editingFinished.emit()
    assert "border" in page.start.styleSheet()  # a wrong date is marked, not applied
    assert page.model.rowCount() == 1  # the last good bound is kept, not dropped
    assert page.message.text().startswith("Từ ngày «32/01/2026»:") and "vẫn lọc theo 01/01/2026" in page.message.text()
    page.start.setText("01/01/2025")
    page.start.editingFinished.emit()
    assert page.start.styleSheet() == "" and page.message.text() == ""
    page.start.clear()
    page.start.editingFinished.emit()
    page.recipient.setCurrentIndex(page.recipient.findText("Phòng PV27 – Công an tỉnh Bình Thuận"))
    assert page.model.rowCount() == 1
    assert isinstance(page.overdue, QCheckBox) and page.overdue.text() == "Quá hạn trả lời"


def test_a_period_that_ends_before_it_starts_is_told_not_shown_empty(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.start.setText("01/06/2025")
    page.start.editingFinished.emit()
    page.end.setText("01/03/2025")
    page.end.editingFinished.emit()
    assert page.model.rowCount() == 0
    assert page.message.text() == ("«Từ ngày» 01/06/2025 sau «Đến ngày» 01/03/2025: không có ngày nào ở giữa; "
                                   "hãy sửa một trong hai ô.")
    page.start.setText("01/01/2025")
    page.start.editingFinished.emit()
    assert page.message.text() == "" and page.model.rowCount() > 0


def test_sorting_by_a_column_is_done_by_the_model(qtbot, context):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    names = [page.model.index(row, 0).data() for row in range(page.model.rowCount())]
    assert names == ["Trần Thị Ánh", "Lê Hoàng Đức", "Nguyễn Văn Hùng", "Bùi Thị Hương", "Đỗ Quang Vinh"]
    page.table.sortByColumn(0, Qt.DescendingOrder)
    assert [page.model.index(row, 0).data() for row in range(5)] == names[::-1]


def test_enter_or_double_click_opens_the_record(qtbot, context):
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key_Return)
    record_id = page.model.record_id(1)
    assert list(page.forms) == [record_id]
    assert page.forms[record_id].windowTitle().startswith("Đơn thư – Sửa")
    page.open_record(page.model.record_id(0))
    assert len(page.forms) == 2


@pytest.mark.parametrize("kind", [kind for kind in KINDS if SAMPLE_COUNTS[kind]])
def test_a_closed_form_is_gone_with_its_widgets_not_kept_by_its_page(qtbot, context, kind):
    """Twenty records opened and closed over a day leave the page as it was: a closed form is deleted."""
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    before = len(page.findChildren(QObject))
    for _ in range(20):
        page.open_record(page.model.record_id(0))
        next(iter(page.forms.values())).close()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert page.forms == {}
    assert len(page.findChildren(QObject)) == before


@pytest.mark.parametrize("kind", ["cadres", "slips"])
def test_tab_leaves_the_table_for_the_next_control_and_the_arrows_move_between_rows(qtbot, context, kind):
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key_Down)
    assert page.selected_ids() == [page.model.record_id(1)]
    qtbot.keyClick(page.table, Qt.Key_Tab)
    assert QApplication.focusWidget() is page.search  # the table is the page's last control
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Backtab)  # Shift+Tab, as Qt delivers it
    last_button = [button for button in page.buttons.values() if button.isVisible()][-1]
    assert QApplication.focusWidget() is last_button


def test_the_cadres_register_imports_relatives_with_the_import_wizard(qtbot, context, tmp_path):
    """Relatives have no register: «Nhập thân nhân (Excel)…» beside «Nhập Excel» of the cadres' opens the
    wizard for them (its template too), reached by Tab, and the cadre's «Thân nhân» tab shows them."""
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    active(qtbot, page)
    button = page.buttons["import_relatives"]
    assert button.text() == "Nhập thân nhân (Excel)…"
    page.buttons["import"].setFocus()
    assert button in tab_stops()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key_Space)
    wizard = page.import_wizard
    assert wizard.windowTitle() == "Nhập Excel – Thân nhân"
    headers = [spec.header for spec in RELATIVES.fields]
    context.dialogs.answer_next(str(tmp_path / "mau"))
    wizard.template_button.click()
    assert next(openpyxl.load_workbook(tmp_path / "mau.xlsx").worksheets[0].iter_rows(
        max_row=1, values_only=True)) == tuple(headers)
    rows = [["Lê Hoàng Đức", "07/1980", "Mẹ", "Nguyễn Thị Lan", "1955", "La Gi"] + [None] * 6]
    wizard.load(workbook(tmp_path / "than_nhan.xlsx", headers, rows))
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.message.text().startswith("Đã nhập 1 dòng"), wizard.message.text()
    form = open_form(context, "cadres", browse.record_ids(context.db, "cadres", "le hoang duc")[0])
    qtbot.addWidget(form)
    tab = form.tabs.widget([form.tabs.tabText(i) for i in range(form.tabs.count())].index("Thân nhân"))
    assert [[tab.table.item(r, c).text() for c in range(3)] for r in range(tab.table.rowCount())] == [
        ["Mẹ", "Nguyễn Thị Lan", "1955"]]
    page.bin_switch.setChecked(True)
    assert not button.isEnabled()
    assert button.toolTip() == "Đang xem thùng rác (bản ghi đã xóa): bỏ chọn «Thùng rác» để nhập thân nhân."


def test_only_the_cadres_register_of_an_editor_offers_to_import_relatives(qtbot, db, clock):
    assert "import_relatives" not in RegisterPage(context_for(db, clock), "slips").buttons
    viewer = as_user(db, "xemthu", VIEWER)
    page = RegisterPage(context_for(viewer, clock), "cadres")
    assert not page.buttons["import_relatives"].isVisibleTo(page)
    viewer.close()


def test_a_role_lowered_since_the_page_was_built_is_refused_before_anything_is_asked(qtbot, db, clock):
    """Xuất Excel asked which rows, the password, the file name and the encryption, and only then refused:
    now the role is read first, the refusal said on the page, and the page offers what the role allows."""
    officer = as_user(db, "chuyenvien", OFFICER)
    context = context_for(officer, clock)
    page = RegisterPage(context, "cadres")
    users.set_role(db, "chuyenvien", VIEWER)
    page.export_excel()
    assert context.dialogs.shown == []
    assert page.message.text() == "Vai trò của bạn không được phép xuất «Cán bộ»."
    assert not page.buttons["export"].isVisibleTo(page) and page.buttons["edit"].text() == "Xem"
    officer.close()


def test_a_refusal_on_a_register_says_and_audits_what_the_command_line_does(qtbot, db, clock):
    """An officer whose role was lowered to Chỉ xem is refused on the page before anything is asked, in
    the words `bvct export cadres`, `bvct import cadres` and the services say and write to the trail:
    the chief reading the trail finds one refusal, however it was asked for."""
    officer = as_user(db, "chuyenvien", OFFICER)
    said = {}
    for method in ("export_excel", "import_excel", "new_record", "delete_selected"):
        users.set_role(db, "chuyenvien", OFFICER)
        officer.still_active()  # the officer's session knows the role it has again
        page = RegisterPage(context_for(officer, clock), "cadres")
        page.table.selectRow(0)
        users.set_role(db, "chuyenvien", VIEWER)
        getattr(page, method)()
        said[method] = page.message.text()
    assert said == {"export_excel": "Vai trò của bạn không được phép xuất «Cán bộ».",
                    "import_excel": "Vai trò của bạn không được phép nhập «Cán bộ».",
                    "new_record": "Vai trò của bạn không được phép thêm hồ sơ.",
                    "delete_selected": "Vai trò của bạn không được phép xóa hồ sơ."}
    refused = [entry.action for entry in audit.list_entries(db, outcome=REFUSED)]
    assert refused == ["xuất «Cán bộ»", "nhập «Cán bộ»", "thêm hồ sơ", "xóa hồ sơ"]
    officer.close()


def test_a_viewer_is_not_offered_changes(qtbot, db, clock):
    viewer = as_user(db, "xemthu", VIEWER)
    page = RegisterPage(context_for(viewer, clock), "slips")
    qtbot.addWidget(page)
    shown = {key for key, button in page.buttons.items() if button.isVisibleTo(page)}
    assert shown == {"edit"}  # shown as "Xem"; no export either: the role may not
    assert page.buttons["edit"].text() == "Xem"
    page.new_record()
    assert page.forms == {}
    page.open_record(page.model.record_id(0))
    form = next(iter(page.forms.values()))
    assert not hasattr(form, "save_button") and form.picker is None
    viewer.close()


def test_a_change_elsewhere_refreshes_the_page(qtbot, context):
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    recycle_bin.delete(context.db, "complaints", page.model.record_id(0))
    context.notifier.changed.emit("complaints")
    assert page.model.rowCount() == 1


def test_the_vetting_cases_register_lists_cases_printed_and_exported_but_not_imported(qtbot, context):
    page = RegisterPage(context, "vetting-cases")
    qtbot.addWidget(page)
    assert set(page.buttons) == {"add", "edit", "delete", "restore", "conclude", "draft_slips", "due", "notices",
                                 "export", "print"}
    assert page.buttons["edit"].text() == "Mở"  # a case opens its own window of actions
    headers = [page.model.headerData(i, Qt.Horizontal) for i in range(page.model.columnCount())]
    assert headers[:4] == ["Người được thẩm tra", "Ngày sinh", "Mục đích", "Ngày mở hồ sơ"]
    assert {page.model.index(row, 0).data() for row in range(page.model.rowCount())} == {"Phạm Minh Quang"}
    page.status.setCurrentText("Đã kết luận")
    assert page.model.rowCount() == 0


def test_xoa_puts_a_vetting_case_in_the_recycle_bin_and_khoi_phuc_brings_it_back(qtbot, context):
    page = RegisterPage(context, "vetting-cases")
    qtbot.addWidget(page)
    case = page.model.record_id(0)
    page.table.selectRow(0)
    context.dialogs.answer_next(YES)
    page.buttons["delete"].click()
    finished(qtbot, page)
    assert page.message.text() == "Đã chuyển 1 bản ghi vào thùng rác."
    assert case not in page.model.ids and page.model.rowCount() == SAMPLE_COUNTS["vetting-cases"] - 1
    assert page.bin_switch.isVisibleTo(page)
    page.bin_switch.setChecked(True)
    assert page.model.ids == [case] and page.count_label.text() == "1 trong thùng rác"
    page.table.selectRow(0)
    page.buttons["restore"].click()
    finished(qtbot, page)
    assert page.message.text() == "Đã khôi phục 1 bản ghi."
    page.bin_switch.setChecked(False)
    assert case in page.model.ids


def test_a_slip_deleted_says_the_vetting_case_it_opened_went_with_it(qtbot, context):
    """1/PXM alone opened Phạm Minh Quang's case for his appointment: the case goes and comes back with it, told as the
    slip's case (a later slip of a case did not open it, yet takes it along when it is the last)."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.search.setText("1/PXM")
    page.table.selectRow(0)
    context.dialogs.answer_next(YES)
    page.delete_selected()
    finished(qtbot, page)
    said = " và hồ sơ thẩm tra «Phạm Minh Quang – Bổ nhiệm» của phiếu này."
    assert page.message.text() == "Đã chuyển 1 bản ghi vào thùng rác" + said
    page.bin_switch.setChecked(True)
    page.table.selectRow(0)
    page.restore_selected()
    finished(qtbot, page)
    assert page.message.text() == "Đã khôi phục 1 bản ghi" + said


def test_export_writes_the_register_in_its_import_layout_off_the_gui_thread(qtbot, context, tmp_path):
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    target = tmp_path / "don-thu.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))  # how many, then the password asked again
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert context.dialogs.shown[-4].text == "Xuất tất cả 2 bản ghi của sổ ra Excel?"
    assert page.message.text() == f"Đã xuất 2 bản ghi ra {target}."
    assert context.dialogs.shown[-2].suggested == "don-thu-2025-06-15.xlsx"
    assert context.dialogs.shown[-1].title == "Mã hóa tệp"  # not answered: NO, a plain workbook
    assert read_first_sheet(target).rows[0][:3] == ["Ngày nhận", "Người gửi", "Loại đơn"]


def test_cancel_stops_an_export_before_its_file_is_written(qtbot, context, tmp_path, monkeypatch):
    """Pressed while the rows are read and laid out (here at the last moment: before the file is
    written), Cancel leaves no file and no export in the audit trail."""
    def cancelled(rows, progress, total, then):
        QThread.currentThread().cancel_requested = True  # what the dialog's Hủy sets
        yield from counted(rows, progress, total, then)

    monkeypatch.setattr(page_module, "counted", cancelled)
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    folder = tmp_path / "usb"
    folder.mkdir()
    context.dialogs.answer_next(YES, PASSWORD, str(folder / "don-thu.xlsx"))
    page.export_excel()
    assert page.export_task.dialog.findChildren(QPushButton)  # its Hủy
    qtbot.waitUntil(lambda: page.export_task.done, timeout=10_000)
    assert page.message.text() == "Đã hủy xuất."
    assert list(folder.iterdir()) == []  # not even a temporary
    assert not [entry for entry in audit.list_entries(context.db) if entry.action == "xuất"]


def test_cancel_pressed_once_an_export_is_being_saved_is_told_too_late(qtbot, context, tmp_path, monkeypatch):
    def cancelled_late(rows, progress, total, then):
        yield from counted(rows, progress, total, then)
        QThread.currentThread().cancel_requested = True  # past its last step: the file is written

    monkeypatch.setattr(page_module, "counted", cancelled_late)
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    target = tmp_path / "don-thu.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))
    page.export_excel()
    qtbot.waitUntil(lambda: page.export_task.done, timeout=10_000)
    assert page.message.text() == f"Không kịp hủy: tệp đã được ghi. Đã xuất 2 bản ghi ra {target}."
    assert target.exists()


def test_print_previews_the_list_as_shown(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.search.setText("pv27")
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert isinstance(page.preview, PrintPreview)
    page.preview.close()


def test_the_slips_printed_for_a_period_count_their_replies_by_its_end(qtbot, context):
    """«In» on the slips' register with a period set: the count of the slip register of that period."""
    import pypdfium2 as pdfium

    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.end.setText("28/02/2025")
    page.end.editingFinished.emit()
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    document = pdfium.PdfDocument(page.preview.data)
    text = " ".join(" ".join(document[index].get_textpage().get_text_range() for index in range(len(document))).split())
    assert "Tổng số: 2 phiếu; đến ngày 28/02/2025 đã có kết quả 1 phiếu." in text
    page.preview.close()


def test_a_viewer_reads_a_record_without_editing_it(qtbot, db, clock):
    viewer = as_user(db, "xemthu", VIEWER)
    page = RegisterPage(context_for(viewer, clock), "complaints")
    qtbot.addWidget(page)
    page.open_record(page.model.record_id(0))
    form = next(iter(page.forms.values()))
    assert form.windowTitle().startswith("Đơn thư – Xem")
    assert form.inputs["sender"].isReadOnly() and form.inputs["summary"].isReadOnly()
    assert not form.inputs["complaint_kind"].isEnabled()
    assert not form.is_dirty()
    viewer.close()


def test_every_name_column_sorts_in_vietnamese_order(qtbot, context):
    from bvct_desktop.core import editing

    for sender, subject in (("Vũ Văn Ân", "Đỗ Thị Cúc"), ("Đặng Văn Bảo", "Vũ Thị Ánh"), ("Đỗ Văn An", "Đặng Văn Ba")):
        editing.save(context.db, "complaints", {"received_on": "05/03/2026", "sender": sender,
                                                "complaint_kind": "Phản ánh", "subject_name": subject,
                                                "summary": f"Đơn của {sender}"})
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    keys = [column.key for column in page.spec.columns]
    for key, expected in (("sender", ["Đỗ Văn An", "Vũ Văn Ân", "Đặng Văn Bảo"]),
                          ("subject_name", ["Vũ Thị Ánh", "Đặng Văn Ba", "Đỗ Thị Cúc"])):
        page.table.sortByColumn(keys.index(key), Qt.AscendingOrder)
        shown = [page.model.index(row, keys.index(key)).data() for row in range(page.model.rowCount())]
        assert [name for name in shown if name in expected] == expected


def test_export_writes_only_the_rows_shown_or_selected_and_says_how_many(qtbot, context, tmp_path):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.search.setText("pv27")
    assert page.model.rowCount() == 1
    target = tmp_path / "phieu.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert context.dialogs.shown[-4].text.startswith("Xuất 1 bản ghi đang hiện theo tìm kiếm và bộ lọc ra Excel? "
                                                     "(Sổ có 3 bản ghi;")
    assert [row[0] for row in read_first_sheet(target).rows[1:]] == ["13/PXM"]

    chosen = _export_first_and_third_rows(qtbot, context, page, tmp_path)
    assert context.dialogs.shown[-4].text.startswith("Xuất 2 bản ghi đang chọn ra Excel?")
    assert [row[0] for row in read_first_sheet(chosen).rows[1:]] == [page.model.index(r, 0).data() for r in (0, 2)]


def _export_first_and_third_rows(qtbot, context, page: RegisterPage, tmp_path):
    """The search cleared, the first and third rows selected and exported to a file: its path."""
    page.search.clear()
    page.table.selectRow(0)
    flags = QItemSelectionModel.SelectionFlag
    page.table.selectionModel().select(page.model.index(2, 0), flags.Select | flags.Rows)
    chosen = tmp_path / "chon.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(chosen))
    page.export_excel()
    qtbot.waitUntil(lambda: str(chosen) in page.message.text(), timeout=10_000)
    return chosen


def _last_export_in_words(db) -> str:
    exported = [entry for entry in audit.list_entries(db) if entry.action == "xuất"][-1]
    return audit_words.cells(exported)[audit_words.DETAILS_COLUMN]


def test_an_export_tells_the_trail_the_search_filters_and_selection_it_was_made_under(qtbot, context, tmp_path):
    """The chief reading «xuất» must see which rows left: «Từ: (trống); Đến: (trống)» read as the whole register
    when the officer had searched, filtered or picked rows."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.search.setText("pv27")
    target = tmp_path / "phieu.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert _last_export_in_words(context.db) == (f"Tệp: {target.resolve()}; Số dòng: 1; Số bản ghi đã chọn: 1; "
                                                 "Phạm vi: Tìm: «pv27»")

    _export_first_and_third_rows(qtbot, context, page, tmp_path)
    assert _last_export_in_words(context.db).endswith("; Phạm vi: Gồm 2 dòng được chọn trong 3 dòng đang hiện")


@pytest.fixture
def long_slips(db):
    """400 slips more than the sample's, numbered 1001/PXM to 1400/PXM."""
    headers, (sample, *_) = SAMPLES["slips"]
    import_rows(db, "slips", headers, [[f"{number}/PXM", *sample[1:]] for number in range(1001, 1401)])


def test_selecting_every_row_of_a_long_register_walks_none_of_its_rows(qtbot, context, long_slips, monkeypatch):
    """Ctrl+A over 100,000 slips froze the window for 8 s, and reading the selection for 4 s more: the buttons
    asked Qt which whole rows were selected, and each header section painted asked whether its column was, each
    walking every row through the model's rowCount. Selecting the rows, painting them and reading which are
    selected now costs the model as many calls for 400 slips as it would for 3."""
    asked = []

    class Counted(RegisterModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802 - Qt's name
            asked.append(parent)
            return super().rowCount(parent)

    monkeypatch.setattr(page_module, "RegisterModel", Counted)
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.model.busy)
    asked.clear()

    page.table.selectAll()
    page.table.repaint()
    chosen = page.selected_ids()

    assert len(chosen) == page.model.rowCount() >= 403
    assert chosen == page.model.ids
    assert page.buttons["reply"].isEnabled()
    assert len(asked) < 100, len(asked)


def test_the_reply_for_every_slip_selected_reads_only_the_numbers_it_names(qtbot, context, long_slips, monkeypatch):
    """«Ghi kết quả…» over 100,000 selected slips froze the window 4 s before its dialog opened: every slip's
    row was read to name twelve of them."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    read = []
    fetch_rows = browse.fetch_rows
    monkeypatch.setattr(browse, "fetch_rows", lambda db, kind, ids, *rest: read.append(len(ids)) or
                        fetch_rows(db, kind, ids, *rest))
    page.table.selectAll()

    page.record_replies()

    assert read == [MOST_NAMED]
    told = page.reply_dialog.findChildren(QLabel)[0].text()
    assert told.startswith("<b>403 phiếu</b>") and told.endswith(" và 391 phiếu khác.")


def test_the_slips_selected_go_to_the_bin_off_the_gui_thread_and_huy_stops_after_the_one_in_hand(
        qtbot, context, long_slips, monkeypatch):
    """Deleting 200 selected slips froze the window (21 s over 100,000 slips): each went to the bin on the GUI
    thread. A worker now takes them one by one while the progress dialog counts them; «Hủy» stops it after the
    slip in hand, and the page says how many went."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.table.selectAll()
    chosen = page.selected_ids()
    threads = []
    delete = recycle_bin.delete

    def deleting(db, kind, record_id):
        threads.append(threading.current_thread())
        if len(threads) == 3:
            QThread.currentThread().cancel_requested = True  # what the dialog's Hủy sets
        return delete(db, kind, record_id)

    monkeypatch.setattr(recycle_bin, "delete", deleting)
    context.dialogs.answer_next(YES)
    page.delete_selected()
    finished(qtbot, page)

    assert threading.main_thread() not in threads
    assert page.message.text() == ("Đã dừng. Đã chuyển 3 bản ghi vào thùng rác và hồ sơ thẩm tra «Phạm Minh Quang – "
                                   "Bổ nhiệm» của các phiếu này.")
    assert page.model.ids == chosen[3:]


def test_the_vetting_cases_gone_along_with_many_slips_are_counted_and_a_few_named():
    """200 slips deleted took 97 vetting cases along, all named: the message took half the page at 1366×768 and
    left the rows a strip. It names the first cases and counts the others (they are in the cases' bin)."""
    names = [f"Nguyễn Văn Hùng {number} – Bổ nhiệm" for number in range(1, 98)]

    told = page_module._cases_along(names, 200)

    assert told == (" và 97 hồ sơ thẩm tra của các phiếu này: «Nguyễn Văn Hùng 1 – Bổ nhiệm», «Nguyễn Văn Hùng 2 – "
                    "Bổ nhiệm», «Nguyễn Văn Hùng 3 – Bổ nhiệm» và 94 hồ sơ khác")
    assert page_module._cases_along(names[:3], 3).endswith("«Nguyễn Văn Hùng 3 – Bổ nhiệm»")


def test_declining_the_count_exports_nothing(qtbot, context, tmp_path):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    context.dialogs.answer_next(NO)
    page.export_excel()
    assert [shown.kind for shown in context.dialogs.shown] == ["ask"]


def test_one_police_letter_answers_the_slips_selected_in_one_step(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    keys = [column.key for column in page.spec.columns]
    button = page.buttons["reply"]
    assert button.text() == "Ghi kết quả…" and not button.isEnabled()  # nothing selected yet
    flags = QItemSelectionModel.SelectionFlag
    page.table.selectRow(0)
    page.table.selectionModel().select(page.model.index(2, 0), flags.Select | flags.Rows)
    chosen = [page.model.record_id(row) for row in (0, 2)]
    assert button.isEnabled()
    button.click()
    dialog = page.reply_dialog
    assert dialog.isVisible() and "<b>2 phiếu</b>" in dialog.findChildren(QLabel)[0].text()

    support.fill(dialog, {"result_on": "01/01/2000", "result": "Có tàng thư"})  # before the slips were issued
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert dialog.isVisible() and dialog.message.text().startswith(
        "Phiếu 1/PXM: Ngày nhận kết quả (01/01/2000) trước Ngày phát hành")
    assert all(page.model.index(page.model.row_of(i), keys.index("result")).data() != "Có tàng thư" for i in chosen)

    support.fill(dialog, {"result_on": "25/03/2026", "result_no": "0125/PV06", "result": "Có tàng thư"})
    context.dialogs.answer_next(YES)  # a reply dated after today (15/06/2025 here): the officer says it is right
    assert dialog.save(), dialog.message.text()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert context.dialogs.shown[-1].text.startswith("Ngày nhận kết quả: «25/03/2026» ở sau hôm nay (15/06/2025)")
    assert not dialog.isVisible() and page.message.text() == "Đã ghi kết quả cho 2 phiếu."
    for record_id in chosen:
        row = page.model.row_of(record_id)
        assert page.model.index(row, keys.index("result_on")).data() == "25/03/2026"
        assert page.model.index(row, keys.index("result")).data() == "Có tàng thư"
    assert sorted(page.selected_ids()) == sorted(chosen)  # the selection survives the change
    assert page.model.index(1, keys.index("result")).data() != "Có tàng thư"  # the slip not selected


def test_the_slip_search_says_it_finds_a_slip_by_its_number_with_or_without_leading_zeros(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    assert "số phiếu (có hay không có số 0 ở đầu)" in page.search.toolTip()
    page.search.setText("0012")
    assert [page.model.index(row, 0).data() for row in range(page.model.rowCount())] == ["12/PXM"]


def _select_slip(page: RegisterPage, number: str) -> int:
    """Selects the row of the slip `number` alone; its id."""
    slip = browse.record_ids(page.context.db, "slips", number)[0]
    page.table.selectRow(page.model.row_of(slip))
    return slip


def test_slips_chosen_stay_chosen_for_the_reply_while_the_officer_searches_for_the_next(qtbot, context):
    """12/PXM chosen, then «13» searched to find the next slip: the choice was lost, and «Ghi kết quả…» answered
    13/PXM alone. Both are answered, the one out of sight told on a chip above the table."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show()
    first = _select_slip(page, "12/PXM")
    page.search.setText("13/pxm")
    assert page.selected_ids() == [] and page.chosen_hidden == [first]
    assert page.chosen_button.isVisibleTo(page) and page.chosen_button.text().startswith(
        "Đã chọn thêm 1 phiếu không hiện theo tìm kiếm, bộ lọc: «Ghi kết quả…» gồm cả các phiếu này")
    assert page.buttons["reply"].isEnabled()
    second = _select_slip(page, "13/PXM")
    page.search.setText("pxm")  # both shown again: both selected again
    assert sorted(page.selected_ids()) == sorted([first, second]) and not page.chosen_button.isVisibleTo(page)

    page.search.setText("13/pxm")
    page.buttons["reply"].click()
    dialog = page.reply_dialog
    assert "<b>2 phiếu</b>" in dialog.findChildren(QLabel)[0].text()
    assert "12/PXM" in dialog.findChildren(QLabel)[0].text().replace("\u2060", "")
    support.fill(dialog, {"result_on": "10/06/2025", "result": "Không có tàng thư"})
    assert dialog.save(), dialog.message.text()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert page.message.text().startswith("Đã ghi kết quả cho 2 phiếu")
    result_on = [column.key for column in browse.view("slips").columns].index("result_on")
    assert {row[result_on] for row in browse.fetch_rows(context.db, "slips", [first, second]).values()} == {
        "10/06/2025"}
    assert not page.chosen_button.isVisibleTo(page) and page.chosen_hidden == []
    page.search.clear()  # the slips answered are not carried into the next search
    assert page.selected_ids() == [] and page.chosen_hidden == []


def test_a_slip_answered_and_chosen_again_stays_chosen_through_the_next_search(qtbot, context):
    """The slips a reply was written on are left out of the next search's choice, once: 12/PXM answered, then
    chosen again to answer it anew, stayed out of every later search's choice, and «Ghi kết quả…» missed it."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show()
    first = _select_slip(page, "12/PXM")
    page.buttons["reply"].click()
    dialog = page.reply_dialog
    support.fill(dialog, {"result_on": "10/06/2025", "result": "Không có tàng thư"})
    assert dialog.save(), dialog.message.text()
    qtbot.waitUntil(lambda: dialog.task.done)
    page.search.setText(" ")  # the same search: the rows stay, the slip answered is let go all the same
    assert page.selected_ids() == []

    assert _select_slip(page, "12/PXM") == first
    page.search.setText("13/pxm")
    assert page.chosen_hidden == [first]



def test_a_chosen_slip_the_rest_of_a_search_finds_is_selected_again_once_found(qtbot, context, monkeypatch):
    """A search shows its first rows at once and finds the rest while the officer pauses: a chosen slip found
    then stayed unselected while the chip still counted it out of sight."""
    for name, value in (("FIRST", 1), ("CHUNK", 1), ("QUICK", 1), ("RARE", 0), ("SCAN_BUDGET", 2)):
        monkeypatch.setattr(register_search, name, value)  # the sample slips searched as 100,000 are
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show()
    last = browse.record_ids(context.db, "slips", "pxm")[-1]
    page.table.selectRow(page.model.row_of(last))
    page.search.setText("pxm")
    assert page.chosen_hidden == [last] and page.chosen_button.isVisibleTo(page)
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.selected_ids() == [last] and page.chosen_hidden == []
    assert not page.chosen_button.isVisibleTo(page)

def test_a_reply_typed_by_keyboard_alone_is_counted_on_every_slip_it_was_written_on(qtbot, context):
    """The same letter entered again by keyboard (Tab between the fields, Space on «Lưu cho tất cả») was told
    «Đã ghi kết quả cho 0 phiếu»: only the slips it changed were counted."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    active(qtbot, page)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Down)
    QTest.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_ids()) == 2
    for told in ("Đã ghi kết quả cho 2 phiếu.", "Đã ghi kết quả cho 2 phiếu (2 phiếu đã có sẵn kết quả này)."):
        page.record_replies()
        dialog = page.reply_dialog
        active(qtbot, dialog)
        for typed in ("10/06/2025", "12/PV06", "Khong co"):
            QTest.keyClicks(QApplication.focusWidget(), typed)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.save_button
        QTest.keyClick(dialog.save_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda dialog=dialog: dialog.task is not None and dialog.task.done)
        assert page.message.text() == told


def test_a_reply_for_the_slips_selected_is_written_off_the_gui_thread(qtbot, context, long_slips, monkeypatch):
    """One letter answering 2,000 selected slips froze the window for 3 to 4 s while it was written."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.table.selectAll()
    page.record_replies()
    dialog = page.reply_dialog
    threads = threads_calling(monkeypatch, replies, "record_replies")
    support.fill(dialog, {"result_on": "25/03/2026", "result": "Không có tàng thư"})
    context.dialogs.answer_next(YES)  # after today (15/06/2025 here), and after every slip was issued

    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.task.done)

    assert threads and threading.main_thread() not in threads
    assert not dialog.isVisible() and page.message.text() == "Đã ghi kết quả cho 403 phiếu."


def lines_of(label: QLabel) -> list[str]:
    """The label's text as seen on its lines at its present width (without the characters not drawn)."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width())
    document.documentLayout().documentSize()  # lays the text out
    block, lines = document.begin(), []
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            text = block.text()[line.textStart():line.textStart() + line.textLength()]
            lines.append("".join(ch for ch in text if unicodedata.category(ch) != "Cf"))
        block = block.next()
    return lines


def test_esc_on_a_reply_being_typed_asks_before_dropping_it(qtbot, context):
    """«Ghi kết quả…»: the police letter's date and number typed, Esc pressed — the dialog closed, what was typed
    gone, nothing asked. It asks: go back to it, or drop it (nothing is written on the slips)."""
    slip_id = browse.record_ids(context.db, "slips")[0]
    before = browse.fetch_rows(context.db, "slips", [slip_id])
    dialog = ReplyDialog(context, [slip_id], ["12/PXM"], lambda count: None)
    qtbot.addWidget(dialog)
    active(qtbot, dialog)
    support.fill(dialog, {"result_on": "05/12/2026", "result_no": "1234/PV27"})
    support.escape_asks_first(context, dialog, "result_no", "1234/PV27", NO)
    assert not dialog.isVisible()
    assert browse.fetch_rows(context.db, "slips", [slip_id]) == before


def test_the_reply_names_each_slip_number_whole_on_one_line(qtbot, context):
    numbers = [f"{number}/PXM-BTCTU" for number in (7579, 3924, 6848, 3193, 9772, 6117, 2462, 9041, 5386, 1731,
                                                    8310, 4655, 1200, 1201, 1202)]
    dialog = ReplyDialog(context, list(range(1, 16)), numbers, lambda count: None)
    qtbot.addWidget(dialog)
    dialog.show()
    chosen = dialog.findChildren(QLabel)[0]
    lines = lines_of(chosen)
    assert len(lines) > 1  # the list wraps, between numbers only
    for number in numbers[:MOST_NAMED]:
        assert any(number in line for line in lines), (number, lines)
    assert " ".join(line.strip() for line in lines).endswith("và 3 phiếu khác.")


def test_a_search_shows_its_first_rows_at_once_and_its_count_once_every_row_is_found(qtbot, context, monkeypatch):
    for name, value in (("FIRST", 1), ("CHUNK", 1), ("QUICK", 1), ("RARE", 0), ("SCAN_BUDGET", 3)):
        monkeypatch.setattr(register_search, name, value)  # five cadres searched as 200,000 are
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    whole = browse.record_ids(context.db, "cadres", "n")
    qtbot.keyClicks(page.search, "n")
    shown = page.model.rowCount()
    assert not page.model.complete and 1 <= shown < len(whole)
    assert [page.model.record_id(row) for row in range(shown)] == whole[:shown]
    assert page.count_label.text() == f"ít nhất {shown} bản ghi, đang đếm…"
    assert page.model.canFetchMore()
    qtbot.waitUntil(lambda: page.model.complete)  # the officer paused: the rest is found
    assert [page.model.record_id(row) for row in range(page.model.rowCount())] == whole
    assert page.count_label.text() == f"{len(whole)} bản ghi"
    page.search.clear()
    qtbot.keyClicks(page.search, "n")
    assert not page.model.complete
    assert page.model.ids == whole  # what export and print take: every row, found at once
    assert page.count_label.text() == f"{len(whole)} bản ghi"


def test_a_search_whose_first_rows_run_short_leaves_the_whole_register_to_the_pause(qtbot, context, monkeypatch):
    """Typing «nguyen van hun» in 100,000 slips froze the window 1.3–1.9 s on one key: its first rows ran
    short and the keystroke, then the view asking for more rows, matched the whole register at once."""
    for name, value in (("FIRST", 1), ("CHUNK", 1), ("QUICK", 1), ("RARE", 0), ("SCAN_BUDGET", 2)):
        monkeypatch.setattr(register_search, name, value)  # five cadres searched as 200,000 are
    whole = browse.record_ids(context.db, "cadres", "vinh")  # the last cadre in the order of names
    at_once = []
    matching = browse.matching
    monkeypatch.setattr(browse, "matching", lambda *args: at_once.append(args) or matching(*args))
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.show()
    page.search.setText("vinh")  # pasted: typed on, each key would leave fewer records to read
    page.model.fetchMore()  # as the view does when it shows the last row found
    assert not page.model.complete and page.model.rowCount() < len(whole)
    assert at_once == []
    qtbot.waitUntil(lambda: page.model.complete)  # the officer paused: the rest is found, a step at a time
    assert [page.model.record_id(row) for row in range(page.model.rowCount())] == whole
    assert at_once == []


def test_a_register_not_shown_does_no_work_while_idle(qtbot, context):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.show()
    assert page.model.busy  # reading ahead what a search of rare words needs
    page.hide()  # another page shown
    assert not page.model.busy
    qtbot.wait(50)
    assert not page.model.busy
    page.show()
    assert page.model.busy


@pytest.fixture
def damaged_slips(db, clock, tmp_path):
    """The sample database, backed up, then with the page holding the slips' rows damaged: it opens,
    and the slips' ids are listed (from an index), but their rows cannot be read."""
    saved = backup.create(db, tmp_path / "truoc.bvctbak").path
    with db.read() as connection:
        page = connection.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = 'slips'").scalar()
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db.path.read_bytes())
    data[(page - 1) * 4096 + 300] ^= 1
    db.path.write_bytes(bytes(data))
    damaged = vault.unlock(db.path, ADMIN, PASSWORD, clock)
    yield damaged, saved
    damaged.close()


def test_a_register_whose_rows_cannot_be_read_says_so_once_and_lists_nothing(qtbot, app, clock, damaged_slips):
    damaged, saved = damaged_slips
    context = context_for(damaged, clock)
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    qtbot.wait(50)  # painted again: nothing more is read nor told
    assert page.count_label.text() == "không đọc được"
    assert page.message.isVisible() and page.message.text() == (
        f"Cơ sở dữ liệu «{damaged.path}» bị hỏng hoặc không phải cơ sở dữ liệu BVCT Desktop. Bản sao lưu đã kiểm "
        f"tra gần nhất tìm thấy: «{saved}» (15/06/2025 09:30). {damage.RESTORE_PAGE}")
    assert context.dialogs.shown == []


def test_a_search_the_database_cannot_answer_lists_nothing_then_is_searched_again(qtbot, context, monkeypatch):
    """The office server out of reach while the officer typed a name: the register kept the rows and
    the count of before under the new search (a box popped up from nowhere), and typing the same name
    once the server was back searched nothing. It lists nothing, says why and how to go on, and the
    next keystroke (or F5) searches again and clears the reason."""
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    page.show()
    lost = BvctError("Mất kết nối với máy chủ cơ sở dữ liệu 10.0.0.5:5432; thao tác chưa được ghi.")

    def out_of_reach(*_args):
        raise lost

    with monkeypatch.context() as server_down:
        server_down.setattr(register_search, "start", out_of_reach)
        page.search.setText("nguyen")
    assert page.model.rowCount() == 0 and page.count_label.text() == "không đọc được"
    assert page.message.isVisible() and page.message.text() == lost.message
    page.search.setText("nguyen ")  # the same words, once the server is back
    found = len(browse.record_ids(context.db, "cadres", "nguyen"))
    assert found and page.model.rowCount() == found and page.count_label.text().startswith(str(found))
    assert not page.message.isVisible() and context.dialogs.shown == []

    with monkeypatch.context() as server_down:
        server_down.setattr(register_search, "start", out_of_reach)
        page.refresh()
    assert page.model.rowCount() == 0 and page.count_label.text() == "không đọc được"
    page.refresh()
    assert page.model.rowCount() == found and not page.message.isVisible()


def test_a_sort_or_a_refresh_with_a_search_in_force_reads_no_text_again(db, monkeypatch):
    """With a name in the search box of 100,000 slips, each sort, filter change or save froze the window
    for 1.3–2.7 s while every slip's texts were read and folded again: only those written since are."""
    folded = []
    fold = browse._folded
    monkeypatch.setattr(browse, "_folded", lambda values: folded.append(values) or fold(values))
    model = RegisterModel(db, "slips")
    model.reload()
    model.set_query("pv27")
    model.find_all()
    before = len(folded)
    model.sort(2, Qt.AscendingOrder)
    model.find_all()
    model.refresh()
    assert len(folded) == before and model.rowCount() == 1


def _arrow_points_up(header) -> bool:
    """Whether the sort arrow painted on the sorted section points up: its dark rows widen downwards."""
    section = header.sortIndicatorSection()
    left = header.sectionViewportPosition(section) + header.sectionSize(section) - 18
    image = header.grab().toImage()
    rows = [sum(image.pixelColor(x, y).lightness() < 140 for x in range(left, left + 16))
            for y in range(image.height())]
    widths = [width for width in rows if width]
    assert len(widths) >= 3, "no arrow painted"
    return widths[0] < widths[-1]


@pytest.mark.parametrize("kind", KINDS)
def test_the_sort_arrow_points_up_on_ascending_rows_and_down_on_descending_ones(qtbot, context, kind):
    """The complaints register listed its letters newest first under an arrow pointing up: Fusion draws
    Qt's ascending order as a downward arrow. Ascending (A→Z, oldest first) points up, as on Windows."""
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    page.resize(1300, 500)
    page.show()
    header = page.table.horizontalHeader()
    key, descending = browse.view(kind).default_sort
    assert header.sortIndicatorOrder() == (Qt.DescendingOrder if descending else Qt.AscendingOrder)
    assert page.model.descending == descending
    section = header.sortIndicatorSection()
    shown = page.table.frozen.horizontalHeader() if section in page.table.frozen_logicals() else header
    assert _arrow_points_up(shown) == (not descending)
    middle = QPoint(shown.sectionViewportPosition(section) + shown.sectionSize(section) // 2, shown.height() // 2)
    QTest.mouseClick(shown.viewport(), Qt.LeftButton, pos=middle)
    assert page.model.descending == (not descending)
    assert _arrow_points_up(shown) == descending
