"""Which vetting case a slip serves, planned as slips are saved (from a file or a form).

The slip rule: a slip serves the case of its vetted person (the slip's subject when `Quan hệ`
is Bản thân) with the same purpose that was open on the slip's date; with none, the open case
of that person and purpose; with none open, a case is opened on the slip's date. Migration
0003 attached the slips that existed before. An old slip, issued on or before the day of setting
so_cu_den_ngay in force today (an office importing its past years, concluded on paper), serves a case
open on its date and no other: it opens none and moves none back.

The date rule: an open case is opened no later than its earliest slip. A case dated by its slips
(its date is that of its earliest live slip: the program opened it on that slip's date, and no
officer typed another since; nothing else records who set a date) follows that slip: a slip dated
later, put in the recycle bin or taken out of it moves the case's date to its earliest live slip's.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .. import settings, sql, workdays
from ..changes import TableChanges
from ..kinds import SELF
from ..schema import archive_requests, slips, vetting_cases

OPEN, CONCLUDED = "Đang xác minh", "Đã kết luận"
CHUNK = 400  # persons (cases) per query
_LIVE_CASES = (select(vetting_cases).where(vetting_cases.c.deleted_at.is_(None))
               .order_by(vetting_cases.c.opened_on, vetting_cases.c.id))  # a person's, oldest first


def is_own(slip: dict[str, Any]) -> bool:
    """Whether the slip is about the person vetted (Bản thân), not a relative."""
    return not slip["vetted_name"] and slip["relation"] in (None, SELF)


def vetted_person(slip: dict[str, Any], person_of_cadre: Callable[[int], int],
                  named: Callable[[str], list[int]]) -> int | None:
    """Whom a slip's vetting is for: its subject (Bản thân), the linked cadre, or the one person
    `named` finds of that name; None when nobody can be told."""
    if is_own(slip):
        return slip["person_id"]
    if slip["vetted_cadre_id"] is not None:
        return person_of_cadre(slip["vetted_cadre_id"])
    found = named(slip["vetted_name"]) if slip["vetted_name"] else []
    return found[0] if len(found) == 1 else None


DEADLINE_SETTING = "han_tham_tra_ngay"


def deadline(rule: dict[str, int], purpose: str | None, opened_on: dt.date) -> dt.date | None:
    """The day a case of `purpose` opened on `opened_on` is due by the office's rule (None: no rule),
    the next working day when the rule's day is a day off."""
    days = rule.get(purpose or "Khác", 0)
    return workdays.working_day_on_or_after(opened_on + dt.timedelta(days=days)) if days else None


def deadline_rule(connection: Connection, on: dt.date) -> dict[str, int]:
    """The rule in force on `on`: days to complete a case, by purpose (setting han_tham_tra_ngay)."""
    return settings.days_by_purpose(settings.read_all(connection, on)[DEADLINE_SETTING])


Deadline = Callable[[str | None, dt.date], dt.date | None]  # purpose, day opened → due by the rule


def new_date(case: dict[str, Any], dated_by_slips: bool, earliest: dt.date | None) -> dt.date | None:
    """The date of a case whose earliest live slip is now dated `earliest` (None: it has none) by the
    date rule, or None when it keeps its own; a concluded case is never moved past its conclusion."""
    if earliest is None or earliest == case["opened_on"]:
        return None
    if earliest < case["opened_on"] and case["status"] == OPEN:
        return earliest
    if dated_by_slips and (case["concluded_on"] is None or earliest <= case["concluded_on"]):
        return earliest
    return None


def moved(case: dict[str, Any], opened_on: dt.date, deadline_of: Deadline) -> dict[str, Any]:
    """The case's values once opened on `opened_on`: a deadline by the rule follows, one typed stays."""
    values = {"opened_on": opened_on}
    if case["due_on"] is not None and case["due_on"] == deadline_of(case["purpose"], case["opened_on"]):
        values["due_on"] = deadline_of(case["purpose"], opened_on)
    return values


def went_with_slip(connection: Connection, case: Mapping[str, Any], binned_at: dt.datetime) -> bool:
    """Whether the case in the bin went there with one of its slips (at the same moment): with the slip
    coming back, which went at `binned_at`, or with one still there."""
    return case["deleted_at"] == binned_at or connection.execute(select(slips.c.id).where(
        slips.c.vetting_case_id == case["id"], slips.c.deleted_at == case["deleted_at"]).limit(1)).first() is not None


def old_slips_until(history: settings.History, today: dt.date) -> dt.date | None:
    """The last day of the old slips (setting so_cu_den_ngay) in force `today`: the program's own behaviour
    takes today's value, not the slip's day's; None when it is empty."""
    day = history.on(today)[settings.OLD_SLIPS]
    return dt.date.fromisoformat(day) if day else None


def open_through(connection: Connection, day: dt.date) -> int:
    """How many live vetting cases are open, opened on or before `day`."""
    table = vetting_cases.c
    return connection.execute(select(func.count()).where(
        table.status == OPEN, table.opened_on <= day, table.deleted_at.is_(None))).scalar_one()


class CasePlanner:
    """Plans, during an import, the case each slip serves (see the module's rule); a case it opens
    is due by the office's rule for its purpose."""

    def __init__(self, connection: Connection, now):
        self.changes = TableChanges(connection, vetting_cases, now)
        self._connection = connection
        self._cases: dict[int, list[dict[str, Any]]] = {}
        self._settings = settings.read_history(connection)
        self._rules: dict[dt.date, dict[str, int]] = {}  # the deadline rule by day a case opens
        self.old_until = old_slips_until(self._settings, now.date())
        self.kept_as_history = 0  # old slips no case was open for
        self.opened = 0
        self.brought_back: set[int] = set()
        self.kept_in_bin: set[int] = set()  # open cases a slip coming back left there: another is open
        self.emptied: set[int] = set()  # open cases their slips left, with nothing else in them: to the bin
        self._now = now

    def prefetch(self, person_ids: Iterable[int], new_from: int) -> None:
        """Reads the cases of many persons in a few queries; persons from id `new_from` on are
        planned in this plan and have none stored."""
        unknown = {pid for pid in person_ids if pid not in self._cases}
        self._cases.update((pid, []) for pid in unknown)
        stored = sorted(pid for pid in unknown if pid < new_from)
        for start in range(0, len(stored), CHUNK):
            for row in self._connection.execute(_LIVE_CASES.where(
                    vetting_cases.c.person_id.in_(stored[start:start + CHUNK]))).mappings():
                self._cases[row["person_id"]].append(dict(row))

    def vets(self, person_id: int) -> bool:
        """Whether the person has a vetting case (live, or opened in this plan)."""
        return bool(self._of(person_id))

    def case_for(self, person_id: int, purpose: str | None, issued_on: dt.date) -> int | None:
        """The case a slip serves by the slip rule; None for an old slip no case was open for."""
        cases = [case for case in self._of(person_id) if case["purpose"] == purpose]
        covering = [case for case in cases if case["opened_on"] <= issued_on
                    and (case["concluded_on"] is None or issued_on <= case["concluded_on"])]
        if covering:
            return covering[-1]["id"]
        if self.old_until is not None and issued_on <= self.old_until:
            self.kept_as_history += 1
            return None
        still_open = [case for case in cases if case["status"] == OPEN]
        if still_open:
            case = still_open[-1]
            if issued_on < case["opened_on"]:
                self.changes.change(case["id"], case, moved(case, issued_on, self._deadline))
            return case["id"]
        case_id = self.changes.insert({"person_id": person_id, "purpose": purpose, "opened_on": issued_on,
                                       "due_on": self._deadline(purpose, issued_on), "status": OPEN})
        self._cases[person_id].append(self.changes.new[case_id])
        self.opened += 1
        return case_id

    def bring_back(self, binned: Mapping[int, dt.datetime]) -> None:
        """Takes out of the recycle bin each case that went there with a slip coming back (`binned`: the
        slip's case, and when the slip went there), as restoring the slip does (core/personfile/cases.py
        `follow_slip`): it serves slips again. An open case whose person has another open case for its
        purpose stays there (`kept_in_bin`), as restoring refuses it: one open case a purpose."""
        ids = sorted(binned)
        for start in range(0, len(ids), CHUNK):
            for row in self._connection.execute(select(vetting_cases).where(
                    vetting_cases.c.id.in_(ids[start:start + CHUNK]), vetting_cases.c.deleted_at.is_not(None))
            ).mappings():
                if not went_with_slip(self._connection, row, binned[row["id"]]):
                    continue
                case, live = dict(row), self._of(row["person_id"])
                if case["status"] == OPEN and any(other["status"] == OPEN and other["purpose"] == case["purpose"]
                                                  for other in live):
                    self.kept_in_bin.add(case["id"])
                    continue
                self.changes.force(case["id"], case, {"deleted_at": None})
                live.append(case)
                live.sort(key=itemgetter("opened_on", "id"))
                self.brought_back.add(case["id"])

    def follow_slips(self, left: set[int], attached: list[dict[str, Any]]) -> None:
        """The date rule for the stored cases `left`, whose slips `attached` (with their planned values)
        are attached again: a case dated by its slips takes the date of its earliest live slip once the
        plan is written. An open case its slips opened and all left for another case (a purpose or a
        person corrected), with nothing else in it, goes to the recycle bin, as deleting them would take it."""
        later: dict[int, list[dt.date]] = {}  # the dates of each case's live slips once the plan is written
        for slip in attached:
            later.setdefault(slip["vetting_case_id"], []).append(slip["issued_on"])
        ids = sorted(left)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            earlier = self._slip_dates(chunk, {slip["id"] for slip in attached}, later)
            served = self._served_by_archive_requests(chunk)
            for stored in self._connection.execute(_LIVE_CASES.where(vetting_cases.c.id.in_(chunk))).mappings():
                case = next(case for case in self._of(stored["person_id"]) if case["id"] == stored["id"])
                dated_by_slips = stored["opened_on"] == min(earlier.get(case["id"], ()), default=None)
                if dated_by_slips and case["id"] not in later and case["id"] not in served and case["status"] == OPEN:
                    self._to_bin(case)
                    continue
                to = new_date(case, dated_by_slips, min(later.get(case["id"], ()), default=None))
                if to is not None:
                    self.changes.change(case["id"], case, moved(case, to, self._deadline))

    def _to_bin(self, case: dict[str, Any]) -> None:
        self.changes.force(case["id"], case, {"deleted_at": self._now})
        self._of(case["person_id"]).remove(case)
        self.emptied.add(case["id"])

    def _served_by_archive_requests(self, case_ids: list[int]) -> set[int]:
        """Those of the cases live archive requests serve, found by the requests' case (not by their
        `deleted_at`, which would pass over every live request: `sql.unindexed`)."""
        return set(self._connection.execute(select(archive_requests.c.vetting_case_id).where(
            archive_requests.c.vetting_case_id.in_(case_ids),
            sql.unindexed(archive_requests.c.deleted_at).is_(None))).scalars())

    def _slip_dates(self, case_ids: list[int], attached: set[int],
                    later: dict[int, list[dt.date]]) -> dict[int, list[dt.date]]:
        """The dates of the stored live slips of the cases, by case; those not `attached` again are
        added to `later`."""
        earlier: dict[int, list[dt.date]] = {}
        for slip in self._connection.execute(select(slips.c.id, slips.c.vetting_case_id, slips.c.issued_on).where(
                slips.c.vetting_case_id.in_(case_ids), sql.unindexed(slips.c.deleted_at).is_(None))):
            earlier.setdefault(slip.vetting_case_id, []).append(slip.issued_on)
            if slip.id not in attached:
                later.setdefault(slip.vetting_case_id, []).append(slip.issued_on)
        return earlier

    def _deadline(self, purpose: str | None, opened_on: dt.date) -> dt.date | None:
        """The deadline by the rule in force on the day the case opens."""
        rule = self._rules.get(opened_on)
        if rule is None:
            rule = self._rules[opened_on] = settings.days_by_purpose(
                self._settings.on(opened_on)[DEADLINE_SETTING])
        return deadline(rule, purpose, opened_on)

    def _of(self, person_id: int) -> list[dict[str, Any]]:
        if person_id not in self._cases:
            self._cases[person_id] = [dict(row) for row in self._connection.execute(
                _LIVE_CASES.where(vetting_cases.c.person_id == person_id)).mappings()]
        return self._cases[person_id]
