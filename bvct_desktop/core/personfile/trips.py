"""The person's own trips abroad recorded on the file (foreign elements «Đi nước ngoài» or «Đi nước ngoài về việc
riêng» about the person, not a relative), beside the delegations: which of them is a delegation's own trip
recorded again, and which falls on a delegation's days."""

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..dates import PartialDate
from ..errors import RowProblem
from ..schema import foreign_elements
from ..text import fold

TRIP_ABROAD = "Đi nước ngoài"  # the kinds of foreign element (personfile/foreign.py)
# a Party member's private trip (brief §1.5): its report (Phụ lục III) is owed after the return (trip_reports)
PRIVATE_TRIP = "Đi nước ngoài về việc riêng"
TRIPS = (TRIP_ABROAD, PRIVATE_TRIP)


def own_trip(element: dict[str, Any]) -> bool:
    """A foreign element that is a trip abroad of the person (not of a relative)."""
    return element["element_kind"] in TRIPS and element["relative_id"] is None


def purpose_of(trip: dict[str, Any]) -> str | None:
    """«Việc riêng» for a private trip, as a delegation's «Mục đích» reads; none known of another."""
    return "Việc riêng" if trip["element_kind"] == PRIVATE_TRIP else None


def same_trip(recorded: dict[str, Any], sent: dict[str, Any]) -> bool:
    """Whether a trip recorded on the file (`countries`, `start`, `end` as ISO text) is the delegation's
    `sent`: the same days, its countries among the delegation's."""
    countries = _countries(recorded)
    same_days = (recorded["start"], recorded["end"]) == (sent["start"], sent["end"])
    return same_days and bool(countries) and countries <= _countries(sent)


def _countries(trip: dict[str, Any]) -> set[str]:
    """The countries of a trip («Hàn Quốc, Singapore»), as compared: case and accents aside."""
    return {fold(country) for country in re.split(r"[,;]", trip["countries"] or "") if country.strip()}


def at_the_same_time(connection: Connection, person_id: int, values: dict[str, Any]) -> list[RowProblem]:
    """The trips the member of a delegation's row (`values`) has recorded on the file on the delegation's
    days — told, not refused: the file's dates, the delegation's or the member may be wrong."""
    sent = {"countries": values["countries"], "start": values["depart_on"].isoformat(),
            "end": values["return_on"].isoformat()}
    recorded = connection.execute(select(foreign_elements).where(
        foreign_elements.c.person_id == person_id, foreign_elements.c.deleted_at.is_(None),
        foreign_elements.c.element_kind.in_(TRIPS), foreign_elements.c.relative_id.is_(None))
        .order_by(foreign_elements.c.since, foreign_elements.c.id)).mappings()
    found = [element for element in recorded if _overlaps(element, values["depart_on"], values["return_on"])
             and not same_trip({"countries": element["country"], "start": element["since"],
                                "end": element["until"]}, sent)]
    return [RowProblem(f"«{values['full_name']}» có chuyến đi nước ngoài ghi trong hồ sơ cá nhân cùng thời gian "
                       f"({_described(element)}): hãy xem lại ngày đi, ngày về của đoàn, thành viên hoặc hồ sơ cá nhân",
                       "full_name")
            for element in found]


def _overlaps(element: dict[str, Any], depart: dt.date, back: dt.date) -> bool:
    """Whether the trip is abroad on the delegation's days, a trip known only by its month or year all that
    month or year; as between delegations, a trip leaving the day the other comes back is no overlap."""
    start = PartialDate.from_iso(element["since"])
    end = PartialDate.from_iso(element["until"] or element["since"])
    first, last = first_day(start), last_day(end)
    begins_in_time = first < back if start.day else first <= back
    ends_in_time = last > depart if end.day else last >= depart
    return begins_in_time and ends_in_time


def first_day(date: PartialDate) -> dt.date:
    """The first day a date known only by its month or year may be."""
    return dt.date(date.year, date.month or 1, date.day or 1)


def last_day(date: PartialDate) -> dt.date:
    """The last day a date known only by its month or year may be."""
    if date.day:
        return dt.date(date.year, date.month, date.day)
    if date.month is None or date.month == 12:
        return dt.date(date.year, 12, 31)
    return dt.date(date.year, date.month + 1, 1) - dt.timedelta(days=1)


def _described(element: dict[str, Any]) -> str:
    """«Thái Lan, 03/05/2026 – 07/05/2026: Đi việc riêng (thăm thân)»."""
    days = " – ".join(PartialDate.from_iso(day).display for day in (element["since"], element["until"]) if day)
    where = ", ".join(part for part in (element["country"], days) if part)
    return f"{where}: {element['details']}" if element["details"] else where
