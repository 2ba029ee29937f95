"""The built bundle (slow: marked `bundle`): its smoke test passes with no network, and an office
database made by the first release opens in it — upgraded, automatically backed up first, every
record kept."""

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from installer import smoke
from tests.conftest import ADMIN, PASSWORD
from tests.core.test_upgrade import first_release_db  # noqa: F401, F811 - the fixture: a revision-0001 database

pytestmark = pytest.mark.bundle


def test_the_bundle_passes_its_smoke_test_with_no_network(bundle, tmp_path):
    notes = smoke.smoke(bundle, tmp_path)
    assert any("all embedded" in note for note in notes)
    assert any(note.startswith("GUI offscreen: LoginDialog") for note in notes)


@pytest.mark.skipif(sys.platform != "linux", reason="ELF shared libraries: the Linux bundle")
def test_no_library_of_the_linux_bundle_carries_debug_information(bundle):
    assert shutil.which("readelf"), "binutils (readelf) is needed: PyInstaller uses it on Linux too"
    libraries = [path for path in Path(bundle).rglob("*.so*") if path.is_file()]
    assert len(libraries) > 20
    carrying = [path.name for path in libraries
                if ".debug_info" in subprocess.run(["readelf", "-S", "-W", path], capture_output=True,
                                                   text=True, check=True).stdout]
    assert carrying == []


def test_a_first_release_database_opens_in_the_bundled_program_with_every_record(bundle, first_release_db,  # noqa: F811
                                                                                  tmp_path):
    program = smoke.Bundle(bundle, tmp_path)
    env = {**program.env, "BVCT_USER": ADMIN, "BVCT_PASSWORD": PASSWORD}
    exported = tmp_path / "can-bo.xlsx"
    program.run("bvct", "--db", first_release_db, "export", "cadres", "--out", exported, env=env)
    names = {row[0] for row in openpyxl.load_workbook(exported).active.iter_rows(min_row=2, values_only=True)}
    assert names == {"Nguyễn Văn Hùng", "Bùi Thị Hương"}
    figures = program.run("bvct", "--db", first_release_db, "report", "--from", "2025-01-01", "--to", "2025-12-31",
                          "--format", "json", "--out", "-", env=env)
    assert '"slips_issued": 4' in figures
    program.run("bvct", "--db", first_release_db, "audit", "verify", env=env)

    backups = sorted((tmp_path / "home" / "data" / "BVCT Desktop" / "sao-luu").glob("*.bvctbak"))
    assert len(backups) == 1  # taken before the migration, and it is whole
    program.run("bvct", "verify", backups[0], env=env)
    seen = smoke.check_gui(program, first_release_db, "LoginDialog")
    assert seen["problems"] == []
