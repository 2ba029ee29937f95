"""The text rules: how every string is cleaned on the way in, compared and folded for search.

- `clean`: NFC, invisible characters dropped (a zero-width space between two letters made a
  space), runs of white space collapsed, and the tone mark of a final oa/oe/uy placed on the
  first vowel ("hoà" → "hòa", "thuý" → "thúy", "uỷ" → "ủy"), the placement Party documents use.
- `clean_lines`: `clean` for a long text typed in lines (a letter's summary): each line cleaned, the
  lines kept, one blank line at most between paragraphs.
- `identity_key`: what two spellings of one name share (case ignored, accents kept).
- `place_key`: what two spellings of one place share (`identity_key`, and the spaces around its
  commas and a full stop at its end ignored).
- `fold`: accents, đ and case folded, for search ("NGUYỄN VĂN HÙNG" → "nguyen van hung").
- `variant_fold`: `fold` with the two spellings of a final i/y made one ("Phú Quí" = "Phú Quý"),
  for the person search index and place names; `either_final_i_y` finds a word spelled either way
  in a record's own texts, folded without it.
- `brief`: a long text cut short at a word, «…» after it, for a line that tells it in passing.
- `capitalised`: a text with its first letter a capital, for a phrase that begins a sentence.
- `also_without_apostrophes`: folded text and its words written with an apostrophe written without
  it, for search ("k'brong" is found as "kbrong" too).
"""

import functools
import itertools
import re
import unicodedata

_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARACTERS), None)
_MARKS = "\u0300-\u036f"  # the combining diacritical marks (Vietnamese uses only these)
# A zero-width space or word joiner between two letters (a mark is part of the letter before it) is the
# space Vietnamese writes between syllables, none of which it ever splits; beside a digit, a sign, a
# space or at an end it only steered line breaking, and goes with the other invisible characters.
_ZERO_WIDTH_GAP = re.compile(r"(?:(?<=[^\W\d_])|(?<=[" + _MARKS + r"]))"
                             r"[" + _INVISIBLE_CHARACTERS + r"]*[\u200b\u2060][" + _INVISIBLE_CHARACTERS + r"]*"
                             r"(?=[^\W\d_])")
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# A final o+a/e or u+y whose tone sits on the second vowel; "qu" is a consonant, so "quý" stays.
# (A tone followed by another mark is not final: "hoặc" is o + ạ + breve, and stays.)
_NEW_STYLE_TONE = re.compile(
    r"(?<![qQ])([oO])([aAeE][" + _TONES + r"])(?![\w" + _MARKS + r"])"
    r"|(?<![qQ])([uU])([yY][" + _TONES + r"])(?![\w" + _MARKS + r"])"
)
# What `clean` must look at closely in NFC text: an invisible character, a combining mark, or an
# o/u before a toned a/e/y (where the tone may sit on the wrong vowel). Text with none of them is
# clean once its spaces are collapsed — most text, checked in C.
_NEEDS_CARE = re.compile("[" + _INVISIBLE_CHARACTERS + _MARKS + "]|[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]")
# fold: the combining marks dropped and đ made d, in one pass
_FOLD = {**dict.fromkeys(range(0x300, 0x370)), ord("đ"): "d"}


def _move_tone(match: re.Match) -> str:
    first = match.group(1) or match.group(3)
    second = match.group(2) or match.group(4)
    return first + second[1] + second[0]


@functools.lru_cache(maxsize=65_536)  # units, places, positions repeat down a register
def clean(value: str) -> str:
    """The canonical form every text takes before it is stored or compared."""
    if value.isascii() or unicodedata.is_normalized("NFC", value) and not _NEEDS_CARE.search(value):
        return _single_spaced(value)
    return _clean_fully(value)


def _clean_fully(value: str) -> str:
    text = unicodedata.normalize("NFD", _ZERO_WIDTH_GAP.sub(" ", value).translate(_INVISIBLE))
    if any(ch in text for ch in _TONES):
        text = _NEW_STYLE_TONE.sub(_move_tone, text)
    text = unicodedata.normalize("NFC", text)
    return _single_spaced(text)


def _single_spaced(value: str) -> str:
    """Runs of white space made one space, none at the ends: all `clean` does to plain ASCII text."""
    return " ".join(value.split())


def clean_lines(value: str) -> str:
    """`clean` of each line, the lines kept: a line break of any kind ("\\r\\n", Word's "\\v"…) one "\\n", no
    blank line at either end, a run of blank lines one (a paragraph break). Text of one line is `clean`'s."""
    lines = value.splitlines()
    if len(lines) < 2:
        return clean(value)
    kept: list[str] = []
    for line in map(clean, lines):
        if line or kept and kept[-1]:
            kept.append(line)
    return "\n".join(kept).rstrip("\n")


def identity_key(value: str) -> str:
    """Equal for two spellings of the same name: case, accent encoding, tone placement, spacing."""
    if value.isascii():  # a slip's number, a name typed without accents: quicker made than looked up
        return _single_spaced(value).lower()
    return _accented_identity_key(value)


@functools.lru_cache(maxsize=65_536)  # names and places repeat down a register; numbers do not, nor come here
def _accented_identity_key(value: str) -> str:
    return clean(value).casefold()


@functools.lru_cache(maxsize=65_536)  # a name comes again down a register: each row's person, the vetted one
def name_key(value: str) -> str:
    """Equal for two spellings of one person's name: `identity_key`, no full stop at the end («HOÀNG VĂN NAM.»
    of an old list, stored before names dropped it, is Hoàng Văn Nam)."""
    return identity_key(value).rstrip(". ")


_COMMA = re.compile(r"\s*,\s*")


@functools.lru_cache(maxsize=65_536)  # home towns repeat down a register
def place_key(value: str) -> str:
    """Equal for two spellings of one place: `identity_key`, a comma followed by one space and preceded by
    none, no full stop at the end ("Hàm Tiến,Phan Thiết." and "Hàm Tiến, Phan Thiết" are one place)."""
    return _COMMA.sub(", ", identity_key(value)).rstrip(". ")


# A dash of any kind (hyphen, non-breaking hyphen, figure, en and em dash, bar, minus) and the spaces around it
_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]\s*")


@functools.lru_cache(maxsize=4_096)
def unit_key(value: str) -> str:
    """Equal for two spellings of one unit's name: `identity_key`, and every dash one hyphen without
    spaces ("Cục A93B – Bộ Công an", "Cục A93B - Bộ Công an" and "Cục A93B-Bộ Công an" are one unit)."""
    return _DASH.sub("-", identity_key(value))


_PROVINCE_WORD = re.compile(r"^(?:tỉnh|thành phố|tp)(?:\.\s*|\s+)")


def province_key(value: str) -> str:
    """Equal for two spellings of one province's name: `unit_key`, without the type word before it
    ("Tỉnh Ninh Thuận" and "Ninh Thuận", "TP Hồ Chí Minh" and "Thành phố Hồ Chí Minh")."""
    return _PROVINCE_WORD.sub("", unit_key(value))


def unit_letters(value: str) -> str:
    """`unit_key` without accents, đ or case: what a unit's name typed without accents shares with it."""
    return fold(unit_key(value))


@functools.lru_cache(maxsize=65_536)
def fold(value: str) -> str:
    """Accent-, đ- and case-free form for search and header matching."""
    text = unicodedata.normalize("NFD", clean(value).casefold()).translate(_FOLD)
    if not text.isascii():  # marks outside Vietnamese's block (other scripts) go too
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text


def file_name(*parts: object, suffix: str) -> str:
    """A file name an officer recognises, in plain letters: ("Phiếu xác minh", date(2026, 11, 30)),
    "xlsx" → "phieu-xac-minh-2026-11-30.xlsx" (dates as yyyy-mm-dd, so names sort by date)."""
    words = []
    for part in parts:
        text = part.isoformat() if hasattr(part, "isoformat") else fold(str(part))
        words += re.findall(r"[a-z0-9]+(?:-[0-9]+)*", text)
    return "-".join(words) + "." + suffix


# Quí/Quý, Kì/Kỳ, Lí/Lý, Mĩ/Mỹ, Sĩ/Sỹ: a syllable of one consonant and a final i or y is spelled
# either way in the old lists and in names. (In "huy", "thuy", "quynh" the y is no such final.)
_ONE_CONSONANT = r"\b(qu|ch|kh|nh|ph|th|tr|[bdhklmnstv])"
_FINAL_Y = re.compile(_ONE_CONSONANT + r"y\b")
_FINAL_I_OR_Y = re.compile(_ONE_CONSONANT + r"([iy])\b")


def unify_final_y(folded: str) -> str:
    """A final y after a consonant written i, in folded text: "phu quy" → "phu qui"."""
    return _FINAL_Y.sub(r"\1i", folded)


def final_i_y_spellings(folded: str) -> list[str]:
    """Every spelling of folded text its final i or y after a consonant may have: "le van qui" →
    ["le van qui", "le van quy"] (`unify_final_y` makes each of them the first)."""
    parts: list[list[str]] = []
    end = 0
    for match in _FINAL_I_OR_Y.finditer(folded):
        parts += [[folded[end:match.start(2)]], ["i", "y"]]
        end = match.end()
    return ["".join(spelling) for spelling in itertools.product(*parts, [folded[end:]])]


def either_final_i_y(folded: str) -> str:
    """A regular expression finding a folded word in folded text, its final i or y after a consonant
    written either way: "qui" finds "qui…" and a final "quy", "quy" finds "quy…" and a final "qui"."""
    pattern, end = [], 0
    for match in _FINAL_I_OR_Y.finditer(folded):
        letter = match[2]
        other = "y" if letter == "i" else "i"
        pattern += [re.escape(folded[end:match.start(2)]), f"(?:{letter}|{other}\\b)"]
        end = match.end()
    return "".join(pattern) + re.escape(folded[end:])


def variant_fold(value: str) -> str:
    """`fold`, and a final y after a consonant written i: "Phú Quý" and "Phú Quí" → "phu qui"."""
    return unify_final_y(fold(value))


def variant_fold_words(value: str) -> str:
    """The words of `variant_fold`, each word folded once per process (a search key is a new
    string every time, its words are not)."""
    return " ".join(folded for folded in map(_variant_fold_word, value.split()) if folded)


@functools.lru_cache(maxsize=65_536)  # a name comes again down a register, and for each person made
def name_words(value: str) -> str:
    """A person's name as `variant_fold_words` reads it, a full stop after it aside (as `name_key`):
    «HOÀNG VĂN NAM.» stored from an old list reads as «hoang van nam» typed."""
    return variant_fold_words(value).rstrip(". ")


@functools.lru_cache(maxsize=65_536)
def _variant_fold_word(word: str) -> str:
    return unify_final_y(fold(word))


APOSTROPHES = "'’‘"  # as keyboards and word processors write one: «K'Bròng», «K’Bròng»
_WITH_APOSTROPHE = re.compile(r"[^\W_]+(?:[" + APOSTROPHES + r"][^\W_]+)+")
_NO_APOSTROPHE = dict.fromkeys(map(ord, APOSTROPHES), None)


def also_without_apostrophes(folded: str) -> str:
    """Folded text and, after it, its words written with an apostrophe written without it: "k'brong nie"
    → "k'brong nie kbrong" (an officer types «Kbrong» for «K'Bròng», «Hhen» for «H'Hen»). After the
    text, so that a phrase typed still finds its words one after another."""
    if folded.isascii() and "'" not in folded:  # most text, told in C
        return folded
    return " ".join([folded, *(word.translate(_NO_APOSTROPHE) for word in _WITH_APOSTROPHE.findall(folded))])


def search_words(query: str) -> list[str]:
    """The folded words of a search box: every one must occur."""
    return fold(query).split()


def without_apostrophe(text: str) -> str:
    """Text as Excel shows it: the apostrophe typed before a date or number to keep it text («'12/03/1965»)
    is no part of it, yet a list copied out of another program brings it into the cell."""
    return text[1:].lstrip() if text.startswith("'") else text


def brief(value: str, letters: int = 80) -> str:
    """`value` on one line, cut after its last whole word within `letters` characters (a comma or colon there
    dropped), «…» after what was cut; a text within them whole."""
    line = " ".join(value.split())
    if len(line) <= letters:
        return line
    kept = line[:letters + 1].rsplit(" ", 1)[0] if " " in line[:letters + 1] else line[:letters]
    return kept.rstrip(",;:") + "…"


def capitalised(value: str) -> str:
    """`value` with its first letter a capital, the rest as written: a phrase that begins a sentence («đã mất năm
    1972» → «Đã mất năm 1972», «ngày sinh không hợp lệ» → «Ngày sinh không hợp lệ»); "" stays ""."""
    return value[:1].upper() + value[1:]
