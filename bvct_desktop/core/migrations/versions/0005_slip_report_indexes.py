"""indexes the report figures walk in order over the slips

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_slips_report_groups", "slips",
                    ["deleted_at", "recipient_id", "purpose", "issued_on", "result_on"])
    op.create_index("ix_slips_report_subjects", "slips", ["deleted_at", "person_id", "issued_on"])


def downgrade() -> None:
    op.drop_index("ix_slips_report_subjects", "slips")
    op.drop_index("ix_slips_report_groups", "slips")
