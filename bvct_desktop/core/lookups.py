"""Names kept in a list of their own (units, the recipient units of slips), found by name.

A record keeps the id of the entry; an entry is matched by its identity key (case, accents
encoding and spacing ignored), so "Cục A93B – Bộ Công an" typed twice is one entry, and so is
"Cục A93B - Bộ Công an" typed with a hyphen (`text.unit_key`), and "Cuc A93B - Bo Cong an" typed
without accents when no other entry reads so without them (an entry an import adds is such an entry
for the file's later rows). A list whose table has `merged_into_id` (recipients) keeps an entry
merged into another as the other's alias: its name, in any spelling, means the entry kept. The
importer and the form add a name they do not find (`NameList`); the list's own page adds one only
when no entry has that name (`spelt`).
"""

import functools
from collections.abc import Callable

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from .changes import TableChanges
from .kinds import Lookup
from .text import identity_key, unit_key, unit_letters

MERGED_INTO = "merged_into_id"


def named(connection: Connection, table: Table, name: str,
          spellings: Callable[[], "Spellings"] | None = None) -> int | None:
    """The id of the entry `name` means: the one `spelt` so, or the entry it was merged into; None
    when there is none."""
    found = spelt(connection, table, name, spellings)
    merged_into = table.c.get(MERGED_INTO)
    if found is None or merged_into is None:
        return found
    return connection.execute(select(func.coalesce(merged_into, table.c.id)).where(table.c.id == found)).scalar_one()


def spelt(connection: Connection, table: Table, name: str,
          spellings: Callable[[], "Spellings"] | None = None) -> int | None:
    """The id of the entry named `name`, or else of the one spelt so but for its dashes
    («Cục A93B - Bộ Công an» for «Cục A93B – Bộ Công an») or, typed without accents, for them; an
    alias too; None when there is none. `spellings` gives the list's `Spellings` (a caller looking up
    many names reads them once)."""
    found = connection.execute(select(table.c.id).where(table.c.name_key == identity_key(name))).scalar()
    if found is not None or ("-" not in unit_key(name) and not _unaccented(name)):
        return found  # a name with accents and without a dash has no other spelling of it
    return (spellings or functools.partial(Spellings.of_list, connection, table))().entry(name)


def _unaccented(name: str) -> bool:
    """Whether a unit's name is typed without accents, its dashes aside («Cuc A93B – Bo Cong an»)."""
    return unit_key(name).isascii()


class Spellings:
    """The entries' ids by `unit_key` (the first entry of each: a list may hold two spellings
    already) and, for a name typed without accents, by its letters alone — unless two units read
    alike without accents (Công an huyện Phú Mỹ, Phù Mỹ)."""

    def __init__(self) -> None:
        self.by_unit_key: dict[str, int] = {}
        self.by_letters: dict[str, int | None] = {}
        self._kept_by_letters: dict[str, int] = {}  # the unit each letters name: an entry or the one it was merged into

    @classmethod
    def of_list(cls, connection: Connection, table: Table) -> "Spellings":
        merged_into = table.c.get(MERGED_INTO)
        kept = table.c.id if merged_into is None else func.coalesce(merged_into, table.c.id)
        spellings = cls()
        for row in connection.execute(select(table.c.id, table.c.name, kept.label("kept")).order_by(table.c.id)):
            spellings.add(row.name, row.id, row.kept)
        return spellings

    def entry(self, name: str) -> int | None:
        found = self.by_unit_key.get(unit_key(name))
        return self.by_letters.get(unit_letters(name)) if found is None and _unaccented(name) else found

    def add(self, name: str, entry_id: int, kept: int | None = None) -> None:
        """Takes in an entry, an alias of the unit `kept` or (None) a unit of its own: letters read
        alike by two units name neither."""
        self.by_unit_key.setdefault(unit_key(name), entry_id)
        letters, unit = unit_letters(name), entry_id if kept is None else kept
        if self._kept_by_letters.setdefault(letters, unit) != unit:
            self.by_letters[letters] = None
        else:
            self.by_letters.setdefault(letters, entry_id)


class NameList:
    """The entries of one list a plan reads and adds to: looked up one name at a time, and the
    names added remembered for the summary."""

    def __init__(self, connection: Connection, lookup: Lookup, now):
        self.lookup = lookup
        self.changes = TableChanges(connection, lookup.table, now)
        self._connection = connection
        self._by_key: dict[str, int | None] = {}  # by unit_key: two spellings of a new entry are one
        self._spellings_read: Spellings | None = None
        self._new = Spellings()  # the entries added, found by other spellings as the list's are
        self.added: list[str] = []

    def id_for(self, name: str | None) -> int | None:
        """The entry's id; a name not in the list is added (planned)."""
        if not name:
            return None
        key = unit_key(name)
        if key not in self._by_key:
            found = named(self._connection, self.lookup.table, name, self._spellings)
            self._by_key[key] = self._new.entry(name) if found is None else found
        if self._by_key[key] is None:
            self._by_key[key] = self.changes.insert(self.lookup.new_entry(name, self.changes.now))
            self._new.add(name, self._by_key[key])
            self.added.append(name)
        return self._by_key[key]

    def _spellings(self) -> Spellings:
        """The list's `Spellings`, read once for the whole file."""
        if self._spellings_read is None:
            self._spellings_read = Spellings.of_list(self._connection, self.lookup.table)
        return self._spellings_read
