"""persons.home_town_key rebuilt once: the spaces around a home town's commas and a full stop at its end
no longer make another person («Hàm Tiến,Phan Thiết.» is «Hàm Tiến, Phan Thiết»: core/text.py place_key).
Two persons stored apart only by such a spelling stay two rows, nothing merged: the person rule then
asks a file naming them for a CCCD, and a form shows both

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.text import place_key

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    connection = op.get_bind()
    persons = sa.table("persons", sa.column("id"), sa.column("home_town"), sa.column("home_town_key"))
    changed = [{"person": pid, "key": key} for pid, home_town, stored in connection.execute(sa.select(persons))
               if (key := place_key(home_town or "")) != stored]
    update = persons.update().where(persons.c.id == sa.bindparam("person")).values(
        home_town_key=sa.bindparam("key"))
    for start in range(0, len(changed), BATCH):
        connection.execute(update, changed[start:start + BATCH])


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
