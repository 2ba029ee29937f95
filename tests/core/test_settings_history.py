"""Office settings have a history: a value corrected for its whole span, or a new value from a day
(Tỉnh ủy Bình Thuận became part of Tỉnh ủy Lâm Đồng on 01/7/2025); documents read the values in
force on their own date; a setting printed on every document is never empty."""

import datetime as dt
from pathlib import Path

import pytest

from bvct_desktop.core import files, importing, setting_notes, settings, vault
from bvct_desktop.core.errors import InputError
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.io.xlsx_reader import Sheet
from tests.conftest import ADMIN, PASSWORD

TODAY = dt.datetime(2026, 3, 1, 9, 0)
MERGER = dt.date(2025, 7, 1)


@pytest.fixture
def db(cli):
    database = vault.unlock(cli.db, ADMIN, PASSWORD, clock=lambda: TODAY)
    yield database
    database.close()


def test_a_new_value_from_a_day_keeps_the_old_one_until_the_day_before(db):
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY BÌNH THUẬN")  # corrects the value now in force
    settings.set_setting(db, "co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", MERGER)
    assert settings.list_settings(db, dt.date(2016, 1, 5))["co_quan_cap_tren"] == "TỈNH ỦY BÌNH THUẬN"
    assert settings.list_settings(db, dt.date(2025, 6, 30))["co_quan_cap_tren"] == "TỈNH ỦY BÌNH THUẬN"
    assert settings.list_settings(db, MERGER)["co_quan_cap_tren"] == "TỈNH ỦY LÂM ĐỒNG"
    assert settings.list_settings(db)["co_quan_cap_tren"] == "TỈNH ỦY LÂM ĐỒNG"  # today
    spans = settings.settings_history(db).changed()["co_quan_cap_tren"]
    assert [(span.valid_from, span.until, span.value) for span in spans] == [
        (None, dt.date(2025, 6, 30), "TỈNH ỦY BÌNH THUẬN"), (MERGER, None, "TỈNH ỦY LÂM ĐỒNG")]


def test_a_correction_changes_only_the_span_in_force(db):
    settings.set_setting(db, "dia_danh", "Bình Thuận")
    settings.set_setting(db, "dia_danh", "Lâm Đồng", MERGER)
    settings.set_setting(db, "dia_danh", "Lâm  Đồng ")  # today's span: cleaned, the earlier one kept
    history = settings.settings_history(db)
    assert history.on(dt.date(2016, 1, 1))["dia_danh"] == "Bình Thuận"
    assert history.on(dt.date(2026, 1, 1))["dia_danh"] == "Lâm Đồng"
    settings.set_setting(db, "dia_danh", "Lâm Đồng (mới)", MERGER)  # the same first day: replaced
    assert len(settings.settings_history(db).spans["dia_danh"]) == 2


@pytest.mark.parametrize("key", ["co_quan_cap_tren", "co_quan", "ky_hieu", "dia_danh", "quyen_ky", "chuc_vu_ky"])
def test_a_setting_printed_on_documents_is_never_empty(db, key):
    before = settings.list_settings(db)[key]
    for value in ("", "   "):
        with pytest.raises(InputError, match="không được để trống"):
            settings.set_setting(db, key, value)
        with pytest.raises(InputError, match="không được để trống"):
            settings.set_setting(db, key, value, MERGER)
    assert settings.list_settings(db)[key] == before
    settings.set_setting(db, "nguoi_ky", "Nguyễn Văn An")
    assert settings.set_setting(db, "nguoi_ky", "") == ""  # the signer's name may wait


AUTO_LOCK_RANGE = "«Tự động khóa sau (phút)» (tu_dong_khoa_phut) phải là số nguyên từ 1 đến 1440."
SYMBOL_WORD = ("«Ký hiệu cơ quan» (ky_hieu) viết liền, không có dấu «/» hay khoảng trắng, ví dụ «BTCTU» "
               "(số văn bản in «Số 02-CV/BTCTU»).")


@pytest.mark.parametrize("key, refused, told", [
    ("tu_dong_khoa_phut", "99999999999", AUTO_LOCK_RANGE),
    ("tu_dong_khoa_phut", "0", AUTO_LOCK_RANGE),
    ("han_tra_loi_phieu_ngay", "366", "«Hạn trả lời phiếu (ngày)» (han_tra_loi_phieu_ngay) phải là số nguyên từ 1 "
                                      "đến 365."),
    ("han_bao_cao_sau_chuyen_di_ngay", "²", "«Hạn báo cáo sau chuyến đi của đoàn ra (ngày làm việc)» "
                                           "(han_bao_cao_sau_chuyen_di_ngay) phải là số nguyên từ 1 đến 365."),
    ("hieu_luc_ket_luan_thang", "121", "«Hiệu lực kết luận tiêu chuẩn chính trị (tháng)» (hieu_luc_ket_luan_thang) "
                                       "phải là số nguyên từ 1 đến 120."),
    ("han_tham_tra_ngay", "Bầu cử: 366", "«han_tham_tra_ngay»: «Bầu cử: 366»: số ngày phải từ 0 đến 365."),
    ("co_quan", "B" * 5000, "«Cơ quan ban hành» (co_quan) dài tối đa 255 ký tự; giá trị đã nhập có 5000 ký tự."),
    ("nhiem_ky_bat_dau", "20251001", "«Ngày bắt đầu nhiệm kỳ» (nhiem_ky_bat_dau) phải là ngày dạng YYYY-MM-DD."),
    ("do_mat", "TỐI MẬT", "«Độ mật» (do_mat) chỉ nhận giá trị rỗng hoặc «MẬT»."),
    ("ky_hieu", "BTC/TU", SYMBOL_WORD),  # would be issued «Số 02-CV/BTC/TU»
    ("ky_hieu", "btctu x", SYMBOL_WORD),
    ("hoi_lai_mat_khau", "đôi khi", "«Hỏi lại mật khẩu trước khi xuất hoặc in» (hoi_lai_mat_khau) chỉ nhận «Có» "
                                    "hoặc «Không»."),
    ("thu_muc_sao_luu_2", "/" + "a" * 255, "«Thư mục sao lưu thứ hai (ổ USB hoặc thư mục mạng)» (thu_muc_sao_luu_2) "
                                           "dài tối đa 255 ký tự; giá trị đã nhập có 256 ký tự."),
])
def test_a_value_out_of_its_range_is_refused_naming_the_setting_and_the_range(db, key, refused, told):
    before = settings.list_settings(db)[key]
    for start in (None, MERGER):
        with pytest.raises(InputError) as refusal:
            settings.set_setting(db, key, refused, start)
        assert refusal.value.message == told
    assert settings.list_settings(db)[key] == before


@pytest.mark.parametrize("key, typed, stored", [
    ("ky_bao_cao_thong_ke", "tu 15/12 nam truoc", "từ 15/12 năm trước"),
    ("hoi_lai_mat_khau", "KHONG", "Không"),
    ("do_mat", "mat", "MẬT"),
])
def test_a_choice_is_taken_without_accents_or_case_and_stored_as_declared(db, key, typed, stored):
    assert settings.set_setting(db, key, typed) == stored
    assert settings.list_settings(db)[key] == stored


def test_a_choice_typed_otherwise_than_the_value_in_force_changes_nothing(db):
    assert settings.set_setting(db, "ky_bao_cao_thong_ke", "Nam duong lich") is None
    assert settings.set_setting(db, "hoi_lai_mat_khau", "co") is None


@pytest.mark.parametrize("key, value", [("tu_dong_khoa_phut", "1"), ("tu_dong_khoa_phut", "1440"),
                                        ("han_tra_loi_phieu_ngay", "365"), ("hieu_luc_ket_luan_thang", "120"),
                                        ("han_tham_tra_ngay", "Bầu cử: 0; Bổ nhiệm: 365"), ("co_quan", "B" * 255)])
def test_the_ends_of_a_range_are_taken(db, key, value):
    assert settings.set_setting(db, key, value) == value


def test_a_symbol_typed_in_lower_case_is_stored_as_numbers_print_it(db):
    assert settings.set_setting(db, "ky_hieu", "đu") == "ĐU"
    assert settings.set_setting(db, "ky_hieu", "btctu", MERGER) == "BTCTU"


@pytest.mark.parametrize(("key", "typed", "stored"), [
    ("co_quan_cap_tren", "Thành uỷ Thành phố Hồ Chí Minh", "THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH"),
    ("co_quan", "Ban Tổ chức và Bảo vệ chính trị nội bộ", "BAN TỔ CHỨC VÀ BẢO VỆ CHÍNH TRỊ NỘI BỘ"),
    ("quyen_ky", "t/l trưởng ban", "T/L TRƯỞNG BAN"),
    ("chuc_vu_ky", "Chánh Văn phòng", "CHÁNH VĂN PHÒNG"),
])
def test_the_letterhead_names_and_the_signers_titles_typed_in_lower_case_are_stored_in_capitals(db, key, typed,
                                                                                                stored):
    """HD 36 prints them IN HOA; typed otherwise they printed as typed («t/l trưởng ban» over the signature)."""
    assert settings.set_setting(db, key, typed, MERGER) == stored
    assert settings.list_settings(db)[key] == stored
    assert settings.set_setting(db, "nguoi_ky", "Trần Lê Hoàng Minh Châu") == "Trần Lê Hoàng Minh Châu"
    assert settings.set_setting(db, "dia_danh", "Thành phố Hồ Chí Minh") == "Thành phố Hồ Chí Minh"


def test_the_reports_recipients_are_a_list_the_office_edits_and_dates(db):
    """«Nơi nhận» of the periodic report: a city's committee (Thành ủy) writes its own; items are
    cut at «;», the punctuation the document adds is not stored; documents read the list in force on
    their day."""
    assert settings.list_settings(db)["noi_nhan_bao_cao"] == settings.REPORT_RECIPIENTS
    stored = settings.set_setting(db, "noi_nhan_bao_cao", " Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ),;; "
                                  "Thường trực Thành ủy (để báo cáo),; Lưu VP, Phòng BVCTNB. ", MERGER)
    assert stored == ("Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ); Thường trực Thành ủy (để báo cáo); "
                      "Lưu VP, Phòng BVCTNB")
    assert settings.listed_lines(settings.list_settings(db)["noi_nhan_bao_cao"]) == [
        "Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ),", "Thường trực Thành ủy (để báo cáo),",
        "Lưu VP, Phòng BVCTNB."]
    assert settings.list_settings(db, dt.date(2025, 6, 30))["noi_nhan_bao_cao"] == settings.REPORT_RECIPIENTS
    for empty in ("", " ; ; ", ".,"):
        with pytest.raises(InputError, match="cần ít nhất một nơi nhận"):
            settings.set_setting(db, "noi_nhan_bao_cao", empty)
    with pytest.raises(InputError, match="dài tối đa 800 ký tự"):
        settings.set_setting(db, "noi_nhan_bao_cao", "; ".join(["Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh"] * 20))
    assert settings.list_settings(db)["noi_nhan_bao_cao"] == stored


@pytest.mark.file_only("writes a stored setting into the file directly, as an older release left it")
def test_a_symbol_stored_before_the_rule_still_prints_and_leaves_the_other_settings_editable(db):
    from bvct_desktop.core.schema import settings as settings_table

    with db.write() as connection:
        connection.execute(settings_table.update().where(settings_table.c.key == "ky_hieu").values(value="BTC/TU"))
    assert settings.list_settings(db)["ky_hieu"] == "BTC/TU"
    assert settings.set_setting(db, "dia_danh", "Bình Thuận") == "Bình Thuận"


def test_every_change_is_audited_with_its_first_day(db):
    import json

    from sqlalchemy import select

    from bvct_desktop.core.schema import audit_log

    settings.set_setting(db, "dia_danh", "Bình Thuận")
    settings.set_setting(db, "dia_danh", "Lâm Đồng", MERGER)
    with db.read() as connection:
        details = connection.execute(select(audit_log.c.details).where(audit_log.c.action == "thay đổi thiết lập")
                                     .order_by(audit_log.c.id.desc())).scalar()
    assert "dia_danh từ 2025-07-01" in json.loads(details)


def setting_changes(db) -> int:
    from sqlalchemy import func, select

    from bvct_desktop.core.schema import audit_log

    with db.read() as connection:
        return connection.execute(select(func.count()).where(audit_log.c.action == "thay đổi thiết lập")).scalar()


def test_a_value_already_in_force_is_neither_written_again_nor_audited(db):
    settings.set_setting(db, "dia_danh", "Bình Thuận")
    settings.set_setting(db, "dia_danh", "Lâm Đồng", MERGER)
    spans, changes = settings.settings_history(db).spans["dia_danh"], setting_changes(db)
    assert settings.set_setting(db, "dia_danh", "  Lâm   Đồng  ") is None  # today's value, once cleaned
    assert settings.set_setting(db, "dia_danh", "Lâm Đồng", dt.date(2025, 9, 1)) is None  # in force from MERGER
    assert settings.set_setting(db, "dia_danh", "Bình Thuận", dt.date(2016, 1, 1)) is None
    assert settings.set_setting(db, "dia_danh", "Lâm Đồng", MERGER) is None
    assert settings.settings_history(db).spans["dia_danh"] == spans and setting_changes(db) == changes


def test_deadlines_read_the_value_in_force_on_their_day(db):
    settings.set_setting(db, "han_tra_loi_phieu_ngay", "45", dt.date(2026, 1, 1))
    with db.read() as connection:
        assert settings.read_all(connection, dt.date(2025, 12, 31))["han_tra_loi_phieu_ngay"] == "30"
        assert settings.read_all(connection, dt.date(2026, 2, 1))["han_tra_loi_phieu_ngay"] == "45"


def test_a_deadline_corrected_rather_than_started_from_a_day_says_it_moves_those_already_running(db):
    """«Hạn trả lời phiếu» typed 60 on the page's form corrects the value in force for its whole span: the
    slips already issued are due by it too. The administrator who meant «from now on» is told how."""
    assert setting_notes.saved_note(db, "han_tra_loi_phieu_ngay", "60") == (
        "«Hạn trả lời phiếu (ngày)» đã sửa cả cho những phiếu đã phát hành: hạn của chúng cũng tính theo 60 ngày. "
        "Nếu chỉ áp dụng từ một ngày, đặt giá trị mới áp dụng từ ngày đó (giá trị cũ giữ đến hôm trước).")
    assert setting_notes.saved_note(db, "han_bao_cao_sau_chuyen_di_ngay", "10").startswith(
        "«Hạn báo cáo sau chuyến đi của đoàn ra (ngày làm việc)» đã sửa cả cho những đoàn đã về: hạn của chúng cũng "
        "tính theo 10 ngày làm việc.")
    assert setting_notes.saved_note(db, "han_tra_loi_phieu_ngay", "60", dt.date(2026, 3, 1)) is None


def test_a_term_start_set_ahead_of_today_says_no_document_is_numbered_until_that_day(db):
    """The congress is set for 10/03/2026 and the administrator types that day on 01/03/2026: from then on no
    document could take a number until the 10th (one dated before its term is refused), without a word. Set
    from that day instead, the term before it goes on until the day before: nothing to say."""
    assert setting_notes.saved_note(db, "nhiem_ky_bat_dau", "2026-03-10") == (
        "Lưu ý: ngày bắt đầu nhiệm kỳ 10/03/2026 sau hôm nay (01/03/2026): từ nay đến hết ngày 09/03/2026 không "
        "phát hành được văn bản có số nào (văn bản không ghi ngày trước ngày bắt đầu nhiệm kỳ của nó). Nếu nhiệm kỳ "
        "hiện tại còn đến hết ngày 09/03/2026: trả lại ngày bắt đầu của nhiệm kỳ hiện tại, rồi đặt ngày 10/03/2026 "
        "áp dụng từ ngày 10/03/2026.")
    assert setting_notes.saved_note(db, "nhiem_ky_bat_dau", "2026-03-10", dt.date(2026, 3, 5)).startswith(
        "Lưu ý: ngày bắt đầu nhiệm kỳ 10/03/2026 sau hôm nay (01/03/2026): từ ngày 05/03/2026 đến hết ngày "
        "09/03/2026 không phát hành được")
    assert setting_notes.saved_note(db, "nhiem_ky_bat_dau", "2026-03-10", dt.date(2026, 3, 10)) is None
    assert setting_notes.saved_note(db, "nhiem_ky_bat_dau", "2026-03-01") is None  # today: the term begins now


def test_a_second_backup_folder_that_is_not_there_is_warned_about_not_refused(db, tmp_path):
    """«Thư mục sao lưu thứ hai» took a folder that did not exist without a word."""
    missing = tmp_path / "o-usb-chua-cam"
    assert settings.set_setting(db, "thu_muc_sao_luu_2", str(missing)) == str(missing)
    assert setting_notes.saved_note(db, "thu_muc_sao_luu_2", str(missing)) == (
        f"Chưa thấy thư mục sao lưu thứ hai «{missing}» (ổ USB chưa cắm?): bản sao lưu tự động sẽ không chép ra "
        "được cho đến khi thư mục này có mặt và ghi được.")
    missing.mkdir()
    assert setting_notes.saved_note(db, "thu_muc_sao_luu_2", str(missing)) is None
    assert setting_notes.saved_note(db, "thu_muc_sao_luu_2", "") is None


def test_a_second_backup_folder_that_cannot_be_written_is_warned_about(db, tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    note = setting_notes.saved_note(db, "thu_muc_sao_luu_2", str(tmp_path))
    assert note.startswith(f"Không ghi được vào thư mục sao lưu thứ hai «{tmp_path}» (")
    assert note.endswith("): bản sao lưu tự động sẽ không chép ra được cho đến khi thư mục này có mặt và ghi được.")


SLIP_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Nơi nhận phiếu"]


def issue_slips(db, *days: str) -> None:
    rows = [[f"{number}/PXM", day, "Nguyễn Thị Phương Thảo", "Cục A93B – Bộ Công an"]
            for number, day in enumerate(days, start=1001)]
    sheet = Sheet.of_rows(Path("phieu.xlsx"), [SLIP_HEADERS, *rows])
    assert importing.import_sheet(db, kind_named("slips"), sheet).ok


DELEGATION_HEADERS = ["Số quyết định", "Ngày quyết định", "Tên đoàn", "Nước đến", "Ngày đi", "Ngày về",
                      "Họ và tên thành viên", "Ngày sinh"]


def send_delegations(db, *decided: tuple[str, str]) -> None:
    """One delegation for each (decision number, decision day); no number: not decided yet."""
    rows = [[number, day, f"Đoàn công tác {index}", "Nhật Bản", "01/06/2026", "08/06/2026", "Lê Đình Hoàng Long",
             "1975"] for index, (number, day) in enumerate(decided)]
    sheet = Sheet.of_rows(Path("doan.xlsx"), [DELEGATION_HEADERS, *rows])
    assert importing.import_sheet(db, kind_named("delegations"), sheet).ok


def test_a_signer_set_from_a_day_already_past_says_which_printed_slips_and_lists_now_print_differently(db):
    settings.set_setting(db, "nguoi_ky", "Nguyễn Thị Phương Thảo")
    issue_slips(db, "05/01/2026", "10/02/2026", "20/02/2026")
    send_delegations(db, ("12-QĐ/TU", "25/01/2026"), ("31-QĐ/TU", "15/02/2026"), ("", ""))
    settings.set_setting(db, "nguoi_ky", "Trần Lê Hoàng Minh Châu", dt.date(2026, 2, 1))
    assert setting_notes.saved_note(db, "nguoi_ky", "Trần Lê Hoàng Minh Châu", dt.date(2026, 2, 1)) == (
        "Lưu ý: 2 phiếu yêu cầu xác minh lai lịch và 1 danh sách trích ngang đoàn ra đã phát hành (ghi ngày từ "
        "01/02/2026) in lại sẽ mang «Người ký» mới («Trần Lê Hoàng Minh Châu»); muốn những văn bản ấy giữ giá trị "
        "cũ, hãy đặt giá trị mới từ một ngày sau chúng.")


def test_a_correction_names_the_slips_of_the_span_it_corrects_and_a_new_value_from_today_none(db):
    settings.set_setting(db, "dia_danh", "Bình Thuận")
    settings.set_setting(db, "dia_danh", "Lâm Đồng", MERGER)
    issue_slips(db, "30/06/2025", "01/07/2025", "15/01/2026")
    settings.set_setting(db, "dia_danh", "Bình Thuận (cũ)", dt.date(2016, 1, 1))
    assert "2 phiếu yêu cầu xác minh lai lịch đã phát hành (ghi ngày từ 01/07/2025) in lại" in setting_notes.saved_note(
        db, "dia_danh", "Lâm Đồng", None)  # today's span: from the merger on
    assert "1 phiếu yêu cầu xác minh lai lịch đã phát hành (ghi ngày từ 01/01/2016 đến 30/06/2025) in lại" in (
        setting_notes.saved_note(db, "dia_danh", "Bình Thuận (cũ)", dt.date(2016, 1, 1)))
    settings.set_setting(db, "dia_danh", "Lâm Đồng", TODAY.date())
    settings.set_setting(db, "dia_danh", "Tỉnh Lâm Đồng", TODAY.date())
    assert setting_notes.saved_note(db, "dia_danh", "Tỉnh Lâm Đồng", TODAY.date()) is None  # nothing issued from today
    assert setting_notes.saved_note(db, "tu_dong_khoa_phut", "15", None) is None  # not printed on a slip
    assert setting_notes.saved_note(db, "ky_hieu", "BTCTU", None) is None  # slips carry their own numbers


def test_the_history_says_a_value_starting_after_today_is_still_to_come(db):
    settings.set_setting(db, "nguoi_ky", "Nguyễn Thị Phương Thảo")
    settings.set_setting(db, "nguoi_ky", "Trần Lê Hoàng Minh Châu", dt.date(2026, 7, 1))
    shown = [span.days_shown(TODAY.date()) for span in settings.settings_history(db).changed()["nguoi_ky"]]
    assert shown == [("từ đầu", "30/06/2026"), ("01/07/2026", "về sau (chưa áp dụng)")]
    assert settings.settings_history(db).changed()["nguoi_ky"][1].days_shown(dt.date(2026, 7, 1)) == (
        "01/07/2026", "nay")
