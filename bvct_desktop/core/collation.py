"""Vietnamese order of people's names (brief §5.1): tên, then họ, then chữ đệm.

Letters follow the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư … y), and letters
decide before tones (none, huyền, hỏi, ngã, sắc, nặng): "ang" < "anh" whatever the tones.
`name_sort_key` is a plain string, so a stored copy orders correctly with SQLite's binary
collation (UTF-8 byte order is code-point order). Names kept as text on a record (a complaint's
sender and the person complained about) are ordered by the same key through the SQL function
`SQL_FUNCTION`, which the engine gives every connection.
"""

import functools
import unicodedata

from .text import clean

_ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: chr(0x30 + index) for index, letter in enumerate(_ALPHABET)}
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
WORD_GAP, PART_GAP, TONE_GAP = "\x21", "\x20", "\x1f"
SQL_FUNCTION = "vi_name_key"  # vi_name_key(text): name_sort_key in SQL (NULL stays NULL)


@functools.lru_cache(maxsize=512)
def _letter(char: str) -> tuple[str, str]:
    """A character's rank in the alphabet and its tone digit."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((_TONES[mark] for mark in decomposed if mark in _TONES), "0")
    base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in _TONES)) or char
    return _RANK.get(base, chr(0x100 + ord(base[0]))), tone


@functools.lru_cache(maxsize=65_536)  # names are made of a few thousand words
def _word(word: str) -> tuple[str, str]:
    """A word's letters ranked, and its tone digits."""
    ranked = [_letter(char) for char in word]
    return "".join(rank for rank, _ in ranked), "".join(tone for _, tone in ranked)


@functools.lru_cache(maxsize=65_536)  # names repeat down a register
def name_sort_key(full_name: str) -> str:
    """Orders names by given name, family name, middle name, in Vietnamese collation."""
    words = clean(full_name).lower().split()
    if not words:
        return ""
    parts = [words[-1:], words[:1] if len(words) > 1 else [], words[1:-1]]
    keyed = [[_word(word) for word in part] for part in parts]
    letters = PART_GAP.join(WORD_GAP.join(ranks for ranks, _ in part) for part in keyed)
    return letters + TONE_GAP + "".join(tones for part in keyed for _, tones in part)


@functools.lru_cache(maxsize=4_096)  # units, purposes, results: a few hundred
def text_sort_key(text: str) -> str:
    """Orders texts that are no person's name (a unit, a purpose) word by word as written, in Vietnamese
    collation: «Đi nước ngoài» before «Kết nạp Đảng»."""
    keyed = [_word(word) for word in clean(text).lower().split()]
    return WORD_GAP.join(ranks for ranks, _ in keyed) + TONE_GAP + "".join(tones for _, tones in keyed)


def sql_name_key(full_name: str | None) -> str | None:
    """`name_sort_key` for SQL: a NULL or empty name has no key (it sorts first)."""
    return name_sort_key(full_name) if full_name else None
