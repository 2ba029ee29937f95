"""The open session: every permission check reads the account as it is now, so an administrator's
change in another window or process holds at once — a demoted officer loses the old rights, a disabled
account can do nothing more — and the audit trail names the role the officer has when acting."""

import threading
import time

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit_chain, database, engine, keyfile, users, vault
from bvct_desktop.core.errors import AccountDisabled, AuthError, BusyError, PermissionDenied
from bvct_desktop.core.permissions import Action
from bvct_desktop.core.schema import audit_log
from tests.conftest import ADMIN, PASSWORD

OFFICER, OFFICER_PASSWORD = "chuyenvien", "Mat-khau-chuyen-vien-2026"


@pytest.fixture
def admin(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    opened = vault.unlock(path, ADMIN, PASSWORD)
    users.add(opened, OFFICER, "chuyen-vien", OFFICER_PASSWORD)
    yield opened
    opened.close()


@pytest.fixture
def officer(admin):
    opened = vault.unlock(admin.path, OFFICER, OFFICER_PASSWORD)
    yield opened
    opened.close()


def _last_entry(db) -> tuple:
    with db.read() as connection:
        return connection.execute(select(audit_log.c.user_name, audit_log.c.role, audit_log.c.action,
                                         audit_log.c.outcome).order_by(audit_log.c.id.desc())).first()


def _failed_logins(db) -> int:
    with db.read() as connection:
        return len(connection.execute(select(audit_log.c.id).where(
            audit_log.c.action == "đăng nhập", audit_log.c.outcome == audit_chain.FAILED)).all())


def test_a_role_taken_away_in_another_session_is_refused_at_once_and_audited_with_the_new_role(admin, officer):
    officer.require(Action.EDIT, "xóa hồ sơ")
    users.set_role(admin, OFFICER, "xem")
    with pytest.raises(PermissionDenied, match="Vai trò của bạn không được phép xóa hồ sơ"):
        officer.require(Action.EDIT, "xóa hồ sơ")
    assert _last_entry(admin) == (OFFICER, "xem", "xóa hồ sơ", audit_chain.REFUSED)


def test_a_role_given_in_another_session_holds_at_once(admin, officer):
    users.set_role(admin, OFFICER, "lanh-dao")
    officer.require(Action.REPORT_ISSUE, "phát hành báo cáo")
    officer.record_lock()
    assert _last_entry(admin) == (OFFICER, "lanh-dao", "khóa màn hình", audit_chain.OK)


def test_an_account_demoted_then_disabled_in_another_session_can_do_nothing_more_and_is_told_so(admin, officer):
    users.set_role(admin, OFFICER, "xem")
    users.disable(admin, OFFICER)
    with pytest.raises(PermissionDenied, match=f"Tài khoản «{OFFICER}» đã bị khóa; ") as refused:
        officer.require(Action.BROWSE, "xem hồ sơ")
    assert refused.value.exit_code == 5
    assert _last_entry(admin) == (OFFICER, "xem", "xem hồ sơ", audit_chain.REFUSED)


def test_the_session_is_told_once_of_each_change_of_its_account_made_elsewhere(admin, officer):
    """The desktop follows what an administrator changes while the officer is logged in: told the new
    role at the first check that reads it, and told once that the account is disabled, whatever reads
    it next (the window's own look, a click)."""
    told = []
    officer.on_account_change = told.append
    officer.require(Action.EDIT, "sửa hồ sơ")
    users.set_role(admin, OFFICER, "xem")
    assert officer.still_active() and officer.actor.role == "xem"
    assert officer.still_active() and told == [""]
    users.disable(admin, OFFICER)
    for _ in range(2):
        with pytest.raises(AccountDisabled, match=f"Tài khoản «{OFFICER}» đã bị khóa; không làm tiếp được việc gì"):
            officer.require(Action.BROWSE, "xem danh sách")
    assert not officer.still_active() and told == ["", database.disabled_message(OFFICER)]


@pytest.mark.parametrize("asked", [lambda db: db.confirm_password(OFFICER_PASSWORD, "xuất dữ liệu"),
                                   lambda db: db.unlock_again(OFFICER_PASSWORD)])
def test_the_password_asked_again_of_a_disabled_account_says_so_and_is_no_failed_login(admin, officer, asked):
    users.disable(admin, OFFICER)
    with pytest.raises(AuthError, match=f"Tài khoản «{OFFICER}» đã bị khóa; ") as refused:
        asked(officer)
    assert "Mật khẩu không đúng" not in refused.value.message
    assert OFFICER not in keyfile.read(admin.key_path).failures
    assert _failed_logins(admin) == 0


def test_a_write_told_to_wait_briefly_is_refused_as_busy_after_that_wait_not_the_busy_time(admin, officer):
    """A worker trying a save again while another officer writes (workers.written_when_free) waits a moment
    at each try, not the database's 5 s, so its «Hủy» is heard between tries; later writes wait as before."""
    with admin.write():
        started = time.monotonic()
        with database.writes_wait_at_most(100), pytest.raises(BusyError):
            with officer.write():
                pass
        assert time.monotonic() - started < 1.0  # the busy time: engine.BUSY_TIMEOUT_MS
    with officer.read() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == engine.BUSY_TIMEOUT_MS


def test_a_wait_and_a_listener_set_for_a_block_hold_in_its_thread_only_and_nest():
    """`writes_wait_at_most` and `waits_told_to` set a value for the block in the calling thread: an inner block's
    value gives way to the outer one's at its end, and another thread (another worker) keeps its own."""
    told, elsewhere = [], []
    with database.writes_wait_at_most(300), database.waits_told_to(told.append):
        with database.writes_wait_at_most(50):
            assert database.write_wait_ms(5000) == 50
        assert database.write_wait_ms(5000) == 300
        worker = threading.Thread(target=lambda: elsewhere.append(database.write_wait_ms(5000))
                                  or database.told_waiting("khác"))
        worker.start()
        worker.join()
        database.told_waiting("«canbo»")
    database.told_waiting("sau khối")
    assert (database.write_wait_ms(5000), elsewhere, told) == (5000, [5000], ["«canbo»"])
