"""Phiếu yêu cầu xác minh lai lịch: one slip per page, ready for signature and stamp.

The sender block, the recipient unit, the subject's particulars (name in capitals, birth date
at its precision), the purpose and what is asked, the signature block, and below a cut line
the reply section the police fill in, whose signature and seal stay inside the bottom margin.
A particular not known prints as a dotted line. A slip whose values are too long for one page
at the profile's size is set a little smaller (never below SMALLEST), never on two pages.
"""

import io
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ...core.kinds import SELF, SLIPS
from . import fonts, layout
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow, Letterhead

TITLE = "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH"
# A pair of short particulars shares a line (see `items`).
PARTICULARS = ("other_names", ("birth_date", "gender"), "home_town", "residence", "father_name", "mother_name",
               "spouse_name")
SLIP_RECIPIENTS = ("Như trên,",)
ITEM_GAP = 1.0  # points between two particulars
HAND_GAP = 3.0  # points between the lines the police write on by hand
SMALLEST = 11.0  # points: the least a long slip is set in
SIGNER_COLUMN = layout.SIGNATURE_SHARE


def draw_slips(c: DocumentCanvas, slips: Iterable[Mapping[str, Any]],
               head: Callable[[Mapping[str, Any]], Letterhead]) -> None:
    """Each slip on its own page under its own letterhead (`head`: the one in force on its date)."""
    measure = Measuring(c)
    for slip in slips:
        letterhead = head(slip)
        size = fitting_size(measure, slip, letterhead)
        c.new_document(letterhead)
        draw_slip(c, slip, size)
        c.showPage()


def fitting_size(measure: "Measuring", slip: Mapping[str, Any], head: Letterhead) -> float:
    """The profile's slip size, or the largest smaller one at which the slip fits its page."""
    size = float(measure.profile.slip["body"])
    while size > SMALLEST and not measure.fits(slip, head, size):
        size -= 0.5
    return size


Item = tuple[str, str | None, str] | list[tuple[str, str | None]]  # (label, value, font), or a pair


def items(slip: Mapping[str, Any], request: str) -> list[Item]:
    """The slip's particulars and request, in order; a pair of short ones shares a line."""
    found: list[Item] = [("Họ và tên", slip["full_name"].upper(), BOLD)]
    for item in PARTICULARS:
        if isinstance(item, tuple):
            found.append([(SLIPS.field(key).header, SLIPS.field(key).display(slip[key])) for key in item])
        else:
            found.append((SLIPS.field(item).header, SLIPS.field(item).display(slip[item]), REGULAR))
    found += [("Quan hệ với người được thẩm tra", _relation(slip), REGULAR),
              (SLIPS.field("purpose").header, slip["purpose"], REGULAR),
              ("Nội dung đề nghị xác minh", request, REGULAR)]
    return found


def shape(c: DocumentCanvas, slip: Mapping[str, Any], head: Letterhead, size: float) -> tuple:
    """What the slip's height depends on: the lines each block takes, the stamp, the signer's lines.
    Slips of one shape are as tall as each other (most slips share a few shapes)."""
    lines = [len(layout.wrap(f"Kính gửi: {slip['recipient']}", BOLD, size, c.width * 0.9))]
    for item in items(slip, str(c.profile.slip["request"])):
        if isinstance(item, list):
            lines.append(sum(_labelled_lines(label, value, REGULAR, size, c.width) for label, value in item)
                         if Flow.pair_breaks(item, size, c.width) else 1)
        else:
            lines.append(_labelled_lines(item[0], item[1], item[2], size, c.width))
    signer = layout.signer_lines(head, c.profile, layout.signer_column(c)[1])
    return (size, tuple(lines), bool(head.secrecy), *(len(part) for part in signer))


def _labelled_lines(label: str, value: str | None, font: str, size: float, width: float) -> int:
    if not value:
        return 1
    return len(layout.wrap(value, font, size, width, fonts.width(f"{label}: ", REGULAR, size)))


def draw_slip(c: DocumentCanvas, slip: Mapping[str, Any], size: float | None = None) -> None:
    p = c.profile
    size = size or float(p.slip["body"])
    flow = Flow(c)
    layout.header(flow, layout.number_text(slip["number"], None, c.head.symbol),
                  layout.date_text(c.head.place, slip["issued_on"], p))
    layout.title(flow, TITLE)
    for text in layout.wrap(f"Kính gửi: {slip['recipient']}", BOLD, size, c.width * 0.9):
        flow.line(text, BOLD, size, "center")
    flow.skip(3)
    flow.paragraph("Đề nghị quý cơ quan tra cứu, xác minh lai lịch của người có tên dưới đây:", size=size,
                   justify=False)
    for item in items(slip, str(p.slip["request"])):
        if isinstance(item, list):
            flow.labelled_pair(item, size)
        else:
            flow.labelled(item[0], item[1], size, item[2])
        flow.skip(ITEM_GAP)
    layout.signature(flow, [*SLIP_RECIPIENTS, *p.recipients])
    _reply(flow, size)


def _relation(slip: Mapping[str, Any]) -> str | None:
    relation, vetted = slip["relation"], slip["vetted_name"]
    if relation == SELF:
        return "Bản thân người được thẩm tra"
    if relation and vetted:
        return f"{relation} của {vetted}"
    return relation or vetted


def reply_height(flow: Flow, size: float) -> float:
    """The police's part: its lines, and the room for their signature and seal below the last."""
    leading = flow.profile.leading(size)
    return leading * 0.6 + 4 + 4 * (leading + HAND_GAP) + 2 * leading + flow.profile.signature_space


def _reply(flow: Flow, size: float) -> None:
    """The police's part, below a dashed cut line; the person who searched signs on the left, the
    head of the unit on the right, with room for the seal inside the page's margin."""
    c = flow.c
    flow.need(reply_height(flow, size))
    flow.skip(flow.profile.leading(size) * 0.6)
    c.setLineWidth(0.6)
    c.setDash(4, 3)
    c.line(c.left, flow.y, c.right, flow.y)
    c.setDash()
    flow.skip(4)
    flow.line(str(flow.profile.slip["reply_title"]), BOLD, size, "center")
    flow.skip(HAND_GAP)
    result = "Kết quả tra cứu:   \u25a1 Không có tài liệu      \u25a1 Có tài liệu, số hồ sơ: "
    flow.line(result, REGULAR, size)
    layout.dotted_line(c, c.left + fonts.width(result, REGULAR, size), c.right, flow.y + size * 0.22)
    flow.skip(HAND_GAP)
    flow.labelled("Nội dung", None, size)
    flow.skip(HAND_GAP)
    flow.dotted_lines(1, size)
    flow.skip(HAND_GAP)
    split = c.left + c.width * SIGNER_COLUMN
    top = flow.y
    flow.line("ngày ....... tháng ....... năm ..........", ITALIC, size, "center", x=split)
    flow.line("THỦ TRƯỞNG ĐƠN VỊ", BOLD, size, "center", x=split)
    bottom = flow.y
    flow.y = top
    flow.line("NGƯỜI TRA CỨU", BOLD, size, "center", right=split)
    flow.line("(Ký, ghi rõ họ tên)", ITALIC, size, "center", right=split)
    flow.y = min(bottom, flow.y) - flow.profile.signature_space


class Measuring(DocumentCanvas):
    """A canvas that draws nothing and only tells whether a slip fits on one page (once a shape)."""

    def __init__(self, c: DocumentCanvas):
        super().__init__(io.BytesIO(), c.profile, c.head, "")
        self.pages = 0
        self.known: dict[tuple, bool] = {}

    def fits(self, slip: Mapping[str, Any], head: Letterhead, size: float) -> bool:
        key = shape(self, slip, head, size)
        if key not in self.known:
            self.head, self.pages, self.dots = head, 0, []
            draw_slip(self, slip, size)  # the reply block asks for its seal's room: no new page, it fits
            self.known[key] = self.pages == 0
        return self.known[key]

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self.pages += 1

    def drawString(self, *args, **kwargs) -> None:  # noqa: N802
        pass

    def drawCentredString(self, *args, **kwargs) -> None:  # noqa: N802
        pass

    def drawRightString(self, *args, **kwargs) -> None:  # noqa: N802
        pass

    def line(self, *args, **kwargs) -> None:
        pass

    def rect(self, *args, **kwargs) -> None:
        pass

