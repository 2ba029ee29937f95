"""the person's own account on form 2C: work periods (item 28), training (item 27), own history (item 29)

Revision ID: 0033
Revises: 0032
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.migrations import record_tables

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

TABLES = ("work_periods", "training_courses", "history_declarations")


def upgrade() -> None:
    record_tables.create_of_person(
        "work_periods",
        sa.Column("since", sa.String(), nullable=False), sa.Column("until", sa.String(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False), sa.Column("post", sa.Text(), nullable=True))
    record_tables.create_of_person(
        "training_courses",
        sa.Column("institution", sa.Text(), nullable=False), sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("since", sa.String(), nullable=True), sa.Column("until", sa.String(), nullable=True),
        sa.Column("study_form", sa.String(), nullable=True), sa.Column("degree", sa.Text(), nullable=True))
    record_tables.create_of_person(
        "history_declarations",
        sa.Column("declared_kind", sa.String(), nullable=False),
        sa.Column("since", sa.String(), nullable=True), sa.Column("until", sa.String(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True), sa.Column("post", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=True), sa.Column("source", sa.Text(), nullable=True))
    record_tables.count_writes(TABLES)


def downgrade() -> None:
    record_tables.stop_counting(TABLES)
    for table in reversed(TABLES):
        op.drop_table(table)
