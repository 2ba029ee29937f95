"""The `bvct` contract: exit codes, credentials, settings, roles, the report and the log."""

import json
import subprocess
import sys

import docx
import pytest
from sqlalchemy import select

from bvct_desktop.cli import main as cli_main
from bvct_desktop.core import keyfile, recycle_bin, vault
from bvct_desktop.core.schema import audit_log, cadres
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

VIEWER, VIEWER_PASSWORD = "nguoixem", "Chi-xem-thoi-2025"


def audit_entries(cli):
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        rows = connection.execute(select(audit_log.c.user_name, audit_log.c.action, audit_log.c.outcome)
                                  .order_by(audit_log.c.id)).all()
    db.close()
    return rows


@pytest.mark.file_only("the file pair; a server: tests/server/test_connecting.py")
def test_init_prints_the_recovery_key_once_and_refuses_to_overwrite(cli):
    code, _, err = cli("init", "--admin", ADMIN)
    assert code == 2 and "đã có" in err


def test_init_output(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    code = cli_main.main(["--db", str(tmp_path / "a.db"), "init", "--admin", "an"])
    out = capsys.readouterr().out
    assert code == 0 and "KHÓA KHÔI PHỤC" in out
    assert (tmp_path / "a.db").exists() and (tmp_path / "a.db.keys").exists()


@pytest.mark.parametrize("where, told", [
    ("a-file/bvct.db", "Thư mục «{tmp}/a-file» không tồn tại."),  # a file where its folder should be
    ("a-file/sub/bvct.db", "Thư mục «{tmp}/a-file/sub» không tồn tại."),
    ("chi-doc/bvct.db", "Không có quyền ghi vào thư mục «{tmp}/chi-doc»."),
])
def test_init_where_no_database_can_be_made_is_bad_input_and_leaves_nothing(tmp_path, capsys, monkeypatch,
                                                                            read_only, where, told):
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    code = cli_main.main(["--db", str(tmp_path / where), "init", "--admin", "an"])
    assert code == 2 and capsys.readouterr().err.strip() == told.format(tmp=tmp_path)
    assert sorted(tmp_path.rglob("*")) == before


def test_init_names_the_administrator_as_stored_and_refuses_a_name_breaking_the_rule(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    code = cli_main.main(["--db", str(tmp_path / "a.db"), "init", "--admin", "quan\ntri"])
    assert code == 2 and "không được có ký tự xuống dòng" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
    assert cli_main.main(["--db", str(tmp_path / "a.db"), "init", "--admin", "  Trần Văn An "]) == 0
    assert "Quản trị viên: Trần Văn An\n" in capsys.readouterr().out
    vault.unlock(tmp_path / "a.db", "Trần Văn An", PASSWORD).close()


def test_init_makes_the_missing_folders_of_a_new_database(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    assert cli_main.main(["--db", str(tmp_path / "moi" / "nam-2026" / "bvct.db"), "init", "--admin", "an"]) == 0
    assert (tmp_path / "moi" / "nam-2026" / "bvct.db.keys").exists()


def test_default_database_is_in_the_user_data_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    assert cli_main.main(["init", "--admin", "an"]) == 0
    from bvct_desktop import paths

    assert paths.default_database().exists()
    assert str(paths.default_database()).startswith(str(tmp_path))


def test_password_file_takes_the_first_line(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("BVCT_PASSWORD")
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\nignored\n", encoding="utf-8")
    assert cli("--password-file", secret, "settings", "list")[0] == 0


def test_no_password_and_no_terminal_is_usage_error(cli, monkeypatch):
    monkeypatch.delenv("BVCT_PASSWORD")
    monkeypatch.setattr("sys.stdin", None)
    code, _, err = cli("settings", "list")
    assert code == 2 and "Thiếu mật khẩu" in err


def test_missing_user_is_usage_error(cli, monkeypatch):
    monkeypatch.delenv("BVCT_USER")
    code, _, err = cli("settings", "list")
    assert code == 2 and "Thiếu tên người dùng" in err


@pytest.mark.file_only("damages the file; a server: tests/server/test_connecting.py")
def test_wrong_password_exits_3_and_damage_exits_4(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("BVCT_PASSWORD", "không phải mật khẩu")
    code, _, err = cli("settings", "list")
    assert code == 3 and "Sai tên người dùng hoặc mật khẩu" in err
    monkeypatch.setenv("BVCT_PASSWORD", PASSWORD)
    data = bytearray(cli.db.read_bytes())
    data[5000] ^= 0xFF
    cli.db.write_bytes(bytes(data))
    code, _, err = cli("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--out", "-")
    assert code == 4 and "hỏng" in err and "Traceback" not in err


@pytest.mark.file_only("a file database's key file")
def test_the_key_file_of_another_database_exits_4_and_is_named(cli, tmp_path):
    other = tmp_path / "khac" / "bvct.db"
    other.parent.mkdir()
    vault.create(other, ADMIN, "Mat-khau-khac-2025")
    keys = keyfile.key_path(cli.db)
    keys.write_bytes(keyfile.key_path(other).read_bytes())
    code, _, err = cli("users", "list")
    assert code == 4 and f"Tệp khóa «{keys}» không mở được «{cli.db}»: đó là tệp khóa của một cơ sở dữ liệu khác" in err


@pytest.mark.file_only("damages a page of the file")
def test_damaged_page_met_during_a_query_exits_4(cli, tmp_path):
    headers, rows = SAMPLES["cadres"]
    many = [[f"Cán Bộ Số {i}", "1970", "Nam", None] for i in range(3000)]
    assert cli("import", "cadres", workbook(tmp_path / "c.xlsx", headers[:4], many))[0] == 0
    data = bytearray(cli.db.read_bytes())
    pages = len(data) // 4096
    for page in range(pages // 2, pages):  # the record pages, past the schema and the accounts
        data[page * 4096 + 100] ^= 0xFF
    cli.db.write_bytes(bytes(data))
    code, out, err = cli("export", "cadres", "--out", tmp_path / "x.xlsx")
    assert code == 4 and "hỏng" in err and "Traceback" not in out + err
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.file_only("a folder given as the database file")
def test_a_folder_given_as_the_database_is_told_in_vietnamese(cli, tmp_path):
    folder = tmp_path / "thu-muc.db"
    folder.mkdir()
    code, _, err = cli("--db", folder, "settings", "list")
    assert code == 4 and f"Không đọc được «{folder}» (là thư mục, không phải tệp)." in err


def test_bad_usage_is_answered_in_vietnamese(cli):
    code, _, err = cli("import", "khong-co-loai", "x.xlsx")
    assert code == 2 and "không hợp lệ" in err
    code, _, err = cli("export", "cadres")
    assert code == 2 and "thiếu tham số" in err
    code, _, err = cli("report", "--from", "31/12/2025", "--to", "2025-12-31", "--format", "json", "--out", "-")
    assert code == 2 and "YYYY-MM-DD" in err


@pytest.mark.parametrize(("command", "told"), [
    (("report", "--f", "x"), "tham số --f không rõ: có thể là --from, --format"),
    (("print", "slips", "--year", "2025", "--numbers", "--out", "x.pdf"), "tham số --numbers cần ít nhất một giá trị"),
    (("settings", "list", "--bogus"), "không nhận ra tham số: --bogus"),
])
def test_argparse_errors_are_told_in_vietnamese(cli, command, told):
    code, _, err = cli(*command)
    assert code == 2 and err.startswith(f"Lệnh không hợp lệ: {told}. Xem: "), err


@pytest.mark.parametrize(("command", "help_of"), [
    (("export", "slips", "--bogus", "--out", "e.xlsx"), "bvct export"),
    (("template", "slips", "--out", "x.xlsx", "--bogus"), "bvct template"),
    (("audit", "list", "--bogus"), "bvct audit list"),
    (("export", "slips"), "bvct export"),
    (("--bogus", "export", "slips", "--out", "e.xlsx"), "bvct"),
])
def test_bad_usage_points_to_the_help_of_the_command_it_is_in(cli, tmp_path, monkeypatch, command, help_of):
    (tmp_path / "lam-viec").mkdir()
    monkeypatch.chdir(tmp_path / "lam-viec")
    code, out, err = cli(*command)
    assert (code, out) == (2, "") and err.startswith("Lệnh không hợp lệ: ")
    assert err.rstrip().endswith(f". Xem: {help_of} --help"), err
    assert list((tmp_path / "lam-viec").iterdir()) == []


@pytest.mark.parametrize("command", [
    ("report", "--from", "2026-01-01", "--to", "DATE", "--format", "json", "--out", "-"),
    ("export", "slips", "--out", "phieu.xlsx", "--from", "DATE"),
    ("audit", "list", "--to", "DATE"),
    ("settings", "list", "--on", "DATE"),
    ("settings", "set", "co_quan", "BAN TỔ CHỨC MỚI", "--from", "DATE"),
    ("settings", "set", "nhiem_ky_bat_dau", "DATE"),
])
def test_a_command_line_date_is_yyyy_mm_dd_and_nothing_else(cli, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    before = cli("settings", "list")[1]
    for lenient in ("20260930", "2026-W40-1", "2026W401"):
        code, out, err = cli(*[lenient if word == "DATE" else word for word in command])
        assert code == 2 and err.strip().endswith("YYYY-MM-DD.") and out == ""
    assert cli("settings", "list")[1] == before and not (tmp_path / "phieu.xlsx").exists()


def test_report_json_to_stdout_and_file(cli, tmp_path):
    for kind, (headers, rows) in SAMPLES.items():
        cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))
    code, out, _ = cli("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--out", "-")
    figures = json.loads(out)
    assert code == 0 and figures["slips_issued"] == 2 and figures["cadres_sent_abroad"] == 3
    target = tmp_path / "so-lieu.json"
    assert cli("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--out", target)[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == figures


def test_the_statistical_year_set_and_its_six_months_reported_named_as_the_report_page_names_them(cli, tmp_path):
    """`report` takes the days: 15/12/2025 to 14/06/2026 is «6 tháng đầu năm 2026», as the page offers it to an
    office whose «Kỳ báo cáo thống kê» is the year from 15/12."""
    assert cli("settings", "set", "ky_bao_cao_thong_ke", "từ 15/12 năm trước")[0] == 0
    assert "ky_bao_cao_thong_ke\ttừ 15/12 năm trước" in cli("settings", "list")[1]
    code, _, err = cli("settings", "set", "ky_bao_cao_thong_ke", "15/12")
    assert code == 2 and "chỉ nhận «năm dương lịch» hoặc «từ 15/12 năm trước»" in err
    target = tmp_path / "bao-cao.docx"
    assert cli("report", "--from", "2025-12-15", "--to", "2026-06-14", "--format", "docx", "--out", target)[0] == 0
    text = " ".join(paragraph.text for paragraph in docx.Document(str(target)).paragraphs)
    assert "công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2026" in text
    assert "15/12/2025" not in text


def test_a_settings_choice_is_typed_without_accents_as_the_rest_of_the_command_line(cli):
    assert cli("settings", "set", "ky_bao_cao_thong_ke", "tu 15/12 nam truoc") == (
        0, "Đã đặt ky_bao_cao_thong_ke = từ 15/12 năm trước\n", "")
    assert cli("settings", "set", "hoi_lai_mat_khau", "khong")[0] == 0
    listed = cli("settings", "list")[1]
    assert "ky_bao_cao_thong_ke\ttừ 15/12 năm trước" in listed and "hoi_lai_mat_khau\tKhông" in listed
    code, _, err = cli("settings", "set", "hoi_lai_mat_khau", "tat")
    assert (code, err.strip()) == (2, "«Hỏi lại mật khẩu trước khi xuất hoặc in» (hoi_lai_mat_khau) chỉ nhận «Có» "
                                      "hoặc «Không».")


def test_settings_list_and_set(cli):
    code, out, _ = cli("settings", "list")
    assert code == 0 and "co_quan_cap_tren\tTỈNH ỦY LÂM ĐỒNG" in out and "han_tra_loi_phieu_ngay\t30" in out
    assert cli("settings", "set", "dia_danh", "Bình Thuận")[0] == 0
    assert "dia_danh\tBình Thuận" in cli("settings", "list")[1]
    code, _, err = cli("settings", "set", "han_tra_loi_phieu_ngay", "ba mươi")
    assert code == 2 and "phải là số nguyên từ 1 đến 365" in err
    code, _, err = cli("settings", "set", "tu_dong_khoa_phut", "99999999999")
    assert code == 2 and err.strip() == ("«Tự động khóa sau (phút)» (tu_dong_khoa_phut) phải là số nguyên từ 1 "
                                         "đến 1440.")
    code, _, err = cli("settings", "set", "co_quan", "B" * 5000)
    assert code == 2 and "(co_quan) dài tối đa 255 ký tự" in err
    assert "tu_dong_khoa_phut\t10" in cli("settings", "list")[1]
    code, _, err = cli("settings", "set", "khong_co", "x")
    assert code == 2


def test_setting_the_value_already_in_force_says_nothing_changed(cli):
    assert cli("settings", "set", "dia_danh", "Lâm Đồng", "--from", "2025-07-01") == (0, "Không có gì thay đổi.\n", "")
    assert cli("settings", "set", "dia_danh", "  Lâm   Đồng ") == (0, "Không có gì thay đổi.\n", "")
    code, out, _ = cli("settings", "list")
    assert "dia_danh\tLâm Đồng" in out and "Lịch sử" not in out
    assert "thay đổi thiết lập" not in cli("audit", "list")[1]


@pytest.fixture
def viewer(cli, tmp_path):
    secret = tmp_path / "new-pw"
    secret.write_text(VIEWER_PASSWORD, encoding="utf-8")
    assert cli("users", "add", VIEWER, "--role", "xem", "--new-password-file", secret)[0] == 0
    return cli.as_user(VIEWER, VIEWER_PASSWORD)


def test_a_viewer_may_read_figures_but_not_change_or_export(viewer, tmp_path, cadres_file):
    code, _, _ = viewer("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--out", "-")
    assert code == 0
    for argv in (("import", "cadres", cadres_file), ("export", "cadres", "--out", tmp_path / "x.xlsx"),
                 ("settings", "set", "do_mat", "MẬT"), ("settings", "list"), ("users", "list")):
        code, _, err = viewer(*argv)
        assert code == 5, argv
        assert "Vai trò của bạn không được phép" in err
    assert not (tmp_path / "x.xlsx").exists()
    viewer.as_user(ADMIN, PASSWORD)
    refusals = [row for row in audit_entries(viewer) if row.outcome == "refused"]
    assert [row.user_name for row in refusals] == [VIEWER] * 5


def test_users_list_shows_roles(viewer):
    viewer.as_user(ADMIN, PASSWORD)
    code, out, _ = viewer("users", "list")
    assert code == 0 and f"{VIEWER}\txem\tChỉ xem" in out and f"{ADMIN}\tquan-tri" in out


def test_weak_new_password_is_refused_with_the_reason(cli, tmp_path):
    secret = tmp_path / "weak"
    secret.write_text("1234567890", encoding="utf-8")
    code, _, err = cli("users", "add", "binh", "--role", "chuyen-vien", "--new-password-file", secret)
    assert code == 2 and "phổ biến" in err


def test_import_export_and_report_are_audited(cli, cadres_file, tmp_path):
    cli("import", "cadres", cadres_file, "--dry-run")
    cli("import", "cadres", cadres_file)
    cli("export", "cadres", "--out", tmp_path / "x.xlsx")
    actions = [row.action for row in audit_entries(cli)]
    assert actions[:1] == ["khởi tạo cơ sở dữ liệu"]
    assert {"thử nhập", "nhập", "xuất", "đăng nhập"} <= set(actions)


def test_deleted_cadre_leaves_the_export_and_comes_back_on_reimport(cli, cadres_file, tmp_path):
    cli("import", "cadres", cadres_file)
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        first = connection.execute(select(cadres.c.id).order_by(cadres.c.id)).scalars().first()
    recycle_bin.delete(db, "cadres", first)
    db.close()
    out = tmp_path / "x.xlsx"
    cli("export", "cadres", "--out", out)
    import openpyxl

    names = [row[0] for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert "Nguyễn Văn Hùng" not in names and len(names) == 2
    code, text, _ = cli("import", "cadres", cadres_file)
    assert code == 0 and "Dòng 2: khôi phục từ thùng rác\n" in text


def test_unexpected_errors_are_logged_without_record_values(cli, cadres_file, monkeypatch):
    from bvct_desktop import paths
    from bvct_desktop.core import importing

    def broken(*args, **kwargs):
        raise ValueError("Nguyễn Văn Hùng 060065001234")

    monkeypatch.setattr(importing, "import_sheet", broken)
    code, out, err = cli("import", "cadres", cadres_file)
    assert code == 1 and "Traceback" not in out + err and "Nguyễn" not in err
    log = paths.log_file().read_text(encoding="utf-8")
    assert "ValueError" in log and "import_sheet" not in log or "broken" in log
    assert "Nguyễn" not in log and "060065001234" not in log


def test_version_names_the_libraries(cli):
    code, out, _ = cli("--version")
    assert code == 0 and "SQLCipher 4." in out and "SQLite 3." in out and "Qt 6." in out


def test_settings_take_a_first_day_and_list_the_values_on_a_day_with_their_history(cli):
    assert cli("settings", "set", "co_quan_cap_tren", "TỈNH ỦY BÌNH THUẬN")[0] == 0
    code, out, _ = cli("settings", "set", "co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", "--from", "2025-07-01")
    assert code == 0 and "từ ngày 01/07/2025" in out
    code, out, _ = cli("settings", "list", "--on", "2016-01-05")
    lines = out.splitlines()
    assert "co_quan_cap_tren\tTỈNH ỦY BÌNH THUẬN" in lines
    assert "co_quan_cap_tren\ttừ đầu\t30/06/2025\tTỈNH ỦY BÌNH THUẬN" in lines
    assert "co_quan_cap_tren\t01/07/2025\tnay\tTỈNH ỦY LÂM ĐỒNG" in lines
    assert "co_quan_cap_tren\tTỈNH ỦY LÂM ĐỒNG" in cli("settings", "list")[1].splitlines()
    code, _, err = cli("settings", "set", "ky_hieu", "", "--from", "2026-01-01")
    assert code == 2 and "không được để trống" in err
    code, _, err = cli("settings", "set", "ky_hieu", "X", "--from", "01/01/2026")
    assert code == 2


def test_a_signer_set_from_a_past_day_says_which_printed_slips_change_and_one_to_come_is_listed_so(cli, tmp_path):
    slips = workbook(tmp_path / "phieu.xlsx", ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh",
                                              "Nơi nhận phiếu"],
                     [["1001/PXM", "05/01/2026", "Huỳnh Ngọc Bảo Trâm", "Cục A93B – Bộ Công an"]])
    assert cli("import", "slips", slips)[0] == 0
    code, out, _ = cli("settings", "set", "nguoi_ky", "Trần Lê Hoàng Minh Châu", "--from", "2026-01-01")
    assert code == 0 and out.splitlines()[1].startswith(
        "Lưu ý: 1 phiếu yêu cầu xác minh lai lịch đã phát hành (ghi ngày từ 01/01/2026) in lại sẽ mang «Người ký» "
        "mới («Trần Lê Hoàng Minh Châu»)")
    code, out, _ = cli("settings", "set", "nguoi_ky", "Nguyễn Thị Phương Thảo", "--from", "2099-01-01")
    assert code == 0 and out.splitlines() == ["Đã đặt nguoi_ky = Nguyễn Thị Phương Thảo từ ngày 01/01/2099"]
    lines = cli("settings", "list")[1].splitlines()
    assert "nguoi_ky\t01/01/2026\t31/12/2098\tTrần Lê Hoàng Minh Châu" in lines
    assert "nguoi_ky\t01/01/2099\tvề sau (chưa áp dụng)\tNguyễn Thị Phương Thảo" in lines


def test_a_second_backup_folder_not_there_is_set_with_a_warning(cli, tmp_path):
    code, out, _ = cli("settings", "set", "thu_muc_sao_luu_2", tmp_path / "o-usb-chua-cam")
    assert code == 0 and out.splitlines() == [
        f"Đã đặt thu_muc_sao_luu_2 = {tmp_path / 'o-usb-chua-cam'}",
        f"Chưa thấy thư mục sao lưu thứ hai «{tmp_path / 'o-usb-chua-cam'}» (ổ USB chưa cắm?): bản sao lưu tự động "
        "sẽ không chép ra được cho đến khi thư mục này có mặt và ghi được."]


def test_a_full_disk_is_logged_under_the_command_word_without_the_file_name(cli, tmp_path, monkeypatch):
    """Not «--user quantri» (the first two words typed), nor the person the file is named after."""
    from bvct_desktop import paths
    from bvct_desktop.core import exporting
    from bvct_desktop.core.errors import DISK_FULL, DiskFullError

    out = tmp_path / "vuong-kha-ngan.xlsx"

    def full(*args, **kwargs):
        raise DiskFullError(f"{DISK_FULL}: không ghi được «{out}»; không có tệp nào bị ghi dở.")

    monkeypatch.setattr(exporting, "export", full)
    code, _, err = cli("--user", ADMIN, "export", "cadres", "--out", out)
    assert code == 1 and "vuong-kha-ngan.xlsx" in err  # the officer at the keyboard is told which file
    logged = paths.log_file().read_text(encoding="utf-8")
    assert f" export: {DISK_FULL}: không ghi được «" in logged  # the disk it is on (tests/test_errorlog.py)
    assert "vuong-kha-ngan" not in logged and ADMIN not in logged


def test_the_command_started_as_a_module_runs_and_tells_its_outcome(tmp_path):
    """`python -m bvct_desktop.cli.main init …` did nothing and exited 0: a script took it for done."""
    started = [sys.executable, "-m", "bvct_desktop.cli.main"]
    version = subprocess.run([*started, "--version"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert version.returncode == 0 and "SQLCipher" in version.stdout
    unknown = subprocess.run([*started, "khong-co-lenh-nay"], capture_output=True, text=True, encoding="utf-8",
                             check=False)
    assert unknown.returncode == 2 and unknown.stderr
