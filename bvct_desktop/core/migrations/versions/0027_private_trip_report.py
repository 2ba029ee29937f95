"""the day the report after a private trip abroad was received (foreign_elements.report_received_on)

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("foreign_elements", sa.Column("report_received_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("foreign_elements") as batch:
        batch.drop_column("report_received_on")
