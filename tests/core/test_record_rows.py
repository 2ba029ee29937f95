"""A kind's records read the same from the plan that writes them as from the database once written."""

from types import SimpleNamespace

from sqlalchemy import select

from bvct_desktop.core import record_rows, vault
from bvct_desktop.core.kinds import RELATIVES
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES


def test_a_yes_no_choice_kept_as_a_boolean_reads_as_its_choice_planned_or_stored(cli, tmp_path):
    """`Ở nước ngoài` is stored true, false or empty: it reads Có, Không or nothing either way."""
    for kind in ("cadres", "relatives"):
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", *SAMPLES[kind]))[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    with db.read() as connection:
        rows = {row["id"]: dict(row) for row in connection.execute(
            select(RELATIVES.table).order_by(RELATIVES.table.c.id)).mappings()}
        ids = list(rows)
        planned = {RELATIVES.table.name: SimpleNamespace(new=dict(rows))}  # the rows as a plan holds them, new
        from_plan = record_rows.PlannedValues(connection, RELATIVES, planned, ids, ["abroad"]).of(ids)
        stored = record_rows.snapshots(connection, RELATIVES, ids)
    db.close()
    assert [rows[record_id]["abroad"] for record_id in ids] == [False, None, True, None]
    assert [from_plan[record_id]["abroad"] for record_id in ids] == ["Không", None, "Có", None]
    assert [stored[record_id]["abroad"] for record_id in ids] == ["Không", None, "Có", None]
