"""Công văn đôn đốc: a letter to one police records unit listing its slips still unanswered past
the reply deadline, asking for the replies — as PDF, as an editable Word file, and as a workbook of
the letter followed by the list attached (as a report's workbook holds its tables).

The letter (HD 36 công văn): the number "Số 05-CV/BTCTU" with its trích yếu "V/v …" in italics
under it, "Kính gửi", two paragraphs, the signature and "Nơi nhận"; several slips follow on their own
page as the list attached ("Danh sách kèm theo"), one is named in the text with the person's
particulars. A draft has no number and carries DỰ THẢO.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from docx.enum.text import WD_BREAK

from ...core import numbering
from ...core.dates import PartialDate, display_date
from ...core.files import check_target
from ...core.kinds import SLIPS
from ...core.numbers import grouped
from . import layout, tables, word, workbook
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow, Letterhead
from .numbered import Numbered
from .profile import Profile
from .report_content import Block, issuer_name
from .word import CENTER

TITLE = "Công văn đôn đốc trả lời phiếu yêu cầu xác minh lai lịch"
SUBJECT = "V/v đôn đốc trả lời phiếu yêu cầu xác minh lai lịch"
LIST_TITLE = "DANH SÁCH PHIẾU YÊU CẦU XÁC MINH LAI LỊCH QUÁ HẠN CHƯA TRẢ LỜI"
S = SLIPS.field
COLUMNS = (tables.counter(), tables.of(S("number"), 0.9, align="center", excel_width=10),
           tables.of(S("issued_on"), 1.0, label="Ngày gửi", align="center", excel_width=11),
           tables.of(S("full_name"), 1.8, label="Họ và tên", excel_width=19, unbroken=True),
           tables.of(S("birth_date"), 0.9, align="center", excel_width=11),
           tables.of(S("home_town"), 1.7, excel_width=20),
           tables.plain("days_late", "Quá hạn (ngày)", 0.7, "center", excel_width=9, whole=True))

# The sentences as this release writes them. 1, before 04/12/2026: a letter about one slip asked for
# the replies to «các phiếu nêu trên» and had a list attached that its text never mentioned. 2, before
# 05/12/2026: the issuer was named as issuer_name(as_before=True) names it. 3, before 05/12/2026: the
# letterhead's long names broke where the line ran out («THÀNH ỦY THÀNH PHỐ HỒ / CHÍ MINH»).
WORDING = 4
NAMED_BREAKS_SINCE = 4


@dataclass(frozen=True)
class ReminderSource(Numbered):
    """What the letter is made from: the recipient, its overdue slips on the letter's day, the reply
    limits (days) they were issued under, shortest first, the office settings in force that day, the
    number (None: a draft), the wording (an issued letter's: the one it was issued with), and the
    reminders sent it before about any of those slips (each {"number": "01-CV/BTCTU", "on": date})."""

    recipient: str
    on: dt.date
    days: tuple[int, ...]
    slips: Sequence[Mapping[str, Any]]
    office: Mapping[str, str]
    number: int | None
    wording: int = WORDING
    earlier: Sequence[Mapping[str, Any]] = ()
    named_breaks_since: ClassVar[int] = NAMED_BREAKS_SINCE

    @property
    def listed(self) -> bool:
        """Whether the slips follow as the list attached (one slip is named in the text)."""
        return len(self.slips) > 1 or self.wording < 2


def recipients(profile: Profile) -> list[str]:
    return ["Như trên,", *profile.recipients]


def register_recipients(recipient: str, profile: Profile) -> list[str]:
    """The letter's "Nơi nhận" as the outgoing register writes it: the unit its "Như trên" stands
    for (its "Kính gửi"), then the others."""
    return [recipient, *profile.recipients]


@dataclass(frozen=True)
class Texts:
    number: str
    date: str
    attached_to: str
    paragraphs: tuple[str, ...]


def texts(source: ReminderSource, profile: Profile) -> Texts:
    office, slips = source.office, source.slips
    issuer = issuer_name(office, as_before=source.wording < 3)
    number = layout.number_text(source.number, numbering.LETTER, office["ky_hieu"])
    date = layout.date_text(office["dia_danh"], source.on, profile, source.draft)
    if source.draft:
        attached = f"(Kèm theo Công văn của {issuer})"
    else:
        attached = (f"(Kèm theo Công văn số {numbering.number_text(source.number, numbering.LETTER, office['ky_hieu'])}"
                    f" ngày {source.on:%d/%m/%Y} của {issuer})")
    first, last = slips[0]["issued_on"], slips[-1]["issued_on"]
    if len(slips) == 1:
        named = slips[0]["full_name"] + ("" if source.listed else _particulars(slips[0]))
        sent = (f"Ngày {display_date(first)}, {issuer} đã gửi quý cơ quan phiếu yêu cầu xác minh lai lịch số "
                f"{slips[0]['number']} đối với {named}")
    else:
        sent = (f"Từ ngày {display_date(first)} đến ngày {display_date(last)}, {issuer} đã gửi quý cơ quan "
                f"{grouped(len(slips))} phiếu yêu cầu xác minh lai lịch (danh sách kèm theo)")
    overdue = f"Đến ngày {display_date(source.on)}, đã quá thời hạn trả lời ({_limits(source.days)})"
    if source.earlier:
        overdue = f"{overdue}. {_reminded(source.earlier, issuer)}; đến nay chưa nhận được kết quả."
    else:
        overdue = f"{overdue} nhưng {issuer} chưa nhận được kết quả."
    paragraphs = (
        f"{sent} để phục vụ công tác thẩm tra, xác minh tiêu chuẩn chính trị. {overdue}",
        f"Để kịp thời phục vụ công tác cán bộ, {issuer} đề nghị quý cơ quan quan tâm, sớm tra cứu và trả lời kết "
        f"quả {'các phiếu' if source.listed else 'phiếu'} nêu trên. Trường hợp đã trả lời, đề nghị quý cơ quan "
        f"thông báo số, ngày văn bản trả lời để {issuer} đối chiếu.",
        "Trân trọng./.",
    )
    return Texts(number, date, attached, paragraphs)


def _reminded(earlier: Sequence[Mapping[str, Any]], issuer: str) -> str:
    """«Ngày 15/10/2025, Ban Tổ chức Tỉnh ủy đã có Công văn số 01-CV/BTCTU đề nghị quý cơ quan trả lời phiếu …»;
    several: «Ban Tổ chức Tỉnh ủy đã có Công văn số 01-CV/BTCTU ngày 15/10/2025 và Công văn số 03-CV/BTCTU ngày …»."""
    asked = "đề nghị quý cơ quan trả lời phiếu yêu cầu xác minh lai lịch"
    if len(earlier) == 1:
        return f"Ngày {display_date(earlier[0]['on'])}, {issuer} đã có Công văn số {earlier[0]['number']} {asked}"
    *before, last = (f"Công văn số {letter['number']} ngày {display_date(letter['on'])}" for letter in earlier)
    return f"{issuer} đã có {', '.join(before)} và {last} {asked}"


def _limits(days: Sequence[int]) -> str:
    """«30 ngày kể từ ngày gửi phiếu»; slips issued under different limits: «30 hoặc 60 ngày kể từ ngày
    gửi phiếu, theo thời hạn khi gửi»."""
    if len(days) == 1:
        return f"{grouped(days[0])} ngày kể từ ngày gửi phiếu"
    *shorter, longest = (grouped(limit) for limit in days)
    return f"{', '.join(shorter)} hoặc {longest} ngày kể từ ngày gửi phiếu, theo thời hạn khi gửi"


def _particulars(slip: Mapping[str, Any]) -> str:
    """" (sinh năm 1950, quê quán xã Hàm Tiến, tỉnh Bình Thuận)": the birth date as precisely as known."""
    born = PartialDate.from_iso(slip["birth_date"]) if slip.get("birth_date") else None
    known = [] if born is None else [born.born]
    if slip.get("home_town"):
        known.append(f"quê quán {slip['home_town']}")
    return f" ({', '.join(known)})" if known else ""


def _list_title(width: float, size: float) -> list[str]:
    return layout.balanced(LIST_TITLE, BOLD, size, width)


def _records(source: ReminderSource) -> list[dict[str, Any]]:
    return tables.numbered(source.slips)


def _total(source: ReminderSource) -> str:
    return f"Tổng số: {grouped(len(source.slips))} phiếu."


def draw(c: DocumentCanvas, source: ReminderSource) -> None:
    p = c.profile
    size = p.size("body")
    words = texts(source, p)
    flow = Flow(c)
    layout.letter(flow, words.number, words.date, SUBJECT, f"Kính gửi: {source.recipient}", words.paragraphs,
                  recipients(p))
    if not source.listed:
        return
    flow.new_page()
    for line in _list_title(c.width, size):
        flow.line(line, BOLD, size, "center")
    flow.centred(words.attached_to, ITALIC, size)
    flow.skip(6)
    tables.draw_table(flow, COLUMNS, _records(source))
    flow.line(_total(source), ITALIC, p.size("table"))


def write_docx(target: Path, source: ReminderSource, head: Letterhead, profile: Profile,
               password: str | None = None) -> None:
    check_target(target, ".docx")
    words = texts(source, profile)
    document = word.new_document(profile, head, source.draft)
    word.properties(document, TITLE, SUBJECT, "Công văn", head, source.on, source.draft)
    word.letter(document, head, profile, words.number, words.date, SUBJECT, f"Kính gửi: {source.recipient}",
                words.paragraphs, recipients(profile))
    if source.listed:
        _write_list(document, source, words, profile)
    word.save(document, target, password, source.on)


def _write_list(document, source: ReminderSource, words: Texts, profile: Profile) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    size = profile.size("body")
    word.write(document.add_paragraph(), "\n".join(_list_title(word.usable_width(profile), size)), size, bold=True,
               align=CENTER, after=0).paragraph_format.keep_with_next = True
    word.write(document.add_paragraph(), words.attached_to, profile.size("body"), italic=True,
               align=CENTER).paragraph_format.keep_with_next = True
    word.table(document, COLUMNS, _records(source), profile, _total(source))


def write_xlsx(target: Path, source: ReminderSource, head: Letterhead, profile: Profile,
               password: str | None = None) -> int:
    """The letter on its first sheet, as the PDF and the Word file have it; then the list attached
    to it, if any (as a report's workbook holds its tables)."""
    words = texts(source, profile)
    body = [Block(text, REGULAR, True, False) for text in words.paragraphs]
    sheets: list[workbook.Sheet | workbook.Text] = [workbook.Text("Công văn", "", SUBJECT, body, words.number,
                                                                  words.date, recipients(profile), source.recipient)]
    if source.listed:
        sheets.append(workbook.Sheet("Danh sách", [LIST_TITLE, words.attached_to], COLUMNS, _records(source),
                                     notes=[_total(source)], signed=False))
    return workbook.write(target, sheets, head, profile, password, draft=source.draft, on=source.on)
