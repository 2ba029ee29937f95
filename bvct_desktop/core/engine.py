"""The SQLCipher engine: per-connection settings, consistent copies, and what its errors mean.

SQLCipher through SQLAlchemy's pysqlcipher dialect, keyed with a raw 256-bit key (no
passphrase KDF per connection). A wrong key, a foreign file and a damaged page all look
alike to SQLite ("file is not a database"); the key slots have already told a wrong
password apart before a connection is made, so here every such error means damage.
"""

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import URL, create_engine, event, exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from .. import errorlog
from . import collation, files
from .errors import DISK_FULL, BusyError, BvctError, DamagedError, DiskFullError

BUSY_TIMEOUT_MS = 5_000
CACHE_KIB = 131_072  # 128 MB of decrypted pages: a cache miss costs a page decryption and HMAC
# While a large import writes: its new pages leave the cache for the write-ahead log as it fills
# (a 100,000-slip import: about 125 MB less at its peak than with 128 MB). 32 MB keeps that peak
# (364 MB) and writes faster than 16 MB (0.4 s less CPU; 64 MB: 0.3 s less again, peak 388 MB).
BULK_CACHE_KIB = 32_768
# While the scans are copied whole (core/server/copying.py): a scan's decrypted pages kept in the cache were one
# more copy of each scan read or written, up to CACHE_KIB; a table read in its order needs no more than this
COPY_CACHE_KIB = 2_048
# While a copy is checked (a backup, read-only): integrity_check looks up each row's index entries, in the index's
# order, not the table's, so a cache too small reads pages again. A 100 MB file with a name index: 1.5 s and a peak
# RSS of 149 MB with CACHE_KIB, 1.95 s and 61 MB with this, 5.3 s and 46 MB with COPY_CACHE_KIB.
CHECK_CACHE_KIB = 16_384
LATER_INFO = "bvct_built_later"  # statements waiting for `built_later`'s end (connection.info)
DATABASE_ERRORS = (exc.DBAPIError, sqlcipher.DatabaseError)  # SQLite's word on a file, through SQLAlchemy or not
HEARD_INFO = "bvct_heard"  # the `heard_inside` of the block running (connection.info)
# SQLite's steps between two calls of `heard_inside`'s step: 100,000 slips inserted, their indexes made again and
# their audit entries appended call it about every 10 ms
HEARD_EVERY = 100_000
BESIDE_HEARD_S = 0.05  # how long the block after `beside` waits for its statements between two steps
BUSY_INFO = "bvct_busy_ms"  # the busy time `busy_wait` last set on the pooled connection (connection.info)


def _null(value: None) -> None:
    return value


# The driver binds None (NULL) through its adaptation protocol's slow path, a failed attribute look-up
# per value (about 1 µs: a 100,000-slip import binds 1.4 million of them); an adapter registered for
# None is found in a dictionary and binds the same NULL about eight times faster.
sqlcipher.register_adapter(type(None), _null)


def make_engine(path: Path, key: bytes, busy_timeout_ms: int | None = None, read_only: bool = False) -> Engine:
    """`read_only` checks a copy (a backup) without writing anything beside it, not even a
    write-ahead log: what is checked is the file as it is; and through a smaller page cache."""
    busy_timeout_ms = BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
    url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))
    # A connection for each use, returned after it (not the dialect's one per thread, whose pool closes
    # the connections of other threads past five, even one in the middle of a read: the desktop's
    # workers come and go). The driver lets a file database's connection move between threads.
    engine = create_engine(url, module=sqlcipher, hide_parameters=True, poolclass=QueuePool)
    journal = "query_only = ON" if read_only else "journal_mode = WAL"
    cache_kib = CHECK_CACHE_KIB if read_only else CACHE_KIB

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, record) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        cursor = dbapi_connection.cursor()
        for pragma in ("cipher_log_level = NONE", "foreign_keys = ON", journal,
                       f"busy_timeout = {busy_timeout_ms}", "temp_store = MEMORY",
                       f"cache_size = -{cache_kib}",
                       # each commit on the disk before the key file's audit head names it: NORMAL may lose
                       # the last commits to a power cut, and the check at open refuses a database behind it
                       "synchronous = FULL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        record.info[BUSY_INFO] = busy_timeout_ms
        dbapi_connection.create_function(collation.SQL_FUNCTION, 1, collation.sql_name_key, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def busy_wait(connection: Connection, ms: int) -> None:
    """The connection's busy time at `ms` (a transaction it begins waits that long for another's write),
    until another use wants another: each pooled connection remembers its own, and is set only when it differs.
    A connection it cannot be set on is discarded, not pooled, and the busy time set on a new one.
    Set on the driver's connection: through `connection` it would begin a transaction."""
    if connection.info.get(BUSY_INFO) == ms:
        return
    try:
        _set_busy(connection, ms)
    except sqlcipher.Error:
        connection.invalidate()  # the next use of `connection` takes a new one from the pool
        _set_busy(connection, ms)


def _set_busy(connection: Connection, ms: int) -> None:
    connection.connection.driver_connection.execute(f"PRAGMA busy_timeout = {int(ms)}")
    connection.info[BUSY_INFO] = ms


@contextlib.contextmanager
def smaller_cache(connection: Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """The connection's page cache at `kib` for the block, then as before."""
    connection.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        with contextlib.suppress(exc.DBAPIError, sqlcipher.Error):  # an error of the block is the one to tell
            connection.exec_driver_sql(f"PRAGMA cache_size = -{CACHE_KIB}")


@contextlib.contextmanager
def built_later(connection: Connection) -> Iterator[None]:
    """In the block, what `later` is given waits for `beside` or for the block's end: the indexes a
    large import sets aside are made again, and its persons put in the search index, once every
    table is written.

    The statements do not depend on one another, and run newest first: those of the table written
    last, whose pages the page cache still holds, before reading the others' pages pushes them out
    (each index is made from a whole scan of its table, every page read back decrypted: 100,000
    slips' six indexes took 1.3 s after the persons', 0.75 s before them)."""
    pending = connection.info[LATER_INFO] = []
    try:
        yield
        if pending:
            _run(connection.connection.driver_connection, pending)
    finally:
        del connection.info[LATER_INFO]


def later(connection: Connection, sql: str, parameters: tuple = ()) -> None:
    """Runs `sql` now, or inside `built_later` when its block lets it (before what waited already)."""
    pending = connection.info.get(LATER_INFO)
    if pending is None:
        connection.exec_driver_sql(sql, parameters)
    else:
        pending.insert(0, (sql, parameters))


@contextlib.contextmanager
def beside(connection: Connection) -> Iterator[bool]:
    """Runs what waits for `built_later` on the other core while the block works without the
    connection: each waiting statement is one long step inside SQLite (an index sorted and written,
    the search index filled), which does not hold Python's lock. Gives whether anything waited; if
    so, the block may not use the connection (it is refused), and the statements' error, if any, is
    raised after the block. When the block fails (an import cancelled), the statement running is
    interrupted and the others are not run: the transaction rolls back."""
    pending = connection.info.get(LATER_INFO)
    if not pending:
        yield False
        return
    waiting, failed, stop = pending[:], [], threading.Event()
    pending.clear()
    driver = connection.connection.driver_connection
    heard = connection.info.get(HEARD_INFO)

    def build() -> None:
        try:
            _run(driver, waiting, stop)
        except BaseException as error:  # noqa: BLE001 - told in the caller's thread
            failed.append(error)

    def refuse(*_) -> None:
        raise RuntimeError("the connection is building indexes in another thread")

    worker = threading.Thread(target=build, name="bvct-indexes")
    event.listen(connection, "before_cursor_execute", refuse)
    with heard.suspended() if heard else contextlib.nullcontext():
        worker.start()
        try:
            yield True
            while heard and worker.is_alive():  # the block done first: the wait is heard
                heard.step()
                worker.join(BESIDE_HEARD_S)
        except BaseException:
            stop.set()
            driver.interrupt()
            raise
        finally:
            worker.join()
            event.remove(connection, "before_cursor_execute", refuse)
    if failed:
        raise failed[0]


class _Heard:
    """`step` called by SQLite inside the statements of `heard_inside`'s block; the error it raises is kept."""

    def __init__(self, driver: sqlcipher.Connection, step: Callable[[], None]):
        self.driver, self.step = driver, step
        self.stopped: BaseException | None = None
        self.driver.set_progress_handler(self._handler, HEARD_EVERY)

    def _handler(self) -> int:
        """SQLite's progress handler: nonzero interrupts the statement."""
        if self.stopped is None:
            try:
                self.step()
            except BaseException as error:  # noqa: BLE001 - raised again in place of the statement's
                self.stopped = error
        return self.stopped is not None

    @contextlib.contextmanager
    def suspended(self) -> Iterator[None]:
        """No call in the block: statements run on another thread, which must not wait for Python's lock."""
        self.driver.set_progress_handler(None, 0)
        try:
            yield
        finally:
            self.driver.set_progress_handler(self._handler, HEARD_EVERY)

    def close(self) -> None:
        self.driver.set_progress_handler(None, 0)


@contextlib.contextmanager
def heard_inside(connection: Connection, step: Callable[[], None]) -> Iterator[None]:
    """`step` called inside the block's statements too, every HEARD_EVERY of SQLite's steps, and while the
    block waits for `beside`'s (a large import's one long statement: an index made again, a hundred thousand
    rows inserted): a caller stops them by raising there — the statement running is interrupted, and that
    error raised in the place of SQLite's (the transaction then rolls back)."""
    heard = connection.info[HEARD_INFO] = _Heard(connection.connection.driver_connection, step)
    try:
        yield
    except Exception:
        if heard.stopped is not None:
            raise heard.stopped from None
        raise
    finally:
        heard.close()
        del connection.info[HEARD_INFO]


def _run(driver_connection, statements: list[tuple[str, tuple]], stop: threading.Event | None = None) -> None:
    cursor = driver_connection.cursor()
    try:
        for sql, parameters in statements:
            if stop is not None and stop.is_set():
                break
            cursor.execute(sql, parameters)
    finally:
        cursor.close()


@contextlib.contextmanager
def set_aside(connection: Connection, names: list[str]) -> Iterator[list[str]]:
    """Drops the file's schema objects `names` (triggers, indexes; those that exist, which the block
    is given) and makes them again after the block as they were (`later`), inside the caller's
    transaction."""
    found = connection.exec_driver_sql(
        f"SELECT name, type, sql FROM sqlite_master WHERE name IN ({', '.join('?' * len(names))})",
        tuple(names)).all()
    for name, kind, _ in found:
        connection.exec_driver_sql(f"DROP {kind.upper()} {name}")
    try:
        yield [name for name, _, _ in found]
    except BaseException:
        with contextlib.suppress(Exception):  # the transaction is being abandoned: its error tells
            for _, _, sql in found:
                connection.exec_driver_sql(sql)
        raise
    for _, _, sql in found:
        later(connection, sql)


@contextlib.contextmanager
def translated_errors(path: Path | None = None, named: Path | None = None) -> Iterator[None]:
    """Turns SQLite's errors into the program's: damage (4), a lock held too long or a full
    disk (1). `path` is the file written, whose disk tells a full disk from a failing one;
    `named` the database a damage message names."""
    try:
        yield
    except (exc.DBAPIError, sqlcipher.Error) as error:
        raise classify(error, path, named) from error


def classify(error: Exception, path: Path | None = None, named: Path | None = None) -> BvctError:
    original = getattr(error, "orig", error)
    text = str(original).lower()
    if "locked" in text or "busy" in text:
        return BusyError("Cơ sở dữ liệu đang bị một chương trình khác giữ quá lâu; hãy thử lại sau.")
    if any(sign in text for sign in ("not a database", "malformed", "hmac", "corrupt", "disk image")):
        which = f" «{named}»" if named is not None else ""
        return DamagedError(f"Cơ sở dữ liệu{which} bị hỏng hoặc không phải cơ sở dữ liệu BVCT Desktop.")
    if "readonly" in text or "read-only" in text:
        return BvctError("Không ghi được vào cơ sở dữ liệu (tệp hoặc thư mục chỉ cho đọc).")
    # SQLite says "database or disk is full", or — when the write-ahead log cannot grow — only
    # "disk I/O error": the disk's free space tells which.
    if "full" in text or "i/o error" in text and path is not None and files.nearly_full(path):
        return _disk_full(path)
    if "i/o error" in text:
        return _disk_failing(path)
    where = errorlog.log_unexpected(original)
    return BvctError(f"Lỗi cơ sở dữ liệu ({type(original).__name__}); chi tiết đã ghi vào: {where}")


def _disk_full(path: Path | None) -> DiskFullError:
    """The database's disk has no room: which disk, and that a full one keeps even a backup from opening
    the database (SQLite needs room for its write-ahead log's index just to read)."""
    if path is None:
        return DiskFullError(f"{DISK_FULL}: không ghi được vào cơ sở dữ liệu; cơ sở dữ liệu không thay đổi.")
    path = Path(path).absolute()
    return DiskFullError(f"{DISK_FULL}: không ghi được vào cơ sở dữ liệu «{path}»; cơ sở dữ liệu không thay đổi. "
                         f"Hãy giải phóng chỗ trống trên ổ chứa thư mục «{path.parent}» (xóa bớt tệp cũ) rồi làm "
                         "lại: khi ổ ấy đầy, chương trình không mở được cơ sở dữ liệu, kể cả để sao lưu ra ổ khác.")


def _disk_failing(path: Path | None) -> BvctError:
    """The disk would not read or write the database: the transaction was rolled back (or nothing was
    being written). Noted in the log too, where a failing disk shows by its repeated lines."""
    which = f" «{Path(path).name}»" if path is not None else ""
    message = (f"Lỗi đọc ghi ổ đĩa ở cơ sở dữ liệu{which}: việc đang làm chưa được lưu, cơ sở dữ liệu không thay "
               "đổi. Ổ đĩa có thể đang hỏng hoặc vừa bị rút ra: hãy kiểm tra ổ đĩa rồi làm lại.")
    errorlog.log_failure("cơ sở dữ liệu", message)
    return BvctError(message)


def export_copy(engine: Engine, key: bytes, target: Path) -> dict:
    """Exports one read snapshot into a new encrypted file `target` keyed with `key`.

    Returns the copy's audit head (count, last id, last MAC). ATTACH cannot run inside a
    transaction, so the snapshot is taken between ATTACH and DETACH on one raw connection.
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS sao_luu KEY ?", (str(target), f"x'{key.hex()}'"))
        try:
            cursor.execute("BEGIN")
            try:
                cursor.execute("SELECT sqlcipher_export('sao_luu')")
                last = cursor.execute("SELECT id, mac FROM main.audit_log ORDER BY id DESC LIMIT 1").fetchone()
                cursor.execute("COMMIT")
            except BaseException:
                # a failed COMMIT has already ended the transaction: its own error is the one to tell
                with contextlib.suppress(sqlcipher.Error):
                    cursor.execute("ROLLBACK")
                raise
        except BaseException:
            with contextlib.suppress(sqlcipher.Error):
                cursor.execute("DETACH DATABASE sao_luu")
            raise
        cursor.execute("DETACH DATABASE sao_luu")
    finally:
        raw.close()
    return {"count": last[0], "id": last[0], "mac": last[1]} if last else {"count": 0, "id": 0, "mac": ""}


def integrity_problems(connection: Connection) -> list[str]:
    """Every page's HMAC (`cipher_integrity_check`), then SQLite's own structure check."""
    problems = [str(row[0]) for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check")]
    if problems:
        return problems
    try:
        return [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check") if str(row[0]) != "ok"]
    except (exc.DBAPIError, sqlcipher.Error) as error:
        return [str(getattr(error, "orig", error))]


CIPHER_PRAGMAS = ("cipher_version", "cipher_page_size", "cipher_hmac_algorithm", "cipher_kdf_algorithm",
                  "cipher_plaintext_header_size")
CIPHER_FACTS = (*CIPHER_PRAGMAS, "sqlite_version")  # the meta keys `cipher_facts` writes


def cipher_facts(connection: Connection) -> dict[str, str]:
    """SQLCipher's version and settings, recorded in the meta table."""
    facts = {}
    for pragma in CIPHER_PRAGMAS:
        row = connection.exec_driver_sql(f"PRAGMA {pragma}").fetchone()
        facts[pragma] = "" if row is None else str(row[0])
    facts["sqlite_version"] = sqlcipher.sqlite_version
    return facts
