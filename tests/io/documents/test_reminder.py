"""The reminder letter (công văn đôn đốc): about one slip it names the slip, the person and their
particulars in the text, in the singular, with no list attached; about several it refers to the list
attached, which follows. The PDF, the Word file and the workbook say the same, the whole letter; one
issued before keeps its words."""

import dataclasses
import datetime as dt

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Length

from bvct_desktop.io.documents import fonts, reminder, render
from bvct_desktop.io.documents.fonts import REGULAR

from . import pdfcheck, test_lists
from .conftest import SLIP

ON = dt.date(2025, 4, 20)
SECOND = {**SLIP, "id": 2, "number": "14/PXM", "issued_on": dt.date(2025, 1, 9), "full_name": "Trần Thị Hoa"}


def source(office: dict[str, str], *slips: dict) -> reminder.ReminderSource:
    return reminder.ReminderSource("Phòng PV27 – Công an tỉnh Bình Thuận", ON, (30,),
                                   [{**slip, "days_late": 75} for slip in slips], office, None)


def written(tmp_path, made: reminder.ReminderSource, options: render.Options) -> tuple[str, str, str]:
    """The PDF's text, the Word file's (its paragraphs, then its tables' cells) and the workbook's (its
    sheets' cells, row by row), each in one line."""
    pdf, word, book = tmp_path / "cv.pdf", tmp_path / "cv.docx", tmp_path / "cv.xlsx"
    pdf.write_bytes(render.reminder_pdf(made, options))
    render.reminder_docx_file(word, made, options)
    render.reminder_xlsx(book, made, options)
    document = docx.Document(str(word))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    sheets = [str(value) for sheet in openpyxl.load_workbook(book).worksheets
              for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
    return (" ".join(pdfcheck.lines(pdf)),
            " ".join(" ".join([p.text for p in document.paragraphs if p.text] + cells).split()),
            " ".join(sheets))


@pdfcheck.needs_poppler
def test_every_form_holds_the_whole_letter_in_its_order(tmp_path, office, options):
    for text in written(tmp_path, source(office, SECOND, SLIP), options):
        text, position = " ".join(text.split()), 0
        assert "V/v đôn đốc trả lời phiếu yêu cầu xác minh lai lịch" in text and "Nơi nhận:" in text
        for part in ("Kính gửi: Phòng PV27 – Công an tỉnh Bình Thuận", "Từ ngày 09/01/2025",
                     "Để kịp thời phục vụ công tác cán bộ", "Trân trọng./.",
                     "DANH SÁCH PHIẾU YÊU CẦU XÁC MINH LAI LỊCH QUÁ HẠN", "Tổng số: 2 phiếu."):
            assert part in text[position:], (part, text)
            position = text.index(part, position) + len(part)


@pdfcheck.needs_poppler
def test_a_letter_about_one_slip_names_it_in_the_singular_with_no_list(tmp_path, office, options):
    for text in written(tmp_path, source(office, SLIP), options):
        text = " ".join(text.split())
        assert ("Ngày 05/01/2025, Ban Tổ chức Tỉnh ủy đã gửi quý cơ quan phiếu yêu cầu xác minh lai lịch số 12/PXM "
                "đối với Phạm Văn Bình (sinh năm 1950, quê quán xã Hàm Tiến, tỉnh Bình Thuận) để phục vụ") in text
        assert "sớm tra cứu và trả lời kết quả phiếu nêu trên" in text and "các phiếu" not in text
        assert "DANH SÁCH" not in text and "kèm theo" not in text.lower() and "Tổng số" not in text


@pdfcheck.needs_poppler
def test_a_letter_about_several_slips_refers_to_the_list_that_follows(tmp_path, office, options):
    for text in written(tmp_path, source(office, SECOND, SLIP), options):
        assert "quý cơ quan 2 phiếu yêu cầu xác minh lai lịch (danh sách kèm theo)" in text
        assert "trả lời kết quả các phiếu nêu trên" in text
        pdfcheck.assert_in_order(text.split("Trân trọng")[1:], "DANH SÁCH PHIẾU YÊU CẦU XÁC MINH LAI LỊCH QUÁ HẠN")
        assert "12/PXM" in text.split("Trân trọng")[1] and "Tổng số: 2 phiếu." in text


@pytest.mark.parametrize("born, said", [("1950-03-07", "sinh ngày 07/03/1950"), ("1950-03", "sinh tháng 03/1950")])
def test_the_birth_date_is_said_as_precisely_as_it_is_known(office, options, born, said):
    made = source(office, {**SLIP, "birth_date": born, "home_town": None})
    first = reminder.texts(made, options.profile).paragraphs[0]
    assert f"đối với Phạm Văn Bình ({said}) để phục vụ" in first


def test_the_letter_names_a_merged_office_as_hd_36_writes_it_and_one_issued_before_as_issued(office, options):
    """«… KIÊM CƠ QUAN ỦY BAN KIỂM TRA …»: «cơ quan ủy» is not «Quận ủy»; a letter of wording 2 keeps
    the name it was signed with."""
    merged = {**office, "co_quan": "BAN TỔ CHỨC TỈNH ỦY KIÊM CƠ QUAN ỦY BAN KIỂM TRA ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"}
    made = dataclasses.replace(source(merged, SLIP), number=3)
    today = reminder.texts(made, options.profile).paragraphs[0]
    before = reminder.texts(dataclasses.replace(made, wording=2), options.profile).paragraphs[0]
    assert "Ban Tổ chức Tỉnh ủy kiêm cơ quan Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh đã gửi" in today
    assert "Ban Tổ chức Tỉnh ủy kiêm cơ Quan ủy ban kiểm tra Đảng ủy các cơ quan đảng tỉnh đã gửi" in before


def test_a_letter_about_one_slip_issued_before_is_written_again_as_issued(office, options):
    """Issued before 04/12/2026 (its stored content names no wording), the letter about one slip said
    «các phiếu nêu trên» and had the list attached: signed so, it is written again so."""
    content = render.freeze_reminder(dataclasses.replace(source(office, SLIP), number=3), options)
    assert render.thawed(content)[0].wording == reminder.WORDING
    issued_before, _ = render.thawed({key: value for key, value in content.items() if key != "wording"})
    words = reminder.texts(issued_before, options.profile)
    assert "trả lời kết quả các phiếu nêu trên" in words.paragraphs[1]
    assert "số 12/PXM đối với Phạm Văn Bình để phục vụ" in words.paragraphs[0]
    assert issued_before.listed and not render.thawed(content)[0].listed


def test_a_letter_about_slips_issued_under_different_limits_says_both(office, options):
    """The office lengthened the limit from 30 to 60 days between two slips: each stays due by its own."""
    made = dataclasses.replace(source(office, SECOND, SLIP), days=(30, 60))
    assert ("đã quá thời hạn trả lời (30 hoặc 60 ngày kể từ ngày gửi phiếu, theo thời hạn khi gửi) nhưng"
            in reminder.texts(made, options.profile).paragraphs[0])


def test_a_letter_issued_when_one_limit_was_kept_is_written_again_with_it(office, options):
    content = render.freeze_reminder(dataclasses.replace(source(office, SLIP), number=3), options)
    assert render.thawed(content)[0].days == (30,) == render.thawed({**content, "days": 30})[0].days
    assert "(30 ngày kể từ ngày gửi phiếu) nhưng" in reminder.texts(render.thawed({**content, "days": 30})[0],
                                                                     options.profile).paragraphs[0]


VERY_LONG = "Tôn Nữ Thị Phương Thảo Nguyên Khánh Huyền Trang"
HOME_TOWN = "xã Tam Thanh, huyện Phú Quí, tỉnh Bình Thuận"


def overdue(office: dict[str, str]) -> reminder.ReminderSource:
    """21 slips to one unit, «Trần Văn Thử Nghiệm Số 38» and a name of ten words among them."""
    slips = [{**SLIP, "number": "1234", "full_name": VERY_LONG, "home_town": f"{HOME_TOWN} (nay là tỉnh Lâm Đồng)"}]
    slips += [{**SLIP, "number": f"{2000 + n}/PXM", "full_name": f"Trần Văn Thử Nghiệm Số {n}", "home_town": HOME_TOWN}
              for n in range(0, 40, 2)]
    return dataclasses.replace(source(office, *slips), number=1)


@pdfcheck.needs_poppler
def test_the_list_keeps_a_name_on_one_line_and_word_the_same_widths(tmp_path, office, options):
    made = overdue(office)
    pdf, word = tmp_path / "cv.pdf", tmp_path / "cv.docx"
    pdf.write_bytes(render.reminder_pdf(made, options))
    render.reminder_docx_file(word, made, options)
    found = pdfcheck.words(pdf)
    for slip in made.slips[1:]:
        assert len({round(box.top) for box in pdfcheck.run(found, slip["full_name"])}) == 1, slip["full_name"]
    name, home_town = pdfcheck.phrase(found, "Trần Văn Thử Nghiệm Số 0"), pdfcheck.phrase(found, HOME_TOWN)
    very_long = [box for box in found if name.x0 - 1 < box.x0 < home_town.x0 and box.text in VERY_LONG.split()]
    assert len(very_long) == 9 and len({round(box.top) for box in very_long}) == 2
    listed = docx.Document(str(word)).tables[-1]
    margins = listed._tbl.tblPr.find(qn("w:tblCellMar"))
    sides = sum(Length(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) * 635).pt for side in ("left", "right"))
    in_pdf = home_town.x0 - name.x0  # the name's and the birth date's columns
    assert listed.columns[3].width.pt + listed.columns[4].width.pt == pytest.approx(in_pdf, abs=0.5)
    fonts.register()
    assert fonts.width("Trần Văn Thử Nghiệm Số 38", REGULAR, options.profile.size("table")) < \
        listed.columns[3].width.pt - sides


@pdfcheck.needs_poppler
def test_the_list_title_is_broken_evenly_in_the_pdf_and_in_word(tmp_path, office, options):
    # broken where the line was full, «TRẢ LỜI» stood alone under it
    halves = ["DANH SÁCH PHIẾU YÊU CẦU XÁC MINH", "LAI LỊCH QUÁ HẠN CHƯA TRẢ LỜI"]
    pdf, word = tmp_path / "cv.pdf", tmp_path / "cv.docx"
    pdf.write_bytes(render.reminder_pdf(source(office, SECOND, SLIP), options))
    render.reminder_docx_file(word, source(office, SECOND, SLIP), options)
    lines = pdfcheck.lines(pdf)
    assert lines[lines.index(halves[0]) + 1] == halves[1]
    assert "\n".join(halves) in [paragraph.text for paragraph in docx.Document(str(word)).paragraphs]


def test_the_list_in_the_workbook_prints_at_10_pt_or_more_within_the_page(tmp_path, office, options):
    """At 12 pt × the sheet's scale: the list printed at 72 % (8.6 pt) before it had widths of its own."""
    target = tmp_path / "cv.xlsx"
    render.reminder_xlsx(target, source(office, SLIP, SECOND), options)
    test_lists.assert_prints_legibly(openpyxl.load_workbook(target)["Danh sách"], wide=False, signed=False)
