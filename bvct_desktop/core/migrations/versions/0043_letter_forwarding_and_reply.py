"""a letter's sender's address, where it was forwarded (the body competent for it) and when, and when its sender
was answered (complaints.sender_address, forwarded_to, forwarded_on, replied_on: «Địa chỉ người gửi», «Chuyển đến»,
«Ngày chuyển», «Ngày trả lời người gửi»; empty on letters recorded before)

Revision ID: 0043
Revises: 0042
"""

import sqlalchemy as sa
from alembic import op

revision = "0043"
down_revision = "0042"
branch_labels = None
depends_on = None

COLUMNS = (("sender_address", sa.Text), ("forwarded_to", sa.Text), ("forwarded_on", sa.Date),
           ("replied_on", sa.Date))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("complaints", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("complaints") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
