"""The letters of a research between provinces' archives, read for print: the chosen requests gathered by the letter
they belong to — a province's one letter may ask about several persons, and one answer (công văn trả lời) answers
them all; our one letter (công văn đề nghị) may ask about several of our cadres' relatives.

A letter is its `request_kind`, `province`, `doc_no` and `doc_on` (the other province's letter we answer, or our own
request), with the persons it is about in the order chosen, each with their particulars, post before 1975, result
and extract; and the reply letter (`reply_no`, `answered_on`) recorded on the first of them that has one.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import gazetteer, record_rows
from .dates import display_date
from .errors import Ambiguous, InputError
from .kinds import ARCHIVE_REQUESTS
from .schema import archive_requests
from .text import fold, identity_key

LETTER_KEYS = ("request_kind", "province", "doc_no", "doc_on")
REPLY_KEYS = ("reply_no", "answered_on")
PERSON_KEYS = ("full_name", "birth_date", "home_town", "work_before_1975", "result", "extract")


def letters_by_ids(connection: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The letters of the requests chosen in the register (those still there), in the order of their first request
    chosen; each {LETTER_KEYS…, REPLY_KEYS…, "persons": [{PERSON_KEYS…}]}."""
    rows = record_rows.query(ARCHIVE_REQUESTS).where(ARCHIVE_REQUESTS.table.c.id.in_(set(ids)),
                                                     ARCHIVE_REQUESTS.table.c.deleted_at.is_(None))
    found = {row["id"]: row for row in connection.execute(rows).mappings()}
    letters: dict[tuple, dict[str, Any]] = {}
    for row in (found[one] for one in dict.fromkeys(ids) if one in found):
        letter = letters.setdefault(_letter_key(row), {key: row[key] for key in LETTER_KEYS}
                                    | dict.fromkeys(REPLY_KEYS) | {"persons": []})
        if not letter["reply_no"] and not letter["answered_on"]:
            letter.update({key: row[key] for key in REPLY_KEYS})
        letter["persons"].append({key: row[key] for key in PERSON_KEYS})
    return list(letters.values())


def letter_numbered(connection: Connection, doc_no: str, on: dt.date | None) -> dict[str, Any]:
    """The letter of `Số văn bản` `doc_no` (the province's letter we answer, or our request), typed with or without
    accents; a number two letters share needs its `Ngày văn bản` `on` to tell them apart."""
    wanted = identity_key(fold(doc_no))
    rows = connection.execute(select(archive_requests.c.id, archive_requests.c.doc_no, archive_requests.c.doc_on)
                              .where(archive_requests.c.deleted_at.is_(None), archive_requests.c.doc_no.is_not(None))
                              .order_by(archive_requests.c.id)).all()
    ids = [row.id for row in rows if identity_key(fold(row.doc_no)) == wanted and on in (None, row.doc_on)]
    letters = letters_by_ids(connection, ids)
    if not letters:
        when = f" ngày {display_date(on)}" if on else ""
        raise InputError(f"Không có yêu cầu nghiên cứu tàng thư nào theo văn bản số «{doc_no}»{when}.")
    if len(letters) > 1:
        which = ", ".join(f"{letter['province']} ngày {display_date(letter['doc_on'])}" for letter in letters)
        raise Ambiguous(f"Văn bản số «{doc_no}» là của {len(letters)} công văn ({which})", "ngày văn bản",
                        "một công văn")
    return letters[0]


def _letter_key(row) -> tuple:
    return (row["request_kind"], fold(row["province"]), identity_key(row["doc_no"] or ""), row["doc_on"])


def letter_day(letter: dict[str, Any], printed_on: dt.date) -> dt.date:
    """The day a letter is dated: our request, its own day; our answer, the day it was answered, else the day it is
    printed (then left for the hand to date)."""
    if letter["request_kind"] == ARCHIVE_REQUESTS.field("request_kind").choices[1]:
        return letter["doc_on"]
    return letter["answered_on"] or printed_on


def organization_board(province: str) -> str:
    """The other province's Ban Tổ chức the letter is addressed to: «Ban Tổ chức Tỉnh ủy Bình Định» (the name as
    written, without its type word); a city under the central government: «Ban Tổ chức Thành ủy Đà Nẵng», «Ban Tổ
    chức Thành ủy Thành phố Hồ Chí Minh»."""
    units = gazetteer.load().province_named(province)
    if units and units[0].name.startswith("Thành phố") and fold(units[0].short) in fold(province):
        return f"Ban Tổ chức Thành ủy {units[0].name if units[0].short == 'Hồ Chí Minh' else units[0].short}"
    return f"Ban Tổ chức Tỉnh ủy {gazetteer.in_sentence(province).removeprefix('tỉnh ')}"
