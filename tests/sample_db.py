"""A database holding every sample register (tests/samples.py), unlocked for services and pages."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from bvct_desktop.core import users, vault
from bvct_desktop.core.database import Database
from bvct_desktop.core.permissions import OFFICER, VIEWER
from tests.conftest import ADMIN, PASSWORD, Cli, workbook
from tests.samples import SAMPLES

TODAY = dt.datetime(2026, 3, 1, 9, 0)
MORNING = dt.datetime(2026, 3, 2, 9, 15)  # when two officers share the database
OFFICER_NAME, OFFICER_PASSWORD = "chuyenvien2", "Chuyen-vien-hai-2026"
Clock = Callable[[], dt.datetime]


def fixed_clock() -> dt.datetime:
    return TODAY


def sample_database(cli: Cli, folder: Path, kinds=tuple(SAMPLES), clock: Clock = fixed_clock) -> Database:
    for kind in kinds:
        headers, rows = SAMPLES[kind]
        code, _, err = cli("import", kind, workbook(folder / f"{kind}.xlsx", headers, rows))
        assert code == 0, err
    return vault.unlock(cli.db, ADMIN, PASSWORD, clock=clock)


def user_database(cli: Cli, db: Database, name: str, role: str, password: str,
                  clock: Clock = fixed_clock) -> Database:
    """The same database opened by a new user `name` with `role`, whom the administrator's `db` adds."""
    users.add(db, name, role, password)
    return vault.unlock(cli.db, name, password, clock=clock)


def officer_database(cli: Cli, db: Database, clock: Clock = fixed_clock) -> Database:
    """The same database opened by a second officer, `chuyenvien2`."""
    return user_database(cli, db, OFFICER_NAME, OFFICER, OFFICER_PASSWORD, clock)


def viewer_database(cli: Cli, db: Database) -> Database:
    """The same database opened by a user with the read-only role `xem`."""
    return user_database(cli, db, "xemthu", VIEWER, "Xem-thu-du-lieu-2026")
