"""Where a body's name too long for its column breaks in the header block, as an officer breaks it.

As few lines as the column allows, then: never inside a committee («TỈNH | ỦY») or a place's proper
name («THÀNH PHỐ HỒ | CHÍ MINH») when it can be helped, rather before a place («| THÀNH PHỐ …»,
«| TỈNH …»), before «CÁC» or after a committee («TỈNH ỦY |»), and lines as even as they go. The
PDF, the Word and the Excel letterheads all break a name here, each in its own column's width.
"""

import functools
import itertools

from . import fonts

PLACE_KINDS = (("THÀNH", "PHỐ"), ("THỊ", "XÃ"), ("ĐẶC", "KHU"), ("TỈNH",), ("HUYỆN",), ("QUẬN",), ("XÃ",),
               ("PHƯỜNG",))
COMMITTEE = "ỦY"
GROUP = "CÁC"
WORDS = {("TỔ", "CHỨC"), ("BẢO", "VỆ"), ("CHÍNH", "TRỊ"), ("NỘI", "BỘ"), ("CƠ", "QUAN"), ("NHÂN", "DÂN"),
         ("DOANH", "NGHIỆP"), ("KIỂM", "TRA"), ("TUYÊN", "GIÁO"), ("DÂN", "VẬN"), ("CÔNG", "AN"), ("QUÂN", "SỰ")}
# what a break costs: WORD, inside a word of two syllables («BẢO | VỆ»); SPLIT, inside «THÀNH PHỐ» or at a hyphen
GOOD, PLAIN, WORD, BAD, SPLIT = 0.0, 4.0, 15.0, 30.0, 60.0
UNEVEN = 10.0  # what a line's blank share costs, squared: two even lines cost less than a full one and a short


def name_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` whole when it fits `width`; else in the fewest lines that fit (a word wider than the
    line alone on its own), broken where a break costs least."""
    return [" ".join(line) for line in _chosen(tuple(text.split()), font, size, width)]


def cuts_a_name(text: str, font: str, size: float, width: float) -> bool:
    """Whether name_lines breaks `text` inside a committee's or a place's name (none of its breaks helps)."""
    words = tuple(text.split())
    costs = _break_costs(list(words))
    starts = itertools.accumulate(len(line) for line in _chosen(words, font, size, width)[:-1])
    return any(costs[start] >= BAD for start in starts)


@functools.lru_cache(maxsize=256)  # a letterhead's names, measured at each size, then drawn
def _chosen(words: tuple[str, ...], font: str, size: float, width: float) -> tuple[tuple[str, ...], ...]:
    if fonts.width(" ".join(words), font, size) <= width:
        return (words,)
    costs = _break_costs(list(words))
    # best[end]: (lines, cost, start) of the cheapest lines holding words[:end]
    best: list[tuple[int, float, int]] = [(0, 0.0, 0)]
    for end in range(1, len(words) + 1):
        choices = []
        for start in range(end - 1, -1, -1):
            line_width = fonts.width(" ".join(words[start:end]), font, size)
            if line_width > width and start < end - 1:
                break
            blank = max(0.0, 1 - line_width / width)
            lines, cost, _ = best[start]
            choices.append((lines + 1, cost + costs[start] + UNEVEN * blank * blank, start))
        best.append(min(choices))
    lines, end = [], len(words)
    while end:
        start = best[end][2]
        lines.append(words[start:end])
        end = start
    return tuple(lines[::-1])


def _break_costs(words: list[str]) -> list[float]:
    """What breaking before each word costs (the first's: nothing, no break)."""
    costs = [GOOD] + [PLAIN] * (len(words) - 1)
    in_name = False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        kind = _place_kind(words, index)
        if index and (kind or word == GROUP or (word, following) == ("ĐẢNG", COMMITTEE)):
            costs[index], in_name = GOOD, False
        elif index and words[index - 1] == COMMITTEE and word != "BAN":  # «ỦY BAN» is one word
            costs[index], in_name = GOOD, True  # the committee's place: «TỈNH ỦY | BÀ RỊA - VŨNG TÀU»
        elif index and "-" in (word, words[index - 1]):
            costs[index] = SPLIT
        elif index and (in_name or word == COMMITTEE):
            costs[index] = max(costs[index], BAD)  # within a place kind, SPLIT stays
        elif index and (words[index - 1], word) in WORDS:
            costs[index] = WORD
        if kind:
            for inside in range(index + 1, min(index + kind, len(words))):
                costs[inside] = SPLIT
            in_name = following != COMMITTEE or kind > 1
    return costs


def _place_kind(words: list[str], index: int) -> int:
    """How many words the place kind starting at `index` has («THÀNH PHỐ»: 2), 0 for none; «TỈNH»
    before «ỦY» is a committee, no place."""
    for kind in PLACE_KINDS:
        if tuple(words[index:index + len(kind)]) == kind:
            return len(kind)
    return 0
