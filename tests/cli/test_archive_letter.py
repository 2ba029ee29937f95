"""`bvct print archive-letter`: the công văn of a research between provinces' archives is a letter the office
issues as it issues its other letters — a CV number of the term's series, the outgoing register, printed again as
issued — written as PDF or Word, and addressed, once the provinces merged, to the province that holds the archives
now."""

import docx

from bvct_desktop.core import browse, editing, vault
from tests.conftest import ADMIN, PASSWORD, workbook
from tests.io.documents import pdfcheck
from tests.samples import SAMPLES

pytestmark = pdfcheck.needs_poppler
HEADERS = ["Loại yêu cầu", "Tỉnh/thành", "Số văn bản", "Ngày văn bản", "Họ và tên đối tượng", "Ngày sinh", "Quê quán",
           "Ngày trả lời", "Kết quả", "Trích lục kèm theo"]
ASKED = ["Nghiên cứu giúp tỉnh bạn", "Thanh Hóa", "115-CV/BTCTU", "17/11/2026"]


def imported(cli, tmp_path, *rows) -> None:
    assert cli("import", "archive-requests", workbook(tmp_path / "tang-thu.xlsx", HEADERS, list(rows)))[0] == 0


def pdf_text(path) -> str:
    return " ".join(" ".join(pdfcheck.lines(path)).split())


def docx_text(path) -> str:
    """The Word file's paragraphs, then its tables' cells (the letterhead), in one line."""
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join([p.text for p in document.paragraphs if p.text] + cells).split())


def test_an_answer_issued_takes_a_cv_number_fills_the_reply_number_and_prints_again_as_issued(cli, tmp_path):
    imported(cli, tmp_path, [*ASKED, "Lê Văn Thượng", "1947", None, None, "Không có tài liệu", "Không"],
             [*ASKED, "Trần Thị Nở", "1950", None, None, "Có tài liệu: nguyên là y tá", "Có"])
    issued = tmp_path / "cv.pdf"
    code, out, err = cli("print", "archive-letter", "--number", "115-CV/BTCTU", "--out", issued, "--issue")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("Đã phát hành công văn trả lời kết quả nghiên cứu tàng thư số 01-CV/BTCTU ngày ")
    assert lines[0].endswith(f" gửi «Ban Tổ chức Tỉnh ủy Thanh Hóa» về 2 trường hợp ra {issued}")
    day = lines[0].split(" ngày ")[1].split()[0]
    assert lines[1] == (f"Số 01-CV/BTCTU ngày {day} đã ghi vào «Số văn bản trả lời» và «Ngày trả lời» (nơi còn trống) "
                        "của 2 yêu cầu tàng thư.")
    text = pdf_text(issued)
    assert "Số 01-CV/BTCTU" in text and "V/v trả lời kết quả nghiên cứu tàng thư" in text
    assert "Kính gửi: Ban Tổ chức Tỉnh ủy Thanh Hóa" in text
    entry = cli("documents", "list")[1].splitlines()[1].split("\t")
    assert entry[:3] == ["01-CV/BTCTU", day, "Công văn"]
    assert entry[3] == "V/v trả lời kết quả nghiên cứu tàng thư (Ban Tổ chức Tỉnh ủy Thanh Hóa)"
    assert entry[5] == "Ban Tổ chức Tỉnh ủy Thanh Hóa; Lưu Văn phòng Ban" and entry[6] == "đã phát hành"
    # the requests carry the number now: a print of the letter shows it, and it is not issued twice
    again = tmp_path / "in-lai.pdf"
    assert cli("print", "archive-letter", "--number", "115-CV/BTCTU", "--out", again)[0] == 0
    assert "Số 01-CV/BTCTU" in pdf_text(again)
    code, _, err = cli("print", "archive-letter", "--number", "115-CV/BTCTU", "--out", again, "--issue")
    assert code == 2 and "đã có số 01-CV/BTCTU" in err and "Chưa lấy số văn bản." in err
    assert len(cli("documents", "list")[1].splitlines()) == 2
    # written again from the register: the same bytes, and as Word
    for fmt in ("pdf", "docx"):
        assert cli("documents", "print", "01-CV/BTCTU", "--format", fmt, "--out", tmp_path / f"lai.{fmt}")[0] == 0
    assert (tmp_path / "lai.pdf").read_bytes() == issued.read_bytes()
    words = docx_text(tmp_path / "lai.docx")
    assert "Số 01-CV/BTCTU" in words and "Kính gửi: Ban Tổ chức Tỉnh ủy Thanh Hóa" in words
    assert "2. Trần Thị Nở, sinh năm 1950: Có tài liệu: nguyên là y tá (có trích lục kèm theo)." in words


def test_a_letter_is_written_as_word(cli, tmp_path):
    for kind, (headers, rows) in SAMPLES.items():
        assert cli("import", kind, workbook(tmp_path / f"{kind}.xlsx", headers, rows))[0] == 0
    target = tmp_path / "cv.docx"
    code, out, _ = cli("print", "archive-letter", "--number", "45-CV/BTCTU", "--out", target)
    assert code == 0 and out.startswith("Đã in công văn trả lời kết quả nghiên cứu tàng thư gửi «Ban Tổ chức Tỉnh ủy "
                                        "Đồng Nai» về 1 trường hợp ra ")
    words = docx_text(target)
    for part in ("V/v trả lời kết quả nghiên cứu tàng thư", "Kính gửi: Ban Tổ chức Tỉnh ủy Đồng Nai",
                 "Công văn số 45-CV/BTCTU ngày 03/02/2025 của Ban Tổ chức Tỉnh ủy Đồng Nai",
                 "1. Huỳnh Văn Tám, sinh năm 1948, quê quán Tánh Linh", "Trân trọng./."):
        assert part in words, part


def test_a_letter_since_the_merger_goes_to_the_province_that_holds_the_archives_now(cli, tmp_path):
    """Bà Rịa – Vũng Tàu is part of Thành phố Hồ Chí Minh since 01/7/2025: our answer of 2026 to its request is
    addressed to the city's board; the body still names the board that wrote to us."""
    imported(cli, tmp_path, ["Nghiên cứu giúp tỉnh bạn", "Bà Rịa – Vũng Tàu", "88-CV/BTCTU", "10/06/2025",
                             "Phạm Văn Chín", "1949", None, "20/01/2026", "Không có tài liệu", "Không"])
    target = tmp_path / "cv.pdf"
    code, out, _ = cli("print", "archive-letter", "--number", "88-CV/BTCTU", "--out", target)
    assert code == 0 and "gửi «Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh»" in out
    text = pdf_text(target)
    assert "Kính gửi: Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh" in text
    assert "Công văn số 88-CV/BTCTU ngày 10/06/2025 của Ban Tổ chức Tỉnh ủy Bà Rịa – Vũng Tàu" in text


def test_the_requests_of_one_letter_whose_number_was_typed_with_and_without_accents_print_as_that_letter(cli,
                                                                                                          tmp_path):
    """The number is found typed with or without accents, so the letter it finds is all its requests so typed: not
    two letters of one province and one day, which no --date could tell apart."""
    imported(cli, tmp_path, ["Nghiên cứu giúp tỉnh bạn", "Thanh Hóa", "115-CV/BTCTƯ", "17/11/2026", "Lê Văn Thượng",
                             "1947", None, None, "Không có tài liệu", "Không"],
             [*ASKED, "Trần Thị Nở", "1950", None, None, "Có tài liệu: nguyên là y tá", "Có"])
    target = tmp_path / "cv.pdf"
    code, out, err = cli("print", "archive-letter", "--number", "115-CV/BTCTU", "--out", target)
    assert code == 0, err
    assert out.strip().endswith(f"gửi «Ban Tổ chức Tỉnh ủy Thanh Hóa» về 2 trường hợp ra {target}")


OURS = ["Nhờ tỉnh bạn nghiên cứu", "Bình Định", None, "10/11/2026"]


def test_our_request_not_yet_numbered_is_found_by_its_province_and_issued_with_the_next_cv_number(cli, tmp_path):
    """`--number` is the number the requests record, which our request has only once issued: until then it is
    named by its province, and `--issue` takes the next CV number of the term and writes it on the requests."""
    imported(cli, tmp_path, [*OURS, "Đinh Văn Sơn", "1952", "Hoài Nhơn", None, None, None],
             [*OURS, "Đinh Thị Lan", "1955", "Hoài Nhơn", None, None, None])
    target = tmp_path / "de-nghi.pdf"
    code, out, err = cli("print", "archive-letter", "--province", "binh dinh", "--out", target, "--issue")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].startswith("Đã phát hành công văn đề nghị nghiên cứu tàng thư số 01-CV/BTCTU ngày 10/11/2026 ")
    assert lines[1] == "Số 01-CV/BTCTU đã ghi vào «Số văn bản» của 2 yêu cầu tàng thư."
    assert "V/v đề nghị nghiên cứu tàng thư" in pdf_text(target)
    again = tmp_path / "in-lai.pdf"
    assert cli("print", "archive-letter", "--number", "01-CV/BTCTU", "--out", again)[0] == 0
    code, _, err = cli("print", "archive-letter", "--province", "Bình Định", "--out", again, "--issue")
    assert code == 2 and "Không có yêu cầu nghiên cứu tàng thư nào chưa có số văn bản của Bình Định." in err


def test_our_request_issued_names_the_alias_and_the_parents_as_pdf_and_word_and_prints_again_as_issued(cli,
                                                                                                        tmp_path):
    """The alias and the parents recorded on a request (columns after the contract's) go into the letter that asks
    the other province to search, on paper and in Word, and stay so in the letter written again from the register."""
    told = ["Tên gọi khác", "Giới tính", "Họ và tên cha", "Họ và tên mẹ"]
    assert cli("import", "archive-requests", workbook(tmp_path / "t.xlsx", [*HEADERS, *told], [
        [*OURS, "Đinh Văn Sơn", "1952", "Hoài Nhơn", None, None, None, "Ba Sơn", "Nam", "Đinh Văn Cả",
         "Lê Thị Đào"]]))[0] == 0
    said = ("1. Đinh Văn Sơn (bí danh Ba Sơn), sinh năm 1952, quê quán Hoài Nhơn (nay: thuộc Gia Lai), con ông Đinh "
            "Văn Cả và bà Lê Thị Đào.")
    target = tmp_path / "de-nghi.pdf"
    code, _, err = cli("print", "archive-letter", "--province", "Bình Định", "--out", target, "--issue")
    assert code == 0, err
    assert said in pdf_text(target)
    assert cli("documents", "print", "01-CV/BTCTU", "--format", "docx", "--out", tmp_path / "lai.docx")[0] == 0
    assert said in docx_text(tmp_path / "lai.docx")


def test_two_letters_of_a_province_without_a_number_ask_for_the_date(cli, tmp_path):
    imported(cli, tmp_path, [*OURS, "Đinh Văn Sơn", "1952", "Hoài Nhơn", None, None, None],
             [*OURS[:3], "12/11/2026", "Đinh Thị Lan", "1955", "Hoài Nhơn", None, None, None])
    target = tmp_path / "de-nghi.pdf"
    code, _, err = cli("print", "archive-letter", "--province", "Bình Định", "--out", target)
    assert (code, err.strip()) == (2, "Các yêu cầu chưa có số văn bản của Bình Định là của 2 công văn (Nhờ tỉnh bạn "
                                      "nghiên cứu ngày 10/11/2026, Nhờ tỉnh bạn nghiên cứu ngày 12/11/2026); ghi thêm "
                                      "--date để chọn một công văn.")
    code, out, _ = cli("print", "archive-letter", "--province", "Bình Định", "--date", "2026-11-12", "--out", target)
    assert code == 0 and out.startswith("Đã in công văn đề nghị nghiên cứu tàng thư gửi ") and "về 1 trường hợp" in out


def test_the_letter_is_named_by_its_number_or_its_province_one_of_them(cli, tmp_path):
    target = tmp_path / "cv.pdf"
    code, _, err = cli("print", "archive-letter", "--out", target)
    assert code == 2 and "cần một trong các tham số: --number --province" in err
    code, _, err = cli("print", "archive-letter", "--number", "1-CV", "--province", "Bình Định", "--out", target)
    assert code == 2 and "không dùng --province cùng với --number" in err
    assert not target.exists()


def test_our_request_and_a_province_s_letter_without_a_number_of_one_day_are_told_apart_by_its_number(cli, tmp_path):
    """The day cannot tell them apart, only their kind: the province's letter has a number on paper, and once the
    requests record it that number names it, the province ours alone."""
    answered = ["Nghiên cứu giúp tỉnh bạn", "Bình Định", None, OURS[3], "Võ Văn Tư", "1946", "Tuy Phước", None,
                "Không có tài liệu", "Không"]
    imported(cli, tmp_path, [*OURS, "Đinh Văn Sơn", "1952", "Hoài Nhơn", None, None, None], answered)
    target = tmp_path / "cv.pdf"
    told = ("Các yêu cầu chưa có số văn bản của Bình Định ngày 10/11/2026 là của 2 công văn cùng ngày (Nhờ tỉnh bạn "
            "nghiên cứu, Nghiên cứu giúp tỉnh bạn); hãy ghi «Số văn bản» của công văn tỉnh bạn vào các yêu cầu "
            "«Nghiên cứu giúp tỉnh bạn» để chọn công văn ấy theo số văn bản, công văn còn lại theo tỉnh.")
    for date in ([], ["--date", "2026-11-10"]):
        code, _, err = cli("print", "archive-letter", "--province", "Bình Định", *date, "--out", target)
        assert (code, err.strip()) == (2, told)
    db = vault.unlock(cli.db, ADMIN, PASSWORD)
    try:
        request = editing.load(db, "archive-requests", browse.record_ids(db, "archive-requests", "Võ Văn Tư")[0])
        editing.save(db, "archive-requests", request | {"doc_no": "31-CV/BTCTU"}, record_id=request["id"],
                     seen=request[editing.VERSION])
    finally:
        db.close()
    code, out, err = cli("print", "archive-letter", "--number", "31-CV/BTCTU", "--out", target)
    assert code == 0 and out.startswith("Đã in công văn trả lời kết quả nghiên cứu tàng thư gửi "), err
    code, out, err = cli("print", "archive-letter", "--province", "Bình Định", "--out", target)
    assert code == 0 and out.startswith("Đã in công văn đề nghị nghiên cứu tàng thư gửi "), err


def test_a_letter_issued_skips_a_number_of_ours_written_by_hand_on_a_request_so_no_two_letters_share_it(cli,
                                                                                                       tmp_path):
    """Our request to Bình Định was numbered 01-CV/BTCTU on paper the day our request to Quảng Ngãi is issued: the
    letter takes the next free number, 02, as a slip does, else the two letters of one day would share 01 and no
    --date could tell them apart. A province's own number («01-CV/BTCTU» of theirs) is no number of ours."""
    imported(cli, tmp_path, [*OURS[:2], "01-CV/BTCTU", OURS[3], "Đinh Văn Sơn", "1952", "Hoài Nhơn", None, None, None],
             ["Nhờ tỉnh bạn nghiên cứu", "Quảng Ngãi", None, OURS[3], "Trương Văn Bảy", "1951", "Sơn Tịnh", None, None,
              None],
             ["Nghiên cứu giúp tỉnh bạn", "Thanh Hóa", "02-CV/BTCTU", OURS[3], "Lê Văn Thượng", "1947", None, None,
              "Không có tài liệu", "Không"])
    target = tmp_path / "de-nghi.pdf"
    code, out, err = cli("print", "archive-letter", "--province", "Quảng Ngãi", "--out", target, "--issue")
    assert code == 0, err
    assert out.startswith("Đã phát hành công văn đề nghị nghiên cứu tàng thư số 02-CV/BTCTU ngày 10/11/2026 ")
    code, out, err = cli("print", "archive-letter", "--number", "01-CV/BTCTU", "--out", tmp_path / "bd.pdf")
    assert code == 0 and "gửi «Ban Tổ chức Tỉnh ủy Gia Lai» về 1 trường hợp" in out, err
