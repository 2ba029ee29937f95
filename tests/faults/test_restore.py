"""A restore that fails or is killed while it puts the backup in place of the current database: the
current database and its key file stay, or are put back as they were — at once, or at the next start
— and the officer is told so. Before, a failure between the two renames left no database at all:
the current pair moved aside, the backup's key file alone in its place, and every later command told
to make a new database."""

import errno
import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlcipher3 import dbapi2 as sqlcipher

from bvct_desktop import startup
from bvct_desktop.core import engine, keyfile, vault
from tests.conftest import ADMIN, PASSWORD
from tests.real_process import bvct, environment, killed

pytestmark = [pytest.mark.file_only("restores over a database file; onto a server only into an empty database "
                                    "(tests/server)"),
              pytest.mark.skipif(sys.platform != "linux", reason="/proc names a flushed file; kill -9")]


@pytest.fixture
def saved(cli, cadres_file, tmp_path) -> Path:
    """A backup, then work done after it: the pair a restore would replace."""
    out = tmp_path / "sao-luu" / "bvct.bvctbak"
    out.parent.mkdir()
    assert cli("backup", "--out", out)[0] == 0
    assert cli("import", "cadres", cadres_file)[0] == 0
    return out


def _pair(cli) -> list[bytes]:
    return [path.read_bytes() for path in (cli.db, keyfile.key_path(cli.db))]


def _cadres(cli) -> int:
    """The work done after the backup is in the database (the backup holds none)."""
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            return connection.exec_driver_sql("SELECT count(*) FROM cadres").scalar()
    finally:
        db.close()


def _left_beside(cli) -> list[str]:
    """What is in the database's folder besides its own files and their locks."""
    own = {cli.db.name, f"{cli.db.name}.keys", f"{cli.db.name}.keys.lock", f"{cli.db.name}.keys.slots.lock"}
    return sorted(path.name for path in cli.db.parent.iterdir() if path.is_file() and path.name not in own
                  and path.suffix != ".xlsx")


def _staged_database(cli, fd: int) -> bool:
    return Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(f".{cli.db.name}.p")


def _fail_flushing_the_database(cli, monkeypatch, code: int) -> None:
    flush = os.fsync

    def failing(fd: int) -> None:
        if _staged_database(cli, fd):
            raise OSError(code, os.strerror(code))
        flush(fd)

    monkeypatch.setattr(os, "fsync", failing)


def _fail_renaming_the_key_file(cli, monkeypatch, code: int) -> None:
    rename = os.replace

    def failing(source, target, *args, **kwargs):
        if Path(target) == keyfile.key_path(cli.db) and Path(source).name.startswith("."):
            raise OSError(code, os.strerror(code))
        return rename(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)


def _fail_recording_the_restore(cli, monkeypatch, code: int) -> None:
    """SQLite's error `code` on the restored database's audit entry, its first write."""
    make = engine.make_engine

    def failing(connection, cursor, statement, *args):
        if statement.startswith("INSERT INTO audit_log"):
            raise sqlcipher.OperationalError(os.strerror(code).lower().replace("input/output", "disk I/O"))

    def making(*args, **kwargs):
        made = make(*args, **kwargs)
        event.listen(made, "before_cursor_execute", failing)
        return made

    monkeypatch.setattr(engine, "make_engine", making)


FAULTS = {
    "đĩa đầy khi ghi tệp dữ liệu": (_fail_flushing_the_database, errno.ENOSPC, "Ổ đĩa đầy"),
    "lỗi đọc ghi khi ghi tệp dữ liệu": (_fail_flushing_the_database, errno.EIO, "lỗi đọc ghi ổ đĩa"),
    "lỗi đọc ghi khi đặt tệp khóa vào chỗ": (_fail_renaming_the_key_file, errno.EIO, "lỗi đọc ghi ổ đĩa"),
    "lỗi đọc ghi khi ghi nhật ký của bản khôi phục": (_fail_recording_the_restore, errno.EIO, "Lỗi đọc ghi ổ đĩa"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_restore_failing_while_it_writes_leaves_the_current_pair_as_it_was(saved, cli, monkeypatch, fault):
    before = _pair(cli)
    fail, code, reason = FAULTS[fault]
    with monkeypatch.context() as patched:
        fail(cli, patched, code)
        exit_code, out, err = cli("restore", saved)
    assert exit_code == 1 and "Đã khôi phục" not in out
    assert reason in err and "Traceback" not in err
    assert f"Chưa khôi phục: cơ sở dữ liệu «{cli.db}» và tệp khóa của nó" in err and "như cũ." in err
    assert _pair(cli) == before and _left_beside(cli) == []
    assert cli("users", "list")[0] == 0 and cli("audit", "verify")[0] == 0


@pytest.mark.parametrize("point", ["restore-moved-aside", "restore-half-placed", "audit-committed"])
def test_a_restore_killed_while_it_puts_the_backup_in_place_is_undone_at_the_next_start(saved, cli, tmp_path,
                                                                                        point):
    before = _cadres(cli)
    env = environment(tmp_path, cli.db)
    assert killed(bvct(env, "restore", saved, crash_at=point))  # "audit-committed": the restore's own entry
    done = bvct(env, "users", "list")
    assert done.returncode == 0, done.stderr
    assert (f"Lần khôi phục từ bản sao lưu «{saved}» bị ngắt giữa chừng: cơ sở dữ liệu «{cli.db}» và tệp khóa của "
            "nó đã được đặt lại như trước khi khôi phục.") in done.stderr
    assert _cadres(cli) == before > 0 and _left_beside(cli) == []
    assert bvct(env, "users", "list").stderr == ""  # told once


def test_a_cut_restore_that_cannot_be_undone_names_the_files_to_keep(saved, cli, tmp_path, monkeypatch):
    env = environment(tmp_path, cli.db)
    assert killed(bvct(env, "restore", saved, crash_at="restore-half-placed"))
    kept = next(cli.db.parent.glob("*-truoc-khoi-phuc-*.db"))
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", lambda *args, **kwargs: (_ for _ in ()).throw(OSError(errno.EIO, "EIO")))
        told = startup.undo_cut_restore(str(cli.db))
    assert told == (f"Lần khôi phục từ bản sao lưu «{saved}» bị ngắt giữa chừng và chưa đặt lại được cơ sở dữ liệu "
                    f"trước đó (lỗi đọc ghi ổ đĩa). Để dùng lại cơ sở dữ liệu trước khi khôi phục: đổi tên «{kept}» "
                    f"thành «{cli.db}», «{kept}.keys» thành «{cli.db}.keys» (thay các tệp cùng tên của lần khôi phục "
                    "dở); rồi mở lại chương trình.")
    assert startup.undo_cut_restore(str(cli.db)).startswith(f"Lần khôi phục từ bản sao lưu «{saved}» bị ngắt giữa "
                                                             "chừng: cơ sở dữ liệu")
    assert cli("users", "list")[0] == 0
