"""persons.search_key rebuilt once: a home town written as old lists write it, without commas («xã Ngũ
Phụng huyện Phú Quí»), in brackets («Hàm Tiến (Phan Thiết)») or after slashes, or with the current unit word
and its former district («xa Phan Ri Cua, huyen Tuy Phong»), is read, so that its other names («Phú Quý»,
«Lâm Đồng», «Mũi Né») find it as they find the same place written with commas (core/gazetteer.py)

Revision ID: 0024
Revises: 0023
"""

from alembic import op

from bvct_desktop.core.migrations import search_keys

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_keys.rebuild(op.get_bind())


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
