"""An open window learns what another window, `bvct` process or officer wrote, and in which tables,
by a look that costs one small read — on a file and on the office server."""

import datetime as dt
import os

import pytest
from sqlalchemy import select, text

from bvct_desktop.core import browse, editing
from bvct_desktop.core.schema import cadres, metadata
from bvct_desktop.core.watch import Watch
from tests import real_process
from tests.conftest import workbook
from tests.sample_db import MORNING, officer_database, sample_database
from tests.samples import SAMPLES

# an attachment's content is written with its row of the list, which is counted, and no window shows it
NOT_COUNTED = {"audit_log", "change_counts", "meta", "alembic_version", "key_slots", "preferences",
               "attachment_contents"}


@pytest.fixture
def cli(both_engines_cli):
    return both_engines_cli


@pytest.fixture
def office(cli, tmp_path):
    """The sample cadres, opened by the administrator and by a second officer."""
    admin = sample_database(cli, tmp_path, ("cadres",), clock=lambda: MORNING)
    other = officer_database(cli, admin, clock=lambda: MORNING)
    yield admin, other
    other.close()
    admin.close()


def _edit_a_cadre(db) -> None:
    with db.read() as connection:
        cadre = connection.execute(select(cadres.c.id).order_by(cadres.c.id)).scalars().first()
    stored = editing.load(db, "cadres", cadre)
    editing.save(db, "cadres", {**stored, "position": "Phó Giám đốc"}, cadre, stored["person_id"],
                 stored[editing.VERSION])


def test_nothing_written_nothing_changed(office):
    admin, _ = office
    watch = Watch(admin)
    assert watch.changed() == frozenset()
    assert watch.changed() == frozenset()


def test_another_officers_save_names_the_table_and_the_registers_reading_it(office):
    admin, other = office
    watch = Watch(admin)
    _edit_a_cadre(other)
    changed = watch.changed()
    assert changed == {"cadres"}
    assert "cadres" in browse.kinds_reading(changed)
    assert "slips" not in browse.kinds_reading(changed)
    assert watch.changed() == frozenset()  # seen once


def test_a_delegations_day_of_return_corrected_refreshes_the_passports_due_back_with_it(office, cli, tmp_path):
    """A passport handed out for a delegation is due back after the delegation's day of return as it stands:
    the passport register's «Tình trạng» and «Quá hạn nộp lại» move when another officer corrects it."""
    admin, other = office
    assert cli("import", "delegations", workbook(tmp_path / "delegations.xlsx", *SAMPLES["delegations"]))[0] == 0
    watch = Watch(admin)
    [delegation] = browse.record_ids(other, "delegations")[:1]
    stored = editing.load(other, "delegations", delegation)
    editing.save(other, "delegations", {**stored, "return_on": stored["return_on"] + dt.timedelta(days=2)},
                 delegation, None, stored[editing.VERSION])
    assert "passports" in browse.kinds_reading(watch.changed())


def test_an_import_by_another_bvct_process_is_seen(office, cli, tmp_path):
    admin, _ = office
    watch = Watch(admin)
    env = real_process.environment(tmp_path, os.environ["BVCT_DB"])
    done = real_process.bvct(env, "import", "slips", workbook(tmp_path / "slips.xlsx", *SAMPLES["slips"]))
    assert done.returncode == 0, done.stderr
    changed = watch.changed()
    assert {"slips", "persons", "recipients"} <= changed
    assert {"slips", "cadres", "vetting-cases"} <= set(browse.kinds_reading(changed))


def test_a_write_made_without_the_program_is_counted_too(office, cli):
    """On the server an officer may write with psql; on a file only the program can, but the count
    is the database's own either way (triggers), not the program's bookkeeping."""
    admin, other = office
    watch = Watch(admin)
    with other.write() as connection:
        connection.execute(text("UPDATE units SET name = name"))
        other.audit(connection, "sửa tay")  # the server commits no change without its login's entry
    assert "units" in watch.changed()


def test_every_table_a_window_shows_is_counted(office):
    admin, _ = office
    counted = set(admin.change_counts())
    assert counted == {table for table in metadata.tables if table not in NOT_COUNTED}
    assert set().union(*(spec.reads for spec in browse.VIEWS.values())) <= counted
