"""The persons an import's rows name are found by the person rule through the indexes: a file asks
for all of them, and reads the stored persons and cadres it finds in a few statements, a chunk at a
time as its rows come to them. The persons new in a file get their search and sort keys from their
values as planned, all at once."""

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import browse, importing, people, vault
from bvct_desktop.core.collation import name_sort_key
from bvct_desktop.core.kinds import CADRES, SLIPS
from bvct_desktop.core.people import search_key
from bvct_desktop.core.plans.base import UPDATED
from bvct_desktop.core.schema import persons
from bvct_desktop.io.xlsx_reader import Sheet
from tests.conftest import ADMIN, CADRE_HEADERS, PASSWORD, workbook

ROWS = 60


def _cadre(index: int, position: str) -> list:
    return [f"Phạm Văn Thứ {index:03d}", f"{index % 28 + 1:02d}/03/1965", "Nam", f"068065{index:06d}",
            "Hàm Tiến, Phan Thiết", position, "Sở Nội vụ"]


@pytest.mark.file_only("counts the statements SQLite runs")
def test_an_import_reads_the_stored_persons_and_cadres_its_rows_find_in_a_few_statements(cli, tmp_path):
    code, _, err = cli("import", "cadres", workbook(tmp_path / "truoc.xlsx", CADRE_HEADERS,
                                                    [_cadre(index, "Chuyên viên") for index in range(ROWS)]))
    assert code == 0, err
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    statements = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_rest: statements.append(" ".join(statement.split())))
    rows = [CADRE_HEADERS, *(_cadre(index, "Trưởng phòng") for index in range(ROWS))]
    result = importing.import_sheet(db, CADRES, Sheet.of_rows(tmp_path / "sau.xlsx", rows), dry_run=True)
    db.close()
    assert result.ok, result.problems
    assert result.counts[UPDATED] == ROWS
    reads = [s for s in statements if s.startswith("SELECT") and (" FROM persons" in s or " FROM cadres" in s)]
    assert len(reads) <= 8, reads  # before: two per row (124)


def test_persons_new_in_a_file_are_keyed_for_search_and_order_by_their_values_after_its_last_row(cli, tmp_path):
    headers = [SLIPS.field(key).header for key in ("number", "issued_on", "full_name", "other_names", "birth_date",
                                                   "home_town", "relation", "recipient")]
    rows = [["1/PXM", "04/03/2025", "Trần Văn Bình", None, "1961", "Phan Thiết", "Bản thân", "Cục A93B"],
            ["2/PXM", "05/03/2025", "Lê Thị Quý", None, "1970", "Hàm Tiến", "Mẹ", "Cục A93B"],
            ["3/PXM", "06/03/2025", "Trần Văn Bình", "Tư Ếch", "1961", "Phan Thiết", "Bản thân", "Cục A93B"]]
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    result = importing.import_sheet(db, SLIPS, Sheet.of_rows(tmp_path / "phieu.xlsx", [headers, *rows]))
    assert result.ok, result.problems
    with db.read() as connection:
        stored = [dict(row) for row in connection.execute(select(persons).order_by(persons.c.id)).mappings()]
    assert [row["full_name"] for row in stored] == ["Trần Văn Bình", "Lê Thị Quý"]
    assert [row["search_key"] for row in stored] == [search_key(row) for row in stored]
    assert "tu ech" in stored[0]["search_key"] and "qui" in stored[1]["search_key"]  # Quý as the index holds it
    assert [row["sort_key"] for row in stored] == [name_sort_key(row["full_name"]) for row in stored]
    assert len(browse.record_ids(db, "slips", "tu ech")) == 2
    db.close()


@pytest.mark.file_only("counts the rows SQLite reads")
def test_a_file_stopping_at_its_last_problem_reads_no_more_stored_persons_than_a_chunk_past_it(cli, tmp_path):
    stored = people.CHUNK + 150
    code, _, err = cli("import", "cadres", workbook(tmp_path / "truoc.xlsx", CADRE_HEADERS,
                                                    [_cadre(index, "Chuyên viên") for index in range(stored)]))
    assert code == 0, err
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    read = []
    event.listen(db.engine, "before_cursor_execute", lambda _conn, _cursor, statement, parameters, *_rest:
                 read.extend(parameters) if statement.startswith("SELECT persons.id, persons.full_name") else None)
    twice = [_cadre(0, "Trưởng phòng")] * (importing.MAX_PROBLEMS + 1)  # the same cadre: a problem on each after
    rows = [CADRE_HEADERS, *twice, *(_cadre(index, "Trưởng phòng") for index in range(1, stored))]
    result = importing.import_sheet(db, CADRES, Sheet.of_rows(tmp_path / "sau.xlsx", rows))
    db.close()
    assert len(result.problems) == importing.MAX_PROBLEMS
    assert 0 < len(read) <= people.CHUNK  # not the stored persons of every row
