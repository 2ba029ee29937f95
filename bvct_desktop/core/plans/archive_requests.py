"""Enemy-archive research requests, done for other provinces or asked of them.

Key: request kind + document number + date + the person; without a number, request kind +
province (however spelt: `province_key`) + date + the person. A number added later is filled in on
the request stored without one.
"""

import datetime as dt
from typing import Any

from .. import gazetteer, settings
from ..errors import RowProblem
from ..kinds import ARCHIVE_REQUESTS
from ..text import identity_key, province_key
from .base import Outcome, Plan, RecordsByKey, Target, outcome


def request_key(values: dict[str, Any], person_id: int) -> tuple:
    if values.get("doc_no"):
        return (values["request_kind"], "so", identity_key(values["doc_no"]), values["doc_on"], person_id)
    return unnumbered_key(values, person_id)


def unnumbered_key(values: dict[str, Any], person_id: int) -> tuple:
    return (values["request_kind"], "tinh", province_key(values["province"]), values["doc_on"], person_id)


class ArchiveRequestPlan(Plan):
    kind = ARCHIVE_REQUESTS

    def __init__(self, connection, now):
        super().__init__(connection, now)
        self.stored = RecordsByKey(connection, self.kind.table, lambda row: request_key(row, row["person_id"]),
                                   "doc_on")

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        pid, changed = self.person(values, target)
        key = request_key(values, pid)
        self.claim(key, number, "yêu cầu (cùng loại, văn bản, ngày và đối tượng)", "full_name", target)
        self.stored.on(values["doc_on"])
        stored = self.matching(self.stored, key, unnumbered_key(values, pid), target)
        current = self.check_new(target, stored, lambda: RowProblem(
            "đã có yêu cầu cùng loại, văn bản, ngày và đối tượng", "full_name"))
        if current is None or province_key(current["province"]) != province_key(values["province"]):
            self._refuse_own_province(values["province"], values["doc_on"])  # one stored with it is kept
        wanted = {**self.own_values(values), "person_id": pid}
        record_id, record_changed, created = self.upsert(self.records, current["id"] if current else None,
                                                          current, wanted, clears=target is not None)
        self.stored.by_key[key] = self.records.new[record_id] if created else current
        return outcome(record_id, created, changed + self.changed_fields(record_changed))

    def _refuse_own_province(self, province: str, doc_on: dt.date) -> None:
        """The other province is never the office's own on the day of the letter (its «Cơ quan cấp trên» then),
        under its old or new name (gazetteer.same_province)."""
        authority = settings.read_history(self.connection).on(doc_on)["co_quan_cap_tren"]
        if gazetteer.same_province(province, authority, doc_on):
            raise RowProblem(f"«{province}» là tỉnh của cơ quan mình ({_in_sentence(authority)}): tàng thư "
                             "nghiên cứu giúp hay nhờ tỉnh bạn là tỉnh khác", "province")


def _in_sentence(authority: str) -> str:
    """«Tỉnh ủy Lâm Đồng» for the setting's «TỈNH ỦY LÂM ĐỒNG»."""
    if not authority.isupper():
        return authority
    first, second, *name = authority.lower().split()
    return " ".join((first.capitalize(), second, *(word.capitalize() for word in name)))
