"""The notice of a vetting case's conclusion (thông báo kết luận về tiêu chuẩn chính trị): the PDF and the
Word file say the same, whole — the «TB» number, «THÔNG BÁO» and its trích yếu, the person as precisely
as known, the result and the QĐ 58 ceiling, every slip and archive request with its reply, the signature
and «Nơi nhận»; long values are written whole; a draft has no number."""

import datetime as dt

import docx
import pytest

from bvct_desktop.core import regulations
from bvct_desktop.io.documents import conclusion, render

from . import pdfcheck

ON = dt.date(2026, 2, 2)
UNIT = "Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Lâm Đồng"  # 60 characters
LIMIT = ("Không bố trí giữ chức vụ cao hơn ủy viên ban thường vụ cấp ủy cấp tỉnh và tương đương; không bố trí "
         "công tác ở cơ quan, bộ phận, vị trí trọng yếu, cơ mật; không giới thiệu ứng cử đại biểu Quốc hội. Cha "
         "đẻ là sĩ quan chế độ cũ đã học tập cải tạo, bản thân khai báo đầy đủ, trung thực trong lý lịch đảng viên.")
QD58 = regulations.in_force(dt.date(2026, 1, 28), dt.date(2026, 1, 28))[-1]
DATA = {"case_id": 7, "full_name": "Tôn Nữ Thị Phương Thảo", "birth_date": "1950",
        "home_town": "xã Hàm Tiến, tỉnh Bình Thuận", "position": "Phó Trưởng ban", "unit": UNIT, "purpose": "Bổ nhiệm",
        "conclusion_no": "472-CV/BTCTU", "concluded_on": "2026-01-28", "signer": "Trần Văn Ban",
        "result": "Có vấn đề nhưng không vi phạm", "limit_note": LIMIT, "regulation": QD58.citation,
        "regulation_no": QD58.number,
        "slips": [{"number": "0123/PXM", "issued_on": "2026-01-05", "full_name": "Tôn Thất Minh Đức",
                   "relation": "Cha", "recipient": "Phòng PV27 – Công an tỉnh Lâm Đồng", "result_on": "2026-01-20",
                   "result": "Có tài liệu: sĩ quan chế độ cũ, đã học tập cải tạo 1975–1978."},
                  {"number": "0124/PXM", "issued_on": "2026-01-05", "full_name": "Tôn Nữ Thị Phương Thảo",
                   "relation": None, "recipient": "Cục A93B – Bộ Công an", "result_on": None, "result": None}],
        "archive_requests": [{"province": "Tỉnh ủy Quảng Trị", "doc_no": "15-CV/BTCTU", "doc_on": "2026-01-10",
                              "full_name": "Tôn Thất Minh Đức", "answered_on": "2026-01-25",
                              "result": "Không có tài liệu"}]}


def written(tmp_path, made: conclusion.ConclusionSource, options: render.Options) -> tuple[str, str]:
    """The PDF's text and the Word file's (its paragraphs, then its tables' cells), each in one line."""
    pdf, word = tmp_path / "tb.pdf", tmp_path / "tb.docx"
    pdf.write_bytes(render.conclusion_pdf(made, options))
    render.conclusion_docx_file(word, made, options)
    document = docx.Document(str(word))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return (" ".join(" ".join(pdfcheck.lines(pdf)).split()),
            " ".join(" ".join([p.text for p in document.paragraphs if p.text] + cells).split()))


@pdfcheck.needs_poppler
def test_every_form_holds_the_whole_notice_in_its_order(tmp_path, office, options):
    for text in written(tmp_path, conclusion.ConclusionSource(DATA, ON, office, 3), options):
        assert "Số 03-TB/BTCTU" in text and "ngày 02 tháng 02 năm 2026" in text
        position = 0
        for part in ("THÔNG BÁO", "kết luận về tiêu chuẩn chính trị của đồng chí Tôn Nữ Thị Phương Thảo",
                     "Thực hiện Quy định số 58-QĐ/TW ngày 08/02/2022 của Bộ Chính trị",
                     f"Tôn Nữ Thị Phương Thảo (sinh năm 1950, quê quán xã Hàm Tiến, tỉnh Bình Thuận, Phó Trưởng ban, "
                     f"{UNIT}) phục vụ bổ nhiệm",
                     "Căn cứ kết luận số 472-CV/BTCTU ngày 28/01/2026 do Trần Văn Ban ký",
                     "Đồng chí Tôn Nữ Thị Phương Thảo có vấn đề về chính trị nhưng không vi phạm tiêu chuẩn chính trị; "
                     f"mức giới hạn bố trí theo Quy định số 58-QĐ/TW: {LIMIT}",
                     "Tài liệu thẩm tra, xác minh:",
                     "- Phiếu yêu cầu xác minh lai lịch số 0123/PXM ngày 05/01/2026 gửi Phòng PV27 – Công an tỉnh "
                     "Lâm Đồng, về Tôn Thất Minh Đức (cha): trả lời ngày 20/01/2026: Có tài liệu: sĩ quan chế độ cũ, "
                     "đã học tập cải tạo 1975–1978.",
                     "về Tôn Nữ Thị Phương Thảo (bản thân): chưa có trả lời.",
                     "- Đề nghị Tỉnh ủy Quảng Trị nghiên cứu tàng thư (văn bản số 15-CV/BTCTU ngày 10/01/2026), về "
                     "Tôn Thất Minh Đức: trả lời ngày 25/01/2026: Không có tài liệu.",
                     "thông báo để cấp ủy, cơ quan có liên quan biết, thực hiện./.",
                     "Nơi nhận:", "- Cấp ủy, cơ quan đề nghị thẩm tra,"):
            assert part in text[position:], (part, text)
            position = text.index(part, position) + len(part)
        assert "K/T TRƯỞNG BAN" in text and "PHÓ TRƯỞNG BAN" in text
        assert ".." not in text  # a value typed with its full stop ends the sentence once


def test_the_relation_is_a_word_of_the_sentence_and_a_notice_issued_before_keeps_its_capital(office, options):
    data = {**DATA, "slips": [{**DATA["slips"][0], "relation": "Mẹ chồng"}]}
    now = conclusion.texts(conclusion.ConclusionSource(data, ON, office, 3), options.profile)
    assert "về Tôn Thất Minh Đức (mẹ chồng): trả lời" in now.evidence[0]
    before = conclusion.texts(conclusion.ConclusionSource(data, ON, office, 3, wording=2), options.profile)
    assert "về Tôn Thất Minh Đức (Mẹ chồng): trả lời" in before.evidence[0]


@pytest.mark.parametrize("result, said", [
    ("Đủ tiêu chuẩn", "Đồng chí Tôn Nữ Thị Phương Thảo đủ tiêu chuẩn chính trị để bổ nhiệm."),
    ("Chưa đủ tiêu chuẩn", "Đồng chí Tôn Nữ Thị Phương Thảo chưa đủ tiêu chuẩn chính trị để bổ nhiệm.")])
def test_the_result_is_stated_for_the_purpose(office, options, result, said):
    made = conclusion.ConclusionSource({**DATA, "result": result, "limit_note": None}, ON, office, 3)
    assert conclusion.texts(made, options.profile).result == said


def test_a_person_vetted_for_admission_is_not_yet_called_comrade_and_an_unknown_birth_is_left_out(office, options):
    data = {**DATA, "purpose": "Kết nạp Đảng", "birth_date": None, "position": None, "unit": None,
            "result": "Đủ tiêu chuẩn", "limit_note": None, "slips": [], "archive_requests": []}
    words = conclusion.texts(conclusion.ConclusionSource(data, ON, office, 3), options.profile)
    assert words.subject == ("kết luận về tiêu chuẩn chính trị", "của quần chúng Tôn Nữ Thị Phương Thảo")
    assert "quần chúng Tôn Nữ Thị Phương Thảo (quê quán xã Hàm Tiến, tỉnh Bình Thuận) phục vụ kết nạp Đảng" \
        in words.opening
    assert words.evidence == ("- Hồ sơ không có phiếu yêu cầu xác minh lai lịch, đề nghị nghiên cứu tàng thư nào.",)


@pdfcheck.needs_poppler
def test_a_draft_has_no_number_and_no_day(tmp_path, office, options):
    made = conclusion.ConclusionSource(DATA, ON, office, None)
    for text in written(tmp_path, made, options):
        assert "-TB/BTCTU" in text and "03-TB" not in text and "ngày 02 tháng 02" not in text
    assert "DỰ THẢO" in " ".join(pdfcheck.lines(tmp_path / "tb.pdf"))


def test_the_decision_to_vet_opens_the_notice_and_the_minutes_are_part_of_its_evidence(office, options):
    """A case recording the competent cấp ủy's decision and its verification minutes: the notice cites the
    decision beside the regulation and lists each minutes by its kind, day and place after the slips and
    requests — the officer's summary stays in the case. A notice issued before the case recorded them keeps
    the words it was issued with, and one issued with the summaries prints them again as issued."""
    data = {**DATA, "decision_no": "125-QĐ/TU", "decision_on": "2026-01-02", "decision_by": "Ban Thường vụ Tỉnh ủy",
            "minutes": [{"held_on": "2026-01-15", "place": "UBND xã Hàm Liêm",
                         "summary": "Gia đình khai báo đúng như lý lịch đã khai."},
                        {"held_on": "2026-01-16", "place": None, "summary": "Làm việc với chi bộ nơi cư trú"}]}
    words = conclusion.texts(conclusion.ConclusionSource(data, ON, office, 3), options.profile)
    assert words.opening.startswith("Thực hiện Quy định số 58-QĐ/TW ngày 08/02/2022 của Bộ Chính trị")
    assert ("và Quyết định số 125-QĐ/TU ngày 02/01/2026 của Ban Thường vụ Tỉnh ủy, Ban Tổ chức Tỉnh ủy đã thẩm tra"
            in words.opening)
    assert words.evidence[-2:] == ("- Biên bản thẩm tra, xác minh ngày 15/01/2026 tại UBND xã Hàm Liêm.",
                                   "- Biên bản thẩm tra, xác minh ngày 16/01/2026.")
    issued = conclusion.texts(conclusion.ConclusionSource(data, ON, office, 3, wording=3), options.profile)
    assert issued.evidence[-2:] == (
        "- Biên bản thẩm tra, xác minh ngày 15/01/2026 tại UBND xã Hàm Liêm: Gia đình khai báo đúng như lý lịch đã "
        "khai.", "- Biên bản thẩm tra, xác minh ngày 16/01/2026: Làm việc với chi bộ nơi cư trú.")
    before = conclusion.texts(conclusion.ConclusionSource(DATA, ON, office, 3), options.profile)
    assert "Quyết định số" not in before.opening and not any("Biên bản" in line for line in before.evidence)
