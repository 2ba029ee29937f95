"""Stored rows read as a file's rows come to them: a chunk of the keys expected per query, a key
with no row read as None, and each row let go once the last row expected to ask for it is done."""

import time

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import importing, stored_rows, vault
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.schema import persons, slips
from bvct_desktop.core.stored_rows import StoredRows
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

HEADERS = [SLIPS.field(key).header for key in ("number", "issued_on", "full_name", "birth_date", "recipient")]


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    rows = [[f"{index}/PXM", "02/01/2025", f"Lê Văn Sáu {index}", "1970", "Cục A93B"] for index in range(1, 7)]
    assert importing.import_sheet(database, SLIPS, rows_sheet([HEADERS, *rows])).ok
    yield database
    database.close()


@pytest.fixture
def queries(db) -> list[str]:
    seen = []
    event.listen(db.engine, "before_cursor_execute", lambda _conn, _cursor, statement, *_rest: seen.append(statement))
    return seen


def _ids(connection) -> list[int]:
    return list(connection.execute(select(persons.c.id).order_by(persons.c.id)).scalars())


def test_the_rows_expected_are_read_a_chunk_at_a_time_in_the_order_they_are_asked_for(db, queries, monkeypatch):
    monkeypatch.setattr(stored_rows, "CHUNK", 4)
    with db.read() as connection:
        ids = _ids(connection)
        rows = StoredRows(connection, persons)
        rows.expect([ids[5], ids[0], ids[1], ids[2], ids[3], ids[4]])
        queries.clear()
        assert rows[ids[0]]["full_name"] == "Lê Văn Sáu 1"
        assert set(rows) == {ids[0], ids[5], ids[1], ids[2]}  # the one asked for and the next three expected
        assert rows[ids[5]]["full_name"] == "Lê Văn Sáu 6" and len(queries) == 1
        assert rows[ids[4]]["id"] == ids[4] and len(queries) == 2


def test_a_key_with_no_stored_row_reads_none_and_is_not_asked_for_again(db, queries):
    with db.read() as connection:
        rows = StoredRows(connection, slips, ("year", "number_key"))
        rows.expect([(2025, "1/pxm"), (2025, "99/pxm")])
        queries.clear()
        assert rows[(2025, "99/pxm")] is None and rows[(2025, "1/pxm")]["number"] == "1/PXM"
        assert rows[(2025, "99/pxm")] is None and len(queries) == 1


def test_a_row_is_let_go_when_the_last_row_expected_to_ask_for_it_is_done_with_it(db, queries):
    with db.read() as connection:
        first, second = _ids(connection)[:2]
        rows = StoredRows(connection, persons)
        rows.expect([first, second, first])
        assert rows[first] and rows[second]
        rows.release(first)
        rows.release(second)
        assert first in rows and second not in rows  # a row named twice stays for the second
        rows.release(first)
        assert first not in rows
        queries.clear()
        assert rows[first]["id"] == first and len(queries) == 1  # asked for all the same: read again


def test_asking_for_a_row_costs_the_same_however_many_rows_are_expected(db):
    """Looking a slip's key up among those expected walked every key expected so far (a set minus dict
    keys): the planning of a file grew with the square of its rows."""
    with db.read() as connection:
        rows = StoredRows(connection, slips, ("year", "number_key"))
        rows.expect((2025, f"{n}/pxm") for n in range(200_000))
        started = time.perf_counter()
        for n in range(2_000):
            rows[(2025, f"{n}/pxm")]
            rows.release((2025, f"{n}/pxm"))
        assert time.perf_counter() - started < 0.5
        assert not rows  # each let go


def test_a_stored_row_holds_the_values_the_table_gives_dates_as_dates(db):
    """The chunks are read through the driver: each value is converted as SQLAlchemy converts it, or a
    stored slip's date would compare unequal with the file's and every row read as changed."""
    with db.read() as connection:
        expected = dict(connection.execute(select(slips).where(slips.c.number == "2/PXM")).mappings().one())
        rows = StoredRows(connection, slips, ("year", "number_key"))
        rows.expect([(2025, "2/pxm")])
        assert rows[(2025, "2/pxm")] == expected
        assert [type(rows[(2025, "2/pxm")][column]) for column in ("issued_on", "created_at")] == [
            type(expected["issued_on"]), type(expected["created_at"])]


def test_every_chunk_runs_the_one_statement_made_for_the_table_whatever_its_count(db, queries, monkeypatch):
    """SQLAlchemy made the IN list of each chunk again (a third of the time a register imported again
    spent reading): the statement is made once, for CHUNK keys, and a short chunk fills it up."""
    monkeypatch.setattr(stored_rows, "CHUNK", 4)
    with db.read() as connection:
        ids = _ids(connection)
        rows = StoredRows(connection, persons)
        rows.expect(ids)
        queries.clear()
        assert [rows[pid]["id"] for pid in ids] == ids
        assert len(queries) == 2 and queries[0] == queries[1]
