"""Countries as the office writes them.

Old lists name one country several ways («Hàn Quốc», «Hàn quốc», «Korea», «Đại Hàn») and several
countries with any separator («Nhật; Xin-ga-po - Hàn Quốc»). A known country is written one way,
whatever its case, accents, spaces or hyphens; several are listed with commas, each once.
"""

import re

from .text import clean, fold

# Each country as the office writes it, then the other ways lists write it.
_KNOWN = (
    ("Hàn Quốc", "Đại Hàn", "Nam Hàn", "Đại Hàn Dân Quốc", "Korea", "South Korea", "Republic of Korea"),
    ("Triều Tiên", "Bắc Triều Tiên", "Bắc Hàn", "North Korea"),
    ("Nhật Bản", "Nhật", "Japan"),
    ("Trung Quốc", "Trung Hoa", "China"),
    ("Đài Loan", "Taiwan"),
    ("Hoa Kỳ", "Mỹ", "Hợp chúng quốc Hoa Kỳ", "USA", "US", "United States", "America"),
    ("Úc", "Ô-xtrây-li-a", "Australia"),
    ("Lào", "Laos"),
    ("Campuchia", "Cambodia"),
    ("Thái Lan", "Thailand"),
    ("Singapore", "Xin-ga-po", "Singapo"),
    ("Malaysia", "Ma-lai-xi-a", "Mã Lai"),
    ("Indonesia", "In-đô-nê-xi-a"),
    ("Philippines", "Phi-líp-pin", "Philippin"),
    ("Myanmar", "Mi-an-ma", "Miến Điện"),
    ("Ấn Độ", "India"),
    ("Nga", "Liên bang Nga", "Russia"),
    ("Pháp", "France"),
    ("Đức", "Cộng hòa Liên bang Đức", "Germany"),
    ("Anh", "Vương quốc Anh", "United Kingdom", "UK", "England"),
    ("Ý", "I-ta-li-a", "Italia", "Italy"),
    ("Hà Lan", "Netherlands"),
    ("Bỉ", "Belgium"),
    ("Thụy Sĩ", "Switzerland"),
    ("Thụy Điển", "Sweden"),
    ("Séc", "Cộng hòa Séc", "Czech"),
    ("Ba Lan", "Poland"),
    ("Hungary", "Hung-ga-ri"),
    ("Canada", "Ca-na-đa"),
    ("Cuba", "Cu-ba"),
    ("New Zealand", "Niu Di-lân"),
)

# Commas, semicolons and slashes part countries, and so do a dash or «và» between spaces (a hyphen
# inside a name, «Xin-ga-po», does not).
_SEPARATOR = re.compile(r"\s*(?:[,;/]|\s[-–]\s|\svà\s)\s*")


def _key(name: str) -> str:
    """A country's name with nothing but its letters and digits, accents and case aside."""
    return re.sub(r"[^0-9a-z]", "", fold(name))


_WRITTEN = {_key(way): names[0] for names in _KNOWN for way in names}
LISTED_WITH = ", "  # what parts the countries of one value as stored


def as_written(value: str) -> str:
    """`value`, the countries it names each written as the office writes them, listed with commas
    and each once; a country not known is kept as written."""
    listed: dict[str, str] = {}
    for part in _SEPARATOR.split(clean(value)):
        if part:
            written = _WRITTEN.get(_key(part), part)
            listed.setdefault(_key(written), written)
    return LISTED_WITH.join(listed.values())
