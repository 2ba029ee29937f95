"""Verification request slips: the key is the slip number (as written) within its year.

Once every row is taken, each slip new or changed in what decides it is attached to the
vetting case it serves (core/personfile/cases.py), from a file as from a form.
"""

import datetime as dt
from operator import itemgetter
from typing import Any

from sqlalchemy import or_, select

from ..dates import display_date
from ..errors import RowProblem
from ..heard import in_pieces
from ..kinds import SELF, SLIPS
from ..people import Identity
from ..schema import slips as slips_table
from ..stored_rows import StoredRows
from ..text import identity_key
from .base import Columns, Outcome, Plan, Target, outcome, result_without_day
from .cases import CHUNK, CasePlanner, is_own, vetted_person
from .flags import DECEASED, stored_flags

NO_REPLY_DATE = "Có kết quả, thiếu ngày nhận"  # the slip register's status listing them
NO_REPLY_DATE_WARNING = ("có «Kết quả» nhưng chưa có ngày nhận kết quả: phiếu chưa được tính là đã trả lời; "
                         f"hãy ghi ngày nhận (sổ Phiếu xác minh, trạng thái «{NO_REPLY_DATE}»)")
CASE_KEYS = {"person_id", "relation", "vetted_name", "vetted_cadre_id", "purpose", "issued_on"}  # decide the case
VETTED_KEYS = frozenset({"vetted_name", "relation"})  # what decides the cadre a slip's vetting is for
TO_ATTACH = ("id", "number", "vetting_case_id", *CASE_KEYS)  # what planning a stored slip's case reads


class SlipPlan(Plan):
    kind = SLIPS

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self.cases = CasePlanner(connection, now)
        self._stored = StoredRows(connection, self.kind.table, ("year", "number_key"))
        self._to_attach: list[dict[str, Any]] = []  # slips whose vetting case is (re)decided
        self._binned: dict[int, dt.datetime] = {}  # the case of each slip coming back from the bin: when it went
        self._returning: list[dict[str, Any]] = []  # those slips, for a case left in the bin

    def prefetch(self, rows: Columns) -> None:
        """Expects the stored slips whose keys occur in the file (not the whole register) to be read,
        a chunk at a time as the rows come to them."""
        super().prefetch(rows)
        if self.records.stored_max:  # else there is none to look up
            self._stored.expect(_slip_key(issued_on, number) for issued_on, number
                                in zip(rows.column("issued_on"), rows.column("number"), strict=True)
                                if issued_on and number)
        self.people.prefetch(Identity(name) for name in rows.column("vetted_name") if name)

    def all_changes(self):
        return [self.people.changes, self.cadres.changes, *(names.changes for names in self.lists.values()),
                self.cases.changes, self.records]

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        key = _key(values)
        self.claim(key, number, f"số phiếu «{values['number']}» năm {key[0]}", "number", target)
        pid, changed = self.person(values, target)
        current = self.check_new(target, self._stored[key] if self.records.stored_max else None, lambda: RowProblem(
            f"số phiếu «{values['number']}» năm {key[0]} đã dùng cho phiếu khác", "number"))
        if target is None and current is not None and current["person_id"] != pid:
            raise RowProblem(f"số phiếu «{values['number']}» năm {key[0]} đã dùng cho người khác", "number")
        wanted = {**self.own_values(values), **stored_flags(values, DECEASED)}
        linked = current["vetted_cadre_id"] if current else None
        told = VETTED_KEYS.intersection(values)  # else the values say nothing of it: the link stays
        wanted.update(number_key=key[1], year=key[0], person_id=pid,
                      vetted_cadre_id=self._vetted_cadre(pid, values, linked) if told else linked)
        binned_at = current["deleted_at"] if current else None  # the upsert brings the slip back
        record_id, slip_changed, created = self.upsert(self.records, current["id"] if current else None, current,
                                                        wanted, clears=target is not None)
        if created:
            self._to_attach.append(self.records.new[record_id])
        else:
            slip = {column: current[column] for column in TO_ATTACH}
            if binned_at is not None and current["vetting_case_id"] is not None:
                self._binned[current["vetting_case_id"]] = binned_at
                self._returning.append(slip)
            if current["vetting_case_id"] is None or set(slip_changed) & CASE_KEYS:
                self._to_attach.append(slip)
            self._stored.release(key)  # its changes are planned: no other row of the file has its key
        return outcome(record_id, created, changed + self.changed_fields(slip_changed))

    def warnings(self, values: dict[str, Any]) -> list[RowProblem]:
        """Those of every kind, and a result without its reply date: not answered for the report, nor
        chased as overdue."""
        return [*super().warnings(values), *result_without_day(values, "result_on", NO_REPLY_DATE_WARNING)]

    def _vetted_cadre(self, pid: int, values: dict[str, Any], linked: int | None) -> int | None:
        """The cadre the vetting is for: the subject when Bản thân, else the one cadre of that name. The
        cadre a stored slip is `linked` to stays while in the recycle bin, so restoring them finds the slip."""
        name = values.get("vetted_name")
        if not name:
            cid = self.cadres.of_person(pid) if values.get("relation") == SELF else None
            return cid if cid is not None and (not self.cadres.is_deleted(cid) or cid == linked) else None
        if linked is not None and linked in self.cadres.named(name, binned=True):
            return linked
        found = self.cadres.named(name)
        return found[0] if len(found) == 1 else None

    def finish(self) -> dict[str, Any]:
        self._seen.clear()  # every row is taken: the slips' keys are let go before the cases are planned
        self._stored.clear()
        self.cases.bring_back(self._binned)
        self._to_attach += [slip for slip in self._returning if slip["vetting_case_id"] in self.cases.kept_in_bin]
        unattached = self._attach_to_cases()
        extras = super().finish()
        if self.cases.opened:
            extras["Hồ sơ thẩm tra mới mở"] = self.cases.opened
        if self.cases.brought_back:
            extras["Hồ sơ thẩm tra khôi phục từ thùng rác"] = len(self.cases.brought_back)
        if self.cases.emptied:
            extras["Hồ sơ thẩm tra chuyển vào thùng rác (không còn phiếu)"] = len(self.cases.emptied)
        if self.cases.kept_as_history:
            extras[f"Phiếu cũ (phát hành đến ngày {display_date(self.cases.old_until)}) không mở hồ sơ thẩm tra"] = (
                self.cases.kept_as_history)
        if unattached:
            extras["Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra)"] = unattached
        return extras

    def _attach_to_cases(self) -> list[str]:
        """Plans each slip's vetting case once every row is taken, in the order of the slips'
        dates rather than the file's, then the dates of the cases the stored ones served; returns
        the numbers of slips whose vetted person is unknown."""
        unattached = []
        slips = sorted({id(slip): slip for slip in self._to_attach}.values(), key=itemgetter("issued_on", "id"))
        self.heard()  # 100,000 slips sorted, and the rows let go before: 0.3 s
        left = {slip["vetting_case_id"] for slip in slips if slip["vetting_case_id"] is not None}
        concerned = self._persons_concerned(slips)
        self.cases.prefetch(concerned, self.people.changes.stored_max + 1)
        # whom the office vets: a slip of their own or a case, one opened below too (told once a person, not once
        # a namesake of each slip naming them: a common name has many)
        vetted = self._own_slip_subjects(slips, concerned) | {pid for pid in concerned if self.cases.vets(pid)}
        for piece in in_pieces(slips, self.heard):
            for slip in piece:
                person = vetted_person(slip, self.cadres.person_of, lambda name: [
                    pid for pid in self.people.named(name) if pid in vetted])
                if person is None:
                    unattached.append(slip["number"])
                    continue
                case = self.cases.case_for(person, slip["purpose"], slip["issued_on"])
                if case is not None:  # an old slip kept as history leaves them as they were
                    vetted.add(person)
                self.records.change(slip["id"], slip, {"vetting_case_id": case}, clears=True)
        if left:
            self.cases.follow_slips(left, slips)
        return unattached

    def _persons_concerned(self, slips: list[dict[str, Any]]) -> set[int]:
        """Whom the slips' vetting may be for: their subjects vetted themselves, the cadres linked and every
        person of the names given (each name looked up once: a register repeats them)."""
        concerned, names = set(), set()
        for slip in slips:
            if slip["vetted_cadre_id"] is not None:
                concerned.add(self.cadres.person_of(slip["vetted_cadre_id"]))
            elif slip["vetted_name"]:
                names.add(slip["vetted_name"])
            else:
                concerned.add(slip["person_id"])
        for name in names:
            concerned.update(self.people.named(name))
        return concerned

    def _own_slip_subjects(self, slips: list[dict[str, Any]], concerned: set[int]) -> set[int]:
        """Those `concerned` whom a slip of their own (Bản thân) is about, the office vetting them: a
        person only named by a relative's slip may be a namesake (a name does not make the same person)."""
        planned = {slip["id"] for slip in slips}
        own = {slip["person_id"] for slip in slips if is_own(slip)}
        stored = sorted(pid for pid in concerned - own if pid <= self.people.changes.stored_max)
        table = slips_table.c
        for start in range(0, len(stored), CHUNK):
            own.update(row.person_id for row in self.connection.execute(select(table.id, table.person_id).where(
                table.person_id.in_(stored[start:start + CHUNK]), table.vetted_name.is_(None),
                or_(table.relation.is_(None), table.relation == SELF), table.deleted_at.is_(None)))
                if row.id not in planned)
        return own


def _key(values: dict[str, Any]) -> tuple[int, str]:
    return _slip_key(values["issued_on"], values["number"])


def _slip_key(issued_on: dt.date, number: str) -> tuple[int, str]:
    return issued_on.year, identity_key(number)
