"""Opening a database: wrong password (3) and damage of every kind (4) are told apart."""

import os
import re
import shutil
import sqlite3
import stat
import unicodedata

import pytest

from bvct_desktop.core import keyfile, vault
from bvct_desktop.core.database import Actor
from bvct_desktop.core.errors import AuthError, BvctError, DamagedError, InputError
from bvct_desktop.core.schema import meta
from tests.conftest import ADMIN, PASSWORD
from tests.held_read import read_held_open


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    return path


def test_create_then_unlock_as_the_administrator(made):
    db = vault.unlock(made, ADMIN, PASSWORD)
    assert db.actor == Actor(ADMIN, "quan-tri")
    with db.read() as connection:
        facts = dict(connection.execute(meta.select()).all())
    db.close()
    assert facts["cipher_version"].startswith("4.")
    assert {"db_id", "cipher_page_size", "cipher_hmac_algorithm", "sqlite_version"} <= set(facts)


@pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX's")
def test_the_database_is_made_readable_by_its_owner_only_as_its_key_file(made):
    db = vault.unlock(made, ADMIN, PASSWORD)
    with db.write() as connection:  # the write-ahead log and its index are made as well
        db.audit(connection, "đăng nhập")
        modes = {name: stat.S_IMODE((made.parent / name).stat().st_mode)
                 for name in ("bvct.db", "bvct.db-wal", "bvct.db-shm", "bvct.db.keys")}
    db.close()
    assert modes == dict.fromkeys(modes, 0o600)


def test_create_refuses_existing_files_and_weak_passwords(made, tmp_path):
    with pytest.raises(InputError, match="đã có"):
        vault.create(made, ADMIN, PASSWORD)
    with pytest.raises(InputError, match="ít nhất 10"):
        vault.create(tmp_path / "other.db", ADMIN, "ngan")
    assert not (tmp_path / "other.db").exists()


def test_wrong_password_and_unknown_user_are_auth_errors(made):
    with pytest.raises(AuthError):
        vault.unlock(made, ADMIN, "sai mật khẩu rồi")
    with pytest.raises(AuthError):
        vault.unlock(made, "nguoi-la", PASSWORD)


def test_missing_database_or_key_file(made, tmp_path):
    with pytest.raises(DamagedError, match="Không tìm thấy cơ sở dữ liệu"):
        vault.unlock(tmp_path / "none.db", ADMIN, PASSWORD)
    (tmp_path / "bvct.db.keys").unlink()
    with pytest.raises(DamagedError, match="Không tìm thấy tệp khóa"):
        vault.unlock(made, ADMIN, PASSWORD)


def test_damaged_key_file(made, tmp_path):
    keys = tmp_path / "bvct.db.keys"
    data = bytearray(keys.read_bytes())
    data[data.index(b'"sealed": "') + 20] ^= 0x01  # in a key slot's sealed key
    keys.write_bytes(bytes(data))
    with pytest.raises(DamagedError, match="Tệp khóa .* bị hỏng"):
        vault.unlock(made, ADMIN, PASSWORD)


def test_truncated_database(made):
    data = made.read_bytes()
    made.write_bytes(data[: len(data) - 100])
    with pytest.raises(DamagedError, match="hỏng"):
        vault.unlock(made, ADMIN, PASSWORD)


def test_flipped_byte_in_the_first_page(made):
    data = bytearray(made.read_bytes())
    data[200] ^= 0xFF
    made.write_bytes(bytes(data))
    with pytest.raises(DamagedError):
        vault.unlock(made, ADMIN, PASSWORD)


def test_foreign_files(made, tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("create table t(x)").connection.commit()
    shutil.copy(tmp_path / "bvct.db.keys", tmp_path / "plain.db.keys")
    with pytest.raises(DamagedError, match="không mã hóa"):
        vault.unlock(plain, ADMIN, PASSWORD)
    random_file = tmp_path / "random.db"
    random_file.write_bytes(b"\x42" * 8192)
    shutil.copy(tmp_path / "bvct.db.keys", tmp_path / "random.db.keys")
    with pytest.raises(DamagedError):
        vault.unlock(random_file, ADMIN, PASSWORD)


FOREIGN_KEY_FILE = "đó là tệp khóa của một cơ sở dữ liệu khác"


def test_key_file_of_another_database_is_named_whatever_the_password_and_left_as_it_is(made, tmp_path):
    """Nor is a wrong password counted in it: it would lock the other database's users out."""
    other = tmp_path / "other.db"
    other_recovery = vault.create(other, ADMIN, "Mat-khau-khac-2025")
    shutil.copy(tmp_path / "other.db.keys", tmp_path / "bvct.db.keys")
    before = (tmp_path / "bvct.db.keys").read_bytes()
    told = f"Tệp khóa «{tmp_path / 'bvct.db.keys'}» không mở được «{made}»: {FOREIGN_KEY_FILE}"
    for password in (PASSWORD, "Mat-khau-khac-2025"):  # this database's password, or the other's
        with pytest.raises(DamagedError, match=re.escape(told)):
            vault.unlock(made, ADMIN, password)
    for recovery_key in (other_recovery, "AAAA-BBBB"):
        with pytest.raises(DamagedError, match=FOREIGN_KEY_FILE):
            vault.unlock_with_recovery_key(made, recovery_key)
    assert (tmp_path / "bvct.db.keys").read_bytes() == before


def test_a_wrong_password_with_the_database_s_own_key_file_stays_a_wrong_password(made):
    with pytest.raises(AuthError, match="Sai tên người dùng hoặc mật khẩu"):
        vault.unlock(made, ADMIN, "Mat-khau-khac-2025")


def test_a_key_file_that_does_not_name_its_database_opens_and_then_names_it(made, tmp_path):
    key_path = keyfile.key_path(made)
    keyfile.update(key_path, lambda keys: setattr(keys, "db_salt", None))  # written before the salt was kept
    assert keyfile.read(key_path).db_salt is None
    vault.unlock(made, ADMIN, PASSWORD).close()
    assert keyfile.read(key_path).db_salt == made.read_bytes()[:16].hex()


def test_copied_to_another_folder_opens_with_the_same_password(made, tmp_path):
    elsewhere = tmp_path / "may-khac"
    elsewhere.mkdir()
    shutil.copy(made, elsewhere / "bvct.db")
    shutil.copy(tmp_path / "bvct.db.keys", elsewhere / "bvct.db.keys")
    vault.unlock(elsewhere / "bvct.db", ADMIN, PASSWORD).close()


def test_recovery_key_opens_as_administrator(tmp_path):
    path = tmp_path / "r.db"
    recovery = vault.create(path, ADMIN, PASSWORD)
    db = vault.unlock_with_recovery_key(path, recovery.lower())
    assert db.actor.role == "quan-tri"
    db.close()
    with pytest.raises(AuthError, match="Khóa khôi phục"):
        vault.unlock_with_recovery_key(path, "AAAA-BBBB")


def test_closing_waits_for_a_read_under_way_on_another_thread_then_refuses(tmp_path):
    vault.create(tmp_path / "bvct.db", "quantri", "Mat-khau-dai-2026")
    db = vault.unlock(tmp_path / "bvct.db", "quantri", "Mat-khau-dai-2026")
    with read_held_open(db, "SELECT count(*) FROM settings", hold=0.3) as finished:
        db.close()  # waits for the read: disposing under it could crash the process
        assert finished and finished[0] > 0
    with pytest.raises(BvctError, match="đã đóng"):
        with db.read():
            pass


@pytest.mark.parametrize("typed", [unicodedata.normalize("NFD", "Nguyễn Lan"), "  Nguyễn Lan ", "Nguyễn Lan"])
def test_a_name_typed_with_combining_marks_or_spaces_around_it_logs_in_as_the_name_stored(tmp_path, typed):
    path = tmp_path / "bvct.db"
    vault.create(path, "Nguyễn Lan", PASSWORD)
    db = vault.unlock(path, typed, PASSWORD)
    try:
        assert db.actor.name == "Nguyễn Lan"
    finally:
        db.close()


def test_the_recovery_key_s_slot_is_no_login_even_with_spaces_around_it(made):
    for typed in (keyfile.RECOVERY_SLOT, f" {keyfile.RECOVERY_SLOT} "):
        with pytest.raises(AuthError):
            vault.unlock(made, typed, PASSWORD)


def _copied(names: list[str], source, target):
    target.mkdir()
    for name in names:
        shutil.copy(source / name, target / name)
    return target / "bvct.db"


def test_a_database_moved_without_the_write_ahead_log_a_power_cut_left_is_told_so_naming_the_file(made, tmp_path):
    """A power cut while the program is open leaves its newest changes in «bvct.db-wal»: «bvct.db» and
    «bvct.db.keys» alone, copied to a new PC, look rolled back. The officer is told which file to copy."""
    db = vault.unlock(made, ADMIN, PASSWORD)  # still open: its login's audit entry is in the -wal
    try:
        without = _copied(["bvct.db", "bvct.db.keys"], tmp_path, tmp_path / "may-moi")
        whole = _copied(["bvct.db", "bvct.db.keys", "bvct.db-wal"], tmp_path, tmp_path / "may-moi-du-tep")
    finally:
        db.close()
    with pytest.raises(DamagedError) as refused:
        vault.unlock(without, ADMIN, PASSWORD)
    assert "cũ hơn tệp khóa" in refused.value.message
    assert "chép lại từ máy cũ cả ba tệp «bvct.db», «bvct.db.keys» và «bvct.db-wal»" in refused.value.message
    vault.unlock(whole, ADMIN, PASSWORD).close()


def test_a_database_rolled_back_with_its_write_ahead_log_beside_it_is_not_told_of_a_missing_one(made, tmp_path):
    db = vault.unlock(made, ADMIN, PASSWORD)
    try:
        older = _copied(["bvct.db", "bvct.db-wal"], tmp_path, tmp_path / "ban-cu")
    finally:
        db.close()
    vault.unlock(made, ADMIN, PASSWORD).close()  # one login more: the key file is ahead of the older pair
    shutil.copy(tmp_path / "bvct.db.keys", older.parent / "bvct.db.keys")
    with pytest.raises(DamagedError) as refused:
        vault.unlock(older, ADMIN, PASSWORD)
    assert "cũ hơn tệp khóa" in refused.value.message and "-wal" not in refused.value.message
