"""The office's nine months (benchmarks/office_day.py), which the README's screenshots and an officer
trying the desktop application are given, are built through the importer from end to end."""

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bvct_desktop.core import gazetteer, keyfile, overview, recipients, schema
from bvct_desktop.core.schema import archive_requests, cadres, complaints, delegations, slips, vetting_cases

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import office_day  # noqa: E402 - found through the path above


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    db = office_day.build(tmp_path_factory.mktemp("office"), keyfile.KdfParams(1, 1024, 1))
    yield db
    db.close()


def test_the_nine_months_are_imported_whole(office):
    with office.read() as connection:
        counted = {table.name: connection.execute(select(func.count()).select_from(table)).scalar()
                   for table in (cadres, slips)}
    assert counted["cadres"] == 260
    assert counted["slips"] > 1_900
    with office.read() as connection:
        countries = [row.countries.split(", ") for row in connection.execute(select(delegations.c.countries))]
    assert all(len(set(listed)) == len(listed) for listed in countries)  # no country named twice on one trip


def test_nothing_of_the_nine_months_is_dated_after_their_last_day(office):
    """The office's day is 30/09/2026: no reply, report or answer received, nor complaint resolved, after it
    (the screenshots show the registers as they stood that morning)."""
    with office.read() as connection:
        latest = {column.name: connection.execute(select(func.max(column))).scalar()
                  for column in (slips.c.result_on, delegations.c.report_received_on,
                                 archive_requests.c.answered_on, complaints.c.resolved_on)}
        awaited = connection.execute(select(func.count()).select_from(slips).where(
            slips.c.result.is_(None), slips.c.issued_on.between(office_day.YEAR_START,
                                                                office_day.NINE_MONTHS_END))).scalar()
    assert all(day <= office_day.NINE_MONTHS_END for day in latest.values()), latest
    assert awaited > 300  # the slips of the summer still wait for their replies


def test_the_office_has_concluded_the_vetting_cases_whose_replies_are_all_in(office):
    """A case is concluded after every slip of it and every reply (one kept without its day: a month after
    its slip), by the office's day; what stays open and overdue waits for the police."""
    with office.read() as connection:
        cases = connection.execute(
            select(vetting_cases.c.id, vetting_cases.c.concluded_on, vetting_cases.c.conclusion_no,
                   vetting_cases.c.result, func.count().label("slips"), func.count(slips.c.result).label("replies"),
                   func.max(slips.c.result_on).label("last_reply"), func.max(slips.c.issued_on).label("last_slip"))
            .select_from(vetting_cases.join(slips)).group_by(vetting_cases.c.id)).all()
    concluded = [case for case in cases if case.concluded_on is not None]
    assert len(concluded) > len(cases) / 2
    for case in concluded:
        assert case.replies == case.slips
        assert max(filter(None, (case.last_reply, case.last_slip))) < case.concluded_on <= office_day.NINE_MONTHS_END
    numbered = sorted(concluded, key=lambda case: (case.concluded_on, case.id))  # by year, in date order
    assert [int(case.conclusion_no.split("-")[0]) for case in numbered if case.concluded_on.year == 2026] == list(
        range(1, 1 + sum(case.concluded_on.year == 2026 for case in concluded)))
    assert {case.result for case in concluded} == set(office_day.cases.RESULTS)
    waiting = {case.id for case in cases if case.replies < case.slips}
    overdue = {due.record_id for due in overview.vetting_cases_due(office, office_day.NINE_MONTHS_END)}
    assert len(overdue - waiting) < 100  # nearly all of them


def test_since_the_merger_nothing_is_addressed_to_a_former_province(office):
    """From 01/7/2025 slips go to the police of the provinces as they are now, and archive requests to other
    provinces as they are now (Đắk Nông is part of the office's own province); the units of former provinces
    are set aside, so the slip form no longer suggests them."""
    with office.read() as connection:
        addressed = connection.execute(select(schema.recipients.c.name).distinct()
                                       .select_from(slips.join(schema.recipients))
                                       .where(slips.c.issued_on >= gazetteer.MERGED_ON)).scalars().all()
        provinces = set(connection.execute(select(archive_requests.c.province)).scalars())
    offered = [unit.name for unit in recipients.list_recipients(office)]
    assert "Phòng PV01 – Công an tỉnh Lâm Đồng" in addressed and "Cục A93B – Bộ Công an" in offered
    assert not [name for name in addressed + offered if gazetteer.province_now(name)]
    assert not [province for province in provinces if gazetteer.province_now(province)]
    assert office_day.OWN_PROVINCE not in provinces and "Gia Lai" in provinces
