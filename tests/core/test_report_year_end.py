"""The turn of 2026 into 2027, counted by hand: on 05/01/2027 the officer makes the reports of 2026 (the year, 6
and 9 months) and the first quarter of 2027 is begun. Records that span the year's end count where their own day
falls, and what happened in January is not yet done in 2026's report."""

import datetime as dt

import pytest
from sqlalchemy import select

from bvct_desktop.core import documents_data, report, vault
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import persons, vetting_cases
from bvct_desktop.io.documents import profile, render
from tests.clocks import FakeClock
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

MADE_ON = dt.datetime(2027, 1, 5, 8, 0)
A93, DONG_NAI = "Cục A93B – Bộ Công an", "Công an tỉnh Đồng Nai"
YEAR, H1, NINE = ((dt.date(2026, 1, 1), dt.date(2026, month, last)) for month, last in ((12, 31), (6, 30), (9, 30)))
Q1_2027 = (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
# number, sent, name, purpose, recipient, answered, result
SLIPS = (("38/PXM", "15/11/2026", "Ngô Văn Bốn", "Bầu cử", A93, None, None),  # due 15/12/2026: overdue at the end
         ("39/PXM", "20/12/2026", "Lê Thị Ba", "Quy hoạch", DONG_NAI, "12/01/2027",  # due 19/01/2027: not yet
          "Không có tài liệu"),  # the reply written as of a day after 05/01/2027
         ("40/PXM", "28/12/2026", "Trần Văn Hai", "Bổ nhiệm", A93, "04/01/2027", "Có tài liệu tàng thư chế độ cũ"),
         ("1/PXM", "02/01/2027", "Đinh Văn Năm", "Kết nạp Đảng", DONG_NAI, "20/01/2027", "Có hồ sơ tàng thư"))
# kind, province, number, dated, name, born, home town, answered, result
ARCHIVE = (("Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "1530-CV/BTCTU", "28/12/2026", "Hồ Văn Mười", "1950", "Bắc Bình",
            "12/01/2027", "Không có tài liệu"),  # carried over into 2027, our reply written as of after 05/01/2027
           ("Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "2-CV/BTCTU", "02/01/2027", "Võ Văn Sáu", "1949", "Tánh Linh",
            "04/01/2027", "Có hồ sơ tàng thư chế độ cũ"),
           ("Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "3-CV/BTCTU", "03/01/2027", "Phan Văn Bảy", "1951", "Hàm Tân",
            "25/01/2027", "Có tài liệu tàng thư chế độ cũ"),  # our reply written as of a day after 05/01/2027
           ("Nhờ tỉnh bạn nghiên cứu", "TP Hồ Chí Minh", "1-CV/BTCTU", "02/01/2027", "Lý Thị Tám", "1953", "Phan Rí",
            "15/02/2027", "Có hồ sơ tàng thư"))  # theirs: the same


@pytest.fixture
def db(both_engines_cli, tmp_path):
    cli = both_engines_cli
    rows = [[number, sent, name, None, "1970", "Nam", "Hàm Tiến", None, None, None, None, "Bản thân", None, purpose,
             recipient, answered, result, None]
            for number, sent, name, purpose, recipient, answered, result in SLIPS]
    assert cli("import", "slips", workbook(tmp_path / "phieu.xlsx", SAMPLES["slips"][0], rows))[0] == 0
    trip = ["200-QĐ/TU", "15/12/2026", "Đoàn công tác cuối năm", "Hàn Quốc", "Công tác", "30/12/2026", "03/01/2027",
            None, "Bùi Thị Hương", "02/02/1975", "Đức Linh", None, "Giám đốc", "Sở Ngoại vụ", "Trưởng đoàn"]
    assert cli("import", "delegations", workbook(tmp_path / "doan.xlsx", SAMPLES["delegations"][0], [trip]))[0] == 0
    letters = [["20/12/2026", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Tố cáo cuối năm", "10/01/2027", None, None],
               ["28/12/2026", "Trần Văn Lộc", "Kiến nghị", None, "Kiến nghị cuối năm", None, "04/01/2027",
                "Đã trả lời"]]
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", SAMPLES["complaints"][0], letters))[0] == 0
    research = workbook(tmp_path / "tang_thu.xlsx", SAMPLES["archive-requests"][0], [list(row) for row in ARCHIVE])
    assert cli("import", "archive-requests", research)[0] == 0
    database = vault.unlock(cli.db, ADMIN, PASSWORD, clock=FakeClock(MADE_ON))
    with database.read() as connection:
        case = connection.execute(select(vetting_cases.c.id).join(persons)
                                  .where(persons.c.full_name == "Trần Văn Hai")).scalar_one()
    cases.record_conclusion(database, case, {"conclusion_no": "01-KL/BTCTU", "signer": "Trần Văn Ban",
                                             "concluded_on": "05/01/2027", "result": "Đủ tiêu chuẩn"})
    yield database
    database.close()


def test_the_year_2026_made_on_05_01_2027_counts_january_s_replies_and_conclusions_as_not_yet_done(db):
    figures = report.figures(db, *YEAR)
    assert {key: figures[key] for key in (
        "slips_issued", "slips_answered", "slips_overdue", "vetting_cases_opened", "vetting_cases_concluded",
        "delegations", "cadres_sent_abroad", "complaints_received", "complaints_resolved")} == {
        "slips_issued": 3, "slips_answered": 0, "slips_overdue": 1,  # 38/PXM only, as it stood on 31/12
        "vetting_cases_opened": 3, "vetting_cases_concluded": 0,
        "delegations": 1, "cadres_sent_abroad": 1,  # decided on 15/12/2026, whenever it came back
        "complaints_received": 2, "complaints_resolved": 0}


def test_the_year_2026_s_appendix_1_and_archive_records_leave_out_a_reply_of_january(db):
    """40/PXM's reply of 04/01/2027 found an archive record: not in 2026's report, by recipient nor as a record
    found, as it is not among the slips answered."""
    figures = report.figures(db, *YEAR)
    assert figures["slips_answered_by_recipient"] == {A93: 0, DONG_NAI: 0}
    assert (figures["slips_with_archive_record"], figures["slip_subjects_with_archive_record"]) == (0, 0)


def test_the_first_quarter_of_2027_made_on_05_01_counts_by_recipient_and_as_found_only_the_replies_dated_by_then(db):
    """1/PXM's reply is written as of 20/01/2027, after the day the report is made: among the slips answered by
    the quarter's end (the spec's slips_answered) and told apart as dated ahead, but neither received by its
    recipient in Phụ lục 1 nor a record found, as «Đến ngày 05/01/2027 đã nhận kết quả» does not count it."""
    figures = report.figures(db, *Q1_2027)
    assert (figures["slips_answered"], figures["slips_answered_ahead"]) == (1, 1)
    assert figures["slips_answered_by_recipient"] == {DONG_NAI: 0}
    assert (figures["slips_with_archive_record"], figures["slip_subjects_with_archive_record"]) == (0, 0)


def test_the_first_quarter_of_2027_made_on_05_01_counts_as_answered_and_found_only_archive_replies_dated_by_then(db):
    """The replies to Đồng Nai of 04/01 and of 25/01/2027 and Hồ Chí Minh City's of 15/02/2027 all found a record:
    each is answered by the quarter's end, but only that of 04/01 was sent by the day the report is made; those
    dated after it are told apart, as the slips' are, and are no record found in Phụ lục 4."""
    figures = report.figures(db, *Q1_2027)
    for key, counts in (("archive_research_for_other_provinces", (2, 2, 1, 1)),
                        ("archive_research_requested_from_other_provinces", (1, 1, 1, 0))):
        assert (figures[key], figures[f"{key}_answered"], figures[f"{key}_answered_ahead"],
                figures[f"{key}_with_record"]) == counts


def test_the_first_quarter_of_2027_made_on_05_01_tells_apart_the_carried_over_replies_dated_after_it(db):
    """40/PXM of 28/12/2026 was answered on 04/01/2027, 39/PXM of 20/12/2026 is written as answered on 12/01/2027,
    and so is our reply to Đồng Nai's request of 28/12/2026: all three carried over into the quarter and answered by
    its end, but the two written as of after 05/01/2027, the day the report is made, told apart as the period's
    own replies are (ahead: «trong kỳ đã nhận kết quả» counts those received by that day)."""
    figures = report.figures(db, *Q1_2027)
    assert (figures["slips_carried_over"], figures["slips_carried_over_answered"],
            figures["slips_carried_over_answered_ahead"]) == (3, 2, 1)
    key = "archive_research_for_other_provinces_carried_over"
    assert (figures[key], figures[f"{key}_answered"], figures[f"{key}_answered_ahead"]) == (1, 1, 1)
    key = "archive_research_requested_from_other_provinces_carried_over"
    assert (figures[key], figures[f"{key}_answered"], figures[f"{key}_answered_ahead"]) == (0, 0, 0)


@pytest.mark.parametrize("period", [H1, NINE], ids=["6 tháng", "9 tháng"])
def test_the_six_and_nine_months_of_2026_hold_nothing_of_its_last_weeks(db, period):
    figures = report.figures(db, *period)
    assert (figures["slips_issued"], figures["delegations"], figures["complaints_received"]) == (0, 0, 0)


def test_the_first_quarter_of_2027_takes_over_what_2026_left_open(db):
    figures = report.figures(db, *Q1_2027)
    assert {key: figures[key] for key in (
        "slips_issued", "slips_carried_over", "slips_carried_over_answered", "vetting_cases_opened",
        "vetting_cases_concluded", "delegations", "complaints_received", "complaints_carried_over",
        "complaints_carried_over_resolved", "slips_overdue")} == {
        "slips_issued": 1, "slips_carried_over": 3, "slips_carried_over_answered": 2,
        "vetting_cases_opened": 1, "vetting_cases_concluded": 1,  # 2026's case concluded on 05/01/2027
        "delegations": 0, "complaints_received": 0, "complaints_carried_over": 2, "complaints_carried_over_resolved": 1,
        "slips_overdue": 0}  # 1/PXM of 02/01/2027 is not due until February


def test_a_report_dated_before_the_day_it_is_made_counts_the_replies_received_by_its_own_date(db):
    """A report of the first quarter of 2027 dated 03/01/2027, drafted on 05/01: 40/PXM's reply and ours to Đồng
    Nai's request, both of 04/01/2027, came after the day it names, and are told apart as dated ahead of it (its
    «Đến ngày 03/01/2027 đã nhận kết quả» does not count them), not counted as received by the computer's date."""
    figures = report.count(db, *Q1_2027, on=dt.date(2027, 1, 3))
    assert (figures["slips_carried_over_answered"], figures["slips_carried_over_answered_ahead"]) == (2, 2)
    key = "archive_research_for_other_provinces"
    assert (figures[f"{key}_answered"], figures[f"{key}_answered_ahead"], figures[f"{key}_with_record"]) == (2, 2, 0)


def test_a_report_made_as_midnight_strikes_carries_the_figures_of_the_day_it_is_dated(db, monkeypatch):
    """The draft of the first quarter of 2027 is begun at 23:59:59 on 03/01/2027 and midnight strikes once its
    figures are counted: the day it names and the day its replies are counted to are one (40/PXM's reply and ours
    to Đồng Nai, both of 04/01, received by it or dated after it, never both)."""
    db.clock.now = dt.datetime(2027, 1, 3, 23, 59, 59)
    counting = report.count

    def count_then_midnight(*args, **kwargs):
        counted = counting(*args, **kwargs)
        db.clock.advance(seconds=1)
        return counted

    monkeypatch.setattr(report, "count", count_then_midnight)
    writer = render.report_writer("pdf", None, render.Options(profile.load()))
    written = []
    monkeypatch.setattr(writer, "write", written.append)
    made = documents_data.report_document(db, *Q1_2027, None, "kết quả công tác", writer)
    source, _options = render.thawed(written[0])
    assert source.on == made.on
    assert source.figures == counting(db, *Q1_2027, on=made.on)
