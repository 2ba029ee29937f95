"""Content for the document tests: the office's default settings, one slip, report figures."""

import datetime as dt

import pytest

from bvct_desktop.core import settings
from bvct_desktop.core.settings import SETTINGS
from bvct_desktop.io.documents import profile, render
from bvct_desktop.io.documents.report_content import ReportSource


@pytest.fixture
def office() -> dict[str, str]:
    values = {setting.key: setting.default for setting in SETTINGS}
    values["nguoi_ky"] = "Nguyễn Văn Hòa"
    return values


@pytest.fixture
def options() -> render.Options:
    return render.Options(profile.load())


@pytest.fixture
def history(office) -> settings.History:
    """The office settings as documents read them (with their history): one value each."""
    return settings.History([(key, None, value) for key, value in office.items()])


NOTES = {"Ưu điểm": "Phối hợp chặt chẽ với Công an tỉnh.\nTra cứu kịp thời phục vụ bầu cử.",
         "Hạn chế, khuyết điểm": "Một số phiếu trả lời chậm.",
         "Phương hướng, nhiệm vụ": "Tiếp tục thẩm định tiêu chuẩn chính trị nhân sự cấp ủy."}


@pytest.fixture
def notes() -> dict[str, str]:
    return dict(NOTES)


@pytest.fixture
def source(figures, office, notes) -> ReportSource:
    """The report issued as Số 12 on 03/7/2025, every part written."""
    return ReportSource(figures, office, notes, 12, dt.date(2025, 7, 3))


@pytest.fixture
def slip() -> dict:
    return dict(SLIP)


SLIP = {"id": 1, "number": "12/PXM", "issued_on": dt.date(2025, 1, 5), "full_name": "Phạm Văn Bình",
            "other_names": "Út", "birth_date": "1950", "gender": "Nam", "home_town": "xã Hàm Tiến, tỉnh Bình Thuận",
            "residence": "phường Mũi Né", "father_name": "Phạm Văn Tư", "mother_name": None,
            "spouse_name": "Võ Thị Sáu", "relation": "Cha", "vetted_name": "Phạm Minh Quang",
            "purpose": "Kết nạp Đảng", "recipient": "Cục A93B – Bộ Công an", "result_on": None, "result": None,
            "note": None, "birth_place": "xã Hàm Tiến, tỉnh Bình Thuận", "ethnicity": "Kinh",
            "religion": "Không", "cccd": None, "cmnd": "260123456", "father_birth_date": "1920",
            "mother_birth_date": None, "spouse_birth_date": "1952", "work_before_1975": "Thư ký",
            "place_before_1975": "Chi khu Hàm Thuận"}


@pytest.fixture
def figures() -> dict:
    return dict(FIGURES)


FIGURES = {
        "from": "2025-01-01", "to": "2025-06-30",
        "vetting_cases_opened": 3, "vetting_cases_concluded": 4,
        "vetting_cases_by_purpose": {"Bầu cử": 1, "Bổ nhiệm": 1, "Quy hoạch": 1},
        "vetting_conclusions_by_result": {"Đủ tiêu chuẩn": 3, "Có vấn đề nhưng không vi phạm": 1},
        "slips_issued": 1250, "slip_subjects": 480, "slips_answered": 1100, "slips_with_archive_record": 37,
        "slip_subjects_with_archive_record": 30,
        "slips_answered_ahead": 0, "slips_with_undated_result": 0, "slips_without_result": 150, "slips_overdue": 0,
        "slips_by_recipient": {"Cục A93B – Bộ Công an": 700, "Phòng PV27 – Công an tỉnh Bình Thuận": 430,
                               "Phòng PV01 – Công an tỉnh Đồng Nai": 70, "Phòng PV01 – Công an tỉnh Khánh Hòa": 50},
        "slips_by_recipient_group": {
            "Bộ Công an": {"Cục A93B – Bộ Công an": 700},
            "Công an tỉnh": {"Phòng PV27 – Công an tỉnh Bình Thuận": 430},
            "Công an các tỉnh, thành phố khác": {"Phòng PV01 – Công an tỉnh Đồng Nai": 70,
                                                 "Phòng PV01 – Công an tỉnh Khánh Hòa": 50}},
        "slips_answered_by_recipient": {"Cục A93B – Bộ Công an": 650, "Phòng PV27 – Công an tỉnh Bình Thuận": 400,
                                        "Phòng PV01 – Công an tỉnh Đồng Nai": 30,
                                        "Phòng PV01 – Công an tỉnh Khánh Hòa": 20},
        "slips_by_purpose": {"Kết nạp Đảng": 1000, "Bổ nhiệm": 250},
        "delegations": 6, "cadres_sent_abroad": 27,
        "delegations_by_purpose": {"Công tác": 3, "Học tập kinh nghiệm": 2, "Tham quan": 1},
        "cadres_sent_abroad_by_purpose": {"Công tác": 15, "Học tập kinh nghiệm": 8, "Tham quan": 4},
        "archive_research_for_other_provinces": 12, "archive_research_requested_from_other_provinces": 5,
        "archive_research_for_other_provinces_answered": 10,
        "archive_research_requested_from_other_provinces_answered": 3,
        "archive_research_for_other_provinces_answered_ahead": 0,
        "archive_research_requested_from_other_provinces_answered_ahead": 0,
        "archive_research_for_other_provinces_with_record": 4,
        "archive_research_requested_from_other_provinces_with_record": 1,
        "complaints_received": 15, "complaints_resolved": 12,
        "complaints_carried_over": 0, "complaints_carried_over_resolved": 0,
        "complaints_anonymous": 0, "complaints_forwarded": 0, "complaints_forwarded_unresolved": 0,
        "slips_carried_over": 0, "slips_carried_over_answered": 0, "slips_carried_over_answered_ahead": 0,
        "archive_research_for_other_provinces_carried_over": 0,
        "archive_research_for_other_provinces_carried_over_answered": 0,
        "archive_research_for_other_provinces_carried_over_answered_ahead": 0,
        "archive_research_requested_from_other_provinces_carried_over": 0,
        "archive_research_requested_from_other_provinces_carried_over_answered": 0,
        "archive_research_requested_from_other_provinces_carried_over_answered_ahead": 0,
        "complaints_by_kind": {"Tố cáo": 5, "Khiếu nại": 4, "Phản ánh": 4, "Kiến nghị": 2},
        "complaints_resolved_by_kind": {"Tố cáo": 4, "Khiếu nại": 4, "Phản ánh": 3, "Kiến nghị": 1},
    }


# Signer's titles too long for one line in the signer's column (settings allow 255 characters)
TITLE_70 = "PHÓ TRƯỞNG BAN THƯỜNG TRỰC, KIÊM CHÁNH VĂN PHÒNG BAN TỔ CHỨC THÀNH ỦY"
TITLE_150 = ("PHÓ TRƯỞNG BAN THƯỜNG TRỰC, KIÊM CHÁNH VĂN PHÒNG BAN TỔ CHỨC TỈNH ỦY, TRƯỞNG TIỂU BAN BẢO VỆ "
             "CHÍNH TRỊ NỘI BỘ, TỔ TRƯỞNG TỔ THẨM TRA CHÍNH TRỊ CÁN BỘ")

TRIP = {"decision_no": "125-QĐ/TU", "decision_on": dt.date(2026, 3, 2), "name": "Đoàn công tác Sở Nội vụ",
        "countries": "Nhật Bản", "purpose": "Công tác", "depart_on": dt.date(2026, 4, 1),
        "return_on": dt.date(2026, 4, 8),
        "members": [{"full_name": "Bùi Thị Hương", "birth_date": "1975-02-02", "position": "Giám đốc",
                     "unit": "Sở Ngoại vụ", "role": "Trưởng đoàn"}]}
