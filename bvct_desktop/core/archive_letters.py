"""The letters of a research between provinces' archives, read for print: the chosen requests gathered by the letter
they belong to — a province's one letter may ask about several persons, and one answer (công văn trả lời) answers
them all; our one letter (công văn đề nghị) may ask about several of our cadres' relatives.

A letter is its `request_kind`, `province`, `doc_no` and `doc_on` (the other province's letter we answer, or our own
request), with the persons it is about in the order chosen, each with their particulars (the alias and the parents
that tell persons of before 1975 apart among them), post before 1975, result and extract; and the reply letter
(`reply_no`, `answered_on`) recorded on the first of them that has one.

Our letter is issued as the office's other letters are (documents_data.archive_letter_document): a CV number of the
term's series, taken once — the requests of the letter then carry it (`fill_number`) where its field is empty — and
the letter in the outgoing register. Since the provinces merged, it is addressed to the province that holds the
archives now (`addressee`).
"""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select, true
from sqlalchemy.engine import Connection

from . import gazetteer, record_rows
from .database import Database
from .dates import display_date
from .errors import Ambiguous, InputError
from .kinds import ARCHIVE_FOR_OTHERS, ARCHIVE_REQUESTS
from .plans import PLANS
from .plans.base import Target
from .schema import archive_requests
from .text import fold, identity_key

LETTER_KEYS = ("request_kind", "province", "doc_no", "doc_on")
REPLY_KEYS = ("reply_no", "answered_on")
PERSON_KEYS = ("full_name", "other_names", "birth_date", "home_town", "father_name", "mother_name", "work_before_1975",
               "result", "extract")
ANSWER = "V/v trả lời kết quả nghiên cứu tàng thư"
REQUEST = "V/v đề nghị nghiên cứu tàng thư"
# where our letter's number and day are recorded on its requests: the reply's (our answer), the request's own
NUMBERED_AT = {True: ("reply_no", "answered_on"), False: ("doc_no", "doc_on")}


def letters_by_ids(connection: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The letters of the requests chosen in the register (those still there), in the order of their first request
    chosen; each {LETTER_KEYS…, REPLY_KEYS…, "persons": [{PERSON_KEYS…}], "ids": [the requests' ids]}."""
    rows = record_rows.query(ARCHIVE_REQUESTS).where(ARCHIVE_REQUESTS.table.c.id.in_(set(ids)),
                                                     ARCHIVE_REQUESTS.table.c.deleted_at.is_(None))
    found = {row["id"]: row for row in connection.execute(rows).mappings()}
    letters: dict[tuple, dict[str, Any]] = {}
    for row in (found[one] for one in dict.fromkeys(ids) if one in found):
        letter = letters.setdefault(_letter_key(row), {key: row[key] for key in LETTER_KEYS}
                                    | dict.fromkeys(REPLY_KEYS) | {"persons": [], "ids": []})
        if not letter["reply_no"] and not letter["answered_on"]:
            letter.update({key: row[key] for key in REPLY_KEYS})
        letter["persons"].append({key: row[key] for key in PERSON_KEYS})
        letter["ids"].append(row["id"])
    return list(letters.values())


def letter_numbered(connection: Connection, doc_no: str, on: dt.date | None) -> dict[str, Any]:
    """The letter of `Số văn bản` `doc_no` (the province's letter we answer, or our request), typed with or without
    accents; a number two letters share needs its `Ngày văn bản` `on` to tell them apart."""
    wanted = _number_key(doc_no)
    ids = [row.id for row in _requests(connection, on) if row.doc_no and _number_key(row.doc_no) == wanted]
    when = f" ngày {display_date(on)}" if on else ""
    return _one_letter(letters_by_ids(connection, ids), f"theo văn bản số «{doc_no}»{when}", f"Văn bản số «{doc_no}»",
                       lambda letter: f"{letter['province']} ngày {display_date(letter['doc_on'])}")


def letter_unnumbered(connection: Connection, province: str, on: dt.date | None) -> dict[str, Any]:
    """The letter of the province `province` (as its requests write it, accents and case ignored) that has no `Số
    văn bản` yet: our request before it is issued — issuing it writes its number there —, or a province's letter
    recorded without one; two such letters of the province need their `Ngày văn bản` `on` to tell them apart, and
    when they are of one day (our request and the province's), the province's letter its number recorded."""
    wanted = fold(province)
    ids = [row.id for row in _requests(connection, on) if not row.doc_no and fold(row.province) == wanted]
    letters = letters_by_ids(connection, ids)
    if len(letters) > 1 and len({letter["doc_on"] for letter in letters}) == 1:
        raise InputError(_of_one_day(province, letters))
    when = f" ngày {display_date(on)}" if on else ""
    return _one_letter(letters, f"chưa có số văn bản của {province}{when}",
                       f"Các yêu cầu chưa có số văn bản của {province}",
                       lambda letter: f"{letter['request_kind']} ngày {display_date(letter['doc_on'])}")


def _of_one_day(province: str, letters: list[dict[str, Any]]) -> str:
    """What to do when the letters without a number of `province` are of one day, so only of different kinds: record
    the number the province's letter has on paper."""
    return (f"Các yêu cầu chưa có số văn bản của {province} ngày {display_date(letters[0]['doc_on'])} là của "
            f"{len(letters)} công văn cùng ngày ({', '.join(letter['request_kind'] for letter in letters)}); hãy ghi "
            f"«Số văn bản» của công văn tỉnh bạn vào các yêu cầu «{ARCHIVE_FOR_OTHERS}» để chọn công văn ấy theo số "
            "văn bản, công văn còn lại theo tỉnh.")


def _requests(connection: Connection, on: dt.date | None) -> list:
    """The requests not in the recycle bin (of `Ngày văn bản` `on`, given), with what finds their letter."""
    request = archive_requests.c
    return connection.execute(select(request.id, request.doc_no, request.province).where(
        request.deleted_at.is_(None), request.doc_on == on if on else true()).order_by(request.id)).all()


def _one_letter(letters: list[dict[str, Any]], none: str, several: str,
                which: Callable[[dict[str, Any]], str]) -> dict[str, Any]:
    """The one letter of `letters`: InputError when there is none («Không có yêu cầu … `none`»), Ambiguous when
    there are several («`several` là của 2 công văn (`which` of each)»)."""
    if not letters:
        raise InputError(f"Không có yêu cầu nghiên cứu tàng thư nào {none}.")
    if len(letters) > 1:
        raise Ambiguous(f"{several} là của {len(letters)} công văn ({', '.join(map(which, letters))})",
                        "ngày văn bản", "một công văn")
    return letters[0]


def _letter_key(row) -> tuple:
    """What tells a letter apart: its number as `letter_numbered` finds it, typed with or without accents."""
    return (row["request_kind"], fold(row["province"]), _number_key(row["doc_no"] or ""), row["doc_on"])


def _number_key(doc_no: str) -> str:
    return identity_key(fold(doc_no))


def letter_day(letter: dict[str, Any], printed_on: dt.date) -> dt.date:
    """The day a letter is dated: our request, its own day; our answer, the day it was answered, else the day it is
    printed (then left for the hand to date)."""
    if not answers(letter):
        return letter["doc_on"]
    return letter["answered_on"] or printed_on


def answers(letter: Mapping[str, Any]) -> bool:
    """Whether the letter is our answer to another province's request (else our request to it)."""
    return letter["request_kind"] == ARCHIVE_FOR_OTHERS


def subject(letter: Mapping[str, Any]) -> str:
    return ANSWER if answers(letter) else REQUEST


def own_number(letter: Mapping[str, Any]) -> str | None:
    """Our letter's number as recorded on its requests: the reply's, or the request's own."""
    return letter[NUMBERED_AT[answers(letter)][0]] or None


def addressed(province: str, on: dt.date) -> str:
    """The province a letter dated `on` goes to: from 01/7/2025, the one a former province is part of now
    («Bà Rịa – Vũng Tàu» → «Thành phố Hồ Chí Minh»); else as written."""
    return (gazetteer.province_now(province) if on >= gazetteer.MERGED_ON else None) or province


def addressee(letter: Mapping[str, Any], on: dt.date) -> str:
    """«Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh»: the Ban Tổ chức the letter dated `on` is addressed to."""
    return organization_board(addressed(letter["province"], on))


def register_subject(letter: Mapping[str, Any], on: dt.date) -> str:
    """The trích yếu the outgoing register writes: «V/v … (Ban Tổ chức Tỉnh ủy Bình Định)»."""
    return f"{subject(letter)} ({addressee(letter, on)})"


def numbered_already(connection: Connection, letter: Mapping[str, Any]) -> str | None:
    """Why the letter is not issued, read in the write that would number it: one of its requests carries a
    number of ours already (issued before, or numbered by hand)."""
    column = archive_requests.c[NUMBERED_AT[answers(letter)][0]]
    found = connection.execute(select(column).where(archive_requests.c.id.in_(letter["ids"]),
                                                    func.coalesce(column, "") != "")).scalar()
    if found is None:
        return None
    return (f"Công văn này đã có số {found} (ô «{ARCHIVE_REQUESTS.field(column.name).header}» của yêu cầu tàng thư): "
            "không phát hành lại; in lại từ sổ văn bản đi, hoặc xóa số ấy ở yêu cầu nếu ghi nhầm.")


@dataclass(frozen=True)
class OursWritten:
    """The numbers of our letters written on requests, by their keys: `in` finds one typed with or without
    accents."""

    keys: frozenset[str]

    def __contains__(self, number: object) -> bool:
        return isinstance(number, str) and _number_key(number) in self.keys


def written_ours(connection: Connection) -> OursWritten:
    """The numbers («05-CV/BTCTU») requests (the recycle bin's too: it keeps its letter) carry as letters of ours,
    read once for a number taken however many it passes over: our request's own, or our answer's — by hand, or
    issued; a province's own numbers are theirs."""
    request = archive_requests.c
    ours = case((request.request_kind == ARCHIVE_FOR_OTHERS, request[NUMBERED_AT[True][0]]),
                else_=request[NUMBERED_AT[False][0]])
    numbers = connection.execute(select(ours).where(func.coalesce(ours, "") != "").distinct()).scalars()
    return OursWritten(frozenset(map(_number_key, numbers)))


def fill_number(db: Database, connection: Connection, letter: Mapping[str, Any], number: str, on: dt.date) -> None:
    """Writes our letter's number `number` (and our answer's day `on`) on its requests where the field is empty,
    through the kind's plan, in the caller's transaction (the one that takes the number): an answer dated before a
    request's own day is refused, and nothing is written."""
    keys = NUMBERED_AT[answers(letter)]
    stored = record_rows.snapshots(connection, ARCHIVE_REQUESTS, letter["ids"])
    filled = {record_id: {**{spec.key: row.get(spec.key) for spec in ARCHIVE_REQUESTS.fields},
                          **{key: value for key, value in zip(keys, (number, on), strict=True) if not row.get(key)}}
              for record_id, row in stored.items()}
    for values in filled.values():
        if wrong := ARCHIVE_REQUESTS.order_problems(values):
            raise InputError(f"{values['full_name']}: {wrong[0].message}.")
    plan = PLANS[ARCHIVE_REQUESTS.name](connection, db.clock())
    for row_number, (record_id, values) in enumerate(filled.items(), start=1):
        plan.take(row_number, values, Target(record_id, stored[record_id]["person_id"]))
    plan.finish()
    plan.apply_audited(db, connection)


def filled_told(letter: Mapping[str, Any], number: str, on: dt.date) -> str:
    """What the officer is told of `fill_number`."""
    count = len(letter["ids"])
    if answers(letter):
        return (f"Số {number} ngày {on:%d/%m/%Y} đã ghi vào «Số văn bản trả lời» và «Ngày trả lời» (nơi còn trống) "
                f"của {count} yêu cầu tàng thư.")
    return f"Số {number} đã ghi vào «Số văn bản» của {count} yêu cầu tàng thư."


def organization_board(province: str) -> str:
    """The other province's Ban Tổ chức the letter is addressed to: «Ban Tổ chức Tỉnh ủy Bình Định» (the name as
    written, without its type word); a city under the central government: «Ban Tổ chức Thành ủy Đà Nẵng», «Ban Tổ
    chức Thành ủy Thành phố Hồ Chí Minh»."""
    units = gazetteer.load().province_named(province)
    if units and units[0].name.startswith("Thành phố") and fold(units[0].short) in fold(province):
        return f"Ban Tổ chức Thành ủy {units[0].name if units[0].short == 'Hồ Chí Minh' else units[0].short}"
    return f"Ban Tổ chức Tỉnh ủy {gazetteer.in_sentence(province).removeprefix('tỉnh ')}"
