"""The vetting cases on paper (danh sách hồ sơ thẩm tra, xác minh tiêu chuẩn chính trị), as the Ban Tổ chức submits
them to Thường trực / Ban Thường vụ Tỉnh ủy (brief §1.3): the cases the register page shows, in its order, one line
each — who (born, from, post), what for, since when, what each slip's recipient answered, and the conclusion.
Printed and taken to Excel by io/documents (render.case_register_pdf, _xlsx); printing and exporting need the
export permission and are audited (documents_data.listed)."""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import browse, documents_data, sql
from .database import Database
from .dates import display_date
from .deadlines import days_late, late_by
from .documents_data import Office
from .fields import Field
from .kinds import CADRES, SELF, SLIPS
from .personfile import cases
from .schema import cadres, persons, recipients, slips, units, vetting_cases

TITLE = "DANH SÁCH HỒ SƠ THẨM TRA, XÁC MINH TIÊU CHUẨN CHÍNH TRỊ"
KIND = cases.KIND  # the trail's kind for a print or an export of the list
COUNTED = "so_ho_so"  # how its audit entry names the number of cases listed
PAGE = 400  # cases read at a time
NO_REPLY = "chưa trả lời"
NAME = Field("full_name", "Họ và tên")
POST = Field("post", "Chức vụ – đơn vị")  # the cadre's position and unit, one after the other
PURPOSE = browse.shortened(cases.case_field("purpose"))
REPLIES = Field("replies", "Phiếu xác minh, kết quả trả lời")  # «A93B: Không có tài liệu 12/02/2026; PV27: …»
CONCLUSION = Field("conclusion", "Kết luận")  # the result, the document's number and day; or the deadline
FIELDS = (NAME, SLIPS.field("birth_date"), CADRES.field("home_town"), POST, PURPOSE, cases.case_field("opened_on"),
          REPLIES, CONCLUSION, cases.NOTE)


def lines(connection: Connection, case_ids: Sequence[int], today: dt.date) -> list[dict[str, Any]]:
    """The list's lines for the cases `case_ids` (those in the recycle bin left out), in that order; an open case's
    deadline as the register shows it, how late on `today` (the day printed)."""
    found: dict[int, dict[str, Any]] = {}
    answers: dict[int, list[str]] = {}
    for start in range(0, len(case_ids), PAGE):
        chunk = list(case_ids[start:start + PAGE])
        for row in connection.execute(
                select(vetting_cases, persons.c.full_name, persons.c.birth_date, persons.c.home_town,
                       cadres.c.position, units.c.name.label("unit"))
                .select_from(vetting_cases.join(persons)
                             .outerjoin(cadres, cadres.c.person_id == persons.c.id)
                             .outerjoin(units, units.c.id == cadres.c.unit_id))
                .where(vetting_cases.c.id.in_(chunk), vetting_cases.c.deleted_at.is_(None))).mappings():
            found[row["id"]] = dict(row)
        for row in connection.execute(
                select(slips.c.vetting_case_id, slips.c.relation, slips.c.result, slips.c.result_on,
                       recipients.c.name.label("recipient"))
                .select_from(slips.join(recipients))
                .where(slips.c.vetting_case_id.in_(chunk), sql.unindexed(slips.c.deleted_at).is_(None))
                .order_by(slips.c.issued_on, slips.c.id)).mappings():
            answers.setdefault(row["vetting_case_id"], []).append(reply_in_brief(row, today))
    return [{**case, POST.key: post(case), REPLIES.key: "; ".join(answers.get(case_id, [])),
             CONCLUSION.key: conclusion_told(case, today)}
            for case_id in case_ids if (case := found.get(case_id)) is not None]


def recipient_short(name: str) -> str:
    """«Cục A93B» for «Cục A93B – Bộ Công an»: the office before the body it belongs to."""
    return name.replace(" - ", " – ").split(" – ")[0].strip()


def reply_in_brief(slip: Mapping[str, Any], today: dt.date) -> str:
    """«Cục A93B: Không có tài liệu 12/02/2026», «Phòng PV27 (Cha): chưa trả lời»: on paper, a slip's recipient, whom
    it asked about when not the person vetted, and the answer with its day (cases.reply_told is a window's sentence);
    a reply dated after `today` not come yet, as the register counts it (personfile/replied)."""
    about = f" ({slip['relation']})" if slip["relation"] and slip["relation"] != SELF else ""
    if slip["result_on"] is not None and slip["result_on"] > today:
        return f"{recipient_short(slip['recipient'])}{about}: {NO_REPLY}"
    answer = " ".join(filter(None, (slip["result"], display_date(slip["result_on"]) if slip["result_on"] else "")))
    return f"{recipient_short(slip['recipient'])}{about}: {answer or NO_REPLY}"


def post(case: Mapping[str, Any]) -> str | None:
    """«Phó Giám đốc, Sở Tài chính»: the cadre's position and unit, either alone when the other is not known."""
    return ", ".join(filter(None, (case["position"], case["unit"]))) or None


def conclusion_told(case: Mapping[str, Any], today: dt.date) -> str:
    """«Đủ tiêu chuẩn (472-CV/BTCTU ngày 07/01/2026)», with the ceiling of placement of a limited result; an open
    case: «Đang xác minh, hạn 20/02/2026 (quá hạn 3 ngày)»."""
    if case["status"] == cases.CONCLUDED:
        told = f"{case['result']} ({case['conclusion_no']} ngày {display_date(case['concluded_on'])})"
        return f"{told}; mức giới hạn: {case['limit_note']}" if case["limit_note"] else told
    if case["due_on"] is None:
        return case["status"]
    late = days_late(case["due_on"], today) > 0
    return f"{case['status']}, hạn {late_by(case['due_on'], late, today)}"


def produce(db: Database, case_ids: Sequence[int], today: dt.date,
            write: Callable[[Office, list[dict[str, Any]]], None], subject: Sequence[str],
            target: Path | None = None) -> list[dict[str, Any]]:
    """Writes the list's lines for an officer allowed to export: the PDF to print (`target` None: printing it is
    audited by the preview), or the workbook `target`, whose export is audited here with what it covers."""
    return documents_data.listed(db, "danh sách hồ sơ thẩm tra", KIND,
                                 lambda connection: lines(connection, case_ids, today), write, target,
                                 {COUNTED: len(case_ids), "pham_vi": list(subject)}, today)
