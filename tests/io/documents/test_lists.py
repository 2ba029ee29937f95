"""The slip register and a delegation's member list: on paper (a register of 1,712 slips in at
most 83 landscape pages at 10 pt or more, numbers never broken, signed as its workbook) and as
workbooks that print legibly on A4 (10 pt or more, borders, wrapped text, the header row on every
page, letterhead and signature)."""

import datetime as dt
import itertools
from dataclasses import replace

import openpyxl
import pypdfium2 as pdfium
import pytest
from openpyxl.cell.cell import MergedCell

from bvct_desktop.core import settings
from bvct_desktop.core.kinds import ARCHIVE_REQUESTS, CADRES, COMPLAINTS, SLIPS
from bvct_desktop.io.documents import layout, lists, pdf, render, tables, workbook
from tests import office_2016

from . import pdfcheck
from .conftest import TRIP

PRINTED = dt.date(2026, 3, 1)
SLIP_REGISTER = lists.SLIP_REGISTER
START, END = office_2016.FIRST, office_2016.LAST
SIGNATURE_AT_THE_BOTTOM = range(18, 32)  # registers of as many slips end at the first page's foot
LIBREOFFICE_UNIT_POINTS = 5.55  # a unit of Excel's column width as LibreOffice 7.4 prints it (Excel: 5.25)


@pytest.fixture(scope="module")
def slips_2016() -> list[dict]:
    return [{"id": index, **slip} for index, slip in enumerate(office_2016.slip_records())]


@pytest.fixture
def history(office) -> settings.History:
    return settings.History([(key, None, value) for key, value in office.items()])


@pdfcheck.needs_poppler
def test_the_register_of_1712_slips_fits_84_landscape_pages_at_10_pt(tmp_path, history, options, slips_2016):
    """With «Quan hệ», «Thẩm tra cho» and «Quê quán» a slip's line is wider than the page at 10 pt: each slip takes
    two lines, three for the longest home towns of before 2025 («thị trấn Phú Long, huyện Hàm Thuận Bắc, tỉnh Bình
    Thuận»: 32 slips of 1,712), never more (71 pages before «Quê quán» was printed; 83 while «Trả lời» headed the
    reply's day in one line where «Ngày nhận kết quả» takes two)."""
    assert len(slips_2016) == 1712
    target = tmp_path / "so.pdf"
    pdf.save(render.register_pdf(SLIP_REGISTER, history, slips_2016, START, END, PRINTED, options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    assert pdfcheck.page_count(target) <= 84  # under a top margin that holds the page number
    sizes = pdfcheck.font_sizes(target)
    assert min(sizes) >= 10 and sum(count for size, count in sizes.items() if size == 10) > 0.9 * sum(sizes.values())
    found = pdfcheck.words(target)
    numbers = [word for word in found if word.text.endswith("/PXM")]
    assert len(numbers) == 1712  # every number whole, on one line of its own cell
    numbers.sort(key=lambda word: (word.page, word.top))
    rows = [below.top - above.top for above, below in itertools.pairwise(numbers) if above.page == below.page]
    assert max(rows) < 4 * 10 * 1.1 and sum(row > 3 * 10 * 1.1 for row in rows) < 0.02 * len(rows)
    text = pdfcheck.text(target)
    assert all(slip["full_name"].split()[-1] in text for slip in slips_2016[:50])  # names as written


def test_a_register_tells_each_page_done_and_stops_when_told_to(history, options, slips_2016):
    pages = []
    data = render.register_pdf(SLIP_REGISTER, history, slips_2016, START, END, PRINTED,
                               replace(options, on_page=pages.append))
    laying_out = pages.index(1)  # told while its columns are fitted, before the first page
    assert laying_out > 5 and set(pages[:laying_out]) == {0}
    assert pages[laying_out:] == list(range(1, len(pdfium.PdfDocument(data)) + 1)) and len(pages) > 20

    class Stop(Exception):
        pass

    def stop_at_the_third(done: int) -> None:
        if done == 3:
            raise Stop

    def stop_at_once(done: int) -> None:  # Cancel while the table is laid out (100,000 rows: 5 s before page 1)
        raise Stop

    for stop in (stop_at_the_third, stop_at_once):
        with pytest.raises(Stop):
            render.register_pdf(SLIP_REGISTER, history, slips_2016, START, END, PRINTED, replace(options, on_page=stop))


@pdfcheck.needs_poppler
def test_a_four_digit_number_keeps_inside_its_column(tmp_path, history, options, slips_2016):
    """"1042/PXM" and the date beside it no longer run into each other."""
    target = tmp_path / "so.pdf"
    chosen = [slip for slip in slips_2016 if len(slip["number"]) >= 8][:40]
    pdf.save(render.register_pdf(SLIP_REGISTER, history, chosen, START, END, PRINTED, options), target)
    found = pdfcheck.words(target)
    numbers = [word for word in found if word.text.endswith("/PXM")]
    assert numbers
    for number in numbers:
        beside = min((word for word in found if word.page == number.page and abs(word.top - number.top) < 1
                      and word.x0 > number.x0), key=lambda word: word.x0)
        assert beside.x0 - number.x1 > 3  # a gap and a grid line between the number and the date


@pdfcheck.needs_poppler
def test_the_register_is_signed_as_its_workbook_by_the_signer_of_the_day_printed(tmp_path, office, options,
                                                                                  slips_2016):
    """Printed with `bvct print slip-register` or from the slips' register page, it ends as its
    workbook does: the authority, the signer's title and name in force on the day printed."""
    history = settings.History([*((key, None, value) for key, value in office.items()),
                                ("nguoi_ky", dt.date(2026, 1, 1), "Trần Thị Phương Thảo")])
    chosen = slips_2016[:60]
    workbook_path, printed, shown = tmp_path / "so.xlsx", tmp_path / "so.pdf", tmp_path / "danh-sach.pdf"
    render.register_xlsx(SLIP_REGISTER, workbook_path, history, chosen, START, END, PRINTED, options)
    values = [cell.value for row in sheet_of(workbook_path).iter_rows() for cell in row if cell.value]
    counted = lists.register_count(SLIP_REGISTER, chosen, END)
    assert counted.startswith("Tổng số: 60 phiếu; đến ngày ")
    signature = values[values.index(counted) + 1:]
    assert signature == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Thị Phương Thảo"]
    pdf.save(render.register_pdf(SLIP_REGISTER, history, chosen, START, END, PRINTED, options), printed)
    pdf.save(render.listing_pdf(history, SLIP_REGISTER.title, [], lists.REGISTER_COLUMNS, chosen, PRINTED, options),
             shown)
    assert pdfcheck.lines(printed)[-4:] == [counted, *signature]
    assert pdfcheck.lines(shown)[-4:] == ["Tổng số: 60 bản ghi.", *signature]


@pdfcheck.needs_poppler
def test_the_slip_register_is_headed_alike_on_paper_and_in_its_workbook_in_the_briefs_words(tmp_path, history,
                                                                                           options, slips_2016):
    """The brief's register tracks each slip by «ngày gửi» and «ngày nhận kết quả» (§2.1): so say its PDF and its
    workbook alike, one table declaring both."""
    chosen = slips_2016[:20]
    workbook_path, printed = tmp_path / "so.xlsx", tmp_path / "so.pdf"
    render.register_xlsx(SLIP_REGISTER, workbook_path, history, chosen, START, END, PRINTED, options)
    sheet = sheet_of(workbook_path)
    header_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")
    headers = [cell.value for cell in sheet[header_row]]
    assert headers == [column.label for column in SLIP_REGISTER.columns]
    assert (headers[2], headers[-2]) == ("Ngày gửi", "Ngày nhận kết quả")
    pdf.save(render.register_pdf(SLIP_REGISTER, history, chosen, START, END, PRINTED, options), printed)
    first_row = min(word.top for word in pdfcheck.words(printed) if word.text == chosen[0]["number"])
    heading = [word.text for word in pdfcheck.words(printed) if word.page == 1 and word.top < first_row]
    assert all(word in heading for label in headers for word in label.split())
    assert "Trả" not in heading and "phát" not in heading


@pytest.mark.parametrize("register", lists.REGISTERS, ids=lambda register: register.kind.name)
def test_every_register_heads_its_reply_day_and_its_kind_as_their_fields_declare_them(register):
    """One declaration per field heads every table: a register's reply day is headed as its field says («Ngày nhận
    kết quả», «Ngày trả lời»), never a word of its own («Trả lời»), and so is every column but the person's name."""
    headed = {column.key: column.label for column in register.columns if column.field is not None}
    assert headed[register.replied] == register.kind.field(register.replied).header
    if register is lists.ARCHIVE_REGISTER:
        assert {key: label for key, label in headed.items() if key != "full_name"} == {
            key: register.kind.field(key).header for key in headed if key != "full_name"}


@pdfcheck.needs_poppler
def test_the_archive_register_is_headed_alike_on_paper_and_in_its_workbook_by_its_fields(tmp_path, history, options):
    """The tàng thư register says «Loại yêu cầu» and «Ngày trả lời» as its form and its screen do, in its PDF and its
    workbook alike."""
    request = {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Bình Định", "doc_no": "115-CV/BTCTU",
               "doc_on": dt.date(2016, 3, 17), "full_name": "Lê Văn Một", "birth_date": "1940",
               "home_town": "xã Hàm Tiến, thị xã Phan Thiết, tỉnh Bình Tuy", "answered_on": dt.date(2016, 3, 27),
               "reply_no": "230-CV/BTĐ", "result": "Không có tài liệu"}
    workbook_path, printed = tmp_path / "tang-thu.xlsx", tmp_path / "tang-thu.pdf"
    render.register_xlsx(lists.ARCHIVE_REGISTER, workbook_path, history, [request], START, END, PRINTED, options)
    sheet = sheet_of(workbook_path)
    header_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")
    assert [cell.value for cell in sheet[header_row]] == [
        "STT", "Loại yêu cầu", "Tỉnh/thành", "Số văn bản", "Ngày văn bản", "Họ và tên", "Ngày sinh", "Quê quán",
        "Chức vụ trước 1975", "Ngày trả lời", "Số văn bản trả lời", "Kết quả"]
    pdf.save(render.register_pdf(lists.ARCHIVE_REGISTER, history, [request], START, END, PRINTED, options), printed)
    found = pdfcheck.words(printed)
    heading = [word.text for word in found if word.top < pdfcheck.phrase(found, "Lê").top]
    assert heading.count("Ngày") == 3 and heading.count("Loại") == 1 and heading.count("yêu") == 1  # văn bản, trả lời
    assert pdfcheck.page_count(printed) == 1


@pdfcheck.needs_poppler
def test_the_signature_never_stands_alone_on_the_registers_last_page(tmp_path, history, options, slips_2016):
    """Wherever the table ends, its last rows and its count go with the signature, never split from it."""
    target = tmp_path / "so.pdf"
    for count in range(SIGNATURE_AT_THE_BOTTOM.start, SIGNATURE_AT_THE_BOTTOM.stop):
        chosen = slips_2016[:count]
        pdf.save(render.register_pdf(SLIP_REGISTER, history, chosen, START, END, PRINTED, options), target)
        last = pdfcheck.page_count(target)
        assert any(word.page == last and word.text == chosen[-1]["number"] for word in pdfcheck.words(target))
        pdfcheck.assert_in_order(pdfcheck.lines(target, first=last), lists.register_count(SLIP_REGISTER, chosen, END),
                                 "K/T TRƯỞNG BAN",
                                 "PHÓ TRƯỞNG BAN", "Nguyễn Văn Hòa")


@pytest.mark.parametrize("count", [30, 60, 120])
def test_the_register_workbook_breaks_its_pages_with_the_last_rows_and_count_beside_the_signature(
        tmp_path, history, options, slips_2016, count):
    """As on the PDF: the table's last two rows, its count and the signature on one page, the header
    row with the first row under it; Excel and LibreOffice would break by the rows alone."""
    target = tmp_path / "so.xlsx"
    render.register_xlsx(SLIP_REGISTER, target, history, slips_2016[:count], START, END, PRINTED, options)
    assert_keeps_the_signature_with_the_last_rows(sheet_of(target),
                                                  lists.register_count(SLIP_REGISTER, slips_2016[:count], END))


def test_the_delegation_list_workbook_keeps_its_signature_with_its_last_members(tmp_path, history, options):
    members = [{"full_name": f"Nguyễn Văn Thành viên {n}", "birth_date": "1975-02-02", "position": "Chuyên viên",
                "unit": "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Lâm Đồng", "role": "Thành viên"}
               for n in range(14)]
    target = tmp_path / "doan.xlsx"
    render.delegation_xlsx(target, history, {**TRIP, "members": members}, PRINTED, options)
    assert_keeps_the_signature_with_the_last_rows(sheet_of(target), None)


def assert_keeps_the_signature_with_the_last_rows(sheet, count_line: str | None) -> None:
    """The sheet breaks its own pages (it runs over one), never between the table's last two rows,
    its count and the signature, nor between the header row and the first row."""
    header_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")
    last_row = max(row[0].row for row in sheet.iter_rows(min_row=header_row) if row[0].border.left.style == "thin")
    breaks = {brk.id for brk in sheet.row_breaks.brk}
    assert breaks
    assert not breaks & {header_row, *range(last_row - 1, sheet.max_row + 1)}
    if count_line:
        assert sheet.cell(last_row + 1, 1).value == count_line


def sheet_of(path):
    return openpyxl.load_workbook(path).active


def assert_prints_legibly(sheet, wide: bool, signed: bool = True) -> None:
    """A4, landscape when wide, at a scale where 12 pt text stays 10 pt or more, the columns
    within the paper's width at that scale, page numbers where printers print, header row
    repeated, borders and wrapping."""
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9 and setup.orientation == ("landscape" if wide else "portrait")
    assert not sheet.sheet_properties.pageSetUpPr.fitToPage
    scale = int(setup.scale)
    columns = [sheet.column_dimensions[letter].width for letter in
               (openpyxl.utils.get_column_letter(i) for i in range(1, sheet.max_column + 1))]
    printed = sum(workbook.column_points(width) for width in columns) * scale / 100
    assert printed <= workbook.printable_width(wide) + 1
    drawn = sum(columns) * LIBREOFFICE_UNIT_POINTS * scale / 100  # no column on a page of its own in LibreOffice
    assert drawn <= workbook.printable_width(wide) + 1
    header_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    body = [row for row in sheet.iter_rows(min_row=header_row) if row[0].value is not None
            and row[0].border.left.style == "thin"]
    sizes = {cell.font.sz for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert min(sizes) * scale / 100 >= 10  # every line: letterhead, table, notes, "Nơi nhận", signature
    margins = sheet.page_margins  # the page number and DỰ THẢO 10 mm or more from the edge, clear of the table
    assert min(margins.header, margins.footer) >= 10 / 25.4
    assert min(margins.top - margins.header, margins.bottom - margins.footer) >= 12 / 72
    assert all(cell.alignment.wrap_text and cell.border.top.style == "thin" for row in body for cell in row
               if not isinstance(cell, MergedCell))  # a cell merged into the one on its left has that one's
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in values and ("K/T TRƯỞNG BAN" in values) == signed


def test_the_register_workbook_prints_legibly_on_a4_landscape(tmp_path, history, options, slips_2016):
    target = tmp_path / "so.xlsx"
    render.register_xlsx(SLIP_REGISTER, target, history, slips_2016[:300], START, END, PRINTED, options)
    sheet = sheet_of(target)
    assert_prints_legibly(sheet, wide=True)
    assert sheet.max_column == len(lists.REGISTER_COLUMNS) == 12
    title = next(cell for row in sheet.iter_rows() for cell in row if cell.value == SLIP_REGISTER.title)
    assert any(title.coordinate in merged and merged.max_col == 12 for merged in sheet.merged_cells.ranges)


def test_the_delegation_list_workbook_prints_legibly_on_a4(tmp_path, history, options):
    trip = {"decision_no": "125-QĐ/TU", "decision_on": dt.date(2016, 3, 10), "name": "Đoàn công tác Sở Nội vụ",
            "countries": "Nhật Bản", "purpose": "Công tác", "depart_on": dt.date(2016, 4, 1),
            "return_on": dt.date(2016, 4, 8),
            "members": [{"full_name": "Bùi Thị Hương", "birth_date": "1975-02-02", "position": "Giám đốc",
                         "unit": "Sở Ngoại vụ", "role": "Trưởng đoàn"}]}
    target = tmp_path / "doan.xlsx"
    render.delegation_xlsx(target, history, trip, PRINTED, options)
    sheet = sheet_of(target)
    assert_prints_legibly(sheet, wide=False)
    values = [cell.value for row in sheet.iter_rows() for cell in row if cell.value]
    assert "Lâm Đồng, ngày 10 tháng 3 năm 2016" in values  # dated as the decision


@pdfcheck.needs_poppler
def test_a_delegation_list_without_a_decision_is_dated_and_headed_the_day_it_is_printed(tmp_path, office, options):
    """A trip planned ahead is proposed now: not dated on a departure day still to come, under settings
    that may only hold then."""
    moved = settings.History([*((key, None, value) for key, value in office.items()),
                              ("dia_danh", dt.date(2027, 1, 1), "Nơi Mới")])
    trip = {"decision_no": None, "decision_on": None, "name": "Đoàn tham quan Hàn Quốc", "countries": "Hàn Quốc",
            "purpose": "Tham quan", "depart_on": dt.date(2027, 1, 10), "return_on": dt.date(2027, 1, 20),
            "members": [{"full_name": "Lê Văn Hòa", "birth_date": "1968", "position": "Giám đốc",
                         "unit": "Sở Ngoại vụ", "role": "Thành viên"}]}
    printed = tmp_path / "doan.pdf"
    pdf.save(render.delegation_pdf(moved, [trip], PRINTED, options), printed)
    assert "Lâm Đồng, ngày 01 tháng 3 năm 2026" in pdfcheck.lines(printed)
    target = tmp_path / "doan.xlsx"
    render.delegation_xlsx(target, moved, trip, PRINTED, options)
    assert "Lâm Đồng, ngày 01 tháng 3 năm 2026" in [cell.value for row in sheet_of(target).iter_rows() for cell in row]


def test_the_delegation_list_workbook_heads_as_its_pdf(tmp_path, history, options):
    """The document's kind in capitals, then its subject in ordinary bold letters (HD 36), then what
    the list is attached to in italics."""
    trip = {**TRIP, "countries": "Cộng hòa Dân chủ Nhân dân Lào"}
    target = tmp_path / "doan.xlsx"
    render.delegation_xlsx(target, history, trip, PRINTED, options)
    cells = [row[0] for row in sheet_of(target).iter_rows() if row[0].value]
    at = next(index for index, cell in enumerate(cells) if cell.value == "DANH SÁCH TRÍCH NGANG")
    title, subject, attached = cells[at:at + 3]
    assert subject.value == "cán bộ, đảng viên đi Cộng hòa Dân chủ Nhân dân Lào"
    assert subject.font.b and not subject.font.i and title.font.b and title.font.sz > subject.font.sz
    assert attached.value == "(Kèm theo Quyết định số 125-QĐ/TU ngày 02/03/2026)" and attached.font.i


def test_a_period_reads_as_the_cli_prints_it_and_an_open_bound_is_left_out():
    start, end = dt.date(2026, 9, 1), dt.date(2026, 12, 31)
    assert lists.period_text(start, end) == "Từ ngày 01/09/2026 đến ngày 31/12/2026"
    assert lists.period_text(start, None) == "Từ ngày 01/09/2026"
    assert lists.period_text(None, end) == "Đến ngày 31/12/2026"
    assert lists.period_text(None, None) == ""


@pdfcheck.needs_poppler
def test_a_summary_typed_in_lines_prints_in_its_lines_in_a_row_as_tall_as_they_are(tmp_path, history, options):
    summary = "Phản ánh việc hòa giải\nchưa xong\n\nĐề nghị xem xét\nKèm 3 bản photo"
    columns = [tables.counter(), tables.of(COMPLAINTS.field("sender"), 1.5),
               tables.of(COMPLAINTS.field("summary"), 4.0)]
    records = [{"sender": "Nguyễn Văn Dũng", "summary": summary}, {"sender": "Nặc danh", "summary": "Tố cáo"}]
    printed = tmp_path / "don-thu.pdf"
    pdf.save(render.listing_pdf(history, "DANH SÁCH ĐƠN THƯ", [], columns, records, PRINTED, options), printed)
    pdfcheck.assert_in_order(pdfcheck.lines(printed), "1 Nguyễn Văn Dũng Phản ánh việc hòa giải", "chưa xong",
                             "Đề nghị xem xét", "Kèm 3 bản photo", "2 Nặc danh Tố cáo")
    found = pdfcheck.words(printed)
    first, last, below = (pdfcheck.run(found, words)[0] for words in ("Phản ánh", "Kèm 3", "Nặc danh"))
    line = (below.top - last.top) / 1.0
    assert last.top - first.top == pytest.approx(4 * line, rel=0.15)  # five lines, the blank one too


@pdfcheck.needs_poppler
def test_a_row_taller_than_a_page_goes_on_over_the_next_pages_every_line_printed(tmp_path, history, options):
    summary = "\n".join(f"dòng {number}" for number in range(1, 301))
    columns = [tables.counter(), tables.of(COMPLAINTS.field("sender"), 1.5),
               tables.of(COMPLAINTS.field("summary"), 4.0)]
    records = [{"sender": "Nguyễn Văn Dũng", "summary": summary}, {"sender": "Nặc danh", "summary": "Tố cáo"}]
    printed = tmp_path / "don-thu.pdf"
    pdf.save(render.listing_pdf(history, "DANH SÁCH ĐƠN THƯ", [], columns, records, PRINTED, options), printed)
    found = pdfcheck.words(printed)
    assert pdfcheck.run(found, "Dũng")[0].page == 1  # begun under the title, no page left blank
    pages = {number: pdfcheck.run(found, f"dòng {number}")[0].page for number in range(1, 301)}
    assert max(pages.values()) > 2 and sorted(pages.values()) == list(pages.values())
    height = float(pdfcheck.info(printed)["Page size"].split()[2])
    assert all(0 < word.bottom < height for word in found)
    assert pdfcheck.run(found, "Tố cáo")[0].page == pages[300]


@pdfcheck.needs_poppler
def test_a_summary_of_one_word_wider_than_the_page_is_cut_in_its_column_and_printed_whole(tmp_path, history,
                                                                                         options):
    columns = [tables.counter(), tables.of(COMPLAINTS.field("sender"), 1.5),
               tables.of(COMPLAINTS.field("summary"), 4.0)]
    records = [{"sender": "Nguyễn Văn Dũng", "summary": "X" * 3000}]
    printed = tmp_path / "don-thu.pdf"
    pdf.save(render.listing_pdf(history, "DANH SÁCH ĐƠN THƯ", [], columns, records, PRINTED, options), printed)
    found = pdfcheck.words(printed)
    width = float(pdfcheck.info(printed)["Page size"].split()[0])
    assert all(word.x1 < width for word in found)
    assert sum(word.text.count("X") for word in found) == 3000
    assert [word.text for word in found if word.text in ("Nguyễn", "Văn", "Dũng")][:3] == ["Nguyễn", "Văn", "Dũng"]


def _summary_then_last(history, options, target, lines: int) -> None:
    """A listing whose row before the last is a summary of `lines` lines, over pages, saved at `target`."""
    summary = "\n".join(f"dòng {number}" for number in range(1, lines + 1))
    columns = [tables.counter(), tables.of(COMPLAINTS.field("sender"), 1.5),
               tables.of(COMPLAINTS.field("summary"), 4.0)]
    records = [{"sender": "Nguyễn Văn Dũng", "summary": summary}, {"sender": "Nặc danh", "summary": "Tố cáo"}]
    pdf.save(render.listing_pdf(history, "DANH SÁCH ĐƠN THƯ", [], columns, records, PRINTED, options), target)


@pdfcheck.needs_poppler
@pytest.mark.parametrize("lines", [3000, *range(100, 160, 2)])  # its end at every height of a page
def test_the_signature_never_stands_alone_after_a_row_taller_than_a_page(tmp_path, history, options, lines):
    """The row before the last went on over the pages and filled the last of them: the last row, the count and
    the signature went alone to one more page (a page of the signature alone). Whatever the page its end falls
    on, its last lines keep the last row, the count and the signature on their page."""
    target = tmp_path / "don-thu.pdf"
    _summary_then_last(history, options, target, lines)
    last = pdfcheck.page_count(target)
    pdfcheck.assert_in_order(pdfcheck.lines(target, first=last), f"dòng {lines}", "2 Nặc danh Tố cáo",
                             "Tổng số: 2 bản ghi.", "Nguyễn Văn Hòa")


def _candidates_register(count: int) -> list[dict]:
    """`count` slips about the families of 30 party-admission candidates: long names, units and relations."""
    relations = ("Bản thân", "Cha", "Mẹ", "Anh/chị/em", "Cha vợ", "Mẹ chồng", "Con")
    slips = []
    for index in range(count):
        candidate = f"Nguyễn Hoàng Thị Phương Thảo Số {index % 30 + 1}"
        relation = relations[index % len(relations)]
        slips.append({"id": index, "number": f"{1000 + index}/PXM", "issued_on": dt.date(2016, 3, 1 + index % 28),
                      "full_name": candidate if relation == "Bản thân" else f"Trần Văn Lưu Ly {index + 1}",
                      "birth_date": "1948-03-12", "relation": relation,
                      "vetted_name": None if relation == "Bản thân" else candidate, "purpose": "Kết nạp Đảng",
                      "recipient": "Phòng An ninh chính trị nội bộ (PA03) – Công an tỉnh Bình Thuận",
                      "result_on": dt.date(2016, 4, 2), "result": "Không có vấn đề gì về chính trị"})
    return slips


@pdfcheck.needs_poppler
def test_the_printed_register_tells_each_slips_relation_and_whom_it_vets(tmp_path, history, options):
    """With 30 candidates' relatives on one register the officer tells the lines apart by «Quan hệ» and «Thẩm tra
    cho»: each relation printed whole on one line, each candidate's name in their relative's row."""
    chosen = _candidates_register(200)
    target = tmp_path / "so.pdf"
    pdf.save(render.register_pdf(SLIP_REGISTER, history, chosen, START, END, PRINTED, options), target)
    text = pdfcheck.text(target)
    assert "Quan hệ" in text and "Thẩm tra cho" in text
    found = pdfcheck.words(target)
    for relation in ("Anh/chị/em", "Cha vợ", "Mẹ chồng"):
        wanted = relation.split()
        whole = [run for run in zip(*(found[start:] for start in range(len(wanted))), strict=False)
                 if [word.text for word in run] == wanted and len({word.top for word in run}) == 1]
        assert len(whole) == sum(slip["relation"] == relation for slip in chosen)
    numbers = [word for word in found if word.text.endswith("/PXM")]
    assert len(numbers) == 200
    for number, slip in zip(numbers, chosen, strict=True):
        below = [n.top for n in numbers if n.page == number.page and n.top > number.top]
        band = {word.text for word in found if word.page == number.page
                and number.top - 1 <= word.top < (min(below) if below else number.top + 60)}
        assert set((slip["vetted_name"] or "").split()) <= band, slip["number"]



LONG_POST = "Phó Giám đốc Sở Nông nghiệp và Môi trường, kiêm Chánh Văn phòng Điều phối nông thôn mới tỉnh"
LONG_UNIT = "Ban Quản lý các khu công nghiệp và khu kinh tế cửa khẩu tỉnh"
SHORT_POSTS = [{"full_name": "Tôn Nữ Hoàng Bảo Ngọc", "birth_date": "1985", "unit": "Sở Xây dựng",
                "position": "Trưởng phòng Quy hoạch và Phát triển hạ tầng", "role": "Thành viên"},
               {"full_name": "Trần Văn Hùng", "birth_date": "1970", "position": "Chuyên viên", "unit": "Sở Ngoại vụ",
                "role": "Thành viên"}]


def _head(unit: str) -> dict:
    return {"full_name": "Nguyễn Thị Phương Thảo", "birth_date": "1978-05-02", "position": LONG_POST, "unit": unit,
            "role": "Trưởng đoàn"}


def _printed_members(tmp_path, history, options, members: list[dict]) -> tuple[list[pdfcheck.Word], dict]:
    """The words of a member list as printed, and how many of its characters each size has."""
    target = tmp_path / "doan.pdf"
    pdf.save(render.delegation_pdf(history, [{**TRIP, "members": members}], PRINTED, options), target)
    return pdfcheck.words(target), pdfcheck.font_sizes(target)


@pdfcheck.needs_poppler
def test_a_member_list_with_a_long_post_sets_its_table_one_size_smaller_each_post_in_four_lines_each_name_whole(
        tmp_path, history, options):
    """A 74-letter post took 5 lines at 12 pt beside the names kept whole: the table is set at 11 pt, every post and
    unit on 4 lines at most, names still whole; heading, trip and signature keep their sizes."""
    members = [_head("Sở Nông nghiệp và Môi trường"), *SHORT_POSTS]
    found, sizes = _printed_members(tmp_path, history, options, members)
    for member in members:
        assert pdfcheck.cell_lines(found, member["full_name"]) == [member["full_name"]]
        for key in lists.LONG_VALUES:
            assert len(pdfcheck.cell_lines(found, member[key])) <= lists.MOST_LINES, member[key]
    _, ordinary = _printed_members(tmp_path, history, options, TRIP["members"])
    table = options.profile.size("table")
    assert table - 1 in sizes and table not in sizes
    assert set(sizes) - {table - 1} == set(ordinary) - {table}


@pdfcheck.needs_poppler
def test_a_long_post_beside_a_long_unit_takes_a_line_less_at_11_pt_never_smaller(tmp_path, history, options):
    """With «Ban Quản lý các khu công nghiệp và khu kinh tế cửa khẩu tỉnh» beside it the post takes 6 lines at 12 pt
    and 5 at 11 (both on 4 need 209 pt, the names whole leave them 194): the table stops at the slip's least size."""
    found, sizes = _printed_members(tmp_path, history, options, [_head(LONG_UNIT), *SHORT_POSTS])
    assert min(sizes) == layout.SMALLEST
    assert len(pdfcheck.cell_lines(found, LONG_POST)) == lists.MOST_LINES + 1
    assert pdfcheck.cell_lines(found, "Nguyễn Thị Phương Thảo") == ["Nguyễn Thị Phương Thảo"]


@pdfcheck.needs_poppler
def test_a_member_list_of_ordinary_posts_keeps_the_profiles_table_size(tmp_path, history, options):
    members = [{**_head("Sở Nông nghiệp và Môi trường"), "position": "Phó Giám đốc"}, *SHORT_POSTS]
    _, sizes = _printed_members(tmp_path, history, options, members)
    assert options.profile.size("table") in sizes and options.profile.size("table") - 1 not in sizes


# Every register's print

def test_a_register_is_titled_by_one_rule_a_sổ_theo_dõi_when_kept_by_date_a_danh_sách_of_people():
    assert lists.register_title(SLIPS) == "SỔ THEO DÕI PHIẾU YÊU CẦU XÁC MINH LAI LỊCH"
    assert lists.register_title(ARCHIVE_REQUESTS) == "SỔ THEO DÕI NGHIÊN CỨU TÀNG THƯ"
    assert lists.register_title(CADRES) == "DANH SÁCH CÁN BỘ"
    assert [register.title for register in lists.REGISTERS] == [lists.register_title(SLIPS),
                                                                lists.register_title(ARCHIVE_REQUESTS)]


def test_a_printed_register_names_its_persons_by_name_birth_and_home_town_whatever_the_screen_hides():
    """The screen's columns in the screen's order, those it hides of the person added where the register declares
    them (after the nearest shown column declared before them)."""
    declared = ("number", "issued_on", "full_name", "birth_date", "deceased", "home_town", "relation", "result")
    assert lists.printed_keys(declared, ["result", "issued_on", "full_name", "relation"]) == [
        "result", "issued_on", "full_name", "birth_date", "home_town", "relation"]
    assert lists.printed_keys(declared, ["number"]) == ["number", "full_name", "birth_date", "home_town"]
    assert lists.printed_keys(("received_on", "sender", "summary"), ["summary"]) == ["summary"]  # no person: as shown
    for register in lists.REGISTERS:
        assert set(lists.PERSON_KEYS) <= {column.key for column in register.columns}


@pdfcheck.needs_poppler
def test_the_slip_register_says_who_has_died_beside_the_name_on_a4_landscape(tmp_path, history, options, slips_2016):
    long_name = "Tôn Nữ Thị Phương Thảo Nguyên Hạnh"
    dead = [{**slips_2016[0], "full_name": long_name, "deceased": "Có", "death_date": "1970"},
            {**slips_2016[1], "deceased": "Có", "death_date": None},
            {**slips_2016[2], "deceased": "Có", "death_date": "~1968"}, *slips_2016[3:20]]
    target = tmp_path / "so.pdf"
    pdf.save(render.register_pdf(SLIP_REGISTER, history, dead, START, END, PRINTED, options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    found = pdfcheck.words(target)
    assert len(pdfcheck.cell_lines(found, f"{long_name} (đã mất năm 1970)")) <= 3
    pdfcheck.cell_lines(found, f"{slips_2016[1]['full_name']} (đã mất)")
    pdfcheck.cell_lines(found, f"{slips_2016[2]['full_name']} (đã mất khoảng năm 1968)")
    assert sum("mất" in word.text for word in found) == 3  # the living are not marked
    assert "Quê quán" in " ".join(pdfcheck.text(target).split())
    pdfcheck.cell_lines(found, slips_2016[0]["home_town"])
    workbook_path = tmp_path / "so.xlsx"
    render.register_xlsx(SLIP_REGISTER, workbook_path, history, dead, START, END, PRINTED, options)
    names = [cell.value for row in sheet_of(workbook_path).iter_rows() for cell in row]
    assert f"{long_name} (đã mất năm 1970)" in names


def test_the_archive_register_says_a_persons_alias_beside_the_name_a_long_one_too_on_a4_landscape(tmp_path, history,
                                                                                                   options):
    """A person of before 1975 is found in the archives under an alias: the register says it beside the name, kept
    in the name's column on a few lines however long the name; one without an alias is the name alone."""
    long_name = "TÔN THẤT NGUYỄN HOÀNG PHƯỚC LONG"
    request = {"request_kind": "Nghiên cứu giúp tỉnh bạn", "province": "Bình Định", "doc_no": "115-CV/BTCTU",
               "doc_on": dt.date(2016, 3, 17), "full_name": long_name, "other_names": "Hai Lúa, Tư Long",
               "birth_date": "1945", "home_town": "xã Hàm Tiến, thị xã Phan Thiết, tỉnh Bình Tuy",
               "work_before_1975": "Trung sĩ Địa phương quân", "answered_on": dt.date(2016, 3, 27),
               "reply_no": "230-CV/BTCTU", "result": "Có tài liệu: nguyên là trung sĩ Địa phương quân"}
    plain = {**request, "full_name": "Lê Văn Một", "other_names": None, "birth_date": "1940"}
    target = tmp_path / "tang-thu.pdf"
    pdf.save(render.register_pdf(lists.ARCHIVE_REGISTER, history, [request, plain], START, END, PRINTED, options),
             target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS and pdfcheck.page_count(target) == 1
    found, said = pdfcheck.words(target), f"{long_name} (bí danh Hai Lúa, Tư Long)"
    assert pdfcheck.cell_lines(found, said) == ["TÔN THẤT NGUYỄN", "HOÀNG PHƯỚC LONG", "(bí danh Hai Lúa, Tư Long)"]
    named = [word for word in found if word.text in said.split()]  # poppler may read the next column's cells between
    born = pdfcheck.phrase(found, "1945")
    assert len(named) == len(said.split()) and max(word.x1 for word in named) < born.x0  # in its column
    assert max(word.bottom for word in named) <= pdfcheck.phrase(found, "Phan Thiết, tỉnh Bình Tuy").bottom  # no taller
    assert pdfcheck.cell_lines(found, "Lê Văn Một") == ["Lê Văn Một"]
    assert sum(word.text == "danh" for word in found) == 1
    workbook_path = tmp_path / "tang-thu.xlsx"
    render.register_xlsx(lists.ARCHIVE_REGISTER, workbook_path, history, [request, plain], START, END, PRINTED,
                         options)
    names = [cell.value for row in sheet_of(workbook_path).iter_rows() for cell in row]
    assert f"{long_name} (bí danh Hai Lúa, Tư Long)" in names and "Lê Văn Một" in names
