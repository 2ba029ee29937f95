"""persons.search_key rebuilt once: a name or place written with an apostrophe («K'Bròng», «H’Hen Niê»,
«Ea H'Leo») holds it written without one too, so that «Kbrong», «Hhen» and «hleo» find it as «K'Bròng»
and «brong» do (core/text.py also_without_apostrophes)

Revision ID: 0022
Revises: 0021
"""

from alembic import op

from bvct_desktop.core.migrations import search_keys

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search_keys.rebuild(op.get_bind())


def downgrade() -> None:
    """The schema is unchanged; the keys stay as rebuilt."""
