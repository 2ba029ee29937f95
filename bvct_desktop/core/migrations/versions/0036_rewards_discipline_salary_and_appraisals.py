"""the rest of form 2C on the person's file: rewards (item 21), discipline (item 22), the salary's course
(items 14, 31) and the yearly appraisal (item 32)

Revision ID: 0036
Revises: 0035
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.migrations import record_tables

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None

TABLES = ("rewards", "disciplines", "salary_steps", "appraisals")


def upgrade() -> None:
    record_tables.create_of_person(
        "rewards", sa.Column("awarded_on", sa.String(), nullable=False), sa.Column("award", sa.Text(), nullable=False),
        sa.Column("authority", sa.Text(), nullable=True), sa.Column("decision_no", sa.String(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True))
    record_tables.create_of_person(
        "disciplines", sa.Column("decided_on", sa.String(), nullable=False),
        sa.Column("organisation", sa.String(), nullable=False), sa.Column("penalty", sa.Text(), nullable=False),
        sa.Column("authority", sa.Text(), nullable=True), sa.Column("decision_no", sa.String(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True), sa.Column("in_effect_until", sa.String(), nullable=True))
    record_tables.create_of_person(
        "salary_steps", sa.Column("since", sa.String(), nullable=False), sa.Column("grade", sa.Text(), nullable=True),
        sa.Column("grade_code", sa.String(), nullable=True), sa.Column("step", sa.String(), nullable=True),
        sa.Column("coefficient", sa.String(), nullable=False))
    record_tables.create_of_person(
        "appraisals", sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("classification", sa.String(), nullable=False), sa.Column("as_role", sa.String(), nullable=False),
        sa.Column("appraiser", sa.Text(), nullable=True), sa.Column("remarks", sa.Text(), nullable=True))
    record_tables.count_writes(TABLES)


def downgrade() -> None:
    record_tables.stop_counting(TABLES)
    for table in reversed(TABLES):
        op.drop_table(table)
