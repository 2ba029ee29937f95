"""Printing from the desktop: the selected slips one per page, a delegation's member list from the
delegation, a cadre's summary (family and slips) from the cadre's file — each in the preview."""

import datetime as dt
import json
import threading

import pypdfium2 as pdfium

from bvct_desktop.core import audit, browse, editing, settings
from bvct_desktop.gui import printing, undecided, unsigned, workers
from bvct_desktop.gui.dialogs import YES
from bvct_desktop.gui.forms import open_form
from bvct_desktop.gui.forms.window import deleted_when_closed
from bvct_desktop.gui.qt import QApplication, QEvent, QItemSelectionModel
from bvct_desktop.gui.registers.page import RegisterPage
from bvct_desktop.io.documents import profile, render
from bvct_desktop.io.documents.layout import date_text
from bvct_desktop.io.xlsx_reader import read_first_sheet
from tests.conftest import PASSWORD
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


def test_a_register_prints_under_the_period_filters_and_search_in_force(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.start.setText("01/01/2025")
    page.start.editingFinished.emit()
    page.recipient.setCurrentIndex(page.recipient.findText("Cục A93B – Bộ Công an"))
    page.status.setCurrentIndex(page.status.findData("Chờ kết quả"))
    page.search.setText("pham binh")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1, timeout=10_000)
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    text = " ".join(page_text(page.preview).split())
    assert ("SỔ THEO DÕI PHIẾU YÊU CẦU XÁC MINH LAI LỊCH Từ ngày 01/01/2025 Trạng thái: Chờ kết quả; "
            "Nơi nhận: Cục A93B – Bộ Công an; Tìm: «pham binh»") in text and "1/PXM" in text
    page.preview.close()


def test_a_register_prints_the_columns_shown_in_their_order_on_screen(qtbot, context, monkeypatch):
    """«In» prints the list as it is shown: a column the officer hid is left out, one moved is printed
    where it is; the person's birth date and home town, hidden until asked for, are printed all the same beside the
    name (lists.printed_keys), the other hidden ones («Mục đích», «Đã mất», «Nhận kết quả») are not."""
    drawn, listing_pdf = [], render.listing_pdf
    monkeypatch.setattr(render, "listing_pdf",
                        lambda *args, **given: drawn.append(args[3]) or listing_pdf(*args, **given))
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show()
    keys = [column.key for column in page.spec.columns]
    header = page.table.horizontalHeader()
    page.columns.show_column(keys.index("relation"), False)
    header.moveSection(header.visualIndex(keys.index("result")), 0)
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    shown = ["result", "number", "issued_on", "full_name", "birth_date", "home_town", "vetted_name", "recipient",
             "reply_due"]
    assert [column.label for column in drawn[0]] == ["STT", *(page.spec.column(key).header for key in shown)]
    text = " ".join(page_text(page.preview).split())
    assert all(page.spec.column(key).header not in text for key in ("purpose", "relation", "deceased", "result_on"))
    assert text.index("Kết quả") < text.index("Số phiếu") < text.index("Nơi nhận")
    page.preview.close()


def _slips_showing_one_dead(qtbot, context) -> RegisterPage:
    """The slips page, «Đã mất» and «Năm mất» hidden as they are until asked for, showing the slips found for
    «Phạm Văn Bình» (the father of three candidates), the first of them now saying he died about 1970."""
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show()
    assert not {"deceased", "death_date"} & set(page.columns.shown())
    binh, *others = browse.record_ids(context.db, "slips", "pham van binh")
    record = editing.load(context.db, "slips", binh)
    editing.save(context.db, "slips", {**record, "deceased": "Có", "death_date": "khoảng 1970"}, record_id=binh)
    page.search.setText("pham van binh")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1 + len(others), timeout=10_000)
    return page


def test_a_printed_slip_register_says_a_dead_person_died_beside_the_name_though_the_screen_hides_it(qtbot, context):
    """«Đã mất» and «Năm mất» are hidden until asked for: the name printed says it all the same, as the period's
    register does («(đã mất năm 1970)», lists.said_dead), read from the record, not from the columns shown."""
    page = _slips_showing_one_dead(qtbot, context)
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    text = " ".join(page_text(page.preview).split())
    assert "Phạm Văn Bình (đã mất khoảng năm 1970)" in text and text.count("đã mất") == 1
    page.preview.close()


def test_a_slip_register_exported_from_its_page_says_a_dead_person_died_in_its_own_columns_though_hidden(
        qtbot, context, tmp_path):
    """«Xuất Excel» writes the import layout whatever the screen shows: «Đã mất» and «Năm mất» say who died, and the
    name stays as typed, so the workbook imports back unchanged (as `bvct export slips`)."""
    page = _slips_showing_one_dead(qtbot, context)
    target = tmp_path / "phieu.xlsx"
    context.dialogs.answer_next(YES, PASSWORD, str(target))  # how many, then the password asked again
    page.export_excel()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã xuất"), timeout=10_000)
    header, *rows = read_first_sheet(target).rows
    exported = [dict(zip(header, row, strict=True)) for row in rows]
    assert len(exported) == page.model.rowCount()
    assert [(row["Họ và tên người được xác minh"], row["Năm mất"]) for row in exported if row["Đã mất"] == "Có"] == [
        ("Phạm Văn Bình", "khoảng 1970")]


def test_a_printed_register_keeps_a_persons_name_on_one_line_beside_a_long_result(qtbot, context):
    """The name says whom a row is about: it is not broken over lines to give a long «Kết quả» more room."""
    editing.save(context.db, "archive-requests", {
        "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Đồng Nai", "doc_no": "12345/CV-BTC",
        "doc_on": "01/05/2026", "full_name": "Võ Văn Kiệt", "birth_date": "1922", "answered_on": "10/05/2026",
        "result": "Đối tượng có quan hệ với tổ chức phản động lưu vong; " * 30})
    page = RegisterPage(context, "archive-requests")
    qtbot.addWidget(page)
    page.show()
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    lines = [" ".join(line.split()) for number in range(page.preview.pages)
             for line in page_text(page.preview, number + 1).splitlines()]
    assert all(any(name in line for line in lines) for name in ("Võ Văn Kiệt", "Huỳnh Văn Tám", "Ngô Thị Mai"))
    page.preview.close()


def test_a_dashboard_figures_filter_and_a_columns_values_are_said_too(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    page.show_filtered(browse.Filters(end=dt.date(2025, 6, 30), done_by=dt.date(2025, 6, 30), overdue=True))
    page.keep_values("recipient", ("Cục A93B – Bộ Công an", None))
    assert page.in_force() == ["Đến ngày 30/06/2025", "Quá hạn trả lời; Có kết quả đến 30/06/2025; "
                                                      "Nơi nhận phiếu: Cục A93B – Bộ Công an, (Trống)"]


def test_a_register_with_no_filter_prints_no_subtitle(qtbot, context):
    page = RegisterPage(context, "complaints")
    qtbot.addWidget(page)
    page.print_list()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    text = " ".join(page_text(page.preview).split())
    assert "SỔ THEO DÕI ĐƠN THƯ" in text and "Từ ngày" not in text and "Tìm:" not in text
    page.preview.close()


def test_the_selected_slips_print_one_per_page(qtbot, context):
    page = RegisterPage(context, "slips")
    qtbot.addWidget(page)
    button = page.buttons["print_record"]
    assert button.text() == "In phiếu" and not button.isEnabled()
    select_rows(page, [0, 2])
    assert button.isEnabled()
    context.dialogs.answer_next(YES)  # «Vẫn in phiếu?»: the sample slips' cases record no decision
    button.click()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    assert context.dialogs.shown[0].title == undecided.TITLE
    preview = page.preview
    assert isinstance(preview, printing.PrintPreview) and preview.pages == 2
    numbers = [browse.fetch_rows(context.db, "slips", [page.model.record_id(row)]) for row in (0, 2)]
    assert "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH" in page_text(preview, 1)
    assert all(any(str(value) in page_text(preview, n + 1) for value in next(iter(row.values()))[:1])
               for n, row in enumerate(numbers))
    preview.close()


def preview_of_selected(qtbot, context, kind: str, rows: list[int]) -> printing.PrintPreview:
    page = RegisterPage(context, kind)
    qtbot.addWidget(page)
    select_rows(page, rows)
    page.buttons["print_record"].click()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    return page.preview


def first_lines(preview: printing.PrintPreview, marker: str) -> list[str]:
    """Of each page starting a document (its title `marker` on it), the line after the title."""
    texts = [page_text(preview, n + 1).splitlines() for n in range(preview.pages)]
    return [lines[lines.index(marker) + 1].strip() for lines in texts if marker in lines]


def test_each_selected_delegation_prints_its_member_list_from_a_page_of_its_own(qtbot, context):
    settings.set_setting(context.db, "nguoi_ky", "Nguyễn Văn Hòa")
    preview = preview_of_selected(qtbot, context, "delegations", [0, 1])
    assert sorted(first_lines(preview, "DANH SÁCH TRÍCH NGANG")) == [
        "cán bộ, đảng viên đi Hàn Quốc, Singapore", "cán bộ, đảng viên đi Nhật Bản"]
    preview.close()


def test_each_selected_cadre_prints_a_summary_from_a_page_of_its_own(qtbot, context):
    preview = preview_of_selected(qtbot, context, "cadres", [0, 1, 2])
    assert len(set(first_lines(preview, "TRÍCH NGANG CÁN BỘ"))) == 3
    preview.close()


def test_a_delegation_prints_its_member_list_from_its_form(qtbot, context):
    page = RegisterPage(context, "delegations")
    qtbot.addWidget(page)
    form = open_form(context, "delegations", page.model.record_id(0), page)
    qtbot.addWidget(form)
    assert form.print_button.text() == "In danh sách đoàn…"
    context.dialogs.answer_next(YES)  # «Vẫn in danh sách không có họ tên người ký?»: no «Người ký» is set
    form.print_record()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    text = page_text(form.preview)
    assert "DANH SÁCH TRÍCH NGANG" in text and "Bùi Thị Hương" in text and "Danh sách có" in text
    assert context.dialogs.shown[-1].title == unsigned.TITLE
    form.preview.close()



def test_a_delegation_without_a_decision_is_dated_the_day_it_is_printed(qtbot, context, clock):
    settings.set_setting(context.db, "nguoi_ky", "Nguyễn Văn Hòa")
    planned = browse.record_ids(context.db, "delegations", "chuyển đổi số")
    form = open_form(context, "delegations", planned[0], None)
    qtbot.addWidget(form)
    form.print_record()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    assert date_text("Lâm Đồng", clock().date(), profile.load()) in page_text(form.preview)
    form.preview.close()

def test_an_archive_request_prints_our_answer_letter_from_its_form(qtbot, context):
    """The công văn the officer signs: our answer to the province's letter, addressed to its Ban Tổ chức, naming the
    person asked about and what the archives hold on them."""
    page = RegisterPage(context, "archive-requests")
    qtbot.addWidget(page)
    answered = browse.record_ids(context.db, "archive-requests", "huynh tam")
    form = open_form(context, "archive-requests", answered[0], page)
    qtbot.addWidget(form)
    assert form.print_button.text() == "In công văn…"
    form.print_record()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    text = " ".join(page_text(form.preview).split())
    for expected in ("V/v trả lời kết quả nghiên cứu tàng thư", "Kính gửi: Ban Tổ chức Tỉnh ủy Đồng Nai",
                     "Công văn số 45-CV/BTCTU ngày 03/02/2025", "1. Huỳnh Văn Tám, sinh năm 1948",
                     "Không có tài liệu."):
        assert expected in text
    form.preview.close()


def test_archive_requests_of_one_letter_chosen_together_print_as_one_letter(qtbot, context):
    """A province asking about two persons in one letter is answered in one letter naming both."""
    for name in ("Lê Văn Một", "Trần Thị Hai"):
        editing.save(context.db, "archive-requests", {
            "request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Bình Định", "doc_no": "88-CV/BTCTU",
            "doc_on": "02/11/2026", "full_name": name, "birth_date": "1940"})
    page = RegisterPage(context, "archive-requests")
    qtbot.addWidget(page)
    page.search.setText("88-cv")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2, timeout=10_000)
    select_rows(page, [0, 1])
    page.print_selected()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20_000)
    text = " ".join(page_text(page.preview).split())
    assert page.preview.pages == 1 and "đối với 2 trường hợp sau" in text
    assert "Lê Văn Một" in text and "Trần Thị Hai" in text
    page.preview.close()


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
    for expected in ("TRÍCH NGANG CÁN BỘ", "NGUYỄN VĂN HÙNG", "VI. QUAN HỆ GIA ĐÌNH", "Nguyễn Văn Tư", "Lê Thị Hoa",
                     "Danh sách thân nhân", "Phú Thủy, Phan Thiết (nay: phường Phú Thủy, Lâm Đồng)"):
        assert expected in text
    form.preview.close()


def test_unsaved_changes_are_saved_before_printing(qtbot, context):
    form = open_form(context, "cadres", RegisterPage(context, "cadres").model.record_id(0), None)
    qtbot.addWidget(form)
    support.fill(form, {"position": "Chức vụ mới chưa lưu"})
    form.print_record()
    assert "Lưu thay đổi trước khi in" in form.message.text()


def test_a_cadres_form_2c_prints_beside_the_summary_and_its_print_is_audited(qtbot, context, tmp_path):
    """«In lý lịch 2C…» sits beside «In trích ngang…»: the cadre's curriculum vitae from the file, in the
    preview; saving it writes an audit entry naming the document and the cadre."""
    form = open_form(context, "cadres", RegisterPage(context, "cadres").model.record_id(0), None)
    qtbot.addWidget(form)
    row = form.button_row
    assert form.vitae_button.text() == "In lý lịch 2C…"
    assert row.indexOf(form.vitae_button) == row.indexOf(form.print_button) + 1
    form.vitae_button.click()
    qtbot.waitUntil(lambda: form.preview is not None, timeout=20_000)
    text = " ".join(" ".join(page_text(form.preview, n + 1) for n in range(form.preview.pages)).split())
    assert "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC" in text and "32) Nhận xét, đánh giá" in text
    context.dialogs.answer_next(PASSWORD, str(tmp_path / "ly-lich"))
    assert form.preview.save_document()
    [entry] = [entry for entry in audit.list_entries(context.db) if entry.action == "xuất"]
    details = json.loads(entry.details)
    assert entry.kind == "cadres" and details["tai_lieu"] == "Sơ yếu lý lịch cán bộ, công chức"
    assert details["so_ban_ghi"] == 1
    form.preview.close()


def test_a_form_closed_before_its_print_is_ready_cancels_it_and_the_task_is_forgotten(qtbot, context, monkeypatch):
    """The officer closed the form in the first 0.3 s, before the progress window appeared: the task went
    with the deleted form and never told it ended, registered as running for good. It outlives the form,
    cancelled, and is forgotten once its worker stops; no preview opens for a form that is gone."""
    closed, load = threading.Event(), profile.load
    monkeypatch.setattr(profile, "load", lambda: closed.wait(10) and load())  # the job held until the form is gone
    form = deleted_when_closed(open_form(context, "cadres", RegisterPage(context, "cadres").model.record_id(0), None))
    deleted = []
    form.destroyed.connect(lambda: deleted.append(True))
    form.print_record()
    task = form.print_job
    form.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert deleted == [True]
    closed.set()
    qtbot.waitUntil(lambda: task not in workers._RUNNING, timeout=10_000)
    assert task.done and task.cancel_requested
    assert not [widget for widget in QApplication.topLevelWidgets()
                if isinstance(widget, printing.PrintPreview) and widget.isVisible()]
