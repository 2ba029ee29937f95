"""The slip numbers an officer need not look up: the next one free in the year of a slip's issue date, written as
the office writes them. A number is the slip's key within its year (core/plans/slips.py), so the count starts
again at a new year («0001/PXM», «1/2027» after «12/2026», «1/PXM-27» after «12/PXM-26»); a slip in the recycle
bin keeps its number."""

import datetime as dt

from sqlalchemy import Connection, select

from .database import Database
from .permissions import Action
from .schema import slips
from .text import identity_key
from .typed import count_in, first_of_year, following_number


def suggested(db: Database, issued_on: dt.date) -> str:
    """The number for a new slip issued on `issued_on`: the one after the highest of the year written as its
    latest slip is, else the first of the year written as the latest slip of an earlier year; empty when no
    slip shows how the office writes them."""
    db.require(Action.BROWSE, "xem số phiếu")
    with db.read() as connection:
        wanted = _following_on(connection, issued_on.year)
        return free_from(connection, issued_on.year, wanted) if wanted else ""


def _following_on(connection: Connection, year: int) -> str:
    numbers = connection.execute(select(slips.c.number).where(slips.c.year == year).order_by(
        slips.c.issued_on.desc(), slips.c.id.desc())).scalars().all()
    if numbers:
        return _after_highest(numbers)
    before = connection.execute(select(slips.c.number, slips.c.year).where(slips.c.year < year).order_by(
        slips.c.year.desc(), slips.c.issued_on.desc(), slips.c.id.desc()).limit(1)).first()
    return first_of_year(before.number, before.year, year) if before else ""


def free_after(db: Database, number: str, issued_on: dt.date) -> str:
    """The number after `number` (the slip just saved, for the next of a pile) that no slip of `issued_on`'s year
    has; empty when it has no figure to count on."""
    db.require(Action.BROWSE, "xem số phiếu")
    following = following_number(number)
    if not following:
        return ""
    with db.read() as connection:
        return free_from(connection, issued_on.year, following)


def free_from(connection: Connection, year: int, number: str) -> str:
    """`number`, or the first after it no slip of `year` has."""
    while taken(connection, year, number):
        number = following_number(number)
    return number


def taken(connection: Connection, year: int, number: str) -> bool:
    """Whether a slip of `year` (in the recycle bin too) has `number`, as the key compares numbers."""
    return connection.execute(select(slips.c.id).where(
        slips.c.year == year, slips.c.number_key == identity_key(number)).limit(1)).first() is not None


def _after_highest(numbers: list[str]) -> str:
    """The number after the highest of `numbers` written as the first of them is (what surrounds its count)."""
    latest = numbers[0]
    match = count_in(latest)
    if match is None:
        return ""
    shape = _shape(latest)
    highest = max(int(count_in(number)[0]) for number in numbers if _shape(number) == shape)
    return following_number(latest[:match.start()] + str(highest).zfill(len(match[0])) + latest[match.end():])


def _shape(number: str) -> tuple[str, str] | None:
    """What surrounds the count of `number` («/pxm» of «0012/PXM»), as the key compares it."""
    match = count_in(number)
    return (identity_key(number[:match.start()]), identity_key(number[match.end():])) if match else None
