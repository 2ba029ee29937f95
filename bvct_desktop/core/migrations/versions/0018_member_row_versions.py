"""a delegation's members count their changes too (row_version, updated_by), so a delegation form
saved over a member changed, added or taken off by someone else is refused (core/editing.py)

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("delegation_members", sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("delegation_members", sa.Column("updated_by", sa.String()))


def downgrade() -> None:
    with op.batch_alter_table("delegation_members") as batch:
        batch.drop_column("updated_by")
        batch.drop_column("row_version")
