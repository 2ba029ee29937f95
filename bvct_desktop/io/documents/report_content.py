"""The periodic report's content, built once and rendered as PDF, docx and xlsx.

Written as a BVCTNB office writes its report: the regulation in force for the period, then the
vetting done for elections, appointments, planning and new members (the slips' purposes), where
the slips went (the ministry, this province's police, other provinces' police), what the replies
found, the archive research both ways, the delegations the Standing Committee sent abroad and
the complaints; then the officer's own assessment and directions (core/report_notes). Every
figure is the counted one of `report --format json`, written the Vietnamese way (1.712).

`ReportSource` is everything the report is made from; an issued report keeps it in the outgoing
register and is written again from it, identical, in any format.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ...core import recipient_groups, regulations, report_notes
from ...core.dates import display_date
from ...core.kinds import (
    ARCHIVE_FOR_OTHERS,
    ARCHIVE_FROM_OTHERS,
    ARCHIVE_REQUESTS,
    CASE_PURPOSES,
    COMPLAINT_KINDS,
    COMPLAINTS,
    DELEGATION_PURPOSES,
    DELEGATIONS,
    SLIP_PURPOSES,
    SLIPS,
)
from ...core.numbers import decimal
from ...core.numbers import grouped as n
from ...core.overview import REPORT_LABELS
from ...core.periods import (
    CALENDAR_YEAR,
    FIRST_HALF,
    NINE_MONTHS,
    QUARTERS,
    REPORTING_YEARS,
    SECOND_HALF,
    STATISTICAL_YEAR,
    WHOLE_YEAR,
    offered_as,
)
from ...core.personfile.cases import RESULTS
from ...core.report import UNSTATED, replies_counted_to, slips_without_result
from ...core.text import capitalised, clean, fold
from . import tables
from .fonts import BOLD, ITALIC, REGULAR
from .numbered import Numbered
from .tables import TOTAL, Column

TITLE = "BÁO CÁO"
HEADING, FILL = "heading", "fill"
DRAFT_MARK = "DỰ THẢO"

# The spec's figures and the report's own, as the workbook's figures sheet and the report page name and order them.
FACTS = tuple(REPORT_LABELS.items())
# How the report names what a slip or a vetting case was for ("phục vụ bầu cử 250 phiếu, bổ nhiệm …").
PURPOSE_WORDS = {"Bầu cử": "bầu cử", "Bổ nhiệm": "bổ nhiệm", "Quy hoạch": "quy hoạch",
                 "Cử đi đào tạo": "cử đi đào tạo", "Cán bộ chủ chốt": "cán bộ chủ chốt",
                 "Vị trí trọng yếu, cơ mật": "làm việc ở vị trí trọng yếu, cơ mật",
                 "Kết nạp Đảng": "kết nạp đảng viên mới", "Đi nước ngoài": "cử cán bộ đi nước ngoài",
                 "Giải quyết đơn thư": "giải quyết đơn thư", "Khác": "các mục đích khác"}
# How the report names a conclusion's result ("1 trường hợp có vấn đề nhưng không vi phạm").
RESULT_WORDS = {"Đủ tiêu chuẩn": "đủ tiêu chuẩn chính trị", "Chưa đủ tiêu chuẩn": "chưa đủ tiêu chuẩn chính trị",
                "Có vấn đề nhưng không vi phạm": "có vấn đề nhưng không vi phạm", UNSTATED: "chưa ghi kết quả"}


# The report as this release writes it: its sentences and its pages. 1, before 04/12/2026: I.3 said
# every cadre sent abroad was «thuộc diện Ban Thường vụ … quản lý», whereas cadres_sent_abroad counts
# every member place; I.1 counted the replies «Đến ngày» the period's last day even in a report made
# before it. 2, before 05/12/2026: a heading over the body's last paragraph of one to three lines did
# not keep the signature that paragraph keeps, and could end a page alone; the issuer was named as
# issuer_name(as_before=True) names it. 3, before 05/12/2026: the complaint kinds kept their capitals, a
# case purpose no slip has was its choice lower-cased, each case purpose's count stood bare ("bầu cử 1"),
# what was not done yet was counted as 0 ("đã giải quyết 0 đơn") and the slips' vetting was "xác minh lý lịch".
# 4, before 05/12/2026: the figures sheet named the letters of the period resolved as if they were all the
# letters resolved (the body's count adds those carried over); I.1 counted the slips that found an archive
# record as «trường hợp», a person on two such slips twice.
# 5, before 05/12/2026: a quarter and the second half of a year were named by their dates
# («từ ngày 01/01/2026 đến ngày 31/03/2026», not «quý I năm 2026»). 6, before 05/12/2026: the letterhead's
# long names broke where the line ran out («THÀNH ỦY THÀNH PHỐ HỒ / CHÍ MINH»). 7, before 06/12/2026:
# Phụ lục 5's note said «đang giải quyết 0 đơn» and «Đã giải quyết 0 đơn», as the body no longer did.
# 8, before 06/12/2026: the letters resolved named those carried over in brackets, before «(Phụ lục 5)».
# 9, before 06/12/2026: the figures sheet listed the figures by kind, as ORDER_BEFORE_10, not as the sections
# state them (a figure answered far below its count). 10, before 06/12/2026: Phụ lục 4 said nothing of the
# archive requests carried over, as Phụ lục 1 says of the slips. 11: the delegations for
# another purpose were «khác 3 đoàn»; where the slips went ended «(138 phiếu) (chi tiết tại Phụ lục 1)».
# 12, before 06/12/2026: Phụ lục 4 did not count the requests whose reply found a record («Có tài liệu»).
# 13, before 06/12/2026: the Party's reporting year (15/12 to 14/12) and its 6 and 9 months were named by their
# dates («từ ngày 15/12/2025 đến ngày 14/12/2026», not «năm 2026»). 14, before 06/12/2026: the letters forwarded
# to the competent body were among those «đang giải quyết», and the anonymous letters were not told.
# 15, before 07/12/2026: Phụ lục 1 counted the replies by recipient, and its total, to the period's last day
# in a report made before it (the body to the report's), and the figures sheet did not list those dated after it.
# 16, before 07/12/2026: I.2 and Phụ lục 4 counted the archive research answered, and the records found, to the
# period's last day in a report made before it, and did not tell apart the replies dated after the report's day.
# 17, before 07/12/2026: Phụ lục 4's note did not tell apart the replies dated after the report's day its column
# «Đã có kết quả» leaves out, as I.2 does. 18, before 07/12/2026: the archive replies dated after the report's day
# were said «…, cần xem lại», not «… (cần xem lại)» as the slips' are; I.2 then ended «(cần xem lại) (Phụ lục 4)».
WORDING = 19
FACTS_SINCE = {"slips_answered_ahead": 16}  # a figure counted before the wording that lists it
NAMED_BREAKS_SINCE = 7
LABELS_BEFORE_5 = {"complaints_resolved": "Đơn thư đã giải quyết (đến cuối kỳ)"}
ORDER_BEFORE_10 = ("vetting_cases_opened", "vetting_cases_concluded", "slips_issued", "slip_subjects",
                   "slips_answered", "delegations", "cadres_sent_abroad", "archive_research_for_other_provinces",
                   "archive_research_requested_from_other_provinces", "complaints_received", "complaints_resolved",
                   "slips_carried_over", "slips_carried_over_answered",
                   "archive_research_for_other_provinces_carried_over",
                   "archive_research_for_other_provinces_carried_over_answered",
                   "archive_research_requested_from_other_provinces_carried_over",
                   "archive_research_requested_from_other_provinces_carried_over_answered",
                   "complaints_carried_over", "complaints_carried_over_resolved", "slips_with_undated_result",
                   "slips_overdue", "slips_with_archive_record", "slip_subjects_with_archive_record",
                   "archive_research_for_other_provinces_answered",
                   "archive_research_requested_from_other_provinces_answered")


@dataclass(frozen=True)
class ReportSource(Numbered):
    """What the report is made from: the counted figures, the officer's parts, the office settings
    in force on the report's date, its number (None for a draft) and its date (a draft's: the day
    it was made, whose year it carries)."""

    figures: Mapping[str, Any]
    office: Mapping[str, str]
    notes: Mapping[str, str]
    number: int | None
    on: dt.date
    wording: int = WORDING  # an issued report's: the one it was issued with
    named_breaks_since: ClassVar[int] = NAMED_BREAKS_SINCE


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "text"  # "text", "heading" (a numbered sub-heading) or "fill" (a part not yet written)


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Appendix:
    title: str
    columns: tuple[Column, ...]
    records: tuple[dict[str, Any], ...]
    note: str = ""


@dataclass(frozen=True)
class ReportContent:
    subject: str
    period: str
    start: dt.date
    end: dt.date
    intro: str
    sections: tuple[Section, ...]
    appendices: tuple[Appendix, ...]
    facts: tuple[tuple[str, str, int], ...]  # key, label, value
    recipients: tuple[str, ...]
    draft: bool
    wording: int


@dataclass(frozen=True)
class Block:
    """A paragraph of the body as the PDF and the workbook set it: its face, justified or not,
    a heading or text."""

    text: str
    font: str
    justify: bool
    heading: bool


def blocks(content: ReportContent) -> list[Block]:
    """The body in reading order: the intro, then each section's heading and paragraphs."""
    found = [Block(content.intro, REGULAR, True, False)]
    for section in content.sections:
        found.append(Block(section.heading, BOLD, False, True))
        for paragraph in section.paragraphs:
            font = {HEADING: BOLD, FILL: ITALIC}.get(paragraph.style, REGULAR)
            found.append(Block(paragraph.text, font, paragraph.style not in (HEADING, FILL),
                               paragraph.style == HEADING))
    return found


# a report's period → its name before its year ("quý I năm 2026") and the wording that first named it so
# (a report of a wording before it names its period by the two dates)
NAMES = {FIRST_HALF: ("6 tháng đầu năm", 1), NINE_MONTHS: ("9 tháng đầu năm", 1), WHOLE_YEAR: ("năm", 1),
         QUARTERS[0]: ("quý I năm", 6), QUARTERS[1]: ("quý II năm", 6), QUARTERS[2]: ("quý III năm", 6),
         QUARTERS[3]: ("quý IV năm", 6), SECOND_HALF: ("6 tháng cuối năm", 6)}
NAMED_SINCE = {CALENDAR_YEAR: 1, STATISTICAL_YEAR: 14}  # the wording that first named a period of each year


def period_name(start: dt.date, end: dt.date, wording: int = WORDING) -> str:
    """"quý I năm 2026", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "6 tháng cuối năm 2025",
    "năm 2025"; from 15/12/2025, "6 tháng đầu năm 2026" to 14/06/2026, "9 tháng đầu năm 2026" to 14/09/2026
    and "năm 2026" to 14/12/2026 (the periods the report page offers, core/periods); else the two dates (a
    quarter and the second half too, in a report of wording 5 or before; the statistical year from 15/12, in a
    report of wording 13 or before)."""
    for counted in REPORTING_YEARS:
        offered = offered_as(start, end, counted)
        if offered is not None:
            period, year = offered
            name, since = NAMES[period]
            if wording >= max(since, NAMED_SINCE[counted]):
                return f"{name} {year}"
    return f"từ ngày {display_date(start)} đến ngày {display_date(end)}"


def subject(start: dt.date, end: dt.date, wording: int = WORDING) -> str:
    return f"kết quả công tác bảo vệ chính trị nội bộ {period_name(start, end, wording)}"


def issuer_name(office: Mapping[str, str], as_before: bool = False) -> str:
    """"BAN TỔ CHỨC" of "TỈNH ỦY LÂM ĐỒNG" → "Ban Tổ chức Tỉnh ủy"; a name that names its committee
    ("BAN TỔ CHỨC TỈNH ỦY") is not given it a second time. Capitalised as HD 36 writes a Party body:
    "Ban Tổ chức", "Ủy ban Kiểm tra", "Đảng" (the Party). `as_before`: as a document issued before
    05/12/2026 named it (its words compared without accents, "cơ quan ủy" taken for "Quận ủy"; only
    the committee and "Ban Tổ chức" capitalised)."""
    words = [clean(word.lower()) for word in office["co_quan"].split()]
    key = fold if as_before else str
    named = {index for index in range(len(words) - 1) if _names_committee(words[index:index + 2], key)}
    capitals = named | ({0, 1} if fold(words[0]) == "ban" else {0})
    if not as_before:
        capitals |= _bodies(words) | {index for index, word in enumerate(words) if word == "đảng"}
    body = " ".join(word.capitalize() if index in capitals else word for index, word in enumerate(words))
    return body if named else f"{body} {committee(office)}"


def committee(office: Mapping[str, str]) -> str:
    """"TỈNH ỦY LÂM ĐỒNG" → "Tỉnh ủy" (the Party committee the Ban serves)."""
    words = [clean(word.lower()) for word in office["co_quan_cap_tren"].split()[:2]]
    return " ".join([words[0].capitalize(), *words[1:]])


_COMMITTEES = ("tỉnh", "thành", "huyện", "quận", "thị", "đảng")  # tỉnh ủy, thành ủy, … đảng ủy


def _names_committee(pair: Sequence[str], key: Callable[[str], str]) -> bool:
    return len(pair) == 2 and key(pair[1]) == key("ủy") and key(pair[0]) in {key(word) for word in _COMMITTEES}


def _bodies(words: Sequence[str]) -> set[int]:
    """Where a body's name starts and the word that names it: "Ban Tổ chức", "Ủy ban Kiểm tra"."""
    found: set[int] = set()
    for index, word in enumerate(words[:-1]):
        if word == "ban":
            found |= {index - 1 if index and words[index - 1] == "ủy" else index, index + 1}
    return found


def build(source: ReportSource, recipients: Sequence[str]) -> ReportContent:
    f, office = source.figures, source.office
    start, end = dt.date.fromisoformat(f["from"]), dt.date.fromisoformat(f["to"])
    issuer = issuer_name(office, as_before=source.wording < 3)
    counted_to = _replies_counted_to(source, end)
    sections = (
        Section("I. KẾT QUẢ THỰC HIỆN", (
            Paragraph("1. Công tác thẩm định, thẩm tra, xác minh tiêu chuẩn chính trị", HEADING),
            *(Paragraph(text) for text in _cases(f, source.wording)),
            *(Paragraph(text) for text in _vetting(f, issuer, counted_to, source.wording)),
            Paragraph("2. Công tác nghiên cứu tàng thư", HEADING),
            Paragraph(_archive(f, counted_to, source.wording)),
            Paragraph("3. Quản lý cán bộ, đảng viên đi nước ngoài", HEADING),
            Paragraph(_abroad(f, office, source.wording)),
            Paragraph("4. Tiếp nhận, giải quyết đơn thư", HEADING), Paragraph(_complaints(f, source.wording)),
        )),
        Section("II. ĐÁNH GIÁ CHUNG", (
            Paragraph(f"1. {report_notes.STRENGTHS}", HEADING), *_written(source.notes, report_notes.STRENGTHS),
            Paragraph(f"2. {report_notes.WEAKNESSES}", HEADING), *_written(source.notes, report_notes.WEAKNESSES),
        )),
        Section("III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", _written(source.notes, report_notes.DIRECTIONS)),
    )
    labels = {**dict(FACTS), **(LABELS_BEFORE_5 if source.wording < 5 else {})}
    order = labels if source.wording >= 10 else ORDER_BEFORE_10
    facts = tuple((key, labels[key], int(f[key])) for key in order  # as counted when issued
                  if key in f and source.wording >= FACTS_SINCE.get(key, 0))
    return ReportContent(subject(start, end, source.wording), period_name(start, end, source.wording), start, end,
                         _intro(start, end, issuer, source.wording),
                         sections, _appendices(f, counted_to, source.wording), facts, tuple(recipients), source.draft,
                         source.wording)


def _written(notes: Mapping[str, str], part: str) -> tuple[Paragraph, ...]:
    written = report_notes.paragraphs(notes.get(part, ""))
    if written:
        return tuple(Paragraph(text) for text in written)
    return (Paragraph(f"[Chưa viết phần «{part}»: cán bộ soạn thảo viết phần này ở trang Báo cáo "
                      "hoặc trong tệp các phần do cán bộ viết, trước khi phát hành.]", FILL),)


def _intro(start: dt.date, end: dt.date, issuer: str, wording: int) -> str:
    found = regulations.in_force(start, end)
    if not found:
        basis = "các quy định của Đảng về công tác bảo vệ chính trị nội bộ"
    elif len(found) == 1:
        basis = found[0].citation
    else:
        basis = " và ".join(
            f"{regulation.citation} (" + (f"đến ngày {display_date(regulation.until)}" if i == 0
                                         else f"từ ngày {display_date(regulation.signed_on)}") + ")"
            for i, regulation in enumerate(found))
    return (f"Thực hiện {basis} và các văn bản hướng dẫn thực hiện, {issuer} báo cáo kết quả công tác "
            f"bảo vệ chính trị nội bộ {period_name(start, end, wording)} như sau:")


def _ordered(counts: Mapping[str, int], order: Sequence[str]) -> dict[str, int]:
    """The counts in the declared order of their choices, "Không ghi" last."""
    names = [name for name in (*order, UNSTATED) if name in counts]
    return {name: counts[name] for name in names + [name for name in counts if name not in names]}


def percent(part: int, whole: int) -> str:
    """"81,8%" (the comma is the decimal sign)."""
    return f"{decimal(100 * part / whole)}%"


def _replies_counted_to(source: ReportSource, end: dt.date) -> dt.date:
    """The day the replies are counted to, as the figures were (the period's last in a report of wording 1)."""
    return replies_counted_to(end, source.on) if source.wording >= 2 else end


def _done(count: int, verb: str, unit: str, wording: int) -> str:
    """"đã giải quyết 12 đơn"; none: "chưa giải quyết đơn nào" ("đã giải quyết 0 đơn" in wording 3)."""
    return f"đã {verb} {n(count)} {unit}" if count or wording < 4 else f"chưa {verb} {unit} nào"


def _case_purposes(counts: Mapping[str, int], wording: int) -> str:
    """"bầu cử 1 trường hợp, làm việc ở vị trí trọng yếu, cơ mật 2 trường hợp"; in wording 3 a bare
    count after a slip's purpose words or the case's own choice lower-cased ("vị trí trọng yếu, cơ mật 2")."""
    if wording < 4:
        return ", ".join(f"{PURPOSE_WORDS[name] if name in SLIP_PURPOSES else name.lower()} {n(count)}"
                         for name, count in _ordered(counts, SLIP_PURPOSES).items())
    words = {**PURPOSE_WORDS, UNSTATED: "chưa ghi mục đích"}
    return ", ".join(f"{words.get(name, name.lower())} {n(count)} trường hợp"
                     for name, count in _ordered(counts, CASE_PURPOSES).items())


def _cases(f: Mapping[str, Any], wording: int) -> list[str]:
    """The vetting cases opened in the period by purpose and those concluded in it by result (none in a
    report issued before they were counted)."""
    if "vetting_cases_opened" not in f:
        return []
    opened, concluded = f["vetting_cases_opened"], f["vetting_cases_concluded"]
    if not opened and not concluded:
        return ["Trong kỳ không có hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị."]
    purposes = _case_purposes(f["vetting_cases_by_purpose"], wording)
    first = (f"Thẩm định, thẩm tra tiêu chuẩn chính trị {n(opened)} trường hợp ({purposes})" if opened
             else "Trong kỳ không mở hồ sơ thẩm định, thẩm tra tiêu chuẩn chính trị mới")
    results = ", ".join(f"{n(count)} trường hợp {RESULT_WORDS.get(name, name.lower())}" for name, count in
                        _ordered(f["vetting_conclusions_by_result"], RESULTS).items())
    second = (f"đã kết luận {n(concluded)} trường hợp, trong đó {results}" if concluded
              else "trong kỳ chưa kết luận trường hợp nào")
    return [f"{first}; {second}."]


def _vetting(f: Mapping[str, Any], issuer: str, counted_to: dt.date, wording: int) -> list[str]:
    issued = f["slips_issued"]
    if not issued:
        return [f"Trong kỳ, {issuer} không phát hành phiếu yêu cầu xác minh lai lịch."
                f"{_slips_carried_over(f, counted_to, ' ')}"]
    by_purpose = _ordered(f["slips_by_purpose"], SLIP_PURPOSES)
    served = [f"{PURPOSE_WORDS[name]} {n(count)} phiếu" for name, count in by_purpose.items()
              if name in PURPOSE_WORDS and count]
    purposes = f", trong đó phục vụ {', '.join(served)}" if served else ""
    if by_purpose.get(UNSTATED):
        purposes += f"; {n(by_purpose[UNSTATED])} phiếu chưa ghi mục đích"
    vetted = "lai lịch" if wording >= 4 else "lý lịch"
    first = (f"Trong kỳ, {issuer} đã tham mưu thẩm tra, xác minh {vetted} phục vụ công tác cán bộ và công tác "
             f"phát triển đảng viên: phát hành {n(issued)} phiếu yêu cầu xác minh lai lịch đối với "
             f"{n(f['slip_subjects'])} người{purposes} (Phụ lục 2).")
    found = f["slip_subjects_with_archive_record" if wording >= 5 else "slips_with_archive_record"]
    finding = (f"qua tra cứu, xác minh đã phát hiện {n(found)} trường hợp có tài liệu lưu trữ (tàng thư) liên quan"
               if found else "qua tra cứu, xác minh chưa phát hiện trường hợp nào có tài liệu lưu trữ (tàng thư) "
                             "liên quan")
    undated = f.get("slips_with_undated_result", 0)  # a report issued before it was counted has none
    answered = _received(f)
    told_apart = f"{_slips_ahead(f, 'slips', counted_to)}, " if f.get("slips_answered_ahead") else ""
    told_apart += f"{n(undated)} phiếu đã ghi kết quả nhưng chưa ghi ngày nhận kết quả, " if undated else ""
    awaited = slips_without_result(f)
    late = _overdue_words(f.get("slips_overdue", 0), awaited)  # none: a report issued before it was counted
    detail = ", chi tiết tại Phụ lục 1." if wording >= 12 else " (chi tiết tại Phụ lục 1)."
    second = (f"Phiếu được gửi tới {_recipients(f['slips_by_recipient_group'])}{detail} "
              f"Đến ngày {display_date(counted_to)} đã nhận kết quả {n(answered)} phiếu "
              f"({percent(answered, issued)}), {told_apart}còn {n(awaited)} phiếu chưa có "
              f"kết quả{late}; {finding}.{_slips_carried_over(f, counted_to, ' ')}")
    return [first, second]


def _received(f: Mapping[str, Any], figure: str = "slips") -> int:
    """The slips (or archive requests of `figure`) answered whose reply is dated by the day the replies are counted
    to (…_answered_ahead: none in a report issued before they were counted)."""
    return f[f"{figure}_answered"] - f.get(f"{figure}_answered_ahead", 0)


def _slips_ahead(f: Mapping[str, Any], figure: str, counted_to: dt.date) -> str:
    """"1 phiếu ghi ngày nhận kết quả sau ngày 15/12/2025 (cần xem lại)": the slips of `figure` answered whose reply
    is dated after the day the replies are counted to (in every wording that counted them)."""
    return _dated_after(f.get(f"{figure}_answered_ahead", 0), "phiếu", "nhận kết quả", counted_to)


def _slips_carried_over(f: Mapping[str, Any], counted_to: dt.date, before: str = "") -> str:
    """" Ngoài ra, kỳ trước chuyển sang 12 phiếu chưa có kết quả, trong kỳ đã nhận kết quả 8 phiếu, 1 phiếu ghi ngày
    nhận kết quả sau ngày 15/12/2025 (cần xem lại)."; nothing when none were (or a report issued before they were
    counted); those dated after the day the replies are counted to not told in a report issued before they were."""
    carried = f.get("slips_carried_over", 0)
    if not carried:
        return ""
    figure = "slips_carried_over"
    replies = _done(_received(f, figure), "nhận kết quả", "phiếu", WORDING)  # counted since wording 8
    told_apart = f", {_slips_ahead(f, figure, counted_to)}" if f.get(f"{figure}_answered_ahead") else ""
    return f"{before}Ngoài ra, kỳ trước chuyển sang {n(carried)} phiếu chưa có kết quả, trong kỳ {replies}{told_apart}."


def _overdue_words(overdue: int, awaited: int) -> str:
    """", trong đó 4 phiếu quá hạn trả lời" after the slips awaited; ", đều đã quá hạn trả lời" when all are."""
    if not overdue:
        return ""
    return ", đều đã quá hạn trả lời" if overdue == awaited else f", trong đó {n(overdue)} phiếu quá hạn trả lời"


def _recipients(groups: Mapping[str, Mapping[str, int]]) -> str:
    """"Cục A93B – Bộ Công an (700 phiếu), Phòng PV27 – Công an tỉnh Bình Thuận (550 phiếu) và Công an
    các tỉnh, thành phố khác (120 phiếu)"."""
    named = [f"{_group_name(group, units)} ({n(sum(units.values()))} phiếu)" for group, units in groups.items()]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} và {named[-1]}"


def _group_name(group: str, units: Mapping[str, int]) -> str:
    if group == recipient_groups.OTHER_PROVINCES:
        return recipient_groups.OTHER_PROVINCES
    if group == recipient_groups.OTHER:
        return "các cơ quan khác" if len(units) > 1 else next(iter(units))
    if len(units) == 1:
        return next(iter(units))
    parts = [name.rsplit(" – ", 1) for name in units]
    parents = {part[1] for part in parts if len(part) == 2}
    if len(parents) == 1 and all(len(part) == 2 for part in parts):
        return f"{', '.join(part[0] for part in parts)} – {parents.pop()}"
    return "các đơn vị thuộc Bộ Công an" if group == recipient_groups.MINISTRY else "các đơn vị Công an tỉnh"


def _archive(f: Mapping[str, Any], counted_to: dt.date, wording: int) -> str:
    for_others = f["archive_research_for_other_provinces"]
    from_others = f["archive_research_requested_from_other_provinces"]
    answered = _archive_answered(f, "archive_research_for_other_provinces", "trả lời", counted_to, wording)
    first = (f"Nghiên cứu tàng thư giúp tỉnh bạn {n(for_others)} trường hợp, {answered}" if for_others
             else "Trong kỳ không có yêu cầu nghiên cứu tàng thư của tỉnh bạn")
    received = _archive_answered(f, "archive_research_requested_from_other_provinces", "nhận kết quả", counted_to,
                                 wording)
    second = (f"đề nghị tỉnh bạn nghiên cứu tàng thư {n(from_others)} trường hợp, {received}" if from_others
              else "không có trường hợp nào phải đề nghị tỉnh bạn nghiên cứu tàng thư")
    appendix = ", chi tiết tại Phụ lục 4." if second.endswith(")") else " (Phụ lục 4)."  # not a second bracket
    return f"{first}; {second}{appendix}{_archive_carried_over(f, counted_to, wording)}"


def _archive_answered(f: Mapping[str, Any], figure: str, verb: str, counted_to: dt.date, wording: int) -> str:
    """"đã trả lời 8 trường hợp, 2 trường hợp ghi ngày trả lời sau ngày 15/12/2025 (cần xem lại)": those answered
    by the day the replies are counted to, then those dated after it (none in a report issued before they were
    counted)."""
    ahead = f.get(f"{figure}_answered_ahead", 0)
    told_apart = f", {_dated_after(ahead, 'trường hợp', verb, counted_to, wording)}" if ahead else ""
    return f"{_done(_received(f, figure), verb, 'trường hợp', wording)}{told_apart}"


def _dated_after(count: int, unit: str, verb: str, counted_to: dt.date, wording: int = WORDING) -> str:
    """"2 trường hợp ghi ngày trả lời sau ngày 15/12/2025 (cần xem lại)": the replies dated after the day they are
    counted to («…, cần xem lại» of the archive research in a report issued before wording 19)."""
    checked = " (cần xem lại)" if wording >= 19 else ", cần xem lại"
    return f"{n(count)} {unit} ghi ngày {verb} sau ngày {display_date(counted_to)}{checked}"


# each kind of archive research: its figure, what the report calls it, what a reply to it is
_ARCHIVE_WORDS = (("archive_research_for_other_provinces", "nghiên cứu giúp tỉnh bạn", "trả lời"),
                  ("archive_research_requested_from_other_provinces", "đề nghị tỉnh bạn nghiên cứu", "nhận kết quả"))


def _archive_carried_over(f: Mapping[str, Any], counted_to: dt.date, wording: int) -> str:
    """" Ngoài ra, kỳ trước chuyển sang 3 trường hợp nghiên cứu giúp tỉnh bạn chưa trả lời, trong kỳ đã trả lời
    1 trường hợp, 1 trường hợp ghi ngày trả lời sau ngày 15/12/2025 (cần xem lại); …"; nothing when none were (or a
    report issued before they were counted)."""
    unanswered = {"trả lời": "chưa trả lời", "nhận kết quả": "chưa có kết quả"}
    said = [f"{n(f[f'{key}_carried_over'])} trường hợp {what} {unanswered[verb]}, trong kỳ "
            f"{_archive_answered(f, f'{key}_carried_over', verb, counted_to, wording)}"
            for key, what, verb in _ARCHIVE_WORDS if f.get(f"{key}_carried_over")]
    return f" Ngoài ra, kỳ trước chuyển sang {'; '.join(said)}." if said else ""


def _archive_ahead(f: Mapping[str, Any], counted_to: dt.date, wording: int) -> str:
    """"Ngoài số đã có kết quả, 2 trường hợp nghiên cứu giúp tỉnh bạn ghi ngày trả lời sau ngày 15/12/2025 (cần xem
    lại); …": the period's requests answered whose reply is dated after the day the replies are counted to, which
    Phụ lục 4's column «Đã có kết quả» leaves out; nothing when none are."""
    said = [_dated_after(f[f"{key}_answered_ahead"], f"trường hợp {what}", verb, counted_to, wording)
            for key, what, verb in _ARCHIVE_WORDS if f.get(f"{key}_answered_ahead")]
    return f"Ngoài số đã có kết quả, {'; '.join(said)}." if said else ""


def _abroad(f: Mapping[str, Any], office: Mapping[str, str], wording: int) -> str:
    standing = f"Ban Thường vụ {committee(office)}"
    if not f["delegations"]:
        return f"Trong kỳ, {standing} không cử đoàn cán bộ nào đi nước ngoài."
    purposes = _ordered(f["delegations_by_purpose"], DELEGATION_PURPOSES)
    words = {UNSTATED: "chưa ghi mục đích", **({"Khác": PURPOSE_WORDS["Khác"]} if wording >= 12 else {})}
    listed = ", ".join(f"{words.get(name, name.lower())} {n(count)} đoàn" for name, count in purposes.items() if count)
    managed = f" thuộc diện {standing} quản lý" if wording < 2 else ""
    return (f"Tham mưu {standing} cử {n(f['delegations'])} đoàn với {n(f['cadres_sent_abroad'])} lượt cán bộ"
            f"{managed} đi nước ngoài, trong đó: {listed} (Phụ lục 3).")


def _carried_over(f: Mapping[str, Any]) -> tuple[int, int]:
    """The letters carried over from before the period, and those of them resolved in it (none in a
    report issued before 05/12/2026, which did not count them)."""
    return f.get("complaints_carried_over", 0), f.get("complaints_carried_over_resolved", 0)


def _complaints(f: Mapping[str, Any], wording: int) -> str:
    received = f["complaints_received"]
    carried, carried_resolved = _carried_over(f)
    if not received and not carried:
        return "Trong kỳ không tiếp nhận đơn thư."
    if received:
        kinds = ", ".join(f"{name if wording < 4 else name.lower()} {n(count)} đơn" for name, count in
                          _ordered(f["complaints_by_kind"], COMPLAINT_KINDS).items() if count)
        if anonymous := _since_15(f, "complaints_anonymous", wording):
            kinds += f"; {n(anonymous)} đơn nặc danh"
        came = f" và {n(carried)} đơn kỳ trước chuyển sang" if carried else ""
        taken = f"Tiếp nhận {n(received)} đơn thư ({kinds}){came}"
        among = "" if not carried_resolved else f", trong đó {n(carried_resolved)} đơn kỳ trước chuyển sang" \
            if wording >= 9 else f" (trong đó {n(carried_resolved)} đơn kỳ trước chuyển sang)"
    else:
        taken, among = f"Trong kỳ không tiếp nhận đơn thư mới, có {n(carried)} đơn kỳ trước chuyển sang", ""
    resolved, pending = _letters_resolved_and_pending(f, wording)
    forwarded = _forwarded(f, wording)
    # after «trong đó …» or «chuyển …» a comma would run on into it
    after = ";" if (among and wording >= 9) or forwarded else ","
    still = f"{after} đang giải quyết {n(pending)} đơn" if pending or wording < 4 else ""
    return f"{taken}; {_done(resolved, 'giải quyết', 'đơn', wording)}{among}{forwarded}{still} (Phụ lục 5)."


def _since_15(f: Mapping[str, Any], key: str, wording: int) -> int:
    """The figure `key` of the letters, counted since wording 15 (none in a report issued before)."""
    return f.get(key, 0) if wording >= 15 else 0


def _forwarded(f: Mapping[str, Any], wording: int) -> str:
    """"; chuyển 2 đơn đến cơ quan có thẩm quyền" (the letters forwarded in the period); nothing when none was."""
    forwarded = _since_15(f, "complaints_forwarded", wording)
    return f"; chuyển {n(forwarded)} đơn đến cơ quan có thẩm quyền" if forwarded else ""


def _letters_resolved_and_pending(f: Mapping[str, Any], wording: int) -> tuple[int, int]:
    """The letters resolved in the period, received in it or carried over, and those still the office's to
    resolve: not those forwarded to the competent body and unresolved (still counted as pending before wording 15)."""
    carried, carried_resolved = _carried_over(f)
    resolved = f["complaints_resolved"] + carried_resolved
    with_others = _since_15(f, "complaints_forwarded_unresolved", wording)
    return resolved, f["complaints_received"] + carried - resolved - with_others


def _count_column(key: str, label: str) -> Column:
    return tables.plain(key, label, 1.0, "center", 12)


def _appendices(f: Mapping[str, Any], counted_to: dt.date, wording: int) -> tuple[Appendix, ...]:
    return (
        _by_recipient(f, counted_to, wording),
        _simple("Phụ lục 2. Phiếu yêu cầu xác minh lai lịch theo mục đích xác minh", SLIPS.field("purpose").header,
                "Số phiếu", _every(f["slips_by_purpose"], SLIP_PURPOSES), f["slips_issued"]),
        _simple("Phụ lục 3. Đoàn ra nước ngoài theo mục đích", DELEGATIONS.field("purpose").header, "Số đoàn",
                _every(f["delegations_by_purpose"], DELEGATION_PURPOSES), f["delegations"],
                "" if "cadres_sent_abroad_by_purpose" in f
                else f"Số lượt cán bộ đi nước ngoài: {n(f['cadres_sent_abroad'])}.",
                _beside(f, "Số lượt cán bộ", "cadres_sent_abroad_by_purpose", "cadres_sent_abroad")),
        _archive_appendix(f, counted_to, wording),
        _simple("Phụ lục 5. Đơn thư theo loại", COMPLAINTS.field("complaint_kind").header, "Số đơn",
                _every(f["complaints_by_kind"], COMPLAINT_KINDS), f["complaints_received"],
                _letters_note(f, wording),
                _beside(f, "Đã giải quyết", "complaints_resolved_by_kind", "complaints_resolved")),
    )


@dataclass(frozen=True)
class Beside:
    """A second count beside an appendix's own, by the same names: its column's label, each name's count
    and the total."""

    label: str
    counts: Mapping[str, int]
    total: int


def _beside(f: Mapping[str, Any], label: str, key: str, total: str) -> Beside | None:
    """The figures `key` by name and their `total` beside the appendix's count; None in a report issued
    before `key` was counted (it keeps its columns)."""
    return Beside(label, f[key], f[total]) if key in f else None


def _letters_note(f: Mapping[str, Any], wording: int) -> str:
    """As the body says it: nothing pending is not said «đang giải quyết 0 đơn» (it was before wording 8)."""
    resolved, pending = _letters_resolved_and_pending(f, wording)
    carried = f"Kỳ trước chuyển sang {n(_carried_over(f)[0])} đơn. " if _carried_over(f)[0] else ""
    if wording < 8:
        return f"{carried}Đã giải quyết {n(resolved)} đơn; đang giải quyết {n(pending)} đơn."
    done = _done(resolved, "giải quyết", "đơn", wording)
    still = f"; đang giải quyết {n(pending)} đơn" if pending else ""
    return f"{carried}{capitalised(done)}{_forwarded(f, wording)}{still}."


def _by_recipient(f: Mapping[str, Any], counted_to: dt.date, wording: int) -> Appendix:
    """Each recipient under its group, the group's count in bold above its units; with the slips each
    has answered by the day the replies are counted to (not in a report issued before they were counted; by the
    period's end in one issued with wording 15)."""
    answered = f.get("slips_answered_by_recipient")
    replied = (_count_column("answered", "Đã có kết quả"),) if answered else ()
    columns = (tables.counter(), _name_column(SLIPS.field("recipient").header, 1 + len(replied)),
               _count_column("count", "Số phiếu"), *replied)

    def replies(units: Iterable[str]) -> dict[str, int]:
        return {"answered": sum(answered.get(name, 0) for name in units)} if answered else {}

    rows: list[dict[str, Any]] = []
    number = 0
    for group, units in f["slips_by_recipient_group"].items():
        rows.append({"name": group, "count": sum(units.values()), **replies(units), TOTAL: True})
        for name, count in units.items():
            number += 1
            rows.append({tables.NUMBER: number, "name": name, "count": count, **replies((name,))})
    received = _received(f) if wording >= 16 else f["slips_answered"]
    total = {"answered": received} if answered else {}
    rows.append({"name": "Tổng cộng", "count": f["slips_issued"], **total, TOTAL: True})
    return Appendix("Phụ lục 1. Phiếu yêu cầu xác minh lai lịch theo nơi nhận", columns, tuple(rows),
                    f"Đã nhận kết quả {n(received)} phiếu; có tài liệu lưu trữ (tàng thư) liên quan "
                    f"{n(f['slips_with_archive_record'])} phiếu.{_slips_carried_over(f, counted_to, ' ')}")


def _archive_appendix(f: Mapping[str, Any], counted_to: dt.date, wording: int) -> Appendix:
    counted = ("count", "answered", *(("found",) if wording >= 13 else ()))
    columns = (tables.counter(), _name_column(ARCHIVE_REQUESTS.field("request_kind").header, 2),
               *(_count_column(key, label) for key, label in zip(
                   counted, ("Số trường hợp", "Đã có kết quả", "Có tài liệu"), strict=False)))
    rows = tables.numbered([
        _archive_row(f, name, figure, counted)
        for name, figure in ((ARCHIVE_FOR_OTHERS, "archive_research_for_other_provinces"),
                             (ARCHIVE_FROM_OTHERS, "archive_research_requested_from_other_provinces"))])
    total = {"name": "Tổng cộng", TOTAL: True, **{key: sum(row[key] for row in rows) for key in counted}}
    ahead = _archive_ahead(f, counted_to, wording) if wording >= 18 else ""
    carried = _archive_carried_over(f, counted_to, wording) if wording >= 11 else ""
    note = f"{ahead}{carried}".strip()
    return Appendix("Phụ lục 4. Nghiên cứu tàng thư", columns, (*rows, total), note)


def _archive_row(f: Mapping[str, Any], name: str, figure: str, counted: Sequence[str]) -> dict[str, Any]:
    """One kind's row: its requests, those answered by the day the replies are counted to, those that found a
    record (not in a report issued before they were counted)."""
    figures = {"count": f[figure], "answered": _received(f, figure), "found": f.get(f"{figure}_with_record")}
    return {"name": name, **{key: figures[key] for key in counted}}


def _every(counts: Mapping[str, int], choices: Sequence[str]) -> dict[str, int]:
    """Every declared choice (zero when none), so the appendix keeps its rows from one period to the next."""
    return _ordered({choice: 0 for choice in choices} | dict(counts), choices)


def _name_column(label: str, counts: int) -> Column:
    """The names' column, narrower by what each count beyond the first takes: the table keeps its width."""
    return tables.plain("name", label, 5.0 - counts, excel_width=80 - 13 * counts)


def _simple(title: str, label: str, count_label: str, counts: Mapping[str, int], total: int,
            note: str = "", beside: Beside | None = None) -> Appendix:
    """One row a name with its count (and the `beside` count, when given), then the totals."""
    extra = (_count_column("beside", beside.label),) if beside else ()
    columns = (tables.counter(), _name_column(label, 1 + len(extra)), _count_column("count", count_label), *extra)

    def also(name: str | None) -> dict[str, int]:
        if not beside:
            return {}
        return {"beside": beside.total if name is None else beside.counts.get(name, 0)}

    rows = tables.numbered({"name": name, "count": count, **also(name)} for name, count in counts.items())
    return Appendix(title, columns, (*rows, {"name": "Tổng cộng", "count": total, **also(None), TOTAL: True}), note)
