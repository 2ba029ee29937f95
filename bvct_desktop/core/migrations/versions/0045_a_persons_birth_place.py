"""a person's birth place (persons.birth_place: «Nơi sinh» of form 2C item 4 and of the slip drafted about them, kept
as written and shown with what the place is called now; empty for persons recorded before)

Revision ID: 0045
Revises: 0044
"""

import sqlalchemy as sa
from alembic import op

revision = "0045"
down_revision = "0044"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("persons", sa.Column("birth_place", sa.Text(), nullable=True))


def downgrade() -> None:
    # not a batch: recreating persons would break every foreign key naming it (SQLite drops a column in place)
    op.drop_column("persons", "birth_place")
