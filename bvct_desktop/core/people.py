"""The person rule (spec, "The person rule"), implemented once for every importer.

A person is their normalized full name + birth date (at its precision) + normalized home
town; when both sides carry a CCCD, the CCCD decides. Cadres are found among persons by
name + birth date, narrowed by home town and CCCD where the row gives them.
"""

import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import gazetteer
from .changes import TableChanges
from .collation import name_sort_key
from .errors import RowProblem
from .schema import cadres, persons
from .text import fold, identity_key


@dataclass(frozen=True)
class Identity:
    full_name: str
    birth_date: str | None = None
    home_town: str | None = None
    cccd: str | None = None

    @functools.cached_property
    def key(self) -> tuple[str, str, str]:
        return identity_key(self.full_name), self.birth_date or "", identity_key(self.home_town or "")

    @property
    def description(self) -> str:
        parts = [self.full_name]
        if self.birth_date:
            parts.append(f"sinh {_display(self.birth_date)}")
        if self.home_town:
            parts.append(f"quê {self.home_town}")
        return ", ".join(parts)


def _display(iso: str) -> str:
    return "/".join(reversed(iso.split("-")))


SEARCHED = frozenset({"full_name", "other_names", "cccd", "cmnd", "home_town"})  # what search_key reads


def search_key(values: dict[str, Any]) -> str:
    parts = [values.get(key) for key in ("full_name", "other_names", "cccd", "cmnd", "home_town")]
    parts += gazetteer.counterparts(values.get("home_town"))  # old/new names of the home town
    return fold(" ".join(part for part in parts if part))


class PersonBook:
    """Every person's identity in memory; attributes fetched only for the persons a file touches."""

    def __init__(self, connection: Connection, now):
        self._connection = connection
        self.changes = TableChanges(connection, persons, now)
        self._key_of: dict[int, tuple[str, str, str]] = {}
        self._by_key: dict[tuple[str, str, str], list[int]] = {}
        self._cccd_of: dict[int, str] = {}
        self._by_cccd: dict[str, int] = {}
        self._current: dict[int, dict[str, Any]] = {}
        query = select(persons.c.id, persons.c.name_key, persons.c.birth_date,
                       persons.c.home_town_key, persons.c.cccd)
        for pid, name_key, birth, town_key, cccd in connection.execute(query):
            self._index(pid, (name_key, birth or "", town_key or ""), cccd)

    def _index(self, pid: int, key: tuple[str, str, str], cccd: str | None) -> None:
        self._key_of[pid] = key
        self._by_key.setdefault(key, []).append(pid)
        if cccd:
            self._cccd_of[pid] = cccd
            self._by_cccd[cccd] = pid

    def key_of(self, pid: int) -> tuple[str, str, str]:
        return self._key_of[pid]

    def cccd_of(self, pid: int) -> str | None:
        return self._cccd_of.get(pid)

    def find(self, identity: Identity) -> int | None:
        """The existing (or planned) person, or None; RowProblem when the rule is violated."""
        key = identity.key
        if identity.cccd:
            pid = self._by_cccd.get(identity.cccd)
            if pid is not None:
                if self._key_of[pid][:2] != key[:2]:
                    raise RowProblem(f"số CCCD {identity.cccd} đã thuộc về người khác "
                                     "(khác họ tên hoặc ngày sinh)", "cccd")
                return pid
            candidates = [p for p in self._by_key.get(key, ()) if p not in self._cccd_of]
        else:
            candidates = self._by_key.get(key, [])
        if len(candidates) > 1:
            raise RowProblem(f"có {len(candidates)} người cùng họ tên, ngày sinh, quê quán "
                             f"({identity.description}); hãy ghi Số CCCD để phân biệt", "full_name")
        return candidates[0] if candidates else None

    def resolve(self, identity: Identity) -> tuple[int, bool]:
        """The person's id and whether they are new in this import."""
        pid = self.find(identity)
        if pid is not None:
            if identity.cccd and pid not in self._cccd_of:
                self.update(pid, {"cccd": identity.cccd})
            return pid, False
        values = {"full_name": identity.full_name, "name_key": identity.key[0],
                  "birth_date": identity.birth_date, "home_town": identity.home_town,
                  "home_town_key": identity.key[2], "cccd": identity.cccd}
        values.update(search_key=search_key(values), sort_key=name_sort_key(identity.full_name))
        pid = self.changes.insert(values)
        self._current[pid] = self.changes.new[pid]
        self._index(pid, identity.key, identity.cccd)
        return pid, True

    def current(self, pid: int) -> dict[str, Any]:
        if pid not in self._current:
            row = self._connection.execute(select(persons).where(persons.c.id == pid)).mappings().one()
            self._current[pid] = dict(row)
        return self._current[pid]

    def update(self, pid: int, attributes: dict[str, Any]) -> list[str]:
        """Fills or corrects the person's attributes; returns the keys that changed."""
        owner = self._by_cccd.get(attributes.get("cccd"))
        if owner not in (None, pid):
            raise RowProblem(f"số CCCD {attributes['cccd']} đã thuộc về người khác", "cccd")
        current = self.current(pid)
        changed = self.changes.change(pid, current, attributes)
        if SEARCHED.intersection(changed):
            self.changes.change(pid, current, {"search_key": search_key(current)})
            if "cccd" in changed:
                self._cccd_of[pid] = current["cccd"]
                self._by_cccd[current["cccd"]] = pid
        return changed

    def cccd_owner(self, cccd: str) -> int | None:
        return self._by_cccd.get(cccd)


class CadreBook:
    """Cadres by person and by name, for matching cadres and finding delegation members."""

    def __init__(self, connection: Connection, people: PersonBook, now):
        self.people = people
        self.changes = TableChanges(connection, cadres, now)
        self._connection = connection
        self.by_person: dict[int, int] = {}
        self.deleted: set[int] = set()
        self._by_name: dict[str, list[int]] = {}
        self._person_of: dict[int, int] = {}
        self._current: dict[int, dict[str, Any]] = {}
        query = select(cadres.c.id, cadres.c.person_id, cadres.c.deleted_at)
        for cid, pid, deleted_at in connection.execute(query):
            self._index(cid, pid)
            if deleted_at is not None:
                self.deleted.add(cid)

    def _index(self, cid: int, pid: int) -> None:
        self.by_person[pid] = cid
        self._person_of[cid] = pid
        self._by_name.setdefault(self.people.key_of(pid)[0], []).append(cid)

    def person_of(self, cid: int) -> int:
        return self._person_of[cid]

    def add(self, pid: int, values: dict[str, Any]) -> int:
        cid = self.changes.insert({"person_id": pid, **values})
        self._current[cid] = self.changes.new[cid]
        self._index(cid, pid)
        return cid

    def current(self, cid: int) -> dict[str, Any]:
        if cid not in self._current:
            row = self._connection.execute(select(cadres).where(cadres.c.id == cid)).mappings().one()
            self._current[cid] = dict(row)
        return self._current[cid]

    def named(self, full_name: str) -> list[int]:
        """Cadres (not in the recycle bin) with exactly this name."""
        return [cid for cid in self._by_name.get(identity_key(full_name), ()) if cid not in self.deleted]

    def find(self, identity: Identity) -> list[int]:
        """Cadres matching name + birth date, narrowed by home town and CCCD where given."""
        if identity.cccd:
            owner = self.people.cccd_owner(identity.cccd)
            if owner is not None and not _same_name_and_birth(self.people.key_of(owner), identity.key):
                raise RowProblem(f"số CCCD {identity.cccd} đã thuộc về người khác "
                                 "(khác họ tên hoặc ngày sinh)", "cccd")
            cid = self.by_person.get(owner) if owner is not None else None
            if cid is not None and cid not in self.deleted:
                return [cid]
        name_key, birth, town_key = identity.key
        found = []
        for cid in self.named(identity.full_name):
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
