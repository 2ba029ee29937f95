"""Program users' names that are already accounts of the PostgreSQL server, refused before a copy onto it
(`bvct migrate-to-server`, a restore onto the server) with what to do about each.

An account (login role) belongs to the whole server, not to one database: one still in a group of another
database is that database's user; one in groups of no database there any more (DROP DATABASE keeps the
accounts) is left over and may go; one in no program group is the server's own and is never offered for
removal.
"""

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..errors import InputError
from ..permissions import ROLES
from .objects import quoted

_GROUPS = text("SELECT m.rolname, g.rolname FROM pg_roles m LEFT JOIN pg_auth_members a ON a.member = m.oid "
               "LEFT JOIN pg_roles g ON g.oid = a.roleid WHERE m.rolname = ANY(:names)")


def check_free(connection: Connection, names: list[str], target: str) -> None:
    """Refuses `names` already accounts of the server the empty database `target` is on."""
    databases = _program_databases(connection, names)
    if not databases:
        return
    live = set(connection.execute(text("SELECT datname FROM pg_database")).scalars()) - {target}
    in_use = {name: found & live for name, found in databases.items() if found & live}
    own = [name for name, found in databases.items() if not found]
    left_over = [name for name, found in databases.items() if found and name not in in_use]
    told = []
    if in_use:
        used_by = ", ".join(f"«{database}»" for database in sorted(set().union(*in_use.values())))
        told.append(f"Tên {_listed(in_use)} đã là tài khoản của cơ sở dữ liệu {used_by} trên máy chủ này (tài khoản "
                    "dùng chung cả máy chủ): không chuyển được sang cơ sở dữ liệu khác trên cùng máy chủ.")
    if own:
        told.append(f"Tên {_listed(own)} đã là tài khoản riêng của máy chủ, không phải người dùng của chương trình: "
                    "báo quản trị máy chủ.")
    if left_over:
        told.append(f"Tài khoản {_listed(left_over)} còn lại trên máy chủ từ cơ sở dữ liệu đã xóa: quản trị máy chủ "
                    f"xóa bằng lệnh DROP ROLE {', '.join(map(quoted, sorted(left_over)))}; rồi chạy lại lệnh này.")
    raise InputError(" ".join(told))


def _program_databases(connection: Connection, names: list[str]) -> dict[str, set[str]]:
    """Each of `names` that is an account of the server, with the databases whose program groups it is in."""
    found: dict[str, set[str]] = {}
    for name, group in connection.execute(_GROUPS, {"names": names}):
        databases = found.setdefault(name, set())
        database, _, role = (group or "").rpartition(":")
        if database and role in ROLES:
            databases.add(database)
    return found


def _listed(names) -> str:
    return ", ".join(f"«{name}»" for name in sorted(names))
