"""persons.name_key rebuilt once: a full stop typed after a name («HOÀNG VĂN NAM.» of an old list) no longer
makes another person (core/text.py name_key); the name itself is kept as it was typed. Two persons stored
apart only by such a full stop stay two rows, nothing merged: the person rule then asks a file naming them
for a CCCD, and a form shows both

Revision ID: 0023
Revises: 0022
"""

from alembic import op

from bvct_desktop.core.migrations import person_keys
from bvct_desktop.core.text import name_key

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    person_keys.rebuild(op.get_bind(), "name_key", "full_name", name_key)


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
