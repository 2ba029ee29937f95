"""the steps of a vetting case before its conclusion (brief §1.3): the competent cấp ủy's decision
(vetting_cases.decision_no, decision_on, decision_by), the verification team, the dossier items received
and the verification minutes

Revision ID: 0032
Revises: 0031
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.migrations import record_tables

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

TABLES = ("vetting_team_members", "vetting_dossier_items", "vetting_minutes")
DECISION = (("decision_no", sa.String()), ("decision_on", sa.Date()), ("decision_by", sa.Text()))



def _case_table(name: str, *columns: sa.Column) -> None:
    """A table of the case's rows: each names its case (vetting_case_id), found by it."""
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vetting_case_id", sa.Integer(), nullable=False),
        *columns,
        *record_tables.stamps(),
        sa.ForeignKeyConstraint(["vetting_case_id"], ["vetting_cases.id"],
                                name=op.f(f"fk_{name}_vetting_case_id_vetting_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_vetting_case_id"), name, ["vetting_case_id"])


def upgrade() -> None:
    for key, type_ in DECISION:
        op.add_column("vetting_cases", sa.Column(key, type_, nullable=True))
    _case_table("vetting_team_members",
                sa.Column("full_name", sa.Text(), nullable=False),
                sa.Column("position", sa.Text(), nullable=True),
                sa.Column("team_role", sa.String(), nullable=False))
    _case_table("vetting_dossier_items",
                sa.Column("item", sa.String(), nullable=False),
                sa.Column("received_on", sa.Date(), nullable=False),
                sa.Column("note", sa.Text(), nullable=True))
    _case_table("vetting_minutes",
                sa.Column("held_on", sa.Date(), nullable=False),
                sa.Column("place", sa.Text(), nullable=True),
                sa.Column("attendees", sa.Text(), nullable=True),
                sa.Column("summary", sa.Text(), nullable=False))
    record_tables.count_writes(TABLES)


def downgrade() -> None:
    record_tables.stop_counting(TABLES)
    for table in reversed(TABLES):
        op.drop_table(table)
    with op.batch_alter_table("vetting_cases") as batch:
        for key, _type in DECISION:
            batch.drop_column(key)
