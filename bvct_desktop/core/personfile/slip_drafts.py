"""The slips about every relative still to check (cases.py `unchecked`) of the vetting cases chosen — a case's
window, or the cases selected in the register before a congress — made at once: the recipient (the officer's
choice from the editable list of police units, brief §2.1), the issue date and the first number entered once,
the numbers following on. Each slip is drafted as `slip_draft.slip_for` drafts it, for its case (the case's
purpose the slip's, so the slip serves it, core/plans/cases.py), and saved as a form saves it
(`editing.save`: the role, the person rule, its entry in the audit trail). A relative the list does not hold, or
whose slip is refused (its number taken, no name), is skipped and named with why; the next slip takes the next
number after one saved or taken, so a number used elsewhere is never tried twice."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

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
    """The slips made (`done`, each with its number) and their ids in that order, the relatives skipped with
    why (`skipped`, the cases not open too)."""

    slip_ids: list[int] = field(default_factory=list)

    def told(self) -> str:
        """«Đã lập 14 phiếu; bỏ qua 1: Mẹ của Nguyễn Văn Hùng, sinh ngày 12/03/1965 – Bầu cử: chưa khai …»."""
        skipped = f"; bỏ qua {len(self.skipped)}: " + "; ".join(self.skipped) if self.skipped else ""
        return f"Đã lập {len(self.done)} phiếu{skipped}."


def draft_slips(db: Database, case_ids: Sequence[int], raw: dict[str, Any],
                progress: selected.Progress = lambda _done, _total: None) -> Drafted:
    """The slips about the relatives still to check of the open cases of `case_ids`, `raw` (FIELDS) written on
    each; a value refused (FormProblems) refuses them all before any is made. `progress(done, total)` is told
    before each case."""
    db.require(Action.EDIT, ADDING)
    number = first_number(raw)
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
                outcome.slip_ids.append(_saved(db, missing.relative_record_id, case["id"], {**raw, "number": number}))
            except FormProblems as refused:
                outcome.skipped.append(f"{about}: {'; '.join(refused.problems.values())}")
                if "number" not in refused.problems:
                    continue
            else:
                outcome.done.append(f"{about}: phiếu {number}")
            number = following_number(number)
    return outcome


def first_number(raw: dict[str, Any]) -> str:
    """The first slip's number of what was entered once (FIELDS); FormProblems when a value is refused, or the
    number has no figure to count the next ones on."""
    number = writes.parse(FIELDS, raw)["number"]
    if not following_number(number):
        raise FormProblems({"number": NO_FIGURE})
    return number


def _saved(db: Database, record_id: int, case_id: int, entered: dict[str, Any]) -> int:
    """The slip about the relatives list's entry `record_id` for the case `case_id`, drafted by `slip_for` with
    what was `entered`, saved as its form would save it."""
    draft = slip_for(db, record_id, case_id)
    typed = {key: as_typed(SLIPS.field(key), value) for key, value in draft.values.items()}
    return save(db, SLIPS.name, {**typed, **entered}, None, draft.person_id)
