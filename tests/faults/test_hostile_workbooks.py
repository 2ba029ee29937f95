"""Hostile workbooks against `bvct import` and the import wizard (issue 10, point 2 and the
smaller points on sheets): refused with exit 2 and a clear message, fast and in bounded memory,
never an abort — the officer's program survives any file."""

import sys
import time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from bvct_desktop.core import importing
from bvct_desktop.gui.import_wizard import ImportWizard
from bvct_desktop.io import sheet_process, sheet_xml
from tests import hostile_workbooks
from tests.conftest import workbook
from tests.fixtures.legacy import to_tcvn3
from tests.gui import register_support as support
from tests.real_process import bvct, environment

app, clock, sample_files, db, context = (support.app, support.clock, support.sample_files, support.db,
                                         support.context)  # fixtures
# Runs a command and reports the largest resident size of its process tree (KiB) on stderr.
MEASURED = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
            "print('RSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
            "sys.exit(done.returncode)")


def _cadres(cli, folder: Path) -> str:
    return cli("export", "cadres", "--out", folder / "kiem.xlsx")[1]


@pytest.mark.parametrize("dry_run", [False, True])
@pytest.mark.parametrize("dimension", ["A1:XFD1048576", None])
def test_the_2_kb_workbook_is_exit_2_not_an_abort(cli, tmp_path, dry_run, dimension):
    evil = hostile_workbooks.far_cell(tmp_path / "doc.xlsx", dimension)
    assert evil.stat().st_size < 4096
    done = bvct(environment(tmp_path, cli.db), "import", "cadres", evil, *(["--dry-run"] if dry_run else []))
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Trang tính «Cán bộ» của tệp «doc.xlsx»" in done.stderr and "Traceback" not in done.stderr
    assert "Đã xuất 0 dòng" in _cadres(cli, tmp_path)


def test_a_lying_shared_string_table_is_a_damaged_file(cli, tmp_path):
    done = bvct(environment(tmp_path, cli.db), "import", "cadres",
                hostile_workbooks.lying_shared_strings(tmp_path / "chuoi.xlsx"))
    assert done.returncode == 2 and "bị hỏng" in done.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="resident size of a process tree")
def test_a_million_row_sheet_is_refused_in_seconds_and_little_memory(cli, tmp_path):
    huge = hostile_workbooks.million_rows(tmp_path / "trieu.xlsx")
    started = time.monotonic()
    done = bvct(environment(tmp_path, cli.db), "import", "cadres", huge, "--dry-run",
                prefix=[sys.executable, "-c", MEASURED])
    elapsed = time.monotonic() - started
    assert done.returncode == 2 and "tối đa 250.000 dòng dữ liệu" in done.stderr, done.stderr
    peak_mib = int(done.stderr.rsplit("RSS", 1)[1].split()[0]) / 1024
    assert elapsed < 20 and peak_mib < 300, (elapsed, peak_mib)  # was 65 s and 3.35 GB


def test_checking_stops_at_the_first_screenful_of_errors(cli, tmp_path):
    rows = [[f"Người {i}", "31/02/1970", "Xã"] for i in range(5_000)]
    source = workbook(tmp_path / "sai.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], rows)
    code, out, _ = cli("import", "cadres", source, "--dry-run")
    lines = [line for line in out.splitlines() if line.startswith("Dòng ")]
    assert code == 2 and len(lines) == importing.MAX_PROBLEMS
    assert lines[0].startswith("Dòng 2, cột «Ngày sinh»") and "Dừng kiểm tra sau 50 lỗi đầu tiên" in out


def test_a_hidden_first_sheet_is_skipped_and_the_sheet_read_is_named(cli, tmp_path):
    path = hostile_workbooks.write(tmp_path / "an.xlsx", [
        ("Bản cũ", "hidden", hostile_workbooks.sheet_xml([hostile_workbooks.header_row(["Cột lạ"])])),
        ("Cán bộ", "visible", hostile_workbooks.sheet_xml([
            hostile_workbooks.header_row(["Họ và tên", "Ngày sinh"]),
            '<row r="2">' + hostile_workbooks.inline("A2", "Lê Văn Hai") + hostile_workbooks.inline("B2", "1970")
            + "</row>"]))])
    code, out, err = cli("import", "cadres", path)
    assert code == 0, out + err
    assert "Đọc trang tính «Cán bộ» (bỏ qua trang ẩn «Bản cũ»)." in out and "Thêm mới: 1" in out


def test_one_legacy_cell_among_many_rows_needs_no_full_openpyxl_load(cli, tmp_path, monkeypatch):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Quê quán"])
    for i in range(3_000):
        sheet.append([f"Trần Văn {i}", "1970", f"Xã {i}"])
    sheet["C1500"] = to_tcvn3("Hàm Tiến")
    sheet["C1500"].font = Font(name=".VnTime")
    book.save(tmp_path / "cu.xlsx")
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("a full openpyxl load"))
    code, out, err = cli("import", "cadres", tmp_path / "cu.xlsx", "--dry-run")
    assert code == 0, out + err
    assert "Ô chuyển từ mã cũ (TCVN3/VNI): 1" in out and "→ «Hàm Tiến»" in out


def _wizard(qtbot, context) -> ImportWizard:
    wizard = ImportWizard(context, "cadres")
    qtbot.addWidget(wizard)
    return wizard


def test_the_import_wizard_survives_the_2_kb_workbook(qtbot, context, tmp_path):
    wizard = _wizard(qtbot, context)
    wizard.load(hostile_workbooks.far_cell(tmp_path / "doc.xlsx"))
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert "có dữ liệu đến dòng 1.048.576" in wizard.message.text() and not wizard.import_button.isEnabled()


def test_the_import_wizard_survives_a_reader_abort_the_checks_miss(qtbot, context, tmp_path, monkeypatch):
    # as if a new trick got past the survey (in the child, which forks with the patch)
    monkeypatch.setattr(sheet_xml, "_survey", lambda *args: set())
    monkeypatch.setattr(sheet_process, "_may_fork", lambda: True)
    wizard = _wizard(qtbot, context)
    wizard.load(hostile_workbooks.far_cell(tmp_path / "doc.xlsx", dimension=None))
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert "trình đọc bảng tính đã dừng" in wizard.message.text()
    wizard.load(workbook(tmp_path / "tot.xlsx", ["Họ và tên", "Ngày sinh"], [["Lê Văn Ba", "1970"]]))
    qtbot.waitUntil(lambda: wizard.reading is None, timeout=20_000)
    assert wizard.import_button.isEnabled()  # and it goes on working
