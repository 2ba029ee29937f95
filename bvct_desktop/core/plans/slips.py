"""Verification request slips: the key is the slip number (as written) within its year."""

from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.engine import Connection

from ..changes import TableChanges
from ..errors import RowProblem
from ..kinds import SELF, SLIPS
from ..personfile.cases import CasePlanner, vetted_person
from ..schema import persons, recipients, slips
from ..text import identity_key
from .base import NameList, Outcome, Plan, outcome, within

PERSON_KEYS = ("other_names", "gender", "residence")
SLIP_KEYS = ("number", "issued_on", "relation", "vetted_name", "purpose", "father_name",
             "mother_name", "spouse_name", "result_on", "result", "note")
CASE_KEYS = {"relation", "vetted_name", "vetted_cadre_id", "purpose", "issued_on"}


class SlipPlan(Plan):
    kind = SLIPS

    def __init__(self, connection: Connection, now):
        super().__init__(connection, now)
        self.connection = connection
        self.recipients = NameList(connection, recipients, now, stamped=True)
        self.slips = TableChanges(connection, slips, now)
        self._existing: dict[tuple[int, str], dict] = {}
        self.cases = CasePlanner(connection, now)
        self._to_attach: list[tuple[int, str]] = []  # slips whose vetting case is (re)decided

    def prefetch(self, rows: list[dict[str, Any]]) -> None:
        """Loads the stored slips whose keys occur in the file (not the whole register)."""
        keys = {(row["issued_on"].year, identity_key(row["number"])) for row in rows
                if row.get("issued_on") and row.get("number")}
        keys = list(keys)
        for start in range(0, len(keys), 400):
            chunk = keys[start:start + 400]
            query = select(slips).where(tuple_(slips.c.year, slips.c.number_key).in_(chunk))
            for row in self.connection.execute(query).mappings():
                self._existing[(row["year"], row["number_key"])] = dict(row)

    def all_changes(self):
        return [self.people.changes, self.cadres.changes, self.recipients.changes, self.cases.changes,
                self.slips]

    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        key = (values["issued_on"].year, identity_key(values["number"]))
        self.claim(key, number, f"số phiếu «{values['number']}» năm {key[0]}", "number")
        pid, _ = self.people.resolve(self.identity(values))
        current = self._existing.get(key)
        if current is not None and current["person_id"] != pid:
            raise RowProblem(f"số phiếu «{values['number']}» năm {key[0]} đã dùng cho người khác", "number")
        changed = self.person_changes(pid, values, PERSON_KEYS)
        wanted = {k: values.get(k) for k in SLIP_KEYS}
        wanted.update(number_key=key[1], year=key[0], person_id=pid,
                      recipient_id=self.recipients.id_for(values["recipient"]),
                      vetted_cadre_id=self._vetted_cadre(pid, values))
        record_id = current["id"] if current else None
        record_id, slip_changed, created = self.upsert(self.slips, record_id, current, wanted)
        if created:
            self._existing[key] = self.slips.new[record_id]
        if created or self._existing[key]["vetting_case_id"] is None or set(slip_changed) & CASE_KEYS:
            self._to_attach.append(key)
        labels = {"recipient_id": "recipient", "vetted_cadre_id": None, "number_key": None}
        changed += [labels.get(k, k) for k in slip_changed if labels.get(k, k)]
        return outcome(created, changed)

    def _vetted_cadre(self, pid: int, values: dict[str, Any]) -> int | None:
        """The cadre the vetting is for: the subject when Bản thân, else the one cadre of that name."""
        name = values.get("vetted_name")
        if not name:
            return self.cadres.by_person.get(pid) if values.get("relation") == SELF else None
        found = self.cadres.named(name)
        return found[0] if len(found) == 1 else None

    def extras(self) -> dict[str, Any]:
        unattached = self._attach_to_cases()
        extras: dict[str, Any] = {"Nơi nhận phiếu mới": self.recipients.added} if self.recipients.added else {}
        if self.cases.opened:
            extras["Hồ sơ thẩm tra mới mở"] = self.cases.opened
        if unattached:
            extras["Phiếu chưa gắn hồ sơ thẩm tra (không rõ người được thẩm tra)"] = unattached
        return extras

    def _attach_to_cases(self) -> list[str]:
        """Plans each slip's vetting case once every row is taken, in the order of the slips'
        dates rather than the file's; returns the numbers of slips whose vetted person is unknown."""
        named = self._persons_named()
        unattached = []
        for slip in sorted((self._existing[key] for key in self._to_attach),
                           key=lambda slip: (slip["issued_on"], slip["id"])):
            person = vetted_person(slip, self.cadres.person_of, named)
            if person is None:
                unattached.append(slip["number"])
                continue
            case = self.cases.case_for(person, slip["purpose"], slip["issued_on"])
            self.slips.change(slip["id"], slip, {"vetting_case_id": case})
        return unattached

    def _persons_named(self):
        """Persons by exact name, stored and planned, read on first use."""
        index: dict[str, list[int]] = {}

        def named(name: str) -> list[int]:
            if not index:
                rows = self.connection.execute(select(persons.c.id, persons.c.name_key)).all()
                rows += [(pid, row["name_key"]) for pid, row in self.people.changes.new.items()]
                for pid, key in rows:
                    index.setdefault(key, []).append(pid)
            return index.get(identity_key(name), [])
        return named


def slip_query():
    """Every slip out of the recycle bin with its person and recipient, in the import layout (and its id)."""
    return (select(slips.c.id, slips.c.number, slips.c.issued_on, persons.c.full_name, persons.c.other_names,
                   persons.c.birth_date, persons.c.gender, persons.c.home_town, persons.c.residence,
                   slips.c.father_name, slips.c.mother_name, slips.c.spouse_name, slips.c.relation,
                   slips.c.vetted_name, slips.c.purpose, recipients.c.name.label("recipient"),
                   slips.c.result_on, slips.c.result, slips.c.note)
            .select_from(slips.join(persons).join(recipients))
            .where(slips.c.deleted_at.is_(None)))


def export_rows(connection: Connection, start=None, end=None):
    query = within(slip_query(), slips.c.issued_on, start, end)
    return connection.execute(query.order_by(slips.c.issued_on, slips.c.id)).mappings()
