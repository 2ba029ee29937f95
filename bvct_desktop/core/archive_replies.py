"""Whether a police reply (a slip's `Kết quả`) found an archive record, read as an officer reads it.

A reply is read clause by clause: a sentence, a part after ";", a part after "nhưng". In a clause
each word of a finding (tàng thư, tài liệu, hồ sơ, trích lục, chế độ cũ) is governed by the nearest
predicate of its own comma-separated part, the one before it first ("Có tài liệu lưu trữ", "Tàng thư
không lưu hồ sơ"); a part with none is an enumeration and takes the predicate before it in the clause
("Chưa tìm thấy hồ sơ, tàng thư"), else the one after ("Hồ sơ, tàng thư: không có"). A predicate
asserts ("có", "phát hiện"), denies ("không có", "chưa tìm thấy") or only asks or searches ("đề
nghị bổ sung", "tra cứu"); a word with no predicate in its clause is a finding ("Trích lục hồ sơ:
nguyên là trung sĩ…"). A unit's name ("Phòng Hồ sơ nghiệp vụ") is not a finding.
"""

import itertools
import re
from typing import NamedTuple

from .text import clean

_ASSERTING = r"có|phát hiện|tìm thấy|tìm được|thấy|ghi nhận|lưu tại|lưu ở|lưu giữ"
_WORDS = re.compile(
    # a negation takes its verb along: "không có" denies, it does not assert
    rf"(?P<denies>(?<!phòng )\b(?:không|chưa)\b(?!\s+(?:quân|lực|gian|khí|ảnh|phận|vận)\b)"
    rf"(?:\s+(?:hề|được|còn))?(?:\s+(?:{_ASSERTING}|lưu)\b)?)"
    r"|(?P<asks>\b(?:đề nghị|đề xuất|yêu cầu|bổ sung|đang tìm|chờ)\b"
    r"|(?<!kết quả )\b(?:tra cứu|kiểm tra|xác minh)\b)"
    rf"|(?P<asserts>\b(?:{_ASSERTING})\b)"
    r"|(?P<finding>\b(?:tàng thư|tài liệu|hồ sơ|trích lục|chế độ cũ)\b)")
_UNIT = re.compile(r"\b(?:phòng|cục|trung tâm|đội)\s+(?:hồ sơ|lưu trữ|tàng thư)\b")
_CLAUSES = re.compile(r"[;!?\n]|\.(?!\d)|\bnhưng\b|\btuy nhiên\b")


class _Word(NamedTuple):
    kind: str  # "denies", "asks", "asserts" or "finding"
    part: int  # which comma-separated part of its clause


def found_archive_record(result: str | None) -> bool:
    """Whether a slip's `Kết quả` says an archive record was found."""
    if not result:
        return False
    text = _UNIT.sub("đơn vị", clean(result).lower())
    return any(_finds(clause) for clause in _CLAUSES.split(text))


def _finds(clause: str) -> bool:
    words = [_Word(match.lastgroup, clause.count(",", 0, match.start())) for match in _WORDS.finditer(clause)]
    return any(word.kind == "finding" and _governing(words[:at], words[at + 1:], word.part) in ("asserts", None)
               for at, word in enumerate(words))


def _governing(before: list[_Word], after: list[_Word], part: int) -> str | None:
    """The kind of the predicate that governs a finding between `before` and `after`, None if none does."""
    before = [word for word in reversed(before) if word.kind != "finding"]
    after = [word for word in after if word.kind != "finding"]
    own_part = [word for word in itertools.chain(before, after) if word.part == part]
    return next((word.kind for word in itertools.chain(own_part, before, after)), None)
