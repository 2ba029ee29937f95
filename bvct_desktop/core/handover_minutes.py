"""«Biên bản giao nhận hộ chiếu»: the minutes the officer and the holders sign when passports are handed out for a
trip, or received back after it (core/passports.py records each handover): one line a passport — its holder, type,
number, expiry and the day — each signed by «Người giao» and «Người nhận». Printed by io/documents
(render.handover_minutes_pdf) for an officer allowed to export; the print is audited by the preview."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import deadlines, delegation_order, documents_data, passports, settings, users
from .database import Database
from .documents_data import Office
from .errors import InputError
from .fields import Field
from .kinds import CADRES
from .schema import cadres, delegation_members, delegations, passport_handovers, persons, units
from .schema import passports as passport_table
from .text import fold

TITLE = "BIÊN BẢN GIAO NHẬN HỘ CHIẾU"
KIND = passports.HANDOVERS  # the trail's kind for a print of the minutes
PRINTING = "in biên bản giao nhận hộ chiếu"
COUNTED = "so_ho_chieu"  # how its audit entry names the number of passports listed
HOLDER = Field("full_name", "Họ và tên")
GIVER, TAKER = Field("giver", "Người giao"), Field("taker", "Người nhận")  # signed by hand, never typed
PASSPORT = (passports.PASSPORT_FIELDS[0], passports.PASSPORT_FIELDS[1], passports.PASSPORT_FIELDS[3])


def fields(back: bool) -> tuple[Field, ...]:
    """The minutes' columns: handed out (the day handed), or received back (`back`: the day received)."""
    day = passports.RETURNED_ON if back else passports.HANDED_ON
    return (HOLDER, CADRES.field("unit"), *PASSPORT, day, GIVER, TAKER)


@dataclass(frozen=True)
class Minutes:
    back: bool  # received back after the trip, else handed out for it
    on: dt.date  # the day of the minutes: the last day a passport listed was handed out (received back)
    trip: str  # the trip, in words: the delegation and its decision, or a private trip
    lines: list[dict[str, Any]]  # as the delegation's decision lists the holders (delegation_order), else by name
    days: int  # the working days they are owed back within after the trip (`_owed`)
    due_on: dt.date | None = None  # when the passports are owed back: their one trip's return known, else None
    made_by: str = ""  # «Người lập biên bản»: the account printing them, as documents name it (users.signed_name)


def lines(connection: Connection, handover_ids: Sequence[int], back: bool) -> Minutes:
    """The minutes of the handovers `handover_ids` (those in the recycle bin left out), in the order the delegation's
    decision lists the holders, the head first (delegation_order; a private trip's by name), each with the unit
    written for the holder on the delegation (else the cadre's, as the member list prints it); InputError when none
    is left, or, `back`, one is not received back yet."""
    member = ((delegation_members.c.delegation_id == passport_handovers.c.delegation_id)
              & (delegation_members.c.cadre_id == cadres.c.id))
    found = [dict(row) for row in connection.execute(
        select(persons.c.full_name, func.coalesce(delegation_members.c.unit, units.c.name).label("unit"),
               passport_table.c.passport_type, passport_table.c.number, passport_table.c.expires_on,
               passport_handovers.c.handed_on, passport_handovers.c.returned_on, passport_handovers.c.trip,
               passport_handovers.c.decision_no, delegations.c.name.label("delegation"),
               func.coalesce(passport_handovers.c.trip_return_on, delegations.c.return_on).label("trip_return_on"))
        .select_from(passport_handovers.join(passport_table).join(persons)
                     .outerjoin(cadres, (cadres.c.person_id == persons.c.id) & cadres.c.deleted_at.is_(None))
                     .outerjoin(units, units.c.id == cadres.c.unit_id)
                     .outerjoin(delegation_members, member)
                     .outerjoin(delegations, delegations.c.id == passport_handovers.c.delegation_id))
        .where(passport_handovers.c.id.in_(handover_ids), passport_handovers.c.deleted_at.is_(None),
               passport_table.c.deleted_at.is_(None))
        .order_by(*delegation_order.as_decided(), persons.c.sort_key, persons.c.id, passport_handovers.c.id)
    ).mappings()]
    if not found:
        raise InputError("Không có lần giao hộ chiếu nào để lập biên bản.")
    day = "returned_on" if back else "handed_on"
    if any(line[day] is None for line in found):
        raise InputError("Có hộ chiếu chưa nhận lại: chưa lập được biên bản nhận lại.")
    on = max(line[day] for line in found)
    return Minutes(back, on, trip_words(found[0]), found, *_owed(connection, found, on))


def _owed(connection: Connection, found: list[dict[str, Any]], on: dt.date) -> tuple[int, dt.date | None]:
    """The working days the passports `found` are owed back within after the trip, and the day they are owed back
    by, as the deadline counts them (deadlines.passport_return_due), when they share one trip's day of return; when
    it is not written or they differ, the days in force on the minutes' day `on`, and no day."""
    history = settings.read_history(connection)
    returns = {line["trip_return_on"] for line in found}
    if len(returns) != 1 or None in returns:
        return deadlines.passport_return_days(on, history), None
    back = returns.pop()
    return deadlines.passport_return_days(back, history), deadlines.passport_return_due(back, history)


def trip_words(handover: dict[str, Any]) -> str:
    """The trip of a handover (its `trip`, `decision_no` and `delegation`) as the minutes say it: a trip, said after
    «giao hộ chiếu … để dùng trong» and «nhận lại … sau», not a delegation («sau Đoàn …» says nothing)."""
    if handover["trip"] == passports.PRIVATE:
        return "chuyến đi việc riêng"
    name = handover["delegation"]
    delegation = ("" if not name else f" của «{name}»" if fold(name).startswith("doan ")
                  else f" của Đoàn «{name}»")  # «Đoàn học tập…» not said «Đoàn «Đoàn…»»
    decision = f" theo Quyết định số {handover['decision_no']}" if handover["decision_no"] else ""
    return f"chuyến công tác{delegation}{decision}"


def produce(db: Database, handover_ids: Sequence[int], back: bool) -> tuple[Office, Minutes]:
    """The office settings and the minutes, made by the acting officer, for an officer allowed to print (the preview
    audits the print)."""
    def made(connection: Connection) -> Minutes:
        minutes = lines(connection, handover_ids, back)
        return replace(minutes, made_by=users.signed_name(db.actor.name, users.full_names(connection)))

    return documents_data.gather(db, PRINTING, made)


def named(minutes: Minutes) -> dict[str, Any]:
    """What the print's audit entry says of the minutes."""
    return {"tai_lieu": TITLE.capitalize(), "chuyen_di": minutes.trip, COUNTED: len(minutes.lines),
            "nhan_lai": minutes.back}
