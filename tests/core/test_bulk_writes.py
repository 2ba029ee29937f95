"""An import writes its rows in bulk — plain tuples, the search index filled in one statement, the
write counts added once, plain indexes made again after many rows — and stores exactly what one
row at a time through SQLAlchemy would, the file's schema left as it was."""

import datetime as dt

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, event, select, text

from bvct_desktop.core import browse, changes, engine, search, vault
from bvct_desktop.core.changes import TableChanges
from bvct_desktop.core.errors import BvctError
from bvct_desktop.core.schema import cadres, persons, recipients
from tests.conftest import ADMIN, CADRE_HEADERS, PASSWORD, workbook

pytestmark = pytest.mark.file_only("SQLite's search-index trigger and its bulk writes")

MANY = max(search.AT_ONCE, changes.AT_ONCE) + 20


def _cadre(index: int) -> list:
    return [f"Phạm Văn Thứ {index:04d}", f"{index % 28 + 1:02d}/03/1965", "Nam", f"068065{index:06d}",
            "Hàm Tiến, Phan Thiết", "Chuyên viên", "Sở Nội vụ"]


def _trigger(db) -> str:
    with db.read() as connection:
        return connection.execute(text("SELECT sql FROM sqlite_master WHERE name = :name"),
                                  {"name": search.INDEXING_TRIGGER}).scalar_one()


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def test_many_new_persons_are_indexed_at_once_and_the_trigger_is_put_back(cli, db, tmp_path):
    before = _trigger(db)
    rows = [_cadre(index) for index in range(MANY)]
    code, _, err = cli("import", "cadres", workbook(tmp_path / "nhieu.xlsx", CADRE_HEADERS, rows))
    assert code == 0, err
    assert _trigger(db) == before
    assert len(browse.record_ids(db, "cadres", "pham thu")) == MANY
    assert len(browse.record_ids(db, "cadres", "mui ne 068065000517")) == 1  # the home town's new name too
    with db.read() as connection:
        connection.execute(text("INSERT INTO persons_fts(persons_fts) VALUES ('integrity-check')"))
    code, _, err = cli("import", "cadres", workbook(tmp_path / "mot.xlsx", CADRE_HEADERS,
                                                    [["Đoàn Thị Một", "1971", "Nữ", None, "La Gi", None, None]]))
    assert code == 0, err
    assert len(browse.record_ids(db, "cadres", "doan mot")) == 1  # the trigger indexes a few as before


def test_a_failed_bulk_write_leaves_the_trigger_in_place(db):
    before = _trigger(db)
    with pytest.raises(RuntimeError), db.write() as connection:
        with search.indexed_at_once(connection, 1, MANY):
            raise RuntimeError("the disk filled up")
    assert _trigger(db) == before


def _schema(db) -> list:
    with db.read() as connection:
        return _schema_of(connection)


def _schema_of(connection) -> list:
    return connection.execute(text("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")).all()


def _person(index: int) -> dict:
    return {"full_name": f"Lê Văn {index}", "name_key": f"lê văn {index}", "search_key": f"le van {index}",
            "cccd": f"{index:012d}", "sort_key": f"{index:06d}"}


def test_a_large_import_counts_each_row_and_leaves_the_schema_and_the_file_whole(cli, db, tmp_path):
    schema, counts = _schema(db), db.change_counts()
    rows = [_cadre(index) for index in range(MANY)]
    code, _, err = cli("import", "cadres", workbook(tmp_path / "nhieu.xlsx", CADRE_HEADERS, rows))
    assert code == 0, err
    assert _schema(db) == schema
    after = db.change_counts()
    assert (after["persons"] - counts["persons"], after["cadres"] - counts["cadres"]) == (MANY, MANY)
    with db.read() as connection:
        assert engine.integrity_problems(connection) == []  # every index holds every row
        by_index = connection.execute(text("SELECT count(*) FROM persons INDEXED BY ix_persons_sort_key "
                                           "WHERE sort_key > ''")).scalar_one()
    assert by_index == MANY
    code, _, err = cli("import", "cadres", workbook(tmp_path / "mot.xlsx", CADRE_HEADERS,
                                                    [["Đoàn Thị Một", "1971", "Nữ", None, "La Gi", None, None]]))
    assert code == 0, err
    assert db.change_counts()["cadres"] == after["cadres"] + 1  # the trigger counts a few as before


def test_a_duplicate_among_many_new_rows_is_refused_as_before_and_leaves_nothing(db):
    """Unique indexes stay in place while many rows are written: a duplicate fails at its row."""
    schema, now = _schema(db), dt.datetime(2026, 11, 30, 9, 5, 7)
    with pytest.raises(BvctError, match="IntegrityError"), db.write() as connection:
        changes = TableChanges(connection, persons, now)
        for index in range(MANY):
            changes.insert(_person(index))
        changes.insert({**_person(MANY), "cccd": _person(7)["cccd"]})
        changes.apply(connection)
    assert _schema(db) == schema
    with db.read() as connection:
        assert connection.execute(text("SELECT count(*) FROM persons")).scalar_one() == 0


def test_a_failed_write_of_many_rows_puts_the_indexes_and_triggers_back(db):
    schema = _schema(db)
    with pytest.raises(RuntimeError), db.write() as connection:
        with changes.written_at_once(connection, persons, MANY, 0):
            assert _schema_of(connection) != schema
            raise RuntimeError("the disk filled up")
    assert _schema(db) == schema


def test_an_empty_value_is_bound_as_null(db):
    with db.read() as connection:
        assert connection.exec_driver_sql("SELECT typeof(?), ? IS NULL", (None, None)).one() == ("null", 1)


def _raw(connection, table, record_id: int) -> list:
    columns = ", ".join(f"typeof({c.name}), {c.name}" for c in table.c)
    return list(connection.execute(text(f"SELECT {columns} FROM {table.name} WHERE id = :id"), {"id": record_id}).one())


@pytest.mark.parametrize("table", [persons, cadres, recipients])
def test_rows_written_as_tuples_are_stored_as_sqlalchemy_stores_them(db, table):
    now = dt.datetime(2026, 11, 30, 9, 5, 7)  # SQLAlchemy writes .000000, the driver alone would not
    values = {persons: {"full_name": "Lê Văn A", "name_key": "lê văn a", "birth_date": "1965-03", "home_town_key": "",
                        "search_key": "le van a", "sort_key": "a", "cccd": "060065001234"},
              cadres: {"person_id": 1, "party_joined_on": dt.date(2001, 2, 3), "note": "=SUM(A1)"},
              recipients: {"name": "Cục A93B", "name_key": "cục a93b", "active": True, "created_at": now}}[table]
    unique = {persons: {"cccd": "060065009999"}, cadres: {"person_id": 2}, recipients: {"name_key": "b"}}[table]
    with db.write() as connection:
        for pid in (1, 2):
            connection.execute(persons.insert().values(id=pid, full_name="X", name_key="x", search_key="x",
                                                       home_town_key="", created_at=now, updated_at=now))
        changes = TableChanges(connection, table, now)
        bulk = changes.insert(values)
        by_row = bulk + 1
        changes.apply(connection)
        connection.execute(table.insert(), [{**changes.every_new_row, **changes.new[bulk], "id": by_row, **unique}])
        stored_bulk, stored_by_row = _raw(connection, table, bulk), _raw(connection, table, by_row)
        connection.rollback()
    differing = {table.c[i // 2].name for i, (a, b) in enumerate(zip(stored_bulk, stored_by_row, strict=True))
                 if a != b}
    assert differing <= {"id", *unique}


def test_a_column_no_row_fills_is_left_to_the_database_and_stored_empty():
    """Nothing is bound for it row after row; a column with a default is still written empty, as
    every column not given was before."""
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("given", Integer),
                  Column("python_default", Integer, default=7), Column("server_default", Integer, server_default="8"),
                  Column("left_out", Integer))
    memory = create_engine("sqlite://")
    table.metadata.create_all(memory)
    statements = []
    with memory.begin() as connection:
        event.listen(connection, "before_cursor_execute", lambda _c, _cur, statement, *_: statements.append(statement))
        changes.insert_rows(connection, table, [{"id": n, "given": n} for n in (1, 2)])
        stored = connection.execute(select(table).order_by(table.c.id)).all()
    assert [statement for statement in statements if statement.startswith("INSERT")] == [
        "INSERT INTO t (id, given, python_default, server_default) VALUES (?, ?, ?, ?)"]
    assert stored == [(1, 1, None, None, None), (2, 2, None, None, None)]

def test_a_planned_row_holds_only_its_values_and_reads_its_other_columns_as_empty(db):
    """A 100,000-slip import holds its new rows until it writes them: each keeps only what is set."""
    now = dt.datetime(2026, 11, 30, 9, 5, 7)
    with db.write() as connection:
        changes = TableChanges(connection, persons, now)
        row = changes.new[changes.insert({"full_name": "Lê Văn A", "name_key": "lê văn a", "cccd": None})]
        connection.rollback()
    assert dict(row) == {"full_name": "Lê Văn A", "name_key": "lê văn a", "id": row["id"]}
    assert row["cccd"] is None and row.get("home_town") is None
    with pytest.raises(KeyError):
        row["not_a_column"]


def test_a_planned_row_keeps_every_value_set_however_falsy_and_is_not_the_callers_mapping(db):
    now = dt.datetime(2026, 11, 30, 9, 5, 7)
    given = {"full_name": "", "birth_date": None, "gender": False, "residence": 0, "other_names": "Ba",
             "home_town": None}
    with db.write() as connection:
        changes = TableChanges(connection, persons, now)
        row = changes.new[changes.insert(given)]
        connection.rollback()
    given["other_names"] = "Tư"
    assert dict(row) == {"full_name": "", "gender": False, "residence": 0, "other_names": "Ba", "id": row["id"]}
