"""A person's relatives (thân nhân), own side and spouse's side as on form 2C.

The relative is a person of their own, found or added by the person rule (name + birth date +
home town; the CCCD decides), so the slips issued about them find them again.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..database import Database
from ..editing import FormProblems
from ..errors import InputError, RowProblem
from ..kinds import RELATIONS, RELATIVES, SELF
from ..people import Identity, PersonBook
from ..permissions import Action
from ..schema import persons, relatives
from . import writes

KIND = "relatives"
FIELDS = tuple(f for f in RELATIVES.fields if f.key not in ("cadre_name", "cadre_birth_date"))
IDENTITY_KEYS = ("full_name", "birth_date", "home_town")
RECORD_KEYS = ("relation", "occupation", "abroad", "country", "abroad_since", "abroad_work")
SPOUSE_SIDE = ("Cha vợ", "Mẹ vợ", "Cha chồng", "Mẹ chồng")


@dataclass(frozen=True)
class Relative:
    id: int
    person_id: int       # whose relative
    relative_id: int     # the relative as a person
    relation: str
    full_name: str
    birth_date: str | None  # ISO at its precision, often the year only
    home_town: str | None
    residence: str | None
    occupation: str | None
    abroad: bool | None
    country: str | None
    abroad_since: int | None
    abroad_work: str | None

    @property
    def spouse_side(self) -> bool:
        """Bên vợ/chồng (2C item 30b) rather than the person's own side."""
        return self.relation in SPOUSE_SIDE


def list_relatives(db: Database, person_id: int) -> list[Relative]:
    """The person's relatives, in the order of form 2C (parents, spouse, children, siblings…)."""
    db.require(Action.BROWSE, "xem thân nhân")
    with db.read() as connection:
        return of_person(connection, person_id)


def of_person(connection: Connection, person_id: int) -> list[Relative]:
    query = (select(relatives.c.id, relatives.c.person_id, relatives.c.relative_id, relatives.c.relation,
                    persons.c.full_name, persons.c.birth_date, persons.c.home_town, persons.c.residence,
                    relatives.c.occupation, relatives.c.abroad, relatives.c.country,
                    relatives.c.abroad_since, relatives.c.abroad_work)
             .select_from(relatives.join(persons, relatives.c.relative_id == persons.c.id))
             .where(relatives.c.person_id == person_id, relatives.c.deleted_at.is_(None)))
    found = [Relative(**row) for row in connection.execute(query).mappings()]
    return sorted(found, key=lambda r: (RELATIONS.index(r.relation), r.birth_date or "", r.id))


def add_relative(db: Database, person_id: int, raw: dict[str, Any]) -> int:
    """Records a relative of the person; returns the new record's id."""
    db.require(Action.EDIT, "thêm thân nhân")
    values = _validated(raw)
    with db.write() as connection:
        writes.person_exists(connection, person_id)
        relative_id = _relative_person(db, connection, person_id, values)
        _unique(connection, person_id, values["relation"], relative_id)
        wanted = {key: values.get(key) for key in RECORD_KEYS}
        return writes.insert(db, connection, relatives, KIND,
                              {**wanted, "person_id": person_id, "relative_id": relative_id})


def update_relative(db: Database, record_id: int, raw: dict[str, Any]) -> list[str]:
    """Replaces the relative's details with the form's; returns the keys that changed."""
    db.require(Action.EDIT, "sửa thân nhân")
    values = _validated(raw)
    with db.write() as connection:
        record = writes.current(connection, relatives, record_id, "thân nhân")
        relative_id = _relative_person(db, connection, record["person_id"], values)
        if (values["relation"], relative_id) != (record["relation"], record["relative_id"]):
            _unique(connection, record["person_id"], values["relation"], relative_id)
        wanted = {key: values.get(key) for key in RECORD_KEYS}
        return writes.update(db, connection, relatives, KIND, record, {**wanted, "relative_id": relative_id})


def delete_relative(db: Database, record_id: int) -> None:
    """Puts the relative record in the recycle bin (the person stays: others may refer to them)."""
    db.require(Action.EDIT, "xóa thân nhân")
    with db.write() as connection:
        writes.soft_delete(db, connection, relatives, KIND,
                            writes.current(connection, relatives, record_id, "thân nhân"))


def _validated(raw: dict[str, Any]) -> dict[str, Any]:
    values = writes.parse(FIELDS, raw)
    if values["relation"] == SELF:
        raise FormProblems({"relation": "Quan hệ: thân nhân không thể là «Bản thân»"})
    try:
        values["abroad"] = abroad_flag(values)
    except RowProblem as problem:
        raise FormProblems({"abroad": problem.message}) from None
    return values


def _relative_person(db: Database, connection: Connection, person_id: int, values: dict[str, Any]) -> int:
    """The relative found (or added) by the person rule, their residence brought up to date."""
    people = PersonBook(connection, db.clock())
    try:
        relative_id, _ = people.resolve(Identity(*(values.get(key) for key in IDENTITY_KEYS)))
    except RowProblem as problem:
        raise FormProblems({problem.header or "full_name": problem.message}) from None
    if relative_id == person_id:
        raise FormProblems({"full_name": "Thân nhân trùng với chính người có hồ sơ"})
    people.update(relative_id, {"residence": values.get("residence")})
    people.changes.apply(connection)
    return relative_id


def _unique(connection: Connection, person_id: int, relation: str, relative_id: int) -> None:
    query = select(relatives.c.id).where(relatives.c.person_id == person_id, relatives.c.relation == relation,
                                         relatives.c.relative_id == relative_id)
    if connection.execute(query).first() is not None:
        raise InputError(f"Thân nhân này ({relation}) đã có trong hồ sơ (có thể ở thùng rác).")


def abroad_flag(values: dict[str, Any]) -> bool | None:
    """`Ở nước ngoài` as stored; a country or a year abroad implies Có."""
    abroad_facts = [k for k in ("country", "abroad_since", "abroad_work") if values.get(k) is not None]
    if values.get("abroad") == "Không" and abroad_facts:
        raise RowProblem("«Ở nước ngoài» là Không nhưng lại ghi nước, năm hoặc công việc ở nước ngoài", "abroad")
    if values.get("abroad") is None:
        return True if abroad_facts else None
    return values["abroad"] == "Có"
