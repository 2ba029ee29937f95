"""No file a command writes goes over a file of the database it works on, however that file is
named: bad input, told in Vietnamese, and the database is unchanged."""

import openpyxl
import pytest

from bvct_desktop.core import own_files, vault
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

pytestmark = pytest.mark.file_only("a database file's own files; a server keeps none here")

YEAR = ("--from", "2025-01-01", "--to", "2025-12-31")
COMMANDS = {
    "export": ("export", "cadres"),
    "export encrypted": ("export", "cadres", "--encrypt-password-file", "mk.txt"),
    "template": ("template", "cadres"),
    "report xlsx": ("report", *YEAR, "--format", "xlsx"),
    "report pdf": ("report", *YEAR, "--format", "pdf"),
    "report docx": ("report", *YEAR, "--format", "docx"),
    "report figures": ("report", *YEAR, "--format", "json"),
    "slips": ("print", "slips", *YEAR),
    "slip register pdf": ("print", "slip-register", *YEAR),
    "slip register xlsx": ("print", "slip-register", *YEAR),
    "delegation list": ("print", "delegation", "--decision", "125-QĐ/TU"),
    "cadre summary": ("print", "cadre", "--name", "Nguyễn Văn Hùng", "--birth", "12/03/1965"),
}
SUFFIX = {"report pdf": ".pdf", "report docx": ".docx", "report figures": ".json", "slips": ".pdf",
          "slip register pdf": ".pdf", "delegation list": ".pdf", "cadre summary": ".pdf"}


@pytest.fixture
def loaded(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mk.txt").write_text("Mật-khẩu-xuất-2025\n", encoding="utf-8")
    for kind in ("cadres", "slips", "delegations"):
        headers, rows = SAMPLES[kind]
        assert cli("import", kind, workbook(tmp_path / f"vao-{kind}.xlsx", headers, rows))[0] == 0
    return cli


@pytest.mark.parametrize("own", [0, 1, 4], ids=lambda i: own_files.of("bvct.db")[i].name)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_output_named_as_a_file_of_the_database_is_refused(loaded, tmp_path, command, own):
    target = own_files.of(loaded.db)[own]
    if not target.exists():
        target.write_bytes(b"")
    named = tmp_path / f"lien-ket{SUFFIX.get(command, '.xlsx')}"  # another name for the same file
    named.symlink_to(target)
    code, out, err = loaded(*COMMANDS[command], "--out", named)
    assert (code, out) == (2, ""), err
    assert f"Không ghi vào «{named}»: đó là tệp của chính cơ sở dữ liệu «bvct.db» ({target.name})" in err
    assert named.is_symlink() and sorted(path.name for path in tmp_path.glob(".*")) == []
    assert loaded("export", "cadres", "--out", tmp_path / "sau.xlsx")[0] == 0


def test_a_database_named_as_a_workbook_is_not_exported_over(loaded, tmp_path):
    db = tmp_path / "so-dang-vien.xlsx"
    vault.create(db, ADMIN, PASSWORD)
    assert loaded("--db", db, "import", "cadres", tmp_path / "vao-cadres.xlsx")[0] == 0
    assert loaded("--db", db, "export", "cadres", "--out", "truoc.xlsx")[0] == 0
    code, out, err = loaded("--db", db, "export", "cadres", "--out", "so-dang-vien.xlsx")
    assert (code, out) == (2, "") and "đó là tệp của chính cơ sở dữ liệu «so-dang-vien.xlsx»" in err
    assert loaded("--db", db, "export", "cadres", "--out", "sau.xlsx")[0] == 0
    assert _rows(tmp_path / "sau.xlsx") == _rows(tmp_path / "truoc.xlsx")


def _rows(path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
