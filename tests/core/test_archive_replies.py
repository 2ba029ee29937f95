"""A police reply is read as an officer reads it: a negation governs what follows it in its clause and
the enumeration after it, a unit's name is not a finding, and a reply that does find a record counts."""

import json

import docx
import pytest

from bvct_desktop.core.archive_replies import found_archive_record
from tests.conftest import workbook
from tests.samples import SAMPLES

YEAR = ("--from", "2025-01-01", "--to", "2025-12-31")
NOTES = "## Ưu điểm\nPhối hợp tốt.\n## Hạn chế, khuyết điểm\nCòn chậm.\n## Phương hướng, nhiệm vụ\nTiếp tục.\n"

FOUND = [
    "Có tài liệu lưu trữ: hồ sơ số 1234/TT lưu tại tàng thư căn cước chế độ cũ",
    "Phát hiện hồ sơ can phạm số 56/HS năm 1972",
    "Có tài liệu: hồ sơ lưu tại tàng thư căn cước chế độ cũ số 12345, người này từng là hạ sĩ quan quân đội "
    "Sài Gòn giai đoạn 1968–1975",
    "Có tên trong tàng thư căn cước chế độ cũ, nguyên là trung sĩ Không quân Sài Gòn",
    "Có hồ sơ lưu trữ chế độ cũ: nguyên là thượng sĩ Không quân Sài Gòn",
    "Không có tiền án, tiền sự; có tài liệu lưu trữ tại tàng thư chế độ cũ",
    "Không có tiền án, tiền sự nhưng có hồ sơ lưu trữ thời chế độ cũ",
    "Không có tiền án, tiền sự, có hồ sơ lưu trữ thời chế độ cũ",
    "Tàng thư căn cước: có, phiếu số 889/TT",
    "Kết quả tra cứu tàng thư: Có",
    "Hồ sơ số 77/HS lưu tại tàng thư, đã gửi bản trích lục kèm theo",
    "Trích lục hồ sơ: nguyên là lính bảo an (1970–1973)",
    "Đã tra cứu tàng thư căn cước, phát hiện tài liệu liên quan đến cha đẻ",
    "Kết quả tra cứu: có tài liệu lưu trữ (hồ sơ số 45/TT).",
    "Có tài liệu lưu trữ, đề nghị cử cán bộ đến nghiên cứu trực tiếp tại Phòng Hồ sơ nghiệp vụ",
    "Tìm thấy hồ sơ tù binh năm 1968 tại Cục Hồ sơ nghiệp vụ An ninh",
    # what was searched, said first, is not a request: the reply after it is the finding
    "Qua kiểm tra hồ sơ, đối tượng từng là lính chế độ cũ",
    "Qua tra cứu hồ sơ: đương sự từng là lính chế độ cũ",
    "Qua xác minh hồ sơ, năm 1970 đi lính chế độ cũ",
    "Kiểm tra tàng thư: nguyên là thiếu úy",
    "Qua tra cứu tàng thư phát hiện đương sự là hạ sĩ",
    "Tra cứu tàng thư: có tên, nguyên là thiếu úy",
    "Đã kiểm tra tàng thư căn cước: đương sự từng đi lính bảo an",
    "Kết quả xác minh hồ sơ: nguyên là trung uý ngụy quân",
    "Qua tra cứu tàng thư căn cước chế độ cũ, người này nguyên là sĩ quan",
    "Qua tra cứu tàng thư, có tên trong danh sách hạ sĩ quan chế độ cũ",
    # an extract made is a record found («có tài liệu»)
    "Đã trích lục",
    "Đã trích lục hồ sơ, gửi kèm theo",
    "Trích lục được 01 hồ sơ lưu trữ",
    "Có tài liệu, đã trích lục",
    # a reply that says only «có vấn đề» (the officer's word for a finding that bears on the standard)
    "Có vấn đề",
    "Có vấn đề về lịch sử chính trị",
    "Có vấn đề chính trị hiện nay: tham gia tổ chức phản động lưu vong",
]

NOT_FOUND = [
    # no extract, nothing to extract from: «không có tài liệu»
    "Không trích lục được",
    "Chưa trích lục được hồ sơ",
    "Không có tài liệu để trích lục",
    "Tàng thư không có tài liệu để trích lục.",
    "Kết quả trích lục: không có tài liệu",
    "Không trích lục được vì thiếu năm sinh",
    "Đề nghị bổ sung thông tin để trích lục",
    None, "", "Không có tiền án, tiền sự", "Đã xác minh, không có vấn đề chính trị",
    "Không có tài liệu lưu trữ liên quan đến người được xác minh tại tàng thư của đơn vị; đề nghị Ban Tổ chức "
    "liên hệ Phòng Hồ sơ nghiệp vụ Công an tỉnh Đồng Nai để tra cứu thêm theo nơi ở trước năm 1975",
    "Không có tài liệu",
    "Không có tàng thư",
    "Chưa tìm thấy hồ sơ, tàng thư",
    "Không có tài liệu. Đề nghị liên hệ Phòng Hồ sơ Công an tỉnh Bình Thuận",
    "Không phát hiện tài liệu, hồ sơ liên quan",
    "Không có tài liệu, hồ sơ, tàng thư hay trích lục liên quan",
    "Đã tra cứu tàng thư căn cước, không phát hiện tài liệu liên quan",
    "Tàng thư không lưu hồ sơ của người này",
    "Tài liệu lưu trữ: không có",
    "Hồ sơ, tàng thư: không có",
    "Kết quả tra cứu tàng thư: không",
    "Chưa có kết quả tra cứu hồ sơ",
    "Không tìm thấy tên trong tàng thư căn cước chế độ cũ",
    "Chưa phát hiện tài liệu lưu trữ chế độ cũ",
    "Không có quan hệ với chế độ cũ",
    "Đề nghị bổ sung thông tin về cha, mẹ để tra cứu hồ sơ",
    "Trả lại phiếu: thiếu năm sinh, không đủ thông tin để tra cứu tàng thư",
    "Đang tra cứu hồ sơ, sẽ trả lời sau",
    "Không có tài liệu; Cục Hồ sơ nghiệp vụ An ninh đã chuyển phiếu về Phòng PV27",
    # a negation takes all its verbs along
    "Không thấy có tài liệu lưu trữ",
    "Chưa thấy có hồ sơ",
    "Không tìm thấy có tài liệu liên quan",
    "Không hề thấy có hồ sơ lưu trữ",
    "Chưa tìm thấy có tên trong tàng thư chế độ cũ",
    # what was searched names no finding, whatever it is followed by
    "Qua tra cứu tàng thư căn cước chế độ cũ. Không có tài liệu liên quan",
    "Qua tra cứu hồ sơ lưu trữ, không phát hiện gì",
    "Qua tra cứu tàng thư không phát hiện gì",
    "Qua kiểm tra tàng thư: không có tên",
    "Qua xác minh hồ sơ, đương sự không phải là lính chế độ cũ",
    "Không có tài liệu. Kiểm tra thêm tại tàng thư Bộ Công an",
    # a rank alone is the police officer's
    "Không có tài liệu. Cán bộ tra cứu: Đại úy Trần Văn Bình",
    "Không có vấn đề",
    "Chưa phát hiện vấn đề gì về chính trị",
    "Đề nghị làm rõ vấn đề quê quán trước khi tra cứu",
]


@pytest.mark.parametrize("reply", FOUND)
def test_a_reply_that_finds_a_record_counts(reply):
    assert found_archive_record(reply)


@pytest.mark.parametrize("reply", NOT_FOUND)
def test_a_reply_that_denies_asks_or_only_names_a_unit_does_not(reply):
    assert not found_archive_record(reply)


def test_the_issued_report_finds_no_record_in_replies_that_deny_one(cli, tmp_path):
    headers, rows = SAMPLES["slips"]
    answered = dict(zip(headers, rows[0], strict=True))
    replies = ["Không có tài liệu lưu trữ liên quan; đề nghị Ban Tổ chức liên hệ Phòng Hồ sơ nghiệp vụ Công an tỉnh "
               "Đồng Nai để tra cứu thêm", "Chưa tìm thấy hồ sơ, tàng thư",
               "Không có tài liệu. Đề nghị liên hệ Phòng Hồ sơ Công an tỉnh Bình Thuận",
               "Có tài liệu lưu trữ: hồ sơ số 1234/TT"]
    slips = [list({**answered, "Số phiếu": f"{20 + n}/PXM", "Kết quả": reply}.values())
             for n, reply in enumerate(replies)]
    assert cli("import", "slips", workbook(tmp_path / "phieu.xlsx", headers, slips))[0] == 0
    code, out, _ = cli("report", *YEAR, "--format", "json", "--out", "-")
    assert code == 0 and json.loads(out)["slips_with_archive_record"] == 1
    (tmp_path / "phan-viet.txt").write_text(NOTES, encoding="utf-8")
    assert cli("report", *YEAR, "--format", "docx", "--out", tmp_path / "bc.docx", "--issue",
               "--notes", tmp_path / "phan-viet.txt")[0] == 0
    text = " ".join(paragraph.text for paragraph in docx.Document(tmp_path / "bc.docx").paragraphs)
    assert "đã phát hiện 1 trường hợp có tài liệu lưu trữ (tàng thư) liên quan" in text


def test_a_person_whose_two_slips_found_a_record_is_one_case_found(cli, tmp_path):
    """The report says «đã phát hiện N trường hợp có tài liệu lưu trữ»: a person on a slip to Cục A93B and
    one to Phòng PV27, both replies finding a record, is one trường hợp (two slips)."""
    headers, rows = SAMPLES["slips"]
    answered = dict(zip(headers, rows[0], strict=True))
    slips = [list({**answered, "Số phiếu": number, "Nơi nhận phiếu": recipient,
                   "Kết quả": "Có tài liệu lưu trữ: hồ sơ số 1234/TT"}.values())
             for number, recipient in (("20/PXM", "Cục A93B – Bộ Công an"),
                                       ("21/PXM", "Phòng PV27 – Công an tỉnh Bình Thuận"))]
    assert cli("import", "slips", workbook(tmp_path / "phieu.xlsx", headers, slips))[0] == 0
    code, out, _ = cli("report", *YEAR, "--format", "json", "--out", "-")
    figures = json.loads(out)
    assert code == 0 and figures["slips_with_archive_record"] == 2
    assert figures["slip_subjects_with_archive_record"] == 1


def test_the_report_counts_the_archive_research_whose_reply_found_a_record_each_way(cli, tmp_path):
    """Of the requests dated in the period and answered by its end, those whose «Kết quả» found a record (read as a
    slip's reply is): ours to other provinces, theirs to us; Phụ lục 4 has them in a column of its own."""
    headers, _ = SAMPLES["archive-requests"]
    requests = [["Nghiên cứu giúp tỉnh bạn", "Bình Định", f"{n}-CV/BTCTU", "03/02/2025", f"Lê Văn {name}", "1940",
                 None, answered, result]
                for n, (name, answered, result) in enumerate([
                    ("Một", "20/02/2025", "Có tài liệu: nguyên là trung sĩ Địa phương quân, có trích lục kèm theo"),
                    ("Hai", "20/02/2025", "Không có tài liệu trong tàng thư"),
                    ("Ba", "10/01/2026", "Có tài liệu: nguyên là thiếu úy Cảnh sát Quốc gia")], 100)]
    requests.append(["Nhờ tỉnh bạn nghiên cứu", "Quảng Nam", "200-CV/BTCTU", "05/03/2025", "Trần Thị Bốn", "1950",
                     None, "01/04/2025", "Tàng thư có lưu hồ sơ: nguyên là thư ký Chi khu"])
    assert cli("import", "archive-requests", workbook(tmp_path / "tang-thu.xlsx", headers, requests))[0] == 0
    code, out, _ = cli("report", *YEAR, "--format", "json", "--out", "-")
    figures = json.loads(out)
    assert code == 0
    assert (figures["archive_research_for_other_provinces_with_record"],
            figures["archive_research_requested_from_other_provinces_with_record"]) == (1, 1)
    (tmp_path / "phan-viet.txt").write_text(NOTES, encoding="utf-8")
    assert cli("report", *YEAR, "--format", "docx", "--out", tmp_path / "bc.docx", "--notes",
               tmp_path / "phan-viet.txt")[0] == 0
    appendix = next(table for table in docx.Document(tmp_path / "bc.docx").tables
                    if "Loại yêu cầu" in table.rows[0].cells[1].text)
    assert [[cell.text for cell in row.cells] for row in appendix.rows] == [
        ["STT", "Loại yêu cầu", "Số trường hợp", "Đã có kết quả", "Có tài liệu"],
        ["1", "Nghiên cứu giúp tỉnh bạn", "3", "2", "1"], ["2", "Nhờ tỉnh bạn nghiên cứu", "1", "1", "1"],
        ["", "Tổng cộng", "4", "3", "2"]]
