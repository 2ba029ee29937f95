"""Delegations abroad: which stored delegation a file's rows are."""

import datetime as dt

import pytest

from bvct_desktop.core import browse, importing, recycle_bin, report, vault
from bvct_desktop.core.kinds import CADRES, DELEGATIONS
from bvct_desktop.core.schema import delegations
from tests.conftest import ADMIN, PASSWORD
from tests.rows_sheet import rows_sheet

HEADERS = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Ngày đi", "Ngày về", "Họ và tên thành viên",
           "Ngày sinh"]
TRIP = ["Đoàn tham quan Hàn Quốc", "Hàn Quốc", "10/01/2027", "20/01/2027"]
MEMBERS = [["Nguyễn Văn Hùng", "1975"], ["Lê Văn Hòa", "1968"]]


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD)
    yield database
    database.close()


def _import(db, decision: list, trip: list = TRIP) -> importing.ImportResult:
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, *(decision + trip + member
                                                                            for member in MEMBERS)]))
    assert result.ok, result.problems
    return result


def _stored(db) -> list[tuple]:
    with db.read() as connection:
        return connection.execute(delegations.select().with_only_columns(
            delegations.c.decision_no, delegations.c.decision_on, delegations.c.name)
            .order_by(delegations.c.id)).all()


def _figures(db) -> tuple[int, int]:
    figures = report.figures(db, dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    return figures["delegations"], figures["cadres_sent_abroad"]


def test_a_decision_added_later_is_filled_in_on_the_delegation_planned_without_one(db):
    """The officer's order: the trip is planned, then its decision signed and added to the same rows."""
    _import(db, [None, None])
    before = _figures(db)
    result = _import(db, ["100-QĐ/TU", "05/12/2026"])
    assert result.extras["Đoàn mới"] == 0 and result.counts == {"created": 0, "unchanged": 1, "updated": 1}
    assert result.updates == ["Dòng 2: cập nhật Số quyết định, Ngày quyết định"]
    assert _stored(db) == [("100-QĐ/TU", dt.date(2026, 12, 5), "Đoàn tham quan Hàn Quốc")]
    assert _figures(db) == before == (1, 2)
    assert _import(db, ["100-QĐ/TU", "05/12/2026"]).counts["unchanged"] == 2


def test_a_delegation_stored_with_another_decision_is_another_delegation(db):
    _import(db, ["99-QĐ/TU", "01/12/2026"])
    result = _import(db, ["100-QĐ/TU", "05/12/2026"])
    assert result.extras["Đoàn mới"] == 1
    assert [row[0] for row in _stored(db)] == ["99-QĐ/TU", "100-QĐ/TU"]


def test_a_delegation_given_its_decision_is_not_given_a_second_by_a_later_row(db):
    """Once a row numbers the delegation planned without a decision, it is that decision's delegation:
    another decision for the same name and departure day is another delegation."""
    _import(db, [None, None])
    sheet = rows_sheet([HEADERS, ["100-QĐ/TU", "05/12/2026", *TRIP, *MEMBERS[0]],
                        ["101-QĐ/TU", "06/12/2026", *TRIP, *MEMBERS[1]]])
    result = importing.import_sheet(db, DELEGATIONS, sheet)
    assert result.ok and result.extras["Đoàn mới"] == 1
    assert [row[0] for row in _stored(db)] == ["100-QĐ/TU", "101-QĐ/TU"]


def test_a_member_listed_twice_in_a_file_is_told_by_the_line_it_repeats(db):
    """A file's rows are its lines (the form names the member instead: tests/core/test_editing.py)."""
    rows = [[None, None, *TRIP, *member] for member in (*MEMBERS, MEMBERS[0])]
    result = importing.import_sheet(db, DELEGATIONS, rows_sheet([HEADERS, *rows]))
    assert [str(problem) for problem in result.problems] == [
        "Dòng 4, cột «Họ và tên thành viên»: trùng thành viên trong cùng đoàn với dòng 2 trong cùng tệp"]


def test_a_member_whose_cadre_is_in_the_recycle_bin_brings_that_cadre_back_not_a_second_one(db):
    """A delegation list names its members by name and birth date only; the cadre deleted since, who has a
    home town and a CCCD, is that member: the list imported again brings them back and says so, instead of
    adding a second cadre and listing the same person twice on the delegation."""
    cadres_sheet = rows_sheet([["Họ và tên", "Ngày sinh", "Số CCCD", "Quê quán"],
                               ["Nguyễn Văn Hùng", "1975", "060075001234", "Xã Hàm Thuận, huyện Hàm Thuận Bắc"]])
    assert importing.import_sheet(db, CADRES, cadres_sheet).ok
    _import(db, ["100-QĐ/TU", "05/12/2026"])
    recycle_bin.delete(db, "cadres", browse.record_ids(db, "cadres", "Nguyễn Văn Hùng")[0])
    result = _import(db, ["100-QĐ/TU", "05/12/2026"])
    assert "Cán bộ mới (thêm từ danh sách đoàn)" not in result.extras
    assert result.extras["Cán bộ khôi phục từ thùng rác (theo danh sách đoàn)"] == ["Nguyễn Văn Hùng"]
    assert len(browse.record_ids(db, "cadres", "Nguyễn Văn Hùng")) == 1
    assert _figures(db) == (1, 2)
