"""The persons' stored search keys made again by today's rule (core/people.search_key), for the
migrations that teach the index more names; the FTS5 index follows through its trigger, the
office server's through the key itself."""

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..people import search_key

BATCH = 5_000


def rebuild(connection: Connection) -> None:
    """Each person's search key that today's rule writes otherwise, written again."""
    persons = sa.table("persons", sa.column("id"), sa.column("full_name"), sa.column("other_names"),
                       sa.column("cccd"), sa.column("cmnd"), sa.column("home_town"), sa.column("search_key"))
    changed = [{"person": row["id"], "key": key} for row in connection.execute(sa.select(persons)).mappings()
               if (key := search_key(row)) != row["search_key"]]
    update = persons.update().where(persons.c.id == sa.bindparam("person")).values(search_key=sa.bindparam("key"))
    for start in range(0, len(changed), BATCH):
        connection.execute(update, changed[start:start + BATCH])
