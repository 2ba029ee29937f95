"""A person's relatives (thân nhân), own side and spouse's side as on form 2C.

The relative is a person of their own, found or added by the person rule (name + birth date +
home town; the CCCD decides), so the slips issued about them find them again. A relative is
written through the same plan as a row of `bvct import relatives` (core/plans/relatives.py).
"""

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .. import dates, editing
from ..database import Database
from ..errors import InputError
from ..kinds import RELATIVES, SELF
from ..permissions import Action
from ..plans.base import Target
from ..schema import cadres, foreign_elements, persons, political_notes, relatives
from . import writes

KIND = "relatives"
FIELDS = tuple(f for f in RELATIVES.on_form if f.key not in ("cadre_name", "cadre_birth_date", "cadre_home_town"))
OWN_SIDE = ("Cha", "Mẹ", "Vợ", "Chồng", "Con", "Anh/chị/em")
SPOUSE_SIDE = ("Cha vợ", "Mẹ vợ", "Cha chồng", "Mẹ chồng")
FORM_2C_ORDER = (SELF, *OWN_SIDE, *SPOUSE_SIDE, "Khác")  # item 30: a) own side, b) the spouse's side
# HD 06-HD/TW (09/6/2025) mục 3.4c (brief §1.2): a parent, sibling or child who is a Party member and declared in
# full needs no verification of their own; declared in full is every particular the list asks of them
MEMBER_KIN = ("Cha", "Mẹ", "Anh/chị/em", "Con")
DECLARED_IN_FULL = ("full_name", "birth_date", "home_town", "residence", "occupation")
DECLARED_MEMBERS = "Thân nhân là đảng viên đã khai đầy đủ, không phải xác minh riêng (HD 06-HD/TW, mục 3.4c)"


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
    deceased: bool | None = None
    death_date: str | None = None  # ISO at its precision, "~1970" when approximate (core/dates.py)
    birth_place: str | None = None  # as written (Place.ADDRESS)
    party_member: bool | None = None  # «Đảng viên» as the list declares it
    party_joined_on: dt.date | None = None  # «Ngày vào Đảng» of the relative's own record in the cadres register
    versions: tuple[int, ...] = ()  # what a save of it compares (editing.versions; read by list_relatives)

    @property
    def spouse_side(self) -> bool:
        """Bên vợ/chồng (2C item 30b) rather than the person's own side."""
        return self.relation in SPOUSE_SIDE

    @property
    def died(self) -> str | None:
        """«đã mất năm 1970», «đã mất khoảng năm 1970», «đã mất» when the year is not known; None for a relative
        not known to have died."""
        return dates.died(self.deceased, self.death_date)

    @property
    def in_party(self) -> bool:
        """A Party member: the list says so («Đảng viên»), or their entry in the cadres register has «Ngày vào
        Đảng»."""
        return bool(self.party_member) or self.party_joined_on is not None

    @property
    def declared_member(self) -> bool:
        """A living parent, sibling or child who is a Party member with every particular DECLARED_IN_FULL: not
        verified separately."""
        return (self.relation in MEMBER_KIN and self.in_party and not self.deceased
                and all(getattr(self, key) for key in DECLARED_IN_FULL))


def list_relatives(db: Database, person_id: int) -> list[Relative]:
    """The person's relatives, in the order of form 2C (parents, spouse, children, siblings…), each with
    the versions a save of it compares."""
    db.require(Action.BROWSE, "xem thân nhân")
    with db.read() as connection:
        return [dataclasses.replace(relative, versions=editing.versions(connection, RELATIVES, relative.id))
                for relative in of_person(connection, person_id)]


def of_person(connection: Connection, person_id: int) -> list[Relative]:
    query = (select(relatives.c.id, relatives.c.person_id, relatives.c.relative_id, relatives.c.relation,
                    persons.c.full_name, persons.c.birth_date, persons.c.home_town, persons.c.residence,
                    relatives.c.occupation, relatives.c.abroad, relatives.c.country,
                    relatives.c.abroad_since, relatives.c.abroad_work, relatives.c.deceased,
                    relatives.c.death_date, persons.c.birth_place, relatives.c.party_member,
                    cadres.c.party_joined_on)
             .select_from(relatives.join(persons, relatives.c.relative_id == persons.c.id)
                          .outerjoin(cadres, (cadres.c.person_id == persons.c.id) & cadres.c.deleted_at.is_(None)))
             .where(relatives.c.person_id == person_id, relatives.c.deleted_at.is_(None)))
    found = [Relative(**row) for row in connection.execute(query).mappings()]
    return sorted(found, key=lambda r: (family_rank(r.relation), r.birth_date or "", r.id))


def family_rank(relation: str) -> int:
    """Where a relative of that relation comes on form 2C: the person's own side, then the spouse's,
    then any other relation."""
    return FORM_2C_ORDER.index(relation) if relation in FORM_2C_ORDER else len(FORM_2C_ORDER)


def add_relative(db: Database, person_id: int, raw: dict[str, Any]) -> int:
    """Records a relative of the person; returns the new record's id."""
    db.require(Action.EDIT, "thêm thân nhân")
    values = writes.parse(FIELDS, raw)
    with db.read() as connection:
        writes.person_exists(connection, person_id)
    return editing.write(db, RELATIVES, values, Target(owner_id=person_id)).record_id


def update_relative(db: Database, record_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None
                    ) -> list[str]:
    """Replaces the relative's details with the form's, correcting their person (whose slips stay
    theirs); a field the form lacks stays as stored; returns the keys that changed. A relative (or
    their person) changed since the form was filled from it (`seen`, the Relative's versions) is
    refused (editing.ChangedMeanwhile)."""
    db.require(Action.EDIT, "sửa thân nhân")
    values = writes.parse(FIELDS, raw, partial=True)
    with db.read() as connection:
        record = writes.current(connection, relatives, record_id, "thân nhân")
    target = Target(record_id, person_id=record["relative_id"], owner_id=record["person_id"])
    return editing.write(db, RELATIVES, values, target, seen).changed


# the records kept about a relative (core/personfile/notes.py), by their words
NOTED_ABOUT = ((political_notes, "vấn đề chính trị"), (foreign_elements, "yếu tố nước ngoài"))


def delete_relative(db: Database, record_id: int) -> None:
    """Puts the relative record in the recycle bin (the person stays: others may refer to them); refused
    while a political note or foreign element is about the relative, which would else read as about the
    person."""
    db.require(Action.EDIT, "xóa thân nhân")
    with db.write() as connection:
        record = writes.current(connection, relatives, record_id, "thân nhân")
        _nothing_noted_about(connection, record)
        writes.soft_delete(db, connection, relatives, KIND, record)


def _nothing_noted_about(connection: Connection, record: dict[str, Any]) -> None:
    for table, title in NOTED_ABOUT:
        count = connection.execute(select(func.count()).select_from(table).where(
            table.c.relative_id == record["id"], table.c.deleted_at.is_(None))).scalar()
        if count:
            full_name = connection.execute(select(persons.c.full_name).where(
                persons.c.id == record["relative_id"])).scalar()
            raise InputError(f"Còn {count} {title} ghi về thân nhân «{record['relation']}: {full_name}»: hãy chọn "
                             "thân nhân khác ở ô «Về thân nhân» của các mục ấy, hoặc xóa chúng, rồi mới xóa thân "
                             "nhân này.")
