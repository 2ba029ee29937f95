"""Reaching the office server: TLS verified against the office CA, or refused (spec, "Office server")."""

import os
import socket
import subprocess
import sys

import pytest

from bvct_desktop.core.permissions import ROLES
from tests.conftest import ADMIN, PASSWORD, Cli, server_cli
from tests.server_db import OWNER

PERIOD = ("--from", "2025-01-01", "--to", "2025-12-31")


def _with(url: str, **changes: str | None) -> str:
    """`url` with its query parameters changed (None removes one)."""
    base, _, query = url.partition("?")
    params = dict(part.split("=", 1) for part in query.split("&") if part)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


@pytest.fixture
def url(cli, cluster):
    return cluster.url(cli.db.dbname)


def test_a_verified_connection_works_and_says_where_it_is(cli, url):
    code, out, err = cli("report", *PERIOD, "--format", "json", "--out", "-")
    assert code == 0, err
    code, out, err = cli("users", "list")
    assert code == 0 and ADMIN in out


@pytest.mark.parametrize("changes", [{"sslmode": None, "sslrootcert": None}, {"sslmode": "require"},
                                     {"sslmode": "prefer"}, {"sslrootcert": None}])
def test_a_connection_without_verified_tls_is_refused_before_any_login(cli, url, changes):
    code, _, err = cli("--db", _with(url, **changes), "users", "list")
    assert code == 2 and "--insecure-lan" in err and "Traceback" not in err


def test_insecure_lan_lets_a_plain_connection_through_with_a_warning(cli, url):
    code, out, err = cli("--db", _with(url, sslmode="disable", sslrootcert=None), "--insecure-lan", "users", "list")
    assert code == 0 and ADMIN in out
    assert "KHÔNG được xác thực" in err


def test_a_server_certificate_from_another_ca_is_refused(cli, url, tmp_path):
    other = tmp_path / "ca-khac.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=khac",
                    "-keyout", str(tmp_path / "k.key"), "-out", str(other)], check=True, capture_output=True)
    code, _, err = cli("--db", _with(url, sslrootcert=str(other)), "users", "list")
    assert code == 1 and "chứng chỉ TLS" in err
    assert "Chưa gửi mật khẩu" in err and "sslrootcert" in err and "báo ngay quản trị viên" in err  # what to do


def test_a_server_out_of_reach_is_told_with_what_to_do(cli, url):
    """The server stopped, or the office network cut: the officer is told to check it and try again."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nobody = probe.getsockname()[1]
    host_port = url.split("://", 1)[1].split("/", 1)[0]
    code, _, err = cli("--db", url.replace(host_port, f"127.0.0.1:{nobody}", 1), "users", "list")
    assert code == 1 and err.startswith(f"Không kết nối được máy chủ cơ sở dữ liệu 127.0.0.1:{nobody}")
    assert "thử lại" in err and "Traceback" not in err


def test_a_missing_ca_file_is_named(cli, url, tmp_path):
    code, _, err = cli("--db", _with(url, sslrootcert=str(tmp_path / "khong-co.crt")), "users", "list")
    assert code == 2 and "khong-co.crt" in err


def test_the_address_never_carries_a_login(cli, url):
    with_password = url.replace("://", "://quantri:bi-mat@", 1)
    code, _, err = cli("--db", with_password, "users", "list")
    assert code == 2 and "mật khẩu" in err and "bi-mat" not in err


def test_wrong_password_and_unknown_user_exit_3(cli):
    assert cli.as_user(ADMIN, "sai-mat-khau")("users", "list")[0] == 3
    assert cli.as_user("khong_ai", PASSWORD)("users", "list")[0] == 3


def test_init_needs_the_owner_and_an_empty_database(cli, monkeypatch, cluster):
    code, _, err = cli("init", "--admin", "quantri2")
    assert code == 2 and "--server-owner" in err
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, _, err = cli("init", "--admin", "quantri2", "--server-owner", OWNER)
    assert code == 2 and "đã có dữ liệu" in err


def test_init_refuses_an_administrators_name_breaking_the_rule_and_makes_nothing(cli, monkeypatch, cluster):
    empty = cluster.new_database()
    try:
        monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
        monkeypatch.setenv("BVCT_DB", cluster.url(empty))
        code, _, err = cli("init", "--admin", "quản trị " * 8, "--server-owner", OWNER)
        assert code == 2 and "quá giới hạn 63 byte" in err
        with cluster.superuser(empty) as superuser:
            assert superuser.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    finally:
        cluster.drop(empty)


def test_init_refuses_a_database_the_owner_does_not_own(cli, monkeypatch, cluster):
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    monkeypatch.setenv("BVCT_DB", cluster.url("postgres"))
    code, _, err = cli("init", "--admin", "quantri2", "--server-owner", OWNER)
    assert code == 2 and "không thuộc sở hữu" in err


def test_the_file_database_never_loads_the_server_driver(tmp_path):
    """The default stays what it was: a file database's commands do not import psycopg."""
    probe = ("import sys\nfrom bvct_desktop.cli.main import main\n"
             f"db = {str(tmp_path / 'a.db')!r}\n"
             "assert main(['--db', db, 'init', '--admin', 'quantri']) == 0\n"
             "assert main(['--db', db, 'users', 'list']) == 0\n"
             "print('psycopg' in sys.modules)")
    env = {**os.environ, "BVCT_USER": ADMIN, "BVCT_PASSWORD": PASSWORD, "HOME": str(tmp_path)}
    env.pop("BVCT_DB", None)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_a_newer_schema_is_refused_and_an_older_one_names_the_upgrade(cli, cluster):
    with cluster.superuser(cli.db.dbname) as superuser:
        head = superuser.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        superuser.execute("UPDATE alembic_version SET version_num = '9999_tuong_lai'")
        code, _, err = cli("users", "list")
        assert code == 4 and "phiên bản BVCT Desktop mới hơn" in err
        superuser.execute("UPDATE alembic_version SET version_num = '0013'")
        code, _, err = cli("users", "list")
        assert code == 1 and "bvct upgrade" in err
        superuser.execute("UPDATE alembic_version SET version_num = %s", (head,))
    assert cli("users", "list")[0] == 0


def test_upgrade_backs_up_then_brings_an_older_schema_up_to_date(request, capsys, monkeypatch, tmp_path, cluster):
    """A database made by the program before the last migration: refused until the administrator runs
    `bvct upgrade` with the owner, which takes a verified backup first."""
    from bvct_desktop.core import migrations
    from bvct_desktop.core.server import setup

    made_by = migrations.upgrade
    previous = sorted(migrations.known_revisions() - {migrations.head_revision()})[-1]
    monkeypatch.setattr(setup.migrations, "upgrade", lambda connection: made_by(connection, previous))
    old = server_cli(request, capsys, monkeypatch)
    monkeypatch.setattr(setup.migrations, "upgrade", made_by)
    assert old("users", "list")[0] == 1
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, out, err = old("upgrade", "--server-owner", OWNER, "--backup-out", tmp_path / "truoc.bvctbak")
    assert code == 0, err
    assert "Đã nâng cấp" in out and (tmp_path / "truoc.bvctbak").exists()
    assert old("verify", tmp_path / "truoc.bvctbak")[0] == 0
    assert old("users", "list")[0] == 0
    code, out, _ = old("audit", "verify")
    assert code == 0 and "toàn vẹn" in out
    assert old("upgrade", "--server-owner", OWNER)[1].startswith("Cấu trúc cơ sở dữ liệu trên máy chủ đã mới nhất")


def _objects_as_before_their_version(superuser, database: str) -> None:
    """The server's objects as a program before objects.VERSION 1 made them: every login reads every
    key slot, every worker the whole trail."""
    groups = ", ".join(f'"{database}:{role}"' for role in ROLES)
    workers = ", ".join(f'"{database}:{role}"' for role in ROLES if role != "xem")
    superuser.execute("DELETE FROM meta WHERE key = 'server_objects'")
    for function in ("bvct_own_key_slot()", "bvct_audit_for_backup(bytea)", "bvct_key_slots_for_backup(bytea)"):
        superuser.execute(f"DROP FUNCTION public.{function}")
    superuser.execute(f"SET ROLE {OWNER}")
    superuser.execute("CREATE FUNCTION public.bvct_audit_rows() RETURNS SETOF public.audit_log LANGUAGE sql STABLE "
                      "SECURITY DEFINER SET search_path = pg_catalog, public AS $$ SELECT * FROM public.audit_log "
                      "ORDER BY id $$")
    superuser.execute("REVOKE ALL ON FUNCTION public.bvct_audit_rows() FROM PUBLIC")
    superuser.execute(f"GRANT EXECUTE ON FUNCTION public.bvct_audit_rows() TO {workers}")
    superuser.execute(f"GRANT SELECT ON key_slots TO {groups}")
    superuser.execute("RESET ROLE")


def test_upgrade_brings_the_server_objects_of_an_older_program_up_to_date(cli, cluster, tmp_path, monkeypatch):
    database = cli.db.dbname
    with cluster.superuser(database) as superuser:
        _objects_as_before_their_version(superuser, database)
    code, _, err = cli("users", "list")
    assert code == 1 and "bvct upgrade" in err
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, out, err = cli("upgrade", "--server-owner", OWNER, "--backup-out", tmp_path / "truoc.bvctbak")
    assert code == 0, err
    assert cli("verify", tmp_path / "truoc.bvctbak")[0] == 0
    with cluster.superuser(database) as superuser:
        assert not superuser.execute("SELECT has_table_privilege(%s, 'key_slots', 'SELECT')",
                                     (f"{database}:xem",)).fetchone()[0]
        assert not superuser.execute("SELECT count(*) FROM pg_proc WHERE proname = 'bvct_audit_rows'").fetchone()[0]
    assert cli("users", "list")[0] == 0
    code, out, err = cli("backup", "--out", tmp_path / "sau.bvctbak")
    assert code == 0, err
    assert cli("upgrade", "--server-owner", OWNER)[1].startswith("Cấu trúc cơ sở dữ liệu trên máy chủ đã mới nhất")


def test_a_server_whose_objects_let_a_login_date_its_own_entries_waits_for_the_upgrade(cli, cluster, tmp_path,
                                                                                     monkeypatch):
    """Objects of version 1 kept the moment a client sent with its entry: `bvct upgrade` makes them again."""
    with cluster.superuser(cli.db.dbname) as superuser:
        superuser.execute("UPDATE meta SET value = '1' WHERE key = 'server_objects'")
    code, _, err = cli("users", "list")
    assert code == 1 and "bvct upgrade" in err
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, out, err = cli("upgrade", "--server-owner", OWNER, "--backup-out", tmp_path / "truoc.bvctbak")
    assert code == 0 and "Đã nâng cấp" in out, err
    assert cli("users", "list")[0] == 0


def test_the_server_has_no_recovery_key_and_says_how_an_administrators_password_is_reset(
        request, capsys, monkeypatch, tmp_path, cluster):
    name = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop(name))
    cli = Cli(cluster.address(name), capsys, monkeypatch, url=cluster.url(name))
    monkeypatch.setenv("PGPASSWORD", cluster.owner_password)
    code, out, err = cli("init", "--admin", ADMIN, "--server-owner", OWNER)
    assert code == 0, err
    assert "KHÓA KHÔI PHỤC" not in out and "không có khóa khôi phục" in out
    secret = tmp_path / "rec.txt"
    secret.write_text("ABCD-EFGH", encoding="utf-8")
    code, _, err = cli("users", "passwd", ADMIN, "--recovery-key-file", secret)
    assert code == 2
    assert "không có khóa khôi phục" in err and "quản trị viên khác" in err and "chủ sở hữu" in err
    assert "postgresql:/" not in err
