"""A delegation cancelled or put off (its «Tình trạng», kinds.TRIP_STATUSES) stays on record, marked, and is
no trip made: the report does not count it, no post-trip report is due for it, its members are not away
with it."""

from sqlalchemy import ColumnElement

from .schema import delegations

NOT_CALLED_OFF = "Không hủy, không hoãn"  # the register's status of those going(): the trips the report counts


def going() -> ColumnElement:
    """The delegations that go, or went: neither cancelled nor put off."""
    return delegations.c.status.is_(None)
