"""The server process killed in the middle of an officer's save (a hook between two statements, not a
random kill): nothing of the save is kept, the officer is told so in Vietnamese — or, killed as the
save commits, that the program cannot know and what to look at — and once the server is back both
officers work on without reopening the program."""

import time

import pytest
from sqlalchemy import event, func, select

from bvct_desktop.core import database, editing, vault
from bvct_desktop.core.errors import BusyError, BvctError
from bvct_desktop.core.schema import cadres
from tests.conftest import ADMIN, PASSWORD

HUNG = {"full_name": "Nguyễn Văn Hùng", "birth_date": "12/03/1970", "home_town": "Xã Hàm Tiến"}
SECOND_PASSWORD = "Mat-khau-cua-Hoa-2026"


@pytest.fixture
def two_officers(cli, tmp_path):
    """The administrator and the officer «hoa», each logged in from their own PC."""
    password_file = tmp_path / "hoa.pw"
    password_file.write_text(SECOND_PASSWORD + "\n", encoding="utf-8")
    code, _, err = cli("users", "add", "hoa", "--role", "chuyen-vien", "--new-password-file", password_file)
    assert code == 0, err
    first, second = vault.unlock(cli.db, ADMIN, PASSWORD), vault.unlock(cli.db, "hoa", SECOND_PASSWORD)
    yield first, second
    first.close()
    second.close()


def _kill_the_server_at(db, cluster, moment: str) -> None:
    """At the first INSERT of `db`'s next write (`moment` "insert"), or as it commits ("commit"), the
    server process serving it is killed; the server comes back before the program is told."""
    killed = []

    def kill(connection, *args) -> None:
        if killed or (moment == "insert" and not args[1].lstrip().upper().startswith("INSERT")):
            return
        killed.append(True)
        cluster.kill_server_process(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar())

    event.listen(db.engine, "before_cursor_execute" if moment == "insert" else "commit", kill)


def _cadres(db) -> int:
    with db.read() as connection:
        return connection.execute(select(func.count()).select_from(cadres)).scalar()


def test_the_server_killed_between_two_statements_keeps_nothing_says_so_and_both_work_on(two_officers, cluster):
    officer, other = two_officers
    _kill_the_server_at(officer, cluster, "insert")
    with pytest.raises(BvctError) as told:
        editing.save(officer, "cadres", HUNG)
    assert "Mất kết nối với máy chủ cơ sở dữ liệu" in str(told.value)
    assert "thao tác chưa được ghi" in str(told.value)
    assert _cadres(officer) == 0
    editing.save(other, "cadres", {**HUNG, "full_name": "Trần Thị Mai"})
    editing.save(officer, "cadres", HUNG)
    assert _cadres(other) == 2
    assert officer.verify_audit_chain().ok


def test_the_server_killed_as_a_save_commits_says_the_program_cannot_know_and_what_to_look_at(two_officers,
                                                                                               cluster):
    officer, _ = two_officers
    _kill_the_server_at(officer, cluster, "commit")
    with pytest.raises(BvctError) as told:
        editing.save(officer, "cadres", HUNG)
    message = str(told.value)
    assert "chưa được ghi" not in message
    assert "không biết thao tác vừa rồi đã được ghi hay chưa" in message
    assert "xem lại" in message
    assert _cadres(officer) in (0, 1)
    assert officer.verify_audit_chain().ok


def test_a_save_waiting_past_the_busy_time_for_another_officers_long_write_names_who_is_writing(cli, tmp_path):
    """One officer imports a long list (one transaction holding the write) while the other saves: the
    other waits, and past the busy time is told who holds the database, so they know whom to ask."""
    password_file = tmp_path / "hoa.pw"
    password_file.write_text(SECOND_PASSWORD + "\n", encoding="utf-8")
    assert cli("users", "add", "hoa", "--role", "chuyen-vien", "--new-password-file", password_file)[0] == 0
    importing_officer = vault.unlock(cli.db, "hoa", SECOND_PASSWORD)
    waiting_officer = vault.unlock(cli.db, ADMIN, PASSWORD, busy_timeout_ms=300)
    try:
        with importing_officer.write():
            with pytest.raises(BusyError) as told:
                editing.save(waiting_officer, "cadres", HUNG)
        assert "«hoa» đang ghi" in str(told.value)
        assert "hãy thử lại sau" in str(told.value)
        assert told.value.writer == "hoa"  # for the window that waits on, saying whom it waits for
        assert _cadres(waiting_officer) == 0
    finally:
        importing_officer.close()
        waiting_officer.close()


def test_a_server_still_starting_at_login_is_not_told_as_a_write_of_unknown_fate():
    import psycopg
    from sqlalchemy import exc

    from bvct_desktop.core.address import ServerAddress
    from bvct_desktop.core.server.engine import classify

    starting = exc.OperationalError(None, None, psycopg.errors.CannotConnectNow("the database system is starting up"))
    told = classify(starting, ServerAddress({"host": "10.0.0.5", "port": "5432", "dbname": "bvct"})).message
    assert "không biết" not in told and "chưa được ghi" in told


def test_a_save_told_to_wait_briefly_is_refused_after_that_wait_naming_the_writer(cli, tmp_path):
    """The window that waits on for another officer's long write tries again and again, each try waiting
    a moment, not the busy time (5 s), so its «Hủy» is heard between tries (workers.written_when_free)."""
    password_file = tmp_path / "hoa.pw"
    password_file.write_text(SECOND_PASSWORD + "\n", encoding="utf-8")
    assert cli("users", "add", "hoa", "--role", "chuyen-vien", "--new-password-file", password_file)[0] == 0
    importing_officer = vault.unlock(cli.db, "hoa", SECOND_PASSWORD)
    waiting_officer = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        with importing_officer.write():
            started = time.monotonic()
            with database.writes_wait_at_most(200), pytest.raises(BusyError) as told:
                editing.save(waiting_officer, "cadres", HUNG)
            assert time.monotonic() - started < 1.0
        assert told.value.writer == "hoa"
        assert _cadres(waiting_officer) == 0
    finally:
        importing_officer.close()
        waiting_officer.close()
