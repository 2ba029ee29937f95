"""the number of the police's reply to a slip (Số văn bản trả lời)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("slips", sa.Column("result_no", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("slips") as batch:
        batch.drop_column("result_no")
