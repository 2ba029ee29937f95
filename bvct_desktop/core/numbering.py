"""Document numbers ("Số 125-BC/BTCTU"): per document type, continuous within the current term.

A number is reserved only when a document is issued, inside the issuing transaction, so a
document that fails to be written gives its number back; once committed it is never reused,
since reserved numbers are never deleted and the next is always the term's highest plus one.
A draft carries no number. Slips keep their own yearly numbers and are not numbered here.
"""

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .errors import InputError
from .schema import document_numbers

REPORT = "BC"  # Báo cáo


def number_text(number: int, doc_type: str, symbol: str) -> str:
    """"07-BC/BTCTU": below 10 with a leading zero (spec, "Numbers")."""
    return f"{number:02d}-{doc_type}/{symbol}"


def term_start(office: dict[str, str]) -> dt.date:
    return dt.date.fromisoformat(office["nhiem_ky_bat_dau"])


def reserve(connection: Connection, doc_type: str, term: dt.date, issued_on: dt.date, subject: str,
            user: str, now: dt.datetime) -> int:
    """The next number of `doc_type` in the term starting `term`, recorded as issued."""
    if issued_on < term:
        raise InputError(f"Ngày phát hành {issued_on:%d/%m/%Y} trước ngày bắt đầu nhiệm kỳ "
                         f"{term:%d/%m/%Y} (thiết lập nhiem_ky_bat_dau).")
    last = connection.execute(
        select(func.max(document_numbers.c.number))
        .where(document_numbers.c.doc_type == doc_type, document_numbers.c.term_start == term)).scalar()
    number = (last or 0) + 1
    connection.execute(document_numbers.insert().values(
        doc_type=doc_type, term_start=term, number=number, issued_on=issued_on, subject=subject,
        created_at=now, created_by=user))
    return number


def issued(connection: Connection, doc_type: str, term: dt.date) -> list[tuple[int, dt.date, str]]:
    """The numbers issued in a term: (number, date, subject), in order."""
    return [tuple(row) for row in connection.execute(
        select(document_numbers.c.number, document_numbers.c.issued_on, document_numbers.c.subject)
        .where(document_numbers.c.doc_type == doc_type, document_numbers.c.term_start == term)
        .order_by(document_numbers.c.number))]
