"""The periodic report's content, built once from the figures and rendered as PDF, docx and xlsx.

A narrative skeleton whose sentences carry the counted figures ("Phát hành 1.250 phiếu …"),
bracketed places for the officer's own assessment, and the statistical appendices; all three
formats render this one structure, so they show the same figures as `report --format json`.
"""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...core.dates import display_date
from ...core.kinds import (
    ARCHIVE_FOR_OTHERS,
    ARCHIVE_FROM_OTHERS,
    ARCHIVE_REQUESTS,
    COMPLAINT_KINDS,
    COMPLAINTS,
    DELEGATION_PURPOSES,
    DELEGATIONS,
    SLIP_PURPOSES,
    SLIPS,
)
from ...core.numbers import grouped as n
from ...core.overview import FIGURE_LABELS
from ...core.report import UNSTATED
from . import tables
from .tables import TOTAL, Column

TITLE = "BÁO CÁO"
HEADING, FILL = "heading", "fill"

# The spec's figures, as the workbook's first sheet names them.
FACTS = tuple(FIGURE_LABELS.items())


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "text"  # "text", "heading" (a numbered sub-heading) or "fill" (for the officer to write)


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
    sections: tuple[Section, ...]
    appendices: tuple[Appendix, ...]
    facts: tuple[tuple[str, str, int], ...]  # key, label, value
    recipients: tuple[str, ...]


def period_name(start: dt.date, end: dt.date) -> str:
    """"6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "năm 2025", else the two dates."""
    if start.year == end.year and (start.month, start.day) == (1, 1):
        ends = {(6, 30): "6 tháng đầu năm", (9, 30): "9 tháng đầu năm", (12, 31): "năm"}
        if (end.month, end.day) in ends:
            return f"{ends[(end.month, end.day)]} {start.year}"
    return f"từ ngày {display_date(start)} đến ngày {display_date(end)}"


def subject(start: dt.date, end: dt.date) -> str:
    return f"kết quả công tác bảo vệ chính trị nội bộ {period_name(start, end)}"


def build(figures: Mapping[str, Any], recipients: Sequence[str]) -> ReportContent:
    start, end = dt.date.fromisoformat(figures["from"]), dt.date.fromisoformat(figures["to"])
    sections = (
        Section("I. TÌNH HÌNH CHUNG", (
            Paragraph(f"Trong kỳ báo cáo (từ ngày {display_date(start)} đến ngày {display_date(end)}), công tác "
                      "bảo vệ chính trị nội bộ được triển khai theo Quy định số 58-QĐ/TW của Bộ Chính trị và các "
                      "văn bản hướng dẫn thực hiện."),
            _fill("tình hình chính trị nội bộ, việc quán triệt, triển khai các văn bản trong kỳ"),
        )),
        Section("II. KẾT QUẢ THỰC HIỆN", (
            Paragraph("1. Công tác tra cứu, xác minh lai lịch", HEADING), Paragraph(_slips(figures)),
            Paragraph("2. Công tác nghiên cứu tàng thư", HEADING), Paragraph(_archive(figures)),
            Paragraph("3. Quản lý cán bộ, đảng viên đi nước ngoài", HEADING), Paragraph(_abroad(figures)),
            Paragraph("4. Tiếp nhận, giải quyết đơn thư", HEADING), Paragraph(_complaints(figures)),
        )),
        Section("III. ĐÁNH GIÁ CHUNG", (
            Paragraph("1. Ưu điểm", HEADING), _fill("những ưu điểm, kết quả nổi bật"),
            Paragraph("2. Hạn chế, nguyên nhân", HEADING), _fill("những hạn chế, khó khăn và nguyên nhân"),
        )),
        Section("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", (
            _fill("các nhiệm vụ trọng tâm kỳ tới và đề xuất, kiến nghị"),
        )),
    )
    facts = tuple((key, label, int(figures[key])) for key, label in FACTS)
    return ReportContent(subject(start, end), period_name(start, end), start, end, sections,
                         _appendices(figures), facts, tuple(recipients))


def _fill(what: str) -> Paragraph:
    return Paragraph(f"[Cán bộ soạn thảo bổ sung: {what}.]", FILL)


def _listing(counts: Mapping[str, int], unit: str) -> str:
    return ", ".join(f"{name} {n(count)} {unit}" for name, count in counts.items() if count)


def _slips(f: Mapping[str, Any]) -> str:
    issued, answered = f["slips_issued"], f["slips_answered"]
    if not issued:
        return "Trong kỳ không phát hành phiếu yêu cầu xác minh lai lịch."
    by_recipient = "; ".join(f"{name}: {n(count)} phiếu" for name, count in f["slips_by_recipient"].items())
    return (f"Phát hành {n(issued)} phiếu yêu cầu xác minh lai lịch đối với {n(f['slip_subjects'])} đối tượng; "
            f"đến ngày {display_date(dt.date.fromisoformat(f['to']))} đã nhận kết quả {n(answered)} phiếu, "
            f"còn {n(issued - answered)} phiếu chưa có kết quả. Phiếu gửi {by_recipient} "
            "(chi tiết tại Phụ lục 1 và Phụ lục 2).")


def _archive(f: Mapping[str, Any]) -> str:
    return (f"Nghiên cứu tàng thư giúp tỉnh bạn {n(f['archive_research_for_other_provinces'])} trường hợp; "
            f"đề nghị tỉnh bạn nghiên cứu tàng thư {n(f['archive_research_requested_from_other_provinces'])} "
            "trường hợp (Phụ lục 4).")


def _abroad(f: Mapping[str, Any]) -> str:
    if not f["delegations"]:
        return "Trong kỳ không có đoàn ra nước ngoài."
    purposes = _listing(_ordered(f["delegations_by_purpose"], DELEGATION_PURPOSES), "đoàn")
    return (f"Thẩm định, cử {n(f['cadres_sent_abroad'])} lượt cán bộ đi công tác, học tập ở nước ngoài "
            f"trong {n(f['delegations'])} đoàn ra, gồm: {purposes} (Phụ lục 3).")


def _complaints(f: Mapping[str, Any]) -> str:
    received, resolved = f["complaints_received"], f["complaints_resolved"]
    if not received:
        return "Trong kỳ không tiếp nhận đơn thư."
    kinds = _listing(_ordered(f["complaints_by_kind"], COMPLAINT_KINDS), "đơn")
    return (f"Tiếp nhận {n(received)} đơn thư ({kinds}); đã giải quyết {n(resolved)} đơn, "
            f"đang giải quyết {n(received - resolved)} đơn (Phụ lục 5).")


def _ordered(counts: Mapping[str, int], order: Sequence[str]) -> dict[str, int]:
    """The counts in the declared order of their choices, "Không ghi" last."""
    names = [name for name in (*order, UNSTATED) if name in counts]
    return {name: counts[name] for name in names + [name for name in counts if name not in names]}


def _count_column(key: str, label: str) -> Column:
    return tables.plain(key, label, 1.0, "center", 12)


def _appendices(f: Mapping[str, Any]) -> tuple[Appendix, ...]:
    return (
        _simple("Phụ lục 1. Phiếu yêu cầu xác minh lai lịch theo nơi nhận", SLIPS.field("recipient").header,
                "Số phiếu", f["slips_by_recipient"], f["slips_issued"],
                f"Đã nhận kết quả {n(f['slips_answered'])} phiếu."),
        _simple("Phụ lục 2. Phiếu yêu cầu xác minh lai lịch theo mục đích xác minh", SLIPS.field("purpose").header,
                "Số phiếu", _every(f["slips_by_purpose"], SLIP_PURPOSES), f["slips_issued"]),
        _simple("Phụ lục 3. Đoàn ra nước ngoài theo mục đích", DELEGATIONS.field("purpose").header, "Số đoàn",
                _every(f["delegations_by_purpose"], DELEGATION_PURPOSES), f["delegations"],
                f"Số lượt cán bộ đi nước ngoài: {n(f['cadres_sent_abroad'])}."),
        _simple("Phụ lục 4. Nghiên cứu tàng thư", ARCHIVE_REQUESTS.field("request_kind").header, "Số trường hợp",
                {ARCHIVE_FOR_OTHERS: f["archive_research_for_other_provinces"],
                 ARCHIVE_FROM_OTHERS: f["archive_research_requested_from_other_provinces"]},
                f["archive_research_for_other_provinces"] + f["archive_research_requested_from_other_provinces"]),
        _simple("Phụ lục 5. Đơn thư theo loại", COMPLAINTS.field("complaint_kind").header, "Số đơn",
                _every(f["complaints_by_kind"], COMPLAINT_KINDS), f["complaints_received"],
                f"Đã giải quyết {n(f['complaints_resolved'])} đơn; đang giải quyết "
                f"{n(f['complaints_received'] - f['complaints_resolved'])} đơn."),
    )


def _every(counts: Mapping[str, int], choices: Sequence[str]) -> dict[str, int]:
    """Every declared choice (zero when none), so the appendix keeps its rows from one period to the next."""
    return _ordered({choice: 0 for choice in choices} | dict(counts), choices)


def _simple(title: str, label: str, count_label: str, counts: Mapping[str, int], total: int,
            note: str = "") -> Appendix:
    columns = (tables.counter(), tables.plain("name", label, 4.0, excel_width=40), _count_column("count", count_label))
    rows = tables.numbered({"name": name, "count": count} for name, count in counts.items())
    return Appendix(title, columns, (*rows, {"name": "Tổng cộng", "count": total, TOTAL: True}), note)
