"""One vetting case for each cadre selected (an election list's nominees), entered once: each opened with the
same purpose, day, decision and deadline, each audited; a cadre who already has an open case of that purpose
(one a slip opened) or is in the recycle bin is skipped and named — namesakes told apart by their birth date —,
the others are still opened; no day given, or a role that may not edit, opens none."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, editing, recycle_bin
from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases, opening
from bvct_desktop.core.schema import cadres, vetting_cases
from tests.sample_db import viewer_database

ELECTION = {"purpose": "Bầu cử", "opened_on": "02/03/2026", "due_on": "13/03/2026",
            "decision_no": "125-QĐ/TU", "decision_on": "01/03/2026", "decision_by": "Ban Thường vụ Tỉnh ủy"}


@pytest.fixture
def nominees(db) -> list[int]:
    """Three cadres on the list, two of them namesakes."""
    return [editing.save(db, "cadres", {"full_name": name, "birth_date": birth, "home_town": town})
            for name, birth, town in (("Nguyễn Văn An", "12/03/1968", "xã Tân Hà"), ("Nguyễn Văn An", "1970", ""),
                                      ("Công Tằng Tôn Nữ Thị Bảo Ngọc", "05/1975", ""))]


def test_each_cadre_selected_gets_one_open_case_with_the_values_entered_once_each_audited(db, nominees):
    outcome = opening.open_cases(db, nominees, ELECTION)
    assert outcome.done == ["Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử", "Nguyễn Văn An, sinh năm 1970 – Bầu cử",
                            "Công Tằng Tôn Nữ Thị Bảo Ngọc, sinh tháng 05/1975 – Bầu cử"]
    assert (outcome.skipped, outcome.refused) == ([], [])
    opened = _open_cases(db, nominees)
    assert len(opened) == 3
    assert {(case["purpose"], case["opened_on"], case["due_on"], case["decision_no"]) for case in opened} == {
        ("Bầu cử", dt.date(2026, 3, 2), dt.date(2026, 3, 13), "125-QĐ/TU")}
    created = [entry for entry in audit.list_entries(db) if entry.kind == cases.KIND and entry.action == "thêm"]
    assert sorted(entry.record_id for entry in created[-3:]) == sorted(case["id"] for case in opened)


def test_a_cadre_with_an_open_case_of_that_purpose_or_in_the_bin_is_skipped_and_named(db, nominees):
    first, second, third = nominees
    already = cases.open_case(db, _person_of(db, first), {"purpose": "Bầu cử", "opened_on": "01/03/2026"})
    cases.open_case(db, _person_of(db, third), {"purpose": "Bổ nhiệm", "opened_on": "01/03/2026"})
    recycle_bin.delete(db, "cadres", second)
    outcome = opening.open_cases(db, nominees, ELECTION)
    assert outcome.skipped == [
        f"Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử: đã có hồ sơ thẩm tra số {already} cùng mục đích đang xác minh",
        "Nguyễn Văn An, sinh năm 1970 – Bầu cử: đã chuyển vào thùng rác"]
    assert outcome.done == ["Công Tằng Tôn Nữ Thị Bảo Ngọc, sinh tháng 05/1975 – Bầu cử"]
    assert [case["id"] for case in _open_cases(db, [first]) if case["purpose"] == "Bầu cử"] == [already]


def test_no_day_or_a_role_that_may_not_edit_opens_no_case(cli, db, nominees):
    with pytest.raises(FormProblems):
        opening.open_cases(db, nominees, {**ELECTION, "opened_on": ""})
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        opening.open_cases(viewer, nominees, ELECTION)
    viewer.close()
    assert _open_cases(db, nominees) == []


def _person_of(db, cadre_id: int) -> int:
    with db.read() as connection:
        return connection.execute(select(cadres.c.person_id).where(cadres.c.id == cadre_id)).scalar_one()


def _open_cases(db, cadre_ids: list[int]) -> list[dict]:
    people = [_person_of(db, cadre_id) for cadre_id in cadre_ids]
    with db.read() as connection:
        return [dict(row) for row in connection.execute(select(vetting_cases).where(
            vetting_cases.c.person_id.in_(people), vetting_cases.c.deleted_at.is_(None))).mappings()]
