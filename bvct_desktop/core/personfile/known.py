"""What the office knows about one person from the slips: every slip about the person and about
each of their relatives, and the relatives known from slips, each with its relation to the person.

A slip is about the person when they are its subject, when its vetting is for them (it serves
one of their vetting cases, or names them as the vetted cadre), or when its subject is one of
their relatives. The slips whose vetting is for the person name relatives the relatives list may
not hold yet: the slip's subject with the slip's `Quan hệ`, and, on the person's own slips, the
father, mother and spouse written on the slip. The cadre's file and the cadre's summary
(documents) both read this.
"""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import or_, select, union
from sqlalchemy.engine import Connection

from .. import sql
from ..archive_replies import found_archive_record
from ..database import Database
from ..dates import display_date
from ..kinds import SELF
from ..permissions import Action
from ..schema import cadres, persons, recipients, relatives, slips, vetting_cases
from ..text import name_key
from .relatives import family_rank

AWAITS = "chờ trả lời"
SPOUSE = "Vợ/chồng"  # a spouse written on a slip of a person whose gender is not recorded


@dataclass(frozen=True)
class SlipAbout:
    """One slip, and what it is to the person whose file is read."""

    slip_id: int
    number: str
    issued_on: dt.date
    subject_id: int          # the person the slip verifies
    subject_name: str
    subject_birth_date: str | None
    relation: str            # the subject's relation to the file's person ("Bản thân" for them)
    for_this_person: bool    # its vetting is for the file's person (else for another person)
    vetted_name: str | None  # as written on the slip: whom the vetting is for
    purpose: str | None
    recipient: str
    result_on: dt.date | None
    result: str | None

    def state(self) -> str:
        """«41/PXM: trả lời 30/03/2025, không có tài liệu», «43/PXM: chờ trả lời»: whether the slip was answered,
        when, and whether its reply found an archive record (archive_replies reads it)."""
        if self.result_on is None and not self.result:
            return f"{self.number}: {AWAITS}"
        found = f", {'có' if found_archive_record(self.result) else 'không có'} tài liệu" if self.result else ""
        return f"{self.number}: {self._answered('trả lời ')}{found}"

    def reply(self) -> str:
        """«41/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2025, trả lời ngày 30/03/2025: «Không có tàng thư»»: the slip
        and its whole reply, or that it awaits one."""
        sent = f"{self.number} gửi {self.recipient} ngày {display_date(self.issued_on)}"
        if self.result_on is None and not self.result:
            return f"{sent}, {AWAITS}"
        return f"{sent}, {self._answered('trả lời ngày ')}" + (f": «{self.result}»" if self.result else "")

    def _answered(self, words: str) -> str:
        return words + display_date(self.result_on) if self.result_on else "chưa ghi ngày trả lời"


@dataclass(frozen=True)
class KnownRelative:
    """A relative of the person: from the relatives list, or known only from slips."""

    relation: str
    full_name: str
    birth_date: str | None
    home_town: str | None
    person_id: int | None    # None: a name written on a slip, not a person of the records
    record_id: int | None    # the relatives list's entry; None: known from slips only
    slip_ids: tuple[int, ...] = ()  # the slips about this relative, or naming them

    @property
    def from_slips(self) -> bool:
        return self.record_id is None


@dataclass(frozen=True)
class Known:
    slips: list[SlipAbout] = field(default_factory=list)
    relatives: list[KnownRelative] = field(default_factory=list)


def known_about(db: Database, person_id: int) -> Known:
    """Every slip about the person and their relatives, and their relatives (listed or from slips)."""
    db.require(Action.BROWSE, "xem hồ sơ")
    with db.read() as connection:
        return read(connection, person_id)


def read(connection: Connection, person_id: int) -> Known:
    """`known_about` inside the caller's transaction (documents read it with their other data)."""
    listed = _listed_relatives(connection, person_id)
    relation_of: dict[int, str] = {}
    for entry in listed:
        relation_of.setdefault(entry.person_id, entry.relation)
    rows = _slips(connection, person_id, set(relation_of))
    about = sorted((_about(row, person_id, relation_of) for row in rows),
                   key=lambda slip: (slip.issued_on, slip.number, slip.slip_id), reverse=True)
    gender = connection.execute(select(persons.c.gender).where(persons.c.id == person_id)).scalar()
    book = _RelativeBook(listed, about)
    written = {row.id: row for row in rows}
    for slip in reversed(about):  # oldest first: the first slip naming a relative gives their details
        if not slip.for_this_person:
            continue
        row = written[slip.slip_id]
        if slip.subject_id != person_id:
            book.note(slip.relation, slip.subject_name, slip.slip_id, slip.subject_id, row.birth_date, row.home_town)
            continue
        for relation, name in (("Cha", row.father_name), ("Mẹ", row.mother_name),
                               (_spouse(gender), row.spouse_name)):
            if name:
                book.note(relation, name, slip.slip_id)
    return Known(about, book.relatives())


def _listed_relatives(connection: Connection, person_id: int) -> list[KnownRelative]:
    query = (select(relatives.c.id, relatives.c.relation, relatives.c.relative_id, persons.c.full_name,
                    persons.c.birth_date, persons.c.home_town)
             .select_from(relatives.join(persons, relatives.c.relative_id == persons.c.id))
             .where(relatives.c.person_id == person_id, relatives.c.deleted_at.is_(None)))
    return [KnownRelative(row.relation, row.full_name, row.birth_date, row.home_town, row.relative_id, row.id)
            for row in connection.execute(query)]


def _slips(connection: Connection, person_id: int, relative_ids: set[int]) -> list:
    """The slips about the person or a listed relative, with whether their vetting is for the person."""
    cases = select(vetting_cases.c.id).where(vetting_cases.c.person_id == person_id)
    cadre = select(cadres.c.id).where(cadres.c.person_id == person_id)
    for_person = or_(slips.c.vetting_case_id.in_(cases), slips.c.vetted_cadre_id.in_(cadre))
    ids = union(select(slips.c.id).where(slips.c.person_id == person_id),  # each walks its own index
                select(slips.c.id).where(slips.c.vetting_case_id.in_(cases)),
                select(slips.c.id).where(slips.c.vetted_cadre_id.in_(cadre)),
                select(slips.c.id).where(slips.c.person_id.in_(relative_ids)))
    query = (select(slips.c.id, slips.c.number, slips.c.issued_on, slips.c.person_id, slips.c.relation,
                    slips.c.vetted_name, slips.c.purpose, slips.c.result_on, slips.c.result,
                    slips.c.father_name, slips.c.mother_name, slips.c.spouse_name,
                    persons.c.full_name, persons.c.birth_date, persons.c.home_town,
                    recipients.c.name.label("recipient"), for_person.label("for_person"))
             .select_from(slips.join(persons).join(recipients))
             .where(slips.c.id.in_(ids), sql.unindexed(slips.c.deleted_at).is_(None)))
    return connection.execute(query).all()


def _about(row, person_id: int, relation_of: dict[int, str]) -> SlipAbout:
    own = row.person_id == person_id
    for_person = bool(row.for_person) or own and row.relation in (None, SELF)
    relation = SELF if own else relation_of.get(row.person_id) or row.relation or "Khác"
    return SlipAbout(row.id, row.number, row.issued_on, row.person_id, row.full_name, row.birth_date, relation,
                     for_person, row.vetted_name, row.purpose, row.recipient, row.result_on, row.result)


class _RelativeBook:
    """The listed relatives, joined by the relatives the slips name."""

    def __init__(self, listed: list[KnownRelative], about: list[SlipAbout]):
        slips_of: dict[int, list[int]] = {}
        for slip in reversed(about):
            slips_of.setdefault(slip.subject_id, []).append(slip.slip_id)
        self.entries = [{**vars(entry), "slip_ids": slips_of.get(entry.person_id, [])} for entry in listed]

    def note(self, relation: str, name: str, slip_id: int, person_id: int | None = None,
             birth_date: str | None = None, home_town: str | None = None) -> None:
        entry = self._find(relation, name, person_id, birth_date)
        if entry is None:
            entry = {"relation": relation, "full_name": name, "birth_date": birth_date, "home_town": home_town,
                     "person_id": person_id, "record_id": None, "slip_ids": []}
            self.entries.append(entry)
        elif entry["person_id"] is None and person_id is not None:  # a name on a slip, now a person
            entry.update(person_id=person_id, full_name=name, birth_date=birth_date, home_town=home_town)
        if slip_id not in entry["slip_ids"]:
            entry["slip_ids"].append(slip_id)

    def _find(self, relation: str, name: str, person_id: int | None, birth_date: str | None) -> dict | None:
        """The relative already known: the same person, else the same relation and name with birth
        dates that do not differ (one person's mother-in-law of that name is one woman, even when a
        slip left her home town out)."""
        if person_id is not None:
            same = [e for e in self.entries if e["person_id"] == person_id]
            if same:
                return next((e for e in same if e["relation"] == relation), same[0])
        key = name_key(name)
        return next((e for e in self.entries if _same_relation(e["relation"], relation)
                     and name_key(e["full_name"]) == key and _births_agree(e["birth_date"], birth_date)), None)

    def relatives(self) -> list[KnownRelative]:
        found = [KnownRelative(**{**entry, "slip_ids": tuple(entry["slip_ids"])}) for entry in self.entries]
        return sorted(found, key=lambda r: (family_rank(_as_listed(r.relation)), r.from_slips, r.birth_date or "",
                                            r.full_name))


def _births_agree(one: str | None, other: str | None) -> bool:
    return not one or not other or one[:4] == other[:4]


def _same_relation(one: str, other: str) -> bool:
    spouses = {"Vợ", "Chồng", SPOUSE}
    return one == other or one in spouses and other in spouses


def _spouse(gender: str | None) -> str:
    return {"Nam": "Vợ", "Nữ": "Chồng"}.get(gender or "", SPOUSE)


def _as_listed(relation: str) -> str:
    """A spouse written on a slip of a person whose gender is not recorded ranks as a wife would."""
    return "Vợ" if relation == SPOUSE else relation
