"""SQL that reads the same on both engines, where SQLite and PostgreSQL spell a thing differently.

Services write one query; what differs is compiled here per engine (SQLAlchemy's `compiles`),
so new code uses these instead of an engine's own function (`strftime`, `INDEXED BY`, …).
"""

from sqlalchemy import Numeric, String
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class month_text(FunctionElement):  # noqa: N801 - used as a SQL function
    """A date's month as text, "YYYY-MM"."""

    type = String()
    inherit_cache = True


@compiles(month_text, "sqlite")
def _month_sqlite(element, compiler, **kw) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(month_text, "postgresql")
def _month_postgresql(element, compiler, **kw) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


class leading_number(FunctionElement):  # noqa: N801 - used as a SQL function
    """The whole number a text begins with ("1234/PXM" → 1234, "007/PXM" → 7); NULL when it begins
    with no figure."""

    type = Numeric()
    inherit_cache = True


@compiles(leading_number, "sqlite")
def _leading_number_sqlite(element, compiler, **kw) -> str:
    text = compiler.process(element.clauses, **kw)
    return f"CASE WHEN {text} GLOB '[0-9]*' THEN CAST({text} AS INTEGER) END"


@compiles(leading_number, "postgresql")
def _leading_number_postgresql(element, compiler, **kw) -> str:
    return f"CAST(substring({compiler.process(element.clauses, **kw)} FROM '^[0-9]+') AS numeric)"


def indexed_by(connection: Connection, index: str) -> str:
    """SQLite's INDEXED BY for a hand-written query (the server's planner chooses by itself)."""
    return f"INDEXED BY {index}" if connection.dialect.name == "sqlite" else ""


class unindexed(FunctionElement):  # noqa: N801 - used as a SQL function
    """A column whose index the query must not search by (SQLite's unary +; the server's planner weighs its
    indexes by itself): a term every row but a few meets, such as `deleted_at IS NULL`, which SQLite, without
    statistics, would otherwise search by before a join's own column."""

    inherit_cache = True


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element, compiler, **kw) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


@compiles(unindexed, "postgresql")
def _unindexed_postgresql(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)
