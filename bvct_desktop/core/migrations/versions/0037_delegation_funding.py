"""who pays a delegation's trip: the state budget, a sponsor (delegations.funding, «Kinh phí»; empty when not
written)

Revision ID: 0037
Revises: 0036
"""

import sqlalchemy as sa
from alembic import op

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("delegations", sa.Column("funding", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("delegations") as batch:
        batch.drop_column("funding")
