"""Relatives of cadres (thân nhân, as on form 2C): the key is the cadre + relation + the relative.

The cadre is found by name + birth date (no match or several is an error); the relative is a
person of their own, found or added by the person rule.
"""

from typing import Any

from sqlalchemy import and_, case, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ..changes import TableChanges
from ..errors import RowProblem
from ..kinds import RELATIVES, SELF
from ..people import Identity
from ..personfile.relatives import abroad_flag
from ..schema import cadres, persons, relatives
from .base import Outcome, Plan, outcome

RELATIVE_KEYS = ("relation", "occupation", "abroad", "country", "abroad_since", "abroad_work")


class RelativePlan(Plan):
    kind = RELATIVES

    def __init__(self, connection: Connection, now):
        super().__init__(connection, now)
        self.relatives = TableChanges(connection, relatives, now)
        self._existing = {(row["person_id"], row["relation"], row["relative_id"]): dict(row)
                          for row in connection.execute(select(relatives)).mappings()}

    def all_changes(self):
        return [self.people.changes, self.relatives]

    def take(self, number: int, values: dict[str, Any]) -> Outcome:
        if values["relation"] == SELF:
            raise RowProblem("thân nhân không thể có quan hệ «Bản thân»", "relation")
        owner = self.cadres.person_of(self._cadre(values))
        relative, _ = self.people.resolve(self.identity(values))
        if relative == owner:
            raise RowProblem("thân nhân trùng với chính cán bộ", "full_name")
        key = (owner, values["relation"], relative)
        self.claim(key, number, "thân nhân (cùng cán bộ, quan hệ và người)", "full_name")
        changed = self.person_changes(relative, values, ("residence",))
        wanted = {k: values.get(k) for k in RELATIVE_KEYS}
        wanted.update(person_id=owner, relative_id=relative, abroad=abroad_flag(values))
        current = self._existing.get(key)
        record_id, record_changed, created = self.upsert(
            self.relatives, current["id"] if current else None, current, wanted)
        if created:
            self._existing[key] = self.relatives.new[record_id]
        return outcome(created, changed + record_changed)

    def _cadre(self, values: dict[str, Any]) -> int:
        identity = Identity(values["cadre_name"], values["cadre_birth_date"])
        found = self.cadres.find(identity)
        if not found:
            raise RowProblem(f"không tìm thấy cán bộ «{identity.description}»; "
                             "hãy nhập danh sách cán bộ trước", "cadre_name")
        if len(found) > 1:
            raise RowProblem(f"«{identity.description}» khớp với {len(found)} cán bộ", "cadre_name")
        return found[0]


def export_rows(connection: Connection, start=None, end=None):
    owner, relative = aliased(persons), aliased(persons)
    query = (select(owner.c.full_name.label("cadre_name"), owner.c.birth_date.label("cadre_birth_date"),
                    relatives.c.relation, relative.c.full_name, relative.c.birth_date,
                    relative.c.home_town, relative.c.residence, relatives.c.occupation,
                    case((relatives.c.abroad.is_(True), "Có"), (relatives.c.abroad.is_(False), "Không"))
                    .label("abroad"),
                    relatives.c.country, relatives.c.abroad_since, relatives.c.abroad_work)
             .select_from(relatives.join(owner, relatives.c.person_id == owner.c.id)
                          .join(relative, relatives.c.relative_id == relative.c.id)
                          .join(cadres, and_(cadres.c.person_id == owner.c.id, cadres.c.deleted_at.is_(None))))
             .where(relatives.c.deleted_at.is_(None))
             .order_by(cadres.c.id, relatives.c.id))
    return connection.execute(query).mappings()
