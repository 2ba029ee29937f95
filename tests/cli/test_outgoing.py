"""The outgoing register (sổ đăng ký văn bản đi) on the 2016 office: a report issued once is
written again identical in pdf, docx and xlsx even after the records change; the letterhead is
the one in force on each document's date; reminder letters; a number is never used twice, whatever
the term settings say later."""

import datetime as dt
import errno
import json
import zipfile

import docx
import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from bvct_desktop.core import documents_data, files, vault
from bvct_desktop.core.schema import audit_log
from bvct_desktop.io.documents import render
from tests import office_2016
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.core.test_conclusion_notice import _concluded, _writer
from tests.io.documents import pdfcheck
from tests.sample_db import sample_database

built_2016, office_cli = office_2016.built_2016, office_2016.office_cli  # fixtures

pytestmark = pdfcheck.needs_poppler
NINE_MONTHS = ("--from", "2016-01-01", "--to", "2016-09-30")
NOTES = "## Ưu điểm\nPhối hợp tốt với Công an tỉnh.\n## Hạn chế, khuyết điểm\nCòn chậm.\n## Phương hướng, nhiệm vụ\n" \
        "Tiếp tục thẩm định tiêu chuẩn chính trị.\n"
OFFICER, OFFICER_PASSWORD = "chuyenvien", "Chuyen-vien-2026"


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "phan-viet.txt"
    path.write_text(NOTES, encoding="utf-8")
    return path


def issue_report(cli, tmp_path, notes, fmt="pdf"):
    target = tmp_path / f"bao-cao.{fmt}"
    code, out, err = cli("report", *NINE_MONTHS, "--format", fmt, "--out", target, "--issue", "--notes", notes)
    assert code == 0, err
    return target, out


def test_slips_of_2016_print_under_the_2016_letterhead_and_the_report_under_todays(office_cli, tmp_path, notes):
    slips = tmp_path / "phieu.pdf"
    assert office_cli("print", "slips", "--year", "2016", "--numbers", "1/PXM", "1712/PXM", "--out", slips)[0] == 0
    for page in (1, 2):
        lines = pdfcheck.lines(slips, first=page, last=page)
        assert lines[0].startswith("TỈNH ỦY BÌNH THUẬN") and "Bình Thuận, ngày" in lines[3] and "năm 2016" in lines[3]
    report, out = issue_report(office_cli, tmp_path, notes)
    lines = pdfcheck.lines(report)
    assert lines[0].startswith("TỈNH ỦY LÂM ĐỒNG") and "Lâm Đồng, ngày 30 tháng" not in lines[0]
    assert lines[3].startswith("Số 01-BC/BTCTU Lâm Đồng, ngày")
    text = " ".join(lines)
    assert "Quy định số 57-QĐ/TW ngày 03/05/2007" in text and "58-QĐ/TW" not in text  # the regulation of 2016
    assert "phát hành 1.712 phiếu yêu cầu xác minh lai lịch" in text
    assert "Phòng PV27 – Công an tỉnh Bình Thuận (873 phiếu)" in text  # this province's police, in 2016
    assert "Công an các tỉnh, thành phố khác (218 phiếu)" in text
    assert "cử 12 đoàn với 57 lượt cán bộ" in text


def test_an_issued_report_is_written_again_identical_in_every_format(office_cli, tmp_path, notes):
    issued, out = issue_report(office_cli, tmp_path, notes)
    assert "số 01-BC/BTCTU" in out
    # the records change after the report was issued: 5 more slips in its period
    headers = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"]
    rows = [[f"{2000 + n}/PXM", "15/09/2016", f"Người Thêm Sau {n}", "Cục A93B – Bộ Công an"] for n in range(5)]
    assert office_cli("import", "slips", workbook(tmp_path / "them.xlsx", headers, rows))[0] == 0
    again = {fmt: tmp_path / f"in-lai.{fmt}" for fmt in ("pdf", "docx", "xlsx")}
    for fmt, target in again.items():
        code, out, err = office_cli("documents", "print", "01-BC/BTCTU", "--format", fmt, "--out", target)
        assert code == 0 and "đúng như khi phát hành" in out, err
    assert again["pdf"].read_bytes() == issued.read_bytes()  # byte for byte
    day = dt.datetime.strptime(out.split(" ngày ")[1].split()[0], "%d/%m/%Y")
    info = PdfReader(again["pdf"]).metadata  # dated as its Word and Excel copies: the report's day
    assert info.creation_date == info.modification_date == day.replace(hour=8)
    pdf_text = " ".join(pdfcheck.lines(again["pdf"]))
    word = docx.Document(again["docx"])
    word_text = " ".join(paragraph.text for paragraph in word.paragraphs)
    assert word.tables[0].cell(1, 0).text == "Số 01-BC/BTCTU"
    book = openpyxl.load_workbook(again["xlsx"])
    texts = [cell.value for row in book["Báo cáo"].iter_rows() for cell in row if isinstance(cell.value, str)]
    sheet_text = " ".join(texts)
    assert "Số 01-BC/BTCTU" in texts
    for sentence in ("phát hành 1.712 phiếu yêu cầu xác minh lai lịch", "Phối hợp tốt với Công an tỉnh.",
                     "Quy định số 57-QĐ/TW"):
        assert sentence in pdf_text and sentence in word_text and sentence in sheet_text
    assert "1.717" not in pdf_text and "1.717" not in word_text and "1.717" not in sheet_text
    values = [cell.value for row in book["Số liệu"].iter_rows() for cell in row if cell.value is not None]
    assert 1712 in values and 1717 not in values
    fresh = tmp_path / "hom-nay.pdf"  # a draft made now counts the new slips
    assert office_cli("report", *NINE_MONTHS, "--format", "pdf", "--out", fresh)[0] == 0
    assert "phát hành 1.717 phiếu" in " ".join(pdfcheck.lines(fresh))


def test_an_issued_word_or_excel_file_is_written_again_byte_for_byte(office_cli, tmp_path, notes):
    """Not only the same text: the same file, every part dated with the document's day."""
    issued, _ = issue_report(office_cli, tmp_path, notes, "docx")
    again = {}
    for fmt, copy in (("docx", 1), ("xlsx", 1), ("xlsx", 2)):
        target = again[fmt, copy] = tmp_path / f"in-lai-{copy}.{fmt}"
        assert office_cli("documents", "print", "01-BC/BTCTU", "--format", fmt, "--out", target)[0] == 0
    assert again["docx", 1].read_bytes() == issued.read_bytes()
    assert again["xlsx", 1].read_bytes() == again["xlsx", 2].read_bytes()
    issued_on = docx.Document(issued).core_properties.created.date()
    for path in (issued, again["xlsx", 1]):
        with zipfile.ZipFile(path) as package:
            assert {part.date_time for part in package.infolist()} == {(*issued_on.timetuple()[:3], 8, 0, 0)}
    assert openpyxl.load_workbook(again["xlsx", 1]).properties.modified.date() == issued_on


def test_the_register_lists_each_issue_once_with_two_digit_numbers(office_cli, tmp_path, notes):
    issue_report(office_cli, tmp_path, notes)
    issue_report(office_cli, tmp_path, notes, "docx")
    code, out, _ = office_cli("print", "reminder", "--recipient", "cuc a93b – bo cong an", "--out",
                              tmp_path / "cv.pdf", "--issue")
    assert code == 0 and "số 01-CV/BTCTU" in out
    code, out, _ = office_cli("documents", "list")
    lines = out.splitlines()
    assert lines[0].split("\t") == ["Số", "Ngày", "Loại", "Trích yếu", "Người ký", "Nơi nhận", "Tình trạng",
                                    "Nhiệm kỳ"]
    numbers = [line.split("\t")[0] for line in lines[1:]]
    assert numbers == ["01-BC/BTCTU", "02-BC/BTCTU", "01-CV/BTCTU"]
    first = lines[1].split("\t")
    assert first[2] == "Báo cáo" and first[3] == "kết quả công tác bảo vệ chính trị nội bộ 9 tháng đầu năm 2016"
    assert first[4] == "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN Nguyễn Văn Hòa" and first[6] == "đã phát hành"
    assert "Thường trực Tỉnh ủy (để báo cáo)" in first[5]
    assert lines[3].split("\t")[5] == "Cục A93B – Bộ Công an; Lưu Văn phòng Ban"  # the unit «Như trên» stands for
    assert office_cli("documents", "list", "--year", "2016")[1].startswith("Sổ văn bản đi chưa có văn bản nào năm 2016")
    code, _, err = office_cli("documents", "print", "03-BC/BTCTU", "--format", "pdf", "--out", tmp_path / "x.pdf")
    assert code == 2 and "không có văn bản số 03-BC/BTCTU" in err
    # a letter as a workbook: its text under its number and date, then the list attached (as a report's
    # holds its tables)
    assert office_cli("documents", "print", "01-CV/BTCTU", "--format", "xlsx", "--out", tmp_path / "cv.xlsx")[0] == 0
    letter, attached = ([str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
                        for sheet in openpyxl.load_workbook(tmp_path / "cv.xlsx").worksheets)
    assert "Số 01-CV/BTCTU" in letter and "V/v đôn đốc trả lời phiếu yêu cầu xác minh lai lịch" in letter
    assert "Trân trọng./." in letter and any(cell.startswith("Kính gửi: ") for cell in letter)
    cells = letter + attached
    assert "DANH SÁCH PHIẾU YÊU CẦU XÁC MINH LAI LỊCH QUÁ HẠN CHƯA TRẢ LỜI" in attached
    assert any(cell.startswith("(Kèm theo Công văn số 01-CV/BTCTU") for cell in cells)
    assert any(cell.startswith("Tổng số: ") and cell.endswith(" phiếu.") for cell in cells)
    code, _, err = office_cli("documents", "print", "BC-01", "--format", "pdf", "--out", tmp_path / "x.pdf")
    assert code == 2 and "07-BC/BTCTU" in err


def test_the_reports_recipients_are_the_offices_setting_kept_as_issued(office_cli, tmp_path, notes):
    """A city's board sends its report to its own committee: «Nơi nhận» is set, not the program's;
    the report issued keeps the recipients it was issued with."""
    city = "Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ); Thường trực Thành ủy (để báo cáo); Lưu VP"
    assert office_cli("settings", "set", "noi_nhan_bao_cao", city)[0] == 0
    issued, _ = issue_report(office_cli, tmp_path, notes)
    text = " ".join(pdfcheck.lines(issued))
    assert "- Thường trực Thành ủy (để báo cáo), - Lưu VP." in text and "Tỉnh ủy (để báo cáo)" not in text
    assert "Thường trực Thành ủy (để báo cáo)" in office_cli("documents", "list")[1].splitlines()[1].split("\t")[5]
    assert office_cli("settings", "set", "noi_nhan_bao_cao", "Thường trực Tỉnh ủy")[0] == 0
    again = tmp_path / "in-lai.pdf"
    assert office_cli("documents", "print", "01-BC/BTCTU", "--format", "pdf", "--out", again)[0] == 0
    assert again.read_bytes() == issued.read_bytes()


def test_a_number_is_never_used_twice(office_cli, tmp_path, notes, monkeypatch):
    code, _, _ = office_cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "khong-co" / "bc.pdf",
                            "--issue", "--notes", notes)
    assert code == 2  # bad input: no number taken
    assert office_cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "nhap.pdf")[0] == 0  # a draft

    def broken_disk(content, fmt, target, password) -> None:
        raise files.os_error(OSError(errno.EIO, "Input/output error"), target)

    with monkeypatch.context() as writing:
        writing.setattr(render, "write_document", broken_disk)  # the file cannot be written
        code, _, err = office_cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "bc.pdf", "--issue",
                                  "--notes", notes)
    assert code == 1 and "Không ghi được" in err
    code, out, _ = office_cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "bc-2.pdf", "--issue",
                              "--notes", notes)
    assert code == 0 and "số 02-BC/BTCTU" in out  # 01 was taken by the failed write: never used again
    listed = [line.split("\t") for line in office_cli("documents", "list")[1].splitlines()[1:]]
    assert [(row[0], row[6]) for row in listed] == [("01-BC/BTCTU", "hỏng"), ("02-BC/BTCTU", "đã phát hành")]
    code, _, err = office_cli("documents", "print", "01-BC/BTCTU", "--format", "pdf", "--out", tmp_path / "x.pdf")
    assert code == 2 and "hỏng" in err


def test_a_term_start_set_in_the_past_never_issues_a_number_again(office_cli, tmp_path, notes):
    """The auditor's case: a report issued today, then a term said to have begun a month ago."""
    today = dt.date.today()
    first, out = issue_report(office_cli, tmp_path, notes)
    assert "số 01-BC/BTCTU" in out
    began = (today - dt.timedelta(days=31)).isoformat()
    code, out, err = office_cli("settings", "set", "nhiem_ky_bat_dau", began, "--from", began)
    assert code == 0 and "Lưu ý" in out and "số tiếp theo: 02-BC" in out, err
    assert "số 02-BC/BTCTU" in issue_report(office_cli, tmp_path, notes, "docx")[1]
    again = tmp_path / "in-lai.pdf"
    for number in ("01-BC/BTCTU", "02-BC/BTCTU"):
        for date in ((), ("--date", today.isoformat())):
            code, out, err = office_cli("documents", "print", number, "--format", "pdf", "--out", again, *date)
            assert code == 0 and f"số {number} ngày {today:%d/%m/%Y}" in out, err
    assert office_cli("documents", "print", "01-BC/BTCTU", "--format", "pdf", "--out", again)[0] == 0
    assert again.read_bytes() == first.read_bytes()


def test_a_term_start_moved_past_a_letter_numbers_the_term_from_01_told_apart_by_date(office_cli, tmp_path):
    """The letter keeps its number and is dated before the term: the term's letters begin at 01."""
    today = dt.date.today()
    letters = iter(range(1, 10))

    def letter(on: dt.date) -> tuple[int, str, str]:
        return office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--on", on.isoformat(),
                          "--out", tmp_path / f"cv-{next(letters)}.pdf", "--issue")

    before = today - dt.timedelta(days=10)
    assert f"số 01-CV/BTCTU ngày {before:%d/%m/%Y}" in letter(before)[1]
    code, out, _ = office_cli("settings", "set", "nhiem_ky_bat_dau", (today - dt.timedelta(days=5)).isoformat())
    assert code == 0 and "Lưu ý" not in out
    code, _, err = letter(before)
    assert code == 2 and "trước ngày bắt đầu nhiệm kỳ" in err
    assert f"số 01-CV/BTCTU ngày {today:%d/%m/%Y}" in letter(today)[1]
    assert f"số 02-CV/BTCTU ngày {today:%d/%m/%Y}" in letter(today)[1]
    again = tmp_path / "in-lai.pdf"
    code, _, err = office_cli("documents", "print", "01-CV/BTCTU", "--format", "pdf", "--out", again)
    assert code == 2 and "--date" in err
    for date in (before, today):
        code, out, err = office_cli("documents", "print", "01-CV/BTCTU", "--format", "pdf", "--out", again,
                                    "--date", date.isoformat())
        assert code == 0 and f"số 01-CV/BTCTU ngày {date:%d/%m/%Y}" in out, err


def test_the_register_shows_each_documents_term_and_lists_one_term(office_cli, tmp_path):
    """After a congress the letters begin again at 01-CV: the term, last on each line, tells the two apart,
    and `--term` lists the term holding a day."""
    today = dt.date.today()
    before, congress = today - dt.timedelta(days=10), today - dt.timedelta(days=5)
    for on, out in ((before, "cv-1.pdf"), (congress, None), (today, "cv-2.pdf")):
        if out is None:
            assert office_cli("settings", "set", "nhiem_ky_bat_dau", on.isoformat(), "--from", on.isoformat())[0] == 0
            continue
        assert office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--on", on.isoformat(),
                          "--out", tmp_path / out, "--issue")[0] == 0
    listed = [line.split("\t") for line in office_cli("documents", "list")[1].splitlines()[1:]]
    assert [(row[0], row[7]) for row in listed] == [("01-CV/BTCTU", f"2025–{congress.year}"),
                                                    ("01-CV/BTCTU", f"từ {congress:%d/%m/%Y}")]
    code, out, _ = office_cli("documents", "list", "--term", today.isoformat())
    assert code == 0 and [line.split("\t")[1] for line in out.splitlines()[1:]] == [f"{today:%d/%m/%Y}"]
    code, out, _ = office_cli("documents", "list", "--term", before.isoformat(), "--year", "2016")
    assert out == f"Sổ văn bản đi chưa có văn bản nào của nhiệm kỳ 2025–{congress.year} năm 2016.\n"
    code, _, err = office_cli("documents", "list", "--term", "10/10/2030")
    assert code == 2 and "10/10/2030" in err


def test_a_report_issued_before_its_period_ends_is_issued_and_says_its_figures_are_todays(office_cli, tmp_path,
                                                                                           notes):
    """The office's scripts issue with `report --issue` as the spec says: a period with days still to run is
    issued all the same (officers report before the period's end), told in a «Lưu ý» line; not once it has ended."""
    today = dt.date.today()
    tomorrow = today + dt.timedelta(days=1)
    code, out, err = office_cli("report", "--from", f"{today.year - 1}-12-15", "--to", tomorrow.isoformat(),
                                "--format", "pdf", "--out", tmp_path / "bc.pdf", "--issue", "--notes", notes)
    assert code == 0, err
    assert out.splitlines()[1] == (f"Lưu ý: kỳ báo cáo đến hết ngày {tomorrow:%d/%m/%Y} mới kết thúc: báo cáo phát "
                                   f"hành ngày {today:%d/%m/%Y} giữ nguyên số liệu của ngày ấy, hồ sơ ghi thêm từ nay "
                                   "đến hết kỳ không có trong báo cáo.")
    code, out, err = office_cli("report", "--from", f"{today.year - 1}-12-15", "--to", today.isoformat(),
                                "--format", "pdf", "--out", tmp_path / "bc-2.pdf", "--issue", "--notes", notes)
    assert code == 0 and "mới kết thúc" not in out, err


def test_a_term_asked_by_a_day_before_every_term_lists_nothing_and_says_why(office_cli, tmp_path):
    assert office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--out", tmp_path / "cv.pdf",
                      "--issue")[0] == 0
    code, out, err = office_cli("documents", "list", "--term", "1990-01-01")
    assert (code, err) == (0, "")
    assert out == ("Sổ văn bản đi không có văn bản nào: ngày 01/01/1990 có trước mọi nhiệm kỳ "
                   "(nhiệm kỳ đầu tiên bắt đầu ngày 01/10/2025).\n")


def test_an_issued_letter_is_dated_neither_after_today_nor_before_the_last_numbered_one(office_cli, tmp_path):
    today = dt.date.today()
    days_ago, tomorrow, earlier = (today + dt.timedelta(days=days) for days in (-3, 1, -10))

    def letter(on: dt.date, *issue: str) -> tuple[int, str, str]:
        return office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--on", on.isoformat(),
                          "--out", tmp_path / "cv.pdf", *issue)

    code, out, err = letter(days_ago, "--issue")
    assert code == 0 and f"số 01-CV/BTCTU ngày {days_ago:%d/%m/%Y}" in out, err
    code, _, err = letter(tomorrow, "--issue")
    assert code == 2 and f"Ngày văn bản {tomorrow:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y})" in err
    assert "Chưa lấy số văn bản." in err
    code, _, err = letter(earlier, "--issue")
    assert code == 2 and f"Ngày văn bản {earlier:%d/%m/%Y} trước ngày {days_ago:%d/%m/%Y} của văn bản số 01-CV" in err
    assert letter(tomorrow)[0] == 0 and letter(earlier)[0] == 0  # a draft may carry any day
    code, out, err = letter(today, "--issue")
    assert code == 0 and f"số 02-CV/BTCTU ngày {today:%d/%m/%Y}" in out, err
    listed = [line.split("\t")[:2] for line in office_cli("documents", "list")[1].splitlines()[1:]]
    assert listed == [["01-CV/BTCTU", f"{days_ago:%d/%m/%Y}"], ["02-CV/BTCTU", f"{today:%d/%m/%Y}"]]


def test_the_reminder_letter_lists_the_recipients_overdue_slips(office_cli, tmp_path):
    target = tmp_path / "cv.pdf"
    code, out, err = office_cli("print", "reminder", "--recipient", "Phòng PV27 – Công an tỉnh Bình Thuận",
                                "--on", "2016-10-15", "--out", target)
    assert code == 0 and "dự thảo" in out, err
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "TỈNH ỦY BÌNH THUẬN", "BAN TỔ CHỨC", "Số -CV/BTCTU Bình Thuận, ngày tháng năm 2016",
                             "V/v đôn đốc trả lời phiếu yêu cầu xác", "Kính gửi: Phòng PV27 – Công an tỉnh Bình Thuận",
                             "trả lời (30 ngày kể từ ngày gửi phiếu)", "Trân trọng./.", "Nơi nhận: K/T TRƯỞNG BAN",
                             "- Như trên,", "DANH SÁCH PHIẾU YÊU CẦU XÁC MINH", "LAI LỊCH QUÁ HẠN CHƯA TRẢ LỜI",
                             "Tổng số:")
    assert "DỰ THẢO" in lines[0]
    count = int(out.split(" về ")[1].split(" phiếu")[0])
    listed = [line for line in lines if line.split()[1:2] and line.split()[1].endswith("/PXM")]
    assert len(listed) == count > 0
    names = {slip["number"]: slip["full_name"] for slip in office_2016.slip_records()}
    assert all(names[line.split()[1]] in line for line in listed)  # each name whole, on its slip's line
    code, _, err = office_cli("print", "reminder", "--recipient", "Phòng Không Có", "--out", target)
    assert code == 2 and "Không có nơi nhận phiếu" in err
    code, out, err = office_cli("print", "reminder", "--recipient", "Phòng PV27 - Công an tỉnh Bình Thuận",  # «-»
                                "--on", "2016-10-15", "--out", tmp_path / "cv2.pdf")
    assert code == 0 and f"về {count} phiếu" in out, err
    code, _, err = office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--on", "2016-01-02",
                              "--out", target)
    assert code == 2 and "không có phiếu nào" in err
    code, _, err = office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--out",
                              tmp_path / "cv.xlsx")
    assert code == 2


def test_a_second_reminder_about_the_same_slips_names_the_first(office_cli, tmp_path):
    """As an officer writes it: «Ngày …, Ban Tổ chức Tỉnh ủy đã có Công văn số 01-CV/BTCTU đề nghị …; đến nay chưa
    nhận được kết quả». Only a letter to the same unit about its slips counts, dated on or before the new one."""
    pv27, a93b = "Phòng PV27 – Công an tỉnh Bình Thuận", "Cục A93B – Bộ Công an"

    def letter(recipient: str, on: str, name: str, *issue: str) -> str:
        code, _, err = office_cli("print", "reminder", "--recipient", recipient, "--on", on, "--out",
                                  tmp_path / name, *issue)
        assert code == 0, err
        return " ".join(" ".join(pdfcheck.lines(tmp_path / name)).split())

    first = letter(pv27, "2025-10-15", "cv-1.pdf", "--issue")  # 01-CV/BTCTU
    assert "đã có Công văn số" not in first
    assert "đã có Công văn số" not in letter(a93b, "2025-11-20", "cv-2.pdf", "--issue")  # 02-CV, another unit
    second = letter(pv27, "2025-11-20", "cv-3.pdf", "--issue")  # 03-CV/BTCTU
    assert ("Đến ngày 20/11/2025, đã quá thời hạn trả lời (30 ngày kể từ ngày gửi phiếu). Ngày 15/10/2025, Ban Tổ "
            "chức Tỉnh ủy đã có Công văn số 01-CV/BTCTU đề nghị quý cơ quan trả lời phiếu yêu cầu xác minh lai lịch; "
            "đến nay chưa nhận được kết quả.") in second
    third = letter(pv27, "2025-12-01", "cv-4.pdf")  # a draft says both
    assert ("Ban Tổ chức Tỉnh ủy đã có Công văn số 01-CV/BTCTU ngày 15/10/2025 và Công văn số 03-CV/BTCTU ngày "
            "20/11/2025 đề nghị quý cơ quan trả lời phiếu yêu cầu xác minh lai lịch; đến nay chưa nhận được kết "
            "quả.") in third
    assert "đã có Công văn số" not in letter(pv27, "2025-10-14", "cv-5.pdf")  # a draft dated before the first
    again = tmp_path / "in-lai.pdf"
    assert office_cli("documents", "print", "03-CV/BTCTU", "--format", "pdf", "--out", again)[0] == 0
    assert again.read_bytes() == (tmp_path / "cv-3.pdf").read_bytes()


def test_a_reminder_dated_since_the_merger_to_a_former_provinces_unit_tells_the_officer(office_cli, tmp_path):
    """The 2016 office's slips to Bình Thuận's police, still unanswered: a letter dated since 01/7/2025 would go to
    a unit of a province that is no more, so the officer is told; a letter of 2016 is right as it is."""
    code, out, err = office_cli("print", "reminder", "--recipient", "Phòng PV27 – Công an tỉnh Bình Thuận",
                                "--on", "2025-10-15", "--out", tmp_path / "cv.pdf")
    assert code == 0, err
    assert ("Lưu ý: «Phòng PV27 – Công an tỉnh Bình Thuận» mang tên tỉnh cũ: từ 01/7/2025 tỉnh ấy thuộc tỉnh Lâm "
            "Đồng; hãy xem lại nơi nhận trước khi gửi công văn.") in out
    code, out, err = office_cli("print", "reminder", "--recipient", "Phòng PV27 – Công an tỉnh Bình Thuận",
                                "--on", "2016-10-15", "--out", tmp_path / "cv2016.pdf")
    assert code == 0 and "tỉnh cũ" not in out + err, err


def test_a_reminder_recipient_typed_without_accents_and_with_a_hyphen_is_found(office_cli, tmp_path):
    code, out, err = office_cli("print", "reminder", "--recipient", "phong pv27 - cong an tinh binh thuan",
                                "--on", "2016-10-15", "--out", tmp_path / "cv.pdf")
    assert code == 0 and "Phòng PV27 – Công an tỉnh Bình Thuận" in out, err


def test_who_may_issue_list_and_print_again(office_cli, tmp_path, notes):
    issue_report(office_cli, tmp_path, notes)
    secret = tmp_path / "pw"
    secret.write_text(OFFICER_PASSWORD, encoding="utf-8")
    for name, role in ((OFFICER, "chuyen-vien"), ("xem", "xem")):
        assert office_cli("users", "add", name, "--role", role, "--new-password-file", secret)[0] == 0
    officer = office_cli.as_user(OFFICER, OFFICER_PASSWORD)
    assert officer("documents", "list")[0] == 0
    assert officer("documents", "print", "01-BC/BTCTU", "--format", "pdf", "--out", tmp_path / "a.pdf")[0] == 0
    code, _, _ = officer("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--out", tmp_path / "cv.pdf",
                         "--issue")
    assert code == 5
    viewer = office_cli.as_user("xem", OFFICER_PASSWORD)
    assert viewer("documents", "list")[0] == 5
    office_cli.as_user(ADMIN, PASSWORD)
    db = vault.unlock(office_cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        issued = [json.loads(row.details) for row in connection.execute(
            select(audit_log.c.details).where(audit_log.c.action == "phát hành văn bản"))]
        reprinted = [json.loads(row.details) for row in connection.execute(
            select(audit_log.c.details).where(audit_log.c.action == "in", audit_log.c.kind == "report"))]
    db.close()
    assert [entry["so_van_ban"] for entry in issued] == ["01-BC/BTCTU"]
    assert [entry["so_van_ban"] for entry in reprinted] == ["01-BC/BTCTU"]


def test_an_issued_conclusion_notice_is_listed_and_printed_again_as_a_notice(cli, tmp_path):
    """The notice issued from a case window (core: tests/core/test_conclusion_notice.py) is in `documents list` as a
    «Thông báo» and `documents print` writes it again in PDF and Word, not as a workbook."""
    db = sample_database(cli, tmp_path, kinds=("cadres", "slips"))
    issued = tmp_path / "tb.pdf"
    made, _ = documents_data.conclusion_document(db, _concluded(db), issued, _writer(issued), issue=True)
    db.close()
    code, out, err = cli("documents", "list")
    assert code == 0 and f"{made.text}\t" in out and "\tThông báo\tkết luận về tiêu chuẩn chính trị của" in out, err
    for fmt in ("pdf", "docx"):
        code, out, err = cli("documents", "print", made.text, "--format", fmt, "--out", tmp_path / f"lai.{fmt}")
        assert code == 0 and "Đã in lại thông báo số 01-TB/BTCTU" in out, err
    assert (tmp_path / "lai.pdf").read_bytes() == issued.read_bytes()
    assert cli("documents", "print", made.text, "--format", "xlsx", "--out", tmp_path / "lai.xlsx")[0] == 2


UNSIGNED = ("Lưu ý: cài đặt «Người ký» để trống: văn bản phát hành không có họ tên người ký dưới chữ ký, và in lại "
            "từ sổ văn bản đi vẫn như thế; đặt trước lần phát hành sau: bvct settings set nguoi_ky \"Họ và tên\".")


def test_a_report_issued_with_no_signers_name_set_tells_the_officer(cli, tmp_path, notes):
    """A fresh install's «Người ký» is empty: the report issued says so, as its reprints will be; a draft
    says nothing, nor does a report issued once the name is set."""
    code, out, err = cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "du-thao.pdf",
                         "--notes", notes)
    assert code == 0 and "Lưu ý" not in out, err
    code, out, err = cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "bc.pdf", "--issue",
                         "--notes", notes)
    assert code == 0 and "số 01-BC/BTCTU" in out and UNSIGNED in out, err
    assert cli("settings", "set", "nguoi_ky", "Nguyễn Văn Hòa")[0] == 0
    code, out, err = cli("report", *NINE_MONTHS, "--format", "pdf", "--out", tmp_path / "bc2.pdf", "--issue",
                         "--notes", notes)
    assert code == 0 and "số 02-BC/BTCTU" in out and UNSIGNED not in out, err


def test_a_reminder_issued_on_a_day_with_no_signers_name_tells_the_officer(office_cli, tmp_path):
    """The name in force on the letter's own day counts: set, then emptied from five days ago."""
    today = dt.date.today()

    def letter(on: dt.date) -> str:
        code, out, err = office_cli("print", "reminder", "--recipient", "Cục A93B – Bộ Công an", "--on",
                                    on.isoformat(), "--out", tmp_path / f"cv-{on}.pdf", "--issue")
        assert code == 0 and "Đã phát hành công văn" in out, err
        return out

    assert UNSIGNED not in letter(today - dt.timedelta(days=10))
    emptied = (today - dt.timedelta(days=5)).isoformat()
    assert office_cli("settings", "set", "nguoi_ky", "", "--from", emptied)[0] == 0
    assert UNSIGNED in letter(today)
