"""Document numbers ("Số 125-BC/BTCTU"): per document type, continuous within a term.

The rule. A document belongs to the term whose start (setting nhiem_ky_bat_dau) is in force on
the document's own date, and is never dated before that start. Its number is one more than the
highest number of its type already taken for a document dated on or after that start — whatever
start was in force when that number was taken — or taken under that start itself (`next_number`).
The settings may be changed at any time; a number on paper may not, so:
- a new term begins again at 01 as long as no document of its type is dated in it yet;
- a term start set (or corrected) to a day before documents already issued does not restart
  their numbers: the term goes on after them (`continued_note` tells the administrator so);
- a term start moved later than documents already issued leaves them, with their numbers, before
  the term; its own numbers begin at 01 again, on later dates.
A number written by hand on a record as one of the office's (an archive request's letter numbered on paper) is
passed over: two documents never carry one number, as two slips of a year never do (core/slip_numbers).
A document is numbered after every document of its type dated the same day, so a number and a
date always name one document (outgoing.find), whichever term each was numbered in.
Numbers follow the dates: a document is dated no later than the day its number is taken, and
no earlier than any document already numbered before it in its term, unless that number is "hỏng"
(`reserve` refuses otherwise). A number issued while the computer's date was ahead is dated after
today and would hold up every later number of its type until that day: an administrator marks it
"hỏng" (`outgoing.spoil`), and the numbers go on after it.

A number is taken before its document is written, in the transaction that writes the document's
line in the register (`take`), and committed at once: status "đang ghi" — never a number taken
without its line, which shows it and lets it be marked "hỏng". Once the document is written
(`issuing`) the number becomes "đã phát hành" in the same transaction as the document's audit
entry; if writing fails it becomes "hỏng". It is never
given back, since numbers are never deleted and every one counts for the rule above — so a crash
after the file is written and before anything else leaves a number "đang ghi" (the file may
exist; the register shows it as unconfirmed until a user who may issue writes the document again,
`outgoing.written_again`), never a number used twice.
Numbers used outside the program — on a PC lost after its last backup, or by hand on paper while it
was down — are recorded up to the last one (`used_outside`): "đã cấp ngoài chương trình", so the
program goes on after them.
A draft carries no number. Slips keep their own yearly numbers and are not numbered here.

This is the numbering service the outgoing register (sổ đăng ký văn bản đi) builds on.
"""

import contextlib
import datetime as dt
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.engine import Connection

from . import audit_chain, crashpoints
from .database import Database
from .errors import BvctError, InputError
from .schema import document_numbers

TERM_START = "nhiem_ky_bat_dau"  # the setting whose every value is the first day of a term (core/settings)
REPORT = "BC"  # Báo cáo
LETTER = "CV"  # Công văn
NOTICE = "TB"  # Thông báo
RESERVED, ISSUED, SPOILED, OUTSIDE = "reserved", "issued", "spoiled", "outside"
STATUS_LABELS = {RESERVED: "đang ghi (chưa xác nhận)", ISSUED: "đã phát hành", SPOILED: "hỏng",
                 OUTSIDE: "đã cấp ngoài chương trình"}
NO_DOCUMENT = (SPOILED, OUTSIDE)  # numbers whose document the program does not hold as issued
# how a refusal ends: in issuing a document (`reserve`), in recording numbers used outside (`used_outside`)
NOT_TAKEN, NOTHING_RECORDED = "Chưa lấy số văn bản.", "Chưa ghi gì."


@dataclass(frozen=True)
class Reservation:
    id: int
    doc_type: str
    term: dt.date
    number: int
    issued_on: dt.date

    def text(self, code: str) -> str:
        """The number as printed, e.g. "07-BC/BTCTU" (`code` is the office's ky_hieu)."""
        return number_text(self.number, self.doc_type, code)


def number_text(number: int, doc_type: str, symbol: str) -> str:
    """"07-BC/BTCTU": below 10 with a leading zero (spec, "Numbers")."""
    return f"{number:02d}-{doc_type}/{symbol}"


def term_start(office: dict[str, str]) -> dt.date:
    return dt.date.fromisoformat(office[TERM_START])


def reserve(connection: Connection, doc_type: str, term: dt.date, issued_on: dt.date, subject: str,
            user: str, now: dt.datetime, written: Callable[[int], bool] = lambda _number: False) -> Reservation:
    """The next number of `doc_type` in the term starting `term` that is not `written` on a record already (by
    hand, on paper the register does not hold), taken in the caller's transaction."""
    _may_be_dated(connection, doc_type, term, issued_on, now.date(), NOT_TAKEN)
    number = next_number(connection, doc_type, term)
    while written(number):
        number += 1
    return _taken(connection, doc_type, term, number, issued_on, subject, user, now, RESERVED)


def used_outside(connection: Connection, doc_type: str, term: dt.date, last: int, issued_on: dt.date, reason: str,
                 user: str, now: dt.datetime) -> tuple[Reservation, int]:
    """The numbers of `doc_type` up to `last` in the term starting `term` were used outside the program (on a
    PC lost since its last backup, or by hand on paper), the last of them dated `issued_on`: `last` is
    taken as "đã cấp ngoài chương trình", in the caller's transaction, so the next number is `last` + 1.
    Numbers only go forward: `last` must be above the last number taken. Its subject names the numbers and
    `reason`. Returns `last` taken, and the first of the numbers used outside (the one the program would
    have given)."""
    following = next_number(connection, doc_type, term)
    if last < following:
        raise InputError(f"Số {last:02d}-{doc_type} không sau số cuối đã lấy của loại văn bản này trong nhiệm kỳ "
                         f"({following - 1:02d}-{doc_type}): số văn bản chỉ đi tiếp, số tiếp theo là "
                         f"{following:02d}-{doc_type}. {NOTHING_RECORDED}")
    _may_be_dated(connection, doc_type, term, issued_on, now.date(), NOTHING_RECORDED)
    numbers = f"{last:02d}" if last == following else f"{following:02d} đến {last:02d}"
    return _taken(connection, doc_type, term, last, issued_on, f"Số {numbers} cấp ngoài chương trình: {reason}", user,
                  now, OUTSIDE), following


def _may_be_dated(connection: Connection, doc_type: str, term: dt.date, issued_on: dt.date, today: dt.date,
                  nothing_done: str) -> None:
    """Refuses a number of `doc_type` dated `issued_on`: before the term, after today, or before the
    date of the last number of its series not "hỏng" (numbers follow the dates); a refusal ends with
    `nothing_done`, what its flow did not do."""
    if issued_on < term:
        raise InputError(f"Ngày văn bản {issued_on:%d/%m/%Y} trước ngày bắt đầu nhiệm kỳ "
                         f"{term:%d/%m/%Y} (thiết lập nhiem_ky_bat_dau). {nothing_done}")
    if issued_on > today:
        raise InputError(f"Ngày văn bản {issued_on:%d/%m/%Y} sau hôm nay ({today:%d/%m/%Y}): văn bản phát hành "
                         f"không ghi ngày chưa đến. {nothing_done}")
    last = connection.execute(select(document_numbers.c.number, document_numbers.c.issued_on)
                              .where(*_series(doc_type, term), document_numbers.c.status != SPOILED)
                              .order_by(document_numbers.c.issued_on.desc(), document_numbers.c.number.desc())).first()
    if last is not None and issued_on < last.issued_on:
        raise InputError(_dated_before(issued_on, f"{last.number:02d}-{doc_type}", last.issued_on, today, nothing_done))


def _taken(connection: Connection, doc_type: str, term: dt.date, number: int, issued_on: dt.date, subject: str,
           user: str, now: dt.datetime, status: str) -> Reservation:
    row_id = connection.execute(document_numbers.insert().values(
        doc_type=doc_type, term_start=term, number=number, issued_on=issued_on, subject=subject,
        created_at=now, created_by=user, status=status)).inserted_primary_key[0]
    return Reservation(row_id, doc_type, term, number, issued_on)


def _dated_before(issued_on: dt.date, last: str, last_on: dt.date, today: dt.date, nothing_done: str) -> str:
    """Why a document dated `issued_on` may not take the number after `last`, dated `last_on`, and what to
    do: when `last_on` is after today, no date is left to give it."""
    refused = f"Ngày văn bản {issued_on:%d/%m/%Y} trước ngày {last_on:%d/%m/%Y} của văn bản số {last} đã lấy số"
    if last_on <= today:
        return (f"{refused}: số văn bản đi theo thứ tự ngày, văn bản tiếp theo ghi ngày từ {last_on:%d/%m/%Y} đến "
                f"hôm nay ({today:%d/%m/%Y}). {nothing_done}")
    return (f"{refused}, mà ngày ấy sau hôm nay ({today:%d/%m/%Y}): có thể ngày giờ của máy tính đang sai, hoặc số "
            f"{last} đã được lấy khi ngày giờ của máy tính bị sai. Hãy kiểm tra ngày giờ của máy tính; nếu ngày giờ "
            f"đúng, quản trị viên đánh dấu hỏng số {last} (trang Văn bản đã phát hành của BVCT Desktop, ghi rõ lý do) "
            f"để các văn bản tiếp theo lấy số sau số ấy. {nothing_done}")


def next_number(connection: Connection, doc_type: str, term: dt.date) -> int:
    """The number the next document of `doc_type` takes in the term starting `term` (the rule: see the module)."""
    last = connection.execute(select(func.max(document_numbers.c.number)).where(*_series(doc_type, term))).scalar()
    return (last or 0) + 1


def last_taken(connection: Connection, term: dt.date) -> list[tuple[str, int, dt.date]]:
    """Per type, the number the next one of the term starting `term` follows, with its date:
    (type, number, date), by type."""
    numbers = document_numbers.c
    types = connection.execute(select(numbers.doc_type).distinct().order_by(numbers.doc_type)).scalars().all()
    last = (connection.execute(select(numbers.number, numbers.issued_on).where(*_series(doc_type, term))
                               .order_by(numbers.number.desc(), numbers.issued_on.desc())).first()
            for doc_type in types)
    return [(doc_type, row.number, row.issued_on) for doc_type, row in zip(types, last, strict=True) if row]


def _series(doc_type: str, term: dt.date) -> tuple:
    """The numbers the next document of `doc_type` in the term starting `term` comes after."""
    numbers = document_numbers.c
    return numbers.doc_type == doc_type, or_(numbers.issued_on >= term, numbers.term_start == term)


def continued_note(connection: Connection, term: dt.date) -> str | None:
    """What a term starting `term` means for its numbers when documents dated on or after that day
    were numbered under another start: they keep their numbers, and the term goes on after them."""
    numbers = document_numbers.c
    elsewhere = connection.execute(
        select(numbers.doc_type, func.count())
        .where(numbers.issued_on >= term, numbers.term_start != term)
        .group_by(numbers.doc_type).order_by(numbers.doc_type)).all()
    if not elsewhere:
        return None
    count = sum(taken for _, taken in elsewhere)
    following = ", ".join(f"{next_number(connection, doc_type, term):02d}-{doc_type}" for doc_type, _ in elsewhere)
    return (f"Lưu ý: {count} số văn bản đã cấp cho văn bản ghi ngày từ {term:%d/%m/%Y} trở đi theo nhiệm kỳ đã đặt "
            f"trước đây. Các số này giữ nguyên và không bao giờ cấp lại, nên nhiệm kỳ bắt đầu ngày {term:%d/%m/%Y} "
            f"không đánh số lại từ 01 mà đánh tiếp; số tiếp theo: {following}.")


def take(db: Database, connection: Connection, doc_type: str, term: dt.date, issued_on: dt.date, subject: str,
         code: str, written: Container[str] = ()) -> Reservation:
    """The next number (`reserve`) not among those `written` on a record («05-CV/BTCTU»), audited, in the caller's
    transaction: the one that writes its document's line in the register."""
    reserved = reserve(connection, doc_type, term, issued_on, subject, db.actor.name, db.clock(),
                       lambda number: number_text(number, doc_type, code) in written)
    db.audit(connection, "giữ số văn bản", details={"so_van_ban": reserved.text(code), "trich_yeu": subject})
    return reserved


@contextlib.contextmanager
def issuing(db: Database, reserved: Reservation, code: str) -> Iterator[None]:
    """The block writes the document of the number `reserved` (taken and committed); a failure on
    the way marks it "hỏng" (audited) and goes on, told with what became of the number (never as
    bad input: a number was used). The caller confirms it with `confirm` in the transaction that
    audits the issue."""
    crashpoints.reached("number-reserved")
    try:
        yield
    except BaseException as error:
        reason = error.message if isinstance(error, BvctError) else type(error).__name__
        status = RESERVED  # unless recorded "hỏng" now; either way never reused
        try:
            with db.write() as connection:
                spoil(connection, reserved.id)
                db.audit(connection, "giữ số văn bản", audit_chain.FAILED,
                         details={"so_van_ban": reserved.text(code), "tinh_trang": STATUS_LABELS[SPOILED],
                                  "ly_do": reason})
            status = SPOILED
        except BvctError:
            pass
        if isinstance(error, BvctError):
            raise _number_used(error, reserved.text(code), status) from None
        raise


def _number_used(error: BvctError, number: str, status: str) -> BvctError:
    """`error` told with what became of the number taken for the document: a number was used, so
    something changed, whatever the failure (never the exit status of bad input)."""
    if status == SPOILED:
        told = (f"{error.message} Văn bản chưa phát hành: số {number} đã ghi vào sổ là {STATUS_LABELS[SPOILED]} "
                "(số văn bản không dùng lại); phát hành lại, văn bản lấy số tiếp theo.")
    else:
        told = (f"{error.message} Văn bản chưa phát hành: số {number} còn ghi trong sổ là «{STATUS_LABELS[status]}»; "
                "in lại văn bản ấy từ sổ văn bản đi, hoặc đánh dấu hỏng số ấy.")
    return BvctError(told) if isinstance(error, InputError) else error.reworded(told)


def confirm(connection: Connection, number_id: int) -> bool:
    """The document is written: its number, while still "đang ghi", is issued (in the transaction
    that audits it). False when it was not "đang ghi"."""
    return _settle(connection, number_id, ISSUED)


def spoil(connection: Connection, number_id: int) -> bool:
    """A number left "đang ghi" whose document will not be issued: "hỏng" (in the transaction that
    audits it). False when it was not "đang ghi"."""
    return _settle(connection, number_id, SPOILED)


def spoil_dated_ahead(connection: Connection, number_id: int, today: dt.date) -> bool:
    """An issued number dated after `today` (taken while the computer's date was ahead): "hỏng", so the
    numbers go on after it (in the transaction that audits it). False when it was not such a number."""
    return _settle(connection, number_id, SPOILED, ISSUED, document_numbers.c.issued_on > today)


def _settle(connection: Connection, number_id: int, status: str, was: str = RESERVED, *also: ColumnElement) -> bool:
    settled = connection.execute(document_numbers.update().values(status=status).where(
        document_numbers.c.id == number_id, document_numbers.c.status == was, *also))
    return settled.rowcount == 1


def issued(connection: Connection, doc_type: str, term: dt.date) -> list[tuple[int, dt.date, str, str]]:
    """The numbers taken in a term: (number, date, subject, status), in order."""
    return [tuple(row) for row in connection.execute(
        select(document_numbers.c.number, document_numbers.c.issued_on, document_numbers.c.subject,
               document_numbers.c.status)
        .where(document_numbers.c.doc_type == doc_type, document_numbers.c.term_start == term)
        .order_by(document_numbers.c.number))]
