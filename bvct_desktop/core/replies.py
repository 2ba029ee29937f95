"""One police letter answering several slips: its date, and its number and result when given,
entered once for all of them (a register's selection, or the slips imported with a result but no
reply date). The slips are saved through their kind's plan — the path of an import row and of a
form — in one transaction: all of them or none, each audited with what changed."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from . import record_rows
from .database import Database
from .editing import FormProblems, told_ahead
from .errors import InputError, RowProblem
from .kinds import SLIPS
from .permissions import Action
from .plans import PLANS
from .plans.base import RecordColumns, Target

KEYS = ("result_on", "result_no", "result")  # the reply's fields, in the form's order
FIELDS = tuple(SLIPS.field(key) for key in KEYS)
MOST_LISTED = 10  # slips named in a message before "…"
RECORDING = "ghi kết quả nhiều phiếu"  # the trail's word for it, done or refused


def reply_values(raw: dict[str, Any]) -> dict[str, Any]:
    """The reply's values: its date is required; an empty number or result leaves each slip's own."""
    values, problems = {}, {}
    for spec in FIELDS:
        try:
            values[spec.key] = spec.parse(raw.get(spec.key))
        except RowProblem as problem:
            problems[spec.key] = f"{spec.header}: {problem.message}"
    if values.get("result_on") is None and "result_on" not in problems:
        problems["result_on"] = f"{SLIPS.field('result_on').header}: bắt buộc"
    if problems:
        raise FormProblems(problems)
    return {key: value for key, value in values.items() if value is not None}


def dates_to_confirm(db: Database, raw: dict[str, Any]) -> list[str]:
    """The reply's date when it lies after today, to be confirmed before it is written (none while a
    value is invalid: writing tells that)."""
    try:
        reply = reply_values(raw)
    except FormProblems:
        return []
    return told_ahead(FIELDS, [reply], db.clock().date())


def record_replies(db: Database, slip_ids: Sequence[int], raw: dict[str, Any]) -> int:
    """Writes the reply on every slip of `slip_ids`; returns how many changed."""
    db.require(Action.EDIT, RECORDING)
    reply = reply_values(raw)
    ids = list(dict.fromkeys(slip_ids))
    if not ids:
        raise InputError("Chưa chọn phiếu nào.")
    table = SLIPS.table
    with db.write() as connection:
        stored = record_rows.snapshots(connection, SLIPS, ids)
        binned = set(connection.execute(select(table.c.id).where(table.c.id.in_(ids),
                                                                  table.c.deleted_at.is_not(None))).scalars())
        gone = [record_id for record_id in ids if record_id not in stored or record_id in binned]
        if gone:
            raise InputError(f"{len(gone)} phiếu đã chọn không còn trong sổ (đã xóa); hãy chọn lại.")
        early = {stored[i]["number"]: wrong[0].message for i in ids
                 if (wrong := SLIPS.order_problems({**stored[i], **reply}))}
        if early:
            raise InputError(_each_early(early))
        replied = [{**{spec.key: stored[record_id].get(spec.key) for spec in SLIPS.fields}, **reply}
                   for record_id in ids]
        plan = PLANS[SLIPS.name](connection, db.clock())
        plan.prefetch(RecordColumns(replied))  # the slips, their persons and cadres read together, not one by one
        changed = 0
        for number, (record_id, values) in enumerate(zip(ids, replied, strict=True), start=1):
            outcome = plan.take(number, values, Target(record_id, stored[record_id]["person_id"]))
            changed += bool(outcome.changed)
        plan.finish()
        plan.apply_audited(db, connection)
        db.audit(connection, RECORDING, kind=SLIPS.name,
                 details={"so_ban_ghi_chon": len(ids), "ngay_nhan": reply["result_on"],
                          "so_van_ban": reply.get("result_no")})
    return changed


def _each_early(early: dict[str, str]) -> str:
    """A line for each slip the reply would precede, by its number: «Phiếu 1/PXM: Ngày nhận kết quả (…) trước…»."""
    told = [f"Phiếu {number}: {message}." for number, message in list(early.items())[:MOST_LISTED]]
    if len(early) > MOST_LISTED:
        told.append(f"Và {len(early) - MOST_LISTED} phiếu khác.")
    return "\n".join(told)
