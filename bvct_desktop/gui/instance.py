"""One writer per database: the first window on a database holds a lock file beside it; a
second instance on the same database opens read-only (and says so in a banner)."""

from pathlib import Path

from ..core import in_use
from .qt import QLockFile


class InstanceLock:
    def __init__(self, db_path: Path):
        self._lock = QLockFile(str(in_use.lock_path(db_path)))
        # Never stale by age: only a holder that has died (its process gone) frees the lock.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        """True when this instance is the writer; False when another holds the database."""
        return self._lock.tryLock(0)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
