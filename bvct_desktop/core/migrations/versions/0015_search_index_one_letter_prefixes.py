"""the person search index also keeps one-letter prefixes: the first key typed in a search box
("n", "h") is answered from one list instead of merging every word that begins with the letter

Revision ID: 0015
Revises: 0014
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _index(prefixes: str) -> None:
    """persons_fts made again with `prefixes` and filled from persons (its triggers stay: they name it)."""
    op.execute("DROP TABLE persons_fts")
    op.execute("CREATE VIRTUAL TABLE persons_fts USING fts5("
               f"search_key, content='persons', content_rowid='id', prefix='{prefixes}')")
    op.execute("INSERT INTO persons_fts(persons_fts) VALUES ('rebuild')")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":  # the office server searches by its own index (core/server)
        _index("1 2 3")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index("2 3")
