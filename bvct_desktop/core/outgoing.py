"""The outgoing register (sổ đăng ký văn bản đi): every document issued with a number, its trích
yếu, signer and recipients, and its content as issued — kept in the encrypted database, so the
document can be written again, in any format, exactly as issued, whatever the records say now.

A document is issued in three steps (numbering.issuing): its number is taken and committed
("đang ghi") with its content, in one transaction; the file is written from what the register keeps;
the number is confirmed with the issue's audit entry ("đã phát hành"). A failed write leaves the
number "hỏng", never free; a crash between leaves it "đang ghi" with its content, so the document
can still be written again — and once a user who may issue has written it again whole, its number
is issued (`written_again`).
"""

import datetime as dt
import json
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from time import monotonic, sleep  # the names the tests replace
from typing import Any

from sqlalchemy import JSON, ColumnElement, Text, case, cast, select, type_coerce
from sqlalchemy.engine import Connection

from . import crashpoints, numbering, retention, settings
from .audit_actions import DOCUMENT_ISSUED, NUMBER_SPOILED, NUMBERS_USED_OUTSIDE
from .database import Database
from .errors import Ambiguous, BusyError, BvctError, InputError
from .permissions import Action, allows
from .schema import document_numbers, outgoing_documents
from .text import clean

# what the content is, for its writer
REPORT, REMINDER, CONCLUSION, ARCHIVE_LETTER = "report", "reminder", "conclusion", "archive_letter"
KIND_LABELS = {REPORT: "Báo cáo", REMINDER: "Công văn", CONCLUSION: "Thông báo", ARCHIVE_LETTER: "Công văn"}
KIND_OF_TYPE = {numbering.REPORT: REPORT, numbering.LETTER: REMINDER, numbering.NOTICE: CONCLUSION}
VIEWED_REGISTER = "xem sổ văn bản đi"
# an issued number dated ahead is marked "hỏng" by an administrator, who keeps the numbering's settings
DATED_AHEAD_PERMISSION = Action.SETTINGS
# a document written (on paper, to be signed) has its number confirmed however long another officer's
# write (an import of a long list) holds the database, up to this: never left "đang ghi" or spoiled for it
CONFIRM_WAIT_S = 10 * 60
CONFIRM_PAUSE_S = 0.5  # between two tries (a refusal may come at once: a deadlock or serialisation failure)
Content = dict[str, Any]
SECRECY = "do_mat"  # the setting, and what an entry about a document made says of its «MẬT» mark
Withheld = Callable[[Connection], str | None]  # why, read in the write that would number a document, it is not issued
Numbered = Callable[[Connection, str], None]  # what the number taken ("05-CV/BTCTU") is written on, in that write
Written = Callable[[Connection], Container[str]]  # the numbers ("05-CV/BTCTU") on a record already, read in that write


@dataclass(frozen=True)
class Issued:
    """One entry of the register."""

    id: int
    number: int
    doc_type: str
    symbol: str
    issued_on: dt.date
    kind: str
    subject: str
    signer: str
    recipients: str
    status: str
    kept: retention.Kept  # thời hạn bảo quản, from the document's kind and, for a report, its period

    @property
    def number_text(self) -> str:
        return numbering.number_text(self.number, self.doc_type, self.symbol)

    @property
    def status_label(self) -> str:
        return numbering.STATUS_LABELS.get(self.status, self.status)


def signer_of(office: dict[str, str]) -> str:
    """"K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN Nguyễn Văn Hòa" as the register writes the signer."""
    title = ", ".join(settings.signer_titles(office["quyen_ky"], office["chuc_vu_ky"]))
    return f"{title} {office['nguoi_ky']}".strip()


def recipients_text(recipients: list[str]) -> str:
    """"Nơi nhận" as one line of the register: "Thường trực Tỉnh ủy (để báo cáo); Lưu Văn phòng Ban"."""
    return "; ".join(item.rstrip(",.; ") for item in recipients)


@dataclass(frozen=True)
class Document:
    """A document to issue: its type of number, its kind in the register, its trích yếu, the settings in force
    on its day `on`, its «Nơi nhận», its content given its number, and what its issue's audit entry says;
    `withheld` tells why, read in the write that would number it, it is not issued after all (another officer
    issued it meanwhile), or None; `numbered` writes the number taken on the records the document is made from
    (an archive letter's requests), in that write; `written`, the numbers («05-CV/BTCTU») written on a record
    as the office's already (by hand), so passed over."""

    doc_type: str
    kind: str
    subject: str
    office: dict[str, str]
    recipients: list[str]
    on: dt.date
    freeze: Callable[[int], Content]
    details: dict[str, Any]
    withheld: "Withheld" = lambda _connection: None
    numbered: "Numbered" = lambda _connection, _number: None
    written: "Written" = lambda _connection: ()


class NotWritten(BvctError):
    """Documents issued — numbered, kept in the register, audited — whose writing failed afterwards: each is
    written again, as issued, from the register. `made`: each document's entry, or why it was withheld."""

    def __init__(self, message: str, made: Sequence["Issued | str"] = ()):
        super().__init__(message)
        self.made = list(made)


def issue(db: Database, document: Document, write: Callable[[Content], None]) -> Issued:
    """Takes the next number of `document`'s type and keeps its content (`freeze(number)`) with it in the
    register, in one transaction (audited, as every write is), writes the document from what the
    register keeps (`write`), and confirms the number with the issue's audit entry. A failed write
    leaves the number "hỏng"."""
    with db.write() as connection:  # the number and its line in the register: both or neither
        if (why := document.withheld(connection)) is not None:
            raise InputError(f"{why} {numbering.NOT_TAKEN}")
        entered = _entered(db, connection, document)
    with numbering.issuing(db, entered.reserved, document.office["ky_hieu"]):
        write(json.loads(entered.kept))  # the document is written from what the register keeps, as a reprint is
        crashpoints.reached("document-written")
        _confirm(db, entered.reserved.id, document.kind, entered.row_id, entered.details)
    return find_by_id(db, entered.row_id)


def issue_together(db: Database, documents: Sequence[Document], write: Callable[[list[Content]], None],
                   ) -> list[Issued | str]:
    """Each of `documents` not withheld issued as `issue` issues one — its number, the next in their order, its
    line in the register, its audit entries — all in ONE transaction (a failure on the way takes no number at
    all), then all written at once (`write`, from what the register keeps) once committed, holding up no other
    write: a failure then is told as NotWritten. Each document's entry, or why it was withheld."""
    with db.write() as connection:
        withheld = [document.withheld(connection) for document in documents]
        entered = [_entered(db, connection, document)
                   for document, why in zip(documents, withheld, strict=True) if why is None]
        for one in entered:
            numbering.confirm(connection, one.reserved.id)
            db.audit(connection, DOCUMENT_ISSUED, kind=one.kind, record_id=one.row_id, details=one.details)
        crashpoints.reached("documents-entered")
    if not entered:
        return withheld
    with db.read() as connection:
        rows = connection.execute(_query().where(outgoing_documents.c.id.in_([one.row_id for one in entered]))
                                  .order_by(document_numbers.c.id))
        issued = iter([_issued(row) for row in rows])
    made = [why or next(issued) for why in withheld]
    try:
        write([json.loads(one.kept) for one in entered])
    except Exception as error:
        numbers = ", ".join(entry.number_text for entry in made if isinstance(entry, Issued))
        reason = error.message if isinstance(error, BvctError) else type(error).__name__
        raise NotWritten(f"Đã phát hành {len(entered)} văn bản (số {numbers}) nhưng chưa tạo được bản in ({reason}): "
                         "in lại từng văn bản như đã phát hành từ sổ văn bản đi.", made) from error
    return made


@dataclass(frozen=True)
class _Entered:
    reserved: numbering.Reservation
    row_id: int
    kind: str
    kept: str  # the content as the register keeps it
    details: dict[str, Any]  # the issue's audit entry's


def _entered(db: Database, connection: Connection, document: Document) -> _Entered:
    """The next number of `document` taken, and its line in the register with its content, in the caller's
    transaction."""
    office = document.office
    reserved = numbering.take(db, connection, document.doc_type, numbering.term_start(office), document.on,
                              document.subject, office["ky_hieu"], document.written(connection))
    kept = json.dumps(document.freeze(reserved.number), ensure_ascii=False)
    row_id = connection.execute(outgoing_documents.insert().values(
        number_id=reserved.id, kind=document.kind, symbol=office["ky_hieu"], signer=signer_of(office),
        recipients=recipients_text(document.recipients), content=kept, created_at=db.clock(),
        created_by=db.actor.name)).inserted_primary_key[0]
    number = reserved.text(office["ky_hieu"])
    document.numbered(connection, number)
    db.audit(connection, "ghi sổ văn bản đi", kind=document.kind, record_id=row_id, details={"so_van_ban": number})
    return _Entered(reserved, row_id, document.kind, kept,
                    {**document.details, "so_van_ban": number, **marked(json.loads(kept))})


def marked(content: Content) -> dict[str, str]:
    """What an audit entry says of the «MẬT» mark of a document made from `content`: "MẬT" or "" as it was
    frozen with (nothing for content that keeps no mark)."""
    return {SECRECY: content["secrecy"]} if "secrecy" in content else {}


def written_again(db: Database, entry: Issued, details: dict[str, Any]) -> tuple[Issued, str | None]:
    """`entry` after its document was written again, whole, from the register, and what the officer
    is told of its number: a number left "đang ghi" by an issue cut short (whose file may never
    have been finished) is issued now, with the issue's audit entry, when the user may issue
    documents; anyone else's copy leaves it unconfirmed."""
    if entry.status != numbering.RESERVED:
        return entry, None
    unconfirmed = numbering.STATUS_LABELS[numbering.RESERVED]
    if not allows(db.actor.role, Action.REPORT_ISSUE):
        return entry, (f"Số {entry.number_text} vẫn «{unconfirmed}»: số được xác nhận đã phát hành khi người có "
                       f"quyền phát hành văn bản in lại văn bản này.")
    with db.read() as connection:
        number_id = _number_id(connection, entry)
    _confirm(db, number_id, entry.kind, entry.id, {**details, "so_van_ban": entry.number_text})
    again = find_by_id(db, entry.id)
    return again, f"Số {entry.number_text} (trước đây «{unconfirmed}») nay «{again.status_label}»."


def may_spoil(db: Database, entry: Issued) -> bool:
    """Whether the acting user may mark `entry` "hỏng" (`spoil`)."""
    if entry.status == numbering.RESERVED:
        return allows(db.actor.role, Action.REPORT_ISSUE)
    return (entry.status == numbering.ISSUED and entry.issued_on > db.clock().date()
            and allows(db.actor.role, DATED_AHEAD_PERMISSION))


def spoil(db: Database, entry: Issued, reason: str) -> Issued:
    """Marks a number "hỏng", the reason audited: one left "đang ghi" by an issue cut short, for a document
    that will not be issued after all (a user who may issue); or, by an administrator, an issued one dated
    after today — taken while the computer's date was ahead, it holds up every later number of its type
    until that day (`numbering.reserve`). Its number is still never given again, and its content stays
    in the register."""
    dated_ahead = entry.status == numbering.ISSUED
    if dated_ahead:
        db.require(DATED_AHEAD_PERMISSION, "đánh dấu hỏng số văn bản đã phát hành")
    else:
        db.require(Action.REPORT_ISSUE, NUMBER_SPOILED)
    reason = clean(reason)
    if not reason:
        raise InputError("Hãy ghi lý do đánh dấu hỏng số văn bản.")
    today = db.clock().date()
    with db.write() as connection:
        number_id = _number_id(connection, entry)
        spoiled = (numbering.spoil_dated_ahead(connection, number_id, today) if dated_ahead
                   else numbering.spoil(connection, number_id))
        if not spoiled:
            raise InputError(_not_spoiled(entry, dated_ahead, today))
        db.audit(connection, NUMBER_SPOILED, kind=entry.kind, record_id=entry.id,
                 details={"so_van_ban": entry.number_text, "ngay_van_ban": entry.issued_on,
                          "tinh_trang_truoc": entry.status_label, "ly_do": reason})
    return find_by_id(db, entry.id)


def following(db: Database, doc_type: str, on: dt.date) -> tuple[int, str]:
    """The number the next document of `doc_type` dated `on` takes, and the office's symbol on that day: what
    one who records numbers used outside the program (`used_outside`) is told first."""
    db.require(Action.REPORT_ISSUE, NUMBERS_USED_OUTSIDE)
    with db.read() as connection:
        office = settings.read_all(connection, on)
        return numbering.next_number(connection, doc_type, numbering.term_start(office)), office["ky_hieu"]


def used_outside(db: Database, doc_type: str, last: int, on: dt.date, reason: str) -> Issued:
    """Records that the numbers of `doc_type` up to `last` in the term in force on `on` were used outside
    the program (on a PC lost after its last backup, or by hand on paper), the last of them dated `on`:
    one line of the register, "đã cấp ngoài chương trình", audited with the reason, so the next document
    takes `last` + 1 (`numbering.used_outside`)."""
    db.require(Action.REPORT_ISSUE, NUMBERS_USED_OUTSIDE)
    reason = clean(reason)
    if not reason:
        raise InputError("Hãy ghi lý do (số đã cấp ở đâu, theo sổ đăng ký nào).")
    kind = KIND_OF_TYPE[doc_type]
    with db.write() as connection:
        office = settings.read_all(connection, on)
        taken, first = numbering.used_outside(connection, doc_type, numbering.term_start(office), last, on, reason,
                                              db.actor.name, db.clock())
        row_id = connection.execute(outgoing_documents.insert().values(
            number_id=taken.id, kind=kind, symbol=office["ky_hieu"], signer="", recipients="", content="{}",
            created_at=db.clock(), created_by=db.actor.name)).inserted_primary_key[0]
        db.audit(connection, NUMBERS_USED_OUTSIDE, kind=kind, record_id=row_id,
                 details={"so_van_ban": taken.text(office["ky_hieu"]),
                          "tu_so": numbering.number_text(first, doc_type, office["ky_hieu"]),
                          "ngay_van_ban": on, "ly_do": reason})
    return find_by_id(db, row_id)


def _not_spoiled(entry: Issued, dated_ahead: bool, today: dt.date) -> str:
    if dated_ahead:
        return (f"Số {entry.number_text} ghi ngày {entry.issued_on:%d/%m/%Y}, không sau hôm nay ({today:%d/%m/%Y}): "
                "số đã phát hành chỉ đánh dấu hỏng được khi ghi ngày chưa đến (số lấy khi ngày giờ của máy tính bị "
                "sai).")
    unconfirmed = numbering.STATUS_LABELS[numbering.RESERVED]
    return (f"Số {entry.number_text} không còn «{unconfirmed}»: chỉ số của lần phát hành bị ngắt mới đánh dấu hỏng "
            "được.")


def _number_id(connection: Connection, entry: Issued) -> int:
    return connection.execute(select(outgoing_documents.c.number_id)
                              .where(outgoing_documents.c.id == entry.id)).scalar_one()


def _confirm(db: Database, number_id: int, kind: str, row_id: int, details: dict[str, Any]) -> None:
    deadline = monotonic() + CONFIRM_WAIT_S
    while True:  # each try waits the database's busy time for the other writer
        try:
            with db.write() as connection:
                if numbering.confirm(connection, number_id):
                    db.audit(connection, DOCUMENT_ISSUED, kind=kind, record_id=row_id, details=details)
            return
        except BusyError:
            if monotonic() > deadline:
                raise
        sleep(CONFIRM_PAUSE_S)


# an `Issued`'s fields, in order, but its term of retention. Not the term start its number was taken under: a
# start corrected since would name a term the document is not numbered in; issued_terms.Listing.term_of names it.
_ENTRY = (outgoing_documents.c.id, document_numbers.c.number, document_numbers.c.doc_type, outgoing_documents.c.symbol,
          document_numbers.c.issued_on, outgoing_documents.c.kind, document_numbers.c.subject,
          outgoing_documents.c.signer, outgoing_documents.c.recipients, document_numbers.c.status)


# a content as the database reads JSON (SQLite's json_extract, PostgreSQL's #>): a listing reads the paths
# it shows, not every document whole
_CONTENT = type_coerce(cast(outgoing_documents.c.content, JSON().with_variant(Text(), "sqlite")), JSON)


def _query():
    # a report's period is read for its term; the rest of a content (a letter's list, the profile) is left unread
    period = (case((outgoing_documents.c.kind == REPORT, _CONTENT["figures", end].as_string())).label(f"period_{end}")
              for end in ("from", "to"))
    return select(*_ENTRY, *period).select_from(outgoing_documents.join(document_numbers))


def _issued(row) -> Issued:
    """An entry, its term of retention a report's by its period, a letter's or a notice's the office's
    BVCTNB records' (retention.DOSSIER)."""
    term = retention.DOSSIER if row.period_from is None else retention.report_term(
        dt.date.fromisoformat(row.period_from), dt.date.fromisoformat(row.period_to))
    return Issued(*row[:len(_ENTRY)], kept=retention.kept(term, row.issued_on))


def register(db: Database, year: int | None = None) -> list[Issued]:
    """The register, in the order the numbers were taken (of one year, if given)."""
    db.require(Action.EXPORT, VIEWED_REGISTER)
    query = _query().order_by(document_numbers.c.issued_on, document_numbers.c.id)
    if year is not None:
        query = query.where(document_numbers.c.issued_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    with db.read() as connection:
        return [_issued(row) for row in connection.execute(query)]


def stated(db: Database, kind: str, part: str, keys: tuple[str, ...], **equal: int) -> list[tuple[Issued, Content]]:
    """The register's documents of `kind` it holds as issued (not "hỏng" nor used outside it) whose
    content's `part` holds the numbers `equal`, in the order their numbers were taken, each with that
    part's `keys` as issued: the database reads those paths, the rest of each content is left unread."""
    db.require(Action.EXPORT, VIEWED_REGISTER)
    with db.read() as connection:
        return stated_in(connection, kind, part, keys, **equal)


def stated_in(connection: Connection, kind: str, part: str, keys: tuple[str, ...],
              **equal: int) -> list[tuple[Issued, Content]]:
    """`stated`, read in `connection`'s transaction (the write about to issue one more)."""
    query = _held(kind, *(_CONTENT[part, key].as_integer() == value for key, value in equal.items())).add_columns(
        *(_CONTENT[part, key].label(f"stated_{n}") for n, key in enumerate(keys)))
    return [(_issued(row), dict(zip(keys, row[-len(keys):], strict=True))) for row in connection.execute(query)]


def contents_in(connection: Connection, kind: str) -> list[tuple[Issued, Content]]:
    """The register's documents of `kind` it holds as issued, each with its whole content as issued, in the
    order their numbers were taken, read in `connection`'s transaction."""
    rows = connection.execute(_held(kind).add_columns(outgoing_documents.c.content.label("content_kept")))
    return [(_issued(row), json.loads(row.content_kept)) for row in rows]


def reports_on(db: Database, start: dt.date, end: dt.date) -> list[Issued]:
    """The reports on the period from `start` to `end` the register holds as issued (not "hỏng" nor used outside
    it), in the order their numbers were taken."""
    db.require(Action.EXPORT, VIEWED_REGISTER)
    query = _held(REPORT, *(_CONTENT["figures", bound].as_string() == day.isoformat()
                            for bound, day in (("from", start), ("to", end))))
    with db.read() as connection:
        return [_issued(row) for row in connection.execute(query)]


def _held(kind: str, *where: ColumnElement):
    """The register's documents of `kind` it holds as issued, also meeting `where`, in the order their numbers
    were taken."""
    return (_query().where(outgoing_documents.c.kind == kind, document_numbers.c.status.not_in(numbering.NO_DOCUMENT),
                           *where)
            .order_by(document_numbers.c.issued_on, document_numbers.c.id))


def find_by_id(db: Database, record_id: int) -> Issued:
    with db.read() as connection:
        row = connection.execute(_query().where(outgoing_documents.c.id == record_id)).first()
    if row is None:
        raise InputError("Không có văn bản này trong sổ văn bản đi.")
    return _issued(row)


def find(connection: Connection, number_text: str, on: dt.date | None = None) -> Issued:
    """The entry whose number reads `number_text` ("07-BC/BTCTU", as printed); `on` tells apart
    the same number of two terms."""
    number, doc_type, symbol = parse_number(number_text)
    query = _query().where(document_numbers.c.number == number, document_numbers.c.doc_type == doc_type)
    if on is not None:
        query = query.where(document_numbers.c.issued_on == on)
    found = [entry for entry in map(_issued, connection.execute(query.order_by(document_numbers.c.issued_on)))
             if entry.symbol.upper() == symbol]
    if not found:
        raise InputError(f"Sổ văn bản đi không có văn bản số {number_text}"
                         + (f" ngày {on:%d/%m/%Y}" if on else "") + ".")
    if len(found) > 1:
        dates = ", ".join(f"{entry.issued_on:%d/%m/%Y}" for entry in found)
        raise Ambiguous(f"Số {number_text} có ở {len(found)} nhiệm kỳ (ngày {dates})", "ngày văn bản", "một văn bản")
    return found[0]


def parse_number(text: str) -> tuple[int, str, str]:
    """"07-BC/BTCTU" → (7, "BC", "BTCTU"); "Số 07-BC/BTCTU" and "07-bc/btctu" are read too (the
    type and the symbol in capitals, as printed)."""
    cleaned = clean(text).strip()
    if cleaned[:2].casefold() == "số":
        cleaned = cleaned[2:].strip()
    head, _, symbol = cleaned.partition("/")
    number, _, doc_type = head.partition("-")
    if not (number.strip().isdigit() and doc_type.strip() and symbol.strip()):
        raise InputError(f"Số văn bản «{text}» phải có dạng 07-BC/BTCTU (số-loại/ký hiệu), như in trên văn bản.")
    return int(number), doc_type.strip().upper(), symbol.strip().upper()


_NOT_HERE = {numbering.SPOILED: "văn bản không được phát hành",
             numbering.OUTSIDE: "văn bản không có trong chương trình"}


def content_of(db: Database, number_text: str, on: dt.date | None = None) -> tuple[Issued, Content]:
    """An issued document and its content as issued, for a user allowed to print."""
    db.require(Action.EXPORT, "in lại văn bản đã phát hành")
    with db.read() as connection:
        entry = find(connection, number_text, on)
        if entry.status in numbering.NO_DOCUMENT:
            raise InputError(f"Số {entry.number_text} «{entry.status_label}»: {_NOT_HERE[entry.status]}, "
                             "không in lại được.")
        content = connection.execute(select(outgoing_documents.c.content)
                                     .where(outgoing_documents.c.id == entry.id)).scalar()
    return entry, json.loads(content)


def entries_text(entries: list[Issued]) -> Iterator[str]:
    """The register as lines of text (the command line's `documents list`)."""
    for entry in entries:
        yield "\t".join((entry.number_text, f"{entry.issued_on:%d/%m/%Y}", KIND_LABELS.get(entry.kind, entry.kind),
                         entry.subject, entry.signer, entry.recipients, entry.status_label))
