"""One vetting case opened for each cadre selected in the register (an election list's nominees: «Bầu cử», the
day the list came, the cấp ủy's one decision, the deadline before hiệp thương vòng 2) entered once, each case
through `cases.open_case` — its role, its checks, its own entry in the audit trail — and each on its own: a
cadre already having an open case of that purpose (one a slip opened) or in the recycle bin is skipped and
named, one refused is named with why, the others are still opened."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from ..database import Database
from ..permissions import Action
from ..schema import cadres, persons, vetting_cases
from . import cases, selected

OPENING = "mở hồ sơ thẩm tra"  # what opening the selected cadres' cases asks the officer's role for
FIELDS = cases.CASE_FIELDS


def open_cases(db: Database, cadre_ids: Sequence[int], raw: dict[str, Any],
               progress: selected.Progress = lambda _done, _total: None) -> selected.Outcome:
    """Opens the case `raw` (FIELDS) for each cadre of `cadre_ids`; a value refused (FormProblems) refuses them
    all before any is opened. `progress(done, total)` is told before each cadre."""
    db.require(Action.EDIT, OPENING)
    purpose = cases.case_values(raw)["purpose"]
    ids = list(dict.fromkeys(cadre_ids))
    with db.read() as connection:
        found = _cadres_of(connection, ids, purpose)
    outcome = selected.Outcome()
    for done, cadre_id in enumerate(ids):
        progress(done, len(ids))
        cadre = {**found[cadre_id], "purpose": purpose} if cadre_id in found else None
        if cadre is None:
            outcome.skipped.append(f"Cán bộ số {cadre_id}: không còn trong sổ")
        elif cadre["deleted_at"] is not None:
            outcome.skipped.append(f"{selected.named(cadre)}: đã chuyển vào thùng rác")
        elif cadre["open_case"] is not None:
            outcome.skipped.append(f"{selected.named(cadre)}: đã có hồ sơ thẩm tra số {cadre['open_case']} cùng "
                                   "mục đích đang xác minh")
        else:
            outcome.tried(cadre, lambda cadre=cadre: cases.open_case(db, cadre["person_id"], raw))
    return outcome


def _cadres_of(connection, ids: Sequence[int], purpose: str | None) -> dict[int, dict[str, Any]]:
    """The cadres `ids` (in the recycle bin or not), each with their person, name, birth date and the id of their
    open case of `purpose` (None when there is none)."""
    open_case = (select(vetting_cases.c.id).where(
        vetting_cases.c.person_id == cadres.c.person_id, vetting_cases.c.status == cases.OPEN,
        vetting_cases.c.deleted_at.is_(None),
        vetting_cases.c.purpose.is_(None) if purpose is None else vetting_cases.c.purpose == purpose)
        .limit(1).scalar_subquery())
    query = (select(cadres.c.id, cadres.c.person_id, cadres.c.deleted_at, persons.c.full_name, persons.c.birth_date,
                    open_case.label("open_case"))
             .select_from(cadres.join(persons)).where(cadres.c.id.in_(ids)))
    return {row["id"]: dict(row) for row in connection.execute(query).mappings()}
