"""What changed since a window last looked, and where: the other windows of an office (another
program window or `bvct` process on the same file, another officer on the server) see changes
without a restart.

Every write to a counted table counts up its row of `change_counts` (triggers, migration 0017:
one per row on the file, one per statement on the server), whoever makes it and however. A look
reads those few rows — one indexed read, as cheap when nothing changed as a window can poll
every few seconds — and names the tables whose counts moved; the registers that read them are
`browse.kinds_reading`.
"""

from .database import Database


class Watch:
    """The counts a window last saw of one database."""

    def __init__(self, db: Database):
        self.db = db
        self._seen = db.change_counts()

    def changed(self) -> frozenset[str]:
        """The tables written since the last look (by anyone, this program too)."""
        now = self.db.change_counts()
        moved = frozenset(table for table, count in now.items() if self._seen.get(table) != count)
        self._seen = now
        return moved
