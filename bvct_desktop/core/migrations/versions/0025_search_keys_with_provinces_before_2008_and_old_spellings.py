"""persons.search_key rebuilt once: a home town in a province of before 2008 («Bến Cát, Sông Bé», «Thanh
Oai, Hà Tây») or spelt as old lists spell it («Kontum», «Lagi», «Đắc Lắc») is read, so that its other names
(«Bình Dương», «Kon Tum», «Lâm Đồng») find it (core/gazetteer.py)

Revision ID: 0025
Revises: 0024
"""

from alembic import op

from bvct_desktop.core.migrations import search_keys

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_keys.rebuild(op.get_bind())


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
