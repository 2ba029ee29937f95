"""The commands the command line's messages suggest, to run as printed."""

from pathlib import Path

from bvct_desktop.cli import hints
from bvct_desktop.core.errors import DamagedError


def test_a_damaged_database_is_told_the_command_restoring_its_newest_verified_backup(monkeypatch, tmp_path):
    monkeypatch.setattr(hints, "WINDOWS", False)
    named = DamagedError("Cơ sở dữ liệu bị hỏng.", restore=(tmp_path / "a.db", tmp_path / "b1.bvctbak"))
    assert hints.told(named) == (f"Cơ sở dữ liệu bị hỏng. Khôi phục bằng lệnh: "
                                 f"bvct --db {tmp_path}/a.db restore {tmp_path}/b1.bvctbak")
    assert hints.told(DamagedError("Bản sao lưu bị hỏng.")) == "Bản sao lưu bị hỏng."


def test_the_restore_command_names_the_database_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(hints, "WINDOWS", False)
    assert (hints.restore_command(Path("dm2/a.db"), tmp_path / "b1.bvctbak")
            == f"bvct --db {tmp_path}/dm2/a.db restore {tmp_path}/b1.bvctbak")


def test_each_path_is_one_word_of_the_officers_shell(monkeypatch, tmp_path):
    database, backup = tmp_path / "Ban's data" / "a.db", tmp_path / "sao lưu $1" / "b1.bvctbak"
    monkeypatch.setattr(hints, "WINDOWS", False)
    assert (hints.restore_command(database, backup)
            == f"bvct --db '{tmp_path}/Ban'\"'\"'s data/a.db' restore '{backup}'")
    monkeypatch.setattr(hints, "WINDOWS", True)  # the Command Prompt: no `"` in a Windows name
    assert hints.restore_command(database, backup) == f'bvct --db "{database}" restore "{backup}"'
