"""An audit entry in words: what the trail keeps as short keys, an inspector reads in Vietnamese."""

import ast
import datetime as dt
import json
from pathlib import Path

import pytest

import bvct_desktop
from bvct_desktop.core import audit_words, keyfile
from bvct_desktop.core.audit import Entry

PACKAGE = Path(bvct_desktop.__file__).parent
AUDITING = {"audit", "record", "details_text", "_audit_quietly", "_run", "on_output", "audited"}  # take details


def _written_keys() -> dict[str, str]:
    """Every details key the program writes, with where: the dicts given as `details` or to the calls
    that audit, those assigned to a name about details or counts, keys set on such a name, and the
    dicts returned by functions about details or counts or called to make details (a key named by a
    module's constant: its text)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}
    constants: dict[str, str] = {}
    for tree in trees.values():
        for node in tree.body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    pairs = (zip(target.elts, node.value.elts, strict=False)
                             if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple)
                             else [(target, node.value)])
                    constants.update((name.id, value.value) for name, value in pairs if isinstance(name, ast.Name)
                                     and isinstance(value, ast.Constant) and isinstance(value.value, str))
    found: dict[str, str] = {}
    makers: set[str] = set()

    def keys_in(node: ast.AST, where: str) -> None:
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                makers.add(getattr(inner.func, "attr", getattr(inner.func, "id", "")))
            if isinstance(inner, ast.Dict):
                for key in inner.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        found.setdefault(key.value, where)
                    elif isinstance(key, ast.Name) and key.id in constants:
                        found.setdefault(constants[key.id], where)

    def about_details(name: str) -> bool:
        return "details" in name or "counts" in name

    for path, tree in trees.items():
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "details":
                        keys_in(keyword.value, where)
                if getattr(node.func, "attr", getattr(node.func, "id", None)) in AUDITING:
                    for argument in node.args:
                        keys_in(argument, where)
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Name) and about_details(target.id):
                        keys_in(node.value, where)
                    elif (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                          and about_details(target.value.id) and isinstance(target.slice, ast.Constant)):
                        found.setdefault(target.slice.value, where)
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and (about_details(node.name) or node.name in makers):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        keys_in(inner.value, f"{path.relative_to(PACKAGE)}:{inner.lineno}")
    return found


def test_every_details_key_the_program_writes_has_a_vietnamese_label():
    written = _written_keys()
    assert {"tep", "kem_theo", "dinh_dang", "created", "xem_truoc", "may_in", "quyen"} <= set(written)
    settings = {setting.key for setting in audit_words.SETTINGS}
    unnamed = {key: where for key, where in written.items()
               if key not in {*audit_words.WORDS, *audit_words.INTERNAL, *settings}}
    assert unnamed == {}


def test_an_import_s_other_writes_a_setting_from_a_day_and_a_format_read_in_words():
    assert (audit_words.describe("cadres", {"tep": "a.xlsx", "kem_theo": {"Đơn vị công tác mới": 2}})
            == "Tệp: a.xlsx; Kèm theo: Đơn vị công tác mới: 2")
    assert (audit_words.describe(None, {"co_quan từ 2026-07-01": {"cu": "BAN TỔ CHỨC", "moi": "BAN TỔ CHỨC TỈNH ỦY"}})
            == "Cơ quan ban hành (từ 01/07/2026): «BAN TỔ CHỨC» → «BAN TỔ CHỨC TỈNH ỦY»")
    assert (audit_words.describe("slips", {"tep": "phieu.pdf", "nam": 2025, "dinh_dang": "pdf"})
            == "Tệp: phieu.pdf; Năm: 2025; Định dạng: PDF")

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
    ("recipients", "Nơi nhận phiếu"), ("conclusion", "Thông báo kết luận"), ("work-periods", "Quá trình công tác"),
    ("training-courses", "Đào tạo, bồi dưỡng"), ("history-declarations", "Đặc điểm lịch sử bản thân"),
    ("rewards", "Khen thưởng"), ("disciplines", "Kỷ luật"), ("salary-steps", "Diễn biến quá trình lương"),
    ("appraisals", "Nhận xét, đánh giá, xếp loại"), (None, "")])
def test_what_an_entry_is_about_is_named_in_vietnamese(kind, words):
    assert audit_words.kind_text(kind) == words


@pytest.mark.parametrize("kind, key, words", [("work-periods", "unit", "Đơn vị công tác"),
                                              ("training-courses", "study_form", "Hình thức"),
                                              ("history-declarations", "details", "Đã khai báo"),
                                              ("disciplines", "in_effect_until", "Hiệu lực đến"),
                                              ("salary-steps", "grade_code", "Mã ngạch"),
                                              ("appraisals", "as_role", "Đánh giá với tư cách")])
def test_a_change_to_the_person_s_own_account_names_the_field_as_its_form(kind, key, words):
    assert audit_words.label(kind, key) == words


def test_a_record_s_members_are_named_as_its_form_names_them():
    assert audit_words.label("delegations", "members") == "Thành viên"


def test_a_wrong_recovery_key_written_as_a_failed_login_reads_as_what_it_was():
    """Before December 2026 a wrong recovery key was kept as a failed login («sai mật khẩu»)."""
    written = Entry(7, dt.datetime(2026, 3, 2, 8), keyfile.RECOVERY_SLOT, None, "đăng nhập", "failed", None, None,
                    '{"ly_do": "sai mật khẩu"}')
    cells = audit_words.cells(written)
    assert (cells[2], cells[4], cells[8]) == ("(khóa khôi phục)", "mở bằng khóa khôi phục",
                                              "Lý do: «sai khóa khôi phục»")


def test_a_refusal_written_when_a_locked_account_was_called_disabled_reads_as_locked():
    """Before 05/12/2026 the refusal of a locked account's session gave «tài khoản đã bị vô hiệu hóa»,
    the failed login of the same account «tài khoản đã bị khóa»: both read as the second."""
    written = Entry(8, dt.datetime(2026, 3, 2, 8), "canbo", "can-bo", "xem hồ sơ", "refused", None, None,
                    '{"quyen": "BROWSE", "ly_do": "tài khoản đã bị vô hiệu hóa"}')
    assert audit_words.cells(written)[8].startswith("Lý do: «tài khoản đã bị khóa»;")


def test_a_reprint_refused_when_the_register_was_called_ban_hanh_reads_as_phat_hanh():
    """Before 05/12/2026 the register of issued documents was «văn bản đã ban hành» in the trail."""
    written = Entry(9, dt.datetime(2026, 3, 2, 8), "canbo", "xem", "in lại văn bản đã ban hành", "refused", None,
                    None, '{"quyen": "EXPORT"}')
    assert audit_words.cells(written)[4] == "in lại văn bản đã phát hành"


def _about(kind: str, record_id: int | None, details: dict) -> Entry:
    return Entry(10, dt.datetime(2026, 12, 6, 9), "canbo", "can-bo", "sửa", "ok", kind, record_id,
                 json.dumps(details, ensure_ascii=False))


@pytest.mark.parametrize(("kind", "details", "shown"), [
    ("slips", {"ban_ghi": {"number": "0105/PXM", "full_name": "Nguyễn Văn A"}, "result": {"cu": None, "moi": "x"}},
     "Phiếu 0105/PXM"),
    ("slips", {"moi": {"full_name": "Nguyễn Văn A", "issued_on": "2026-12-01"}}, "Nguyễn Văn A"),  # no number yet
    ("cadres", {"cu": {"full_name": "Nguyễn Văn A", "birth_date": "1965-03-12"}}, "Nguyễn Văn A"),
    ("delegations", {"moi": {"decision_no": "125-QĐ/TU", "name": "Đoàn công tác Sở Nội vụ"}},
     "Đoàn công tác Sở Nội vụ"),
    ("delegations", {"ban_ghi": {"decision_no": "125-QĐ/TU"}}, "Quyết định 125-QĐ/TU"),
    ("vetting-cases", {"ban_ghi": {"full_name": "Trần Thị B", "purpose": "Kết nạp Đảng"}}, "Trần Thị B"),
    ("passports", {"ban_ghi": {"full_name": "Lê Văn C"}}, "Lê Văn C"),
    ("passports", {"moi": {"number": "B1234567", "full_name": "Lê Văn C"}}, "Lê Văn C"),  # a holder, not a slip
    ("slips", {"result": {"cu": None, "moi": "x"}}, "5"),  # nothing names it: its number in the program
])
def test_the_record_column_names_the_record_as_its_details_do_keeping_the_id_where_nothing_else_does(
        kind, details, shown):
    assert audit_words.cells(_about(kind, 5, details))[audit_words.RECORD_COLUMN] == shown


def test_an_entry_about_no_one_record_leaves_the_record_column_empty():
    entry = _about("slips", None, {"so_ban_ghi": 2, "so_phieu": ["12/PXM", "13/PXM"]})
    assert audit_words.cells(entry)[audit_words.RECORD_COLUMN] == ""
