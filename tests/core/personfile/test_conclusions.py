"""One conclusion recorded on the cases selected (an election list's nominees): each open case concluded
through the same service, its own checks and audit entry; a case refused is named with why and the others
are still concluded; cases concluded already or in the recycle bin are skipped and named."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import audit, editing, recycle_bin
from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases, conclusions
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.schema import cadres, vetting_cases
from tests.sample_db import viewer_database

ELECTION = {"conclusion_no": "95-CV/BTCTU", "concluded_on": "20/03/2026", "signer": "Trần Văn Ban",
            "result": "Đủ tiêu chuẩn"}


@pytest.fixture
def nominees(db) -> dict[str, int]:
    """Open election cases of three nominees, two of them namesakes, by the nominee's birth date."""
    found = {}
    for birth in ("12/03/1968", "1970", "05/1975"):
        cadre = editing.save(db, "cadres", {"full_name": "Nguyễn Văn An" if birth != "05/1975" else "Lê Thị Hoa",
                                            "birth_date": birth})
        found[birth] = cases.open_case(db, _person_of(db, cadre), {"purpose": "Bầu cử", "opened_on": "02/03/2026"})
    return found


def test_one_conclusion_is_recorded_on_each_open_case_selected_each_audited(db, nominees):
    outcome = conclusions.record_conclusions(db, list(nominees.values()), ELECTION)
    assert outcome.done == ["Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử",
                                 "Nguyễn Văn An, sinh năm 1970 – Bầu cử", "Lê Thị Hoa, sinh tháng 05/1975 – Bầu cử"]
    assert (outcome.skipped, outcome.refused) == ([], [])
    for case_id in nominees.values():
        case = cases.case_file(db, case_id).case
        assert (case["status"], case["conclusion_no"], case["signer"]) == (cases.CONCLUDED, "95-CV/BTCTU",
                                                                           "Trần Văn Ban")
    edits = [entry.record_id for entry in audit.list_entries(db) if entry.kind == cases.KIND
             and entry.action == "sửa"]
    assert sorted(edits[-3:]) == sorted(nominees.values())


def test_a_case_its_checks_refuse_is_named_with_why_and_the_others_are_still_concluded(db, nominees):
    late = cases.open_case(db, _person_of(db, editing.save(db, "cadres", {"full_name": "Đỗ Văn Nam",
                                                                          "birth_date": "1980"})),
                           {"purpose": "Bầu cử", "opened_on": "25/03/2026"})
    outcome = conclusions.record_conclusions(db, [late, *nominees.values()], ELECTION)
    assert outcome.refused == ["Đỗ Văn Nam, sinh năm 1980 – Bầu cử: Ngày kết luận trước ngày mở hồ sơ."]
    assert len(outcome.done) == 3
    assert _status(db, late) == cases.OPEN


def test_cases_concluded_already_or_in_the_recycle_bin_are_skipped_and_told(db, nominees):
    concluded, binned, left = nominees.values()
    cases.record_conclusion(db, concluded, {**ELECTION, "conclusion_no": "90-CV/BTCTU"})
    recycle_bin.delete(db, cases.KIND, binned)
    outcome = conclusions.record_conclusions(db, [concluded, binned, left], ELECTION)
    assert outcome.skipped == ["Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử: đã có kết luận",
                               "Nguyễn Văn An, sinh năm 1970 – Bầu cử: đã chuyển vào thùng rác"]
    assert outcome.done == ["Lê Thị Hoa, sinh tháng 05/1975 – Bầu cử"]
    assert cases.case_file(db, concluded).case["conclusion_no"] == "90-CV/BTCTU"  # not corrected
    assert _status(db, binned) == cases.OPEN


def test_a_value_refused_or_a_role_that_may_not_conclude_touches_no_case(cli, db, nominees):
    with pytest.raises(FormProblems):
        conclusions.record_conclusions(db, list(nominees.values()), {**ELECTION, "conclusion_no": ""})
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        conclusions.record_conclusions(viewer, list(nominees.values()), ELECTION)
    viewer.close()
    assert {_status(db, case_id) for case_id in nominees.values()} == {cases.OPEN}


def _person_of(db, cadre_id) -> int:
    with db.read() as connection:
        return connection.execute(select(cadres.c.person_id).where(cadres.c.id == cadre_id)).scalar_one()


def _status(db, case_id) -> str:
    with db.read() as connection:
        return connection.execute(select(vetting_cases.c.status).where(vetting_cases.c.id == case_id)).scalar_one()


def test_what_a_case_s_own_window_would_ask_is_told_case_by_case_before_any_is_concluded(db, nominees):
    """Concluding a list asks once what each case's window asks (cases.conclusion_doubts): a nominee with
    slips unanswered or relatives unchecked is named with it; a case that has nothing to confirm, one
    concluded already or in the recycle bin is not."""
    concluded, binned, left = nominees.values()
    cases.record_conclusion(db, concluded, {**ELECTION, "conclusion_no": "90-CV/BTCTU"})
    recycle_bin.delete(db, cases.KIND, binned)
    told = conclusions.doubts(db, [concluded, binned, left], ELECTION)
    assert told == [f"Lê Thị Hoa, sinh tháng 05/1975 – Bầu cử: {' '.join(cases.conclusion_doubts(db, left, ELECTION))}"]
    assert "Thân nhân phải xác minh" in told[0]
    assert _status(db, left) == cases.OPEN


def test_the_nominees_whose_result_is_in_question_are_told_first(db, nominees):
    """The tour's 120 nominees all lacked the same dossier items, so the question named the first ten of them
    and «Và 110 hồ sơ khác cũng vậy»: the nominee whose file records a political issue against «Đủ tiêu chuẩn»
    was among those counted. Those whose result is in question come first, the others in the order chosen."""
    first, second, last = nominees.values()
    POLITICAL_NOTES.add(db, _person_of_case(db, last), {"axis": "Lịch sử chính trị", "content": "Cha đi lính chế độ cũ",
                                                        "effect": "Chưa kết luận"})
    told = conclusions.doubts(db, [first, second, last], ELECTION)
    assert [line.split(" – ")[0] for line in told] == [
        "Lê Thị Hoa, sinh tháng 05/1975", "Nguyễn Văn An, sinh ngày 12/03/1968", "Nguyễn Văn An, sinh năm 1970"]
    assert "Cha đi lính chế độ cũ (Chưa kết luận). Kết quả «Đủ tiêu chuẩn» có đúng không?" in told[0]


def _person_of_case(db, case_id) -> int:
    return cases.case_file(db, case_id).case["person_id"]
