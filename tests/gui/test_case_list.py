"""The vetting cases' register hands the Standing Committee its list: «In» previews the cases shown (or the rows
selected) as the list printed under the letterhead, «Xuất Excel» writes it to a workbook, audited; the register
only refuses to import, and says so."""

import subprocess

import openpyxl
import pytest

from bvct_desktop.core import case_register, editing
from bvct_desktop.core.personfile import cases
from bvct_desktop.gui.dialogs import YES
from bvct_desktop.gui.printing import PrintPreview
from bvct_desktop.gui.registers.page import RegisterPage
from tests.conftest import PASSWORD
from tests.core.personfile.conftest import last_audit
from tests.gui import register_support as support
from tests.io.documents import pdfcheck

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures


@pytest.fixture
def page(qtbot, context):
    """The register with the sample's three cases and Nguyễn Văn Hùng's, opened for the elections."""
    hung = editing.cadres_named(context.db, "Nguyễn Văn Hùng")[0].person_id
    cases.open_case(context.db, hung, {"purpose": "Bầu cử", "opened_on": "05/01/2026"})
    shown = RegisterPage(context, cases.KIND)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.model.complete and shown.model.rowCount() == 3)
    return shown


def test_the_register_offers_its_list_in_print_and_excel_and_refuses_only_import(page):
    for key in ("export", "print"):
        assert not page.buttons[key].isHidden() and page.buttons[key].isEnabled()
    assert page.unavailable("export_excel") is None and page.unavailable("print_list") is None
    said = page.unavailable("import_excel")
    assert said.startswith("Hồ sơ thẩm tra được mở từ phiếu xác minh") and "không nhập từ Excel" in said
    assert "xuất Excel hay in" not in said


@pdfcheck.needs_poppler
def test_the_rows_selected_are_printed_as_the_list_saying_they_are_a_selection(qtbot, page, tmp_path):
    page.table.selectRow(0)
    page.table.selectionModel().select(page.model.index(2, 0), page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    chosen = page.selected_ids()
    assert len(chosen) == 2
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert isinstance(page.preview, PrintPreview)
    assert page.preview.windowTitle().endswith(case_register.TITLE.capitalize())
    target = tmp_path / "in.pdf"
    target.write_bytes(page.preview.data)
    page.preview.close()
    text = " ".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout.split())
    assert "DANH SÁCH HỒ SƠ THẨM TRA, XÁC MINH TIÊU CHUẨN CHÍNH TRỊ" in text
    assert "Gồm 2 dòng được chọn trong 3 dòng đang hiện" in text and "Tổng số: 2 hồ sơ." in text


def test_the_cases_shown_are_exported_with_their_slips_answers_and_the_export_audited(qtbot, page, tmp_path):
    target = tmp_path / "ho-so-tham-tra.xlsx"
    page.context.dialogs.answer_next(YES, PASSWORD, str(target))
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    assert page.message.text() == f"Đã xuất 3 bản ghi ra {target}."
    cells = [cell.value for row in openpyxl.load_workbook(target).active.iter_rows() for cell in row]
    assert case_register.TITLE in cells and "Giám đốc, Sở Nội vụ" in cells
    assert "Cục A93B (Cha): Không có tàng thư 20/02/2025; Phòng PV27: chưa trả lời" in cells
    entry = last_audit(page.context.db)
    assert (entry["action"], entry["kind"], entry["details"]["tep"], entry["details"]["so_ho_so"]) == (
        "xuất", cases.KIND, str(target.resolve()), 3)


def test_the_list_printed_is_audited_with_the_mark_its_pages_carry_after_the_setting_changed(qtbot, page, clock,
                                                                                             tmp_path):
    """Made on 15/06/2025, unmarked; saved the next day, after «MẬT» took effect from it: the trail says what the
    pages carry."""
    import datetime as dt

    from bvct_desktop.core import settings

    settings.set_setting(page.context.db, "do_mat", "MẬT", dt.date(2025, 6, 16))
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    printed = tmp_path / "in.pdf"
    printed.write_bytes(page.preview.data)
    assert "MẬT" not in pdfcheck.text(printed)
    clock.now += dt.timedelta(days=1)
    page.context.dialogs.answer_next(PASSWORD, str(tmp_path / "ho-so"))
    assert page.preview.save_document()
    page.preview.close()
    entry = last_audit(page.context.db)
    assert (entry["action"], entry["details"]["do_mat"]) == ("xuất", "")
