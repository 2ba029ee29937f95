"""«Bàn giao việc»: an officer moving to another post or going on long leave hands his open work to a colleague —
every slip with no reply yet and every vetting case not concluded that he is in charge of (core/in_charge.py) passes
to the colleague in one transaction, with one audit entry naming both and how many. One slip or case is handed over
from its form the same way. A leader's or an administrator's to do."""

from dataclasses import dataclass

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from . import deadlines, row_versions
from .database import Database
from .errors import InputError
from .in_charge import FIELD
from .permissions import ROLES, VIEWER, Action
from .personfile.cases import KIND as CASES
from .plans.cases import OPEN
from .schema import slips, users, vetting_cases

HANDED_OVER = "bàn giao việc"  # the audit trail's action
TABLES = {"slips": slips, CASES: vetting_cases}  # what has an officer in charge, by the trail's kind


@dataclass(frozen=True)
class OpenWork:
    """How many open slips and vetting cases an officer is in charge of."""

    slips: int
    cases: int


def open_work(db: Database, officer: str) -> OpenWork:
    """What `officer` would hand over now."""
    db.require(Action.HAND_OVER, HANDED_OVER)
    with db.read() as connection:
        return OpenWork(*(_count(connection, table, where) for table, where in _open_of(db, officer)))


def hand_over(db: Database, officer: str, colleague: str) -> OpenWork:
    """Passes every open slip and case of `officer` to `colleague`; returns how many of each. InputError when the
    colleague is the officer, no user, locked or may only browse: nothing changes."""
    db.require(Action.HAND_OVER, HANDED_OVER, officer)
    with db.write() as connection:
        _check_colleague(connection, officer, colleague)
        passed = OpenWork(*(_pass(db, connection, table, where, colleague) for table, where in _open_of(db, officer)))
        db.audit(connection, HANDED_OVER, details={"tu_can_bo": officer, "sang_can_bo": colleague,
                                                   "so_phieu_chua_tra_loi": passed.slips,
                                                   "so_ho_so_chua_ket_luan": passed.cases})
    return passed


def hand_over_record(db: Database, kind: str, record_id: int, colleague: str) -> None:
    """Passes the slip or vetting case `record_id` (`kind`: "slips", "vetting-cases") to `colleague`, open or not."""
    db.require(Action.HAND_OVER, HANDED_OVER)
    table = TABLES[kind]
    with db.write() as connection:
        officer = connection.execute(select(table.c[FIELD.key]).where(table.c.id == record_id)).scalar_one()
        _check_colleague(connection, officer, colleague)
        _pass(db, connection, table, table.c.id == record_id, colleague)
        db.audit(connection, HANDED_OVER, kind=kind, record_id=record_id,
                 details={"tu_can_bo": officer, "sang_can_bo": colleague})


def colleagues(db: Database) -> list[str]:
    """The users who may be in charge of work (active, allowed to edit), by name."""
    db.require(Action.HAND_OVER, HANDED_OVER)
    with db.read() as connection:
        return list(connection.execute(select(users.c.name).where(users.c.active, users.c.role != VIEWER)
                                       .order_by(users.c.name)).scalars())


def officers(db: Database) -> list[str]:
    """Every user name that is in charge of something or could be (locked accounts too: who left; not the viewers,
    who never are), by name."""
    db.require(Action.HAND_OVER, HANDED_OVER)
    with db.read() as connection:
        named = {name for table in TABLES.values()
                 for name in connection.execute(select(table.c[FIELD.key]).distinct()).scalars() if name}
        return sorted(named | set(connection.execute(select(users.c.name).where(users.c.role != VIEWER)).scalars()))


def _open_of(db: Database, officer: str) -> list[tuple[Table, object]]:
    today = db.clock().date()
    return [(slips, (slips.c[FIELD.key] == officer) & slips.c.deleted_at.is_(None) & deadlines.slip_unanswered(today)),
            (vetting_cases, (vetting_cases.c[FIELD.key] == officer) & vetting_cases.c.deleted_at.is_(None)
             & (vetting_cases.c.status == OPEN))]


def _count(connection: Connection, table: Table, where) -> int:
    return connection.execute(select(func.count()).select_from(table).where(where)).scalar_one()


def _pass(db: Database, connection: Connection, table: Table, where, colleague: str) -> int:
    return connection.execute(table.update().where(where).values(
        {FIELD.key: colleague, "updated_at": db.clock(), **row_versions.next_of(connection, table)})).rowcount


def _check_colleague(connection: Connection, officer: str | None, colleague: str) -> None:
    if colleague == officer:
        raise InputError("Cán bộ nhận bàn giao phải khác cán bộ bàn giao.")
    account = connection.execute(select(users.c.role, users.c.active).where(users.c.name == colleague)).one_or_none()
    if account is None:
        raise InputError(f"Không có người dùng «{colleague}».")
    if not account.active:
        raise InputError(f"Tài khoản «{colleague}» đã bị khóa: không nhận bàn giao được.")
    if account.role == VIEWER:
        raise InputError(f"«{colleague}» có vai trò {ROLES[VIEWER]}: không phụ trách phiếu, hồ sơ được.")
