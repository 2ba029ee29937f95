"""a relative's Party membership as the relatives list declares it (relatives.party_member: «Đảng viên», HD 06-HD/TW
mục 3.4c); empty for relatives recorded before, who are Party members only by their entry in the cadres register

Revision ID: 0047
Revises: 0046
"""

import sqlalchemy as sa
from alembic import op

revision = "0047"
down_revision = "0046"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("relatives", sa.Column("party_member", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("relatives") as batch:
        batch.drop_column("party_member")
