"""A large write reaches the office server in a few multi-row statements (core/server/engine.py): the
driver's executemany sends one statement a row, and each runs the tables' statement triggers (the change
count, the audit's note) and is planned and logged again — 100,000 slips took 405 s that way."""

import datetime as dt

import psycopg
import pytest

from installer.smoke import SLIP_HEADERS
from tests.conftest import workbook

SLIPS = 1_200


@pytest.fixture
def slips_file(tmp_path):
    rows = [[f"{number}/PXM", dt.date(2025, 3, 4), "Nguyễn Văn Hùng", "12/03/1965", "Phú Thủy, Phan Thiết",
             "Bản thân", "Bổ nhiệm", "Cục A93B – Bộ Công an"] for number in range(1, SLIPS + 1)]
    return workbook(tmp_path / "phieu.xlsx", SLIP_HEADERS, rows)


@pytest.fixture
def executemany_rows(monkeypatch):
    """The number of rows of each executemany the driver is given."""
    sizes: list[int] = []
    original = psycopg.Cursor.executemany

    def counted(cursor, query, params_seq, *args, **kwargs):
        params_seq = list(params_seq)
        sizes.append(len(params_seq))
        return original(cursor, query, params_seq, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "executemany", counted)
    return sizes


def test_an_import_sends_its_rows_and_audit_entries_in_multi_row_statements(cli, cluster, slips_file,
                                                                            executemany_rows):
    """No executemany of many rows reaches the driver; the slips' change count moves once a statement of
    up to a thousand rows (not once a row), and every entry of the import is in the audit chain, unbroken."""
    server = cluster.superuser(cli.db.dbname)
    try:
        counted = server.execute("SELECT count FROM change_counts WHERE table_name = 'slips'").fetchone()[0]
        code, _out, err = cli("import", "slips", slips_file)
        assert code == 0, err
        assert max(executemany_rows, default=0) <= 1
        assert server.execute("SELECT count(*) FROM slips").fetchone()[0] == SLIPS
        assert server.execute("SELECT count FROM change_counts WHERE table_name = 'slips'").fetchone()[0] \
            - counted <= 2
        entries = server.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        assert server.execute("SELECT count(*) FROM audit_log WHERE kind = 'slips'").fetchone()[0] >= SLIPS
        checked, broken, problem, head = server.execute("SELECT * FROM bvct_audit_verify()").fetchone()
        assert (checked, broken, problem, head) == (entries, None, None, entries)
    finally:
        server.close()
