"""Complaints and denunciations. Key: date received + sender + kind + person named + summary.

The person named is linked to a cadre when exactly one cadre has that name.
"""

from typing import Any

from ..errors import RowProblem
from ..kinds import COMPLAINTS
from ..people import Identity
from ..text import identity_key
from .base import Columns, Outcome, Plan, RecordsByKey, Target, outcome


def complaint_key(values: dict[str, Any]) -> tuple:
    return (values["received_on"], identity_key(values.get("sender") or ""), values["complaint_kind"],
            identity_key(values.get("subject_name") or ""), identity_key(values["summary"]))


class ComplaintPlan(Plan):
    kind = COMPLAINTS

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self.stored = RecordsByKey(connection, self.kind.table, complaint_key, "received_on")

    def prefetch(self, rows: Columns) -> None:
        self.people.prefetch(Identity(name) for name in rows.column("subject_name") if name)

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        key = complaint_key(values)
        self.claim(key, number, "đơn (cùng ngày nhận, người gửi, loại đơn, người bị phản ánh, nội dung)", "summary",
                   target)
        self.stored.on(values["received_on"])
        current = self.check_new(target, self.stored.by_key.get(key), lambda: RowProblem(
            "đã có đơn cùng ngày nhận, người gửi, loại đơn, người bị phản ánh và nội dung", "summary"))
        wanted = {**self.own_values(values), "person_id": self._subject(values.get("subject_name"))}
        record_id, changed, created = self.upsert(self.records, current["id"] if current else None, current,
                                                  wanted, clears=target is not None)
        self.stored.by_key[key] = self.records.new[record_id] if created else current
        return outcome(record_id, created, self.changed_fields(changed))

    def _subject(self, name: str | None) -> int | None:
        found = self.cadres.named(name) if name else []
        return self.cadres.person_of(found[0]) if len(found) == 1 else None
