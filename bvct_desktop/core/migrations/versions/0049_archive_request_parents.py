"""a research request between provinces' archives: the parents' names that tell persons of before 1975 apart
(archive_requests.father_name, mother_name: «Họ và tên cha», «Họ và tên mẹ»; the alias and sex are the person's);
empty on requests recorded before

Revision ID: 0049
Revises: 0048
"""

import sqlalchemy as sa

from bvct_desktop.core.migrations import added_columns

revision = "0049"
down_revision = "0048"
branch_labels = None
depends_on = None

COLUMNS = (("father_name", sa.Text), ("mother_name", sa.Text))


def upgrade() -> None:
    added_columns.add("archive_requests", COLUMNS)


def downgrade() -> None:
    added_columns.drop("archive_requests", COLUMNS)
