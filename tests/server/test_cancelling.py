"""«Hủy» stops a statement the office server is running (core/server/cancelling.py): a large import
sends thousands of rows in one statement, seconds long."""

import pytest

from bvct_desktop.core import importing, vault
from bvct_desktop.core.kinds import CADRES
from bvct_desktop.io import xlsx_reader
from tests.conftest import ADMIN, PASSWORD

# the statements of the import's login that wait, on the server, for a lock another session holds
_WAITING = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = %s "
            "AND state = 'active' AND wait_event_type = 'Lock'")


class Cancelled(Exception):
    """The officer pressed «Hủy» (gui/workers.py's, which the core does not import)."""


def test_an_import_cancelled_while_the_server_runs_one_of_its_statements_stops_it_and_writes_nothing(
        cli, cluster, cadres_file):
    """When the import starts writing, another session locks the cadres against writes (not reads: the
    import has read them): its insert waits on the server. «Hủy» is pressed only then: the statement is
    cancelled at once (not refused as busy when the lock's wait ends), the officer's «Hủy» is what the
    import raises, and nothing of it is written."""
    blocker = cluster.superuser(cli.db.dbname)
    watcher = cluster.superuser(cli.db.dbname)
    db = vault.unlock(cli.db, ADMIN, PASSWORD)

    def progress(_done: int, _total: int, stage: str = "") -> None:
        if stage == importing.WRITING and not blocker.info.transaction_status:
            blocker.execute("BEGIN")
            blocker.execute("SET LOCAL lock_timeout = '5s'")  # never a wait on the import's own locks
            blocker.execute("LOCK TABLE cadres IN SHARE MODE")
        elif watcher.execute(_WAITING, (ADMIN,)).fetchone()[0]:
            raise Cancelled()

    try:
        with pytest.raises(Cancelled):
            importing.import_sheet(db, CADRES, xlsx_reader.read_first_sheet(cadres_file), progress=progress)
        blocker.execute("ROLLBACK")
        assert watcher.execute("SELECT count(*) FROM cadres").fetchone()[0] == 0
        assert watcher.execute("SELECT count(*) FROM audit_log WHERE action = 'nhập'").fetchone()[0] == 0
    finally:
        db.close()
        blocker.close()
        watcher.close()
