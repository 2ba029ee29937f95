"""a slip's person who has died, and when (slips.deceased, death_date: «Đã mất», «Năm mất», a partial date that may
be approximate, «khoảng 1970», as a relative's); empty on slips sent before and about the living

Revision ID: 0048
Revises: 0047
"""

import sqlalchemy as sa
from alembic import op

revision = "0048"
down_revision = "0047"
branch_labels = None
depends_on = None

COLUMNS = (("deceased", sa.Boolean), ("death_date", sa.String))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("slips", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("slips") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
