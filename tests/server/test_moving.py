"""Moving an office between a file and the server: `bvct migrate-to-server` copies a file database
into an empty server database (records, users, the audit trail verified), a backup of the server
database restores to a file for a standalone PC, and a backup restores onto an empty server
database (spec, "Office server")."""

import hashlib
import os
import re
import sys
import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Integer, LargeBinary, text

from bvct_desktop.core import address, attachments, restore_checks, settings, user_names, users, vault
from bvct_desktop.core.server import copying
from tests.conftest import ADMIN, PASSWORD, file_cli, workbook
from tests.real_process import bvct, environment, killed
from tests.samples import SAMPLES
from tests.server_db import OWNER
from tests.todays_records import TABLES, write_todays_records

KINDS = list(SAMPLES)
OFFICER, OFFICER_PASSWORD = "chuyenvien1", "Chuyen-vien-2026-a"


def _rows(path) -> list[list]:
    return [list(row) for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)]


def _exports(cli, folder) -> dict[str, list[list]]:
    folder.mkdir(exist_ok=True)
    found = {}
    for kind in KINDS:
        out = folder / f"{kind}.xlsx"
        code, _, err = cli("export", kind, "--out", out)
        assert code == 0, err
        found[kind] = _rows(out)
    return found


def _trail(cli) -> list[list[str]]:
    """The audit list without the entries of reading it."""
    lines = cli("audit", "list")[1].splitlines()[1:]
    return [line.split("\t") for line in lines]


OFFICER_FULL_NAME = "Trần Văn Cường"


@pytest.fixture
def office_file(request, tmp_path, capsys, monkeypatch):
    """A file database holding every sample register and an officer."""
    cli = file_cli(request, capsys, monkeypatch)
    for kind in KINDS:
        headers, rows = SAMPLES[kind]
        assert cli("import", kind, workbook(tmp_path / f"{kind}-in.xlsx", headers, rows))[0] == 0
    secret = tmp_path / "cv.txt"
    secret.write_text(OFFICER_PASSWORD, encoding="utf-8")
    assert cli("users", "add", OFFICER, "--role", "chuyen-vien", "--new-password-file", secret,
               "--full-name", OFFICER_FULL_NAME)[0] == 0
    return cli


@pytest.fixture
def empty_server(cluster, request):
    name = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop(name))
    return cluster.url(name)


def test_migrate_to_server_copies_records_users_and_a_verified_trail(office_file, empty_server, cluster, tmp_path,
                                                                    monkeypatch):
    before = _exports(office_file, tmp_path / "tep")
    trail_before = _trail(office_file)
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, out, err = office_file("migrate-to-server", "--db", office_file.db, "--to", empty_server,
                                 "--server-owner", OWNER)
    assert code == 0, err
    assert OFFICER in out  # still without a password on the server
    monkeypatch.delenv("PGPASSWORD")

    monkeypatch.setenv("BVCT_DB", empty_server)
    server = office_file.as_user(ADMIN, PASSWORD)
    assert _exports(server, tmp_path / "may-chu") == before
    code, out, _ = server("audit", "verify")
    assert code == 0 and "toàn vẹn" in out
    moved = _trail(server)
    assert [entry[1:] for entry in moved[:len(trail_before)]] == [entry[1:] for entry in trail_before]
    assert any(entry[4] == "chuyển lên máy chủ" for entry in moved)
    assert server("users", "list")[1].count(OFFICER) == 1
    assert f"{OFFICER}\tchuyen-vien\tChuyên viên\t{OFFICER_FULL_NAME}\n" in server("users", "list")[1]

    assert office_file.as_user(OFFICER, OFFICER_PASSWORD)("users", "list")[0] == 3  # no password there yet
    secret = tmp_path / "moi.txt"
    secret.write_text("Mat-khau-tren-may-chu-1", encoding="utf-8")
    assert office_file.as_user(ADMIN, PASSWORD)("users", "passwd", OFFICER, "--new-password-file", secret)[0] == 0
    code, out, err = office_file.as_user(OFFICER, "Mat-khau-tren-may-chu-1")(
        "report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "json", "--out", "-")
    assert code == 0, err


MB = 1024 * 1024
SCAN = 2 * MB  # a scanned page or two; incompressible, as a JPEG is


def _scans(count: int) -> dict[str, bytes]:
    return {f"bien-ban-{number}.pdf": b"%PDF-1.4\n" + os.urandom(SCAN) for number in range(1, count + 1)}


def _counts(db) -> dict[str, int]:
    with db.read() as connection:
        return {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in TABLES}


def test_migrate_to_server_carries_the_case_steps_the_own_account_and_each_scan_byte_for_byte(
        office_file, empty_server, cluster, tmp_path, monkeypatch):
    """Migrations 0032–0034's tables arrive whole, the scans as bytea equal to the file's (SHA-256), and the
    copy holds one scan in memory at a time (a scan's bytes, their bytea text), not every scan of the office."""
    scans = _scans(12)
    db = vault.unlock(office_file.db, ADMIN, PASSWORD)
    made = write_todays_records(db, tmp_path / "quet", scans)
    counted = _counts(db)
    db.close()
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    tracemalloc.start()
    try:
        code, _, err = office_file("migrate-to-server", "--db", office_file.db, "--to", empty_server,
                                   "--server-owner", OWNER)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 0, err
    assert peak < 6 * SCAN, f"{peak / SCAN:.1f} scans' size in memory at once"  # one, as it is written: about 4

    server = vault.unlock(address.parse(empty_server), ADMIN, PASSWORD)
    try:
        assert _counts(server) == counted == {**dict.fromkeys(TABLES, 1), "attachments": 12,
                                              "attachment_contents": 12}
        with server.read() as connection:
            assert connection.execute(text("SELECT DISTINCT pg_typeof(content)::text FROM attachment_contents")
                                      ).scalar_one() == "bytea"
        viewed = [attachments.view(server, attachment_id) for attachment_id in made]
    finally:
        server.close()
    assert {found.file_name: hashlib.sha256(content).hexdigest() for found, content in viewed} == \
        {name: hashlib.sha256(content).hexdigest() for name, content in scans.items()}


PEAK_MEMORY = [sys.executable, "-c", "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
               "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
               "sys.exit(done.returncode)"]  # `bvct …` run under it: its peak resident memory, in KiB


def _peak_migrating(office_file, cluster, tmp_path) -> int:
    """The peak resident memory, in bytes, of `bvct migrate-to-server` of the office run as the officer runs
    it: the engine's page cache and the driver's buffers count, which tracemalloc misses. The copy is dropped
    after, its users' login roles with it."""
    name = cluster.new_database()
    try:
        return _peak(environment(tmp_path, office_file.db, PGPASSWORD=cluster.owner_password), "migrate-to-server",
                     "--db", office_file.db, "--to", cluster.url(name), "--server-owner", OWNER)
    finally:
        cluster.drop(name)


def _peak(env: dict, *args: object) -> int:
    """The peak resident memory, in bytes, of `bvct ARGS`."""
    done = bvct(env, *args, prefix=PEAK_MEMORY)
    assert done.returncode == 0, done.stderr
    return int(re.search(r"MAXRSS (\d+)", done.stderr).group(1)) * 1024


def test_migrate_to_server_holds_one_scan_as_it_is_read_not_each_in_the_cache_and_the_drivers_buffer(
        office_file, cluster, tmp_path):
    """Four 10 MB scans cost the copy about two scans' size over copying the office without them (the scan
    read from the file and the engine's own copy as it reads it), not the decrypted pages of each scan read
    kept in the file's 128 MB page cache, nor a third copy the driver builds for an INSERT."""
    without = _peak_migrating(office_file, cluster, tmp_path)
    db = vault.unlock(office_file.db, ADMIN, PASSWORD)
    write_todays_records(db, tmp_path / "quet", {f"bien-ban-{number}.pdf": b"%PDF-1.4\n" + os.urandom(10 * MB)
                                                 for number in range(1, 5)})
    db.close()
    grown = _peak_migrating(office_file, cluster, tmp_path) - without
    assert grown < 3 * 10 * MB, f"{grown / MB:.0f} MB more for four 10 MB scans"


def test_a_server_backup_holds_a_scan_once_as_it_is_read_and_sqlite_its_own_two_copies_as_it_writes(
        office_file, cluster, tmp_path, monkeypatch):
    """Two 25 MB scans cost the backup of the server (copying.to_file) under four scans' size over backing up
    the office without them: each scan read a piece at a time into the bytes SQLite is handed (which copies
    them once as it binds them and once into the row it writes), not fetched whole as the driver's hex text
    beside its reply's buffer and the bytes decoded from it (+175 MB before)."""
    def peak_backing_up() -> int:
        """The office moved to a server database, backed up, dropped (its users' login roles with it)."""
        name = cluster.new_database()
        try:
            assert office_file("migrate-to-server", "--db", office_file.db, "--to", cluster.url(name),
                               "--server-owner", OWNER)[0] == 0
            return _peak(environment(tmp_path, cluster.url(name)), "backup", "--out", tmp_path / f"{name}.bvctbak")
        finally:
            cluster.drop(name)

    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)

    without = peak_backing_up()
    db = vault.unlock(office_file.db, ADMIN, PASSWORD)
    largest = attachments.MAX_BYTES - len(b"%PDF-1.4\n")  # not a whole number of pieces
    scans = {f"bien-ban-{number}.pdf": b"%PDF-1.4\n" + os.urandom(largest) for number in (1, 2)}
    made = write_todays_records(db, tmp_path / "quet", scans)
    db.close()
    grown = peak_backing_up() - without
    assert grown < 4 * attachments.MAX_BYTES, f"{grown / MB:.0f} MB more for two 25 MB scans"

    standalone = tmp_path / "may-le" / "bvct.db"
    standalone.parent.mkdir()
    monkeypatch.setenv("BVCT_DB", str(standalone))
    assert office_file("restore", max(tmp_path.glob("*.bvctbak"), key=os.path.getmtime))[0] == 0
    restored = vault.unlock(standalone, ADMIN, PASSWORD)
    try:
        viewed = [attachments.view(restored, attachment_id) for attachment_id in made]
    finally:
        restored.close()
    assert {found.file_name: content for found, content in viewed} == scans


def test_migrate_to_server_refuses_a_database_that_is_not_empty(office_file, cli, cluster, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    target = cluster.url(cli.db.dbname)
    monkeypatch.setenv("BVCT_DB", str(office_file.db))
    code, _, err = office_file("migrate-to-server", "--db", office_file.db, "--to", target, "--server-owner", OWNER)
    assert code == 2 and "đã có dữ liệu" in err


def test_migrate_to_server_refuses_a_name_stored_before_the_rule_that_no_login_role_may_have(
        office_file, empty_server, cluster, monkeypatch):
    long_name = " ".join(["cán bộ phòng bảo vệ chính trị nội bộ"] * 2)
    db = vault.unlock(office_file.db, ADMIN, PASSWORD)
    with monkeypatch.context() as before_the_rule:
        before_the_rule.setattr(user_names, "checked", str.strip)
        users.add(db, long_name, "xem", OFFICER_PASSWORD)
    db.close()
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, _, err = office_file("migrate-to-server", "--db", office_file.db, "--to", empty_server,
                               "--server-owner", OWNER)
    assert code == 2
    assert err.startswith(f"Người dùng «{long_name[:30]}» không chuyển lên máy chủ được: Tên người dùng dài 103 byte, "
                          "quá giới hạn 63 byte")
    with cluster.superuser(address.parse(empty_server).dbname) as superuser:
        assert superuser.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


def test_a_server_backup_verifies_and_restores_to_a_standalone_file(cli, tmp_path, monkeypatch):
    for kind in KINDS:
        headers, rows = SAMPLES[kind]
        assert cli("import", kind, workbook(tmp_path / f"{kind}-in.xlsx", headers, rows))[0] == 0
    on_server = _exports(cli, tmp_path / "may-chu")
    backup = tmp_path / "sao-luu.bvctbak"
    code, out, err = cli("backup", "--out", backup)
    assert code == 0 and "Đã sao lưu và kiểm tra" in out, err
    code, out, err = cli("verify", backup)
    assert code == 0 and "Bản sao lưu dùng được" in out, err
    assert "không có khóa khôi phục" in out and "tài khoản và khóa khôi phục" not in out  # a server has none

    standalone = tmp_path / "may-le" / "bvct.db"
    standalone.parent.mkdir()
    monkeypatch.setenv("BVCT_DB", str(standalone))
    code, out, err = cli("restore", backup)
    assert code == 0, err
    assert _exports(cli, tmp_path / "tep") == on_server
    code, out, _ = cli("audit", "verify")
    assert code == 0 and "toàn vẹn" in out


def _backed_up(office_file, tmp_path):
    backup = tmp_path / "sao-luu.bvctbak"
    assert office_file("backup", "--out", backup)[0] == 0
    return backup


def test_a_backup_restores_onto_an_empty_server_database(office_file, empty_server, cluster, tmp_path, monkeypatch):
    before = _exports(office_file, tmp_path / "tep")
    backup = _backed_up(office_file, tmp_path)
    trail_before = _trail(office_file)
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    monkeypatch.setenv("BVCT_DB", empty_server)
    monkeypatch.chdir(backup.parent)  # typed as found in the USB stick's folder
    code, out, err = office_file("restore", backup.name, "--server-owner", OWNER)
    assert code == 0, err
    assert "Đã khôi phục lên" in out and OFFICER in out  # the officer sets a password on the server later
    monkeypatch.delenv("PGPASSWORD")

    assert _exports(office_file, tmp_path / "may-chu") == before
    code, out, _ = office_file("audit", "verify")
    assert code == 0 and "toàn vẹn" in out
    restored = _trail(office_file)
    kept = next(i for i, entry in enumerate(trail_before) if entry[4] == "sao lưu")
    assert [entry[1:] for entry in restored[:kept]] == [entry[1:] for entry in trail_before[:kept]]
    [entry] = [entry for entry in restored if entry[4] == "khôi phục lên máy chủ từ bản sao lưu"]
    assert f"Tệp: {backup.resolve()};" in entry[-1]  # the stick or folder the records came from, whole


def test_a_restore_onto_the_server_tells_what_to_check_as_a_restore_to_a_file_does(office_file, empty_server, cluster,
                                                                                  tmp_path, monkeypatch):
    gone = tmp_path / "o-usb-da-rut"
    assert office_file("settings", "set", settings.SECOND_FOLDER, gone)[0] == 0
    backup = _backed_up(office_file, tmp_path)
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    monkeypatch.setenv("BVCT_DB", empty_server)
    code, out, err = office_file("restore", backup, "--server-owner", OWNER)
    assert code == 0, err
    assert out.splitlines()[-1] == (f"Thư mục sao lưu thứ hai «{gone}» (thiết lập thu_muc_sao_luu_2) không có trên máy "
                                    "này (máy mới có thể đặt tên ổ đĩa khác): " + restore_checks.SET_IT_AGAIN)


def test_a_backup_is_never_restored_over_a_server_database_in_use(office_file, cli, cluster, tmp_path, monkeypatch):
    backup = _backed_up(office_file, tmp_path)
    users_before = cli("users", "list")[1]
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, _, err = cli("restore", backup, "--server-owner", OWNER)
    assert code == 2 and "đã có dữ liệu" in err
    monkeypatch.delenv("PGPASSWORD")
    assert cli("users", "list")[1] == users_before and cli("audit", "verify")[0] == 0


def test_only_an_administrator_of_the_backup_restores_it_onto_the_server(office_file, empty_server, cluster,
                                                                        tmp_path, monkeypatch):
    backup = _backed_up(office_file, tmp_path)
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    monkeypatch.setenv("BVCT_DB", empty_server)
    code, _, err = office_file.as_user(OFFICER, OFFICER_PASSWORD)("restore", backup, "--server-owner", OWNER)
    assert code == 5 and "quản trị viên của bản sao lưu" in err
    code, _, err = office_file.as_user(ADMIN, PASSWORD)("restore", backup)
    assert code == 2 and "--server-owner" in err
    with cluster.superuser(empty_server.split("/")[3].split("?")[0]) as superuser:
        assert superuser.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0


@pytest.mark.parametrize("point", ["backup-extracted", "restore-written"])
def test_a_killed_restore_onto_the_server_leaves_nothing_after_the_next_start(office_file, empty_server, cluster,
                                                                              tmp_path, point):
    backup = _backed_up(office_file, tmp_path)
    env = environment(tmp_path, address.parse(empty_server), PGPASSWORD=cluster.owner_password)
    assert killed(bvct(env, "restore", backup, "--server-owner", OWNER, crash_at=point))
    temp = Path(env["TMPDIR"])
    assert list(temp.iterdir())  # the crash did leave its (ciphertext) copy
    done = bvct(env, "restore", backup, "--server-owner", OWNER)  # the next start; the database is still empty
    assert done.returncode == 0, done.stderr
    assert list(temp.iterdir()) == []


def test_a_migrated_or_restored_server_database_backs_up_and_moves_on_again(office_file, cluster, tmp_path,
                                                                           monkeypatch, request):
    """The server's `meta` holds the facts of the engine that holds it, a backup's those of its own file:
    file → server → backup → another server → backup → file → a third server → backup (each server
    dropped once backed up: its users' login roles are the cluster's)."""
    def server_after(previous: str | None) -> str:
        if previous:
            with cluster.superuser(address.parse(previous).dbname) as superuser:
                keys = {key for (key,) in superuser.execute("SELECT key FROM meta").fetchall()}
            assert {"engine", "server_version"} <= keys
            assert not {key for key in keys if key.startswith(("cipher_", "sqlite_", "key_"))}
            cluster.drop(address.parse(previous).dbname)
        name = cluster.new_database()
        request.addfinalizer(lambda: cluster.drop(name))
        monkeypatch.setenv("BVCT_DB", cluster.url(name))
        return cluster.url(name)

    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    server = server_after(None)
    code, _, err = office_file("migrate-to-server", "--db", office_file.db, "--to", server, "--server-owner", OWNER)
    assert code == 0, err
    code, _, err = office_file("backup", "--out", tmp_path / "1.bvctbak")
    assert code == 0, err
    server = server_after(server)
    code, _, err = office_file("restore", tmp_path / "1.bvctbak", "--server-owner", OWNER)
    assert code == 0, err
    code, _, err = office_file("backup", "--out", tmp_path / "2.bvctbak")
    assert code == 0, err
    standalone = tmp_path / "may-le" / "bvct.db"
    standalone.parent.mkdir()
    server = server_after(server)
    monkeypatch.setenv("BVCT_DB", str(standalone))
    assert office_file("restore", tmp_path / "2.bvctbak")[0] == 0
    code, _, err = office_file("migrate-to-server", "--db", standalone, "--to", server, "--server-owner", OWNER)
    assert code == 0, err
    monkeypatch.setenv("BVCT_DB", server)
    code, _, err = office_file("backup", "--out", tmp_path / "3.bvctbak")
    assert code == 0, err
    code, out, err = office_file("verify", tmp_path / "3.bvctbak")
    assert code == 0, err
    server_after(server)


def test_a_wrong_server_owner_password_is_said_to_be_the_owners(office_file, empty_server, tmp_path, monkeypatch):
    """The officer's own login was right: migrate, init and restore name the owner's account."""
    wrong = tmp_path / "chu-sai.txt"
    wrong.write_text("khong-dung", encoding="utf-8")
    owner = ("--server-owner", OWNER, "--server-owner-password-file", wrong)
    said = f"Mật khẩu của tài khoản chủ sở hữu cơ sở dữ liệu «{OWNER}» trên máy chủ không đúng"
    code, _, err = office_file("migrate-to-server", "--db", office_file.db, "--to", empty_server, *owner)
    assert code == 3 and said in err
    backup = _backed_up(office_file, tmp_path)
    monkeypatch.setenv("BVCT_DB", empty_server)
    code, _, err = office_file("restore", backup, *owner)
    assert code == 3 and said in err
    code, _, err = office_file("init", "--admin", "quantri2", *owner)
    assert code == 3 and said in err


def test_a_server_backup_restored_on_the_same_server_names_each_account_in_the_way_and_what_to_do(
        office_file, cluster, tmp_path, monkeypatch, request):
    """Program users are accounts of the whole PostgreSQL server: restoring beside the database they still
    use is refused naming that database; once it is dropped (DROP DATABASE leaves the accounts), the
    accounts left over are named with the statement that removes them, all at once — and an account of
    the server that is no program user's is never offered for removal."""
    def new_server() -> str:
        name = cluster.new_database()
        request.addfinalizer(lambda: cluster.drop(name))
        return name

    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    first = new_server()
    assert office_file("migrate-to-server", "--db", office_file.db, "--to", cluster.url(first),
                       "--server-owner", OWNER)[0] == 0
    monkeypatch.setenv("BVCT_DB", cluster.url(first))
    backup = _backed_up(office_file, tmp_path)
    monkeypatch.setenv("BVCT_DB", cluster.url(new_server()))

    code, _, err = office_file("restore", backup, "--server-owner", OWNER)
    assert code == 2
    assert err.startswith(f"Tên «{OFFICER}», «{ADMIN}» đã là tài khoản của cơ sở dữ liệu «{first}» trên máy chủ "
                          "này (tài khoản dùng chung cả máy chủ): không chuyển được sang cơ sở dữ liệu khác trên "
                          "cùng máy chủ.")

    with cluster.superuser("postgres") as superuser:
        superuser.execute(f"DROP DATABASE {first} WITH (FORCE)")
    code, _, err = office_file("restore", backup, "--server-owner", OWNER)
    assert code == 2
    assert err.startswith(f"Tài khoản «{OFFICER}», «{ADMIN}» còn lại trên máy chủ từ cơ sở dữ liệu đã xóa: quản "
                          f'trị máy chủ xóa bằng lệnh DROP ROLE "{OFFICER}", "{ADMIN}"; rồi chạy lại lệnh này.')

    with cluster.superuser("postgres") as superuser:
        superuser.execute(f'DROP ROLE "{OFFICER}"')
        superuser.execute(f'CREATE ROLE "{OFFICER}" LOGIN')  # the server's own account, not a program user
    request.addfinalizer(lambda: cluster.superuser("postgres").execute(f'DROP ROLE IF EXISTS "{OFFICER}"'))
    code, _, err = office_file("restore", backup, "--server-owner", OWNER)
    assert code == 2
    assert err.startswith(f"Tên «{OFFICER}» đã là tài khoản riêng của máy chủ, không phải người dùng của chương "
                          f"trình: báo quản trị máy chủ. Tài khoản «{ADMIN}» còn lại trên máy chủ từ cơ sở dữ liệu "
                          f'đã xóa: quản trị máy chủ xóa bằng lệnh DROP ROLE "{ADMIN}"; rồi chạy lại lệnh này.')


def test_a_table_of_files_holds_only_what_the_binary_copy_encodes():
    """Scans go to the server by COPY in its binary form, written field by field (copying._streamed): integers
    and bytes; a column of another type added to such a table must be taught to it first."""
    with_files = [table for table in copying._data_tables() if copying._holds_files(table)]
    assert with_files
    for table in with_files:
        assert all(isinstance(column.type, (Integer, LargeBinary)) for column in table.c), table.name
