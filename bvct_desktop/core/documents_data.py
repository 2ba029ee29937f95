"""What the printed documents show, gathered from the registers, and the one door they leave by.

Every print and export needs Action.EXPORT and is written to the audit trail ("in" for a
document for signature, "xuất" for a workbook or the report); the details name the file and
what was selected, never record content. Issuing the report also needs Action.REPORT_ISSUE
and takes its number before the file is written (`outgoing.issue`): a crash or a failed
write can never hand the same number out twice.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from . import (
    archive_letters,
    audit,
    audit_chain,
    conclusion_notice,
    deadlines,
    delegation_order,
    files,
    gazetteer,
    numbering,
    outgoing,
    record_rows,
    report,
    report_notes,
    search,
    settings,
    trip_status,
)
from .collation import text_sort_key
from .database import Database
from .dates import PartialDate, check_period, display_date
from .errors import Ambiguous, InputError
from .kinds import ARCHIVE_REQUESTS, CADRES, DELEGATIONS, SELF, SLIPS, Kind
from .permissions import Action
from .personfile import foreign, known, relatives, trips
from .personfile.notes import RELATIVE, REMOVED
from .personfile.political import POLITICAL_NOTES
from .personfile.vitae import APPRAISALS, DISCIPLINES, OWN_HISTORY, REWARDS, SALARY, TRAINING, WORK_PERIODS, step_on
from .schema import cadres, delegation_members, delegations, persons, recipients, slips, units
from .text import capitalised, fold, identity_key, name_key, name_words, place_key, unit_key, unit_letters

ABROAD = "ở nước ngoài"  # a relative's residence abroad, the country not known
T = TypeVar("T")
Office = settings.History  # a document takes the values in force on its own date
PRINTED, EXPORTED = "in", "xuất"
MAKING_REPORT = "lập báo cáo"  # what making the report (a draft or issued) is called when it is refused
MAKING_NOTICE, ISSUING_NOTICE = "lập thông báo kết luận", "phát hành thông báo kết luận"
NAMED = 10  # a print of more records names the first and the last


def gather(db: Database, what: str, query: Callable[[Connection], T]) -> tuple[Office, T]:
    """The office settings (with their history) and a document's content, for a user allowed to
    print and export."""
    db.require(Action.EXPORT, what)
    with db.read() as connection:
        return settings.read_history(connection), query(connection)


def record(db: Database, action: str, kind: str, details: dict[str, Any], outcome: str = audit_chain.OK) -> None:
    """Writes a print ("in") or an export ("xuất") to the audit trail once it has happened, or once it stopped
    after part of it left (`outcome` FAILED: a print cancelled or failed after sheets were sent). The entry says
    whether the document carried the «MẬT» mark: as `details` say it was made (`outgoing.marked`, a print's
    own choice), else as the setting in force today marks every document."""
    with db.write() as connection:
        in_force = settings.read_all(connection, db.clock().date())[outgoing.SECRECY]
        db.audit(connection, action, outcome, kind=kind, details={outgoing.SECRECY: in_force} | details)


def produce(db: Database, what: str, kind: str, query: Callable[[Connection], T],
            write: Callable[[Office, T], None], details: dict[str, Any], action: str = PRINTED,
            named: Callable[[T], dict[str, Any]] = lambda content: {}, *,
            days: Callable[[T], Iterable[dt.date]]) -> T:
    """Checks the permission, gathers the content, writes the file, audits (with the «MẬT» mark of the `days` its
    pages are headed as on, `marked_on`, and what `named` says of the records in it). Every caller says its pages'
    days: the audit comes after the writing, perhaps on the next day, whose setting its pages may not carry."""
    office, content = gather(db, what, query)
    write(office, content)
    record(db, action, kind, details | marked_on(office, days(content)) | named(content))
    return content


def marked_on(office: Office, days: Iterable[dt.date]) -> dict[str, str]:
    """What an audit entry says of the «MẬT» mark of a document whose pages are each headed as on a record's own
    day (a slip's issue, a delegation's decision: a record printed again carries the mark of its day): "MẬT" when
    the setting in force on one of `days` marked its pages, else ""; nothing without a day (`record`: today's)."""
    marks = [office.on(day)[outgoing.SECRECY] for day in days]
    return {outgoing.SECRECY: next(filter(None, marks), "")} if marks else {}


def listed(db: Database, what: str, kind: str, query: Callable[[Connection], T], write: Callable[[Office, T], None],
           target: Path | None, details: dict[str, Any], today: dt.date) -> T:
    """A register's own list (`what`: the passport custody register, the vetting cases') as on `today`, for an
    officer allowed to export: the PDF to print (`target` None: printing it is audited by the preview), or the
    workbook `target`, whose export is audited here with its file, `details` and how many lines it has."""
    if target is None:
        office, content = gather(db, f"in {what}", query)
        write(office, content)
        return content
    return produce(db, f"xuất {what}", kind, query, write, audit.file_at(target) | details, EXPORTED,
                   named=lambda found: {"so_dong": len(found)}, days=lambda found: (today,))


def slips_named(slips: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What a print's audit entry says of the slips in it: their numbers, or when many, how many and
    the first and last (an entry stays small)."""
    return _listed([slip["number"] or "(chưa có số)" for slip in slips], "so_phieu", "phieu_dau", "phieu_cuoi")


def records_named(kind: Kind, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What a print's audit entry says of the cadres or delegations in it: each by the values the
    trail names a record by (`audit.named`), or when many, how many and the first and last."""
    return _listed([audit.named(record, kind.identifying)[audit.RECORD] for record in records], audit.RECORD,
                   audit.FIRST_RECORD, audit.LAST_RECORD)


def documented(title: str, kind: Kind, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """What the audit entry of a document made of each record's pages (a cadre's summary, a delegation's list) says:
    the document by its `title`, and the records in it (`records_named`)."""
    return {"tai_lieu": title.capitalize(), **records_named(kind, records)}


def numbers_named(issued: Sequence[outgoing.Issued]) -> dict[str, Any]:
    """What a print's audit entry says of the documents issued in it: their numbers, or when many, how many and
    the first and last."""
    return _listed([entry.number_text for entry in issued], "so_van_ban", "van_ban_dau", "van_ban_cuoi")


def _listed(names: list[Any], every: str, first: str, last: str) -> dict[str, Any]:
    if len(names) <= NAMED:
        return {"so_ban_ghi": len(names), every: names}
    return {"so_ban_ghi": len(names), first: names[0], last: names[-1]}


@dataclass(frozen=True)
class Issue:
    """A document's number (None for a draft) and its date (a draft's: the day it was made)."""

    number: int | None
    on: dt.date
    text: str = ""  # the number as printed, "07-BC/BTCTU"


class Writer(Protocol):
    """How a document is written (io.documents.render's writers): `freeze` makes its content as
    plain values, `write` writes that content; `recipients` are its "Nơi nhận" as the outgoing
    register writes them; `encrypted`: its file is encrypted with a password."""

    encrypted: bool

    def write(self, content: outgoing.Content) -> None: ...


class ReportWriter(Writer, Protocol):
    def recipients(self, office: Mapping[str, str]) -> list[str]: ...

    def freeze(self, office: Office | dict[str, str], figures: dict[str, Any], notes: report_notes.Notes,
               issue: Issue) -> outgoing.Content: ...


class LetterWriter(Writer, Protocol):
    def recipients(self, data: Mapping[str, Any]) -> list[str]: ...

    def freeze(self, office: dict[str, str], data: dict[str, Any], issue: Issue) -> outgoing.Content: ...


def _where(target: Path | None, encrypted: bool = False) -> dict[str, Any]:
    if target is None:
        return {"xem_truoc": True}
    return audit.file_at(target) | ({"ma_hoa": True} if encrypted else {})


def _check_target(target: Path | None, issue: bool) -> None:
    """`files.check_folder` before a number is taken: bad input takes none."""
    if target is None:
        return
    try:
        files.check_folder(target)
    except InputError as refused:
        if issue:
            raise refused.reworded(f"{refused.message} {numbering.NOT_TAKEN}") from None
        raise


def report_document(db: Database, start: dt.date, end: dt.date, target: Path | None, subject: str,
                    writer: ReportWriter, notes: report_notes.Notes | None = None, issue: bool = False) -> Issue:
    """The periodic report as a document, written from the figures, the officer's parts (those kept
    for the period, with the parts `notes` gives over them: `report_notes.merged`) and the settings
    in force on its date (today). The parts given are kept for the period once the report is made;
    a report refused keeps nothing.

    With `issue`, every part must be written; the next report number is taken and the report
    recorded in the outgoing register with its content as issued.
    """
    db.require(Action.EXPORT, MAKING_REPORT)
    if issue:
        db.require(Action.REPORT_ISSUE, "phát hành báo cáo")
    _check_target(target, issue)
    today = db.clock().date()  # the report's date, which its figures count to: read once
    figures = report.figures(db, start, end, today)
    details = {**_where(target, writer.encrypted), **report_named(start, end)}
    with db.read() as connection:
        written = report_notes.merged(report_notes.read(connection, start, end), notes)
        office = settings.read_all(connection, today)
    if issue:
        missing = report_notes.missing(written)
        if missing:
            raise InputError("Chưa phát hành được: báo cáo còn thiếu phần do cán bộ viết: "
                             + ", ".join(f"«{part}»" for part in missing)
                             + " (viết ở trang Báo cáo hoặc trong tệp các phần do cán bộ viết). " + numbering.NOT_TAKEN)
        issued = outgoing.issue(db, outgoing.Document(
            numbering.REPORT, outgoing.REPORT, subject, office, writer.recipients(office), today,
            lambda number: writer.freeze(office, figures, written, Issue(number, today)), details), writer.write)
        made = Issue(issued.number, issued.issued_on, issued.number_text)
    else:
        content = writer.freeze(office, figures, written, Issue(None, today))
        writer.write(content)
        if target is not None:  # a preview's print or save is audited when it happens
            record(db, EXPORTED, "report", details | outgoing.marked(content))
        made = Issue(None, today)
    if notes is not None:
        report_notes.save(db, start, end, notes)
    return made


def reported_before(db: Database, start: dt.date, end: dt.date) -> tuple[str, str] | None:
    """The reports on the period the register already holds, as the officer issuing another one is told:
    («báo cáo kỳ này đã phát hành trước đó: số 01-BC/BTCTU ngày 30/12/2026», the last one's number); None when
    there is none."""
    earlier = outgoing.reports_on(db, start, end)
    if not earlier:
        return None
    numbers = ", ".join(f"số {entry.number_text} ngày {entry.issued_on:%d/%m/%Y}" for entry in earlier)
    return f"báo cáo kỳ này đã phát hành trước đó: {numbers}", earlier[-1].number_text


def period_unfinished(end: dt.date, on: dt.date) -> str | None:
    """What the officer issuing on `on` a report on a period ending `end` is told while the period has days to
    run: records may still come, which the report issued will not count. None once it has ended — on its last
    day too: the report counts to its own day, as officers report («Đến ngày …»)."""
    if end <= on:
        return None
    return (f"kỳ báo cáo đến hết ngày {end:%d/%m/%Y} mới kết thúc: báo cáo phát hành ngày {on:%d/%m/%Y} giữ nguyên "
            "số liệu của ngày ấy, hồ sơ ghi thêm từ nay đến hết kỳ không có trong báo cáo")


def report_named(start: dt.date, end: dt.date) -> dict[str, Any]:
    """What an audit entry says of a report: its period."""
    return {"tu": start, "den": end}


def reminder_document(db: Database, recipient: str, on: dt.date, target: Path | None, writer: LetterWriter,
                      issue: bool = False) -> tuple[Issue, dict[str, Any]]:
    """A reminder letter (công văn đôn đốc) to `recipient` for its slips unanswered past the reply
    deadline on day `on`, under the settings in force that day; with `issue`, numbered (CV) and
    recorded in the outgoing register."""
    db.require(Action.EXPORT, "lập công văn đôn đốc")
    if issue:
        db.require(Action.REPORT_ISSUE, "phát hành công văn")
    _check_target(target, issue)
    with db.read() as connection:
        data = overdue_for(connection, recipient, on)
        office = settings.read_all(connection, on)
    subject = f"V/v đôn đốc trả lời phiếu yêu cầu xác minh lai lịch ({data['recipient']})"
    letter = Letter(numbering.LETTER, outgoing.REMINDER, subject, office, data, on)
    return _letter_made(db, letter, target, writer, issue, reminder_named(data)), data


def conclusion_document(db: Database, case_id: int, target: Path | None, writer: LetterWriter,
                        issue: bool = False, seen: Sequence[conclusion_notice.IssuedNotice] = (),
                        ) -> tuple[Issue, dict[str, Any]]:
    """The notice of a concluded vetting case's conclusion (thông báo kết luận về tiêu chuẩn chính
    trị), dated today under the settings in force today; with `issue`, numbered (TB) and recorded in
    the outgoing register — refused, in that write, when the case holds one other than those `seen` (the
    officer was told of: `conclusion_notice.issued_before`). A case not concluded has none."""
    may_make_notices(db, issue)
    _check_target(target, issue)
    today = db.clock().date()
    with db.read() as connection:
        office = settings.read_all(connection, today)
    letter = conclusion_letter(db, case_id, office, today)
    return _letter_made(db, letter, target, writer, issue, conclusion_notice.named(letter.data),
                        withheld=conclusion_notice.issued_since(case_id, seen)), letter.data


PRINTING_ARCHIVE_LETTERS = "in công văn tàng thư"


def archive_letter_document(db: Database, find: Callable[[Connection], dict[str, Any]], target: Path | None,
                            writer: LetterWriter, issue: bool = False) -> tuple[Issue, dict[str, Any]]:
    """The công văn of a research between provinces' archives (`find`: its requests, archive_letters), dated its
    own day (archive_letters.letter_day) under the settings in force that day; with `issue`, numbered (CV) and
    recorded in the outgoing register, the number written on its requests where empty (archive_letters.fill_number)
    — refused, in that write, when one of them carries a number of ours already. Its data: the letter and its
    day `on`."""
    db.require(Action.EXPORT, PRINTING_ARCHIVE_LETTERS)
    if issue:
        db.require(Action.REPORT_ISSUE, "phát hành công văn")
    _check_target(target, issue)
    today = db.clock().date()
    with db.read() as connection:
        found = find(connection)
        on = archive_letters.letter_day(found, today)
        office = settings.read_all(connection, on)
    data = {**found, "on": on}
    letter = Letter(numbering.LETTER, outgoing.ARCHIVE_LETTER, archive_letters.register_subject(data, on), office,
                    data, on)
    made = _letter_made(db, letter, target, writer, issue, archive_letter_named(data),
                        withheld=lambda connection: archive_letters.numbered_already(connection, data),
                        numbered=lambda connection, number: archive_letters.fill_number(db, connection, data, number,
                                                                                        on))
    return made, data


def archive_letter_named(letter: Mapping[str, Any]) -> dict[str, Any]:
    """What an audit entry says of an archive letter: the persons in it, as the trail names a request."""
    return records_named(ARCHIVE_REQUESTS, [{**letter, **person} for person in letter["persons"]])


def may_make_notices(db: Database, issue: bool) -> None:
    """Refuses a user who may not make the notice of a conclusion or, with `issue`, issue it."""
    db.require(Action.EXPORT, MAKING_NOTICE)
    if issue:
        db.require(Action.REPORT_ISSUE, ISSUING_NOTICE)


def conclusion_letter(db: Database, case_id: int, office: dict[str, str], on: dt.date) -> "Letter":
    """The notice of the concluded case `case_id`'s conclusion, dated `on` under the settings `office`."""
    data = conclusion_notice.of_case(db, case_id)
    return Letter(numbering.NOTICE, outgoing.CONCLUSION, conclusion_notice.subject(data), office, data, on)


@dataclass(frozen=True)
class Letter:
    """A document made from one record's `data` (a reminder, a notice): its number's type, its kind
    in the register, its trích yếu, the settings in force on its day `on`."""

    doc_type: str
    kind: str
    subject: str
    office: dict[str, str]
    data: dict[str, Any]
    on: dt.date


def _letter_made(db: Database, letter: Letter, target: Path | None, writer: LetterWriter, issue: bool,
                 named: dict[str, Any], **issuing: Any) -> Issue:
    """`letter` written: a draft (its print or save audited), or issued with the next number of its type (the
    outgoing.Document's `withheld` and `numbered` given in `issuing`)."""
    details = {**_where(target, writer.encrypted), **named}
    if not issue:
        content = writer.freeze(letter.office, letter.data, Issue(None, letter.on))
        writer.write(content)
        if target is not None:  # a preview's print or save is audited when it happens
            record(db, PRINTED, letter.kind, details | outgoing.marked(content))
        return Issue(None, letter.on)
    issued = outgoing.issue(db, replace(to_issue(letter, writer, details), **issuing), writer.write)
    return Issue(issued.number, issued.issued_on, issued.number_text)


def to_issue(letter: Letter, writer: LetterWriter, details: dict[str, Any]) -> outgoing.Document:
    """`letter` as the outgoing register issues it, numbered and frozen by `writer` — a number written by hand as
    one of ours on an archive request passed over —, its issue audited with `details`."""
    return outgoing.Document(letter.doc_type, letter.kind, letter.subject, letter.office,
                             writer.recipients(letter.data), letter.on,
                             lambda number: writer.freeze(letter.office, letter.data, Issue(number, letter.on)),
                             details, written=archive_letters.written_ours)


def notice_previewed(letter: Letter, writer: LetterWriter) -> outgoing.Document:
    """The notice `letter` issued into the print preview, audited as its case's window audits it."""
    return to_issue(letter, writer, {**_where(None), **conclusion_notice.named(letter.data)})


def reminder_caution(recipient: str, on: dt.date) -> str | None:
    """What the officer is told of a letter dated since 01/7/2025 to a unit named after a former province."""
    former = gazetteer.former_province_told(recipient) if on >= gazetteer.MERGED_ON else None
    return f"Lưu ý: {former}; hãy xem lại nơi nhận trước khi gửi công văn." if former else None


def reminder_named(data: Mapping[str, Any]) -> dict[str, Any]:
    """What an audit entry says of a reminder letter (`overdue_for`'s data): to whom, on which day, for
    how many overdue slips."""
    return {"noi_nhan": data["recipient"], "ngay": data["on"], "so_phieu_qua_han": len(data["slips"])}


UNSIGNED = ("cài đặt «Người ký» để trống: văn bản phát hành không có họ tên người ký dưới chữ ký, "
            "và in lại từ sổ văn bản đi vẫn như thế")


def unsigned(db: Database, on: dt.date) -> bool:
    """Whether a document issued on `on` would carry no signer's name (`UNSIGNED`): the setting empty that day."""
    with db.read() as connection:
        return not settings.read_all(connection, on)["nguoi_ky"].strip()


def delegation_day(trip: Mapping[str, Any], printed_on: dt.date) -> dt.date:
    """A member list's own date: the decision's, else the day it is printed (a trip planned ahead is
    proposed now, not on its departure day)."""
    return trip["decision_on"] or printed_on


def decision(trip: Mapping[str, Any]) -> str:
    """«Quyết định số 125-QĐ/TU ngày 10/03/2025» that sent the delegation ("" for one not decided yet)."""
    if not trip["decision_no"]:
        return ""
    when = f" ngày {display_date(trip['decision_on'])}" if trip["decision_on"] else ""
    return f"Quyết định số {trip['decision_no']}{when}"


PRINTING_DELEGATIONS = "in danh sách đoàn ra"  # what printing a delegation's member list asks the role for
UNSIGNED_LIST = ("in ra không có họ tên người ký dưới chữ ký: cài đặt «Người ký» để trống vào ngày của "
                 "danh sách")


def unsigned_lists(db: Database, ids: Sequence[int], printed_on: dt.date) -> list[str]:
    """`unsigned_named` of the delegations `ids`, as the settings now stand, for an officer allowed to print them."""
    db.require(Action.EXPORT, PRINTING_DELEGATIONS)
    with db.read() as connection:
        office = settings.read_history(connection)
        trips = connection.execute(select(delegations.c.name, delegations.c.decision_no, delegations.c.decision_on)
                                   .where(delegations.c.id.in_(ids), delegations.c.deleted_at.is_(None))
                                   .order_by(delegations.c.id)).mappings().all()
    return unsigned_named(office, trips, printed_on)


def unsigned_named(office: Office, trips: Sequence[Mapping[str, Any]], printed_on: dt.date) -> list[str]:
    """The delegations among `trips` whose member list printed on `printed_on` carries no signer's name
    (`UNSIGNED_LIST`), each named with its decision and the list's day (`delegation_day`)."""
    named = []
    for trip in trips:
        day = delegation_day(trip, printed_on)
        if not office.on(day)["nguoi_ky"].strip():
            sent_by = f" ({decision(trip)})" if trip["decision_no"] else ""
            named.append(f"«{trip['name']}»{sent_by}, danh sách ngày {display_date(day)}")
    return named


def issue_named(issue: Issue) -> dict[str, Any]:
    """What an audit entry says of a document's number: nothing for a draft."""
    return {} if issue.number is None else {"so_van_ban": issue.text}


def reprint(db: Database, number_text: str, on: dt.date | None, write: Callable[[outgoing.Content], None],
            target: Path | None, fmt: str = "pdf", encrypted: bool = False) -> tuple[outgoing.Issued, str | None]:
    """An issued document written again from its content as issued (`write`: to the file `target` in
    `fmt`, `encrypted` with a password, or for the print preview), audited; with what the officer is
    told of its number. A file written settles a number left "đang ghi" (`outgoing.written_again`);
    a preview does not, and is audited only once printed or saved from there."""
    entry, content = outgoing.content_of(db, number_text, on)
    write(content)
    if target is None:
        return entry, None
    details = {**_where(target, encrypted), "so_van_ban": entry.number_text, "dinh_dang": fmt,
               **outgoing.marked(content)}
    record(db, PRINTED if fmt == "pdf" else EXPORTED, entry.kind, details)
    return outgoing.written_again(db, entry, details)


# Slips

def _slip_query():
    """Every slip out of the recycle bin with its person and recipient, in the import layout (and
    its id), in issue order."""
    return record_rows.query(SLIPS).where(slips.c.deleted_at.is_(None))


def in_period(connection: Connection, kind: Kind, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """The records of `kind` out of the recycle bin dated in the period (both days included: a slip's issue, a tàng
    thư request's letter), in the register's order, in the import layout (and their ids)."""
    check_period(start, end)
    table = kind.table
    query = record_rows.query(kind).where(table.c.deleted_at.is_(None), table.c[kind.date_key].between(start, end))
    return [dict(row) for row in connection.execute(query).mappings()]


def slips_numbered(connection: Connection, year: int, numbers: Sequence[str]) -> list[dict[str, Any]]:
    """The slips of `year` with these numbers (as written), in the order given; every one must exist."""
    keys = [identity_key(number) for number in numbers]
    query = _slip_query().where(slips.c.year == year, slips.c.number_key.in_(set(keys)))
    found = {identity_key(row["number"]): dict(row) for row in connection.execute(query).mappings()}
    missing = [number for number, key in zip(numbers, keys, strict=True) if key not in found]
    if missing:
        raise InputError(f"Không có phiếu số {', '.join(missing)} năm {year}.")
    return [found[key] for key in dict.fromkeys(keys)]


def slips_by_ids(connection: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The slips chosen in a register (those still there), in the order given."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 400):
        query = _slip_query().where(slips.c.id.in_(list(ids[start:start + 400])))
        found.update((row["id"], dict(row)) for row in connection.execute(query).mappings())
    return [found[record_id] for record_id in ids if record_id in found]


def overdue_for(connection: Connection, recipient: str, on: dt.date) -> dict[str, Any]:
    """What a reminder letter (công văn đôn đốc) to `recipient` lists: its slips still unanswered past
    the reply deadline on day `on` (each by the days in force the day it was issued), oldest first, and
    those days."""
    unit = _recipient_named(connection, recipient)
    history = settings.read_history(connection)
    query = _slip_query().where(slips.c.recipient_id == unit.id, deadlines.slip_reply_overdue(on, history),
                                slips.c.issued_on <= on)
    found = [{**dict(row), "days_late": (on - deadlines.slip_reply_due(row["issued_on"], history)).days}
             for row in connection.execute(query).mappings()]
    if not found:
        raise InputError(f"Vào ngày {display_date(on)} không có phiếu nào gửi «{unit.name}» quá hạn trả lời "
                         f"({history.days_on(deadlines.REPLY_DAYS, on)} ngày); không lập công văn đôn đốc.")
    days = tuple(sorted({history.days_on(deadlines.REPLY_DAYS, slip["issued_on"]) for slip in found}))
    return {"recipient": unit.name, "on": on, "days": days, "slips": found,
            "earlier": _reminded_before(connection, unit.id, found, on)}


def _reminded_before(connection: Connection, unit_id: int, found: list[dict[str, Any]],
                     on: dt.date) -> list[dict[str, Any]]:
    """The reminders the register holds as issued, dated on or before `on`, to the unit `unit_id` about any of
    the slips `found`: each its number as printed and its date, in the order their numbers were taken."""
    asked = {(slip["number"], slip["issued_on"].isoformat()) for slip in found}
    return [{"number": entry.number_text, "on": entry.issued_on}
            for entry, content in outgoing.contents_in(connection, outgoing.REMINDER)
            if entry.issued_on <= on and asked & {(slip["number"], slip["issued_on"]) for slip in content["slips"]}
            and _is_unit(connection, content["recipient"], unit_id)]


def _is_unit(connection: Connection, name: str, unit_id: int) -> bool:
    """Whether `name`, a recipient as a letter named it, is the unit `unit_id` (or was merged into it)."""
    try:
        return _recipient_named(connection, name).id == unit_id
    except InputError:  # a unit no longer in the list
        return False


def _recipient_named(connection: Connection, name: str):
    """The recipient unit written `name` (case, accents and spacing aside; then its dashes; then its
    accents); a spelling merged into another entry means the entry kept."""
    kept = recipients.alias("kept")
    units = connection.execute(select(recipients.c.name.label("spelt"), kept.c.id, kept.c.name).join_from(
        recipients, kept, kept.c.id == func.coalesce(recipients.c.merged_into_id, recipients.c.id))).all()
    same = next((found for found in ({unit.id: unit for unit in units if rule(unit.spelt) == rule(name)}
                                     for rule in (identity_key, unit_key, unit_letters)) if found), {})
    if not same:
        raise InputError(f"Không có nơi nhận phiếu «{name}» trong danh sách nơi nhận; {_names_to_write(units, name)} "
                         "Ghi đúng tên nơi nhận như trong danh sách.")
    if len(same) > 1:
        raise InputError(f"«{name}» khớp {len(same)} nơi nhận: " + "; ".join(unit.name for unit in same.values())
                         + ". Ghi đủ dấu để chọn một.")
    return next(iter(same.values()))


MOST_NAMES_TOLD = 10


def _names_to_write(units, name: str) -> str:
    """The units whose name holds every word of `name` (accents and case aside) as a question, else the
    list's first MOST_NAMES_TOLD names."""
    names = sorted({unit.name for unit in units}, key=text_sort_key)
    meant = [unit for unit in names if all(word in unit_letters(unit) for word in fold(name).split())]
    if meant:
        return f"có phải {' hay '.join(f'«{unit}»' for unit in meant[:MOST_NAMES_TOLD])}?"
    more = ", …" if len(names) > MOST_NAMES_TOLD else ""
    return f"các nơi nhận: {', '.join(f'«{unit}»' for unit in names[:MOST_NAMES_TOLD])}{more}."


def recipients_overdue(connection: Connection, on: dt.date) -> list[tuple[str, int]]:
    """The recipients with slips unanswered past the deadline on `on`, and how many each."""
    history = settings.read_history(connection)
    return [(name, count) for name, count in connection.execute(
        select(recipients.c.name, func.count()).select_from(slips.join(recipients))
        .where(slips.c.deleted_at.is_(None), deadlines.slip_reply_overdue(on, history))
        .group_by(recipients.c.name).order_by(func.count().desc(), recipients.c.name))]


# Delegations

def delegation_for_print(connection: Connection, decision_no: str, on: dt.date | None) -> dict[str, Any]:
    """One delegation by its decision number, with its members (heads first).

    A number shared by several delegations needs the decision date to tell them apart. The number may
    be typed without accents or «đ» («125-QD/TU»), as a keyboard without a Vietnamese input method does.
    """
    wanted = fold(decision_no)
    rows = connection.execute(select(delegations).where(delegations.c.deleted_at.is_(None),
                                                        delegations.c.decision_no.is_not(None))).mappings()
    found = [dict(row) for row in rows if fold(row["decision_no"]) == wanted]
    if on is not None:
        found = [row for row in found if row["decision_on"] == on]
    if not found:
        when = f" ngày {display_date(on)}" if on else ""
        raise InputError(f"Không có đoàn ra nào theo quyết định số «{decision_no}»{when}.")
    if len(found) > 1:
        dates = ", ".join(display_date(row["decision_on"]) or "không ghi ngày" for row in found)
        raise Ambiguous(f"Số quyết định «{decision_no}» dùng cho {len(found)} đoàn (ngày quyết định: {dates})",
                        "ngày quyết định", "một đoàn")
    return _with_members(connection, found[0])


def delegation_by_id(connection: Connection, delegation_id: int) -> dict[str, Any]:
    """One delegation, from its register or its form."""
    found = connection.execute(select(delegations).where(delegations.c.id == delegation_id,
                                                         delegations.c.deleted_at.is_(None))).mappings().first()
    if found is None:
        raise InputError("Đoàn ra này không còn trong danh sách (đã xóa?).")
    return _with_members(connection, dict(found))


def _with_members(connection: Connection, trip: dict[str, Any]) -> dict[str, Any]:
    """The delegation with its members, heads first, each with the position and unit written for the trip,
    else those of the cadre's file (an old list often names the members only), the «Mã ngạch» and «Bậc» of the
    salary step in force the day the delegation left (None without one), and whether the cadre is in the recycle
    bin (`binned`: left the office)."""
    members = connection.execute(
        select(persons.c.id.label("person_id"), persons.c.full_name, persons.c.birth_date, persons.c.home_town,
               func.coalesce(func.nullif(delegation_members.c.position, ""), cadres.c.position).label("position"),
               func.coalesce(func.nullif(delegation_members.c.unit, ""), units.c.name).label("unit"),
               delegation_members.c.role, delegation_members.c.not_going, delegation_members.c.id,
               cadres.c.deleted_at.is_not(None).label("binned"))
        .select_from(delegation_members.join(cadres).join(persons).outerjoin(units, cadres.c.unit_id == units.c.id))
        .where(delegation_members.c.delegation_id == trip["id"]).order_by(*delegation_order.as_decided()))
    members = [dict(member) for member in members.mappings()]
    steps = SALARY.of_owners(connection, {member["person_id"] for member in members})
    for member in members:
        step = step_on(steps.get(member["person_id"], []), trip["depart_on"]) or {}
        member.update(grade_code=step.get("grade_code"), step=step.get("step"))
    trip["members"] = members
    return trip


def members_binned(trip: Mapping[str, Any]) -> list[str]:
    """What to tell of each member of the delegation `trip` whose cadre is in the recycle bin: left the office
    after the list was made, or deleted by mistake."""
    return [f"«{member['full_name']}» đã chuyển vào Thùng rác (không còn trong danh sách cán bộ) mà vẫn có tên "
            "trong đoàn; nếu người ấy không đi, hãy bỏ khỏi danh sách đoàn ở biểu mẫu đoàn ra"
            for member in trip["members"] if member["binned"]]


# Cadres

def cadre_for_print(connection: Connection, full_name: str, birth_date: str | None,
                    home_town: str | None = None) -> dict[str, Any]:
    """One cadre's summary, the cadre named by name (its accents as stored, else typed without them), then
    by birth date (ISO, at its precision) and home town when namesakes exist: the person rule."""
    found = _named_cadres(connection, full_name)
    if birth_date:
        found = [row for row in found if row["birth_date"] == birth_date]
    if home_town:
        found = [row for row in found if place_key(row["home_town"] or "") == place_key(home_town)]
    born = f" sinh {PartialDate.from_iso(birth_date).display}" if birth_date else ""
    if not found:
        raise InputError(f"Không có cán bộ «{full_name}»{born}" + (f", quê «{home_town}»" if home_town else "") + ".")
    if len(found) == 1:
        return _summary(connection, found[0])
    several = f"Có {len(found)} cán bộ tên «{full_name}»{born}"
    if not birth_date:
        raise Ambiguous(several, "ngày sinh", "một người")
    towns = "; ".join(f"quê {row['home_town']}" if row["home_town"] else "không ghi quê" for row in found)
    if not home_town:
        raise Ambiguous(f"{several} ({towns})", "quê quán", "một người")
    raise InputError(f"{several}, cùng quê, khác số CCCD; hãy in trích ngang từ hồ sơ cán bộ trong chương trình.")


def _named_cadres(connection: Connection, full_name: str) -> list[dict[str, Any]]:
    """The cadres of that name; a name typed without accents («nguyen van hung») finds, when no name is
    stored so, those whose name reads so without theirs, as the registers' search finds them."""
    found = [dict(row) for row in connection.execute(
        _cadre_query().where(persons.c.name_key == name_key(full_name))).mappings()]
    if found or not full_name.isascii():  # typed with accents: as it is stored, or not at all
        return found
    candidates = connection.execute(_cadre_query().where(search.person_condition(full_name, persons.c.id))).mappings()
    return [dict(row) for row in candidates if name_words(row["full_name"]) == name_words(full_name)]


def cadre_by_id(connection: Connection, cadre_id: int) -> dict[str, Any]:
    """One cadre's summary, from the cadre's file."""
    found = connection.execute(_cadre_query().where(cadres.c.id == cadre_id)).mappings().first()
    if found is None:
        raise InputError("Cán bộ này không còn trong danh sách (đã xóa?).")
    return _summary(connection, dict(found))


def vitae_by_id(connection: Connection, cadre_id: int) -> dict[str, Any]:
    """One cadre's curriculum vitae (form 2C): the summary's particulars, work periods, rewards, discipline,
    family and foreign elements, with the training, the declared own history, the salary's course (the last
    step read as item 14) and the yearly appraisals, each in the order of its time."""
    vitae = cadre_by_id(connection, cadre_id)
    for key, notes in (("training", TRAINING), ("history", OWN_HISTORY), ("salary", SALARY),
                       ("appraisals", APPRAISALS)):
        vitae[key] = notes.read(connection, vitae["person_id"])
    return vitae


def _cadre_query():
    return record_rows.query(CADRES).add_columns(persons.c.other_names).where(cadres.c.deleted_at.is_(None))


def _summary(connection: Connection, cadre: dict[str, Any]) -> dict[str, Any]:
    """Particulars, party dates, the work periods in the order lived, the rewards and the discipline in the order
    decided, the family (the relatives list and
    the relatives known from slips), trips abroad (the delegations and those recorded on the file), the
    other foreign elements of the cadre and of each relative, every slip about the cadre and about each
    relative, and the political issues of both, oldest first."""
    found = known.read(connection, cadre["person_id"])
    cadre["work"] = WORK_PERIODS.read(connection, cadre["person_id"])
    cadre["rewards"] = REWARDS.read(connection, cadre["person_id"])
    cadre["discipline"] = DISCIPLINES.read(connection, cadre["person_id"])
    listed = {relative.id: relative for relative in relatives.of_person(connection, cadre["person_id"])}
    elements = foreign.read(connection, cadre["person_id"])
    cadre["trips"] = _trips(_delegation_trips(connection, cadre["id"]),
                            [_trip_recorded(element) for element in elements if trips.own_trip(element)])
    cadre["foreign"] = sorted((_element(element, listed) for element in elements if not trips.own_trip(element)),
                              key=lambda element: (element["relation"] != SELF, element["since"] or ""))
    cadre["political"] = [_issue(note, listed) for note in POLITICAL_NOTES.read(connection, cadre["person_id"])]
    numbers = {slip.slip_id: slip.number for slip in found.slips}
    work = _work_abroad(elements)
    cadre["relatives"] = [_relative(relative, listed.get(relative.record_id), numbers, work.get(relative.record_id))
                          for relative in found.relatives]
    cadre["slips"] = [{"number": slip.number, "issued_on": slip.issued_on, "full_name": slip.subject_name,
                       "relation": slip.relation, "purpose": slip.purpose, "recipient": slip.recipient,
                       "result_on": slip.result_on, "result": slip.result}
                      for slip in sorted(found.slips, key=lambda slip: (slip.relation != SELF, slip.issued_on,
                                                                        slip.slip_id))]
    return cadre


def _trips(on_delegations: list[dict[str, Any]], recorded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The trips abroad in the order made: the delegations', and those recorded on the file but one
    recorded there too (it prints once, as the delegation's, which names the decision that sent it)."""
    own = [trip for trip in recorded if not any(trips.same_trip(trip, sent) for sent in on_delegations)]
    return sorted(on_delegations + own, key=lambda trip: trip["start"])


def _delegation_trips(connection: Connection, cadre_id: int) -> list[dict[str, Any]]:
    """The cadre's places on delegations that went, the cadre with them (trip_status), each as a trip: where,
    when (ISO), which delegation and why, the cadre's role and the decision that sent it."""
    rows = connection.execute(
        select(delegations.c.decision_no, delegations.c.decision_on, delegations.c.name, delegations.c.countries,
               delegations.c.purpose, delegations.c.depart_on, delegations.c.return_on, delegation_members.c.role)
        .select_from(delegation_members.join(delegations))
        .where(delegation_members.c.cadre_id == cadre_id, delegations.c.deleted_at.is_(None),
               trip_status.member_going())
        .order_by(DELEGATIONS.period(), delegations.c.id))
    return [{"countries": row.countries, "start": row.depart_on.isoformat(), "end": row.return_on.isoformat(),
             "name": row.name, "purpose": row.purpose, "role": row.role, "decision_no": row.decision_no,
             "decision_on": row.decision_on, "source": None} for row in rows]


def _trip_recorded(element: dict[str, Any]) -> dict[str, Any]:
    """A trip recorded on the person's file (a foreign element «Đi nước ngoài», «… về việc riêng»), as a
    delegation's is: told by its source rather than a decision."""
    return {"countries": element["country"], "start": element["since"], "end": element["until"],
            "name": element["details"], "purpose": trips.purpose_of(element), "role": None, "decision_no": None,
            "decision_on": None, "source": element["source"]}


def _element(element: dict[str, Any], listed: dict[int, relatives.Relative]) -> dict[str, Any]:
    """A foreign element with whom it is about, and where that relative lives (2C item 29c asks the address)."""
    about = listed.get(element[RELATIVE])
    return {"element_kind": element["element_kind"], **_about(element, listed), "country": element["country"],
            "since": element["since"], "until": element["until"], "details": element["details"],
            "source": element["source"], "residence": about.residence if about else None}


ISSUE_KEYS = ("axis", "content", "evidence", "found_on", "regulation", "effect", "limit_note")


def _issue(note: dict[str, Any], listed: dict[int, relatives.Relative]) -> dict[str, Any]:
    """A political issue with whom it is about, the day it was concluded, the regulation, the effect and the
    ceiling."""
    return {**{key: note[key] for key in ISSUE_KEYS}, **_about(note, listed)}


def _about(record: dict[str, Any], listed: dict[int, relatives.Relative]) -> dict[str, Any]:
    """Whom a record of the file is about: the cadre («Bản thân»), or a relative by relation and name."""
    about = record[RELATIVE]
    if about is None:
        return {"relation": SELF, "full_name": None}
    if about in listed:
        return {"relation": listed[about].relation, "full_name": listed[about].full_name}
    return {"relation": "Thân nhân", "full_name": REMOVED}


def _work_abroad(elements: Sequence[dict[str, Any]]) -> dict[int, str]:
    """What each relative abroad does there, by their entry on the relatives list: the details of the foreign
    elements about them (living abroad, working for foreigners), in the order of their time."""
    told: dict[int, list[str]] = {}
    for element in sorted(elements, key=lambda element: element["since"] or ""):
        if element[RELATIVE] is not None and element["details"] and element["element_kind"] in (
                foreign.RELATIVE_ABROAD, foreign.WORK_FOR_FOREIGNERS):
            told.setdefault(element[RELATIVE], []).append(element["details"])
    return {relative: "; ".join(details) for relative, details in told.items()}


def _relative(relative: known.KnownRelative, listed: relatives.Relative | None,
              numbers: dict[int, str], work_abroad: str | None) -> dict[str, Any]:
    """A relative as item 30 lists them; their occupation, where the list holds none, what they do abroad."""
    slips_named = [numbers[slip_id] for slip_id in relative.slip_ids if slip_id in numbers]
    source = "Danh sách thân nhân" if listed is not None else ""
    if slips_named:
        source = "; ".join(filter(None, (source, "Phiếu " + ", ".join(slips_named))))
    return {"relation": relative.relation, "full_name": relative.full_name, "birth_date": relative.birth_date,
            "home_town": relative.home_town, "residence": _lives(listed),
            "occupation": (listed.occupation if listed else None) or work_abroad, "source": source,
            "died": listed and listed.died, "party_member": bool(listed and listed.in_party)}


def _lives(listed: relatives.Relative | None) -> str | None:
    """Where a listed relative lives, «trong / ngoài nước» as form 2C asks (item 30): the residence as
    written, followed by the country when abroad unless it names it, or «ở nước ngoài» while the country
    is not known."""
    if listed is None or not listed.abroad:
        return listed and listed.residence
    country = listed.country or ABROAD
    if not listed.residence:
        return capitalised(country)
    if fold(country) in fold(listed.residence):
        return listed.residence
    return f"{listed.residence} ({country})"
