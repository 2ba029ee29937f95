"""«Cán bộ phụ trách»: the officer in charge of a slip or a vetting case, by user name (migration 0051) — whoever
recorded it, on a form, by an import or by opening a case, until a leader hands it over (core/handover.py). Kept by
the program, never typed: shown on the form and in the registers, neither imported nor exported (kinds.IN_CHARGE)."""

from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from .kinds import IN_CHARGE as FIELD
from .row_versions import ACTOR_INFO


def of_new_row(connection: Connection, table: Table) -> dict[str, Any]:
    """The officer in charge of a new row of `table`: the user of the write transaction (none for a table
    without one)."""
    return {FIELD.key: connection.info.get(ACTOR_INFO)} if FIELD.key in table.c else {}
