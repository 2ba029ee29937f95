"""Columns a revision adds to a table that has rows: each nullable, empty on the rows already there; dropped again
on the way down, in a batch (SQLite drops a column by copying its table)."""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

Columns = Sequence[tuple[str, type[sa.types.TypeEngine]]]  # (name, type), in the order they are added


def add(table: str, columns: Columns) -> None:
    for name, kind in columns:
        op.add_column(table, sa.Column(name, kind(), nullable=True))


def drop(table: str, columns: Columns) -> None:
    with op.batch_alter_table(table) as batch:
        for name, _kind in reversed(columns):
            batch.drop_column(name)
