"""The order of a delegation's members wherever the officer checks them against its decision (its printed list,
its passports handed out and received back, the minutes of them): as the decision lists them, the head of the
delegation first, then the deputies, then the members, each role in the order the members were written on it."""

from sqlalchemy import ColumnElement, case

from .kinds import MEMBER_ROLES
from .schema import delegation_members


def as_decided() -> tuple[ColumnElement, ...]:
    """The terms to order memberships by (a row joined to none, a private trip's, after those joined to one)."""
    rank = case({role: at for at, role in enumerate(MEMBER_ROLES)}, value=delegation_members.c.role,
                else_=len(MEMBER_ROLES))
    return rank, delegation_members.c.id.asc().nulls_last()
