"""The periodic report in its three formats: the same figures, in Vietnamese, laid out as HD 36."""

import datetime as dt
import re

import docx
import openpyxl
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from bvct_desktop.core.documents_data import Issue
from bvct_desktop.core.kinds import SLIP_PURPOSES, SLIPS
from bvct_desktop.io.documents import pdf, render, report_content
from bvct_desktop.io.xlsx_writer import HEADER_FILL

from . import pdfcheck

ISSUED = Issue(12, dt.date(2025, 7, 3))


def test_period_names():
    name = report_content.period_name
    assert name(dt.date(2025, 1, 1), dt.date(2025, 6, 30)) == "6 tháng đầu năm 2025"
    assert name(dt.date(2025, 1, 1), dt.date(2025, 9, 30)) == "9 tháng đầu năm 2025"
    assert name(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == "năm 2025"
    assert name(dt.date(2025, 3, 1), dt.date(2025, 5, 31)) == "từ ngày 01/03/2025 đến ngày 31/05/2025"


def test_the_narrative_carries_the_counted_figures(figures, options):
    content = render.report_content(figures, options)
    text = " ".join(p.text for section in content.sections for p in section.paragraphs)
    assert "Phát hành 1.250 phiếu yêu cầu xác minh lai lịch đối với 480 đối tượng" in text
    assert "đã nhận kết quả 1.100 phiếu, còn 150 phiếu chưa có kết quả" in text
    assert "cử 27 lượt cán bộ đi công tác, học tập ở nước ngoài trong 6 đoàn ra" in text
    assert "gồm: Tham quan 1 đoàn, Công tác 3 đoàn, Học tập kinh nghiệm 2 đoàn" in text
    assert "Nghiên cứu tàng thư giúp tỉnh bạn 12 trường hợp; đề nghị tỉnh bạn nghiên cứu tàng thư 5" in text
    assert "Tiếp nhận 15 đơn thư (Tố cáo 5 đơn, Khiếu nại 4 đơn, Phản ánh 4 đơn, Kiến nghị 2 đơn)" in text
    assert content.subject == "kết quả công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2025"


def test_the_appendices_add_up_to_the_figures_and_keep_every_declared_row(figures, options):
    appendices = render.report_content(figures, options).appendices
    assert [appendix.title.split(".")[0] for appendix in appendices] == [f"Phụ lục {i}" for i in range(1, 6)]
    totals = {appendix.title: appendix.records[-1]["count"] for appendix in appendices}
    assert list(totals.values()) == [1250, 1250, 6, 17, 15]
    for appendix in appendices:
        assert [column.label for column in appendix.columns][0] == "STT"
        assert sum(row["count"] for row in appendix.records[:-1]) == appendix.records[-1]["count"]
    by_purpose = [row["name"] for row in appendices[1].records[:-1]]
    assert by_purpose == list(SLIP_PURPOSES)  # "Bầu cử" stays, with 0, in a period without one
    assert appendices[1].records[0]["count"] == 0
    assert appendices[0].columns[1].label == SLIPS.field("recipient").header


@pdfcheck.needs_poppler
def test_the_pdf_has_the_blocks_in_order_and_numbers_pages_from_2(tmp_path, office, figures, options):
    target = tmp_path / "bao-cao.pdf"
    pdf.save(render.report_pdf(office, figures, ISSUED, options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_POINTS
    pdfcheck.assert_bundled_fonts_only(target)
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(
        lines, "TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "Số 12-BC/BTCTU Lâm Đồng, ngày 03 tháng 7 năm 2025", "BÁO CÁO",
        "kết quả công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2025", "I. TÌNH HÌNH CHUNG",
        "II. KẾT QUẢ THỰC HIỆN", "Phát hành 1.250 phiếu", "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG",
        "Nơi nhận: K/T TRƯỞNG BAN", "Nguyễn Văn Hòa", "Phụ lục 1.", "(Kèm theo Báo cáo số 12-BC/BTCTU ngày 03/07/2025)",
        "Tổng cộng", "Phụ lục 5.")
    pages = int(pdfcheck.info(target)["Pages"])
    assert pages >= 2
    assert not pdfcheck.lines(target, first=1, last=1)[0].isdigit()
    for page in range(2, pages + 1):
        assert pdfcheck.lines(target, first=page, last=page)[0] == str(page)


@pdfcheck.needs_poppler
def test_a_draft_pdf_has_a_blank_number(tmp_path, office, figures, options):
    target = tmp_path / "du-thao.pdf"
    pdf.save(render.report_pdf(office, figures, Issue(), options), target)
    number_line = next(line for line in pdfcheck.lines(target) if line.startswith("Số"))
    assert number_line.startswith("Số -BC/BTCTU Lâm Đồng, ngày tháng năm")


def test_the_workbook_holds_the_figures_and_appendices_with_the_export_look(tmp_path, office, figures, options):
    target = tmp_path / "bao-cao.xlsx"
    render.report_xlsx(target, office, figures, ISSUED, options)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Số liệu", *(f"Phụ lục {i}" for i in range(1, 6))]
    sheet = book["Số liệu"]
    assert sheet["A1"].value.startswith("BÁO CÁO KẾT QUẢ CÔNG TÁC BẢO VỆ CHÍNH TRỊ NỘI BỘ")
    assert sheet["A3"].value == "Số 12-BC/BTCTU"
    header = [cell.value for cell in sheet[6]]
    assert header == ["STT", "Chỉ tiêu", "Số lượng"] and sheet["B6"].font.b
    assert sheet["B6"].fill.fgColor.rgb.endswith(HEADER_FILL.fgColor.rgb[-6:])
    values = {row[1]: row[2] for row in sheet.iter_rows(min_row=7, values_only=True)}
    for key, label in report_content.FACTS:
        assert values[label] == figures[key]
    assert sheet.freeze_panes == "A7" and sheet.print_title_rows == "$6:$6"
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.fitToWidth == 1
    assert sheet.oddFooter.center.text == "Trang &P / &N" and sheet.auto_filter.ref == "A6:C15"
    appendix = book["Phụ lục 1"]
    rows = list(appendix.iter_rows(values_only=True))
    total = next(row for row in rows if row[1] == "Tổng cộng")
    assert total[-1] == 1250 and appendix.page_setup.orientation == "portrait"


def test_the_word_document_holds_the_same_figures_in_times_new_roman(tmp_path, office, figures, options):
    target = tmp_path / "bao-cao.docx"
    render.report_docx_file(target, office, figures, ISSUED, options)
    document = docx.Document(target)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Phát hành 1.250 phiếu yêu cầu xác minh lai lịch đối với 480 đối tượng" in text
    assert "cử 27 lượt cán bộ" in text
    head = document.tables[0]
    assert head.cell(0, 0).text.split("\n") == ["TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "*"]
    assert head.cell(0, 1).text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert head.cell(1, 0).text == "Số 12-BC/BTCTU"
    assert head.cell(1, 1).text == "Lâm Đồng, ngày 03 tháng 7 năm 2025"
    assert head.cell(1, 1).paragraphs[0].runs[0].italic
    signature = document.tables[1]
    assert signature.cell(0, 0).paragraphs[0].runs[0].underline
    assert signature.cell(0, 0).text.startswith("Nơi nhận:")
    assert "K/T TRƯỞNG BAN" in signature.cell(0, 1).text and "Nguyễn Văn Hòa" in signature.cell(0, 1).text
    assert document.styles["Normal"].font.name == "Times New Roman"
    font_table = document.part.part_related_by(RT.FONT_TABLE).blob.decode("utf-8")
    assert re.search(r'<w:font w:name="Times New Roman">\s*<w:altName w:val="Liberation Serif"/>', font_table)
    appendix = document.tables[2]
    assert appendix.rows[-1].cells[-1].text == "1.250"
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
