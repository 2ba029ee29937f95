"""Complaints and denunciations. Key: date received + sender + kind + person named + summary.

The person named is linked to a cadre when exactly one cadre has that name.
"""

from typing import Any

from sqlalchemy import select

from ..errors import RowProblem
from ..kinds import COMPLAINTS
from ..people import Identity
from ..text import identity_key
from .base import Outcome, Plan, Target, outcome


def complaint_key(values: dict[str, Any]) -> tuple:
    return (values["received_on"], identity_key(values.get("sender") or ""), values["complaint_kind"],
            identity_key(values.get("subject_name") or ""), identity_key(values["summary"]))


class ComplaintPlan(Plan):
    kind = COMPLAINTS

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self._existing: dict[tuple, dict] = {}
        self._days: set = set()  # dates whose stored complaints are loaded

    def prefetch(self, rows: list[dict[str, Any]]) -> None:
        self.people.prefetch(Identity(row["subject_name"]) for row in rows if row.get("subject_name"))

    def _load(self, day) -> None:
        if day in self._days:
            return
        self._days.add(day)
        table = self.kind.table
        for row in self.connection.execute(select(table).where(table.c.received_on == day)).mappings():
            self._existing[complaint_key(row)] = dict(row)

    def take(self, number: int, values: dict[str, Any], target: Target | None = None) -> Outcome:
        key = complaint_key(values)
        self.claim(key, number, "đơn (cùng ngày nhận, người gửi, loại đơn, người bị phản ánh, nội dung)", "summary")
        self._load(values["received_on"])
        current = self.check_new(target, self._existing.get(key), RowProblem(
            "đã có đơn cùng ngày nhận, người gửi, loại đơn, người bị phản ánh và nội dung", "summary"))
        wanted = {**self.own_values(values), "person_id": self._subject(values.get("subject_name"))}
        record_id, changed, created = self.upsert(self.records, current["id"] if current else None, current,
                                                  wanted, clears=target is not None)
        self._existing[key] = self.records.new[record_id] if created else current
        return outcome(record_id, created, self.changed_fields(changed))

    def _subject(self, name: str | None) -> int | None:
        found = self.cadres.named(name) if name else []
        return self.cadres.person_of(found[0]) if len(found) == 1 else None
