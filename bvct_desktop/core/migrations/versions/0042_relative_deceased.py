"""a relative who has died, and when (relatives.deceased, death_date: «Đã mất», «Năm mất», a partial date that may
be approximate, «khoảng 1970»); empty for a relative living or not known to have died

Revision ID: 0042
Revises: 0041
"""

import sqlalchemy as sa
from alembic import op

revision = "0042"
down_revision = "0041"
branch_labels = None
depends_on = None

COLUMNS = (("deceased", sa.Boolean), ("death_date", sa.String))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("relatives", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("relatives") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
