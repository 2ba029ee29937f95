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
    ("Nga", "Russia"),
    ("Pháp", "France"),
    ("Đức", "Germany"),
    ("Anh", "Anh và Bắc Ireland", "United Kingdom", "UK", "England"),
    ("Ý", "I-ta-li-a", "Italia", "Italy"),
    ("Hà Lan", "Netherlands"),
    ("Bỉ", "Belgium"),
    ("Thụy Sĩ", "Switzerland"),
    ("Thụy Điển", "Sweden"),
    ("Séc", "Czech"),
    ("Ba Lan", "Poland"),
    ("Hungary", "Hung-ga-ri"),
    ("Canada", "Ca-na-đa"),
    ("Cuba", "Cu-ba"),
    ("New Zealand", "Niu Di-lân"),
)

# What a decision writes before a country's name in its state's full name («Cộng hòa Pháp», «Liên hiệp Vương
# quốc Anh và Bắc Ireland»), longest first.
_STATE_FORMS = ("Cộng hòa Dân chủ Nhân dân", "Cộng hòa Liên bang", "Cộng hòa Nhân dân", "Liên hiệp Vương quốc",
                "Cộng hòa", "Vương quốc", "Liên bang")

# Commas, semicolons and slashes part countries, and so do a dash between spaces and a «và» as a word, one left
# at either end too (a hyphen inside a name, «Xin-ga-po», does not; nor «và» inside a known name, «Anh và Bắc
# Ireland»).
_SEPARATOR = re.compile(r"(\s*(?:[,;/]|\s[-–]\s|(?:^|\s)và(?:\s|$))\s*)")


def _key(name: str) -> str:
    """A country's name with nothing but its letters and digits, accents and case aside."""
    return re.sub(r"[^0-9a-z]", "", fold(name))


_WRITTEN = {_key(way): names[0] for names in _KNOWN for way in names}
_STATE_FORM_KEYS = tuple(_key(form) for form in _STATE_FORMS)
LISTED_WITH = ", "  # what parts the countries of one value as stored


def as_written(value: str) -> str:
    """`value`, the countries it names each written as the office writes them, listed with commas
    and each once; a country not known is kept as written."""
    listed: dict[str, str] = {}
    for part in _parts(clean(value)):
        written = _known(part) or part
        listed.setdefault(_key(written), written)
    return LISTED_WITH.join(listed.values())


def _parts(value: str) -> list[str]:
    """The countries `value` names: parted at each separator but a «và» inside a known name."""
    pieces = _SEPARATOR.split(value)  # country, separator, country, …
    parts = [pieces[0]]
    for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
        if separator.strip() == "và" and _known(parts[-1] + separator + piece):
            parts[-1] += separator + piece
        else:
            parts.append(piece)
    return [part for part in parts if part]


def _known(name: str) -> str | None:
    """The known country `name` is, as the office writes it, by any of its ways or its state's full name."""
    key = _key(name)
    found = _WRITTEN.get(key)
    for form in _STATE_FORM_KEYS:
        if found is None and key.startswith(form):
            found = _WRITTEN.get(key.removeprefix(form))
    return found
