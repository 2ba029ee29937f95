"""The brief's «nhật ký không sửa được của mọi lần xem, sửa và xuất»: opening one record, the audit
trail and the outgoing register are written to the trail (who viewed whose file, when), by every role
that may view, the viewer's too; listing a register or searching is not."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, audit_find, browse, editing, issued_terms, outgoing, report, users, vault
from bvct_desktop.core.permissions import VIEWER
from bvct_desktop.core.schema import audit_log, slips
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

VIEWER_NAME, VIEWER_PASSWORD = "nguoixem", "Nguoi-xem-chi-2026"


@pytest.fixture
def office(both_engines_cli, tmp_path):
    """The sample slips, on a file and on the office server, and a user who may only view."""
    cli = both_engines_cli
    assert cli("import", "slips", workbook(tmp_path / "p.xlsx", *SAMPLES["slips"]))[0] == 0
    admin = vault.unlock(cli.db, ADMIN, PASSWORD)
    users.add(admin, VIEWER_NAME, VIEWER, VIEWER_PASSWORD)
    viewer = vault.unlock(cli.db, VIEWER_NAME, VIEWER_PASSWORD)
    yield cli, admin, viewer
    viewer.close()
    admin.close()


def _last(db) -> dict:
    with db.read() as connection:
        return dict(connection.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(1)).mappings().one())


def _slip_id(db, number: str) -> int:
    with db.read() as connection:
        return connection.execute(select(slips.c.id).where(slips.c.number == number)).scalar_one()


def test_the_viewer_opening_a_record_is_audited_naming_it(office):
    _, admin, viewer = office
    slip_id = _slip_id(admin, "12/PXM")
    shown = editing.view(viewer, "slips", slip_id)
    assert shown["number"] == "12/PXM"
    entry = _last(admin)
    assert (entry["user_name"], entry["action"], entry["kind"], entry["record_id"]) == (
        VIEWER_NAME, audit.VIEWED, "slips", slip_id)
    assert json.loads(entry["details"])[audit.RECORD]["number"] == "12/PXM"
    assert admin.verify_audit_chain().ok


def test_reading_a_record_again_and_listing_a_register_are_not_views(office):
    _, admin, viewer = office
    before = _last(admin)["id"]
    editing.load(viewer, "slips", _slip_id(admin, "12/PXM"))  # a form re-read after its save
    browse.listing(viewer, "slips")
    assert _last(admin)["id"] == before


def test_viewing_the_audit_trail_is_audited(office):
    _, admin, _ = office
    entries = list(audit_find.view(admin, audit_find.Filters(dt.date(2020, 1, 1), account=ADMIN)))
    assert entries[-1].action == audit.VIEWED_TRAIL
    assert json.loads(entries[-1].details) == {"tu": "2020-01-01", "nguoi_dung": ADMIN}
    assert list(audit.list_entries(admin))[-1].id == entries[-1].id  # reading it again is no view


def test_viewing_the_outgoing_register_is_audited(office):
    _, admin, viewer = office
    assert issued_terms.view_listing(admin, 2026).entries == []
    entry = _last(admin)
    assert (entry["action"], json.loads(entry["details"])) == (outgoing.VIEWED_REGISTER, {"nam": 2026})
    before = entry["id"]
    issued_terms.listing(admin)  # the terms and years the page offers
    assert _last(admin)["id"] == before


def test_the_trail_exported_is_not_also_a_view(office, tmp_path):
    _, admin, _ = office
    audit.export(admin, tmp_path / "n.xlsx", lambda entries: len(list(entries)), audit.list_entries(admin))
    with admin.read() as connection:
        actions = connection.execute(select(audit_log.c.action)).scalars().all()
    assert audit.VIEWED_TRAIL not in actions


def test_the_figures_counted_for_the_dashboard_are_no_report(office):
    """The dashboard recounts its figures on every change it is told of: no «báo cáo số liệu» each time."""
    _, admin, viewer = office
    before = _last(admin)["id"]
    report.count(viewer, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert _last(admin)["id"] == before
    report.figures(viewer, dt.date(2025, 1, 1), dt.date(2025, 12, 31))  # the report page, `bvct report`
    assert (_last(admin)["user_name"], _last(admin)["action"]) == (VIEWER_NAME, "báo cáo số liệu")
