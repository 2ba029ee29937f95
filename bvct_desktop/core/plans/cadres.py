"""Cadres: the key is the person; party and post details live on the cadre record."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..kinds import CADRES
from ..schema import cadres, persons, units
from .base import NameList, Outcome, Plan, outcome

PERSON_KEYS = ("gender", "cccd", "cmnd", "residence", "ethnicity", "religion")
CADRE_KEYS = ("position", "management", "party_joined_on", "party_official_on", "party_card_no", "note")


class CadrePlan(Plan):
    kind = CADRES

    def __init__(self, connection: Connection, now):
        super().__init__(connection, now)
        self.units = NameList(connection, units, now, stamped=False)

    def all_changes(self):
        return [self.people.changes, self.units.changes, self.cadres.changes]

    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        pid, _ = self.people.resolve(self.identity(values))
        self.claim(("cadre", pid), number, "cán bộ (cùng họ tên, ngày sinh, quê quán hoặc CCCD)", "full_name")
        changed = self.person_changes(pid, values, PERSON_KEYS)
        wanted = {key: values.get(key) for key in CADRE_KEYS}
        wanted["unit_id"] = self.units.id_for(values.get("unit"))
        cid = self.cadres.by_person.get(pid)
        if cid is None:
            self.cadres.add(pid, wanted)
            return outcome(True, [])
        _, cadre_changed, _ = self.upsert(self.cadres.changes, cid, self.cadres.current(cid), wanted)
        self.cadres.deleted.discard(cid)
        return outcome(False, changed + ["unit" if key == "unit_id" else key for key in cadre_changed])

    def extras(self) -> dict[str, Any]:
        return {"Đơn vị công tác mới": self.units.added} if self.units.added else {}


def export_rows(connection: Connection, start=None, end=None):
    query = (select(persons.c.full_name, persons.c.birth_date, persons.c.gender, persons.c.cccd,
                    persons.c.cmnd, persons.c.home_town, persons.c.residence, persons.c.ethnicity,
                    persons.c.religion, cadres.c.position, units.c.name.label("unit"),
                    cadres.c.management, cadres.c.party_joined_on, cadres.c.party_official_on,
                    cadres.c.party_card_no, cadres.c.note)
             .select_from(cadres.join(persons).outerjoin(units))
             .where(cadres.c.deleted_at.is_(None))
             .order_by(cadres.c.id))
    return connection.execute(query).mappings()
