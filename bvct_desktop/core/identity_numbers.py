"""What a CCCD tells of its holder, against the birth date and sex given beside it.

Digit 4 of a CCCD is the century of birth and the sex (1900s: nam 0, nữ 1; 2000s: 2, 3; each
century on, two digits on), digits 5–6 the birth year's last two (TT 07/2016/TT-BCA Điều 7,
TT 59/2021/TT-BCA Điều 4). A CCCD that disagrees is most likely mistyped, and being the
person rule's strongest key it would then make a second person; yet the record may be the
wrong one: told to the officer, never refused. Digits 1–3 (the province where the birth was
registered) are not checked: no field holds that place (Quê quán is the family's origin).
"""

from collections.abc import Mapping
from typing import Any

from .dates import PartialDate
from .errors import RowProblem
from .kinds import GENDERS

# digits 4–6 → (birth year, sex): one look-up per CCCD, on a 100,000-row import too
_HOLDERS = {f"{digit}{year:02d}": (str(1900 + 100 * (digit // 2) + year), GENDERS[digit % 2])
            for digit in range(10) for year in range(100)}


def cccd_warnings(values: Mapping[str, Any]) -> list[RowProblem]:
    """A warning at `cccd` (a valid one, of 12 digits) when it disagrees with `birth_date` (ISO
    text at its precision) or `gender`, where they are given."""
    cccd = values.get("cccd")
    if not cccd:
        return []
    year, sex = _HOLDERS[cccd[3:6]]
    birth_date, gender = values.get("birth_date"), values.get("gender")
    if (not birth_date or birth_date.startswith(year)) and (not gender or gender == sex):
        return []
    said, given = [], []
    if gender and gender != sex:
        said.append(f"giới tính {sex.lower()} (chữ số thứ 4)")
        given.append(f"giới tính là {gender}")
    if birth_date and not birth_date.startswith(year):
        said.append(f"năm sinh {year} (chữ số thứ 4–6)")
        given.append(f"ngày sinh là {PartialDate.from_iso(birth_date).display}")
    return [RowProblem(f"số {cccd} cho biết {' và '.join(said)} nhưng {', '.join(given)}: hãy xem lại", "cccd")]
