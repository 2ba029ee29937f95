"""No backup or copy is written over a database's own files, however they are named."""

import pytest

from bvct_desktop.core import files, own_files, vault
from bvct_desktop.core.errors import InputError
from tests.conftest import ADMIN, PASSWORD


def test_the_files_of_a_database(tmp_path):
    names = [path.name for path in own_files.of(tmp_path / "bvct.db")]
    assert names == ["bvct.db", "bvct.db-wal", "bvct.db-shm", "bvct.db-journal", "bvct.db.keys",
                     "bvct.db.keys.lock", "bvct.db.keys.slots.lock"]


def test_a_file_named_another_way_is_the_same_file(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    assert files.same_file(tmp_path / "a" / ".." / "bvct.db-wal", tmp_path / "bvct.db-wal")  # neither exists
    assert files.same_file("../bvct.db-wal", tmp_path / "bvct.db-wal")
    (tmp_path / "bvct.db").write_bytes(b"x")
    (tmp_path / "lien-ket").symlink_to(tmp_path / "bvct.db")
    assert files.same_file(tmp_path / "lien-ket", tmp_path / "bvct.db")
    assert not files.same_file(tmp_path / "bvct.db2", tmp_path / "bvct.db")


def test_a_copy_goes_only_into_a_new_file_that_is_not_the_database_s(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        keys = (tmp_path / "bvct.db.keys").read_bytes()
        with pytest.raises(InputError, match="tệp của chính cơ sở dữ liệu"):
            db.export_copy(tmp_path / "bvct.db.keys")
        other = tmp_path / "khac.db"
        other.write_bytes(b"du lieu khac")
        with pytest.raises(InputError, match="đã có"):
            db.export_copy(other)
        assert other.read_bytes() == b"du lieu khac" and (tmp_path / "bvct.db.keys").read_bytes() == keys
        db.export_copy(tmp_path / "ban-chep.db")
    finally:
        db.close()


def test_the_database_refused_is_named_once_and_a_side_file_with_its_own_name(tmp_path):
    """«tệp của chính cơ sở dữ liệu «bvct.db» (bvct.db)» said the database's name twice."""
    database = tmp_path / "bvct.db"
    with pytest.raises(InputError) as refused:
        own_files.refuse(database, database)
    assert refused.value.message == (f"Không ghi vào «{database}»: đó là tệp của chính cơ sở dữ liệu «bvct.db»; "
                                     "ghi đè sẽ làm mất dữ liệu. Hãy chọn tên tệp khác.")
    with pytest.raises(InputError, match=r"đó là tệp của chính cơ sở dữ liệu «bvct\.db» \(bvct\.db\.keys\);"):
        own_files.refuse(tmp_path / "bvct.db.keys", database)
