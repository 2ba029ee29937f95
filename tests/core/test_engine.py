"""The connection's statements that can wait: a large import's indexes are made again, and its
persons put in the search index, once its tables are written — on the other core while the import
makes its audit entries, never while anything else uses the connection; and a connection whose settings
cannot be set back is not used again."""

import threading

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event

from bvct_desktop.core import engine, vault
from bvct_desktop.core.database import writes_wait_at_most
from bvct_desktop.core.errors import BvctError
from tests.conftest import ADMIN, PASSWORD
from tests.held_read import read_held_open

pytestmark = pytest.mark.file_only("the file database's connection and its schema")


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    with database.write() as connection:
        connection.exec_driver_sql("CREATE TABLE waiting (n INTEGER, thread INTEGER)")
    yield database
    database.close()


def _rows(db) -> list[tuple]:
    with db.read() as connection:
        return connection.exec_driver_sql("SELECT n FROM waiting ORDER BY rowid").all()


def _thread_function(connection, called=lambda: None):
    """bvct_thread(): the id of the thread running the statement (`called` is run first)."""
    def thread() -> int:
        called()
        return threading.get_ident()

    connection.connection.driver_connection.create_function("bvct_thread", 0, thread)


def test_a_statement_runs_at_once_outside_a_bulk_write(db):
    with db.write() as connection:
        engine.later(connection, "INSERT INTO waiting (n) VALUES (?)", (1,))
        assert connection.exec_driver_sql("SELECT count(*) FROM waiting").scalar_one() == 1


def test_in_a_bulk_write_statements_wait_and_run_newest_first_at_its_end(db):
    """Newest first: the indexes of the table written last are made while its pages are in the cache."""
    with db.write() as connection:
        with engine.built_later(connection):
            for n in (1, 2, 3):
                engine.later(connection, "INSERT INTO waiting (n) VALUES (?)", (n,))
            assert connection.exec_driver_sql("SELECT count(*) FROM waiting").scalar_one() == 0
        assert connection.exec_driver_sql("SELECT n FROM waiting ORDER BY rowid").all() == [(3,), (2,), (1,)]


def test_beside_runs_them_in_another_thread_while_the_block_works(db):
    """The block waits for the statement to have started: run one after the other, it would wait
    in vain."""
    started = threading.Event()
    with db.write() as connection:
        _thread_function(connection, started.set)
        with engine.built_later(connection):
            engine.later(connection, "INSERT INTO waiting VALUES (1, bvct_thread())")
            engine.later(connection, "INSERT INTO waiting VALUES (2, bvct_thread())")
            with engine.beside(connection) as building:
                assert building and started.wait(timeout=10)
            threads = connection.exec_driver_sql("SELECT DISTINCT thread FROM waiting").scalars().all()
    assert len(threads) == 1 and threads[0] != threading.get_ident()
    assert _rows(db) == [(2,), (1,)]


def test_the_block_beside_may_not_use_the_connection(db):
    release = threading.Event()
    with db.write() as connection:
        _thread_function(connection, lambda: release.wait(timeout=10))
        with engine.built_later(connection):
            engine.later(connection, "INSERT INTO waiting VALUES (1, bvct_thread())")
            with engine.beside(connection):
                with pytest.raises(RuntimeError, match="another thread"):
                    connection.exec_driver_sql("SELECT count(*) FROM waiting")
                release.set()
            assert connection.exec_driver_sql("SELECT count(*) FROM waiting").scalar_one() == 1


def test_with_nothing_waiting_the_block_beside_has_the_connection(db):
    with db.write() as connection:
        with engine.built_later(connection), engine.beside(connection) as building:
            assert not building
            assert connection.exec_driver_sql("SELECT count(*) FROM waiting").scalar_one() == 0


def test_a_failing_statement_is_raised_after_the_block_and_nothing_is_written(db):
    done = []
    with pytest.raises(BvctError, match="OperationalError"), db.write() as connection:
        with engine.built_later(connection):
            engine.later(connection, "INSERT INTO waiting (n) VALUES (1)")
            engine.later(connection, "INSERT INTO missing VALUES (1)")
            with engine.beside(connection):
                done.append("block")
    assert done == ["block"]
    assert _rows(db) == []


def test_a_failing_block_stops_the_statements_then_fails_and_nothing_is_written(db):
    """An import cancelled while its indexes are made stops at once: the statement running is
    interrupted (here one that would insert ten million rows), those after it are not run."""
    started, rows, after = threading.Event(), [0], []

    def counted() -> int:
        rows[0] += 1
        return 0

    with pytest.raises(ValueError), db.write() as connection:
        _thread_function(connection, started.set)
        driver = connection.connection.driver_connection
        driver.create_function("bvct_counted", 0, counted)
        driver.create_function("bvct_after", 0, lambda: after.append(1))
        with engine.built_later(connection):
            engine.later(connection, "SELECT bvct_after()")
            engine.later(connection, "INSERT INTO waiting WITH RECURSIVE r(x) AS (SELECT 0 * bvct_thread() UNION ALL "
                                     "SELECT x + 1 + bvct_counted() FROM r WHERE x < 10000000) SELECT x, 0 FROM r")
            try:
                with engine.beside(connection):
                    started.wait(timeout=10)
                    raise ValueError("the officer pressed Cancel")
            finally:
                assert not any(thread.name == "bvct-indexes" for thread in threading.enumerate())
    assert rows[0] < 10_000_000 and after == []
    assert _rows(db) == []


def test_a_read_still_open_goes_on_however_many_threads_read_meanwhile(db):
    """The desktop's workers come and go (Qt's thread pool ends idle threads, and starts others): no
    thread's connection may be taken from it while its read is open."""
    with read_held_open(db, "SELECT count(*) FROM waiting") as counted:
        for _ in range(40):
            worker = threading.Thread(target=_rows, args=(db,))
            worker.start()
            worker.join(30)
    assert counted == [0]


def test_a_copy_is_checked_through_a_small_page_cache_the_working_database_keeps_its_large_one(db):
    """A check (a backup's, read-only) gives back what it read at once; the working database keeps its pages."""
    copy = engine.make_engine(db.path, db.key, read_only=True)
    try:
        with copy.connect() as checking, db.read() as working:
            assert checking.exec_driver_sql("PRAGMA cache_size").scalar() == -engine.CHECK_CACHE_KIB
            assert working.exec_driver_sql("PRAGMA cache_size").scalar() == -engine.CACHE_KIB
    finally:
        copy.dispose()


def _busy_time_refused(action, pragma, value, *_) -> int:
    """An authorizer refusing to set the busy time (reading it is let through)."""
    setting = action == sqlcipher.SQLITE_PRAGMA and pragma == "busy_timeout" and value is not None
    return sqlcipher.SQLITE_DENY if setting else sqlcipher.SQLITE_OK


def test_a_connection_whose_busy_time_cannot_be_set_back_is_discarded_and_the_next_write_waits_on_a_new_one(db):
    """A write waits briefly for another's; were its connection used again with that wait, later writes on it
    would be refused as busy at once."""
    with writes_wait_at_most(200), db.write() as connection:
        connection.exec_driver_sql("INSERT INTO waiting (n) VALUES (1)")
        driver = connection.connection.driver_connection
        driver.set_authorizer(_busy_time_refused)
    assert _save(db, 2) == db.busy_timeout_ms
    with pytest.raises(sqlcipher.ProgrammingError, match="closed"):
        driver.execute("SELECT 1")
    assert _rows(db) == [(1,), (2,)]

def _busy_times_set(db, saves) -> dict[int, int]:
    """How many times `saves` set the busy time, on each driver connection they used."""
    counted: dict[int, int] = {}

    def traced(dbapi_connection, *_) -> None:
        def statement(sql: str) -> None:
            if sql.startswith("PRAGMA busy_timeout ="):
                counted[id(dbapi_connection)] = counted.get(id(dbapi_connection), 0) + 1
        dbapi_connection.set_trace_callback(statement)

    event.listen(db.engine, "checkout", traced)
    try:
        saves()
    finally:
        event.remove(db.engine, "checkout", traced)
    return counted


def _save(db, n: int) -> int:
    """A save; gives the busy time it waited with."""
    with db.write() as connection:
        connection.exec_driver_sql("INSERT INTO waiting (n) VALUES (?)", (n,))
        return connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one()


def test_saves_in_a_row_waiting_briefly_set_the_short_wait_once_on_their_connection(db):
    waited = []

    def saves() -> None:
        with writes_wait_at_most(200):
            waited.extend([_save(db, 1), _save(db, 2)])

    assert set(_busy_times_set(db, saves).values()) == {1}
    assert waited == [200, 200]


def test_after_saves_waiting_briefly_reads_and_writes_wait_the_usual_time_again(db):
    with writes_wait_at_most(200):
        _save(db, 1)
    assert _save(db, 2) == db.busy_timeout_ms
    with db.read() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == db.busy_timeout_ms


class Stopped(Exception):
    """What the desktop's «Hủy» raises from an import's `progress`."""


TEN_MILLION_ROWS = ("INSERT INTO waiting WITH RECURSIVE r(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM r "
                    "WHERE x < 10000000) SELECT x, bvct_thread() FROM r")


def _stopping(calls: list[int], after: int):
    """A step recording the thread calling it, raising Stopped at its call `after` + 1."""
    def step() -> None:
        calls.append(threading.get_ident())
        if len(calls) > after:
            raise Stopped
    return step


def test_a_long_statement_calls_the_step_inside_it_and_raising_there_stops_it_with_that_error(db):
    """«Hủy» pressed while a large import inserts a table's rows stops the statement running, not the one
    after it: the step's own error is raised (not SQLite's «interrupted»), and nothing is written."""
    calls = []
    with pytest.raises(Stopped), db.write() as connection:
        _thread_function(connection)
        with engine.heard_inside(connection, _stopping(calls, 3)):
            connection.exec_driver_sql(TEN_MILLION_ROWS)
    assert len(calls) == 4
    assert _rows(db) == []


def test_the_wait_for_the_statements_beside_calls_the_step_on_its_own_thread_and_raising_there_stops_them(db):
    """The block beside done first (an import's audit entries made before its indexes), its wait calls the
    step, where «Hủy» is heard; the statements' thread never calls it (it would wait for Python's lock)."""
    calls, started = [], threading.Event()
    with pytest.raises(Stopped), db.write() as connection:
        _thread_function(connection, started.set)
        with engine.heard_inside(connection, _stopping(calls, 2)), engine.built_later(connection):
            engine.later(connection, TEN_MILLION_ROWS)
            with engine.beside(connection):
                started.wait(timeout=10)
    assert calls == [threading.get_ident()] * 3
    assert not any(thread.name == "bvct-indexes" for thread in threading.enumerate())
    assert _rows(db) == []
