"""a passport reported lost, and so cancelled (Luật Xuất cảnh, nhập cảnh 2019): the day it was reported and what
was reported (passports.lost_on, lost_note: «Ngày báo mất», «Nội dung báo mất»; empty while it is not lost)

Revision ID: 0039
Revises: 0038
"""

import sqlalchemy as sa
from alembic import op

revision = "0039"
down_revision = "0038"
branch_labels = None
depends_on = None

COLUMNS = (("lost_on", sa.Date), ("lost_note", sa.Text))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("passports", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("passports") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
