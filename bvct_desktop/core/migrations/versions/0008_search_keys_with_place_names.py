"""persons.search_key rebuilt once: the other names of every home town before and after 01/7/2025,
for the whole country (the gazetteer from resources/places), and Quí/Quý as one spelling

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.people import search_key

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    connection = op.get_bind()
    persons = sa.table("persons", sa.column("id"), sa.column("full_name"), sa.column("other_names"),
                       sa.column("cccd"), sa.column("cmnd"), sa.column("home_town"), sa.column("search_key"))
    changed = []
    for row in connection.execute(sa.select(persons)).mappings().all():
        key = search_key(row)
        if key != row["search_key"]:
            changed.append({"person": row["id"], "key": key})
    update = persons.update().where(persons.c.id == sa.bindparam("person")).values(search_key=sa.bindparam("key"))
    for start in range(0, len(changed), BATCH):  # the FTS5 index follows through its trigger
        connection.execute(update, changed[start:start + BATCH])


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
