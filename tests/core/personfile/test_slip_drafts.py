"""The slips about every relative a vetting case still has to check, made at once: each drafted as «Lập phiếu xác
minh…» drafts it for one relative, the recipient, the issue date and the first number entered once, the numbers
following on, each saved and audited as a form's save; a number already used passed over for the next free one; a
relative the list does not hold skipped and named; the officer told how many were made and with which numbers."""

import pytest

from bvct_desktop.core import audit, editing, recycle_bin
from bvct_desktop.core.editing import FormProblems
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.personfile import cases, relatives, slip_draft, slip_drafts
from bvct_desktop.core.typed import as_typed
from tests.core.personfile.conftest import person_named
from tests.sample_db import viewer_database

ENTERED = {"recipient": "Cục A93B – Bộ Công an", "issued_on": "02/11/2026", "number": "0012/PXM"}
HUNG = "Nguyễn Văn Hùng, sinh ngày 12/03/1965 – Bầu cử"  # his father, wife and son are listed; his mother is not


@pytest.fixture
def case(db) -> int:
    return cases.open_case(db, person_named(db, "Nguyễn Văn Hùng"), {"purpose": "Bầu cử", "opened_on": "01/11/2026"})


def _slip(db, slip_id: int) -> dict:
    return editing.load(db, "slips", slip_id)


def test_each_relative_still_to_check_gets_the_slip_lap_phieu_drafts_numbered_on_from_the_first(db, case):
    hung = person_named(db, "Nguyễn Văn Hùng")
    drafts = [slip_draft.slip_for(db, relative.id) for relative in relatives.list_relatives(db, hung)]
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    assert outcome.done == [f"Cha Nguyễn Văn Tư của {HUNG}: phiếu 0012/PXM",
                            f"Vợ Lê Thị Hoa của {HUNG}: phiếu 0013/PXM",
                            f"Con Nguyễn Minh Khoa của {HUNG}: phiếu 0014/PXM"]
    assert outcome.skipped == [f"Mẹ của {HUNG}: chưa khai trong danh sách thân nhân"]
    for draft, slip_id in zip(drafts, outcome.slip_ids, strict=True):
        stored = _slip(db, slip_id)
        assert stored["person_id"] == draft.person_id
        assert {key: as_typed(SLIPS.field(key), stored[key]) for key in draft.values} == {
            key: as_typed(SLIPS.field(key), value) for key, value in draft.values.items()}
        assert (stored["recipient"], as_typed(SLIPS.field("issued_on"), stored["issued_on"])) == (
            "Cục A93B – Bộ Công an", "02/11/2026")
    assert [unchecked.relation for unchecked in cases.case_file(db, case).unchecked] == ["Mẹ"]
    assert outcome.told() == (f"Đã lập 3 phiếu, số 0012/PXM đến 0014/PXM; bỏ qua 1: Mẹ của {HUNG}: chưa khai trong "
                              "danh sách thân nhân.")


def test_each_slip_made_has_its_own_entry_in_the_audit_trail(db, case):
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    added = [entry.record_id for entry in audit.list_entries(db) if entry.kind == "slips" and entry.action == "thêm"]
    assert sorted(added[-3:]) == sorted(outcome.slip_ids)
    assert len(added) == len(set(added))


def _other_slip(db, number: str, issued_on: str = "20/10/2026") -> int:
    return editing.save(db, "slips", {"number": number, "issued_on": issued_on, "full_name": "Trần Văn Bảy",
                                      "relation": "Bản thân", "recipient": "Phòng PV27 – Công an tỉnh"})


def test_a_number_already_used_is_passed_over_for_the_next_free_one_and_the_summary_says_which_were_used(db, case):
    _other_slip(db, "0013/PXM")
    recycle_bin.delete(db, "slips", _other_slip(db, "0015/pxm"))  # a slip in the bin keeps its number
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    assert outcome.done == [f"Cha Nguyễn Văn Tư của {HUNG}: phiếu 0012/PXM",
                            f"Vợ Lê Thị Hoa của {HUNG}: phiếu 0014/PXM",
                            f"Con Nguyễn Minh Khoa của {HUNG}: phiếu 0016/PXM"]
    assert outcome.skipped == [f"Mẹ của {HUNG}: chưa khai trong danh sách thân nhân"]
    assert outcome.told().startswith("Đã lập 3 phiếu, số 0012/PXM, 0014/PXM, 0016/PXM "
                                     "(bỏ qua số đã dùng: 0013/PXM, 0015/PXM); bỏ qua 1: ")


def test_a_number_of_last_year_is_free_this_year_and_a_run_of_used_numbers_is_told_as_one(db, case):
    _other_slip(db, "0012/PXM", "20/10/2025")
    for number in ("0013/PXM", "0014/PXM"):
        _other_slip(db, number)
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    assert [_slip(db, slip_id)["number"] for slip_id in outcome.slip_ids] == ["0012/PXM", "0015/PXM", "0016/PXM"]
    assert outcome.told().startswith("Đã lập 3 phiếu, số 0012/PXM, 0015/PXM đến 0016/PXM "
                                     "(bỏ qua số đã dùng: 0013/PXM đến 0014/PXM); ")


def test_a_number_saved_meanwhile_on_another_pc_gives_way_to_the_next_its_relative_not_skipped(db, case, monkeypatch):
    save, raced = slip_drafts.save, []

    def saved_elsewhere_first(db, kind, values, *args):
        if values["number"] == "0013/PXM" and not raced:
            raced.append(_other_slip(db, "0013/PXM"))
        return save(db, kind, values, *args)

    monkeypatch.setattr(slip_drafts, "save", saved_elsewhere_first)
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    assert raced and outcome.numbers == ["0012/PXM", "0014/PXM", "0015/PXM"] and outcome.passed == ["0013/PXM"]
    assert len(outcome.skipped) == 1  # only the mother not listed


def _refuse_the_wifes_slip(monkeypatch) -> None:
    save = slip_drafts.save

    def refused_for_the_wife(db, kind, values, *args):
        if values["full_name"] == "Lê Thị Hoa":
            raise FormProblems({"full_name": "Họ và tên: quá dài"})
        return save(db, kind, values, *args)

    monkeypatch.setattr(slip_drafts, "save", refused_for_the_wife)


def test_a_slip_refused_for_what_is_not_its_number_skips_its_relative_named_with_why(db, case, monkeypatch):
    _refuse_the_wifes_slip(monkeypatch)
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    assert outcome.numbers == ["0012/PXM", "0013/PXM"]
    assert outcome.skipped[0] == f"Vợ Lê Thị Hoa của {HUNG}: Họ và tên: quá dài"


def test_a_number_passed_over_before_a_refused_slip_is_told_once(db, case, monkeypatch):
    """The wife's slip, refused, was to take 0014/PXM past the used 0013/PXM; her son's takes it, past 0013/PXM
    once more, which the summary names once."""
    _other_slip(db, "0013/PXM")
    _refuse_the_wifes_slip(monkeypatch)
    outcome = slip_drafts.draft_slips(db, [case], ENTERED)
    assert outcome.numbers == ["0012/PXM", "0014/PXM"] and outcome.passed == ["0013/PXM"]
    assert outcome.told().startswith("Đã lập 2 phiếu, số 0012/PXM, 0014/PXM (bỏ qua số đã dùng: 0013/PXM); ")


def test_the_cases_selected_are_drafted_in_turn_the_numbers_going_on_a_case_in_the_bin_skipped(db, case):
    anh = cases.open_case(db, person_named(db, "Trần Thị Ánh"), {"purpose": "Bầu cử", "opened_on": "01/11/2026"})
    binned = cases.open_case(db, person_named(db, "Lê Hoàng Đức"), {"purpose": "Bầu cử", "opened_on": "01/11/2026"})
    recycle_bin.delete(db, cases.KIND, binned)
    told = []
    outcome = slip_drafts.draft_slips(db, [case, binned, anh], ENTERED, lambda done, total: told.append((done, total)))
    assert told == [(0, 3), (1, 3), (2, 3)]
    assert [_slip(db, slip_id)["number"] for slip_id in outcome.slip_ids] == [
        "0012/PXM", "0013/PXM", "0014/PXM", "0015/PXM"]  # her mother-in-law's after his three
    assert outcome.done[-1] == "Mẹ chồng Võ Thị Bảy của Trần Thị Ánh, sinh năm 1970 – Bầu cử: phiếu 0015/PXM"
    assert "Lê Hoàng Đức, sinh tháng 07/1980 – Bầu cử: đã chuyển vào thùng rác" in outcome.skipped


def test_a_number_without_a_figure_no_date_or_a_role_that_may_not_edit_makes_no_slip(cli, db, case):
    for wrong in ({"number": "PXM"}, {"issued_on": ""}):
        with pytest.raises(FormProblems):
            slip_drafts.draft_slips(db, [case], {**ENTERED, **wrong})
    with pytest.raises(PermissionDenied):
        slip_drafts.draft_slips(viewer_database(cli, db), [case], ENTERED)
    assert len(cases.case_file(db, case).unchecked) == 4


def test_a_person_with_two_open_cases_gets_the_slips_of_the_case_drafted_for_of_its_purpose_serving_it(db, case):
    """«Lập phiếu xác minh…» leaves the purpose to the officer when the person has two open cases; drafted for one
    case, the slips serve that case."""
    hung = person_named(db, "Nguyễn Văn Hùng")
    appointment = cases.open_case(db, hung, {"purpose": "Bổ nhiệm", "opened_on": "01/11/2026"})
    outcome = slip_drafts.draft_slips(db, [appointment], ENTERED)
    assert {_slip(db, slip_id)["purpose"] for slip_id in outcome.slip_ids} == {"Bổ nhiệm"}
    assert sorted(slip["id"] for slip in cases.case_file(db, appointment).slips) == sorted(outcome.slip_ids)
    assert len(cases.case_file(db, case).unchecked) == 4
