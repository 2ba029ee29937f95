"""No file a command writes goes over a file of the database it works on, however that file is
named, nor over a file any database keeps (a database, its key file, a backup, told by their
content) or the password file just read: bad input, told in Vietnamese, and nothing is changed."""

import shutil

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
    which = "" if target.name == "bvct.db" else f" ({target.name})"  # the database itself named once
    assert f"Không ghi vào «{named}»: đó là tệp của chính cơ sở dữ liệu «bvct.db»{which};" in err
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


@pytest.fixture
def kept(loaded, tmp_path):
    """What a file of each kind another database keeps holds: its database (with the key file beside
    it), its key file, a backup; each copied under the command's own suffix below."""
    other = tmp_path / "khac" / "khac.db"
    other.parent.mkdir()
    vault.create(other, ADMIN, PASSWORD)
    assert loaded("--db", other, "backup", "--out", tmp_path / "khac" / "khac.bvctbak")[0] == 0
    return other


KEPT = {"key file": "tệp khóa của một cơ sở dữ liệu BVCT Desktop",
        "backup": "bản sao lưu BVCT Desktop",
        "database": "cơ sở dữ liệu BVCT Desktop (tệp khóa «{name}.keys» nằm cạnh)"}


def _copy_kept(other, kind: str, target):
    if kind == "key file":
        shutil.copy2(own_files.key_path(other), target)
    elif kind == "backup":
        shutil.copy2(other.with_suffix(".bvctbak"), target)
    else:
        shutil.copy2(other, target)
        shutil.copy2(own_files.key_path(other), own_files.key_path(target))


@pytest.mark.parametrize(("command", "kind"), [*((command, "key file") for command in COMMANDS),
                                               *((command, kind) for command in ("export", "report figures")
                                                 for kind in KEPT if kind != "key file")])
def test_an_output_over_a_file_another_database_keeps_is_refused(loaded, kept, tmp_path, command, kind):
    target = tmp_path / f"giu-lai{SUFFIX.get(command, '.xlsx')}"  # the kind told by content, not by name
    _copy_kept(kept, kind, target)
    before = target.read_bytes()
    code, out, err = loaded(*COMMANDS[command], "--out", target)
    assert (code, out) == (2, ""), err
    assert f"Không ghi vào «{target}»: đó là {KEPT[kind].format(name=target.name)}" in err
    assert target.read_bytes() == before and sorted(path.name for path in tmp_path.glob(".*")) == []


def test_a_backup_is_not_written_over_the_key_file_of_another_database(loaded, kept, tmp_path):
    target = tmp_path / "khac.bvctbak"
    _copy_kept(kept, "key file", target)
    code, out, err = loaded("backup", "--out", target)
    assert (code, out) == (2, "") and f"Không ghi vào «{target}»: đó là {KEPT['key file']}" in err, err


@pytest.mark.parametrize("command", ["export", "report figures", "report pdf"])
def test_an_output_over_the_password_file_just_read_is_refused(loaded, tmp_path, command):
    password_file = tmp_path / f"mat-khau{SUFFIX.get(command, '.xlsx')}"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    code, out, err = loaded("--password-file", password_file, *COMMANDS[command], "--out", password_file)
    assert (code, out) == (2, ""), err
    assert f"Không ghi vào «{password_file}»: đó là tệp mật khẩu vừa đọc" in err
    assert password_file.read_text(encoding="utf-8") == PASSWORD + "\n"


def test_the_report_s_figures_go_only_into_a_json_file(loaded, tmp_path):
    code, out, err = loaded(*COMMANDS["report figures"], "--out", "so-lieu.txt")
    assert (code, out) == (2, "") and "Tệp «so-lieu.txt» phải có đuôi .json." in err
    assert not (tmp_path / "so-lieu.txt").exists()


def test_a_previous_export_or_report_is_written_over(loaded, tmp_path):
    for command in ("export", "report figures"):
        target = tmp_path / f"lan-truoc{SUFFIX.get(command, '.xlsx')}"
        assert loaded(*COMMANDS[command], "--out", target)[0] == 0
        code, out, err = loaded(*COMMANDS[command], "--out", target)
        assert code == 0, err


def _rows(path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
