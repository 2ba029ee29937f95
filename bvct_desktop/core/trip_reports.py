"""The report after a Party member's private trip abroad (brief §1.5: «Báo cáo kết quả ra nước ngoài về việc
riêng», Phụ lục III, within 7 working days of re-entry): when it is due, and which are still owed.

A private trip is the foreign element «Đi nước ngoài về việc riêng» about the person. Its deadline runs from
its «Đến ngày»; a return known only by its month or year runs from that month's or year's last day, the
latest the member can have come back, so that no one is chased before the report is due. A trip with no
«Đến ngày» has no deadline: once it has left, the officer is told to write the return."""

import datetime as dt
from typing import Any

from sqlalchemy import select

from . import passports, settings
from .database import Database
from .dates import PartialDate
from .deadlines import (
    PRIVATE_REPORT_DAYS,
    Due,
    late_by,
    not_done_by,
    post_trip_report_due,
    post_trip_reports_due,
    return_unwritten_due,
)
from .permissions import Action
from .personfile.trips import PRIVATE_TRIP, first_day, last_day
from .schema import cadres, foreign_elements, persons

NO_RETURN = "chưa ghi «Đến ngày»"


def owes_report(element: dict[str, Any]) -> bool:
    """Whether a foreign element is a private trip of the person, which owes the report."""
    return element["element_kind"] == PRIVATE_TRIP and element["relative_id"] is None


def back_on(until: str) -> dt.date:
    """The day the deadline runs from: the return (an ISO partial date), or the last day it may be."""
    return last_day(PartialDate.from_iso(until))


def report_due(until: str, history: settings.History) -> dt.date:
    """The report after a private trip back on `until` is due the working days of han_bao_cao_viec_rieng_ngay
    in force on the day of the return after that day."""
    return post_trip_report_due(back_on(until), history, PRIVATE_REPORT_DAYS)


def due_shown(db: Database, elements: list[dict[str, Any]], today: dt.date) -> dict[int, str]:
    """The «Hạn báo cáo» of each private trip among the person's `elements` (by id) whose report is not
    received on `today`: the day, with how many days late; NO_RETURN when it has left and its return is not
    written."""
    db.require(Action.BROWSE, "xem hạn báo cáo sau chuyến đi")
    with db.read() as connection:
        history = settings.read_history(connection)
    owed = {element["id"]: _due_cell(element, history, today) for element in elements
            if owes_report(element) and not _received_by(element["report_received_on"], today)}
    return {element_id: cell for element_id, cell in owed.items() if cell}


def _due_cell(trip: dict[str, Any], history: settings.History, today: dt.date) -> str:
    """The deadline of a trip back (`late_by`); NO_RETURN for one gone without its return written; nothing
    for one not yet left."""
    if trip["until"] is not None:
        due = report_due(trip["until"], history)
        return late_by(due, due < today, today)
    return NO_RETURN if first_day(PartialDate.from_iso(trip["since"])) <= today else ""


def _received_by(received_on: dt.date | None, today: dt.date) -> bool:
    return received_on is not None and received_on <= today


def owed_after_trips(db: Database, today: dt.date) -> list[Due]:
    """What is owed on `today` once back from trips abroad, the soonest due first: the reports of delegations
    (post_trip_reports_due) and of private trips (reports_due), and the passports to hand back
    (passports.not_returned), and the trips and passports out with no day of return (no_return_written,
    passports.no_return_day) — one list, as the dashboard shows it."""
    return sorted(post_trip_reports_due(db, today) + reports_due(db, today) + passports.not_returned(db, today)
                  + no_return_written(db, today) + passports.no_return_day(db, today), key=lambda due: due.due_on)


def reports_due(db: Database, today: dt.date) -> list[Due]:
    """Private trips back home whose report is not received on `today`, the soonest due first, named with the
    member, where and when they went, with its deadline (those not yet due included, so the officer sees them
    coming); each opens the member's file (a cadre's record)."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    trips = foreign_elements.c
    with db.read() as connection:
        history = settings.read_history(connection)
        rows = connection.execute(
            select(cadres.c.id.label("cadre_id"), persons.c.full_name, trips.country, trips.since, trips.until)
            .select_from(foreign_elements.join(persons).join(cadres, cadres.c.person_id == persons.c.id))
            .where(trips.deleted_at.is_(None), cadres.c.deleted_at.is_(None), trips.element_kind == PRIVATE_TRIP,
                   trips.relative_id.is_(None), trips.until.is_not(None), not_done_by(trips.report_received_on, today))
            .order_by(trips.id)).all()
    back = [row for row in rows if back_on(row.until) <= today]
    return sorted((Due(row.cadre_id, _titled(row), report_due(row.until, history), "cadres") for row in back),
                  key=lambda due: due.due_on)


def no_return_written(db: Database, today: dt.date) -> list[Due]:
    """Private trips gone with no «Đến ngày» whose report is not received on `today`, asked about from
    `deadlines.return_unwritten_due` of the day they left (a departure known by its month or year: its first
    day): no report falls due without the return; each opens the member's file."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    trips = foreign_elements.c
    with db.read() as connection:
        rows = connection.execute(
            select(cadres.c.id.label("cadre_id"), persons.c.full_name, trips.country, trips.since, trips.until)
            .select_from(foreign_elements.join(persons).join(cadres, cadres.c.person_id == persons.c.id))
            .where(trips.deleted_at.is_(None), cadres.c.deleted_at.is_(None), trips.element_kind == PRIVATE_TRIP,
                   trips.relative_id.is_(None), trips.until.is_(None), trips.since.is_not(None),
                   not_done_by(trips.report_received_on, today))
            .order_by(persons.c.sort_key, trips.id)).all()  # the order of names (core/collation)
    asked = ((row, return_unwritten_due(first_day(PartialDate.from_iso(row.since)))) for row in rows)
    return sorted((Due(row.cadre_id, f"Chuyến đi chưa ghi ngày về: {_titled(row)}", due_on, "cadres")
                   for row, due_on in asked if due_on <= today), key=lambda due: due.due_on)


def _titled(row: Any) -> str:
    """«Việc riêng: Nguyễn Văn Hùng – Úc (25/04/2026 – 04/05/2026)», «Việc riêng: Trần Thị Ánh – Hàn Quốc
    (03/2026)»."""
    days = " – ".join(dict.fromkeys(PartialDate.from_iso(day).display for day in (row.since, row.until) if day))
    return f"Việc riêng: {row.full_name} – {row.country or 'chưa rõ nước'} ({days})"
