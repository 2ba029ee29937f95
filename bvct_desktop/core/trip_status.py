"""A delegation cancelled or put off (its «Tình trạng», kinds.TRIP_STATUSES) stays on record, marked, and is
no trip made: the report does not count it, no post-trip report is due for it, its members are not away
with it. So with a member the decision named who did not go («Không đi (lý do)»: ill, withdrawn): kept on
the delegation, marked, and not away with it, nor counted among the cadres sent abroad."""

from sqlalchemy import ColumnElement, and_, select

from .schema import delegation_members, delegations

NOT_CALLED_OFF = "Không hủy, không hoãn"  # the register's status of those going(): the trips the report counts


def going() -> ColumnElement:
    """The delegations that go, or went: neither cancelled nor put off, and one member at least goes with
    them (a delegation all of whose members were withdrawn is called off in all but name)."""
    members = delegation_members.alias()  # not the places a query joining the delegations lists, if it does
    someone = (select(members.c.id)
               .where(members.c.delegation_id == delegations.c.id, members.c.not_going.is_(None)).exists())
    return and_(delegations.c.status.is_(None), someone)


def member_going() -> ColumnElement:
    """The places on delegations that go, or went, of the members who go with them."""
    return and_(delegations.c.status.is_(None), delegation_members.c.not_going.is_(None))
