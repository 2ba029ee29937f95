"""What every page of the application is given: the open database, the clocks, the dialogs,
and one notifier that says "this kind of record changed" so views decide to refresh."""

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.database import Database
from .dialogs import Dialogs
from .qt import QObject, Signal


class Notifier(QObject):
    """Data flows one way: service → notifier → views refresh."""

    changed = Signal(str)  # the kind name ("cadres", "slips", …), BACKUPS, or "*" for everything


BACKUPS = "backups"  # a backup was made and verified (no record changed)


@dataclass
class AppContext:
    db: Database
    clock: Callable[[], dt.datetime]
    dialogs: Dialogs
    notifier: Notifier = field(default_factory=Notifier)
    read_only: bool = False
    # seconds on a clock that only runs forward: how long something lasted, whatever the PC's date is set to
    elapsed: Callable[[], float] = time.monotonic
