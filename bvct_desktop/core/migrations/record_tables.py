"""What every record table a migration adds has: the stamps of its rows (created, changed, in the recycle bin,
their version and who changed them last, as migration 0016 gave the first ones), and its writes counted as every
record table's (migration 0017): a row in change_counts, and on the file database the triggers that keep it (the
office server makes its own, core/server/objects.py)."""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

WRITES = ("INSERT", "UPDATE", "DELETE")


def stamps() -> list[sa.Column]:
    return [sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            sa.Column("deleted_at", sa.DateTime(), nullable=True),
            sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
            sa.Column("updated_by", sa.String(), nullable=True)]


def create_of_person(table: str, *columns: sa.Column) -> None:
    """A table of records on a person's file, with its stamps and its index by person."""
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        *columns,
        *stamps(),
        sa.ForeignKeyConstraint(["person_id"], ["persons.id"], name=op.f(f"fk_{table}_person_id_persons")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )
    op.create_index(op.f(f"ix_{table}_person_id"), table, ["person_id"])


def count_writes(tables: Sequence[str]) -> None:
    op.bulk_insert(sa.table("change_counts", sa.column("table_name"), sa.column("count")),
                   [{"table_name": table, "count": 0} for table in tables])
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in tables:
        for write in WRITES:
            op.execute(f"CREATE TRIGGER {table}_counted_{write.lower()} AFTER {write} ON {table} BEGIN "
                       f"UPDATE change_counts SET count = count + 1 WHERE table_name = '{table}'; END")


def stop_counting(tables: Sequence[str]) -> None:
    """The counts' rows gone (the triggers go with their tables, which the caller drops)."""
    op.execute(sa.text("DELETE FROM change_counts WHERE table_name IN ("
                       + ", ".join(f"'{table}'" for table in tables) + ")"))
