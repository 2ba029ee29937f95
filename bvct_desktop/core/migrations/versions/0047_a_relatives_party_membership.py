"""a relative's Party membership as the relatives list declares it (relatives.party_member: «Đảng viên», HD 06-HD/TW
mục 3.4c); empty for relatives recorded before, who are Party members only by their entry in the cadres register

Revision ID: 0047
Revises: 0046
"""

import sqlalchemy as sa

from bvct_desktop.core.migrations import added_columns

revision = "0047"
down_revision = "0046"
branch_labels = None
depends_on = None

COLUMNS = (("party_member", sa.Boolean),)


def upgrade() -> None:
    added_columns.add("relatives", COLUMNS)


def downgrade() -> None:
    added_columns.drop("relatives", COLUMNS)
