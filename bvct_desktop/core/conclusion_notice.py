"""What the notice of a vetting case's conclusion (thông báo kết luận về tiêu chuẩn chính trị, brief
§1.3 «Form of a conclusion») states, read from the concluded case: who was vetted and for what, the
conclusion (number, date, signer, result, the QĐ 58 ceiling) under the regulation in force on its
day and the competent cấp ủy's decision to vet, and the evidence — the case's slips with their replies,
its archive requests with theirs, its verification minutes (by day and place).

Its values are plain (dates as ISO text), as the outgoing register keeps them: an issued notice is
written again from them exactly as issued, whatever the case says later.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import outgoing, regulations
from .database import Database
from .dates import display_date
from .errors import InputError
from .kinds import ADMISSION
from .personfile import cases
from .schema import cadres, persons, units

SLIP_KEYS = ("number", "issued_on", "full_name", "relation", "recipient", "result_on", "result")
REQUEST_KEYS = ("province", "doc_no", "doc_on", "full_name", "answered_on", "result")
CONCLUSION_KEYS = ("conclusion_no", "concluded_on", "signer", "result", "limit_note")
DECISION_KEYS = ("decision_no", "decision_on", "decision_by")
MINUTES_KEYS = ("held_on", "place")  # a notice names each minutes; the officer's summary stays in the case


def of_case(db: Database, case_id: int) -> dict[str, Any]:
    """The notice's values from the case `case_id`, which must be concluded."""
    found = cases.case_file(db, case_id)
    case = found.case
    if case["status"] != cases.CONCLUDED:
        raise InputError(f"Hồ sơ thẩm tra của «{found.full_name}» ({case['purpose'] or 'chưa ghi mục đích'}) chưa "
                         "có kết luận: hãy «Ghi kết luận» cho hồ sơ trước, rồi mới lập thông báo kết luận.")
    with db.read() as connection:
        person = connection.execute(
            select(persons.c.home_town, cadres.c.position, units.c.name.label("unit"))
            .select_from(persons.outerjoin(cadres).outerjoin(units, cadres.c.unit_id == units.c.id))
            .where(persons.c.id == case["person_id"])).one()
    regulation = regulations.in_force(case["concluded_on"], case["concluded_on"])[-1]
    return {"case_id": case_id, "full_name": found.full_name, "birth_date": found.birth_date,
            "home_town": person.home_town, "position": person.position, "unit": person.unit,
            "purpose": case["purpose"], "conclusion_no": case["conclusion_no"],
            "concluded_on": case["concluded_on"].isoformat(), "signer": case["signer"], "result": case["result"],
            "limit_note": case["limit_note"], "regulation": regulation.citation,
            "regulation_no": regulation.number,
            "slips": [_plain(slip, SLIP_KEYS) for slip in found.slips],
            "archive_requests": [_plain(request, REQUEST_KEYS) for request in found.archive_requests],
            **_plain(case, DECISION_KEYS), "minutes": [_plain(held, MINUTES_KEYS) for held in found.minutes]}


def _plain(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: record[key].isoformat() if isinstance(record[key], dt.date) else record[key] for key in keys}


def addressed(data: dict[str, Any]) -> str:
    """«đồng chí Nguyễn Văn An»; «quần chúng …» when the case is for admission to the Party."""
    return f"{'quần chúng' if data['purpose'] == ADMISSION else 'đồng chí'} {data['full_name']}"


def subject_lines(data: dict[str, Any]) -> tuple[str, str]:
    """The notice's trích yếu as it stands under its name: what it tells, then of whom."""
    return "kết luận về tiêu chuẩn chính trị", f"của {addressed(data)}"


def subject(data: dict[str, Any]) -> str:
    """The trích yếu in the outgoing register."""
    return " ".join(subject_lines(data))


def named(data: dict[str, Any]) -> dict[str, Any]:
    """What an audit entry says of a notice: the case, whose it is and the conclusion's number."""
    return {"ho_so_tham_tra": data["case_id"], "ho_ten": data["full_name"], "ket_luan_so": data["conclusion_no"]}


@dataclass(frozen=True)
class IssuedNotice:
    """A notice issued for a case: its line in the outgoing register and the conclusion it states
    (CONCLUSION_KEYS, as issued)."""

    entry: outgoing.Issued
    stated: dict[str, Any]

    @property
    def conclusion(self) -> str:
        """«số 1472-CV/BTCTU ngày 10/03/2026: Đủ tiêu chuẩn», the conclusion as the notice states it."""
        on = display_date(dt.date.fromisoformat(self.stated["concluded_on"]))
        return f"số {self.stated['conclusion_no']} ngày {on}: {self.stated['result']}"

    def outdated(self, case: dict[str, Any]) -> bool:
        """Whether the case's conclusion now (corrected, or withdrawn) is not the one the notice states."""
        return _plain(case, CONCLUSION_KEYS) != self.stated


def issued_for(db: Database, case_id: int) -> list[IssuedNotice]:
    """The notices issued for the case `case_id` (numbers marked «hỏng» aside), the first first."""
    return [IssuedNotice(entry, stated)
            for entry, stated in outgoing.stated(db, outgoing.CONCLUSION, "data", CONCLUSION_KEYS, case_id=case_id)]


def issued_since(case_id: int, seen: Sequence[IssuedNotice]) -> outgoing.Withheld:
    """Why, read in the write that would number it, one more notice for the case `case_id` is not issued: one
    issued since the officer was told of those `seen` (by another officer, meanwhile)."""
    told = {notice.entry.id for notice in seen}

    def since(connection: Connection) -> str | None:
        found = [entry for entry, _ in outgoing.stated_in(connection, outgoing.CONCLUSION, "data", ("case_id",),
                                                          case_id=case_id) if entry.id not in told]
        if not found:
            return None
        numbers = "; ".join(f"số {entry.number_text} ngày {entry.issued_on:%d/%m/%Y}" for entry in found)
        return f"Hồ sơ này vừa được phát hành thông báo kết luận {numbers}; chưa phát hành thêm."

    return since


def issued_before(notices: list[IssuedNotice], case: dict[str, Any]) -> str:
    """What the officer about to issue one more notice for `case` is told of `notices`, those already issued."""
    told = "; ".join(f"số {notice.entry.number_text} ngày {notice.entry.issued_on:%d/%m/%Y}"
                     + (f" (nêu kết luận {notice.conclusion}, khác kết luận hiện nay)" if notice.outdated(case) else "")
                     for notice in notices)
    return f"Hồ sơ này đã có thông báo kết luận {told}; phát hành thêm?"
