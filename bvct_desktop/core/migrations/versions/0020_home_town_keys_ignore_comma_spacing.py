"""persons.home_town_key rebuilt once: the spaces around a home town's commas and a full stop at its end
no longer make another person («Hàm Tiến,Phan Thiết.» is «Hàm Tiến, Phan Thiết»: core/text.py place_key).
Two persons stored apart only by such a spelling stay two rows, nothing merged: the person rule then
asks a file naming them for a CCCD, and a form shows both

Revision ID: 0020
Revises: 0019
"""

from alembic import op

from bvct_desktop.core.migrations import person_keys
from bvct_desktop.core.text import place_key

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    person_keys.rebuild(op.get_bind(), "home_town_key", "home_town", place_key)


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
