"""a slip's person who has died, and when (slips.deceased, death_date: «Đã mất», «Năm mất», a partial date that may
be approximate, «khoảng 1970», as a relative's); empty on slips sent before and about the living

Revision ID: 0048
Revises: 0047
"""

import sqlalchemy as sa

from bvct_desktop.core.migrations import added_columns

revision = "0048"
down_revision = "0047"
branch_labels = None
depends_on = None

COLUMNS = (("deceased", sa.Boolean), ("death_date", sa.String))


def upgrade() -> None:
    added_columns.add("slips", COLUMNS)


def downgrade() -> None:
    added_columns.drop("slips", COLUMNS)
