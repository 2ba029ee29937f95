"""The vetting cases' replies in brief (the register's «Phiếu xác minh» column and its filter): read in one
statement whatever the cases, the work growing with the slips, not with cases times slips."""

import datetime as dt

import pytest
from sqlalchemy import event, func, select

from bvct_desktop.core import browse
from bvct_desktop.core.personfile import replied
from bvct_desktop.core.schema import persons, recipients, slips, vetting_cases
from tests.sqlite_steps import work

DAY = dt.date(2026, 3, 1)


def add_cases(db, count: int, slips_each: int = 3) -> list[int]:
    """`count` election cases of persons of their own, each with `slips_each` slips to one recipient, all but the
    first answered on 01/02/2026; their ids."""
    stamps = {"created_at": dt.datetime(2026, 1, 1), "updated_at": dt.datetime(2026, 1, 1)}
    with db.write() as connection:
        recipient = connection.execute(select(func.min(recipients.c.id))).scalar_one()
        first_person = connection.execute(select(func.max(persons.c.id))).scalar_one() + 1
        first_case = (connection.execute(select(func.max(vetting_cases.c.id))).scalar() or 0) + 1
        connection.execute(persons.insert(), [
            {"id": first_person + n, "full_name": f"Nguyễn Văn Số {n}", "name_key": f"so {n}", "sort_key": "",
             "search_key": f"nguyen van so {n}", "home_town_key": "", **stamps} for n in range(count)])
        connection.execute(vetting_cases.insert(), [
            {"id": first_case + n, "person_id": first_person + n, "purpose": "Bầu cử", "opened_on": dt.date(2026, 1, 5),
             "status": "Đang thẩm tra", **stamps} for n in range(count)])
        connection.execute(slips.insert(), [
            {"number": f"{first_case + n}.{k}/PXM", "number_key": f"{first_case + n}.{k}/pxm", "year": 2026,
             "issued_on": dt.date(2026, 1, 6),
             "person_id": first_person + n, "vetting_case_id": first_case + n, "purpose": "Bầu cử",
             "recipient_id": recipient, "result_on": dt.date(2026, 2, 1) if k else None,
             "result": "Không có tài liệu lưu trữ" if k else None, **stamps}
            for n in range(count) for k in range(slips_each)])
        db.audit(connection, "thêm hồ sơ thẩm tra", kind="vetting-cases", details={"so_ho_so": count})
    return list(range(first_case, first_case + count))


def test_every_cases_replies_are_read_in_one_statement_whose_work_grows_with_the_slips(db):
    """The filter of «Phiếu xác minh» reads every case's replies at each refresh: 2,000 cases of 3 slips are
    one statement, and ten times the cases ten times the work — not a pass over every slip for each case (the
    outer join SQLite once answered by scanning all live slips per case, a second with 2,000)."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's machine steps are counted")
    add_cases(db, 200)
    few = work(db, lambda connection: replied.told(connection, None, DAY))
    add_cases(db, 1800)
    many = work(db, lambda connection: replied.told(connection, None, DAY))
    assert few[0] == many[0] == 1
    assert many[1] < 15 * few[1]


def test_the_register_filtered_by_its_replies_reads_them_once(db):
    """A refresh of the register kept to some replies: the replies of its 2,000 cases read in one statement."""
    add_cases(db, 2000)
    kept = browse.Filters(values=((browse.CASE_REPLIES, ("2/3 đã trả lời",)),))
    statements = []

    def counted(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        found = browse.record_ids(db, "vetting-cases", filters=kept, today=DAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    assert len(found) == 2000
    assert sum("FROM vetting_cases LEFT OUTER JOIN" in statement for statement in statements) == 1
    assert sum(statement.lstrip().startswith("SELECT") for statement in statements) <= 3


def test_the_register_filtered_by_its_replies_builds_the_tooltips_of_the_rows_shown_only(db, monkeypatch):
    """Filtering by «Phiếu xác minh» and listing its values need every case's cell, not its tooltip: of 2,000
    cases kept, the tooltips built are those of the 3 slips of each of the 10 rows fetched."""
    add_cases(db, 2000)
    built = []
    tell = replied._slip_told
    monkeypatch.setattr(replied, "_slip_told", lambda *args: built.append(args) or tell(*args))
    kept = browse.Filters(values=((browse.CASE_REPLIES, ("2/3 đã trả lời",)),))
    found = browse.record_ids(db, "vetting-cases", filters=kept, today=DAY)
    values = browse.column_values(db, "vetting-cases", browse.CASE_REPLIES, kept, today=DAY)
    shown = browse.fetch_rows(db, "vetting-cases", found[:10], today=DAY)
    assert len(found) == 2000 and ("2/3 đã trả lời", 2000) in values
    assert len(built) == 30
    assert all(cells.tips[browse.CASE_REPLIES].count("\n") == 2 for cells in shown.values())
