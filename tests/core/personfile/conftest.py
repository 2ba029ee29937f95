"""A database with the sample registers (relatives included), and small helpers."""

import json

import pytest
from sqlalchemy import select

from bvct_desktop.core.personfile.vitae import (
    APPRAISALS,
    DISCIPLINES,
    OWN_HISTORY,
    REWARDS,
    SALARY,
    TRAINING,
    WORK_PERIODS,
)
from bvct_desktop.core.schema import audit_log, persons
from tests.sample_db import sample_database

ONE_OF_EACH = {  # the least each 2C section takes, at dates of any sample person's life (born 1965 to 1995)
    REWARDS: {"awarded_on": "2015", "award": "Giấy khen"},
    DISCIPLINES: {"decided_on": "2012", "organisation": "Chính quyền", "penalty": "Khiển trách"},
    TRAINING: {"institution": "Học viện"}, WORK_PERIODS: {"since": "2013", "unit": "Huyện ủy"},
    OWN_HISTORY: {"declared_kind": "Bị tù"}, SALARY: {"since": "07/2019", "coefficient": "4,98"},
    APPRAISALS: {"year": "2024", "as_role": "Đảng viên", "classification": "Hoàn thành tốt nhiệm vụ"}}


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
