"""Vetting cases (hồ sơ thẩm tra, xác minh, brief §1.3): who is vetted and what for, the slips
and archive requests that serve the case, the letters about the person, its conclusion, and how
long the conclusion holds.

A slip is attached to its case when it is saved (core/plans/cases.py states the rule).
Recording the conclusion closes the case, so a later slip opens a new one; a conclusion recorded wrong
is corrected, and withdrawn by reopening the case. A case goes to the
recycle bin like any record (core/recycle_bin.py); a slip put there takes along the case it
opened, when nothing else is in it, and any slip of it restored brings it back (`follow_slip`).
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.engine import Connection, Row

from .. import audit, retention, settings, sql
from ..archive_replies import found_archive_record
from ..database import Database
from ..dates import add_months, display_date
from ..editing import VERSION, FormProblems
from ..errors import InputError
from ..fields import LONG_TEXT, Field, FieldType
from ..kinds import ARCHIVE_FROM_OTHERS, CASE_PURPOSES, SELF
from ..permissions import Action
from ..plans.cases import CONCLUDED, OPEN, Deadline, deadline, deadline_rule, moved, new_date, went_with_slip
from ..schema import archive_requests, persons, recipients, relatives, slips, vetting_cases
from ..text import brief
from . import case_steps, known, letters, writes
from .notes import RELATIVE
from .political import GRAVITY, LIMIT, POLITICAL_NOTES, ceiling_problem, counted_effect, effect_told
from .relatives import Relative, of_person

KIND = "vetting-cases"
RESULTS = ("Đủ tiêu chuẩn", "Chưa đủ tiêu chuẩn", "Có vấn đề nhưng không vi phạm")
LIMITED = RESULTS[2]  # the conclusion then states the ceiling of placement QĐ 58 sets (brief §1.2, §1.3)
ALLOWS = dict(zip(RESULTS, (0, 2, 1), strict=True))  # the gravest finding (political.GRAVITY) each result allows
VALIDITY_SETTING = "hieu_luc_ket_luan_thang"
CONCLUDING = "ghi kết luận thẩm tra"  # what recording a conclusion asks the officer's role for
ADULT_AGE = 18
# Relatives Party rules need checked (brief §1.2): parents, parents-in-law, spouse, adult children.
MUST_CHECK = ("Cha", "Mẹ", "Vợ", "Chồng", "Cha vợ", "Mẹ vợ", "Cha chồng", "Mẹ chồng", "Con")

NAMED_BY = ("purpose", "opened_on", "status")  # what the trail names a vetting case by (besides its id)
# the competent cấp ủy's decision to vet, mandatory before any verification (brief §1.3; case_steps.py)
DECISION_FIELDS = (
    Field("decision_no", "Số quyết định của cấp ủy", hint="ví dụ 125-QĐ/TU"),
    Field("decision_on", "Ngày quyết định", FieldType.DATE),
    Field("decision_by", "Cấp ủy ban hành", hint="ví dụ Ban Thường vụ Tỉnh ủy"),
)
NOTE = Field("note", "Ghi chú", max_length=LONG_TEXT)  # in the lines typed; the case window shows it
CASE_FIELDS = (
    Field("purpose", "Mục đích thẩm tra", FieldType.CHOICE, choices=CASE_PURPOSES),
    Field("opened_on", "Ngày mở hồ sơ", FieldType.DATE, required=True),
    Field("due_on", "Hạn hoàn thành", FieldType.DATE, planned=True, not_before="opened_on"),
    *DECISION_FIELDS,
    NOTE,
)
CONCLUSION_FIELDS = (
    Field("conclusion_no", "Số văn bản kết luận", required=True, hint="ví dụ 472-CV/BTCTU"),
    Field("concluded_on", "Ngày kết luận", FieldType.DATE, required=True),
    Field("signer", "Người ký"),
    Field("result", "Kết quả", FieldType.CHOICE, required=True, choices=RESULTS),
    LIMIT,
)


def case_field(key: str) -> Field:
    """The case's or its conclusion's field `key` (by name: a field added in front moves no other)."""
    return next(spec for spec in (*CASE_FIELDS, *CONCLUSION_FIELDS) if spec.key == key)


@dataclass(frozen=True)
class Unchecked:
    relation: str
    full_name: str | None      # None: no relative of this relation in the person's file
    birth_date: str | None
    relative_record_id: int | None
    reason: str

    def told(self) -> str:
        """«Vợ: Lê Thị Hoa (chưa có phiếu xác minh trong hồ sơ thẩm tra)»."""
        return self.relation + (f": {self.full_name}" if self.full_name else "") + f" ({self.reason})"


@dataclass(frozen=True)
class Issue:
    """A political issue of the person file (personfile/political.py) bearing on the person's standard."""

    axis: str
    about: str | None  # «Cha: Nguyễn Văn Tư»; None: the person themself
    content: str
    effect: str | None  # not written: counted as not concluded (political.counted_effect)
    limit_note: str | None
    found_on: dt.date | None
    regulation: str | None

    def told(self) -> str:
        """«Lịch sử chính trị, về Cha: Nguyễn Văn Tư – … (Có vấn đề …; mức giới hạn: …; kết luận ngày 20/05/2016
        theo QĐ 57-QĐ/TW)»; after an issue written in lines, the bracket on a line of its own."""
        judged = " ".join(([f"kết luận ngày {display_date(self.found_on)}"] if self.found_on else [])
                          + ([f"theo {self.regulation}"] if self.regulation else []))
        said = [effect_told(self.effect)] + ([f"mức giới hạn: {self.limit_note}"] if self.limit_note else []) + (
            [judged] if judged else [])
        after = "\n" if "\n" in self.content else " "
        return self.axis + (f", về {self.about}" if self.about else "") + f" – {self.content}{after}({'; '.join(said)})"


@dataclass(frozen=True)
class CaseFile:
    case: dict[str, Any]
    full_name: str
    birth_date: str | None  # the person's, ISO at its own precision (core/dates.py)
    slips: list[dict[str, Any]]
    archive_requests: list[dict[str, Any]]
    letters: list[dict[str, Any]]  # about the person vetted, open ones first (personfile/letters.py)
    unchecked: list[Unchecked]
    issues: list[Issue]  # the political issues bearing on the person's standard, oldest first
    valid_until: dt.date | None  # the last day the conclusion holds, when concluded
    kept: retention.Kept | None  # the dossier's term (thời hạn bảo quản), counted once concluded
    team: list[dict[str, Any]]  # the verification team (case_steps.TEAM)
    missing_items: list[str]  # the dossier's items not received yet (case_steps.missing_items)
    minutes: list[dict[str, Any]]  # the verification minutes, oldest first (case_steps.MINUTES)
    declared_members: list[Relative]  # those the rules require checked whom HD 06 spares (Relative.declared_member)

    def awaiting(self) -> list[str]:
        """Each slip of the case still without a reply, by whom it is about: «Cha: Nguyễn Văn Tư (phiếu 60/PXM
        gửi Cục A93B – Bộ Công an ngày 02/03/2026)»; when another slip about them was answered, that this one still
        waits and which was answered: «… ngày 25/03/2026 vẫn chờ trả lời; phiếu 61/PXM đã trả lời ngày 20/03/2026)»."""
        answered: dict[str, list[str]] = {}
        for slip in self.slips:
            if slip["result_on"] is not None:
                answered.setdefault(_about(slip), []).append(
                    f"phiếu {slip['number']} đã trả lời ngày {display_date(slip['result_on'])}")
        return [f"{_about(slip)} (phiếu {sent_told(slip)}"
                + (f" vẫn chờ trả lời; {', '.join(answered[_about(slip)])})" if _about(slip) in answered else ")")
                for slip in self.slips if slip["result_on"] is None]

    def found_records(self) -> list[str]:
        """Each slip of the case whose reply found an archive record (archive_replies), by whom it is about, with
        the reply in brief: «Cha: Nguyễn Văn Tư (phiếu 60/PXM, Cục A93B – Bộ Công an trả lời ngày 20/03/2026: «Có
        tài liệu lưu trữ…»)»; the slip's row holds the whole reply."""
        return [f"{_about(slip)} (phiếu {slip['number']}, {slip['recipient']} "
                + (f"trả lời ngày {display_date(slip['result_on'])}" if slip["result_on"] else "chưa ghi ngày trả lời")
                + f": «{brief(slip['result'])}»)" for slip in self.slips if found_archive_record(slip["result"])]


def _about(slip: dict[str, Any]) -> str:
    """«Cha: Nguyễn Văn Tư»: whom a slip of the case is about."""
    return f"{slip['relation'] or SELF}: {slip['full_name']}"


@dataclass(frozen=True)
class Along:
    """A case that goes to the recycle bin, or comes back from it, with the slip that opened it."""

    case_id: int
    name: str  # «Đặng Văn Quí – Kết nạp Đảng»


@dataclass(frozen=True)
class PastTerm:
    """A concluded dossier past its term."""

    case_id: int
    full_name: str
    purpose: str | None
    conclusion_no: str
    concluded_on: dt.date
    kept: retention.Kept


@dataclass(frozen=True)
class Reminder:
    case_id: int
    person_id: int
    full_name: str
    purpose: str | None
    concluded_on: dt.date
    valid_until: dt.date


# -- services -------------------------------------------------------------------------------

def open_case(db: Database, person_id: int, raw: dict[str, Any]) -> int:
    db.require(Action.EDIT, "mở hồ sơ thẩm tra")
    values = case_values(raw)
    with db.write() as connection:
        writes.person_exists(connection, person_id)
        _no_other_open(connection, person_id, values["purpose"])
        if values.get("due_on") is None:  # not given: the office's rule for the purpose
            rule = deadline_rule(connection, values["opened_on"])
            values["due_on"] = deadline(rule, values["purpose"], values["opened_on"])
        return writes.insert(db, connection, vetting_cases, KIND,
                              {**values, "person_id": person_id, "status": OPEN})


def update_case(db: Database, case_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None) -> list[str]:
    """Corrects the purpose, dates or note of a case; returns the keys that changed. A case changed since
    the form was filled from it (`seen`, the entry's VERSION) is refused (ChangedMeanwhile), and an open
    case given the purpose of the person's other open case (one open case a purpose)."""
    db.require(Action.EDIT, "sửa hồ sơ thẩm tra")
    values = case_values(raw)
    with db.write() as connection:
        case = writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra")
        writes.check_unchanged(case, seen)
        _opened_in_time(connection, case, values["opened_on"])
        changed = writes.update(db, connection, vetting_cases, KIND, case, values, NAMED_BY)
        single_open(connection, case_id)
        return changed


def record_conclusion(db: Database, case_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None) -> None:
    """Records the conclusion (number, date, signer, result, limit) and closes the case; on a concluded case
    corrects its conclusion (refused as `update_case` is when changed since `seen`)."""
    db.require(Action.EDIT, CONCLUDING)
    values = conclusion_values(raw)
    with db.write() as connection:
        case = writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra")
        writes.check_unchanged(case, seen)
        if values["concluded_on"] < case["opened_on"]:
            raise InputError("Ngày kết luận trước ngày mở hồ sơ.")
        latest = _slip_issued(connection, case_id, slips.c.issued_on.desc())
        if latest is not None and values["concluded_on"] < latest.issued_on:
            raise InputError(f"Ngày kết luận trước ngày phát hành phiếu {latest.number} "
                             f"({display_date(latest.issued_on)}) của hồ sơ.")
        writes.update(db, connection, vetting_cases, KIND, case, {**values, "status": CONCLUDED}, NAMED_BY)


def _opened_in_time(connection: Connection, case: dict[str, Any], opened_on: dt.date) -> None:
    """Refuses a case dated after the first of its slips (the date rule of core/plans/cases.py would move it
    back at the next import) or after its conclusion, at «Ngày mở hồ sơ»."""
    first = _slip_issued(connection, case["id"], slips.c.issued_on)
    if first is not None and opened_on > first.issued_on:
        raise FormProblems({"opened_on": f"Ngày mở hồ sơ sau ngày phát hành phiếu {first.number} "
                                         f"({display_date(first.issued_on)}) của hồ sơ"})
    if case["concluded_on"] is not None and opened_on > case["concluded_on"]:
        raise FormProblems({"opened_on": f"Ngày mở hồ sơ sau Ngày kết luận ({display_date(case['concluded_on'])})"})


def _slip_issued(connection: Connection, case_id: int, order: ColumnElement) -> Row | None:
    """The number and date of the case's first live slip in `order` of issue (None: it has none)."""
    return connection.execute(select(slips.c.number, slips.c.issued_on).where(
        slips.c.vetting_case_id == case_id, sql.unindexed(slips.c.deleted_at).is_(None)).order_by(order).limit(1)
    ).first()


def reopen_case(db: Database, case_id: int, seen: tuple[int, ...] | None = None) -> None:
    """Withdraws the conclusion of a concluded case, which is open again (a late reply calls for more
    verification, or the conclusion was recorded on the wrong case); refused while the person has another
    open case for the same purpose, and as `update_case` is when changed since `seen`."""
    db.require(Action.EDIT, "mở lại hồ sơ thẩm tra")
    with db.write() as connection:
        case = writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra")
        writes.check_unchanged(case, seen)
        if case["status"] != CONCLUDED:
            raise InputError(f"Hồ sơ thẩm tra số {case_id} chưa có kết luận.")
        _no_other_open(connection, case["person_id"], case["purpose"])
        withdrawn = dict.fromkeys(spec.key for spec in CONCLUSION_FIELDS)
        writes.update(db, connection, vetting_cases, KIND, case, {**withdrawn, "status": OPEN}, NAMED_BY)


def conclusion_doubts(db: Database, case_id: int, raw: dict[str, Any]) -> list[str]:
    """What recording the case's conclusion (`raw`) asks the officer to confirm, not refused: the letters
    about the person still open today, the case's slips with no reply by the conclusion's day, those whose
    reply found an archive record when the result is «Đủ tiêu chuẩn», the
    relatives the rules require checked who are not, the graver issues, the decision and team lacking
    (case_steps.before_verifying), the dossier's items missing and no minutes written; none while a field is
    invalid (saving tells that)."""
    try:
        values = conclusion_values(raw)
    except FormProblems:
        return []
    found = case_file(db, case_id)
    concluded_on = values["concluded_on"]
    unanswered = [slip for slip in found.slips if slip["result_on"] is None or slip["result_on"] > concluded_on]
    told = letters.open_told(found.letters)
    if unanswered:
        told.append(f"Hồ sơ còn {len(unanswered)} phiếu xác minh chưa có kết quả trả lời đến ngày kết luận: "
                    + "; ".join(map(sent_told, unanswered)) + ".")
    found_records = [slip for slip in found.slips if slip not in unanswered and found_archive_record(slip["result"])]
    if found_records and ALLOWS[values["result"]] == 0:
        told.append(f"Có {len(found_records)} phiếu xác minh được trả lời có tài liệu lưu trữ: "
                    + "; ".join(map(reply_told, found_records)) + f". {asks_result(values['result'])}")
    if found.unchecked:
        told.append("Thân nhân phải xác minh theo quy định còn thiếu: "
                    + "; ".join(missing.told() for missing in found.unchecked) + ".")
    graver = [issue for issue in found.issues if GRAVITY[counted_effect(issue.effect)] > ALLOWS[values["result"]]]
    if graver:
        told.append(f"Hồ sơ cá nhân ghi {len(graver)} vấn đề chính trị nặng hơn kết quả này: "
                    + "; ".join(issue.told() for issue in graver) + f". {asks_result(values['result'])}")
    told += case_steps.before_verifying(found.case, found.team)
    return told + case_steps.items_problems(found.missing_items) + case_steps.minutes_problems(found.minutes)


def asks_result(result: str) -> str:
    """How a doubt questioning the result itself ends (a finding graver than it), not only the steps taken."""
    return f"Kết quả «{result}» có đúng không?"


def reply_told(slip: dict[str, Any]) -> str:
    """«60/PXM (Cha: Nguyễn Văn Tư), Cục A93B – Bộ Công an trả lời ngày 20/03/2026: «Có tài liệu…»»."""
    return f"{slip_named(slip)} trả lời ngày {display_date(slip['result_on'])}: «{slip['result']}»"


def sent_told(slip: dict[str, Any]) -> str:
    """«60/PXM gửi Cục A93B – Bộ Công an ngày 02/03/2026»."""
    return f"{slip['number']} gửi {slip['recipient']} ngày {display_date(slip['issued_on'])}"


def slip_named(slip: dict[str, Any]) -> str:
    """«60/PXM (Cha: Nguyễn Văn Tư), Cục A93B – Bộ Công an»: the slip, whom it is about and where it went."""
    return f"{slip['number']} ({_about(slip)}), {slip['recipient']}"


def attach_archive_request(db: Database, case_id: int, request_id: int) -> None:
    """Counts an archive request among those serving the case."""
    db.require(Action.EDIT, "gắn yêu cầu tàng thư vào hồ sơ thẩm tra")
    with db.write() as connection:
        writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra")
        _serve(db, connection, request_id, case_id)


def detach_archive_request(db: Database, request_id: int) -> None:
    """Takes an archive request out of the case it was attached to (by mistake): it serves none."""
    db.require(Action.EDIT, "bỏ gắn yêu cầu tàng thư khỏi hồ sơ thẩm tra")
    with db.write() as connection:
        _serve(db, connection, request_id, None)


def _serve(db: Database, connection: Connection, request_id: int, case_id: int | None) -> None:
    """The request serving `case_id` (None: none); neither the case it leaves nor the one it joins concluded,
    whose conclusion rested on what it had."""
    request = writes.current(connection, archive_requests, request_id, "yêu cầu tàng thư")
    for changed in {request["vetting_case_id"], case_id} - {None}:
        case = writes.current(connection, vetting_cases, changed, "hồ sơ thẩm tra")
        if case["status"] == CONCLUDED:
            raise InputError(f"Hồ sơ thẩm tra số {changed} đã kết luận ngày {display_date(case['concluded_on'])}: "
                             "bấm «Mở lại hồ sơ» trước khi gắn hay bỏ gắn yêu cầu tàng thư.")
    writes.update(db, connection, archive_requests, "archive-requests", request,
                  {"vetting_case_id": case_id}, ("request_kind", "province", "doc_no", "doc_on"))


def archive_requests_to_attach(db: Database, case_id: int) -> list[dict[str, Any]]:
    """The requests to another province's archive («Nhờ tỉnh bạn nghiên cứu») serving no case yet that
    may serve this one: about the person vetted, a relative in their file or a subject of the case's
    slips; oldest first, each with the subject's full name."""
    db.require(Action.BROWSE, "xem hồ sơ thẩm tra")
    with db.read() as connection:
        case = writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra")
        family = {case["person_id"], *(relative.relative_id for relative in of_person(connection, case["person_id"])),
                  *(slip["person_id"] for slip in _slips(connection, case_id))}
        return _archive_requests(connection, archive_requests.c.vetting_case_id.is_(None),
                                 archive_requests.c.person_id.in_(family),
                                 archive_requests.c.request_kind == ARCHIVE_FROM_OTHERS)


@dataclass(frozen=True)
class Serving:
    """The case an archive request serves (None: none) and the open cases it may serve instead, oldest first;
    each case with the vetted person's full name."""

    case: dict[str, Any] | None
    offered: list[dict[str, Any]]


def serving(db: Database, request_id: int) -> Serving:
    """The case a request serves, and the cases it may serve instead as the request's window offers them:
    `archive_requests_to_attach` turned round — the open cases about a request to another province's archive's
    subject, a person whose relative the subject is, or with a slip about them."""
    db.require(Action.BROWSE, "xem hồ sơ thẩm tra")
    with db.read() as connection:
        request = writes.current(connection, archive_requests, request_id, "yêu cầu tàng thư")
        named = (select(vetting_cases, persons.c.full_name).select_from(vetting_cases.join(persons))
                 .where(vetting_cases.c.deleted_at.is_(None)))
        case = connection.execute(named.where(vetting_cases.c.id == request["vetting_case_id"])).mappings().first()
        if request["request_kind"] != ARCHIVE_FROM_OTHERS:
            return Serving(None if case is None else dict(case), [])
        about = request["person_id"]
        related = select(relatives.c.person_id).where(relatives.c.relative_id == about,
                                                      relatives.c.deleted_at.is_(None))
        slipped = select(slips.c.vetting_case_id).where(slips.c.person_id == about, slips.c.deleted_at.is_(None))
        offered = connection.execute(named.where(
            vetting_cases.c.status == OPEN, vetting_cases.c.id != (request["vetting_case_id"] or 0),
            or_(vetting_cases.c.person_id == about, vetting_cases.c.person_id.in_(related),
                vetting_cases.c.id.in_(slipped))).order_by(vetting_cases.c.opened_on, vetting_cases.c.id)).mappings()
        return Serving(None if case is None else dict(case), [dict(row) for row in offered])


def case_called(case: Mapping[str, Any]) -> str:
    """«Phạm Minh Quang – Kết nạp Đảng»: whom the case vets (its `full_name`) and what for."""
    return f"{case['full_name']} – {case['purpose'] or 'chưa ghi mục đích'}"


def follow_slip(db: Database, connection: Connection, slip_id: int, binned_at: dt.datetime | None) -> Along | None:
    """What a slip going to the recycle bin (`binned_at` None) or coming back from it (it went there at
    `binned_at`) does to the case it serves: the case's date follows by the date rule of
    core/plans/cases.py (audited). Returns the case that goes with the slip, one the slip opened with
    nothing else in it, or comes back with it, one that went to the bin with a slip; else None."""
    slip = connection.execute(select(slips.c.issued_on, slips.c.vetting_case_id).where(slips.c.id == slip_id)).one()
    case = connection.execute(select(vetting_cases).where(vetting_cases.c.id == slip.vetting_case_id)
                              ).mappings().first()
    going = binned_at is None
    if case is None or case["deleted_at"] is not None and (going or not went_with_slip(connection, case, binned_at)):
        return None  # no case, or it is in the bin already, or went there by itself
    case = dict(case)
    # the other live slips' earliest, compared here: SQLite answers min() by walking every live slip in date order
    others = min(connection.execute(select(slips.c.issued_on).where(
        slips.c.vetting_case_id == case["id"], slips.c.deleted_at.is_(None), slips.c.id != slip_id)).scalars(),
        default=None)
    if going and others is None and _opened_by(connection, case, slip.issued_on):
        return _along(connection, case)
    with_slip = slip.issued_on if others is None else min(others, slip.issued_on)
    before, after = (with_slip, others) if going else (others, with_slip)
    # a case in the bin went there with its only live slip, opened on that slip's date
    dated_by_slips = case["deleted_at"] is not None or case["opened_on"] == before
    to = new_date(case, dated_by_slips, after)
    if to is not None:
        writes.update(db, connection, vetting_cases, KIND, case, moved(case, to, _deadline_of(connection)),
                      NAMED_BY)
    return None if case["deleted_at"] is None else _along(connection, case)


def _opened_by(connection: Connection, case: dict[str, Any], issued_on: dt.date) -> bool:
    """Whether a slip of `issued_on`, the case's only one, opened it and nothing else is in it: the case is
    open, opened on the slip's date, and no archive request serves it."""
    if case["status"] != OPEN or case["opened_on"] != issued_on:
        return False
    serving = select(archive_requests.c.id).where(archive_requests.c.vetting_case_id == case["id"],
                                                  sql.unindexed(archive_requests.c.deleted_at).is_(None))
    return connection.execute(serving.limit(1)).first() is None


def _along(connection: Connection, case: dict[str, Any]) -> Along:
    full_name = connection.execute(select(persons.c.full_name).where(persons.c.id == case["person_id"])).scalar()
    return Along(case["id"], case_called({**case, "full_name": full_name}))


def _deadline_of(connection: Connection) -> Deadline:
    """The deadline by the rule in force on the day a case opens."""
    return lambda purpose, opened_on: deadline(deadline_rule(connection, opened_on), purpose, opened_on)


def cases_of(db: Database, person_id: int) -> list[dict[str, Any]]:
    """The person's vetting cases, newest first, each with its VERSION."""
    db.require(Action.BROWSE, "xem hồ sơ thẩm tra")
    with db.read() as connection:
        query = (select(vetting_cases).where(vetting_cases.c.person_id == person_id,
                                             vetting_cases.c.deleted_at.is_(None))
                 .order_by(vetting_cases.c.opened_on.desc(), vetting_cases.c.id.desc()))
        return [_versioned(row) for row in connection.execute(query).mappings()]


def _versioned(case: Mapping[str, Any]) -> dict[str, Any]:
    """The case with its VERSION, which its changes are checked against."""
    return {**case, VERSION: (case["row_version"],)}


def case_file(db: Database, case_id: int) -> CaseFile:
    """The case (with its VERSION) with its slips, archive requests, the letters about the person (open
    today or not), relatives still unchecked, validity, its team, dossier items missing, minutes and
    the relatives spared a check of their own (HD 06-HD/TW mục 3.4c)."""
    db.require(Action.BROWSE, "xem hồ sơ thẩm tra")
    with db.read() as connection:
        case = _versioned(writes.current(connection, vetting_cases, case_id, "hồ sơ thẩm tra"))
        full_name, birth_date = connection.execute(select(persons.c.full_name, persons.c.birth_date)
                                                   .where(persons.c.id == case["person_id"])).one()
        served = _slips(connection, case_id)
        requests = _archive_requests(connection, archive_requests.c.vetting_case_id == case_id)
        today = db.clock().date()
        about = letters.about(connection, case["person_id"], today)
        months = int(settings.read_all(connection, today)[VALIDITY_SETTING])
        family = of_person(connection, case["person_id"])
        missing = unchecked(family, case["opened_on"], served, _slips_of(connection, case["person_id"]))
        issues = bearing_issues(POLITICAL_NOTES.read(connection, case["person_id"]), family)
        team = case_steps.TEAM.read(connection, case_id)
        items = case_steps.missing_items(case["purpose"], case_steps.DOSSIER.read(connection, case_id))
        minutes = case_steps.MINUTES.read(connection, case_id)
    concluded_on = case["concluded_on"]
    return CaseFile(case, full_name, birth_date, served, requests, about, missing, issues,
                    add_months(concluded_on, months) if concluded_on else None, kept(concluded_on), team, items,
                    minutes, [relative for relative in family if relative.relation in MUST_CHECK
                              and relative.declared_member])


def kept(concluded_on: dt.date | None) -> retention.Kept | None:
    """A case's dossier is a BVCTNB record, kept 20 years from the year it was concluded (None: still open)."""
    return None if concluded_on is None else retention.kept(retention.DOSSIER, concluded_on)


def past_term(db: Database, on: dt.date) -> list[PastTerm]:
    """The concluded dossiers whose term is over by `on`, concluded earliest first, for the chief of office to
    put before the council that decides on destruction: none is deleted here (retention.NEVER_DESTROYED)."""
    db.require(Action.BROWSE, "xem hồ sơ thẩm tra hết thời hạn bảo quản")
    query = (select(vetting_cases.c.id, persons.c.full_name, vetting_cases.c.purpose, vetting_cases.c.conclusion_no,
                    vetting_cases.c.concluded_on)
             .select_from(vetting_cases.join(persons))
             .where(vetting_cases.c.deleted_at.is_(None), vetting_cases.c.status == CONCLUDED)
             .order_by(vetting_cases.c.concluded_on, vetting_cases.c.id))
    with db.read() as connection:
        found = [PastTerm(*row, kept(row.concluded_on)) for row in connection.execute(query)]
    return [dossier for dossier in found if dossier.kept.past(on)]


def view_case_file(db: Database, case_id: int) -> CaseFile:
    """`case_file` for the officer opening the case (its register, the dashboard): the opening is
    audited, naming whose case it is as its edits name it (the window re-read after a save is
    `case_file` alone)."""
    found = case_file(db, case_id)
    audit.viewed(db, audit.VIEWED, KIND, case_id,
                 audit.named({**found.case, "full_name": found.full_name}, ("full_name", *NAMED_BY)))
    return found


def due_for_review(db: Database, on: dt.date) -> list[Reminder]:
    """Conclusions whose validity has run out by `on` (their `valid_until` is the last day they
    hold), with no newer case for the same purpose."""
    db.require(Action.BROWSE, "xem nhắc việc thẩm tra")
    with db.read() as connection:
        months = int(settings.read_all(connection, on)[VALIDITY_SETTING])
        query = (select(vetting_cases, persons.c.full_name)
                 .select_from(vetting_cases.join(persons))
                 .where(vetting_cases.c.deleted_at.is_(None))
                 .order_by(vetting_cases.c.opened_on, vetting_cases.c.id))
        latest: dict[tuple[int, str | None], dict[str, Any]] = {}
        for row in connection.execute(query).mappings():
            latest[(row["person_id"], row["purpose"])] = dict(row)
    reminders = [Reminder(case["id"], case["person_id"], case["full_name"], case["purpose"],
                          case["concluded_on"], add_months(case["concluded_on"], months))
                 for case in latest.values() if case["status"] == CONCLUDED]
    return sorted((r for r in reminders if r.valid_until < on), key=lambda r: (r.valid_until, r.case_id))


# -- rules ----------------------------------------------------------------------------------

def unchecked(relatives_: list[Relative], opened_on: dt.date, served: list[dict[str, Any]],
              slips_of: Mapping[int, tuple[int, ...]]) -> list[Unchecked]:
    """Relatives the rules require checked who have no slip in the case (`served`): none about them as a person,
    nor among those the person file joins to them (`slips_of` their record: a slip written without a home town made
    a person of its own), but for a Party member declared in full (Relative.declared_member); and parents neither in
    the person's list of relatives nor checked by a slip of the case."""
    checked_persons, served_ids = {slip["person_id"] for slip in served}, {slip["id"] for slip in served}
    found = []
    for relative in relatives_:
        if relative.relation not in MUST_CHECK or relative.declared_member or relative.relative_id in checked_persons \
                or served_ids.intersection(slips_of.get(relative.id, ())):
            continue
        if relative.relation == "Con" and not _adult(relative.birth_date, opened_on):
            continue
        found.append(Unchecked(relative.relation, relative.full_name, relative.birth_date, relative.id,
                               "chưa có phiếu xác minh trong hồ sơ thẩm tra"))
    named = {relative.relation for relative in relatives_} | {slip["relation"] for slip in served}
    for relation in ("Cha", "Mẹ"):
        if relation not in named:
            found.append(Unchecked(relation, None, None, None, "chưa khai trong danh sách thân nhân"))
    return found


def bearing_issues(notes: list[dict[str, Any]], relatives_: list[Relative]) -> list[Issue]:
    """The political `notes` whose effect bears on the standard (or is not written: counted_effect), each named by
    the relative it is about."""
    names = {relative.id: f"{relative.relation}: {relative.full_name}" for relative in relatives_}
    return [Issue(note["axis"], names.get(note[RELATIVE]), note["content"], note["effect"], note[LIMIT.key],
                  note["found_on"], note["regulation"]) for note in notes if GRAVITY[counted_effect(note["effect"])]]


def _adult(birth_iso: str | None, on: dt.date) -> bool:
    """Of age on `on`; a child whose birth date is unknown is checked all the same."""
    if not birth_iso:
        return True
    year, month, day = ([int(part) for part in birth_iso.split("-")] + [1, 1])[:3]  # yyyy → 1 January
    return on.year - year - ((on.month, on.day) < (month, day)) >= ADULT_AGE


def case_values(raw: dict[str, Any]) -> dict[str, Any]:
    """The case's values; FormProblems as `writes.parse` raises them, and a decision written without its
    number or its date."""
    values = writes.parse(CASE_FIELDS, raw)
    if any(values[spec.key] for spec in DECISION_FIELDS):
        lacking = {spec.key: f"{spec.header}: hãy ghi cả số và ngày quyết định"
                   for spec in DECISION_FIELDS[:2] if not values[spec.key]}
        if lacking:
            raise FormProblems(lacking)
    return values


def conclusion_values(raw: dict[str, Any]) -> dict[str, Any]:
    """The conclusion's values; FormProblems as `writes.parse` raises them, and at «Mức giới hạn» when the
    result is an issue without violation and the ceiling is not written."""
    values = writes.parse(CONCLUSION_FIELDS, raw)
    if values["result"] == LIMITED and not values[LIMIT.key]:
        raise FormProblems(ceiling_problem(f"kết quả là «{LIMITED}»"))
    return values


def single_open(connection: Connection, case_id: int) -> None:
    """Refuses a case taken out of the recycle bin or corrected, open, while the person has another open case
    for its purpose (one a later slip or the officer opened meanwhile)."""
    case = connection.execute(select(vetting_cases).where(vetting_cases.c.id == case_id)).mappings().one()
    if case["status"] == OPEN:
        _no_other_open(connection, case["person_id"], case["purpose"], but=case_id)


def _no_other_open(connection: Connection, person_id: int, purpose: str | None, but: int | None = None) -> None:
    """Refuses a second open case of the person for the same purpose (besides the case `but`)."""
    already = connection.execute(select(vetting_cases.c.id).where(
        vetting_cases.c.person_id == person_id, _same_purpose(purpose), vetting_cases.c.id != but,
        vetting_cases.c.status == OPEN, vetting_cases.c.deleted_at.is_(None))).scalar()
    if already is not None:
        full_name = connection.execute(select(persons.c.full_name).where(persons.c.id == person_id)).scalar()
        raise InputError(f"«{full_name}» đang có hồ sơ thẩm tra số {already} cùng mục đích chưa kết luận "
                         f"({purpose or 'chưa ghi mục đích'}): hãy kết luận hoặc xóa hồ sơ ấy ở sổ Hồ sơ thẩm tra "
                         "trước.")


def _same_purpose(purpose: str | None):
    return vetting_cases.c.purpose.is_(None) if purpose is None else vetting_cases.c.purpose == purpose


def _archive_requests(connection: Connection, *where: ColumnElement) -> list[dict[str, Any]]:
    query = (select(archive_requests, persons.c.full_name).select_from(archive_requests.join(persons))
             .where(archive_requests.c.deleted_at.is_(None), *where)
             .order_by(archive_requests.c.doc_on, archive_requests.c.id))
    return [dict(row) for row in connection.execute(query).mappings()]


def _slips_of(connection: Connection, person_id: int) -> dict[int, tuple[int, ...]]:
    """The slips the person file joins to each listed relative (known.read), by the relative's record."""
    return {relative.record_id: relative.slip_ids for relative in known.read(connection, person_id).relatives
            if relative.record_id is not None}


def _slips(connection: Connection, case_id: int) -> list[dict[str, Any]]:
    query = (select(slips.c.id, slips.c.number, slips.c.issued_on, slips.c.person_id, slips.c.relation,
                    persons.c.full_name, slips.c.result_on, slips.c.result,
                    recipients.c.name.label("recipient"))
             .select_from(slips.join(persons).join(recipients))
             .where(slips.c.vetting_case_id == case_id, slips.c.deleted_at.is_(None))
             .order_by(slips.c.issued_on, slips.c.id))
    return [dict(row) for row in connection.execute(query).mappings()]
