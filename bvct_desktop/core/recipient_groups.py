"""Where slips went, in the report's words: the ministry, this province's police, the police of
other provinces, and other bodies (the report says "gửi Cục A93B – Bộ Công an và Phòng PV27 – Công
an các tỉnh", not twelve unit names in one sentence)."""

import re
from collections.abc import Mapping

from . import gazetteer
from .text import fold

MINISTRY = "Bộ Công an"
OWN_PROVINCE = "Công an tỉnh"
OTHER_PROVINCES = "Công an các tỉnh, thành phố khác"
OTHER = "Cơ quan khác"
GROUPS = (MINISTRY, OWN_PROVINCE, OTHER_PROVINCES, OTHER)

# Police as written, folded: "Công an", or "CA" before tỉnh / thành phố ("Phòng PV27 - CA tỉnh").
_MINISTRY = re.compile(r"\bbo (?:cong an|ca)\b")
_POLICE = re.compile(r"\bcong an\b|\bca (?:tinh|thanh pho|tp)\b")
_CA = re.compile(r"\bca\b")  # police too when a province's name ends the unit's ("Phòng PV06 - CA Đắk Nông")
# Police naming no province: nothing but a full stop after "tỉnh" or "TP" ("TP.HCM" names one).
_UNNAMED_POLICE = re.compile(r"\b(?:cong an|ca)(?: (?:tinh|thanh pho|tp))?\b(?!\.?\s*\w)")


def group_of(recipient: str, province: str) -> str:
    """The group of one recipient unit; `province` is the office's own (setting dia_danh).

    A police unit naming no province ("Phòng PV27 – Công an tỉnh", "CA tỉnh") is the office's own."""
    name = fold(recipient)
    if _MINISTRY.search(name):
        return MINISTRY
    if not _POLICE.search(name) and not (_CA.search(name) and gazetteer.load().province_named(recipient)):
        return OTHER
    if _UNNAMED_POLICE.search(name) or province and _of_province(recipient, name, province):
        return OWN_PROVINCE
    return OTHER_PROVINCES


def _of_province(recipient: str, name: str, province: str) -> bool:
    """Whether a police unit is the province's: named after it, however written ("Công an TP.HCM" for the
    office of Thành phố Hồ Chí Minh), or after a former province now part of it (Công an tỉnh Bình Thuận,
    for the office of the Lâm Đồng made in 2025)."""
    folded = fold(province)
    if folded in name or folded in fold(gazetteer.province_now(recipient) or ""):
        return True
    places = gazetteer.load()
    named = {unit.short for unit in places.province_named(recipient)}
    return not named.isdisjoint(unit.short for unit in places.province_named(province))


def grouped(counts: Mapping[str, int], province: str) -> dict[str, dict[str, int]]:
    """{group: {recipient: count}} in the order of GROUPS, empty groups left out."""
    groups: dict[str, dict[str, int]] = {group: {} for group in GROUPS}
    for recipient, count in counts.items():
        groups[group_of(recipient, province)][recipient] = count
    return {group: units for group, units in groups.items() if units}

