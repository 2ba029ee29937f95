"""who added each attachment (attachments.created_by), apart from who changed it last (updated_by: a note
corrected, the recycle bin): an inspector reads the list's «Người thêm» as who brought the paper in. An
attachment never changed since is told by its updated_by, any other by the trail's entry of its adding.

Revision ID: 0035
Revises: 0034
"""

import sqlalchemy as sa
from alembic import op

revision = "0035"
down_revision = "0034"
branch_labels = None
depends_on = None

ADDED = "thêm"  # core/audit_actions.py's, as it was written when these rows were added


def upgrade() -> None:
    op.add_column("attachments", sa.Column("created_by", sa.String(), nullable=True))
    op.execute("UPDATE attachments SET created_by = updated_by WHERE row_version = 1")
    op.execute(sa.text("UPDATE attachments SET created_by = (SELECT user_name FROM audit_log WHERE "
                       "audit_log.kind = 'attachments' AND audit_log.action = :added AND audit_log.record_id = "
                       "attachments.id ORDER BY audit_log.id LIMIT 1) WHERE created_by IS NULL")
               .bindparams(added=ADDED))


def downgrade() -> None:
    op.drop_column("attachments", "created_by")
