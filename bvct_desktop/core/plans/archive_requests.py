"""Enemy-archive research requests, done for other provinces or asked of them.

Key: request kind + document number + date + the person; without a number, request kind +
province + date + the person.
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..changes import TableChanges
from ..kinds import ARCHIVE_REQUESTS
from ..schema import archive_requests, persons
from ..text import identity_key
from .base import Outcome, Plan, outcome, within

REQUEST_KEYS = ("request_kind", "province", "doc_no", "doc_on", "answered_on", "result")


def request_key(values: dict[str, Any], person_id: int) -> tuple:
    if values.get("doc_no"):
        return (values["request_kind"], "so", identity_key(values["doc_no"]), values["doc_on"], person_id)
    return (values["request_kind"], "tinh", identity_key(values["province"]), values["doc_on"], person_id)


class ArchiveRequestPlan(Plan):
    kind = ARCHIVE_REQUESTS

    def __init__(self, connection: Connection, now):
        super().__init__(connection, now)
        self.requests = TableChanges(connection, archive_requests, now)
        self._existing = {request_key(row, row["person_id"]): dict(row)
                          for row in connection.execute(select(archive_requests)).mappings()}

    def all_changes(self):
        return [self.people.changes, self.requests]

    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        pid, _ = self.people.resolve(self.identity(values))
        key = request_key(values, pid)
        self.claim(key, number, "yêu cầu (cùng loại, văn bản, ngày và đối tượng)", "full_name")
        current = self._existing.get(key)
        wanted = {k: values.get(k) for k in REQUEST_KEYS}
        wanted["person_id"] = pid
        record_id, changed, created = self.upsert(
            self.requests, current["id"] if current else None, current, wanted)
        if created:
            self._existing[key] = self.requests.new[record_id]
        return outcome(created, changed)


def export_rows(connection: Connection, start=None, end=None):
    query = (select(archive_requests.c.request_kind, archive_requests.c.province,
                    archive_requests.c.doc_no, archive_requests.c.doc_on, persons.c.full_name,
                    persons.c.birth_date, persons.c.home_town, archive_requests.c.answered_on,
                    archive_requests.c.result)
             .select_from(archive_requests.join(persons))
             .where(archive_requests.c.deleted_at.is_(None)))
    query = within(query, archive_requests.c.doc_on, start, end)
    return connection.execute(query.order_by(archive_requests.c.doc_on, archive_requests.c.id)).mappings()
