"""The complaint and denunciation letters about a person (those linked to their file, and those linked to no
one that name them: a letter about a name several cadres share waits for the officer to choose), which a vetting
weighs (brief: the vetting dossier holds them): those still open on a day first — not resolved by
then, by the rule of every deadline (deadlines.not_done_by) — the soonest deadline first, then those
resolved, the latest first."""

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.engine import Connection

from ..database import Database
from ..dates import display_date
from ..deadlines import not_done_by
from ..permissions import Action
from ..schema import cadres, complaints, persons

OPEN, RESOLVED = "Chưa giải quyết", "Đã giải quyết"  # a letter's state, as the register's statuses name it
# The day the office was done with a letter, which ends its «Hạn giải quyết» (the dashboard, «Quá hạn giải quyết»,
# «Chưa giải quyết, chưa có hạn»): resolved, or forwarded to the body competent for it — whose deadline it then is —
# whichever came first. Still unresolved, for its state and the report, until the day it is resolved.
HANDLED_ON = case((and_(complaints.c.forwarded_on.is_not(None),
                        or_(complaints.c.resolved_on.is_(None), complaints.c.forwarded_on < complaints.c.resolved_on)),
                   complaints.c.forwarded_on), else_=complaints.c.resolved_on)


def about(connection: Connection, person_id: int, today: dt.date) -> list[dict[str, Any]]:
    """The letters of the person's file (`of_person`, not in the recycle bin), each with its `state` on `today`."""
    still_open = not_done_by(complaints.c.resolved_on, today)
    rows = connection.execute(select(complaints, still_open.label("open")).where(
        of_person(connection, person_id), complaints.c.deleted_at.is_(None)).order_by(*file_order(today)))
    return [{**row, "state": OPEN if row["open"] else RESOLVED} for row in rows.mappings()]


def of_person(connection: Connection, person_id: int) -> ColumnElement:
    """The letters of the person's file: linked to it, or waiting for the officer to choose among namesakes
    (`naming`). (`connection`: the signature browse gives every kind's file filter.)"""
    return or_(complaints.c.person_id == person_id, naming(person_id))


def naming(person_id: int) -> ColumnElement:
    """The letters (not in the recycle bin) linked to no file whose «Họ và tên người bị phản ánh» is the person's
    name (case, accents' encoding, tone placement and spacing aside: its key, complaints.subject_key) when the
    person is a cadre and other cadres share the name; none when the person is the one cadre of that name (such a
    letter was linked to them unless the officer chose «không gắn với hồ sơ cán bộ nào») or no cadre (a letter is
    linked to a cadre's file only)."""
    key = select(persons.c.name_key).where(persons.c.id == person_id).correlate(None).scalar_subquery()
    live = cadres.c.deleted_at.is_(None)
    namesakes = (select(func.count()).select_from(cadres.join(persons)).where(persons.c.name_key == key, live)
                 .correlate(None).scalar_subquery())
    a_cadre = exists().where(cadres.c.person_id == person_id, live).correlate(None)
    return and_(complaints.c.person_id.is_(None), complaints.c.deleted_at.is_(None), complaints.c.subject_key == key,
                a_cadre, namesakes > 1)


def unlinked_naming(connection: Connection, person_id: int) -> list[int]:
    """The ids of the letters `naming` the person."""
    return connection.execute(select(complaints.c.id).where(naming(person_id))).scalars().all()


def waiting_in_file(db: Database, person_id: int) -> set[int]:
    """`unlinked_naming`, for the person's file to mark them."""
    db.require(Action.BROWSE, "xem đơn thư")
    with db.read() as connection:
        return set(unlinked_naming(connection, person_id))


def file_order(day: dt.date | ColumnElement) -> tuple[ColumnElement, ...]:
    """The order of the letters about a person, as their file reads them on `day` (the cadre form's tab too)."""
    still_open = not_done_by(complaints.c.resolved_on, day)
    return (case((still_open, 0), else_=1), case((and_(still_open, complaints.c.due_on.is_(None)), 1), else_=0),
            case((still_open, func.coalesce(complaints.c.due_on, complaints.c.received_on))),
            case((still_open, None), else_=complaints.c.resolved_on).desc().nulls_last(),
            complaints.c.id)


def open_told(letters: list[dict[str, Any]]) -> list[str]:
    """What a conclusion recorded while `letters` are open asks the officer to confirm (none when none is)."""
    still_open = [letter for letter in letters if letter["open"]]
    if not still_open:
        return []
    listed = "; ".join(f"{letter['complaint_kind']} nhận ngày {display_date(letter['received_on'])}, "
                       + (f"hạn giải quyết {display_date(letter['due_on'])}" if letter["due_on"] else "chưa có hạn")
                       for letter in still_open)
    return [f"Người được thẩm tra còn {len(still_open)} đơn thư chưa giải quyết: {listed}. Kết luận trước khi "
            "giải quyết xong đơn thư có thể phải xem xét lại."]


def others_of(db: Database, person_id: int, letter_id: int | None) -> str:
    """What the form of letter `letter_id` (None: a new one) tells of the other letters about `person_id`."""
    db.require(Action.BROWSE, "xem đơn thư")
    with db.read() as connection:
        return others_told(about(connection, person_id, db.clock().date()), letter_id)


def others_told(letters: list[dict[str, Any]], letter_id: int | None) -> str:
    """What the form of letter `letter_id` (None: a new one) tells of the other `letters` about its cadre, in
    their order (empty when there is none): a second letter about a cadre is seen as one."""
    others = [letter for letter in letters if letter["id"] != letter_id]
    if not others:
        return ""
    listed = "; ".join(f"{letter['complaint_kind']} nhận ngày {display_date(letter['received_on'])} "
                       f"({letter['state'].lower()})" for letter in others)
    return f"Cán bộ này đã có {len(others)} đơn thư khác: {listed}."
