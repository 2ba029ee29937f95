"""A delegation's passports handed out, and received back, at once from its decision number (core/passports.py
one passport at a time): each member going is offered their diplomatic or official passport the office keeps,
what the officer should know is asked once for all, and the handovers are one write, each in the trail."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from . import delegation_order, passports
from .database import Database
from .errors import InputError
from .permissions import Action
from .personfile import writes
from .schema import cadres, delegation_members, passport_handovers, persons
from .text import clean


@dataclass(frozen=True)
class Member:
    full_name: str
    passport_id: int | None  # the passport offered (None: none can be)
    passport: str  # how the officer tells it, its holder aside (passports.called), or ""
    why_not: str | None  # why none is offered


def members(db: Database, decision_no: str, back: bool = False) -> list[Member]:
    """The members the delegation of `decision_no` (the latest, when several) names, in the decision's order (the
    head first: delegation_order), each with the diplomatic or official passport to hand out — kept by the office
    first, not out, not lost; none to one who does not go, saying why — or, `back`, the one out with this delegation
    to receive back, not reported lost (one who was withdrawn after it was handed out returns it too). InputError
    when no delegation that goes has the decision."""
    db.require(Action.BROWSE, "xem hộ chiếu của đoàn")
    with db.read() as connection:
        found = passports.delegations_under(connection, clean(decision_no))
        if not found:
            raise InputError(f"Không có đoàn nào đi theo quyết định «{decision_no}» trong sổ Đoàn ra nước ngoài.")
        delegation_id = found[0]["id"]
        named = connection.execute(
            select(persons.c.id, persons.c.full_name, delegation_members.c.not_going)
            .select_from(delegation_members.join(cadres).join(persons))
            .where(delegation_members.c.delegation_id == delegation_id)
            .order_by(*delegation_order.as_decided())).all()
        with_it = set(connection.execute(select(passport_handovers.c.passport_id).where(
            passport_handovers.c.delegation_id == delegation_id, passport_handovers.c.returned_on.is_(None),
            passport_handovers.c.deleted_at.is_(None))).scalars())
        held = passports.held_by(connection, [person_id for person_id, _name, _not in named], db.clock().date())
    return [_offered(full_name, [passport for passport in held if passport["person_id"] == person_id],
                     with_it if back else None, not_going)
            for person_id, full_name, not_going in named]


def _offered(full_name: str, held: list[dict[str, Any]], with_it: set[int] | None, not_going: str | None) -> Member:
    if with_it is None and not_going:
        return Member(full_name, None, "", f"Không đi ({not_going}): không giao hộ chiếu.")
    own = sorted((passport for passport in held if passport["passport_type"] in passports.NOT_FOR_PRIVATE),
                 key=lambda passport: passport["kept"] != passports.KEPT)
    if with_it is not None:
        out = [passport for passport in own if passport["id"] in with_it]
        usable = [passport for passport in out if passport["lost_on"] is None]
        why = passports.owed_no_more(out[0]) if out else "Không có hộ chiếu đang giao theo đoàn này."
    else:
        usable = [passport for passport in own if passports.hand_out_refused(passport) is None]
        why = (passports.hand_out_refused(own[0]) if own else "Không có hộ chiếu ngoại giao, công vụ trong sổ.")
    if not usable:
        return Member(full_name, None, "", why)
    return Member(full_name, usable[0]["id"], passports.called(usable[0], holder=False), None)


def handout_doubts(db: Database, decision_no: str, passport_ids: list[int], raw: dict[str, Any]) -> list[str]:
    """What the officer should know before handing out the passports (passports.handout_doubts), each once, read
    at once for all of them."""
    told = passports.handouts_doubts(db, passport_ids, _handout(decision_no, raw))
    return list(dict.fromkeys(doubt for passport_id in passport_ids for doubt in told[passport_id]))


def hand_out(db: Database, decision_no: str, passport_ids: list[int], raw: dict[str, Any]) -> list[int]:
    """Hands the passports out for the delegation's trip in one write (one refused: none); their handovers' ids."""
    db.require(Action.EDIT, "giao hộ chiếu")
    values = writes.parse(passports.HANDOUT_FIELDS, _handout(decision_no, raw))
    with db.write() as connection:
        return passports.handed_out(db, connection, passport_ids, values)


def take_back(db: Database, passport_ids: list[int], raw: dict[str, Any]) -> list[int]:
    """Receives the passports back in one write (one refused: none); the handovers closed."""
    db.require(Action.EDIT, "nhận lại hộ chiếu")
    returned_on = writes.parse(passports.RETURN_FIELDS, raw)["returned_on"]
    with db.write() as connection:
        return passports.taken_back(db, connection, passport_ids, returned_on)


def _handout(decision_no: str, raw: dict[str, Any]) -> dict[str, Any]:
    return {"trip_return_on": "", **raw, "trip": passports.WITH_DELEGATION, "decision_no": decision_no}
