"""The rows at the foot of an old register that sum it up («Tổng cộng: 5 người», «Cộng»).

Such a row is no record: refused for the required cells it lacks, it is told as what it is, once.
Only a refused row is looked at: Tổng is also a surname, and a sheet's rows are too many to read twice.
"""

import re
import unicodedata
from collections.abc import Collection, Sequence

_TOTAL = re.compile(r"\s*(t[ổo]ng c[ộo]ng|t[ổo]ng s[ốo]|c[ộo]ng|t[ổo]ng)\s*(:|\d|$)", re.IGNORECASE)
MESSAGE = "có vẻ là dòng tổng cộng («{}»), không phải một bản ghi: hãy xóa dòng này rồi nhập lại"


def total_rows(cells: list[Sequence], offsets: Collection[int]) -> dict[int, str]:
    """Of the rows at `offsets` in `cells` (by column), those with a cell that begins «Tổng cộng»,
    «Tổng số», «Cộng» or «Tổng» followed by a colon, a figure or nothing: the leftmost such cell's text."""
    found = {}
    for offset in offsets:
        summing = (value.strip() for column in cells if offset < len(column)
                   and isinstance(value := column[offset], str) and _TOTAL.match(unicodedata.normalize("NFC", value)))
        if (text := next(summing, None)) is not None:
            found[offset] = text
    return found
