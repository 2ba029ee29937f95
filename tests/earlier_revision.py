"""A database as an earlier release made it: created at a given migration revision, the later ones not
run, for the tests of what an upgrade does to the rows it finds."""

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.engine import Engine

from bvct_desktop.core import engine, keyfile, migrations, vault
from tests.conftest import ADMIN, PASSWORD


def database_at(path: Path, revision: str, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A new database at `path` whose schema stops at `revision`, opened with its key (dispose it before
    `vault.unlock` upgrades it)."""
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "upgrade", lambda connection: command.upgrade(
            migrations._config(connection), revision))
        vault.create(path, ADMIN, PASSWORD)
    return engine.make_engine(path, keyfile.read(keyfile.key_path(path)).open_slot(ADMIN, PASSWORD))
