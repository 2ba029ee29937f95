"""the archive requests (yêu cầu tàng thư) of a vetting case found through an index on their case
(archive_requests.vetting_case_id), not by passing over every live request

Revision ID: 0041
Revises: 0040
"""

from alembic import op

revision = "0041"
down_revision = "0040"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_archive_requests_vetting_case_id"), "archive_requests", ["vetting_case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_archive_requests_vetting_case_id"), table_name="archive_requests")
