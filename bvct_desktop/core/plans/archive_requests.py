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
        self.own_province: RowProblem | None = None  # the row taken last names the office's own province

    def take_row(self, number: int, values: dict[str, Any], target: Target | None) -> Outcome:
        pid, changed = self.person(values, target)
        key = request_key(values, pid)
        self.claim(key, number, "yêu cầu (cùng loại, văn bản, ngày và đối tượng)", "full_name", target)
        self.stored.on(values["doc_on"])
        stored = self.matching(self.stored, key, unnumbered_key(values, pid), target)
        current = self.check_new(target, stored, lambda: RowProblem(
            "đã có yêu cầu cùng loại, văn bản, ngày và đối tượng", "full_name"))
        self.own_province = None  # one stored with it is kept
        if current is None or province_key(current["province"]) != province_key(values["province"]):
            self.own_province = self._own_province(values["province"], values["doc_on"])
        if self.own_province is not None and target is not None:
            raise self.own_province  # a form refuses it; a file (kept before the rule, an export) is told it
        wanted = {**self.own_values(values), "person_id": pid}
        record_id, record_changed, created = self.upsert(self.records, current["id"] if current else None,
                                                          current, wanted, clears=target is not None)
        self.stored.by_key[key] = self.records.new[record_id] if created else current
        return outcome(record_id, created, changed + self.changed_fields(record_changed))

    def doubts_with_others(self, values: dict[str, Any]) -> list[RowProblem]:
        return [self.own_province] if self.own_province is not None else []

    def _own_province(self, province: str, doc_on: dt.date) -> RowProblem | None:
        """The other province is never the office's own on the day of the letter (its «Cơ quan cấp trên» then),
        under its old or new name (gazetteer.same_province): what is told when it is."""
        authority = settings.read_history(self.connection).on(doc_on)["co_quan_cap_tren"]
        if not gazetteer.same_province(province, authority, doc_on):
            return None
        return RowProblem(f"«{province}» là tỉnh của cơ quan mình ({_in_sentence(authority)}): tàng thư nghiên cứu "
                          "giúp hay nhờ tỉnh bạn là tỉnh khác", "province")


def _in_sentence(authority: str) -> str:
    """«Tỉnh ủy Lâm Đồng» for the setting's «TỈNH ỦY LÂM ĐỒNG», «Huế» for «HUẾ»."""
    if not authority.isupper():
        return authority
    words = [word.capitalize() for word in authority.lower().split()]
    if len(words) > 2 and words[1] == "Ủy":  # «Tỉnh ủy», «Thành ủy»
        words[1] = "ủy"
    return " ".join(words)
