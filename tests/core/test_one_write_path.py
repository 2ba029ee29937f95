"""A record saved from a form and the same record imported are one write: the same rows (the
vetting case of a slip included) and the same audit entries; persons are looked up, not loaded."""

import json
import shutil

import pytest
from sqlalchemy import event, select

from bvct_desktop.core import audit, editing, importing, keyfile, vault
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.plans.cases import OPEN
from bvct_desktop.core.schema import audit_log, cadres, persons, recipients, slips, vetting_cases
from bvct_desktop.io.xlsx_reader import Sheet
from tests.conftest import ADMIN, PASSWORD
from tests.sample_db import fixed_clock, sample_database

# A slip about a cadre already in the register (Lê Hoàng Đức), for his appointment.
pytestmark = pytest.mark.file_only("counts the statements SQLite runs")

SLIP = {"number": "5/PXM", "issued_on": "10/02/2026", "full_name": "Lê Hoàng Đức", "birth_date": "07/1980",
        "home_town": "La Gi", "other_names": "Đức Lê", "relation": "Bản thân", "purpose": "Bổ nhiệm",
        "recipient": "Phòng PV27 – Công an tỉnh Lâm Đồng", "note": "Gửi kèm lý lịch"}
ANSWERED = {"result_on": "03/03/2026", "result": "Không có tàng thư"}
COMPARED = (persons, cadres, slips, vetting_cases, recipients)


@pytest.fixture
def twins(cli, tmp_path):
    """Two copies of the same database: one written through the form, one through the importer."""
    sample_database(cli, tmp_path).close()
    twin = tmp_path / "twin" / "bvct.db"
    twin.parent.mkdir()
    shutil.copyfile(cli.db, twin)
    shutil.copyfile(keyfile.key_path(cli.db), keyfile.key_path(twin))
    databases = [vault.unlock(path, ADMIN, PASSWORD, clock=fixed_clock) for path in (cli.db, twin)]
    yield databases
    for db in databases:
        db.close()


def _import(db, tmp_path, values: dict) -> importing.ImportResult:
    headers = [SLIPS.field(key).header for key in values]
    result = importing.import_sheet(db, SLIPS, Sheet.of_rows(tmp_path / "phieu.xlsx", [headers, list(values.values())]))
    assert result.ok, result.problems
    return result


def _edit(db, slip_id: int, changes: dict) -> None:
    """What the form does: shows the stored values, the officer changes some, saves."""
    stored = editing.load(db, "slips", slip_id)
    shown = {spec.key: spec.display(stored[spec.key]) for spec in SLIPS.fields}
    editing.save(db, "slips", {**shown, **changes}, record_id=slip_id, person_id=stored["person_id"])


def _rows(db) -> dict[str, list[dict]]:
    with db.read() as connection:
        return {table.name: [{key: value for key, value in row.items() if key not in ("created_at", "updated_at")}
                             for row in connection.execute(select(table).order_by(table.c.id)).mappings()]
                for table in COMPARED}


def _record_entries(db) -> list[tuple]:
    with db.read() as connection:
        rows = connection.execute(select(audit_log).where(audit_log.c.record_id.is_not(None))
                                  .order_by(audit_log.c.id)).mappings()
        return [(row["user_name"], row["action"], row["kind"], row["record_id"], row["outcome"],
                 json.loads(row["details"]) if row["details"] else None) for row in rows]


def test_a_slip_saved_from_the_form_serves_its_vetting_case(twins):
    db, _ = twins
    slip_id = editing.save(db, "slips", SLIP)
    with db.read() as connection:
        slip = connection.execute(select(slips).where(slips.c.id == slip_id)).mappings().one()
        case = connection.execute(select(vetting_cases).where(vetting_cases.c.id == slip["vetting_case_id"])
                                  ).mappings().one()
    assert (case["person_id"], case["purpose"], case["opened_on"].isoformat(), case["status"]) == (
        slip["person_id"], "Bổ nhiệm", "2026-02-10", OPEN)


def test_a_slip_from_the_form_and_the_same_slip_imported_are_the_same_rows_and_audit(twins, tmp_path):
    formed, imported = twins
    slip_id = editing.save(formed, "slips", SLIP)
    _import(imported, tmp_path, SLIP)
    assert _rows(formed) == _rows(imported)
    assert _record_entries(formed) == _record_entries(imported)
    created = _record_entries(formed)[-1]
    assert created[1:4] == ("thêm", "slips", slip_id)
    assert created[5] == {"moi": {"person_id": editing.load(formed, "slips", slip_id)["person_id"],
                                  "number": "5/PXM", "issued_on": "2026-02-10", "full_name": "Lê Hoàng Đức",
                                  "recipient": SLIP["recipient"]}}

    _edit(formed, slip_id, ANSWERED)
    _import(imported, tmp_path, {**SLIP, **ANSWERED})
    assert _rows(formed) == _rows(imported)
    assert _record_entries(formed) == _record_entries(imported)
    assert _record_entries(formed)[-1][1:] == ("sửa", "slips", slip_id, "ok", {
        audit.RECORD: {"number": "5/PXM", "issued_on": "2026-02-10", "full_name": "Lê Hoàng Đức",
                       "recipient": "Phòng PV27 – Công an tỉnh Lâm Đồng"},
        "result_on": {"cu": None, "moi": "2026-03-03"}, "result": {"cu": None, "moi": "Không có tàng thư"}})


def test_a_form_clears_an_emptied_field_an_import_never_does(twins, tmp_path):
    formed, imported = twins
    slip_id = editing.save(formed, "slips", SLIP)
    _import(imported, tmp_path, SLIP)
    _edit(formed, slip_id, {"note": ""})
    _import(imported, tmp_path, {**SLIP, "note": None})
    assert editing.load(formed, "slips", slip_id)["note"] is None
    assert editing.load(imported, "slips", slip_id)["note"] == "Gửi kèm lý lịch"


def test_a_form_and_an_import_look_persons_up_by_index_and_never_read_them_all(twins, tmp_path):
    formed, imported = twins
    statements = []
    for db in twins:
        event.listen(db.engine, "before_cursor_execute",
                     lambda _conn, _cursor, statement, *_rest: statements.append(" ".join(statement.split())))
    editing.save(formed, "slips", SLIP)
    _import(imported, tmp_path, {**SLIP, "number": "6/PXM"})
    reads = [s for s in statements if s.startswith("SELECT persons.") and "FROM persons" in s]
    assert reads and all(" WHERE " in statement for statement in reads)
