"""The slips about every relative still to check (cases.py `unchecked`) of the vetting cases chosen — a case's
window, or the cases selected in the register before a congress — made at once: the recipient (the officer's
choice from the editable list of police units, brief §2.1), the issue date and the first number entered once
(slip_numbers.py suggests it), the numbers following on. Each slip is drafted as `slip_draft.slip_for` drafts it,
for its case (the case's purpose the slip's, so the slip serves it, core/plans/cases.py), and saved as a form saves
it (`editing.save`: the role, the person rule, its entry in the audit trail). A number a slip already has (an old
one, or one saved meanwhile on another PC) is passed over for the next free one; a relative the list does not hold,
or whose slip is refused for another reason, is skipped and named with why."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from .. import slip_numbers
from ..database import Database
from ..editing import ADDING, FormProblems, save
from ..kinds import SLIPS
from ..permissions import Action
from ..typed import as_typed, following_number
from . import cases, selected, writes
from .slip_draft import slip_for

FIRST = replace(SLIPS.field("number"), header="Số phiếu đầu", hint="các phiếu sau tăng dần, ví dụ 12/PXM, 13/PXM…")
FIELDS = (SLIPS.field("recipient"), SLIPS.field("issued_on"), FIRST)  # entered once for all the slips
NO_FIGURE = f"{FIRST.header}: cần có chữ số để đánh số các phiếu tiếp theo (ví dụ 12/PXM)"


@dataclass
class Drafted(selected.Outcome):
    """The slips made (`done`, each with its number) and their ids and `numbers` in that order, the numbers
    `passed` over as other slips had them, the relatives skipped with why (`skipped`, the cases not open too)."""

    slip_ids: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)

    def told(self) -> str:
        """«Đã lập 14 phiếu, số 0012/PXM đến 0025/PXM (bỏ qua số đã dùng: 0013/PXM); bỏ qua 1: Mẹ của …»."""
        numbers = f", số {', '.join(_runs(self.numbers))}" if self.numbers else ""
        passed = f" (bỏ qua số đã dùng: {', '.join(_runs(self.passed))})" if self.passed and self.numbers else ""
        skipped = f"; bỏ qua {len(self.skipped)}: " + "; ".join(self.skipped) if self.skipped else ""
        return f"Đã lập {len(self.done)} phiếu{numbers}{passed}{skipped}."


def draft_slips(db: Database, case_ids: Sequence[int], raw: dict[str, Any],
                progress: selected.Progress = lambda _done, _total: None) -> Drafted:
    """The slips about the relatives still to check of the open cases of `case_ids`, `raw` (FIELDS) written on
    each, numbered on from the first entered; a value refused (FormProblems) refuses them all before any is made.
    `progress(done, total)` is told before each case."""
    db.require(Action.EDIT, ADDING)
    values = entered(raw)
    number, year = values["number"], values["issued_on"].year
    ids = list(dict.fromkeys(case_ids))
    with db.read() as connection:
        found = selected.cases_of(connection, ids)
    outcome = Drafted()
    for case in selected.each_open(ids, found, outcome, progress):
        for missing in cases.case_file(db, case["id"]).unchecked:
            about = " ".join(filter(None, (missing.relation, missing.full_name, "của", selected.named(case))))
            if missing.relative_record_id is None:
                outcome.skipped.append(f"{about}: {missing.reason}")
                continue
            try:
                slip_id, number = _numbered(db, year, number, outcome.passed,
                                            partial(_saved, db, missing.relative_record_id, case["id"], raw))
            except FormProblems as refused:
                outcome.skipped.append(f"{about}: {'; '.join(refused.problems.values())}")
                continue
            outcome.slip_ids.append(slip_id)
            outcome.numbers.append(number)
            outcome.done.append(f"{about}: phiếu {number}")
            number = following_number(number)
    return outcome


def entered(raw: dict[str, Any]) -> dict[str, Any]:
    """What was entered once (FIELDS), parsed; FormProblems when a value is refused, or the first number has no
    figure to count the next ones on."""
    values = writes.parse(FIELDS, raw)
    if not following_number(values["number"]):
        raise FormProblems({"number": NO_FIGURE})
    return values


def _numbered(db: Database, year: int, number: str, passed: list[str],
              save_as: Callable[[str], int]) -> tuple[int, str]:
    """The slip `save_as(number)` saves, and its number: `number` or the first after it free in `year`, each
    number taken added to `passed` once (a relative refused leaves the next to pass it again) and tried no more;
    refused (FormProblems) for what is not a number taken."""
    while True:
        with db.read() as connection:
            while slip_numbers.taken(connection, year, number):
                if number not in passed:
                    passed.append(number)
                number = following_number(number)
        try:
            return save_as(number), number
        except FormProblems as refused:
            with db.read() as connection:
                if "number" not in refused.problems or not slip_numbers.taken(connection, year, number):
                    raise


def _runs(numbers: list[str]) -> list[str]:
    """Numbers one after the other told as their first and last: «0012/PXM đến 0014/PXM»."""
    runs: list[list[str]] = []
    for number in numbers:
        if runs and following_number(runs[-1][-1]) == number:
            runs[-1].append(number)
        else:
            runs.append([number])
    return [run[0] if len(run) == 1 else f"{run[0]} đến {run[-1]}" for run in runs]


def _saved(db: Database, record_id: int, case_id: int, entered: dict[str, Any], number: str) -> int:
    """The slip about the relatives list's entry `record_id` for the case `case_id`, drafted by `slip_for` with
    what was `entered` and `number`, saved as its form would save it."""
    draft = slip_for(db, record_id, case_id)
    typed = {key: as_typed(SLIPS.field(key), value) for key, value in draft.values.items()}
    return save(db, SLIPS.name, {**typed, **entered, "number": number}, None, draft.person_id)
