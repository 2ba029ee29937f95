"""«Kỳ báo cáo thống kê»: the year the report page offers its periods in, the calendar year unless the office
reports on the statistical year from 15/12 of the year before; only those two values."""

import datetime as dt

import pytest
from sqlalchemy import delete

from bvct_desktop.core import settings, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.periods import CALENDAR_YEAR, STATISTICAL_YEAR, ReportingYear
from bvct_desktop.core.schema import settings as settings_table
from tests.conftest import ADMIN, PASSWORD

TODAY = dt.date(2026, 6, 20)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "bvct.db"
    vault.create(path, ADMIN, PASSWORD)
    database = vault.unlock(path, ADMIN, PASSWORD, clock=lambda: dt.datetime(2026, 6, 20, 9, 0))
    yield database
    database.close()


def reporting_year(db) -> ReportingYear:
    with db.read() as connection:
        return settings.reporting_year(connection, TODAY)


def test_the_calendar_year_by_default_and_the_statistical_year_once_set(db):
    assert settings.list_settings(db)["ky_bao_cao_thong_ke"] == "năm dương lịch"
    assert reporting_year(db) == CALENDAR_YEAR
    assert settings.set_setting(db, "ky_bao_cao_thong_ke", " từ 15/12 năm trước ") == "từ 15/12 năm trước"
    assert reporting_year(db) == STATISTICAL_YEAR


def test_no_other_value_is_taken(db):
    with pytest.raises(InputError, match=r"thong_ke\) chỉ nhận «năm dương lịch» hoặc «từ 15/12 năm trước»"):
        settings.set_setting(db, "ky_bao_cao_thong_ke", "15/12")
    assert reporting_year(db) == CALENDAR_YEAR


def test_a_database_made_before_the_setting_counts_the_calendar_year(db):
    with db.write() as connection:
        connection.execute(delete(settings_table).where(settings_table.c.key == "ky_bao_cao_thong_ke"))
    assert reporting_year(db) == CALENDAR_YEAR
