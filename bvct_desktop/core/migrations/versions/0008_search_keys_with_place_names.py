"""persons.search_key rebuilt once: the other names of every home town before and after 01/7/2025,
for the whole country (the gazetteer from resources/places), and Quí/Quý as one spelling

Revision ID: 0008
Revises: 0007
"""

from alembic import op

from bvct_desktop.core.migrations import search_keys

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_keys.rebuild(op.get_bind())


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
