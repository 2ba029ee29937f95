"""indexes a person's file finds slips by (their vetting cases, the cadre they name); each user's
screen preferences

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_slips_vetting_case_id"), "slips", ["vetting_case_id"])
    op.create_index(op.f("ix_slips_vetted_cadre_id"), "slips", ["vetted_cadre_id"])
    op.create_table(
        "preferences",
        sa.Column("user_name", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_name", "key", name=op.f("pk_preferences")),
    )


def downgrade() -> None:
    op.drop_table("preferences")
    op.drop_index(op.f("ix_slips_vetted_cadre_id"), table_name="slips")
    op.drop_index(op.f("ix_slips_vetting_case_id"), table_name="slips")
