"""Whether a police reply (a slip's `Kết quả`) found an archive record, read as an officer reads it.

A reply is read clause by clause: a sentence, a part after ";", a part after "nhưng". In a clause
each word of a finding (tàng thư, tài liệu, hồ sơ, trích lục, chế độ cũ, service under it: "đi lính",
"nguyên là thiếu úy", and "vấn đề" of a reply saying only "Có vấn đề") is governed by the nearest
predicate of its own part (split at "," and ":"), the one before it first ("Có tài liệu lưu trữ",
"Tàng thư không lưu hồ sơ"); a part with none is an enumeration and takes the predicate before it in
the clause ("Chưa tìm thấy hồ sơ, tàng thư"), else the one after ("Hồ sơ, tàng thư: không có"). A
predicate asserts ("có", "phát hiện"), denies ("không có", "chưa thấy có") or only asks or searches
("đề nghị bổ sung", "để tra cứu"); a word with no predicate in its clause is a finding ("Trích lục hồ
sơ: nguyên là trung sĩ…"). A clause may open by saying what was searched ("Qua tra cứu tàng thư, …",
"Kết quả kiểm tra hồ sơ: …"): that is no request, and what it names is found only if the reply
asserts it. A unit's name ("Phòng Hồ sơ nghiệp vụ") is not a finding, nor is a rank alone (the
police officer's).
"""

import itertools
import re
from typing import NamedTuple

from .text import clean

_ASSERTING = r"có|phát hiện|tìm thấy|tìm được|thấy|ghi nhận|lưu tại|lưu ở|lưu giữ"
_SEARCHING = r"tra cứu|kiểm tra|xác minh"
_RANKS = r"(?:hạ|trung|thượng) sĩ|(?:chuẩn|thiếu|trung|thượng|đại) úy|(?:thiếu|trung|thượng|đại) tá|sĩ quan|binh"
_WORDS = re.compile(
    rf"(?P<search>^\s*(?:(?:qua|đã|sau khi)\s+)?(?:{_SEARCHING})\b|\bkết quả (?:{_SEARCHING})\b)"
    # a negation takes its verbs along: "không có", "không thấy có" deny, they do not assert
    rf"|(?P<denies>(?<!phòng )\b(?:không|chưa)\b(?!\s+(?:quân|lực|gian|khí|ảnh|phận|vận)\b)"
    rf"(?:\s+(?:hề|được|còn|lưu|{_ASSERTING})\b)*)"
    rf"|(?P<asks>\b(?:đề nghị|đề xuất|yêu cầu|bổ sung|đang tìm|chờ|{_SEARCHING})\b)"
    rf"|(?P<asserts>\b(?:{_ASSERTING})\b)"
    rf"|(?P<finding>\b(?:tàng thư|tài liệu|hồ sơ|trích lục|chế độ cũ|lính|ngụy|vấn đề|là (?:{_RANKS}))\b)")
_PARTS = re.compile(r"[,:]")
_UNIT = re.compile(r"\b(?:phòng|cục|trung tâm|đội)\s+(?:hồ sơ|lưu trữ|tàng thư)\b")
_CLAUSES = re.compile(r"[;!?\n]|\.(?!\d)|\bnhưng\b|\btuy nhiên\b")
_PREDICATES = ("denies", "asks", "asserts")
# what governs a word when it is found: a finding needs no predicate, what was searched needs one asserting it
_FOUND_WHEN = {"finding": ("asserts", None), "searched": ("asserts",)}


class _Word(NamedTuple):
    kind: str  # "search", "searched", a predicate's kind or "finding"
    part: int  # which part of its clause


def found_archive_record(result: str | None) -> bool:
    """Whether a slip's `Kết quả` says an archive record was found."""
    if not result:
        return False
    text = _UNIT.sub("đơn vị", clean(result).lower())
    return any(_finds(clause) for clause in _CLAUSES.split(text))


def _finds(clause: str) -> bool:
    words = _words(clause)
    return any(word.kind in _FOUND_WHEN and _governing(words[:at], words[at + 1:], word.part) in _FOUND_WHEN[word.kind]
               for at, word in enumerate(words))


def _words(clause: str) -> list[_Word]:
    """The words of a clause, the findings right after a search in its part made what was searched."""
    words: list[_Word] = []
    for match in _WORDS.finditer(clause):
        word = _Word(match.lastgroup, len(_PARTS.findall(clause, 0, match.start())))
        follows_search = bool(words) and words[-1].kind in ("search", "searched") and words[-1].part == word.part
        if word.kind == "finding" and follows_search:
            word = word._replace(kind="searched")
        words.append(word)
    return words


def _governing(before: list[_Word], after: list[_Word], part: int) -> str | None:
    """The kind of the predicate that governs a word between `before` and `after`, None if none does."""
    before = [word for word in reversed(before) if word.kind in _PREDICATES]
    after = [word for word in after if word.kind in _PREDICATES]
    own_part = [word for word in itertools.chain(before, after) if word.part == part]
    return next((word.kind for word in itertools.chain(own_part, before, after)), None)
