"""Creating and editing one record of any kind from a form's values.

Every value is validated by its field declaration (`Field.parse`); all problems of a form come
back together, by field, in `FormProblems`. A save is a one-row plan written through the same
code as an import (core/plans): the person rule, the lookups, the vetting case of a slip and
the audit entry are the import's, with the form's own meaning (`Target`): an emptied field is
cleared, the record edited and the person picked are the officer's. `possible_duplicates`
lists people who may be the same so the form can warn before a new person is made.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from . import audit, earlier_slips, legacy, record_rows, row_versions, search
from .database import Database
from .errors import InputError, RowProblem
from .fields import Field, dates_ahead, values_excluded
from .kinds import DELEGATIONS, SLIPS, Kind, Members, kind_named
from .people import Identity, about_someone, may_be_same
from .permissions import Action
from .plans import PLANS
from .plans.base import NOBODY as NOBODY  # `save`'s person_id when the officer chose no one
from .plans.base import Outcome, Target, doubts, identity
from .row_versions import Change, ChangedMeanwhile
from .schema import archive_requests, cadres, persons
from .text import (
    also_without_apostrophes,
    capitalised,
    clean,
    identity_key,
    name_key,
    name_words,
    search_words,
    variant_fold,
    variant_fold_words,
)

MEMBERS = record_rows.MEMBERS  # a delegation's form value: one dict per member
VERSION = "_versions_seen"  # in `load`'s values: the versions of the record and its persons, for `save`
BINNED = "_binned"  # in `load`'s values: who put the record in the recycle bin and when (a Change), else None
ADDING, EDITING = "thêm hồ sơ", "sửa hồ sơ"  # what a form's save is called when it is refused
MEMBER_PERSON_KEYS = tuple(DELEGATIONS.members.person.fields)
MEMBER_KEYS = DELEGATIONS.members.keys
CANDIDATES = 5  # the picker ranks this many times the people it lists: the name matches among them first


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
    return kind.person_keys


# -- validation ---------------------------------------------------------------------------

def validate(kind: Kind, raw: dict[str, Any]) -> dict[str, Any]:
    """Parsed values by field key; FormProblems with every invalid field."""
    member_fields = MEMBER_PERSON_KEYS + MEMBER_KEYS if kind.members else ()
    values, problems = parse_fields([f for f in kind.fields if f.key not in member_fields], raw)
    if kind.members:
        members = []
        for number, member in enumerate(raw.get(MEMBERS) or [], start=1):
            parsed, wrong = parse_fields(map(kind.field, MEMBER_PERSON_KEYS + MEMBER_KEYS), member)
            problems.update({f"{MEMBERS}.{number}.{key}": _of_member(kind, number, message)
                             for key, message in wrong.items()})
            members.append(parsed)
        if not members and not problems:
            problems[MEMBERS] = "Đoàn phải có ít nhất một thành viên"
        values[MEMBERS] = members
    for problem in kind.order_problems(values):  # told with the others (the plan checks again whoever writes)
        problems.setdefault(problem.header, problem.message)
    for problem in values_excluded(kind.fields, values):  # an import takes the row and tells it (plans.base.doubts)
        problems.setdefault(problem.header, problem.message)
    if problems:
        raise FormProblems(problems)
    return values


def to_confirm(db: Database, kind_name: str, raw: dict[str, Any], record_id: int | None = None,
               person_id: int | None = None) -> list[str]:
    """What the form's values leave doubtful, as an import tells it, each «header: what to look at»,
    for the officer to confirm before saving: the dates of what has happened that lie after today, the
    row's `doubts` (a CCCD disagreeing with the birth date or sex, a date after one it should not
    follow), the members' `_planned_doubts`, a new slip's about person `person_id` while one sent about
    them still waits for its reply; none while a field is invalid (saving tells that). Editing
    record `record_id`, a doubt its stored values raise too was confirmed when they were saved, and
    is not asked again."""
    kind = kind_named(kind_name)
    try:
        values = validate(kind, raw)
    except FormProblems:
        return []
    today = db.clock().date()
    told = _old_encodings(kind, raw) + _doubts(kind, values, today) + _planned_doubts(db, kind, values, record_id)
    if record_id is None and kind is SLIPS and person_id not in (None, NOBODY):
        told += earlier_slips.still_waiting(earlier_slips.about(db, person_id))
    if record_id is None or not told:
        return told
    stored = load(db, kind_name, record_id)
    confirmed = set(_old_encodings(kind, stored) + _doubts(kind, stored, today)
                    + _planned_doubts(db, kind, stored, record_id))
    return [doubt for doubt in told if doubt not in confirmed]


def _old_encodings(kind: Kind, raw: dict[str, Any]) -> list[str]:
    """Text pasted from a document in an old font (.VnTime, VNI-Times): «NguyÔn V¨n H­ng», told with its
    Unicode (read before the text rules, which drop TCVN3's «ư»)."""
    told = []
    for spec in kind.fields:
        value = raw.get(spec.key)
        encoding = legacy.guess(value) if isinstance(value, str) else None
        if encoding is not None:
            told.append(f"{spec.header}: chữ gõ bằng bảng mã cũ ({encoding.value}), chưa phải Unicode; viết đúng là "
                        f"«{clean(legacy.decode(value, encoding))}»: hãy sửa lại")
    return told


def _doubts(kind: Kind, values: dict[str, Any], today: dt.date) -> list[str]:
    """The record's doubts, then each member's, said of that member."""
    told = _told(kind.fields, _row_doubts(kind, values, today))
    for number, member in enumerate(values.get(MEMBERS, ()), start=1):
        told += [_of_member(kind, number, doubt) for doubt in _told(kind.fields, _row_doubts(kind, member, today))]
    return told


def _row_doubts(kind: Kind, row: dict[str, Any], today: dt.date) -> list[RowProblem]:
    return [*dates_ahead(kind.fields, row, today), *doubts(kind, row)]


def _planned_doubts(db: Database, kind: Kind, values: dict[str, Any], record_id: int | None) -> list[str]:
    """What saving a delegation's members would leave doubtful, planned as saving plans them (nothing
    written): each member no cadre matches, whom saving adds to the cadres as an import does («Cán bộ
    mới») — a mistyped name or birth date makes a second cadre and the real one's file misses the
    trip —, and the plan's `doubts_with_others` of each member."""
    if not kind.members:
        return []
    told = []
    with db.read() as connection:
        plan = PLANS[kind.name](connection, db.clock())
        for number, row in enumerate(_rows(kind, values), start=1):
            added = len(plan.new_cadres)
            try:
                plan.take(number, row, Target(record_id, None))
            except RowProblem:
                return []  # saving tells it
            if len(plan.new_cadres) > added:
                who = identity(row, kind.members.person).description
                told.append(_of_member(kind, number, f"«{who}» không có trong danh sách cán bộ: lưu sẽ thêm một cán "
                                                     "bộ mới; nếu là cán bộ đã có, hãy sửa họ tên, ngày sinh cho "
                                                     "khớp với hồ sơ cán bộ"))
            told += [_of_member(kind, number, doubt)
                     for doubt in _told(kind.fields, plan.doubts_with_others(row))]
    return told


def _rows(kind: Kind, values: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows a record's form values make, as an import's: one per member for a record listing members."""
    return [{**values, **member} for member in values[MEMBERS]] if kind.members else [values]


def _of_member(kind: Kind, number: int, message: str) -> str:
    """What is said of member `number` of a record (its error, its doubt): «Thành viên 2: …»."""
    return f"{kind.members.label} {number}: {message}"


def told_ahead(fields: Sequence[Field], rows: list[dict[str, Any]], today: dt.date) -> list[str]:
    """Each date of `rows` (values of `fields`) of what has happened that lies after `today`, as
    «header: what to look at»."""
    return _told(fields, [problem for row in rows for problem in dates_ahead(fields, row, today)])


def _told(fields: Sequence[Field], warnings: list[RowProblem]) -> list[str]:
    """Warnings at values of `fields`, each «header: what to look at»."""
    headers = {spec.key: spec.header for spec in fields}
    return [f"{headers[warning.header]}: {warning.message}" for warning in warnings]


def parse_fields(fields: Iterable[Field], raw: dict[str, Any], partial: bool = True
                 ) -> tuple[dict[str, Any], dict[str, str]]:
    """The values of `fields` parsed from `raw`, and a message per invalid one («header: problem»). With
    `partial` (every form's values), a key `raw` lacks is left out, so what is stored there stays (a caller
    knowing fewer fields than the kind has); a required one is parsed all the same, and told missing."""
    values, problems = {}, {}
    for spec in fields:
        if partial and spec.key not in raw and not spec.required:
            continue
        try:
            values[spec.key] = spec.parse(raw.get(spec.key))
        except RowProblem as problem:
            problems[spec.key] = f"{spec.header}: {problem.message}"
    return values, problems


# -- reading ------------------------------------------------------------------------------

def load(db: Database, kind_name: str, record_id: int) -> dict[str, Any]:
    """The stored values of one record by field key (and `person_id`), as a form shows them."""
    db.require(Action.BROWSE, "xem hồ sơ")
    kind = kind_named(kind_name)
    with db.read() as connection:
        found = record_rows.snapshots(connection, kind, [record_id])
        if record_id not in found:
            raise InputError(f"Không có bản ghi số {record_id}.")
        record = _record(connection, kind, record_id)
        return {**found[record_id], VERSION: _versions(connection, kind, record), BINNED: row_versions.binned(record)}


def view(db: Database, kind_name: str, record_id: int) -> dict[str, Any]:
    """`load` for the officer opening the record: the opening is audited, naming the record as its
    edits do (a form re-read after a save is `load` alone)."""
    found = load(db, kind_name, record_id)
    kind = kind_named(kind_name)
    audit.viewed(db, audit.VIEWED, kind.name, record_id, audit.named(found, kind.identifying))
    return found


# -- row versions ---------------------------------------------------------------------------

def _record(connection: Connection, kind: Kind, record_id: int) -> dict[str, Any]:
    table = kind.table
    record = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if record is None:
        raise InputError(f"Không có bản ghi số {record_id}.")
    return dict(record)


def _version_rows(connection: Connection, kind: Kind, record: dict[str, Any]) -> list:
    """The record's row and its persons' rows: (row_version, updated_by, updated_at)."""
    table = kind.table
    linked = [record[link.column] for link in kind.persons
              if link.column in table.c and any(fk.column.table is persons for fk in table.c[link.column].foreign_keys)]
    people = {row.id: row for row in connection.execute(
        select(persons.c.id, persons.c.row_version, persons.c.updated_by, persons.c.updated_at)
        .where(persons.c.id.in_([pid for pid in linked if pid is not None])))}
    rows = [(record["row_version"], record["updated_by"], record["updated_at"]),
            *((people[pid].row_version, people[pid].updated_by, people[pid].updated_at) for pid in linked
              if pid in people)]
    if kind.members:
        rows += _member_version_rows(connection, kind.members, record["id"], record["updated_at"])
    return rows


def _member_version_rows(connection: Connection, members: Members, record_id: int, at) -> list:
    """Each member's membership and person, by membership: a membership is told at the record's time
    (the record counts up with its members, so a member added or taken off is told by the record)."""
    table = members.table
    found = connection.execute(
        select(table.c.row_version, table.c.updated_by, persons.c.row_version, persons.c.updated_by,
               persons.c.updated_at)
        .select_from(table.join(cadres, table.c[members.cadre] == cadres.c.id)
                     .join(persons, cadres.c[members.person.column] == persons.c.id))
        .where(table.c[members.parent] == record_id).order_by(table.c.id))
    return [row for version, by, person_version, person_by, person_at in found
            for row in ((version, by, at), (person_version, person_by, person_at))]


def versions(connection: Connection, kind: Kind, record_id: int) -> tuple[int, ...]:
    """What a save of the record compares (`save`'s `seen`): its version and its persons'."""
    return _versions(connection, kind, _record(connection, kind, record_id))


def _versions(connection: Connection, kind: Kind, record: dict[str, Any]) -> tuple[int, ...]:
    return tuple(version for version, _, _ in _version_rows(connection, kind, record))


def changed_meanwhile(db: Database, kind_name: str, record_id: int, seen: tuple[int, ...]) -> Change | None:
    """Who changed the record (or its persons) since a form was filled from it (`seen`, `load`'s
    VERSION), and when, or put it in the recycle bin; None: no one did. An open form asks when it hears
    of changes, so the officer knows before saving."""
    db.require(Action.BROWSE, "xem hồ sơ")
    with db.read() as connection:
        return _changed_meanwhile(connection, kind_named(kind_name), record_id, seen)


def _changed_meanwhile(connection: Connection, kind: Kind, record_id: int, seen: tuple[int, ...]) -> Change | None:
    record = _record(connection, kind, record_id)
    rows = _version_rows(connection, kind, record)
    if tuple(version for version, _, _ in rows) == tuple(seen):
        return None
    if record["deleted_at"] is not None:
        return row_versions.binned(record)
    was = [*seen, *([None] * len(rows))]
    changed = [(at, by) for index, (version, by, at) in enumerate(rows) if version != was[index]]
    at, by = max(changed or [(at, by) for _, by, at in rows], key=lambda change: change[0])
    return Change(by, at)


def _check_unchanged(connection: Connection, kind: Kind, record_id: int, seen: tuple[int, ...]) -> None:
    change = _changed_meanwhile(connection, kind, record_id, seen)
    if change is not None:
        raise ChangedMeanwhile.of(change)


# -- the person picker ---------------------------------------------------------------------

def find_people(db: Database, query: str, limit: int = 20) -> list[PersonFacts]:
    """People matching the search box (the search rule), with what is known: those whose name holds
    every word typed first, then those found through their home town or other names, each in the
    order of names ("nguyen thi thanh huong" finds Nguyễn Thị Thanh Hương before a Nguyễn Ngọc Hương
    of «thành phố Phan Thiết»), but for the name spelled as typed first (`_as_typed`)."""
    db.require(Action.BROWSE, "tìm người")
    condition = and_(search.person_condition(query, persons.c.id), about_someone())
    typed, spelled = [variant_fold(word) for word in search_words(query)], identity_key(query).split()
    with db.read() as connection:
        found = connection.execute(select(persons.c.id, persons.c.full_name, persons.c.name_key).where(condition)
                                   .order_by(persons.c.sort_key, persons.c.id).limit(limit * CANDIDATES)).all()
        by_name = sorted(found, key=lambda person: (not _named_by(person.full_name, typed),
                                                    not _as_typed(person.name_key, spelled)))
        return [_facts(connection, person.id) for person in by_name[:limit]]


def _named_by(full_name: str, typed: list[str]) -> bool:
    """Whether every word typed begins a word of the name (as the search matches words)."""
    words = also_without_apostrophes(variant_fold_words(full_name)).split()
    return all(any(word.startswith(wanted) for word in words) for wanted in typed)


def _as_typed(name_key: str, spelled: list[str]) -> bool:
    """Whether the words typed, accents kept (`identity_key`), begin words of the name in their order:
    «Ngọc Ánh» is Nguyễn Thị Ngọc Ánh as typed, not Nguyễn Thị Ngọc Anh; a whole name, only itself."""
    words = iter(name_key.split())
    return all(any(word.startswith(wanted) for word in words) for wanted in spelled)


def load_person(db: Database, person_id: int) -> dict[str, Any]:
    """The stored values of one person (the picker fills a form's person fields with them)."""
    db.require(Action.BROWSE, "xem hồ sơ")
    with db.read() as connection:
        row = connection.execute(select(persons).where(persons.c.id == person_id)).mappings().first()
    if row is None:
        raise InputError(f"Không có người số {person_id}.")
    return dict(row)


def possible_duplicates(db: Database, identity: Identity, except_person: int | None = None) -> list[PersonFacts]:
    """People who may be this one: same CCCD, or the same name as the search folds it (typed with or
    without diacritics) with a birth date that does not differ; the name spelled as typed first."""
    db.require(Action.BROWSE, "tìm người")
    typed_key, folded = name_key(identity.full_name), name_words(identity.full_name)
    columns = (persons.c.id, persons.c.name_key, persons.c.full_name, persons.c.birth_date, persons.c.cccd,
               persons.c.sort_key)
    query = select(*columns).where(search.person_condition(identity.full_name, persons.c.id), about_someone())
    if identity.cccd:
        query = query.union(select(*columns).where(persons.c.cccd == identity.cccd, about_someone()))
    with db.read() as connection:
        found = []
        for pid, key, full_name, birth, cccd, sort_key in connection.execute(query):
            same_cccd = bool(identity.cccd) and cccd == identity.cccd
            same_name = name_words(full_name) == folded
            if pid != except_person and (same_cccd or same_name and may_be_same(identity.birth_date, birth,
                                                                                identity.cccd, cccd)):
                found.append((not _as_typed(key, typed_key.split()), sort_key, pid))
        return [_facts(connection, pid) for *_, pid in sorted(found)]


def cadres_named(db: Database, full_name: str) -> list[PersonFacts]:
    """The cadres (not in the recycle bin) named `full_name` as the name rule compares names: those a
    record naming a cadre by name alone (a letter's subject, kinds.NamedCadre) may be about, with
    what is known of each."""
    db.require(Action.BROWSE, "tìm người")
    if not full_name.strip():
        return []
    with db.read() as connection:
        found = connection.execute(
            select(persons.c.id).select_from(persons.join(cadres, cadres.c.person_id == persons.c.id))
            .where(persons.c.name_key == name_key(full_name), cadres.c.deleted_at.is_(None))
            .order_by(persons.c.sort_key, persons.c.id)).scalars().all()
        return [_facts(connection, pid) for pid in found]


def person_facts(db: Database, person_id: int) -> PersonFacts:
    """One person with what is known of them, as the picker shows them (the one a record is linked to)."""
    db.require(Action.BROWSE, "xem hồ sơ")
    with db.read() as connection:
        return _facts(connection, person_id)


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
    known += [slip.told_briefly() for slip in reversed(earlier_slips.read(connection, pid))]  # newest first
    for doc_on, answered_on, result in connection.execute(
            select(archive_requests.c.doc_on, archive_requests.c.answered_on, archive_requests.c.result)
            .where(archive_requests.c.person_id == pid, archive_requests.c.deleted_at.is_(None))):
        when = answered_on or doc_on
        known.append(f"nghiên cứu tàng thư ngày {when:%d/%m/%Y}, kết quả: {result or 'chưa có'}")
    return PersonFacts(pid, description, known, cadre.id if cadre is not None and not cadre.deleted_at else None)


# -- saving -------------------------------------------------------------------------------

def save(db: Database, kind_name: str, raw: dict[str, Any], record_id: int | None = None,
         person_id: int | None = None, seen: tuple[int, ...] | None = None) -> int:
    """Creates (record_id None) or updates a record from form values; returns its id.

    `person_id` is the person the officer picked (or the record's own person when editing; for a
    record naming a cadre by name alone, NOBODY when the officer chose no one and None to keep
    its link, or for a new one to take the name's one cadre);
    `seen` the versions the form was filled from (`load`'s VERSION): a record changed since is
    refused (ChangedMeanwhile) and nothing is written.
    """
    kind = kind_named(kind_name)
    values = validate(kind, raw)
    db.require(Action.EDIT, EDITING if record_id else ADDING)
    return write(db, kind, values, Target(record_id, person_id), seen).record_id


def write(db: Database, kind: Kind, values: dict[str, Any], target: Target,
          seen: tuple[int, ...] | None = None) -> Outcome:
    """Writes validated form values through the kind's plan, audited; FormProblems by field when
    they conflict with what is stored (a CCCD of someone else, a slip number already used…)."""
    rows = _rows(kind, values)
    with db.write() as connection:
        if target.record_id is not None and seen is not None:
            _check_unchanged(connection, kind, target.record_id, seen)
        plan = PLANS[kind.name](connection, db.clock())
        taken = []
        for number, row in enumerate(rows, start=1):
            try:
                taken.append(plan.take(number, row, target))
            except RowProblem as problem:
                raise _form_problem(kind, problem, number if kind.members else None) from None
        if kind.members:
            plan.keep_only(taken[0].record_id)
        plan.finish()
        plan.apply_audited(db, connection)
    changed = [key for outcome in taken for key in outcome.changed]
    return Outcome(taken[0].status, taken[0].record_id, list(dict.fromkeys(changed)))


def _form_problem(kind: Kind, problem: RowProblem, member: int | None) -> FormProblems:
    key = problem.header or "full_name"
    message = capitalised(problem.message)
    if member is not None and key in MEMBER_PERSON_KEYS + MEMBER_KEYS:
        return FormProblems({f"{MEMBERS}.{member}.{key}": _of_member(kind, member, problem.message)})
    return FormProblems({key: message})
