"""The windows follow what others write, without a restart: every few seconds a look (core/watch)
asks the database, off the GUI thread, which tables were written since the last look — by another
window or `bvct` process on the same file, or another officer on the server — and the notifier
says which records changed, as after the officer's own save: the registers, the dashboard and the
open forms take it from there. While nothing changes a look reads a few counts and says nothing.

The officer's own account is followed too: when a look finds the accounts written, or any check of a
permission finds the account other than it was (core's `Database.still_active`), `account_changed`
says whether it is still active — its role changed — or why not: an administrator disabled it, or
reset its password (a new connection to the office server is refused the one it logged in with)."""

from .. import errorlog
from ..core import browse
from ..core.errors import BvctError
from ..core.personfile import relatives
from ..core.personfile.foreign import FOREIGN_ELEMENTS
from ..core.personfile.political import POLITICAL_NOTES
from ..core.personfile.vitae import SECTIONS as VITAE
from ..core.schema import users
from ..core.watch import Watch
from .context import AppContext
from .qt import QObject, QTimer, Signal
from .workers import run_quietly

INTERVAL_MS = 2_500
REPORT_NOTES = "report-notes"  # the parts of the report officers write (the report page)
# Tables shown by pages other than the registers (and the person's file on the cadre's form), by the
# notifier's name for them
PAGES = {"document_numbers": "outgoing", "outgoing_documents": "outgoing", "settings": "settings",
         "recipients": "recipients", "relatives": relatives.KIND, FOREIGN_ELEMENTS.table.name: FOREIGN_ELEMENTS.kind,
         POLITICAL_NOTES.table.name: POLITICAL_NOTES.kind, "report_notes": REPORT_NOTES,
         **{notes.table.name: notes.kind for notes in VITAE}}


def names_of(tables: frozenset[str]) -> list[str]:
    """What the notifier says when `tables` were written."""
    return browse.kinds_reading(tables) + sorted({PAGES[table] for table in tables if table in PAGES})


class LiveChanges(QObject):
    """Looks for others' changes every `interval_ms` while the database is open."""

    # why the session can do nothing more, "" when only its role changed; emitted on whichever thread
    # found it, received on the GUI's
    account_changed = Signal(str)
    reach_changed = Signal(str)  # why the database is out of reach (the office server stopped), "" once reached

    def __init__(self, context: AppContext, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self.context = context
        self.watch = Watch(context.db)
        context.db.on_account_change = self.account_changed.emit
        self.looking = None  # the look under way on a worker
        self.out_of_reach = ""  # why the last look failed
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def look(self) -> None:
        if self.looking is not None or self.context.db.closed:  # a slow server: one look at a time
            return
        self.looking = run_quietly(self, self._changed, self._looked)

    def _changed(self) -> frozenset[str]:
        """On the worker: the tables written since the last look; the account read again when the
        accounts were written."""
        tables = self.watch.changed()
        if users.name in tables:
            self.context.db.still_active()
        return tables

    def _looked(self, tables: frozenset[str] | None, error: BaseException | None) -> None:
        self.looking = None
        if self.context.db.closed and error is None:  # the session ended while it looked: nobody to tell
            return
        if isinstance(error, BvctError):  # closed meanwhile, busy, the server out of reach: the next look
            self._reach(error.message if not self.context.db.closed else "")
            return
        if error is not None:
            errorlog.log_unexpected(error)
            self.stop()
            return
        if self.out_of_reach:  # what failed meanwhile (a search, a register's rows) is read again
            self._reach("")
            self.context.notifier.changed.emit("*")
            return
        for name in names_of(tables):
            self.context.notifier.changed.emit(name)

    def _reach(self, why: str) -> None:
        if why != self.out_of_reach:
            self.out_of_reach = why
            self.reach_changed.emit(why)
