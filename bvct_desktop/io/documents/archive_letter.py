"""The công văn of a research between provinces' archives (core/archive_letters), the letter the officer has signed:
our answer to another province's request («V/v trả lời kết quả nghiên cứu tàng thư»: what the archives hold on each
person asked about, and the extracts sent with it), or our request to another province («V/v đề nghị nghiên cứu
tàng thư»: the persons to search for, with what the archives search by). A letter whose number is not recorded
leaves its number and its day blank for the hand (layout.number_text, layout.date_text).
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...core import numbering
from ...core.archive_letters import organization_board
from ...core.dates import PartialDate, display_date
from ...core.gazetteer import with_current_name
from ...core.kinds import ARCHIVE_FOR_OTHERS, YES_NO
from . import layout
from .fonts import REGULAR
from .layout import DocumentCanvas, Flow
from .report_content import issuer_name

TITLE = "Công văn nghiên cứu tàng thư"
ANSWER = "V/v trả lời kết quả nghiên cứu tàng thư"
REQUEST = "V/v đề nghị nghiên cứu tàng thư"
NO_RESULT = "chưa ghi kết quả nghiên cứu"


def subject(letter: Mapping[str, Any]) -> str:
    return ANSWER if letter["request_kind"] == ARCHIVE_FOR_OTHERS else REQUEST


def paragraphs(letter: Mapping[str, Any], issuer: str) -> list[str]:
    """The body: our answer, or our request, then «Trân trọng./.»."""
    if letter["request_kind"] == ARCHIVE_FOR_OTHERS:
        return [*_answer(letter, issuer), "Trân trọng./."]
    return [*_request(letter, issuer), "Trân trọng./."]


def _answer(letter: Mapping[str, Any], issuer: str) -> list[str]:
    persons = letter["persons"]
    asked = f"Công văn số {letter['doc_no']}" if letter["doc_no"] else "Công văn"
    about = "trường hợp sau" if len(persons) == 1 else f"{len(persons)} trường hợp sau"
    extracts = sum(person["extract"] == YES_NO[0] for person in persons)
    told = [f"{issuer} nhận được {asked} ngày {display_date(letter['doc_on'])} của "
            f"{organization_board(letter['province'])} đề nghị nghiên cứu tàng thư đối với {about}. Sau khi nghiên "
            f"cứu tàng thư, {issuer} trả lời như sau:",
            *(_person(index, person, answered=True) for index, person in enumerate(persons, 1))]
    if extracts:
        told.append(f"Gửi kèm theo Công văn này bản trích lục tài liệu của {extracts} trường hợp.")
    return told


def _request(letter: Mapping[str, Any], issuer: str) -> list[str]:
    persons = letter["persons"]
    about = "trường hợp sau" if len(persons) == 1 else f"{len(persons)} trường hợp sau"
    return [f"Để phục vụ công tác thẩm tra, xác minh tiêu chuẩn chính trị, {issuer} đề nghị "
            f"{organization_board(letter['province'])} nghiên cứu tàng thư (tài liệu lưu trữ của chế độ cũ) đối với "
            f"{about}:",
            *(_person(index, person, answered=False) for index, person in enumerate(persons, 1)),
            f"Kết quả nghiên cứu (kèm trích lục tài liệu, nếu có) đề nghị gửi về {issuer} để tổng hợp, phục vụ công "
            "tác cán bộ."]


def _person(index: int, person: Mapping[str, Any], answered: bool) -> str:
    """«1. NGUYỄN VĂN A, sinh năm 1950, quê quán …; trước 1975: …: Có tài liệu: … (có trích lục kèm theo).»"""
    known = [person["full_name"]]
    if person["birth_date"]:
        known.append(PartialDate.from_iso(person["birth_date"]).born)
    if person["home_town"]:
        known.append(f"quê quán {with_current_name(person['home_town'])}")
    line = f"{index}. {', '.join(known)}"
    if person["work_before_1975"]:
        line += f"; nghề nghiệp, chức vụ trước 1975: {person['work_before_1975']}"
    if not answered:
        return f"{line}."
    result = (person["result"] or NO_RESULT).rstrip(". ")
    extract = " (có trích lục kèm theo)" if person["extract"] == YES_NO[0] else ""
    return f"{line}: {result}{extract}."


def draw(c: DocumentCanvas, letter: Mapping[str, Any], on: dt.date) -> None:
    """One letter from the page it starts on, dated `on`, under the letterhead in force that day."""
    p = c.profile
    size = p.size("body")
    issuer = issuer_name({"co_quan": c.head.issuer, "co_quan_cap_tren": c.head.superior})
    number = _number(letter)
    flow = Flow(c)
    layout.header(flow, layout.number_text(number, None if number else numbering.LETTER, c.head.symbol),
                  layout.date_text(c.head.place, on, p, draft=not number), subject(letter))
    flow.skip(p.leading(size) * 0.5)
    flow.centred(f"Kính gửi: {organization_board(letter['province'])}", REGULAR, size, c.width * 0.9)
    flow.skip(p.leading(size) * 0.4)
    body, sent_to = paragraphs(letter, issuer), ["Như trên,", *p.recipients]
    signature = layout.signature_height(flow, sent_to)
    for index, text in enumerate(body):
        flow.paragraph(text, REGULAR, size, keep_last=signature if index == len(body) - 1 else 0.0)
    layout.signature(flow, sent_to)


def _number(letter: Mapping[str, Any]) -> str | None:
    """Our letter's number as written: the reply's, or the request's own."""
    return (letter["reply_no"] if letter["request_kind"] == ARCHIVE_FOR_OTHERS else letter["doc_no"]) or None
