"""An audit entry in words: what the trail keeps as short keys, an inspector reads in Vietnamese."""

import pytest

from bvct_desktop.core import audit_words

# the details the services write besides record fields and settings, as the trail shows them
SAID = {
    "the_he_tep_khoa": "Thế hệ tệp khóa", "muc_dang_thuc_hien": "Mục đang thực hiện", "ma_hoa": "Mã hóa",
    "phan_da_viet": "Phần đã viết", "trich_yeu": "Trích yếu", "xem_truoc": "Xem trước",
    "so_ban_ghi": "Số bản ghi", "so_van_ban": "Số văn bản", "tinh_trang": "Tình trạng", "noi_nhan": "Nơi nhận",
    "so_quyet_dinh": "Số quyết định", "may_in": "Máy in", "tu_trang": "Từ trang", "den_trang": "Đến trang",
    "so_ban": "Số bản", "so_muc_nhat_ky": "Số mục nhật ký", "da_kiem_tra": "Đã kiểm tra", "tu_tep": "Từ tệp",
    "len_may_chu": "Lên máy chủ", "nguoi_dung_chua_co_mat_khau": "Người dùng chưa có mật khẩu",
    "the_he_co_so_du_lieu": "Thế hệ cơ sở dữ liệu",
}


@pytest.mark.parametrize("key", SAID)
def test_each_detail_the_services_write_is_named_in_vietnamese(key):
    assert audit_words.label(None, key) == SAID[key]


def test_an_issued_document_reads_with_its_number_and_subject():
    assert (audit_words.describe("report", {"so_van_ban": "07-BC/BTCTU", "trich_yeu": "Báo cáo 9 tháng"})
            == "Số văn bản: 07-BC/BTCTU; Trích yếu: Báo cáo 9 tháng")


@pytest.mark.parametrize("kind, words", [
    ("slips", "Phiếu yêu cầu xác minh lai lịch"), ("report", "Báo cáo"), ("reminder", "Công văn"),
    ("relatives", "Thân nhân"), ("foreign-elements", "Yếu tố nước ngoài"), ("political-notes", "Vấn đề chính trị"),
    ("recipients", "Nơi nhận phiếu"), (None, "")])
def test_what_an_entry_is_about_is_named_in_vietnamese(kind, words):
    assert audit_words.kind_text(kind) == words
