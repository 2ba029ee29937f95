"""What the officer does at once to the vetting cases selected in the register (an election list's: one
conclusion, one deadline, then their notices), each case of the status it needs on its own: those done,
skipped and refused named — namesakes told apart by their birth date — the skipped and refused with why. A
case in the recycle bin, or not of that status, is skipped: it is restored, or dealt with, one case at a
time."""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..dates import PartialDate
from ..errors import InputError
from ..schema import persons, vetting_cases
from .cases import CONCLUDED, OPEN

Progress = Callable[[int, int], None]
NOT_WANTED = {OPEN: "chưa có kết luận", CONCLUDED: "đã có kết luận"}  # why a case of the other status is skipped


@dataclass
class Outcome:
    """The cases done, skipped and refused, each `named`, the skipped and refused with why."""

    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def tried(self, case: dict[str, Any], action: Callable[[], object]) -> None:
        """`action` done on `case`, or refused (InputError) and named with why: the other cases go on."""
        try:
            action()
        except InputError as refusal:
            self.refused.append(f"{named(case)}: {refusal}")
        else:
            self.done.append(named(case))


def cases_of(connection: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The cases `ids` (in the recycle bin or not), each with its person's name and birth date."""
    query = (select(vetting_cases, persons.c.full_name, persons.c.birth_date)
             .select_from(vetting_cases.join(persons)).where(vetting_cases.c.id.in_(ids)))
    return {row["id"]: dict(row) for row in connection.execute(query).mappings()}


def each_open(ids: Sequence[int], found: dict[int, dict[str, Any]], outcome: Outcome,
              progress: Progress = lambda _done, _total: None, status: str = OPEN) -> Iterator[dict[str, Any]]:
    """The cases of `ids` (`found` by `cases_of`) open — or of `status` — in their order, `progress(done, total)`
    told before each case; the others named in `outcome.skipped` with why."""
    for done, case_id in enumerate(ids):
        progress(done, len(ids))
        case = found.get(case_id)
        if case is None:
            outcome.skipped.append(f"Hồ sơ thẩm tra số {case_id}: không còn trong sổ")
        elif case["deleted_at"] is not None:
            outcome.skipped.append(f"{named(case)}: đã chuyển vào thùng rác")
        elif case["status"] != status:
            outcome.skipped.append(f"{named(case)}: {NOT_WANTED[case['status']]}")
        else:
            yield case


def named(case: dict[str, Any]) -> str:
    """«Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử»: namesakes on one list told apart."""
    born = f", {PartialDate.from_iso(case['birth_date']).born}" if case["birth_date"] else ""
    return f"{case['full_name']}{born} – {case['purpose'] or 'chưa ghi mục đích'}"
