"""Delegations abroad, one row per member.

A delegation is keyed by its decision number + date, or without a decision by its name +
departure date; a decision added later is filled in on the one stored without it. A member is
a cadre found by the person rule (a new cadre when the row gives a birth date). Position and
unit are kept on the membership, as they were at the time. A form lists every member: a member
it no longer lists is taken off the delegation (`keep_only`). A delegation counts its members'
changes as its own (its row version, who and when).
"""

import datetime as dt
from typing import Any, NamedTuple

from sqlalchemy import select

from .. import row_versions, trip_status
from ..changes import TableChanges
from ..dates import display_date
from ..errors import RowProblem
from ..kinds import DELEGATIONS, MEMBER_ROLES
from ..people import Identity
from ..personfile.trips import at_the_same_time
from ..schema import delegation_members, vetting_cases
from ..text import identity_key
from .base import Outcome, Plan, RecordsByKey, Target, identity, outcome
from .cases import OPEN

HEAD = MEMBER_ROLES[0]  # «Trưởng đoàn»
# The delegation's «Tình trạng», whose empty cell says it goes: its rows agree on it, empty or not (one member's
# row saying «Không đi» there would call off the whole delegation)
STATUS = "status"
STATUS_OF_ALL = (f"; cả đoàn hủy hay hoãn thì ghi «{DELEGATIONS.field(STATUS).header}» ở mọi dòng của đoàn, chỉ một "
                 f"người không đi thì ghi lý do ở cột «{DELEGATIONS.field('not_going').header}»")

class Trip(NamedTuple):
    """A delegation as a member's overlapping trips are told by."""

    name: str
    depart_on: dt.date
    return_on: dt.date


def _away(values: dict[str, Any]) -> bool:
    """Whether a row's member is abroad with its delegation: neither is the delegation called off nor did the
    member not go (trip_status)."""
    return not values.get("status") and not values.get("not_going")


def delegation_key(values: dict[str, Any]) -> tuple:
    if values.get("decision_no"):
        return ("qd", identity_key(values["decision_no"]), values.get("decision_on"))
    return planned_key(values)


def planned_key(values: dict[str, Any]) -> tuple:
    """The key of a delegation without a decision: planned, its decision not yet signed."""
    return ("ten", identity_key(values["name"]), values["depart_on"])


class DelegationPlan(Plan):
    kind = DELEGATIONS

    def __init__(self, connection, now):
        super().__init__(connection, now)
        members = self.kind.members
        self.members = TableChanges(connection, members.table, now)
        self.stored = RecordsByKey(connection, self.kind.table, delegation_key, "decision_on", "depart_on")
        self._members: dict[int, dict[int, dict]] = {}  # delegation → cadre → membership
        self._first_row: dict[tuple, tuple[int, dict]] = {}
        self._taken: dict[int, set[int]] = {}  # delegation → the cadres its rows listed
        self._trips: dict[int, dict[int, Trip]] = {}  # cadre → the delegations its rows were taken on
        self._heads: dict[int, dict[int, str]] = {}  # delegation → its rows' «Trưởng đoàn», cadre → name, in order
        self.new_cadres: list[str] = []
        self.restored_cadres: list[str] = []
        self.new_delegations = 0

    def all_changes(self):
        return [self.people.changes, self.cadres.changes, self.records, self.members]

    def _memberships(self, delegation_id: int) -> dict[int, dict]:
        if delegation_id not in self._members:
            table = self.kind.members.table
            rows = self.connection.execute(select(table).where(table.c.delegation_id == delegation_id)).mappings()
            self._members[delegation_id] = {row["cadre_id"]: dict(row) for row in rows}
        return self._members[delegation_id]

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        key = delegation_key(values)
        trip = {k: values[k] for k in self.kind.own_keys if k in values}
        self._same_trip(key, number, trip)
        who = identity(values, self.kind.members.person)
        cid = self._member(who, restoring=target is None)
        person_changed = self.people.update_found(self.cadres.person_of(cid), who)
        self.stored.on(values.get("decision_on"))
        self.stored.on(values["depart_on"])
        current = self.matching(self.stored, key, planned_key(values), target)
        if key not in self._first_row or self._first_row[key][0] == number:
            current = self.check_new(target, current, lambda: RowProblem("đã có đoàn này (cùng số và ngày quyết định, "
                                                                 "hoặc cùng tên và ngày đi)", "name"))
        did, trip_changed, trip_created = self.upsert(self.records, current["id"] if current else None, current,
                                                      trip, clears=target is not None)
        if trip_created:
            self.new_delegations += 1
        self.stored.by_key[key] = self.records.new[did] if trip_created else current
        self.claim(("member", did, cid), number, "thành viên trong cùng đoàn", "full_name", target)
        self._taken.setdefault(did, set()).add(cid)
        if values.get("role") == HEAD:
            self._heads.setdefault(did, {}).setdefault(cid, values["full_name"])
        if _away(values):
            self._trips.setdefault(cid, {})[did] = Trip(values["name"], values["depart_on"], values["return_on"])
        memberships = self._memberships(did) if not trip_created else self._members.setdefault(did, {})
        membership = memberships.get(cid)
        wanted = {**{k: values[k] for k in self.kind.members.keys if k in values},
                  "delegation_id": did, "cadre_id": cid}
        mid, member_changed, member_created = self.upsert(
            self.members, membership["id"] if membership else None, membership, wanted, clears=target is not None)
        if member_created:
            memberships[cid] = self.members.new[mid]
        if member_created or member_changed:
            self._members_changed(did)
        return outcome(did, member_created, person_changed + trip_changed + member_changed)

    def warnings(self, values: dict[str, Any]) -> list[RowProblem]:
        """A row's warnings; those at the delegation's own fields (outside the plan, decided after leaving) at
        its first row only, not again at each member's."""
        told = super().warnings(values)
        if self._first_row[delegation_key(values)][0] == self.row:
            return told
        return [doubt for doubt in told if doubt.header not in self.kind.own_keys]

    def doubts_with_others(self, values: dict[str, Any]) -> list[RowProblem]:
        """What the member of a row just taken leaves doubtful: a second «Trưởng đoàn», another trip at the same
        time (with another delegation, or recorded on the file), a vetting case still open."""
        found = self.cadres.find(identity(values, self.kind.members.person))
        if not found:
            return []
        overlapping = [] if not _away(values) else [
            *self._overlapping(found[0], values),
            *at_the_same_time(self.connection, self.cadres.person_of(found[0]), values)]
        return [*self._second_head(found[0], values), *overlapping, *self._open_cases(found[0], values)]

    def _second_head(self, cadre_id: int, values: dict[str, Any]) -> list[RowProblem]:
        """The member listed as «Trưởng đoàn» after another of the same delegation: a role mistyped, or the
        other's; told, not refused."""
        heads = self._heads.get(self.stored.by_key[delegation_key(values)]["id"], {})
        first_id, first_name = next(iter(heads.items()), (cadre_id, ""))
        if values.get("role") != HEAD or first_id == cadre_id:
            return []
        return [RowProblem(f"đoàn đã có {HEAD} «{first_name}»: một đoàn có một {HEAD}, hãy xem lại vai trò của "
                           f"«{values['full_name']}» và «{first_name}»", "role")]

    def _overlapping(self, cadre_id: int, values: dict[str, Any]) -> list[RowProblem]:
        """The member abroad at the same time with another delegation — stored, or taken before from the
        same file (with the dates the file gives) — a trip leaving the day another comes back aside: a
        mistyped date, or the wrong member."""
        did, depart, back = self.stored.by_key[delegation_key(values)]["id"], values["depart_on"], values["return_on"]
        taken = {other: trip for other, trip in self._trips.get(cadre_id, {}).items() if other != did}
        trips = self.kind.table
        stored = self.connection.execute(
            select(trips.c.id, trips.c.name, trips.c.depart_on, trips.c.return_on)
            .select_from(trips.join(delegation_members))
            .where(delegation_members.c.cadre_id == cadre_id, trips.c.deleted_at.is_(None), trip_status.member_going(),
                   trips.c.id != did,
                   trips.c.depart_on < back, trips.c.return_on > depart))
        others = {row.id: Trip(row.name, row.depart_on, row.return_on) for row in stored if row.id not in taken}
        others.update((other, trip) for other, trip in taken.items()
                      if trip.depart_on < back and trip.return_on > depart)
        return [RowProblem(f"«{values['full_name']}» cùng thời gian đi với đoàn «{trip.name}» "
                           f"({display_date(trip.depart_on)} – {display_date(trip.return_on)}): "
                           "hãy xem lại ngày đi, ngày về hoặc thành viên", "full_name")
                for trip in sorted(others.values(), key=lambda trip: trip.depart_on)]

    def _open_cases(self, cadre_id: int, values: dict[str, Any]) -> list[RowProblem]:
        """The member's vetting cases not concluded: one still being vetted is sent abroad only once the
        case is looked at."""
        cases = self.connection.execute(
            select(vetting_cases.c.purpose, vetting_cases.c.opened_on)
            .where(vetting_cases.c.person_id == self.cadres.person_of(cadre_id), vetting_cases.c.status == OPEN,
                   vetting_cases.c.deleted_at.is_(None))
            .order_by(vetting_cases.c.opened_on))
        return [RowProblem(f"«{values['full_name']}» đang có hồ sơ thẩm tra chưa kết luận "
                           f"({case.purpose or 'không ghi mục đích'}, mở ngày {display_date(case.opened_on)}): "
                           "hãy xem lại trước khi cử đi nước ngoài", "full_name")
                for case in cases]

    def keep_only(self, delegation_id: int) -> None:
        """Takes off the delegation the members a form no longer lists."""
        for cid, membership in self._memberships(delegation_id).items():
            if cid not in self._taken[delegation_id]:
                self.members.delete(membership["id"])
                self._members_changed(delegation_id)

    def _members_changed(self, delegation_id: int) -> None:
        """A member added, changed or taken off changes the delegation: audited, and its version counts up."""
        self.touch(delegation_id)
        self.records.count_up(delegation_id)

    def _same_trip(self, key: tuple, number: int, trip: dict[str, Any]) -> None:
        """Rows of one delegation must agree on its details."""
        first = self._first_row.setdefault(key, (number, trip))
        if first[0] == number:
            return
        differing = [field_key for field_key, value in trip.items() if value != first[1][field_key]
                     and (field_key == STATUS or None not in (value, first[1][field_key]))]
        if differing:
            headers = ", ".join(self.kind.field(field_key).header for field_key in differing)
            raise RowProblem(f"khác với dòng {first[0]} của cùng đoàn ({headers})"
                             + (STATUS_OF_ALL if STATUS in differing else ""), differing[0])
        for field_key, value in trip.items():
            if first[1][field_key] is None:
                first[1][field_key] = value

    def _member(self, who: Identity, restoring: bool) -> int:
        """The cadre `who` is (a new one when unknown). One in the recycle bin, found as a cadre out of it
        would be, comes back when `restoring` (an import's row); a form is refused on them: only a row of
        a file brings a record back."""
        found = self.cadres.find(who) or self.cadres.find(who, binned=True)
        if len(found) > 1:
            raise RowProblem(f"«{who.description}» khớp với {len(found)} cán bộ; "
                             "hãy ghi thêm Ngày sinh, Quê quán hoặc Số CCCD để phân biệt", "full_name")
        if found and self.cadres.is_deleted(found[0]):
            return self._bring_back(found[0], who, restoring)
        if found:
            return found[0]
        if not who.birth_date and who.cccd:
            raise RowProblem(f"không tìm thấy cán bộ «{who.full_name}» mang số CCCD {who.cccd}; ghi Ngày sinh "
                             "để tìm theo họ tên và ngày sinh, hoặc để thêm cán bộ mới", "birth_date")
        if not who.birth_date:
            raise RowProblem(f"không tìm thấy cán bộ «{who.full_name}»; "
                             "ghi Ngày sinh để thêm cán bộ mới", "full_name")
        pid, new = self.people.resolve(who)
        if new:
            self.alike += self.people.alike(pid, self.kind.members.person.by_column["full_name"], self.row)
        self.new_cadres.append(who.full_name)
        return self.cadres.add(pid, {})

    def _bring_back(self, cid: int, who: Identity, restoring: bool) -> int:
        if not restoring:
            raise RowProblem(f"«{who.full_name}» đã bị {row_versions.binned(self.cadres.current(cid))} (chuyển vào "
                             "Thùng rác); khôi phục ở Thùng rác rồi lưu lại, hoặc bỏ người này khỏi danh sách đoàn",
                             "full_name")
        self.cadres.restore(cid)
        self.restored_cadres.append(who.full_name)
        return cid

    def finish(self) -> dict[str, Any]:
        extras = {"Đoàn mới": self.new_delegations}
        if self.new_cadres:
            extras["Cán bộ mới (thêm từ danh sách đoàn)"] = self.new_cadres
        if self.restored_cadres:
            extras["Cán bộ khôi phục từ thùng rác (theo danh sách đoàn)"] = self.restored_cadres
        return extras

