"""The công văn of a research between provinces' archives (core/archive_letters), the letter the officer signs:
our answer to another province's request («V/v trả lời kết quả nghiên cứu tàng thư»: what the archives hold on each
person asked about, and the extracts sent with it), or our request to another province («V/v đề nghị nghiên cứu
tàng thư»: the persons to search for, with what the archives search by) — as PDF and as an editable Word file.

Its number is the one issued (a CV number of the term's series), else the one recorded on its requests; a letter
with neither leaves its number and its day blank for the hand (layout.number_text, layout.date_text). Since the
provinces merged it is addressed to the province that holds the archives now, the body naming the province's board
as its request did.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ...core import numbering
from ...core.archive_letters import addressed, addressee, answers, organization_board, own_number, subject
from ...core.dates import PartialDate, display_date
from ...core.files import check_target
from ...core.gazetteer import in_sentence, with_current_name
from ...core.kinds import YES_NO
from . import layout, word
from .layout import DocumentCanvas, Flow, Letterhead
from .numbered import Numbered
from .profile import Profile
from .report_content import issuer_name

TITLE = "Công văn nghiên cứu tàng thư"
NO_RESULT = "chưa ghi kết quả nghiên cứu"
WORDING = 1  # the letter as this release writes it (an issued letter keeps its own)


@dataclass(frozen=True)
class ArchiveLetterSource(Numbered):
    """What the letter is made from: the letter (core/archive_letters), its day, the office settings in force that
    day, the number issued (None: the one recorded on its requests, if any), the wording."""

    letter: Mapping[str, Any]
    on: dt.date
    office: Mapping[str, str]
    number: int | None = None
    wording: int = WORDING
    named_breaks_since: ClassVar[int] = 1

    @property
    def unnumbered(self) -> bool:
        """Neither issued nor numbered on its requests: its number and day are left for the hand."""
        return self.number is None and own_number(self.letter) is None


@dataclass(frozen=True)
class Texts:
    number: str
    date: str
    greeting: str
    paragraphs: tuple[str, ...]


def recipients(profile: Profile) -> list[str]:
    return ["Như trên,", *profile.recipients]


def register_recipients(letter: Mapping[str, Any], on: dt.date, profile: Profile) -> list[str]:
    """The letter's «Nơi nhận» as the outgoing register writes it: the board its «Như trên» stands for, then the
    others."""
    return [addressee(letter, on), *profile.recipients]


def texts(source: ArchiveLetterSource, profile: Profile) -> Texts:
    office, letter = source.office, source.letter
    issuer = issuer_name(office)
    recorded = own_number(letter)
    if source.number is not None:
        number = layout.number_text(source.number, numbering.LETTER, office["ky_hieu"])
    else:
        number = layout.number_text(recorded, None if recorded else numbering.LETTER, office["ky_hieu"])
    body = _answer(letter, issuer) if answers(letter) else _request(letter, issuer, source.on)
    return Texts(number, layout.date_text(office["dia_danh"], source.on, profile, draft=source.unnumbered),
                 f"Kính gửi: {addressee(letter, source.on)}", (*body, "Trân trọng./."))


def _answer(letter: Mapping[str, Any], issuer: str) -> list[str]:
    """The board that asked named as its letter named it (a former province's, before the merger)."""
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


def _request(letter: Mapping[str, Any], issuer: str, on: dt.date) -> list[str]:
    """The archives searched named by the province the request named, when it has merged since: «của tỉnh Bà
    Rịa – Vũng Tàu (cũ)»."""
    persons = letter["persons"]
    about = "trường hợp sau" if len(persons) == 1 else f"{len(persons)} trường hợp sau"
    province = letter["province"]
    merged = addressed(province, on) != province  # a former province: always a tỉnh
    former = f" của tỉnh {in_sentence(province).removeprefix('tỉnh ')} (cũ)" if merged else ""
    return [f"Để phục vụ công tác thẩm tra, xác minh tiêu chuẩn chính trị, {issuer} đề nghị "
            f"{addressee(letter, on)} nghiên cứu tàng thư (tài liệu lưu trữ của chế độ cũ){former} đối với "
            f"{about}:",
            *(_person(index, person, answered=False) for index, person in enumerate(persons, 1)),
            f"Kết quả nghiên cứu (kèm trích lục tài liệu, nếu có) đề nghị gửi về {issuer} để tổng hợp, phục vụ công "
            "tác cán bộ."]


def _person(index: int, person: Mapping[str, Any], answered: bool) -> str:
    """«1. NGUYỄN VĂN A (bí danh Hai Lúa), sinh năm 1950, quê quán …, con ông … và bà …; trước 1975: …: Có tài liệu:
    … (có trích lục kèm theo).» A letter issued before the alias and the parents were kept has none of them."""
    alias = person.get("other_names")
    known = [f"{person['full_name']} (bí danh {alias})" if alias else person["full_name"]]
    if person["birth_date"]:
        known.append(PartialDate.from_iso(person["birth_date"]).born)
    if person["home_town"]:
        known.append(f"quê quán {with_current_name(person['home_town'])}")
    parents = [f"{title} {name}" for title, name in (("ông", person.get("father_name")),
                                                     ("bà", person.get("mother_name"))) if name]
    if parents:
        known.append(f"con {' và '.join(parents)}")
    line = f"{index}. {', '.join(known)}"
    if person["work_before_1975"]:
        line += f"; nghề nghiệp, chức vụ trước 1975: {person['work_before_1975']}"
    if not answered:
        return f"{line}."
    result = (person["result"] or NO_RESULT).rstrip(". ")
    extract = " (có trích lục kèm theo)" if person["extract"] == YES_NO[0] else ""
    return f"{line}: {result}{extract}."


def draw(c: DocumentCanvas, source: ArchiveLetterSource) -> None:
    """One letter from the page it starts on, under the letterhead of its day."""
    words = texts(source, c.profile)
    layout.letter(Flow(c), words.number, words.date, subject(source.letter), words.greeting, words.paragraphs,
                  recipients(c.profile))


def write_docx(target: Path, source: ArchiveLetterSource, head: Letterhead, profile: Profile,
               password: str | None = None) -> None:
    check_target(target, ".docx")
    words = texts(source, profile)
    document = word.new_document(profile, head, draft=False)
    word.properties(document, TITLE, subject(source.letter), "Công văn", head, source.on, draft=False)
    word.letter(document, head, profile, words.number, words.date, subject(source.letter), words.greeting,
                words.paragraphs, recipients(profile))
    word.save(document, target, password, source.on)
