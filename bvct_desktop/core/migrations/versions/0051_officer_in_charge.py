"""«Cán bộ phụ trách»: the officer in charge of a slip and of a vetting case (slips.in_charge,
vetting_cases.in_charge: a user name), set to whoever records it and passed on by «Bàn giao việc»
(core/handover.py); empty on the slips and cases recorded before

Revision ID: 0051
Revises: 0050
"""

import sqlalchemy as sa

from bvct_desktop.core.migrations import added_columns

revision = "0051"
down_revision = "0050"
branch_labels = None
depends_on = None

TABLES = ("slips", "vetting_cases")
COLUMNS = (("in_charge", sa.String),)


def upgrade() -> None:
    for table in TABLES:
        added_columns.add(table, COLUMNS)


def downgrade() -> None:
    for table in reversed(TABLES):
        added_columns.drop(table, COLUMNS)
