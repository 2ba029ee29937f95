"""a delegation cancelled or put off stays on record, marked (delegations.status: «Đã hủy», «Hoãn»)

Revision ID: 0026
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("delegations", sa.Column("status", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("delegations") as batch:
        batch.drop_column("status")
