"""a research request between provinces' archives: the old regime's post searched for, the reply letter's number
and whether an extract went with it (archive_requests.work_before_1975, reply_no, extract: «Chức vụ trước 1975»,
«Số văn bản trả lời», «Trích lục kèm theo»; empty on requests recorded before)

Revision ID: 0046
Revises: 0045
"""

import sqlalchemy as sa
from alembic import op

revision = "0046"
down_revision = "0045"
branch_labels = None
depends_on = None

COLUMNS = (("work_before_1975", sa.Text), ("reply_no", sa.String), ("extract", sa.String))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("archive_requests", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("archive_requests") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
