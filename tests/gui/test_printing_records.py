"""Printing from the desktop: the selected slips one per page, a delegation's member list from the
delegation, a cadre's summary (family and slips) from the cadre's file — each in the preview."""

import pypdfium2 as pdfium

from bvct_desktop.core import browse
from bvct_desktop.gui import printing
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.qt import QItemSelectionModel
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.io.documents import profile
from bvct_desktop.io.documents.layout import date_text
from tests.gui import register_support as support

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures


def page_text(preview: printing.PrintPreview, number: int = 1) -> str:
    return pdfium.PdfDocument(preview.data)[number - 1].get_textpage().get_text_range()


def select_rows(page: RegisterPage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    for row in rows:
        selection.select(page.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_the_selected_slips_print_one_per_page(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    button = page.buttons["print_record"]
    assert button.text() == "In phiếu" and not button.isEnabled()
    select_rows(page, [0, 2])
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    preview = page.preview
    assert isinstance(preview, printing.PrintPreview) and preview.pages == 2
    numbers = [browse.fetch_rows(context.db, "slips", [page.model.record_id(row)]) for row in (0, 2)]
    assert "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH" in page_text(preview, 1)
    assert all(any(str(value) in page_text(preview, n + 1) for value in next(iter(row.values()))[:1])
               for n, row in enumerate(numbers))
    preview.close()


def test_a_delegation_prints_its_member_list_from_its_form(qtbot, context):
    page = RegisterPage(context, "delegations")
    qtbot.addWidget(page)
    form = open_form(context, "delegations", page.model.record_id(0), page)
    qtbot.addWidget(form)
    assert form.print_button.text() == "In danh sách đoàn…"
    form.print_record()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    text = page_text(form.preview)
    assert "DANH SÁCH TRÍCH NGANG" in text and "Bùi Thị Hương" in text and "Danh sách có" in text
    form.preview.close()



def test_a_delegation_without_a_decision_is_dated_the_day_it_is_printed(qtbot, context, clock):
    planned = browse.record_ids(context.db, "delegations", "chuyển đổi số")
    form = open_form(context, "delegations", planned[0], None)
    qtbot.addWidget(form)
    form.print_record()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    assert date_text("Lâm Đồng", clock().date(), profile.load()) in page_text(form.preview)
    form.preview.close()

def test_a_cadres_summary_prints_from_the_cadres_file_with_the_family(qtbot, context):
    page = RegisterPage(context, "cadres")
    qtbot.addWidget(page)
    hung = next(page.model.record_id(row) for row in range(page.model.rowCount())
                if "Nguyễn Văn Hùng" in str(page.model.index(row, 0).data()))
    form = open_form(context, "cadres", hung, page)
    qtbot.addWidget(form)
    form.print_button.click()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    text = " ".join(" ".join(page_text(form.preview, n + 1) for n in range(form.preview.pages)).split())
    for expected in ("TRÍCH NGANG CÁN BỘ", "NGUYỄN VĂN HÙNG", "III. QUAN HỆ GIA ĐÌNH", "Nguyễn Văn Tư", "Lê Thị Hoa",
                     "Danh sách thân nhân", "Phú Thủy, Phan Thiết (nay: Phường Phú Thủy, Lâm Đồng)"):
        assert expected in text
    form.preview.close()


def test_unsaved_changes_are_saved_before_printing(qtbot, context):
    form = open_form(context, "cadres", RegisterPage(context, "cadres").model.record_id(0), None)
    qtbot.addWidget(form)
    support.fill(form, {"position": "Chức vụ mới chưa lưu"})
    form.print_record()
    assert "Lưu thay đổi trước khi in" in form.message.text()
