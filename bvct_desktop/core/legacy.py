"""Vietnamese text typed in the pre-Unicode encodings, found and turned into NFC Unicode.

Old office workbooks hold TCVN3 (ABC, TCVN 5712:1993 VN3; fonts .VnTime, .VnArial… for
lower case and .VnTimeH, .VnArialH… whose glyphs are CAPITALS on the same bytes) or
VNI-Windows (fonts VNI-Times…: a base letter followed by an accent byte). Excel keeps such
cells as Latin-1-looking text ("Hå ChÝ Minh", "Hoà Chí Minh"), so:

- the cell's font name decides first (`encoding_of_font`);
- with an ordinary font the text itself decides (`guess`): it must hold characters that no
  Unicode Vietnamese text has, no character beyond Latin-1 that Unicode Vietnamese has, and
  its conversion must read as more Vietnamese syllables than the text as it stands.

Tables: TCVN 5712:1993 VN3 (as in XFree86 `tcvn.h` and iconv's TCVN5712-1) and VNI-Windows
(as in xvnkb `vni.h`); see the brief §5.2. Conversion runs on raw cell text, before the
text rules of core/text.py, which would drop U+00AD (TCVN3's "ư") as invisible.
"""

import collections
import enum
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Protocol

TCVN3_LOWER = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
TCVN3 = {
    # capitals that have no tone
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    # lower case
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
    "\xb5": "à", "\xb6": "ả", "\xb7": "ã", "\xb8": "á", "\xb9": "ạ",
    "\xbb": "ằ", "\xbc": "ẳ", "\xbd": "ẵ", "\xbe": "ắ", "\xc6": "ặ",
    "\xc7": "ầ", "\xc8": "ẩ", "\xc9": "ẫ", "\xca": "ấ", "\xcb": "ậ",
    "\xcc": "è", "\xce": "ẻ", "\xcf": "ẽ", "\xd0": "é", "\xd1": "ẹ",
    "\xd2": "ề", "\xd3": "ể", "\xd4": "ễ", "\xd5": "ế", "\xd6": "ệ",
    "\xd7": "ì", "\xd8": "ỉ", "\xdc": "ĩ", "\xdd": "í", "\xde": "ị",
    "\xdf": "ò", "\xe1": "ỏ", "\xe2": "õ", "\xe3": "ó", "\xe4": "ọ",
    "\xe5": "ồ", "\xe6": "ổ", "\xe7": "ỗ", "\xe8": "ố", "\xe9": "ộ",
    "\xea": "ờ", "\xeb": "ở", "\xec": "ỡ", "\xed": "ớ", "\xee": "ợ",
    "\xef": "ù", "\xf1": "ủ", "\xf2": "ũ", "\xf3": "ú", "\xf4": "ụ",
    "\xf5": "ừ", "\xf6": "ử", "\xf7": "ữ", "\xf8": "ứ", "\xf9": "ự",
    "\xfa": "ỳ", "\xfb": "ỷ", "\xfc": "ỹ", "\xfd": "ý", "\xfe": "ỵ",
}
_TCVN3_TABLE = str.maketrans(TCVN3)

# VNI-Windows accent bytes after a base vowel (lower-case forms; capitals use the byte - 0x20).
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_ALONE = {"ñ": "đ", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ô": "ơ", "ö": "ư"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in "aeiouy" + "ôö":
        plain = _VNI_ALONE.get(base, base)
        for mark, tone in _VNI_TONES.items():
            table[base + mark] = plain + tone
    for base in "aeo":
        for mark, tone in _VNI_HAT.items():
            table[base + mark] = base + "\u0302" + tone
    for mark, tone in _VNI_BREVE.items():
        table["a" + mark] = "a\u0306" + tone
    table.update(_VNI_ALONE)
    lower = {key: unicodedata.normalize("NFC", value) for key, value in table.items()}
    upper = {key.upper(): value.upper() for key, value in lower.items()}
    return {**lower, **upper}


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))


class Encoding(enum.Enum):
    TCVN3 = "TCVN3"
    TCVN3_CAPITALS = "TCVN3 chữ hoa"
    VNI = "VNI"


def encoding_of_font(font_name: str | None) -> Encoding | None:
    """The legacy encoding a font implies: .Vn… (…H = capitals) is TCVN3, VNI-… is VNI."""
    name = (font_name or "").strip()
    if name.startswith(".Vn"):
        return Encoding.TCVN3_CAPITALS if name.endswith("H") else Encoding.TCVN3
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return Encoding.VNI
    return None


def decode(value: str, encoding: Encoding) -> str:
    """The Unicode (NFC) text of a cell typed in `encoding`."""
    if encoding is Encoding.VNI:
        text = _VNI_PATTERN.sub(lambda match: VNI[match.group()], value)
    else:
        text = value.translate(_TCVN3_TABLE)
        if encoding is Encoding.TCVN3_CAPITALS:
            text = text.upper()
    return unicodedata.normalize("NFC", text)


# Letters of Unicode Vietnamese; Latin-1 letters outside it only occur in legacy text.
_VIETNAMESE = set("abcdeghiklmnopqrstuvxyfjwzđ" + TCVN3_LOWER + "âêô")
_VIETNAMESE |= {ch.upper() for ch in _VIETNAMESE}
_BEYOND_LATIN1_VIETNAMESE = {ch for ch in _VIETNAMESE if ord(ch) > 0xFF}


_LEGACY_ONLY = re.compile("[" + "".join(sorted(chr(code) for code in range(0xA1, 0x100)
                                              if chr(code) not in _VIETNAMESE)) + "]")
_BEYOND_LATIN1 = re.compile("[" + "".join(sorted(_BEYOND_LATIN1_VIETNAMESE)) + "]")


def might_be_legacy(value: object) -> bool:
    """Cheap test: text with a Latin-1 character that no Unicode Vietnamese word has, and
    none of the letters beyond Latin-1 that Unicode Vietnamese has (ư, ơ, đ, ạ…)."""
    if not isinstance(value, str) or value.isascii():
        return False
    return _LEGACY_ONLY.search(value) is not None and _BEYOND_LATIN1.search(value) is None


def latin1_only(value: object) -> bool:
    """Non-ASCII text within Latin-1: what every legacy cell looks like, and some Unicode too."""
    return isinstance(value, str) and not value.isascii() and max(value) <= "\xff"


def guess(value: str) -> Encoding | None:
    """The encoding of text in an ordinary font, when its conversion reads as more Vietnamese
    syllables than the text as it stands ("Hoà Bình" stays; "Chaêm" is VNI for "Chăm")."""
    if not latin1_only(value):
        return None
    best, best_score = None, _syllable_score(value)
    for encoding in (Encoding.VNI, _tcvn3_of(value)):
        score = _syllable_score(decode(value, encoding))
        if score > best_score:
            best, best_score = encoding, score
    return best


def _tcvn3_of(value: str) -> Encoding:
    """TCVN3 as `value` was typed: in capitals (an H font's) when its ASCII letters are all capitals,
    since the bytes of its other letters are then capitals too ("PHã CHñ TÞCH" is «PHÓ CHỦ TỊCH»)."""
    letters = [ch for ch in value if ch.isascii() and ch.isalpha()]
    return Encoding.TCVN3_CAPITALS if letters and all(map(str.isupper, letters)) else Encoding.TCVN3


_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu(?!u)|th|tr|[bcdđghklmnprstvx])?"
_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ "
           "uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu").split()
_NUCLEUS = "(?:" + "|".join(sorted(_NUCLEI, key=len, reverse=True)) + ")"
_CODA = "(?:ng|nh|ch|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_ONSET}{_NUCLEUS}{_CODA}$")
_WORD_BREAK = re.compile(r"[\s,.;:!?()\[\]/\\\"'\-–—]+")  # legacy bytes stay inside their words
_TONE_MARKS = set("\u0300\u0301\u0303\u0309\u0323")


def _syllable_score(text: str) -> int:
    """How many words read as Vietnamese syllables (at most one tone mark each), less those with
    a mark or a letter beyond ASCII that do not."""
    return sum(map(_word_score, _WORD_BREAK.split(text.casefold())))


def _reads_vietnamese(text: str) -> bool:
    """Every word of `text` with a mark or a letter beyond ASCII is a Vietnamese syllable."""
    return min(map(_word_score, _WORD_BREAK.split(text.casefold())), default=0) >= 0


def _word_score(word: str) -> int:
    """1 for a Vietnamese syllable, -1 for a word with a mark or a letter beyond ASCII that is none, else 0."""
    if not word or word.isdigit():
        return 0
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(ch in _TONE_MARKS for ch in decomposed)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    if tones <= 1 and _SYLLABLE.match(bare):
        return 1
    return -1 if tones or not bare.isascii() else 0


def _could_be(value: str, encoding: Encoding) -> bool:
    """Whether `encoding` writes every character of `value` beyond ASCII: TCVN3 never writes «à»
    or «Â», VNI never an accent byte that follows no letter it marks."""
    if encoding is Encoding.VNI:
        return _VNI_PATTERN.sub("", value).isascii()
    return all(ch.isascii() or ch in TCVN3 for ch in value)


class FontedSheet(Protocol):
    columns: list[list[object]]  # by column (all of one length), columns[c][0] in Excel row 1

    def column_fonts(self, columns: Collection[int],
                     heard: Callable[[], None] = ...) -> dict[int, Sequence[str | None]]: ...


@dataclass
class Conversion:
    """What converting a sheet changed: how many cells, by encoding, and a few examples."""

    cells: int = 0
    by_encoding: dict[str, int] = field(default_factory=dict)
    samples: list[tuple[str, str]] = field(default_factory=list)


_SUSPECT, _DOUBTFUL = "suspect", "doubtful"


def convert_sheet(sheet: FontedSheet, samples: int = 3, heard: Callable[[], None] = lambda: None) -> Conversion:
    """Rewrites in place every cell of the sheet's columns typed in a legacy encoding, headers included.

    Decided column by column: one look at a column's text tells whether any cell of it can be
    legacy (plain Unicode costs that look alone). In a column with characters no Unicode
    Vietnamese has, each such cell is converted by its font, else by `guess`; text made only of
    letters Unicode Vietnamese also has ("Néi" is "Nội" in TCVN3) is checked by font once the
    sheet has shown a legacy font, and else by `guess` — except in a column plainly written in
    Unicode (its text has ư, ơ, đ, ạ…), where it is Unicode too. In a sheet with no legacy font,
    a text that `guess` cannot tell is decided by its column (`_by_column`). Fonts are read once, for the
    columns concerned, and only when some text looks legacy; each distinct text in each font is
    decided and decoded once.

    `heard` is called at each column looked at and between the steps (a legacy register of 100,000
    rows takes seconds): raising there stops it, some columns then converted and the others not.
    """
    columns = sheet.columns
    kinds: dict[int, dict[str, str]] = {}  # column → its texts that may be legacy, suspect or doubtful
    unicode_columns: list[set] = []
    for c, column in enumerate(columns):
        heard()
        values = set(column)
        text = _text(values)
        if text.isascii():
            continue
        legacy = _LEGACY_ONLY.search(text) is not None
        if not legacy and _BEYOND_LATIN1.search(text) is not None:
            unicode_columns.append((c, values))
        elif found := _kinds(values, legacy):
            kinds[c] = found
    suspected = any(_SUSPECT in found.values() for found in kinds.values())
    if suspected:  # a legacy sheet: latin1-only cells of its Unicode columns may carry a legacy font
        for c, values in unicode_columns:
            if found := _kinds(values, False):
                kinds[c] = found
    read = sheet.column_fonts([c + 1 for c in kinds], heard) if suspected else {}
    cells = {c: list(zip(columns[c], read[c + 1], strict=True))
             for c in kinds if c + 1 in read}  # (text, font) of each cell, row 1 first, where fonts were read
    heard()
    distinct = {c: set(cells[c]) if c in cells else {(value, None) for value in found} for c, found in kinds.items()}
    encodings = _FontEncodings()
    legacy_fonts = any(encodings[font] for c, found in kinds.items()
                       for value, font in distinct[c] if found.get(value) == _SUSPECT)
    guessed = _Guesses()
    changes: dict[int, dict[tuple[str, str | None], tuple[str, Encoding]]] = {}
    for c, found in kinds.items():
        heard()
        decided, undecided = {}, []
        for value, font in distinct[c]:
            kind = found.get(value)
            if kind is None:
                continue
            by_font = encodings[font] if kind == _SUSPECT or legacy_fonts else None
            encoding = by_font or guessed[value]
            if encoding is None:
                undecided.append((value, font))
            elif (converted := _decoded(value, encoding)) != value:
                decided[value, font] = (converted, encoding)
        if undecided and not legacy_fonts:
            decided |= _by_column(columns, c, decided, undecided)
        if decided:
            changes[c] = decided
    for c in changes:
        cells.setdefault(c, list(zip(columns[c], itertools.repeat(None))))
    return _rewrite(columns, cells, kinds, changes, samples, heard)


def _by_column(columns: list[list[object]], c: int, decided: dict[tuple[str, str | None], tuple[str, Encoding]],
               undecided: list[tuple[str, str | None]]) -> dict:
    """The conversions of column `c`'s texts that read as Vietnamese both as they stand and converted
    («Phóc» is TCVN3 for «Phúc», «Baù» VNI for «Bá»), decided by the encoding of its other legacy
    texts when those outnumber its Unicode ones: each converted when the encoding can have written
    it, its conversion reads as Vietnamese and no row it stands in is plainly Unicode (the headers
    an officer typed above old data)."""
    counts = collections.Counter(encoding is Encoding.VNI for _, encoding in decided.values())
    if not counts:
        return {}
    vni, legacy = counts.most_common(1)[0]
    values = set(columns[c])
    if legacy <= sum(value.__class__ is str and _BEYOND_LATIN1.search(value) is not None for value in values):
        return {}
    texts = {value for value, _ in undecided}
    kept = {value for r, value in enumerate(columns[c]) if value in texts and _unicode_row(columns, r)}
    conversions = {}
    for value, font in undecided:
        encoding = Encoding.VNI if vni else _tcvn3_of(value)
        if value not in kept and _could_be(value, encoding) \
                and _reads_vietnamese(converted := _decoded(value, encoding)):
            conversions[value, font] = (converted, encoding)
    return conversions


def _unicode_row(columns: list[list[object]], r: int) -> bool:
    """Whether row `r` (0 is Excel row 1) has letters beyond Latin-1 and no text that looks legacy."""
    texts = [column[r] for column in columns if column[r].__class__ is str]
    return any(_BEYOND_LATIN1.search(text) for text in texts) and not any(map(might_be_legacy, texts))


def _text(values: set) -> str:
    """The texts among a column's distinct values, joined (a cell's text holds no \0)."""
    try:
        return "\0".join(values)  # a column of text only
    except TypeError:  # dates, numbers or empty cells among them
        return "\0".join([value for value in values if value.__class__ is str])


def _kinds(values: set, legacy: bool) -> dict[str, str]:
    """Each distinct text of a column that may be legacy: suspect (looks legacy) or doubtful
    (latin1-only). Suspects exist only in a column whose text has legacy-only characters."""
    kinds = {}
    for value in values:
        if value.__class__ is not str or value.isascii():
            continue
        if legacy and might_be_legacy(value):
            kinds[value] = _SUSPECT
        elif latin1_only(value):
            kinds[value] = _DOUBTFUL
    return kinds


_SHOWN = str.maketrans({"\xad": "-"})  # TCVN3's «ư» is the soft hyphen, which no screen shows


def _rewrite(columns: list[list[object]], cells: dict[int, list[tuple[object, str | None]]],
             kinds: dict[int, dict[str, str]], changes: dict, samples: int, heard: Callable[[], None]) -> Conversion:
    """Writes the decided conversions into the columns; counts them, and takes the
    samples from the suspect cells first, then the doubtful ones, each in reading order (as
    the cell was read, with a visible stand-in for the character that does not display)."""
    result = Conversion()
    firsts: list[tuple[bool, int, int]] = []
    for c, decided in changes.items():
        heard()
        outcomes = list(decided.values())
        numbers = {pair: number for number, pair in enumerate(decided, start=1)}
        chosen = list(map(numbers.get, cells[c]))  # each cell's outcome, by its number; None: unchanged
        for number, count in collections.Counter(chosen).items():
            if number is not None:
                encoding = outcomes[number - 1][1].value
                result.cells += count
                result.by_encoding[encoding] = result.by_encoding.get(encoding, 0) + count
        changed = list(itertools.compress(range(len(chosen)), chosen))
        texts = {pair: text for pair, (text, _) in decided.items()}
        columns[c] = list(map(texts.get, cells[c], columns[c]))  # each cell's text, converted or kept
        for kind in (_SUSPECT, _DOUBTFUL):
            firsts += itertools.islice(((kind == _DOUBTFUL, r, c) for r in changed
                                        if kinds[c][cells[c][r][0]] == kind), samples)
    result.samples = [(cells[c][r][0].translate(_SHOWN), columns[c][r]) for _, r, c in sorted(firsts)[:samples]]
    return result


class _FontEncodings(dict):
    """`encoding_of_font` of each font name, once."""

    def __missing__(self, font: str | None) -> Encoding | None:
        self[font] = encoding_of_font(font)
        return self[font]


class _Guesses(dict):
    """`guess` of each distinct text, once."""

    def __missing__(self, value: str) -> Encoding | None:
        self[value] = guess(value)
        return self[value]


@functools.lru_cache(maxsize=65_536)  # an old register repeats its units, places and positions
def _decoded(value: str, encoding: Encoding) -> str:
    return decode(value, encoding)
