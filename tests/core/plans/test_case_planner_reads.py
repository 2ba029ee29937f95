"""What the case planner reads of a chunk of cases costs: the slips of those cases, not every live slip; the
archive requests once, not once a chunk."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core.plans.cases import CHUNK, CasePlanner
from bvct_desktop.core.schema import archive_requests, vetting_cases
from tests.core.personfile.test_replied import add_cases
from tests.sqlite_steps import work

SAMPLE_KINDS = ("slips",)  # what the `db` fixture holds


def test_the_slip_dates_of_a_chunk_of_cases_are_found_by_case_not_by_a_pass_over_every_live_slip(db):
    """An import reads the slips' dates chunk by chunk: ten times the slips stored, the same work for the same
    200 cases (SQLite once walked every live slip for each chunk: chunks times the table)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    chunk = add_cases(db, 200)

    def dates(connection):
        CasePlanner(connection, dt.datetime(2026, 3, 1))._slip_dates(chunk, set(), {})

    few = work(db, dates)
    add_cases(db, 9800)
    many = work(db, dates)
    assert few[0] == many[0]
    assert many[1] <= few[1] + 1


def add_requests(db, case_ids: list[int]) -> None:
    """A live request to another province's archive about each case's person, serving that case."""
    stamps = {"created_at": dt.datetime(2026, 1, 1), "updated_at": dt.datetime(2026, 1, 1)}
    with db.write() as connection:
        served = connection.execute(select(vetting_cases.c.id, vetting_cases.c.person_id)
                                    .where(vetting_cases.c.id.in_(case_ids))).all()
        connection.execute(archive_requests.insert(), [
            {"request_kind": "Nhờ tỉnh bạn nghiên cứu", "province": "Đồng Nai", "doc_on": dt.date(2026, 1, 7),
             "person_id": case.person_id, "vetting_case_id": case.id, **stamps} for case in served])
        db.audit(connection, "thêm yêu cầu tàng thư", kind="archive-requests", details={"so_yeu_cau": len(served)})


def test_the_archive_requests_serving_the_cases_left_are_found_by_their_case_however_many_there_are(db):
    """An import whose slips leave 4,000 stored cases (ten chunks) finds the archive requests serving them by
    their case (migration 0041): 20,000 more requests about other cases cost it next to nothing (a query each
    chunk once passed over every live request)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    left = add_cases(db, 10 * CHUNK, slips_each=1)
    add_requests(db, left[::100])

    def follow(cases):
        return lambda connection: CasePlanner(connection, dt.datetime(2026, 3, 1)).follow_slips(set(cases), [])

    before = work(db, follow(left))
    add_requests(db, add_cases(db, 20000, slips_each=1))
    after = work(db, follow(left))
    assert after[0] == before[0]  # the same statements
    assert after[1] - before[1] < 20  # thousands of steps: passing over the requests chunk by chunk took 2,000
