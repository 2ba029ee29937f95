"""Thông báo kết luận về tiêu chuẩn chính trị: the Ban Tổ chức tells the conclusion of a vetting
case — whether the person «đủ tiêu chuẩn chính trị» for the purpose, or has a stated issue and the
ceiling of placement it sets (QĐ 58) — and the evidence it rests on, as PDF and as an editable Word file.

A document with a name of its kind (HD 36: «THÔNG BÁO», its trích yếu under it in bold and the
line of hyphens), so it is numbered as a thông báo, «Số 03-TB/BTCTU» (brief §3.6); a công văn has no
name of its kind, only a «V/v …» under its number. A draft has no number and carries DỰ THẢO.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from ...core import conclusion_notice, numbering
from ...core.dates import PartialDate, display_date
from ...core.files import check_target
from ...core.personfile.cases import LIMITED, RESULTS
from ...core.text import capitalised
from . import layout, word
from .fonts import BOLD, REGULAR
from .layout import DocumentCanvas, Flow, Letterhead
from .numbered import Numbered
from .profile import Profile
from .report_content import issuer_name

NAME = "THÔNG BÁO"
TITLE = "Thông báo kết luận về tiêu chuẩn chính trị"
ASKED_BY = "Cấp ủy, cơ quan đề nghị thẩm tra,"
# how a purpose of a case reads after «để»/«phục vụ»; the others as written, the first letter small
PURPOSE_WORDS = {"Cán bộ chủ chốt": "bố trí cán bộ chủ chốt",
                 "Vị trí trọng yếu, cơ mật": "bố trí ở vị trí trọng yếu, cơ mật",
                 "Khác": "công tác cán bộ"}
# The notice as this release writes it (an issued notice keeps its own). 1, before 05/12/2026: the
# letterhead's long names broke where the line ran out («THÀNH ỦY THÀNH PHỐ HỒ / CHÍ MINH»); 2, before
# 05/12/2026 (later): the relation after a name began with a capital («về Lê Văn Sáu (Cha)»); 3, before
# 06/12/2026: each minutes carried the officer's whole summary, which belongs in the case, not the notice.
WORDING = 4
RELATION_IN_LOWER_CASE_SINCE = 3
MINUTES_LISTED_SINCE = 4
NAMED_BREAKS_SINCE = 2


@dataclass(frozen=True)
class ConclusionSource(Numbered):
    """What the notice is made from: the case's values (`conclusion_notice.of_case`), its day, the
    office settings in force that day, the number (None: a draft), the wording."""

    data: Mapping[str, Any]
    on: dt.date
    office: Mapping[str, str]
    number: int | None
    wording: int = WORDING
    named_breaks_since: ClassVar[int] = NAMED_BREAKS_SINCE


@dataclass(frozen=True)
class Texts:
    number: str
    date: str
    subject: tuple[str, ...]
    opening: str
    result: str
    evidence_title: str
    evidence: tuple[str, ...]
    closing: str


def recipients(profile: Profile) -> list[str]:
    """«Nơi nhận»: the committee or body that asked for the vetting, then the profile's own lines."""
    return [ASKED_BY, *profile.recipients]


def texts(source: ConclusionSource, profile: Profile) -> Texts:
    data, office = source.data, source.office
    issuer = issuer_name(office)
    person = conclusion_notice.addressed(data)
    number = layout.number_text(source.number, numbering.NOTICE, office["ky_hieu"])
    date = layout.date_text(office["dia_danh"], source.on, profile, source.draft)
    signed = f" do {data['signer']} ký" if data["signer"] else ""
    opening = (f"Thực hiện {data['regulation']}{_decision(data)}, {issuer} đã thẩm tra, xác minh tiêu chuẩn chính "
               f"trị của {person}{_particulars(data)} phục vụ {_purpose(data['purpose'])}. Căn cứ kết luận số "
               f"{data['conclusion_no']} ngày {_day(data['concluded_on'])}{signed}, {issuer} thông báo kết luận như "
               "sau:")
    in_lower_case = source.wording >= RELATION_IN_LOWER_CASE_SINCE
    evidence = (tuple(_slip(slip, in_lower_case) for slip in data["slips"])
                + tuple(map(_request, data["archive_requests"]))
                + tuple(_minutes(held, source.wording >= MINUTES_LISTED_SINCE) for held in data.get("minutes", ())))
    return Texts(number, date, conclusion_notice.subject_lines(data), opening, _result(data, person),
                 "Tài liệu thẩm tra, xác minh:",
                 evidence or ("- Hồ sơ không có phiếu yêu cầu xác minh lai lịch, đề nghị nghiên cứu tàng thư nào.",),
                 f"{issuer} thông báo để cấp ủy, cơ quan có liên quan biết, thực hiện./.")


def _result(data: Mapping[str, Any], person: str) -> str:
    purpose = _purpose(data["purpose"])
    if data["result"] == LIMITED:
        return (f"{capitalised(person)} có vấn đề về chính trị nhưng không vi phạm tiêu chuẩn chính trị; "
                f"mức giới hạn bố trí theo Quy định số {data['regulation_no']}: {_sentence(data['limit_note'])}")
    standard = "đủ" if data["result"] == RESULTS[0] else "chưa đủ"
    limit = f" Mức giới hạn: {_sentence(data['limit_note'])}" if data["limit_note"] else ""
    return f"{capitalised(person)} {standard} tiêu chuẩn chính trị để {purpose}.{limit}"


def _sentence(text: str) -> str:
    """`text` ending with one full stop, however it was typed."""
    return text.rstrip(" .") + "."


def _purpose(purpose: str | None) -> str:
    if purpose is None:
        return PURPOSE_WORDS["Khác"]
    return PURPOSE_WORDS.get(purpose, purpose[0].lower() + purpose[1:])


def _particulars(data: Mapping[str, Any]) -> str:
    """« (sinh năm 1950, quê quán …, Phó Giám đốc Sở …)»: what is known of the person."""
    known = [PartialDate.from_iso(data["birth_date"]).born] if data["birth_date"] else []
    if data["home_town"]:
        known.append(f"quê quán {data['home_town']}")
    known.append(", ".join(part for part in (data["position"], data["unit"]) if part))
    known = [part for part in known if part]
    return f" ({', '.join(known)})" if known else ""


def _day(iso: str | None) -> str:
    return display_date(dt.date.fromisoformat(iso)) if iso else ""


def _replied(on: str | None, result: str | None) -> str:
    if on is None:
        return "chưa có trả lời"
    return f"trả lời ngày {_day(on)}: {result.rstrip(' .')}" if result else f"trả lời ngày {_day(on)}"


def _slip(slip: Mapping[str, Any], in_lower_case: bool) -> str:
    """«- Phiếu yêu cầu xác minh lai lịch số 0123 ngày 05/01/2026 gửi Phòng PV27…, về Nguyễn Văn Ba (cha):
    trả lời ngày 20/01/2026: Không có tài liệu.» (`in_lower_case`: the relation as a word of the sentence,
    not as the register writes it)."""
    relation = slip["relation"] or "bản thân"
    about = f"{slip['full_name']} ({relation[:1].lower() + relation[1:] if in_lower_case else relation})"
    return (f"- Phiếu yêu cầu xác minh lai lịch số {slip['number']} ngày {_day(slip['issued_on'])} gửi "
            f"{slip['recipient']}, về {about}: {_replied(slip['result_on'], slip['result'])}.")


def _request(request: Mapping[str, Any]) -> str:
    """«- Đề nghị Tỉnh ủy Quảng Nam nghiên cứu tàng thư (văn bản số 15/BTCTU ngày 10/01/2026), về …: …»"""
    sent = f"văn bản số {request['doc_no']} ngày {_day(request['doc_on'])}" if request["doc_no"] else \
        f"ngày {_day(request['doc_on'])}"
    return (f"- Đề nghị {request['province']} nghiên cứu tàng thư ({sent}), về {request['full_name']}: "
            f"{_replied(request['answered_on'], request['result'])}.")


def _decision(data: Mapping[str, Any]) -> str:
    """« và Quyết định số 125-QĐ/TU ngày 10/01/2026 của Ban Thường vụ Tỉnh ủy»: the competent cấp ủy's decision
    to vet, when the case records one (a notice issued before the case recorded decisions has none)."""
    if not data.get("decision_no"):
        return ""
    issuer = f" của {data['decision_by']}" if data["decision_by"] else ""
    return f" và Quyết định số {data['decision_no']} ngày {_day(data['decision_on'])}{issuer}"


def _minutes(held: Mapping[str, Any], listed: bool) -> str:
    """«- Biên bản thẩm tra, xác minh ngày 12/02/2026 tại UBND xã Hàm Liêm.»: the minutes by kind, day and
    place; not `listed` (a notice issued before), followed by its summary «: Gia đình khai báo đúng lý lịch.»"""
    place = f" tại {held['place']}" if held["place"] else ""
    named = f"- Biên bản thẩm tra, xác minh ngày {_day(held['held_on'])}{place}"
    return f"{named}." if listed else f"{named}: {_sentence(held['summary'])}"


def draw(c: DocumentCanvas, source: ConclusionSource) -> None:
    p = c.profile
    size = p.size("body")
    words = texts(source, p)
    flow = Flow(c)
    layout.header(flow, words.number, words.date)
    layout.title(flow, NAME, words.subject)
    flow.paragraph(words.opening, REGULAR, size)
    flow.paragraph(words.result, BOLD, size)
    flow.paragraph(words.evidence_title, REGULAR, size)
    for line in words.evidence:
        flow.paragraph(line, REGULAR, size)
    flow.paragraph(words.closing, REGULAR, size, keep_last=layout.signature_height(flow, recipients(p)))
    layout.signature(flow, recipients(p))


def write_docx(target: Path, source: ConclusionSource, head: Letterhead, profile: Profile,
               password: str | None = None) -> None:
    check_target(target, ".docx")
    words = texts(source, profile)
    document = word.new_document(profile, head, source.draft)
    word.properties(document, TITLE, " ".join(words.subject), "Thông báo", head, source.on, source.draft)
    word.header_block(document, head, profile, words.number, words.date)
    word.title(document, profile, NAME, "\n".join(words.subject))
    word.body(document, words.opening, profile)
    word.body(document, words.result, profile).runs[0].bold = True
    for text in (words.evidence_title, *words.evidence):
        word.body(document, text, profile)
    word.body(document, words.closing, profile).paragraph_format.keep_with_next = True
    word.signature(document, head, profile, recipients(profile))
    word.save(document, target, password, source.on)
