"""A database with the sample registers (relatives included), and small helpers."""

import json

import pytest
from sqlalchemy import select

from bvct_desktop.core.schema import audit_log, persons
from tests.sample_db import sample_database


@pytest.fixture
def db(cli, tmp_path):
    database = sample_database(cli, tmp_path, kinds=("cadres", "slips", "archive-requests", "relatives"))
    yield database
    database.close()


def person_named(db, full_name: str) -> int:
    with db.read() as connection:
        return connection.execute(select(persons.c.id).where(persons.c.full_name == full_name)).scalar_one()


def last_audit(db) -> dict:
    with db.read() as connection:
        row = connection.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(1)).mappings().one()
    return {**row, "details": json.loads(row["details"]) if row["details"] else None}
