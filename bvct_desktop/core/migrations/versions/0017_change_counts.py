"""each table a window shows counts its writes (change_counts, kept by triggers): an open window
sees what another window, program or officer changed without a restart (core/watch.py)

On the office server the triggers are the server's objects (core/server/objects.py: one per
statement, run as the owner); here they are the file's, one per row written.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

COUNTED = ("persons", "cadres", "units", "recipients", "slips", "delegations", "delegation_members",
           "archive_requests", "complaints", "relatives", "foreign_elements", "political_notes", "vetting_cases",
           "settings", "users", "document_numbers", "outgoing_documents", "report_notes")
WRITES = ("INSERT", "UPDATE", "DELETE")


def upgrade() -> None:
    counts = op.create_table(
        "change_counts",
        sa.Column("table_name", sa.String(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_change_counts")),
    )
    op.bulk_insert(counts, [{"table_name": table, "count": 0} for table in COUNTED])
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in COUNTED:
        for write in WRITES:
            op.execute(f"CREATE TRIGGER {table}_counted_{write.lower()} AFTER {write} ON {table} BEGIN "
                       f"UPDATE change_counts SET count = count + 1 WHERE table_name = '{table}'; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in COUNTED:
            for write in WRITES:
                op.execute(f"DROP TRIGGER {table}_counted_{write.lower()}")
    op.drop_table("change_counts")
