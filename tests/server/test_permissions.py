"""The permission table holds at the SQL level: someone with psql and an officer's password can do
no more than that officer can in the program (spec, "Office server"; core/server/access.py)."""

import datetime as dt
import json
import time

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import text

from bvct_desktop.cli import arguments
from bvct_desktop.core import autobackup, vault
from bvct_desktop.core.database import disabled_message, password_changed_message
from bvct_desktop.core.errors import AccountDisabled, AuthError, PasswordChanged, PermissionDenied
from bvct_desktop.core.permissions import Action
from bvct_desktop.core.server import objects
from bvct_desktop.core.server.access import TABLES
from bvct_desktop.core.server.objects import group
from tests.conftest import ADMIN, PASSWORD
from tests.server_db import OWNER
from tests.todays_records import TABLES as TODAYS_TABLES

OFFICE_ZONE = "Asia/Ho_Chi_Minh"
USERS = {"lanh-dao": "lanhdao1", "chuyen-vien": "chuyenvien1", "xem": "xem1"}


def _password(user: str) -> str:
    return f"{user}-Mat-khau-2026"


@pytest.fixture
def office(cli, cadres_file, tmp_path):
    """A server database with a cadre, and one user per role."""
    assert cli("import", "cadres", cadres_file)[0] == 0
    for role, user in USERS.items():
        secret = tmp_path / f"{user}.pw"
        secret.write_text(_password(user), encoding="utf-8")
        assert cli("users", "add", user, "--role", role, "--new-password-file", secret)[0] == 0
    return cli


def _login(cli, user: str, password: str | None = None) -> psycopg.Connection:
    return psycopg.connect(cli.db.conninfo(user=user, password=password or _password(user)), autocommit=True)


def _refused(connection: psycopg.Connection, statement: str, params=None) -> None:
    with pytest.raises(errors.InsufficientPrivilege):
        connection.execute(statement, params)


def test_a_viewer_reads_but_writes_nothing(office):
    with _login(office, USERS["xem"]) as xem:
        assert xem.execute("SELECT count(*) FROM cadres").fetchone()[0] == 3
        _refused(xem, "INSERT INTO persons (full_name, name_key, search_key, home_town_key, created_at, updated_at) "
                      "VALUES ('A', 'a', 'a', '', now(), now())")
        _refused(xem, "UPDATE cadres SET note = 'x'")
        _refused(xem, "UPDATE persons SET full_name = 'x'")
        _refused(xem, "DELETE FROM slips")
        _refused(xem, "INSERT INTO recipients (name, name_key, active, created_at) VALUES ('X', 'x', true, now())")
        _refused(xem, "SELECT * FROM audit_log")
        _refused(xem, "SELECT * FROM public.bvct_audit_for_backup(%s)", (bytes(32),))
        _refused(xem, "SELECT * FROM public.bvct_key_slots_for_backup(%s)", (bytes(32),))


def test_an_officer_edits_records_but_not_settings_users_numbers_or_the_trail(office):
    with _login(office, USERS["chuyen-vien"]) as officer:
        with officer.transaction(force_rollback=True):
            officer.execute("UPDATE cadres SET note = 'ghi chú'")
        _refused(officer, "INSERT INTO settings (key, value) VALUES ('co_quan', 'X')")
        _refused(officer, "UPDATE settings SET value = 'X'")
        _refused(officer, "DELETE FROM settings")
        _refused(officer, "DELETE FROM recipients")  # a unit is set aside or merged (kept as an alias), never deleted
        _refused(officer, "UPDATE users SET role = 'quan-tri' WHERE name = %s", (USERS["chuyen-vien"],))
        _refused(officer, "INSERT INTO users (name, role, active, created_at) VALUES ('x', 'quan-tri', true, now())")
        _refused(officer, "DELETE FROM key_slots")
        _refused(officer, "INSERT INTO document_numbers (doc_type, term_start, number, issued_on, created_at) "
                          "VALUES ('BC', '2025-10-01', 99, '2026-01-01', now())")
        _refused(officer, "SELECT public.bvct_user_add('tay_sai', 'quan-tri', NULL, NULL, now()::timestamp)")
        _refused(officer, "SELECT public.bvct_user_disable(%s)", (ADMIN,))
        _refused(officer, "SELECT public.bvct_user_password(%s, 'SCRAM-SHA-256$4096:x$y:z', NULL)", (ADMIN,))
        _refused(officer, f'ALTER ROLE "{ADMIN}" PASSWORD \'mat-khau-moi\'')
        _refused(officer, "UPDATE audit_log SET action = 'x'")
        _refused(officer, "DELETE FROM audit_log")
        _refused(officer, "TRUNCATE audit_log")
        _refused(officer, "SELECT * FROM bvct_private.audit_secret")
        _refused(officer, "SELECT * FROM audit_log")
        _refused(officer, "SELECT * FROM public.bvct_audit_for_backup(%s)", (bytes(32),))  # without the database key
        _refused(officer, "SELECT * FROM public.bvct_key_slots_for_backup(%s)", (bytes(32),))
        with pytest.raises(errors.InsufficientPrivilege):
            officer.execute("CREATE TABLE lau (x int)")


@pytest.mark.parametrize("table", TODAYS_TABLES)
def test_a_case_s_steps_the_2c_sections_and_the_scans_are_read_by_everyone_written_by_an_officer_removed_by_no_one(
        office, table):
    """Migrations 0032–0034's tables as the records are: a viewer reads them, an officer adds and changes (a row
    deleted goes to the recycle bin: a change), no one deletes a row, a scan's bytes included. The statements
    touch no row: the server checks the privilege before it looks for one."""
    some = f"INSERT INTO {table} SELECT * FROM {table} WHERE false"
    same = f"UPDATE {table} SET {'attachment_id = attachment_id' if table == 'attachment_contents' else 'id = id'}"
    with _login(office, USERS["xem"]) as viewer:
        assert viewer.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        _refused(viewer, some)
        _refused(viewer, same)
    with _login(office, USERS["chuyen-vien"]) as officer:
        with officer.transaction(force_rollback=True):
            officer.execute(some)
            officer.execute(same)
        _refused(officer, f"DELETE FROM {table}")


def test_no_one_changes_or_removes_an_audit_entry_not_even_an_administrator(office):
    with _login(office, ADMIN, PASSWORD) as admin:
        assert admin.execute("SELECT count(*) FROM audit_log").fetchone()[0] > 0
        _refused(admin, "UPDATE audit_log SET outcome = 'ok'")
        _refused(admin, "DELETE FROM audit_log WHERE id = 1")
        _refused(admin, "TRUNCATE audit_log")
        _refused(admin, "SELECT key FROM bvct_private.audit_secret")
        _refused(admin, "UPDATE bvct_private.audit_head SET count = 0")
        _refused(admin, "ALTER TABLE audit_log DISABLE TRIGGER bvct_audit_link")
        with pytest.raises(errors.InsufficientPrivilege):
            admin.execute("CREATE ROLE moi LOGIN")


def test_a_client_cannot_write_a_false_link(office):
    """Whatever id, MAC or role a client sends, the server numbers, links and names the entry."""
    with _login(office, USERS["chuyen-vien"]) as officer:
        officer.execute("INSERT INTO audit_log (id, at, user_name, role, action, outcome, mac) "
                        "VALUES (1, now(), %s, 'quan-tri', 'tự ghi', 'ok', 'ffff')", (USERS["chuyen-vien"],))
    with _login(office, ADMIN, PASSWORD) as admin:
        row = admin.execute("SELECT id, user_name, role, mac FROM audit_log WHERE action = 'tự ghi'").fetchone()
        assert row[0] > 1 and row[1] == USERS["chuyen-vien"] and row[2] == "chuyen-vien" and row[3] != "ffff"
    code, out, _ = office("audit", "verify")
    assert code == 0 and "toàn vẹn" in out


@pytest.fixture
def pc_zone():
    """Sets the time zone of the PC the program runs on (this process) until the test ends."""
    with pytest.MonkeyPatch.context() as patch:
        def set_zone(name: str) -> None:
            patch.setenv("TZ", name)
            time.tzset()
        yield set_zone
    time.tzset()


@pytest.fixture
def office_time(pc_zone):
    """The office's PCs keep Vietnamese time (UTC+7); the test cluster's zone is UTC."""
    pc_zone(OFFICE_ZONE)


@pytest.fixture
def utc_pc(pc_zone):
    """The PC that makes the server's objects (`bvct init`) keeps UTC."""
    pc_zone("UTC")


def test_the_server_dates_an_entry_itself_as_the_program_dates_its_own(office_time, office):
    """Whatever moment, and whatever session time zone, a client sends, a login's entry carries the
    server's clock in the office's local time, to the second: the time the program's entries carry."""
    viewer = USERS["xem"]
    with _login(office, viewer) as xem:
        xem.execute("SET TimeZone = 'Pacific/Kiritimati'")
        before = dt.datetime.now().replace(microsecond=0)
        xem.execute("INSERT INTO audit_log (at, user_name, role, action, outcome, mac) "
                    "VALUES ('2020-01-01', %s, 'x', 'khôi phục', 'ok', '')", (viewer,))
        after = dt.datetime.now()
    with _login(office, ADMIN, PASSWORD) as admin:
        at = admin.execute("SELECT at FROM audit_log WHERE action = 'khôi phục'").fetchone()[0]
    assert before <= at <= after and at.microsecond == 0
    code, out, _ = office("audit", "list", "--user", viewer)
    assert code == 0 and f"{at:%d/%m/%Y %H:%M:%S}" in out and "01/01/2020" not in out
    code, out, _ = office("audit", "verify")
    assert code == 0 and "toàn vẹn" in out


def _dated_in_office_time(office, tmp_path) -> None:
    """An account added from a workstation on Vietnamese time: its entry carries the moment the account
    carries (the workstation's «lúc»), and falls on that day for `audit list --from/--to`."""
    secret = tmp_path / "moi.pw"
    secret.write_text(_password("moi"), encoding="utf-8")
    before = dt.datetime.now().replace(microsecond=0)
    assert office("users", "add", "moi", "--role", "xem", "--new-password-file", secret)[0] == 0
    after = dt.datetime.now()
    with _login(office, ADMIN, PASSWORD) as admin:
        admin.execute("SET TimeZone = 'UTC'")
        added = admin.execute("SELECT created_at FROM users WHERE name = 'moi'").fetchone()[0]
        at = admin.execute("SELECT at FROM audit_log WHERE action = 'thêm người dùng' ORDER BY id DESC").fetchone()[0]
    assert before <= added <= after and before <= at <= after and abs(at - added) <= dt.timedelta(seconds=1)
    today = f"{at:%Y-%m-%d}"
    code, out, _ = office("audit", "list", "--from", today, "--to", today)
    assert code == 0 and f"{at:%d/%m/%Y %H:%M:%S}" in out


def test_an_entry_is_dated_in_office_time_whatever_the_zone_of_the_pc_that_made_the_server(
        utc_pc, office, pc_zone, tmp_path):
    pc_zone(OFFICE_ZONE)
    _dated_in_office_time(office, tmp_path)


def test_an_upgrade_from_any_zone_dates_the_entries_of_an_older_server_in_office_time(
        utc_pc, office, pc_zone, cluster, monkeypatch, tmp_path):
    """Objects of version 2 dated a login's entry at the UTC offset of the PC that made them: `bvct
    upgrade` makes them again, and the zone of the PC it runs on moves nothing."""
    with cluster.superuser(office.db.dbname) as superuser:
        superuser.execute("UPDATE meta SET value = '2' WHERE key = 'server_objects'")
    pc_zone("America/New_York")
    code, _, err = office("users", "list")
    assert code == 1 and "bvct upgrade" in err
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, _, err = office("upgrade", "--server-owner", OWNER, "--backup-out", tmp_path / "truoc.bvctbak")
    assert code == 0, err
    monkeypatch.delenv("PGPASSWORD")
    pc_zone(OFFICE_ZONE)
    _dated_in_office_time(office, tmp_path)


def _objects_of_version_3(superuser) -> None:
    """The audit trigger as objects of version 3 made it: it took a disabled account's entries."""
    trigger, = (statement for statement in objects._functions(OWNER, objects._server_moment())
                if "audit_link() RETURNS trigger" in statement)
    superuser.execute("UPDATE meta SET value = '3' WHERE key = 'server_objects'")
    superuser.execute(f"SET ROLE {OWNER}")
    superuser.execute(trigger.replace("author.active IS NOT TRUE AND", "false AND"))
    superuser.execute("RESET ROLE")


def test_an_upgrade_brings_a_server_that_let_a_disabled_accounts_session_write_to_refuse_it(
        office, cluster, monkeypatch, tmp_path):
    with cluster.superuser(office.db.dbname) as superuser:
        _objects_of_version_3(superuser)
    code, _, err = office("users", "list")
    assert code == 1 and "bvct upgrade" in err
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, _, err = office("upgrade", "--server-owner", OWNER, "--backup-out", tmp_path / "truoc.bvctbak")
    assert code == 0, err
    officer_name = USERS["chuyen-vien"]
    with _login(office, officer_name) as officer:
        assert office("users", "disable", officer_name)[0] == 0
        with pytest.raises(errors.InvalidAuthorizationSpecification):
            officer.execute(_AUDITED, (officer_name,))


def test_an_audit_entry_with_an_outcome_the_program_never_writes_is_refused(office):
    officer_name = USERS["chuyen-vien"]
    with _login(office, officer_name) as officer:
        for outcome in ("thành công", "OK", ""):
            with pytest.raises(errors.CheckViolation):
                officer.execute("INSERT INTO audit_log (at, user_name, action, outcome) VALUES (now(), %s, 'sửa', %s)",
                                (officer_name, outcome))
        officer.execute("INSERT INTO audit_log (at, user_name, action, outcome) VALUES (now(), %s, 'sửa', 'refused')",
                        (officer_name,))


def test_a_viewers_own_entry_of_a_verified_backup_is_not_the_offices_newest_backup(office):
    """A viewer may not back up: an entry of theirs saying so, written with psql, names no backup."""
    viewer = USERS["xem"]
    details = json.dumps({"tep": "E:/sao-luu/bvct-hang-ngay.bvctbak", "da_kiem_tra": True})
    with _login(office, viewer) as xem:
        xem.execute("INSERT INTO audit_log (at, user_name, action, outcome, details) VALUES (now(), %s, 'sao lưu', "
                    "'ok', %s)", (viewer, details))
    admin = vault.unlock(office.db, ADMIN, PASSWORD)
    try:
        assert autobackup.newest(admin) is None
    finally:
        admin.close()


def test_an_audit_entry_in_another_users_name_is_refused(office):
    with _login(office, USERS["chuyen-vien"]) as officer:
        _refused(officer, "INSERT INTO audit_log (at, user_name, role, action, outcome) "
                          "VALUES (now(), %s, 'quan-tri', 'giả mạo', 'ok')", (ADMIN,))
        _refused(officer, "INSERT INTO audit_log (at, role, action, outcome) VALUES (now(), 'xem', 'vô danh', 'ok')")
    with _login(office, ADMIN, PASSWORD) as admin:
        assert admin.execute("SELECT count(*) FROM audit_log WHERE action IN ('giả mạo', 'vô danh')").fetchone()[0] == 0


_AUDITED = ("INSERT INTO audit_log (at, user_name, role, action, outcome, kind) "
            "VALUES (now(), %s, 'chuyen-vien', 'sửa hồ sơ', 'ok', 'cadres')")
_INSERT_PERSON = ("INSERT INTO persons (full_name, name_key, search_key, home_town_key, created_at, updated_at) "
                  "VALUES ('Lê Văn Lén', 'le van len', 'le van len', '', now(), now())")


@pytest.mark.parametrize("statement", [
    "UPDATE cadres SET note = 'sửa lén'",
    _INSERT_PERSON,
    "DELETE FROM delegation_members",
    "UPDATE recipients SET active = false",
])
def test_a_change_without_its_audit_entry_is_refused_at_commit(office, statement):
    """psql with an officer's password leaves the trace the program leaves: a transaction that
    changed records commits only with an audit entry of that officer in it."""
    with _login(office, USERS["chuyen-vien"]) as officer:
        _refused(officer, statement)
        with pytest.raises(errors.InsufficientPrivilege, match="without an audit entry"):
            with officer.transaction():
                officer.execute(statement)
                officer.execute("SELECT 1")
        assert officer.execute("SELECT count(*) FROM cadres WHERE note = 'sửa lén'").fetchone()[0] == 0
        assert officer.execute("SELECT count(*) FROM persons WHERE full_name = 'Lê Văn Lén'").fetchone()[0] == 0


def test_a_change_with_its_own_audit_entry_commits_either_order(office):
    officer_name = USERS["chuyen-vien"]
    with _login(office, officer_name) as officer:
        with officer.transaction():
            officer.execute("UPDATE cadres SET note = 'trước'")
            officer.execute(_AUDITED, (officer_name,))
        with officer.transaction():
            officer.execute(_AUDITED, (officer_name,))
            officer.execute(_INSERT_PERSON)
        assert officer.execute("SELECT count(*) FROM cadres WHERE note = 'trước'").fetchone()[0] == 3
    with _login(office, ADMIN, PASSWORD) as admin:
        assert admin.execute("SELECT count(*) FROM audit_log WHERE user_name = %s AND action = 'sửa hồ sơ'",
                             (officer_name,)).fetchone()[0] == 2
    assert office("audit", "verify")[0] == 0


def test_an_audit_entry_rolled_back_or_from_another_transaction_does_not_count(office):
    officer_name = USERS["chuyen-vien"]
    with _login(office, officer_name) as officer:
        with officer.transaction():
            officer.execute(_AUDITED, (officer_name,))
            mark = officer.execute("SELECT current_setting('bvct.audited')").fetchone()[0]
        with pytest.raises(errors.InsufficientPrivilege):
            with officer.transaction():
                officer.execute("SELECT set_config('bvct.audited', %s, true)", (mark,))
                officer.execute("UPDATE cadres SET note = 'sửa lén'")
        with pytest.raises(errors.InsufficientPrivilege):
            with officer.transaction():
                officer.execute("UPDATE cadres SET note = 'sửa lén'")
                with officer.transaction():  # a savepoint whose entry is taken back
                    officer.execute(_AUDITED, (officer_name,))
                    raise psycopg.Rollback()
        with pytest.raises(errors.InsufficientPrivilege):
            with officer.transaction():
                officer.execute("SET CONSTRAINTS ALL IMMEDIATE")
                officer.execute("UPDATE cadres SET note = 'sửa lén'")
                officer.execute(_AUDITED, (officer_name,))
        assert officer.execute("SELECT count(*) FROM cadres WHERE note = 'sửa lén'").fetchone()[0] == 0


def test_the_chains_head_moves_once_a_transaction_however_many_entries_it_appends(office):
    """An import appends an entry per record in one transaction; the head moved at each entry left as many
    versions of its row to read past at the next, and 20,000 entries took 12 s for the head alone. It moves
    at the commit, and the trail still verifies."""
    updates = text("SELECT n_tup_upd FROM pg_stat_xact_all_tables WHERE relname = 'audit_head'")  # not flushed yet
    db = vault.unlock(office.db, ADMIN, PASSWORD)
    try:
        with db.write() as connection:
            before = connection.execute(updates).scalar()
            db.audit_records(connection, "cadres", [("thêm", number, None) for number in range(1, 301)])
            head_updates = connection.execute(updates).scalar() - before
    finally:
        db.close()
    assert head_updates == 0
    code, out, err = office("audit", "verify")
    assert code == 0 and "toàn vẹn" in out, err


def test_a_tampered_trail_is_found_and_named(office, cluster):
    """Only the owner (or a superuser) can change an entry; the chain then names it (exit 4)."""
    with cluster.superuser(office.db.dbname) as superuser:
        superuser.execute("UPDATE audit_log SET details = 'sửa lén' WHERE id = 3")
    code, _, err = office("audit", "verify")
    assert code == 4 and "Mục nhật ký số 3" in err


def test_every_program_user_is_a_scram_login_in_exactly_its_group(office, cluster):
    database = office.db.dbname
    with cluster.superuser(database) as superuser:
        for role, user in {**USERS, "quan-tri": ADMIN}.items():
            stored = superuser.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (user,)).fetchone()[0]
            assert stored.startswith("SCRAM-SHA-256$")
            groups = {row[0] for row in superuser.execute(
                "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = %s", (user,))}
            assert groups == {group(database, role)}


def test_a_password_reaches_the_server_only_as_a_verifier(office):
    """The function refuses anything but a SCRAM verifier, so no client can store a plaintext."""
    with _login(office, USERS["xem"]) as xem, pytest.raises(errors.InvalidPassword):
        xem.execute("SELECT public.bvct_user_password(%s, 'mat-khau-ro', NULL)", (USERS["xem"],))


def test_each_user_sees_only_their_own_screen_preferences(office):
    with _login(office, USERS["xem"]) as xem:
        xem.execute("INSERT INTO preferences (user_name, key, value, updated_at) VALUES (%s, 'k', '1', now())",
                    (USERS["xem"],))
        with pytest.raises(errors.InsufficientPrivilege):
            xem.execute("INSERT INTO preferences (user_name, key, value, updated_at) VALUES (%s, 'k', '1', now())",
                        (ADMIN,))
    with _login(office, USERS["chuyen-vien"]) as officer:
        assert officer.execute("SELECT count(*) FROM preferences").fetchone()[0] == 0


def test_every_table_on_the_server_says_who_may_touch_it(office, cluster):
    with cluster.superuser(office.db.dbname) as superuser:
        tables = {row[0] for row in superuser.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert tables - set(TABLES) == set()


def test_a_disabled_user_cannot_log_in_with_psql_either(office):
    assert office("users", "disable", USERS["xem"])[0] == 0
    with pytest.raises(psycopg.OperationalError):
        _login(office, USERS["xem"])


def test_a_disabled_account_logging_in_with_its_password_is_told_it_is_disabled_a_stranger_is_not(office):
    """The server checks the password before the account: only whoever holds a disabled account's
    password is told it is disabled (as a file tells an account whose slot opens); a wrong password,
    or a name no account has, is the same wrong login."""
    viewer = USERS["xem"]
    assert office("users", "disable", viewer)[0] == 0
    code, _, err = office.as_user(viewer, _password(viewer))("users", "list")
    assert code == 3 and "Tài khoản không tồn tại hoặc đã bị khóa." in err, err
    for name, password in ((viewer, "sai-mat-khau"), ("khong_ai", _password(viewer))):
        code, _, err = office.as_user(name, password)("users", "list")
        assert code == 3 and "Sai tên người dùng hoặc mật khẩu." in err and "bị khóa" not in err, err


def test_a_new_connection_of_a_session_whose_account_was_disabled_says_so(office):
    """A session open when its account is disabled may need a new connection (its pool's were closed):
    it is told the account is disabled, in the words of a file's session, not a wrong login."""
    officer_name = USERS["chuyen-vien"]
    officer = vault.unlock(office.db, officer_name, _password(officer_name))
    told = []
    officer.on_account_change = told.append
    try:
        assert office("users", "disable", officer_name)[0] == 0
        officer.engine.dispose()
        with pytest.raises(AccountDisabled, match=f"Tài khoản «{officer_name}» đã bị khóa; "):
            officer.still_active()
        assert told == [disabled_message(officer_name)]
    finally:
        officer.close()


def test_a_new_connection_of_a_session_whose_password_was_reset_says_so_not_a_wrong_login(office, tmp_path):
    """An administrator resets the password of an officer logged in: the session's next connection is
    refused the password it logged in with, which the officer did not type; they are told the password
    was changed, and the desktop is told to lock saying so."""
    officer_name = USERS["chuyen-vien"]
    officer = vault.unlock(office.db, officer_name, _password(officer_name))
    told = []
    officer.on_account_change = told.append
    secret = tmp_path / "dat-lai.pw"
    secret.write_text("Dat-lai-giua-phien-2026", encoding="utf-8")
    try:
        assert office("users", "passwd", officer_name, "--new-password-file", secret)[0] == 0
        officer.engine.dispose()
        with pytest.raises(PasswordChanged) as refused:
            officer.still_active()
        assert refused.value.message == password_changed_message(officer_name)
        assert "Sai tên người dùng hoặc mật khẩu" not in refused.value.message and refused.value.exit_code == 3
        assert told == [password_changed_message(officer_name)]
    finally:
        officer.close()


@pytest.mark.parametrize(("change", "code", "told"), [
    ("PASSWORD 'Dat-lai-giua-lenh-2026'", 3, password_changed_message),
    ("NOLOGIN", 5, disabled_message),
])
def test_a_command_whose_password_is_reset_or_account_disabled_while_it_runs_says_so(office, cluster, monkeypatch,
                                                                                    change, code, told):
    """`bvct` as an officer, their password reset (or their login disabled) once the command logged in: its
    next connection is refused, and the officer is told why, not that they typed a wrong password."""
    officer_name = USERS["chuyen-vien"]
    unlock = vault.unlock

    def logged_in_then_reset(*args, **kwargs):
        session = unlock(*args, **kwargs)
        with cluster.superuser(office.db.dbname) as superuser:
            superuser.execute(f"ALTER ROLE {officer_name} {change}")
        session.engine.dispose()
        return session

    monkeypatch.setattr(arguments.vault, "unlock", logged_in_then_reset)
    refused, _, err = office.as_user(officer_name, _password(officer_name))("users", "list")
    assert (refused, err) == (code, told(officer_name) + "\n")


def test_a_session_whose_password_was_reset_goes_on_once_unlocked_with_the_new_one(office, tmp_path):
    """The lock screen takes the new password (as a file's session's does: the key is the same), and
    the session's later connections log in with it; the old one is a wrong password there."""
    officer_name = USERS["chuyen-vien"]
    officer = vault.unlock(office.db, officer_name, _password(officer_name))
    secret = tmp_path / "dat-lai.pw"
    secret.write_text("Dat-lai-giua-phien-2026", encoding="utf-8")
    try:
        assert office("users", "passwd", officer_name, "--new-password-file", secret)[0] == 0
        officer.engine.dispose()
        with pytest.raises(AuthError, match="Mật khẩu không đúng"):
            officer.unlock_again(_password(officer_name))
        officer.unlock_again("Dat-lai-giua-phien-2026")
        officer.engine.dispose()
        assert officer.still_active()
    finally:
        officer.close()


def test_a_reopened_user_logs_in_with_psql_with_the_new_password_only_in_its_group(office, cluster, tmp_path):
    viewer = USERS["xem"]
    assert office("users", "disable", viewer)[0] == 0
    with _login(office, USERS["chuyen-vien"]) as officer:  # only an administrator reopens, whatever the client
        _refused(officer, "SELECT public.bvct_user_enable(%s, 'SCRAM-SHA-256$x', NULL)", (viewer,))
    secret = tmp_path / "mo-lai.pw"
    secret.write_text("Mo-lai-sau-nghi-2026", encoding="utf-8")
    assert office("users", "enable", viewer, "--new-password-file", secret)[0] == 0
    with pytest.raises(psycopg.OperationalError):
        _login(office, viewer)
    with _login(office, viewer, "Mo-lai-sau-nghi-2026") as xem:
        assert xem.execute("SELECT count(*) FROM cadres").fetchone()[0] == 3
    with cluster.superuser(office.db.dbname) as superuser:
        groups = {row[0] for row in superuser.execute(
            "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = %s", (viewer,))}
        slots = superuser.execute("SELECT count(*) FROM key_slots WHERE name = %s", (viewer,)).fetchone()[0]
    assert groups == {group(office.db.dbname, "xem")} and slots == 1


def test_a_role_changed_by_the_administrator_is_the_logins_group_at_once(office, cluster):
    """The server refuses the old role's writes from the next statement, whatever client is used."""
    officer_name = USERS["chuyen-vien"]
    with _login(office, officer_name) as officer:
        assert office("users", "role", officer_name, "--role", "xem")[0] == 0
        _refused(officer, "UPDATE cadres SET note = 'sau khi đổi'")
    with cluster.superuser(office.db.dbname) as superuser:
        groups = {row[0] for row in superuser.execute(
            "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = %s", (officer_name,))}
    assert groups == {group(office.db.dbname, "xem")}
    with _login(office, officer_name) as officer:
        _refused(officer, "SELECT public.bvct_user_role(%s, 'quan-tri')", (officer_name,))


@pytest.mark.parametrize("role", list(USERS))
def test_a_login_reads_its_own_key_slot_only(office, role):
    """A slot is sealed with its user's password, which is also their login's: nobody may take another's
    slot to guess that password away from the server's defences against guessing."""
    user = USERS[role]
    with _login(office, user) as connection:
        _refused(connection, "SELECT * FROM key_slots")
        _refused(connection, "SELECT slot FROM key_slots WHERE name = %s", (ADMIN,))
        own = connection.execute("SELECT public.bvct_own_key_slot()").fetchone()[0]
    assert json.loads(own)


def test_every_role_logs_in_changes_its_password_and_backs_up_as_the_permission_table_says(office, tmp_path):
    """The permission table: backup for quản trị, lãnh đạo and chuyên viên (the audit trail copied and checked)."""
    backups = {}
    for role, user in USERS.items():
        secret = tmp_path / f"{user}-moi.pw"
        secret.write_text(f"{user}-Mat-khau-moi-2026", encoding="utf-8")
        assert office.as_user(user, _password(user))("users", "passwd", user, "--new-password-file", secret)[0] == 0
        backups[role] = tmp_path / f"{user}.bvctbak"
        code, out, err = office.as_user(user, f"{user}-Mat-khau-moi-2026")("backup", "--out", backups[role])
        assert (code, role == "xem") in ((0, False), (5, True)), err
    office.as_user(ADMIN, PASSWORD)
    for role in ("lanh-dao", "chuyen-vien"):
        code, out, err = office("verify", backups[role])
        assert code == 0 and "Bản sao lưu dùng được" in out, err
    assert office("users", "disable", USERS["xem"])[0] == 0
    assert office("users", "add", "xem2", "--role", "xem", "--new-password-file", tmp_path / "xem1-moi.pw")[0] == 0
    code, out, err = office.as_user("xem2", "xem1-Mat-khau-moi-2026")("users", "passwd", "xem2", "--new-password-file",
                                                                     tmp_path / "lanhdao1-moi.pw")
    assert code == 0, err


def test_a_session_open_when_its_account_is_disabled_is_told_so_on_the_server_too(office):
    """The program reads the account before each permission check, on the server as on a file: a
    session opened before an administrator disabled the account is refused with the reason."""
    officer = vault.unlock(office.db, USERS["chuyen-vien"], _password(USERS["chuyen-vien"]))
    try:
        officer.require(Action.EDIT, "nhập «Cán bộ»")
        assert office("users", "disable", USERS["chuyen-vien"])[0] == 0
        with pytest.raises(PermissionDenied, match="đã bị khóa"):
            officer.require(Action.EDIT, "nhập «Cán bộ»")
        with pytest.raises(AuthError, match="đã bị khóa"):  # not «Mật khẩu không đúng»
            officer.unlock_again(_password(USERS["chuyen-vien"]))
    finally:
        officer.close()


def test_the_first_entry_of_a_server_made_from_a_pc_on_utc_is_dated_in_office_time(utc_pc, office):
    """`bvct init` writes its entry as the server's owner, whose entries (a trail moved from a file) the
    server keeps as sent: it sent the clock of the PC it ran on, and from a PC on UTC the first line of
    the trail came seven hours before the administrator's first login just after it."""
    with _login(office, ADMIN, PASSWORD) as admin:
        made, first_login = (row[0] for row in admin.execute(
            "SELECT at FROM audit_log WHERE id IN (1, 2) ORDER BY id").fetchall())
        account_made = admin.execute("SELECT created_at FROM users WHERE name = %s", (ADMIN,)).fetchone()[0]
    assert made <= first_login <= made + dt.timedelta(minutes=1)
    assert abs(account_made - made) <= dt.timedelta(seconds=1)


def test_a_write_of_a_session_open_when_its_account_is_disabled_is_refused_by_the_server(office):
    """The account checked before a write may be disabled before the write: the server refuses the write's
    audit entry, so nothing of it is written, with the words of a disabled account, and the desktop is told
    (it covers its windows saying so)."""
    officer_name = USERS["chuyen-vien"]
    officer = vault.unlock(office.db, officer_name, _password(officer_name))
    told = []
    officer.on_account_change = told.append
    try:
        officer.require(Action.EDIT, "sửa «Cán bộ»")
        assert office("users", "disable", officer_name)[0] == 0
        with pytest.raises(AccountDisabled, match=f"Tài khoản «{officer_name}» đã bị khóa"):
            with officer.write() as connection:
                connection.execute(text("UPDATE cadres SET note = 'sau khi bị khóa'"))
                officer.audit(connection, "sửa «Cán bộ»", kind="cadres")
        assert told == [disabled_message(officer_name)]
    finally:
        officer.close()
    with _login(office, ADMIN, PASSWORD) as admin:
        assert admin.execute("SELECT count(*) FROM cadres WHERE note = 'sau khi bị khóa'").fetchone()[0] == 0
        assert admin.execute("SELECT count(*) FROM audit_log WHERE user_name = %s AND action = 'sửa «Cán bộ»'",
                             (officer_name,)).fetchone()[0] == 0
    code, out, _ = office("audit", "verify")
    assert code == 0 and "toàn vẹn" in out


def test_a_disabled_accounts_open_psql_session_writes_nothing_but_its_refusals(office):
    """A refusal is still noted in the trail, but it marks no change as audited."""
    officer_name = USERS["chuyen-vien"]
    with _login(office, officer_name) as officer:
        assert office("users", "disable", officer_name)[0] == 0
        with pytest.raises(errors.InvalidAuthorizationSpecification, match="disabled"):
            with officer.transaction():
                officer.execute("UPDATE cadres SET note = 'sửa lén'")
                officer.execute(_AUDITED, (officer_name,))
        with pytest.raises(errors.InsufficientPrivilege, match="without an audit entry"):
            with officer.transaction():
                officer.execute("UPDATE cadres SET note = 'sửa lén'")
                officer.execute("INSERT INTO audit_log (at, user_name, action, outcome) "
                                "VALUES (now(), %s, 'sửa', 'refused')", (officer_name,))
        officer.execute("INSERT INTO audit_log (at, user_name, action, outcome) VALUES (now(), %s, 'sửa', 'refused')",
                        (officer_name,))
    with _login(office, ADMIN, PASSWORD) as admin:
        assert admin.execute("SELECT count(*) FROM cadres WHERE note = 'sửa lén'").fetchone()[0] == 0
    assert office("audit", "verify")[0] == 0


def test_an_administrator_who_disables_their_own_account_has_it_noted(office, tmp_path):
    """The entry of the disabling is written while the account is still active, in the same transaction."""
    secret = tmp_path / "quantri2.pw"
    secret.write_text(_password("quantri2"), encoding="utf-8")
    assert office("users", "add", "quantri2", "--role", "quan-tri", "--new-password-file", secret)[0] == 0
    code, _, err = office("users", "disable", ADMIN)
    assert code == 0, err
    with _login(office, "quantri2") as admin:
        assert admin.execute("SELECT count(*) FROM audit_log WHERE user_name = %s AND details LIKE %s",
                             (ADMIN, f'%"nguoi_dung": "{ADMIN}"%')).fetchone()[0] == 1
