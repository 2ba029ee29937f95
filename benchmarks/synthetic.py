"""Synthetic Vietnamese registers for benchmarks and manual trials: deterministic, offline.

Every generator takes a seed and yields records as the importer stores them (values by the
kind's field keys: full dates as `datetime.date`, birth dates as partial-date ISO text),
so a benchmark can bulk-load a database from the same records a workbook is written from.
Workbooks take their headers from `bvct_desktop.core.kinds` and their cells from
`Field.to_cell`, so they never drift from the import format.

Persons never repeat by the person rule (name + birth date + home town) unless a record
deliberately concerns someone seen before; CCCDs are unique; slip numbers are unique
within their year, delegation decisions and archive letters within theirs.

    python benchmarks/synthetic.py cadres 50000 out.xlsx [--seed 1]
    python benchmarks/synthetic.py slips 100000 out.xlsx --year 2025
"""

import argparse
import datetime as dt
import hashlib
import random
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from bvct_desktop.core.dates import PartialDate
from bvct_desktop.core.kinds import (
    ARCHIVE_KINDS,
    COMPLAINT_KINDS,
    DELEGATION_PURPOSES,
    KINDS,
    MEMBER_ROLES,
    RELATIONS,
    SLIP_PURPOSES,
)
from bvct_desktop.core.legacy import TCVN3

Record = dict[str, Any]
DATE_FORMAT = "DD/MM/YYYY"
FIRST_DAY, LAST_DAY = dt.date(2016, 1, 1), dt.date(2025, 12, 31)


@dataclass(frozen=True)
class Weighted:
    items: tuple
    cumulative: tuple[float, ...]


def weighted(table: dict) -> Weighted:
    return Weighted(tuple(table), tuple(accumulate(table.values())))


# Weights follow the usual shares of Vietnamese family names (Nguyễn about 38 %).
FAMILY_NAMES = weighted({
    "Nguyễn": 380, "Trần": 110, "Lê": 95, "Phạm": 70, "Hoàng": 40, "Huỳnh": 35, "Phan": 45,
    "Vũ": 30, "Võ": 35, "Đặng": 21, "Bùi": 20, "Đỗ": 14, "Hồ": 13, "Ngô": 13, "Dương": 10,
    "Lý": 5, "Trương": 10, "Đinh": 7, "Lâm": 5, "Mai": 5, "Đoàn": 5, "Lương": 4, "Tô": 3,
    "Cao": 3, "Châu": 3, "Thái": 3, "Kiều": 2, "Hà": 4, "Tạ": 2, "Lưu": 3,
})
MALE_MIDDLE = ("Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng",
               "Ngọc", "Quang", "Tấn", "Trọng", "Đình", "Thành", "Anh", "Bá", "Duy")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Thúy",
                 "Mỹ", "Bích", "Phương", "Diệu", "Hoài", "Thị Ngọc", "Thị Thu", "Thị Kim")
MALE_GIVEN = ("Hùng", "Dũng", "Đức", "Hòa", "Minh", "Tuấn", "Hải", "Long", "Nam", "Sơn", "Thắng",
              "Trung", "Quang", "Phúc", "Lộc", "Bình", "Cường", "Hiếu", "Khánh", "Phong", "Tài",
              "Thành", "Tùng", "Vinh", "Việt", "Quý", "Thủy", "Tâm", "Toàn", "Nghĩa", "Huy",
              "Khoa", "Đạt", "Tín", "Hậu", "Thuận", "Hưng", "Lực", "Định", "Thịnh")
FEMALE_GIVEN = ("Ánh", "Hương", "Thủy", "Hòa", "Lan", "Mai", "Hạnh", "Hằng", "Hoa", "Huyền", "Linh",
                "Loan", "Ngân", "Nga", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Trang", "Tuyết",
                "Uyên", "Vân", "Yến", "Xuân", "Diệp", "Thúy", "Hiền", "Liên", "Duyên", "Nhi", "Giang")
# Given names of the parents' generation, and the nicknames (tên gọi khác) of the South.
ELDER_GIVEN = ("Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Ba", "Hai", "Lớn", "Tý", "Sửu")
NICKNAMES = ("Út", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Bé", "Tí")

# Administrative units before 01/7/2025 (brief §5.5): district → commune kind → names.
OLD_DISTRICTS = {
    "thành phố Phan Thiết": {
        "phường": "Mũi Né, Hàm Tiến, Phú Hài, Phú Thủy, Phú Tài, Phú Trinh, Xuân An, Thanh Hải, "
                  "Lạc Đạo, Bình Hưng, Đức Long",
        "xã": "Thiện Nghiệp, Phong Nẫm, Tiến Lợi, Tiến Thành"},
    "thị xã La Gi": {"phường": "Phước Hội, Phước Lộc, Tân Thiện, Tân An, Bình Tân",
                     "xã": "Tân Hải, Tân Tiến, Tân Bình, Tân Phước"},
    "huyện Tuy Phong": {"thị trấn": "Liên Hương, Phan Rí Cửa",
                        "xã": "Phan Dũng, Phong Phú, Vĩnh Hảo, Vĩnh Tân, Phú Lạc, Phước Thể, "
                              "Hòa Minh, Chí Công, Bình Thạnh"},
    "huyện Bắc Bình": {"thị trấn": "Chợ Lầu, Lương Sơn",
                       "xã": "Phan Sơn, Phan Lâm, Bình An, Phan Điền, Hải Ninh, Sông Lũy, Phan Tiến, "
                             "Sông Bình, Phan Hòa, Phan Thanh, Hồng Thái, Phan Hiệp, Bình Tân, "
                             "Phan Rí Thành, Hòa Thắng, Hồng Phong"},
    "huyện Hàm Thuận Bắc": {"thị trấn": "Ma Lâm, Phú Long",
                            "xã": "La Dạ, Đông Tiến, Thuận Hòa, Đông Giang, Hàm Phú, Hồng Liêm, "
                                  "Thuận Minh, Hồng Sơn, Hàm Trí, Hàm Đức, Hàm Liêm, Hàm Chính, "
                                  "Hàm Hiệp, Hàm Thắng, Đa Mi"},
    "huyện Hàm Thuận Nam": {"thị trấn": "Thuận Nam",
                            "xã": "Mỹ Thạnh, Hàm Cần, Mương Mán, Hàm Thạnh, Hàm Kiệm, Hàm Cường, "
                                  "Hàm Mỹ, Tân Lập, Hàm Minh, Thuận Quí, Tân Thuận, Tân Thành"},
    "huyện Tánh Linh": {"thị trấn": "Lạc Tánh",
                        "xã": "Bắc Ruộng, Nghị Đức, La Ngâu, Huy Khiêm, Măng Tố, Đức Phú, Đồng Kho, "
                              "Gia An, Đức Bình, Gia Huynh, Đức Thuận, Suối Kiết"},
    "huyện Đức Linh": {"thị trấn": "Võ Xu, Đức Tài",
                       "xã": "Đa Kai, Sùng Nhơn, Mê Pu, Nam Chính, Đức Hạnh, Đức Tín, Vũ Hòa, Tân Hà, "
                             "Đông Hà, Trà Tân"},
    "huyện Hàm Tân": {"thị trấn": "Tân Minh, Tân Nghĩa",
                      "xã": "Sông Phan, Tân Phúc, Tân Đức, Tân Thắng, Thắng Hải, Tân Hà, Tân Xuân, Sơn Mỹ"},
    "huyện Phú Quý": {"xã": "Ngũ Phụng, Long Hải, Tam Thanh"},
}
# Bình Thuận's area inside tỉnh Lâm Đồng from 01/7/2025 (brief §5.5).
NEW_COMMUNES = {
    "phường": "Mũi Né, Phú Thủy, Hàm Thắng, Phan Thiết, Tiến Thành, Bình Thuận, Phước Hội, La Gi",
    "xã": "Tuyên Quang, Liên Hương, Phan Rí Cửa, Tuy Phong, Vĩnh Hảo, Bắc Bình, Phan Sơn, Hải Ninh, "
          "Sông Lũy, Lương Sơn, Hồng Thái, Hòa Thắng, Hàm Thuận, La Dạ, Đông Giang, Hồng Sơn, "
          "Hàm Thuận Bắc, Hàm Liêm, Hàm Thuận Nam, Hàm Thạnh, Hàm Kiệm, Tân Lập, Tân Thành, "
          "Tánh Linh, Bắc Ruộng, Nghị Đức, Đồng Kho, Suối Kiết, Đức Linh, Hoài Đức, Nam Thành, "
          "Trà Tân, Tân Minh, Hàm Tân, Tân Hải, Sơn Mỹ",
    "đặc khu": "Phú Quý",
}
STREETS = ("Trần Hưng Đạo", "Nguyễn Huệ", "Lê Lợi", "Hai Bà Trưng", "Nguyễn Tất Thành", "Tôn Đức Thắng",
           "Võ Văn Kiệt", "Thủ Khoa Huân", "Nguyễn Hội", "Lê Duẩn", "Tuyên Quang", "Phạm Văn Đồng")

ETHNICITIES = weighted({"Kinh": 900, "Chăm": 35, "Raglai": 15, "Hoa": 20, "K'Ho": 10, "Cơ Ho": 8,
                        "Châu Ro": 6, "Tày": 3, "Nùng": 3})
RELIGIONS = weighted({"Không": 800, "Phật giáo": 90, "Công giáo": 60, "Cao Đài": 15, "Hồi giáo": 10,
                      "Tin Lành": 10, "Bà-la-môn": 8})
POSITIONS = ("Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Chủ tịch UBND", "Phó Chủ tịch UBND",
             "Chủ tịch Ủy ban MTTQ", "Giám đốc", "Phó Giám đốc", "Trưởng phòng", "Phó Trưởng phòng",
             "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng ban", "Phó Trưởng ban", "Chuyên viên",
             "Chuyên viên chính", "Thanh tra viên", "Kế toán trưởng", "Hiệu trưởng", "Giáo viên",
             "Bác sĩ", "Công chức Văn phòng – Thống kê", "Công chức Tư pháp – Hộ tịch")
PROVINCIAL_UNITS = ("Ban Tổ chức Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
                    "Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Sở Nội vụ",
                    "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo",
                    "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Văn hóa, Thể thao và Du lịch",
                    "Sở Khoa học và Công nghệ", "Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
                    "Bệnh viện Đa khoa tỉnh", "Báo và Phát thanh, Truyền hình Lâm Đồng",
                    "Trường Chính trị tỉnh", "Kho bạc Nhà nước khu vực XV")
MANAGEMENT = weighted({"Diện Ban Thường vụ Tỉnh ủy quản lý": 15, "Diện Ban Chấp hành Đảng bộ tỉnh": 5,
                       "Diện Đảng ủy xã, phường quản lý": 40, "Diện Đảng ủy cơ quan quản lý": 40})
CADRE_NOTES = ("Cán bộ chủ chốt", "Quy hoạch nhiệm kỳ 2025–2030", "Đã luân chuyển",
               "Đang học cao cấp lý luận chính trị", "Biệt phái", "Nghỉ hưu từ tháng 01/2026")
# Where slips are sent; the first two carry most of the traffic.
RECIPIENTS = weighted({
    "Cục A93B – Bộ Công an": 300, "Phòng PV27 – Công an tỉnh Bình Thuận": 250,
    "Phòng PV01 – Công an tỉnh Lâm Đồng": 200, "Phòng PA06 – Công an tỉnh Lâm Đồng": 60,
    "Phòng PV01 – Công an tỉnh Ninh Thuận": 25, "Phòng PV01 – Công an tỉnh Đồng Nai": 25,
    "Phòng PV01 – Công an Thành phố Hồ Chí Minh": 40, "Phòng PV01 – Công an tỉnh Khánh Hòa": 15,
    "Phòng PV01 – Công an tỉnh Đắk Lắk": 10, "Phòng PV01 – Công an Thành phố Hà Nội": 10,
    "Cục A93 – Bộ Công an": 20, "Ban Chỉ huy Quân sự tỉnh Lâm Đồng": 10,
})
SLIP_RELATIONS = weighted(dict(zip(RELATIONS, (40, 12, 12, 7, 4, 4, 4, 2, 2, 5, 6, 2), strict=True)))
SLIP_PURPOSE_CHOICE = weighted(dict(zip(SLIP_PURPOSES, (15, 25, 20, 25, 8, 4, 3), strict=True)))
SLIP_RESULTS = ("Không có vấn đề về chính trị", "Chưa phát hiện vấn đề gì về chính trị",
                "Không có tài liệu lưu trữ", "Có tàng thư; đã cung cấp trích lục",
                "Có thân nhân ở nước ngoài (Hoa Kỳ)", "Có thân nhân ở nước ngoài (Úc)",
                "Từng tham gia chế độ cũ; đã được kết luận")
SLIP_NOTES = ("Đã gửi lại lần 2", "Khẩn", "Kèm trích lục lý lịch", "Chờ kết quả")
COUNTRIES = ("Nhật Bản", "Hàn Quốc", "Trung Quốc", "Lào", "Campuchia", "Singapore", "Thái Lan", "Pháp",
             "Cộng hòa Liên bang Đức", "Hoa Kỳ", "Úc", "Cu-ba", "Liên bang Nga", "Ấn Độ", "Israel")
DELEGATION_SUBJECTS = ("Đoàn công tác của Tỉnh ủy", "Đoàn công tác UBND tỉnh", "Đoàn Sở Ngoại vụ",
                       "Đoàn Sở Công Thương xúc tiến thương mại", "Đoàn học tập kinh nghiệm chuyển đổi số",
                       "Đoàn Sở Nông nghiệp và Môi trường", "Đoàn khảo sát du lịch", "Đoàn Ban Tổ chức Tỉnh ủy")
OTHER_PROVINCES = ("Ninh Thuận", "Đồng Nai", "TP Hồ Chí Minh", "Khánh Hòa", "Bà Rịa – Vũng Tàu",
                   "Đắk Lắk", "Quảng Ngãi", "Bình Định", "Hà Nội", "Nghệ An", "Thanh Hóa", "Đắk Nông",
                   "Gia Lai", "Huế", "Đà Nẵng", "Quảng Nam", "Bình Dương", "Long An")
ARCHIVE_RESULTS = ("Không có tài liệu", "Có tài liệu; đã sao gửi", "Có tên trong danh sách sĩ quan chế độ cũ",
                   "Đã gửi kết quả nghiên cứu")
COMPLAINT_TOPICS = ("kê khai lý lịch chưa trung thực", "có thân nhân ở nước ngoài chưa khai báo",
                    "vi phạm quy định về đất đai", "sử dụng bằng cấp không hợp pháp",
                    "đi nước ngoài không báo cáo", "có dấu hiệu tham nhũng, tiêu cực",
                    "thiếu gương mẫu trong sinh hoạt", "sai phạm trong công tác cán bộ",
                    "vi phạm quy định về những điều đảng viên không được làm",
                    "đề nghị xem xét lại kết luận tiêu chuẩn chính trị")
COMPLAINT_KIND_CHOICE = weighted(dict(zip(COMPLAINT_KINDS, (45, 20, 25, 10), strict=True)))
DELEGATION_PURPOSE_CHOICE = weighted(dict(zip(DELEGATION_PURPOSES, (20, 50, 25, 5), strict=True)))
MEMBER_ROLE_CHOICE = weighted({MEMBER_ROLES[1]: 1, MEMBER_ROLES[2]: 6})  # after the head
ARCHIVE_KIND_CHOICE = weighted(dict(zip(ARCHIVE_KINDS, (60, 40), strict=True)))
COMPLAINT_RESULTS = ("Không có cơ sở", "Có cơ sở một phần; đã chuyển Ủy ban Kiểm tra",
                     "Đã chuyển cơ quan có thẩm quyền", "Lưu đơn (nặc danh, không rõ nội dung)")


def _split(names: str) -> list[str]:
    return [name.strip() for name in names.split(",")]


def _old_home_towns() -> list[str]:
    return [f"{kind} {commune}, {district}, tỉnh Bình Thuận"
            for district, units in OLD_DISTRICTS.items()
            for kind, communes in units.items() for commune in _split(communes)]


def _new_communes() -> list[str]:
    return [f"{kind} {commune}" for kind, communes in NEW_COMMUNES.items() for commune in _split(communes)]


OLD_HOME_TOWNS = _old_home_towns()
NEW_COMMUNE_NAMES = _new_communes()
NEW_HOME_TOWNS = [f"{commune}, tỉnh Lâm Đồng" for commune in NEW_COMMUNE_NAMES]
LOCAL_UNITS = [f"{body} {commune}" for commune in NEW_COMMUNE_NAMES for body in ("UBND", "Đảng ủy")]


class Picker:
    """Seeded choices."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def one(self, items):
        return items[self.rng.randrange(len(items))]

    def weighted(self, table: Weighted):
        return self.rng.choices(table.items, cum_weights=table.cumulative)[0]

    def chance(self, share: float) -> bool:
        return self.rng.random() < share

    def day_between(self, first: dt.date, last: dt.date) -> dt.date:
        return first + dt.timedelta(days=self.rng.randrange((last - first).days + 1))


class People:
    """Persons that never repeat by the person rule; CCCDs that never repeat at all."""

    def __init__(self, pick: Picker):
        self.pick = pick
        self._identities: set[int] = set()
        self._cccds: set[str] = set()

    def name(self, gender: str, elder: bool = False, family: str | None = None) -> str:
        family = family or self.pick.weighted(FAMILY_NAMES)
        if gender == "Nam":
            middle, given = self.pick.one(MALE_MIDDLE), self.pick.one(MALE_GIVEN)
        else:
            middle, given = self.pick.one(FEMALE_MIDDLE), self.pick.one(FEMALE_GIVEN)
        if elder and self.pick.chance(0.3):
            given = self.pick.one(ELDER_GIVEN)
        return f"{family} {middle} {given}"

    def birth_date(self, first_year: int, last_year: int) -> str:
        """ISO text at its precision: older people are more often known only by year."""
        day = self.pick.day_between(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))
        year_only, month_only = (0.25, 0.10) if day.year < 1960 else (0.03, 0.05)
        draw = self.pick.rng.random()
        if draw < year_only:
            return PartialDate(day.year).iso
        if draw < year_only + month_only:
            return PartialDate(day.year, day.month).iso
        return PartialDate(day.year, day.month, day.day).iso

    def home_town(self) -> str:
        return self.pick.one(OLD_HOME_TOWNS if self.pick.chance(0.6) else NEW_HOME_TOWNS)

    def residence(self) -> str:
        commune = self.pick.one(NEW_COMMUNE_NAMES)
        if commune.startswith("phường") and self.pick.chance(0.6):
            street = f"số {self.pick.rng.randint(1, 250)} đường {self.pick.one(STREETS)}"
            return f"{street}, {commune}, tỉnh Lâm Đồng"
        hamlet = "khu phố" if commune.startswith("phường") else "thôn"
        return f"{hamlet} {self.pick.rng.randint(1, 12)}, {commune}, tỉnh Lâm Đồng"

    def person(self, first_year: int, last_year: int, gender: str | None = None,
               family: str | None = None) -> Record:
        """A new person: full_name, gender, birth_date, home_town, residence, other_names."""
        gender = gender or ("Nam" if self.pick.chance(0.55) else "Nữ")
        while True:
            full_name = self.name(gender, elder=first_year < 1960, family=family)
            birth_date = self.birth_date(first_year, last_year)
            home_town = self.home_town()
            identity = _digest(full_name, birth_date, home_town)
            if identity not in self._identities:
                self._identities.add(identity)
                break
        other_names = self.pick.one(NICKNAMES) if self.pick.chance(0.06) else None
        return {"full_name": full_name, "gender": gender, "birth_date": birth_date,
                "home_town": home_town, "residence": self.residence(), "other_names": other_names}

    def cccd(self, gender: str, birth_date: str) -> str:
        """12 digits: province 060/068, century-and-sex digit, birth year's last two, six random."""
        year = int(birth_date[:4])
        century_sex = (0 if year < 2000 else 2) + (1 if gender == "Nữ" else 0)
        while True:
            province = "060" if self.pick.chance(0.8) else "068"
            number = f"{province}{century_sex}{year % 100:02d}{self.pick.rng.randrange(1_000_000):06d}"
            if number not in self._cccds:
                self._cccds.add(number)
                return number

    def cmnd(self) -> str:
        return f"26{self.pick.rng.randrange(10_000_000):07d}"


def _digest(*parts: str) -> int:
    """A stable 64-bit digest (str hashes change between runs, and so would the retries)."""
    return int.from_bytes(hashlib.blake2b("|".join(parts).encode(), digest_size=8).digest(), "big")


def _spread(index: int, count: int, first: dt.date, last: dt.date) -> dt.date:
    """The index-th of `count` days spread evenly, in order, from `first` to `last`."""
    return first + dt.timedelta(days=index * ((last - first).days + 1) // max(count, 1))


class YearCounter:
    """Document numbers counted from 1 within each year."""

    def __init__(self):
        self._last: dict[int, int] = {}

    def next(self, year: int) -> int:
        self._last[year] = self._last.get(year, 0) + 1
        return self._last[year]


# Record generators: values by the kind's field keys, as the importer stores them.

def iter_cadres(n: int, seed: int = 1) -> Iterator[Record]:
    pick = Picker(seed)
    people = People(pick)
    for _ in range(n):
        person = people.person(1960, 2000)
        joined = pick.day_between(_adult(person["birth_date"], 20), dt.date(2024, 12, 31))
        yield {
            **person,
            "cccd": people.cccd(person["gender"], person["birth_date"]) if pick.chance(0.92) else None,
            "cmnd": people.cmnd() if pick.chance(0.15) else None,
            "ethnicity": pick.weighted(ETHNICITIES),
            "religion": pick.weighted(RELIGIONS) if pick.chance(0.9) else None,
            "position": pick.one(POSITIONS),
            "unit": pick.one(PROVINCIAL_UNITS) if pick.chance(0.4) else pick.one(LOCAL_UNITS),
            "management": pick.weighted(MANAGEMENT) if pick.chance(0.8) else None,
            "party_joined_on": joined if pick.chance(0.85) else None,
            "party_official_on": joined + dt.timedelta(days=365) if pick.chance(0.8) else None,
            "party_card_no": f"60.{pick.rng.randrange(1_000_000):06d}" if pick.chance(0.8) else None,
            "note": pick.one(CADRE_NOTES) if pick.chance(0.05) else None,
        }


def _adult(birth_date: str, age: int) -> dt.date:
    return dt.date(int(birth_date[:4]) + age, 1, 1)


def iter_slips(n: int, seed: int = 1, first: dt.date = FIRST_DAY, last: dt.date = LAST_DAY,
               repeat_share: float = 0.12) -> Iterator[Record]:
    """Slips issued evenly from `first` to `last`, numbered `k/PXM` from 1 each year.

    `repeat_share` of the slips concern someone vetted before (same identity and details).
    """
    pick = Picker(seed)
    people = People(pick)
    numbers = YearCounter()
    recent: list[tuple[Record, str]] = []
    for index in range(n):
        issued_on = _spread(index, n, first, last)
        if recent and pick.chance(repeat_share):
            subject, relation = pick.one(recent)
        else:
            relation = pick.weighted(SLIP_RELATIONS)
            subject = _slip_subject(people, relation)
            _remember(recent, (subject, relation), pick)
        answered = pick.chance(0.8)
        result_on = issued_on + dt.timedelta(days=pick.rng.randint(7, 75)) if answered else None
        yield {
            "number": f"{numbers.next(issued_on.year)}/PXM",
            "issued_on": issued_on,
            **subject,
            **_family(people, subject),
            "relation": relation,
            "vetted_name": None if relation == "Bản thân" else people.name(pick.one(("Nam", "Nữ"))),
            "purpose": pick.weighted(SLIP_PURPOSE_CHOICE),
            "recipient": pick.weighted(RECIPIENTS),
            "result_on": result_on,
            "result": pick.one(SLIP_RESULTS) if answered else None,
            "note": pick.one(SLIP_NOTES) if pick.chance(0.05) else None,
        }


def _slip_subject(people: People, relation: str) -> Record:
    if relation in ("Bản thân", "Vợ", "Chồng", "Anh/chị/em", "Khác"):
        gender = {"Vợ": "Nữ", "Chồng": "Nam"}.get(relation)
        return people.person(1965, 2005, gender)
    if relation == "Con":
        return people.person(1990, 2008)
    gender = "Nam" if relation.startswith("Cha") else "Nữ"
    return people.person(1930, 1975, gender)


def _family(people: People, subject: Record) -> Record:
    """Parents and spouse as written on the slip (not always known)."""
    pick = people.pick
    family = subject["full_name"].split()[0]
    adult = int(subject["birth_date"][:4]) < 2000
    return {
        "father_name": people.name("Nam", elder=True, family=family) if pick.chance(0.6) else None,
        "mother_name": people.name("Nữ", elder=True) if pick.chance(0.55) else None,
        "spouse_name": (people.name("Nữ" if subject["gender"] == "Nam" else "Nam")
                        if adult and pick.chance(0.4) else None),
    }


def _remember(pool: list, seen: object, pick: Picker, size: int = 5_000) -> None:
    """Keeps a bounded pool of people seen, for records that concern them again."""
    if len(pool) < size:
        pool.append(seen)
    else:
        pool[pick.rng.randrange(size)] = seen


def iter_delegations(n: int, seed: int = 1, first: dt.date = FIRST_DAY,
                     last: dt.date = LAST_DAY) -> Iterator[Record]:
    """`n` member rows, grouped into delegations of 2–8 cadres; some cadres travel again."""
    pick = Picker(seed)
    people = People(pick)
    decisions = YearCounter()
    travellers: list[Record] = []
    done = 0
    while done < n:
        trip = _trip(pick, decisions, _spread(done, n, first, last))
        size = min(n - done, pick.rng.randint(2, 8))
        for position, member in enumerate(_members(people, travellers, size)):
            role = MEMBER_ROLES[0] if position == 0 else pick.weighted(MEMBER_ROLE_CHOICE)
            yield {**trip, **member, "role": role}
        done += size


def _trip(pick: Picker, decisions: YearCounter, decision_on: dt.date) -> Record:
    depart_on = decision_on + dt.timedelta(days=pick.rng.randint(7, 30))
    return_on = depart_on + dt.timedelta(days=pick.rng.randint(3, 14))
    countries = pick.one(COUNTRIES)
    if pick.chance(0.2) and (also := pick.one(COUNTRIES)) != countries:  # a second country, never the same twice
        countries += f", {also}"
    return {
        "decision_no": f"{decisions.next(decision_on.year)}-QĐ/TU",
        "decision_on": decision_on,
        "name": f"{pick.one(DELEGATION_SUBJECTS)} đi {countries}",
        "countries": countries,
        "purpose": pick.weighted(DELEGATION_PURPOSE_CHOICE),
        "depart_on": depart_on,
        "return_on": return_on,
        "report_received_on": (return_on + dt.timedelta(days=pick.rng.randint(2, 12))
                               if pick.chance(0.85) else None),
    }


def _members(people: People, travellers: list[Record], size: int) -> list[Record]:
    """Distinct cadres of one delegation, with their position at the time."""
    pick = people.pick
    members: dict[str, Record] = {}
    while len(members) < size:
        if travellers and pick.chance(0.3):
            cadre = pick.one(travellers)
        else:
            person = people.person(1960, 1995)
            cadre = {key: person[key] for key in ("full_name", "birth_date", "home_town")}
            cadre["cccd"] = people.cccd(person["gender"], person["birth_date"])
            _remember(travellers, cadre, pick)
        unit = pick.one(PROVINCIAL_UNITS) if pick.chance(0.7) else pick.one(LOCAL_UNITS)
        members[cadre["cccd"]] = {**cadre, "position": pick.one(POSITIONS), "unit": unit}
    return list(members.values())


def iter_archive_requests(n: int, seed: int = 1, first: dt.date = FIRST_DAY,
                          last: dt.date = LAST_DAY) -> Iterator[Record]:
    pick = Picker(seed)
    people = People(pick)
    letters = YearCounter()
    for index in range(n):
        doc_on = _spread(index, n, first, last)
        person = people.person(1925, 1960)
        answered = pick.chance(0.75)
        yield {
            "request_kind": pick.weighted(ARCHIVE_KIND_CHOICE),
            "province": pick.one(OTHER_PROVINCES),
            "doc_no": f"{letters.next(doc_on.year)}-CV/BTCTU" if pick.chance(0.9) else None,
            "doc_on": doc_on,
            "full_name": person["full_name"],
            "birth_date": person["birth_date"],
            "home_town": person["home_town"],
            "answered_on": doc_on + dt.timedelta(days=pick.rng.randint(10, 90)) if answered else None,
            "result": pick.one(ARCHIVE_RESULTS) if answered else None,
        }


def iter_complaints(n: int, seed: int = 1, first: dt.date = FIRST_DAY,
                    last: dt.date = LAST_DAY) -> Iterator[Record]:
    pick = Picker(seed)
    people = People(pick)
    for index in range(n):
        received_on = _spread(index, n, first, last)
        kind = pick.weighted(COMPLAINT_KIND_CHOICE)
        subject = people.name(pick.one(("Nam", "Nữ"))) if pick.chance(0.85) else None
        about = f"ông/bà {subject}" if subject else "một số cán bộ"
        resolved = pick.chance(0.65)
        yield {
            "received_on": received_on,
            "sender": "Nặc danh" if pick.chance(0.35) else people.name(pick.one(("Nam", "Nữ"))),
            "complaint_kind": kind,
            "subject_name": subject,
            # The running number keeps the natural key unique, as distinct letters are.
            "summary": f"{kind} {about} {pick.one(COMPLAINT_TOPICS)} (đơn số {index + 1})",
            "due_on": received_on + dt.timedelta(days=60 if kind == "Tố cáo" else 30),
            "resolved_on": received_on + dt.timedelta(days=pick.rng.randint(5, 80)) if resolved else None,
            "result": pick.one(COMPLAINT_RESULTS) if resolved else None,
        }


GENERATORS: dict[str, Callable[..., Iterator[Record]]] = {
    "cadres": iter_cadres,
    "slips": iter_slips,
    "delegations": iter_delegations,
    "archive-requests": iter_archive_requests,
    "complaints": iter_complaints,
}


def cadre_rows(n: int, seed: int = 1) -> list[Record]:
    return list(iter_cadres(n, seed))


def slip_rows(n: int, seed: int = 1, year: int | None = None) -> list[Record]:
    return list(iter_slips(n, seed, *_period(year)))


def delegation_rows(n: int, seed: int = 1, year: int | None = None) -> list[Record]:
    return list(iter_delegations(n, seed, *_period(year)))


def archive_request_rows(n: int, seed: int = 1, year: int | None = None) -> list[Record]:
    return list(iter_archive_requests(n, seed, *_period(year)))


def complaint_rows(n: int, seed: int = 1, year: int | None = None) -> list[Record]:
    return list(iter_complaints(n, seed, *_period(year)))


def _period(year: int | None) -> tuple[dt.date, dt.date]:
    return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else (FIRST_DAY, LAST_DAY)


# Workbooks in the import layout.

def write_workbook(path: Path, kind_name: str, records: Iterable[Record],
                   cell: Callable[[Any, object], object] | None = None) -> int:
    """Writes `records` under the kind's import headers (write-only); returns the row count.
    `cell` makes each header and value a cell (default: `_cell`)."""
    cell = cell or _cell
    fields = KINDS[kind_name].fields
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(KINDS[kind_name].title[:31])
    sheet.append([cell(sheet, spec.header) for spec in fields])
    count = 0
    for record in records:
        sheet.append([cell(sheet, spec.to_cell(record.get(spec.key))) for spec in fields])
        count += 1
    workbook.save(path)
    return count


def _cell(sheet, value: object) -> object:
    """Full dates become date cells shown dd/mm/yyyy, as an office's workbook has them."""
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


# An old office register: every text typed in TCVN3 — in .VnTime, or in .VnTimeH (capitals on
# the lower-case bytes) where the text has a capital letter with a mark .VnTime cannot hold.
_TO_TCVN3 = str.maketrans({letter: byte for byte, letter in TCVN3.items()})
_VNTIME, _VNTIMEH = Font(name=".VnTime"), Font(name=".VnTimeH")


def _tcvn3_cell(sheet, value: object) -> object:
    if not isinstance(value, str) or value.isascii():
        return _cell(sheet, value)
    typed, font = value.translate(_TO_TCVN3), _VNTIME
    if max(typed) > "\xff":
        typed = "".join(ch.upper() if ch.isascii() else ch for ch in value.lower().translate(_TO_TCVN3))
        font = _VNTIMEH
    cell = WriteOnlyCell(sheet, value=typed)
    cell.font = font
    return cell


def write_legacy_cadres(path: Path, n: int, seed: int = 1) -> int:
    """The cadres of `write_cadres`, typed in TCVN3 as a pre-Unicode office file holds them."""
    return write_workbook(path, "cadres", iter_cadres(n, seed), _tcvn3_cell)


def write_cadres(path: Path, n: int, seed: int = 1) -> int:
    return write_workbook(path, "cadres", iter_cadres(n, seed))


def write_slips(path: Path, n: int, seed: int = 1, year: int | None = None) -> int:
    return write_workbook(path, "slips", iter_slips(n, seed, *_period(year)))


def write_delegations(path: Path, n: int, seed: int = 1, year: int | None = None) -> int:
    return write_workbook(path, "delegations", iter_delegations(n, seed, *_period(year)))


def write_archive_requests(path: Path, n: int, seed: int = 1, year: int | None = None) -> int:
    return write_workbook(path, "archive-requests", iter_archive_requests(n, seed, *_period(year)))


def write_complaints(path: Path, n: int, seed: int = 1, year: int | None = None) -> int:
    return write_workbook(path, "complaints", iter_complaints(n, seed, *_period(year)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ghi một bảng tính nhập liệu với dữ liệu giả lập.")
    parser.add_argument("kind", choices=sorted(GENERATORS))
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, help="mọi bản ghi trong năm này (không dùng cho cadres)")
    args = parser.parse_args(argv)
    if args.kind == "cadres":
        if args.year:
            parser.error("cadres không có ngày để lọc theo năm")
        records = iter_cadres(args.rows, args.seed)
    else:
        records = GENERATORS[args.kind](args.rows, args.seed, *_period(args.year))
    count = write_workbook(args.out, args.kind, records)
    print(f"{count} dòng {args.kind} → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
