"""every record and person counts its changes (row_version) and names who made the last one
(updated_by): a form saved over a change its officer did not see is refused (core/row_versions.py)

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TABLES = ("persons", "cadres", "slips", "delegations", "archive_requests", "complaints", "relatives",
          "foreign_elements", "political_notes", "vetting_cases")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))
        op.add_column(table, sa.Column("updated_by", sa.String()))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("updated_by")
            batch.drop_column("row_version")
