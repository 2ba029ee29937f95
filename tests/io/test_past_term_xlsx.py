"""The list past its thời hạn bảo quản as a workbook for the council: a sheet a part, its headers, the
Vietnamese text exactly as shown, dates as date cells (dd/mm/yyyy)."""

import datetime as dt

import openpyxl

from bvct_desktop.core import numbering, outgoing, retention
from bvct_desktop.core.issued_terms import Listing
from bvct_desktop.core.party_terms import Term
from bvct_desktop.core.past_term import DOCUMENT_HEADERS, DOSSIER_HEADERS, PastTerm
from bvct_desktop.core.personfile import cases
from bvct_desktop.io.past_term_xlsx import write_past_term

D = dt.date
DOSSIER = cases.PastTerm(7, "Nguyễn Thị Ngọc Hưởng", "Bổ nhiệm", "0472-CV/BTCTU", D(2005, 12, 31),
                         retention.kept(retention.DOSSIER, D(2005, 12, 31)))
REPORT = outgoing.Issued(3, 12, "BC", "BTCTU", D(2020, 1, 8), outgoing.REPORT, "kết quả công tác quý IV/2019",
                         "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN Trần Văn Ban", "Lưu Văn phòng Ban", numbering.ISSUED,
                         retention.kept(retention.QUARTER_MONTH_REPORT, D(2020, 1, 8)))
DOCUMENTS = Listing([REPORT], [Term(D(2015, 10, 1), D(2020, 10, 9))])


def test_each_part_is_a_sheet_with_its_rows_as_shown(tmp_path):
    target = tmp_path / "het-han.xlsx"
    write_past_term(PastTerm(D(2026, 1, 2), [DOSSIER], DOCUMENTS), target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Hồ sơ thẩm tra", "Văn bản đã phát hành"]
    dossiers, documents = (list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets)
    assert dossiers == [DOSSIER_HEADERS, ("Nguyễn Thị Ngọc Hưởng", "Bổ nhiệm", "0472-CV/BTCTU",
                                          dt.datetime(2005, 12, 31), "20 năm, hết hạn năm 2025")]
    assert documents == [DOCUMENT_HEADERS, ("12-BC/BTCTU", dt.datetime(2020, 1, 8), "2015–2020", "Báo cáo",
                                            "kết quả công tác quý IV/2019", "5 năm, hết hạn năm 2025")]
    assert book.worksheets[0]["D2"].number_format == "DD/MM/YYYY"


def test_a_part_with_nothing_past_its_term_is_its_headers_alone(tmp_path):
    target = tmp_path / "het-han.xlsx"
    write_past_term(PastTerm(D(2026, 1, 2), [], DOCUMENTS), target)
    assert list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True)) == [DOSSIER_HEADERS]
