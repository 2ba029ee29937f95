"""Accounts: a new user's name follows the one rule (`user_names`) on every way in — `users.add` and
the first administrator of `vault.create`; a refused name changes nothing, and a name stored before
the rule keeps working. A disabled account is reopened by an administrator with a new password."""

import pytest
from sqlalchemy import func, select

from bvct_desktop.core import audit, audit_chain, keyfile, user_names, users, vault
from bvct_desktop.core.errors import AuthError, InputError, PermissionDenied
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


def test_a_disabled_account_is_reopened_with_a_new_password_and_keeps_its_role(db):
    users.disable(db, "lanhdao")
    assert users.enable(db, "lanhdao", "Mo-lai-sau-nghi-2026") == "lanh-dao"
    assert users.Account("lanhdao", "lanh-dao", True) in users.list_accounts(db)
    with pytest.raises(AuthError):
        vault.unlock(db.path, "lanhdao", NEW_PASSWORD)  # the password it had before is gone with its slot
    reopened = vault.unlock(db.path, "lanhdao", "Mo-lai-sau-nghi-2026")
    assert reopened.actor.role == "lanh-dao"
    reopened.close()
    trail = [(entry.action, entry.outcome) for entry in audit.list_entries(db) if entry.action == "mở lại người dùng"]
    assert trail == [("mở lại người dùng", audit_chain.PENDING), ("mở lại người dùng", audit_chain.OK)]


@pytest.mark.parametrize(("name", "said"), [
    ("lanhdao", "Tài khoản «lanhdao» đang hoạt động, không cần mở lại."),
    ("khongco", "Không có người dùng «khongco»."),
])
def test_reopening_an_account_that_is_open_or_missing_is_refused_and_nothing_is_written(db, name, said):
    before = _state(db)
    with pytest.raises(InputError, match=said):
        users.enable(db, name, "Mo-lai-sau-nghi-2026")
    assert _state(db) == before


def test_only_an_administrator_reopens_an_account_and_the_new_password_follows_the_rule(db):
    users.add(db, "xem1", "xem", NEW_PASSWORD)
    users.disable(db, "xem1")
    before = _state(db)
    with pytest.raises(InputError, match="ít nhất 10 ký tự"):
        users.enable(db, "xem1", "ngan")
    assert _state(db) == before
    leader = vault.unlock(db.path, "lanhdao", NEW_PASSWORD)
    with pytest.raises(PermissionDenied, match="mở lại người dùng"):
        users.enable(leader, "xem1", "Mo-lai-sau-nghi-2026")
    leader.close()
    assert users.list_accounts(db) == before[0]
    assert "xem1" not in keyfile.read(keyfile.key_path(db.path)).slots


TYPED = "  Tra\u0302\u0300n Bi\u0300nh "  # "Trần Bình" as a keyboard may type it, spaces around


@pytest.mark.parametrize("change", [
    lambda db: users.disable(db, TYPED),
    lambda db: users.set_role(db, TYPED, "lanh-dao"),
    lambda db: users.change_password(db, TYPED, "Mo-lai-sau-nghi-2026"),
])
def test_an_account_is_named_as_it_is_typed_at_login(db, change):
    users.add(db, "Trần Bình", "xem", NEW_PASSWORD)
    before = _state(db)
    change(db)
    assert _state(db) != before


def test_a_disabled_account_typed_as_at_login_is_reopened(db):
    users.add(db, "Trần Bình", "xem", NEW_PASSWORD)
    users.disable(db, TYPED)
    assert users.enable(db, TYPED, "Mo-lai-sau-nghi-2026") == "xem"
    vault.unlock(db.path, "Trần Bình", "Mo-lai-sau-nghi-2026").close()


@pytest.mark.parametrize("change", [users.disable, lambda db, name: users.set_role(db, name, "xem"),
                                    lambda db, name: users.enable(db, name, "Mo-lai-sau-nghi-2026"),
                                    lambda db, name: users.change_password(db, name, "Mo-lai-sau-nghi-2026")])
def test_a_name_differing_only_by_letter_case_is_refused_naming_the_account(db, change):
    before = _state(db)
    with pytest.raises(InputError, match="Không có người dùng «LanhDao»; tên phân biệt chữ hoa, chữ thường: "
                                         "có phải «lanhdao»?"):
        change(db, "LanhDao")
    assert _state(db) == before
