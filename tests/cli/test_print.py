"""`bvct print …` and `bvct report --format pdf|xlsx|docx [--issue]`: documents from the registers,
numbers reserved only on issue, every print audited, roles and encryption honoured."""

import datetime as dt
import json

import docx
import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from bvct_desktop.core import browse, documents_data, recycle_bin, report_notes, vault
from bvct_desktop.core.kinds import DELEGATIONS
from bvct_desktop.core.personfile import relatives
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.personfile.vitae import SALARY
from bvct_desktop.core.schema import audit_log, cadres, document_numbers
from bvct_desktop.io.documents import profile
from bvct_desktop.io.documents.layout import date_text
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.io.documents import pdfcheck
from tests.samples import SAMPLES

pytestmark = pdfcheck.needs_poppler
YEAR = ("--from", "2025-01-01", "--to", "2025-12-31")
OFFICER, OFFICER_PASSWORD = "chuyenvien", "Chuyen-vien-2025"


@pytest.fixture
def loaded(cli, tmp_path):
    for kind, (headers, rows) in SAMPLES.items():
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))[0] == 0
    assert cli("settings", "set", "nguoi_ky", "Nguyễn Văn Hòa")[0] == 0
    return cli


def audit_rows(cli) -> list[tuple]:
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        rows = connection.execute(select(audit_log.c.user_name, audit_log.c.action, audit_log.c.kind,
                                         audit_log.c.outcome, audit_log.c.details)
                                  .order_by(audit_log.c.id)).all()
    db.close()
    return rows


def issued_numbers(cli) -> list[int]:
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        numbers = list(connection.execute(select(document_numbers.c.number).order_by(document_numbers.c.id))
                       .scalars())
    db.close()
    return numbers


# Slips

def test_slips_of_a_period_one_page_each_and_audited(loaded, tmp_path):
    target = tmp_path / "phieu.pdf"
    code, out, _ = loaded("print", "slips", *YEAR, "--out", target)
    assert code == 0 and "Đã in 2 phiếu" in out
    assert pdfcheck.info(target)["Pages"] == "2"
    assert "Số 12/PXM" in pdfcheck.text(target, first=1, last=1)
    assert "Họ và tên: PHẠM MINH QUANG" in pdfcheck.lines(target, first=2, last=2)
    printed = [row for row in audit_rows(loaded) if row.action == "in"]
    assert len(printed) == 1 and printed[0].kind == "slips" and printed[0].outcome == "ok"
    assert json.loads(printed[0].details)["tep"] == str(target.resolve())


def test_a_slips_print_entry_names_the_slips_printed(loaded, tmp_path):
    assert loaded("print", "slips", *YEAR, "--out", tmp_path / "phieu.pdf")[0] == 0
    printed = [row for row in audit_rows(loaded) if row.action == "in"]
    assert json.loads(printed[0].details) | {"tep": None} == {"tep": None, "tu": "2025-01-01", "den": "2025-12-31",
                                                              "so_ban_ghi": 2, "so_phieu": ["12/PXM", "13/PXM"],
                                                              "tai_lieu": "Phiếu yêu cầu xác minh lai lịch",
                                                              "do_mat": ""}


def _printed_in_words(cli) -> str:
    """The details of the last print or export, as the chief reads them in `bvct audit list`."""
    code, out, _ = cli("audit", "list")
    assert code == 0
    return [line.split("\t") for line in out.splitlines() if line.split("\t")[4] in ("in", "xuất")][-1][8]


def test_every_print_names_in_the_trail_the_document_and_the_records_in_it(loaded, tmp_path):
    """Two lines «in | Phiếu yêu cầu xác minh lai lịch | Tệp: …» could be two slips or the whole slip register,
    and a cadre's summary named nobody: the chief could not tell what left."""
    folder = tmp_path.resolve()  # the trail names where each file went
    assert loaded("print", "slip-register", *YEAR, "--out", tmp_path / "so.xlsx")[0] == 0
    assert _printed_in_words(loaded) == (f"Tệp: {folder / 'so.xlsx'}; Từ: 01/01/2025; Đến: 31/12/2025; "
                                         "Độ mật: không; Số bản ghi: 2; "
                                         "Số phiếu: 12/PXM, 13/PXM; "
                                         "Danh sách: Sổ theo dõi phiếu yêu cầu xác minh lai lịch")
    assert loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--out",
                  tmp_path / "tn.pdf")[0] == 0
    assert _printed_in_words(loaded) == ("Bản ghi: (Họ và tên: «Nguyễn Văn Hùng», Ngày sinh: 12/03/1965); "
                                         f"Tệp: {folder / 'tn.pdf'}; Độ mật: không; Số bản ghi: 1; "
                                         "Tài liệu: Trích ngang cán bộ")
    assert loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", tmp_path / "doan.pdf")[0] == 0
    delegation = _printed_in_words(loaded)
    assert delegation.startswith("Bản ghi: (") and "«125-QĐ/TU»" in delegation
    assert delegation.endswith(f"; Tệp: {folder / 'doan.pdf'}; Số quyết định: 125-QĐ/TU; Độ mật: không; "
                               "Số bản ghi: 1; Tài liệu: Danh sách trích ngang")  # no «Ngày: (trống)» without --date
    assert loaded("print", "slips", *YEAR, "--out", tmp_path / "phieu.pdf")[0] == 0
    assert _printed_in_words(loaded) == (f"Tệp: {folder / 'phieu.pdf'}; Từ: 01/01/2025; Đến: 31/12/2025; "
                                         "Độ mật: không; Số bản ghi: 2; "
                                         "Số phiếu: 12/PXM, 13/PXM; Tài liệu: Phiếu yêu cầu xác minh lai lịch")


def test_a_print_written_encrypted_says_so_in_the_trail(loaded, tmp_path):
    secret = tmp_path / "mat-khau"
    secret.write_text("Mật khẩu in 2025\n", encoding="utf-8")
    assert loaded("print", "slips", *YEAR, "--out", tmp_path / "phieu.pdf", "--encrypt-password-file", secret)[0] == 0
    assert "; Mã hóa: Có;" in _printed_in_words(loaded)


def test_a_print_says_whether_it_carried_the_secrecy_mark_the_setting_or_the_command_chose(loaded, tmp_path):
    """«Who printed secret documents?»: each print's entry says its «MẬT» mark, as the document carried it."""
    assert loaded("settings", "set", "do_mat", "MẬT")[0] == 0
    assert loaded("print", "slips", *YEAR, "--out", tmp_path / "mat.pdf")[0] == 0
    assert "; Độ mật: Mật;" in _printed_in_words(loaded)
    assert loaded("print", "slips", *YEAR, "--out", tmp_path / "thuong.pdf", "--no-secret")[0] == 0
    assert "; Độ mật: không;" in _printed_in_words(loaded)


def test_a_print_made_before_midnight_and_audited_after_it_says_the_mark_its_pages_carry(loaded, tmp_path,
                                                                                        monkeypatch):
    """A cadre's summary made at 23:59:59 on 31/12/2025, when every document was «MẬT», is audited a moment
    later, on 01/01/2026, when none is: the trail says the mark of the day its pages were made."""
    from bvct_desktop.cli import documents

    assert loaded("settings", "set", "do_mat", "MẬT", "--from", "2025-01-01")[0] == 0
    assert loaded("settings", "set", "do_mat", "", "--from", "2026-01-01")[0] == 0
    opened = documents.open_database
    moments = iter([dt.datetime(2025, 12, 31, 23, 59, 59)])

    def across_midnight(args):
        db = opened(args)
        db.clock = lambda: next(moments, dt.datetime(2026, 1, 1, 0, 0, 1))
        return db

    monkeypatch.setattr(documents, "open_database", across_midnight)
    assert loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--out",
                  tmp_path / "tn.pdf")[0] == 0
    assert "MẬT" in pdfcheck.lines(tmp_path / "tn.pdf", first=1, last=1)
    assert "; Độ mật: Mật;" in _printed_in_words(loaded)


def test_a_record_printed_again_says_the_mark_of_the_record_s_own_day_as_its_document_carries_it(loaded, tmp_path):
    """A slip of 2025, when every document was «MẬT», prints with the mark of its day (the letterhead in force
    then): the trail says so, not today's setting (none now)."""
    assert loaded("settings", "set", "do_mat", "MẬT", "--from", "2025-01-01")[0] == 0
    assert loaded("settings", "set", "do_mat", "", "--from", "2026-01-01")[0] == 0
    assert loaded("print", "slips", *YEAR, "--out", tmp_path / "phieu.pdf")[0] == 0
    assert "MẬT" in pdfcheck.lines(tmp_path / "phieu.pdf", first=1, last=1)
    assert "; Độ mật: Mật;" in _printed_in_words(loaded)
    assert loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--out",
                  tmp_path / "tn.pdf")[0] == 0  # printed today, under today's setting
    assert "; Độ mật: không;" in _printed_in_words(loaded)


def test_a_print_of_many_slips_names_the_first_and_the_last():
    many = [{"number": f"{number}/PXM"} for number in range(1, 31)]
    assert documents_data.slips_named(many) == {"so_ban_ghi": 30, "phieu_dau": "1/PXM", "phieu_cuoi": "30/PXM"}


def test_slips_by_number_follow_the_order_given(loaded, tmp_path):
    target = tmp_path / "phieu.pdf"
    code, _, err = loaded("print", "slips", "--year", "2025", "--numbers", "13/pxm", "12/PXM", "--out", target)
    assert code == 0, err
    assert "Số 13/PXM" in pdfcheck.text(target, first=1, last=1)
    assert "Số 12/PXM" in pdfcheck.text(target, first=2, last=2)


def test_a_slip_imported_without_the_gender_its_relation_tells_prints_it(loaded, tmp_path):
    headers, rows = SAMPLES["slips"]
    mother = list(rows[0])
    for header, value in (("Số phiếu", "14/PXM"), ("Họ và tên người được xác minh", "Lê Thị Năm"),
                          ("Giới tính", None), ("Quan hệ", "Mẹ")):
        mother[headers.index(header)] = value
    assert loaded("import", "slips", workbook(tmp_path / "me.xlsx", headers, [mother]))[0] == 0
    target = tmp_path / "phieu.pdf"
    assert loaded("print", "slips", "--year", "2025", "--numbers", "14/PXM", "--out", target)[0] == 0
    assert any(line.endswith("Giới tính: Nữ") for line in pdfcheck.lines(target))


@pytest.mark.parametrize(("argv", "message"), [
    (("--year", "2025", "--numbers", "12/PXM", "99/PXM"), "Không có phiếu số 99/PXM năm 2025"),
    (("--numbers", "12/PXM"), "Thiếu --year YYYY"),
    (("--year", "2025", "--numbers", "12/PXM", "--from", "2025-01-01"), "không dùng cùng nhau"),
    (("--year", "2025", "--from", "2025-01-01", "--to", "2025-12-31"), "không dùng cùng nhau"),
    (("--year", "2025"), "Cần --from D --to D"),
    (("--year", "25", "--numbers", "12/PXM"), "Năm «25» phải có dạng YYYY"),
    (("--from", "2025-01-01"), "--to"),
    (("--from", "2024-01-01", "--to", "2024-12-31"), "Không có phiếu nào"),
    (("--from", "2025-12-31", "--to", "2025-01-01"), "--to phải sau"),
])
def test_bad_selections_exit_2_and_write_nothing(loaded, tmp_path, argv, message):
    target = tmp_path / "phieu.pdf"
    code, _, err = loaded("print", "slips", *argv, "--out", target)
    assert code == 2 and message in err
    assert not target.exists()


# Registers

def test_the_slip_register_as_a_landscape_pdf(loaded, tmp_path):
    target = tmp_path / "so.pdf"
    assert loaded("print", "slip-register", "--from", "2025-01-01", "--to", "2026-12-31", "--out", target)[0] == 0
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    pdfcheck.assert_bundled_fonts_only(target)
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "BAN TỔ CHỨC", "SỔ THEO DÕI PHIẾU YÊU CẦU XÁC MINH LAI LỊCH",
                             "Từ ngày 01/01/2025 đến ngày 31/12/2026", "STT", "12/PXM", "13/PXM", "1/PXM",
                             "Tổng số: 3 phiếu; đến ngày 31/12/2026 đã có kết quả 1 phiếu.")


def test_a_register_counts_the_replies_by_its_period_s_end_as_the_report_does(loaded, tmp_path):
    """Printed on 16/12 for the year to 14/12, the register shows the replies come since, as it stands: its count
    says how many were in by the period's end, the report's «đã có kết quả», so the officer checking the report by
    hand finds its figure. 12/PXM of 05/01/2025 was answered on 20/02/2025: not by 31/01/2025."""
    january, year = ("--from", "2025-01-01", "--to", "2025-01-31"), YEAR
    for period, told in ((january, "Tổng số: 2 phiếu; đến ngày 31/01/2025 đã có kết quả 0 phiếu."),
                         (year, "Tổng số: 2 phiếu; đến ngày 31/12/2025 đã có kết quả 1 phiếu.")):
        target = tmp_path / "so.pdf"
        assert loaded("print", "slip-register", *period, "--out", target)[0] == 0
        lines = pdfcheck.lines(target)
        assert any("12/PXM" in line and "20/02/2025" in line for line in lines)  # the register as it stands
        pdfcheck.assert_in_order(lines, "12/PXM", told)
        workbook_target = tmp_path / "so.xlsx"
        assert loaded("print", "slip-register", *period, "--out", workbook_target)[0] == 0
        assert told in [row[0] for row in openpyxl.load_workbook(workbook_target).active.iter_rows(values_only=True)]
        code, figures, _ = loaded("report", *period, "--format", "json", "--out", "-")
        assert code == 0 and f"đã có kết quả {json.loads(figures)['slips_answered']} phiếu" in told


def test_the_slip_register_as_a_workbook_that_prints_under_the_letterhead(loaded, tmp_path):
    target = tmp_path / "so.xlsx"
    assert loaded("print", "slip-register", *YEAR, "--out", target)[0] == 0
    sheet = openpyxl.load_workbook(target).active
    header_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")
    header = [cell.value for cell in sheet[header_row]]
    assert header[1:] == ["Số phiếu", "Ngày gửi", "Họ và tên", "Ngày sinh", "Quê quán", "Quan hệ", "Thẩm tra cho",
                          "Mục đích", "Nơi nhận", "Ngày nhận kết quả", "Kết quả"]  # as on paper
    assert sheet["A1"].value == "TỈNH ỦY LÂM ĐỒNG" and sheet["A2"].value == "BAN TỔ CHỨC"
    assert all(cell.font.b for cell in sheet[header_row]) and sheet.freeze_panes == f"A{header_row + 1}"
    first = header_row + 1
    assert sheet[f"C{first}"].value.year == 2025 and sheet[f"C{first}"].number_format == "DD/MM/YYYY"
    assert sheet[f"B{first}"].value == "12/PXM" and sheet[f"B{first}"].number_format == "@"
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.auto_filter.ref == f"A{header_row}:L{header_row + 2}"
    assert [row for row in audit_rows(loaded) if row.action == "xuất" and row.kind == "slips"]


def test_a_register_in_another_format_is_refused(loaded, tmp_path):
    code, _, err = loaded("print", "slip-register", *YEAR, "--out", tmp_path / "so.docx")
    assert code == 2 and ".pdf hoặc .xlsx" in err


# Delegations

def test_a_delegation_list_heads_first_with_the_proposal_header(loaded, tmp_path):
    target = tmp_path / "doan.pdf"
    code, out, _ = loaded("print", "delegation", "--decision", "125-qđ/tu", "--out", target)
    assert code == 0 and "(2 người)" in out
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "BAN TỔ CHỨC", "DANH SÁCH TRÍCH NGANG", "cán bộ, đảng viên đi Nhật Bản",
                             "(Kèm theo Quyết định số 125-QĐ/TU ngày 10/03/2025)", "Tên đoàn: Đoàn công tác Sở Nội vụ",
                             "Thời gian: từ ngày 01/04/2025 đến ngày 08/04/2025",
                             "STT Họ và tên Năm sinh Chức vụ Đơn vị công Mã ngạch Bậc Ghi chú", "tác",
                             "1 Bùi Thị Hương 1975 Giám đốc Sở Ngoại vụ Trưởng đoàn", "2 Đỗ Quang Vinh 1982",
                             "K/T TRƯỞNG BAN", "Nguyễn Văn Hòa")


def test_an_archive_letter_is_printed_by_its_number_and_a_number_two_letters_share_asks_for_the_date(loaded, tmp_path):
    """`bvct print archive-letter`: our answer to the province's letter of that number (typed without accents), each
    person it asked about with what the archives hold; a number two provinces both used needs --date."""
    target = tmp_path / "cv.pdf"
    code, out, _ = loaded("print", "archive-letter", "--number", "45-cv/btctu", "--out", target)
    assert (code, out.strip()) == (0, "Đã in công văn trả lời kết quả nghiên cứu tàng thư gửi «Ban Tổ chức Tỉnh ủy "
                                      f"Đồng Nai» về 1 trường hợp ra {target}")
    text = " ".join(" ".join(pdfcheck.lines(target)).split())
    assert "Công văn số 45-CV/BTCTU ngày 03/02/2025 của Ban Tổ chức Tỉnh ủy Đồng Nai" in text
    assert "1. Huỳnh Văn Tám, sinh năm 1948, quê quán Tánh Linh" in text and ": Không có tài liệu." in text
    headers, _ = SAMPLES["archive-requests"]
    assert loaded("import", "archive-requests", workbook(tmp_path / "more.xlsx", headers, [
        ["Nghiên cứu giúp tỉnh bạn", "Bình Định", "45-CV/BTCTU", "17/11/2026", "Lê Văn Thượng", "1947", None, None,
         None]]))[0] == 0
    code, _, err = loaded("print", "archive-letter", "--number", "45-CV/BTCTU", "--out", target)
    assert (code, err.strip()) == (2, "Văn bản số «45-CV/BTCTU» là của 2 công văn (Đồng Nai ngày 03/02/2025, Bình Định "
                                      "ngày 17/11/2026); ghi thêm --date để chọn một công văn.")
    assert loaded("print", "archive-letter", "--number", "45-CV/BTCTU", "--date", "2026-11-17",
                  "--out", target)[0] == 0
    text = " ".join(pdfcheck.lines(target))  # printed today, to Bình Định's board now part of Gia Lai
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy Gia Lai" in text and "của Ban Tổ chức Tỉnh ủy Bình Định" in text


def test_a_member_listed_without_position_or_unit_shows_those_of_the_cadre_s_file(loaded, tmp_path):
    """An old list often names the members only: the list to sign showed empty «Chức vụ» and «Đơn vị
    công tác» columns though the cadres' files hold them. A member's own position at the time, when
    written, comes first."""
    headers = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Ngày đi", "Ngày về",
               "Họ và tên thành viên", "Ngày sinh", "Chức vụ", "Vai trò"]
    trip = ["1234-QĐ/TU", "10/03/2026", "Đoàn xúc tiến đầu tư", "Hàn Quốc", "05/04/2026", "15/04/2026"]
    assert loaded("import", "delegations", workbook(tmp_path / "doan.xlsx", headers, [
        [*trip, "Nguyễn Văn Hùng", "12/03/1965", None, "Trưởng đoàn"],
        [*trip, "Trần Thị Ánh", "1970", "Phó Giám đốc phụ trách", "Thành viên"]]))[0] == 0
    target = tmp_path / "doan-1234.xlsx"
    assert loaded("print", "delegation", "--decision", "1234-QĐ/TU", "--out", target)[0] == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    header_at = next(i for i, row in enumerate(rows) if row[0] == "STT")
    assert rows[header_at + 1:header_at + 3] == [
        (1, "Nguyễn Văn Hùng", "1965", "Giám đốc", "Sở Nội vụ", None, None, "Trưởng đoàn"),
        (2, "Trần Thị Ánh", "1970", "Phó Giám đốc phụ trách", "Sở Tài chính", None, None, None)]


def test_a_member_who_left_the_cadres_list_is_printed_and_told(loaded, tmp_path):
    """Vinh left the office after the list was planned (his cadre record is in the recycle bin): the list
    still names him — a trip made is history — but the officer is told before signing it."""
    db = vault.unlock(loaded.db, ADMIN, PASSWORD)
    try:
        recycle_bin.delete(db, "cadres", browse.record_ids(db, "cadres", "do quang vinh")[0])
    finally:
        db.close()
    code, out, _ = loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", tmp_path / "doan.pdf")
    assert code == 0 and "(2 người)" in out
    assert ("Lưu ý: «Đỗ Quang Vinh» đã chuyển vào Thùng rác (không còn trong danh sách cán bộ) mà vẫn có tên "
            "trong đoàn; nếu người ấy không đi, hãy bỏ khỏi danh sách đoàn ở biểu mẫu đoàn ra") in out


def test_a_list_dated_when_no_signer_was_set_is_written_and_told(loaded, tmp_path):
    """«Người ký» set only from 2026: the list of a decision of 10/03/2025 is written, as another allowed but
    missing thing is (a member in the recycle bin), and the officer told it ends with no name to sign."""
    assert loaded("settings", "set", "nguoi_ky", "", "--from", "2025-01-01")[0] == 0
    assert loaded("settings", "set", "nguoi_ky", "Nguyễn Văn Hòa", "--from", "2026-01-01")[0] == 0
    target = tmp_path / "doan.pdf"
    code, out, _ = loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", target)
    assert code == 0 and target.exists()
    assert ("Lưu ý: danh sách trích ngang của đoàn «Đoàn công tác Sở Nội vụ» (Quyết định số 125-QĐ/TU ngày "
            "10/03/2025), danh sách ngày 10/03/2025, in ra không có họ tên người ký dưới chữ ký: cài đặt «Người ký» "
            "để trống vào ngày của danh sách; đặt bằng lệnh bvct settings set nguoi_ky \"Họ và tên\" (thêm --from "
            "NGÀY khi chỉ từ ngày ấy) rồi in lại.") in out
    assert "Nguyễn Văn Hòa" not in pdfcheck.lines(target)


def test_a_list_whose_day_has_a_signer_tells_nothing_of_it(loaded, tmp_path):
    code, out, _ = loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", tmp_path / "doan.xlsx")
    assert code == 0 and "Người ký" not in out


def test_a_decision_number_typed_without_accents_finds_its_delegation(loaded, tmp_path):
    """A keyboard without a Vietnamese input method types «125-QD/TU» for «125-QĐ/TU»."""
    target = tmp_path / "doan.pdf"
    code, out, _ = loaded("print", "delegation", "--decision", "125-QD/TU", "--out", target)
    assert code == 0 and "(2 người)" in out
    assert "(Kèm theo Quyết định số 125-QĐ/TU ngày 10/03/2025)" in pdfcheck.lines(target)


def test_a_delegation_list_as_a_workbook(loaded, tmp_path):
    target = tmp_path / "doan.xlsx"
    assert loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", target)[0] == 0
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    header_at = next(i for i, row in enumerate(rows) if row[0] == "STT")
    assert rows[header_at] == ("STT", "Họ và tên", "Năm sinh", DELEGATIONS.field("position").header,
                               DELEGATIONS.field("unit").header, "Mã ngạch", "Bậc", "Ghi chú")
    assert rows[header_at + 1] == (1, "Bùi Thị Hương", "1975", "Giám đốc", "Sở Ngoại vụ", None, None, "Trưởng đoàn")


def test_a_delegation_list_gives_each_member_s_grade_code_and_step_the_day_the_delegation_left(loaded, tmp_path):
    """As the state's list of officials sent abroad does (brief §1.5): «Mã ngạch» and «Bậc» of the step in force
    on 01/04/2025, the day the Sở Nội vụ delegation left, not of the one raised since; «Ghi chú» says who heads it
    and leaves a member's blank. «Loại» (công chức A2.1…) is no column: nothing on file gives it."""
    db = vault.unlock(loaded.db, ADMIN, PASSWORD)
    try:
        [huong] = browse.record_ids(db, "cadres", "bui thi huong")
        with db.read() as connection:
            person = connection.execute(select(cadres.c.person_id).where(cadres.c.id == huong)).scalar_one()
        SALARY.add(db, person, {"since": "01/2022", "grade_code": "01.002", "step": "4/8", "coefficient": "5,42"})
        SALARY.add(db, person, {"since": "01/2026", "grade_code": "01.001", "step": "1/6", "coefficient": "6,20"})
    finally:
        db.close()
    pdf, xlsx = tmp_path / "doan.pdf", tmp_path / "doan.xlsx"
    assert loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", pdf)[0] == 0
    assert loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", xlsx)[0] == 0
    pdfcheck.assert_in_order(pdfcheck.lines(pdf), "1 Bùi Thị Hương 1975 Giám đốc Sở Ngoại vụ 01.002 4/8 Trưởng đoàn",
                             "2 Đỗ Quang Vinh 1982")
    sheet = openpyxl.load_workbook(xlsx).active
    rows = [row for row in sheet.iter_rows() if row[1].value in ("Bùi Thị Hương", "Đỗ Quang Vinh")]
    assert [[cell.value for cell in row[5:]] for row in rows] == [["01.002", "4/8", "Trưởng đoàn"], [None, None, None]]
    assert {cell.data_type for cell in rows[0][5:]} == {"s"}


def test_a_decision_number_shared_by_two_delegations_needs_the_date(loaded, tmp_path):
    headers, rows = SAMPLES["delegations"]
    later = [["125-QĐ/TU", "20/10/2025", "Đoàn khảo sát du lịch", "Lào", "Tham quan", "01/11/2025",
              "05/11/2025", None, "Bùi Thị Hương", "02/02/1975", "Đức Linh", None, "Giám đốc", "Sở Ngoại vụ",
              "Trưởng đoàn"]]
    assert loaded("import", "delegations", workbook(tmp_path / "d2.xlsx", headers, later))[0] == 0
    target = tmp_path / "doan.pdf"
    code, _, err = loaded("print", "delegation", "--decision", "125-QĐ/TU", "--out", target)
    assert code == 2 and "2 đoàn" in err and "10/03/2025" in err and "20/10/2025" in err and "--date" in err
    assert not target.exists()
    code, _, _ = loaded("print", "delegation", "--decision", "125-QĐ/TU", "--date", "2025-10-20", "--out", target)
    assert code == 0 and "cán bộ, đảng viên đi Lào" in pdfcheck.lines(target)
    code, _, err = loaded("print", "delegation", "--decision", "999-QĐ/TU", "--out", target)
    assert code == 2 and "Không có đoàn ra" in err



def test_a_decision_without_its_date_dates_the_list_the_day_it_is_printed(loaded, tmp_path):
    headers, rows = SAMPLES["delegations"]
    undated = ["7-QĐ/TU", None, "Đoàn khảo sát", "Lào", "Tham quan", "01/11/2025", "05/11/2025", None, *rows[0][8:]]
    code, out, err = loaded("import", "delegations", workbook(tmp_path / "d2.xlsx", headers, [undated]))
    assert code == 0, out + err
    target = tmp_path / "doan.pdf"
    assert loaded("print", "delegation", "--decision", "7-QĐ/TU", "--out", target)[0] == 0
    assert date_text("Lâm Đồng", dt.date.today(), profile.load()) in pdfcheck.lines(target)


# The cadre summary

def test_a_cadre_summary_prints_the_political_issues_of_the_file(loaded, tmp_path):
    """Hùng's father's old-regime service, concluded in 2016 under QĐ 57 with a ceiling, prints on his
    summary by the father's relation and name."""
    db = vault.unlock(loaded.db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            hung = connection.execute(select(cadres.c.person_id).where(
                cadres.c.id == browse.record_ids(db, "cadres", "nguyen van hung")[0])).scalar_one()
        father = next(relative for relative in relatives.list_relatives(db, hung) if relative.relation == "Cha")
        POLITICAL_NOTES.add(db, hung, {"axis": "Lịch sử chính trị", "content": "Cha đẻ là hạ sĩ quan chế độ cũ",
                                       "found_on": "20/05/2016", "relative_id": father.id,
                                       "effect": "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
                                       "limit_note": "Không quá ủy viên Ban Thường vụ Tỉnh ủy"})
    finally:
        db.close()
    target = tmp_path / "can-bo.pdf"
    assert loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--out", target)[0] == 0
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "IX. XÁC MINH LAI LỊCH", "X. VẤN ĐỀ CHÍNH TRỊ")
    issue = next(line for line in lines if line.startswith("1 Lịch"))
    for value in ("Cha Nguyễn Văn Tư", "20/05/2016", "QĐ 57-QĐ/TW", "Có vấn đề"):
        assert value in issue, issue


def test_a_cadre_summary_with_trips_and_dotted_unknowns(loaded, tmp_path):
    target = tmp_path / "can-bo.pdf"
    assert loaded("print", "cadre", "--name", "bùi thị hương", "--out", target)[0] == 0
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "TRÍCH NGANG CÁN BỘ", "I. SƠ LƯỢC LÝ LỊCH", "Họ và tên: BÙI THỊ HƯƠNG",
                             "Ngày sinh: 02/02/1975", "Giới tính:", "II. ĐẢNG TỊCH", "VI. QUAN HỆ GIA ĐÌNH",
                             "Chưa biết thân nhân nào.", "VII. ĐI NƯỚC NGOÀI", "125-QĐ/TU",
                             "VIII. YẾU TỐ NƯỚC NGOÀI KHÁC", "Chưa có yếu tố nước ngoài nào khác được ghi nhận.",
                             "IX. XÁC MINH LAI LỊCH", "Chưa có phiếu yêu cầu xác minh nào.")
    assert loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--out", target)[0] == 0
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(lines, "VI. QUAN HỆ GIA ĐÌNH", "1 Cha Nguyễn Văn Tư 1938", "2 Vợ Lê Thị Hoa 1968",
                             "3 Con Nguyễn Minh Khoa 1992", "VII. ĐI NƯỚC NGOÀI", "Chưa có chuyến đi nào",
                             "VIII. YẾU TỐ NƯỚC NGOÀI KHÁC", "1 Thân nhân ở", "IX. XÁC MINH LAI LỊCH")
    son_abroad = next(line for line in lines if line.startswith("1 Thân nhân ở"))
    assert "Con Nguyễn Minh Khoa" in son_abroad and "từ 2015" in son_abroad and "Kỹ sư phần" in son_abroad, son_abroad
    code, _, err = loaded("print", "cadre", "--name", "Không Có Ai", "--out", target)
    assert code == 2 and "Không có cán bộ" in err


def test_namesakes_born_the_same_day_are_told_apart_by_home_town(loaded, tmp_path):
    """Two Nguyễn Văn Hùng born 12/03/1965 are two people (the person rule): the home town picks one."""
    headers, rows = SAMPLES["cadres"]
    namesake = ["Nguyễn Văn Hùng", "12/03/1965", "Nam", None, None, "Quỳnh Đôi, Quỳnh Lưu, Nghệ An", *[None] * 10]
    assert loaded("import", "cadres", workbook(tmp_path / "c2.xlsx", headers, [namesake]))[0] == 0
    target = tmp_path / "can-bo.pdf"
    code, _, err = loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--out", target)
    assert code == 2 and err.strip() == ("Có 2 cán bộ tên «Nguyễn Văn Hùng» sinh 12/03/1965 (quê Phú Thủy, Phan "
                                         "Thiết; quê Quỳnh Đôi, Quỳnh Lưu, Nghệ An); ghi thêm --home-town để chọn "
                                         "một người.")
    assert loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965", "--home-town",
                  "quỳnh đôi,quỳnh lưu, nghệ an.", "--out", target)[0] == 0
    assert any(line.startswith("Quê quán: Quỳnh Đôi, Quỳnh Lưu, Nghệ An") for line in pdfcheck.lines(target))


def test_a_cadre_named_without_accents_is_found_and_a_missing_one_told_with_the_birth_date_as_written(loaded,
                                                                                                       tmp_path):
    target = tmp_path / "can-bo.pdf"
    assert loaded("print", "cadre", "--name", "nguyen van hung", "--birth", "12/03/1965", "--out", target)[0] == 0
    assert "Họ và tên: NGUYỄN VĂN HÙNG" in pdfcheck.lines(target)
    code, _, err = loaded("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "03/1965", "--out", target)
    assert code == 2 and err.strip() == "Không có cán bộ «Nguyễn Văn Hùng» sinh 03/1965."


# The report

def test_the_report_formats_show_the_json_figures(loaded, tmp_path):
    figures = json.loads(loaded("report", *YEAR, "--format", "json", "--out", "-")[1])
    for form in ("pdf", "xlsx", "docx"):
        code, out, err = loaded("report", *YEAR, "--format", form, "--out", tmp_path / f"bc.{form}")
        assert code == 0 and "dự thảo" in out, err
    text = " ".join(pdfcheck.lines(tmp_path / "bc.pdf"))
    assert (f"phát hành {figures['slips_issued']} phiếu yêu cầu xác minh lai lịch đối với "
            f"{figures['slip_subjects']} người") in text
    assert f"cử {figures['delegations']} đoàn với {figures['cadres_sent_abroad']} lượt cán bộ" in text
    sheet = openpyxl.load_workbook(tmp_path / "bc.xlsx")["Số liệu"]
    from bvct_desktop.io.documents.report_content import FACTS

    labels = dict(FACTS)
    shown = {row[1]: row[-1] for row in sheet.iter_rows(values_only=True) if row[1] in labels.values()}
    assert shown == {label: figures[key] for key, label in FACTS}
    words = "\n".join(paragraph.text for paragraph in docx.Document(tmp_path / "bc.docx").paragraphs)
    assert f"Tiếp nhận {figures['complaints_received']} đơn thư" in words
    assert issued_numbers(loaded) == []


NOTES = "## Ưu điểm\nPhối hợp tốt.\n## Hạn chế, khuyết điểm\nCòn chậm.\n## Phương hướng, nhiệm vụ\nTiếp tục.\n"


def test_issuing_reserves_the_next_number_of_the_term_and_never_reuses_it(loaded, tmp_path):
    notes = tmp_path / "phan-viet.txt"
    notes.write_text(NOTES, encoding="utf-8")
    first, second = tmp_path / "bc1.pdf", tmp_path / "bc2.docx"
    code, out, _ = loaded("report", *YEAR, "--format", "pdf", "--out", first, "--issue", "--notes", notes)
    assert code == 0 and "Đã phát hành báo cáo số 01-BC/BTCTU ngày" in out
    assert any(line.startswith("Số 01-BC/BTCTU") for line in pdfcheck.lines(first))
    assert loaded("report", *YEAR, "--format", "pdf", "--out", tmp_path / "nhap.pdf")[0] == 0  # a draft
    code, out, _ = loaded("report", *YEAR, "--format", "docx", "--out", second, "--issue")  # the kept notes
    assert "số 02-BC" in out and docx.Document(second).tables[0].cell(1, 0).text == "Số 02-BC/BTCTU"
    code, _, _ = loaded("report", *YEAR, "--format", "pdf", "--out", tmp_path / "khong-co" / "bc.pdf", "--issue")
    assert code == 2  # the file could not be written: the number goes back
    assert issued_numbers(loaded) == [1, 2]
    issues = [json.loads(row.details) for row in audit_rows(loaded)
              if row.kind == "report" and row.action in ("xuất", "phát hành văn bản")]
    assert [entry.get("so_van_ban") for entry in issues] == ["01-BC/BTCTU", None, "02-BC/BTCTU"]
    assert loaded("settings", "set", "nhiem_ky_bat_dau", dt.date.today().isoformat())[0] == 0
    code, out, _ = loaded("report", *YEAR, "--format", "xlsx", "--out", tmp_path / "bc3.xlsx", "--issue")
    assert "số 03-BC" in out  # a term said to begin today goes on after the numbers taken today


def test_issuing_refuses_while_a_part_the_officer_writes_is_empty(loaded, tmp_path):
    partial = tmp_path / "thieu.txt"
    partial.write_text("## Ưu điểm\nPhối hợp tốt.\n", encoding="utf-8")
    target = tmp_path / "bc.pdf"
    code, _, err = loaded("report", *YEAR, "--format", "pdf", "--out", target, "--issue", "--notes", partial)
    assert code == 2 and "«Hạn chế, khuyết điểm», «Phương hướng, nhiệm vụ»" in err and "Chưa lấy số" in err
    assert not target.exists() and issued_numbers(loaded) == []
    code, out, _ = loaded("report", *YEAR, "--format", "pdf", "--out", target, "--notes", partial)
    assert code == 0 and "DỰ THẢO" in pdfcheck.text(target)
    assert "Phối hợp tốt." in pdfcheck.text(target) and "[Chưa viết phần «Hạn chế, khuyết điểm»" in " ".join(
        pdfcheck.lines(target))
    bad = tmp_path / "sai.txt"
    bad.write_text("## Kết luận\nx\n", encoding="utf-8")
    code, _, err = loaded("report", *YEAR, "--format", "pdf", "--out", target, "--notes", bad)
    assert code == 2 and "Dòng 1" in err and "Kết luận" in err


def saved_notes(cli) -> dict[str, str]:
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        return report_notes.saved(db, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    finally:
        db.close()


def test_a_refused_issue_changes_nothing_and_a_notes_file_changes_only_the_parts_it_names(loaded, tmp_path):
    """A heading with text replaces that part, a heading left empty clears it, a part not named
    keeps what the officer wrote (in the report page or an earlier file)."""
    def notes_file(text: str):
        path = tmp_path / f"phan-viet-{len(list(tmp_path.glob('phan-viet-*')))}.txt"
        path.write_text(text, encoding="utf-8")
        return path

    def report(target, *options: str) -> tuple[int, str, str]:
        return loaded("report", *YEAR, "--format", "pdf", "--out", tmp_path / target, *options)

    def drafted() -> list[tuple]:
        return [row for row in audit_rows(loaded) if row.action == "soạn báo cáo"]

    strengths_only = notes_file("## Ưu điểm\nChỉ sửa phần ưu điểm.\n")
    code, _, err = report("bc.pdf", "--notes", strengths_only, "--issue")
    assert code == 2 and "Chưa lấy số" in err
    assert saved_notes(loaded) == {} and drafted() == [] and issued_numbers(loaded) == []

    assert report("nhap.pdf", "--notes", notes_file(NOTES))[0] == 0  # all three parts kept for the period
    written = saved_notes(loaded)
    assert written == {"Ưu điểm": "Phối hợp tốt.", "Hạn chế, khuyết điểm": "Còn chậm.",
                       "Phương hướng, nhiệm vụ": "Tiếp tục."}
    trail = drafted()
    clearing = notes_file("## Ưu điểm\nChỉ sửa phần ưu điểm.\n## Hạn chế, khuyết điểm\n")
    code, _, err = report("bc.pdf", "--notes", clearing, "--issue")
    assert code == 2 and "«Hạn chế, khuyết điểm»" in err and "Chưa lấy số" in err
    assert saved_notes(loaded) == written and drafted() == trail and issued_numbers(loaded) == []
    assert not (tmp_path / "bc.pdf").exists()

    assert report("nhap.pdf", "--notes", strengths_only)[0] == 0
    assert saved_notes(loaded) == {**written, "Ưu điểm": "Chỉ sửa phần ưu điểm."}
    assert "Còn chậm." in pdfcheck.text(tmp_path / "nhap.pdf")
    code, out, err = report("bc.pdf", "--notes", strengths_only, "--issue")
    assert code == 0 and "số 01-BC" in out, err
    text = pdfcheck.text(tmp_path / "bc.pdf")
    assert "Chỉ sửa phần ưu điểm." in text and "Còn chậm." in text and "Tiếp tục." in text
    assert report("nhap.pdf", "--notes", clearing)[0] == 0
    assert saved_notes(loaded) == {"Ưu điểm": "Chỉ sửa phần ưu điểm.", "Phương hướng, nhiệm vụ": "Tiếp tục."}


def test_the_report_takes_secret_and_profile_and_says_hd05_is_unverified(loaded, tmp_path):
    target = tmp_path / "bc.pdf"
    code, out, _ = loaded("report", *YEAR, "--format", "pdf", "--out", target, "--secret")
    lines = pdfcheck.lines(target)
    assert code == 0 and lines[lines.index(next(line for line in lines if line.startswith("Số"))) + 1] == "MẬT"
    assert "chưa được đối chiếu" not in out
    code, out, _ = loaded("report", *YEAR, "--format", "pdf", "--out", target, "--profile", "hd05-2026")
    assert code == 0 and "chưa được đối chiếu với văn bản gốc" in out and "đối chiếu trước khi phát hành." in out
    assert "chưa được đối chiếu" in pdfcheck.info(target)["Subject"]
    code, out, _ = loaded("print", "slips", *YEAR, "--out", tmp_path / "p.pdf", "--profile", "hd05-2026")
    assert code == 0 and "chưa được đối chiếu" in out
    code, _, err = loaded("report", *YEAR, "--format", "pdf", "--out", target, "--profile", "nd30")
    assert code == 2 and "hd36" in err


@pytest.mark.parametrize("options, named", [(["--issue"], "--issue"), (["--secret"], "--secret"),
                                            (["--profile", "hd36"], "--profile"),
                                            (["--issue", "--secret", "--profile", "hd05-2026"],
                                             "--issue, --secret và --profile")])
def test_what_only_a_document_takes_is_refused_for_the_json_figures(loaded, options, named):
    code, out, err = loaded("report", *YEAR, "--format", "json", "--out", "-", *options)
    assert code == 2 and out == ""
    assert err.startswith(f"{named} chỉ dùng khi lập báo cáo dạng pdf, xlsx hoặc docx")


def test_json_figures_asked_for_no_secret_mark_are_the_figures(loaded):
    plain = loaded("report", *YEAR, "--format", "json", "--out", "-")[1]
    code, out, _ = loaded("report", *YEAR, "--format", "json", "--out", "-", "--no-secret")
    assert code == 0 and json.loads(out) == json.loads(plain)


@pytest.mark.parametrize("out", ["so-lieu.json", "-"])
def test_json_figures_asked_to_be_encrypted_are_refused_and_nothing_is_written(loaded, tmp_path, out):
    secret = tmp_path / "mat-khau"
    secret.write_text("Mat-khau-2025", encoding="utf-8")
    before = len(audit_rows(loaded))
    code, printed, err = loaded("report", *YEAR, "--format", "json", "--out", out if out == "-" else tmp_path / out,
                                "--encrypt-password-file", secret)
    assert code == 2 and printed == ""
    assert "Chỉ mã hóa được tệp xlsx, docx hoặc pdf" in err and "--encrypt-password-file" in err
    assert not list(tmp_path.glob("*so-lieu*"))
    # refused before the database is opened: the only new entry is the login of audit_rows itself
    assert [row.action for row in audit_rows(loaded)[before:]] == ["đăng nhập"]


def test_an_officer_may_draft_but_not_issue_and_a_viewer_may_not_print(loaded, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text(OFFICER_PASSWORD, encoding="utf-8")
    assert loaded("users", "add", OFFICER, "--role", "chuyen-vien", "--new-password-file", secret)[0] == 0
    assert loaded("users", "add", "xem", "--role", "xem", "--new-password-file", secret)[0] == 0
    officer = loaded.as_user(OFFICER, OFFICER_PASSWORD)
    assert officer("report", *YEAR, "--format", "pdf", "--out", tmp_path / "nhap.pdf")[0] == 0
    code, _, err = officer("report", *YEAR, "--format", "pdf", "--out", tmp_path / "bc.pdf", "--issue")
    assert code == 5 and "phát hành báo cáo" in err and not (tmp_path / "bc.pdf").exists()
    viewer = loaded.as_user("xem", OFFICER_PASSWORD)
    code, _, err = viewer("print", "slips", *YEAR, "--out", tmp_path / "p.pdf")
    assert code == 5 and not (tmp_path / "p.pdf").exists()
    loaded.as_user(ADMIN, PASSWORD)
    assert issued_numbers(loaded) == []
    refused = [(row.user_name, row.action) for row in audit_rows(loaded) if row.outcome == "refused"]
    assert refused == [(OFFICER, "phát hành báo cáo"), ("xem", "in phiếu xác minh")]


# Encryption

def test_an_encrypted_pdf_opens_only_with_its_password(loaded, tmp_path):
    secret = tmp_path / "mat-khau"
    secret.write_text("Mật khẩu in 2025\n", encoding="utf-8")
    target = tmp_path / "phieu.pdf"
    code, out, _ = loaded("print", "slips", *YEAR, "--out", target, "--encrypt-password-file", secret)
    assert code == 0 and "(đã mã hóa)" in out
    reader = PdfReader(target)
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256 of PDF 2.0
    assert reader.decrypt("Mật khẩu in 2025")
    assert "Số 12/PXM" in reader.pages[0].extract_text()
    assert "Số 12/PXM" in pdfcheck.text(target, first=1, last=1, password="Mật khẩu in 2025")
    plain = tmp_path / "phieu-ro.pdf"
    assert loaded("print", "slips", *YEAR, "--out", plain)[0] == 0
    in_clear = PdfReader(plain).pages[0]["/Contents"].get_object()._data[:64]  # the stream as stored
    assert in_clear in plain.read_bytes() and in_clear not in target.read_bytes()


def test_an_encrypted_workbook_and_word_file(loaded, tmp_path):
    import msoffcrypto

    secret = tmp_path / "mat-khau"
    secret.write_text("Mat-khau-2025", encoding="utf-8")
    for argv, target in ((("print", "slip-register", *YEAR), tmp_path / "so.xlsx"),
                         (("report", *YEAR, "--format", "docx"), tmp_path / "bc.docx")):
        assert loaded(*argv, "--out", target, "--encrypt-password-file", secret)[0] == 0
        with open(target, "rb") as handle:
            assert msoffcrypto.OfficeFile(handle).is_encrypted()


def test_the_archive_register_as_a_landscape_pdf_and_a_workbook_as_the_slip_register(loaded, tmp_path):
    """`bvct print archive-register`: the tàng thư research register of the period, titled and counted as the slips'
    is, each person by name, birth date and home town; audited as a print, and as an export in a workbook."""
    target = tmp_path / "tang-thu.pdf"
    code, out, _ = loaded("print", "archive-register", *YEAR, "--out", target)
    assert code == 0 and out.strip() == f"Đã ghi sổ theo dõi (2 yêu cầu) ra {target}"
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_LANDSCAPE_POINTS
    pdfcheck.assert_in_order(pdfcheck.lines(target), "BAN TỔ CHỨC", "SỔ THEO DÕI NGHIÊN CỨU TÀNG THƯ",
                             "Từ ngày 01/01/2025 đến ngày 31/12/2025", "STT", "Huỳnh Văn Tám", "Ngô Thị Mai",
                             "Tổng số: 2 yêu cầu; đến ngày 31/12/2025 đã có kết quả 1 yêu cầu.", "K/T TRƯỞNG BAN")
    text = " ".join(pdfcheck.text(target).split())
    assert "Tánh Linh" in text and "Phan Rí Cửa" in text and "45-CV/BTCTU" in text
    assert _printed_in_words(loaded).endswith("Danh sách: Sổ theo dõi nghiên cứu tàng thư")
    workbook_path = tmp_path / "tang-thu.xlsx"
    assert loaded("print", "archive-register", *YEAR, "--out", workbook_path)[0] == 0
    sheet = openpyxl.load_workbook(workbook_path).active
    header_row = next(row[0].row for row in sheet.iter_rows() if row[0].value == "STT")
    assert {"Họ và tên", "Ngày sinh", "Quê quán"} <= {cell.value for cell in sheet[header_row]}
    assert [row for row in audit_rows(loaded) if row.action == "xuất" and row.kind == "archive-requests"]
