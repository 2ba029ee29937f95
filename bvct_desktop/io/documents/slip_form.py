"""Phiếu yêu cầu xác minh lai lịch: one slip per page, ready for signature and stamp.

The sender block, the recipient unit, the subject's particulars (name in capitals, birth date
at its precision), the purpose and what is asked, the signature block, and below a cut line
the reply section the police fill in. A particular not known prints as a dotted line.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from ...core.kinds import SELF, SLIPS
from . import layout
from .fonts import BOLD, REGULAR
from .layout import DocumentCanvas, Flow

TITLE = "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH"
PARTICULARS = ("other_names", "gender", "birth_date", "home_town", "residence", "father_name", "mother_name",
               "spouse_name")
SLIP_RECIPIENTS = ("Như trên,",)
ITEM_GAP = 2.5  # points between two particulars
HAND_GAP = 3.0  # points between the lines the police write on by hand


def draw_slips(c: DocumentCanvas, slips: Iterable[Mapping[str, Any]]) -> None:
    for slip in slips:
        c.new_document()
        draw_slip(c, slip)
        c.showPage()


def draw_slip(c: DocumentCanvas, slip: Mapping[str, Any]) -> None:
    p = c.profile
    size = float(p.slip["body"])
    flow = Flow(c)
    layout.header(flow, layout.number_text(slip["number"], None, c.head.symbol),
                  layout.date_text(c.head.place, slip["issued_on"], p))
    layout.title(flow, TITLE)
    flow.line(f"Kính gửi: {slip['recipient']}", BOLD, size, "center")
    flow.skip(3)
    flow.paragraph("Đề nghị quý cơ quan tra cứu, xác minh lai lịch của người có tên dưới đây:", size=size,
                   justify=False)
    items = [("Họ và tên", slip["full_name"].upper(), BOLD)]
    items += [(SLIPS.field(key).header, SLIPS.field(key).display(slip[key]), REGULAR) for key in PARTICULARS]
    items += [("Quan hệ với người được thẩm tra", _relation(slip), REGULAR),
              (SLIPS.field("purpose").header, slip["purpose"], REGULAR),
              ("Nội dung đề nghị xác minh", str(p.slip["request"]), REGULAR)]
    for label, value, font in items:
        flow.labelled(label, value, size, font)
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


def _reply(flow: Flow, size: float) -> None:
    """The police's part, below a dashed cut line."""
    c = flow.c
    flow.skip(flow.profile.leading(size) * 0.6)
    c.setLineWidth(0.6)
    c.setDash(4, 3)
    c.line(c.left, flow.y, c.right, flow.y)
    c.setDash()
    flow.skip(4)
    flow.line(str(flow.profile.slip["reply_title"]), BOLD, size, "center")
    flow.skip(HAND_GAP)
    flow.line("Kết quả tra cứu:   \u25a1 Có tài liệu      \u25a1 Không có tài liệu", REGULAR, size)
    for label in ("Số hồ sơ, tài liệu", "Nội dung", None, None, "Người tra cứu"):
        flow.skip(HAND_GAP)
        if label:
            flow.labelled(label, None, size)
        else:
            flow.dotted_lines(1, size)
    flow.skip(HAND_GAP)
    signer_column = c.left + c.width * 0.45
    flow.line("ngày ....... tháng ....... năm ..........", REGULAR, size, "center", x=signer_column)
    flow.line("THỦ TRƯỞNG ĐƠN VỊ", BOLD, size, "center", x=signer_column)
