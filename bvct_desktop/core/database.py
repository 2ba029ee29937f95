"""The open database every service works through, and the user acting on it.

`Database` carries who is acting; `require` is the one place a permission is checked and a
refusal audited, and `audit` the one place an action is written to the trail. `read` is one
consistent snapshot, `write` one transaction that no other program's write interleaves with
(SQLite's BEGIN IMMEDIATE; on the office server a lock every writer takes first), so a plan
read and applied in it sees exactly what it changes.

Two kinds: `FileDatabase` (SQLCipher file + key file, the default) and the office server's
(core/server/database.py). Services never ask which: the differences live behind these
methods. Opening, creating and upgrading a database is `vault`'s work.
"""

import abc
import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from . import (
    audit_chain,
    backup_log,
    crashpoints,
    engine,
    files,
    keyfile,
    lockout,
    own_files,
    row_versions,
    sealed_names,
)
from .address import Address, FileAddress
from .errors import (
    WRONG_LOGIN,
    WRONG_PASSWORD,
    AccountDisabled,
    AuthError,
    BvctError,
    DamagedError,
    InputError,
    PasswordChanged,
)
from .permissions import Action, allows, refusal
from .schema import change_counts, users

Clock = Callable[[], dt.datetime]
CLOSE_WAIT_S = 30.0  # the longest `close` waits for a connection still in use
_WAIT = threading.local()  # `writes_wait_at_most`'s wait and `waits_told_to`'s listener, in the thread that set them


@contextlib.contextmanager
def writes_wait_at_most(ms: int) -> Iterator[None]:
    """Each write this thread begins in the block waits at most `ms` for another one to end, then is refused
    as busy (BusyError), instead of waiting the database's busy time: a worker that tries a save again and
    again hears «Hủy» between its tries."""
    with _set_for_block("ms", ms):
        yield


@contextlib.contextmanager
def waits_told_to(tell: Callable[[str], None]) -> Iterator[None]:
    """While the block runs, a write of this thread that has to wait for another program's write first
    tells `tell` who it waits for (`told_waiting`), so an officer knows why nothing happens yet."""
    with _set_for_block("tell", tell):
        yield


@contextlib.contextmanager
def _set_for_block(name: str, value: object) -> Iterator[None]:
    """This thread's `name` of `_WAIT` is `value` in the block, then what it was before."""
    outer = getattr(_WAIT, name, None)
    setattr(_WAIT, name, value)
    try:
        yield
    finally:
        setattr(_WAIT, name, outer)


def told_waiting(message: str) -> None:
    """Tells this thread's `waits_told_to` listener, if any, that its write waits (`message` says for whom)."""
    tell = getattr(_WAIT, "tell", None)
    if tell is not None:
        tell(message)


def write_wait_ms(busy_timeout_ms: int) -> int:
    """How long a write begun now in this thread waits for another: `busy_timeout_ms` unless told otherwise."""
    told = getattr(_WAIT, "ms", None)
    return busy_timeout_ms if told is None else told


def system_clock() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Actor:
    name: str
    role: str


class PendingEntries(Protocol):
    """Audit entries (the arguments of `audit_chain.append`) added in order, appended when written."""

    def add(self, entries: Sequence[dict]) -> None: ...

    def add_records(self, at: dt.datetime, user: str | None, role: str | None, outcome: str, kind: str | None,
                    records: Sequence[tuple[str, int | None, dict | None]]) -> None:
        """Entries sharing all but their action, record id and details: those, each."""

    def write(self, connection: Connection) -> object: ...


class _Waiting:
    """Entries kept until written, for a chain that links them as they are appended (the server's)."""

    def __init__(self, append: Callable[[Connection, list[dict]], None]):
        self._append, self._entries = append, []

    def add(self, entries: Sequence[dict]) -> None:
        self._entries += entries

    def add_records(self, at: dt.datetime, user: str | None, role: str | None, outcome: str, kind: str | None,
                    records: Sequence[tuple[str, int | None, dict | None]]) -> None:
        self._entries += [{"at": at, "user": user, "role": role, "action": action, "outcome": outcome, "kind": kind,
                           "record_id": record_id, "details": details} for action, record_id, details in records]

    def write(self, connection: Connection) -> None:
        entries, self._entries = self._entries, []
        self._append(connection, entries)


@dataclass
class RecordTrail:
    """The audit entries of records written, by one actor at one moment: (action, record id,
    details) each."""

    links: PendingEntries
    at: dt.datetime
    actor: Actor
    kind: str

    def add(self, entries: Sequence[tuple[str, int, dict | None]]) -> None:
        self.links.add_records(self.at, self.actor.name, self.actor.role, audit_chain.OK, self.kind, entries)

    def write(self, connection: Connection) -> None:
        self.links.write(connection)


class Database(abc.ABC):
    """An unlocked database and the user acting on it."""

    address: Address
    engine: Engine
    db_id: str
    actor: Actor
    clock: Clock
    is_server = False

    def __init__(self) -> None:
        self._users = 0  # connections in use (a page may read on a worker thread)
        self._closed = False
        self._idle = threading.Condition()
        self._active = True  # the account, as last read
        # told, on the thread that found it, when the account is other than it was last: another role ("")
        # or why the session can do nothing more (disabled, its password changed); the desktop follows it
        self.on_account_change: Callable[[str], None] = lambda _ended: None

    @property
    def closed(self) -> bool:
        return self._closed

    @contextlib.contextmanager
    def _in_use(self) -> Iterator[None]:
        """Counts a connection in use, so `close` waits for it; refused once the database is closed."""
        with self._idle:
            if self._closed:
                raise BvctError("Cơ sở dữ liệu đã đóng.")
            self._users += 1
        try:
            yield
        finally:
            with self._idle:
                self._users -= 1
                self._idle.notify_all()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """One read-only snapshot."""
        with self._in_use(), self._errors_translated(), self.engine.connect() as connection:
            with self._begin(connection, write=False):
                yield connection

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: all of it commits or none of it, and no other write runs meanwhile."""
        with self._in_use(), self._errors_translated(), self.engine.connect() as connection:
            connection.info[row_versions.ACTOR_INFO] = self.actor.name
            try:
                with self._begin(connection, write=True):
                    yield connection
            finally:
                head = connection.info.pop(audit_chain.HEAD_INFO, None)
            if head:  # reached only once committed
                self._committed_audit(connection, head)

    @abc.abstractmethod
    def _begin(self, connection: Connection, write: bool):
        """The transaction of `read` or `write` (a context manager)."""

    @abc.abstractmethod
    def _errors_translated(self):
        """A context manager turning the driver's errors into the program's (BvctError)."""

    def _committed_audit(self, connection: Connection, head: dict) -> None:  # noqa: B027 - a hook
        """After a commit that appended audit entries (the file database mirrors the head)."""

    @abc.abstractmethod
    def _append(self, connection: Connection, entries: list[dict]) -> None:
        """Appends audit entries (the arguments of `audit_chain.append`) to the chain."""

    @contextlib.contextmanager
    def bulk_writes(self, connection: Connection, step: Callable[[], None]) -> Iterator[None]:
        """Around the writing of a large import in `connection`'s transaction (the file database
        keeps a smaller page cache meanwhile, makes the indexes it set aside at the end, or
        `builds_beside`, and calls `step` inside its long statements too, where raising stops them)."""
        yield

    def builds_beside(self, connection: Connection) -> contextlib.AbstractContextManager[bool]:
        """A block during which the file database makes the indexes `bulk_writes` is waiting to make,
        on the other core; it gives True when it does, and the block may not use `connection` then."""
        return contextlib.nullcontext(False)

    def audit(self, connection: Connection, action: str, outcome: str = audit_chain.OK,
              kind: str | None = None, record_id: int | None = None,
              details: dict | None = None) -> None:
        self._append(connection, [{"at": self.clock(), "user": self.actor.name, "role": self.actor.role,
                                   "action": action, "outcome": outcome, "kind": kind, "record_id": record_id,
                                   "details": details}])

    def audit_records(self, connection: Connection, kind: str,
                      entries: list[tuple[str, int, dict | None]]) -> None:
        """One entry per record written: (action, record id, details), appended in one statement."""
        trail = self.record_trail(connection, kind)
        trail.add(entries)
        trail.write(connection)

    def record_trail(self, connection: Connection, kind: str) -> "RecordTrail":
        """The entries of the records of `kind` written in `connection`'s transaction, added in order
        without the database (`add` may run beside index building) and appended by `write`."""
        return RecordTrail(self._links(connection), self.clock(), self.actor, kind)

    def _links(self, connection: Connection) -> PendingEntries:
        """Where audit entries wait to be appended: the server links them itself."""
        return _Waiting(self._append)

    def change_counts(self) -> dict[str, int]:
        """How many writes each counted table has had, whoever committed them (this program, another
        window or process, another officer): a window that saw other counts re-reads what it shows."""
        with self.read() as connection:
            return dict(connection.execute(select(change_counts.c.table_name, change_counts.c.count)).all())

    @abc.abstractmethod
    def seal_slot(self, secret: str, slot: str) -> dict:
        """A key slot holding this database's key (for backups) opened with `secret`."""

    @property
    @abc.abstractmethod
    def key(self) -> bytes:
        """The key a backup's copy is encrypted with. It never leaves the process."""

    def derive_key(self, purpose: bytes) -> bytes:
        """A key for `purpose` derived from the database key (backup manifests use one)."""
        return keyfile.derive_subkey(self.key, purpose)

    @abc.abstractmethod
    def verify_audit_chain(self) -> audit_chain.Verdict:
        """Every entry's link recomputed, and the chain's end compared with the head kept apart."""

    @abc.abstractmethod
    def check_integrity(self) -> list[str]:
        """The full check on demand; [] when sound."""

    def record_lock(self) -> None:
        """The screen was locked (the GUI's auto-lock or the officer's own)."""
        with self.write() as connection:
            self.audit(connection, "khóa màn hình")

    def unlock_again(self, password: str) -> None:
        """Unlocks a locked screen with the acting user's password, under the same lockout rules."""
        self._asked_again(password, "mở khóa màn hình")

    def confirm_password(self, password: str, purpose: str) -> None:
        """The acting user proves it is still them before data leaves the encryption (an export or
        a print, when `hoi_lai_mat_khau` is on); AuthError when the password is wrong."""
        self._asked_again(password, f"xác nhận mật khẩu để {purpose}")

    def _asked_again(self, password: str, action: str) -> None:
        """The acting user's password asked again: a wrong one is told as such (no name was typed); a
        disabled account's is no wrong password (its key slot is gone), and no failed login; the new
        password of one changed meanwhile is checked as any other."""
        try:
            active = self.still_active()
        except PasswordChanged:
            active = True  # it cannot be read before the new password is typed
        if not active:
            raise AuthError(disabled_message(self.actor.name))
        try:
            self._reauthenticate(password, action)
        except AuthError as error:
            raise AuthError(error.message.replace(WRONG_LOGIN, WRONG_PASSWORD, 1)) from None

    @abc.abstractmethod
    def _reauthenticate(self, password: str, action: str) -> None:
        """Checks the acting user's password again, audited as `action`."""

    def require(self, action: Action, what: str, account: str | None = None) -> None:
        """Refuses (and audits the refusal) unless the actor's account is still active and its role
        now allows `action`: an administrator's change in another session holds at once. `what`, what
        was asked for, names the refusal in the audit trail and in its message; `account`, the account
        it was asked for on (locking, a password, a role), is named in the trail too."""
        active = self.still_active()
        if active and allows(self.actor.role, action):
            return
        details = {"quyen": action.name} if active else {"quyen": action.name, "ly_do": lockout.LOCKED}
        if account is not None:
            details["nguoi_dung"] = account
        with self.write() as connection:
            self.audit(connection, what, audit_chain.REFUSED, details=details)
        raise refusal(what) if active else AccountDisabled(disabled_message(self.actor.name))

    def still_active(self) -> bool:
        """Whether the acting user's account is still active, `actor` taking the role it has now (the
        recovery key, no account, acts as an administrator throughout); a change is told to
        `on_account_change`."""
        if self.actor.name == keyfile.RECOVERY_SLOT:
            return True
        with self.read() as connection:
            row = connection.execute(select(users.c.role, users.c.active).where(
                users.c.name == self.actor.name)).first()
        active, role = (False, self.actor.role) if row is None else (row.active, row.role)
        if (active, role) != (self._active, self.actor.role):
            self._active, self.actor = active, Actor(self.actor.name, role)
            self.on_account_change("" if active else disabled_message(self.actor.name))
        return active

    def close(self, wait_s: float = CLOSE_WAIT_S) -> None:
        """Closes the connections once those in use (a read on a worker thread) are done; later reads
        and writes are refused."""
        with self._idle:
            self._closed = True
            self._idle.wait_for(lambda: self._users == 0, timeout=wait_s)
        self.engine.dispose()


def disabled_message(user: str) -> str:
    return (f"Tài khoản «{user}» đã bị khóa; không làm tiếp được việc gì. Đóng chương trình và "
            "hỏi quản trị viên nếu cần mở lại tài khoản.")


def password_changed_message(user: str) -> str:
    return (f"Mật khẩu của tài khoản «{user}» vừa được đổi (quản trị viên đặt lại, hoặc đổi ở một máy khác) trong "
            "khi bạn đang làm việc; hãy đăng nhập lại bằng mật khẩu mới.")


class FileDatabase(Database):
    """A SQLCipher file and its key file `PATH.keys`."""

    def __init__(self, path: Path, db_key: bytes, db_id: str, actor: Actor, clock: Clock,
                 busy_timeout_ms: int | None = None):
        """`busy_timeout_ms`: how long a write waits for another process's write to end."""
        super().__init__()
        self.path = Path(path)
        self.address = FileAddress(self.path)
        self.key_path = keyfile.key_path(self.path)
        self.db_id = db_id
        self.actor = actor
        self.clock = clock
        self.busy_timeout_ms = engine.BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms
        self.engine = engine.make_engine(self.path, db_key, self.busy_timeout_ms)
        self._db_key = db_key
        self._audit_key = audit_chain.derive_key(db_key)
        files.guard(self.path, own_files.of(self.path))  # no export or document goes over them

    def close(self, wait_s: float = CLOSE_WAIT_S) -> None:
        guarded = not self.closed
        super().close(wait_s)
        if guarded:
            files.release(self.path)

    def seal_slot(self, secret: str, slot: str) -> dict:
        return keyfile.seal(self._db_key, secret, self.db_id, slot, keyfile.DEFAULT_KDF)

    @contextlib.contextmanager
    def _begin(self, connection: Connection, write: bool) -> Iterator[None]:
        if not write:
            engine.busy_wait(connection, self.busy_timeout_ms)
            with connection.begin():
                yield
            return
        engine.busy_wait(connection, write_wait_ms(self.busy_timeout_ms))
        with connection.execution_options(immediate=True).begin():
            yield

    @contextlib.contextmanager
    def _errors_translated(self) -> Iterator[None]:
        with self._damage_named(), engine.translated_errors(self.path, self.path):
            yield

    @contextlib.contextmanager
    def bulk_writes(self, connection: Connection, step: Callable[[], None]) -> Iterator[None]:
        with engine.smaller_cache(connection), engine.heard_inside(connection, step), engine.built_later(connection):
            yield

    def _append(self, connection: Connection, entries: list[dict]) -> None:
        audit_chain.append_all(connection, self._audit_key, entries)

    def _links(self, connection: Connection) -> audit_chain.Links:
        return audit_chain.Links(connection, self._audit_key)

    def builds_beside(self, connection: Connection) -> contextlib.AbstractContextManager[bool]:
        return engine.beside(connection)

    def _committed_audit(self, connection: Connection, head: dict) -> None:
        """The chain's head mirrored in the key file: never ahead of the database."""
        def change(keys: keyfile.KeyFile) -> None:
            keys.audit_head = audit_chain.advance(keys.audit_head, head, lambda i: audit_chain.mac_at(connection, i))

        crashpoints.reached("audit-committed")
        try:
            keyfile.update(self.key_path, change)
        except BvctError:
            pass  # the data is committed; the mirror may lag and catches up at the next commit

    @contextlib.contextmanager
    def _damage_named(self) -> Iterator[None]:
        """Adds the newest verified backup to a damage message."""
        try:
            yield
        except DamagedError as error:
            named = backup_log.naming_backup(error, self.path, opened_as=self.actor.role or None)
            if named is error:
                raise
            raise named from error

    @property
    def key(self) -> bytes:
        return self._db_key

    def export_copy(self, target: Path) -> dict:
        """A consistent encrypted copy of the database at `target` (SQLCipher export of one
        read snapshot, never a raw copy of a live WAL database); returns the copy's audit head.
        `target` is a new file: never one of the database's own, nor any file already there."""
        own_files.refuse(target, self.path)
        if Path(target).exists():
            raise InputError(f"Tệp «{target}» đã có; bản chép chỉ ghi vào tệp mới.")
        with self._damage_named(), engine.translated_errors(Path(target), self.path):
            return engine.export_copy(self.engine, self._db_key, Path(target))

    def check_integrity(self) -> list[str]:
        """Every page's HMAC and SQLite's structure."""
        with self.read() as connection:
            return engine.integrity_problems(connection)

    def verify_audit_chain(self) -> audit_chain.Verdict:
        head = keyfile.read(self.key_path).audit_head
        with self.read() as connection:
            return audit_chain.verify_chain(connection, self._audit_key, head)

    def _reauthenticate(self, password: str, action: str) -> None:
        def failed(why: str) -> None:
            with self.write() as connection:
                self.audit(connection, action, audit_chain.FAILED, details={"ly_do": why})

        keys = keyfile.read(self.key_path)
        lockout.open_slot(keys, self.key_path, self.actor.name, password, self.clock(), written=failed)
        with self.write() as connection:
            copied = self.copy_failed_logins(connection, keys)
            self.audit(connection, action)
        lockout.settle(self.key_path, self.actor.name, copied, self.name_seal)

    @property
    def name_seal(self) -> str:
        """The public key the names tried at the login without a key slot are sealed to (`sealed_names`)."""
        return sealed_names.public_key(self._db_key)

    def copy_failed_logins(self, connection: Connection, keys: keyfile.KeyFile) -> lockout.Pending:
        """Writes the failed logins kept in the key file into the audit trail, each under the name
        tried (a sealed one opened with the database key), at its own time, with why it failed;
        returns what was copied."""
        pending = lockout.pending_events(keys)
        roles = dict(connection.execute(select(users.c.name, users.c.role)).all())
        entries = lockout.audit_entries(pending, roles, self.clock(),
                                        lambda sealed: sealed_names.opened(sealed, self._db_key))
        self._append(connection, [{"at": dt.datetime.fromisoformat(at), "user": name, "role": role, "action": action,
                                   "outcome": audit_chain.FAILED, "details": details}
                                  for at, name, role, action, details in entries])
        return pending

