"""Values as the officer types them: a stored value shown in a form's box, and the number written after
another («0100/PXM» after «0099/PXM», «1/2027» after «12/2026» at a new year), for a form and for what is
entered once for many records."""

import re

from .dates import PartialDate, display_date
from .fields import Field, FieldType

_FIGURES = re.compile(r"\d+")
# «2024/» of «2024/15/QĐ»: a year, then the count (not a year again: «1999/2026» is the 1999th of 2026)
_YEAR_FIRST = re.compile(r"(?:19|20)\d\d\s*[/.\-]\s*(?=\d)(?!(?:19|20)\d\d(?!\d))")


def as_typed(spec: Field, value: object) -> str:
    """A stored value as the officer would type it."""
    if value is None:
        return ""
    if spec.type is FieldType.PARTIAL_DATE:
        return PartialDate.from_iso(value).display if isinstance(value, str) else spec.display(value)
    if spec.type is FieldType.DATE:
        return display_date(value)
    return spec.display(value) if spec.type is FieldType.DECIMAL else str(value)


def count_in(written: str) -> re.Match | None:
    """The count in a number written as on the document: its first figures (0099 in «0099/PXM»), those after
    its year when it begins with one (15 in «2024/15/QĐ», «2024-15»); None when it has no figure to count on."""
    year = _YEAR_FIRST.match(written)
    return _FIGURES.search(written, year.end() if year else 0)


def following_number(written: str) -> str:
    """The number after `written` as on the document, its figures as many: «0100/PXM» after «0099/PXM»,
    «2024/16/QĐ» after «2024/15/QĐ»; empty when it has no figure to count on."""
    match = count_in(written)
    if match is None:
        return ""
    count = str(int(match[0]) + 1).zfill(len(match[0]))
    return written[:match.start()] + count + written[match.end():]


def first_of_year(written: str, year_of_written: int, year: int) -> str:
    """The first number of `year` written as `written`, a number of `year_of_written`, was: its count 1 (as many
    figures when they were padded with zeros: «0001/PXM» after «0099/PXM») and its year the new one, written in
    full («1/2027» after «12/2026», «2027/1» after «2026/12») or in two figures standing alone («1/PXM-27» after
    «12/PXM-26», not «PV26»); empty when it has no figure to count on."""
    match = count_in(written)
    if match is None:
        return ""
    count = "1".zfill(len(match[0])) if match[0].startswith("0") else "1"
    in_full = rf"(?<!\d){year_of_written}(?!\d)"
    head, in_head = re.subn(in_full, str(year), written[:match.start()])
    rest, in_rest = re.subn(in_full, str(year), written[match.end():])
    if not in_head + in_rest:
        rest = re.sub(rf"(?<!\w){year_of_written % 100:02d}(?!\w)", f"{year % 100:02d}", rest)
    return head + count + rest
