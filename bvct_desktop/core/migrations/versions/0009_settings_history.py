"""settings keep their history: one row per value with the first day it holds

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.create_table(
        "settings_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("value", sa.Text(), nullable=False),
        # SQLite names constraints per table; PostgreSQL per schema, where the old table still holds the name
        sa.PrimaryKeyConstraint("id", name="pk_settings" if sqlite else "pk_settings_history"),
        sa.UniqueConstraint("key", "valid_from", name="uq_settings_key_valid_from"),
    )
    op.execute("INSERT INTO settings_history (key, valid_from, value) SELECT key, NULL, value FROM settings")
    op.drop_table("settings")
    op.rename_table("settings_history", "settings")
    if not sqlite:
        op.execute("ALTER TABLE settings RENAME CONSTRAINT pk_settings_history TO pk_settings")
    op.create_index("ix_settings_key_first", "settings", ["key"], unique=True,
                    sqlite_where=sa.text("valid_from IS NULL"), postgresql_where=sa.text("valid_from IS NULL"))


def downgrade() -> None:
    op.create_table(
        "settings_current",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    op.execute("INSERT INTO settings_current (key, value) SELECT key, value FROM settings AS s "
               "WHERE NOT EXISTS (SELECT 1 FROM settings AS later WHERE later.key = s.key "
               "AND later.valid_from > coalesce(s.valid_from, '')) ")
    op.drop_index("ix_settings_key_first", "settings")
    op.drop_table("settings")
    op.rename_table("settings_current", "settings")
