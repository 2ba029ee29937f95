"""A full disk, for real (a small tmpfs), under every command that writes (issue 10, point 6):
each says "Ổ đĩa đầy", exits 1, prints no traceback, writes a line to the log, leaves nothing
half-written on the full disk, and leaves the database as it was.

The commands run as their own processes, as an officer runs them: a traceback printed while
Python tidies up at exit (an unclosed zip file's `__del__`) would show on stderr here."""

import json
import re
import sys
from pathlib import Path

import pytest

from bvct_desktop import paths
from bvct_desktop.core import autobackup, settings, vault
from bvct_desktop.core.errors import FREE_SPACE
from tests.conftest import ADMIN, PASSWORD, Cli, workbook
from tests.real_process import bvct, environment
from tests.samples import SAMPLES
from tests.small_disk import fill, mount, unmount

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs")
PERIOD = ("--from", "2025-01-01", "--to", "2025-12-31")
NEW_PASSWORD = "Mat-khau-moi-2026"


def _load(cli: Cli, folder: Path) -> None:
    for kind in ("cadres", "slips", "delegations", "complaints"):
        code, out, err = cli("import", kind, workbook(folder / f"{kind}.xlsx", *SAMPLES[kind]))
        assert code == 0, out + err


def _state(db: Path) -> tuple:
    """What must not change: the records, the settings, the users and the audit chain's soundness."""
    opened = vault.unlock(db, ADMIN, PASSWORD)
    try:
        with opened.read() as connection:
            counts = tuple(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
                           for table in ("cadres", "slips", "delegations", "users", "document_numbers"))
            settings = tuple(connection.exec_driver_sql("SELECT key, value FROM settings ORDER BY key"))
        assert opened.verify_audit_chain().ok
    finally:
        opened.close()
    return counts, settings


def _says_disk_full(done, log: Path) -> None:
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Ổ đĩa đầy" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert "Ổ đĩa đầy" in log.read_text(encoding="utf-8")


@pytest.fixture
def office(cli, tmp_path):
    """A database with records on an ordinary disk, a backup of it and a full 4 MB disk beside."""
    _load(cli, tmp_path)
    assert cli("backup", "--out", tmp_path / "tot.bvctbak")[0] == 0
    full = mount(tmp_path / "day", 4 * 1024 * 1024)
    filler = fill(full)
    yield cli, full, filler
    unmount(full)


OUTPUTS = {
    "export": ("export", "cadres", "--out", "{full}/can-bo.xlsx"),
    "export-encrypted": ("export", "cadres", "--out", "{full}/can-bo.xlsx", "--encrypt-password-file", "{pw}"),
    "template": ("template", "slips", "--out", "{full}/mau.xlsx"),
    "report-json": ("report", *PERIOD, "--format", "json", "--out", "{full}/so-lieu.json"),
    "report-xlsx": ("report", *PERIOD, "--format", "xlsx", "--out", "{full}/bao-cao.xlsx"),
    "report-pdf": ("report", *PERIOD, "--format", "pdf", "--out", "{full}/bao-cao.pdf"),
    "report-docx": ("report", *PERIOD, "--format", "docx", "--out", "{full}/bao-cao.docx"),
    "print-slips": ("print", "slips", *PERIOD, "--out", "{full}/phieu.pdf"),
    "print-register": ("print", "slip-register", *PERIOD, "--out", "{full}/so.xlsx"),
    "print-delegation": ("print", "delegation", "--decision", "125-QĐ/TU", "--out", "{full}/doan.pdf"),
    "print-cadre": ("print", "cadre", "--name", "Nguyễn Văn Hùng", "--out", "{full}/can-bo.pdf"),
    "backup": ("backup", "--out", "{full}/sao-luu.bvctbak"),
}


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_a_full_target_disk(office, tmp_path, name):
    cli, full, filler = office
    (tmp_path / "mk.txt").write_text("Mat-khau-xuat-2025\n", encoding="utf-8")
    before = _state(cli.db)
    env = environment(tmp_path, cli.db)
    command = [part.format(full=full, pw=tmp_path / "mk.txt") for part in OUTPUTS[name]]
    done = bvct(env, *command)
    _says_disk_full(done, _log(env))
    assert list(full.iterdir()) == [filler]
    assert _state(cli.db) == before


def test_restore_onto_a_full_disk(office, tmp_path):
    cli, full, filler = office
    env = environment(tmp_path, full / "bvct.db")
    done = bvct(env, "restore", tmp_path / "tot.bvctbak")
    _says_disk_full(done, _log(env))
    assert list(full.iterdir()) == [filler]


def test_init_on_a_full_disk(office, tmp_path):
    _, full, filler = office
    env = environment(tmp_path, full / "moi.db")
    done = bvct(env, "init", "--admin", ADMIN)
    _says_disk_full(done, _log(env))
    assert list(full.iterdir()) == [filler]


@pytest.fixture
def database_on_a_full_disk(tmp_path, capsys, monkeypatch):
    """The database itself on a 4 MB disk that is then filled to the last byte."""
    folder = mount(tmp_path / "day", 4 * 1024 * 1024)
    cli = Cli(folder / "bvct.db", capsys, monkeypatch)
    assert cli("init", "--admin", ADMIN)[0] == 0
    _load(cli, tmp_path)
    first = tmp_path / "mat-khau-binh.txt"
    first.write_text(PASSWORD + "\n", encoding="utf-8")
    assert cli("users", "add", "binh", "--role", "chuyen-vien", "--new-password-file", first)[0] == 0
    before = _state(cli.db)
    filler = fill(folder)
    yield cli, folder, filler, before
    unmount(folder)


def _password_file(tmp_path: Path) -> Path:
    path = tmp_path / "mat-khau-moi.txt"
    path.write_text(NEW_PASSWORD + "\n", encoding="utf-8")
    return path


DATABASE_WRITES = {
    "login": ("users", "list"),
    "import": ("import", "cadres", "{tmp}/them.xlsx"),
    "settings": ("settings", "set", "nguoi_ky", "Nguyễn Văn Ký"),
    "users-add": ("users", "add", "an", "--role", "xem", "--new-password-file", "{pw}"),
    "users-passwd": ("users", "passwd", "binh", "--new-password-file", "{pw}"),
    "users-disable": ("users", "disable", "binh"),
    "report-issue": ("report", *PERIOD, "--format", "pdf", "--out", "{tmp}/bc.pdf", "--issue"),
    "backup": ("backup", "--out", "{tmp}/b.bvctbak"),
}


@pytest.mark.parametrize("name", list(DATABASE_WRITES))
def test_a_full_database_disk(database_on_a_full_disk, tmp_path, name):
    cli, folder, filler, before = database_on_a_full_disk
    workbook(tmp_path / "them.xlsx", ["Họ và tên", "Ngày sinh"], [[f"Mới {i}", "1980"] for i in range(200)])
    keys_before = (folder / "bvct.db.keys").read_bytes()
    env = environment(tmp_path, cli.db)
    command = [part.format(tmp=tmp_path, pw=_password_file(tmp_path)) for part in DATABASE_WRITES[name]]
    done = bvct(env, *command)
    _says_disk_full(done, _log(env))
    filler.unlink()  # room again: the database must be exactly as it was
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("bvct.db")) == []
    opened = vault.unlock(cli.db, "binh", PASSWORD)  # the old password still opens, the new does not
    opened.close()
    with pytest.raises(Exception):  # noqa: B017 - AuthError: the key slot did not change
        vault.unlock(cli.db, "binh", NEW_PASSWORD)
    assert _slots(keys_before) == _slots((folder / "bvct.db.keys").read_bytes())
    assert _state(cli.db) == before


@pytest.mark.parametrize("name", ["login", "backup"])
def test_a_full_database_disk_names_the_database_and_says_to_make_room_on_its_disk(database_on_a_full_disk, tmp_path,
                                                                                   name):
    """A backup onto a USB stick refused with «không ghi được vào «bvct.db»» left the officer asking
    which disk was full, and why a backup should write to the database at all."""
    cli, folder, _, _ = database_on_a_full_disk
    done = bvct(environment(tmp_path, cli.db), *[part.format(tmp=tmp_path) for part in DATABASE_WRITES[name]])
    assert done.stderr == (f"Ổ đĩa đầy: không ghi được vào cơ sở dữ liệu «{cli.db}»; cơ sở dữ liệu không thay đổi. "
                           f"Hãy giải phóng chỗ trống trên ổ chứa thư mục «{folder}» (xóa bớt tệp cũ) rồi làm lại: "
                           "khi ổ ấy đầy, chương trình không mở được cơ sở dữ liệu, kể cả để sao lưu ra ổ khác.\n")


def _slots(key_file: bytes) -> dict:
    return json.loads(key_file)["slots"]


def _log(env: dict) -> Path:
    return Path(env["XDG_STATE_HOME"]) / paths.APP_NAME / "log" / "bvct.log"


def test_the_log_looked_at_is_the_one_the_program_writes(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert _log({"XDG_STATE_HOME": str(tmp_path / "state")}) == paths.log_file()


def test_a_backup_onto_a_full_usb_drive_says_to_make_room_or_use_another_drive(office, tmp_path):
    """The message said the drive was full and nothing was half-written, not what the officer does next."""
    cli, full, _ = office
    done = bvct(environment(tmp_path, cli.db), "backup", "--out", full / "sao-luu.bvctbak")
    _says_disk_full(done, _log(environment(tmp_path, cli.db)))
    assert done.stderr.rstrip().endswith(FREE_SPACE), done.stderr


@pytest.mark.file_only("the room a backup needs is told from the database file's size")
@pytest.mark.parametrize("spare", [0, 1, 2])
def test_a_usb_drive_with_room_for_the_backup_file_alone_says_how_much_room_the_backup_needs(office, tmp_path, spare):
    """A USB drive with 600 KB free refused a 300 KB backup as «Ổ đĩa đầy», twice in different words as
    the room left ran out earlier or later: the officer freed some space and met the same message. While
    it is written the backup needs room for its checked copy as well; the message says how much, and
    what the drive has."""
    cli, full, filler = office
    filler.unlink()
    size = (tmp_path / "tot.bvctbak").stat().st_size
    fill(full, leave=size // 2 + spare * size // 2)
    done = bvct(environment(tmp_path, cli.db), "backup", "--out", full / "sao-luu.bvctbak")
    _says_disk_full(done, _log(environment(tmp_path, cli.db)))
    told = done.stderr.strip()
    assert told.startswith(f"Ổ đĩa đầy: không ghi được bản sao lưu «{full / 'sao-luu.bvctbak'}»; không có tệp "
                           "nào bị ghi dở. Trong lúc ghi, bản sao lưu cần khoảng "), told
    assert re.search(r"cần khoảng \d+,\d MB trống trên ổ ấy \(bản sao lưu và một bản chép tạm để kiểm tra\); "
                     r"ổ còn \d+,\d MB\. ", told), told
    assert told.endswith(FREE_SPACE), told
    assert sorted(path.name for path in full.iterdir()) == [filler.name]


@pytest.mark.file_only("the automatic backup at exit and its copy are a file database's (a server's: bvct backup)")
def test_the_automatic_copy_onto_a_full_usb_drive_says_to_make_room(office, tmp_path):
    """At exit the copy to the second folder (thu_muc_sao_luu_2) meets the full drive: the failure kept
    for the Sao lưu page and the overview says what to do, in one sentence with no doubled full stop."""
    cli, full, _ = office
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        settings.set_setting(db, "thu_muc_sao_luu_2", str(full))
        assert autobackup.at_exit(db, tmp_path / "sao-luu") is not None
        failed = autobackup.last_second_copy(db)
    finally:
        db.close()
    assert not failed.ok and failed.error.startswith("Ổ đĩa đầy") and failed.error.endswith(FREE_SPACE)
    assert not failed.describe().endswith(".")  # it is followed by the page's own full stop, or a colon
