"""An account's full name («Nguyễn Văn A»), which documents naming the account print: given when the account is
added or written later, by an administrator for anyone and by every user for their own; stored NFC without the spaces
around it, at most 100 characters; the same on a file and on the office server (the server pass moves `cli`)."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit_chain, users, vault
from bvct_desktop.core.audit_actions import FULL_NAME_CHANGED
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.schema import audit_log
from tests.conftest import ADMIN

OFFICER_PASSWORD = "chuyenvien1-Mat-khau-2026"
SAMPLE_KINDS = ()  # the core tests' `db`: an empty database, opened by the administrator


def _full_names(db) -> dict[str, str | None]:
    return {account.name: account.full_name for account in users.list_accounts(db)}


def test_an_account_added_with_a_full_name_keeps_it_nfc_without_the_spaces_around_it(db):
    typed = "  Nguye\u0302\u0303n Va\u0306n A "  # typed with combining marks
    users.add(db, "chuyenvien1", "chuyen-vien", OFFICER_PASSWORD, typed)
    users.add(db, "xem1", "xem", OFFICER_PASSWORD)
    assert _full_names(db) == {ADMIN: None, "chuyenvien1": "Nguyễn Văn A", "xem1": None}


@pytest.mark.parametrize(("typed", "said"), [
    ("Nguyễn " * 20, "Họ và tên dài 139 ký tự, quá giới hạn 100 ký tự."),
    ("Nguyễn\nVăn A", "Họ và tên không được có ký tự xuống dòng, tab hay ký tự điều khiển (ký tự thứ 7 là U+000A)."),
])
def test_a_full_name_too_long_or_with_a_line_break_is_refused_in_vietnamese_and_no_account_is_added(db, typed, said):
    with pytest.raises(InputError) as refused:
        users.add(db, "chuyenvien1", "chuyen-vien", OFFICER_PASSWORD, typed)
    assert refused.value.message == said
    assert list(_full_names(db)) == [ADMIN]
    assert users.full_name_checked("A" * users.FULL_NAME_MAX) == "A" * 100


def test_an_officer_writes_their_own_full_name_not_anothers_an_administrator_anyones(db, cli):
    users.add(db, "chuyenvien1", "chuyen-vien", OFFICER_PASSWORD)
    officer = vault.unlock(cli.db, "chuyenvien1", OFFICER_PASSWORD)
    try:
        users.set_full_name(officer, "chuyenvien1", "Trần Thị Bình")
        assert users.own_full_name(officer) == "Trần Thị Bình"
        with pytest.raises(PermissionDenied):
            users.set_full_name(officer, ADMIN, "Kẻ Mạo Danh")
    finally:
        officer.close()
    users.set_full_name(db, "chuyenvien1", "Trần Thị Bình Minh")
    users.set_full_name(db, ADMIN, "Lê Văn Quản")
    assert _full_names(db) == {ADMIN: "Lê Văn Quản", "chuyenvien1": "Trần Thị Bình Minh"}
    users.set_full_name(db, ADMIN, "  ")  # taken away: documents name the account by its login name again
    assert _full_names(db)[ADMIN] is None
    with db.read() as connection:
        written = connection.execute(select(audit_log.c.user_name, audit_log.c.outcome)
                                     .where(audit_log.c.action == FULL_NAME_CHANGED).order_by(audit_log.c.id)).all()
    officer_entries = [("chuyenvien1", audit_chain.OK), ("chuyenvien1", audit_chain.REFUSED)]
    assert [tuple(entry) for entry in written] == [*officer_entries, *[(ADMIN, audit_chain.OK)] * 3]


def test_a_document_names_an_account_by_its_full_name_else_by_its_login_name():
    full_names = {"chuyenvien1": "Trần Thị Bình", "xem1": None}
    assert [users.signed_name(name, full_names) for name in ("chuyenvien1", "xem1", "nguoi-da-xoa")] == [
        "Trần Thị Bình", "xem1", "nguoi-da-xoa"]
