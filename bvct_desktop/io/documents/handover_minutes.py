"""«Biên bản giao nhận hộ chiếu» on paper (core/handover_minutes), landscape as the register it comes from: under
the letterhead (HD 36), dated the day of
the handover, what was handed out or received back and for which trip, then one line a passport with room for
«Người giao» and «Người nhận» to sign on it, the count, and «Người lập biên bản» signing under their full name."""

from dataclasses import replace

from ...core import handover_minutes
from ...core.handover_minutes import TITLE, Minutes
from ...core.numbers import grouped
from . import layout, tables
from .fonts import BOLD, ITALIC, REGULAR
from .layout import DocumentCanvas, Flow
from .profile import Profile
from .tables import Column

# Each of handover_minutes.fields' weight on paper: the holder, the unit, the type, the number, the expiry, the
# day, and the two signatures; a type, a number and a day are never broken over lines. The weights share only the
# room left once every value is on one line; a fuller table is fitted to its values (tables.column_widths), a
# signature never narrower than SIGNING_BLANK.
_WEIGHTS = (1.8, 2.0, 1.0, 1.1, 1.1, 1.1, 2.0, 2.0)
_SHORT = ("passport_type", "number", "expires_on", "handed_on", "returned_on")
_SIGNED = (handover_minutes.GIVER.key, handover_minutes.TAKER.key)
SIGNING_ROOM = 9.0  # the points above and below a line's text: room for a signature's height
# a signature's cell, blank and kept whole: room for its width (seven em spaces, 3 cm with the padding, leaves a unit
# of about 60 letters room for two lines beside long names; eight put it on three)
SIGNING_BLANK = "\u2003" * 7
MADE_BY = "NGƯỜI LẬP BIÊN BẢN"


def columns(back: bool) -> tuple[Column, ...]:
    return (tables.counter(), *(
        replace(tables.of(field, weight, align="center", unbroken=True), whole=True)
        if field.key in _SHORT + _SIGNED
        else tables.of(field, weight, unbroken=field.key == "full_name")
        for field, weight in zip(handover_minutes.fields(back), _WEIGHTS, strict=True)))


def opening(minutes: Minutes, profile: Profile) -> str:
    """What the minutes record, in a sentence, its day in words as the date line writes it."""
    day = layout.day_words(minutes.on, profile)
    if minutes.back:
        return (f"Hôm nay, {day}, cơ quan quản lý hộ chiếu nhận lại hộ chiếu của các đồng chí có tên dưới đây sau "
                f"{minutes.trip}.")
    return (f"Hôm nay, {day}, cơ quan quản lý hộ chiếu giao hộ chiếu cho các đồng chí có tên dưới đây để dùng "
            f"trong {minutes.trip}. Người nhận giữ gìn hộ chiếu, không dùng hộ chiếu ngoại giao, công vụ vào việc "
            f"riêng và nộp lại hộ chiếu trong {minutes.days} ngày làm việc kể từ ngày về nước{_by(minutes)}.")


def _by(minutes: Minutes) -> str:
    return "" if minutes.due_on is None else f", chậm nhất ngày {minutes.due_on:%d/%m/%Y}"


def draw(c: DocumentCanvas, minutes: Minutes) -> None:
    flow = Flow(c)
    p = c.profile
    size, table = p.size("body"), p.size("table")
    layout.header(flow, "", layout.date_text(c.head.place, minutes.on, p))
    layout.title(flow, TITLE, [_subject(minutes)])
    flow.paragraph(opening(minutes, p), REGULAR, size)
    flow.skip(4)
    tables.draw_table(flow, columns(minutes.back), tables.numbered(
        {**line, **dict.fromkeys(_SIGNED, SIGNING_BLANK)} for line in minutes.lines), size=table,
                      vertical=SIGNING_ROOM, keep_last=p.leading(table) * 2)
    flow.line(f"Tổng số: {grouped(len(minutes.lines))} hộ chiếu.", ITALIC, table)
    signed = _made_by(p, minutes.made_by)
    flow.paragraph("Biên bản lập thành 02 bản, bên giao giữ 01 bản, bên nhận giữ 01 bản.", REGULAR, size,
                   keep_last=_height(p, signed))  # the signature never stands alone on a page
    flow.need(_height(p, signed))
    for text, font, line_size, space in signed:
        flow.skip(space)
        flow.line(text, font, line_size, align="center", x=layout.signer_column(c)[0])


def _made_by(p: Profile, name: str) -> tuple[tuple[str, str, float, float], ...]:
    """«Người lập biên bản» on the right, room to sign, then their name: (text, font, size, space above) a line."""
    title, name_size = p.size("signer_title"), p.size("signer_name")
    return ((MADE_BY, BOLD, title, p.leading(p.size("body")) * 0.3), ("(Ký, ghi rõ họ tên)", ITALIC, title, 0.0),
            (name, BOLD, name_size, p.signature_space))


def _height(p: Profile, lines: tuple[tuple[str, str, float, float], ...]) -> float:
    return sum(p.leading(size) + space for _text, _font, size, space in lines)


def _subject(minutes: Minutes) -> str:
    return f"{'Nhận lại sau' if minutes.back else 'Giao để dùng trong'} {minutes.trip}"
