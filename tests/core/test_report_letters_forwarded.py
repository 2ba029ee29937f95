"""The report's letters forwarded to the body competent for them (chuyển đơn) and its anonymous letters (đơn nặc
danh), counted by hand over a small month: a letter forwarded and not resolved is no longer the office's to
resolve, yet `complaints_resolved` keeps the spec's meaning (a «Ngày giải quyết» by the period's end)."""

import datetime as dt

import pytest

from bvct_desktop.core import importing, report
from bvct_desktop.core.kinds import COMPLAINTS
from tests.rows_sheet import rows_sheet
from tests.sample_db import sample_database

HEADERS = ["Ngày nhận", "Người gửi", "Loại đơn", "Nội dung tóm tắt", "Ngày giải quyết", "Chuyển đến", "Ngày chuyển"]
UBKT = "Ủy ban Kiểm tra Tỉnh ủy"
OCTOBER = (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
LETTERS = [
    # received in October
    ["02/10/2025", "Nặc danh", "Tố cáo", "A: nặc danh, chuyển trong kỳ, chưa giải quyết", None, UBKT, "10/10/2025"],
    ["05/10/2025", "Trần Văn Bảy", "Khiếu nại", "B: đã giải quyết", "20/10/2025", None, None],
    ["06/10/2025", "nặc danh", "Phản ánh", "C: nặc danh, chuyển rồi giải quyết", "25/10/2025", UBKT, "12/10/2025"],
    ["20/10/2025", "Nguyễn Văn An", "Kiến nghị", "E: đang giải quyết", None, None, None],
    ["28/10/2025", "Lê Văn Tám", "Kiến nghị", "G: chuyển sau kỳ", None, UBKT, "02/11/2025"],
    # carried over from September
    ["15/09/2025", "Lê Thị Lan", "Tố cáo", "D: chuyển trong kỳ, chưa giải quyết", None, UBKT, "03/10/2025"],
    ["10/09/2025", "Nặc danh", "Tố cáo", "F: chuyển kỳ trước, chưa giải quyết", None, UBKT, "20/09/2025"],
    ["11/09/2025", "Phạm Văn Năm", "Tố cáo", "H: giải quyết kỳ trước", "30/09/2025", None, None],
]


@pytest.fixture
def figures(cli, tmp_path):
    db = sample_database(cli, tmp_path, kinds=("cadres",))
    result = importing.import_sheet(db, COMPLAINTS, rows_sheet([HEADERS, *LETTERS]))
    assert result.ok, result.problems
    yield report.figures(db, *OCTOBER)
    db.close()


def test_the_letters_of_a_month_counted_by_hand(figures):
    assert {key: figures[key] for key in (
        "complaints_received", "complaints_resolved", "complaints_carried_over", "complaints_carried_over_resolved",
        "complaints_anonymous", "complaints_forwarded", "complaints_forwarded_unresolved")} == {
        "complaints_received": 5,  # A B C E G
        "complaints_resolved": 2,  # B C: C was forwarded, then resolved
        "complaints_carried_over": 2, "complaints_carried_over_resolved": 0,  # D F (H was resolved in September)
        "complaints_anonymous": 2,  # A C, received in October («nặc danh» as written); F in September
        "complaints_forwarded": 3,  # A C D forwarded in October; F before it, G after it
        "complaints_forwarded_unresolved": 3,  # A D F: with the competent body, unresolved on 31/10
    }
