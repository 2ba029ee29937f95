"""The HD 36 layout of a Party document, drawn with reportlab's canvas API.

A page is: the header block (superior body, issuing body and "*" on the left; "ĐẢNG CỘNG SẢN
VIỆT NAM" underlined on the right), the number and the italic place-and-date line, the title
with its separator, the body, then the signature block beside the underlined "Nơi nhận".
Page numbers run from page 2 of each document; the secrecy stamp sits where the profile says
(HD 36: under the number, on the first page); a draft carries "DỰ THẢO" on every page. Headings
keep with the lines that follow them and the signature with the body's last lines.
Every size and distance comes from the format profile.
"""

import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import landscape
from reportlab.pdfgen.canvas import Canvas

from ...core import numbering, settings
from .. import office_file
from . import fonts, name_breaks
from .fonts import BOLD, ITALIC, REGULAR
from .profile import Profile

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
SEPARATOR = "-----"  # under the document's kind and trích yếu (HD 36 mục 1.5.2), on paper as in Word
CREATOR = "BVCT Desktop"
NUMBER_BLANK = "\u00a0" * 8  # a draft's number, written in by hand once issued
LEFT_COLUMN = 0.42  # share of the text width taken by the issuing body's column
WORD_CELL_PADDING = 7.5  # points each side: Word's default cell margin (0.19 cm) and some slack for its line breaking


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Letterhead:
    """Who issues and signs, from the office settings (spec, "Settings")."""

    superior: str
    issuer: str
    symbol: str
    place: str
    authority: str
    signer_title: str
    signer: str
    secrecy: str = ""
    named_breaks: bool = True  # False: a long name broken where the line runs out (issued before 05/12/2026)

    @classmethod
    def from_settings(cls, values: Mapping[str, str], secrecy: str | None = None) -> "Letterhead":
        return cls(superior=values["co_quan_cap_tren"], issuer=values["co_quan"], symbol=values["ky_hieu"],
                   place=values["dia_danh"], authority=values["quyen_ky"], signer_title=values["chuc_vu_ky"],
                   signer=values["nguoi_ky"], secrecy=values["do_mat"] if secrecy is None else secrecy)

    @property
    def titles(self) -> list[str]:
        """The signature's title lines (the same title in both settings printed once)."""
        return settings.signer_titles(self.authority, self.signer_title)


def labelled_text(label: str) -> str:
    """What a particular's value follows: «Quê quán: »; nothing for a particular that is a statement of its own
    (an empty label: «Đã mất năm 1970»)."""
    return f"{label}: " if label else ""


def number_text(number: object | None, doc_code: str | None, symbol: str) -> str:
    """"Số 07-BC/BTCTU"; a draft (no number yet) leaves the number blank to be written in.

    Without a document code the number is printed as written (a slip's "12/PXM").
    """
    if doc_code is None:
        return f"Số {number}" if number else "Số"
    if number is None:
        return f"Số {NUMBER_BLANK}-{doc_code}/{symbol}"
    return f"Số {numbering.number_text(int(number), doc_code, symbol)}"


def date_text(place: str, day: dt.date, profile: Profile, draft: bool = False) -> str:
    """"Lâm Đồng, ngày 05 tháng 01 năm 2026": leading zeros where the profile says; a draft
    (signed on a day still to come) leaves day and month blank under the year of `day`."""
    if draft:
        blank = "\u00a0" * 6
        return f"{place}, ngày{blank}tháng{blank}năm {day.year}"
    return f"{place}, {day_words(day, profile)}"


def day_words(day: dt.date, profile: Profile) -> str:
    """"ngày 05 tháng 01 năm 2026": a day as a document's date line writes it, leading zeros where the profile says."""
    day_text = f"{day.day:02d}" if day.day < profile.pad_day_below else str(day.day)
    month_text = f"{day.month:02d}" if day.month < profile.pad_month_below else str(day.month)
    return f"ngày {day_text} tháng {month_text} năm {day.year}"


BREAKS = re.compile(r"[^\S\u00a0]+")  # any space but the no-break one, which joins a blank to fill in to its words


def wrap(text: str, font: str, size: float, width: float, first_indent: float = 0.0) -> list[str]:
    """Lines of `text` that fit `width` (the first one after `first_indent`); words are never cut
    unless a single word is wider than the line."""
    return list(_wrapped(text, font, size, width, first_indent))


def balanced(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` in as few lines as fit `width`, as even as they go (a title, not a short last word)."""
    count = len(wrap(text, font, size, width))
    narrow, wide = 0.0, width
    while wide - narrow > 0.5:
        middle = (narrow + wide) / 2
        narrow, wide = (narrow, middle) if len(wrap(text, font, size, middle)) <= count else (middle, wide)
    return wrap(text, font, size, wide)


@functools.lru_cache(maxsize=4_096)  # a slip's particulars are wrapped to measure it, then to draw it
def _wrapped(text: str, font: str, size: float, width: float, first_indent: float) -> tuple[str, ...]:
    text = nfc(text)
    if "\n" not in text and fonts.width(text, font, size) <= width - first_indent:
        return (text,)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        space = fonts.width(" ", font, size)
        line, line_width, limit = [], 0.0, width - first_indent
        for word in words(paragraph):
            word_width = fonts.width(word, font, size)
            if line and (line_width + space + word_width > limit or word_width > width):
                lines.append(" ".join(line))
                line, line_width, limit = [], 0.0, width
            if word_width > width:  # on a line of its own, cut
                *full, word = _cut(word, font, size, limit, width)
                lines += full
                word_width, limit = fonts.width(word, font, size), width
            line.append(word)
            line_width += word_width + (space if len(line) > 1 else 0.0)
        lines.append(" ".join(line))
        first_indent = 0.0
    return tuple(lines)


def _cut(word: str, font: str, size: float, first: float, width: float) -> list[str]:
    """A word wider than its line in pieces that fit: the first `first` wide, the others `width` (a mark is never
    parted from its letter)."""
    pieces, start, used, room = [], 0, 0.0, first
    for index, character in enumerate(word):
        character_width = fonts.width(character, font, size)
        if used + character_width > room and index > start and not unicodedata.combining(character):
            pieces.append(word[start:index])
            start, used, room = index, 0.0, width
        used += character_width
    return [*pieces, word[start:]]


def typed_line_ends(text: str, font: str, size: float, width: float, first_indent: float = 0.0) -> set[int]:
    """The lines of wrap(text, …) where a line typed in `text` ends (before its line break, and the last)."""
    ends, count = set(), 0
    for number, typed in enumerate(nfc(text).split("\n")):
        count += len(wrap(typed, font, size, width, first_indent if number == 0 else 0.0))
        ends.add(count - 1)
    return ends


def words(paragraph: str) -> list[str]:
    """The words of a paragraph, as lines break between them: a blank to fill in, or what a no-break
    space joins, kept as one (str.split, the quicker, breaks at every space: a paragraph without a
    no-break one)."""
    return BREAKS.split(paragraph.strip()) if "\u00a0" in paragraph else paragraph.split()


def fit_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The profile's size, shrunk only as much as needed for one line to fit."""
    while size > smallest and fonts.width(text, font, size) > width:
        size -= 0.5
    return size


SizedLines = Sequence[tuple[str, float]]  # each line with the size it is printed at


COLUMN_SHRINK = 2.0  # pt a line of a column may lose to stay on one line: more, and it reads as another level
SMALLEST = 11.0  # points: the least a slip, or a member list's table, too long at the profile's size is set in


def sizes_down(size: float, smallest: float = SMALLEST, step: float = 0.5) -> list[float]:
    """The sizes to try text too long at `size` in, largest first: down by `step` to `smallest`, none below."""
    sizes = [size]
    while sizes[-1] > smallest:
        sizes.append(max(sizes[-1] - step, smallest))
    return sizes


def column_lines(text: str, font: str, size: float, width: float) -> SizedLines:
    """`text` in a column `width` wide as (line, size): on one line, shrunk by up to COLUMN_SHRINK if
    need be; longer, wrapped between words at `size`, a word wider than the column shrunk until it fits."""
    text = nfc(text)
    shrunk = fit_size(text, font, size, width, smallest=size - COLUMN_SHRINK)
    if fonts.width(text, font, shrunk) <= width:
        return [(text, shrunk)]
    return [(line, fit_size(line, font, size, width, smallest=0.5)) for line in wrap(text, font, size, width)]


@functools.lru_cache(maxsize=256)  # a letterhead's lines, the same on every slip of a run
def header_size(text: str, font: str, size: float, width: float, named: bool = True) -> float:
    """The size a line of the header block is set at in a column `width` wide: of `size` and the
    sizes down to COLUMN_SHRINK below it, the largest that takes the fewest lines, and of those one
    whose lines keep each name whole (name_breaks) if any does, when `named`."""
    if fonts.width(nfc(text), font, size) <= width:
        return size
    return min(sizes_down(size, size - COLUMN_SHRINK),
               key=lambda smaller: (len(wrap(text, font, smaller, width)),
                                    named and name_breaks.cuts_a_name(nfc(text), font, smaller, width), -smaller))


def place_and_date(date: str, font: str, size: float, width: float) -> str:
    """The place-and-date line as its column shows it: whole when it fits, a little smaller if need be
    (header_size); else broken after the place's comma, so that the date itself is never cut."""
    if len(header_lines(date, font, size, width)) == 1:
        return date
    place, _, day = date.rpartition(", ")
    return f"{place},\n{day}"


@functools.lru_cache(maxsize=256)  # the issuer's lines, the same on every slip of a run
def header_lines(text: str, font: str, size: float, width: float, named: bool = True) -> SizedLines:
    """`text` in the header block, at its header_size, broken as a name is (name_breaks) when `named`,
    else where the line runs out; a word wider than the column shrunk until it fits."""
    size = header_size(text, font, size, width, named)
    lines = (line for paragraph in nfc(text).split("\n")
             for line in (name_breaks.name_lines(paragraph, font, size, width) if named
                          else wrap(paragraph, font, size, width)))
    return tuple((line, fit_size(line, font, size, width, smallest=0.5)) for line in lines)


DRAFT = "DỰ THẢO"


class DocumentCanvas(Canvas):
    """A reportlab canvas that numbers each document's pages from 2 and marks every page of a draft.

    The same content always gives the same bytes (reportlab's invariant mode: no clock, no random
    document id), so an issued document written again is the file issued; it is created and
    modified on the document's day `on`, as its Word and Excel copies are (office_file.dated).
    """

    def __init__(self, sink: io.BytesIO, profile: Profile, head: Letterhead, title: str, on: dt.date,
                 wide: bool = False, draft: bool = False, on_page: Callable[[int], None] | None = None):
        fonts.register()
        size = landscape(profile.page_size) if wide else profile.page_size
        super().__init__(sink, pagesize=size, initialFontName=REGULAR, initialFontSize=profile.size("body"),
                         pageCompression=1, invariant=1)
        stamp = office_file.dated(on)
        self.setDateFormatter(lambda *_clock: f"D:{stamp:%Y%m%d%H%M%S}")
        self.profile, self.head, self.on, self.draft, self.on_page = profile, head, on, draft, on_page
        self.page_width, self.page_height = size
        top, bottom, left, right = profile.listing_margins if wide else profile.margins
        self.left, self.right, self.top, self.bottom = left, self.page_width - right, self.page_height - top, bottom
        self.width = self.right - self.left
        self.document_page = 1
        self.dots: list[tuple[float, float, float, float]] = []
        self.setTitle(nfc(title))
        self.setAuthor(nfc(f"{head.issuer} – {head.superior}"))
        self.setCreator(CREATOR)
        if profile.unverified:
            self.setSubject(nfc(profile.unverified))

    def setFont(self, name: str, size: float, leading: float | None = None) -> None:  # noqa: N802
        """Sets the font only when it changes (each call otherwise adds operators to the page)."""
        if leading is None and (name, size) == (self._fontname, self._fontsize):
            return
        super().setFont(name, size, leading)

    def new_document(self, head: Letterhead | None = None) -> None:
        """The next page starts another document of a batch (its pages count from 1 again), with
        its own letterhead (the settings in force on its own date)."""
        self.document_page = 1
        if head is not None:
            self.head = head

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._decorate()
        super().showPage()
        self.document_page += 1
        self.working()

    def working(self) -> None:
        """Tells `on_page` how many pages are done: after each page, and now and then while a long
        table is laid out before its first page (whose caller may stop it there as well)."""
        if self.on_page is not None:
            self.on_page(self.getPageNumber() - 1)

    def _decorate(self) -> None:
        if self.dots:
            self.setLineWidth(0.6)
            self.setDash(1, 2.5)
            self.lines(self.dots)
            self.setDash()
            self.dots = []
        size = self.profile.size("page_number")
        # The line hangs from the middle of the top margin (HD 36: 10 mm from the edge), inside
        # what a printer prints; a draft's framed mark on the same line.
        baseline = (self.page_height + self.top) / 2 - size * 1.05
        if self.document_page > 1:
            self.setFont(REGULAR, size)
            self.drawCentredString((self.left + self.right) / 2, baseline, str(self.document_page))
        if self.draft:
            width = fonts.width(DRAFT, BOLD, size) + 10
            self.setLineWidth(1)
            self.rect(self.right - width, baseline - size * 0.35, width, size * 1.4)
            self.setFont(BOLD, size)
            self.drawCentredString(self.right - width / 2, baseline, DRAFT)

    def stamp(self, text: str, centre: float, top: float) -> float:
        """The secrecy stamp (its text in a frame of the profile's size) hanging from `top`,
        centred on `centre`; returns its bottom."""
        width, height = self.profile.secrecy_box
        size = self.profile.size("secrecy")
        width = max(width, fonts.width(text, BOLD, size) + 8)
        self.setLineWidth(1)
        self.rect(centre - width / 2, top - height, width, height)
        self.setFont(BOLD, size)
        self.drawCentredString(centre, top - height / 2 - size * 0.35, nfc(text))
        return top - height


LAST_TOGETHER = 2  # the lines of a paragraph that `keep_last` keeps beside what follows it


class Flow:
    """Where the next line goes on a DocumentCanvas; starts a new page when the text runs out."""

    def __init__(self, canvas: DocumentCanvas):
        self.c = canvas
        self.profile = canvas.profile
        self.y = canvas.top

    def need(self, height: float) -> bool:
        """Makes room for `height`; True when that took a new page."""
        if self.y - height >= self.c.bottom:
            return False
        self.new_page()
        return True

    def new_page(self) -> None:
        self.c.showPage()
        self.y = self.c.top

    def skip(self, points: float) -> None:
        self.y -= points

    def line(self, text: str, font: str, size: float, align: str = "left", x: float | None = None,
             right: float | None = None) -> None:
        """One line between `x` and `right` (default: the margins)."""
        leading = self.profile.leading(size)
        self.need(leading)
        self.y -= leading
        draw_aligned(self.c, nfc(text), font, size, self.y + size * 0.22, align,
                     self.c.left if x is None else x, self.c.right if right is None else right)

    def centred(self, text: str, font: str, size: float, width: float | None = None) -> None:
        """`text` centred, wrapped between words to `width` (default: between the margins)."""
        for text_line in wrap(text, font, size, self.c.width if width is None else width):
            self.line(text_line, font, size, "center")

    def paragraph(self, text: str, font: str = REGULAR, size: float | None = None, indent: bool = True,
                  justify: bool = True, align: str = "left", keep_next: float = 0.0,
                  keep_last: float = 0.0, hang: float = 0.0) -> None:
        """A body paragraph: first line indented, lines justified (the last one not, nor one that ends where
        the text has a line break: a long text typed in lines).

        `keep_next`: the room the next block needs on the same page as this whole paragraph (a
        heading keeps the first lines of what follows it). `keep_last`: the room the next block
        needs beside this paragraph's last LAST_TOGETHER lines (the signature never stands alone). `hang`: the
        lines after the first start that much further in (a list's entry under its text, past its «- »).
        """
        size = size or self.profile.size("body")
        first = self.profile.first_line_indent if indent else 0.0
        lines = self.lines_of(text, font, size, indent, hang)
        typed_ends = (typed_line_ends(text, font, size, self.c.width - hang, first - hang) if "\n" in text
                      else {len(lines) - 1})
        leading = self.profile.leading(size)
        if keep_next:
            self.need(len(lines) * leading + self.profile.paragraph_after + keep_next)
        last_together = min(LAST_TOGETHER, len(lines))
        for number, text_line in enumerate(lines):
            if keep_last and len(lines) - number == last_together:
                self.need(last_together * leading + self.profile.paragraph_after + keep_last)
            else:
                self.need(leading)
            self.y -= leading
            x = self.c.left + (first if number == 0 else hang)
            baseline = self.y + size * 0.22
            if justify and number not in typed_ends:
                draw_justified(self.c, text_line, font, size, x, self.c.right, baseline)
            else:
                draw_aligned(self.c, text_line, font, size, baseline, align, x, self.c.right)
        self.y -= self.profile.paragraph_after

    def lines_of(self, text: str, font: str = REGULAR, size: float | None = None, indent: bool = True,
                 hang: float = 0.0) -> list[str]:
        size = size or self.profile.size("body")
        return wrap(text, font, size, self.c.width - hang, (self.profile.first_line_indent if indent else 0.0) - hang)

    def height(self, text: str, font: str = REGULAR, size: float | None = None, indent: bool = True,
               lines: int | None = None) -> float:
        """The room a paragraph takes (or its first `lines` lines), its space after included."""
        size = size or self.profile.size("body")
        count = len(self.lines_of(text, font, size, indent))
        return min(count, lines or count) * self.profile.leading(size) + self.profile.paragraph_after

    def labelled(self, label: str, value: str | None, size: float, value_font: str = REGULAR) -> None:
        """"Label: value" wrapped under itself; an unknown value is a dotted line to fill by hand."""
        label_text = labelled_text(label)
        label_width = fonts.width(label_text, REGULAR, size)
        leading = self.profile.leading(size)
        self.need(leading)
        self.y -= leading
        baseline = self.y + size * 0.22
        self.c.setFont(REGULAR, size)
        self.c.drawString(self.c.left, baseline, nfc(label_text))
        if not value:
            dotted_line(self.c, self.c.left + label_width, self.c.right, baseline)
            return
        lines = wrap(value, value_font, size, self.c.width, label_width)
        self.c.setFont(value_font, size)
        self.c.drawString(self.c.left + label_width, baseline, lines[0])
        for text_line in lines[1:]:
            self.need(leading)
            self.y -= leading
            self.c.setFont(value_font, size)
            self.c.drawString(self.c.left, self.y + size * 0.22, text_line)

    @staticmethod
    def pair_breaks(items: Sequence[tuple[str, str | None]], size: float, width: float) -> bool:
        """Whether short particulars are too long to share a line (each gets its own)."""
        return any(fonts.width(nfc(labelled_text(label) + (value or "")), REGULAR, size) > width / len(items) - 6
                   for label, value in items)

    def labelled_pair(self, items: Sequence[tuple[str, str | None]], size: float) -> None:
        """Two (or three) short particulars on one line, each from its equal part of it; each on its own
        line when any is too long for its part."""
        part = self.c.width / len(items)
        if self.pair_breaks(items, size, self.c.width):
            for label, value in items:
                self.labelled(label, value, size)
            return
        leading = self.profile.leading(size)
        self.need(leading)
        self.y -= leading
        baseline = self.y + size * 0.22
        self.c.setFont(REGULAR, size)
        for index, (label, value) in enumerate(items):
            left = self.c.left + part * index
            label_text = nfc(labelled_text(label))
            self.c.drawString(left, baseline, label_text)
            start = left + fonts.width(label_text, REGULAR, size)
            if value:
                self.c.drawString(start, baseline, nfc(value))
            else:
                dotted_line(self.c, start, left + part - 6, baseline)

    def dotted_lines(self, count: int, size: float) -> None:
        leading = self.profile.leading(size)
        for _ in range(count):
            self.need(leading)
            self.y -= leading
            dotted_line(self.c, self.c.left, self.c.right, self.y + size * 0.22)


def draw_aligned(c: Canvas, text: str, font: str, size: float, baseline: float, align: str,
                 left: float, right: float) -> None:
    c.setFont(font, size)
    if align == "center":
        c.drawCentredString((left + right) / 2, baseline, text)
    elif align == "right":
        c.drawRightString(right, baseline, text)
    else:
        c.drawString(left, baseline, text)


def draw_justified(c: Canvas, text: str, font: str, size: float, left: float, right: float,
                   baseline: float) -> None:
    words = text.split(" ")
    if len(words) < 2:
        draw_aligned(c, text, font, size, baseline, "left", left, right)
        return
    widths = [fonts.width(word, font, size) for word in words]
    gap = (right - left - sum(widths)) / (len(words) - 1)
    c.setFont(font, size)
    x = left
    for word, word_width in zip(words, widths, strict=True):
        c.drawString(x, baseline, word)
        x += word_width + gap


def dotted_line(c: "DocumentCanvas", left: float, right: float, baseline: float) -> None:
    """A line of dots to write on by hand; drawn with the page's others when the page is done."""
    c.dots.append((left, baseline, right, baseline))


def header(flow: Flow, number: str, date: str, under_number: str = "") -> None:
    """The header block, the number and the place-and-date line (HD 36); a letter's trích yếu
    ("V/v …", italic) under its number. A name too long for its column is set a little smaller
    (header_size) or wrapped; the number and the date go below the longer of the two blocks."""
    c, p = flow.c, flow.profile
    head = c.head
    split = c.left + c.width * LEFT_COLUMN
    left_mid, right_mid = (c.left + split) / 2, (split + c.right) / 2
    left_width, right_width = split - c.left, c.right - split
    # the lines broken as the Word file's cells break them
    left_text, right_text = left_width - 2 * WORD_CELL_PADDING, right_width - 2 * WORD_CELL_PADDING
    superior = header_lines(head.superior, REGULAR, p.size("superior"), left_text, head.named_breaks)
    issuer = header_lines(head.issuer, BOLD, p.size("issuer"), left_text, head.named_breaks)
    party_size = p.size("party")
    y = flow.y - p.leading(max(superior[0][1], party_size))
    c.setFont(BOLD, party_size)
    c.drawCentredString(right_mid, y, PARTY)
    party_width = fonts.width(PARTY, BOLD, party_size)
    c.setLineWidth(0.8)
    c.line(right_mid - party_width / 2, y - 3, right_mid + party_width / 2, y - 3)
    y += p.leading(p.size("superior"))
    for lines, font, role in ((superior, REGULAR, "superior"), (issuer, BOLD, "issuer")):
        for text_line, size in lines:
            y -= p.leading(p.size(role))
            c.setFont(font, size)
            c.drawCentredString(left_mid, y, text_line)
    y -= p.leading(p.size("issuer"))
    c.setFont(BOLD, p.size("issuer"))
    c.drawCentredString(left_mid, y, "*")
    number_lines = header_lines(number, REGULAR, p.size("number"), left_text)
    date_lines = header_lines(place_and_date(date, ITALIC, p.size("date"), right_text), ITALIC, p.size("date"),
                              right_text)
    y -= p.leading(max(p.size("number"), p.size("date")))
    left_y = _column(c, number_lines, REGULAR, p.leading(p.size("number")), left_mid, y)
    right_y = _column(c, date_lines, ITALIC, p.leading(p.size("date")), right_mid, y)
    if under_number:
        size = p.size("letter_subject")
        for text_line in wrap(under_number, ITALIC, size, left_width):
            left_y -= p.leading(size)
            c.setFont(ITALIC, size)
            c.drawCentredString(left_mid, left_y, text_line)
    if head.secrecy and p.secrecy_place == "under_number":
        left_y = c.stamp(head.secrecy, left_mid, left_y - p.leading(p.size("number")) * 0.45)
    flow.y = min(left_y, right_y) - p.leading(p.size("body")) * 0.6


def _column(c: Canvas, lines: SizedLines, font: str, leading: float, centre: float, baseline: float) -> float:
    """`lines` centred on `centre`, the first on `baseline`; returns the last one's baseline."""
    for number, (text_line, size) in enumerate(lines):
        if number:
            baseline -= leading
        c.setFont(font, size)
        c.drawCentredString(centre, baseline, text_line)
    return baseline


def title(flow: Flow, name: str, subject: Sequence[str] = ()) -> None:
    """The document's kind in capitals, its subject, and the SEPARATOR below, as the Word file writes them."""
    c, p = flow.c, flow.profile
    flow.skip(p.leading(p.size("body")) * 0.4)
    flow.line(name, BOLD, p.size("title"), "center")
    for text in subject:
        for text_line in wrap(text, BOLD, p.size("subject"), c.width * 0.85):
            flow.line(text_line, BOLD, p.size("subject"), "center")
    flow.skip(6)
    size = p.size("body")
    c.setFont(REGULAR, size)
    c.drawCentredString((c.left + c.right) / 2, flow.y - size * 0.25, SEPARATOR)  # the hyphens' middle at flow.y
    flow.skip(p.leading(size) * 0.6)


SIGNATURE_SHARE = 0.45  # the share of the width left of the signer's column ("Nơi nhận")


def _recipient_lines(c: "DocumentCanvas", recipients: Sequence[str]) -> list[list[str]]:
    split = c.left + c.width * SIGNATURE_SHARE
    size = c.profile.size("recipients")
    return [wrap(f"- {text}", REGULAR, size, split - c.left - 6) for text in recipients]


def signer_lines(head: Letterhead, profile: Profile, width: float) -> tuple[SizedLines, SizedLines]:
    """The signature's lines in the signer's column `width` wide: the authority's and the title's
    (one line when they say the same), then the signer's name (a blank line when no name is set)."""
    titles = [line for text in head.titles for line in column_lines(text, BOLD, profile.size("signer_title"), width)]
    return titles, column_lines(head.signer, BOLD, profile.size("signer_name"), width)


def signer_column(c: "DocumentCanvas") -> tuple[float, float]:
    """The left edge and the width of the signer's column."""
    split = c.left + c.width * SIGNATURE_SHARE
    return split, c.right - split


def letter(flow: Flow, number: str, date: str, subject: str, greeting: str, paragraphs: Sequence[str],
           recipients: Sequence[str]) -> None:
    """A công văn from the flow's position: the header with its trích yếu, «Kính gửi» centred, the paragraphs
    (the last never parted from the signature), the signature and «Nơi nhận»."""
    p = flow.profile
    size = p.size("body")
    header(flow, number, date, subject)
    flow.skip(p.leading(size) * 0.5)
    flow.centred(greeting, REGULAR, size, flow.c.width * 0.9)
    flow.skip(p.leading(size) * 0.4)
    kept = signature_height(flow, recipients)
    for index, text in enumerate(paragraphs):
        flow.paragraph(text, REGULAR, size, keep_last=kept if index == len(paragraphs) - 1 else 0.0)
    signature(flow, recipients)


def signature_height(flow: Flow, recipients: Sequence[str] | None) -> float:
    """The room the signature block takes below the body (with "Nơi nhận" when given)."""
    c, p = flow.c, flow.profile
    titles, names = signer_lines(c.head, p, signer_column(c)[1])
    block = (p.leading(p.size("signer_title")) * len(titles) + p.signature_space
             + p.leading(p.size("signer_name")) * len(names))
    if recipients is not None:
        listed = sum(len(item) for item in _recipient_lines(c, recipients))
        block = max(block, p.leading(p.size("recipients_label")) + p.leading(p.size("recipients")) * listed)
    return p.leading(p.size("body")) * 0.3 + block


def signature(flow: Flow, recipients: Sequence[str] | None) -> None:
    """The signer's block on the right, "Nơi nhận" on the left (kept together on one page)."""
    c, p = flow.c, flow.profile
    title_size, name_size = p.size("signer_title"), p.size("signer_name")
    label_size, list_size = p.size("recipients_label"), p.size("recipients")
    split, width = signer_column(c)
    titles, names = signer_lines(c.head, p, width)
    flow.need(signature_height(flow, recipients))
    flow.skip(p.leading(p.size("body")) * 0.3)
    right_mid = (split + c.right) / 2
    y = flow.y
    for text, size in titles:
        y -= p.leading(title_size)
        c.setFont(BOLD, size)
        c.drawCentredString(right_mid, y, text)
    for number, (text, size) in enumerate(names):
        y -= (0.0 if number else p.signature_space) + p.leading(name_size)
        if text:
            c.setFont(BOLD, size)
            c.drawCentredString(right_mid, y, text)
    bottom = y
    if recipients is not None:
        y = flow.y - p.leading(label_size)
        label = "Nơi nhận"
        c.setFont(REGULAR, label_size)
        c.drawString(c.left, y, f"{label}:")
        c.setLineWidth(0.6)
        c.line(c.left, y - 2, c.left + fonts.width(label, REGULAR, label_size), y - 2)
        c.setFont(REGULAR, list_size)
        for item in _recipient_lines(c, recipients):
            for number, text_line in enumerate(item):
                y -= p.leading(list_size)
                c.drawString(c.left + (6 if number else 0), y, text_line)
        bottom = min(bottom, y)
    flow.y = bottom - p.leading(p.size("body")) * 0.5
