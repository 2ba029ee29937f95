"""Every bad input gets a Vietnamese message naming row and column, exit 2, and an unchanged database."""

import datetime as dt
import io
import json
import zipfile

import openpyxl
import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from sqlalchemy import select

from bvct_desktop.core import vault
from bvct_desktop.core.schema import audit_log, complaints, metadata
from tests import hostile_workbooks
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES


def snapshot(db_path) -> dict:
    """Every record table's rows (the audit trail aside, which records the failed attempt)."""
    db = vault.unlock(db_path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            return {name: connection.execute(select(table).order_by(*table.primary_key.columns)).all()
                    for name, table in metadata.tables.items() if name != "audit_log"}
    finally:
        db.close()


@pytest.fixture
def base(cli, tmp_path):
    """A database with the sample cadres and slips already in it."""
    for kind in ("cadres", "slips"):
        headers, rows = SAMPLES[kind]
        assert cli("import", kind, workbook(tmp_path / f"base-{kind}.xlsx", headers, rows))[0] == 0
    return cli


def refused(cli, kind, path, *expected_lines):
    before = snapshot(cli.db)
    code, out, err = cli("import", kind, path)
    assert code == 2, out + err
    assert "Traceback" not in out + err
    for line in expected_lines:
        assert line in out + err, f"{line!r} not in:\n{out}{err}"
    assert "cơ sở dữ liệu không thay đổi" in err
    assert snapshot(cli.db) == before
    return out + err


def cadre_file(tmp_path, rows, headers=None):
    return workbook(tmp_path / "bad.xlsx", headers or ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"], rows)


def sample_changed(tmp_path, kind: str, changes: dict[str, object]):
    """The sample's first row of `kind` alone in a workbook, the cells under the headers named changed."""
    headers, rows = SAMPLES[kind]
    row = list(rows[0])
    for header, value in changes.items():
        row[headers.index(header)] = value
    return workbook(tmp_path / f"{kind}.xlsx", headers, [row])


def test_missing_file(base, tmp_path):
    code, _, err = base("import", "cadres", tmp_path / "khong-co.xlsx")
    assert code == 2 and "Không tìm thấy tệp" in err


def test_not_an_xlsx(base, tmp_path):
    fake = tmp_path / "ghi-chu.xlsx"
    fake.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    code, _, err = base("import", "cadres", fake)
    assert code == 2 and "không phải tệp Excel" in err


@pytest.mark.parametrize("name", ["danh-sach.csv", "danh-sach.ods"])
def test_a_list_saved_by_another_program_is_told_to_be_saved_again_as_xlsx(base, tmp_path, name):
    """A .csv or a LibreOffice .ods is refused as the spec says, with what to do about it."""
    made = tmp_path / name
    if name.endswith(".csv"):
        made.write_text("Họ và tên,Ngày sinh\nLê Văn Một,1960\n", encoding="utf-8")
    else:
        with zipfile.ZipFile(made, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", "<office:document-content/>")
    code, out, err = base("import", "cadres", made)
    assert (code, out) == (2, "")
    assert f"Tệp «{name}» không phải tệp Excel .xlsx; hãy mở bằng Excel và lưu lại dạng .xlsx." in err


def test_a_web_page_saved_as_xls_is_told_to_be_saved_again_as_xlsx(base, tmp_path):
    page = tmp_path / "danh-sach.xls"
    page.write_text("<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>", encoding="utf-8")
    code, out, err = base("import", "cadres", page)
    assert (code, out) == (2, "")
    assert "Tệp «danh-sach.xls» không phải tệp Excel .xlsx; hãy mở bằng Excel và lưu lại dạng .xlsx." in err


@pytest.mark.parametrize("name", ["cong-van.docx", "cong-van.xlsx"])
def test_a_word_file_is_told_it_is_no_workbook_not_a_damaged_one(base, tmp_path, name):
    import docx

    letter = tmp_path / name
    document = docx.Document()
    document.add_paragraph("Kính gửi: Cục A93B – Bộ Công an")
    document.save(letter)
    code, out, err = base("import", "slips", letter)
    assert (code, out) == (2, "") and f"Tệp «{name}» là tệp Word (.docx), không phải bảng tính Excel (.xlsx)." in err


def test_a_zip_holding_no_workbook_is_no_xlsx(base, tmp_path):
    archive_file = tmp_path / "anh.xlsx"
    with zipfile.ZipFile(archive_file, "w") as archive:
        archive.writestr("anh/the.jpg", b"\xff\xd8")
    code, _, err = base("import", "cadres", archive_file)
    assert code == 2 and "Tệp «anh.xlsx» không phải tệp Excel .xlsx;" in err


def test_broken_zip_structure(base, tmp_path):
    broken = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook")
    code, _, err = base("import", "cadres", broken)
    assert code == 2 and "bị hỏng" in err


def test_password_protected_xlsx(base, tmp_path):
    plain = cadre_file(tmp_path, [["Nguyễn Văn A", "1970", "Nam", None]])
    locked = tmp_path / "khoa.xlsx"
    with open(plain, "rb") as source, open(locked, "wb") as sink:
        OOXMLFile(source).encrypt("bí mật", sink)
    code, _, err = base("import", "cadres", locked)
    assert code == 2 and "bảo vệ bằng mật khẩu" in err


def test_empty_sheet(base, tmp_path):
    empty = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(empty)
    code, _, err = base("import", "cadres", empty)
    assert code == 2 and "trống" in err


def _entries(db_path, action: str | None = None) -> list[tuple]:
    """The audit trail's entries (of `action`), newest first."""
    db = vault.unlock(db_path, ADMIN, PASSWORD)
    query = select(audit_log.c.action, audit_log.c.outcome, audit_log.c.kind, audit_log.c.details)
    try:
        with db.read() as connection:
            return connection.execute((query.where(audit_log.c.action == action) if action else query)
                                      .order_by(audit_log.c.id.desc())).all()
    finally:
        db.close()


def _unreadable(tmp_path, how: str):
    path = tmp_path / f"{how}.xlsx"
    if how == "not-an-xlsx":
        path.write_text("Họ và tên;Ngày sinh\n", encoding="utf-8")
    elif how == "broken":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook")
    elif how == "empty-sheet":
        openpyxl.Workbook().save(path)
    return path


@pytest.mark.parametrize("how", ["missing", "not-an-xlsx", "broken", "empty-sheet"])
@pytest.mark.parametrize("dry_run", [False, True])
def test_a_file_that_cannot_be_read_is_a_failed_import_in_the_audit_trail(base, tmp_path, how, dry_run):
    """Failed imports are audited, a file the program cannot read as a register too: the officer's
    attempt, the file and why it failed (the records unchanged)."""
    path, action = _unreadable(tmp_path, how), "thử nhập" if dry_run else "nhập"
    before, audited = snapshot(base.db), _entries(base.db, action)
    code, _, err = base("import", "slips", path, *(["--dry-run"] if dry_run else []))
    assert code == 2 and "Traceback" not in err
    entries = _entries(base.db, action)
    assert entries[1:] == audited
    assert entries[0][1:3] == ("failed", "slips")
    assert json.loads(entries[0][3]) == {"tep": str(path.resolve()), "loi": err.strip()}
    assert snapshot(base.db) == before


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_refused_import_is_audited_with_its_rows_and_errors_and_no_records_said_written(base, tmp_path, dry_run):
    """Nothing of a refused file is written: its entry says how many rows and errors, never «Mới: 2»."""
    path = cadre_file(tmp_path, [["Lê Văn Mới", "1960", "Nam", None], ["Lê Văn Hai", "1961", "Nam", None],
                                 ["Lê Văn Ba", "32/13/1962", "Nam", None]])
    action = "thử nhập" if dry_run else "nhập"
    code, _, _ = base("import", "cadres", path, *(["--dry-run"] if dry_run else []))
    assert code == 2
    _, outcome, kind, details = _entries(base.db, action)[0]
    assert (outcome, kind) == ("failed", "cadres")
    assert json.loads(details) == {"tep": str(path.resolve()), "so_dong": 3, "so_loi": 1, "o_chuyen_ma_cu": 0}


def test_an_unreadable_file_with_a_wrong_password_is_told_first_and_no_import_audited(base, tmp_path):
    imports = _entries(base.db, "nhập")
    base.as_user(ADMIN, "sai-mat-khau-roi")
    code, _, err = base("import", "slips", tmp_path / "khong-co.xlsx")
    assert code == 2 and "Không tìm thấy tệp" in err
    base.as_user(ADMIN, PASSWORD)
    assert _entries(base.db, "nhập") == imports


def test_missing_required_header(base, tmp_path):
    path = cadre_file(tmp_path, [["Nguyễn Văn A", "Nam"]], headers=["Họ và tên", "Giới tính"])
    refused(base, "cadres", path, "Dòng 1, cột «Ngày sinh»: thiếu cột bắt buộc")


def test_headers_match_ignoring_case_spaces_accents_and_star(base, tmp_path):
    path = cadre_file(tmp_path, [["Nguyễn Văn Mới", "1970"]], headers=["  HO VA TEN* ", "ngay sinh"])
    code, out, _ = base("import", "cadres", path)
    assert code == 0 and "Thêm mới: 1" in out


def test_unknown_enum_value(base, tmp_path):
    path = cadre_file(tmp_path, [["Nguyễn Văn A", "1970", "Không rõ", None]])
    refused(base, "cadres", path, "Dòng 2, cột «Giới tính»: giá trị «Không rõ» không hợp lệ; chọn một trong: Nam, Nữ")


@pytest.mark.parametrize("value", ["31/02/2016", "29/02/2015", "32/01/2000", "ngày 5"])
def test_invalid_or_impossible_date(base, tmp_path, value):
    path = cadre_file(tmp_path, [["Nguyễn Văn A", "1970", "Nam", None], ["Nguyễn Văn B", value, "Nam", None]])
    refused(base, "cadres", path, "Dòng 3, cột «Ngày sinh»:")


def test_every_problem_is_listed_not_just_the_first(base, tmp_path):
    path = cadre_file(tmp_path, [["Nguyễn Văn A", "31/02/2016", "X", "123"], [None, "1970", "Nam", None]])
    out = refused(base, "cadres", path, "Dòng 2, cột «Ngày sinh»", "Dòng 2, cột «Giới tính»",
                  "Dòng 2, cột «Số CCCD»", "Dòng 3, cột «Họ và tên»: bắt buộc")
    assert "4 lỗi" in out


def test_return_before_departure(base, tmp_path):
    path = sample_changed(tmp_path, "delegations", {"Ngày đi": "08/04/2025", "Ngày về": "01/04/2025"})
    refused(base, "delegations", path,
            "Dòng 2, cột «Ngày về»: Ngày về (01/04/2025) trước Ngày đi (08/04/2025): hãy xem lại một trong hai ngày")


def test_a_letter_whose_deadline_and_resolution_both_precede_its_receipt_is_told_both(base, tmp_path):
    """Received 10/10/2025 (typed for 01/10), due 01/10/2025, resolved 05/10/2025: both dates named at once."""
    headers, _ = SAMPLES["complaints"]
    row = ["10/10/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Tố cáo sai phạm đất đai", "01/10/2025",
           "05/10/2025", "Không có cơ sở"]
    out = refused(base, "complaints", workbook(tmp_path / "don.xlsx", headers, [row]),
                  "Dòng 2, cột «Hạn giải quyết»: Hạn giải quyết (01/10/2025) trước Ngày nhận (10/10/2025)"
                  ": hãy xem lại một trong hai ngày",
                  "Dòng 2, cột «Ngày giải quyết»: Ngày giải quyết (05/10/2025) trước Ngày nhận (10/10/2025)"
                  ": hãy xem lại một trong hai ngày")
    assert "2 lỗi" in out


def test_a_row_with_a_wrong_cell_is_told_its_dates_out_of_order_too(base, tmp_path):
    """«Chủ tịch» is no role, and the return precedes the departure: both at once, not one per attempt."""
    path = sample_changed(tmp_path, "delegations", {"Ngày đi": "08/04/2025", "Ngày về": "01/04/2025",
                                                    "Vai trò": "Chủ tịch"})
    out = refused(base, "delegations", path,
                  "Dòng 2, cột «Ngày về»: Ngày về (01/04/2025) trước Ngày đi (08/04/2025)"
                  ": hãy xem lại một trong hai ngày",
                  "Dòng 2, cột «Vai trò»")
    assert "2 lỗi" in out


@pytest.mark.parametrize("kind, later, earlier", [
    ("slips", "Ngày nhận kết quả", "Ngày phát hành"), ("delegations", "Ngày nhận báo cáo", "Ngày về"),
    ("archive-requests", "Ngày trả lời", "Ngày văn bản"), ("complaints", "Ngày giải quyết", "Ngày nhận"),
    ("complaints", "Hạn giải quyết", "Ngày nhận")])
def test_a_reply_report_answer_or_deadline_dated_before_what_it_follows(base, tmp_path, kind, later, earlier):
    """A slip answered before it was sent would be counted answered in a period it was not yet asked;
    a complaint due before it came would be overdue the day it is entered."""
    headers, rows = SAMPLES[kind]
    row = list(rows[0])
    day = row[headers.index(earlier)]
    day = day if isinstance(day, dt.date) else dt.datetime.strptime(day, "%d/%m/%Y").date()
    row[headers.index(later)] = day - dt.timedelta(days=1)
    refused(base, kind, workbook(tmp_path / "d.xlsx", headers, [row]),
            f"Dòng 2, cột «{later}»: {later} ({day - dt.timedelta(days=1):%d/%m/%Y}) trước {earlier} ({day:%d/%m/%Y})"
            ": hãy xem lại một trong hai ngày")


def test_duplicate_key_within_one_file(base, tmp_path):
    path = cadre_file(tmp_path, [["Phan Văn Mới", "1970", "Nam", None], ["PHAN VĂN MỚI", "1970", "Nam", None]])
    refused(base, "cadres", path, "Dòng 3, cột «Họ và tên»: trùng cán bộ (cùng họ tên, ngày sinh, quê quán "
            "hoặc CCCD) với dòng 2 trong cùng tệp")
    headers, rows = SAMPLES["slips"]
    twice = [list(rows[0]), list(rows[0])]
    twice[1][2] = "Người Khác"
    refused(base, "slips", workbook(tmp_path / "s.xlsx", headers, twice),
            "Dòng 3, cột «Số phiếu»: trùng số phiếu «12/PXM» năm 2025 với dòng 2")


def test_slip_number_already_used_for_another_person(base, tmp_path):
    path = sample_changed(tmp_path, "slips", {"Họ và tên người được xác minh": "Võ Văn Khác", "Ngày sinh": "1960"})
    refused(base, "slips", path,
            "Dòng 2, cột «Số phiếu»: số phiếu «12/PXM» năm 2025 đã dùng cho người khác")


def test_same_slip_number_in_another_year_is_another_slip(base, tmp_path):
    path = sample_changed(tmp_path, "slips", {"Ngày phát hành": "05/01/2024",
                                              "Họ và tên người được xác minh": "Võ Văn Khác"})
    code, out, _ = base("import", "slips", path)
    assert code == 0 and "Thêm mới: 1" in out


@pytest.mark.parametrize("cccd", ["06006500123", "0600650012345", "0600-6500-123"])
def test_cccd_that_is_not_twelve_digits(base, tmp_path, cccd):
    path = cadre_file(tmp_path, [["Nguyễn Văn A", "1970", "Nam", cccd]])
    refused(base, "cadres", path, "Dòng 2, cột «Số CCCD»:")


def test_cccd_that_belongs_to_someone_else(base, tmp_path):
    path = cadre_file(tmp_path, [["Võ Thị Khác", "1971", "Nữ", "060065001234"]])
    refused(base, "cadres", path, "Dòng 2, cột «Số CCCD»: số CCCD 060065001234 đã thuộc về người khác")


def test_five_megabyte_cell(base, tmp_path):
    path = workbook(tmp_path / "big.xlsx", ["Họ và tên", "Ngày sinh", "Ghi chú"],
                    [["Nguyễn Văn A", "1970", "x"]])
    _rewrite_cell(path, "C2", f'<c r="C2" t="inlineStr"><is><t>{"ồ" * 5_000_000}</t></is></c>')
    refused(base, "cadres", path, "Dòng 2, cột «Ghi chú»: quá dài (5.000.000 ký tự; tối đa 32.767)")


LONGEST_CELL = 32_767  # Excel's limit for a cell's text; other programs write longer ones


def _complaint_summarized(path, form, length, summary=None):
    """The sample complaint in the complaints layout, its summary (E2) `length` characters of
    Vietnamese text (or `summary`) written as `form`: a shared string (as Excel saves text), an inline string,
    or rich text in two runs (openpyxl writes that at any length; a plain string it cuts to 32,767)."""
    headers, rows = SAMPLES["complaints"]
    summary = summary or ("Phản ánh kê khai lý lịch chưa trung thực; " * 1000)[:length - 1] + "."
    halves = summary[:length // 2], summary[length // 2:]
    if form == "rich":
        book = openpyxl.Workbook()
        book.active.append(headers)
        book.active.append([*rows[0][:4], CellRichText(TextBlock(InlineFont(b=True), halves[0]), halves[1]),
                            *rows[0][5:]])
        book.save(path)
        return path, summary
    cells = [hostile_workbooks.inline(f"{chr(65 + i)}2", value) for i, value in enumerate(rows[0])]
    cells[4] = ('<c r="E2" t="s"><v>0</v></c>' if form == "shared"
                else f'<c r="E2" t="inlineStr"><is><t>{summary}</t></is></c>')
    shared = f'<sst xmlns="{hostile_workbooks.MAIN}"><si><t>{summary}</t></si></sst>'.encode()
    sheet = hostile_workbooks.sheet_xml([hostile_workbooks.header_row(headers), f'<row r="2">{"".join(cells)}</row>'])
    return hostile_workbooks.write(path, [("Đơn thư", "visible", sheet)], shared if form == "shared" else None), summary


@pytest.mark.parametrize("form", ["shared", "inline", "rich"])
def test_a_cell_longer_than_excel_holds_is_refused_not_cut(base, tmp_path, form):
    """One character over Excel's limit, however the file holds the text: the officer is told, nothing is stored."""
    path, _ = _complaint_summarized(tmp_path / "don.xlsx", form, LONGEST_CELL + 1)
    refused(base, "complaints", path, "Dòng 2, cột «Nội dung tóm tắt»: quá dài (32.768 ký tự; tối đa 32.767)")


@pytest.mark.parametrize("form", ["shared", "inline", "rich"])
def test_a_cell_as_long_as_excel_holds_is_stored_whole(base, tmp_path, form):
    path, summary = _complaint_summarized(tmp_path / "don.xlsx", form, LONGEST_CELL)
    code, out, err = base("import", "complaints", path)
    assert code == 0 and "Thêm mới: 1" in out, out + err
    db = vault.unlock(base.db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            assert connection.execute(select(complaints.c.summary)).scalars().all() == [summary]
    finally:
        db.close()


def test_a_text_over_excel_s_count_with_emoji_in_it_is_refused(base, tmp_path):
    """32,000 characters, 1,000 of them emoji: 33,000 as Excel counts a cell (an emoji is two), more than it holds."""
    summary = "ồ" * 31_000 + "📎" * 1_000
    path, _ = _complaint_summarized(tmp_path / "don.xlsx", "inline", 0, summary)
    refused(base, "complaints", path, "Dòng 2, cột «Nội dung tóm tắt»: quá dài (33.000 ký tự, mỗi emoji hay chữ "
                                      "hiếm tính là 2 như Excel; tối đa 32.767)")


def test_a_text_as_long_as_excel_counts_is_imported_and_exported_whole(base, tmp_path):
    summary = "ồ" * (LONGEST_CELL - 2) + "📎"
    path, _ = _complaint_summarized(tmp_path / "don.xlsx", "inline", 0, summary)
    code, out, err = base("import", "complaints", path)
    assert code == 0 and "Thêm mới: 1" in out, out + err
    exported = tmp_path / "xuat.xlsx"
    assert base("export", "complaints", "--out", exported)[0] == 0
    sheet = openpyxl.load_workbook(exported, read_only=True).worksheets[0]
    assert summary in [cell for row in sheet.iter_rows(values_only=True) for cell in row]


def test_formula_without_cached_value(base, tmp_path):
    path = cadre_file(tmp_path, [["Nguyễn Văn A", "=TEXT(1970,\"0\")", "Nam", None]])
    refused(base, "cadres", path, "Dòng 2, cột «Ngày sinh»: ô chứa công thức chưa có giá trị tính sẵn")


def test_formula_with_cached_value_uses_the_value(base, tmp_path):
    path = cadre_file(tmp_path, [["Nguyễn Văn Công Thức", "1970", "Nam", None]])
    _rewrite_cell(path, "B2", '<c r="B2" t="str"><f>TEXT(1970,"0")</f><v>1970</v></c>')
    code, out, _ = base("import", "cadres", path)
    assert code == 0 and "Thêm mới: 1" in out


def test_a_cell_showing_an_excel_error_is_a_problem_of_its_row_and_column(base, tmp_path):
    """Required or not, the cell is not empty: Excel shows #N/A there. A column not imported may show one."""
    path = workbook(tmp_path / "loi.xlsx", ["Họ và tên", "Ngày sinh", "Chức vụ", "Cột khác"],
                    [["Lỗi Công Thức", "1970", "x", "x"], ["Lỗi Ngày Sinh", "x", "Chuyên viên", "x"]])
    _rewrite_cell(path, "C2", '<c r="C2" t="e"><f>VLOOKUP(A2,Sheet2!A:B,2,0)</f><v>#N/A</v></c>')
    _rewrite_cell(path, "B3", '<c r="B3" t="e"><f>VLOOKUP(A3,Sheet2!A:C,3,0)</f><v>#N/A</v></c>')
    _rewrite_cell(path, "D2", '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    out = refused(base, "cadres", path,
                  "Dòng 2, cột «Chức vụ»: ô có lỗi công thức «#N/A»; hãy sửa ô này trong Excel (hoặc xóa) rồi nhập lại",
                  "Dòng 3, cột «Ngày sinh»: ô có lỗi công thức «#N/A»")
    assert "bắt buộc" not in out and "DIV" not in out


def _rewrite_cell(path, ref, xml):
    """Replaces one cell's XML, as another program (Excel, a script) may have saved it."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index(f'<c r="{ref}"')
    end = sheet.index("</c>", start) + 4
    members["xl/worksheets/sheet1.xml"] = (
        sheet[:start] + xml + sheet[end:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_ambiguous_delegation_member(base, tmp_path):
    namesakes = [["Hồ Văn Trùng", "1960", "Nam", None, "Tuy Phong"], ["Hồ Văn Trùng", "1965", "Nam", None, "Bắc Bình"]]
    assert base("import", "cadres", cadre_file(tmp_path, namesakes, headers=[
        "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán"]))[0] == 0
    path = sample_changed(tmp_path, "delegations", {"Họ và tên thành viên": "Hồ Văn Trùng", "Ngày sinh": None,
                                                    "Quê quán": None})
    refused(base, "delegations", path,
            "Dòng 2, cột «Họ và tên thành viên»: «Hồ Văn Trùng» khớp với 2 cán bộ")


def test_delegation_member_unknown_without_birth_date(base, tmp_path):
    path = sample_changed(tmp_path, "delegations", {"Họ và tên thành viên": "Người Chưa Có", "Ngày sinh": None})
    refused(base, "delegations", path,
            "Dòng 2, cột «Họ và tên thành viên»: không tìm thấy cán bộ «Người Chưa Có»")


def test_a_delegation_member_whose_cccd_nobody_holds_is_not_a_namesake_without_a_birth_date(base, tmp_path):
    """A cadre with no CCCD is the member only by name and birth date: the namesake born 1965 must not
    take the CCCD of a man born 1992 (the real one, imported later, would have become a second cadre)."""
    assert base("import", "cadres", cadre_file(tmp_path, [["Trần Văn Quý", "1965", "Nam", None]]))[0] == 0
    path = sample_changed(tmp_path, "delegations", {"Họ và tên thành viên": "Trần Văn Quý", "Ngày sinh": None,
                                                    "Quê quán": None, "Số CCCD": "068092000777"})
    refused(base, "delegations", path,
            "Dòng 2, cột «Ngày sinh»: không tìm thấy cán bộ «Trần Văn Quý» mang số CCCD 068092000777")


def test_rows_of_one_delegation_must_agree(base, tmp_path):
    headers, rows = SAMPLES["delegations"]
    second = list(rows[1])
    second[3] = "Trung Quốc"
    refused(base, "delegations", workbook(tmp_path / "d.xlsx", headers, [rows[0], second]),
            "Dòng 3, cột «Nước đến»: khác với dòng 2 của cùng đoàn")


def test_a_row_differing_from_its_delegations_first_in_several_columns_names_them_all(base, tmp_path):
    """The officer mends the row once, not one column per attempt."""
    headers, rows = SAMPLES["delegations"]
    second = list(rows[1])
    second[2:5] = ["Đoàn khác", "Trung Quốc", "Tham quan"]
    refused(base, "delegations", workbook(tmp_path / "d.xlsx", headers, [rows[0], second]),
            "Dòng 3, cột «Tên đoàn»: khác với dòng 2 của cùng đoàn (Tên đoàn, Nước đến, Mục đích)")


def test_a_problem_in_the_last_row_keeps_all_earlier_rows_out(base, tmp_path):
    rows = [[f"Người Thứ {i}", "1970", "Nam", None] for i in range(1, 200)] + [["Người Cuối", "1970", "?", None]]
    refused(base, "cadres", cadre_file(tmp_path, rows), "Dòng 201, cột «Giới tính»")


def test_export_to_a_missing_folder_or_wrong_suffix(base, tmp_path):
    code, _, err = base("export", "cadres", "--out", tmp_path / "khong-co" / "x.xlsx")
    assert code == 2 and "không tồn tại" in err
    code, _, err = base("export", "cadres", "--out", tmp_path / "x.csv")
    assert code == 2 and ".xlsx" in err
    assert list(tmp_path.glob("*.tmp")) == [] and list(tmp_path.glob(".x*")) == []


def test_dates_given_as_real_cells_and_numbers(base, tmp_path):
    path = cadre_file(tmp_path, [["Mai Văn Số", 1958, "Nam", 60058000001],
                                 ["Mai Thị Ngày", dt.date(1960, 1, 2), "Nữ", None]])
    code, out, _ = base("import", "cadres", path)
    assert code == 0 and "Thêm mới: 2" in out
    assert not io.StringIO(out).read().count("Traceback")

