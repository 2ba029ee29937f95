"""Deadlines that follow from the records and the office settings: what needs action today."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, or_, select

from . import settings, workdays
from .database import Database
from .permissions import Action
from .schema import delegations, persons, recipients, slips


@dataclass(frozen=True)
class Due:
    record_id: int
    title: str
    due_on: dt.date

    def days_late(self, today: dt.date) -> int:
        return (today - self.due_on).days


def not_done_by(done_on: ColumnElement, today: dt.date) -> ColumnElement:
    """The rule of every deadline: a record is not yet done with (answered, resolved, concluded,
    its report received) on `today` when it has no such date, or one after `today` — what is dated
    later had not happened yet."""
    return or_(done_on.is_(None), done_on > today)


def done_by(done_on: ColumnElement, day: dt.date) -> ColumnElement:
    """The other side of `not_done_by`: done with on or before `day`."""
    return and_(done_on.is_not(None), done_on <= day)


def slip_reply_due(issued_on: dt.date, days: int) -> dt.date:
    """The reply to a slip is due `days` (han_tra_loi_phieu_ngay) after it was issued, or on the next
    working day when that is a day off."""
    return workdays.working_day_on_or_after(issued_on + dt.timedelta(days=days))


def post_trip_report_due(return_on: dt.date, days: int) -> dt.date:
    """The report after a trip abroad is due `days` (han_bao_cao_sau_chuyen_di_ngay) working days
    after the return."""
    return workdays.add_working_days(return_on, days)


def overdue_if_on_or_before(due: Callable[[dt.date], dt.date], today: dt.date) -> dt.date:
    """The last day a record may start (be issued, come back, be due) and be overdue on `today`, its
    deadline `due` of that day: a deadline never comes earlier for a later start, so the registers'
    SQL compares the start with this one day and agrees with the deadlines counted here."""
    start = today - dt.timedelta(days=1)
    while due(start) >= today:
        start -= dt.timedelta(days=1)
    return start


def slip_reply_overdue(today: dt.date, days: int) -> ColumnElement:
    """A slip with no reply on `today` (not_done_by) past its reply deadline (slip_reply_due). A slip
    whose result is written without its day has had its reply: it waits for that day, not for the
    police (result_without_date)."""
    no_reply = and_(not_done_by(slips.c.result_on, today), ~result_without_date())
    last_issued = overdue_if_on_or_before(lambda issued_on: slip_reply_due(issued_on, days), today)
    return and_(no_reply, slips.c.issued_on <= last_issued)


def post_trip_report_overdue(today: dt.date, days: int) -> ColumnElement:
    """A delegation whose report is not received on `today` past its deadline (post_trip_report_due)."""
    last_return = overdue_if_on_or_before(lambda return_on: post_trip_report_due(return_on, days), today)
    return and_(not_done_by(delegations.c.report_received_on, today), delegations.c.return_on <= last_return)


def past_due(due_on: ColumnElement, today: dt.date) -> ColumnElement:
    """A deadline typed or stored (`due_on`) passed by `today`: one on a day off ends on the next
    working day."""
    return due_on <= overdue_if_on_or_before(workdays.working_day_on_or_after, today)


def result_without_date():
    """A slip whose result is written but not the day it came (old sheets lost that column): it is
    neither answered for the report nor to be chased as overdue until the officer sets the day."""
    return and_(slips.c.result_on.is_(None), slips.c.result.is_not(None), slips.c.result != "")


def post_trip_reports_due(db: Database, today: dt.date) -> list[Due]:
    """Delegations back home whose report is not received, named with where they went, with its deadline
    (post_trip_report_due; those not yet due included, so the officer sees them coming)."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        days = int(settings.read_all(connection, today)["han_bao_cao_sau_chuyen_di_ngay"])
        rows = connection.execute(
            select(delegations.c.id, delegations.c.name, delegations.c.countries, delegations.c.return_on)
            .where(delegations.c.deleted_at.is_(None), not_done_by(delegations.c.report_received_on, today),
                   delegations.c.return_on <= today)
            .order_by(delegations.c.return_on)).all()
    return [Due(row.id, f"{row.name} – {row.countries}", post_trip_report_due(row.return_on, days)) for row in rows]


def slips_awaiting_reply(db: Database, today: dt.date) -> list[Due]:
    """Slips without a reply past their deadline (slip_reply_due)."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        days = int(settings.read_all(connection, today)["han_tra_loi_phieu_ngay"])
        rows = connection.execute(
            select(slips.c.id, slips.c.number, persons.c.full_name, recipients.c.name.label("recipient"),
                   slips.c.issued_on)
            .select_from(slips.join(persons).join(recipients))
            .where(slips.c.deleted_at.is_(None), slip_reply_overdue(today, days))
            .order_by(slips.c.issued_on)).all()
    return [Due(row.id, f"Phiếu {row.number} – {row.full_name} – {row.recipient}",
                slip_reply_due(row.issued_on, days)) for row in rows]
