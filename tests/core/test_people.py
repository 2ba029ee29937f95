"""The persons an import's rows name are found by the person rule through the indexes: a file asks
for all of them, and reads the stored persons and cadres it finds, in a few statements."""

import pytest
from sqlalchemy import event

from bvct_desktop.core import importing, vault
from bvct_desktop.core.kinds import CADRES
from bvct_desktop.core.plans.base import UPDATED
from bvct_desktop.io.xlsx_reader import Sheet
from tests.conftest import ADMIN, CADRE_HEADERS, PASSWORD, workbook

pytestmark = pytest.mark.file_only("counts the statements SQLite runs")

ROWS = 60


def _cadre(index: int, position: str) -> list:
    return [f"Phạm Văn Thứ {index:03d}", f"{index % 28 + 1:02d}/03/1965", "Nam", f"068065{index:06d}",
            "Hàm Tiến, Phan Thiết", position, "Sở Nội vụ"]


def test_an_import_reads_the_stored_persons_and_cadres_its_rows_find_in_a_few_statements(cli, tmp_path):
    code, _, err = cli("import", "cadres", workbook(tmp_path / "truoc.xlsx", CADRE_HEADERS,
                                                    [_cadre(index, "Chuyên viên") for index in range(ROWS)]))
    assert code == 0, err
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    statements = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_rest: statements.append(" ".join(statement.split())))
    rows = [CADRE_HEADERS, *(_cadre(index, "Trưởng phòng") for index in range(ROWS))]
    result = importing.import_sheet(db, CADRES, Sheet(tmp_path / "sau.xlsx", rows), dry_run=True)
    db.close()
    assert result.ok, result.problems
    assert result.counts[UPDATED] == ROWS
    reads = [s for s in statements if s.startswith("SELECT") and (" FROM persons" in s or " FROM cadres" in s)]
    assert len(reads) <= 8, reads  # before: two per row (124)
