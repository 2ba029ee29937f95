"""Delegations abroad, one row per member.

A delegation is keyed by its decision number + date, or without a decision by its name +
departure date; a member is a cadre found by the person rule (a new cadre when the row gives
a birth date). Position and unit are kept on the membership, as they were at the time.
"""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ..changes import TableChanges
from ..errors import RowProblem
from ..kinds import DELEGATIONS
from ..schema import cadres, delegation_members, delegations, persons
from ..text import identity_key
from .base import Outcome, Plan, outcome, within

DELEGATION_KEYS = ("decision_no", "decision_on", "name", "countries", "purpose", "depart_on",
                   "return_on", "report_received_on")
MEMBER_KEYS = ("position", "unit", "role")


def delegation_key(values: dict[str, Any]) -> tuple:
    if values.get("decision_no"):
        return ("qd", identity_key(values["decision_no"]), values.get("decision_on"))
    return ("ten", identity_key(values["name"]), values["depart_on"])


class DelegationPlan(Plan):
    kind = DELEGATIONS

    def __init__(self, connection: Connection, now):
        super().__init__(connection, now)
        self.connection = connection
        self.delegations = TableChanges(connection, delegations, now)
        self.members = TableChanges(connection, delegation_members, now)
        self._delegations: dict[tuple, dict] = {}
        for row in connection.execute(select(delegations)).mappings():
            self._delegations[delegation_key(row)] = dict(row)
        self._members: dict[tuple[int, int], dict] = {
            (row["delegation_id"], row["cadre_id"]): dict(row)
            for row in connection.execute(select(delegation_members)).mappings()}
        self._first_row: dict[tuple, tuple[int, dict]] = {}
        self.new_cadres: list[str] = []
        self.new_delegations = 0

    def all_changes(self):
        return [self.people.changes, self.cadres.changes, self.delegations, self.members]

    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        if values["return_on"] < values["depart_on"]:
            raise RowProblem("Ngày về trước Ngày đi", "return_on")
        key = delegation_key(values)
        trip = {k: values.get(k) for k in DELEGATION_KEYS}
        self._same_trip(key, number, trip)
        cid = self._member(values)
        person_changed = self.person_changes(self.cadres.person_of(cid), values, ("cccd",))
        current = self._delegations.get(key)
        did, trip_changed, trip_created = self.upsert(
            self.delegations, current["id"] if current else None, current, trip)
        if trip_created:
            self._delegations[key] = self.delegations.new[did]
            self.new_delegations += 1
        self.claim(("member", did, cid), number, "thành viên trong cùng đoàn", "full_name")
        membership = self._members.get((did, cid))
        wanted = {k: values.get(k) for k in MEMBER_KEYS}
        wanted.update(delegation_id=did, cadre_id=cid)
        mid, member_changed, member_created = self.upsert(
            self.members, membership["id"] if membership else None, membership, wanted)
        if member_created:
            self._members[(did, cid)] = self.members.new[mid]
        return outcome(member_created, person_changed + trip_changed + member_changed)

    def _same_trip(self, key: tuple, number: int, trip: dict[str, Any]) -> None:
        """Rows of one delegation must agree on its details."""
        first = self._first_row.setdefault(key, (number, trip))
        if first[0] == number:
            return
        for field_key, value in trip.items():
            if value is not None and first[1][field_key] not in (None, value):
                header = self.kind.field(field_key).header
                raise RowProblem(f"khác với dòng {first[0]} của cùng đoàn ({header})", field_key)
            if first[1][field_key] is None:
                first[1][field_key] = value

    def _member(self, values: dict[str, Any]) -> int:
        identity = self.identity(values)
        found = self.cadres.find(identity)
        if len(found) > 1:
            raise RowProblem(f"«{identity.description}» khớp với {len(found)} cán bộ; "
                             "hãy ghi thêm Ngày sinh, Quê quán hoặc Số CCCD để phân biệt", "full_name")
        if found:
            return found[0]
        if not values.get("birth_date"):
            raise RowProblem(f"không tìm thấy cán bộ «{identity.full_name}»; "
                             "ghi Ngày sinh để thêm cán bộ mới", "full_name")
        pid, _ = self.people.resolve(identity)
        cid = self.cadres.by_person.get(pid)
        if cid is not None:  # the person is a cadre in the recycle bin: bring them back
            self.cadres.changes.force(cid, self.cadres.current(cid), {"deleted_at": None})
            self.cadres.deleted.discard(cid)
            return cid
        self.new_cadres.append(identity.full_name)
        return self.cadres.add(pid, {})

    def extras(self) -> dict[str, Any]:
        extras = {"Đoàn mới": self.new_delegations}
        if self.new_cadres:
            extras["Cán bộ mới (thêm từ danh sách đoàn)"] = self.new_cadres
        return extras


def export_rows(connection: Connection, start=None, end=None):
    query = (select(delegations.c.decision_no, delegations.c.decision_on, delegations.c.name,
                    delegations.c.countries, delegations.c.purpose, delegations.c.depart_on,
                    delegations.c.return_on, delegations.c.report_received_on,
                    persons.c.full_name, persons.c.birth_date, persons.c.home_town, persons.c.cccd,
                    delegation_members.c.position, delegation_members.c.unit,
                    delegation_members.c.role)
             .select_from(delegations.join(delegation_members).join(cadres).join(persons))
             .where(delegations.c.deleted_at.is_(None)))
    query = within(query, period_day(), start, end)
    return connection.execute(query.order_by(delegations.c.id, delegation_members.c.id)).mappings()


def period_day():
    """The date a delegation counts by: its decision date, else its departure."""
    return func.coalesce(delegations.c.decision_on, delegations.c.depart_on)
