"""After a restore the backup's key slots open the database: what that changes for the people who
log in, said from the key file before and the one restored."""

from bvct_desktop.core import keyfile
from bvct_desktop.core.restored_accounts import changes

RECOVERY = keyfile.RECOVERY_SLOT


def slot(salt: str) -> dict:
    return {"kdf": {"name": "argon2id", "salt": salt}, "nonce": "n", "sealed": "s"}


def test_nothing_is_said_when_the_accounts_are_as_at_the_backup():
    slots = {"nguyen.an": slot("a"), RECOVERY: slot("r")}
    assert changes(keyfile.KeyFile("db", dict(slots)), keyfile.KeyFile("db", dict(slots))) == []


def test_nothing_is_said_on_a_new_pc_or_over_a_key_file_that_cannot_be_read():
    assert changes(None, keyfile.KeyFile("db", {"nguyen.an": slot("a")})) == []


def test_an_account_locked_since_the_backup_logs_in_again_and_one_added_since_no_longer_does():
    before = keyfile.KeyFile("db", {"nguyen.an": slot("a"), "le.cuong": slot("c")})
    restored = keyfile.KeyFile("db", {"nguyen.an": slot("a"), "tran.binh": slot("b")})
    told = changes(before, restored)
    assert len(told) == 2
    assert told[0].startswith("«tran.binh» đăng nhập lại được") and "khóa lại" in told[0]
    assert told[1].startswith("«le.cuong» không còn đăng nhập được") and "thêm hoặc mở lại" in told[1]


def test_a_password_and_the_recovery_key_changed_since_the_backup_are_back_to_the_backup_s():
    before = keyfile.KeyFile("db", {"nguyen.an": slot("a2"), "tran.binh": slot("b"), RECOVERY: slot("r2")})
    restored = keyfile.KeyFile("db", {"nguyen.an": slot("a"), "tran.binh": slot("b"), RECOVERY: slot("r")})
    told = changes(before, restored)
    assert len(told) == 2
    assert told[0].startswith("«nguyen.an»: mật khẩu trở về mật khẩu lúc sao lưu")
    assert told[1].startswith("Khóa khôi phục trở về khóa lúc sao lưu")


def test_over_another_database_the_passwords_are_the_backup_s_without_naming_every_account():
    """Slots of two databases never match (each is sealed to its database): only the names are compared."""
    before = keyfile.KeyFile("khac", {"nguyen.an": slot("x"), RECOVERY: slot("y")})
    restored = keyfile.KeyFile("db", {"nguyen.an": slot("a"), RECOVERY: slot("r")})
    told = changes(before, restored)
    assert len(told) == 2
    assert told[0].startswith("Mật khẩu là mật khẩu trong bản sao lưu")
    assert told[1].startswith("Khóa khôi phục trở về khóa lúc sao lưu")
