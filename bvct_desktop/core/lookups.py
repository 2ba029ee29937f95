"""Names kept in a list of their own (units, the recipient units of slips), found by name.

A record keeps the id of the entry; an entry is matched by its identity key (case, accents
encoding and spacing ignored), so "Cục A93B – Bộ Công an" typed twice is one entry. The
importer and the form add a name they do not find (`NameList`); the list's own page adds
one only when no entry has that name (`named`).
"""

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from .changes import TableChanges
from .kinds import Lookup
from .text import identity_key


def named(connection: Connection, table: Table, name: str) -> int | None:
    """The id of the entry named `name`, or None."""
    return connection.execute(select(table.c.id).where(table.c.name_key == identity_key(name))).scalar()


class NameList:
    """The entries of one list a plan reads and adds to: looked up one name at a time, and the
    names added remembered for the summary."""

    def __init__(self, connection: Connection, lookup: Lookup, now):
        self.lookup = lookup
        self.changes = TableChanges(connection, lookup.table, now)
        self._connection = connection
        self._by_key: dict[str, int | None] = {}
        self.added: list[str] = []

    def id_for(self, name: str | None) -> int | None:
        """The entry's id; a name not in the list is added (planned)."""
        if not name:
            return None
        key = identity_key(name)
        if key not in self._by_key:
            self._by_key[key] = named(self._connection, self.lookup.table, name)
        if self._by_key[key] is None:
            self._by_key[key] = self.changes.insert(self.lookup.new_entry(name, self.changes.now))
            self.added.append(name)
        return self._by_key[key]
