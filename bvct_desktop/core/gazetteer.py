"""Bình Thuận's administrative units before and after the 1 July 2025 merger.

Home towns are kept as written; this gazetteer only tells which other names the same
place has had, so that a search for the new name finds records that use the old one and the
reverse ("Hàm Tiến" ↔ "Mũi Né"). Data: core/data/binh_thuan_2025.json (brief §5.5).

Names that are also a province or district ("Bình Thuận", "Phan Thiết", "La Gi", "Tuy Phong"…)
count as a commune-level unit only after "phường", "xã", "thị trấn" or "đặc khu"
(or P., X., TT.), so "Hàm Tiến, Phan Thiết, Bình Thuận" is not taken for the new phường
Bình Thuận.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .text import fold

DATA = Path(__file__).parent / "data" / "binh_thuan_2025.json"
_UNIT_WORD = r"(?:phuong|xa|thi tran|dac khu|p\.|x\.|tt\.?)\s*"


@dataclass(frozen=True)
class NewUnit:
    kind: str                      # Phường, Xã, Đặc khu
    name: str
    predecessors: tuple[str, ...]  # names of the old units merged into it
    complete: bool                 # False while only some predecessors are recorded


class Gazetteer:
    def __init__(self, old_units: dict[str, tuple[str, ...]], new_units: list[NewUnit],
                 higher_level: set[str]):
        self.old_units = old_units  # old commune-level unit name → the districts that had one
        self.new_units = {fold(unit.name): unit for unit in new_units}
        self._successors: dict[str, list[str]] = {}
        for unit in new_units:
            for name in unit.predecessors:
                self._successors.setdefault(fold(name), []).append(unit.name)
        names = {fold(name) for name in old_units} | set(self.new_units)
        self._names = {fold(name): name for name in old_units}
        self._names.update({key: unit.name for key, unit in self.new_units.items()})
        self._higher = _alternation(higher_level, prefix=f"({_UNIT_WORD})?")
        self._units = _alternation(names)

    def successors(self, old_name: str) -> list[str]:
        """The new units an old commune-level unit went into (several when it was split)."""
        return list(self._successors.get(fold(old_name), []))

    def predecessors(self, new_name: str) -> list[str]:
        unit = self.new_units.get(fold(new_name))
        return list(unit.predecessors) if unit else []

    def counterparts(self, place: str) -> list[str]:
        """Other names (old or new) of the commune-level units named in `place`."""
        written = fold(place)
        # a province or district name counts only after a unit word: "phường Bình Thuận"
        communes = self._higher.sub(lambda match: match.group() if match.group(1) else "|", written)
        found = []
        for match in self._units.finditer(communes):
            name = self._names[match.group()]
            found += self.successors(name) + self.predecessors(name)
        return [name for name in dict.fromkeys(found)
                if not re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", written)]


def _alternation(names, prefix: str = "") -> re.Pattern:
    words = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w){prefix}(?:{words})(?!\w)")


@functools.cache
def load() -> Gazetteer:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    old_units: dict[str, tuple[str, ...]] = {}
    higher = {fold(data["truoc"]["tinh"])}
    for district in data["truoc"]["huyen"]:
        higher.add(fold(re.sub(r"^(Thành phố|Thị xã|Huyện)\s+", "", district["ten"])))
        for unit in district["don_vi"]:
            old_units[unit["ten"]] = (*old_units.get(unit["ten"], ()), district["ten"])
    new_units = [NewUnit(unit["loai"], unit["ten"], tuple(source["ten"] for source in unit["tu"]),
                         unit["du_danh_sach"]) for unit in data["sau"]["don_vi"]]
    higher.discard(fold("Phú Quý"))  # the district became the special zone of the same name and land
    return Gazetteer(old_units, new_units, higher)


@functools.lru_cache(maxsize=65_536)  # home towns repeat: an import asks for the same few thousand
def counterparts(place: str | None) -> tuple[str, ...]:
    """Other names of the places in a home town, for the search index."""
    return tuple(load().counterparts(place)) if place else ()
