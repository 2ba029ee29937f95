"""The identity keys made from a name or a place (the person rule's, a letter's subject's) made again by today's
rule, for the migrations that teach the rule a spelling it now ignores. Nobody is merged: two persons the new
keys make alike stay two rows, and a file naming them is asked for a CCCD."""

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

BATCH = 5_000
# every key of a name (text.name_key): (table, key column, name column, the key of no name) — a person's, and the
# name a letter gives of the cadre it is about (core/personfile/letters.py)
NAME_KEYS = (("persons", "name_key", "full_name", ""), ("complaints", "subject_key", "subject_name", None))


def rebuild_names(connection: Connection, rule: Callable[[str], str]) -> None:
    """Every key of a name (`NAME_KEYS`) that `rule`, the new text.name_key, makes otherwise, written again."""
    for table, key, source, empty in NAME_KEYS:
        rebuild(connection, key, source, rule, table, empty)


def rebuild(connection: Connection, key: str, source: str, rule: Callable[[str], str], table: str = "persons",
            empty: str | None = "") -> None:
    """Each row's `key` column of `table` that `rule` makes otherwise from its `source` column (`empty` when it
    has none), written again."""
    rows = sa.table(table, sa.column("id"), sa.column(source), sa.column(key))
    changed = [{"row": row_id, "key": made} for row_id, value, stored in connection.execute(sa.select(rows))
               if (made := rule(value) if value else empty) != stored]
    update = rows.update().where(rows.c.id == sa.bindparam("row")).values({key: sa.bindparam("key")})
    for start in range(0, len(changed), BATCH):
        connection.execute(update, changed[start:start + BATCH])
