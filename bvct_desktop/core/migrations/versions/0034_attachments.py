"""attachments (tệp đính kèm): the scans of signed papers kept with a record, inside the encrypted database;
what is listed apart from the contents, so that a list never reads the bytes

Revision ID: 0034
Revises: 0033
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.migrations import record_tables

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None



def upgrade() -> None:
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        *record_tables.stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_record_kind_record_id"), "attachments", ["record_kind", "record_id"])
    op.create_table(
        "attachment_contents",
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["attachment_id"], ["attachments.id"],
                                name=op.f("fk_attachment_contents_attachment_id_attachments")),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_contents")),
    )
    record_tables.count_writes(("attachments",))


def downgrade() -> None:
    record_tables.stop_counting(("attachments",))
    op.drop_table("attachment_contents")
    op.drop_table("attachments")
