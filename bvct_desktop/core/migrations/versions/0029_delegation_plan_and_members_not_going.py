"""a delegation in the annual foreign-affairs plan or not (delegations.in_plan: «Có», «Không», empty when not
known), and a member the decision named who did not go, kept with the reason (delegation_members.not_going)

Revision ID: 0029
Revises: 0028
"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("delegations", sa.Column("in_plan", sa.String(), nullable=True))
    op.add_column("delegation_members", sa.Column("not_going", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("delegation_members") as batch:
        batch.drop_column("not_going")
    with op.batch_alter_table("delegations") as batch:
        batch.drop_column("in_plan")
