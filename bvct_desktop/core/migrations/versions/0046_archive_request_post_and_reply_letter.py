"""a research request between provinces' archives: the old regime's post searched for, the reply letter's number
and whether an extract went with it (archive_requests.work_before_1975, reply_no, extract: «Chức vụ trước 1975»,
«Số văn bản trả lời», «Trích lục kèm theo»; empty on requests recorded before)

Revision ID: 0046
Revises: 0045
"""

import sqlalchemy as sa

from bvct_desktop.core.migrations import added_columns

revision = "0046"
down_revision = "0045"
branch_labels = None
depends_on = None

COLUMNS = (("work_before_1975", sa.Text), ("reply_no", sa.String), ("extract", sa.String))


def upgrade() -> None:
    added_columns.add("archive_requests", COLUMNS)


def downgrade() -> None:
    added_columns.drop("archive_requests", COLUMNS)
