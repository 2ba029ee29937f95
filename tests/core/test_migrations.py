"""Opening a database compares its schema revision with the newest one without loading Alembic:
both are read as Alembic reads them, and Alembic is loaded only to upgrade."""

import subprocess
import sys
import textwrap

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from bvct_desktop.core import engine, keyfile, migrations, vault
from tests.conftest import ADMIN, PASSWORD


def test_the_newest_revision_is_the_one_alembic_finds():
    scripts = ScriptDirectory.from_config(migrations._config())
    assert migrations.head_revision() == scripts.get_current_head()


def test_each_script_is_named_by_its_revision_and_follows_the_one_before():
    scripts = sorted(migrations.VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))
    directory = ScriptDirectory.from_config(migrations._config())
    previous = None
    for path in scripts:
        script = directory.get_revision(path.name.partition("_")[0])
        assert script.path == str(path)
        assert script.down_revision == previous
        previous = script.revision
    assert {script.revision for script in directory.walk_revisions()} == {p.name.partition("_")[0] for p in scripts}


def test_a_database_revision_is_read_as_alembic_reads_it(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    opened = engine.make_engine(path, keyfile.read(keyfile.key_path(path)).open_slot(ADMIN, PASSWORD))
    try:
        with opened.connect() as connection:
            assert migrations.current_revision(connection) == MigrationContext.configure(
                connection).get_current_revision() == migrations.head_revision()
    finally:
        opened.dispose()


def test_a_database_with_no_revision_recorded_has_none():
    with create_engine("sqlite://").connect() as connection:
        assert migrations.current_revision(connection) is None


def test_opening_a_database_does_not_load_alembic(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    code = textwrap.dedent(f"""
        import sys
        from bvct_desktop.core import vault
        vault.unlock({str(path)!r}, {ADMIN!r}, {PASSWORD!r}).close()
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("alembic", "mako")))
    """)
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert found.stdout.strip() == "[]"

