"""The office settings used by documents and deadlines (spec, "Settings")."""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import audit
from .database import Database
from .errors import InputError
from .permissions import Action
from .schema import settings as settings_table
from .text import clean


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    label: str
    kind: str = "text"  # text | days | minutes | months | date | secrecy | yesno

    def validate(self, value: str) -> str:
        value = clean(value)
        if self.kind in ("days", "minutes", "months"):
            if not value.isdigit() or int(value) <= 0:
                raise InputError(f"«{self.key}» phải là số nguyên dương.")
            return str(int(value))
        if self.kind == "date":
            try:
                return dt.date.fromisoformat(value).isoformat()
            except ValueError:
                raise InputError(f"«{self.key}» phải là ngày dạng YYYY-MM-DD.") from None
        if self.kind == "secrecy" and value not in ("", "MẬT"):
            raise InputError(f"«{self.key}» chỉ nhận giá trị rỗng hoặc «MẬT».")
        if self.kind == "yesno" and value not in ("có", "không"):
            raise InputError(f"«{self.key}» chỉ nhận «có» hoặc «không».")
        return value


SETTINGS = (
    Setting("co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", "Cơ quan cấp trên"),
    Setting("co_quan", "BAN TỔ CHỨC", "Cơ quan ban hành"),
    Setting("ky_hieu", "BTCTU", "Ký hiệu cơ quan"),
    Setting("dia_danh", "Lâm Đồng", "Địa danh"),
    Setting("quyen_ky", "K/T TRƯỞNG BAN", "Quyền hạn ký"),
    Setting("chuc_vu_ky", "PHÓ TRƯỞNG BAN", "Chức vụ người ký"),
    Setting("nguoi_ky", "", "Người ký"),
    Setting("nhiem_ky_bat_dau", "2025-10-01", "Ngày bắt đầu nhiệm kỳ", "date"),
    Setting("han_tra_loi_phieu_ngay", "30", "Hạn trả lời phiếu (ngày)", "days"),
    Setting("han_bao_cao_sau_chuyen_di_ngay", "7", "Hạn báo cáo sau chuyến đi (ngày)", "days"),
    Setting("tu_dong_khoa_phut", "10", "Tự động khóa sau (phút)", "minutes"),
    Setting("do_mat", "", "Độ mật", "secrecy"),
    Setting("hieu_luc_ket_luan_thang", "6", "Hiệu lực kết luận tiêu chuẩn chính trị (tháng)", "months"),
    Setting("hoi_lai_mat_khau", "có", "Hỏi lại mật khẩu trước khi xuất hoặc in", "yesno"),
    Setting("thu_muc_sao_luu_2", "", "Thư mục sao lưu thứ hai (ổ USB hoặc thư mục mạng)"),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


def asks_password_again(connection: Connection) -> bool:
    """`hoi_lai_mat_khau`: the GUI asks for the password before an export or a print."""
    return read_all(connection)["hoi_lai_mat_khau"] == "có"


def store_defaults(connection: Connection) -> None:
    connection.execute(settings_table.insert(),
                       [{"key": s.key, "value": s.default} for s in SETTINGS])


def read_all(connection: Connection) -> dict[str, str]:
    stored = dict(connection.execute(select(settings_table.c.key, settings_table.c.value)).all())
    return {s.key: stored.get(s.key, s.default) for s in SETTINGS}


def validated(key: str, value: str) -> str:
    if key not in BY_KEY:
        raise InputError(f"Không có thiết lập «{key}»; các khóa: {', '.join(BY_KEY)}.")
    return BY_KEY[key].validate(value)


def list_settings(db: Database) -> dict[str, str]:
    db.require(Action.SETTINGS, "xem thiết lập")
    with db.read() as connection:
        return read_all(connection)


def set_setting(db: Database, key: str, value: str) -> str:
    db.require(Action.SETTINGS, "thay đổi thiết lập")
    value = validated(key, value)
    with db.write() as connection:
        old = read_all(connection)[key]
        connection.execute(settings_table.delete().where(settings_table.c.key == key))
        connection.execute(settings_table.insert().values(key=key, value=value))
        db.audit(connection, "thay đổi thiết lập", details=audit.changed({key: old}, {key: value}))
    return value
