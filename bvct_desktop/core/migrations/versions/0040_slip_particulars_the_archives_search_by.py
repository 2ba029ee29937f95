"""what the police archives search a slip's person by (brief §2.1): their birth place, ethnicity, religion and
identity numbers, the birth years of their father, mother and spouse, their work before 1975 and where
(slips.birth_place … place_before_1975: «Nơi sinh» … «Đơn vị, địa bàn trước 1975»; empty on slips sent before)

Revision ID: 0040
Revises: 0039
"""

import sqlalchemy as sa
from alembic import op

revision = "0040"
down_revision = "0039"
branch_labels = None
depends_on = None

COLUMNS = (("birth_place", sa.Text), ("ethnicity", sa.String), ("religion", sa.String), ("cccd", sa.String),
           ("cmnd", sa.String), ("father_birth_date", sa.String), ("mother_birth_date", sa.String),
           ("spouse_birth_date", sa.String), ("work_before_1975", sa.Text), ("place_before_1975", sa.Text))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.add_column("slips", sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("slips") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
