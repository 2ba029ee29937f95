"""One of the persons' identity keys (the person rule's) made again by today's rule, for the migrations
that teach the rule a spelling it now ignores. Nobody is merged: two persons the new keys make alike stay
two rows, and a file naming them is asked for a CCCD."""

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

BATCH = 5_000


def rebuild(connection: Connection, key: str, source: str, rule: Callable[[str], str]) -> None:
    """Each person's `key` column that `rule` makes otherwise from their `source` column (empty as ""),
    written again."""
    persons = sa.table("persons", sa.column("id"), sa.column(source), sa.column(key))
    changed = [{"person": pid, "key": made} for pid, value, stored in connection.execute(sa.select(persons))
               if (made := rule(value or "")) != stored]
    update = persons.update().where(persons.c.id == sa.bindparam("person")).values({key: sa.bindparam("key")})
    for start in range(0, len(changed), BATCH):
        connection.execute(update, changed[start:start + BATCH])
