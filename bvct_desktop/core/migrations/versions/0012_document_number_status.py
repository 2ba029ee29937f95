"""a document number's status: taken before its document is written, then issued or spoiled

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # every number taken before this revision was taken in the transaction that wrote its document
    with op.batch_alter_table("document_numbers") as batch:
        batch.add_column(sa.Column("status", sa.String(), nullable=False, server_default="issued"))


def downgrade() -> None:
    with op.batch_alter_table("document_numbers") as batch:
        batch.drop_column("status")
