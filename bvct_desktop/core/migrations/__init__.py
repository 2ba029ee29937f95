"""Schema migrations (Alembic); `upgrade` brings a keyed connection to the newest revision.

Opening a database only compares its revision with the newest one, and both are read without
Alembic: importing it and loading every script to find the newest cost about 0.2 s at each
open (every command, every login). Alembic is loaded to upgrade and to list the revisions.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Column, MetaData, String, Table, inspect, select
from sqlalchemy.engine import Connection

from ..schema import PERSONS_FTS

if TYPE_CHECKING:
    from alembic.config import Config

VERSIONS = Path(__file__).parent / "versions"
# Alembic's own record of a database's revision (its default name and column)
_VERSION = Table("alembic_version", MetaData(), Column("version_num", String(32), primary_key=True))


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """The FTS5 index and its shadow tables are the migrations' own, not SQLAlchemy's."""
    return not (type_ == "table" and name.startswith(PERSONS_FTS))


def _config(connection: Connection | None = None) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(VERSIONS.parent))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision. The scripts follow one another, each named by its revision
    (`0018_member_row_versions.py` is revision 0018, after 0017), so the newest is the highest."""
    return max(path.name.partition("_")[0] for path in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


def current_revision(connection: Connection) -> str | None:
    """The database's revision; None when it has none recorded."""
    if not inspect(connection).has_table(_VERSION.name):
        return None
    return connection.execute(select(_VERSION.c.version_num)).scalar()


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(connection), revision)


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
