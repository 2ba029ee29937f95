"""Vietnamese order of people's names (brief §5.1): tên, then họ, then chữ đệm.

Letters follow the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư … y), and letters
decide before tones (none, huyền, hỏi, ngã, sắc, nặng): "ang" < "anh" whatever the tones.
`name_sort_key` is a plain string, so a stored copy orders correctly with SQLite's binary
collation (UTF-8 byte order is code-point order). Names kept as text on a record (a complaint's
sender and the person complained about) are ordered by the same key through the SQL function
`SQL_FUNCTION`, which the engine gives every connection.
"""

import unicodedata

from .text import clean

_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: chr(0x30 + index) for index, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
WORD_GAP, PART_GAP, TONE_GAP = "\x21", "\x20", "\x1f"
SQL_FUNCTION = "vi_name_key"  # vi_name_key(text): name_sort_key in SQL (NULL stays NULL)


class _PerLetter(dict):
    """str.translate tables built as characters come: each letter's rank, or its tone digit."""

    def __init__(self, part: int):
        super().__init__()
        self._part = part

    def __missing__(self, code: int) -> str:
        self[code] = _letter(chr(code))[self._part]
        return self[code]


def _letter(char: str) -> tuple[str, str]:
    """A character's rank in the alphabet and its tone digit."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((_TONES[mark] for mark in decomposed if mark in _TONES), "0")
    base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in _TONES)) or char
    return _RANK.get(base, chr(0x100 + ord(base[0]))), tone


_RANKS, _TONE_DIGITS = _PerLetter(0), _PerLetter(1)


def name_sort_key(full_name: str) -> str:
    """Orders names by given name, family name, middle name, in Vietnamese collation."""
    words = clean(full_name).lower().split()
    if not words:
        return ""
    parts = [words[-1:], words[:1] if len(words) > 1 else [], words[1:-1]]
    letters = PART_GAP.join(WORD_GAP.join(word.translate(_RANKS) for word in part) for part in parts)
    return letters + TONE_GAP + "".join(word.translate(_TONE_DIGITS) for part in parts for word in part)


def sql_name_key(full_name: str | None) -> str | None:
    """`name_sort_key` for SQL: a NULL or empty name has no key (it sorts first)."""
    return name_sort_key(full_name) if full_name else None
