"""Political-issue notes (vấn đề chính trị, brief §1.2) on the two axes — political history and
current politics — about the person or a named relative, with evidence, source document, the day
the issue was concluded, the regulation it was judged under (the one in force that day, core/regulations.py)
and the effect of the conclusion."""

from typing import Any

from sqlalchemy.engine import Connection

from ..dates import display_date
from ..editing import FormProblems
from ..fields import LONG_TEXT, Field, FieldType
from ..regulations import Regulation, all_regulations, in_force
from ..schema import political_notes
from .notes import PERSON
from .owned import OwnedRows

AXES = ("Lịch sử chính trị", "Chính trị hiện nay")
REGULATIONS = tuple(f"QĐ {regulation.number}" for regulation in all_regulations())  # as _choice names them
EFFECTS = ("Không ảnh hưởng", "Có vấn đề nhưng không vi phạm (có mức giới hạn)",
           "Vi phạm, không đủ tiêu chuẩn", "Chưa kết luận")
LIMITED = EFFECTS[1]  # the finding then states the ceiling of placement QĐ 58 sets (brief §1.2)
# how far each effect bears on the person's standard: a conclusion is asked about the findings graver than it
GRAVITY = dict(zip(EFFECTS, (0, 1, 2, 2), strict=True))


def counted_effect(effect: str | None) -> str:
    """The effect a finding counts as: one not written is not concluded yet (the issue is on file, and nothing
    concludes it bears on nothing)."""
    return effect or EFFECTS[-1]


def effect_told(effect: str | None) -> str:
    """A finding's effect as told beside it: «chưa ghi ảnh hưởng, tính là «Chưa kết luận»» when not written."""
    return effect or f"chưa ghi ảnh hưởng, tính là «{counted_effect(effect)}»"


LIMIT = Field("limit_note", "Mức giới hạn", hint="khi có vấn đề nhưng không vi phạm (QĐ 58)")
FIELDS = (
    Field("axis", "Diện", FieldType.CHOICE, required=True, choices=AXES),
    Field("content", "Nội dung vấn đề", required=True, max_length=LONG_TEXT),
    Field("evidence", "Chứng cứ", max_length=LONG_TEXT),
    Field("source_doc", "Tài liệu nguồn", hint="số, ngày văn bản hoặc biên bản xác minh"),
    Field("found_on", "Ngày kết luận vấn đề", FieldType.DATE),  # names the regulation: _judged_in_force
    Field("regulation", "Quy định áp dụng", FieldType.CHOICE, choices=REGULATIONS),
    Field("effect", "Ảnh hưởng của kết luận", FieldType.CHOICE, choices=EFFECTS),
    LIMIT,
)


def ceiling_problem(limited: str) -> dict[str, str]:
    """The problem at «Mức giới hạn» when the result `limited` (a finding's, a conclusion's) has no ceiling."""
    return {LIMIT.key: f"{LIMIT.header}: phải ghi khi {limited} (mức giới hạn bố trí theo QĐ 58-QĐ/TW)"}


def _checked(_connection: Connection, _person: dict[str, Any], values: dict[str, Any], _row_id: int | None
             ) -> None:
    """A finding with a ceiling states it (ceiling_problem); `_judged_in_force`."""
    if values["effect"] == LIMITED and not values[LIMIT.key]:
        raise FormProblems(ceiling_problem(f"ảnh hưởng là «{LIMITED}»"))
    _judged_in_force(values)


def _judged_in_force(values: dict[str, Any]) -> None:
    """A dated finding names the regulation in force on its day, filled in when left empty (none before the
    first one); an undated finding (an old list's) any."""
    day = values["found_on"]
    if day is None:
        return
    current = next((regulation for regulation in in_force(day, day)), None)
    named = None if current is None else _choice(current)
    if values["regulation"] is None:
        values["regulation"] = named
    elif values["regulation"] != named:
        raise FormProblems({"regulation": f"Ngày {display_date(day)} " + (
            f"trước quy định đầu tiên trong danh sách, {_span(all_regulations()[0])}: hãy để trống ô này"
            if current is None else f"đang áp dụng {_span(current)}, không phải {values['regulation']}")})


def _choice(regulation: Regulation) -> str:
    return f"QĐ {regulation.number}"


def _span(regulation: Regulation) -> str:
    """«QĐ 57-QĐ/TW (từ 03/05/2007 đến 27/02/2018)»."""
    until = f" đến {display_date(regulation.until)}" if regulation.until else ""
    return f"{_choice(regulation)} (từ {display_date(regulation.signed_on)}{until})"


POLITICAL_NOTES = OwnedRows(political_notes, "political-notes", "vấn đề chính trị", FIELDS, PERSON, _checked)
