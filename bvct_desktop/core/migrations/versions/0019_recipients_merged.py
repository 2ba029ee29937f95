"""a recipient entry merged into another stays as the other's alias (recipients.merged_into_id): the
spelling merged keeps meaning the entry kept when a later file or form writes it (core/recipients.py)

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a column's reference only inline: batch mode would copy the table, losing its change-count
    # triggers (0017) and tripping the slips' references to it
    op.add_column("recipients", sa.Column("merged_into_id", sa.Integer(), sa.ForeignKey(
        "recipients.id", name=op.f("fk_recipients_merged_into_id_recipients"))),
        inline_references=op.get_bind().dialect.name == "sqlite")


def downgrade() -> None:
    with op.batch_alter_table("recipients") as batch:
        batch.drop_column("merged_into_id")
