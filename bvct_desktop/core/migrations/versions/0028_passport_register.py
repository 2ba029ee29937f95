"""the passport custody register (sổ theo dõi giao, nhận hộ chiếu): passports and their handovers

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.migrations import record_tables

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

TABLES = ("passports", "passport_handovers")



def upgrade() -> None:
    op.create_table(
        "passports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("passport_type", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("kept", sa.String(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *record_tables.stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f("fk_passports_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passports")),
    )
    op.create_index(op.f("ix_passports_person_id"), "passports", ["person_id"])
    op.create_index(op.f("ix_passports_number"), "passports", ["number"])
    op.create_table(
        "passport_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("passport_id", sa.Integer(), nullable=False),
        sa.Column("handed_on", sa.Date(), nullable=False),
        sa.Column("trip", sa.String(), nullable=False),
        sa.Column("decision_no", sa.String(), nullable=True),
        sa.Column("delegation_id", sa.Integer(), nullable=True),
        sa.Column("trip_return_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *record_tables.stamps(),
        sa.ForeignKeyConstraint(["passport_id"], ["passports.id"],
                                name=op.f("fk_passport_handovers_passport_id_passports")),
        sa.ForeignKeyConstraint(["delegation_id"], ["delegations.id"],
                                name=op.f("fk_passport_handovers_delegation_id_delegations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passport_handovers")),
    )
    op.create_index(op.f("ix_passport_handovers_passport_id"), "passport_handovers", ["passport_id"])
    record_tables.count_writes(TABLES)


def downgrade() -> None:
    record_tables.stop_counting(TABLES)
    op.drop_table("passport_handovers")
    op.drop_table("passports")
