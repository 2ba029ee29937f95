"""search index over persons and the register of issued document numbers

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_numbers")),
        sa.UniqueConstraint("doc_type", "term_start", "number",
                            name=op.f("uq_document_numbers_doc_type_term_start_number")),
    )
    if op.get_bind().dialect.name != "sqlite":
        return  # the office server indexes persons.search_key itself (core/server/objects.py)
    op.execute("CREATE VIRTUAL TABLE persons_fts USING fts5("
               "search_key, content='persons', content_rowid='id', prefix='2 3')")
    op.execute("CREATE TRIGGER persons_fts_insert AFTER INSERT ON persons BEGIN "
               "INSERT INTO persons_fts(rowid, search_key) VALUES (new.id, new.search_key); END")
    op.execute("CREATE TRIGGER persons_fts_delete AFTER DELETE ON persons BEGIN "
               "INSERT INTO persons_fts(persons_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key); END")
    op.execute("CREATE TRIGGER persons_fts_update AFTER UPDATE OF search_key ON persons BEGIN "
               "INSERT INTO persons_fts(persons_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key); "
               "INSERT INTO persons_fts(rowid, search_key) VALUES (new.id, new.search_key); END")
    op.execute("INSERT INTO persons_fts(persons_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_table("document_numbers")
        return
    for trigger in ("persons_fts_insert", "persons_fts_delete", "persons_fts_update"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE persons_fts")
    op.drop_table("document_numbers")
