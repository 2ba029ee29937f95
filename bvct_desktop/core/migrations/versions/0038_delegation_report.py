"""the written report after a delegation's trip: its number, date and who received it (delegations.report_no,
report_on, report_to: «Số báo cáo», «Ngày báo cáo», «Nơi nhận báo cáo»; empty when not written)

Revision ID: 0038
Revises: 0037
"""

import sqlalchemy as sa
from alembic import op

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None

COLUMNS = (("report_no", sa.Text), ("report_on", sa.Date), ("report_to", sa.Text))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("delegations", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("delegations") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
