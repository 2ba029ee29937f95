"""Accounts: a new user's name follows the one rule (`user_names`) on every way in — `users.add` and
the first administrator of `vault.create`; a refused name changes nothing, and a name stored before
the rule keeps working."""

import pytest
from sqlalchemy import func, select

from bvct_desktop.core import keyfile, user_names, users, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.schema import audit_log
from tests.conftest import ADMIN, PASSWORD

NEW_PASSWORD = "Mat-khau-rat-dai-2026"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    opened = vault.unlock(path, ADMIN, PASSWORD)
    users.add(opened, "lanhdao", "lanh-dao", NEW_PASSWORD)
    yield opened
    opened.close()


def _state(db) -> tuple:
    """What a refused change must leave as it was: the accounts, the key file, the audit trail."""
    with db.read() as connection:
        entries = connection.execute(select(func.count()).select_from(audit_log)).scalar()
    return users.list_accounts(db), keyfile.key_path(db.path).read_bytes(), entries


@pytest.mark.parametrize(("name", "said"), [
    ("a" * 3000, "dài 3000 byte, quá giới hạn 63 byte"),
    ("lanh\ndao2", "không được có ký tự xuống dòng"),
    ("Lanhdao", "Đã có người dùng «lanhdao»; «Lanhdao» chỉ khác ở chữ hoa/thường"),
    (" LANHDAO ", "Đã có người dùng «lanhdao»; «LANHDAO» chỉ khác ở chữ hoa/thường"),
    ("lanhdao ", "Người dùng «lanhdao» đã có."),
    ("pg_xem", "tên dành riêng của máy chủ PostgreSQL"),
])
def test_a_name_breaking_the_rule_is_refused_and_nothing_is_written(db, name, said):
    before = _state(db)
    with pytest.raises(InputError, match=said):
        users.add(db, name, "xem", NEW_PASSWORD)
    assert _state(db) == before


def test_the_name_stored_and_returned_is_nfc_without_the_spaces_around_it(db):
    typed = "  Tra\u0302\u0300n Bi\u0300nh "  # "Trần Bình" typed with combining marks
    assert users.add(db, typed, "xem", NEW_PASSWORD) == "Trần Bình"
    assert "Trần Bình" in [account.name for account in users.list_accounts(db)]
    vault.unlock(db.path, "Trần Bình", NEW_PASSWORD).close()


def test_the_first_administrator_follows_the_rule_and_nothing_is_made_when_refused(tmp_path):
    path = tmp_path / "moi" / "bvct.db"
    with pytest.raises(InputError, match="quá giới hạn 63 byte"):
        vault.create(path, "quản trị " * 10, PASSWORD)
    assert not path.parent.exists()
    vault.create(path, " quantri\u00a0", PASSWORD)  # a no-break space typed after the name is no part of it
    vault.unlock(path, "quantri", PASSWORD).close()


def test_a_name_stored_before_the_rule_still_logs_in_and_can_be_disabled(db, monkeypatch):
    with monkeypatch.context() as before_the_rule:
        before_the_rule.setattr(user_names, "checked", str.strip)
        before_the_rule.setattr(user_names, "check_free", lambda name, existing: None)
        users.add(db, "Lanhdao", "xem", NEW_PASSWORD)
        users.add(db, "cán bộ " * 8, "xem", NEW_PASSWORD)
    for old in ("Lanhdao", ("cán bộ " * 8).strip()):
        vault.unlock(db.path, old, NEW_PASSWORD).close()
        users.disable(db, old)
        assert not next(account for account in users.list_accounts(db) if account.name == old).active
