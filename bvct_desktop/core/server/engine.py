"""The PostgreSQL engine (psycopg 3 under SQLAlchemy) and what the server's errors mean.

Every connection is made by libpq with the address's parameters and the acting login; TLS is
checked on each (`sslmode=verify-full` unless the officer allowed an unverified LAN). Two habits
of SQLite the program's queries rely on are kept here, so a query reads the same on both engines:
NULLs sort first in ascending order (PostgreSQL puts them last), and text compares by code point
(the database is created with the C.UTF-8 locale, which `bvct init` checks).
"""

import contextlib
import logging
from collections.abc import Iterator

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy import create_engine, event, exc
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

from ... import errorlog
from ..address import ServerAddress
from ..errors import (
    ACCOUNT_CLOSED,
    DISK_FULL,
    WRONG_LOGIN,
    AuthError,
    BusyError,
    BvctError,
    DamagedError,
    DiskFullError,
    PermissionDenied,
)

BUSY_TIMEOUT_MS = 5_000
WRITE_LOCK = 0x42564354  # "BVCT": the advisory lock every write transaction takes first
TRY_AGAIN = "Khi máy chủ chạy lại (hỏi quản trị viên nếu lâu), hãy thử lại."
_PLACED = (operators.nulls_first_op, operators.nulls_last_op)


class DisabledLogin(AuthError):
    """The server took the login's password and refused the login: its account is disabled (the
    password is checked first, so only whoever holds it learns this)."""


class PasswordRefused(AuthError):
    """The server refused the password given for the login (or the login's name: it does not say which)."""


class _Compiler(PGDialect_psycopg.statement_compiler):
    """ORDER BY as SQLite orders: NULL first when ascending, last when descending."""

    def order_by_clause(self, select, **kw):
        placed = [self._placed(clause) for clause in select._order_by_clauses]
        text = ", ".join(filter(None, (clause._compiler_dispatch(self, **kw) for clause in placed)))
        return " ORDER BY " + text if text else ""

    @staticmethod
    def _placed(clause):
        if isinstance(clause, UnaryExpression) and clause.modifier in _PLACED:
            return clause
        if isinstance(clause, UnaryExpression) and clause.modifier is operators.desc_op:
            return UnaryExpression(clause, modifier=operators.nulls_last_op)
        return UnaryExpression(clause, modifier=operators.nulls_first_op)


class _Dialect(PGDialect_psycopg):
    statement_compiler = _Compiler
    supports_statement_cache = True
    # An executemany of an INSERT sent as multi-row VALUES statements (as with psycopg2), not one statement
    # a row: the tables' statement triggers (change counts, the audit's note) then run once a batch.
    use_insertmanyvalues_wo_returning = True


SERVER_FACTS = ("engine", "server_version")  # the meta keys `server_facts` writes


def server_facts(connection: Connection) -> dict[str, str]:
    """The server's engine and version, recorded in the meta table (as a file records SQLCipher's)."""
    return {"engine": "postgresql", "server_version": connection.exec_driver_sql("SHOW server_version").scalar()}


class _ToLogFile(logging.Handler):
    """The driver's own warnings (a pipeline ended on a lost connection…) go to the log file, not under
    the program's message; their wording only, without the values, which may quote a record."""

    def emit(self, record: logging.LogRecord) -> None:
        errorlog.log_failure(f"psycopg ({record.levelname})", str(record.msg))


_DRIVER_LOG = logging.getLogger("psycopg")
_DRIVER_LOG.addHandler(_ToLogFile())
_DRIVER_LOG.propagate = False


def connect(address: ServerAddress, user: str, password: str | None, wrong_login: str = WRONG_LOGIN,
            **options) -> psycopg.Connection:
    """One libpq connection as `user` (errors translated; a wrong password said as `wrong_login`)."""
    with translated_errors(address, wrong_login):
        connection = psycopg.connect(address.conninfo(user=user, **({"password": password} if password else {})),
                                     **options)
    if not address.insecure and not connection.pgconn.ssl_in_use:
        connection.close()
        raise BvctError(f"Máy chủ {address.host}:{address.port} không dùng TLS; không gửi dữ liệu qua kết nối này.")
    return connection


def make_engine(address: ServerAddress, user: str, password: str | None, wrong_login: str = WRONG_LOGIN) -> Engine:
    """An engine whose connections log in as `user`."""
    engine = create_engine("postgresql+psycopg://", creator=lambda: connect(address, user, password, wrong_login),
                           hide_parameters=True, pool_pre_ping=True, pool_size=2, max_overflow=8)
    engine.dialect.__class__ = _Dialect

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET search_path = public")
        dbapi_connection.commit()

    return engine


def owner_engine(address: ServerAddress, owner: str, password: str | None) -> Engine:
    """An engine of the database's owner (`--server-owner`), whose wrong password is said as the owner's."""
    return make_engine(address, owner, password, f"Mật khẩu của tài khoản chủ sở hữu cơ sở dữ liệu «{owner}» trên "
                       "máy chủ không đúng.")


@contextlib.contextmanager
def translated_errors(address: ServerAddress, wrong_login: str = WRONG_LOGIN) -> Iterator[None]:
    try:
        yield
    except (exc.DBAPIError, psycopg.Error) as error:
        raise classify(error, address, wrong_login) from error


def classify(error: Exception, address: ServerAddress, wrong_login: str = WRONG_LOGIN) -> BvctError:
    original = getattr(error, "orig", error)
    lower = str(original).lower()
    state = getattr(original, "sqlstate", None) or ""
    where = f"{address.host}:{address.port}"
    if isinstance(original, pg_errors.InsufficientPrivilege) or state == "42501":
        return PermissionDenied("Máy chủ từ chối: vai trò của bạn không được phép thao tác này.")
    if state in ("55P03", "57014", "40001", "40P01"):
        return BusyError("Cơ sở dữ liệu đang bị một người dùng khác giữ quá lâu; hãy thử lại sau.")
    if state == "53100":
        return DiskFullError(f"{DISK_FULL}: máy chủ {where} hết chỗ ghi; cơ sở dữ liệu không thay đổi.")
    if state == "25006":
        return BvctError(f"Không ghi được vào cơ sở dữ liệu: máy chủ {where} chỉ cho đọc (máy chủ dự phòng, hoặc "
                         "quản trị máy chủ đã đặt chỉ đọc); báo quản trị máy chủ.")
    if state.startswith("XX"):
        return DamagedError(f"Cơ sở dữ liệu trên máy chủ {where} báo hỏng dữ liệu ({state}); hãy báo quản trị máy chủ.")
    if state.startswith(("08", "57P")) or getattr(error, "connection_invalidated", False):
        return _lost(error, where)
    if isinstance(original, psycopg.OperationalError) and not state:
        return _connection_refused(lower, address, where, wrong_login)
    logged = errorlog.log_unexpected(original)
    return BvctError(f"Lỗi cơ sở dữ liệu ({type(original).__name__}); chi tiết đã ghi vào: {logged}")


def _lost(error: Exception, where: str) -> BvctError:
    """A connection that was open broke (the server stopped, the network went): before the commit was
    sent nothing is kept; while it was on its way the program cannot know."""
    if getattr(error, "connection_invalidated", False) and error.statement is None:
        return BvctError(f"Mất kết nối với máy chủ cơ sở dữ liệu {where} đúng lúc đang ghi: chương trình không biết "
                         "thao tác vừa rồi đã được ghi hay chưa. Khi máy chủ chạy lại (hỏi quản trị viên nếu lâu), "
                         "hãy xem lại hồ sơ vừa làm trước khi làm lại.")
    return BvctError(f"Mất kết nối với máy chủ cơ sở dữ liệu {where}; thao tác chưa được ghi. {TRY_AGAIN}")


def _connection_refused(lower: str, address: ServerAddress, where: str, wrong_login: str) -> BvctError:
    if "password authentication failed" in lower or "no password supplied" in lower:
        return PasswordRefused(wrong_login)
    if "not permitted to log in" in lower:
        return DisabledLogin(ACCOUNT_CLOSED)
    if "database" in lower and "does not exist" in lower:
        return DamagedError(f"Không có cơ sở dữ liệu «{address.dbname}» trên máy chủ {where}.")
    if "no pg_hba.conf entry" in lower:
        return AuthError(f"Máy chủ {where} không cho tài khoản này đăng nhập từ máy tính này.")
    if "certificate" in lower or "ssl" in lower or "tls" in lower:
        return BvctError(f"Không kết nối an toàn được với máy chủ {where}: chứng chỉ TLS của máy chủ không khớp "
                         "tên máy chủ hoặc không do CA của cơ quan cấp. Chưa gửi mật khẩu đi. Kiểm tra địa chỉ máy "
                         "chủ và tệp chứng chỉ CA (sslrootcert) là tệp ca.crt của cơ quan; nếu cả hai đều đúng, báo "
                         "ngay quản trị viên: có thể một máy khác đang mạo danh máy chủ.")
    return BvctError(f"Không kết nối được máy chủ cơ sở dữ liệu {where}; kiểm tra mạng nội bộ và máy chủ. {TRY_AGAIN}")
