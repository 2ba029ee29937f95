"""The person rule (spec, "The person rule"), implemented once for every import row and form.

A person is their normalized full name + birth date (at its precision) + normalized home
town; when both sides carry a CCCD, the CCCD decides (and a home town the row gives is then
theirs). Cadres are found among persons by name + birth date, narrowed by home town and CCCD
where the row gives them.

Persons are looked up through the indexes (name key, CCCD) the first time a name is needed,
never loaded all at once: a form saves one person among a million as fast as an import of a
few; a file asks for all its names in a few queries (`prefetch`).
"""

import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Column, ColumnElement, exists, or_, select
from sqlalchemy.engine import Connection

from . import gazetteer, search
from .changes import TableChanges, differing
from .collation import name_sort_key
from .errors import RowProblem
from .heard import in_pieces, no_step
from .plain_names import Named, Spellings, is_plain, stored_plain, stored_spelled_like
from .schema import archive_requests, cadres, persons, relatives, slips
from .stored_rows import KeyedQuery, StoredRows
from .text import also_without_apostrophes, name_key, place_key, variant_fold_words


class Identity(NamedTuple):
    """Who a row or a form names (made for every row of an import: a plain tuple)."""

    full_name: str
    birth_date: str | None = None
    home_town: str | None = None
    cccd: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return name_key(self.full_name), self.birth_date or "", place_key(self.home_town or "")

    @property
    def description(self) -> str:
        parts = [self.full_name]
        if self.birth_date:
            parts.append(f"sinh {_display(self.birth_date)}")
        if self.home_town:
            parts.append(f"quê {self.home_town}")
        return ", ".join(parts)


def _year(birth: str) -> str:
    """The year of an ISO birth date («1960-05» → «1960»); "" when not known."""
    return birth[:4] if len(birth) >= 4 else ""


def _display(iso: str) -> str:
    return "/".join(reversed(iso.split("-")))


def may_be_same(birth: str | None, other_birth: str | None, cccd: str | None, other_cccd: str | None) -> bool:
    """Whether two persons of one name may be one though the person rule tells them apart: their birth
    dates agree as far as both are known («1960» and «05/1960», «05/1960» and «12/05/1960»; not two days
    or two months of one year) or one is not known, and they are not both told apart by a CCCD."""
    births_agree = not birth or not other_birth or birth.startswith(other_birth) or other_birth.startswith(birth)
    return births_agree and not (cccd and other_cccd)


def about_someone() -> ColumnElement[bool]:
    """The persons a record is about (one in the recycle bin too: it may come back), a cadre's relatives
    among them — not one whose records all moved to the person the officer picked («Dùng người này»),
    left with nothing but the vetting case their slip had opened, in the recycle bin."""
    return or_(*(exists().where(column == persons.c.id) for column in (
        cadres.c.person_id, slips.c.person_id, archive_requests.c.person_id, relatives.c.person_id,
        relatives.c.relative_id)))


SEARCHED = frozenset({"full_name", "other_names", "cccd", "cmnd", "home_town"})  # what search_key reads
IDENTITY = frozenset({"full_name", "birth_date", "home_town"})  # what the identity key (and sort key) reads
ALIKE_TOLD = 3  # the persons a row is told it may be, at most: a common name has many namesakes of a year
_FOUND = (select(persons.c.id, persons.c.name_key, persons.c.birth_date, persons.c.home_town_key, persons.c.cccd,
                 cadres.c.id, cadres.c.deleted_at).select_from(persons.outerjoin(cadres)))  # by name, CCCD or id


def search_key(values: Mapping[str, Any]) -> str:
    """What the person search (FTS5) indexes: folded, the i/y of Quí/Quý made one (search.fts_phrase)."""
    return search_keys([values])[0]


def search_keys(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """`search_key` of many persons, column by column: each distinct name and place folded once."""
    def column(key: str) -> Iterator:
        return map(operator.methodcaller("get", key), rows)

    parts = zip(map(_folded_name, column("full_name")), map(_folded_name, column("other_names")),
                map(_number, column("cccd")), map(_number, column("cmnd")), map(_place_words, column("home_town")),
                strict=True)
    return [also_without_apostrophes(" ".join(filter(None, part))) for part in parts]


@functools.lru_cache(maxsize=65_536)  # names repeat down a register, and the same persons come again
def _folded_name(name: str | None) -> str:
    return variant_fold_words(name) if name else ""


def _number(number: str | None) -> str:
    """An identity number as the index holds it: a stored one is digits already (each new, so not cached)."""
    if not number or number.isdigit() and number.isascii():
        return number or ""
    return variant_fold_words(number)


@functools.lru_cache(maxsize=65_536)  # home towns repeat down a register
def _place_words(home_town: str | None) -> str:
    """The home town's folded words, with its other names before and after 01/7/2025."""
    if not home_town:
        return ""
    return " ".join(filter(None, map(variant_fold_words, [home_town, *gazetteer.counterparts(home_town)])))


class _PersonChanges(TableChanges):
    """The persons' changes: many new persons are put in the search index at once."""

    def apply(self, connection: Connection) -> None:
        with search.indexed_at_once(connection, self.stored_max + 1, len(self.new)):
            super().apply(connection)


class PersonBook:
    """The persons a plan reads and writes, found by the person rule through the indexes, with
    the planned ones; attributes fetched only for the persons the plan touches."""

    def __init__(self, connection: Connection, now):
        self._connection = connection
        self.changes = _PersonChanges(connection, persons, now)
        self._key_of: dict[int, tuple[str, str, str]] = {}
        self._by_key: dict[tuple[str, str, str], list[int]] = {}
        self._by_name: dict[str, list[int]] = {}
        self._by_name_year: dict[tuple[str, str], list[int]] = {}  # (name, year of birth or "") → persons
        self._cccd_of: dict[int, str] = {}
        self._by_cccd: dict[str, int] = {}
        self._current = StoredRows(connection, persons)
        self._names: set[str] = set()   # name keys looked up
        self._cccds: set[str] = set()   # CCCDs looked up
        self._row_of: dict[int, int] = {}  # person new in this plan → the row that made them (`alike`)
        self.cadre_of: dict[int, tuple[int, bool]] = {}  # person → (cadre, in the recycle bin), as loaded
        self._spellings: Spellings | None = None  # an import's persons by their names' letters (`alike`)

    # -- looking up ------------------------------------------------------------------------

    def prefetch(self, identities: Iterable[Identity]) -> list[int]:
        """Looks up, in a few queries, every name and CCCD a file's rows carry; returns the stored
        persons they find, in the rows' order, whose rows are then read a chunk at a time (and let go
        once the last row naming them leaves them as stored). Only an import prefetches: its new persons
        are told beside those whose names are spelled alike but for diacritics (`alike`)."""
        self._spellings = self._spellings or Spellings()
        if not self.changes.stored_max:  # nothing stored: nothing to look up
            return []
        keyed = [(identity, identity.key) for identity in identities]
        names = {key[0] for _, key in keyed} - self._names
        self._spellings.file_names |= names
        cccds = {identity.cccd for identity, _ in keyed if identity.cccd} - self._cccds
        self._load_where(persons.c.name_key, names)
        self._names |= names
        self._load_where(persons.c.cccd, cccds)
        self._cccds |= cccds
        by_key, by_cccd = self._by_key, self._by_cccd
        asked = [pid for identity, key in keyed  # each row's: found by the key, the CCCD or both
                 for pid in dict.fromkeys((*by_key.get(key, ()), by_cccd.get(identity.cccd))) if pid is not None]
        self._current.expect(asked)
        return list(dict.fromkeys(asked))

    def _named(self, name_key: str) -> list[int]:
        if name_key not in self._names:
            self._load_where(persons.c.name_key, {name_key})
            self._names.add(name_key)
        return self._by_name.get(name_key, [])

    def owner_of(self, cccd: str | None) -> int | None:
        """The person (stored or planned) holding this CCCD, or None."""
        if not cccd:
            return None
        if self.changes.stored_max and cccd not in self._cccds:
            self._load_where(persons.c.cccd, {cccd})
            self._cccds.add(cccd)
        return self._by_cccd.get(cccd)

    def load(self, pid: int) -> None:
        """Makes a person known by id (one picked on a form, or named by a stored record)."""
        if pid not in self._key_of:
            self._load_where(persons.c.id, {pid})

    def _load_where(self, column: Column, values: set) -> None:
        if not self.changes.stored_max:  # nothing stored (a first import): nothing to look up
            return
        values, query = sorted(values), KeyedQuery(self._connection, _FOUND, persons, [column.name])
        for start in range(0, len(values), query.size):
            for pid, named, birth, town_key, cccd, cid, deleted_at in query.rows(values[start:start + query.size]):
                if pid not in self._key_of:
                    self._index(pid, (named, birth or "", town_key or ""), cccd)
                if cid is not None:
                    self.cadre_of[pid] = (cid, deleted_at is not None)

    def _index(self, pid: int, key: tuple[str, str, str], cccd: str | None) -> None:
        self._key_of[pid] = key
        self._by_key.setdefault(key, []).append(pid)
        self._by_name.setdefault(key[0], []).append(pid)
        self._by_name_year.setdefault((key[0], _year(key[1])), []).append(pid)
        if cccd:
            self._cccd_of[pid] = cccd
            self._by_cccd[cccd] = pid

    def _unindex(self, pid: int) -> None:
        key = self._key_of.pop(pid)
        self._by_key[key].remove(pid)
        self._by_name[key[0]].remove(pid)
        self._by_name_year[key[0], _year(key[1])].remove(pid)
        cccd = self._cccd_of.pop(pid, None)
        if cccd:
            del self._by_cccd[cccd]

    def key_of(self, pid: int) -> tuple[str, str, str]:
        self.load(pid)
        return self._key_of[pid]

    def cccd_of(self, pid: int) -> str | None:
        self.load(pid)
        return self._cccd_of.get(pid)

    def named(self, full_name: str) -> list[int]:
        """Persons (stored and planned) with exactly this name."""
        return self._named(name_key(full_name))

    # -- the rule --------------------------------------------------------------------------

    def find(self, identity: Identity) -> int | None:
        """The existing (or planned) person, or None; RowProblem when the rule is violated."""
        return self._find(identity, identity.key)

    def _find(self, identity: Identity, key: tuple[str, str, str]) -> int | None:
        if self.changes.stored_max:  # else only planned persons, all known
            self._named(key[0])
        if identity.cccd:
            pid = self.owner_of(identity.cccd)
            if pid is not None:
                if self._key_of[pid][:2] != key[:2]:
                    raise RowProblem(f"số CCCD {identity.cccd} đã thuộc về người khác "
                                     "(khác họ tên hoặc ngày sinh)", "cccd")
                return pid
        candidates = self._by_key.get(key)
        if not candidates:
            return None
        if identity.cccd:
            candidates = [p for p in candidates if p not in self._cccd_of]
        if len(candidates) > 1:
            raise RowProblem(f"có {len(candidates)} người cùng họ tên, ngày sinh, quê quán "
                             f"({identity.description}); hãy ghi Số CCCD để phân biệt", "full_name")
        return candidates[0] if candidates else None

    def resolve(self, identity: Identity, attributes: dict[str, Any] | None = None) -> tuple[int, bool]:
        """The person's id and whether they are new in this plan; a new person has `attributes` too."""
        key = identity.key
        pid = self._find(identity, key)
        if pid is not None:  # what the row tells of them is the caller's to write (`update_found`)
            return pid, False
        pid = self.changes.insert({**(attributes or {}), "full_name": identity.full_name, "name_key": key[0],
                                   "birth_date": identity.birth_date, "home_town": identity.home_town,
                                   "home_town_key": key[2], "cccd": identity.cccd})
        self._current[pid] = self.changes.new[pid]
        self._index(pid, key, identity.cccd)
        return pid, True

    def alike(self, pid: int, header: str, row: int) -> list[RowProblem]:
        """What to tell (at `header`) of the person `pid`, new in this plan on row `row`, for each person who
        may be them (`may_be_same`): a stored one some record is about, then one new on an earlier row. An
        old list writing «1960» and «Tân Hoà» where another wrote «05/1960» and «Xã Tân Hòa, huyện Hàm
        Thuận Nam» makes a second person of the same one; so does «NGUYEN VAN HUNG» beside «Nguyễn Văn Hùng»."""
        name, birth, _ = self._key_of[pid]
        namesakes = self._by_name[name]
        if len(namesakes) > 1 and _year(birth):  # born another year: not them (may_be_same); a common name has
            namesakes = [*self._by_name_year[name, _year(birth)], *self._by_name_year.get((name, ""), ())]  # hundreds
        spelled = self._spelled_alike(pid, name)
        if len(namesakes) == 1 and not spelled:  # most persons of a list: no namesake who may be them, nothing to tell
            self._row_of[pid] = row
            return []
        cccd = self._cccd_of.get(pid)
        maybe = sorted(other for other in [*namesakes, *spelled] if other != pid
                       and may_be_same(birth, self._key_of[other][1], cccd, self._cccd_of.get(other)))
        stored = self._about_someone([other for other in maybe if other <= self.changes.stored_max])[:ALIKE_TOLD]
        earlier = [other for other in maybe if other in self._row_of][:ALIKE_TOLD - len(stored)]
        self._row_of[pid] = row
        return [*(self._alike_told(pid, other, header, "người đã có", "họ tên, ngày sinh, quê quán như người đã có")
                  for other in stored),
                *(self._alike_told(pid, other, header, f"người ở dòng {self._row_of[other]} của tệp này",
                                   "hai dòng cùng họ tên, ngày sinh, quê quán") for other in earlier)]

    def _spelled_alike(self, pid: int, name: str) -> list[int]:
        """The persons (stored, or new on an earlier row of the import) named like `name`, of the new
        person `pid`, but for diacritics, one of the two names written without any; none for a form,
        whose person picker finds them as the officer types."""
        spellings = self._spellings
        if spellings is None:
            return []
        if spellings.plain is None:
            spellings.read_plain(self._loaded(stored_plain(self._connection, spellings.file_names,
                                                           self.changes.stored_max)))
        if spellings.every is None and is_plain(name):
            planned = [(other, values["name_key"]) for other, values in self.changes.new.items() if other != pid]
            spellings.read_every([*self._loaded(stored_spelled_like(self._connection, spellings.plain_words())),
                                  *planned])
        return spellings.take(pid, name)

    def _loaded(self, named: list[Named]) -> list[Named]:
        """The stored persons `named`, made known (`load`) in a few queries."""
        self._load_where(persons.c.id, {pid for pid, _ in named if pid not in self._key_of})
        return named

    def _alike_told(self, pid: int, other: int, header: str, whom: str, how: str) -> RowProblem:
        name, birth, town = self._key_of[pid]
        their_name, their_birth, their_town = self._key_of[other]
        values = self.current(other)
        who = Identity(values["full_name"], values["birth_date"], values["home_town"]).description
        differs = ", ".join(what for what, differ in (("cách viết họ tên (không dấu)", name != their_name),
                                                     ("ngày sinh", birth != their_birth),
                                                     ("quê quán", town != their_town)) if differ)
        return RowProblem(f"có thể trùng với {whom}: {who} (khác {differs}, nên được ghi là một người khác); "
                          f"nếu là cùng một người, hãy ghi {how} (hoặc cùng Số CCCD) rồi nhập lại", header)

    def _about_someone(self, pids: list[int]) -> list[int]:
        """Those of the stored persons `pids` some record is about (`about_someone`), in their order."""
        if not pids:
            return []
        kept = set(self._connection.execute(select(persons.c.id).where(persons.c.id.in_(pids), about_someone()))
                   .scalars())
        return [pid for pid in pids if pid in kept]

    def finish(self, step: Callable[[], None] = no_step) -> None:
        """Gives the persons new in this plan their search and sort keys from their values as planned,
        a piece at a time (each distinct name and place folded once), `step` called before each."""
        for rows in in_pieces(list(self.changes.new.values()), step):
            sort_keys = map(name_sort_key, map(operator.itemgetter("full_name"), rows))
            for row, searched, sort in zip(rows, search_keys(rows), sort_keys, strict=True):
                row["search_key"], row["sort_key"] = searched, sort

    def current(self, pid: int) -> dict[str, Any]:
        return self._current[pid]

    def update_found(self, pid: int, identity: Identity, attributes: dict[str, Any] | None = None) -> list[str]:
        """Fills or corrects, from a row naming them by `identity`, a person the rule found: the
        `attributes`, the CCCD (one found by name may have none yet) and, when the row gives another
        home town, that one (only the CCCD finds a person whose home town is not the row's); returns
        the keys that changed."""
        told = {"cccd": identity.cccd}
        if identity.home_town and identity.key[2] != self.key_of(pid)[2]:
            told["home_town"] = identity.home_town
        return self.update(pid, {**(attributes or {}), **told})

    def update(self, pid: int, attributes: dict[str, Any], clears: bool = False) -> list[str]:
        """Fills or corrects the person's attributes (erasing the emptied ones when `clears`);
        returns the keys that changed."""
        self.load(pid)
        owner = self.owner_of(attributes.get("cccd"))
        if owner not in (None, pid):
            raise RowProblem(f"số CCCD {attributes['cccd']} đã thuộc về người khác", "cccd")
        current = self.current(pid)
        wanted = differing(current, attributes, clears)
        self._check_not_another(pid, current, wanted)
        changed = self.changes.change(pid, current, wanted, clears)
        if IDENTITY.intersection(changed):
            identity = Identity(current["full_name"], current["birth_date"], current["home_town"])
            self.changes.change(pid, current, {"name_key": identity.key[0], "home_town_key": identity.key[2],
                                               "sort_key": name_sort_key(identity.full_name)})
        if SEARCHED.intersection(changed):
            self.changes.change(pid, current, {"search_key": search_key(current)})
        if IDENTITY.intersection(changed) or "cccd" in changed:
            self._unindex(pid)
            self._index(pid, (current["name_key"], current["birth_date"] or "", current["home_town_key"]),
                        current["cccd"])
        if not self.changes.planned(pid):  # else its current values are the plan's
            self._current.release(pid)
        return changed

    def _check_not_another(self, pid: int, current: Mapping[str, Any], changes: Mapping[str, Any]) -> None:
        """A person edited may not become another under the rule (the same name, birth date and home
        town) unless both carry a CCCD, different ones; two stored alike already are let be."""
        if IDENTITY.isdisjoint(changes) and "cccd" not in changes:
            return
        after = Identity(*(changes.get(column, current.get(column)) for column in Identity._fields))
        key = after.key
        if key == self._key_of[pid] and (after.cccd or pid not in self._cccd_of):
            return
        self._named(key[0])
        alike = [other for other in self._by_key.get(key, ())
                 if other != pid and not (after.cccd and other in self._cccd_of)]
        if alike:
            other = self.current(alike[0])
            who = Identity(other["full_name"], other["birth_date"], other["home_town"]).description
            raise RowProblem(f"trùng với người đã có: {who} (cùng họ tên, ngày sinh, quê quán là một người); "
                             "nếu là hai người khác nhau, hãy ghi Số CCCD của cả hai",
                             next(column for column in Identity._fields if column in changes))


class CadreBook:
    """Cadres by person and by name, for matching cadres and finding delegation members."""

    def __init__(self, connection: Connection, people: PersonBook, now):
        self.people = people
        self.changes = TableChanges(connection, cadres, now)
        self._connection = connection
        self._person_of: dict[int, int] = {}
        self._current = StoredRows(connection, cadres)

    def of_person(self, pid: int) -> int | None:
        """The person's cadre record (also one in the recycle bin), or None."""
        self.people.load(pid)
        found = self.people.cadre_of.get(pid)
        if found is not None:
            self._person_of[found[0]] = pid
        return found[0] if found else None

    def prefetch(self, pids: Iterable[int]) -> None:
        """Expects the stored cadre records of persons (looked up already) to be read, in their order."""
        found = {self.people.cadre_of[pid][0]: pid for pid in pids if pid in self.people.cadre_of}
        self._person_of.update(found)
        self._current.expect(found)

    def is_deleted(self, cid: int) -> bool:
        return self.people.cadre_of[self.person_of(cid)][1]

    def person_of(self, cid: int) -> int:
        if cid not in self._person_of:
            self._person_of[cid] = self._connection.execute(
                select(cadres.c.person_id).where(cadres.c.id == cid)).scalar_one()
            self.people.load(self._person_of[cid])
        return self._person_of[cid]

    def add(self, pid: int, values: dict[str, Any]) -> int:
        cid = self.changes.insert({"person_id": pid, **values})
        self._current[cid] = self.changes.new[cid]
        self._person_of[cid] = pid
        self.people.cadre_of[pid] = (cid, False)
        return cid

    def restore(self, cid: int) -> None:
        """Brings a cadre back from the recycle bin."""
        self.changes.force(cid, self.current(cid), {"deleted_at": None})
        self.restored(cid)

    def restored(self, cid: int) -> None:
        """Notes that the cadre's record came back from the recycle bin."""
        self.people.cadre_of[self.person_of(cid)] = (cid, False)

    def current(self, cid: int) -> dict[str, Any]:
        return self._current[cid]

    def done_with(self, cid: int) -> None:
        """A row is done with the cadre's record, its changes planned: one left as stored is let go."""
        if not self.changes.planned(cid):
            self._current.release(cid)

    def named(self, full_name: str, binned: bool = False) -> list[int]:
        """Cadres with exactly this name: those out of the recycle bin, or with `binned` those in it."""
        found = []
        named = self.people.named(full_name)  # (their cadres loaded with them)
        if not self.people.cadre_of:  # no cadre known: none of them is one
            return found
        for pid in named:
            cadre = self.people.cadre_of.get(pid)
            if cadre is not None and cadre[1] == binned:
                self._person_of[cadre[0]] = pid
                found.append(cadre[0])
        return found

    def birth_dates_named(self, full_name: str) -> list[str]:
        """The birth dates (dd/mm/yyyy at their precision) of the cadres with exactly this name, earliest first."""
        births = {self.people.key_of(self.person_of(cid))[1] for cid in self.named(full_name)}
        return [_display(birth) for birth in sorted(births)]

    def find(self, identity: Identity, binned: bool = False) -> list[int]:
        """Cadres matching name + birth date, narrowed by home town and CCCD where given. A CCCD no
        cadre holds leaves the cadres without one, the same person only by name and birth date: none
        when the row gives no birth date. With `binned`, among the cadres in the recycle bin."""
        if identity.cccd:
            owner = self.people.owner_of(identity.cccd)
            if owner is not None and not _same_name_and_birth(self.people.key_of(owner), identity.key):
                raise RowProblem(f"số CCCD {identity.cccd} đã thuộc về người khác "
                                 "(khác họ tên hoặc ngày sinh)", "cccd")
            cid = self.of_person(owner) if owner is not None else None
            if cid is not None and self.is_deleted(cid) == binned:
                return [cid]
        _, birth, town_key = identity.key
        if identity.cccd and not birth:
            return []
        found = []
        for cid in self.named(identity.full_name, binned):
            pid = self._person_of[cid]
            _, their_birth, their_town = self.people.key_of(pid)
            if birth and their_birth != birth or town_key and their_town != town_key:
                continue
            if identity.cccd and self.people.cccd_of(pid) not in (None, identity.cccd):
                continue
            found.append(cid)
        return found


def _same_name_and_birth(stored: tuple[str, str, str], given: tuple[str, str, str]) -> bool:
    """A row naming a person by CCCD must agree on the name, and on the birth date when it gives one."""
    return stored[0] == given[0] and (not given[1] or stored[1] == given[1])
