"""A kind's records read the same from the plan that writes them as from the database once written."""

from types import SimpleNamespace

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import record_rows, vault
from bvct_desktop.core.kinds import CADRES, KINDS, RELATIVES
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


def test_records_scattered_among_others_are_read_a_list_at_a_time_not_a_run_at_a_time(cli, tmp_path):
    """The slips of one unit lie among the others' (a merge reads them before and after): 600 records in
    runs of two are read in two statements, not three hundred (a unit of 31,251 slips: 9.7 s → 4.0 s)."""
    rows = [[f"Nguyễn Văn Số {number}", f"01/01/{1950 + number % 50}"] for number in range(900)]
    assert cli("import", "cadres", workbook(tmp_path / "c.xlsx", ["Họ và tên", "Ngày sinh"], rows))[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    try:
        with db.read() as connection:
            ids = [record_id for record_id in connection.execute(select(CADRES.table.c.id)).scalars()
                   if record_id % 3]
            statements.clear()
            read = record_rows.snapshots(connection, CADRES, ids)
            reading_them = len(statements)
            one_by_one = {record_id: record_rows.snapshots(connection, CADRES, [record_id])[record_id]
                          for record_id in ids[::97]}
    finally:
        db.close()
    assert len(ids) == 600 and sorted(read) == ids
    assert reading_them == 2
    assert {record_id: read[record_id] for record_id in one_by_one} == one_by_one


@pytest.mark.parametrize("kind", [kind for kind in KINDS.values() if kind.kept], ids=lambda kind: kind.name)
def test_what_the_program_keeps_is_read_for_the_form_and_registers_but_not_for_the_export(kind):
    """«Cán bộ phụ trách» is neither imported nor exported: the export's query does not read it."""
    kept = {spec.key for spec in kind.kept}
    assert kept.isdisjoint(column.name for column in record_rows.query(kind).selected_columns)
    assert kept <= {column.name for column in record_rows.query(kind, exported=False).selected_columns}
