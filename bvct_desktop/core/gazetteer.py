"""Vietnam's administrative units before and after 01/7/2025, and the mapping between them.

The whole country: 63 former provinces with their districts and communes, the 34 provinces and
their communes since the arrangement, and for each former commune the new unit(s) it went into
(several when it was divided). Data: resources/places/places-v1.json.gz, written by
tools/places/build.py from the `vietnamadminunits` dataset (MIT; notice beside the file), read
the first time a place is looked up — never at start-up.

Home towns are kept as written; the gazetteer tells which unit a written place names and what
that unit is called on the other side of the date:
- `lookup("Ngũ Phụng, Phú Quí")` — the units a name (with district, province after commas) names;
- `resolve(home_town)` — the unit a free-written home town names ("xã Ngũ Phụng, huyện Phú Quí,
  tỉnh Bình Thuận", "Hàm Tiến - Phan Thiết", "P. Mũi Né, Lâm Đồng"), or none when it is unknown
  or could be several;
- `counterparts(home_town)` — the other names of that place, for the search index;
- `without_unit_words(query)` — a register's search without the unit word of a place it names ("Đặc
  khu Phú Quý" looks for the phrase "Phú Quý"), since the index holds those other names without theirs;
- `now_called(home_town)` — "Đặc khu Phú Quý, Lâm Đồng" for a home town written under old names;
- `province_now(text)` — "Tỉnh Lâm Đồng" for a former province, alone or ending an office's name
  ("Phòng PV27 – Công an tỉnh Bình Thuận").
Names compare accents, case, punctuation and the i/y of Quí/Quý ignored (`place_key`).
"""

import datetime as dt
import functools
import gzip
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..resources import resource_path
from .text import clean, fold, unify_final_y, variant_fold

DATA = "places/places-v1.json.gz"
MERGED_ON = dt.date(2025, 7, 1)  # the arrangement of provinces and communes took effect
EFFECTIVE = f"{MERGED_ON:%d}/{MERGED_ON.month}/{MERGED_ON.year}"  # "01/7/2025", as the resolutions write it

COMMUNE, DISTRICT, PROVINCE = 0, 1, 2  # levels
# the unit words as names begin, spelled out and folded, the levels they name and their short form
_UNIT_TYPES = {"Thành phố": ("thanh pho", {DISTRICT, PROVINCE}, "tp"), "Thị trấn": ("thi tran", {COMMUNE}, "tt"),
               "Thị xã": ("thi xa", {DISTRICT}, "tx"), "Đặc khu": ("dac khu", {COMMUNE}, "dk"),
               "Phường": ("phuong", {COMMUNE}, "p"), "Huyện": ("huyen", {DISTRICT}, "h"),
               "Quận": ("quan", {DISTRICT}, "q"), "Tỉnh": ("tinh", {PROVINCE}, "t"), "Xã": ("xa", {COMMUNE}, "x")}
_SPELLED_OUT = {short: spelled for spelled, _, short in _UNIT_TYPES.values()}  # "tp" → "thanh pho"
# unit words as written (folded, short forms too) → the levels they name
_UNIT_WORDS = {word: levels for spelled, levels, short in _UNIT_TYPES.values() for word in (spelled, short)}
_UNIT_WORD = re.compile(r"^(" + "|".join(sorted((re.escape(word) for word in _UNIT_WORDS), key=len, reverse=True))
                        + r")(?:\s+|\.\s*|(?=\d))(.+)$")
_APOSTROPHES = re.compile(r"['’`ʼ][ \t]*")
_DASHES = re.compile(r"[-–—.]")
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")
_SPACES = re.compile(r"[ \t]+")
_TYPES = tuple(_UNIT_TYPES)
_ANY_TYPE = "(?:" + "|".join(_TYPES) + ")"
_TYPE = re.compile(rf"^{_ANY_TYPE} (?!\d)", re.MULTILINE)
_UNIT_WORD_WRITTEN = re.compile(rf"^{_ANY_TYPE}\s+(?!\d)", re.IGNORECASE)
_TYPE_WORD = re.compile(f"^{_ANY_TYPE}(?= )")
_TYPE_WORDS = re.compile(f"(?:^|(?<= hoặc )){_ANY_TYPE}(?= )")  # "Xã Phan Rí Cửa hoặc Xã Tuy Phong, Lâm Đồng"
_PARTS = re.compile(r"[,;()/]")  # what parts a written place: "Hàm Tiến (Phan Thiết)", "Ngũ Phụng/Phú Quí"
# the province an office's name ends with: "… Công an tỉnh Bình Thuận", "… Thành phố Hồ Chí Minh"
# the province named last in a text: after its type word, its Party committee's ("Tỉnh ủy Bình Định") or its
# police's ("Công an Bình Thuận", "CA Đắk Nông")
_PROVINCE_AT_END = re.compile(r"^.*(?:^|\s)(?:(?:tỉnh|thành)\s+(?:ủy|uỷ)|tỉnh|thành phố|tp\.?|công an|ca)\s+(.+?)\s*$",
                              re.IGNORECASE | re.DOTALL)
# provinces as office lists abbreviate them, besides the dataset's names ("TP.HCM" is "TP." before "HCM")
_ABBREVIATIONS = {"Thành phố Hồ Chí Minh": ("HCM", "TPHCM"), "Tỉnh Bà Rịa - Vũng Tàu": ("BR-VT", "BRVT"),
                  "Thành phố Huế": ("TT-Huế",)}
# the provinces of 1976–2008 no longer among the 63, as lý lịch and old files name them, and the provinces of
# the 63 they became (Quốc hội: Nghị quyết 29/12/1978, 30/6/1989, 12/8/1991, 06/11/1996, 29/5/2008)
_EARLIER_PROVINCES = {
    "Tỉnh Cao Lạng": ("tách năm 1978", ("Tỉnh Cao Bằng", "Tỉnh Lạng Sơn")),
    "Tỉnh Bình Trị Thiên": ("tách năm 1989", ("Tỉnh Quảng Bình", "Tỉnh Quảng Trị", "Thành phố Huế")),
    "Tỉnh Nghĩa Bình": ("tách năm 1989", ("Tỉnh Quảng Ngãi", "Tỉnh Bình Định")),
    "Tỉnh Phú Khánh": ("tách năm 1989", ("Tỉnh Phú Yên", "Tỉnh Khánh Hòa")),
    "Tỉnh Hà Sơn Bình": ("tách năm 1991", ("Thành phố Hà Nội", "Tỉnh Hòa Bình")),
    "Tỉnh Hoàng Liên Sơn": ("tách năm 1991", ("Tỉnh Lào Cai", "Tỉnh Yên Bái")),
    "Tỉnh Hà Tuyên": ("tách năm 1991", ("Tỉnh Hà Giang", "Tỉnh Tuyên Quang")),
    "Tỉnh Hà Nam Ninh": ("tách năm 1991", ("Tỉnh Hà Nam", "Tỉnh Nam Định", "Tỉnh Ninh Bình")),
    "Tỉnh Nghệ Tĩnh": ("tách năm 1991", ("Tỉnh Nghệ An", "Tỉnh Hà Tĩnh")),
    "Tỉnh Thuận Hải": ("tách năm 1991", ("Tỉnh Ninh Thuận", "Tỉnh Bình Thuận")),
    "Tỉnh Gia Lai - Kon Tum": ("tách năm 1991", ("Tỉnh Gia Lai", "Tỉnh Kon Tum")),
    "Tỉnh Cửu Long": ("tách năm 1991", ("Tỉnh Vĩnh Long", "Tỉnh Trà Vinh")),
    "Tỉnh Vĩnh Phú": ("tách năm 1997", ("Tỉnh Vĩnh Phúc", "Tỉnh Phú Thọ")),
    "Tỉnh Hà Bắc": ("tách năm 1997", ("Tỉnh Bắc Giang", "Tỉnh Bắc Ninh")),
    "Tỉnh Bắc Thái": ("tách năm 1997", ("Tỉnh Bắc Kạn", "Tỉnh Thái Nguyên")),
    "Tỉnh Hải Hưng": ("tách năm 1997", ("Tỉnh Hải Dương", "Tỉnh Hưng Yên")),
    "Tỉnh Nam Hà": ("tách năm 1997", ("Tỉnh Hà Nam", "Tỉnh Nam Định")),
    "Tỉnh Quảng Nam - Đà Nẵng": ("tách năm 1997", ("Thành phố Đà Nẵng", "Tỉnh Quảng Nam")),
    "Tỉnh Sông Bé": ("tách năm 1997", ("Tỉnh Bình Dương", "Tỉnh Bình Phước")),
    "Tỉnh Minh Hải": ("tách năm 1997", ("Tỉnh Bạc Liêu", "Tỉnh Cà Mau")),
    "Tỉnh Hà Tây": ("nhập vào Hà Nội năm 2008", ("Thành phố Hà Nội",)),
}
_EARLIER_NAMES = {successor: tuple(name for name, (_, became) in _EARLIER_PROVINCES.items() if successor in became)
                  for _, became in _EARLIER_PROVINCES.values() for successor in became}
_FINAL_K = re.compile(r"k\b")
_DASHED = re.compile(r"\s[-–]\s")
_SAYS_NOW = re.compile(r"\(\s*nay(?!\w)|(?<!\w)nay(?=\s*:|\s+(?:là|thuộc)(?!\w))", re.IGNORECASE)  # "(nay là …)"


def place_key(name: str) -> str:
    """What two spellings of one place name share: "Đắk R'Lấp" = "dak rlap", "Phú Quí" = "phu qui".

    Accents, đ, case, tone placement, apostrophes, dashes and dots, zeros before a number and the
    i/y of Quí/Quý are ignored.
    """
    return place_keys([name])[0]


def place_keys(names: list[str]) -> list[str]:
    """`place_key` of many names at once, in a few passes over them joined (15,000 at load)."""
    text = _APOSTROPHES.sub("", "\n".join(names).lower().replace("đ", "d"))
    text = unicodedata.normalize("NFD", _DASHES.sub(" ", text)).encode("ascii", "ignore").decode("ascii")
    text = _SPACES.sub(" ", _LEADING_ZEROS.sub("", unify_final_y(text)))
    return [line.strip() for line in text.split("\n")]


# a unit word as a search box's words ("đặc", "khu"; "tp", "tp.", "x.": a letter alone only with its dot, else
# it is an initial or a word being typed) → the unit's `type_word` ("dac khu")
_TYPED_TYPES = {written: spelled for name, (spelled, _, short) in _UNIT_TYPES.items()
                for written in (tuple(name.lower().split()), (f"{short}.",), *([(short,)] if len(short) > 1 else []))}


class Unit:
    """One administrative unit, before or since 01/7/2025 (15,000 are made at load: slots, no dataclass)."""

    __slots__ = ("code", "name", "level", "new", "parent", "successors", "predecessors", "children",
                 "other_names", "_current", "_related")

    def __init__(self, code: str, name: str, level: int, new: bool, parent: "Unit | None" = None,
                 successors: list["Unit"] | None = None, other_names: tuple[str, ...] = ()):
        self.code = code
        self.name = name                # with its type: "Xã Ngũ Phụng", "Huyện Phú Quí", "Tỉnh Lâm Đồng"
        self.level = level
        self.new = new                  # a unit since 01/7/2025
        self.parent = parent
        self.successors: list[Unit] = successors or []  # a former unit: what it went into
        self.predecessors: list[Unit] = []              # a unit since 01/7/2025: what went into it
        self.children: list[Unit] = []
        self.other_names = other_names
        self._current: list[Unit] | None = None
        self._related: frozenset[Unit] | None = None

    def __repr__(self) -> str:
        return f"<{self.full_name()}{' (từ 01/7/2025)' if self.new else ''}>"

    @property
    def short(self) -> str:
        """The name without its type ("Ngũ Phụng"), or with it when the name is a number ("Phường 1")."""
        return _without_type(self.name)

    @property
    def type_word(self) -> str:
        """The unit word of its name, folded ("xa", "thanh pho")."""
        match = _TYPE_WORD.match(self.name)
        return place_key(match.group()) if match else ""

    @property
    def province(self) -> "Unit":
        unit = self
        while unit.parent is not None:
            unit = unit.parent
        return unit

    @property
    def divided(self) -> bool:
        return len(self.successors) > 1

    def ancestors(self) -> list["Unit"]:
        found, unit = [], self.parent
        while unit is not None:
            found.append(unit)
            unit = unit.parent
        return found

    def full_name(self) -> str:
        """"Xã Ngũ Phụng, Huyện Phú Quí, Tỉnh Bình Thuận"."""
        return ", ".join(unit.name for unit in (self, *self.ancestors()))

    @property
    def current(self) -> list["Unit"]:
        """The units since 01/7/2025 covering this one (itself when it is one)."""
        if self._current is None:
            self._current = [self] if self.new else self.successors or list(dict.fromkeys(
                unit for child in self.children for unit in child.current))
        return self._current

    @property
    def related(self) -> frozenset["Unit"]:
        """The higher units of what this one became (a former unit) or came from (a current one)."""
        if self._related is None:
            others = self.predecessors if self.new else self.current
            self._related = frozenset(higher for other in others for higher in other.ancestors())
        return self._related


@dataclass(frozen=True)
class _Part:
    levels: frozenset[int]  # the levels its unit word allows (all three without one)
    key: str                # of the name after the unit word
    word: str = ""          # the unit word, spelled out and folded ("xa", "thanh pho")
    whole: str = ""         # the key of the whole part, for a name that begins like a unit word ("Xà Phìn")


class Gazetteer:
    def __init__(self, data: dict):
        self.units: list[Unit] = []
        self._named: dict[str, list[Unit]] = {}
        new_provinces = [self._add(code, name, PROVINCE, True) for code, name in data["new_provinces"]]
        new_units = [self._add(code, name, COMMUNE, True, new_provinces[province])
                     for code, name, province in data["new_units"]]
        old_provinces = [self._add(code, name, PROVINCE, False, None, [new_provinces[successor]], *other_names[:1])
                         for code, name, successor, *other_names in data["old_provinces"]]
        districts = [self._add(code, name, DISTRICT, False, old_provinces[province],
                               [new_units[index] for index in went_into[0]] if went_into else None)
                     for code, name, province, *went_into in data["old_districts"]]
        for code, name, district, went_into, *other_names in data["old_units"]:
            self._add(code, name, COMMUNE, False, districts[district], [new_units[index] for index in went_into],
                      *other_names[:1])
        written = [(unit, name) for unit in self.units for name in (unit.name, *unit.other_names,
                                                                    *_names_in_old_lists(unit))]
        names = _TYPE.sub("", "\n".join(name for _, name in written)).split("\n")
        for (unit, _), key in zip(written, place_keys(names), strict=True):
            named = self._named.setdefault(key, [])
            if not named or named[-1] is not unit:
                named.append(unit)
        self._loosely: dict[str, list[Unit]] = {}
        for key, units in self._named.items():
            self._loosely.setdefault(_loose(key), []).extend(units)
        for unit in self.units:
            for successor in unit.successors:
                successor.predecessors.append(unit)
            if unit.parent is not None:
                unit.parent.children.append(unit)

    def _add(self, code: str, name: str, level: int, new: bool, parent: Unit | None = None,
             successors: list[Unit] | None = None, other_names: tuple[str, ...] | list[str] = ()) -> Unit:
        unit = Unit(code, name, level, new, parent, successors, tuple(other_names))
        self.units.append(unit)
        return unit

    # ------------------------------------------------------------ names

    def named(self, written: str, levels: Iterable[int] = (COMMUNE, DISTRICT, PROVINCE)) -> list[Unit]:
        """The units called `written` (one name, maybe after its unit word), of the given levels."""
        part = _part(written)
        return self._candidates(part, frozenset(levels))

    def _candidates(self, part: _Part, levels: frozenset[int]) -> list[Unit]:
        allowed = part.levels & levels
        found = [unit for unit in self._called(part.key) if unit.level in allowed]
        if part.whole:
            found += [unit for unit in self._called(part.whole) if unit.level in levels and unit not in found]
        return found

    def _called(self, key: str) -> list[Unit]:
        """The units of a name's key, or else of its spelling in old lists ("Kontum", "Lagi", "Đắc Lắc")."""
        return self._named.get(key) or self._loosely.get(_loose(key), [])

    def lookup(self, text: str) -> list[Unit]:
        """`bvct places`: the units named by "NAME[, district][, province]", old and new.

        Parts are read as in a home town: after commas, and after dashes unless a unit is so named
        ("Hàm Tiến - Phan Thiết"). Each part after the first names a different one of the unit's own
        higher units (its district, its province) or, for a former unit, the province it is part of now
        ("Ngũ Phụng, Lâm Đồng"); a former unit found that way is left out when what it went into is listed
        (that line names it). Accents are ignored: "Đăk Nông" finds Tỉnh Đắk Nông too. First come
        the units spelled with the accents typed, former before current, those in the places named
        as their own first.
        """
        pieces = self._pieces(text)
        if not pieces:
            return []
        first, *qualifiers = [_part(piece) for piece in pieces]
        candidates = self._candidates(first, first.levels)
        own = {unit for unit in candidates if self._within(unit.ancestors(), qualifiers)}
        found = [unit for unit in candidates if unit in own
                 or not unit.new and self._within([*unit.ancestors(), *unit.related], qualifiers)]
        found = _of_written_type(found, first)
        listed = set(found)
        found = [unit for unit in found if unit in own or not set(unit.current) <= listed]
        return sorted(found, key=lambda unit: (not _same_accents(pieces[0], unit), unit.new, unit not in own,
                                               unit.level, unit.code))

    def _within(self, higher: list[Unit], qualifiers: list[_Part]) -> bool:
        """Whether each qualifier names one of the `higher` units, each a different one."""
        return any(all(map(self._is, units, qualifiers)) for units in itertools.permutations(higher, len(qualifiers)))

    def _is(self, unit: Unit, part: _Part) -> bool:
        return unit in self._candidates(part, frozenset((unit.level,)))

    # ------------------------------------------------------------ provinces named by offices

    def province_now(self, text: str) -> str | None:
        """What the former province a text names is part of now ("Tỉnh Lâm Đồng"): a province alone
        ("Bình Thuận") or ending an office's name ("Phòng PV27 – Công an tỉnh Bình Thuận", "Ban Tổ chức
        Tỉnh ủy Bình Định"). None when the province is a current one, or no province is named."""
        units = self.province_named(text)
        if not units or any(unit.new for unit in units) or len({unit.current[0] for unit in units}) > 1:
            return None
        former = units[0]
        current = former.current[0]
        return current.name if current.short != former.short else None

    def province_named(self, text: str) -> list[Unit]:
        """The provinces (former or current) a text names alone or at its end ("Phòng PV06 – CA Đắk Nông")."""
        match = _PROVINCE_AT_END.match(text)
        return self.named(match.group(1) if match else text, (PROVINCE,))

    # ------------------------------------------------------------ home towns

    def resolve(self, place: str) -> list[Unit]:
        """The most specific unit a written place names: [] when none, several when it could be any.

        Parts are read left to right (villages and streets name no unit and are passed over); a part
        with a unit word reads only units of that type when one is so called ("Đặc khu Phú Quý" is no
        xã Phú Quý, "Xã Hàm Tiến" the phường when no xã is), unless the later parts agree better with
        one of another type ("xã Phan Rí Cửa, huyện Tuy Phong": the thị trấn); its readings are kept when every
        later part naming a higher unit agrees with them — as its own district or province (best), or
        as the province or district of what it became or came from ("P. Mũi Né, Bình Thuận") — and a
        contradicted reading is dropped. Of an old and a new unit read from the same words, the new one
        stands when the old went into it.
        """
        parts = [_part(piece) for piece in self._pieces(place)]
        for position, part in enumerate(parts):
            later = [self._readings(other) for other in parts[position + 1:]]
            scored = _scored(self._readings(part), later)
            wider = _scored(self._candidates(part, part.levels), later)
            if _best(wider) > _best(scored):
                scored = wider
            if not scored:
                continue
            best = max(score for (score, _), _ in scored)
            chosen = [(unit, surer) for (score, surer), unit in scored if score == best]
            if len(part.levels) > 1:  # no unit word: "Bình Thuận" is the province, "Phan Thiết" the city
                highest = max(unit.level for unit, _ in chosen)
                chosen = [(unit, surer) for unit, surer in chosen if unit.level == highest]
            if best > 0 and any(surer for _, surer in chosen):
                chosen = [(unit, surer) for unit, surer in chosen if surer]
            chosen = [unit for unit, _ in chosen]
            return [unit for unit in chosen if not any(other.new and other in unit.successors for other in chosen)]
        return []

    def _readings(self, part: _Part) -> list[Unit]:
        return _of_written_type(self._candidates(part, part.levels), part)

    def _pieces(self, place: str) -> list[str]:
        """The parts of a written place: after commas, brackets and slashes, and after dashes unless a
        unit is so named ("Hàm Tiến - Phan Thiết" is two parts, "Xuân Hương - Đà Lạt" one), then
        before the unit words of a part naming no unit ("xã Ngũ Phụng huyện Phú Quí")."""
        pieces = []
        for piece in _PARTS.split(place):
            if _DASHED.search(piece) and _part(piece).key not in self._named:
                pieces += _DASHED.split(piece)
            else:
                pieces.append(piece)
        return [part for piece in pieces if piece.strip() for part in self._at_unit_words(piece)]

    def _at_unit_words(self, piece: str) -> list[str]:
        """A part naming no unit split before each unit word with a name after it, when a name comes before
        it too: "xã Phước Tỉnh huyện Long Điền" is "xã Phước Tỉnh" and "huyện Long Điền"."""
        if _part(piece).key in self._named:
            return [piece]
        words = piece.split()
        starts, at = [0], _unit_word_length(words, 0)
        while at < len(words):
            length = _unit_word_length(words, at)
            if length and at > starts[-1] + _unit_word_length(words, starts[-1]) \
                    and not _unit_word_length(words, at + length):
                starts.append(at)
            at += length or 1
        return [" ".join(words[start:end]) for start, end in zip(starts, [*starts[1:], len(words)], strict=True)]

    def counterparts(self, place: str) -> tuple[str, ...]:
        """The other names (old or new) of the place written, for the search index."""
        units = self.resolve(place)
        if len(units) != 1:
            return ()
        unit = units[0]
        # its own name when written otherwise ("Kontum" is found by "Kon Tum"), what it came from or became,
        # their higher units, and its own ("Thuận Quý" is found by "Bình Thuận", "Phan Rí Cửa" by "Lâm Đồng")
        others = unit.predecessors if unit.new else unit.current
        named = others if unit.new or unit.level == COMMUNE or len(others) == 1 else []
        related = [unit, *named, *(higher for other in others for higher in other.ancestors()), *unit.ancestors()]
        written = f" {place_key(_PARTS.sub(' ', place))} "
        names = dict.fromkeys(other.short for other in related)
        return tuple(name for name in names if f" {place_key(name)} " not in written)

    def without_unit_words(self, words: list[str]) -> list[str]:
        """The words of a search, each unit word left out that comes before the name of a unit of its type,
        and that name kept as one phrase (["Đặc", "khu", "Phú", "Quý"] → ["Phú Quý"])."""
        kept, at = [], 0
        while at < len(words):
            unit_word = _unit_word_at(words, at)
            name = self._unit_name(_TYPED_TYPES[unit_word], words[at + len(unit_word):]) if unit_word else 0
            if name:
                at += len(unit_word)
                kept.append(" ".join(words[at:at + name]).rstrip(",;"))
                at += name
            else:
                kept.append(words[at])
                at += 1
        return kept

    def _unit_name(self, type_word: str, following: list[str]) -> int:
        """How many of the words `following` a unit word make the longest name of a unit of that type
        they begin (up to a comma); 0 when they begin none."""
        longest = 0
        for length, word in enumerate(following, start=1):
            name = place_key(" ".join(following[:length]).rstrip(",;"))
            if any(unit.type_word == type_word for unit in self._named.get(name, ())):
                longest = length
            if word.endswith((",", ";")):
                break
        return longest

    def now_called(self, place: str) -> str | None:
        """What a home town written under former names is called now ("Đặc khu Phú Quý, Lâm Đồng");
        None when it already says so ("…, tỉnh Bình Thuận (nay là …)")."""
        if _SAYS_NOW.search(unicodedata.normalize("NFC", place)):
            return None
        units = self.resolve(place)
        if len(units) != 1 or units[0].new:
            return None
        unit = units[0]
        current = unit.current
        provinces = list(dict.fromkeys(successor.province for successor in current))
        if unit.level == PROVINCE:
            return current[0].name if current[0].short != unit.short else None
        if unit.level == COMMUNE or len(current) == 1:
            names = " hoặc ".join(successor.name for successor in current)
            return f"{names}, {', '.join(province.short for province in provinces)}"
        if [province.short for province in provinces] != [unit.province.short]:
            return "thuộc " + ", ".join(province.short for province in provinces)
        return None


def describe(unit: Unit, written: str = "") -> str:
    """One line of `bvct places`: the unit with its province, and what it became or came from; first the
    province of before 2008 that `written` names, when it is one the unit was part of."""
    if not unit.new:
        current = unit.current
        verb = "nay chia về" if unit.divided else "nay thuộc" if unit.level == PROVINCE or len(current) > 1 else "nay"
        return (f"{_earlier_province(unit, written)}{unit.full_name()} (trước {EFFECTIVE}) → {verb}: "
                f"{_grouped(current, lambda new: new.ancestors())}")
    parts = [f"{old.name} (một phần)" if old.divided else old.name for old in unit.predecessors]
    named = dict(zip(unit.predecessors, parts, strict=True))
    return (f"{unit.full_name()} (từ {EFFECTIVE}) ← gồm: "
            f"{_grouped(unit.predecessors, lambda old: old.ancestors(), named)}")


def _grouped(units: list[Unit], higher, names: dict | None = None) -> str:
    """"Xã A, Xã B (Huyện X, Tỉnh Y); Xã C (Huyện Z, Tỉnh Y)": units grouped by their higher units."""
    groups: dict[tuple, list[str]] = {}
    for unit in units:
        groups.setdefault(tuple(higher(unit)), []).append((names or {}).get(unit, unit.name))
    return "; ".join(", ".join(members) + (f" ({', '.join(u.name for u in above)})" if above else "")
                     for above, members in groups.items())


def _names_in_old_lists(unit: Unit) -> tuple[str, ...]:
    """A province's abbreviations, and for one of the 63 the provinces of before 2008 it was part of."""
    if unit.level != PROVINCE:
        return ()
    return (*_ABBREVIATIONS.get(unit.name, ()), *(() if unit.new else _EARLIER_NAMES.get(unit.name, ())))


def _earlier_province(unit: Unit, written: str) -> str:
    """«Tỉnh Sông Bé (tách năm 1997) → » when `written` names a province of before 2008 that `unit` was part of."""
    key = _part(written).key if written else ""
    return next((f"{name} ({_EARLIER_PROVINCES[name][0]}) → " for name in _names_in_old_lists(unit)
                 if name in _EARLIER_PROVINCES and place_key(_without_type(name)) == key), "")


def _loose(key: str) -> str:
    """What old lists' spellings of a name's key share: syllables run together ("Kontum", "Lagi") and a
    final k written c ("Đắc Lắc")."""
    return _FINAL_K.sub("c", key).replace(" ", "")


def _without_type(name: str) -> str:
    """"Ngũ Phụng" of "Xã Ngũ Phụng"; a numbered unit keeps its type ("Phường 1")."""
    return _TYPE.sub("", name, count=1)


def _part(written: str) -> _Part:
    """One comma-separated part: its unit word (if any) and the key of the name after it."""
    folded = " ".join(variant_fold(written).split())
    match = _UNIT_WORD.match(folded)
    if match:
        word, name = match.groups()
        word = _SPELLED_OUT.get(word, word)
        if name.isdigit():  # "Phường 1", "P.01": numbered units keep their word
            name = f"{word} {name}"
        return _Part(frozenset(_UNIT_WORDS[word]), place_key(name), word, place_key(written))
    return _Part(frozenset((COMMUNE, DISTRICT, PROVINCE)), place_key(written))


def _of_written_type(units: list[Unit], part: _Part) -> list[Unit]:
    """Those of the units a part names that are of the type its unit word says («Đặc khu Phú Quý» is no xã
    Phú Quý, «Phường Hàm Thắng» no xã), all when it says none or none is."""
    return [unit for unit in units if unit.type_word == part.word] or units


def _unit_word_at(words: list[str], at: int) -> tuple[str, ...] | None:
    """The unit word (a key of `_TYPED_TYPES`) that the words of a search hold at `at`, before more words."""
    return next((unit_word for unit_word in _TYPED_TYPES if len(words) > at + len(unit_word)
                 and all(map(_typed_as, words[at:at + len(unit_word)], unit_word))), None)


def _unit_word_length(words: list[str], at: int) -> int:
    """How many words the unit word at `at` takes, before more words; 0 when there is none."""
    return len(_unit_word_at(words, at) or ())


def _typed_as(typed: str, syllable: str) -> bool:
    """Whether a word typed is a syllable of a unit word, with its accents or with none («phuong» may be
    «phường», «phượng» is not)."""
    return clean(typed).casefold() in (syllable, fold(syllable))


def _scored(readings: list[Unit], later: list[list[Unit]]) -> list[tuple[tuple[int, bool], Unit]]:
    """The readings the later parts do not contradict, each with its `_agreement`."""
    return [(score, unit) for unit in readings if (score := _agreement(unit, later)) is not None]


def _best(scored: list[tuple[tuple[int, bool], Unit]]) -> int:
    return max((score for (score, _), _ in scored), default=-1)


def _agreement(unit: Unit, later: list[list[Unit]]) -> tuple[int, bool] | None:
    """How well the later parts agree with `unit`: 2 per own higher unit, 1 per related, None if one
    contradicts; then whether it is a current unit or a former one whose own district is written (of
    "xã Tân Thành, tỉnh Lâm Đồng", the current xã rather than a former one written without its district)."""
    own = unit.ancestors()
    score, district = 0, False
    for readings in later:
        higher = [reading for reading in readings if reading.level > unit.level]
        if not higher:
            continue
        if any(reading in own for reading in higher):
            score += 2
            district = district or any(reading in own and reading.level == DISTRICT for reading in higher)
        elif any(reading in unit.related for reading in higher):
            score += 1
        else:
            return None
    return score, unit.new or district


def _same_accents(written: str, unit: Unit) -> bool:
    """Whether `written` (a name of `unit`, its key equal) carries the same accents, when it has any."""
    marks = _marks(_UNIT_WORD_WRITTEN.sub("", clean(written)))
    return not marks or any(_marks(_without_type(name)) == marks for name in (unit.name, *unit.other_names))


def _marks(text: str) -> list[str]:
    """The tone and vowel marks and the đ of a text, in order: "Phú Quí" and "Phú Quý" alike."""
    return [ch for ch in unicodedata.normalize("NFD", text.casefold()) if unicodedata.combining(ch) or ch == "đ"]


@functools.cache
def load() -> Gazetteer:
    return Gazetteer(json.loads(gzip.decompress(resource_path(DATA).read_bytes())))


@functools.lru_cache(maxsize=65_536)  # home towns repeat: an import asks for the same few thousand
def counterparts(place: str | None) -> tuple[str, ...]:
    """Other names of the place in a home town, for the search index."""
    return load().counterparts(place) if place else ()


@functools.lru_cache(maxsize=4_096)
def now_called(place: str | None) -> str | None:
    """"Đặc khu Phú Quý, Lâm Đồng" for "Xã Ngũ Phụng, Phú Quí"; None for a current or unknown place."""
    return load().now_called(place) if place else None


@functools.lru_cache(maxsize=1_024)
def province_now(text: str | None) -> str | None:
    """"Tỉnh Lâm Đồng" for "Bình Thuận", "Phòng PV27 – Công an tỉnh Bình Thuận" or "Ban Tổ chức Tỉnh ủy Bình
    Thuận"; None for a current province."""
    return load().province_now(text) if text else None


@functools.lru_cache(maxsize=1_024)
def same_province(text: str, other: str, on: dt.date) -> bool:
    """Whether two texts name one province on day `on` («Bình Thuận» and «TỈNH ỦY LÂM ĐỒNG» since 01/7/2025, when
    Bình Thuận became part of Lâm Đồng; not before), alone or at their end as `province_now` reads them."""
    def provinces(written: str) -> set[str]:
        units = load().province_named(written)
        return {unit.current[0].code for unit in units} if on >= MERGED_ON else {unit.short for unit in units}
    return bool(provinces(text) & provinces(other))


def former_province_told(name: str) -> str | None:
    """«Phòng PV27 – Công an tỉnh Bình Thuận» mang tên tỉnh cũ: từ 01/7/2025 tỉnh ấy thuộc tỉnh Lâm Đồng — for a
    name that is, or ends with, a former province; None otherwise."""
    now = province_now(name)
    return f"«{name}» mang tên tỉnh cũ: từ {EFFECTIVE} tỉnh ấy thuộc {in_sentence(now)}" if now else None


def with_province_now(name: str, on: dt.date) -> str:
    """«Phòng PV27 – Công an tỉnh Bình Thuận (nay: tỉnh Lâm Đồng)» on a day since 01/7/2025, for a name that is, or
    ends with, a former province; the name alone before that day, or naming a current province."""
    now = province_now(name) if on >= MERGED_ON else None
    return f"{name} {now_said(now)}" if now else name


def without_unit_words(query: str) -> list[str]:
    """The words of a search typed, each unit word left out that comes before the name of a unit of its
    type and that name one phrase («Đặc khu Phú Quý» → «Phú Quý», its words together and in order, not
    «phú» and «quý» anywhere; «Phường 1» and «đặc khu Mũi Né» stay words): `counterparts` are indexed
    without their unit words. The data is read only for a search holding a unit word before more words."""
    words = query.split()
    if any(_unit_word_at(words, at) for at in range(len(words))):
        return load().without_unit_words(words)
    return words


def in_sentence(name: str) -> str:
    """A unit's name as a sentence writes it, its type word in lower case: «thuộc tỉnh Lâm Đồng», «thành phố
    Huế», «xã Phan Rí Cửa hoặc xã Tuy Phong» (Nghị định 30/2020/NĐ-CP, Phụ lục II)."""
    return _TYPE_WORDS.sub(lambda match: match.group().lower(), name)


def now_said(current: str | None) -> str:
    """«(nay: tỉnh Lâm Đồng)», «(nay: đặc khu Phú Quý, Lâm Đồng)»: what a place is called now (`now_called`,
    `province_now`), told in brackets after the name written, as a phrase writes it; "" for None."""
    return f"(nay: {in_sentence(current)})" if current else ""


def with_current_name(place: str | None) -> str:
    """The home town as written, and what it is called now when it was written under former names."""
    if not place:
        return ""
    current = now_called(place)
    return f"{place} {now_said(current)}" if current else place
