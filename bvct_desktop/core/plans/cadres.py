"""Cadres: the key is the person; party and post details live on the cadre record."""

from typing import Any

from ..errors import RowProblem
from ..kinds import CADRES
from .base import CREATED, RESTORED, Outcome, Plan, Target, outcome


class CadrePlan(Plan):
    kind = CADRES

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
