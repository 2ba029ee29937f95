"""Phiếu yêu cầu xác minh lai lịch: one slip per page, ready for signature and stamp.

The sender block, the recipient unit, the subject's particulars (name in capitals, birth date at its precision and
beside it that the subject has died and when, what the police archives search by: birth place, ethnicity, religion,
identity numbers, the parents' and spouse's birth years, work before 1975), the purpose and what is asked, the
signature block, and below a cut line the reply section the police fill in, whose signature and seal stay inside the
bottom margin. On a slip issued since the provinces merged, a home town or residence written under former names
(the police archives' index) has what it is called now after it. The residence of a subject who has died is where
they lived before they died. A particular not known prints as a dotted line. A slip whose values are too long for one
page at the profile's size is set a little smaller (never below layout.SMALLEST), then the police's part is
given only its least room. One that still cannot fit keeps its signature with its text and goes on
to another page, which names the slip and its person so that it cannot be parted from the first.
"""

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm

from ...core import dates, gazetteer
from ...core.fields import Place
from ...core.kinds import OTHER_RELATION, SELF, SLIPS, YES_NO, gender_told
from . import fonts, layout
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow, Letterhead

TITLE = "PHIẾU YÊU CẦU XÁC MINH LAI LỊCH"


@dataclass(frozen=True)
class Joined:
    """Particulars printed as one under one label, those known joined by «; »."""

    label: str
    keys: tuple[str, ...]


IDENTITY = Joined("Số CCCD/CMND", ("cccd", "cmnd"))
BEFORE_1975 = Joined("Nghề nghiệp, chức vụ, đơn vị trước 1975", ("work_before_1975", "place_before_1975"))
BORN_TOO_LATE = 1960  # a subject born since was a child in 1975: no line asks for work before it
DIED = "Đã mất"  # beside the birth date, a statement of its own: «Đã mất năm 1970», only for a subject who has died
LABELS_OF_THE_DEAD = {"residence": "Nơi ở trước khi mất"}  # a particular's label on the slip of a subject who has died
# In the order of the brief's field list (§2.1); short particulars share a line (see `items`).
PARTICULARS = ("other_names", ("birth_date", "gender", DIED), "birth_place", "home_town", "residence",
               ("ethnicity", "religion", IDENTITY), ("father_name", "father_birth_date"),
               ("mother_name", "mother_birth_date"), ("spouse_name", "spouse_birth_date"), BEFORE_1975)
PLACES = tuple(spec.key for spec in SLIPS.fields if spec.place is Place.ADDRESS)  # printed with their names now
SLIP_RECIPIENTS = ("Như trên,",)
ITEM_GAP = 1.0  # points between two particulars
HAND_GAP = 3.0  # points between the lines the police write on by hand
LEAST_SEAL_SPACE = 20 * mm  # the police's room to sign and seal on a slip that is short of room
SIGNER_COLUMN = layout.SIGNATURE_SHARE


@dataclass(frozen=True)
class Fit:
    """How a slip is set: its size, and whether the police's part is drawn at its least room."""

    size: float
    least: bool = False


def draw_slips(c: DocumentCanvas, slips: Iterable[Mapping[str, Any]],
               head: Callable[[Mapping[str, Any]], Letterhead]) -> None:
    """Each slip on its own page under its own letterhead (`head`: the one in force on its date)."""
    measure = Measuring(c)
    request = str(c.profile.slip["request"])
    for slip in slips:
        letterhead = head(slip)
        printed = Printed.of(slip, request)
        fit = fitting(measure, printed, letterhead)
        c.new_document(letterhead)
        draw_slip(c, printed, fit)
        c.showPage()


Item = tuple[str, str | None, str] | list[tuple[str, str | None]]  # (label, value, font), or a line's few


@dataclass(frozen=True)
class Printed:
    """A slip as it is printed, made once for measuring and drawing it: its values, the line addressing
    it, its particulars and request in order, and the line naming it atop a further page."""

    values: Mapping[str, Any]
    addressed: str
    items: list[Item]
    continued: str

    @classmethod
    def of(cls, slip: Mapping[str, Any], request: str) -> "Printed":
        return cls(slip, f"Kính gửi: {slip['recipient']}", items(slip, request), continued(slip))


def fitting(measure: "Measuring", slip: Printed, head: Letterhead) -> Fit:
    """The largest size (down to layout.SMALLEST) at which the slip fits its page, the police's part at its full
    room, else at its least; failing both, the largest at which the request and its signature fit the
    first page (the police's part then takes the next)."""
    sizes = layout.sizes_down(float(measure.profile.slip["body"]))
    for fit in [*(Fit(size) for size in sizes), *(Fit(size, least=True) for size in sizes)]:
        if measure.breaks(slip, head, fit)[1] == 0:
            return fit
    return next((Fit(size) for size in sizes if measure.breaks(slip, head, Fit(size))[0] == 0), Fit(sizes[-1]))


def items(slip: Mapping[str, Any], request: str) -> list[Item]:
    """The slip's particulars and request, in order; short ones share a line. A sex left empty is the one the
    relation tells (a father is «Nam»), as the slip drafted from a person file has it."""
    slip = {**slip, "gender": gender_told(slip)}
    found: list[Item] = [("Họ và tên", slip["full_name"].upper(), BOLD)]
    for item in PARTICULARS:
        if isinstance(item, tuple):
            found.append([_labelled(slip, part) for part in item if part != DIED or died(slip)])
        elif item is not BEFORE_1975 or _worked_before_1975(slip):
            found.append((*_labelled(slip, item), REGULAR))
    found += [("Quan hệ với người được thẩm tra", _relation(slip), REGULAR),
              (SLIPS.field("purpose").header, slip["purpose"], REGULAR),
              ("Nội dung đề nghị xác minh", request, REGULAR)]
    return found


def _labelled(slip: Mapping[str, Any], item: str | Joined) -> tuple[str, str | None]:
    if isinstance(item, Joined):
        return item.label, "; ".join(shown for key in item.keys if (shown := _particular(slip, key))) or None
    if item == DIED:
        return "", died(slip)
    header = SLIPS.field(item).header
    return LABELS_OF_THE_DEAD.get(item, header) if died(slip) else header, _particular(slip, item)


def died(slip: Mapping[str, Any]) -> str | None:
    """«Đã mất năm 1970», «Đã mất khoảng năm 1970», «Đã mất» when it is not known when; None for a subject not known
    to have died."""
    told = dates.died(slip.get("deceased") == YES_NO[0], slip.get("death_date"))
    return told and told.capitalize()


def _worked_before_1975(slip: Mapping[str, Any]) -> bool:
    """Whether the slip asks what the subject did before 1975: said already, or born before BORN_TOO_LATE (or
    when not known)."""
    born = slip.get("birth_date")
    if any(slip.get(key) for key in BEFORE_1975.keys) or not born:
        return True
    return (dates.PartialDate.from_iso(born) if isinstance(born, str) else born).year < BORN_TOO_LATE


def _particular(slip: Mapping[str, Any], key: str) -> str:
    """The value as printed: a place with what it is called now, on a slip issued since the merger; one the values
    lack (read from where the archives' particulars are not kept) is not known."""
    shown = SLIPS.field(key).display(slip.get(key))
    if key in PLACES and slip["issued_on"] >= gazetteer.MERGED_ON:
        return gazetteer.with_current_name(shown)
    return shown


def shape(c: DocumentCanvas, slip: Printed, head: Letterhead, fit: Fit) -> tuple:
    """What the slip's height depends on: the lines each block takes, the stamp, the signer's lines, the
    lines naming the slip atop a further page. Slips of one shape are as tall as each other (most slips
    share a few shapes)."""
    size = fit.size
    lines = [len(layout.wrap(slip.addressed, BOLD, size, c.width * 0.9)),
             len(layout.wrap(slip.continued, ITALIC, size, c.width))]
    for item in slip.items:
        if isinstance(item, list):
            lines.append(sum(_labelled_lines(label, value, REGULAR, size, c.width) for label, value in item)
                         if Flow.pair_breaks(item, size, c.width) else 1)
        else:
            lines.append(_labelled_lines(item[0], item[1], item[2], size, c.width))
    signer = layout.signer_lines(head, c.profile, layout.signer_column(c)[1])
    return (fit, tuple(lines), bool(head.secrecy), *(len(part) for part in signer))


def _labelled_lines(label: str, value: str | None, font: str, size: float, width: float) -> int:
    if not value:
        return 1
    return len(layout.wrap(value, font, size, width, fonts.width(layout.labelled_text(label), REGULAR, size)))


def draw_slip(c: DocumentCanvas, slip: Printed, fit: Fit) -> tuple[int, int]:
    """The slip from where its page starts; returns the pages it went on to before the police's part
    and in all (0, 0 when it took one page)."""
    p, size = c.profile, fit.size
    flow = SlipFlow(c, slip, size)
    layout.header(flow, layout.number_text(slip.values["number"], None, c.head.symbol),
                  layout.date_text(c.head.place, slip.values["issued_on"], p))
    layout.title(flow, TITLE)
    flow.centred(slip.addressed, BOLD, size, c.width * 0.9)
    flow.skip(3)
    flow.paragraph("Đề nghị quý cơ quan tra cứu, xác minh lai lịch của người có tên dưới đây:", size=size,
                   justify=False)
    recipients = [*SLIP_RECIPIENTS, *p.recipients]
    *particulars, (label, request, font) = slip.items
    for item in particulars:
        if isinstance(item, list):
            flow.labelled_pair(item, size)
        else:
            flow.labelled(item[0], item[1], size, item[2])
        flow.skip(ITEM_GAP)
    lines = _labelled_lines(label, request, font, size, c.width)  # the request is signed on the page ending it
    flow.need(lines * p.leading(size) + ITEM_GAP + layout.signature_height(flow, recipients))
    flow.labelled(label, request, size, font)
    flow.skip(ITEM_GAP)
    layout.signature(flow, recipients)
    before = flow.breaks
    _reply(flow, fit)
    return before, flow.breaks


class SlipFlow(Flow):
    """A slip's flow: a page after the first begins with the lines naming the slip and its person."""

    def __init__(self, c: DocumentCanvas, slip: Printed, size: float):
        super().__init__(c)
        self.slip, self.size, self.breaks = slip, size, 0

    def new_page(self) -> None:
        super().new_page()
        self.breaks += 1
        self.centred(self.slip.continued, ITALIC, self.size)
        self.skip(self.profile.leading(self.size) * 0.6)


def continued(slip: Mapping[str, Any]) -> str:
    """"(Tiếp theo Phiếu yêu cầu xác minh lai lịch số 12/PXM ngày 05/01/2025: PHẠM VĂN BÌNH, ngày sinh: 1950)"."""
    birth = SLIPS.field("birth_date").display(slip.get("birth_date"))
    return (f"(Tiếp theo {TITLE.capitalize()} số {slip['number']} ngày "
            f"{SLIPS.field('issued_on').display(slip['issued_on'])}: {slip['full_name'].upper()}"
            + (f", ngày sinh: {birth})" if birth else ")"))


def _relation(slip: Mapping[str, Any]) -> str | None:
    relation, vetted = slip["relation"], slip["vetted_name"]
    if relation == SELF:
        return "Bản thân người được thẩm tra"
    if relation == OTHER_RELATION and vetted:
        return f"{relation} (người được thẩm tra: {vetted})"
    if relation and vetted:
        return f"{relation} của {vetted}"
    return relation or vetted


def reply_height(flow: Flow, fit: Fit) -> float:
    """The police's part: its lines, and the room for their signature and seal below the last."""
    leading = flow.profile.leading(fit.size)
    gap, seal = _reply_room(flow, fit)
    return leading * 0.6 + 4 + 4 * (leading + gap) + 2 * leading + seal


def _reply_room(flow: Flow, fit: Fit) -> tuple[float, float]:
    """The gap between the lines written by hand, and the room to sign and seal."""
    if fit.least:
        return 0.0, min(LEAST_SEAL_SPACE, flow.profile.signature_space)
    return HAND_GAP, flow.profile.signature_space


def _reply(flow: Flow, fit: Fit) -> None:
    """The police's part, below a dashed cut line; the person who searched signs on the left, the
    head of the unit on the right, with room for the seal inside the page's margin."""
    c, size = flow.c, fit.size
    gap, seal = _reply_room(flow, fit)
    flow.need(reply_height(flow, fit))
    flow.skip(flow.profile.leading(size) * 0.6)
    c.setLineWidth(0.6)
    c.setDash(4, 3)
    c.line(c.left, flow.y, c.right, flow.y)
    c.setDash()
    flow.skip(4)
    flow.line(str(flow.profile.slip["reply_title"]), BOLD, size, "center")
    flow.skip(gap)
    result = "Kết quả tra cứu:   \u25a1 Không có tài liệu      \u25a1 Có tài liệu, số hồ sơ: "
    flow.line(result, REGULAR, size)
    layout.dotted_line(c, c.left + fonts.width(result, REGULAR, size), c.right, flow.y + size * 0.22)
    flow.skip(gap)
    flow.labelled("Nội dung", None, size)
    flow.skip(gap)
    flow.dotted_lines(1, size)
    flow.skip(gap)
    split = c.left + c.width * SIGNER_COLUMN
    top = flow.y
    flow.line("ngày ....... tháng ....... năm ..........", ITALIC, size, "center", x=split)
    flow.line("THỦ TRƯỞNG ĐƠN VỊ", BOLD, size, "center", x=split)
    bottom = flow.y
    flow.y = top
    flow.line("NGƯỜI TRA CỨU", BOLD, size, "center", right=split)
    flow.line("(Ký, ghi rõ họ tên)", ITALIC, size, "center", right=split)
    flow.y = min(bottom, flow.y) - seal


class Measuring(DocumentCanvas):
    """A canvas that draws nothing and only tells on which pages a slip would go (once a shape)."""

    def __init__(self, c: DocumentCanvas):
        super().__init__(io.BytesIO(), c.profile, c.head, "", c.on)
        self.known: dict[tuple, tuple[int, int]] = {}

    def breaks(self, slip: Printed, head: Letterhead, fit: Fit) -> tuple[int, int]:
        """The pages the slip goes on to before the police's part and in all (as `draw_slip`)."""
        key = shape(self, slip, head, fit)
        if key not in self.known:
            self.head, self.dots = head, []
            self.known[key] = draw_slip(self, slip, fit)
        return self.known[key]

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        pass

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

