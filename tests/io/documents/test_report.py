"""The periodic report in its three formats: written as the office writes it, the same figures in
Vietnamese number format, the regulation of its period, the officer's parts, HD 36 layout."""

import dataclasses
import datetime as dt
import re
import zipfile

import docx
import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter

from bvct_desktop.core import report_notes
from bvct_desktop.core.kinds import SLIP_PURPOSES, SLIPS
from bvct_desktop.core.numbers import grouped
from bvct_desktop.core.overview import REPORT_LABELS
from bvct_desktop.io.documents import fonts, layout, pdf, render, report_content, workbook
from bvct_desktop.io.documents.report_content import ReportSource
from bvct_desktop.io.documents.workbook import VIETNAMESE_COUNT

from . import pdfcheck, test_lists

PERIOD_NAMES = (
    # the halves, nine months, the year and any other run of days
    ((2025, 1, 1), (2025, 6, 30), "6 tháng đầu năm 2025"),
    ((2025, 1, 1), (2025, 9, 30), "9 tháng đầu năm 2025"),
    ((2025, 1, 1), (2025, 12, 31), "năm 2025"),
    ((2025, 3, 1), (2025, 5, 31), "từ ngày 01/03/2025 đến ngày 31/05/2025"),
    # a quarter and the second half of a year, as reports name them
    ((2026, 1, 1), (2026, 3, 31), "quý I năm 2026"),
    ((2026, 4, 1), (2026, 6, 30), "quý II năm 2026"),
    ((2026, 7, 1), (2026, 9, 30), "quý III năm 2026"),
    ((2026, 10, 1), (2026, 12, 31), "quý IV năm 2026"),
    ((2026, 7, 1), (2026, 12, 31), "6 tháng cuối năm 2026"),
    ((2026, 4, 1), (2026, 9, 30), "từ ngày 01/04/2026 đến ngày 30/09/2026"),
    # the Party's reporting year, from 15/12 to 14/12, named by the year it ends in
    ((2025, 12, 15), (2026, 12, 14), "năm 2026"),
    ((2025, 12, 15), (2026, 6, 14), "6 tháng đầu năm 2026"),
    ((2025, 12, 15), (2026, 9, 14), "9 tháng đầu năm 2026"),
    ((2026, 12, 15), (2027, 12, 14), "năm 2027"),
    ((2025, 12, 15), (2027, 12, 14), "từ ngày 15/12/2025 đến ngày 14/12/2027"),
    ((2026, 12, 15), (2026, 12, 31), "từ ngày 15/12/2026 đến ngày 31/12/2026"),
)


@pytest.mark.parametrize(("start", "end", "named"), PERIOD_NAMES, ids=[named for *_, named in PERIOD_NAMES])
def test_a_period_is_named_as_reports_name_it(start, end, named):
    assert report_content.period_name(dt.date(*start), dt.date(*end)) == named


def test_a_reporting_years_report_issued_before_it_had_a_name_is_written_again_with_its_dates(source, options):
    year = dataclasses.replace(source, figures={**source.figures, "from": "2025-12-15", "to": "2026-12-14"})
    assert render.report_content(year, options).subject == "kết quả công tác bảo vệ chính trị nội bộ năm 2026"
    issued_before = render.report_content(dataclasses.replace(year, wording=13), options)
    assert issued_before.subject.endswith("từ ngày 15/12/2025 đến ngày 14/12/2026")


def test_a_quarters_report_issued_before_quarters_had_names_is_written_again_with_its_dates(source, options):
    quarter = dataclasses.replace(source, figures={**source.figures, "from": "2026-01-01", "to": "2026-03-31"})
    content = render.report_content(quarter, options)
    assert content.subject == "kết quả công tác bảo vệ chính trị nội bộ quý I năm 2026"
    assert content.intro.endswith("báo cáo kết quả công tác bảo vệ chính trị nội bộ quý I năm 2026 như sau:")
    issued_before = render.report_content(dataclasses.replace(quarter, wording=5), options)
    assert issued_before.subject.endswith("từ ngày 01/01/2026 đến ngày 31/03/2026")
    assert issued_before.intro.endswith("từ ngày 01/01/2026 đến ngày 31/03/2026 như sau:")


def text_of(source, options) -> str:
    content = render.report_content(source, options)
    return " ".join([content.intro, *(p.text for section in content.sections for p in section.paragraphs)])


def test_the_report_leads_with_the_vetting_by_purpose_and_groups_where_the_slips_went(source, options):
    text = text_of(source, options)
    assert ("phát hành 1.250 phiếu yêu cầu xác minh lai lịch đối với 480 người, trong đó phục vụ bổ nhiệm "
            "250 phiếu, kết nạp đảng viên mới 1.000 phiếu (Phụ lục 2)") in text
    assert ("Phiếu được gửi tới Cục A93B – Bộ Công an (700 phiếu), Phòng PV27 – Công an tỉnh Bình Thuận (430 phiếu) "
            "và Công an các tỉnh, thành phố khác (120 phiếu)") in text
    assert "Khánh Hòa" not in text and "Đồng Nai" not in text  # one group, not a list of every unit
    assert "đã nhận kết quả 1.100 phiếu (88,0%), còn 150 phiếu chưa có kết quả" in text
    assert "phát hiện 30 trường hợp có tài liệu lưu trữ (tàng thư) liên quan" in text
    assert ("Nghiên cứu tàng thư giúp tỉnh bạn 12 trường hợp, đã trả lời 10 trường hợp; đề nghị tỉnh bạn nghiên "
            "cứu tàng thư 5 trường hợp, đã nhận kết quả 3 trường hợp") in text
    assert ("Tham mưu Ban Thường vụ Tỉnh ủy cử 6 đoàn với 27 lượt cán bộ đi nước ngoài, trong đó: tham quan "
            "1 đoàn, công tác 3 đoàn, học tập kinh nghiệm 2 đoàn") in text
    assert "Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn)" in text


def test_where_the_slips_went_ends_its_counts_before_the_appendix_is_named_without_a_second_bracket(source, options):
    """«… khác (120 phiếu), chi tiết tại Phụ lục 1.», not «(120 phiếu) (chi tiết tại Phụ lục 1)»; a report
    issued before (wording 11) is written again as issued."""
    assert "thành phố khác (120 phiếu), chi tiết tại Phụ lục 1. Đến ngày" in text_of(source, options)
    issued_before = text_of(dataclasses.replace(source, wording=11), options)
    assert "thành phố khác (120 phiếu) (chi tiết tại Phụ lục 1). Đến ngày" in issued_before


def test_the_delegations_for_another_purpose_are_said_as_the_slips_are(source, options):
    """«… học tập kinh nghiệm 4 đoàn, các mục đích khác 3 đoàn», not «khác 3 đoàn»; a report issued before
    (wording 11) is written again as issued."""
    figures = {**source.figures, "delegations": 9, "delegations_by_purpose": {
        "Công tác": 3, "Học tập kinh nghiệm": 2, "Tham quan": 1, "Khác": 3}}
    said = text_of(dataclasses.replace(source, figures=figures), options)
    assert "học tập kinh nghiệm 2 đoàn, các mục đích khác 3 đoàn (Phụ lục 3)" in said
    issued_before = text_of(dataclasses.replace(source, figures=figures, wording=11), options)
    assert "học tập kinh nghiệm 2 đoàn, khác 3 đoàn (Phụ lục 3)" in issued_before


def test_the_places_on_delegations_are_not_said_to_be_of_one_management_class(source, options):
    """`cadres_sent_abroad` counts every member place, whoever manages the cadre (diện quản lý)."""
    assert "thuộc diện" not in text_of(source, options)


@pytest.mark.parametrize(("issuer", "superior", "named"), [
    ("BAN TỔ CHỨC", "TỈNH ỦY LÂM ĐỒNG", "Ban Tổ chức Tỉnh ủy"),
    ("BAN TỔ CHỨC TỈNH ỦY", "ĐẢNG BỘ TỈNH LÂM ĐỒNG", "Ban Tổ chức Tỉnh ủy"),
    ("BAN TỔ CHỨC TỈNH UỶ", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "Ban Tổ chức Tỉnh ủy"),
    ("BAN TỔ CHỨC", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Ban Tổ chức Đảng ủy"),
    ("BAN TỔ CHỨC THÀNH ỦY", "THÀNH ỦY ĐÀ LẠT", "Ban Tổ chức Thành ủy"),
    ("BAN TỔ CHỨC QUẬN ỦY", "QUẬN ỦY BÌNH THẠNH", "Ban Tổ chức Quận ủy"),
    ("BAN TỔ CHỨC TỈNH ỦY KIÊM CƠ QUAN ỦY BAN KIỂM TRA ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "TỈNH ỦY LÂM ĐỒNG",
     "Ban Tổ chức Tỉnh ủy kiêm cơ quan Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh"),
])
def test_the_body_names_the_issuer_once_with_its_committee(issuer, superior, named):
    """An office that typed its committee into its own name («BAN TỔ CHỨC TỈNH ỦY») is named once, the
    committee a name capitalised as Vietnamese writes it (HD 36: «Ủy ban Kiểm tra», «Đảng» the Party):
    never «Ban Tổ chức tỉnh ủy Đảng ủy», nor «cơ quan ủy» taken for «Quận ủy»."""
    assert report_content.issuer_name({"co_quan": issuer, "co_quan_cap_tren": superior}) == named


MERGED = "BAN TỔ CHỨC TỈNH ỦY KIÊM CƠ QUAN ỦY BAN KIỂM TRA ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"


def test_a_report_issued_before_the_issuer_was_named_by_its_accents_names_it_as_issued(source, options):
    """A report of wording 2 named a merged office «… kiêm cơ Quan ủy ban kiểm tra …»: signed so, it
    is written again so; one made today names it as HD 36 writes it."""
    office = {**source.office, "co_quan": MERGED}
    issued_before = dataclasses.replace(source, office=office, wording=2)
    assert "Ban Tổ chức Tỉnh ủy kiêm cơ Quan ủy ban kiểm tra Đảng ủy các cơ quan đảng tỉnh báo cáo" in text_of(
        issued_before, options)
    assert "Ban Tổ chức Tỉnh ủy kiêm cơ quan Ủy ban Kiểm tra Đảng ủy các cơ quan Đảng tỉnh báo cáo" in text_of(
        dataclasses.replace(source, office=office), options)


VETTED = ("Thẩm định, thẩm tra tiêu chuẩn chính trị 3 trường hợp (bầu cử 1 trường hợp, bổ nhiệm 1 trường hợp, "
          "quy hoạch 1 trường hợp); đã kết luận 4 trường hợp, trong đó 3 trường hợp đủ tiêu chuẩn chính trị, "
          "1 trường hợp có vấn đề nhưng không vi phạm.")


def test_the_vetting_section_opens_with_the_cases_vetted_by_purpose_and_their_conclusions(source, options):
    content = render.report_content(source, options)
    vetting = [paragraph.text for paragraph in content.sections[0].paragraphs[1:3]]
    assert vetting[0] == VETTED
    assert vetting[1].startswith("Trong kỳ, Ban Tổ chức Tỉnh ủy đã tham mưu thẩm tra, xác minh lai lịch")
    facts = {key: value for key, _label, value in content.facts}
    assert facts["vetting_cases_opened"] == 3 and facts["vetting_cases_concluded"] == 4


@pytest.mark.parametrize(("cases", "said"), [
    ({"vetting_cases_opened": 0, "vetting_cases_by_purpose": {}},
     "Trong kỳ không mở hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị mới; đã kết luận 4 trường hợp, trong đó "
     "3 trường hợp đủ tiêu chuẩn chính trị, 1 trường hợp có vấn đề nhưng không vi phạm."),
    ({"vetting_cases_opened": 2, "vetting_cases_by_purpose": {"Không ghi": 1, "Kết nạp Đảng": 1},
      "vetting_cases_concluded": 0, "vetting_conclusions_by_result": {}},
     "Thẩm định, thẩm tra tiêu chuẩn chính trị 2 trường hợp (kết nạp đảng viên mới 1 trường hợp, chưa ghi mục đích "
     "1 trường hợp); "
     "trong kỳ chưa kết luận trường hợp nào."),
    ({"vetting_cases_opened": 0, "vetting_cases_by_purpose": {}, "vetting_cases_concluded": 0,
      "vetting_conclusions_by_result": {}},
     "Trong kỳ không có hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị."),
])
def test_a_period_without_new_or_concluded_cases_says_so(source, options, cases, said):
    text = text_of(dataclasses.replace(source, figures={**source.figures, **cases}), options)
    assert said in text


def test_every_case_purpose_has_its_words_and_each_count_says_what_it_counts(source, options):
    """A case may be for what no slip is for; «vị trí trọng yếu, cơ mật» has a comma of its own."""
    cases = {"vetting_cases_opened": 4,
             "vetting_cases_by_purpose": {"Kết nạp Đảng": 1, "Vị trí trọng yếu, cơ mật": 2, "Cán bộ chủ chốt": 1}}
    text = text_of(dataclasses.replace(source, figures={**source.figures, **cases}), options)
    assert ("Thẩm định, thẩm tra tiêu chuẩn chính trị 4 trường hợp (cán bộ chủ chốt 1 trường hợp, làm việc ở vị "
            "trí trọng yếu, cơ mật 2 trường hợp, kết nạp đảng viên mới 1 trường hợp);") in text


def test_what_is_not_done_yet_is_said_so_not_counted_as_zero(source, options):
    none_yet = {"archive_research_for_other_provinces_answered": 0,
                "archive_research_requested_from_other_provinces_answered": 0, "complaints_resolved": 0}
    text = text_of(dataclasses.replace(source, figures={**source.figures, **none_yet}), options)
    assert ("Nghiên cứu tàng thư giúp tỉnh bạn 12 trường hợp, chưa trả lời trường hợp nào; đề nghị tỉnh bạn "
            "nghiên cứu tàng thư 5 trường hợp, chưa nhận kết quả trường hợp nào (Phụ lục 4).") in text
    assert "Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn); chưa giải quyết "\
           "đơn nào, đang giải quyết 15 đơn (Phụ lục 5)." in text
    all_done = {**source.figures, "complaints_resolved": 15}
    assert "; đã giải quyết 15 đơn (Phụ lục 5)." in text_of(dataclasses.replace(source, figures=all_done), options)


def test_letters_carried_over_from_the_period_before_are_reported_with_those_received(source, options):
    """The letters still open when the period starts are work of the period: said beside those
    received, among those resolved and in what is still being resolved."""
    carried = {**source.figures, "complaints_carried_over": 3, "complaints_carried_over_resolved": 2}
    text = text_of(dataclasses.replace(source, figures=carried), options)
    assert ("Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn) và 3 đơn kỳ "
            "trước chuyển sang; đã giải quyết 14 đơn, trong đó 2 đơn kỳ trước chuyển sang; đang giải quyết 4 đơn "
            "(Phụ lục 5).") in text
    appendix = render.report_content(dataclasses.replace(source, figures=carried), options).appendices[-1]
    assert appendix.note == "Kỳ trước chuyển sang 3 đơn. Đã giải quyết 14 đơn; đang giải quyết 4 đơn."
    only_carried = {**carried, "complaints_received": 0, "complaints_resolved": 0, "complaints_by_kind": {}}
    assert ("Trong kỳ không tiếp nhận đơn thư mới, có 3 đơn kỳ trước chuyển sang; đã giải quyết 2 đơn, đang giải "
            "quyết 1 đơn (Phụ lục 5).") in text_of(dataclasses.replace(source, figures=only_carried), options)


def test_the_letters_resolved_among_them_those_carried_over_read_as_one_sentence_with_one_bracket(source, options):
    """«đã giải quyết 15 đơn (trong đó 3 đơn kỳ trước chuyển sang) (Phụ lục 5)»: two brackets in a row, as a
    report issued before 06/12/2026 keeps them."""
    carried = {"complaints_carried_over": 3, "complaints_carried_over_resolved": 3}
    all_done = dataclasses.replace(source, figures={**source.figures, "complaints_resolved": 15, **carried})
    assert "; đã giải quyết 18 đơn, trong đó 3 đơn kỳ trước chuyển sang (Phụ lục 5)." in text_of(all_done, options)
    assert "; đã giải quyết 18 đơn (trong đó 3 đơn kỳ trước chuyển sang) (Phụ lục 5)." in text_of(
        dataclasses.replace(all_done, wording=8), options)


def test_phụ_lục_5_says_no_letter_is_pending_as_the_body_does_not_as_zero(source, options):
    """«đang giải quyết 0 đơn» under the table, where the body says nothing pending: a report issued before
    06/12/2026 keeps its note as issued."""
    all_done = dataclasses.replace(source, figures={**source.figures, "complaints_resolved": 15})
    assert render.report_content(all_done, options).appendices[-1].note == "Đã giải quyết 15 đơn."
    issued_before = dataclasses.replace(all_done, wording=7)
    assert render.report_content(issued_before, options).appendices[-1].note == (
        "Đã giải quyết 15 đơn; đang giải quyết 0 đơn.")


def test_a_report_issued_before_letters_were_carried_over_is_written_as_issued(source, options):
    figures = {key: value for key, value in source.figures.items() if "carried_over" not in key}
    content = render.report_content(dataclasses.replace(source, figures=figures), options)
    assert ("Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn); đã giải quyết "
            "12 đơn, đang giải quyết 3 đơn (Phụ lục 5).") in text_of(dataclasses.replace(source, figures=figures),
                                                                    options)
    assert content.appendices[-1].note == "Đã giải quyết 12 đơn; đang giải quyết 3 đơn."
    assert "complaints_carried_over" not in {key for key, _label, _value in content.facts}


def test_the_figures_sheet_tells_the_letters_of_the_period_resolved_from_all_those_resolved(source, options):
    """The body says «đã giải quyết 14 đơn, trong đó 2 đơn kỳ trước chuyển sang»; the figures sheet's
    `complaints_resolved` counts only the letters received in the period (12), and its label says so,
    as the carried-over letters' own line does. A report issued before 05/12/2026 keeps its label."""
    figures = {**source.figures, "complaints_carried_over": 3, "complaints_carried_over_resolved": 2}
    content = render.report_content(dataclasses.replace(source, figures=figures), options)
    labels = {key: label for key, label, _value in content.facts}
    assert labels["complaints_resolved"] == "Đơn thư tiếp nhận trong kỳ: đã giải quyết (đến cuối kỳ)"
    assert labels["complaints_carried_over_resolved"] == "Đơn thư kỳ trước chuyển sang: đã giải quyết (đến cuối kỳ)"
    assert "đã giải quyết 14 đơn, trong đó 2 đơn kỳ trước chuyển sang;" in text_of(
        dataclasses.replace(source, figures=figures), options)
    issued_before = render.report_content(dataclasses.replace(source, figures=figures, wording=4), options)
    assert dict((key, label) for key, label, _value in issued_before.facts)["complaints_resolved"] == \
        "Đơn thư đã giải quyết (đến cuối kỳ)"


def test_the_cases_found_in_the_archive_are_persons_and_the_slips_that_found_them_are_slips(source, options):
    """37 slips found a record, for 30 persons: «phát hiện 30 trường hợp» in section I.1, «37 phiếu» under
    Phụ lục 1. A report issued before 05/12/2026 counted the slips as trường hợp: written again so."""
    assert "phát hiện 30 trường hợp có tài liệu lưu trữ (tàng thư) liên quan" in text_of(source, options)
    content = render.report_content(source, options)
    assert content.appendices[0].note.endswith("có tài liệu lưu trữ (tàng thư) liên quan 37 phiếu.")
    issued_before = {key: value for key, value in source.figures.items()
                     if key != "slip_subjects_with_archive_record"}
    assert "phát hiện 37 trường hợp có tài liệu" in text_of(
        dataclasses.replace(source, figures=issued_before, wording=4), options)


def test_a_report_issued_with_wording_3_is_written_again_in_its_sentences(source, options):
    """Before 05/12/2026 the report capitalised the complaint kinds, wrote a case purpose no slip has
    as its choice lower-cased with a bare count, counted what was not done yet as 0 and called the
    slips' vetting «xác minh lý lịch»: signed so, it is written again so."""
    figures = {**source.figures, "vetting_cases_opened": 3,
               "vetting_cases_by_purpose": {"Vị trí trọng yếu, cơ mật": 2, "Bầu cử": 1},
               "archive_research_requested_from_other_provinces_answered": 0, "complaints_resolved": 0}
    text = text_of(dataclasses.replace(source, figures=figures, wording=3), options)
    assert "chính trị 3 trường hợp (bầu cử 1, vị trí trọng yếu, cơ mật 2);" in text
    assert "đã tham mưu thẩm tra, xác minh lý lịch phục vụ" in text
    assert "đề nghị tỉnh bạn nghiên cứu tàng thư 5 trường hợp, đã nhận kết quả 0 trường hợp" in text
    assert "Tiếp nhận 15 đơn thư (Tố cáo 5 đơn, Khiếu nại 4 đơn, Phản ánh 4 đơn, Kiến nghị 2 đơn); đã giải " \
           "quyết 0 đơn, đang giải quyết 15 đơn (Phụ lục 5)." in text


def test_a_report_issued_before_the_vetting_cases_were_counted_is_written_as_issued(source, options):
    counted = ("vetting_cases_opened", "vetting_cases_concluded", "vetting_cases_by_purpose",
               "vetting_conclusions_by_result")
    issued = dataclasses.replace(source, figures={key: value for key, value in source.figures.items()
                                                  if key not in counted})
    content = render.report_content(issued, options)
    assert content.sections[0].paragraphs[1].text.startswith("Trong kỳ, Ban Tổ chức Tỉnh ủy đã tham mưu thẩm tra")
    assert "Thẩm định, thẩm tra tiêu chuẩn chính trị" not in text_of(issued, options)
    assert not {key for key, _label, _value in content.facts} & set(counted)


@pdfcheck.needs_poppler
def test_the_cases_vetted_are_in_the_pdf_the_word_file_and_the_workbook_alike(tmp_path, source, options):
    pdf.save(render.report_pdf(source, options), tmp_path / "bao-cao.pdf")
    assert VETTED in " ".join(pdfcheck.lines(tmp_path / "bao-cao.pdf"))
    render.report_docx_file(tmp_path / "bao-cao.docx", source, options)
    assert VETTED in [paragraph.text for paragraph in docx.Document(tmp_path / "bao-cao.docx").paragraphs]
    render.report_xlsx(tmp_path / "bao-cao.xlsx", source, options)
    sheet = openpyxl.load_workbook(tmp_path / "bao-cao.xlsx")["Báo cáo"]
    assert VETTED in [text for text, _cell in report_sheet_text(sheet)]


def test_slips_with_a_result_but_no_day_are_told_apart_from_those_without_a_result(source, options):
    figures = {**source.figures, "slips_with_undated_result": 100}
    text = text_of(dataclasses.replace(source, figures=figures), options)
    assert ("Đến ngày 30/06/2025 đã nhận kết quả 1.100 phiếu (88,0%), 100 phiếu đã ghi kết quả nhưng chưa ghi "
            "ngày nhận kết quả, còn 50 phiếu chưa có kết quả;") in text


def test_the_slips_still_awaited_say_how_many_are_overdue(source, options):
    figures = {**source.figures, "slips_overdue": 120}
    text = text_of(dataclasses.replace(source, figures=figures), options)
    assert ("Đến ngày 30/06/2025 đã nhận kết quả 1.100 phiếu (88,0%), còn 150 phiếu chưa có kết quả, trong đó "
            "120 phiếu quá hạn trả lời;") in text
    assert ("slips_overdue", "Phiếu quá hạn trả lời (chưa có kết quả)", 120) in render.report_content(
        dataclasses.replace(source, figures=figures), options).facts
    every = text_of(dataclasses.replace(source, figures={**source.figures, "slips_overdue": 150}), options)
    assert "còn 150 phiếu chưa có kết quả, đều đã quá hạn trả lời;" in every


def test_slips_carried_over_from_the_period_before_are_reported_with_their_replies(source, options):
    """A slip sent on 31/12 and answered in January is the new year's work: said after the period's own
    slips, in the body and under Phụ lục 1; a report issued before they were counted says nothing of them."""
    carried = {**source.figures, "slips_carried_over": 1250, "slips_carried_over_answered": 1002}
    content = render.report_content(dataclasses.replace(source, figures=carried), options)
    assert ("Ngoài ra, kỳ trước chuyển sang 1.250 phiếu chưa có kết quả, trong kỳ đã nhận kết quả 1.002 phiếu."
            in text_of(dataclasses.replace(source, figures=carried), options))
    assert content.appendices[0].note.endswith(
        "phiếu. Ngoài ra, kỳ trước chuyển sang 1.250 phiếu chưa có kết quả, trong kỳ đã nhận kết quả 1.002 phiếu.")
    assert ("slips_carried_over", "Phiếu kỳ trước chuyển sang (chưa có kết quả khi bắt đầu kỳ)", 1250) in content.facts
    none_answered = {**carried, "slips_carried_over_answered": 0}
    assert ("kỳ trước chuyển sang 1.250 phiếu chưa có kết quả, trong kỳ chưa nhận kết quả phiếu nào."
            in text_of(dataclasses.replace(source, figures=none_answered), options))
    none_issued = {**carried, "slips_issued": 0, "slip_subjects": 0, "slips_answered": 0}
    assert ("không phát hành phiếu yêu cầu xác minh lai lịch. Ngoài ra, kỳ trước chuyển sang 1.250 phiếu"
            in text_of(dataclasses.replace(source, figures=none_issued), options))
    assert "kỳ trước chuyển sang" not in text_of(source, options)


def test_a_report_issued_before_the_undated_results_were_counted_is_written_as_issued(source, options):
    figures = {key: value for key, value in source.figures.items() if key != "slips_with_undated_result"}
    issued = dataclasses.replace(source, figures=figures)
    assert "đã nhận kết quả 1.100 phiếu (88,0%), còn 150 phiếu chưa có kết quả" in text_of(issued, options)
    facts = render.report_content(issued, options).facts
    assert "slips_with_undated_result" not in {key for key, _label, _value in facts}


def test_a_report_issued_with_an_earlier_wording_is_written_again_in_it(source, options):
    """A report issued before 04/12/2026 said the cadres sent abroad were all «thuộc diện Ban Thường vụ …
    quản lý»: signed so, it is written again so. Its stored content names no wording."""
    content = render.freeze_report(source, options)
    assert render.thawed(content)[0].wording == report_content.WORDING
    issued_before, _ = render.thawed({key: value for key, value in content.items() if key != "wording"})
    assert ("cử 6 đoàn với 27 lượt cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý đi nước ngoài, trong đó"
            in text_of(issued_before, options))


def test_the_reports_recipients_are_the_office_setting_in_force_on_its_day(source, options):
    office = {**source.office, "noi_nhan_bao_cao": "Ban Tổ chức Trung ương; Thường trực Thành ủy (để báo cáo); Lưu VP"}
    content = render.report_content(dataclasses.replace(source, office=office), options)
    assert list(content.recipients) == ["Ban Tổ chức Trung ương,", "Thường trực Thành ủy (để báo cáo),", "Lưu VP."]
    assert render.report_writer("pdf", None, options).recipients(office) == list(content.recipients)


def test_a_report_issued_when_its_recipients_came_from_the_profile_is_written_again_with_them(source, options):
    """Before 05/12/2026 the report's «Nơi nhận» was the format profile's [report] list, which the
    stored content keeps with its profile: written again, the report names them, whatever the
    office's setting says now."""
    content = render.freeze_report(source, options)
    earlier = ["Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ),", "Thường trực Tỉnh ủy Bình Thuận,",
               "Lưu Văn phòng Ban."]
    content["office"].pop("noi_nhan_bao_cao")
    content["profile"]["data"] = {**content["profile"]["data"], "report": {"recipients": earlier}}
    issued_before, thawed_options = render.thawed(content)
    assert list(render.report_content(issued_before, thawed_options).recipients) == earlier


def test_a_report_made_before_its_period_ends_counts_the_replies_to_its_own_day(source, options):
    """The year's report issued on 15/12: the replies are counted to that day, and said so."""
    whole_year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31"}
    issued = dataclasses.replace(source, figures=whole_year, on=dt.date(2025, 12, 15))
    assert "Đến ngày 15/12/2025 đã nhận kết quả 1.100 phiếu" in text_of(issued, options)
    assert "Đến ngày 31/12/2025 đã nhận kết quả" in text_of(dataclasses.replace(issued, wording=1), options)
    assert "Đến ngày 30/06/2025 đã nhận kết quả" in text_of(source, options)  # issued after its period


def test_replies_dated_after_the_day_the_report_counts_to_are_told_apart_not_counted_received(source, options):
    """Made on 15/12 for the year, 100 replies written as of a day after it (a mistyped date most likely):
    «Đến ngày 15/12/2025» counts the replies dated by then, and names the others to look at."""
    whole_year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31", "slips_answered_ahead": 100}
    text = text_of(dataclasses.replace(source, figures=whole_year, on=dt.date(2025, 12, 15)), options)
    assert ("Đến ngày 15/12/2025 đã nhận kết quả 1.000 phiếu (80,0%), 100 phiếu ghi ngày nhận kết quả sau ngày "
            "15/12/2025 (cần xem lại), còn 150 phiếu chưa có kết quả;") in text


def test_purposes_follow_the_declared_order_elections_first(source, options):
    figures = {**source.figures, "slips_by_purpose": {"Kết nạp Đảng": 400, "Khác": 10, "Bầu cử": 300,
                                                       "Quy hoạch": 290, "Bổ nhiệm": 250, "Không ghi": 3}}
    text = text_of(dataclasses.replace(source, figures=figures), options)
    assert ("phục vụ bầu cử 300 phiếu, bổ nhiệm 250 phiếu, quy hoạch 290 phiếu, kết nạp đảng viên mới 400 phiếu, "
            "các mục đích khác 10 phiếu; 3 phiếu chưa ghi mục đích") in text


@pytest.mark.parametrize(("start", "end", "cited"), [
    ("2016-01-01", "2016-09-30", ["Quy định số 57-QĐ/TW ngày 03/05/2007"]),
    ("2019-01-01", "2019-12-31", ["Quy định số 126-QĐ/TW ngày 28/02/2018"]),
    ("2025-01-01", "2025-06-30", ["Quy định số 58-QĐ/TW ngày 08/02/2022"]),
    ("2018-01-01", "2018-06-30", ["Quy định số 57-QĐ/TW ngày 03/05/2007", "(đến ngày 27/02/2018)",
                                  "Quy định số 126-QĐ/TW ngày 28/02/2018", "(từ ngày 28/02/2018)"]),
])
def test_the_legal_basis_is_the_regulation_in_force_for_the_period(source, options, start, end, cited):
    figures = {**source.figures, "from": start, "to": end}
    intro = render.report_content(dataclasses.replace(source, figures=figures), options).intro
    assert intro.startswith("Thực hiện Quy định số")
    position = 0
    for text in cited:
        position = intro.index(text, position)
    others = {"57-QĐ/TW", "126-QĐ/TW", "58-QĐ/TW"} - {re.search(r"\d+-QĐ/TW", text).group() for text in cited
                                                        if "QĐ" in text}
    assert not any(other in intro for other in others)


def test_the_officers_parts_are_its_paragraphs_and_a_missing_one_is_marked(source, options):
    content = render.report_content(source, options)
    assessment = [p.text for p in content.sections[1].paragraphs]
    assert assessment == ["1. Ưu điểm", "Phối hợp chặt chẽ với Công an tỉnh.", "Tra cứu kịp thời phục vụ bầu cử.",
                          "2. Hạn chế, khuyết điểm", "Một số phiếu trả lời chậm."]
    draft = render.report_content(dataclasses.replace(source, notes={}, number=None), options)
    fills = [p for section in draft.sections for p in section.paragraphs if p.style == report_content.FILL]
    assert len(fills) == 3 and all("Chưa viết phần" in p.text for p in fills)
    assert not any("Cán bộ soạn thảo bổ sung" in p.text for section in content.sections for p in section.paragraphs)


def test_the_appendices_add_up_to_the_figures_and_keep_every_declared_row(source, options):
    appendices = render.report_content(source, options).appendices
    assert [appendix.title.split(".")[0] for appendix in appendices] == [f"Phụ lục {i}" for i in range(1, 6)]
    totals = [appendix.records[-1]["count"] for appendix in appendices]
    assert totals == [1250, 1250, 6, 17, 15]
    by_recipient = appendices[0].records
    assert [row["name"] for row in by_recipient if row.get("_tong")] == [
        "Bộ Công an", "Công an tỉnh", "Công an các tỉnh, thành phố khác", "Tổng cộng"]
    assert sum(row["count"] for row in by_recipient if "stt" in row) == 1250
    by_purpose = [row["name"] for row in appendices[1].records[:-1]]
    assert by_purpose == list(SLIP_PURPOSES)  # "Bầu cử" stays, with 0, in a period without one
    assert appendices[0].columns[1].label == SLIPS.field("recipient").header
    assert appendices[3].records[-1]["answered"] == 13


def test_phu_luc_1_says_how_many_slips_each_recipient_and_each_group_has_answered(source, options):
    """The chief sees which unit is slow to answer, not only the total: each unit's and group's replies
    received by the period's end beside its slips."""
    by_recipient = render.report_content(source, options).appendices[0]
    assert [column.label for column in by_recipient.columns][1:] == [
        SLIPS.field("recipient").header, "Số phiếu", "Đã có kết quả"]
    assert {row["name"]: (row["count"], row["answered"]) for row in by_recipient.records} == {
        "Bộ Công an": (700, 650), "Cục A93B – Bộ Công an": (700, 650),
        "Công an tỉnh": (430, 400), "Phòng PV27 – Công an tỉnh Bình Thuận": (430, 400),
        "Công an các tỉnh, thành phố khác": (120, 50), "Phòng PV01 – Công an tỉnh Đồng Nai": (70, 30),
        "Phòng PV01 – Công an tỉnh Khánh Hòa": (50, 20), "Tổng cộng": (1250, 1100)}


def test_phu_luc_1_adds_up_the_replies_received_by_the_day_the_report_counts_to(source, options):
    """Made on 15/12 for the year, 100 of A93's replies written as of a day after it: its row counts those
    received by 15/12 (as counted), the total and the note say the 1.000 the body says, not the 1.100 answered
    by the year's end; a report issued before (wording 15) counted by recipient to the year's end: as issued."""
    by_recipient = {**source.figures["slips_answered_by_recipient"], "Cục A93B – Bộ Công an": 550}
    whole_year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31", "slips_answered_ahead": 100,
                  "slips_answered_by_recipient": by_recipient}
    made = dataclasses.replace(source, figures=whole_year, on=dt.date(2025, 12, 15))
    appendix = render.report_content(made, options).appendices[0]
    assert appendix.records[-1]["answered"] == 1000 == sum(row["answered"] for row in appendix.records if "stt" in row)
    assert appendix.note.startswith("Đã nhận kết quả 1.000 phiếu;")
    issued_before = render.report_content(dataclasses.replace(made, wording=15), options).appendices[0]
    assert issued_before.records[-1]["answered"] == 1100
    assert issued_before.note.startswith("Đã nhận kết quả 1.100 phiếu;")


def test_a_report_issued_before_replies_were_counted_by_recipient_keeps_its_phu_luc_1(source, options):
    figures = {key: value for key, value in source.figures.items() if key != "slips_answered_by_recipient"}
    by_recipient = render.report_content(dataclasses.replace(source, figures=figures, wording=11), options)
    assert [column.label for column in by_recipient.appendices[0].columns][2:] == ["Số phiếu"]


def appendix_rows(source, options, title: str) -> dict[str, tuple]:
    """The appendix whose title starts with `title`: each row's name with its counts, left to right."""
    appendix = next(appendix for appendix in render.report_content(source, options).appendices
                    if appendix.title.startswith(title))
    keys = [column.key for column in appendix.columns[2:]]
    return {row["name"]: tuple(row[key] for key in keys) for row in appendix.records}


def test_phu_luc_3_gives_the_cadres_sent_abroad_by_purpose_beside_the_delegations(source, options):
    """The brief's outline asks for the cadres sent abroad «lượt, đoàn, by purpose»: each purpose's member
    places beside its delegations, their total under the table's, not a lone total in a note."""
    appendix = next(appendix for appendix in render.report_content(source, options).appendices
                    if appendix.title.startswith("Phụ lục 3."))
    assert [column.label for column in appendix.columns][2:] == ["Số đoàn", "Số lượt cán bộ"]
    assert appendix_rows(source, options, "Phụ lục 3.") == {
        "Tham quan": (1, 4), "Công tác": (3, 15), "Học tập kinh nghiệm": (2, 8), "Khác": (0, 0),
        "Tổng cộng": (6, 27)}
    assert appendix.note == ""


def test_a_report_issued_before_the_cadres_were_counted_by_purpose_keeps_its_phu_luc_3(source, options):
    figures = {key: value for key, value in source.figures.items() if key != "cadres_sent_abroad_by_purpose"}
    issued = dataclasses.replace(source, figures=figures, wording=12)
    appendix = render.report_content(issued, options).appendices[2]
    assert [column.label for column in appendix.columns][2:] == ["Số đoàn"]
    assert appendix.note == "Số lượt cán bộ đi nước ngoài: 27."


def test_phu_luc_5_says_how_many_letters_of_each_kind_are_resolved_as_phu_luc_4_says_the_requests(source,
                                                                                                   options):
    """Each kind's letters received in the period beside those of them resolved by its end."""
    appendix = render.report_content(source, options).appendices[4]
    assert [column.label for column in appendix.columns][2:] == ["Số đơn", "Đã giải quyết"]
    assert appendix_rows(source, options, "Phụ lục 5.") == {
        "Tố cáo": (5, 4), "Khiếu nại": (4, 4), "Phản ánh": (4, 3), "Kiến nghị": (2, 1), "Tổng cộng": (15, 12)}
    figures = {key: value for key, value in source.figures.items() if key != "complaints_resolved_by_kind"}
    issued_before = render.report_content(dataclasses.replace(source, figures=figures, wording=12), options)
    assert [column.label for column in issued_before.appendices[4].columns][2:] == ["Số đơn"]


def test_the_report_is_sent_first_to_the_standing_committee_as_the_brief_s_example_lists_it(office, source,
                                                                                             options):
    """HD 36 as the brief lays out a BTCTU report: «- Thường trực Tỉnh ủy (b/c),» first, the central Ban
    next, «Lưu» last."""
    recipients = render.report_content(source, options).recipients
    assert list(recipients) == ["Thường trực Tỉnh ủy (để báo cáo),",
                                "Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ),", "Lưu Văn phòng Ban."]


@pdfcheck.needs_poppler
def test_the_pdf_has_the_blocks_in_order_a_two_digit_number_and_pages_from_2(tmp_path, source, options):
    target = tmp_path / "bao-cao.pdf"
    pdf.save(render.report_pdf(dataclasses.replace(source, number=7), options), target)
    assert pdfcheck.info(target)["Page size"] == pdfcheck.A4_POINTS
    pdfcheck.assert_bundled_fonts_only(target)
    lines = pdfcheck.lines(target)
    pdfcheck.assert_in_order(
        lines, "TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "Số 07-BC/BTCTU Lâm Đồng, ngày 03 tháng 7 năm 2025", "BÁO CÁO",
        "kết quả công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2025", "Thực hiện Quy định số 58-QĐ/TW",
        "I. KẾT QUẢ THỰC HIỆN", "phát hành 1.250 phiếu", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
        "Phối hợp chặt chẽ với Công an tỉnh.", "III. PHƯƠNG HƯỚNG", "Nơi nhận: K/T TRƯỞNG BAN", "Nguyễn Văn Hòa",
        "Phụ lục 1.", "(Kèm theo Báo cáo số 07-BC/BTCTU ngày 03/07/2025)", "Tổng cộng", "Phụ lục 5.")
    assert "DỰ THẢO" not in pdfcheck.text(target)
    pages = pdfcheck.page_count(target)
    assert not pdfcheck.lines(target, first=1, last=1)[0].isdigit()
    for page in range(2, pages + 1):
        assert pdfcheck.lines(target, first=page, last=page)[0] == str(page)


@pdfcheck.needs_poppler
def test_a_draft_has_a_blank_number_and_day_and_dự_thảo_on_every_page(tmp_path, source, options):
    target = tmp_path / "du-thao.pdf"
    pdf.save(render.report_pdf(dataclasses.replace(source, notes={}, number=None), options), target)
    number_line = next(line for line in pdfcheck.lines(target) if line.startswith("Số"))
    assert number_line.startswith("Số -BC/BTCTU Lâm Đồng, ngày tháng năm 2025")
    found = pdfcheck.words(target)
    for page in range(1, pdfcheck.page_count(target) + 1):
        mark = pdfcheck.phrase(found, "DỰ THẢO", page)
        assert mark.bottom < 20 * pdfcheck.MM and mark.x1 > 150 * pdfcheck.MM  # in the top margin, on the right
    assert "[Chưa viết phần «Ưu điểm»" in pdfcheck.text(target)


@pdfcheck.needs_poppler
def test_the_secrecy_stamp_sits_under_the_number_at_the_left_at_the_stamps_size(tmp_path, office, source, options):
    target = tmp_path / "mat.pdf"
    pdf.save(render.report_pdf(dataclasses.replace(source, office={**office, "do_mat": "MẬT"}), options), target)
    found = pdfcheck.words(target)
    number = pdfcheck.phrase(found, "Số 12-BC/BTCTU", 1)
    stamp = pdfcheck.phrase(found, "MẬT", 1)
    assert number.bottom < stamp.top < number.bottom + 8 * pdfcheck.MM  # right under the number
    assert abs((stamp.x0 + stamp.x1) / 2 - (number.x0 + number.x1) / 2) < 2  # centred under it, at the left
    size = (stamp.bottom - stamp.top) / (number.bottom - number.top) * options.profile.size("number")
    assert size == pytest.approx(options.profile.size("secrecy"), abs=0.3)  # 13 pt, beside the number's 14
    assert stamp.top > 20 * pdfcheck.MM  # no longer in the top margin beside the page number
    assert all(word.text != "MẬT" for word in found if word.page > 1)


@pdfcheck.needs_poppler
def test_a_drafts_appendices_say_whole_what_report_they_are_attached_to(tmp_path, source, options):
    """A draft's «Kèm theo» line names the period by its two dates: longer than the line, it wraps."""
    figures = {**source.figures, "from": "2026-10-02", "to": "2026-12-31"}
    target = tmp_path / "du-thao.pdf"
    pdf.save(render.report_pdf(dataclasses.replace(source, figures=figures, number=None), options), target)
    found = pdfcheck.words(target)
    right = 595.276 - options.profile.margins[3]  # the A4 page's width less its right margin
    attached = ("(Kèm theo Báo cáo kết quả công tác bảo vệ chính trị nội bộ từ ngày 02/10/2026 "
                "đến ngày 31/12/2026)")
    for appendix in render.report_content(source, options).appendices:  # the body names «Phụ lục 1.» too
        title = pdfcheck.phrase(found, appendix.title)
        line = pdfcheck.run([word for word in found if word.top > title.top], attached, title.page)
        assert max(word.x1 for word in line) <= right + 0.5
        assert min(word.x0 for word in line) >= options.profile.margins[2] - 0.5


SENTENCE = ("Tiếp tục phối hợp chặt chẽ với Công an tỉnh trong tra cứu, xác minh lý lịch phục vụ công tác cán bộ "
            "và phát triển đảng viên, bảo đảm đúng quy trình và thời hạn")
SHORT_DIRECTIONS = "Tiếp tục đôn đốc trả lời phiếu quá hạn."  # one line: the body's last paragraph


def long_notes(lines: int, directions: str = f"{SENTENCE}.") -> dict[str, str]:
    return {"Ưu điểm": "\n".join(f"{SENTENCE} ({i})." for i in range(lines)),
            "Hạn chế, khuyết điểm": "Một số phiếu trả lời chậm.",
            "Phương hướng, nhiệm vụ": directions}


HEADINGS = ("I. KẾT QUẢ THỰC HIỆN", "1. Công tác thẩm định", "2. Công tác nghiên cứu tàng thư",
            "3. Quản lý cán bộ", "4. Tiếp nhận, giải quyết đơn thư", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
            "2. Hạn chế, khuyết điểm", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")


def ending_headings(target) -> list[tuple[int, str]]:
    """The headings that end a page of the report's body, with the page."""
    ending = []
    for page in range(1, pdfcheck.page_count(target)):
        body = [line for line in pdfcheck.lines(target, first=page, last=page) if not line.isdigit()]
        ending += [(page, heading) for heading in HEADINGS if any(line.startswith(heading) for line in body[-1:])]
    return ending


@pdfcheck.needs_poppler
@pytest.mark.parametrize("directions", [f"{SENTENCE}.", SHORT_DIRECTIONS], ids=["two_lines", "one_line"])
@pytest.mark.parametrize("lines", range(24))
def test_no_heading_ends_a_page_and_the_signature_keeps_the_last_lines(tmp_path, source, options, lines,
                                                                       directions):
    """However long the officer's parts, a heading has its text below it on its page — the last one its
    one-line paragraph, which keeps the signature — and the signer's block has the body's last lines
    above it on its page."""
    target = tmp_path / "bao-cao.pdf"
    pdf.save(render.report_pdf(dataclasses.replace(source, notes=long_notes(lines, directions)), options), target)
    assert not ending_headings(target)
    pages = {page: pdfcheck.lines(target, first=page, last=page) for page in range(1, pdfcheck.page_count(target))}
    signed = next(page for page, page_lines in pages.items() if any("K/T TRƯỞNG BAN" in line for line in page_lines))
    before = pages[signed][:next(i for i, line in enumerate(pages[signed]) if "K/T TRƯỞNG BAN" in line)]
    assert len([line for line in before if not line.isdigit()]) >= 2


@pdfcheck.needs_poppler
def test_a_report_issued_before_the_last_heading_kept_the_signature_breaks_its_pages_as_issued(tmp_path, source,
                                                                                               options):
    """Written again, an issued report is the file issued: one of wording 2 ends its page 2 with «III.»
    as it did then; the same report issued today carries its heading over with its paragraph."""
    notes = long_notes(9, SHORT_DIRECTIONS)
    issued_before, today = tmp_path / "truoc.pdf", tmp_path / "nay.pdf"
    pdf.save(render.report_pdf(dataclasses.replace(source, notes=notes, wording=2), options), issued_before)
    pdf.save(render.report_pdf(dataclasses.replace(source, notes=notes), options), today)
    assert ending_headings(issued_before) == [(2, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")]
    assert not ending_headings(today)


def test_the_workbook_figures_print_on_a4_with_letterhead_borders_and_vietnamese_numbers(tmp_path, source, options):
    target = tmp_path / "bao-cao.xlsx"
    render.report_xlsx(target, source, options)
    book = openpyxl.load_workbook(target)
    sheet = book["Số liệu"]
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    for text in ("TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "ĐẢNG CỘNG SẢN VIỆT NAM",
                 "(Kèm theo Báo cáo số 12-BC/BTCTU ngày 03/07/2025)"):
        assert text in cells, text
    title = cells["Số liệu kết quả công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2025"]
    merged = next(r for r in sheet.merged_cells.ranges if title.coordinate in r)
    assert merged.min_col == 1 and merged.max_col == sheet.max_column  # the title spans the table, no overflow
    assert title.alignment.wrap_text
    header = next(row for row in sheet.iter_rows() if row[0].value == "STT")
    assert [cell.value for cell in header if cell.value] == ["STT", "Chỉ tiêu", "Số lượng"] and header[1].font.b
    assert sheet.print_title_rows == f"${header[0].row}:${header[0].row}"
    body = list(sheet.iter_rows(min_row=header[0].row + 1, max_row=header[0].row + len(report_content.FACTS)))
    values = {row[1].value: row[-1] for row in body}
    for key, label in report_content.FACTS:
        assert values[label].value == source.figures[key]
        assert values[label].number_format == VIETNAMESE_COUNT
    table = [cell for row in body for cell in row if not isinstance(cell, MergedCell)]
    assert all(cell.border.left.style == "thin" and cell.border.bottom.style == "thin" for cell in table)
    assert all(cell.alignment.wrap_text for cell in table)
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "portrait"
    assert sheet.oddFooter.center.text == "Trang &P / &N"
    for name in book.sheetnames[1:]:  # every table prints on A4 at 10 pt or more, attached to the signed report
        test_lists.assert_prints_legibly(book[name], wide=False, signed=False)


def figures_sheet_labels(target) -> list[str]:
    """The «Số liệu» sheet's labels, top to bottom, under its header."""
    sheet = openpyxl.load_workbook(target)["Số liệu"]
    header = next(row for row in sheet.iter_rows() if row[0].value == "STT")
    return [row[1].value for row in sheet.iter_rows(min_row=header[0].row + 1) if isinstance(row[0].value, int)]


def test_the_figures_sheet_lists_each_figure_with_its_subject_as_the_sections_state_them(tmp_path, source,
                                                                                         options):
    """As the report page: «Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời» under its own count, the slips'
    figures together, in the order of sections I.1 to I.4."""
    render.report_xlsx(tmp_path / "bao-cao.xlsx", source, options)
    labels = figures_sheet_labels(tmp_path / "bao-cao.xlsx")
    assert labels == list(REPORT_LABELS.values())
    helped = labels.index("Nghiên cứu tàng thư giúp tỉnh bạn")
    assert labels[helped + 1] == "Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời"
    assert labels[2:14] == [REPORT_LABELS[key] for key in (
        "slips_issued", "slip_subjects", "slips_answered", "slips_answered_ahead", "slips_with_undated_result",
        "slips_without_result", "slips_overdue",
        "slips_with_archive_record", "slip_subjects_with_archive_record", "slips_carried_over",
        "slips_carried_over_answered", "slips_carried_over_answered_ahead")]


def test_the_figures_sheet_has_the_replies_dated_after_the_day_counted_to_the_body_tells_apart(source, options):
    """«100 phiếu ghi ngày nhận kết quả sau ngày 15/12/2025 (cần xem lại)» is a row of «Số liệu» too; a report
    issued before it had its row (wording 15) keeps its rows, though its figures counted it."""
    whole_year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31", "slips_answered_ahead": 100}
    made = dataclasses.replace(source, figures=whole_year, on=dt.date(2025, 12, 15))
    facts = {key: (label, value) for key, label, value in render.report_content(made, options).facts}
    assert facts["slips_answered_ahead"] == (
        "Phiếu đã nhận kết quả: ghi ngày nhận kết quả sau ngày lập báo cáo (cần xem lại)", 100)
    issued_before = render.report_content(dataclasses.replace(made, wording=15), options).facts
    assert "slips_answered_ahead" not in {key for key, _label, _value in issued_before}


AHEAD = {"archive_research_for_other_provinces_answered_ahead": 2,
         "archive_research_requested_from_other_provinces_answered_ahead": 1}


def test_the_archive_research_answered_is_that_of_replies_dated_by_the_day_the_report_counts_to(source, options):
    """Made on 15/12 for the year, 2 of the 10 replies to other provinces and 1 of the 3 received written as of a
    day after it: I.2 and Phụ lục 4 say those answered by 15/12, the others told apart as the slips' are, and
    «Số liệu» lists them; a report issued before they were counted (wording 16) is written again as issued."""
    year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31"}
    made = dataclasses.replace(source, figures={**year, **AHEAD}, on=dt.date(2025, 12, 15))
    assert ("Nghiên cứu tàng thư giúp tỉnh bạn 12 trường hợp, đã trả lời 8 trường hợp, 2 trường hợp ghi ngày trả "
            "lời sau ngày 15/12/2025 (cần xem lại); đề nghị tỉnh bạn nghiên cứu tàng thư 5 trường hợp, đã nhận kết "
            "quả 2 trường hợp, 1 trường hợp ghi ngày nhận kết quả sau ngày 15/12/2025 (cần xem lại), chi tiết tại "
            "Phụ lục 4.") in text_of(made, options)
    content = render.report_content(made, options)
    assert [row["answered"] for row in content.appendices[3].records] == [8, 2, 10]
    facts = {key: (label, value) for key, label, value in content.facts}
    assert facts["archive_research_for_other_provinces_answered_ahead"] == (
        "Nghiên cứu tàng thư giúp tỉnh bạn: đã trả lời, ghi ngày trả lời sau ngày lập báo cáo (cần xem lại)", 2)
    assert facts["archive_research_requested_from_other_provinces_answered_ahead"] == (
        "Đề nghị tỉnh bạn nghiên cứu tàng thư: đã nhận kết quả, ghi ngày nhận kết quả sau ngày lập báo cáo "
        "(cần xem lại)", 1)
    issued_before = dataclasses.replace(made, figures=year, wording=16)
    assert "đã trả lời 10 trường hợp; đề nghị tỉnh bạn nghiên cứu tàng thư 5 trường hợp, đã nhận kết quả 3 trường " \
           "hợp (Phụ lục 4)." in text_of(issued_before, options)


CARRIED_AHEAD = {"slips_carried_over": 12, "slips_carried_over_answered": 9, "slips_carried_over_answered_ahead": 1,
                 "archive_research_for_other_provinces_carried_over": 3,
                 "archive_research_for_other_provinces_carried_over_answered": 2,
                 "archive_research_for_other_provinces_carried_over_answered_ahead": 1,
                 "archive_research_requested_from_other_provinces_carried_over": 1,
                 "archive_research_requested_from_other_provinces_carried_over_answered": 1,
                 "archive_research_requested_from_other_provinces_carried_over_answered_ahead": 1}


def test_the_replies_to_what_was_carried_over_are_those_dated_by_the_day_the_report_counts_to(source, options):
    """Made on 15/12 for the year, one of the 9 replies to the slips carried over, one of the 2 to other provinces'
    requests and the one received written as of a day after it: I.1, I.2 and the notes of Phụ lục 1 and 4 say those
    received by 15/12, the others told apart in the words of the period's own, and «Số liệu» lists them; a report
    issued before they were counted is written again as issued."""
    year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31"}
    made = dataclasses.replace(source, figures={**year, **CARRIED_AHEAD}, on=dt.date(2025, 12, 15))
    slips = ("Ngoài ra, kỳ trước chuyển sang 12 phiếu chưa có kết quả, trong kỳ đã nhận kết quả 8 phiếu, 1 phiếu ghi "
             "ngày nhận kết quả sau ngày 15/12/2025 (cần xem lại).")
    archive = ("Ngoài ra, kỳ trước chuyển sang 3 trường hợp nghiên cứu giúp tỉnh bạn chưa trả lời, trong kỳ đã trả "
               "lời 1 trường hợp, 1 trường hợp ghi ngày trả lời sau ngày 15/12/2025 (cần xem lại); 1 trường hợp đề "
               "nghị tỉnh bạn nghiên cứu chưa có kết quả, trong kỳ chưa nhận kết quả trường hợp nào, 1 trường hợp "
               "ghi ngày nhận kết quả sau ngày 15/12/2025 (cần xem lại).")
    assert f"(Phụ lục 4). {archive}" in text_of(made, options)
    assert f"phát hiện 30 trường hợp có tài liệu lưu trữ (tàng thư) liên quan. {slips}" in text_of(made, options)
    content = render.report_content(made, options)
    assert content.appendices[0].note.endswith(f"liên quan 37 phiếu. {slips}")
    assert content.appendices[3].note == archive
    facts = {key: (label, value) for key, label, value in content.facts}
    assert facts["slips_carried_over_answered_ahead"] == (
        "Phiếu kỳ trước chuyển sang: đã nhận kết quả, ghi ngày nhận kết quả sau ngày lập báo cáo (cần xem lại)", 1)
    assert facts["archive_research_for_other_provinces_carried_over_answered_ahead"] == (
        "Nghiên cứu tàng thư giúp tỉnh bạn kỳ trước chuyển sang: đã trả lời, ghi ngày trả lời sau ngày lập báo cáo "
        "(cần xem lại)", 1)
    issued_before = {key: value for key, value in CARRIED_AHEAD.items() if not key.endswith("_ahead")}
    assert "kỳ trước chuyển sang 12 phiếu chưa có kết quả, trong kỳ đã nhận kết quả 9 phiếu." in text_of(
        dataclasses.replace(made, figures={**year, **issued_before}, wording=17), options)


def test_phu_luc_4_s_note_tells_apart_the_replies_dated_after_the_day_the_report_counts_to_as_i_2_does(
        source, options):
    """Its column «Đã có kết quả» counts the replies dated by 15/12; the note says the others in I.2's words, so the
    table read alone does not pass them for unanswered; a report issued before (wording 17) keeps its note."""
    year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31"}
    made = dataclasses.replace(source, figures={**year, **AHEAD}, on=dt.date(2025, 12, 15))
    assert render.report_content(made, options).appendices[3].note == (
        "Ngoài số đã có kết quả, 2 trường hợp nghiên cứu giúp tỉnh bạn ghi ngày trả lời sau ngày 15/12/2025 (cần xem "
        "lại); 1 trường hợp đề nghị tỉnh bạn nghiên cứu ghi ngày nhận kết quả sau ngày 15/12/2025 (cần xem lại).")
    assert render.report_content(dataclasses.replace(made, wording=17), options).appendices[3].note == ""


def test_the_archive_replies_dated_after_the_day_counted_to_are_said_as_the_slips_are(source, options):
    """«… sau ngày 15/12/2025 (cần xem lại)», as the slips' and the rows of «Số liệu» say it; I.2 then names its
    appendix after a comma, not in a second bracket. A report issued with wording 18 keeps «…, cần xem lại»."""
    year = {**source.figures, "from": "2025-01-01", "to": "2025-12-31"}
    made = dataclasses.replace(source, figures={**year, **AHEAD, **CARRIED_AHEAD}, on=dt.date(2025, 12, 15))
    issued = text_of(dataclasses.replace(made, wording=18), options)
    assert ("đã nhận kết quả 2 trường hợp, 1 trường hợp ghi ngày nhận kết quả sau ngày 15/12/2025, cần xem lại "
            "(Phụ lục 4). Ngoài ra, kỳ trước chuyển sang 3 trường hợp nghiên cứu giúp tỉnh bạn chưa trả lời, trong "
            "kỳ đã trả lời 1 trường hợp, 1 trường hợp ghi ngày trả lời sau ngày 15/12/2025, cần xem lại;") in issued
    assert "(cần xem lại) (" not in text_of(made, options)
    assert render.report_content(dataclasses.replace(made, wording=18), options).appendices[3].note.startswith(
        "Ngoài số đã có kết quả, 2 trường hợp nghiên cứu giúp tỉnh bạn ghi ngày trả lời sau ngày 15/12/2025, cần xem "
        "lại; 1 trường hợp")



def test_the_figures_sheet_has_the_slips_still_without_a_result_the_body_states(tmp_path, source, options):
    """«còn 150 phiếu chưa có kết quả» in I.1 is a row of «Số liệu» too, after the results without their
    day and before those overdue (which are among them); a report issued before keeps its rows."""
    assert "còn 150 phiếu chưa có kết quả" in text_of(source, options)
    render.report_xlsx(tmp_path / "bao-cao.xlsx", source, options)
    sheet = openpyxl.load_workbook(tmp_path / "bao-cao.xlsx")["Số liệu"]
    values = {row[1].value: row[-1].value for row in sheet.iter_rows() if isinstance(row[0].value, int)}
    assert values["Phiếu chưa có kết quả (đến cuối kỳ)"] == 150  # a value, not a formula
    labels = list(values)
    assert labels.index("Phiếu chưa có kết quả (đến cuối kỳ)") == labels.index(
        REPORT_LABELS["slips_with_undated_result"]) + 1 == labels.index(REPORT_LABELS["slips_overdue"]) - 1
    figures = {key: value for key, value in source.figures.items() if key != "slips_without_result"}
    facts = render.report_content(dataclasses.replace(source, figures=figures, wording=12), options).facts
    assert "slips_without_result" not in {key for key, _label, _value in facts}


def test_a_report_issued_with_its_figures_by_kind_prints_its_figures_sheet_as_issued(tmp_path, source, options):
    """Signed with «… giúp tỉnh bạn: đã trả lời» 16 rows below its count, it is written again so; one
    issued before the letters of the period resolved had their own label keeps that label in its row."""
    issued = render.freeze_report(dataclasses.replace(source, wording=9), options)
    render.write_document(issued, render.XLSX, tmp_path / "bao-cao.xlsx")
    before_10 = report_content.ORDER_BEFORE_10
    assert figures_sheet_labels(tmp_path / "bao-cao.xlsx") == [REPORT_LABELS[key] for key in before_10]
    oldest = render.report_content(dataclasses.replace(source, wording=4), options)
    assert [key for key, _label, _value in oldest.facts] == list(before_10)
    assert oldest.facts[10][1] == "Đơn thư đã giải quyết (đến cuối kỳ)"


def report_sheet_text(sheet) -> list[tuple[str, object]]:
    """The «Báo cáo» sheet's texts in reading order, each with its cell."""
    return [(cell.value, cell) for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def assert_every_line_shows(sheet, cell) -> None:
    """The cell's text, wrapped in its merged cells, fits the height of its row."""
    merged = next((cells for cells in sheet.merged_cells.ranges if cell.coordinate in cells), None)
    first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
    width = sum(workbook.column_points(sheet.column_dimensions[get_column_letter(column)].width)
                for column in range(first, last + 1))
    face = {(False, False): fonts.REGULAR, (True, False): fonts.BOLD, (False, True): fonts.ITALIC,
            (True, True): fonts.BOLD_ITALIC}[bool(cell.font.b), bool(cell.font.i)]
    lines = len(layout.wrap(cell.value, face, cell.font.sz, width - workbook.CELL_MARGINS))
    assert (sheet.row_dimensions[cell.row].height or 15) >= lines * cell.font.sz * 1.25, cell.value


def test_the_workbook_opens_on_the_report_as_issued_with_its_text_then_its_figures(tmp_path, source, options):
    """As the PDF and the Word file: letterhead, number and date, the title, every paragraph with its
    figures and the officer's parts, «Nơi nhận» and the signature; each row as tall as its lines."""
    target = tmp_path / "bao-cao.xlsx"
    render.report_xlsx(target, source, options)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Báo cáo", "Số liệu", *(f"Phụ lục {i}" for i in range(1, 6))]
    sheet = book["Báo cáo"]
    texts = report_sheet_text(sheet)
    values = [value for value, _cell in texts]
    for text in ("TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/BTCTU",
                 "Lâm Đồng, ngày 03 tháng 7 năm 2025", "BÁO CÁO",
                 "kết quả công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2025", "Nơi nhận:",
                 "- Thường trực Tỉnh ủy (để báo cáo),", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Hòa"):
        assert text in values, text
    content = render.report_content(source, options)
    body = [content.intro, *(text for section in content.sections
                             for text in (section.heading, *(paragraph.text for paragraph in section.paragraphs)))]
    shown = values[values.index(content.intro):values.index("Nơi nhận:")]
    assert shown == body  # every paragraph, in order, each in one row
    for text in ("Phối hợp chặt chẽ với Công an tỉnh.", "Một số phiếu trả lời chậm.",
                 "Tiếp tục thẩm định tiêu chuẩn chính trị nhân sự cấp ủy.", "phát hành 1.250 phiếu"):
        assert any(text in value for value in shown), text
    styles = {value: cell for value, cell in texts}
    assert styles["I. KẾT QUẢ THỰC HIỆN"].font.b and styles["1. Ưu điểm"].font.b
    assert not styles[content.intro].font.b and styles[content.intro].alignment.horizontal == "justify"
    width = sheet.max_column
    for value, cell in texts:
        if value in body:
            merged = next(cells for cells in sheet.merged_cells.ranges if cell.coordinate in cells)
            assert (merged.min_col, merged.max_col) == (1, width) and cell.alignment.wrap_text
        assert_every_line_shows(sheet, cell)
    setup = sheet.page_setup
    assert int(setup.paperSize) == 9 and setup.orientation == "portrait" and int(setup.scale) == 100
    printed = sum(workbook.column_points(sheet.column_dimensions[get_column_letter(i)].width)
                  for i in range(1, width + 1))
    assert 0.9 * workbook.printable_width(False) <= printed <= workbook.printable_width(False)
    assert sheet.oddFooter.center.text == "Trang &P / &N"


def test_a_paragraph_longer_than_excels_tallest_row_goes_on_in_the_next_rows(tmp_path, source, options):
    long = " ".join(f"Câu thứ {i} của phần ưu điểm, viết dài để thử." for i in range(400))
    target = tmp_path / "bao-cao.xlsx"
    render.report_xlsx(target, dataclasses.replace(source, notes={**source.notes, "Ưu điểm": long}), options)
    sheet = openpyxl.load_workbook(target)["Báo cáo"]
    texts = report_sheet_text(sheet)
    first = next(i for i, (value, _) in enumerate(texts) if value.startswith("Câu thứ 0 "))
    parts = texts[first:next(i for i, (value, _) in enumerate(texts) if value == "2. Hạn chế, khuyết điểm")]
    assert len(parts) > 1 and " ".join(value for value, _ in parts) == long
    for _value, cell in parts:
        assert sheet.row_dimensions[cell.row].height <= 409
        assert_every_line_shows(sheet, cell)


@pytest.mark.parametrize("lines", [0, 6, 12, 18, 30])
def test_the_workbooks_pages_break_neither_after_a_heading_nor_inside_the_signature(tmp_path, source, options,
                                                                                     lines):
    """As on the PDF: the signer's block prints with the body's last paragraph, a heading with its text."""
    target = tmp_path / "bao-cao.xlsx"
    render.report_xlsx(target, dataclasses.replace(source, notes=long_notes(lines)), options)
    sheet = openpyxl.load_workbook(target)["Báo cáo"]
    texts = report_sheet_text(sheet)
    breaks = {brk.id for brk in sheet.row_breaks.brk}
    headings = {cell.row for value, cell in texts if any(value.startswith(h) for h in HEADINGS)}
    signed = next(cell.row for value, cell in texts if value == "Nơi nhận:")
    assert not breaks & headings
    assert not breaks & set(range(signed - 2, sheet.max_row))  # the last paragraph, a blank row, the signature
    if lines >= 18:
        assert breaks  # the body runs over a page


def test_an_excel_draft_shows_dự_thảo_on_screen_and_on_every_printed_page(tmp_path, source, options):
    drafted, issued = tmp_path / "du-thao.xlsx", tmp_path / "bao-cao.xlsx"
    render.report_xlsx(drafted, dataclasses.replace(source, number=None), options)
    render.report_xlsx(issued, source, options)
    for path, draft in ((drafted, True), (issued, False)):
        for sheet in openpyxl.load_workbook(path).worksheets:
            first_row = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
            assert ("DỰ THẢO" in first_row) == draft and (sheet.oddHeader.right.text == "DỰ THẢO") == draft
            if sheet.title != "Báo cáo":
                test_lists.assert_prints_legibly(sheet, wide=False, signed=False)



def test_an_excel_drafts_first_printed_page_says_dự_thảo_once(tmp_path, source, options):
    """Printed, page 1 carried «DỰ THẢO» twice, the page header's above the sheet's own first row."""
    drafted = tmp_path / "du-thao.xlsx"
    render.report_xlsx(drafted, dataclasses.replace(source, number=None), options)
    for sheet in openpyxl.load_workbook(drafted).worksheets:
        assert sheet.HeaderFooter.differentFirst and not sheet.firstHeader.right.text
        assert sheet.firstFooter.center.text == sheet.oddFooter.center.text == "Trang &P / &N"

def test_an_excel_draft_has_a_blank_number_and_day_and_the_placeholders_of_the_parts_not_written(tmp_path, source,
                                                                                                  options):
    target = tmp_path / "du-thao.xlsx"
    render.report_xlsx(target, dataclasses.replace(source, number=None, notes={}), options)
    values = [value for value, _cell in report_sheet_text(openpyxl.load_workbook(target)["Báo cáo"])]
    blank = "\u00a0" * 6
    assert f"Số {blank}\u00a0\u00a0-BC/BTCTU" in values and f"Lâm Đồng, ngày{blank}tháng{blank}năm 2025" in values
    for part in report_notes.PARTS:
        placeholder = next(value for value in values if value.startswith(f"[Chưa viết phần «{part}»"))
        assert "trước khi phát hành" in placeholder


def excel_shows(value: int, number_format: str) -> str:
    """What Excel shows for a whole number under a format of conditional sections, digit
    placeholders and quoted literals (the part of the format language VIETNAMESE_COUNT uses)."""
    for section in number_format.split(";"):
        condition = re.match(r"\[>=(\d+)\](.*)", section)
        if condition is None or value >= int(condition.group(1)):
            pattern = condition.group(2) if condition else section
            break
    digits, shown = list(str(value)), []
    for token in reversed(re.findall(r'"[^"]*"|[#0]', pattern)):
        if token.startswith('"'):
            shown.append(token.strip('"'))
        elif digits:
            shown.append(digits.pop())
    return "".join(digits) + "".join(reversed(shown))


@pytest.mark.parametrize("count", [0, 7, 999, 1000, 1712, 999_999, 1_234_567])
def test_the_vietnamese_count_format_shows_what_the_text_shows(count):
    assert excel_shows(count, VIETNAMESE_COUNT) == grouped(count)


def test_the_word_document_has_headings_vietnamese_and_the_office_as_author(tmp_path, source, options):
    target = tmp_path / "bao-cao.docx"
    render.report_docx_file(target, source, options)
    document = docx.Document(target)
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "phát hành 1.250 phiếu yêu cầu xác minh lai lịch đối với 480 người" in text
    head = document.tables[0]
    assert head.cell(0, 0).text.split("\n") == ["TỈNH ỦY LÂM ĐỒNG", "BAN TỔ CHỨC", "*"]
    assert head.cell(1, 0).text == "Số 12-BC/BTCTU"
    assert head.cell(1, 1).text == "Lâm Đồng, ngày 03 tháng 7 năm 2025"
    styled = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    assert styled["I. KẾT QUẢ THỰC HIỆN"] == styled["II. ĐÁNH GIÁ CHUNG"] == "Heading 1"
    assert styled["1. Ưu điểm"] == styled["2. Công tác nghiên cứu tàng thư"] == "Heading 2"
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        assert style.paragraph_format.keep_with_next and style.font.name == "Times New Roman"
        assert str(style.font.color.rgb) == "000000"
    last = next(p for p in document.paragraphs if p.text.startswith("Tiếp tục thẩm định"))
    assert last.paragraph_format.keep_with_next  # the last lines stay with the signature
    signature = document.tables[1]
    assert signature.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None
    properties = document.core_properties
    assert properties.title == "Báo cáo kết quả công tác bảo vệ chính trị nội bộ 6 tháng đầu năm 2025"
    assert properties.author == "BAN TỔ CHỨC – TỈNH ỦY LÂM ĐỒNG" and properties.language == "vi-VN"
    assert properties.created.replace(tzinfo=None) == dt.datetime(2025, 7, 3, 8, 0)
    with zipfile.ZipFile(target) as package:
        xml = {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()
               if name.endswith(".xml")}
    assert not any("python-docx" in content for content in xml.values())
    assert "<Application>BVCT Desktop</Application>" in xml["docProps/app.xml"]
    assert 'w:lang w:val="vi-VN"' in xml["word/styles.xml"] and "en-US" not in xml["word/styles.xml"]
    assert 'w:instr="PAGE"' in document.sections[0].header._element.xml
    assert round(document.sections[0].header_distance.mm, 1) >= 10  # HD 36, and inside what printers print
    assert document.sections[0].different_first_page_header_footer


def test_a_word_draft_and_a_secret_one_carry_their_marks(tmp_path, office, source, options):
    target = tmp_path / "du-thao.docx"
    draft = dataclasses.replace(source, office={**office, "do_mat": "MẬT"}, number=None)
    render.report_docx_file(target, draft, options)
    document = docx.Document(target)
    section = document.sections[0]
    assert all(header.paragraphs[0].text == "DỰ THẢO" for header in (section.first_page_header, section.header))
    stamp = document.tables[0].cell(1, 0).paragraphs[-1]
    assert stamp.text == "MẬT" and stamp.runs[0].bold
    assert stamp._p.pPr.find(docx.oxml.ns.qn("w:pBdr")) is not None


def test_notes_files_are_read_by_part_name_ignoring_case_and_accents():
    notes = report_notes.parse("## uu diem\nMột.\n\nHai.\n##  HẠN CHẾ, KHUYẾT ĐIỂM \nBa.\n")
    assert notes == {"Ưu điểm": "Một.\nHai.", "Hạn chế, khuyết điểm": "Ba."}
    assert report_notes.missing(notes) == ["Phương hướng, nhiệm vụ"]
    assert report_notes.parse(report_notes.text_of(notes)) == {**notes, "Phương hướng, nhiệm vụ": ""}
    assert report_notes.parse("## Hạn chế, khuyết điểm\n\n## Ưu điểm\nMột.\n") == {  # a heading left empty clears
        "Hạn chế, khuyết điểm": "", "Ưu điểm": "Một."}
    with pytest.raises(Exception, match="phần «Kết luận» không có"):
        report_notes.parse("## Kết luận\nx\n")
    with pytest.raises(Exception, match="trước tiêu đề phần đầu tiên"):
        report_notes.parse("Chữ lạc\n## Ưu điểm\nx\n")


def test_the_report_source_is_made_from_plain_values(source):
    """What is frozen in the outgoing register: figures, settings, notes, number and date."""
    assert isinstance(source, ReportSource) and source.draft is False
    assert dataclasses.replace(source, number=None).draft


@pdfcheck.needs_poppler
def test_an_appendix_note_stays_on_the_page_of_its_table(tmp_path, source, options):
    """«Số lượt cán bộ đi nước ngoài: 0.» stood alone at the top of page 4, its table on page 3."""
    target = tmp_path / "bao-cao.pdf"
    for extra in range(0, 40, 2):  # more recipients: Phụ lục 1 grows, each later table ends lower
        others = {f"Phòng PV01 – Công an tỉnh số {n}": 1 for n in range(extra)}
        groups = {**source.figures["slips_by_recipient_group"], "Công an các tỉnh, thành phố khác": others}
        longer = dataclasses.replace(source, figures={**source.figures, "slips_by_recipient_group": groups})
        notes = [" ".join(appendix.note.split()) for appendix in render.report_content(longer, options).appendices
                 if appendix.note]
        pdf.save(render.report_pdf(longer, options), target)
        for page in range(2, pdfcheck.page_count(target) + 1):
            first = pdfcheck.lines(target, first=page, last=page)[1]  # below the page number
            assert not any(note.startswith(first) for note in notes), (extra, page, first)


def test_archive_requests_carried_over_are_said_after_those_of_the_period_as_slips_are(source, options):
    """Requests dated before the period and not yet answered when it starts are work of the period; a
    report issued before they were counted says nothing of them."""
    carried = {**source.figures, "archive_research_for_other_provinces_carried_over": 3,
               "archive_research_for_other_provinces_carried_over_answered": 2,
               "archive_research_requested_from_other_provinces_carried_over": 1,
               "archive_research_requested_from_other_provinces_carried_over_answered": 0}
    assert ("(Phụ lục 4). Ngoài ra, kỳ trước chuyển sang 3 trường hợp nghiên cứu giúp tỉnh bạn chưa trả lời, "
            "trong kỳ đã trả lời 2 trường hợp; 1 trường hợp đề nghị tỉnh bạn nghiên cứu chưa có kết quả, trong kỳ "
            "chưa nhận kết quả trường hợp nào.") in text_of(dataclasses.replace(source, figures=carried), options)
    only_asked = {**carried, "archive_research_for_other_provinces_carried_over": 0}
    assert ("(Phụ lục 4). Ngoài ra, kỳ trước chuyển sang 1 trường hợp đề nghị tỉnh bạn nghiên cứu chưa có kết "
            "quả, trong kỳ chưa nhận kết quả trường hợp nào.") in text_of(
        dataclasses.replace(source, figures=only_asked), options)
    assert "Phụ lục 4). Ngoài ra" not in text_of(source, options)


def test_phu_luc_4_says_the_archive_requests_carried_over_under_its_table_as_phu_luc_1_says_the_slips(
        source, options):
    """The appendix counts only the period's own requests; the officer who reads it alone (the table is
    what the upper level copies) learns of those carried over in its note, as under Phụ lục 1; a report
    issued before (wording 10) is written again as issued."""
    carried = {**source.figures, "archive_research_for_other_provinces_carried_over": 1,
               "archive_research_for_other_provinces_carried_over_answered": 1,
               "archive_research_requested_from_other_provinces_carried_over": 2,
               "archive_research_requested_from_other_provinces_carried_over_answered": 1}

    def note(figures, wording=report_content.WORDING):
        appendices = render.report_content(dataclasses.replace(source, figures=figures, wording=wording),
                                           options).appendices
        return next(appendix.note for appendix in appendices if appendix.title.startswith("Phụ lục 4."))

    assert note(carried) == ("Ngoài ra, kỳ trước chuyển sang 1 trường hợp nghiên cứu giúp tỉnh bạn chưa trả lời, "
                             "trong kỳ đã trả lời 1 trường hợp; 2 trường hợp đề nghị tỉnh bạn nghiên cứu chưa có "
                             "kết quả, trong kỳ đã nhận kết quả 1 trường hợp.")
    assert note(source.figures) == ""
    assert note(carried, wording=10) == "", "a report issued before is written again as issued"


FORWARDED = {"complaints_anonymous": 3, "complaints_forwarded": 2, "complaints_forwarded_unresolved": 2}


def test_the_letters_forwarded_are_told_apart_from_those_still_being_resolved_and_the_anonymous_are_told(source,
                                                                                                        options):
    """15 received, 12 resolved, 2 with the competent body: 1 still the office's, not 3."""
    forwarded = dataclasses.replace(source, figures={**source.figures, **FORWARDED})
    assert ("Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn; 3 đơn nặc danh); "
            "đã giải quyết 12 đơn; chuyển 2 đơn đến cơ quan có thẩm quyền; đang giải quyết 1 đơn (Phụ lục 5).") \
        in text_of(forwarded, options)
    assert render.report_content(forwarded, options).appendices[-1].note == (
        "Đã giải quyết 12 đơn; chuyển 2 đơn đến cơ quan có thẩm quyền; đang giải quyết 1 đơn.")
    labels = {key: label for key, label, _value in render.report_content(forwarded, options).facts}
    assert labels["complaints_forwarded"] == "Đơn thư chuyển đến cơ quan có thẩm quyền trong kỳ"
    assert labels["complaints_anonymous"] == "Đơn thư nặc danh tiếp nhận"


def test_nothing_forwarded_and_no_anonymous_letter_is_not_said(source, options):
    none = {key: 0 for key in FORWARDED}
    assert ("Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn); đã giải quyết "
            "12 đơn, đang giải quyết 3 đơn (Phụ lục 5).") in text_of(
        dataclasses.replace(source, figures={**source.figures, **none}), options)


def test_a_report_issued_before_the_letters_forwarded_were_told_keeps_its_words(source, options):
    issued_before = dataclasses.replace(source, figures={**source.figures, **FORWARDED}, wording=14)
    assert ("Tiếp nhận 15 đơn thư (tố cáo 5 đơn, khiếu nại 4 đơn, phản ánh 4 đơn, kiến nghị 2 đơn); đã giải quyết "
            "12 đơn, đang giải quyết 3 đơn (Phụ lục 5).") in text_of(issued_before, options)
    assert render.report_content(issued_before, options).appendices[-1].note == (
        "Đã giải quyết 12 đơn; đang giải quyết 3 đơn.")
