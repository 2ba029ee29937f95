"""Complaints and denunciations. Key: date received + sender + kind + person named + summary.

The person named is linked to a cadre when exactly one cadre has that name.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..changes import TableChanges
from ..kinds import COMPLAINTS
from ..schema import complaints
from ..text import identity_key
from .base import Outcome, Plan, outcome, within

COMPLAINT_KEYS = ("received_on", "sender", "complaint_kind", "subject_name", "summary", "due_on",
                  "resolved_on", "result")


def complaint_key(values: dict[str, Any]) -> tuple:
    return (values["received_on"], identity_key(values.get("sender") or ""), values["complaint_kind"],
            identity_key(values.get("subject_name") or ""), identity_key(values["summary"]))


class ComplaintPlan(Plan):
    kind = COMPLAINTS

    def __init__(self, connection: Connection, now):
        super().__init__(connection, now)
        self.complaints = TableChanges(connection, complaints, now)
        self._existing = {complaint_key(row): dict(row)
                          for row in connection.execute(select(complaints)).mappings()}

    def all_changes(self):
        return [self.complaints]

    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        key = complaint_key(values)
        self.claim(key, number, "đơn (cùng ngày nhận, người gửi, loại đơn, người bị phản ánh, nội dung)", "summary")
        current = self._existing.get(key)
        wanted = {k: values.get(k) for k in COMPLAINT_KEYS}
        wanted["person_id"] = self._subject(values.get("subject_name"))
        record_id, changed, created = self.upsert(
            self.complaints, current["id"] if current else None, current, wanted)
        if created:
            self._existing[key] = self.complaints.new[record_id]
        return outcome(created, [k for k in changed if k != "person_id"])

    def _subject(self, name: str | None) -> int | None:
        found = self.cadres.named(name) if name else []
        return self.cadres.person_of(found[0]) if len(found) == 1 else None


def export_rows(connection: Connection, start=None, end=None):
    query = select(*(complaints.c[key] for key in COMPLAINT_KEYS)).where(complaints.c.deleted_at.is_(None))
    query = within(query, complaints.c.received_on, start, end)
    return connection.execute(query.order_by(complaints.c.received_on, complaints.c.id)).mappings()
