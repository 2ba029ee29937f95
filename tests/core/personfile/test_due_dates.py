"""One deadline for the cases selected (an election list's nominees, the day before hiệp thương vòng 2):
written on each open case in one write, each change audited; a case opened after that day is named with why,
the others still take it; cases concluded or in the recycle bin are skipped and named; a role that may not
edit, or no day given, touches none."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, editing, recycle_bin
from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases, due_dates
from bvct_desktop.core.schema import audit_log, cadres
from tests.sample_db import viewer_database

BEFORE_ROUND_TWO = {"due_on": "13/02/2026"}  # hiệp thương vòng 2 on 14/02/2026


@pytest.fixture
def nominees(db) -> list[int]:
    """Open election cases of three nominees, opened on 02/02/2026."""
    found = []
    for name, birth in (("Nguyễn Văn An", "12/03/1968"), ("Nguyễn Văn An", "1970"), ("Lê Thị Hoa", "05/1975")):
        cadre = editing.save(db, "cadres", {"full_name": name, "birth_date": birth})
        found.append(cases.open_case(db, _person_of(db, cadre), {"purpose": "Bầu cử", "opened_on": "02/02/2026"}))
    return found


def test_one_deadline_is_given_each_open_case_selected_in_one_write_each_audited(db, nominees):
    entries = _entries(db)
    outcome = due_dates.set_due_dates(db, nominees, BEFORE_ROUND_TWO)
    assert outcome.done == ["Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử", "Nguyễn Văn An, sinh năm 1970 – Bầu cử",
                            "Lê Thị Hoa, sinh tháng 05/1975 – Bầu cử"]
    assert (outcome.skipped, outcome.refused) == ([], [])
    assert {cases.case_file(db, case_id).case["due_on"] for case_id in nominees} == {dt.date(2026, 2, 13)}
    edits = [entry for entry in audit.list_entries(db) if entry.kind == cases.KIND and entry.action == "sửa"]
    assert sorted(entry.record_id for entry in edits[-3:]) == sorted(nominees)
    assert _entries(db) == entries + 3


def test_a_case_opened_after_the_deadline_is_named_with_why_and_the_others_take_it(db, nominees):
    late = cases.open_case(db, _person_of(db, editing.save(db, "cadres", {"full_name": "Đỗ Văn Nam",
                                                                          "birth_date": "1980"})),
                           {"purpose": "Bầu cử", "opened_on": "20/02/2026"})
    outcome = due_dates.set_due_dates(db, [late, *nominees], BEFORE_ROUND_TWO)
    assert outcome.refused == ["Đỗ Văn Nam, sinh năm 1980 – Bầu cử: Hạn hoàn thành trước ngày mở hồ sơ (20/02/2026)."]
    assert len(outcome.done) == 3
    assert cases.case_file(db, late).case["due_on"] != dt.date(2026, 2, 13)


def test_cases_concluded_or_in_the_recycle_bin_are_skipped_and_told(db, nominees):
    concluded, binned, left = nominees
    cases.record_conclusion(db, concluded, {"conclusion_no": "90-CV/BTCTU", "concluded_on": "10/02/2026",
                                            "result": "Đủ tiêu chuẩn"})
    recycle_bin.delete(db, cases.KIND, binned)
    outcome = due_dates.set_due_dates(db, [concluded, binned, left], BEFORE_ROUND_TWO)
    assert outcome.skipped == ["Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử: đã có kết luận",
                               "Nguyễn Văn An, sinh năm 1970 – Bầu cử: đã chuyển vào thùng rác"]
    assert outcome.done == ["Lê Thị Hoa, sinh tháng 05/1975 – Bầu cử"]
    assert cases.case_file(db, concluded).case["due_on"] != dt.date(2026, 2, 13)


def test_no_day_or_a_role_that_may_not_edit_touches_no_case(cli, db, nominees):
    before = {case_id: cases.case_file(db, case_id).case["due_on"] for case_id in nominees}
    with pytest.raises(FormProblems):
        due_dates.set_due_dates(db, nominees, {"due_on": ""})
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        due_dates.set_due_dates(viewer, nominees, BEFORE_ROUND_TWO)
    viewer.close()
    assert {case_id: cases.case_file(db, case_id).case["due_on"] for case_id in nominees} == before


def _entries(db) -> int:
    with db.read() as connection:
        return len(connection.execute(select(audit_log.c.id)).all())


def _person_of(db, cadre_id) -> int:
    with db.read() as connection:
        return connection.execute(select(cadres.c.person_id).where(cadres.c.id == cadre_id)).scalar_one()
