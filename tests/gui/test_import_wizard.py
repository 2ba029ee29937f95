"""The import wizard: preview with the columns recognised, the run off the GUI thread, then
"đã nhập N" — or every row error (copyable, savable) with nothing imported."""

import datetime as dt

from bvct_desktop.core import browse
from bvct_desktop.gui.import_wizard import ImportWizard
from bvct_desktop.gui.qt import QApplication
from bvct_desktop.gui.registers.page import RegisterPage
from tests.conftest import workbook
from tests.fixtures.legacy import to_tcvn3
from tests.gui import register_support as support

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

HEADERS = ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ", "Ghi chú riêng"]
GOOD = [["Châu Văn Lực", "1972", "Tuy Phong", "Chuyên viên", "x"],
        ["Tạ Thị Nhi", dt.date(1988, 4, 2), "Bắc Bình", "Phó Trưởng phòng", None]]
BAD = [["Châu Văn Lực", "31/02/1972", "Tuy Phong", None, None],
       [None, "1980", "La Gi", None, None],
       ["Tạ Thị Nhi", "1988", "Bắc Bình", None, None]]


def _wizard(qtbot, context) -> ImportWizard:
    wizard = ImportWizard(context, "cadres")
    qtbot.addWidget(wizard)
    return wizard


def test_the_preview_shows_recognised_and_ignored_columns(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    context.dialogs.answer_next(str(workbook(tmp_path / "moi.xlsx", HEADERS, GOOD)))
    wizard.choose_file()
    headers = [wizard.preview.horizontalHeaderItem(i).text() for i in range(wizard.preview.columnCount())]
    assert headers == ["✓ Họ và tên", "✓ Ngày sinh", "✓ Quê quán", "✓ Chức vụ", "(bỏ qua) Ghi chú riêng"]
    assert wizard.preview.item(1, 1).text() == "02/04/1988"
    assert "Cột bỏ qua:</b> Ghi chú riêng" in wizard.columns.text()
    assert wizard.import_button.isEnabled()


def test_a_good_file_is_imported_with_progress_off_the_gui_thread(qtbot, context, tmp_path):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    before = page.model.rowCount()
    wizard = _wizard(qtbot, context)
    wizard.load(workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."
    assert page.model.rowCount() == before + 2  # the register refreshed


def test_a_file_with_errors_lists_them_all_and_imports_nothing(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    wizard.load(workbook(tmp_path / "loi.xlsx", HEADERS, BAD))
    before = browse.count(context.db, "cadres")
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text().startswith("Không nhập dòng nào: 2 lỗi; cơ sở dữ liệu không thay đổi.")
    assert wizard.error_text().splitlines() == [
        "Dòng 2, cột «Ngày sinh»: ngày 31/02/1972 không tồn tại",
        "Dòng 3, cột «Họ và tên»: bắt buộc, không được để trống"]
    assert browse.count(context.db, "cadres") == before
    wizard.copy_errors()
    assert QApplication.clipboard().text() == wizard.error_text()
    target = tmp_path / "loi-nhap.txt"
    context.dialogs.answer_next(str(target))
    wizard.save_errors()
    assert target.read_text(encoding="utf-8-sig").splitlines() == wizard.error_text().splitlines()


def test_a_file_that_is_not_excel_is_explained(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    fake = tmp_path / "khong-phai.xlsx"
    fake.write_text("không phải Excel", encoding="utf-8")
    wizard.load(fake)
    assert wizard.message.isVisibleTo(wizard) and wizard.message.text()
    assert not wizard.import_button.isEnabled()


def test_old_tcvn3_text_is_shown_before_and_after_conversion(qtbot, context, tmp_path):
    old = [[to_tcvn3("Nguyễn Thị Hường"), "1975", to_tcvn3("Hàm Thuận Bắc"), None, None]]
    wizard = _wizard(qtbot, context)
    wizard.load(workbook(tmp_path / "cu.xlsx", HEADERS, old))
    assert wizard.conversion.isVisibleTo(wizard)
    assert f"«{to_tcvn3('Nguyễn Thị Hường')}» → «Nguyễn Thị Hường»" in wizard.conversion.text()
    assert wizard.preview.item(0, 0).text() == "Nguyễn Thị Hường"
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert browse.record_ids(context.db, "cadres", "nguyen thi huong") != []
