"""A database on the office server, opened by one program user (the login role of the same name).

Reads are REPEATABLE READ READ ONLY snapshots. Every write transaction first takes one lock
(`engine.WRITE_LOCK`, an advisory lock held to the commit) — what SQLite's BEGIN IMMEDIATE does
for a file — so the plans, which read what they are about to change and number new rows after
the largest id, see exactly the data they change: no lost update, no duplicate person, however
many officers save at once; a write that waits longer than the busy timeout is refused as busy.
Audit entries are linked by the server (objects.py): the program sends the entry, never its id
or MAC. The database key that encrypts backups is opened from the user's key slot on the server.
"""

import contextlib
from collections.abc import Callable, Iterator

from sqlalchemy import exc, text
from sqlalchemy.engine import Connection, Engine

from .. import audit_chain, keyfile
from ..address import ServerAddress
from ..database import Actor, Clock, Database, disabled_message, password_changed_message, told_waiting, write_wait_ms
from ..errors import AccountDisabled, BusyError, BvctError, PasswordChanged
from ..schema import audit_log
from . import cancelling, objects
from . import engine as server_engine

NO_KEY = ("Tài khoản này chưa có ngăn khóa sao lưu trên máy chủ (mật khẩu chưa được đặt lại từ khi chuyển lên "
          "máy chủ); quản trị viên đặt lại mật khẩu để sao lưu được.")


_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(:lock)")
_LOCK = text("SELECT pg_advisory_xact_lock(:lock)")
# who holds the write (pg_locks and pg_stat_activity's user name are readable by every login)
_WRITER = text("SELECT a.usename FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.granted "
               "AND l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = "
               "current_database()) AND ((l.classid::bigint << 32) | l.objid::bigint) = :lock LIMIT 1")
# inline: no RETURNING, since most roles may not read the trail; many entries go in multi-row statements
_APPEND = audit_log.insert().inline()


class ServerDatabase(Database):
    is_server = True

    def __init__(self, address: ServerAddress, engine: Engine, db_id: str, actor: Actor, clock: Clock,
                 key: bytes | None, password: str, busy_timeout_ms: int | None = None):
        super().__init__()
        self.address = address
        self.engine = engine
        self.db_id = db_id
        self.actor = actor
        self.clock = clock
        self._key = key
        self._password = password  # kept only to open the same login for a backup's snapshot
        self.busy_timeout_ms = server_engine.BUSY_TIMEOUT_MS if busy_timeout_ms is None else busy_timeout_ms

    @contextlib.contextmanager
    def _begin(self, connection: Connection, write: bool) -> Iterator[None]:
        if not write:
            with connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True).begin():
                yield
            return
        with connection.begin():
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {int(write_wait_ms(self.busy_timeout_ms))}")
            if not connection.execute(_TRY_LOCK, {"lock": server_engine.WRITE_LOCK}).scalar():
                writer = connection.execute(_WRITER, {"lock": server_engine.WRITE_LOCK}).scalar()
                if writer is not None:
                    told_waiting(f"Đang chờ «{writer}» ghi xong vào cơ sở dữ liệu (có thể đang nhập một danh sách "
                                 "dài); lệnh sẽ tự làm tiếp khi xong.")
                try:
                    connection.execute(_LOCK, {"lock": server_engine.WRITE_LOCK})
                except exc.OperationalError as error:
                    if writer is None or getattr(error.orig, "sqlstate", None) != "55P03":
                        raise
                    raise BusyError(f"«{writer}» đang ghi vào cơ sở dữ liệu quá lâu (có thể đang nhập một danh sách "
                                    "dài); thao tác của bạn chưa được ghi, hãy thử lại sau.", writer) from error
            yield

    @contextlib.contextmanager
    def _errors_translated(self) -> Iterator[None]:
        """The driver's errors in the program's words; a write the server refused as a disabled account's
        (disabled after the account was last read) is told as one, and the desktop told of the account;
        so is a new connection refused to the account (the pool's were closed). A new connection refused
        the password the session logged in with (nobody typed it) is a password changed meanwhile."""
        with server_engine.translated_errors(self.address):
            try:
                yield
            except server_engine.DisabledLogin as error:
                self._told_disabled()
                raise AccountDisabled(disabled_message(self.actor.name)) from error
            except server_engine.PasswordRefused as error:
                self.on_account_change(password_changed_message(self.actor.name))
                raise PasswordChanged(password_changed_message(self.actor.name)) from error
            except exc.DBAPIError as error:
                if getattr(error.orig, "sqlstate", None) != objects.DISABLED:
                    raise
                self.still_active()
                raise AccountDisabled(disabled_message(self.actor.name)) from error

    @contextlib.contextmanager
    def bulk_writes(self, connection: Connection, step: Callable[[], None]) -> Iterator[None]:
        with cancelling.heard_inside(connection, step):
            yield

    def _told_disabled(self) -> None:
        """The account is known disabled without a read (no connection could be made to read it)."""
        if self._active:
            self._active = False
            self.on_account_change(disabled_message(self.actor.name))

    def _append(self, connection: Connection, entries: list[dict]) -> None:
        """The entries as the program sees them; the server's trigger numbers and links them."""
        if not entries:
            return
        rows = [{"at": entry["at"].replace(microsecond=0), "user_name": entry["user"], "role": entry["role"],
                 "action": entry["action"], "outcome": entry["outcome"], "kind": entry.get("kind"),
                 "record_id": entry.get("record_id"), "details": audit_chain.details_text(entry.get("details"))}
                for entry in entries]
        connection.execute(_APPEND, rows)

    def seal_slot(self, secret: str, slot: str) -> dict:
        return keyfile.seal(self.key, secret, self.db_id, slot, keyfile.DEFAULT_KDF)

    @property
    def key(self) -> bytes:
        if self._key is None:
            raise BvctError(NO_KEY)
        return self._key

    @property
    def has_key(self) -> bool:
        return self._key is not None

    def logged_in_again(self, password: str) -> None:
        """The acting user's password changed: later connections log in with the new one."""
        self._password = password
        self.engine.dispose()
        self.engine = server_engine.make_engine(self.address, self.actor.name, password)

    @property
    def password(self) -> str:
        return self._password

    def verify_audit_chain(self) -> audit_chain.Verdict:
        with self.read() as connection:
            checked, broken, problem, head = connection.execute(
                text("SELECT * FROM public.bvct_audit_verify()")).one()
            at = connection.execute(text("SELECT at FROM audit_log WHERE id = :id"), {"id": broken}).scalar() \
                if problem == "altered" else None
        return verdict(checked, broken, problem, head, at)

    def check_integrity(self) -> list[str]:
        """The server keeps its own pages (checksums, WAL); the program checks what it wrote."""
        verdict_found = self.verify_audit_chain()
        return [] if verdict_found.ok else [verdict_found.problem]

    def _reauthenticate(self, password: str, action: str) -> None:
        """The server checks the password (a new login); the officer's wrong tries are the server's to log.
        A password other than the session's, which the server takes, was set meanwhile (an administrator's
        reset): later connections log in with it."""
        server_engine.connect(self.address, self.actor.name, password).close()
        if password != self._password:
            self.logged_in_again(password)
        with self.write() as connection:
            self.audit(connection, action)


def verdict(checked: int, broken: int | None, problem: str | None, head: int, at=None) -> audit_chain.Verdict:
    """The server's verdict in the words of the file database's (`audit_chain.verify_chain`)."""
    if problem == "missing":
        return audit_chain.Verdict(checked, broken, f"Nhật ký bị xóa mục số {broken}.")
    if problem == "altered":
        when = f" ({at:%d/%m/%Y %H:%M})" if at else ""
        return audit_chain.Verdict(checked, broken, f"Mục nhật ký số {broken}{when} đã bị sửa hoặc không thuộc chuỗi "
                                   "nhật ký này.")
    if problem == "truncated":
        return audit_chain.Verdict(checked, broken, f"Nhật ký bị cắt: máy chủ ghi {head} mục, bảng nhật ký chỉ còn "
                                   f"{checked}; mất từ mục số {checked + 1}.")
    return audit_chain.Verdict(checked)
