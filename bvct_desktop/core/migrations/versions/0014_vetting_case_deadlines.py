"""open vetting cases with no deadline (those an import opened) are given the deadline the office's
rule sets for their purpose (setting han_tham_tra_ngay, its default when not yet stored)

Revision ID: 0014
Revises: 0013
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

from bvct_desktop.core import settings
from bvct_desktop.core.plans.cases import DEADLINE_SETTING, OPEN, deadline

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    stored = connection.execute(sa.text("SELECT value FROM settings WHERE key = :key "
                                        "ORDER BY valid_from DESC LIMIT 1"),  # the newest (NULL: the first)
                                {"key": DEADLINE_SETTING}).scalar()
    rule = settings.days_by_purpose(stored if stored is not None else settings.BY_KEY[DEADLINE_SETTING].default)
    cases = connection.execute(sa.text("SELECT id, purpose, opened_on FROM vetting_cases "
                                       "WHERE due_on IS NULL AND status = :open"), {"open": OPEN}).all()
    due = [{"id": case_id, "due": day.isoformat()} for case_id, purpose, opened_on in cases
           if (day := deadline(rule, purpose, dt.date.fromisoformat(str(opened_on)[:10]))) is not None]
    if due:
        connection.execute(sa.text("UPDATE vetting_cases SET due_on = :due WHERE id = :id"), due)


def downgrade() -> None:
    pass  # the deadlines set stay: they are the rule's, and an officer may have relied on them
