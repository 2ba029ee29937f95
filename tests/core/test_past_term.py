"""The list of dossiers and documents past their thời hạn bảo quản: a quarter's report after 5 years, a
dossier 20 years after its conclusion's year; a year's report never; a number marked «hỏng» is no document.
Reading the list is audited; nothing is deleted."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import issued_terms, outgoing, past_term
from bvct_desktop.core.errors import PermissionDenied
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import vetting_cases
from tests.core import test_issued_terms, test_outgoing_retention
from tests.core.personfile.conftest import last_audit
from tests.core.test_conclusion_notice import CONCLUSION, _case
from tests.core.test_numbering import left_unconfirmed
from tests.core.test_outgoing_retention import issue_report
from tests.sample_db import viewer_database

D = dt.date
db = test_outgoing_retention.db  # a fixture
office, two_terms = test_issued_terms.office, test_issued_terms.two_terms  # fixtures


def test_the_list_holds_what_is_past_its_term_by_the_day_and_its_reading_is_audited(db):
    issue_report(db, D(2025, 10, 1), D(2025, 12, 31))  # quý IV/2025, issued in 2026: 5 năm
    issue_report(db, D(2025, 1, 1), D(2025, 12, 31))   # năm 2025: vĩnh viễn
    case = _case(db)
    cases.record_conclusion(db, case, CONCLUSION)      # concluded on 15/03/2025: 20 năm
    nothing = past_term.past_term(db, D(2031, 12, 31))
    assert (nothing.on, nothing.dossiers, nothing.documents.entries) == (D(2031, 12, 31), [], [])
    found = past_term.past_term(db, D(2032, 1, 1))
    assert [entry.number_text for entry in found.documents.entries] == ["01-BC/BTCTU"]
    found = past_term.past_term(db, D(2046, 1, 1))
    assert [dossier.case_id for dossier in found.dossiers] == [case]
    assert [entry.number_text for entry in found.documents.entries] == ["01-BC/BTCTU"]
    assert (last_audit(db)["action"], last_audit(db)["details"]) == (past_term.VIEWED, {"ngay": "2046-01-01"})
    with db.read() as connection:  # listed, never deleted
        assert connection.execute(select(vetting_cases.c.deleted_at).where(vetting_cases.c.id == case)).scalar() is None
    assert len(outgoing.register(db)) == 2


def test_a_number_marked_spoiled_is_no_document_to_review(db):
    issue_report(db, D(2025, 10, 1), D(2025, 12, 31))
    left_unconfirmed(db, 1)
    outgoing.spoil(db, outgoing.register(db)[0], "không ban hành")
    assert past_term.past_term(db, D(2040, 1, 1)).documents.entries == []


def test_the_list_is_exported_for_the_council_as_shown_and_the_export_audited(db, tmp_path):
    issue_report(db, D(2025, 10, 1), D(2025, 12, 31))
    case = _case(db)
    cases.record_conclusion(db, case, CONCLUSION)
    found = past_term.past_term(db, D(2046, 1, 1))
    written = []
    past_term.export(db, tmp_path / "het-han.xlsx", written.append, found)
    assert written == [found]
    assert last_audit(db)["details"] == {"tep": str((tmp_path / "het-han.xlsx").resolve()), "ngay": "2046-01-01",
                                         "so_ho_so": 1, "so_van_ban": 1}
    dossiers, documents = past_term.sections(found)
    assert dossiers.rows[0][2:] == ["472-CV/BTCTU", D(2025, 3, 15), "20 năm, hết hạn năm 2045"]
    assert documents.headers == ("Số", "Ngày", "Nhiệm kỳ", "Loại", "Trích yếu", "Thời hạn bảo quản")
    assert documents.rows == [["01-BC/BTCTU", D(2026, 3, 1), "từ 01/10/2025", "Báo cáo",
                               "kết quả công tác bảo vệ chính trị nội bộ", "5 năm, hết hạn năm 2031"]]


def test_two_documents_numbered_01_of_different_terms_show_their_terms_as_the_issued_page_does(two_terms):
    found = past_term.past_term(two_terms, D(2051, 1, 1))
    listed = issued_terms.listing(two_terms)
    [_dossiers, documents] = past_term.sections(found)
    assert [row[:3] for row in documents.rows] == [
        [entry.number_text, entry.issued_on, listed.term_of(entry).label] for entry in listed.entries] == [
        ["01-CV/BTCTU", D(2026, 3, 2), "2025–2030"], ["02-CV/BTCTU", D(2027, 1, 8), "2025–2030"],
        ["01-CV/BTCTU", D(2030, 10, 12), "từ 10/10/2030"]]


def test_a_viewer_may_not_export_the_list(cli, db, tmp_path):
    found = past_term.past_term(db, D(2046, 1, 1))
    viewer = viewer_database(cli, db)
    with pytest.raises(PermissionDenied):
        past_term.export(viewer, tmp_path / "het-han.xlsx", lambda _found: None, found)
    viewer.close()
