"""The office settings used by documents and deadlines (spec, "Settings"), with their history.

A setting has one value per span of days: `set_setting` corrects the value in force today for
its whole span, or, given a first day, starts a new value there (the office was renamed or
merged) while the earlier value holds until the day before; the value already in force is left as
it is. A document takes the values in force on its own date (`History.on`), a deadline the days in
force on the day it started running (a slip's issue, a trip's return: `History.days_on`); the
program's own behaviour takes today's.
"""

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import audit, numbering
from .audit_actions import SETTING_CHANGED
from .database import Database
from .dates import display_date, parse_cli_date
from .errors import InputError, RowProblem
from .fields import NO, YES
from .kinds import CASE_PURPOSES
from .periods import REPORTING_YEARS, ReportingYear
from .permissions import Action
from .schema import settings as settings_table
from .text import clean, fold, identity_key

# kind → the smallest and the largest value of a numeric setting (the GUI's boxes take the same)
RANGES = {"days": (1, 365), "minutes": (1, 1440), "months": (1, 120)}
PURPOSE_DAYS = (0, 365)  # han_tham_tra_ngay, for each purpose; 0: no deadline
LONGEST_TEXT = 255  # characters of a text setting
LONGEST_LIST = 800  # characters of a listed setting (its items with their «; »)
NOTHING_CHANGED = "Không có gì thay đổi."
NOT_IN_SYMBOL = re.compile(r"[/\s]")  # the issuer's symbol follows the number's «/»: no other, no space
SECOND_FOLDER = "thu_muc_sao_luu_2"  # where the automatic backups are copied (`autobackup`)
@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    label: str
    kind: str = "text"  # text | days | minutes | months | date | secrecy | yesno | days_by_purpose | reporting_year
    required: bool = False  # printed on every document: never empty
    symbol: bool = False  # written after the «/» of every number («Số 02-CV/BTCTU»): one word
    capitals: bool = False  # printed IN HOA (HD 36): stored in capitals, whatever the case typed
    listed: bool = False  # items separated by «;», each printed on its own line (`listed_lines`)
    printed: bool = False  # printed on documents though it may be empty (the signer's name, the secrecy mark)
    may_be_empty: bool = False  # a date that may be left empty (no day: the rule it sets is off)

    @property
    def reprints(self) -> bool:
        """Whether the slips and member lists already issued print again with a new value of this
        setting (`reprinted`): what they print, but the symbol, which only the outgoing register's
        numbers carry."""
        return self.printed or (self.required and not self.symbol)

    def read(self, stored: str) -> str:
        """A stored value as this version declares it: a choice stored otherwise (an earlier version's
        lower-case «có») is that choice."""
        return (_choice_named(stored, FIXED_VALUES[self.kind]) or stored) if self.kind in FIXED_VALUES else stored

    def shown(self, value: str) -> str:
        """A stored value as a person reads it: a date dd/mm/yyyy (stored YYYY-MM-DD)."""
        return display_date(dt.date.fromisoformat(value)) if self.kind == "date" and value else value

    @property
    def named(self) -> str:
        return f"«{self.label}» ({self.key})"

    def validate(self, value: str) -> str:
        value = clean(value)
        if self.required and not value:
            raise InputError(f"{self.named} in trên mọi văn bản nên không được để trống.")
        if self.kind in RANGES:
            smallest, largest = RANGES[self.kind]
            if not _whole_number_in(value, smallest, largest):
                raise InputError(f"{self.named} phải là số nguyên từ {smallest} đến {largest}.")
            return str(int(value))
        if self.kind == "date":
            if self.may_be_empty and not value:
                return value
            try:
                return parse_cli_date(value).isoformat()
            except RowProblem:
                raise InputError(f"{self.named} phải là ngày dạng YYYY-MM-DD.") from None
        if self.kind in FIXED_VALUES:
            chosen = _choice_named(value, FIXED_VALUES[self.kind])
            if chosen is None:
                raise InputError(f"{self.named} chỉ nhận {_either(self.kind)}.")
            return chosen
        if self.kind == "days_by_purpose":
            return "; ".join(f"{purpose}: {days}" for purpose, days in _purpose_days(value, self.key).items())
        if self.listed:
            value = "; ".join(_items(value))
            if not value:
                raise InputError(f"{self.named} cần ít nhất một nơi nhận; các nơi nhận cách nhau bằng dấu «;».")
        longest = LONGEST_LIST if self.listed else LONGEST_TEXT
        if len(value) > longest:
            raise InputError(f"{self.named} dài tối đa {longest} ký tự; giá trị đã nhập có {len(value)} ký tự.")
        if self.symbol and NOT_IN_SYMBOL.search(value):
            raise InputError(f"{self.named} viết liền, không có dấu «/» hay khoảng trắng, ví dụ «BTCTU» "
                             "(số văn bản in «Số 02-CV/BTCTU»).")
        return value.upper() if self.capitals else value


def _either(kind: str) -> str:
    """The values a setting of fixed values takes, in words: «giá trị rỗng hoặc «MẬT»», ««Có» hoặc «Không»»."""
    return " hoặc ".join(f"«{value}»" if value else "giá trị rỗng" for value in FIXED_VALUES[kind])


def _choice_named(value: str, choices: Iterable[str]) -> str | None:
    """The choice `value` names, typed with or without accents, in any case, as the setting declares it."""
    return next((choice for choice in choices if fold(choice) == fold(value)), None)


def _items(value: str) -> list[str]:
    """The items of a listed setting, without the punctuation the document puts after each."""
    return [item for item in (part.strip().rstrip(",.").strip() for part in value.split(";")) if item]


def listed_lines(value: str) -> list[str]:
    """A listed setting as the document prints it (HD 36 «Nơi nhận»): each item ends with «,», the
    last with «.»."""
    items = _items(value)
    return [f"{item}," for item in items[:-1]] + [f"{item}." for item in items[-1:]]


def _whole_number_in(text: str, smallest: int, largest: int) -> bool:
    return text.isascii() and text.isdigit() and smallest <= int(text) <= largest


OLD_SLIPS = "so_cu_den_ngay"  # slips issued up to this day are history: they open no vetting case (plans/cases.py)
REPORTING_YEAR = "ky_bao_cao_thong_ke"  # the year the report page offers its periods in
COUNTED = {counted.value: counted for counted in REPORTING_YEARS}
# a setting's kind → the values it takes, as stored (the settings page shows each in words of its own)
FIXED_VALUES = {"secrecy": ("", "MẬT"), "yesno": (YES, NO), "reporting_year": tuple(COUNTED)}
REPORT_RECIPIENTS = ("Thường trực Tỉnh ủy (để báo cáo); Ban Tổ chức Trung ương (Cục Bảo vệ chính trị nội bộ); "
                     "Lưu Văn phòng Ban")
SETTINGS = (
    Setting("co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", "Cơ quan cấp trên", required=True, capitals=True),
    Setting("co_quan", "BAN TỔ CHỨC", "Cơ quan ban hành", required=True, capitals=True),
    Setting("ky_hieu", "BTCTU", "Ký hiệu cơ quan", required=True, symbol=True, capitals=True),
    Setting("dia_danh", "Lâm Đồng", "Địa danh", required=True),
    Setting("quyen_ky", "K/T TRƯỞNG BAN", "Quyền hạn ký", required=True, capitals=True),
    Setting("chuc_vu_ky", "PHÓ TRƯỞNG BAN", "Chức vụ người ký", required=True, capitals=True),
    Setting("nguoi_ky", "", "Người ký", printed=True),
    Setting(numbering.TERM_START, "2025-10-01", "Ngày bắt đầu nhiệm kỳ", "date"),
    Setting("han_tra_loi_phieu_ngay", "30", "Hạn trả lời phiếu (ngày)", "days"),
    Setting("han_bao_cao_sau_chuyen_di_ngay", "7", "Hạn báo cáo sau chuyến đi của đoàn ra (ngày làm việc)", "days"),
    Setting("han_bao_cao_viec_rieng_ngay", "7", "Hạn báo cáo sau chuyến đi việc riêng (ngày làm việc)", "days"),
    Setting("han_nop_lai_ho_chieu_ngay", "5", "Hạn nộp lại hộ chiếu sau chuyến đi (ngày làm việc)", "days"),
    Setting("tu_dong_khoa_phut", "10", "Tự động khóa sau (phút)", "minutes"),
    Setting("do_mat", "", "Độ mật", "secrecy", printed=True),
    Setting("hieu_luc_ket_luan_thang", "6", "Hiệu lực kết luận tiêu chuẩn chính trị (tháng)", "months"),
    Setting("nhac_truoc_het_hieu_luc_ngay", "30", "Nhắc trước khi kết luận hết hiệu lực (ngày)", "days"),
    Setting("nhac_tinh_ban_tra_loi_ngay", "60", "Hạn trả lời đề nghị nghiên cứu tàng thư giữa các tỉnh (ngày)",
            "days"),
    Setting("han_tham_tra_ngay", "Bầu cử: 30; Bổ nhiệm: 45; Quy hoạch: 60; Cử đi đào tạo: 60; Cán bộ chủ chốt: 45; "
            "Vị trí trọng yếu, cơ mật: 60; Kết nạp Đảng: 90; Đi nước ngoài: 20; Giải quyết đơn thư: 60; Khác: 60",
            "Hạn hoàn thành hồ sơ thẩm tra theo mục đích (số ngày kể từ ngày mở; 0: không đặt hạn)",
            "days_by_purpose"),
    Setting(OLD_SLIPS, "", "Phiếu cũ đến ngày (không mở hồ sơ thẩm tra)", "date", may_be_empty=True),
    Setting("noi_nhan_bao_cao", REPORT_RECIPIENTS, "Nơi nhận của báo cáo định kỳ (các nơi cách nhau bằng dấu «;»)",
            listed=True),
    Setting(REPORTING_YEAR, REPORTING_YEARS[0].value, "Kỳ báo cáo thống kê", "reporting_year"),
    Setting("hoi_lai_mat_khau", YES, "Hỏi lại mật khẩu trước khi xuất hoặc in", "yesno"),
    Setting(SECOND_FOLDER, "", "Thư mục sao lưu thứ hai (ổ USB hoặc thư mục mạng)"),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


@dataclass(frozen=True)
class Span:
    """One value of a setting: from `valid_from` (None: from the start) until `until` (None: open)."""

    valid_from: dt.date | None
    until: dt.date | None
    value: str

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.until is None or day <= self.until)

    def days_shown(self, today: dt.date) -> tuple[str, str]:
        """Its first and last day as the history shows them: «từ đầu» for the value held before any dated
        one, «nay» for the value in force without an end, «về sau (chưa áp dụng)» for one still to come."""
        first = display_date(self.valid_from) if self.valid_from else "từ đầu"
        if self.until:
            return first, display_date(self.until)
        return first, "nay" if self.valid_from is None or self.valid_from <= today else "về sau (chưa áp dụng)"


class History:
    """Every setting's values through time, as stored."""

    def __init__(self, rows: list[tuple[str, dt.date | None, str]]):
        starts: dict[str, list[tuple[dt.date | None, str]]] = {}
        for key, valid_from, value in rows:
            starts.setdefault(key, []).append((valid_from, value))
        self.spans: dict[str, list[Span]] = {}
        for setting in SETTINGS:
            values = sorted(starts.get(setting.key, [(None, setting.default)]),
                            key=lambda start: start[0] or dt.date.min)
            self.spans[setting.key] = [
                Span(valid_from, _day_before(values[i + 1][0]) if i + 1 < len(values) else None, setting.read(value))
                for i, (valid_from, value) in enumerate(values)]

    def on(self, day: dt.date) -> dict[str, str]:
        """The value of every setting in force on `day`."""
        return {key: self.span_on(key, day).value for key in self.spans}

    def days_on(self, key: str, day: dt.date) -> int:
        """The number of days of setting `key` in force on `day`."""
        return int(self.span_on(key, day).value)

    def span_on(self, key: str, day: dt.date) -> Span:
        spans = self.spans[key]
        firsts = [span.valid_from or dt.date.min for span in spans]
        index = bisect.bisect_right(firsts, day) - 1
        return spans[max(index, 0)]  # before a key's first dated value, its first value holds

    def changed(self) -> dict[str, list[Span]]:
        """The settings that have more than one value, with their spans in order."""
        return {key: spans for key, spans in self.spans.items() if len(spans) > 1}


def _day_before(day: dt.date | None) -> dt.date | None:
    return None if day is None else day - dt.timedelta(days=1)


def read_history(connection: Connection) -> History:
    return History(connection.execute(
        select(settings_table.c.key, settings_table.c.valid_from, settings_table.c.value)).all())


def read_all(connection: Connection, on: dt.date) -> dict[str, str]:
    """The values in force on `on` (the program's day: the caller has its clock)."""
    return read_history(connection).on(on)


def days_by_purpose(value: str, key: str = "han_tham_tra_ngay") -> dict[str, int]:
    """«Bầu cử: 30; Bổ nhiệm: 45» → {"Bầu cử": 30, "Bổ nhiệm": 45}; a purpose is written as the
    case's «Mục đích thẩm tra» (accents and case ignored), days are 0 (no deadline) or more."""
    by_key = {fold(purpose): purpose for purpose in CASE_PURPOSES}
    found: dict[str, int] = {}
    for part in (part.strip() for part in clean(value).split(";")):
        if not part:
            continue
        purpose, _, days = part.rpartition(":")
        if fold(purpose) not in by_key or not days.strip().isdigit():
            raise InputError(f"«{key}»: «{part}» phải có dạng «Mục đích: số ngày», mục đích là một trong: "
                             f"{', '.join(CASE_PURPOSES)}.")
        found[by_key[fold(purpose)]] = int(days)
    return found


def _purpose_days(value: str, key: str) -> dict[str, int]:
    """`days_by_purpose` as the officer sets it: each purpose's days within PURPOSE_DAYS."""
    found = days_by_purpose(value, key)
    smallest, largest = PURPOSE_DAYS
    for purpose, days in found.items():
        if not smallest <= days <= largest:
            raise InputError(f"«{key}»: «{purpose}: {days}»: số ngày phải từ {smallest} đến {largest}.")
    return found


def signer_titles(authority: str, title: str) -> list[str]:
    """The signature's title lines, «K/T TRƯỞNG BAN» above «PHÓ TRƯỞNG BAN»; the same title in
    both (case and spacing aside) is one line: the head signs «TRƯỞNG BAN», an acting head «Q. TRƯỞNG BAN»."""
    lines = [line for line in (authority, title) if line]
    return lines[:1] if identity_key(authority) == identity_key(title) else lines


def asks_password_again(connection: Connection, on: dt.date) -> bool:
    """`hoi_lai_mat_khau` in force on `on`: the GUI asks for the password before an export or a print."""
    return read_all(connection, on)["hoi_lai_mat_khau"] == YES


def reporting_year(connection: Connection, on: dt.date) -> ReportingYear:
    """`ky_bao_cao_thong_ke` in force on `on`: the year the report page counts its periods in."""
    return COUNTED[read_all(connection, on)[REPORTING_YEAR]]


def store_defaults(connection: Connection) -> None:
    connection.execute(settings_table.insert(),
                       [{"key": s.key, "value": s.default} for s in SETTINGS])


def validated(key: str, value: str) -> str:
    if key not in BY_KEY:
        raise InputError(f"Không có thiết lập «{key}»; các khóa: {', '.join(BY_KEY)}.")
    return BY_KEY[key].validate(value)


def list_settings(db: Database, on: dt.date | None = None) -> dict[str, str]:
    """The values in force on `on` (default today)."""
    return settings_history(db).on(on or db.clock().date())


def settings_history(db: Database) -> History:
    db.require(Action.SETTINGS, "xem thiết lập")
    with db.read() as connection:
        return read_history(connection)


def set_setting(db: Database, key: str, value: str, start: dt.date | None = None) -> str | None:
    """Without `start`, corrects the value in force today for its whole span; with `start`, the
    value holds from that day (until the key's next dated value, if one comes later).
    Returns the value as stored, or None when it already was the value in force (nothing written)."""
    db.require(Action.SETTINGS, SETTING_CHANGED)
    value = validated(key, value)
    with db.write() as connection:
        history = read_history(connection)
        today = db.clock().date()
        if start is None:
            span = history.span_on(key, today)
            first, old = span.valid_from, span.value
        else:
            first, old = start, history.span_on(key, start).value
        if value == old:
            return None
        table = settings_table.c
        same_row = (table.valid_from.is_(None) if first is None else table.valid_from == first)
        connection.execute(settings_table.delete().where(table.key == key, same_row))
        connection.execute(settings_table.insert().values(key=key, valid_from=first, value=value))
        name = key if start is None else f"{key} từ {start.isoformat()}"
        db.audit(connection, SETTING_CHANGED, details=audit.changed({name: old}, {name: value}))
    return value
