"""One conclusion recorded on several vetting cases (an election list's: one document, one date and one
signer for every nominee), each case through `cases.record_conclusion` — its role, its checks, its own
entry in the audit trail — and each on its own: a case its checks refuse is named with the reason and
the others are still concluded, as they would be one by one (their conclusion is the same document
whatever is wrong with another nominee's case). Cases already concluded or in the recycle bin are
skipped and named: a conclusion is corrected, or a binned case restored, one case at a time."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ..database import Database
from ..dates import PartialDate
from ..errors import InputError
from ..permissions import Action
from ..schema import persons, vetting_cases
from . import cases


@dataclass
class Outcome:
    """The cases concluded, skipped and refused, each named (`_named`), the skipped and refused with why."""

    concluded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def record_conclusions(db: Database, case_ids: Sequence[int], raw: dict[str, Any],
                       progress: Callable[[int, int], None] = lambda _done, _total: None) -> Outcome:
    """Records the conclusion `raw` on each open case of `case_ids`; a value refused (FormProblems)
    refuses them all before any is touched. `progress(done, total)` is told before each case."""
    db.require(Action.EDIT, cases.CONCLUDING)
    cases.conclusion_values(raw)
    ids = list(dict.fromkeys(case_ids))
    found = _cases(db, ids)
    outcome = Outcome()
    for done, case_id in enumerate(ids):
        progress(done, len(ids))
        case = found.get(case_id)
        if case is None:
            outcome.skipped.append(f"Hồ sơ thẩm tra số {case_id}: không còn trong sổ")
        elif case["deleted_at"] is not None:
            outcome.skipped.append(f"{_named(case)}: đã chuyển vào thùng rác")
        elif case["status"] != cases.OPEN:
            outcome.skipped.append(f"{_named(case)}: đã có kết luận")
        else:
            try:  # the case as read above: one concluded meanwhile is refused, not corrected
                cases.record_conclusion(db, case_id, raw, (case["row_version"],))
            except InputError as refusal:
                outcome.refused.append(f"{_named(case)}: {refusal}")
            else:
                outcome.concluded.append(_named(case))
    return outcome


def doubts(db: Database, case_ids: Sequence[int], raw: dict[str, Any]) -> list[str]:
    """What recording `raw` on the open cases of `case_ids` asks to confirm, as a case's own window asks it
    (`cases.conclusion_doubts`: letters open, slips unanswered or finding a record, relatives unchecked): a line
    for each case with something to confirm, naming it; those questioning the result itself first (a list's
    cases share the missing steps, and a dialog names only the first few), the others in the order chosen."""
    ids = list(dict.fromkeys(case_ids))
    found = _cases(db, ids)
    asked = [(case, told) for case in (found[case_id] for case_id in ids if case_id in found)
             if case["deleted_at"] is None and case["status"] == cases.OPEN
             and (told := cases.conclusion_doubts(db, case["id"], raw))]
    questioned = cases.asks_result(raw.get("result") or "")
    asked.sort(key=lambda pair: not any(line.endswith(questioned) for line in pair[1]))
    return [f"{_named(case)}: {' '.join(told)}" for case, told in asked]


def _cases(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The cases `ids` (in the recycle bin or not), each with its person's name and birth date."""
    query = (select(vetting_cases.c.id, vetting_cases.c.purpose, vetting_cases.c.status, vetting_cases.c.deleted_at,
                    vetting_cases.c.row_version, persons.c.full_name, persons.c.birth_date)
             .select_from(vetting_cases.join(persons)).where(vetting_cases.c.id.in_(ids)))
    with db.read() as connection:
        return {row["id"]: dict(row) for row in connection.execute(query).mappings()}


def _named(case: dict[str, Any]) -> str:
    """«Nguyễn Văn An, sinh ngày 12/03/1968 – Bầu cử»: namesakes on one list told apart."""
    born = f", {PartialDate.from_iso(case['birth_date']).born}" if case["birth_date"] else ""
    return f"{case['full_name']}{born} – {case['purpose'] or 'chưa ghi mục đích'}"
