"""An audit entry's details in words: the trail keeps short keys (`cu`/`moi`, `so_dong`, field keys,
setting keys) and ISO values; the officer reads "Họ và tên: «Nguyễn Văn A» → «Nguyễn Văn B»;
Ngày sinh: (trống) → 1950" and "Số mục: 1.204; Mục hỏng: không có"."""

import datetime as dt
import functools
import json
import re
from typing import Any

from . import attachments, audit_chain, browse, keyfile, lockout, outgoing, passports
from .audit import FIRST_RECORD, LAST_RECORD, NEW, OLD, RECORD, Entry
from .fields import Field, yes_no
from .kinds import DELEGATIONS, KINDS, SLIPS
from .numbers import grouped
from .permissions import ROLES, Action
from .personfile.case_steps import DOSSIER, MINUTES, TEAM
from .personfile.cases import CASE_FIELDS, CONCLUSION_FIELDS
from .personfile.foreign import FOREIGN_ELEMENTS
from .personfile.political import POLITICAL_NOTES
from .personfile.relatives import FIELDS as RELATIVE_FIELDS
from .personfile.relatives import KIND as RELATIVES
from .personfile.vitae import SECTIONS as VITAE
from .record_rows import MEMBERS
from .settings import SETTINGS

EMPTY = "(trống)"
# what the services name in their details, besides record fields and settings
WORDS = {
    RECORD: "Bản ghi", FIRST_RECORD: "Bản ghi đầu", LAST_RECORD: "Bản ghi cuối",
    "tep": "Tệp", "so_dong": "Số dòng", "so_muc": "Số mục", "muc_hong": "Mục hỏng", "tu": "Từ", "den": "Đến",
    "nguoi_dung": "Người dùng", "vai_tro": "Vai trò",
    "vai_tro_cu": "Vai trò trước đó", "ho_ten_cu": "Họ và tên trước đó",
    "so_trang_da_in": "Số trang đã in", "tep_da_xoa": "Tệp đã xóa",  # first in a stopped print's entry: what left
    "loi": "Lỗi", "ly_do": "Lý do", "quyen": "Quyền",
    "tao_luc": "Tạo lúc", "ban_cu_giu_lai": "Bản cũ giữ lại", "sao_luu_truoc": "Bản sao lưu trước đó",
    "so_lan_sai_khong_ghi_chi_tiet": "Số lần sai không ghi chi tiết", "so_loi": "Số lỗi", "so_canh_bao": "Số cảnh báo",
    "o_chuyen_ma_cu": "Ô chữ mã cũ đã chuyển", "created": "Mới", "updated": "Cập nhật", "unchanged": "Không đổi",
    "so_ban_ghi_chon": "Số bản ghi đã chọn", "ngay_nhan": "Ngày nhận kết quả", "so_van_ban": "Số văn bản",
    "so_ho_so": "Số hồ sơ", "trich_yeu": "Trích yếu", "tinh_trang": "Tình trạng", "noi_nhan": "Nơi nhận",
    "ngay": "Ngày", "so_quyet_dinh": "Số quyết định", "phan_da_viet": "Phần đã viết", "ma_hoa": "Mã hóa",
    outgoing.SECRECY: "Độ mật",  # a document made (also a setting: its label, the same words)
    "xem_truoc": "Xem trước", "may_in": "Máy in", "tu_trang": "Từ trang", "den_trang": "Đến trang",
    "so_ban": "Số bản", "gop_tu": "Gộp từ", "so_ban_ghi": "Số bản ghi", "so_muc_nhat_ky": "Số mục nhật ký",
    "da_kiem_tra": "Đã kiểm tra", "tu_tep": "Từ tệp", "len_may_chu": "Lên máy chủ",
    "nguoi_dung_chua_co_mat_khau": "Người dùng chưa có mật khẩu", "muc_dang_thuc_hien": "Mục đang thực hiện",
    "the_he_tep_khoa": "Thế hệ tệp khóa", "the_he_co_so_du_lieu": "Thế hệ cơ sở dữ liệu",
    "name": "Tên", "so_phieu": "Số phiếu", OLD: "Trước", NEW: "Sau", "relative_id": "Về thân nhân",
    "kem_theo": "Kèm theo", "phieu_dau": "Phiếu đầu", "phieu_cuoi": "Phiếu cuối",
    "nam": "Năm", "dinh_dang": "Định dạng", "danh_sach": "Danh sách", "pham_vi": "Phạm vi",
    "so_phieu_qua_han": "Số phiếu quá hạn", "hanh_dong": "Hành động", "ket_qua": "Kết quả",
    "noi_dung": "Nội dung", "ngay_van_ban": "Ngày văn bản", "tinh_trang_truoc": "Tình trạng trước đó",
    "ho_so_tham_tra": "Hồ sơ thẩm tra", "tai_lieu": "Tài liệu", "ho_ten": "Họ và tên", "ket_luan_so": "Kết luận số",
    "tu_so": "Từ số", "chuyen_di": "Chuyến đi", "so_ho_chieu": "Số hộ chiếu", "nhan_lai": "Nhận lại",
    "tu_can_bo": "Cán bộ bàn giao", "sang_can_bo": "Cán bộ nhận bàn giao",
    "so_phieu_chua_tra_loi": "Số phiếu chưa có trả lời", "so_ho_so_chua_ket_luan": "Số hồ sơ chưa kết luận",
}
# what an entry is about besides the registers (KINDS): the person's file, the documents, the lists
OTHER_KINDS = {RELATIVES: "Thân nhân", FOREIGN_ELEMENTS.kind: "Yếu tố nước ngoài",
               POLITICAL_NOTES.kind: "Vấn đề chính trị", outgoing.REPORT: "Báo cáo", outgoing.REMINDER: "Công văn",
               outgoing.CONCLUSION: "Thông báo kết luận", outgoing.ARCHIVE_LETTER: "Công văn tàng thư",
               "recipients": "Nơi nhận phiếu",
               passports.HANDOVERS: "Giao, nhận hộ chiếu", TEAM.kind: "Tổ thẩm tra",
               DOSSIER.kind: "Tài liệu hồ sơ thẩm tra", MINUTES.kind: "Biên bản thẩm tra, xác minh",
               attachments.KIND: "Tệp đính kèm", **{notes.kind: notes.title.capitalize() for notes in VITAE}}
# a key whose empty value means "none", not "not filled in"
NOTHING = {"muc_hong": "không có", outgoing.SECRECY: "không"}
STATUS = Field("status", "Trạng thái")  # a vetting case's
INTERNAL = {"id", "person_id", "vetted_cadre_id", "vetting_case_id", "recipient_id", "unit_id", "passport_id",
            "delegation_id"}  # ids: said elsewhere
# what names a record in the «Bản ghi» column, the first of its values found (`record_text`): whom or what it is
# about; a slip by its number, a delegation without a name by its decision
NAMED_BY = (("full_name", "{}"), ("name", "{}"), ("subject_name", "{}"), ("file_name", "{}"))
NAMED_BY_KIND = {SLIPS.name: (("number", "Phiếu {}"), *NAMED_BY),
                 DELEGATIONS.name: (*NAMED_BY, ("decision_no", "Quyết định {}"))}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?")
_ISO_PARTIAL = re.compile(r"^\d{4}-\d{2}$")
_FROM_DAY = re.compile(r"^(?P<key>.+) từ (?P<day>\d{4}-\d{2}-\d{2})$")  # a setting changed from a day on
_PLAIN = re.compile(r"^[\d./:-]+$")  # numbers, years, dates: no quotes
ROLE_COLUMN, ACTION_COLUMN, KIND_COLUMN, RECORD_COLUMN, DETAILS_COLUMN = 3, 4, 6, 7, 8  # in audit.LIST_HEADERS
USER_COLUMN = 2
RECOVERY_KEY = "(khóa khôi phục)"  # its key slot's name, no account's (keyfile.RECOVERY_SLOT)
# what entries written before 05/12/2026 named an action or a reason, as the program names it now
FORMER_WORDS = {"tài khoản đã bị vô hiệu hóa": lockout.LOCKED,
                "in lại văn bản đã ban hành": "in lại văn bản đã phát hành",
                "lưu văn bản đã ban hành": "lưu văn bản đã phát hành"}


def _person_file_fields() -> dict[str, tuple[Field, ...]]:
    return {RELATIVES: RELATIVE_FIELDS, "vetting-cases": (*CASE_FIELDS, *CONCLUSION_FIELDS, STATUS),
            FOREIGN_ELEMENTS.kind: FOREIGN_ELEMENTS.fields, POLITICAL_NOTES.kind: POLITICAL_NOTES.fields,
            passports.KIND: (*passports.PASSPORT_FIELDS, *passports.LOST_FIELDS),
            passports.HANDOVERS: passports.HANDOVER_FIELDS,
            **{rows.kind: rows.fields for rows in (TEAM, DOSSIER, MINUTES)},
            **{notes.kind: notes.fields for notes in VITAE}, attachments.KIND: attachments.FIELDS}


def cells(entry: Entry) -> list[str]:
    """The entry as every face shows it (`audit list`, the Nhật ký page, its workbook): its cells with
    the role, the register and the details in words."""
    shown = list(entry.cells())
    shown[USER_COLUMN] = user_text(entry.user or "")
    shown[ROLE_COLUMN] = ROLES.get(entry.role or "", entry.role or "")
    shown[KIND_COLUMN] = kind_text(entry.kind)
    details = _details(entry)
    shown[RECORD_COLUMN] = record_text(entry, details)
    shown[ACTION_COLUMN], words = _action_and_details(entry, details)
    if words is not None:
        shown[DETAILS_COLUMN] = words
    return shown


def record_text(entry: Entry, details: dict[str, Any] | None) -> str:
    """The one record an entry is about as the officer knows it — «Phiếu 0105/PXM», «Nguyễn Văn A» — by the values
    its details name it by (`audit.named`) or it was created or deleted with; its number in the program where
    nothing else names it, nothing for an entry about no one record."""
    if entry.record_id is None:
        return ""
    values = next((details[key] for key in (RECORD, NEW, OLD) if isinstance((details or {}).get(key), dict)), {})
    for key, shown in NAMED_BY_KIND.get(entry.kind or "", NAMED_BY):
        if isinstance(values.get(key), str) and values[key].strip():
            return shown.format(values[key])
    return str(entry.record_id)


def sound(count: int) -> str:
    """What a verified trail is told as on every face (no full stop: a face may say against what it was checked)."""
    return (f"Nhật ký toàn vẹn: {grouped(count)} mục, không mục nào bị sửa, bị xóa hay bị chèn thêm ngoài "
            "chương trình")


def searched(entry: Entry) -> str:
    """What the Nhật ký page's «Nội dung» looks in — the register, the record and the details, as `cells`
    shows them — made without the entry's other cells (a search reads every entry of the days chosen)."""
    details = _details(entry)
    words = _action_and_details(entry, details)[1]
    return " ".join((kind_text(entry.kind), record_text(entry, details), (entry.details or "") if words is None
                     else words))


def _action_and_details(entry: Entry, details: dict[str, Any] | None) -> tuple[str, str | None]:
    """The action as shown, and the `details` in words (None: not details the program wrote, shown as kept)."""
    action = FORMER_WORDS.get(entry.action, entry.action)
    if details is None:
        return action, None
    if details.get("ly_do") in FORMER_WORDS:
        details = {**details, "ly_do": FORMER_WORDS[details["ly_do"]]}
    if _a_wrong_recovery_key_written_as_a_login(entry, details):
        action, reason = lockout.failed_try(keyfile.RECOVERY_SLOT)
        details = {**details, "ly_do": reason} if "ly_do" in details else details
    return action, describe(entry.kind, details)


def _details(entry: Entry) -> dict[str, Any] | None:
    try:
        details = json.loads(entry.details) if entry.details else None
    except ValueError:
        return None
    return details if isinstance(details, dict) else None


def _a_wrong_recovery_key_written_as_a_login(entry: Entry, details: dict[str, Any]) -> bool:
    """Before December 2026 the recovery key's wrong tries (and their count past those kept) were
    written as failed logins («đăng nhập», «sai mật khẩu»); they read as what they were."""
    return (entry.action == lockout.LOGIN and entry.outcome == audit_chain.FAILED
            and details.get("nguoi_dung", entry.user) == keyfile.RECOVERY_SLOT)


def user_text(name: str) -> str:
    return RECOVERY_KEY if name == keyfile.RECOVERY_SLOT else name


def kind_text(kind: str | None) -> str:
    """What an entry is about, in words: a register's title, a part of the person's file, a document."""
    if kind in browse.VIEWS:  # the registers, the vetting cases among them
        return browse.VIEWS[kind].kind.title
    if kind in KINDS:
        return KINDS[kind].title
    return OTHER_KINDS.get(kind or "", kind or "")


@functools.cache  # the words of a key never change while the program runs; a long trail repeats its keys
def label(kind: str | None, key: str) -> str:
    """A details key in words: the record's field, an office setting (from a day on), or what the
    services name. Every key the program writes has its words (tests/core/test_audit_words.py)."""
    if from_day := _FROM_DAY.match(key):
        day = dt.date.fromisoformat(from_day["day"])
        return f"{label(kind, from_day['key'])} (từ {day:%d/%m/%Y})"
    if key == MEMBERS and kind in KINDS and KINDS[kind].members:
        return KINDS[kind].members.label
    fields = KINDS[kind].fields if kind in KINDS else _person_file_fields().get(kind or "", ())
    found = next((spec.header for spec in fields if spec.key == key), None)
    if found is None:
        found = next((setting.label for setting in SETTINGS if setting.key == key), None)
    return found or WORDS.get(key) or key.replace("_", " ").capitalize()


def value_text(key: str, value: Any, kind: str | None = None) -> str:
    """One value as an officer writes it: dates dd/mm/yyyy, yes/no, roles and permissions named, a
    member of a `kind` record (a delegation's) by its filled values, in brackets."""
    if value.__class__ is str:
        return _text(key, value)
    if value is None or value == []:
        return NOTHING.get(key, EMPTY)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int):
        return str(value) if key == "nam" else grouped(value)  # a year has no thousands
    if isinstance(value, list):
        return ", ".join(value_text(key, item, kind) for item in value)
    if isinstance(value, dict) and key == MEMBERS:
        return "(" + ", ".join(_labelled(kind, {k: v for k, v in value.items() if v is not None})) + ")"
    if isinstance(value, dict):  # counts by what the summary calls them (an import's other writes)
        return ", ".join(f"{name}: {value_text(name, item)}" for name, item in value.items())
    return _text(key, str(value))


@functools.lru_cache(maxsize=65_536)  # a long trail repeats its values: units, places, days, names
def _text(key: str, text: str) -> str:
    if text == "":
        return NOTHING.get(key, EMPTY)
    if key in ("vai_tro", "vai_tro_cu"):
        return ROLES.get(text, text)
    if key == "nguoi_dung":
        return user_text(text)
    if key == "quyen" and text in Action.__members__:
        return Action[text].value
    if key == "dinh_dang":
        return text.upper()
    if key == outgoing.SECRECY:  # the mark «MẬT» as a degree: «Độ mật: Mật»
        return text.capitalize()
    if _ISO_DAY.match(text):
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
    if _ISO_TIME.match(text):  # to the second where it has one: a lockout ends at 01:06:51, not 01:06
        moment = dt.datetime.fromisoformat(text)
        return moment.strftime("%d/%m/%Y %H:%M:%S" if moment.second else "%d/%m/%Y %H:%M")
    if _ISO_PARTIAL.match(text):
        return f"{text[5:7]}/{text[:4]}"
    return text if _PLAIN.match(text) or key in WORDS and key not in (OLD, NEW, "loi", "ly_do") else f"«{text}»"


def describe(kind: str | None, details: dict[str, Any]) -> str:
    """The details of one entry in words, "; " between the parts."""
    if "khoa" in details:  # a setting changed (entries written before November 2026)
        before, after = value_text(OLD, details.get(OLD)), value_text(NEW, details.get(NEW))
        return f"{label(None, details['khoa'])}: {before} → {after}"
    if set(details) == {OLD, NEW} and not any(isinstance(value, dict) for value in details.values()):
        return f"{value_text(OLD, details[OLD])} → {value_text(NEW, details[NEW])}"
    parts = []
    for key, value in _in_order(kind, details):
        if key in (RECORD, FIRST_RECORD, LAST_RECORD) and isinstance(value, dict):  # a record, by its values
            parts.append(f"{WORDS[key]}: " + ", ".join(_labelled(kind, value)))
        elif key == RECORD and isinstance(value, list):  # the records a print holds
            parts.append(f"{WORDS[RECORD]}: " + "; ".join(f"({', '.join(_labelled(kind, one))})" for one in value))
        elif key in (OLD, NEW) and isinstance(value, dict):  # a record created or deleted: its values
            where = "Giá trị" if key == NEW else "Giá trị trước khi xóa"
            parts.append(f"{where}: " + "; ".join(_labelled(kind, value)))
        elif isinstance(value, dict) and set(value) <= {OLD, NEW}:  # a field changed: old → new
            parts.append(f"{label(kind, key)}: {value_text(key, value.get(OLD), kind)} → "
                         f"{value_text(key, value.get(NEW), kind)}")
        elif isinstance(value, list) and len(value) == 2 and key not in WORDS:  # older entries: [old, new]
            parts.append(f"{label(kind, key)}: {value_text(key, value[0])} → {value_text(key, value[1])}")
        elif key not in INTERNAL:
            parts.append(f"{label(kind, key)}: {value_text(key, value)}")
    return "; ".join(parts)


def _labelled(kind: str | None, values: dict[str, Any]) -> list[str]:
    """Each of a record's (or a member's) `values` with its field's label, in the form's order; ids left out."""
    return [f"{label(kind, key)}: {value_text(key, value, kind)}" for key, value in _in_order(kind, values)
            if key not in INTERNAL]


def _in_order(kind: str | None, values: dict[str, Any]) -> list[tuple[str, Any]]:
    """The services' words first, in their order, then the record's fields in the form's order (others
    after them, as they come)."""
    places = _places(kind)
    return sorted(values.items(), key=lambda item: places.get(item[0], len(places)))


@functools.cache
def _places(kind: str | None) -> dict[str, int]:
    """Each key's place in `_in_order`."""
    fields = KINDS[kind].fields if kind in KINDS else _person_file_fields().get(kind or "", ())
    places: dict[str, int] = {}
    for key in [*WORDS, *(spec.key for spec in fields)]:
        places.setdefault(key, len(places))
    return places
