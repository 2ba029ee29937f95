"""the key file's generation recorded in the database (key slot changes, issue 10)

Revision ID: 0011
Revises: 0010
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database older than this revision has never seen a slot change counted: generation 0,
    # as its key file (one without a generation) reads.
    op.execute("INSERT INTO meta (key, value) SELECT 'key_generation', '0' "
               "WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'key_generation')")


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key IN ('key_generation', 'key_change_pending')")
