"""A new slip (phiếu yêu cầu xác minh lai lịch) about one listed relative, filled from the person's file: the
relative as the list has them (their birth place too, and their gender where the relation tells it), their
ethnicity, religion and identity numbers and their work under the former regime where recorded, that they have died
and when (the slip then prints their residence as where they lived before they died), their parents and spouse with
their birth years as the same list names them, whom the vetting is for, and its purpose when one vetting case of the
person is open (or of the case it is drafted for); with it, the slips already sent about the relative. The officer
still reads and saves the slip."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, true

from .. import earlier_slips
from ..database import Database
from ..kinds import GENDER_OF, SLIP_PURPOSES, YES_NO
from ..permissions import Action
from ..plans.cases import OPEN
from ..schema import history_declarations, persons, relatives, vetting_cases
from ..text import fold
from . import writes
from .relatives import Relative, of_person
from .vitae import OLD_REGIME

# whom the list holds, for a relative of that relation, as the slip's father, mother and spouse ("" is the person)
FAMILY = {
    "Cha": {"spouse_name": "Mẹ"},
    "Mẹ": {"spouse_name": "Cha"},
    "Anh/chị/em": {"father_name": "Cha", "mother_name": "Mẹ"},
    "Vợ": {"father_name": "Cha vợ", "mother_name": "Mẹ vợ", "spouse_name": ""},
    "Chồng": {"father_name": "Cha chồng", "mother_name": "Mẹ chồng", "spouse_name": ""},
    "Cha vợ": {"spouse_name": "Mẹ vợ"},
    "Mẹ vợ": {"spouse_name": "Cha vợ"},
    "Cha chồng": {"spouse_name": "Mẹ chồng"},
    "Mẹ chồng": {"spouse_name": "Cha chồng"},
}
BIRTH_OF = {"father_name": "father_birth_date", "mother_name": "mother_birth_date", "spouse_name": "spouse_birth_date"}
KEPT_ON_PERSON = ("ethnicity", "religion", "cccd", "cmnd")  # what a person's row holds that the slip asks for
CHILD_PARENTS = {"Nam": ("", "Vợ"), "Nữ": ("Chồng", "")}  # a child's father and mother, by the person's gender


@dataclass(frozen=True)
class SlipDraft:
    person_id: int            # the relative as a person: the slip is about them
    values: dict[str, Any]    # the slip's fields, as a form holds them
    earlier: tuple[str, ...]  # each slip already sent about them, as earlier_slips tells it


def slip_for(db: Database, record_id: int, case_id: int | None = None) -> SlipDraft:
    """The new slip about the relative of the relatives list's entry `record_id`, for the open vetting case
    `case_id` (its purpose the slip's) or, not given, for the person's one open case."""
    db.require(Action.BROWSE, "xem thân nhân")
    with db.read() as connection:
        record = writes.current(connection, relatives, record_id, "thân nhân")
        owner = connection.execute(persons.select().where(persons.c.id == record["person_id"])).mappings().one()
        family = of_person(connection, owner["id"])
        purposes = set(connection.execute(select(vetting_cases.c.purpose).where(
            vetting_cases.c.person_id == owner["id"], vetting_cases.c.status == OPEN,
            vetting_cases.c.deleted_at.is_(None), vetting_cases.c.id == case_id if case_id else true())).scalars())
        earlier = earlier_slips.read(connection, record["relative_id"])
        subject = connection.execute(select(*(persons.c[key] for key in KEPT_ON_PERSON)).where(
            persons.c.id == record["relative_id"])).mappings().one()
        history = history_declarations.c
        old_regime = connection.execute(select(history.post, history.place).where(
            history.person_id == record["relative_id"], history.declared_kind == OLD_REGIME,
            history.deleted_at.is_(None)).order_by(history.since.asc().nulls_last(), history.id)).all()
    relative = next(r for r in family if r.id == record_id)
    values = {"full_name": relative.full_name, "birth_date": relative.birth_date, "birth_place": relative.birth_place,
              "home_town": relative.home_town, "residence": _residence(relative), "relation": relative.relation,
              "vetted_name": owner["full_name"], "gender": GENDER_OF.get(relative.relation),
              "deceased": relative.deceased and YES_NO[0], "death_date": relative.death_date}
    values.update(subject)
    values.update(work_before_1975=_joined(post for post, _place in old_regime),
                  place_before_1975=_joined(place for _post, place in old_regime))
    values.update(_kin(relative.relation, family, owner))
    if len(purposes) == 1 and (purpose := purposes.pop()) in SLIP_PURPOSES:
        values["purpose"] = purpose
    return SlipDraft(relative.relative_id, {key: value for key, value in values.items() if value},
                     tuple(slip.told() for slip in earlier))


def _kin(relation: str, family: list[Relative], owner: Mapping[str, Any]) -> dict[str, str | None]:
    """The slip's father, mother and spouse of a relative of `relation`, with their birth dates, where the list
    names one of each."""
    wanted = dict(FAMILY.get(relation, {}))
    if relation == "Con" and owner["gender"] in CHILD_PARENTS:
        wanted = dict(zip(("father_name", "mother_name"), CHILD_PARENTS[owner["gender"]], strict=True))
    found = {}
    for key, kin in wanted.items():
        listed = [(r.full_name, r.birth_date) for r in family if r.relation == kin]
        if kin == "":
            found[key], found[BIRTH_OF[key]] = owner["full_name"], owner["birth_date"]
        elif len(listed) == 1:
            found[key], found[BIRTH_OF[key]] = listed[0]
    return found


def _joined(texts: Iterable[str | None]) -> str | None:
    """The texts recorded, each once, in the order recorded."""
    return "; ".join(dict.fromkeys(filter(None, texts))) or None


def _residence(relative: Relative) -> str | None:
    """Where the relative lives, with the country when they live abroad and it is not written there already."""
    residence, country = relative.residence or "", relative.country or ""
    if not relative.abroad or not country or fold(country) in fold(residence):
        return residence or None
    return f"{residence}, {country}" if residence else country
