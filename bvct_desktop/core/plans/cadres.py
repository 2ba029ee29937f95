"""Cadres: the key is the person; party and post details live on the cadre record. A cadre added
(or back from the recycle bin) takes the letters about their name that waited for no one
(core/plans/complaints.py)."""

from typing import Any

from ..changes import TableChanges
from ..errors import RowProblem
from ..kinds import CADRES
from .base import CREATED, RESTORED, Outcome, Plan, Target, outcome
from .complaints import LINKED, LettersWaiting


class CadrePlan(Plan):
    kind = CADRES

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self.letters: LettersWaiting | None = None  # planned once every row is taken, when a cadre arrived

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        pid, changed = self.person(values, target)
        self.claim(("cadre", pid), number, "cán bộ (cùng họ tên, ngày sinh, quê quán hoặc CCCD)", "full_name", target)
        cid = self.cadres.of_person(pid)
        current = self.check_new(target, self.cadres.current(cid) if cid is not None else None,
                                 lambda: self._listed_already(cid))
        wanted = self.own_values(values)
        wanted["person_id"] = pid
        if current is None:
            cid = self.cadres.add(pid, wanted)
            self.touch(cid, CREATED)
            return outcome(cid, True, changed)
        cid, cadre_changed, _ = self.upsert(self.records, current["id"], current, wanted, clears=target is not None)
        if RESTORED in cadre_changed:
            self.cadres.restored(cid)
        self.cadres.done_with(cid)
        return outcome(cid, False, changed + self.changed_fields(cadre_changed))

    def _listed_already(self, cid: int | None) -> RowProblem:
        where = " (trong thùng rác; hãy khôi phục)" if cid is not None and self.cadres.is_deleted(cid) else ""
        return RowProblem(f"người này đã có trong danh sách cán bộ{where}", "full_name")

    def finish(self) -> dict[str, Any]:
        extras = super().finish()
        arrived = [cid for cid, status in self.touched.items() if status in (CREATED, RESTORED)]
        if arrived:
            self.letters = LettersWaiting(self.connection, self.now)
            self.letters.link(self.cadres, arrived)
            if self.letters.linked:
                extras[LINKED] = self.letters.linked
        return extras

    def all_changes(self) -> list[TableChanges]:
        return super().all_changes() + ([self.letters.changes] if self.letters else [])
