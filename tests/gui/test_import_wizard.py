"""The import wizard: preview with the columns recognised, the run off the GUI thread, then
"đã nhập N" with what else the import did — or every row error (copyable, savable) with nothing
imported."""

import datetime as dt
import io
import json
import time

import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from bvct_desktop.core import browse, importing
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.core.numbers import grouped
from bvct_desktop.core.plans import PLANS
from bvct_desktop.core.plans.base import CREATED, UNCHANGED, UPDATED
from bvct_desktop.core.schema import audit_log
from bvct_desktop.core.text import file_name
from bvct_desktop.gui.import_wizard import ImportWizard
from bvct_desktop.gui.qt import QApplication, QEvent, QLabel, QPushButton, Qt, QThread
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.io import sheet_process, xlsx_reader
from tests.children import child_processes
from tests.conftest import workbook
from tests.fixtures.legacy import legacy_workbook, to_tcvn3
from tests.gui import register_support as support
from tests.gui.shell_support import active, on_office_screen
from tests.gui.test_copy_guard import kept_out_of_clipboard_history
from tests.gui.tip_support import as_seen

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures

HEADERS = ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ", "Ghi chú riêng"]
GOOD = [["Châu Văn Lực", "1972", "Tuy Phong", "Chuyên viên", "x"],
        ["Tạ Thị Nhi", dt.date(1988, 4, 2), "Bắc Bình", "Phó Trưởng phòng", None]]
BAD = [["Châu Văn Lực", "31/02/1972", "Tuy Phong", None, None],
       [None, "1980", "La Gi", None, None],
       ["Tạ Thị Nhi", "1988", "Bắc Bình", None, None]]


def _wizard(qtbot, context, kind: str = "cadres") -> ImportWizard:
    wizard = ImportWizard(context, kind)
    qtbot.addWidget(wizard)
    return wizard


def loaded(qtbot, wizard: ImportWizard, path) -> ImportWizard:
    """The workbook read (off the GUI thread) and previewed."""
    wizard.load(path)
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    return wizard


def test_the_preview_shows_recognised_and_ignored_columns(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    context.dialogs.answer_next(str(workbook(tmp_path / "moi.xlsx", HEADERS, GOOD)))
    wizard.choose_file()
    assert wizard.message.text() == "Đang đọc tệp…" and not wizard.import_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    headers = [wizard.preview.horizontalHeaderItem(i).text() for i in range(wizard.preview.columnCount())]
    assert headers == ["√ Họ và tên", "√ Ngày sinh", "√ Quê quán", "√ Chức vụ", "(bỏ qua) Ghi chú riêng"]
    assert wizard.preview.item(1, 1).text() == "02/04/1988"
    assert "Cột bỏ qua:</b> Ghi chú riêng" in wizard.columns.text()
    assert wizard.import_button.isEnabled()


def test_the_preview_shows_a_birth_date_excel_shows_as_month_and_year_as_it_will_be_stored(qtbot, context, tmp_path):
    path = tmp_path / "thang.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Ngày sinh", "Ngày vào Đảng"])
    book.active.append(["Tô Văn Nhất", dt.datetime(1965, 3, 1), dt.datetime(1990, 3, 15)])
    book.active.append(["Tô Văn Nhì", dt.datetime(1958, 1, 1), None])
    book.active["B2"].number_format = book.active["C2"].number_format = "mm/yyyy"
    book.active["B3"].number_format = "yyyy"
    book.save(path)
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    assert [wizard.preview.item(row, 1).text() for row in (0, 1)] == ["03/1965", "1958"]
    assert wizard.preview.item(0, 2).text() == "15/03/1990"  # a full date is kept whole


def test_cells_read_from_an_area_merged_over_them_are_shown_and_counted(qtbot, context, tmp_path):
    path = workbook(tmp_path / "gop.xlsx", ["Họ và tên", "Ngày sinh", "Chức vụ"],
                    [["Lê Văn Một", "1970", "Chuyên viên"], ["Lê Văn Hai", "1971", None]])
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("C2:C3")
    book.save(path)
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    assert wizard.preview.item(1, 2).text() == "Chuyên viên"
    assert f"{importing.MERGED_CELLS}: 1" in wizard.columns.text()
    _checked(qtbot, wizard)
    assert f"{importing.MERGED_CELLS}: 1" in wizard.details.toPlainText()


@pytest.mark.parametrize(("hide", "told"), [
    (lambda sheet: setattr(sheet.row_dimensions[3], "hidden", True), f"{importing.HIDDEN_ROWS}: 1: 3"),
    (lambda sheet: setattr(sheet.column_dimensions["B"], "hidden", True), f"{importing.HIDDEN_COLUMNS}: Ngày sinh"),
], ids=["rows", "columns"])
def test_rows_and_columns_hidden_in_excel_are_named_after_the_check(qtbot, context, tmp_path, hide, told):
    path = workbook(tmp_path / "an.xlsx", ["Họ và tên", "Ngày sinh"], [["Lê Văn Một", "1970"], ["Lê Văn Hai", "1971"]])
    book = openpyxl.load_workbook(path)
    hide(book.active)
    book.save(path)
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    _checked(qtbot, wizard)
    assert told in wizard.details.toPlainText()


def test_the_preview_counts_the_rows_that_carry_data(qtbot, context, tmp_path):
    """A list numbered in advance («STT» 1..40, two rows filled in) has two rows of data, not forty;
    the preview still shows the sheet's first rows as they are."""
    rows = [[1, "Ninh Văn Một", "1970"], *([n] for n in range(2, 40)), [40, "Ninh Văn Bốn Mươi", "1971"]]
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "stt.xlsx", ["STT", "Họ và tên", "Ngày sinh"],
                                                             rows))
    assert "Tệp có 2 dòng dữ liệu; xem trước 10 dòng đầu." in wizard.columns.text()
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."


def test_headers_below_a_title_are_told_in_the_preview(qtbot, context, tmp_path):
    path = workbook(tmp_path / "tieu-de.xlsx", ["DANH SÁCH CÁN BỘ NĂM 2026"], [HEADERS, *GOOD])
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    text = wizard.columns.text()
    assert ("Dòng 2: có vẻ là dòng tiêu đề cột, nhưng tiêu đề cột phải ở dòng 1: hãy xóa dòng phía trên nó rồi "
            "nhập lại") in text
    assert "thiếu cột bắt buộc" not in text and "dòng dữ liệu" not in text and "<br>Xem trước 3 dòng đầu." in text


def test_a_good_file_is_imported_with_progress_off_the_gui_thread(qtbot, context, tmp_path):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    before = page.model.rowCount()
    wizard = _wizard(qtbot, context)
    loaded(qtbot, wizard, workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."
    assert not wizard.details.isVisibleTo(wizard)  # nothing else to tell
    assert page.model.rowCount() == before + 2  # the register refreshed


def _cancelled_in_the_import(monkeypatch, when) -> None:
    """Cancel pressed at the moment `when(stage)` says, as the button does (the worker's flag); `when`
    is asked at each call of `progress`, with "done" once the import has returned."""
    import_sheet = importing.import_sheet

    def pressing(db, kind, sheet, dry_run, progress, converted, write):
        def watched(done: int, total: int, stage: str | None = None) -> None:
            QThread.currentThread().cancel_requested |= when(stage)
            progress(done, total, stage)

        result = import_sheet(db, kind, sheet, dry_run, progress=watched, converted=converted, write=write)
        QThread.currentThread().cancel_requested |= when("done")
        return result

    monkeypatch.setattr(importing, "import_sheet", pressing)


def test_cancel_while_the_rows_are_written_imports_nothing(qtbot, context, tmp_path, monkeypatch):
    """Most of a large import's time goes in writing its rows (a full bar): Cancel stops that too."""
    _cancelled_in_the_import(monkeypatch, lambda stage: stage == importing.WRITING)
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    before = browse.count(context.db, "cadres")
    wizard.run_import()
    assert wizard.task.dialog.findChildren(QPushButton)  # its Cancel button
    qtbot.waitUntil(lambda: wizard.task.done, timeout=10_000)
    assert wizard.message.text() == "Đã hủy; không nhập dòng nào, cơ sở dữ liệu không thay đổi."
    assert browse.count(context.db, "cadres") == before
    assert wizard.import_button.isEnabled()


def test_cancel_pressed_once_the_rows_are_saved_is_told_too_late(qtbot, context, tmp_path, monkeypatch):
    _cancelled_in_the_import(monkeypatch, lambda stage: stage == "done")
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text() == ("Không kịp hủy: dữ liệu đã được lưu. "
                                     "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi.")


def _another_officer_writing(context, monkeypatch, pressed: list[float]):
    """A write held as another officer's long one holds it; «Hủy» pressed (the time in `pressed`) as the
    wizard's import tries to begin its own, if `pressed` is empty when it does. The import's worker is the
    thread asking, not `wizard.task`'s: the worker may ask before run_in_background has returned the task."""
    write = context.db.write

    def trying():
        asking = QThread.currentThread()
        if asking is not QApplication.instance().thread() and pressed == []:
            asking.cancel_requested = True
            pressed.append(time.monotonic())
        return write()

    monkeypatch.setattr(context.db, "write", trying)
    return write()


def _stored(context) -> tuple[int, int]:
    """The cadres stored and the trail's entries."""
    with context.db.read() as connection:
        entries = connection.execute(select(func.count()).select_from(audit_log)).scalar()
    return browse.count(context.db, "cadres"), entries


def test_cancel_while_another_officer_writes_is_heard_within_half_a_second_and_imports_nothing(
        qtbot, context, tmp_path, monkeypatch):
    """The import's write waited the database's busy time (5 s) for another officer's, deaf to «Hủy»
    meanwhile: it tries in short waits, as a form's save does (workers.when_free)."""
    wizard, pressed = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, GOOD)), []
    before = _stored(context)
    with _another_officer_writing(context, monkeypatch, pressed):
        wizard.run_import()
        qtbot.waitUntil(lambda: wizard.task.done, timeout=10_000)
        stopped = time.monotonic()
    assert stopped - pressed[0] < 0.5
    assert wizard.message.text() == "Đã hủy; không nhập dòng nào, cơ sở dữ liệu không thay đổi."
    assert _stored(context) == before


def test_an_import_waits_for_another_officers_write_saying_so_then_imports(qtbot, context, tmp_path, monkeypatch):
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    with _another_officer_writing(context, monkeypatch, [None]):  # «Hủy» never pressed
        wizard.run_import()
        qtbot.waitUntil(lambda: "chưa nhập dòng nào" in wizard.task.dialog.labelText(), timeout=10_000)
        assert wizard.task.dialog.labelText() == (
            "Một người dùng hoặc chương trình khác đang ghi vào cơ sở dữ liệu (có thể đang nhập một danh sách dài). "
            "Đang chờ để nhập khi ghi xong; chưa nhập dòng nào. Bấm «Hủy» để thôi chờ.")
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."


def test_a_file_with_errors_lists_them_all_and_imports_nothing(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    loaded(qtbot, wizard, workbook(tmp_path / "loi.xlsx", HEADERS, BAD))
    before = browse.count(context.db, "cadres")
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text().startswith("Không nhập dòng nào: 2 lỗi; cơ sở dữ liệu không thay đổi.")
    assert wizard.error_text().splitlines() == [
        "Dòng 2, cột «Ngày sinh»: ngày 31/02/1972 không tồn tại",
        "Dòng 3, cột «Họ và tên»: bắt buộc, không được để trống"]
    assert browse.count(context.db, "cadres") == before
    assert (wizard.copy_button.text(), wizard.save_button.text()) == ("Sao chép danh sách lỗi", "Lưu danh sách lỗi…")
    wizard.copy_errors()
    assert QApplication.clipboard().text() == wizard.error_text() and kept_out_of_clipboard_history()
    target = tmp_path / "loi-nhap.txt"
    context.dialogs.answer_next(str(target))
    wizard.save_errors()
    assert target.read_text(encoding="utf-8-sig").splitlines() == wizard.error_text().splitlines()
    assert context.dialogs.shown[-1].suggested == "loi-nhap-can-bo-2025-06-15.txt"


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_the_wizard_fits_the_screen_at_windows_scaling_with_its_errors_listed(qtbot, monkeypatch, context, tmp_path,
                                                                              scale):
    """At 125 % (1093×582 above the taskbar) the wizard opened at 900×620: «Nhập» and «Đóng» below the screen."""
    screen = on_office_screen(monkeypatch, scale)
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "loi.xlsx", HEADERS, BAD))
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    qtbot.wait(20)
    frame, least = wizard.frameGeometry().size(), wizard.minimumSizeHint()
    assert frame.boundedTo(screen.size()) == frame and least.boundedTo(screen.size()) == least


def test_the_preview_numbers_rows_as_excel_does_and_marks_the_bad_cells(qtbot, context, tmp_path):
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "loi.xlsx", HEADERS, BAD))
    rows = wizard.preview.rowCount()
    assert [wizard.preview.verticalHeaderItem(r).text() for r in range(rows)] == ["2", "3", "4"]  # row 1: headers
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert [wizard.preview.verticalHeaderItem(r).text() for r in range(wizard.preview.rowCount())] == ["2", "3"]
    bad_date, no_name = wizard.preview.item(0, 1), wizard.preview.item(1, 0)
    assert bad_date.text() == "31/02/1972" and as_seen(bad_date.toolTip()) == "ngày 31/02/1972 không tồn tại"
    assert as_seen(no_name.toolTip()) == "bắt buộc, không được để trống"
    assert bad_date.background().color().name() == "#f8d0d4"
    assert wizard.preview.item(0, 0).toolTip() == ""  # a good cell of a bad row is not marked
    assert wizard.preview_label.text().startswith("Các dòng lỗi: số dòng như trong Excel")


def test_the_preview_shows_values_as_they_will_be_stored(qtbot, context, tmp_path):
    """A CCCD typed as a number loses its leading zeros in Excel and is stored with them: the preview
    shows it as stored; a value that is not valid is shown as written."""
    headers = ["Họ và tên", "Ngày sinh", "Số CCCD"]
    rows = [["Nguyễn Thị Hồng Nhung", 1972, 1066001235], ["Tạ Văn Mạnh", "31/02/1972", "12345"]]
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "cccd.xlsx", headers, rows))
    assert [[wizard.preview.item(r, c).text() for c in range(3)] for r in range(2)] == [
        ["Nguyễn Thị Hồng Nhung", "1972", "001066001235"], ["Tạ Văn Mạnh", "31/02/1972", "12345"]]


def test_a_missing_column_is_shown_on_the_header_row(qtbot, context, tmp_path):
    """A problem of row 1 (a required column missing) has its row under «Các dòng lỗi», not an empty
    table."""
    wizard = loaded(qtbot, _wizard(qtbot, context),
                    workbook(tmp_path / "thieu.xlsx", ["Ngày sinh", "Quê quán"], [["1972", "Tuy Phong"]]))
    _imported(qtbot, wizard)
    assert wizard.error_text() == "Dòng 1, cột «Họ và tên»: thiếu cột bắt buộc"
    assert [wizard.preview.verticalHeaderItem(r).text() for r in range(wizard.preview.rowCount())] == ["1"]
    assert [wizard.preview.item(0, c).text() for c in range(2)] == ["Ngày sinh", "Quê quán"]
    assert as_seen(wizard.preview.item(0, 0).toolTip()) == "cột «Họ và tên»: thiếu cột bắt buộc"
    assert wizard.preview.item(0, 0).background().color().name() == "#f8d0d4"
    assert "dòng 1 là dòng tiêu đề (tên các cột)" in wizard.preview_label.text()


def _imported(qtbot, wizard: ImportWizard) -> ImportWizard:
    """«Nhập» pressed, and the wizard done (reading the file again first if need be)."""
    wizard.result = None
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None or (wizard.reading is None and wizard.import_button.isEnabled()),
                    timeout=20_000)
    return wizard


def _audited(context, action: str) -> list[tuple]:
    with context.db.read() as connection:
        entries = connection.execute(select(audit_log.c.outcome, audit_log.c.details)
                                     .where(audit_log.c.action == action).order_by(audit_log.c.id)).all()
    return [(outcome, json.loads(details)) for outcome, details in entries]


def test_import_after_the_file_was_corrected_imports_the_file_as_it_is_now(qtbot, context, tmp_path, monkeypatch):
    """«Sửa tệp Excel … rồi nhập lại»: the officer corrects the file in Excel, saves it and presses «Nhập»
    again; the wizard reads it again (its new rows shown), not the copy it read when it was chosen."""
    path = workbook(tmp_path / "sua.xlsx", HEADERS, BAD)
    wizard = _imported(qtbot, loaded(qtbot, _wizard(qtbot, context), path))
    assert wizard.message.text().startswith("Không nhập dòng nào: 2 lỗi")
    reads = []
    read = xlsx_reader.read_first_sheet
    monkeypatch.setattr(xlsx_reader, "read_first_sheet", lambda *args: reads.append(args) or read(*args))
    workbook(path, HEADERS, [["Châu Văn Lực", "28/02/1972", "Tuy Phong", None, None]])
    wizard.run_import()
    assert wizard.message.text() == "Tệp đã thay đổi từ lần đọc trước; đang đọc lại…"
    assert not wizard.import_button.isEnabled()
    _imported(qtbot, wizard)
    assert len(reads) == 1
    assert wizard.message.text() == "Đã nhập 1 dòng: 1 mới, 0 cập nhật, 0 không đổi."
    assert not wizard.errors.isVisibleTo(wizard)  # the first attempt's errors are gone
    assert [wizard.preview.item(0, c).text() for c in range(3)] == ["Châu Văn Lực", "28/02/1972", "Tuy Phong"]
    assert "Tệp có 1 dòng dữ liệu" in wizard.columns.text()
    assert browse.record_ids(context.db, "cadres", "chau van luc") != []


def test_import_of_a_file_unchanged_since_it_was_read_does_not_read_it_again(qtbot, context, tmp_path, monkeypatch):
    """A register of 100,000 rows takes seconds to read: pressing «Nhập» again reads it again only when
    its content changed."""
    path = workbook(tmp_path / "loi.xlsx", HEADERS, BAD)
    wizard = _imported(qtbot, loaded(qtbot, _wizard(qtbot, context), path))
    monkeypatch.setattr(xlsx_reader, "read_first_sheet", lambda *args: pytest.fail("read again"))
    path.touch()  # saved again, unchanged
    _imported(qtbot, wizard)
    assert wizard.message.text().startswith("Không nhập dòng nào: 2 lỗi")


def test_an_old_xls_register_can_be_chosen_and_is_told_to_be_saved_as_xlsx(qtbot, context, tmp_path):
    old = tmp_path / "so-cu.xls"
    old.write_bytes(xlsx_reader.OLE_MAGIC + bytes(504))
    wizard = _wizard(qtbot, context)
    context.dialogs.answer_next(str(old))
    wizard.choose_file()
    assert "*.xls)" in context.dialogs.shown[-1].text and "*.xlsx" in context.dialogs.shown[-1].text
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert wizard.message.text().startswith(
        "Tệp «so-cu.xls» là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu lại dạng .xlsx.")


@pytest.mark.parametrize("how", ["xls", "password", "empty"])
def test_a_file_that_cannot_be_read_is_audited_as_a_failed_import_as_the_command_line_does(qtbot, context,
                                                                                            tmp_path, how):
    path = tmp_path / f"so.{'xls' if how == 'xls' else 'xlsx'}"
    if how == "xls":
        path.write_bytes(xlsx_reader.OLE_MAGIC + bytes(504))
    elif how == "password":
        plain = io.BytesIO(workbook(tmp_path / "mo.xlsx", HEADERS, GOOD).read_bytes())
        with path.open("wb") as locked:
            OOXMLFile(plain).encrypt("matkhau", locked)
    else:
        openpyxl.Workbook().save(path)
    audited = _audited(context, "nhập")
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    assert _audited(context, "nhập")[len(audited):] == [("failed", {"tep": str(path.resolve()),
                                                                           "loi": wizard.message.text()})]


@pytest.mark.parametrize("how", ["deleted", "damaged"])
def test_a_changed_file_that_cannot_be_read_again_is_told_and_nothing_imported(qtbot, context, tmp_path, how):
    path = workbook(tmp_path / "moi.xlsx", HEADERS, GOOD)
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    before, audited = browse.count(context.db, "cadres"), _audited(context, "nhập")
    if how == "deleted":
        path.unlink()
        told = f"Không tìm thấy tệp «{path}»."
    else:
        path.write_bytes(b"PK\x03\x04 hong")
        told = "Tệp «moi.xlsx» không phải tệp Excel .xlsx; hãy mở bằng Excel và lưu lại dạng .xlsx."
    _imported(qtbot, wizard)
    assert wizard.message.text() == f"{told} Không nhập dòng nào; cơ sở dữ liệu không thay đổi."
    assert wizard.result is None and browse.count(context.db, "cadres") == before
    assert wizard.preview.rowCount() == 0  # the rows read before are no longer the file's
    assert wizard.import_button.isEnabled()  # once the file is back, «Nhập» reads it again
    assert _audited(context, "nhập")[len(audited):] == [("failed", {"tep": str(path.resolve()), "loi": told})]
    workbook(path, HEADERS, GOOD)
    _imported(qtbot, wizard)
    assert wizard.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."


def _checked(qtbot, wizard: ImportWizard) -> ImportWizard:
    """«Kiểm tra» pressed (the import's checks, nothing written), and the wizard done."""
    wizard.result = None
    wizard.check_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    return wizard


def test_a_check_tells_what_the_import_would_do_and_writes_nothing(qtbot, context, tmp_path):
    """The command line's --dry-run: the rows it would add and update, what it would add to a list, the
    counts, told as an import's are, with nothing written; «Nhập» then imports for real."""
    _imported(qtbot, loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "cu.xlsx", HEADERS, GOOD)))
    promoted = [[*GOOD[0][:3], "Trưởng phòng", None], ["Phan Văn Mới", "1990", "Hàm Tân", None, None]]
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, promoted))
    assert wizard.check_button.text() == "Kiểm tra" and wizard.check_button.isEnabled()
    before, audited = browse.count(context.db, "cadres"), _audited(context, "thử nhập")
    _checked(qtbot, wizard)
    assert wizard.message.text() == ("Kiểm tra xong — chưa ghi gì vào cơ sở dữ liệu. Bấm «Nhập» sẽ nhập 2 dòng: "
                                     "1 mới, 1 cập nhật, 0 không đổi.")
    assert wizard.details.toPlainText() == "Dòng 2: cập nhật Chức vụ"
    assert browse.count(context.db, "cadres") == before
    assert [outcome for outcome, _ in _audited(context, "thử nhập")[len(audited):]] == ["ok"]
    assert wizard.import_button.isEnabled() and wizard.check_button.isEnabled()
    _imported(qtbot, wizard)
    assert wizard.message.text() == "Đã nhập 2 dòng: 1 mới, 1 cập nhật, 0 không đổi."
    assert browse.count(context.db, "cadres") == before + 1


@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize("step, next_step", [("prefetch", "take"), ("finish", "writes")])
def test_cancel_while_the_plan_is_prepared_or_finished_stops_there_and_the_file_can_be_run_again(
        qtbot, context, tmp_path, monkeypatch, dry_run, step, next_step):
    """«Hủy» pressed while the plan looks up the file's persons before its first row, or finishes after its
    last (seconds each for 100,000 rows): the run stops there — not at the next row, nor at the writing —
    nothing written, and the same file is then checked or imported as if nothing had happened."""
    done, went_on = getattr(PLANS["cadres"], step), []
    going_on = getattr(PLANS["cadres"], next_step)
    monkeypatch.setattr(PLANS["cadres"], step, lambda plan, *args: setattr(
        QThread.currentThread(), "cancel_requested", True) or done(plan, *args))
    monkeypatch.setattr(PLANS["cadres"], next_step, lambda plan, *args: went_on.append(None) or going_on(plan, *args))
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    before = _stored(context)
    run = wizard.check_button if dry_run else wizard.import_button
    run.click()
    qtbot.waitUntil(lambda: wizard.task.done, timeout=10_000)
    assert wizard.message.text() == ("Đã hủy kiểm tra; chưa ghi gì vào cơ sở dữ liệu." if dry_run else
                                     "Đã hủy; không nhập dòng nào, cơ sở dữ liệu không thay đổi.")
    assert went_on == [] and _stored(context) == before
    assert wizard.import_button.isEnabled() and wizard.check_button.isEnabled()
    monkeypatch.setattr(PLANS["cadres"], step, done)
    wizard.result = None
    run.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.message.text().endswith("2 dòng: 2 mới, 0 cập nhật, 0 không đổi.")


def test_a_check_of_a_file_with_errors_lists_them_as_an_import_does(qtbot, context, tmp_path):
    wizard = _checked(qtbot, loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "loi.xlsx", HEADERS, BAD)))
    assert wizard.message.text() == ("Kiểm tra xong — chưa ghi gì vào cơ sở dữ liệu: 2 lỗi. Sửa tệp Excel theo danh "
                                     "sách dưới đây rồi kiểm tra lại.")
    assert wizard.error_text().splitlines()[0] == "Dòng 2, cột «Ngày sinh»: ngày 31/02/1972 không tồn tại"
    assert [wizard.preview.verticalHeaderItem(r).text() for r in range(wizard.preview.rowCount())] == ["2", "3"]
    assert wizard.check_button.isEnabled() and not wizard.import_button.isEnabled()  # it would only fail again
    assert wizard.import_button.toolTip() == ("Tệp còn lỗi (xem danh sách dưới đây): sửa tệp Excel rồi bấm «Kiểm tra» "
                                              "lại, hoặc chọn tệp khác")
    workbook(wizard.file, HEADERS, GOOD)  # corrected as told: checked again as it is now
    _checked(qtbot, wizard)
    assert wizard.message.text().endswith("Bấm «Nhập» sẽ nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi.")
    assert wizard.import_button.isEnabled() and not wizard.import_button.toolTip()


@pytest.mark.parametrize("run", [_checked, _imported])
def test_import_refused_for_errors_waits_for_the_file_to_change(qtbot, context, tmp_path, run):
    """Back from Excel, «Nhập» stays off while the file is as the run found it, and is on again once the
    officer has saved it corrected (pressing it reads the file again); choosing a file turns it on too."""
    path = workbook(tmp_path / "loi.xlsx", HEADERS, BAD)
    wizard = run(qtbot, loaded(qtbot, _wizard(qtbot, context), path))
    path.touch()  # saved again, unchanged
    QApplication.sendEvent(wizard, QEvent(QEvent.Type.ActivationChange))
    assert not wizard.import_button.isEnabled()
    workbook(path, HEADERS, GOOD)
    QApplication.sendEvent(wizard, QEvent(QEvent.Type.ActivationChange))
    assert wizard.import_button.isEnabled() and not wizard.import_button.toolTip()
    _imported(qtbot, wizard)
    assert wizard.message.text() == "Đã nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi."
    run(qtbot, loaded(qtbot, wizard, workbook(tmp_path / "khac.xlsx", HEADERS, BAD)))
    assert not wizard.import_button.isEnabled()
    loaded(qtbot, wizard, tmp_path / "khac.xlsx")  # chosen again
    assert wizard.import_button.isEnabled()


def test_each_run_tells_only_what_it_did(qtbot, context, tmp_path):
    """The check adds a unit; the file is imported elsewhere meanwhile; the import then adds nothing,
    and says nothing of the check's unit."""
    unit = "Ban Quản lý dự án Sông Lũy"
    path = workbook(tmp_path / "don-vi.xlsx", ["Họ và tên", "Ngày sinh", "Đơn vị công tác"],
                    [["Châu Văn Lực", "1972", unit], ["Tạ Thị Nhi", "1988", unit]])
    wizard = _checked(qtbot, loaded(qtbot, _wizard(qtbot, context), path))
    assert wizard.details.toPlainText() == f"Đơn vị công tác mới: 1: {unit}"
    _imported(qtbot, loaded(qtbot, _wizard(qtbot, context), path))
    _imported(qtbot, wizard)
    assert wizard.message.text() == "Đã nhập 2 dòng: 0 mới, 0 cập nhật, 2 không đổi."
    assert not wizard.details.isVisibleTo(wizard) and not wizard.details.toPlainText()


def test_a_run_after_one_that_listed_errors_shows_none_of_them(qtbot, context, tmp_path, monkeypatch):
    """The check listed the rows' errors and showed those rows marked; the import after it, cancelled
    at once, tells only that: no list, and the preview shows the file's first rows again."""
    wizard = _checked(qtbot, loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "loi.xlsx", HEADERS, BAD)))
    assert wizard.errors.isVisibleTo(wizard) and wizard.preview_label.isVisibleTo(wizard)

    def cancelled_at_once(db, kind, sheet, dry_run, progress, converted, write):
        QThread.currentThread().cancel_requested = True
        progress(0, len(BAD))

    monkeypatch.setattr(importing, "import_sheet", cancelled_at_once)
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.task.done, timeout=10_000)
    assert wizard.message.text() == "Đã hủy; không nhập dòng nào, cơ sở dữ liệu không thay đổi."
    shown = (wizard.errors, wizard.copy_button, wizard.save_button, wizard.preview_label, wizard.details)
    assert not any(widget.isVisibleTo(wizard) for widget in shown) and not wizard.error_text()
    assert [wizard.preview.verticalHeaderItem(r).text() for r in range(wizard.preview.rowCount())] == ["2", "3", "4"]
    assert wizard.preview.item(0, 1).background().style() == Qt.NoBrush  # no longer marked


def _slip(headers: list[str], values: dict[str, object]) -> list[object]:
    row = dict.fromkeys(headers)
    row.update(values)
    return [row[header] for header in headers]


def test_an_import_tells_what_else_it_did_as_the_command_line_does(qtbot, context, tmp_path):
    """A recipient spelt another way is added as a new one: the officer must see it, with the cases
    opened, the slips whose vetted person nobody can tell, and what each updated row changed."""
    from tests.samples import SAMPLES

    headers, rows = SAMPLES["slips"]
    answered = dict(zip(headers, rows[1], strict=True)) | {"Ngày nhận kết quả": "01/03/2025",
                                                          "Kết quả": "Không có tàng thư", "Ghi chú": None}
    unknown = {"Số phiếu": "40/PXM", "Ngày phát hành": "10/02/2026", "Họ và tên người được xác minh": "Hồ Văn Tám",
               "Quan hệ": "Con", "Họ và tên người được thẩm tra": "Đinh Thị Không Rõ",
               "Mục đích xác minh": "Bổ nhiệm", "Nơi nhận phiếu": "Phòng PV06 – Công an tỉnh Khánh Hòa"}
    subject = {"Số phiếu": "41/PXM", "Ngày phát hành": "11/02/2026", "Họ và tên người được xác minh": "Hồ Thị Chín",
               "Quan hệ": "Bản thân", "Mục đích xác minh": "Quy hoạch", "Nơi nhận phiếu": "Cục A93B – Bộ Công an"}
    wizard = _wizard(qtbot, context, "slips")
    rows = [rows[0], *(_slip(headers, values) for values in (answered, unknown, subject))]
    loaded(qtbot, wizard, workbook(tmp_path / "phieu.xlsx", headers, rows))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text() == "Đã nhập 4 dòng: 2 mới, 1 cập nhật, 1 không đổi."
    assert wizard.details.isVisibleTo(wizard)
    assert wizard.details.toPlainText().splitlines() == [
        "Nơi nhận phiếu mới: 1: Phòng PV06 – Công an tỉnh Khánh Hòa",
        "Hồ sơ thẩm tra mới mở: 1",
        "Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra): 1: 40/PXM",
        "Dòng 3: cập nhật Ngày nhận kết quả, Kết quả",
    ]
    loaded(qtbot, wizard, workbook(tmp_path / "khac.xlsx", headers, rows[:1]))  # another file: told afresh
    assert not wizard.details.isVisibleTo(wizard) and not wizard.details.toPlainText()


def test_long_lists_of_an_import_name_their_first_200_and_count_the_rest(qtbot, context):
    wizard = _wizard(qtbot, context, "slips")
    numbers = [f"{n}/PXM" for n in range(1, 1206)]
    result = importing.ImportResult(
        kind_named("slips"), dry_run=False, rows=2410, counts={CREATED: 1205, UNCHANGED: 0, UPDATED: 1205},
        updates=[f"Dòng {n}: cập nhật Kết quả" for n in range(2, 1207)],
        extras={"Hồ sơ thẩm tra mới mở": 1205, "Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra)": numbers})
    wizard._finished(result, None)
    lines = wizard.details.toPlainText().splitlines()
    assert lines[0] == "Hồ sơ thẩm tra mới mở: 1.205"
    assert lines[1] == ("Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra): 1.205: "
                        + ", ".join(numbers[:200]) + ", … và 1.005 mục khác")
    assert lines[2:] == [f"Dòng {n}: cập nhật Kết quả" for n in range(2, 202)] + ["… và 1.005 dòng cập nhật khác"]


def _answered_undated(headers, number, name):
    """A slip row with a result but no reply date."""
    return _slip(headers, {"Số phiếu": number, "Ngày phát hành": "02/03/2025", "Họ và tên người được xác minh": name,
                           "Nơi nhận phiếu": "Cục A93B – Bộ Công an", "Kết quả": "Không có tàng thư"})


def test_slips_imported_with_a_result_but_no_reply_date_are_listed_and_dated_at_once(qtbot, context, tmp_path):
    from bvct_desktop.gui.dialogs import YES  # noqa: F401 - the reply dialog needs no question
    from tests.samples import SAMPLES

    headers = SAMPLES["slips"][0]

    def slip(number, name):
        return _answered_undated(headers, number, name)

    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.import_excel()
    wizard = page.import_wizard
    loaded(qtbot, wizard, workbook(tmp_path / "cu.xlsx", headers, [slip("30/PXM", "Lê Văn Mười"),
                                                                   slip("31/PXM", "Lê Thị Mười")]))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text().startswith("Đã nhập 2 dòng")
    assert wizard.warnings_label.text().startswith("<b>Lưu ý: 2 dòng đã nhập nhưng cần xem lại</b>")
    assert wizard.error_text().splitlines() == [  # the same note on both rows: told once
        "Dòng 2, 3 (2 dòng), cột «Ngày nhận kết quả»: có «Kết quả» nhưng chưa có ngày nhận kết quả: phiếu chưa được "
        "tính là đã trả lời; hãy ghi ngày nhận (sổ Phiếu xác minh, trạng thái «Có kết quả, thiếu ngày nhận»)"]
    # what imported rows lack, not errors
    assert (wizard.copy_button.text(), wizard.save_button.text()) == ("Sao chép danh sách lưu ý",
                                                                     "Lưu danh sách lưu ý…")
    assert wizard.preview.item(0, headers.index("Ngày nhận kết quả")).background().color().name() == "#fff0b3"
    wizard.complete_button.click()
    assert page.status.currentText() == "Có kết quả, thiếu ngày nhận" and page.model.rowCount() == 2
    dialog = page.reply_dialog
    support.fill(dialog, {"result_on": "25/03/2025", "result_no": "0125/PV06"})
    assert dialog.save(), dialog.message.text()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert page.message.text() == "Đã ghi kết quả cho 2 phiếu."
    assert page.model.rowCount() == 0  # none left without a reply date
    page.status.setCurrentIndex(0)
    row = page.model.row_of(browse.record_ids(context.db, "slips", "30/PXM")[0])
    keys = [column.key for column in page.spec.columns]
    assert page.model.index(row, keys.index("result_on")).data() == "25/03/2025"


def test_a_reply_dated_after_today_is_imported_and_listed_to_look_at_without_asking_its_date(qtbot, context,
                                                                                              tmp_path):
    from tests.samples import SAMPLES

    headers = SAMPLES["slips"][0]
    row = _slip(headers, {"Số phiếu": "32/PXM", "Ngày phát hành": "02/03/2025", "Họ và tên người được xác minh":
                          "Lê Văn Mười", "Nơi nhận phiếu": "Cục A93B – Bộ Công an", "Kết quả": "Không có tàng thư",
                          "Ngày nhận kết quả": "25/03/2062"})
    wizard = loaded(qtbot, _wizard(qtbot, context, "slips"), workbook(tmp_path / "nam.xlsx", headers, [row]))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.message.text().startswith("Đã nhập 1 dòng")
    assert wizard.warnings_label.text().startswith("<b>Lưu ý: 1 dòng đã nhập nhưng cần xem lại</b>")
    assert wizard.error_text() == ("Dòng 2, cột «Ngày nhận kết quả»: ngày ghi ở sau hôm nay (15/06/2025): hãy xem "
                                   "lại, có thể đã gõ nhầm năm (hoặc đồng hồ của máy tính chưa đúng)")
    assert not wizard.complete_button.isVisibleTo(wizard)  # it has its reply date: nothing to ask
    assert wizard.preview_label.text().startswith(  # a row to look at again, nothing missing
        "Các dòng cần xem lại: số dòng như trong Excel; ô tô màu là ô cần xem lại")


def test_a_check_lists_the_rows_to_look_at_again_without_dating_slips_not_written(qtbot, context, tmp_path):
    from tests.samples import SAMPLES

    headers = SAMPLES["slips"][0]
    wizard = loaded(qtbot, _wizard(qtbot, context, "slips"),
                    workbook(tmp_path / "cu.xlsx", headers, [_answered_undated(headers, "30/PXM", "Lê Văn Mười")]))
    _checked(qtbot, wizard)
    assert wizard.message.text().startswith("Kiểm tra xong — chưa ghi gì vào cơ sở dữ liệu. Bấm «Nhập» sẽ nhập 1 dòng")
    assert wizard.warnings_label.text().startswith("<b>Lưu ý: 1 dòng sẽ được nhập nhưng cần xem lại</b>")
    assert wizard.error_text().startswith("Dòng 2, cột «Ngày nhận kết quả»: có «Kết quả»")
    assert not wizard.complete_button.isVisibleTo(wizard)  # no slip written to date


def test_the_same_note_on_many_rows_is_listed_once_with_its_rows_as_the_command_line_tells_it(qtbot, context,
                                                                                              clock, tmp_path):
    """240 slips to a unit under a former province's name, half of them answered without their reply date: two
    notes naming their rows, not 360 lines; the rows are still marked in the preview, and all are dated at once."""
    from tests.samples import SAMPLES

    clock.now = dt.datetime(2026, 3, 10, 9, 0)  # since the provinces merged
    headers = SAMPLES["slips"][0]
    rows = [_slip(headers, {"Số phiếu": f"{n}/PXM", "Ngày phát hành": "03/01/2026",
                            "Họ và tên người được xác minh": f"Lê Văn {n}", "Ngày sinh": "1960",
                            "Nơi nhận phiếu": "Phòng PV27 – Công an tỉnh Bình Thuận",
                            "Kết quả": "Không có tàng thư" if n % 2 else None}) for n in range(2, 242)]
    wizard = loaded(qtbot, _wizard(qtbot, context, "slips"), workbook(tmp_path / "pv27.xlsx", headers, rows))
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.warnings_label.text().startswith("<b>Lưu ý: 240 dòng đã nhập nhưng cần xem lại</b>")
    assert wizard.error_text().splitlines() == [
        "Dòng 2–241 (240 dòng), cột «Nơi nhận phiếu»: «Phòng PV27 – Công an tỉnh Bình Thuận» mang tên tỉnh cũ: từ "
        "01/7/2025 tỉnh ấy thuộc tỉnh Lâm Đồng; hãy xem lại",
        "Dòng 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33 và 104 dòng khác (120 dòng), cột «Ngày "
        "nhận kết quả»: có «Kết quả» nhưng chưa có ngày nhận kết quả: phiếu chưa được tính là đã trả lời; hãy ghi "
        "ngày nhận (sổ Phiếu xác minh, trạng thái «Có kết quả, thiếu ngày nhận»)"]
    assert wizard.error_text().splitlines() == wizard.result.note_lines(grouped)
    assert wizard.preview.rowCount() == 200  # the rows to look at, marked, as before
    assert wizard.complete_button.isVisibleTo(wizard)


def test_the_reply_date_is_asked_for_the_slips_of_this_import_only(qtbot, context, tmp_path):
    """Slips left without their reply date by an earlier import are not this import's: the wizard's
    «Ghi ngày nhận…» dates the slips of the rows it warned about, and no other."""
    from tests.samples import SAMPLES

    headers = SAMPLES["slips"][0]

    def slip(number, name):
        return _answered_undated(headers, number, name)

    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    for name, rows in (("cu.xlsx", [slip("30/PXM", "Lê Văn Mười"), slip("31/PXM", "Lê Thị Mười")]),
                       ("moi.xlsx", [slip("32/PXM", "Lê Văn Mười Một")])):
        page.import_excel()
        wizard = page.import_wizard
        loaded(qtbot, wizard, workbook(tmp_path / name, headers, rows))
        wizard.run_import()
        qtbot.waitUntil(lambda wizard=wizard: wizard.result is not None, timeout=10_000)
        assert wizard.message.text().startswith(f"Đã nhập {len(rows)} dòng"), wizard.message.text()
    [new] = browse.record_ids(context.db, "slips", "32/PXM")
    wizard.complete_button.click()
    dialog = page.reply_dialog
    assert dialog.slip_ids == [new]
    shown = dialog.findChildren(QLabel)[0].text().replace("\u2060", "")  # the word joiners keeping a number whole
    assert "<b>1 phiếu</b> được trả lời trong cùng một văn bản: 32/PXM." in shown
    support.fill(dialog, {"result_on": "25/03/2025"})
    assert dialog.save(), dialog.message.text()
    qtbot.waitUntil(lambda: dialog.task.done)
    assert page.message.text() == "Đã ghi kết quả cho 1 phiếu."
    page.status.setCurrentIndex(0)
    keys = [column.key for column in page.spec.columns]

    def reply_date(number):
        row = page.model.row_of(browse.record_ids(context.db, "slips", number)[0])
        return page.model.index(row, keys.index("result_on")).data()

    assert [reply_date(n) for n in ("30/PXM", "31/PXM", "32/PXM")] == ["", "", "25/03/2025"]


def test_a_file_that_is_not_excel_is_explained(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    fake = tmp_path / "khong-phai.xlsx"
    fake.write_text("không phải Excel", encoding="utf-8")
    loaded(qtbot, wizard, fake)
    assert wizard.message.isVisibleTo(wizard) and wizard.message.text()
    assert not wizard.import_button.isEnabled()


def test_old_tcvn3_text_is_shown_before_and_after_conversion(qtbot, context, tmp_path):
    old = [[to_tcvn3("Nguyễn Thị Hường"), "1975", to_tcvn3("Hàm Thuận Bắc"), None, None]]
    wizard = _wizard(qtbot, context)
    loaded(qtbot, wizard, workbook(tmp_path / "cu.xlsx", HEADERS, old))
    assert wizard.conversion.isVisibleTo(wizard)
    assert "<b>Chữ mã cũ: TCVN3</b> — 2 ô sẽ được chuyển sang Unicode" in wizard.conversion.text()
    assert "«NguyÔn ThÞ H-êng» → «Nguyễn Thị Hường»" in wizard.conversion.text()  # U+00AD, «ư», shown
    assert wizard.preview.item(0, 0).text() == "Nguyễn Thị Hường"
    wizard.run_import()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert browse.record_ids(context.db, "cadres", "nguyen thi huong") != []
    assert wizard.details.toPlainText() == "Ô chuyển từ mã cũ (TCVN3/VNI): 2"  # the whole file's, not the preview's


def _cancelled_from_inside(owner: object, name: str, monkeypatch) -> list[None]:
    """`owner.name` requests «Hủy» on the worker calling it, then does its work (which hears it); the
    list returned has one item for each call."""
    original, called = getattr(owner, name), []

    def requesting_cancel(*args, **kwargs):
        called.append(None)
        QThread.currentThread().cancel_requested = True
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, requesting_cancel)
    return called


def _back_on_the_file_choice(qtbot, wizard: ImportWizard, name: str) -> None:
    """A file whose reading was cancelled: nothing of it loaded, the officer on «Chọn tệp…»."""
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert wizard.message.text() == (f"Đã hủy đọc tệp «{name}»; chưa nhập dòng nào. "
                                     "Bấm «Chọn tệp…» để chọn tệp cần nhập.")
    assert wizard.file is None and wizard.sheet is None and wizard.path.text() == ""
    assert wizard.preview.rowCount() == 0 and not wizard.conversion.isVisibleTo(wizard)
    assert not wizard.check_button.isEnabled() and not wizard.import_button.isEnabled()
    assert wizard.columns.text().startswith("<b>Dòng đầu của tệp ghi tên các cột:</b>")


def test_cancel_while_the_children_read_the_file_ends_them_and_another_file_loads_at_once(qtbot, context, tmp_path,
                                                                                          monkeypatch):
    """«Hủy» while the reader children read a large file (seconds): they are ended, none left running, the
    wizard is back on its file choice with nothing loaded, and the next file chosen loads at once."""
    before = child_processes()
    started: set[int] = set()
    original = sheet_process.Reading._started

    def started_then_cancelled(reading, parts):
        children = original(reading, parts)
        started.update(child_processes() - before)
        QThread.currentThread().cancel_requested = True
        return children

    monkeypatch.setattr(sheet_process.Reading, "_started", started_then_cancelled)
    wizard = _wizard(qtbot, context)
    wizard.load(workbook(tmp_path / "nham.xlsx", HEADERS, GOOD))
    _back_on_the_file_choice(qtbot, wizard, "nham.xlsx")
    assert started and child_processes() & started == set()
    monkeypatch.undo()
    loaded(qtbot, wizard, workbook(tmp_path / "dung.xlsx", HEADERS, GOOD))
    assert wizard.path.text().endswith("dung.xlsx") and wizard.preview.rowCount() == 2
    assert wizard.import_button.isEnabled()


def test_cancel_while_old_tcvn3_text_is_converted_stops_there_and_another_file_loads_at_once(qtbot, context,
                                                                                            tmp_path, monkeypatch):
    """«Hủy» while the fonts of a legacy register are read for its conversion (seconds for 100,000 rows): the
    conversion stops at its next step, the wizard is back on its file choice with nothing loaded."""
    rows = [["Nguyễn Thị Hường", "1975", "Hàm Thuận Bắc"], ["Đặng Thùy Trâm", "1968", "Tuy Phong"]]
    path = legacy_workbook(tmp_path / "cu.xlsx", HEADERS[:3], rows, dict.fromkeys(range(3), ".VnTime"),
                           header_font=".VnTime")
    asked = _cancelled_from_inside(xlsx_reader.Sheet, "column_fonts", monkeypatch)
    wizard = _wizard(qtbot, context)
    wizard.load(path)
    _back_on_the_file_choice(qtbot, wizard, "cu.xlsx")
    assert asked == [None]
    monkeypatch.undo()
    loaded(qtbot, wizard, path)
    assert "— 6 ô sẽ được chuyển sang Unicode" in wizard.conversion.text()


def test_the_reading_shows_a_dialog_with_cancel_once_it_takes_more_than_a_moment(qtbot, context, tmp_path,
                                                                                 monkeypatch):
    """The reading of a large file, as the other long tasks: its dialog names the file and has «Hủy»."""
    wizard = _wizard(qtbot, context)
    wizard.load(workbook(tmp_path / "lon.xlsx", HEADERS, GOOD))
    dialog = wizard.reading.dialog
    assert dialog.windowTitle() == "Đang đọc tệp «lon.xlsx»…" and dialog.cancellable
    assert dialog.minimumDuration() == 300
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)


def test_an_old_tcvn3_file_with_its_headers_typed_in_tcvn3_too_counts_its_rows_as_the_import_does(qtbot, context,
                                                                                                   tmp_path):
    """The headers «Hä vµ tªn» are «Họ và tên» once converted: the preview counts the rows of the
    sheet the import reads, converted once, and the import tells the cells that conversion changed."""
    rows = [["Nguyễn Thị Hường", "1975", "Hàm Thuận Bắc"], ["Đặng Thùy Trâm", "1968", "Tuy Phong"]]
    path = legacy_workbook(tmp_path / "cu.xlsx", HEADERS[:3], rows, dict.fromkeys(range(3), ".VnTime"),
                           header_font=".VnTime")
    wizard = loaded(qtbot, _wizard(qtbot, context), path)
    assert "Tệp có 2 dòng dữ liệu; xem trước 2 dòng đầu." in wizard.columns.text()
    headers = [wizard.preview.horizontalHeaderItem(i).text() for i in range(wizard.preview.columnCount())]
    assert headers == ["√ Họ và tên", "√ Ngày sinh", "√ Quê quán"]
    assert "— 6 ô sẽ được chuyển sang Unicode" in wizard.conversion.text()
    _checked(qtbot, wizard)
    assert wizard.message.text().endswith("Bấm «Nhập» sẽ nhập 2 dòng: 2 mới, 0 cập nhật, 0 không đổi.")
    assert wizard.details.toPlainText() == "Ô chuyển từ mã cũ (TCVN3/VNI): 6"
    _imported(qtbot, wizard)
    assert wizard.details.toPlainText() == "Ô chuyển từ mã cũ (TCVN3/VNI): 6"
    assert browse.record_ids(context.db, "cadres", "dang thuy tram") != []


def test_a_check_then_the_import_each_tell_the_old_text_converted_as_the_file_was_read(qtbot, context, tmp_path):
    """The sheet is converted once, when read: the check and the import after it each tell the cells
    that conversion changed, and the rows shown after either are the converted ones."""
    old = [[to_tcvn3("Nguyễn Thị Hường"), "1975", to_tcvn3("Hàm Thuận Bắc"), None, None]]
    wizard = _checked(qtbot, loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "cu.xlsx", HEADERS, old)))
    assert wizard.details.toPlainText() == "Ô chuyển từ mã cũ (TCVN3/VNI): 2"
    assert wizard.sheet.row(2)[0] == "Nguyễn Thị Hường"
    _imported(qtbot, wizard)
    assert wizard.details.toPlainText() == "Ô chuyển từ mã cũ (TCVN3/VNI): 2"
    assert browse.record_ids(context.db, "cadres", "nguyen thi huong") != []


@pytest.mark.parametrize("kind", ["cadres", "slips"])
def test_before_a_file_is_chosen_the_wizard_lists_the_columns_and_saves_the_template(qtbot, context, tmp_path, kind):
    wizard = _wizard(qtbot, context, kind)
    headers = [spec.header for spec in kind_named(kind).fields]
    required = [spec.header for spec in kind_named(kind).fields if spec.required]
    listed = wizard.columns.text()
    assert all(f"{header} *" in listed for header in required)
    assert all(header in listed for header in headers)
    context.dialogs.answer_next(str(tmp_path / "mau"))
    wizard.template_button.click()
    saved = tmp_path / "mau.xlsx"
    assert context.dialogs.shown[-1].suggested == file_name("mẫu nhập", kind_named(kind).title, suffix="xlsx")
    assert next(openpyxl.load_workbook(saved).worksheets[0].iter_rows(max_row=1, values_only=True)) == tuple(headers)
    assert wizard.message.text() == f"Đã lưu tệp mẫu vào {saved}."


def test_by_keyboard_the_wizard_opens_on_choosing_the_file_and_enter_chooses_it(qtbot, context, tmp_path):
    """Keyboard tour: the wizard opened on the file's box, which is only read: Enter there did nothing."""
    wizard = _wizard(qtbot, context)
    active(qtbot, wizard)
    assert QApplication.focusWidget().text() == "Chọn tệp…"
    context.dialogs.answer_next(str(workbook(tmp_path / "moi.xlsx", HEADERS, GOOD)))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert wizard.path.text().endswith("moi.xlsx") and wizard.import_button.isEnabled()


def test_by_keyboard_a_file_read_leaves_the_focus_on_checking_it_and_enter_checks_it(qtbot, context, tmp_path):
    """Keyboard tour: the file read, the focus stayed on «Chọn tệp…» and the next Enter asked for a file again."""
    wizard = _wizard(qtbot, context)
    active(qtbot, wizard)
    context.dialogs.answer_next(str(workbook(tmp_path / "moi.xlsx", HEADERS, GOOD)))
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert QApplication.focusWidget() is wizard.check_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.done, timeout=10_000)
    assert wizard.result is not None and browse.record_ids(context.db, "cadres", "chau van luc") == []


def _checked_by_keyboard(qtbot, wizard: ImportWizard) -> None:
    wizard.check_button.setFocus()
    QTest.keyClick(wizard.check_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.done, timeout=10_000)


def test_by_keyboard_a_check_passed_leaves_the_focus_on_nhap_not_on_closing(qtbot, context, tmp_path):
    """Keyboard tour: the buttons turned off while the check ran sent the focus on to «Đóng»; the message
    said «Bấm «Nhập»…» and the officer's Enter closed the wizard instead."""
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "moi.xlsx", HEADERS, GOOD))
    active(qtbot, wizard)
    _checked_by_keyboard(qtbot, wizard)
    assert QApplication.focusWidget() is wizard.import_button
    QTest.keyClick(wizard.import_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.task.done, timeout=10_000)
    assert wizard.message.text().startswith("Đã nhập 2 dòng") and wizard.isVisible()


def test_by_keyboard_a_check_that_found_errors_leaves_the_focus_on_checking_again(qtbot, context, tmp_path):
    wizard = loaded(qtbot, _wizard(qtbot, context), workbook(tmp_path / "sai.xlsx", HEADERS, BAD))
    active(qtbot, wizard)
    _checked_by_keyboard(qtbot, wizard)
    assert not wizard.import_button.isEnabled() and QApplication.focusWidget() is wizard.check_button
