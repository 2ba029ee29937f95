"""a person's file finds the letters naming its cadre that wait for the officer to choose among namesakes by an
index on the key of the name they give (complaints.subject_key, text.name_key of subject_name, made here for the
letters stored before), not by reading every letter linked to no one; and the letters linked to it by an index

Revision ID: 0050
Revises: 0049
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.migrations import added_columns
from bvct_desktop.core.text import name_key

revision = "0050"
down_revision = "0049"
branch_labels = None
depends_on = None

COLUMNS = (("subject_key", sa.Text),)
BATCH = 5_000


def upgrade() -> None:
    added_columns.add("complaints", COLUMNS)
    connection = op.get_bind()
    letters = sa.table("complaints", sa.column("id"), sa.column("subject_name"), sa.column("subject_key"))
    keyed = [{"letter": letter_id, "key": name_key(name)} for letter_id, name in connection.execute(
        sa.select(letters.c.id, letters.c.subject_name).where(letters.c.subject_name.is_not(None)))]
    update = letters.update().where(letters.c.id == sa.bindparam("letter")).values(subject_key=sa.bindparam("key"))
    for start in range(0, len(keyed), BATCH):
        connection.execute(update, keyed[start:start + BATCH])
    op.create_index(op.f("ix_complaints_subject_key"), "complaints", ["subject_key"])
    op.create_index(op.f("ix_complaints_person_id"), "complaints", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_complaints_person_id"), table_name="complaints")
    op.drop_index(op.f("ix_complaints_subject_key"), table_name="complaints")
    added_columns.drop("complaints", COLUMNS)
