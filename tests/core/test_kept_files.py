"""A database's key file, its backups and the database itself are told by their content, whatever
they are named; what the program writes for the officer is not taken for one of them."""

import json
import shutil

from bvct_desktop.core import backup, kept_files, own_files, vault
from tests.conftest import ADMIN, PASSWORD


def test_a_database_its_key_file_and_its_backup_are_told_by_their_content(tmp_path):
    db_path = tmp_path / "bvct.db"
    vault.create(db_path, ADMIN, PASSWORD)
    db = vault.unlock(db_path, ADMIN, PASSWORD)
    try:
        backup.write(db, tmp_path / "sao-luu.bvctbak")
    finally:
        db.close()
    shutil.copy2(own_files.key_path(db_path), tmp_path / "khoa.pdf")
    shutil.copy2(tmp_path / "sao-luu.bvctbak", tmp_path / "sao-luu.xlsx")
    assert kept_files.kind(tmp_path / "khoa.pdf") == kept_files.KEY_FILE
    assert kept_files.kind(tmp_path / "sao-luu.xlsx") == kept_files.BACKUP
    assert kept_files.kind(db_path) == "cơ sở dữ liệu BVCT Desktop (tệp khóa «bvct.db.keys» nằm cạnh)"


def test_a_key_file_failing_its_checksum_is_still_a_key_file(tmp_path):
    db_path = tmp_path / "bvct.db"
    vault.create(db_path, ADMIN, PASSWORD)
    keys = own_files.key_path(db_path)
    body = json.loads(keys.read_text(encoding="utf-8"))
    body["checksum"] = "0" * 64
    keys.write_text(json.dumps(body), encoding="utf-8")
    assert kept_files.kind(keys) == kept_files.KEY_FILE


def test_what_the_program_writes_for_the_officer_is_no_kept_file(tmp_path, cadres_file):
    figures = tmp_path / "so-lieu.json"
    figures.write_text(json.dumps({"from": "2026-01-01", "slips_issued": 3}), encoding="utf-8")
    (tmp_path / "trong.pdf").write_bytes(b"")
    for path in (figures, cadres_file, tmp_path / "trong.pdf", tmp_path / "chua-co.xlsx", tmp_path):
        assert kept_files.kind(path) is None
