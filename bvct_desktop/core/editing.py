"""Creating and editing one record of any kind from a form's values.

Every value is validated by its field declaration (`Field.parse`); all problems of a form come
back together, by field, in `FormProblems`. The person a record concerns is found by the person
rule (the CCCD decides; else name + birth date + home town), or is the one the officer picked;
`possible_duplicates` lists people who may be the same so the form can warn before a new
person is made. Every change is audited with the old and new value of each changed field.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from . import search
from .collation import name_sort_key
from .database import Database
from .errors import InputError, RowProblem
from .kinds import DELEGATIONS, SELF, Kind, kind_named
from .people import Identity, search_key
from .permissions import Action
from .recycle_bin import TABLES
from .schema import archive_requests, cadres, delegation_members, delegations, persons, recipients, slips, units
from .text import identity_key

MEMBERS = "members"  # a delegation's form value: one dict per member
MEMBER_PERSON_KEYS = ("full_name", "birth_date", "home_town", "cccd")
MEMBER_KEYS = ("position", "unit", "role")
TRIP_KEYS = tuple(f.key for f in DELEGATIONS.fields if f.key in delegations.c)


class FormProblems(InputError):
    """The form's invalid values: a Vietnamese message per field key."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("Chưa lưu: " + "; ".join(problems.values()))


@dataclass(frozen=True)
class PersonFacts:
    """A person as the person picker shows them, with what is already known about them."""

    person_id: int
    description: str
    known: list[str] = field(default_factory=list)
    cadre_id: int | None = None


def person_keys(kind: Kind) -> tuple[str, ...]:
    """The kind's fields stored on the person rather than on the record."""
    table = TABLES[kind.name]
    return tuple(f.key for f in kind.fields if f.key in persons.c and f.key not in table.c)


# -- validation ---------------------------------------------------------------------------

def validate(kind: Kind, raw: dict[str, Any]) -> dict[str, Any]:
    """Parsed values by field key; FormProblems with every invalid field."""
    values, problems = _parse(kind, [f.key for f in kind.fields if kind is not DELEGATIONS or f.key in TRIP_KEYS],
                              raw)
    if kind is DELEGATIONS:
        members = []
        for number, member in enumerate(raw.get(MEMBERS) or [], start=1):
            parsed, wrong = _parse(kind, MEMBER_PERSON_KEYS + MEMBER_KEYS, member)
            problems.update({f"{MEMBERS}.{number}.{key}": f"Thành viên {number}: {message}"
                             for key, message in wrong.items()})
            members.append(parsed)
        if not members and not problems:
            problems[MEMBERS] = "Đoàn phải có ít nhất một thành viên"
        if values.get("depart_on") and values.get("return_on") and values["return_on"] < values["depart_on"]:
            problems["return_on"] = "Ngày về trước Ngày đi"
        values[MEMBERS] = members
    if problems:
        raise FormProblems(problems)
    return values


def _parse(kind: Kind, keys, raw: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    values, problems = {}, {}
    for key in keys:
        spec = kind.field(key)
        try:
            values[key] = spec.parse(raw.get(key))
        except RowProblem as problem:
            problems[key] = f"{spec.header}: {problem.message}"
    return values, problems


# -- reading ------------------------------------------------------------------------------

def load(db: Database, kind_name: str, record_id: int) -> dict[str, Any]:
    """The stored values of one record by field key (and `person_id`), as a form shows them."""
    db.require(Action.BROWSE, "xem hồ sơ")
    kind = kind_named(kind_name)
    with db.read() as connection:
        record = _record(connection, kind, record_id)
        values = {f.key: record.get(f.key) for f in kind.fields if f.key in record}
        values["person_id"] = record.get("person_id")
        if record.get("person_id") and person_keys(kind):
            person = connection.execute(select(persons).where(persons.c.id == record["person_id"])).mappings().one()
            values.update({key: person[key] for key in person_keys(kind)})
        if kind.name == "cadres" and record["unit_id"]:
            values["unit"] = connection.execute(select(units.c.name).where(units.c.id == record["unit_id"])).scalar()
        if kind.name == "slips":
            values["recipient"] = connection.execute(
                select(recipients.c.name).where(recipients.c.id == record["recipient_id"])).scalar()
        if kind is DELEGATIONS:
            values[MEMBERS] = _members(connection, record_id)
    return values


def _record(connection: Connection, kind: Kind, record_id: int) -> dict[str, Any]:
    table = TABLES[kind.name]
    row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        raise InputError(f"Không có bản ghi số {record_id}.")
    return dict(row)


def _members(connection: Connection, delegation_id: int) -> list[dict[str, Any]]:
    query = (select(persons.c.full_name, persons.c.birth_date, persons.c.home_town, persons.c.cccd,
                    delegation_members.c.position, delegation_members.c.unit, delegation_members.c.role)
             .select_from(delegation_members.join(cadres).join(persons))
             .where(delegation_members.c.delegation_id == delegation_id).order_by(delegation_members.c.id))
    return [dict(row) for row in connection.execute(query).mappings()]


# -- the person picker ---------------------------------------------------------------------

def find_people(db: Database, query: str, limit: int = 20) -> list[PersonFacts]:
    """People matching the search box (the search rule), cadres first, with what is known."""
    db.require(Action.BROWSE, "tìm người")
    condition = search.person_condition(query, persons.c.id)
    with db.read() as connection:
        ids = connection.execute(select(persons.c.id).where(condition)
                                 .order_by(persons.c.sort_key, persons.c.id).limit(limit)).scalars().all()
        return [_facts(connection, pid) for pid in ids]


def load_person(db: Database, person_id: int) -> dict[str, Any]:
    """The stored values of one person (the picker fills a form's person fields with them)."""
    db.require(Action.BROWSE, "xem hồ sơ")
    with db.read() as connection:
        row = connection.execute(select(persons).where(persons.c.id == person_id)).mappings().first()
    if row is None:
        raise InputError(f"Không có người số {person_id}.")
    return dict(row)


def person_facts(db: Database, person_id: int) -> PersonFacts:
    db.require(Action.BROWSE, "xem hồ sơ")
    with db.read() as connection:
        return _facts(connection, person_id)


def possible_duplicates(db: Database, identity: Identity, except_person: int | None = None) -> list[PersonFacts]:
    """People who may be this one: same CCCD, or same name with a birth date that does not differ."""
    db.require(Action.BROWSE, "tìm người")
    name_key = identity_key(identity.full_name)
    query = select(persons.c.id, persons.c.birth_date, persons.c.cccd).where(persons.c.name_key == name_key)
    if identity.cccd:
        query = query.union(select(persons.c.id, persons.c.birth_date, persons.c.cccd)
                            .where(persons.c.cccd == identity.cccd))
    with db.read() as connection:
        found = []
        for pid, birth, cccd in connection.execute(query):
            same_cccd = bool(identity.cccd) and cccd == identity.cccd
            births_agree = not identity.birth_date or not birth or birth[:4] == identity.birth_date[:4]
            if pid != except_person and (same_cccd or births_agree and not (identity.cccd and cccd)):
                found.append(_facts(connection, pid))
        return found


def _facts(connection: Connection, pid: int) -> PersonFacts:
    person = connection.execute(select(persons).where(persons.c.id == pid)).mappings().one()
    description = Identity(person["full_name"], person["birth_date"], person["home_town"]).description
    if person["cccd"]:
        description += f", CCCD {person['cccd']}"
    known = []
    cadre = connection.execute(select(cadres.c.id, cadres.c.position, cadres.c.deleted_at)
                               .where(cadres.c.person_id == pid)).first()
    if cadre is not None:
        known.append("cán bộ" + (f", {cadre.position}" if cadre.position else "")
                     + (" (trong thùng rác)" if cadre.deleted_at else ""))
    for issued_on, result_on, result, purpose in connection.execute(
            select(slips.c.issued_on, slips.c.result_on, slips.c.result, slips.c.purpose)
            .where(slips.c.person_id == pid, slips.c.deleted_at.is_(None)).order_by(slips.c.issued_on.desc())):
        if result_on:
            known.append(f"đã xác minh ngày {result_on:%d/%m/%Y}, kết quả: {result or 'chưa ghi'}")
        else:
            known.append(f"đã gửi phiếu xác minh ngày {issued_on:%d/%m/%Y}"
                         + (f" ({purpose})" if purpose else "") + ", chưa có kết quả")
    for doc_on, answered_on, result in connection.execute(
            select(archive_requests.c.doc_on, archive_requests.c.answered_on, archive_requests.c.result)
            .where(archive_requests.c.person_id == pid, archive_requests.c.deleted_at.is_(None))):
        when = answered_on or doc_on
        known.append(f"nghiên cứu tàng thư ngày {when:%d/%m/%Y}, kết quả: {result or 'chưa có'}")
    return PersonFacts(pid, description, known, cadre.id if cadre is not None and not cadre.deleted_at else None)


# -- saving -------------------------------------------------------------------------------

def save(db: Database, kind_name: str, raw: dict[str, Any], record_id: int | None = None,
         person_id: int | None = None) -> int:
    """Creates (record_id None) or updates a record from form values; returns its id.

    `person_id` is the person the officer picked (or the record's own person when editing).
    """
    kind = kind_named(kind_name)
    values = validate(kind, raw)
    db.require(Action.EDIT, "sửa hồ sơ" if record_id else "thêm hồ sơ")
    with db.write() as connection:
        saver = _Saver(connection, kind, db.clock())
        before = _snapshot(connection, kind, record_id) if record_id else {}
        record_id = saver.save(values, record_id, person_id)
        after = _snapshot(connection, kind, record_id)
        changes = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
        if before:
            db.audit(connection, "sửa", kind=kind.name, record_id=record_id, details=changes or None)
        else:
            db.audit(connection, "thêm", kind=kind.name, record_id=record_id)
    return record_id


def _snapshot(connection: Connection, kind: Kind, record_id: int) -> dict[str, Any]:
    """The record's values by field key, for the audit's old → new."""
    record = _record(connection, kind, record_id)
    values = {key: record[key] for key in (f.key for f in kind.fields) if key in record}
    if record.get("person_id") and person_keys(kind):
        person = connection.execute(select(persons).where(persons.c.id == record["person_id"])).mappings().one()
        values.update({key: person[key] for key in person_keys(kind)})
    if kind.name == "cadres":
        values["unit"] = record["unit_id"]
    if kind.name == "slips":
        values["recipient"] = record["recipient_id"]
    if kind is DELEGATIONS:
        values[MEMBERS] = _members(connection, record_id)
    return values


class _Saver:
    def __init__(self, connection: Connection, kind: Kind, now: dt.datetime):
        self.connection = connection
        self.kind = kind
        self.now = now
        self.table: Table = TABLES[kind.name]

    def save(self, values: dict[str, Any], record_id: int | None, person_id: int | None) -> int:
        own = {key: values.get(key) for key in (f.key for f in self.kind.fields) if key in self.table.c}
        if self.kind is DELEGATIONS:
            record_id = self._write(own, record_id)
            self._write_members(record_id, values[MEMBERS])
            return record_id
        if "person_id" in self.table.c and person_keys(self.kind):
            own["person_id"] = self._person(values, person_id, person_keys(self.kind))
        getattr(self, f"_before_{self.kind.name.replace('-', '_')}", lambda *_: None)(own, values, record_id)
        return self._write(own, record_id)

    def _write(self, own: dict[str, Any], record_id: int | None) -> int:
        if record_id is None:
            result = self.connection.execute(self.table.insert().values(
                **own, created_at=self.now, updated_at=self.now))
            return result.inserted_primary_key[0]
        self.connection.execute(self.table.update().where(self.table.c.id == record_id)
                                .values(**own, updated_at=self.now))
        return record_id

    # per kind

    def _before_cadres(self, own, values, record_id) -> None:
        other = self.connection.execute(select(cadres.c.id, cadres.c.deleted_at)
                                        .where(cadres.c.person_id == own["person_id"])).first()
        if other is not None and other.id != record_id:
            where = " (trong thùng rác; hãy khôi phục)" if other.deleted_at else ""
            raise FormProblems({"full_name": f"Người này đã có trong danh sách cán bộ{where}"})
        own["unit_id"] = self._named(units, values.get("unit"), stamped=False)

    def _before_slips(self, own, values, record_id) -> None:
        year, number_key = values["issued_on"].year, identity_key(values["number"])
        taken = self.connection.execute(select(slips.c.id).where(
            slips.c.year == year, slips.c.number_key == number_key, slips.c.id != (record_id or 0))).first()
        if taken is not None:
            raise FormProblems({"number": f"Số phiếu «{values['number']}» năm {year} đã dùng cho phiếu khác"})
        own.update(year=year, number_key=number_key,
                   recipient_id=self._named(recipients, values["recipient"], stamped=True),
                   vetted_cadre_id=self._vetted_cadre(own["person_id"], values))

    def _before_complaints(self, own, values, record_id) -> None:
        own["person_id"] = None
        if values.get("subject_name"):
            found = self._cadres_named(values["subject_name"])
            own["person_id"] = found[0][1] if len(found) == 1 else None

    def _vetted_cadre(self, pid: int, values: dict[str, Any]) -> int | None:
        if not values.get("vetted_name"):
            if values.get("relation") != SELF:
                return None
            return self.connection.execute(select(cadres.c.id).where(
                cadres.c.person_id == pid, cadres.c.deleted_at.is_(None))).scalar()
        found = self._cadres_named(values["vetted_name"])
        return found[0][0] if len(found) == 1 else None

    def _cadres_named(self, name: str) -> list[tuple[int, int]]:
        return self.connection.execute(
            select(cadres.c.id, cadres.c.person_id).select_from(cadres.join(persons))
            .where(persons.c.name_key == identity_key(name), cadres.c.deleted_at.is_(None))).all()

    def _named(self, table: Table, name: str | None, stamped: bool) -> int | None:
        if not name:
            return None
        found = self.connection.execute(select(table.c.id).where(table.c.name_key == identity_key(name))).scalar()
        if found is not None:
            return found
        extra = {"active": True, "created_at": self.now} if stamped else {}
        return self.connection.execute(table.insert().values(
            name=name, name_key=identity_key(name), **extra)).inserted_primary_key[0]

    def _write_members(self, delegation_id: int, members: list[dict[str, Any]]) -> None:
        kept = []
        for number, member in enumerate(members, start=1):
            cadre_id = self._member_cadre(member, number)
            if cadre_id in kept:
                raise FormProblems({f"{MEMBERS}.{number}.full_name": f"Thành viên {number}: trùng với thành viên khác"})
            kept.append(cadre_id)
            wanted = {key: member.get(key) for key in MEMBER_KEYS}
            existing = self.connection.execute(select(delegation_members.c.id).where(
                delegation_members.c.delegation_id == delegation_id,
                delegation_members.c.cadre_id == cadre_id)).scalar()
            if existing is None:
                self.connection.execute(delegation_members.insert().values(
                    delegation_id=delegation_id, cadre_id=cadre_id, **wanted))
            else:
                self.connection.execute(delegation_members.update()
                                        .where(delegation_members.c.id == existing).values(**wanted))
        self.connection.execute(delegation_members.delete().where(
            delegation_members.c.delegation_id == delegation_id, delegation_members.c.cadre_id.not_in(kept)))

    def _member_cadre(self, member: dict[str, Any], number: int) -> int:
        try:
            pid = self._person(member, None, MEMBER_PERSON_KEYS)
        except FormProblems as problems:
            raise FormProblems({f"{MEMBERS}.{number}.{key}": f"Thành viên {number}: {message}"
                                for key, message in problems.problems.items()}) from None
        cadre = self.connection.execute(select(cadres.c.id, cadres.c.deleted_at)
                                        .where(cadres.c.person_id == pid)).first()
        if cadre is None:
            return self.connection.execute(cadres.insert().values(
                person_id=pid, created_at=self.now, updated_at=self.now)).inserted_primary_key[0]
        if cadre.deleted_at is not None:
            self.connection.execute(cadres.update().where(cadres.c.id == cadre.id).values(deleted_at=None))
        return cadre.id

    # the person rule

    def _person(self, values: dict[str, Any], person_id: int | None, keys: tuple[str, ...]) -> int:
        identity = Identity(values["full_name"], values.get("birth_date"), values.get("home_town"), values.get("cccd"))
        # A person the officer picked (or the record's own) shows every value on the form, so an
        # emptied field is cleared; a person found by the rule only gains what the form adds.
        overwrite = person_id is not None
        if person_id is None:
            person_id = self._find(identity)
        wanted = {key: values.get(key) for key in keys}
        if identity.cccd:
            owner = self.connection.execute(select(persons.c.id).where(persons.c.cccd == identity.cccd)).scalar()
            if owner is not None and owner != person_id:
                raise FormProblems({"cccd": f"Số CCCD {identity.cccd} đã thuộc về người khác"})
        derived = {"name_key": identity.key[0], "home_town_key": identity.key[2],
                   "sort_key": name_sort_key(identity.full_name)}
        if person_id is None:
            row = {**wanted, **derived, "search_key": search_key(wanted), "created_at": self.now,
                   "updated_at": self.now}
            return self.connection.execute(persons.insert().values(**row)).inserted_primary_key[0]
        current = dict(self.connection.execute(select(persons).where(persons.c.id == person_id)).mappings().one())
        current.update({key: value for key, value in wanted.items() if overwrite or value is not None})
        self.connection.execute(persons.update().where(persons.c.id == person_id).values(
            **{key: current[key] for key in keys}, **derived, search_key=search_key(current), updated_at=self.now))
        return person_id

    def _find(self, identity: Identity) -> int | None:
        """The existing person by the person rule, or None (a new person)."""
        name_key, birth, town_key = identity.key
        if identity.cccd:
            owner = self.connection.execute(select(persons.c.id, persons.c.name_key, persons.c.birth_date)
                                            .where(persons.c.cccd == identity.cccd)).first()
            if owner is not None:
                if (owner.name_key, owner.birth_date or "") != (name_key, birth):
                    raise FormProblems({"cccd": f"Số CCCD {identity.cccd} đã thuộc về người khác "
                                                "(khác họ tên hoặc ngày sinh)"})
                return owner.id
        query = select(persons.c.id).where(persons.c.name_key == name_key,
                                           func.coalesce(persons.c.birth_date, "") == birth,
                                           persons.c.home_town_key == town_key)
        if identity.cccd:
            query = query.where(persons.c.cccd.is_(None))
        found = self.connection.execute(query).scalars().all()
        if len(found) > 1:
            raise FormProblems({"full_name": f"Có {len(found)} người cùng họ tên, ngày sinh, quê quán "
                                             f"({identity.description}); hãy ghi Số CCCD để phân biệt"})
        return found[0] if found else None
