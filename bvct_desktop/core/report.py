"""The periodic report's figures, counted from the registers (spec, "Report figures").

"In the period" means the kind's date lies between `start` and `end`, both included;
records in the recycle bin never count.
"""

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Date, and_, bindparam, case, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from . import archive_replies, deadlines, recipient_groups, settings, sql, trip_status
from .collation import text_sort_key
from .database import Database
from .dates import check_period
from .kinds import ANONYMOUS, ARCHIVE_FOR_OTHERS, ARCHIVE_FROM_OTHERS, DELEGATIONS
from .permissions import Action
from .schema import archive_requests, complaints, delegation_members, delegations, recipients, slips, vetting_cases

UNSTATED = "Không ghi"  # the breakdowns' name for an empty purpose


def figures(db: Database, start: dt.date, end: dt.date, on: dt.date | None = None) -> dict[str, Any]:
    """`count` for the officer asking for the figures as a report (its page, `bvct report`, the report
    written): the asking is audited with the period."""
    result = count(db, start, end, on)
    with db.write() as connection:
        db.audit(connection, "báo cáo số liệu", details={"tu": start, "den": end})
    return result


def replies_counted_to(end: dt.date, on: dt.date) -> dt.date:
    """The day a report dated `on` on a period ending `end` counts the replies received by: the period's last, or
    the report's own when it comes first («Đến ngày …»). The figures and the document's words both take it."""
    return min(end, on)


def count(db: Database, start: dt.date, end: dt.date, on: dt.date | None = None) -> dict[str, Any]:
    """The report keys of the spec (and a few more breakdowns) for the period, in the report dated `on` (the
    computer's date when not given)."""
    check_period(start, end)
    db.require(Action.REPORT_FIGURES, "báo cáo số liệu")
    with db.read() as connection:
        result = {"from": start.isoformat(), "to": end.isoformat()}
        result.update(_vetting_cases(connection, start, end))
        counted_to = replies_counted_to(end, db.clock().date() if on is None else on)
        result.update(_slips(connection, start, end, counted_to))
        result["slips_without_result"] = slips_without_result(result)
        result["slips_overdue"] = _slips_overdue(connection, start, end, counted_to)
        province = settings.read_all(connection, end)["dia_danh"]
        result["slips_by_recipient_group"] = recipient_groups.grouped(result["slips_by_recipient"], province)
        result.update(_delegations(connection, start, end))
        result.update(_archive(connection, start, end, counted_to))
        result.update(_complaints(connection, start, end))
    return result


def _vetting_cases(connection: Connection, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Cases opened in the period by purpose, and cases concluded in it (whenever opened) by result."""
    live = vetting_cases.c.deleted_at.is_(None)
    by_purpose = dict(connection.execute(
        select(func.coalesce(vetting_cases.c.purpose, UNSTATED), func.count())
        .where(live, vetting_cases.c.opened_on.between(start, end)).group_by(vetting_cases.c.purpose)).all())
    by_result = dict(connection.execute(
        select(func.coalesce(vetting_cases.c.result, UNSTATED), func.count())
        .where(live, vetting_cases.c.concluded_on.between(start, end)).group_by(vetting_cases.c.result)).all())
    return {"vetting_cases_opened": sum(by_purpose.values()), "vetting_cases_concluded": sum(by_result.values()),
            "vetting_cases_by_purpose": _largest_first(by_purpose),
            "vetting_conclusions_by_result": _largest_first(by_result)}


# SQLAlchemy cannot say INDEXED BY for SQLite; these two walk the report indexes of the schema in
# order (no table rows read, no sort), however many slips the period holds. :counted_to is the day the
# replies are counted received by (replies_counted_to).
_SLIP_GROUPS = (
    "SELECT recipient_id, purpose, count(*), "
    "count(CASE WHEN result_on <= :end THEN 1 END), count(CASE WHEN result_on <= :counted_to THEN 1 END) "
    "FROM slips {groups} "
    "WHERE deleted_at IS NULL AND issued_on BETWEEN :start AND :end "
    "GROUP BY recipient_id, purpose")
_SLIP_RESULTS = (
    "SELECT person_id, result, count(*) FROM slips "
    "WHERE deleted_at IS NULL AND issued_on BETWEEN :start AND :end AND result_on <= :counted_to "
    "AND result IS NOT NULL GROUP BY person_id, result")
_SLIP_SUBJECTS = (
    "SELECT count(DISTINCT person_id) FROM slips {subjects} "
    "WHERE deleted_at IS NULL AND issued_on BETWEEN :start AND :end")


def _slips(connection: Connection, start: dt.date, end: dt.date, counted_to: dt.date) -> dict[str, Any]:
    """The slips of the period; answered: those whose reply is dated by its end (the spec's), those dated after
    `counted_to` among them told apart (ahead: a mistyped date most likely, not a reply received by the day
    the report names), and by recipient and as records found only those received by `counted_to`; those carried
    over, and answered as the period's are."""
    period = {"start": start, "end": end, "counted_to": counted_to}
    hints = {"groups": sql.indexed_by(connection, "ix_slips_report_groups"),
             "subjects": sql.indexed_by(connection, "ix_slips_report_subjects")}
    groups = connection.execute(_dated(_SLIP_GROUPS.format(**hints)), period).all()
    subjects = connection.execute(_dated(_SLIP_SUBJECTS.format(**hints)), period).scalar()
    names = dict(connection.execute(select(recipients.c.id, recipients.c.name)).all())
    by_recipient: Counter[str] = Counter()
    answered_by_recipient: Counter[str] = Counter()
    by_purpose: Counter[str] = Counter()
    for recipient_id, purpose, count, _answered, received in groups:
        by_recipient[names[recipient_id]] += count
        answered_by_recipient[names[recipient_id]] += received or 0
        by_purpose[purpose or UNSTATED] += count
    answered = sum(group[3] or 0 for group in groups)
    found = [(person_id, count) for person_id, result, count in connection.execute(_dated(_SLIP_RESULTS), period)
             if archive_replies.found_archive_record(result)]
    undated = connection.execute(select(func.count()).where(
        slips.c.deleted_at.is_(None), slips.c.issued_on.between(start, end), deadlines.result_without_date())).scalar()
    return {"slips_issued": sum(group[2] for group in groups), "slip_subjects": subjects,
            "slips_with_archive_record": sum(count for _, count in found),
            "slip_subjects_with_archive_record": len({person_id for person_id, _ in found}),
            "slips_answered": answered, "slips_answered_ahead": answered - sum(answered_by_recipient.values()),
            "slips_with_undated_result": undated,
            "slips_by_recipient": _largest_first(by_recipient),
            "slips_answered_by_recipient": {name: answered_by_recipient[name] for name in _largest_first(by_recipient)},
            "slips_by_purpose": _largest_first(by_purpose),
            **_carried_over_keys("slips_carried_over", _carried_over(
                connection, and_(slips.c.deleted_at.is_(None), ~deadlines.result_without_date()),
                slips.c.issued_on, slips.c.result_on, start, end, counted_to))}


def slips_without_result(f: Mapping[str, Any]) -> int:
    """The slips of the period with no result by its end: neither answered nor with a result whose day is
    not written (a report issued before those were counted has none)."""
    return f["slips_issued"] - f["slips_answered"] - f.get("slips_with_undated_result", 0)


def _slips_overdue(connection: Connection, start: dt.date, end: dt.date, on: dt.date) -> int:
    """The slips issued in the period past their reply deadline on `on` (the period's last day, or today
    in a report made before it), of those not answered by the period's end (slips_answered)."""
    return connection.execute(select(func.count()).where(
        slips.c.deleted_at.is_(None), slips.c.issued_on.between(start, end),
        deadlines.not_done_by(slips.c.result_on, end),
        deadlines.slip_reply_overdue(on, settings.read_history(connection)))).scalar()


def _dated(statement: str):
    """The statement with the days it names (its period's bounds, the day replies are counted to) bound as dates
    (each engine stores them its own way)."""
    return text(statement).bindparams(*(bindparam(name, type_=Date) for name in ("start", "end", "counted_to")
                                        if f":{name}" in statement))


def _largest_first(counts: Mapping[str, int]) -> dict[str, int]:
    """The counts largest first, then by name in Vietnamese order: the same order on both engines (GROUP BY
    has none)."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], text_sort_key(item[0]))))


def _delegations(connection: Connection, start: dt.date, end: dt.date) -> dict[str, Any]:
    """The delegations of the period that went, or go: one cancelled or put off is no trip made; and their
    members who went (lượt cán bộ), not those the decision named who did not go."""
    in_period = and_(delegations.c.deleted_at.is_(None), trip_status.going(), DELEGATIONS.period().between(start, end))
    count = connection.execute(select(func.count()).where(in_period)).scalar()
    purpose = func.coalesce(delegations.c.purpose, UNSTATED)
    by_purpose = connection.execute(
        select(purpose, func.count()).where(in_period).group_by(delegations.c.purpose)).all()
    members_by_purpose = dict(connection.execute(
        select(purpose, func.count()).select_from(delegation_members.join(delegations))
        .where(in_period, trip_status.member_going()).group_by(delegations.c.purpose)).all())
    return {"delegations": count, "cadres_sent_abroad": sum(members_by_purpose.values()),
            "delegations_by_purpose": _largest_first(dict(by_purpose)),
            "cadres_sent_abroad_by_purpose": _largest_first(members_by_purpose)}


_ARCHIVE_KEYS = {ARCHIVE_FOR_OTHERS: "archive_research_for_other_provinces",
                ARCHIVE_FROM_OTHERS: "archive_research_requested_from_other_provinces"}


def _archive(connection: Connection, start: dt.date, end: dt.date, counted_to: dt.date) -> dict[str, Any]:
    """Each kind's requests dated in the period; answered: those whose reply is dated by its end, those dated after
    `counted_to` among them told apart (ahead, as the slips' are), and as records found (archive_replies reads the
    reply as a slip's) only those answered by `counted_to`; those dated before it and not answered on the day
    before it (carried over), and those of them answered by its end, those dated after `counted_to` told apart."""
    live = archive_requests.c.deleted_at.is_(None)
    answered_on = archive_requests.c.answered_on
    groups = connection.execute(
        select(archive_requests.c.request_kind, archive_requests.c.result, func.count(),
               func.count(case((deadlines.done_by(answered_on, end), 1))),
               func.count(case((deadlines.done_by(answered_on, counted_to), 1))))
        .where(live, archive_requests.c.doc_on.between(start, end))
        .group_by(archive_requests.c.request_kind, archive_requests.c.result)).all()
    tally: Counter[tuple[str, str]] = Counter()
    for kind, reply, count, answered, received in groups:
        tally.update({(kind, ""): count, (kind, "_answered"): answered, (kind, "_answered_ahead"): answered - received,
                      (kind, "_with_record"): received if archive_replies.found_archive_record(reply) else 0})
    result = {}
    for kind, key in _ARCHIVE_KEYS.items():
        result.update({f"{key}{suffix}": tally[kind, suffix]
                       for suffix in ("", "_answered", "_answered_ahead", "_with_record")})
        result.update(_carried_over_keys(f"{key}_carried_over", _carried_over(
            connection, and_(live, archive_requests.c.request_kind == kind), archive_requests.c.doc_on, answered_on,
            start, end, counted_to)))
    return result


def _complaints(connection: Connection, start: dt.date, end: dt.date) -> dict[str, Any]:
    """The letters received in the period (the anonymous among them), and those carried over (a letter of 31/12
    resolved in January is the new year's work); those forwarded to the body competent for them in the period,
    and those of the period's letters, received or carried over, forwarded by its end and not resolved by it
    (the competent body's to resolve, not the office's)."""
    live = complaints.c.deleted_at.is_(None)
    in_period = and_(live, complaints.c.received_on.between(start, end))
    resolved = func.coalesce(func.sum(case((deadlines.done_by(complaints.c.resolved_on, end), 1), else_=0)), 0)
    anonymous = func.coalesce(func.sum(case((complaints.c.sender == ANONYMOUS, 1), else_=0)), 0)
    received, resolved_of_received, anonymous_received = connection.execute(
        select(func.count(), resolved, anonymous).where(in_period)).one()
    forwarded = connection.execute(select(func.count()).where(
        live, complaints.c.forwarded_on.between(start, end))).scalar()
    # received by the period's end and unresolved at it: received in it, or carried over into it
    forwarded_unresolved = connection.execute(select(func.count()).where(
        live, complaints.c.received_on <= end, deadlines.done_by(complaints.c.forwarded_on, end),
        deadlines.not_done_by(complaints.c.resolved_on, end))).scalar()
    carried, resolved_of_carried, _ahead = _carried_over(connection, live, complaints.c.received_on,
                                                         complaints.c.resolved_on, start, end, end)
    by_kind = {kind: (count, done) for kind, count, done in connection.execute(
        select(complaints.c.complaint_kind, func.count(), resolved).where(in_period)
        .group_by(complaints.c.complaint_kind)).all()}
    received_by_kind = _largest_first({kind: count for kind, (count, _done) in by_kind.items()})
    return {"complaints_received": received, "complaints_resolved": resolved_of_received,
            "complaints_by_kind": received_by_kind,
            "complaints_resolved_by_kind": {kind: by_kind[kind][1] for kind in received_by_kind},
            "complaints_carried_over": carried, "complaints_carried_over_resolved": resolved_of_carried,
            "complaints_anonymous": anonymous_received, "complaints_forwarded": forwarded,
            "complaints_forwarded_unresolved": forwarded_unresolved}


def _carried_over(connection: Connection, live: ColumnElement, dated: ColumnElement, done_on: ColumnElement,
                  start: dt.date, end: dt.date, counted_to: dt.date) -> tuple[int, int, int]:
    """The records dated before the period and not yet done with on the day before it (a slip sent on
    31/12 and answered in January, a letter still open), those of them done with by its end, and those of these
    done with after `counted_to` (ahead: the day a report made before the period ends counts to)."""
    carried_over = and_(live, dated < start, deadlines.not_done_by(done_on, start - dt.timedelta(days=1)))
    done, received = (func.coalesce(func.sum(case((deadlines.done_by(done_on, day), 1), else_=0)), 0)
                      for day in (end, counted_to))
    count, done_count, received_count = connection.execute(select(func.count(), done, received)
                                                           .where(carried_over)).one()
    return count, done_count, done_count - received_count


def _carried_over_keys(key: str, counts: tuple[int, int, int]) -> dict[str, int]:
    """A register's `_carried_over` counts under their report keys: "slips_carried_over", "…_answered",
    "…_answered_ahead"."""
    return dict(zip((key, f"{key}_answered", f"{key}_answered_ahead"), counts, strict=True))
