"""The commands the command line's messages suggest, to run as printed."""

from pathlib import Path

import pytest

from bvct_desktop.cli import hints
from bvct_desktop.core.errors import DamagedError
from bvct_desktop.core.permissions import ADMIN, OFFICER


def test_a_damaged_database_is_told_the_command_restoring_its_newest_verified_backup(monkeypatch, tmp_path):
    monkeypatch.setattr(hints, "WINDOWS", False)
    named = DamagedError("Cơ sở dữ liệu bị hỏng.", restore=(tmp_path / "a.db", tmp_path / "b1.bvctbak"),
                         opened_as=ADMIN)
    assert hints.told(named, "quantri") == (f"Cơ sở dữ liệu bị hỏng. Khôi phục bằng lệnh: "
                                            f"bvct --db {tmp_path}/a.db --user quantri restore {tmp_path}/b1.bvctbak")
    assert "--user TÊN restore" in hints.told(named, None)  # an administrator of the backup, as the README says


@pytest.mark.parametrize(("role", "told"), [
    (None, "Chỉ quản trị viên của bản sao lưu khôi phục được. Khôi phục bằng lệnh: bvct --db {db} --user cv "),
    (OFFICER, "Chỉ quản trị viên của bản sao lưu khôi phục được (TÊN: tên của quản trị viên). Khôi phục bằng lệnh: "
              "bvct --db {db} --user TÊN "),
])
def test_a_user_not_known_as_an_administrator_is_told_that_one_must_restore(monkeypatch, tmp_path, role, told):
    monkeypatch.setattr(hints, "WINDOWS", False)
    named = DamagedError("Hỏng.", restore=(tmp_path / "a.db", tmp_path / "b1.bvctbak"), opened_as=role)
    assert hints.told(named, "cv").startswith("Hỏng. " + told.format(db=tmp_path / "a.db"))
    assert hints.told(DamagedError("Bản sao lưu bị hỏng.")) == "Bản sao lưu bị hỏng."


def test_the_restore_command_names_the_database_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(hints, "WINDOWS", False)
    assert (hints.restore_command(Path("dm2/a.db"), Path("b1.bvctbak"), "qt")
            == f"bvct --db {tmp_path}/dm2/a.db --user qt restore {tmp_path}/b1.bvctbak")


def test_each_path_is_one_word_of_the_officers_shell(monkeypatch, tmp_path):
    database, backup = tmp_path / "Ban's data" / "a.db", tmp_path / "sao lưu $1" / "b1.bvctbak"
    monkeypatch.setattr(hints, "WINDOWS", False)
    assert (hints.restore_command(database, backup, "Trần Văn A")
            == f"bvct --db '{tmp_path}/Ban'\"'\"'s data/a.db' --user 'Trần Văn A' restore '{backup}'")
    monkeypatch.setattr(hints, "WINDOWS", True)  # the Command Prompt: no `"` in a Windows name
    assert (hints.restore_command(database, backup, "Trần Văn A")
            == f'bvct --db "{database}" --user "Trần Văn A" restore "{backup}"')


def test_a_user_name_with_quotes_or_backslashes_is_one_word_of_the_command_prompt(monkeypatch):
    monkeypatch.setattr(hints, "WINDOWS", True)
    # cmd.exe stays inside quotes across `""`; the program's own parser reads `""` inside quotes as one `"`,
    # and backslashes before a quote (or the closing one) doubled stand for themselves
    assert hints.shell_word('Anh "Ba"') == '"Anh ""Ba"""'
    assert hints.shell_word('a\\"b\\') == '"a\\\\""b\\\\"'
