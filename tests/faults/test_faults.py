"""Faults: damaged files named with the newest verified backup, a full or read-only disk
during export, backup and save, and two processes on one database."""

import contextlib
import errno
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlcipher3 import dbapi2 as sqlcipher

from bvct_desktop import paths
from bvct_desktop.cli import arguments, hints
from bvct_desktop.core import autobackup, backup, engine, files, importing, vault
from bvct_desktop.core.kinds import CADRES
from tests import conftest
from tests.conftest import ADMIN, CADRE_HEADERS, CADRE_ROWS, PASSWORD, workbook
from tests.faults.test_kill import batch

# An export cut short (full disk, damaged page) must end openpyxl's streams itself: an
# exception left for the garbage collector would print a traceback to the officer.
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")

MANY = [[f"Trần Văn {chr(65 + i % 26)}{i}", f"{1 + i % 28:02d}/0{1 + i % 9}/19{50 + i % 40}", f"Xã {i}"]
        for i in range(400)]


@pytest.fixture
def filled(cli, tmp_path):
    """A database with 400 cadres, an automatic backup and a newer manual one."""
    source = workbook(tmp_path / "nhieu.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán"], MANY)
    assert cli("import", "cadres", source)[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    autobackup.at_exit(db)
    db.close()
    out = tmp_path / "tot.bvctbak"
    assert cli("backup", "--out", out)[0] == 0
    return out


def _pages(path) -> int:
    return path.stat().st_size // 4096


def _flip(path, page: int, offset: int = 1000) -> None:
    data = bytearray(path.read_bytes())
    data[page * 4096 + offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _truncate(path) -> None:
    path.write_bytes(path.read_bytes()[:-4096 * 3 - 17])


def _foreign(path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def _damaged_key_file(path) -> None:
    keys = path.with_name(path.name + ".keys")
    keys.write_text(keys.read_text(encoding="utf-8").replace('"count"', '"c0unt"'), encoding="utf-8")


def _flip_first(path) -> None:
    _flip(path, 0, 200)


def _flip_last(path) -> None:
    _flip(path, _pages(path) - 1)


DAMAGE = [_flip_first, _flip_last, _truncate, _foreign, _damaged_key_file]


@pytest.mark.file_only("damages the file's pages or its key file; a server keeps its own pages")
@pytest.mark.parametrize("damage", DAMAGE, ids=[d.__name__.strip("_") for d in DAMAGE])
def test_damage_exits_4_naming_the_newest_verified_backup(filled, cli, damage):
    _checkpoint(cli.db)
    damage(cli.db)
    codes = []
    for command in (("users", "list"), ("export", "cadres", "--out", cli.db.parent / "x.xlsx")):
        code, _, err = cli(*command)
        codes.append(code)
        if code == 4:
            newest = filled if damage is not _damaged_key_file else autobackup.last_verified(cli.db).path
            assert hints.restore_command(cli.db, newest, ADMIN) in err, err
    assert 4 in codes and set(codes) <= {0, 4}
    assert not (cli.db.parent / "x.xlsx").exists() or codes[1] == 0


@pytest.mark.file_only("damages the file's pages; a server keeps its own pages")
def test_a_damaged_middle_page_is_told_naming_the_file(filled, cli):
    """A page inside the file, neither its first nor its last: the cadres table's root, which the export reads
    (the file's middle page may belong to a table nothing reads yet, as the migrations add them)."""
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        root = connection.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = 'cadres'").scalar()
    db.close()
    _checkpoint(cli.db)
    assert 0 < root - 1 < _pages(cli.db) - 1
    _flip(cli.db, root - 1)
    code, _, err = cli("export", "cadres", "--out", cli.db.parent / "x.xlsx")
    assert code == 4 and f"«{cli.db}»" in err.split("Bản sao lưu")[0], err


@pytest.mark.file_only("a SQLCipher page; a server checks its own pages")
def test_the_full_check_on_demand_finds_a_page_no_query_read(filled, cli):
    _checkpoint(cli.db)
    _flip(cli.db, _root_page(cli.db, "persons") - 1)  # read by no query at open
    db = vault.unlock(cli.db, ADMIN, PASSWORD)  # the cheap check at open passes
    try:
        assert db.check_integrity() != []
    finally:
        db.close()


def _checkpoint(path) -> None:
    """Folds the WAL into the main file, as closing the last connection does."""
    db = vault.unlock(path, ADMIN, PASSWORD)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _root_page(path, table: str) -> int:
    """The 1-based page number where `table`'s b-tree starts."""
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            return connection.exec_driver_sql(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).scalar()
    finally:
        db.close()


def _cadre_count(path) -> int:
    db = vault.unlock(path, ADMIN, PASSWORD)
    try:
        with db.read() as connection:
            return connection.exec_driver_sql("SELECT count(*) FROM cadres").scalar()
    finally:
        db.close()


def _with_pragma(monkeypatch, pragma: str) -> None:
    """A seam on every new engine: SQLite sees a full disk or a read-only file."""
    original = engine.make_engine

    def make_engine(*args, **kwargs):
        made = original(*args, **kwargs)

        @event.listens_for(made, "connect")
        def _limit(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA {pragma}")

        return made

    monkeypatch.setattr(engine, "make_engine", make_engine)


def _server_refuses_new_persons(request, cli, sqlstate: str) -> None:
    """The office server answers a new person with `sqlstate` (a trigger its superuser adds)."""
    with request.getfixturevalue("cluster").superuser(cli.db.dbname) as superuser:
        superuser.execute("CREATE FUNCTION public.test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                          f"RAISE EXCEPTION 'test' USING ERRCODE = '{sqlstate}'; END $$")
        superuser.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON persons FOR EACH ROW "
                          "EXECUTE FUNCTION public.test_refuse()")


def _full_disk(request, cli, monkeypatch) -> None:
    """SQLite's page limit just above the file's size; the server's own refusal on a server."""
    if conftest.ON_SERVER:
        _server_refuses_new_persons(request, cli, "53100")
        return
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    db.close()
    _with_pragma(monkeypatch, f"max_page_count = {pages + 2}")


def test_disk_full_while_saving_leaves_the_database_unchanged(filled, cli, tmp_path, monkeypatch, request):
    before = _cadre_count(cli.db)
    source = workbook(tmp_path / "them.xlsx", ["Họ và tên", "Ngày sinh", "Quê quán", "Ghi chú"],
                      [[f"Lê Văn {i}", "1970", f"Thôn {i}", "x" * 3000] for i in range(300)])
    with monkeypatch.context() as patched:
        _full_disk(request, cli, patched)
        code, _, err = cli("import", "cadres", source)
    assert code == 1 and "Ổ đĩa đầy" in err
    assert _cadre_count(cli.db) == before


@pytest.mark.file_only("SQLite's disk I/O error; a server tells its own")
def test_a_disk_i_o_error_while_saving_is_told_as_one_and_changes_nothing(filled, cli):
    """SQLite's «disk I/O error» on a disk with room left (a failing disk, a USB drive pulled out) was
    told «Lỗi cơ sở dữ liệu (OperationalError)» and logged as a fault of the program."""
    def failing(connection, cursor, statement, *args):
        if statement.startswith("INSERT INTO audit_log"):
            raise sqlcipher.OperationalError("disk I/O error")

    event.listen(Engine, "before_cursor_execute", failing)
    try:
        code, _, err = cli("settings", "set", "nguoi_ky", "Nguyễn Văn Ký")
    finally:
        event.remove(Engine, "before_cursor_execute", failing)
    assert code == 1
    assert err == (f"Lỗi đọc ghi ổ đĩa ở cơ sở dữ liệu «{cli.db.name}»: việc đang làm chưa được lưu, cơ sở dữ liệu "
                   "không thay đổi. Ổ đĩa có thể đang hỏng hoặc vừa bị rút ra: hãy kiểm tra ổ đĩa rồi làm lại.\n")
    log = paths.log_file().read_text(encoding="utf-8")
    assert "lỗi đọc ghi ổ đĩa" in log.lower() and "lỗi không lường trước" not in log
    assert "Nguyễn Văn Ký" not in cli("settings", "list")[1]


@contextlib.contextmanager
def _read_only(request, cli, monkeypatch) -> Iterator[None]:
    """SQLite's query_only; on a server, the database's transactions read-only (a standby's answer)."""
    if not conftest.ON_SERVER:
        with monkeypatch.context() as patched:
            _with_pragma(patched, "query_only = ON")
            yield
        return
    cluster = request.getfixturevalue("cluster")
    with cluster.superuser(cli.db.dbname) as superuser:
        superuser.execute(f"ALTER DATABASE {cli.db.dbname} SET default_transaction_read_only = on")
        try:
            yield
        finally:
            superuser.execute(f"ALTER DATABASE {cli.db.dbname} RESET default_transaction_read_only")


def test_read_only_database_while_saving_is_a_clear_message(filled, cli, monkeypatch, request):
    with _read_only(request, cli, monkeypatch):
        code, _, err = cli("settings", "set", "nguoi_ky", "Nguyễn Văn Ký")
    assert code == 1 and "chỉ cho đọc" in err
    assert "Nguyễn Văn Ký" not in cli("settings", "list")[1]


@pytest.mark.parametrize("command, name", [(("export", "cadres", "--out"), "ra.xlsx"),
                                           (("backup", "--out"), "ra.bvctbak")])
def test_read_only_folder_during_export_or_backup(filled, cli, tmp_path, monkeypatch, command, name):
    """Tests run as root, whom chmod does not stop: the seam is the temporary file's creation."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(files.tempfile, "mkstemp", refused)
        code, _, err = cli(*command, folder / name)
    assert code == 2 and "Không có quyền ghi" in err
    assert list(folder.iterdir()) == []


WRITE_PROTECTED = {
    "Linux": lambda: OSError(errno.EROFS, "Read-only file system"),
    "Windows": lambda: _windows_error(PermissionError(errno.EACCES, "The media is write protected"), 19),
}


def _windows_error(error: OSError, code: int) -> OSError:
    error.winerror = code  # ERROR_WRITE_PROTECT, as Windows sets it on the error it maps to EACCES
    return error


@pytest.mark.parametrize("system", WRITE_PROTECTED)
@pytest.mark.parametrize("command, name", [(("export", "cadres", "--out"), "ra.xlsx"),
                                           (("backup", "--out"), "ra.bvctbak")])
def test_a_write_protected_usb_stick_is_told_as_one(filled, cli, tmp_path, monkeypatch, command, name, system):
    """«Không có quyền ghi» sent the administrator asking for rights on a stick whose write-protect
    switch was on: the disk is said to be read-only, with what to do."""
    folder = tmp_path / "usb"
    folder.mkdir()

    made = files.tempfile.mkstemp

    def refused(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == folder:
            raise WRITE_PROTECTED[system]()
        return made(*args, dir=dir, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(files.tempfile, "mkstemp", refused)
        code, _, err = cli(*command, folder / name)
    assert code == 2 and err == (f"Không ghi được «{folder / name}»: ổ đĩa chỉ cho đọc (ổ USB hoặc thẻ nhớ có thể "
                                 "đang gạt khóa chống ghi). Hãy gạt mở khóa chống ghi rồi làm lại, hoặc chọn ổ khác.\n")
    assert list(folder.iterdir()) == []


# --- two processes ----------------------------------------------------------------------

pytest_fork = pytest.mark.skipif(sys.platform == "win32", reason="fork")


def _fork(work) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        try:
            work()
        finally:
            os._exit(0)
    return pid


@pytest_fork
def test_a_writer_waits_for_the_lock_then_fails_clearly(filled, cli, monkeypatch):
    ready_read, ready_write = os.pipe()

    def hold_the_write_lock():
        db = vault.unlock(cli.db, ADMIN, PASSWORD)
        with db.write():
            os.write(ready_write, b"1")
            time.sleep(4)

    pid = _fork(hold_the_write_lock)
    assert os.read(ready_read, 1) == b"1"
    monkeypatch.setattr(arguments, "WAIT_FOR_WRITER_MS", 300)
    started = time.monotonic()
    code, _, err = cli("settings", "set", "nguoi_ky", "Ai Đó")
    waited = time.monotonic() - started
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    told = f"«{ADMIN}» đang ghi vào cơ sở dữ liệu quá lâu" if conftest.ON_SERVER else "khác giữ quá lâu"
    assert code == 1 and told in err  # the server names who holds the write
    assert 0.3 <= waited < 4
    assert "Ai Đó" not in cli("settings", "list")[1]


@pytest_fork
def test_backups_run_while_another_process_writes(filled, cli, tmp_path):
    ready_read, ready_write = os.pipe()

    def keep_writing():
        db = vault.unlock(cli.db, ADMIN, PASSWORD)
        os.write(ready_write, b"1")
        number = 900
        while True:
            importing.import_sheet(db, CADRES, batch(number, 1))
            number += 1
            # a moment between writes, as between two officers' saves: with none, SQLite's busy
            # handler may never find the lock free on a loaded machine and the backup's unlock times out
            time.sleep(0.01)

    pid = _fork(keep_writing)
    assert os.read(ready_read, 1) == b"1"
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        for copy in range(3):
            written = backup.write(db, tmp_path / f"dong-thoi-{copy}.bvctbak")
            report = backup.verify(written.path, ADMIN, PASSWORD)
            assert report.manifest["audit_head"] == written.audit_head
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        db.close()
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    assert db.check_integrity() == [] and db.verify_audit_chain().ok
    db.close()
    assert _cadre_count(cli.db) % 40 == 0  # 400 + whole batches of 40


def test_template_headers_used_here_still_import(cli, tmp_path):
    """The fixtures' own workbook imports cleanly (guards the cases above against format drift)."""
    assert cli("import", "cadres", workbook(tmp_path / "a.xlsx", CADRE_HEADERS, CADRE_ROWS))[0] == 0
