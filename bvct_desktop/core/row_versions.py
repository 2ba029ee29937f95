"""Row versions: every stored change to a record or a person counts up its `row_version` and names
who made it (`updated_by`), so that a form saved over a change its officer did not see is refused
(core/editing.py) instead of silently undoing it — on a shared server two officers may have the
same record open. The acting user reaches the writes through the write transaction's connection.
"""

from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

ACTOR_INFO = "bvct_actor"  # connection.info: the user of the write transaction under way


def versioned(table: Table) -> bool:
    return "row_version" in table.c


def first(connection: Connection, table: Table) -> dict[str, Any]:
    """The version columns of a new row."""
    return {"row_version": 1, "updated_by": connection.info.get(ACTOR_INFO)} if versioned(table) else {}


def next_of(connection: Connection, table: Table) -> dict[str, Any]:
    """The version columns of an update (SQL: counted up where the row is)."""
    if not versioned(table):
        return {}
    return {"row_version": table.c.row_version + 1, "updated_by": connection.info.get(ACTOR_INFO)}
