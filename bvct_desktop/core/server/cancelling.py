"""«Hủy» heard inside the office server's long statements. A large import sends its rows a chunk at
a time (changes.CHUNK rows, in multi-row INSERTs of up to a thousand): when they were sent one statement
a row, 100,000 slips took up to 19 s a chunk on the test cluster, deaf to «Hủy», which is heard only
between calls; a statement may still wait long on a lock another session holds. While a block runs, `step` is
called every HEARD_EVERY_S on a thread of its own; when it raises, the server is asked to cancel the
statement running (libpq's cancel request), and that error is raised in the place of the server's
(the transaction then rolls back), as the file database stops its own long statements."""

import contextlib
import threading
from collections.abc import Callable, Iterator

from sqlalchemy.engine import Connection

HEARD_EVERY_S = 0.1


@contextlib.contextmanager
def heard_inside(connection: Connection, step: Callable[[], None]) -> Iterator[None]:
    driver = connection.connection.driver_connection
    done, stopped = threading.Event(), []

    def listen() -> None:
        while not done.wait(HEARD_EVERY_S):
            try:
                step()
            except Exception as error:  # noqa: BLE001 - whatever stops the job stops the statement
                stopped.append(error)
                driver.cancel_safe()
                return

    listener = threading.Thread(target=listen, name="bvct-heard", daemon=True)
    listener.start()
    try:
        yield
    except Exception:
        done.set()
        listener.join()
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        done.set()
        listener.join()
