"""A vetting case's slips and their replies in brief, the register's column (core/browse): «2/3 đã trả lời ·
1 có tài liệu» — which nominees need more verification seen at a glance, the reply finding an archive record
read as the conclusion's doubts read it (core/archive_replies) — and each slip's reply in its tooltip.

A reply counts from its day on (what is dated later has not come yet, the rule of every deadline); a result
written without its day (old sheets lost that column) is no reply counted, yet what it says is told."""

import datetime as dt
import functools
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from .. import sql
from ..archive_replies import found_archive_record
from ..schema import persons, recipients, slips, vetting_cases
from .cases import reply_told, slip_named

NO_SLIP = "Chưa có phiếu"
FINDS = "có tài liệu"


@functools.lru_cache(maxsize=65_536)  # the same few replies recur down 100,000 slips
def _finds(result: str) -> bool:
    return found_archive_record(result)


def told(connection: Connection, case_ids: list[int] | None, today: dt.date, *, tips: bool = True
         ) -> dict[int, tuple[str, str]]:
    """The cases' replies in brief and each slip's reply a line (its tooltip; "" unless `tips`), by case: those
    of `case_ids`, of every case when None, read in one statement."""
    live_slips = and_(slips.c.vetting_case_id == vetting_cases.c.id, sql.unindexed(slips.c.deleted_at).is_(None))
    query = (select(vetting_cases.c.id.label("case_id"), slips.c.id, slips.c.number, slips.c.relation,
                    persons.c.full_name, slips.c.result_on, slips.c.result, recipients.c.name.label("recipient"))
             .select_from(vetting_cases.outerjoin(slips, live_slips)  # a case's slips found by their case's index
                          .outerjoin(persons, persons.c.id == slips.c.person_id)
                          .outerjoin(recipients, recipients.c.id == slips.c.recipient_id))
             .order_by(vetting_cases.c.id, slips.c.issued_on, slips.c.id))
    if case_ids is not None:
        query = query.where(vetting_cases.c.id.in_(case_ids))
    by_case: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(query).mappings():
        by_case.setdefault(row["case_id"], []).extend([dict(row)] if row["id"] is not None else [])
    return {case_id: _cells(found, today, tips) for case_id, found in by_case.items()}


def _cells(found: list[dict[str, Any]], today: dt.date, tips: bool) -> tuple[str, str]:
    if not found:
        return NO_SLIP, ""
    answered = [slip for slip in found if slip["result_on"] is not None and slip["result_on"] <= today]
    finding = [slip for slip in found if _says(slip, today) and _finds(slip["result"])]
    cell = f"{len(answered)}/{len(found)} đã trả lời" + (f" · {len(finding)} {FINDS}" if finding else "")
    return cell, "\n".join(_slip_told(slip, today, slip in finding) for slip in found) if tips else ""


def _says(slip: dict[str, Any], today: dt.date) -> bool:
    """Whether the slip's result is read on `today`: written, and dated on or before it or not dated."""
    return bool(slip["result"]) and (slip["result_on"] is None or slip["result_on"] <= today)


def _slip_told(slip: dict[str, Any], today: dt.date, finds: bool) -> str:
    if not _says(slip, today):
        return f"{slip_named(slip)}: chưa trả lời"
    said = reply_told(slip) if slip["result_on"] else f"{slip_named(slip)} (chưa ghi ngày trả lời): «{slip['result']}»"
    return said + (f" – {FINDS}" if finds else "")
