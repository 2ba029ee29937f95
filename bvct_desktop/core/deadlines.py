"""Deadlines that follow from the records and the office settings: what needs action today."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true

from . import settings, sql, trip_status, workdays
from .database import Database
from .dates import DayWithWords
from .numbers import grouped
from .permissions import Action
from .schema import archive_requests, delegations, passport_handovers, passports, persons, recipients, slips
from .vetted_for import vetted_for


@dataclass(frozen=True)
class Due:
    record_id: int
    title: str
    due_on: dt.date
    kind: str | None = None  # the register of its record, when not its list's (a private trip's: the cadre's)

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


REPLY_DAYS = "han_tra_loi_phieu_ngay"
REPORT_DAYS = "han_bao_cao_sau_chuyen_di_ngay"
PRIVATE_REPORT_DAYS = "han_bao_cao_viec_rieng_ngay"  # a private trip's (trip_reports): another rule, its own days
PASSPORT_DAYS = "han_nop_lai_ho_chieu_ngay"
# The brief sets no time limit for research between provinces' archives: a request sent to another
# province and one received from another are both due the days of this setting after their letter.
ARCHIVE_REPLY_DAYS = "nhac_tinh_ban_tra_loi_ngay"
RETURN_UNWRITTEN_DAYS = 7  # return_unwritten_due


def slip_reply_due(issued_on: dt.date, history: settings.History) -> dt.date:
    """The reply to a slip is due the days of han_tra_loi_phieu_ngay in force on the day it was issued
    after that day, or on the next working day when that is a day off."""
    return reply_due(issued_on, history.days_on(REPLY_DAYS, issued_on))


def reply_due(sent_on: dt.date, days: int) -> dt.date:
    """A reply asked for on `sent_on` within `days` is due that many days later, or on the next working
    day when that is a day off."""
    return workdays.working_day_on_or_after(sent_on + dt.timedelta(days=days))


def archive_reply_due(doc_on: dt.date, history: settings.History) -> dt.date:
    """The reply to a request between provinces' archives is due the days of nhac_tinh_ban_tra_loi_ngay in
    force on the day of its letter after that day, as a slip's (reply_due)."""
    return reply_due(doc_on, history.days_on(ARCHIVE_REPLY_DAYS, doc_on))


def late_by(due_on: dt.date, late: bool, today: dt.date, answered_on: dt.date | None = None,
            came: str = "trả lời") -> DayWithWords:
    """A register's cell of a deadline: the day, and how many days late on `today` when the record is
    overdue — counted from the next working day when the day is a day off (a deadline typed by hand:
    it ends then, as `past_due` says); or, for what `came` (a reply, a passport handed back) on `answered_on`
    after it, how late it came."""
    if answered_on is not None and answered_on <= today and (days := days_late(due_on, answered_on)) > 0:
        return DayWithWords(due_on, f"({came} muộn {grouped(days)} ngày)")
    return DayWithWords(due_on, f"(quá hạn {grouped(days_late(due_on, today))} ngày)" if late else "")


def days_late(due_on: dt.date, on: dt.date) -> int:
    """How many days `on` is after the deadline `due_on` (one on a day off ends on the next working day)."""
    return (on - workdays.working_day_on_or_after(due_on)).days


def archive_reply_lateness(db: Database, doc_on: dt.date, answered_on: dt.date | None) -> str:
    """«Trả lời muộn 12 ngày (hạn 12/02/2027)» for a request between provinces' archives answered after its
    deadline (archive_reply_due), counted from the deadline to the reply; "" when answered in time or not yet."""
    db.require(Action.BROWSE, "xem hạn trả lời")
    if answered_on is None:
        return ""
    with db.read() as connection:
        due_on = archive_reply_due(doc_on, settings.read_history(connection))
    days = days_late(due_on, answered_on)
    return f"Trả lời muộn {grouped(days)} ngày (hạn {due_on:%d/%m/%Y})" if days > 0 else ""


def post_trip_report_due(return_on: dt.date, history: settings.History, key: str = REPORT_DAYS) -> dt.date:
    """The report after a trip abroad is due the working days of setting `key` (a delegation's
    han_bao_cao_sau_chuyen_di_ngay, a private trip's PRIVATE_REPORT_DAYS) in force on the day of the
    return after that day."""
    return workdays.add_working_days(return_on, history.days_on(key, return_on))


def passport_return_due(trip_return_on: dt.date, history: settings.History) -> dt.date:
    """A passport handed out for a trip comes back the `passport_return_days` after the day of the return."""
    return workdays.add_working_days(trip_return_on, passport_return_days(trip_return_on, history))


def passport_return_days(trip_return_on: dt.date, history: settings.History) -> int:
    """The working days a passport comes back within after a trip's return: han_nop_lai_ho_chieu_ngay in force on
    the day of the return (Luật Xuất cảnh, nhập cảnh 2019: 5 working days)."""
    return history.days_on(PASSPORT_DAYS, trip_return_on)


def return_unwritten_due(left_on: dt.date) -> dt.date:
    """The day a trip that left on `left_on` and has no day of return written is asked about: a week later.
    Every deadline after a trip (its report, its passport back) runs from its return, so without one nothing
    falls due and the officer forgets it. No setting says how long a trip lasts; a week asks about the trip
    still abroad only once the return should be known (it is in the decision or the application)."""
    return left_on + dt.timedelta(days=RETURN_UNWRITTEN_DAYS)


def overdue_if_on_or_before(due: Callable[[dt.date], dt.date], today: dt.date) -> dt.date:
    """The last day a record may start (be issued, come back, be due) and be overdue on `today`, its
    deadline `due` of that day: a deadline never comes earlier for a later start, so the registers'
    SQL compares the start with this one day and agrees with the deadlines counted here."""
    start = today - dt.timedelta(days=1)
    while due(start) >= today:
        start -= dt.timedelta(days=1)
    return start


def started_past_due(started: ColumnElement, history: settings.History, key: str,
                     due: Callable[[dt.date, int], dt.date], today: dt.date) -> ColumnElement:
    """The records that started on `started` and are past their deadline on `today`: `due` of the start
    and the days of setting `key` in force on the day it started, so that a change of the setting moves
    no deadline already running. Within the span of one value `overdue_if_on_or_before` holds."""
    late = []
    for index, span in enumerate(history.spans[key]):
        last = overdue_if_on_or_before(lambda day, days=int(span.value): due(day, days), today)
        late.append(and_(_started_in(started, index, span), started <= last))
    return or_(*late)


def reply_due_order(started: ColumnElement, history: settings.History, key: str) -> ColumnElement:
    """What orders records that started on `started` by the day their reply is due (reply_due with the days of
    setting `key` in force on the day each started, as the register's cell shows it): the day before it moves
    off a day off, which orders them the same."""
    return case(*((_started_in(started, index, span), sql.days_after(started, int(span.value)))
                  for index, span in enumerate(history.spans[key])))


def working_days_due_order(started: ColumnElement, history: settings.History, key: str, first: dt.date,
                           last: dt.date) -> ColumnElement:
    """What orders records that started on `started` (a day from `first` to `last`) by the day they are due: the
    working days of setting `key` in force on the day each started, after it (workdays.add_working_days), as the
    register's cell shows it. That day is the working day numbered the working days up to the start
    (`_working_days_through`) plus the setting's: the sum orders them as their days, ties included."""
    through = _working_days_through(started, first, last)
    return case(*((_started_in(started, index, span), through + int(span.value))
                  for index, span in enumerate(history.spans[key])))


def _working_days_through(day: ColumnElement, first: dt.date, last: dt.date) -> ColumnElement:
    """The working days from Monday 01/01/1900 to `day` (a day from `first` to `last`), in SQL: the weekdays less the
    Saturdays and Sundays, less the days off on a weekday up to `day` from `first` on, counted a year, then a day at
    a time, the latest first (most records are recent)."""
    number = sql.day_number(day)
    weekdays = number + 1 - _floor_divided(number + 2, 7) - _floor_divided(number + 1, 7)
    off: dict[int, list[dt.date]] = {}  # the days off on a weekday, by year
    for offset in range((last - first).days + 1):
        if (on := first + dt.timedelta(days=offset)).weekday() < 5 and not workdays.is_working_day(on):
            off.setdefault(on.year, []).append(on)
    years, before = [], 0
    for year, days in sorted(off.items()):
        within = case(*((day >= on, count) for count, on in reversed(list(enumerate(days, 1)))), else_=0)
        years.append((day >= dt.date(year, 1, 1), before + within))
        before += len(days)
    return weekdays - case(*reversed(years), else_=0) if years else weekdays


def _floor_divided(number: ColumnElement, by: int) -> ColumnElement:
    """`number` // `by` in SQL for a number less than 0 too (a day before 1900): SQL's division, SQLite's and the
    server's, truncates toward 0; its remainder keeps the sign of `number`, so this takes away the true one first."""
    return (number - (number % by + by) % by) // by


def _started_in(started: ColumnElement, index: int, span: settings.Span) -> ColumnElement:
    """Whether `started` is within the span of a setting's `index`th value (before any dated value, the first
    holds)."""
    since = true() if index == 0 else started >= span.valid_from
    until = true() if span.until is None else started <= span.until
    return and_(since, until)


def slip_reply_overdue(today: dt.date, history: settings.History) -> ColumnElement:
    """A slip with no reply on `today` (not_done_by) past its reply deadline (slip_reply_due). A slip
    whose result is written without its day has had its reply: it waits for that day, not for the
    police (result_without_date)."""
    return and_(slip_unanswered(today), started_past_due(slips.c.issued_on, history, REPLY_DAYS, reply_due, today))


def slip_unanswered(today: dt.date) -> ColumnElement:
    """A slip with no reply on `today` (not_done_by); one whose result is written without its day has had it
    (result_without_date)."""
    return and_(not_done_by(slips.c.result_on, today), ~result_without_date())


def archive_reply_overdue(today: dt.date, history: settings.History) -> ColumnElement:
    """A request between provinces' archives with no reply on `today` past its deadline (archive_reply_due)."""
    return and_(not_done_by(archive_requests.c.answered_on, today),
                started_past_due(archive_requests.c.doc_on, history, ARCHIVE_REPLY_DAYS, reply_due, today))


def post_trip_report_overdue(today: dt.date, history: settings.History) -> ColumnElement:
    """A delegation whose report is not received on `today` past its deadline (post_trip_report_due); one
    cancelled or put off owes none."""
    return and_(trip_status.going(), not_done_by(delegations.c.report_received_on, today),
                started_past_due(delegations.c.return_on, history, REPORT_DAYS, workdays.add_working_days, today))


def trip_return_on() -> ColumnElement:
    """The day a passport handover's trip comes back: the day typed, else its delegation's as it stands now
    (a delegation's return corrected moves the passport's deadline)."""
    delegation_return = (select(delegations.c.return_on)
                         .where(delegations.c.id == passport_handovers.c.delegation_id).scalar_subquery())
    return func.coalesce(passport_handovers.c.trip_return_on, delegation_return)


def passport_owed(today: dt.date) -> ColumnElement:
    """A handover whose passport is not received back on `today` and not reported lost by then: a passport
    reported lost is cancelled, nothing comes back."""
    lost = select(passports.c.id).where(passports.c.lost_on <= today)
    return and_(not_done_by(passport_handovers.c.returned_on, today), passport_handovers.c.passport_id.not_in(lost))


def passport_return_overdue(today: dt.date, history: settings.History) -> ColumnElement:
    """A handover whose passport is owed on `today` (passport_owed) past its deadline (passport_return_due); one
    whose trip has no day of return has none."""
    return and_(passport_owed(today),
                started_past_due(trip_return_on(), history, PASSPORT_DAYS, workdays.add_working_days, today))


def due_by(due_on: ColumnElement, day: dt.date) -> ColumnElement:
    """A deadline typed or stored (`due_on`) that ends on or before `day`: one on a day off ends on the next
    working day (workdays.working_day_on_or_after), the day the lists show."""
    return due_on <= overdue_if_on_or_before(workdays.working_day_on_or_after, day + dt.timedelta(days=1))


def past_due(due_on: ColumnElement, today: dt.date) -> ColumnElement:
    """A deadline typed or stored (`due_on`) passed by `today` (ended the day before or earlier: `due_by`)."""
    return due_by(due_on, today - dt.timedelta(days=1))


def result_without_date():
    """A slip whose result is written but not the day it came (old sheets lost that column): it is
    neither answered for the report nor to be chased as overdue until the officer sets the day."""
    return and_(slips.c.result_on.is_(None), slips.c.result.is_not(None), slips.c.result != "")


def post_trip_reports_due(db: Database, today: dt.date) -> list[Due]:
    """Delegations back home whose report is not received, named with where they went, with its deadline
    (post_trip_report_due; those not yet due included, so the officer sees them coming)."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        history = settings.read_history(connection)
        rows = connection.execute(
            select(delegations.c.id, delegations.c.name, delegations.c.countries, delegations.c.return_on)
            .where(delegations.c.deleted_at.is_(None), trip_status.going(),
                   not_done_by(delegations.c.report_received_on, today),
                   delegations.c.return_on <= today)
            .order_by(delegations.c.return_on, delegations.c.id)).all()
    return [Due(row.id, f"{row.name} – {row.countries}", post_trip_report_due(row.return_on, history))
            for row in rows]


def slips_awaiting_reply(db: Database, today: dt.date) -> list[Due]:
    """Slips without a reply past their deadline (slip_reply_due), each named with its subject and, when
    that is another's relative, whom the vetting is for (vetted_for); a recipient named after a former
    province, with the province it is part of on `today`."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        history = settings.read_history(connection)
        rows = connection.execute(
            select(slips.c.id, slips.c.number, persons.c.full_name, slips.c.relation, slips.c.vetted_name,
                   recipients.c.name.label("recipient"), slips.c.issued_on)
            .select_from(slips.join(persons).join(recipients))
            .where(slips.c.deleted_at.is_(None), slip_reply_overdue(today, history))
            .order_by(slips.c.issued_on, slips.c.id)).all()
    from . import gazetteer  # its place names are read on the first list, not at start-up

    return [Due(row.id, f"Phiếu {row.number} – {_subject(row.full_name, row.relation, row.vetted_name)} – "
                f"{gazetteer.with_province_now(row.recipient, today)}", slip_reply_due(row.issued_on, history))
            for row in rows]


def _subject(full_name: str, relation: str | None, vetted: str | None) -> str:
    """«Phạm Văn Bình (cha của Phạm Minh Quang)», «Phạm Minh Quang»."""
    whom = vetted_for(full_name, relation, vetted)
    return f"{full_name} ({whom})" if whom else full_name
