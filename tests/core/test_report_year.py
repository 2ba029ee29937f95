"""A small office's year counted as its chief checks the 6-month, 9-month and annual reports: every
figure written here by hand from the records entered, periods' edges included (a slip sent on 31/12
of the year before and answered in January, one sent on 30/06 and answered on 01/07)."""

import datetime as dt
import functools
import json

import pytest
from sqlalchemy import select

from bvct_desktop.core import vault
from bvct_desktop.core.personfile import cases
from bvct_desktop.core.schema import persons, vetting_cases
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.samples import SAMPLES

MADE_ON = dt.datetime(2027, 1, 5, 8, 0)
H1, NINE_MONTHS, YEAR = ("2026-01-01", "2026-06-30"), ("2026-01-01", "2026-09-30"), ("2026-01-01", "2026-12-31")
Q3 = ("2026-07-01", "2026-09-30")
A93, PV27, DONG_NAI = "Cục A93B – Bộ Công an", "Phòng PV27 – Công an tỉnh Bình Thuận", "Công an tỉnh Đồng Nai"
# number, sent, person (name, birth), purpose, recipient, answered, result
SLIPS = (
    ("120/PXM", "15/12/2025", ("Võ Văn Lâm", "1960"), "Bổ nhiệm", A93, "10/01/2026", "Không có tàng thư"),
    ("121/PXM", "31/12/2025", ("Đặng Thị Thu", "1972"), "Quy hoạch", PV27, "20/01/2026", "Không có tàng thư"),
    ("122/PXM", "31/12/2025", ("Hồ Văn Sơn", "1958"), "Quy hoạch", PV27, None, None),
    ("1/PXM", "02/01/2026", ("Phan Văn Tài", "1990"), "Kết nạp Đảng", PV27, "20/02/2026", "Không có tàng thư"),
    ("2/PXM", "30/06/2026", ("Phan Văn Tài", "1990"), "Bổ nhiệm", A93, "01/07/2026", "Có tàng thư"),
    ("3/PXM", "01/07/2026", ("Lý Thị Hạnh", "1985"), "Bầu cử", DONG_NAI, "30/09/2026", "Không có tàng thư"),
    ("4/PXM", "15/09/2026", ("Mai Văn Nam", "1979"), "Bầu cử", A93, None, None),
    ("5/PXM", "01/10/2026", ("Tô Thị Lan", "1988"), "Đi nước ngoài", PV27, "31/12/2026", "Không có tàng thư"),
    ("6/PXM", "31/12/2026", ("Cao Văn Phú", "1969"), "Bổ nhiệm", A93, "05/01/2027", "Không có tàng thư"),
)
NINE_MONTHS_FIGURES = {
    "slips_issued": 4, "slip_subjects": 3, "slips_answered": 3,
    "slips_by_recipient": {A93: 2, DONG_NAI: 1, PV27: 1},
    "slips_by_purpose": {"Bầu cử": 2, "Bổ nhiệm": 1, "Kết nạp Đảng": 1},
    "slips_answered_by_recipient": {A93: 1, DONG_NAI: 1, PV27: 1},
    "slips_carried_over": 3, "slips_carried_over_answered": 2,
    "vetting_cases_opened": 4, "vetting_cases_concluded": 2,
    "slips_without_result": 1,
    "delegations": 2, "cadres_sent_abroad": 3,
    "cadres_sent_abroad_by_purpose": {"Học tập kinh nghiệm": 2, "Công tác": 1},
    "archive_research_for_other_provinces": 1, "archive_research_requested_from_other_provinces": 1,
    "archive_research_requested_from_other_provinces_carried_over": 1,
    "archive_research_requested_from_other_provinces_carried_over_answered": 1,
    "complaints_received": 1, "complaints_resolved": 0, "complaints_resolved_by_kind": {"Kiến nghị": 0},
    "complaints_carried_over": 1, "complaints_carried_over_resolved": 1,
}
EXPECTED = {
    H1: {"slips_issued": 2, "slip_subjects": 1, "slips_answered": 1,
         "slips_by_recipient": {A93: 1, PV27: 1}, "slips_by_purpose": {"Bổ nhiệm": 1, "Kết nạp Đảng": 1},
         "slips_answered_by_recipient": {A93: 0, PV27: 1},  # A93's of 30/06 answered on 01/07
         "slips_carried_over": 3, "slips_carried_over_answered": 2,
         "vetting_cases_opened": 2, "vetting_cases_concluded": 1,
         "slips_without_result": 1,
         "delegations": 1, "cadres_sent_abroad": 2, "cadres_sent_abroad_by_purpose": {"Học tập kinh nghiệm": 2},
         "archive_research_for_other_provinces": 1, "archive_research_requested_from_other_provinces": 0,
         "archive_research_for_other_provinces_carried_over": 0,
         "archive_research_for_other_provinces_carried_over_answered": 0,
         "archive_research_requested_from_other_provinces_carried_over": 1,
         "archive_research_requested_from_other_provinces_carried_over_answered": 1,
         "complaints_received": 1, "complaints_resolved": 0, "complaints_resolved_by_kind": {"Kiến nghị": 0},
         "complaints_carried_over": 1, "complaints_carried_over_resolved": 1},
    NINE_MONTHS: NINE_MONTHS_FIGURES,
    YEAR: {**NINE_MONTHS_FIGURES,  # and what the last quarter changed
           "slips_issued": 6, "slip_subjects": 5, "slips_answered": 4,
           "slips_by_recipient": {A93: 3, PV27: 2, DONG_NAI: 1},
           "slips_by_purpose": {"Bầu cử": 2, "Bổ nhiệm": 2, "Đi nước ngoài": 1, "Kết nạp Đảng": 1},
           "slips_answered_by_recipient": {A93: 1, PV27: 2, DONG_NAI: 1},  # A93's of 31/12 answered in 2027
           "vetting_cases_opened": 6, "vetting_cases_concluded": 3,
           "slips_without_result": 2,  # 4/PXM, and 6/PXM answered in 2027
           "complaints_resolved": 1, "complaints_resolved_by_kind": {"Kiến nghị": 1}},
    # the request to help Đồng Nai of 30/06 answered on 15/07: the third quarter's work, though dated before
    Q3: {"archive_research_for_other_provinces": 0, "archive_research_requested_from_other_provinces": 1,
         "archive_research_for_other_provinces_carried_over": 1,
         "archive_research_for_other_provinces_carried_over_answered": 1,
         "archive_research_requested_from_other_provinces_carried_over": 0,
         "archive_research_requested_from_other_provinces_carried_over_answered": 0},
}


@pytest.fixture
def cli(both_engines_cli, monkeypatch):
    """`bvct` as the chief runs it on MADE_ON, the year over: whatever the computer's date, no reply of the year
    is dated after the day its report counts to."""
    monkeypatch.setattr(vault, "unlock", functools.partial(vault.unlock, clock=lambda: MADE_ON))
    return both_engines_cli


def enter_the_office_s_year(cli, tmp_path) -> None:
    """The slips above; two delegations (one decided on 31/12/2025, going in January: last year's);
    archive research both ways (one asked on 20/12/2025, answered in January); letters, one received on
    31/12/2025; the vetting cases the slips opened, concluded across the periods' edges."""
    headers = SAMPLES["slips"][0]
    rows = [[number, sent, name, None, born, "Nam", "Hàm Tiến", None, None, None, None, "Bản thân", None,
             purpose, recipient, answered, result, None]
            for number, sent, (name, born), purpose, recipient, answered, result in SLIPS]
    assert cli("import", "slips", workbook(tmp_path / "phieu.xlsx", headers, rows))[0] == 0
    headers = SAMPLES["delegations"][0]
    member = ["Giám đốc", "Sở Ngoại vụ"]
    rows = [["300-QĐ/TU", "31/12/2025", "Đoàn xúc tiến đầu tư", "Nhật Bản", "Công tác", "10/01/2026", "15/01/2026",
             None, "Bùi Thị Hương", "02/02/1975", "Đức Linh", None, *member, "Trưởng đoàn"],
            ["12-QĐ/TU", "30/06/2026", "Đoàn học tập chuyển đổi số", "Hàn Quốc", "Học tập kinh nghiệm",
             "10/07/2026", "20/07/2026", None, "Bùi Thị Hương", "02/02/1975", "Đức Linh", None, *member,
             "Trưởng đoàn"],
            ["12-QĐ/TU", "30/06/2026", "Đoàn học tập chuyển đổi số", "Hàn Quốc", "Học tập kinh nghiệm",
             "10/07/2026", "20/07/2026", None, "Đỗ Quang Vinh", "1982", None, None, "Chuyên viên", "Sở Ngoại vụ",
             "Thành viên"],
            ["30-QĐ/TU", "01/07/2026", "Đoàn công tác Sở Du lịch", "Pháp", "Công tác", "01/08/2026", "10/08/2026",
             None, "Lê Hoàng Đức", "07/1980", "La Gi", None, "Trưởng phòng", "Sở Du lịch", "Trưởng đoàn"]]
    assert cli("import", "delegations", workbook(tmp_path / "doan.xlsx", headers, rows))[0] == 0
    headers = SAMPLES["archive-requests"][0]
    rows = [["Nghiên cứu giúp tỉnh bạn", "Đồng Nai", "45-CV/BTCTU", "30/06/2026", "Huỳnh Văn Tám", "1948",
             "Tánh Linh", "15/07/2026", "Không có tài liệu"],
            ["Nhờ tỉnh bạn nghiên cứu", "TP Hồ Chí Minh", None, "01/07/2026", "Ngô Thị Mai", "05/1952",
             "Phan Rí Cửa", None, None],
            ["Nhờ tỉnh bạn nghiên cứu", "TP Hồ Chí Minh", "80-CV/BTCTU", "20/12/2025", "Trương Văn Bảy", "1950",
             "Hàm Tân", "10/01/2026", "Không có tài liệu"]]
    assert cli("import", "archive-requests", workbook(tmp_path / "tang_thu.xlsx", headers, rows))[0] == 0
    headers = SAMPLES["complaints"][0]
    rows = [["31/12/2025", "Nặc danh", "Tố cáo", "Nguyễn Văn Hùng", "Tố cáo kê khai lý lịch", None, "15/01/2026",
             "Không có cơ sở"],
            ["30/06/2026", "Trần Văn Lộc", "Kiến nghị", None, "Đề nghị xem xét lại kết luận", None, "10/10/2026",
             "Đã trả lời"],
            ["01/01/2027", "Lê Văn Tám", "Khiếu nại", None, "Khiếu nại quyết định", None, None, None]]
    assert cli("import", "complaints", workbook(tmp_path / "don.xlsx", headers, rows))[0] == 0
    db = vault.unlock(cli.db, ADMIN, PASSWORD)  # each slip opened its person's case for its purpose
    try:
        with db.read() as connection:
            opened = {(name, purpose): case for name, purpose, case in connection.execute(
                select(persons.c.full_name, vetting_cases.c.purpose, vetting_cases.c.id).join(persons))}
        for name, purpose, concluded_on in (("Võ Văn Lâm", "Bổ nhiệm", "05/01/2026"),
                                            ("Phan Văn Tài", "Bổ nhiệm", "01/07/2026"),
                                            ("Lý Thị Hạnh", "Bầu cử", "31/12/2026")):
            cases.record_conclusion(db, opened[name, purpose], {
                "conclusion_no": "472-CV/BTCTU", "signer": "Trần Văn Ban", "concluded_on": concluded_on,
                "result": "Đủ tiêu chuẩn"})
    finally:
        db.close()


@pytest.mark.parametrize("period", EXPECTED, ids=["6 tháng", "9 tháng", "năm", "quý III"])
def test_each_figure_of_the_office_s_year_as_counted_by_hand(cli, tmp_path, period):
    enter_the_office_s_year(cli, tmp_path)
    code, out, _ = cli("report", "--from", period[0], "--to", period[1], "--format", "json", "--out", "-")
    assert code == 0
    figures = json.loads(out)
    assert (figures["from"], figures["to"]) == period
    assert {key: figures[key] for key in EXPECTED[period]} == EXPECTED[period]
