"""the day a political issue was concluded (political_notes.found_on), which names the regulation it was judged
under, and the QĐ 58 ceiling it states (political_notes.limit_note)

Revision ID: 0030
Revises: 0029
"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("political_notes", sa.Column("found_on", sa.Date(), nullable=True))
    op.add_column("political_notes", sa.Column("limit_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("political_notes") as batch:
        batch.drop_column("found_on")
        batch.drop_column("limit_note")
