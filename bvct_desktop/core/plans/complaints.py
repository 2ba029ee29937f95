"""Complaints and denunciations. Key: date received + sender + kind + person named + summary.

A letter is linked to the file of the person it is about (`person_id`): on a form, the cadre the
officer chose (or no one); else a stored letter keeps its link, whoever writes it, and a new one is
linked to the one cadre of the name it gives — none when several cadres share it (the import lists
those letters, for the officer to choose on the form). A letter received before its cadre was
entered is linked when the cadre is (`LettersWaiting`, from the cadres' plan), by the same rule.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..changes import TableChanges
from ..dates import display_date
from ..errors import RowProblem
from ..kinds import COMPLAINTS
from ..people import CadreBook, Identity
from ..schema import complaints
from ..stored_rows import KeyedQuery
from ..text import identity_key, name_key
from .base import NOBODY, Columns, Outcome, Plan, RecordsByKey, Target, outcome, result_without_day

NAMESAKES = "Đơn chưa gắn hồ sơ cán bộ (nhiều cán bộ cùng họ tên; chọn người trên biểu mẫu đơn)"
LINKED = "Đơn thư gắn với hồ sơ cán bộ vừa thêm"
# the letters waiting for a cadre: linked to no one, not in the recycle bin (read by the key of the name they give)
_WAITING = (select(complaints.c.id, complaints.c.subject_name, complaints.c.received_on)
            .where(complaints.c.person_id.is_(None), complaints.c.deleted_at.is_(None)))
NO_RESOLVED_DAY = ("có «Kết quả» nhưng chưa có ngày giải quyết: đơn chưa được tính là đã giải quyết; hãy ghi ngày "
                   "giải quyết")


def complaint_key(values: dict[str, Any]) -> tuple:
    return (values["received_on"], identity_key(values.get("sender") or ""), values["complaint_kind"],
            name_key(values.get("subject_name") or ""), identity_key(values["summary"]))


def subject_key(values: dict[str, Any]) -> dict[str, str | None]:
    """The key of the name a row's letter gives (schema: complaints.subject_key), when the row gives the field."""
    if "subject_name" not in values:
        return {}
    return {"subject_key": name_key(values["subject_name"]) if values["subject_name"] else None}


def letter_named(subject_name: str, received_on: dt.date) -> str:
    """A letter as a summary's line names it: «Võ Thị Mai (nhận ngày 01/03/2026)»."""
    return f"{subject_name} (nhận ngày {display_date(received_on)})"


class ComplaintPlan(Plan):
    kind = COMPLAINTS

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self.stored = RecordsByKey(connection, self.kind.table, complaint_key, "received_on")
        self.namesakes: list[str] = []  # new letters about a name several cadres share

    def prefetch(self, rows: Columns) -> None:
        self.people.prefetch(Identity(name) for name in rows.column("subject_name") if name)

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        key = complaint_key(values)
        self.claim(key, number, "đơn (cùng ngày nhận, người gửi, loại đơn, người bị phản ánh, nội dung)", "summary",
                   target)
        self.stored.on(values["received_on"])
        current = self.check_new(target, self.stored.by_key.get(key), lambda: RowProblem(
            "đã có đơn cùng ngày nhận, người gửi, loại đơn, người bị phản ánh và nội dung", "summary"))
        wanted = {**self.own_values(values), **subject_key(values),
                  "person_id": self._subject(values, target, current)}
        record_id, changed, created = self.upsert(self.records, current["id"] if current else None, current,
                                                  wanted, clears=target is not None)
        self.stored.by_key[key] = self.records.new[record_id] if created else current
        return outcome(record_id, created, self.changed_fields(changed))

    def warnings(self, values: dict[str, Any]) -> list[RowProblem]:
        """Those of every kind, and a result without the day the letter was resolved."""
        return [*super().warnings(values), *result_without_day(values, "resolved_on", NO_RESOLVED_DAY)]

    def _subject(self, values: dict[str, Any], target: Target | None, current: dict | None) -> int | None:
        """The person the letter is about: the one the officer chose (NOBODY: none), else the stored
        letter's, else the one cadre of the name."""
        if target is not None and target.person_id is not None:
            return None if target.person_id == NOBODY else target.person_id
        if current is not None:
            return current["person_id"]
        name = values.get("subject_name")
        found = self.cadres.named(name) if name else []
        if len(found) > 1:
            self.namesakes.append(letter_named(name, values["received_on"]))
        return self.cadres.person_of(found[0]) if len(found) == 1 else None

    def finish(self) -> dict[str, Any]:
        extras = super().finish()
        if self.namesakes:
            extras[NAMESAKES] = self.namesakes
        return extras


class LettersWaiting:
    """The letters linked to no one (not in the recycle bin), which a cadre entered after them may be about."""

    def __init__(self, connection: Connection, now: dt.datetime):
        self.changes = TableChanges(connection, complaints, now)
        self._connection = connection
        self.linked: list[str] = []  # the letters linked, as a summary names them

    def link(self, cadres: CadreBook, arrived: Iterable[int]) -> None:
        """Links each letter naming a cadre `arrived` (added, or back from the recycle bin) to that cadre
        when no other cadre has the name."""
        names = sorted({cadres.people.key_of(cadres.person_of(cid))[0] for cid in arrived})
        query = KeyedQuery(self._connection, _WAITING, complaints, ["subject_key"])
        waiting = [row for start in range(0, len(names), query.size)
                   for row in query.rows(names[start:start + query.size])]
        for letter_id, subject_name, received_on in sorted(waiting, key=lambda row: (row[2], row[0])):
            found = cadres.named(subject_name)
            if len(found) == 1:
                self.changes.change(letter_id, {}, {"person_id": cadres.person_of(found[0])})
                self.linked.append(letter_named(subject_name, received_on))
