"""The outgoing register tells each document's thời hạn bảo quản and the year it runs out: a report's
from its period (a year's kept for ever; 6 or 9 months, 20 years; a quarter or a month, 5 years; any other
period 20), a notice or a letter as a BVCTNB record, 20 years — counted from the year it was issued."""

import datetime as dt

import pytest

from bvct_desktop.core import documents_data, outgoing, past_term, report_notes
from bvct_desktop.core.personfile import cases
from bvct_desktop.io.documents import profile, render
from tests.core.test_conclusion_notice import CONCLUSION, _case
from tests.sample_db import sample_database

D = dt.date


@pytest.fixture
def db(cli, tmp_path):
    database = sample_database(cli, tmp_path, kinds=("cadres", "slips", "archive-requests", "relatives"))
    yield database
    database.close()


def issue_report(db, start: dt.date, end: dt.date) -> None:
    report_notes.save(db, start, end, dict.fromkeys(report_notes.PARTS, "Đã viết."))
    writer = render.report_writer("pdf", None, render.Options(profile.load()))
    documents_data.report_document(db, start, end, None, "kết quả công tác bảo vệ chính trị nội bộ", writer,
                                   issue=True)


def test_each_report_is_kept_by_its_period_from_the_year_it_was_issued(db):
    for start, end in ((D(2025, 1, 1), D(2025, 12, 31)), (D(2025, 1, 1), D(2025, 9, 30)),
                       (D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 11, 15), D(2026, 2, 14))):
        issue_report(db, start, end)
    assert [(entry.number_text, entry.kept.label) for entry in outgoing.register(db)] == [
        ("01-BC/BTCTU", "Vĩnh viễn"), ("02-BC/BTCTU", "20 năm, hết hạn năm 2046"),
        ("03-BC/BTCTU", "5 năm, hết hạn năm 2031"), ("04-BC/BTCTU", "20 năm, hết hạn năm 2046")]


def test_a_year_counted_from_15_12_to_14_12_is_a_years_report_kept_for_ever(db):
    """The statistics count their year from 15/12 to 14/12, their 6 and 9 months from 15/12 too: an officer who
    types those days makes the year's report, kept for ever, not listed past its term."""
    for start, end in ((D(2024, 12, 15), D(2025, 12, 14)), (D(2024, 12, 15), D(2025, 6, 14)),
                       (D(2024, 12, 15), D(2025, 9, 14))):
        issue_report(db, start, end)
    assert [(entry.kept.term.kept_as, entry.kept.label) for entry in outgoing.register(db)] == [
        ("Báo cáo năm", "Vĩnh viễn"), ("Báo cáo 6 tháng, 9 tháng", "20 năm, hết hạn năm 2046"),
        ("Báo cáo 6 tháng, 9 tháng", "20 năm, hết hạn năm 2046")]
    assert [entry.number_text for entry in past_term.past_term(db, D(2047, 1, 1)).documents.entries] == [
        "02-BC/BTCTU", "03-BC/BTCTU"]


def test_a_conclusion_notice_is_a_bvctnb_record_kept_twenty_years(db):
    case = _case(db)
    cases.record_conclusion(db, case, CONCLUSION)
    documents_data.conclusion_document(db, case, None, render.conclusion_writer(
        "pdf", None, render.Options(profile.load())), issue=True)
    [entry] = outgoing.register(db)
    assert entry.kept.label == "20 năm, hết hạn năm 2046"
    assert not entry.kept.past(D(2046, 12, 31)) and entry.kept.past(D(2047, 1, 1))


def test_the_command_lines_register_is_as_the_contract_writes_it(db):
    issue_report(db, D(2025, 1, 1), D(2025, 12, 31))
    [line] = outgoing.entries_text(outgoing.register(db))
    assert line.split("\t")[-1] == "đã phát hành" and "Vĩnh viễn" not in line


class Unread:
    """A stand-in for the json module while a listing runs: no stored content may be read whole."""

    @staticmethod
    def loads(text, *args, **kwargs):
        raise AssertionError(f"a stored content read whole ({len(text)} characters)")


def test_the_register_reads_a_reports_period_not_its_content(db, monkeypatch):
    """The register of 2,000 documents parsed every report's content (figures, notes, the profile: 4 kB
    each) for its period; the database reads the period alone (a JSON path), the terms as they were."""
    issue_report(db, D(2025, 1, 1), D(2025, 12, 31))
    issue_report(db, D(2025, 10, 1), D(2025, 12, 31))
    monkeypatch.setattr(outgoing, "json", Unread)
    assert [entry.kept.label for entry in outgoing.register(db)] == ["Vĩnh viễn", "5 năm, hết hạn năm 2031"]
