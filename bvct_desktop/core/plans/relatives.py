"""Relatives (thân nhân, as on form 2C): the key is whose relative + relation + the relative.

From a file, whose relative is a cadre found by name + birth date, and home town when the row gives
it (no match or several is an error); from the person file, the person whose file it is. The
relative is a person of their own, found or added by the person rule, so the slips issued about
them find them again; a form editing a relative names their person, whom its values correct.
"""

from typing import Any

from sqlalchemy import select

from .. import row_versions
from ..errors import RowProblem
from ..kinds import RELATIVES, SELF
from ..people import Identity
from ..schema import cadres, persons, units
from .base import Outcome, Plan, Target, outcome
from .flags import ABROAD, DECEASED, PARTY_MEMBER, stored_flags


class RelativePlan(Plan):
    kind = RELATIVES

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self._existing: dict[tuple, dict] = {}
        self._owners: set[int] = set()  # persons whose stored relatives are loaded

    def _load(self, owner: int) -> None:
        if owner in self._owners:
            return
        self._owners.add(owner)
        table = self.kind.table
        for row in self.connection.execute(select(table).where(table.c.person_id == owner)).mappings():
            self._existing[(row["person_id"], row["relation"], row["relative_id"])] = dict(row)

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        if values["relation"] == SELF:
            raise RowProblem("thân nhân không thể có quan hệ «Bản thân»", "relation")
        owner = target.owner_id if target and target.owner_id else self.cadres.person_of(self._cadre(values))
        relative, changed = self.person(values, target)
        if relative == owner:
            raise RowProblem("thân nhân trùng với chính người có hồ sơ", "full_name")
        key = (owner, values["relation"], relative)
        self.claim(key, number, "thân nhân (cùng cán bộ, quan hệ và người)", "full_name", target)
        self._load(owner)
        current = self.check_new(target, self._existing.get(key), lambda: RowProblem(
            f"thân nhân này ({values['relation']}) đã có trong hồ sơ (có thể ở thùng rác)", "relation"))
        wanted = {**self.own_values(values), **stored_flags(values, ABROAD, DECEASED, PARTY_MEMBER),
                  "person_id": owner, "relative_id": relative}
        record_id, record_changed, created = self.upsert(self.records, current["id"] if current else None,
                                                          current, wanted, clears=target is not None)
        self._existing[key] = self.records.new[record_id] if created else current
        return outcome(record_id, created, changed + self.changed_fields(record_changed))

    def _cadre(self, values: dict[str, Any]) -> int:
        identity = Identity(values["cadre_name"], values["cadre_birth_date"], values.get("cadre_home_town"))
        found = self.cadres.find(identity)
        if not found:
            raise self._not_found(identity)
        if len(found) > 1:
            raise self._namesakes(identity, found)
        return found[0]

    def _namesakes(self, identity: Identity, found: list[int]) -> RowProblem:
        """Several cadres are the row's: the column that tells them apart while the row gives no home town and
        theirs differ, else where their relatives are entered instead."""
        told = self._told(found)
        towns = {self.people.key_of(self.cadres.person_of(cid))[2] for cid in found}
        if identity.home_town is None and len(towns) == len(found):
            way_on = f"thêm cột «{RELATIVES.field('cadre_home_town').header}» để phân biệt"
        else:
            way_on = (f"tệp không phân biệt được {len(found)} người này: bỏ dòng này khỏi tệp và ghi thân nhân ở thẻ "
                      "«Thân nhân» của hồ sơ từng cán bộ")
        return RowProblem(f"«{identity.description}» khớp với {len(found)} cán bộ ({'; '.join(told)}); {way_on}",
                          "cadre_name")

    def _told(self, cadre_ids: list[int]) -> list[str]:
        """Each cadre of `cadre_ids` as the officer tells namesakes apart: «quê Mũi Né, Bí thư Chi bộ, Đảng ủy xã»."""
        query = (select(persons.c.home_town, cadres.c.position, units.c.name)
                 .select_from(cadres.join(persons).outerjoin(units)).where(cadres.c.id.in_(cadre_ids)))
        return sorted(", ".join([f"quê {town or 'chưa ghi'}", *filter(None, (position, unit))])
                      for town, position, unit in self.connection.execute(query))

    def _not_found(self, identity: Identity) -> RowProblem:
        """No cadre out of the recycle bin is the row's: one in it is told with how to bring them back, a
        namesake's birth date written otherwise (the year only) at the birth date, lest the officer import
        the cadre a second time."""
        binned = self.cadres.find(identity, binned=True)
        if binned:
            return RowProblem(f"cán bộ «{identity.description}» đã bị "
                              f"{row_versions.binned(self.cadres.current(binned[0]))} (chuyển vào Thùng rác); hãy khôi "
                              "phục cán bộ ở Thùng rác hoặc nhập lại danh sách cán bộ có người này, rồi nhập lại tệp",
                              "cadre_name")
        missing = f"không tìm thấy cán bộ «{identity.description}»"
        born_so = identity.home_town and self.cadres.find(identity._replace(home_town=None))
        if born_so:
            return RowProblem(f"{missing}; có cán bộ cùng họ tên, ngày sinh ({'; '.join(self._told(born_so))}): ghi "
                              "quê quán cán bộ như trong danh sách cán bộ", "cadre_home_town")
        namesakes_born = self.cadres.birth_dates_named(identity.full_name)
        if not namesakes_born:
            return RowProblem(f"{missing}; hãy nhập danh sách cán bộ trước", "cadre_name")
        return RowProblem(f"{missing}; có cán bộ cùng họ tên sinh {', '.join(namesakes_born)}: "
                          "ghi ngày sinh cán bộ như trong danh sách cán bộ", "cadre_birth_date")

