"""A read of the database held open on another thread, for tests of what happens meanwhile."""

import contextlib
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def read_held_open(db, sql: str, hold: float = 30) -> Iterator[list]:
    """A thread holds a read of `db` open for `hold` seconds, or until the block ends, then runs
    `sql` in it; the block is given the list that receives its result."""
    opened, release, results = threading.Event(), threading.Event(), []

    def read() -> None:
        with db.read() as connection:
            opened.set()
            release.wait(hold)
            results.append(connection.exec_driver_sql(sql).scalar())

    reader = threading.Thread(target=read)
    reader.start()
    opened.wait(30)
    try:
        yield results
    finally:
        release.set()
        reader.join(30)
