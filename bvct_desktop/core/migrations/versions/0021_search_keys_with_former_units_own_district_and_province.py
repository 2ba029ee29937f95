"""persons.search_key rebuilt once: a home town written under a former unit's name without its district
or province («Thuận Quý», «Xã Hàm Tiến») holds them too, so searching «Bình Thuận», «Hàm Thuận Nam» or
«Phan Thiết» finds it as «Lâm Đồng» does; a current unit written without its province («Phan Rí Cửa»,
«Đặc khu Phú Quý», its unit word ruling out a xã Phú Quý elsewhere) holds that province too, so «Lâm Đồng»
finds it as «Bình Thuận» does (core/gazetteer.py counterparts, resolve)

Revision ID: 0021
Revises: 0020
"""

from alembic import op

from bvct_desktop.core.migrations import search_keys

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_keys.rebuild(op.get_bind())


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
