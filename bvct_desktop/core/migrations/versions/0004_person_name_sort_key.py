"""persons.sort_key: the Vietnamese order of names (tên, họ, chữ đệm), indexed for the registers;
an index on cadres(person_id, deleted_at) so the cadre register is listed in that order from indexes

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core.collation import name_sort_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ALTER TABLE, not a batch copy: a copied table would lose the persons_fts triggers.
    op.add_column("persons", sa.Column("sort_key", sa.Text(), nullable=False, server_default=""))
    op.create_index(op.f("ix_persons_sort_key"), "persons", ["sort_key"])
    op.create_index(op.f("ix_cadres_person_id_deleted_at"), "cadres", ["person_id", "deleted_at"])
    connection = op.get_bind()
    names = connection.execute(sa.text("SELECT id, full_name FROM persons")).all()
    if names:
        connection.execute(sa.text("UPDATE persons SET sort_key = :key WHERE id = :id"),
                           [{"id": pid, "key": name_sort_key(full_name)} for pid, full_name in names])


def downgrade() -> None:
    op.drop_index(op.f("ix_cadres_person_id_deleted_at"), table_name="cadres")
    op.drop_index(op.f("ix_persons_sort_key"), table_name="persons")
    op.drop_column("persons", "sort_key")
