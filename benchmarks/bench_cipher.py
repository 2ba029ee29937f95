"""The cost of encryption: one query mix on the encrypted database and on a plain copy.

Both sides run the same package code (a copy of the unlocked `Database` whose engine
opens the plain file instead) with the same SQLite library (sqlcipher3 without a key) and
the same connection settings, over the 1,000,000-slip database of bench_report and its
plain copy made with `sqlcipher_export`.

The mix: the report figures for one year, a person search by name prefix (index range on
name_key), by words (the program's search: search.person_condition, over the FTS5 index), a
register page of 200 slips ordered by issued_on, and the slip count by recipient.
target: ratio ≤ 1.3 for the mix (each query's ratio is shown too). Shown apart, outside the
mix: the same word search as LIKE over persons.search_key, which the program does not use.
"""

import copy
import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path

import common
import fixtures
import sqlcipher3.dbapi2 as sqlcipher
from bench_report import ROWS
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine

from bvct_desktop.core import report, search
from bvct_desktop.core.engine import BUSY_TIMEOUT_MS
from bvct_desktop.core.schema import persons, recipients, slips

TARGET = 1.3
YEAR_START, YEAR_END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
PAGE_FROM = dt.date(2021, 1, 1)
NAME_PREFIX = "nguyễn văn h"  # identity keys are case-folded with accents kept
WORDS = ("nguyen", "hung")


def plain_copy(source: Path, rows: int) -> Path:
    """The plain SQLite copy of the cached encrypted database `source` (cached as well)."""
    def build(folder: Path) -> None:
        db = fixtures.open_database(source)
        try:
            connection = db.engine.raw_connection()
            try:
                cursor = connection.cursor()
                cursor.execute(f"ATTACH DATABASE '{folder / 'plain.db'}' AS plain KEY ''")
                cursor.execute("SELECT sqlcipher_export('plain')")
                cursor.execute("DETACH DATABASE plain")
            finally:
                connection.close()
        finally:
            db.close()

    return fixtures.cached(f"slips-{rows}-seed1-plain", build) / "plain.db"


def plain_engine(path: Path) -> Engine:
    """An engine on a plain file with the settings engine.make_engine gives every connection."""
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys = ON", "journal_mode = WAL", f"busy_timeout = {BUSY_TIMEOUT_MS}",
                       "temp_store = MEMORY", "synchronous = NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get("immediate")
                                   else "BEGIN")

    return engine


def report_for_a_year(db) -> object:
    return report.figures(db, YEAR_START, YEAR_END)


def names_with_prefix(db) -> list:
    upper = NAME_PREFIX[:-1] + chr(ord(NAME_PREFIX[-1]) + 1)
    query = (select(persons.c.id, persons.c.full_name, persons.c.birth_date, persons.c.home_town)
             .where(persons.c.name_key >= NAME_PREFIX, persons.c.name_key < upper)
             .order_by(persons.c.name_key, persons.c.birth_date).limit(200))
    with db.read() as connection:
        return connection.execute(query).all()


def words_like(db) -> list:
    query = select(persons.c.id, persons.c.full_name, persons.c.birth_date).where(
        *(persons.c.search_key.like(f"%{word}%") for word in WORDS))
    with db.read() as connection:
        return connection.execute(query).all()


def words_searched(db) -> list:
    query = select(persons.c.id, persons.c.full_name, persons.c.birth_date).where(
        search.person_condition(" ".join(WORDS), persons.c.id))
    with db.read() as connection:
        return connection.execute(query).all()


def register_page(db) -> list:
    query = (select(slips.c.id, slips.c.number, slips.c.issued_on, persons.c.full_name, persons.c.birth_date,
                    recipients.c.name, slips.c.result_on)
             .select_from(slips.join(persons).join(recipients))
             .where(slips.c.deleted_at.is_(None), slips.c.issued_on >= PAGE_FROM)
             .order_by(slips.c.issued_on, slips.c.id).limit(200))
    with db.read() as connection:
        return connection.execute(query).all()


def count_by_recipient(db) -> list:
    query = (select(recipients.c.name, func.count()).select_from(slips.join(recipients))
             .where(slips.c.deleted_at.is_(None)).group_by(recipients.c.name))
    with db.read() as connection:
        return connection.execute(query).all()


QUERIES: dict[str, Callable] = {
    "report figures, one year": report_for_a_year,
    "persons by name prefix (200)": names_with_prefix,
    "persons by words (search, FTS5)": words_searched,
    "register page of 200 slips": register_page,
    "slips by recipient": count_by_recipient,
}
APART: dict[str, Callable] = {"persons by words, LIKE (not in the program)": words_like}


def run(scale: float = 1.0, repeat: int = 5, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    source = fixtures.slip_database(rows)
    encrypted = fixtures.open_database(source)
    plain = copy.copy(encrypted)
    plain.engine = plain_engine(plain_copy(source, rows))
    try:
        figures = _compare(encrypted, plain, repeat)
        if profile:
            common.profile(lambda: [query(encrypted) for query in QUERIES.values()])
    finally:
        encrypted.close()
        plain.close()
    for figure in figures:
        common.print_figure(figure, "plain SQLite", "encrypted")
    return figures


def _compare(encrypted, plain, repeat: int) -> list[common.Figure]:
    for query in (*QUERIES.values(), *APART.values()):  # warm both page caches and the OS cache
        if query(encrypted) != query(plain):
            raise SystemExit(f"{query.__name__} answers differently on the two databases")
    mix = [_figure(name, query, encrypted, plain, repeat, TARGET) for name, query in QUERIES.items()]
    total = common.Figure("cipher: query mix (sum of medians)", TARGET,
                          [sum(figure.median for figure in mix)], [sum(figure.baseline for figure in mix)])
    apart = [_figure(name, query, encrypted, plain, repeat, None) for name, query in APART.items()]
    return [*mix, total, *apart]


def _figure(name: str, query: Callable, encrypted, plain, repeat: int, target: float | None) -> common.Figure:
    plain_runs, runs = common.alternate(functools.partial(common.timed, functools.partial(query, plain)),
                                        functools.partial(common.timed, functools.partial(query, encrypted)),
                                        repeat)
    return common.Figure(f"cipher: {name}", target, runs, plain_runs)


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=5)
    run(args.scale, args.repeat, args.profile)
