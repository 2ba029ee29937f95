"""An account's full name (users.full_name: «Nguyễn Văn A»), printed where a document names the account; empty on the
accounts made before, which documents name by their login name

Revision ID: 0052
Revises: 0051
"""

import sqlalchemy as sa

from bvct_desktop.core.migrations import added_columns

revision = "0052"
down_revision = "0051"
branch_labels = None
depends_on = None

COLUMNS = (("full_name", sa.Text),)


def upgrade() -> None:
    added_columns.add("users", COLUMNS)


def downgrade() -> None:
    added_columns.drop("users", COLUMNS)
