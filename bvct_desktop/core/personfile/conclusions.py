"""One conclusion recorded on several vetting cases (an election list's: one document, one date and one
signer for every nominee), each case through `cases.record_conclusion` — its role, its checks, its own
entry in the audit trail — and each on its own: a case its checks refuse is named with the reason and
the others are still concluded, as they would be one by one (their conclusion is the same document
whatever is wrong with another nominee's case). Cases already concluded or in the recycle bin are
skipped and named (core/personfile/selected)."""

from collections.abc import Sequence
from typing import Any

from ..database import Database
from ..permissions import Action
from . import cases, selected


def record_conclusions(db: Database, case_ids: Sequence[int], raw: dict[str, Any],
                       progress: selected.Progress = lambda _done, _total: None) -> selected.Outcome:
    """Records the conclusion `raw` on each open case of `case_ids`; a value refused (FormProblems)
    refuses them all before any is touched. `progress(done, total)` is told before each case."""
    db.require(Action.EDIT, cases.CONCLUDING)
    cases.conclusion_values(raw)
    ids = list(dict.fromkeys(case_ids))
    with db.read() as connection:
        found = selected.cases_of(connection, ids)
    outcome = selected.Outcome()
    for case in selected.each_open(ids, found, outcome, progress):
        # the case as read above: one concluded meanwhile is refused, not corrected
        outcome.tried(case, lambda case=case: cases.record_conclusion(db, case["id"], raw, (case["row_version"],)))
    return outcome


def doubts(db: Database, case_ids: Sequence[int], raw: dict[str, Any]) -> list[str]:
    """What recording `raw` on the open cases of `case_ids` asks to confirm, as a case's own window asks it
    (`cases.conclusion_doubts`: letters open, slips unanswered or finding a record, relatives unchecked): a line
    for each case with something to confirm, naming it; those questioning the result itself first (a list's
    cases share the missing steps, and a dialog names only the first few), the others in the order chosen."""
    ids = list(dict.fromkeys(case_ids))
    with db.read() as connection:
        found = selected.cases_of(connection, ids)
    asked = [(case, told) for case in selected.each_open(ids, found, selected.Outcome())
             if (told := cases.conclusion_doubts(db, case["id"], raw))]
    questioned = cases.asks_result(raw.get("result") or "")
    asked.sort(key=lambda pair: not any(line.endswith(questioned) for line in pair[1]))
    return [f"{selected.named(case)}: {' '.join(told)}" for case, told in asked]
