"""SQL that reads the same on both engines, where SQLite and PostgreSQL spell a thing differently.

Services write one query; what differs is compiled here per engine (SQLAlchemy's `compiles`),
so new code uses these instead of an engine's own function (`strftime`, `INDEXED BY`, …).
"""

from collections.abc import Sequence

from sqlalchemy import (
    BindParameter,
    Boolean,
    Column,
    ColumnElement,
    Date,
    Integer,
    Numeric,
    ScalarSelect,
    String,
    case,
    or_,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import FromClause, Join, functions, operators
from sqlalchemy.sql.elements import BinaryExpression
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.util import find_tables


class number_count(FunctionElement):  # noqa: N801 - used as a SQL function
    """The count in a number written as on the document, as core/typed.count_in reads it: its first figures
    («0099/PXM» → 99, «PXM-5» → 5), those after its year when it begins with one («2026/15/QĐ», «2026-15» → 15; not
    «1999/2026» → 1999); NULL when it has no figure (has_figure)."""

    type = Numeric()
    inherit_cache = True


@compiles(number_count, "sqlite")
def _number_count_sqlite(element, compiler, **kw) -> str:
    text = compiler.process(element.clauses, **kw)
    separator = f"ltrim(substr({text}, 5))"
    after_year = f"ltrim(substr({separator}, 2))"
    no_figures = text
    for figure in "0123456789":
        no_figures = f"replace({no_figures}, '{figure}', '')"
    return (f"CASE WHEN {_begins_with_year_sqlite(text)} AND substr({separator}, 1, 1) IN ('/', '.', '-')"
            f" AND {after_year} GLOB '[0-9]*' AND NOT ({_begins_with_year_sqlite(after_year)})"
            f" THEN CAST({after_year} AS INTEGER)"
            f" WHEN {text} GLOB '[0-9]*' THEN CAST({text} AS INTEGER)"
            f" WHEN {text} GLOB '*[0-9]*' THEN CAST(ltrim({text}, {no_figures}) AS INTEGER) END")


def _begins_with_year_sqlite(text: str) -> str:
    """Whether `text` begins with a year, 1900 to 2099 in four figures and no fifth (CAST reads its first
    figures)."""
    return f"{text} GLOB '[12]*' AND CAST({text} AS INTEGER) BETWEEN 1900 AND 2099"


@compiles(number_count, "postgresql")
def _number_count_postgresql(element, compiler, **kw) -> str:
    text = compiler.process(element.clauses, **kw)
    after_year = r"'^(?:19|20)\d\d\s*[/.-]\s*(?!(?:19|20)\d\d(?:\D|$))(\d+)'"
    return rf"CAST(coalesce(substring({text} FROM {after_year}), substring({text} FROM '\d+')) AS numeric)"


class has_figure(FunctionElement):  # noqa: N801 - used as a SQL function
    """Whether a text holds a figure: a number with none has no count (number_count)."""

    type = Boolean()
    inherit_cache = True


@compiles(has_figure, "sqlite")
def _has_figure_sqlite(element, compiler, **kw) -> str:
    return f"({compiler.process(element.clauses, **kw)} GLOB '*[0-9]*')"


@compiles(has_figure, "postgresql")
def _has_figure_postgresql(element, compiler, **kw) -> str:
    return rf"({compiler.process(element.clauses, **kw)} ~ '\d')"


class days_after(FunctionElement):  # noqa: N801 - used as a SQL function
    """The day a whole number of days after a date: days_after(day, days)."""

    type = Date()
    inherit_cache = True


@compiles(days_after, "sqlite")
def _days_after_sqlite(element, compiler, **kw) -> str:
    day, days = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"date({day}, '+' || {days} || ' days')"


@compiles(days_after, "postgresql")
def _days_after_postgresql(element, compiler, **kw) -> str:
    day, days = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({day} + CAST({days} AS integer))"


class joined_in_order(FunctionElement):  # noqa: N801 - used as a SQL function
    """An aggregate: the texts of a group joined with commas, in their own (code-point) order."""

    type = String()
    inherit_cache = True


@compiles(joined_in_order, "sqlite")
def _joined_in_order_sqlite(element, compiler, **kw) -> str:
    text = compiler.process(element.clauses, **kw)
    return f"group_concat({text}, ',' ORDER BY {text})"


@compiles(joined_in_order, "postgresql")
def _joined_in_order_postgresql(element, compiler, **kw) -> str:
    text = compiler.process(element.clauses, **kw)
    return f"string_agg({text}, ',' ORDER BY {text})"


class day_number(FunctionElement):  # noqa: N801 - used as a SQL function
    """A date's whole days since Monday 01/01/1900 (0 that day, less than 0 before it)."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "sqlite")
def _day_number_sqlite(element, compiler, **kw) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) - julianday('1900-01-01') AS INTEGER)"


@compiles(day_number, "postgresql")
def _day_number_postgresql(element, compiler, **kw) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS date) - DATE '1900-01-01')"


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


def empties_last(keys: Sequence[ColumnElement], descending: bool = False, source: FromClause | None = None
                 ) -> list[ColumnElement]:
    """ORDER BY `keys` (each descending when `descending`) read from `source`, with the empty values of each key
    (NULL, or '' in a text) after the others whichever way, as Excel sorts blanks: SQLite puts NULL first
    ascending and PostgreSQL last. A key that is never empty is ordered as it is, so that an index on it still
    orders."""
    outer = _outer_tables(source)
    ordered: list[ColumnElement] = []
    for key in keys:
        if _may_be_empty(key, outer):
            ordered.append(case((_empty(key), 1), else_=0))
        ordered.append(key.desc() if descending else key)
    return ordered


def _empty(key: ColumnElement) -> ColumnElement:
    return or_(key.is_(None), key == "") if isinstance(key.type, String) else key.is_(None)


def _outer_tables(source: FromClause | None) -> frozenset[FromClause]:
    """The tables `source` joins by an outer join: their columns are NULL where no row is joined."""
    if not isinstance(source, Join):
        return frozenset()
    joined = frozenset(find_tables(source.right)) if source.isouter else frozenset()
    return joined | _outer_tables(source.left) | _outer_tables(source.right)


def _may_be_empty(key: ColumnElement, outer: frozenset[FromClause]) -> bool:
    """Whether `key` may be NULL or '': a column declared NOT NULL (a required field, never written blank) of a
    table not outer joined, a test of IS NULL, a count, a value, a COALESCE of one of them and an aggregate's
    subquery are never."""
    if isinstance(key, Column):
        return key.nullable or key.table in outer
    if isinstance(key, BinaryExpression):
        return key.operator not in (operators.is_, operators.is_not)
    if isinstance(key, functions.count):
        return False
    if isinstance(key, functions.coalesce):
        return all(_may_be_empty(part, outer) for part in key.clauses)
    if isinstance(key, BindParameter):
        return key.value is None or key.value == ""
    if isinstance(key, ScalarSelect):
        return _may_be_empty(key.element.selected_columns[0], outer)
    return True
