"""The notice of a vetting case's conclusion (thông báo kết luận về tiêu chuẩn chính trị): made only
from a concluded case; a draft takes no number; issued, it takes the next «TB» number of the term and
its line in the outgoing register, and is written again exactly as issued whatever the case says later."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import conclusion_notice, documents_data, outgoing, settings, users, vault
from bvct_desktop.core.errors import InputError, PermissionDenied
from bvct_desktop.core.permissions import OFFICER
from bvct_desktop.core.personfile import case_steps, cases
from bvct_desktop.core.schema import slips
from bvct_desktop.io.documents import profile, render
from tests.conftest import ADMIN, PASSWORD
from tests.sample_db import fixed_clock, viewer_database

CONCLUSION = {"conclusion_no": "472-CV/BTCTU", "concluded_on": "15/03/2025", "signer": "Trần Văn Ban",
              "result": "Đủ tiêu chuẩn"}


SAMPLE_KINDS = ("cadres", "slips", "archive-requests", "relatives")  # what the `db` fixture holds


def _case(db, slip_number="13/PXM") -> int:
    with db.read() as connection:
        return connection.execute(select(slips.c.vetting_case_id).where(slips.c.number == slip_number)).scalar_one()


def _concluded(db) -> int:
    case = _case(db)
    cases.record_conclusion(db, case, CONCLUSION)
    return case


def _writer(target=None, fmt="pdf") -> render.ConclusionWriter:
    return render.conclusion_writer(fmt, target, render.Options(profile.load()))


def test_a_case_not_concluded_has_no_notice(db):
    with pytest.raises(InputError, match="chưa có kết luận: hãy «Ghi kết luận» cho hồ sơ trước"):
        documents_data.conclusion_document(db, _case(db), None, _writer())


def test_a_draft_takes_no_number_and_an_issued_notice_the_next_tb_number_with_its_register_line(db):
    case = _concluded(db)
    draft, data = documents_data.conclusion_document(db, case, None, _writer())
    assert draft.number is None and outgoing.register(db) == []
    first, _ = documents_data.conclusion_document(db, case, None, _writer(), issue=True)
    second, _ = documents_data.conclusion_document(db, case, None, _writer(), issue=True,
                                                   seen=conclusion_notice.issued_for(db, case))
    assert (first.text, second.text) == ("01-TB/BTCTU", "02-TB/BTCTU")
    entry = outgoing.register(db)[0]
    assert (entry.kind, entry.doc_type, entry.status) == (outgoing.CONCLUSION, "TB", "issued")
    # the case is for admission to the Party: its person is not yet «đồng chí»
    assert entry.subject == f"kết luận về tiêu chuẩn chính trị của quần chúng {data['full_name']}"
    assert entry.recipients == "Cấp ủy, cơ quan đề nghị thẩm tra; Lưu Văn phòng Ban"
    with db.read() as connection:
        assert entry.signer == outgoing.signer_of(settings.read_all(connection, first.on))
    assert "Thông báo" in next(outgoing.entries_text([entry]))


def test_the_notice_takes_the_decision_to_vet_and_the_verification_minutes_the_case_records(db):
    case = _case(db)
    found = cases.case_file(db, case).case
    cases.update_case(db, case, {"purpose": found["purpose"], "opened_on": found["opened_on"],
                                 "decision_no": "125-QĐ/TU", "decision_on": "02/01/2025",
                                 "decision_by": "Ban Thường vụ Tỉnh ủy"}, found[cases.VERSION])
    case_steps.MINUTES.add(db, case, {"held_on": "10/01/2025", "place": "UBND xã Hàm Liêm",
                                      "summary": "Gia đình khai báo đúng như lý lịch"})
    cases.record_conclusion(db, case, CONCLUSION)
    data = conclusion_notice.of_case(db, case)
    assert (data["decision_no"], data["decision_on"], data["decision_by"]) == (
        "125-QĐ/TU", "2025-01-02", "Ban Thường vụ Tỉnh ủy")
    assert data["minutes"] == [{"held_on": "2025-01-10", "place": "UBND xã Hàm Liêm"}]  # the summary stays in the case


def test_an_issued_notice_is_written_again_as_issued_after_the_case_changes(db, tmp_path):
    case = _concluded(db)
    issued_pdf, issued_docx = tmp_path / "tb.pdf", tmp_path / "tb.docx"
    made, _ = documents_data.conclusion_document(db, case, issued_pdf, _writer(issued_pdf), issue=True)
    stored = cases.case_file(db, case).case
    cases.record_conclusion(db, case, {**CONCLUSION, "conclusion_no": "480-CV/BTCTU", "result": "Chưa đủ tiêu chuẩn"},
                            stored[cases.VERSION])
    again_pdf, again_docx = tmp_path / "lai.pdf", tmp_path / "lai.docx"
    documents_data.reprint(db, made.text, None, _writer(again_pdf).write, again_pdf)
    assert again_pdf.read_bytes() == issued_pdf.read_bytes()
    _, content = outgoing.content_of(db, made.text)
    assert (content["data"]["conclusion_no"], content["data"]["result"]) == ("472-CV/BTCTU", "Đủ tiêu chuẩn")
    for target in (issued_docx, again_docx):
        documents_data.reprint(db, made.text, None, _writer(target, "docx").write, target, "docx")
    assert again_docx.read_bytes() == issued_docx.read_bytes()


def test_a_notice_is_not_written_as_a_workbook(db, tmp_path):
    made, _ = documents_data.conclusion_document(db, _concluded(db), None, _writer(), issue=True)
    target = tmp_path / "tb.xlsx"
    with pytest.raises(InputError, match="Thông báo chỉ ghi được dạng pdf, docx"):
        documents_data.reprint(db, made.text, None, _writer(target, "xlsx").write, target, "xlsx")


def test_an_officer_drafts_the_notice_only_a_leader_issues_it_and_a_viewer_neither(cli, db):
    case = _concluded(db)
    users.add(db, "chuyenvien", OFFICER, "Chuyen-vien-2026")
    officer = vault.unlock(cli.db, "chuyenvien", "Chuyen-vien-2026", clock=fixed_clock)
    viewer = viewer_database(cli, db)
    try:
        assert documents_data.conclusion_document(officer, case, None, _writer())[0].number is None
        with pytest.raises(PermissionDenied, match="phát hành thông báo kết luận"):
            documents_data.conclusion_document(officer, case, None, _writer(), issue=True)
        with pytest.raises(PermissionDenied, match="lập thông báo kết luận"):
            documents_data.conclusion_document(viewer, case, None, _writer())
        assert outgoing.register(db) == []
    finally:
        officer.close()
        viewer.close()


def test_a_case_knows_the_notices_issued_for_it_and_which_state_a_conclusion_since_corrected(db):
    case = _concluded(db)
    assert conclusion_notice.issued_for(db, case) == []
    documents_data.conclusion_document(db, case, None, _writer())  # a draft is not issued
    first, _ = documents_data.conclusion_document(db, case, None, _writer(), issue=True)
    other = _case(db, "1/PXM")  # another case's notice is not this case's
    cases.record_conclusion(db, other, {**CONCLUSION, "concluded_on": "15/03/2026"})
    documents_data.conclusion_document(db, other, None, _writer(), issue=True)
    [notice] = conclusion_notice.issued_for(db, case)
    stored = cases.case_file(db, case).case
    assert notice.entry.number_text == first.text
    assert notice.conclusion == "số 472-CV/BTCTU ngày 15/03/2025: Đủ tiêu chuẩn"
    assert not notice.outdated(stored)
    assert conclusion_notice.issued_before([notice], stored) == (
        f"Hồ sơ này đã có thông báo kết luận số 01-TB/BTCTU ngày {first.on:%d/%m/%Y}; phát hành thêm?")
    cases.record_conclusion(db, case, {**CONCLUSION, "result": "Chưa đủ tiêu chuẩn"}, stored[cases.VERSION])
    corrected = cases.case_file(db, case).case
    assert notice.outdated(corrected)
    assert conclusion_notice.issued_before([notice], corrected) == (
        f"Hồ sơ này đã có thông báo kết luận số 01-TB/BTCTU ngày {first.on:%d/%m/%Y} (nêu kết luận số 472-CV/BTCTU "
        "ngày 15/03/2025: Đủ tiêu chuẩn, khác kết luận hiện nay); phát hành thêm?")


def test_a_cases_notices_are_found_by_the_database_without_reading_every_notice_whole(db, monkeypatch):
    """Each case's page asked for its notices by parsing every notice ever issued (its data, slips and
    profile); the database picks the case's by a JSON path and reads the conclusion each states."""
    from tests.core.test_outgoing_retention import Unread

    case, other = _concluded(db), _case(db, "1/PXM")
    cases.record_conclusion(db, other, {**CONCLUSION, "concluded_on": "15/03/2026", "result": "Chưa đủ tiêu chuẩn"})
    documents_data.conclusion_document(db, other, None, _writer(), issue=True)
    first, _ = documents_data.conclusion_document(db, case, None, _writer(), issue=True)
    monkeypatch.setattr(outgoing, "json", Unread)
    [notice] = conclusion_notice.issued_for(db, case)
    assert notice.entry.number_text == first.text
    assert notice.stated == {"conclusion_no": "472-CV/BTCTU", "concluded_on": "2025-03-15", "signer": "Trần Văn Ban",
                             "result": "Đủ tiêu chuẩn", "limit_note": None}
    assert [other_notice.conclusion for other_notice in conclusion_notice.issued_for(db, other)] == [
        "số 472-CV/BTCTU ngày 15/03/2026: Chưa đủ tiêu chuẩn"]


def test_a_notice_whose_number_was_marked_spoiled_is_not_counted_as_issued_for_its_case(db):
    case = _concluded(db)
    writer = _writer()
    writer.write = lambda content: (_ for _ in ()).throw(OSError("máy in hỏng"))  # the write fails: number «hỏng»
    with pytest.raises(OSError):
        documents_data.conclusion_document(db, case, None, writer, issue=True)
    assert [entry.status for entry in outgoing.register(db)] == ["spoiled"]
    assert conclusion_notice.issued_for(db, case) == []


def test_a_notice_another_officer_issued_since_the_case_was_read_is_read_in_the_write_and_refuses_this_one(
        cli, db, monkeypatch):
    """Two officers issuing the same case's notice: each was asked with the notices its window showed (none); the
    second is refused in the write that would number it, taking no number."""
    case = _concluded(db)
    other = vault.unlock(cli.db, ADMIN, PASSWORD, clock=fixed_clock)
    issue = outgoing.issue

    def meanwhile(*args):
        monkeypatch.setattr(outgoing, "issue", issue)  # the other officer's goes straight through
        documents_data.conclusion_document(other, case, None, _writer(), issue=True, seen=[])
        return issue(*args)

    monkeypatch.setattr(outgoing, "issue", meanwhile)
    try:
        with pytest.raises(InputError, match="Hồ sơ này vừa được phát hành thông báo kết luận số 01-TB/BTCTU ngày "
                                             r"\d\d/\d\d/\d{4}; chưa phát hành thêm\. Chưa lấy số văn bản\."):
            documents_data.conclusion_document(db, case, None, _writer(), issue=True, seen=[])
    finally:
        other.close()
    assert [entry.number_text for entry in outgoing.register(db)] == ["01-TB/BTCTU"]
    told = conclusion_notice.issued_for(db, case)  # asked again with the one issued: one more is issued
    again, _ = documents_data.conclusion_document(db, case, None, _writer(), issue=True, seen=told)
    assert again.text == "02-TB/BTCTU"
