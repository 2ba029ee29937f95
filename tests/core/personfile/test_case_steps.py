"""The steps of a vetting case before its conclusion: the competent cấp ủy's decision, the verification
team (at least three, one leader), the dossier's items received and the verification minutes. What is
lacking is told where the officer sends a slip or concludes, never refused."""

import pytest
from sqlalchemy import select

from bvct_desktop.core.editing import VERSION, FormProblems
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.personfile import case_steps, cases
from bvct_desktop.core.personfile.case_steps import DOSSIER, LEADER, MEMBER, MINUTES, TEAM
from bvct_desktop.core.schema import slips
from tests.core.personfile.conftest import last_audit, person_named
from tests.sample_db import viewer_database

DECISION = {"decision_no": "125-QĐ/TU", "decision_on": "10/01/2025", "decision_by": "Ban Thường vụ Tỉnh ủy"}
CONCLUSION = {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2025", "signer": "Trần Văn Ban",
              "result": "Đủ tiêu chuẩn"}
TEAM_OF_THREE = (("Nguyễn Văn Tổ", "Phó Trưởng phòng BVCTNB", LEADER), ("Lê Thị Hai", "Chuyên viên", MEMBER),
                 ("Trần Văn Ba", "Chuyên viên Ủy ban Kiểm tra", MEMBER))


def _admission(db) -> dict:
    """Phạm Minh Quang's case for Kết nạp Đảng (slips 12/PXM and 13/PXM serve it)."""
    return next(case for case in cases.cases_of(db, person_named(db, "Phạm Minh Quang"))
                if case["purpose"] == "Kết nạp Đảng")


def _slip_ids(db, *numbers) -> list[int]:
    with db.read() as connection:
        return list(connection.execute(select(slips.c.id).where(slips.c.number.in_(numbers))).scalars())


def _decide(db, case) -> None:
    raw = {key: case[key] for key in ("purpose", "opened_on", "due_on", "note")} | DECISION
    cases.update_case(db, case["id"], raw)


def _form_team(db, case_id, members=TEAM_OF_THREE) -> None:
    for full_name, position, role in members:
        TEAM.add(db, case_id, {"full_name": full_name, "position": position, "team_role": role})


def test_the_decision_is_recorded_on_the_case_with_its_number_date_and_issuer(db):
    case = _admission(db)
    _decide(db, case)
    stored = cases.case_file(db, case["id"]).case
    assert (stored["decision_no"], stored["decision_on"].isoformat(), stored["decision_by"]) == \
        ("125-QĐ/TU", "2025-01-10", "Ban Thường vụ Tỉnh ủy")
    assert last_audit(db)["details"]["decision_no"] == {"cu": None, "moi": "125-QĐ/TU"}


def test_a_decision_needs_both_its_number_and_its_date(db):
    case = _admission(db)
    with pytest.raises(FormProblems) as refused:
        cases.update_case(db, case["id"], {"purpose": case["purpose"], "opened_on": case["opened_on"],
                                           "decision_no": "125-QĐ/TU"})
    assert list(refused.value.problems) == ["decision_on"]


def test_slips_of_a_case_with_no_decision_are_told_before_they_are_sent(db):
    assert case_steps.slips_undecided(db, _slip_ids(db, "12/PXM", "13/PXM")) == [
        "Phạm Minh Quang – Kết nạp Đảng (phiếu 12/PXM, 13/PXM)"]


def test_slips_of_a_decided_case_are_sent_without_a_question_its_team_told_in_the_case_window(db):
    """The decision is the step the rules make mandatory before verifying; a team still to form is told where the
    case is worked on and when it is concluded, not at every print."""
    case = _admission(db)
    _decide(db, case)
    assert case_steps.slips_undecided(db, _slip_ids(db, "12/PXM")) == []
    assert case_steps.team_problems(cases.case_file(db, case["id"]).team) == [
        "Chưa lập tổ thẩm tra, xác minh (ít nhất 3 người, có tổ trưởng)."]


def test_a_print_of_many_slips_names_a_few_cases_and_counts_the_rest(db, monkeypatch):
    monkeypatch.setattr(case_steps, "CASES_TOLD", 0)
    assert case_steps.slips_undecided(db, _slip_ids(db, "12/PXM", "13/PXM")) == ["… và 1 hồ sơ khác"]


def test_a_team_of_two_or_with_no_leader_is_told(db):
    case = _admission(db)
    _form_team(db, case["id"], TEAM_OF_THREE[1:])
    assert case_steps.team_problems(cases.case_file(db, case["id"]).team) == [
        "Tổ thẩm tra, xác minh mới có 2 người (cần ít nhất 3).", "Tổ thẩm tra, xác minh chưa có tổ trưởng."]


def test_a_team_has_one_leader(db):
    case = _admission(db)
    _form_team(db, case["id"])
    with pytest.raises(FormProblems) as refused:
        TEAM.add(db, case["id"], {"full_name": "Võ Văn Bốn", "team_role": LEADER})
    assert "«Nguyễn Văn Tổ»" in refused.value.problems["team_role"]
    leader = cases.case_file(db, case["id"]).team[0]
    TEAM.update(db, leader["id"], {"full_name": leader["full_name"], "position": "Trưởng phòng BVCTNB",
                                   "team_role": LEADER})  # the leader themself stays leader
    assert cases.case_file(db, case["id"]).team[0]["position"] == "Trưởng phòng BVCTNB"


def test_the_dossier_tells_what_is_missing_by_the_case_purpose(db):
    case = _admission(db)  # admission: a thẩm tra, xác minh dossier
    admission_items = case_steps.items_for("Kết nạp Đảng")
    assert cases.case_file(db, case["id"]).missing_items == list(admission_items)
    DOSSIER.add(db, case["id"], {"item": admission_items[1], "received_on": "06/01/2025"})
    missing = cases.case_file(db, case["id"]).missing_items
    assert admission_items[1] not in missing and len(missing) == len(admission_items) - 1
    assert len(case_steps.items_for("Bổ nhiệm")) == 11


def test_an_admission_dossier_asks_for_the_applicants_vitae_not_a_cadres_2c(db):
    """A person applying to join the Party is not a cadre: the vitae the admission dossier holds is «Lý lịch của
    người xin vào Đảng» (mẫu 2-KNĐ, brief §2.2), not the cadre's 2C, which other verifications still ask for."""
    case = _admission(db)
    missing = cases.case_file(db, case["id"]).missing_items
    assert "Lý lịch của người xin vào Đảng (mẫu 2-KNĐ)" in missing and case_steps.CV_2C not in missing
    with pytest.raises(FormProblems, match="không thuộc hồ sơ thẩm tra, xác minh"):
        DOSSIER.add(db, case["id"], {"item": case_steps.CV_2C, "received_on": "06/01/2025"})
    assert case_steps.CV_2C in case_steps.items_for("Giải quyết đơn thư")


def test_what_the_dossier_lacks_is_told_in_full_or_counted_with_where_its_items_are_listed():
    """The conclusion's question names every missing item; the case window, whose dossier tab lists them, says how
    many and where, in the same words."""
    missing = list(case_steps.APPRAISAL_ITEMS[:2])
    assert case_steps.items_problems(missing) == [f"Hồ sơ còn thiếu 2 tài liệu: {missing[0]}; {missing[1]}."]
    assert case_steps.items_problems(missing, listed_in="thẻ «Tài liệu hồ sơ»") == [
        "Hồ sơ còn thiếu 2 tài liệu — xem thẻ «Tài liệu hồ sơ»."]
    assert case_steps.items_problems([], listed_in="thẻ «Tài liệu hồ sơ»") == []


def test_an_item_of_the_other_dossier_or_received_twice_is_refused(db):
    case = _admission(db)
    with pytest.raises(FormProblems, match="không thuộc hồ sơ thẩm tra, xác minh"):
        DOSSIER.add(db, case["id"], {"item": "Bản kê khai tài sản, thu nhập", "received_on": "06/01/2025"})
    vitae = case_steps.items_for("Kết nạp Đảng")[1]
    DOSSIER.add(db, case["id"], {"item": vitae, "received_on": "06/01/2025"})
    with pytest.raises(FormProblems, match="đã ghi nhận ngày 06/01/2025"):
        DOSSIER.add(db, case["id"], {"item": vitae, "received_on": "07/01/2025"})


def test_concluding_with_items_missing_no_decision_and_no_team_asks_first(db):
    case = _admission(db)
    doubts = cases.conclusion_doubts(db, case["id"], CONCLUSION)
    assert "Chưa ghi quyết định của cấp ủy có thẩm quyền (bắt buộc trước khi thẩm tra, xác minh)." in doubts
    assert any(doubt.startswith("Chưa lập tổ thẩm tra") for doubt in doubts)
    assert f"Hồ sơ còn thiếu 7 tài liệu: {case_steps.VERIFICATION_ITEMS[0]}" in "\n".join(doubts)


def test_concluding_a_case_with_no_verification_minutes_asks_first(db):
    """The minutes are the verification's evidence (brief §1.3): a case concluded with none is asked about, as
    one with its team or dossier lacking is; one written makes the question go."""
    case = _admission(db)
    assert case_steps.NO_MINUTES in cases.conclusion_doubts(db, case["id"], CONCLUSION)
    MINUTES.add(db, case["id"], {"held_on": "12/02/2025", "summary": "Làm việc với Công an xã"})
    assert case_steps.NO_MINUTES not in cases.conclusion_doubts(db, case["id"], CONCLUSION)


def test_a_complete_case_is_concluded_without_those_questions(db):
    case = _admission(db)
    _decide(db, case)
    _form_team(db, case["id"])
    for item in case_steps.items_for("Kết nạp Đảng"):
        DOSSIER.add(db, case["id"], {"item": item, "received_on": "06/01/2025"})
    MINUTES.add(db, case["id"], {"held_on": "12/02/2025", "summary": "Làm việc với Công an xã"})
    doubts = "\n".join(cases.conclusion_doubts(db, case["id"], CONCLUSION))
    assert "quyết định" not in doubts and "Tổ thẩm tra" not in doubts and "biên bản" not in doubts
    assert "thiếu" not in doubts.replace(
        "Thân nhân phải xác minh theo quy định còn thiếu", "")


def test_minutes_are_kept_with_the_case_oldest_first_and_audited(db):
    case = _admission(db)
    for day, summary in (("20/02/2025", "Xác minh tại nơi cư trú"), ("12/02/2025", "Làm việc với Công an xã")):
        MINUTES.add(db, case["id"], {"held_on": day, "place": "UBND xã Hàm Thắng",
                                     "attendees": "Tổ thẩm tra; đại diện Công an xã", "summary": summary})
    assert [m["summary"] for m in cases.case_file(db, case["id"]).minutes] == [
        "Làm việc với Công an xã", "Xác minh tại nơi cư trú"]
    entry = last_audit(db)
    assert (entry["action"], entry["kind"]) == ("thêm", MINUTES.kind)


def test_a_viewer_cannot_add_team_members(cli, db):
    case_id = _admission(db)["id"]
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        TEAM.add(viewer, case_id, {"full_name": "Lê Văn Xem", "team_role": MEMBER})


def test_a_concluded_cases_steps_are_changed_only_once_it_is_reopened(db):
    """What the conclusion rests on — its team, dossier and minutes — stays as concluded: changed after «Mở lại hồ
    sơ», as the conclusion itself is."""
    case = _admission(db)
    _decide(db, case)
    _form_team(db, case["id"])
    MINUTES.add(db, case["id"], {"held_on": "10/01/2025", "summary": "Gia đình khai báo đúng như lý lịch"})
    [leader, *_] = TEAM.of_owner(db, case["id"])
    cases.record_conclusion(db, case["id"], {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2025",
                                             "signer": "Trần Văn Ban", "result": "Đủ tiêu chuẩn"})
    refused = "Hồ sơ đã kết luận: không thêm, sửa hay xóa"
    with pytest.raises(InputError, match=refused):
        MINUTES.add(db, case["id"], {"held_on": "20/03/2025", "summary": "Làm việc thêm"})
    with pytest.raises(InputError, match=refused):
        TEAM.update(db, leader["id"], {**leader, "position": "Trưởng phòng"}, leader[VERSION])
    with pytest.raises(InputError, match=refused):
        TEAM.delete(db, leader["id"])
    concluded = cases.case_file(db, case["id"]).case
    cases.reopen_case(db, case["id"], concluded[VERSION])
    MINUTES.add(db, case["id"], {"held_on": "20/03/2025", "summary": "Làm việc thêm"})
    assert len(MINUTES.of_owner(db, case["id"])) == 2
