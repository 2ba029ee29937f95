"""The registers kept by date (sổ theo dõi, landscape: the slips', the tàng thư research's), the passport custody
register (sổ theo dõi giao, nhận hộ chiếu, landscape), the vetting cases' list for the Standing Committee (danh sách
hồ sơ thẩm tra, landscape) and a delegation's member list (danh sách trích ngang), each as a PDF for signature and as
a workbook; columns named by the field declarations."""

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ...core import case_register, passport_register
from ...core.dates import display_date
from ...core.documents_data import decision
from ...core.fields import Field
from ...core.kinds import ARCHIVE_REQUESTS, DELEGATIONS, MEMBER_ROLES, SLIPS, Kind
from ...core.numbers import grouped
from ...core.personfile.vitae import SALARY
from ...core.text import capitalised
from . import layout, slip_form, tables
from .fonts import ITALIC, REGULAR
from .layout import DocumentCanvas, Flow
from .tables import Column
from .workbook import Sheet

DELEGATION_TITLE = "DANH SÁCH TRÍCH NGANG"
CASE_UNIT = "hồ sơ"  # what the vetting cases' list counts
MEMBER = MEMBER_ROLES[-1]  # «Thành viên»: no note

S, D, A = SLIPS.field, DELEGATIONS.field, ARCHIVE_REQUESTS.field
# What a printed register carries whatever its screen hides: the person each record is about, as the brief's
# registers and the police archives know a person (brief §2.1, §5): name, birth, home town
PERSON_KEYS = ("full_name", "birth_date", "home_town")


def register_title(kind: Kind) -> str:
    """A register's printed title, one rule for all: a register kept by date, its records entered as they come (the
    slips, the tàng thư research, the delegations, the letters), is a «sổ theo dõi»; one of people a «danh sách»."""
    return f"{'SỔ THEO DÕI' if kind.date_key else 'DANH SÁCH'} {kind.title.upper()}"


def printed_keys(declared: Sequence[str], shown: Sequence[str]) -> list[str]:
    """The columns a register prints: those `shown` on screen, in their order, with the PERSON_KEYS among those
    `declared` (the register's, in their order) that the screen hides, each after the nearest shown one declared
    before it."""
    keys = list(shown)
    for key in (key for key in PERSON_KEYS if key in declared and key not in shown):
        before = declared[:declared.index(key)]
        keys.insert(max((keys.index(earlier) + 1 for earlier in before if earlier in keys), default=0), key)
    return keys


# What a name printed says of one who has died (Named), whatever columns a register shows
DEATH_KEYS = ("deceased", "death_date")


def said_dead(name: str, death: Mapping[str, Any]) -> str:
    """`name`, and when the person has died by `death` (their DEATH_KEYS' values), when: «Nguyễn Văn A (đã mất
    năm 1970)»."""
    died = slip_form.died(death)
    if not died:
        return name
    words = f"{died[:1].lower()}{died[1:]}".split()  # «đã mất» and «năm 1970» each kept on one line
    return f"{name} ({' '.join(filter(None, (tables.JOIN.join(words[:2]), tables.JOIN.join(words[2:]))))})"


def said_alias(name: str, record: Mapping[str, Any]) -> str:
    """`name`, and the alias of the person of `record` (its «Tên gọi khác»): «Lê Văn Một (bí danh Hai Lúa)»."""
    alias = record.get("other_names")
    return f"{name} (bí{tables.JOIN}danh {alias})" if alias else name


@dataclass(frozen=True)
class Named(Column):
    """The person's name and what the register `says` beside it, on paper and in the workbook: when one who has died
    died, «Nguyễn Văn A (đã mất năm 1970)» (`said_dead`); a person of before 1975's alias, «Lê Văn Một (bí danh Hai
    Lúa)» (`said_alias`)."""

    says: Callable[[str, Mapping[str, Any]], str] = said_dead

    def text(self, record: Mapping[str, Any]) -> str:
        return self.says(super().text(record), record)

    def cell(self, record: Mapping[str, Any]) -> object:
        return self.text(record).replace(tables.JOIN, " ") or None


def _named(field: Field, weight: float, says: Callable[[str, Mapping[str, Any]], str] = said_dead,
           **given: Any) -> Column:
    return Named(**vars(tables.of(field, weight, **given)), says=says)


# The slip register, on paper and in the workbook: one line a slip wherever the values allow, two at most; each slip
# tracked by the days the brief's register tracks it by («ngày gửi, ngày nhận kết quả», §2.1); «Quan hệ» and «Thẩm
# tra cho» tell apart the relatives of many candidates vetted at once.
REGISTER_COLUMNS: tuple[Column, ...] = (
    tables.counter(), tables.of(S("number"), 1.0, align="center", excel_width=10),
    tables.of(S("issued_on"), 1.0, label="Ngày gửi", align="center", excel_width=11),
    _named(S("full_name"), 1.8, label="Họ và tên", excel_width=19),
    tables.of(S("birth_date"), 1.0, align="center", excel_width=11), tables.of(S("home_town"), 1.4, excel_width=20),
    replace(tables.of(S("relation"), 0.9, excel_width=9), kept=tables.short_choices(S("relation"))),  # «Anh/chị/em»
    tables.of(S("vetted_name"), 1.6, label="Thẩm tra cho", excel_width=18),
    tables.of(S("purpose"), 1.1, label="Mục đích", excel_width=11),
    tables.of(S("recipient"), 1.8, label="Nơi nhận", excel_width=18),
    tables.of(S("result_on"), 1.0, align="center", excel_width=11), tables.of(S("result"), 1.7, excel_width=20),
)
# The tàng thư research register (brief §5: done for other provinces, asked of them), on paper and in the workbook:
# which letter asked, whom, what the archives hold and the reply that told it, each headed as its field declares
# (its form and its screen say «Loại yêu cầu», «Ngày trả lời» too), the name as every printed list heads it
ARCHIVE_COLUMNS: tuple[Column, ...] = (
    tables.counter(), tables.of(A("request_kind"), 1.2, excel_width=14),
    tables.of(A("province"), 1.1, excel_width=13), tables.of(A("doc_no"), 1.1, align="center", excel_width=13),
    tables.of(A("doc_on"), 1.0, align="center", excel_width=11),
    _named(A("full_name"), 1.7, said_alias, label="Họ và tên", excel_width=19),
    tables.of(A("birth_date"), 1.0, align="center", excel_width=11), tables.of(A("home_town"), 1.5, excel_width=20),
    tables.of(A("work_before_1975"), 1.4, excel_width=18),
    tables.of(A("answered_on"), 1.0, align="center", excel_width=11),
    tables.of(A("reply_no"), 1.1, align="center", excel_width=13),
    tables.of(A("result"), 1.8, excel_width=24),
)


@dataclass(frozen=True)
class Register:
    """A register printed for a period (`bvct print slip-register`, `archive-register`): its kind, its columns (the
    same on paper and in the workbook), its worksheet, what it counts and the key of a record's reply day."""

    kind: Kind
    columns: tuple[Column, ...]
    sheet: str
    unit: str
    replied: str

    @property
    def title(self) -> str:
        return register_title(self.kind)


SLIP_REGISTER = Register(SLIPS, REGISTER_COLUMNS, "Sổ theo dõi phiếu", "phiếu", "result_on")
ARCHIVE_REGISTER = Register(ARCHIVE_REQUESTS, ARCHIVE_COLUMNS, "Sổ nghiên cứu tàng thư", "yêu cầu", "answered_on")
REGISTERS = (SLIP_REGISTER, ARCHIVE_REGISTER)
REGISTER_OF = {register.kind.name: register for register in REGISTERS}  # by the kind of the register page printing it
# The passport custody register: each of passport_register.FIELDS's weight on paper, width in Excel and whether its
# values are short (a type, a number, a day: centred and never broken over lines, «Phổ thông» whole); the holder's
# name, the trip («Việc riêng») and the note («Cơ quan đang giữ») are kept on one line where the table has room.
# «Hạn nộp lại» is centred too, its day whole, how late («(quá hạn 18 ngày)») on the line below.
_PASSPORT_LAYOUT = ((1.7, 20, False), (1.2, 14, False), (1.6, 18, False), (1.9, 10, True), (1.0, 11, True),
                    (1.0, 11, True), (1.0, 11, True), (1.5, 16, False), (1.0, 11, True), (1.0, 16, True),
                    (1.0, 11, True), (1.2, 20, False))


def _passport_column(field: Field, weight: float, excel_width: float, short: bool) -> Column:
    column = tables.of(field, weight, align="center" if short else "left", excel_width=excel_width,
                       unbroken=field.key in ("full_name", "trip", "note"))
    return replace(column, whole=True) if short else column


PASSPORT_COLUMNS: tuple[Column, ...] = (tables.counter(), *(
    _passport_column(field, *layout) for field, layout in zip(passport_register.FIELDS, _PASSPORT_LAYOUT, strict=True)))
# The vetting cases' list: the slips' replies given the most room
_NAME, _BORN, _HOME, _POST, _PURPOSE, _OPENED, _REPLIES, _CONCLUSION, _NOTE = case_register.FIELDS
CASE_COLUMNS: tuple[Column, ...] = (
    tables.counter(), replace(tables.of(_NAME, 1.6, excel_width=22), paired=True), tables.year_of_birth(_BORN, 0.6),
    tables.of(_HOME, 1.3, excel_width=20), tables.of(_POST, 1.7, excel_width=26),
    replace(tables.of(_PURPOSE, 1.0), kept=frozenset(choice for choice in _PURPOSE.choices  # «Bầu cử» never broken
                                                      if len(choice) <= tables.SHORT_CHOICE)),
    tables.of(_OPENED, 0.9, align="center"), tables.of(_REPLIES, 2.6, excel_width=44),
    replace(tables.of(_CONCLUSION, 1.8, excel_width=30), dated=True),  # «hạn 15/02/2026 (quá hạn 5 ngày)»
    replace(tables.of(_NOTE, 1.1, excel_width=20), whole_label=True),
)
# The member list as the state's list of officials sent abroad gives it (brief §1.5): «Mã ngạch» and «Bậc» of the
# salary step in force the day the delegation left, «Ghi chú» who heads it. Its «Loại» («Công chức A2.1») is no
# column: the category is looked up in the salary tables by the grade, not read from its code, and no file holds it.
MEMBER_COLUMNS: tuple[Column, ...] = (
    tables.counter(), tables.of(D("full_name"), 2.0, label="Họ và tên", unbroken=True, excel_width=25),
    tables.year_of_birth(D("birth_date"), 0.8), tables.of(D("position"), 1.8, excel_width=20),
    tables.of(D("unit"), 2.0, excel_width=22),
    replace(tables.of(SALARY.field("grade_code"), 0.9, align="center", excel_width=10), whole=True),
    replace(tables.of(SALARY.field("step"), 0.6, align="center", excel_width=6), whole=True),
    tables.of(D("role"), 1.2, label="Ghi chú", excel_width=13),
)  # 112 of Excel's units: A4 portrait at 84 %, the letterhead's left block ending by «Năm sinh»
# A post or unit on more lines sets the member list's table a size smaller: the columns never broken, the note and
# a name kept whole leave post and unit too little room at 12 pt for a long post («Phó Giám đốc Sở …, kiêm Chánh
# Văn phòng Điều phối nông thôn mới tỉnh»: 5 lines beside «Sở Nông nghiệp và Môi trường», 4 at 11 pt).
MOST_LINES = 4
LONG_VALUES = ("position", "unit")


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    """"Từ ngày 01/09/2026 đến ngày 31/12/2026"; a bound left open is left out ("" with neither)."""
    text = " ".join(f"{word} ngày {display_date(day)}" for word, day in (("từ", start), ("đến", end)) if day)
    return capitalised(text)


# A register of a period

def draw_register(c: DocumentCanvas, register: Register, records: Sequence[Mapping[str, Any]], start: dt.date,
                  end: dt.date, printed_on: dt.date) -> None:
    draw_listing(c, register.title, [period_text(start, end)], register.columns, records, printed_on, register.unit,
                 register_count(register, records, end))


def register_count(register: Register, records: Sequence[Mapping[str, Any]], end: dt.date) -> str:
    """«Tổng số: 136 phiếu; đến ngày 14/12/2026 đã có kết quả 77 phiếu.»: the register shows the replies come in
    since its period ended too; its count says those in by then, as the report counts them."""
    replied = sum(1 for record in records if (day := record.get(register.replied)) is not None and day <= end)
    return (f"Tổng số: {grouped(len(records))} {register.unit}; đến ngày {display_date(end)} đã có kết quả "
            f"{grouped(replied)} {register.unit}.")


def total(records: Sequence[Mapping[str, Any]], unit: str) -> str:
    return f"Tổng số: {grouped(len(records))} {unit}."


def draw_listing(c: DocumentCanvas, title: str, subject: Sequence[str], columns: Sequence[Column],
                 records: Sequence[Mapping[str, Any]], printed_on: dt.date, unit: str = "bản ghi",
                 count: str | None = None) -> None:
    """A register's records under the header block and the `subject` lines under its title (what it
    covers), numbered, with their `count` (by default how many `unit`s) and the signature below (landscape, at
    the profile's listing size)."""
    flow = Flow(c)
    listing = c.profile.listing
    layout.header(flow, "", layout.date_text(c.head.place, printed_on, c.profile))
    layout.title(flow, title, subject)
    signed_table(flow, columns, tables.numbered(records), count or total(records, unit),
                 listing["size"], size=listing["size"], leading=listing["size"] * listing["line"],
                 padding=listing["padding"], vertical=listing["padding_vertical"])


def signed_table(flow: Flow, columns: Sequence[Column], records: Sequence[Mapping[str, Any]], count: str,
                 count_size: float, **table: float) -> None:
    """The table, its count in italics and the signature block (as the workbook's), which keeps the
    table's last two rows and the count beside it on its page."""
    keep = flow.profile.leading(count_size) + layout.signature_height(flow, None)
    tables.draw_table(flow, columns, records, keep_last=keep, **table)
    flow.line(count, ITALIC, count_size)
    layout.signature(flow, None)


def register_sheet(register: Register, records: Sequence[Mapping[str, Any]], start: dt.date, end: dt.date,
                   date: str) -> Sheet:
    return listing_sheet(register.sheet, register.title, [period_text(start, end)], register.columns, records,
                         date, register.unit, register_count(register, records, end))


# The passport custody register

def passport_sheet(lines: Sequence[Mapping[str, Any]], subject: Sequence[str], date: str) -> Sheet:
    return listing_sheet("Sổ giao, nhận hộ chiếu", passport_register.TITLE, subject, PASSPORT_COLUMNS, lines, date)


def listing_sheet(name: str, title: str, subject: Sequence[str], columns: Sequence[Column],
                  records: Sequence[Mapping[str, Any]], date: str, unit: str = "bản ghi", count: str | None = None
                  ) -> Sheet:
    """A register's list as `draw_listing` prints it, on the worksheet `name`."""
    return Sheet(name, [title, *subject], columns, tables.numbered(records), wide=True,
                 notes=[count or total(records, unit)], date=date)


# The vetting cases' list

def case_sheet(lines: Sequence[Mapping[str, Any]], subject: Sequence[str], date: str) -> Sheet:
    return listing_sheet("Hồ sơ thẩm tra", case_register.TITLE, subject, CASE_COLUMNS, lines, date, CASE_UNIT)


# A delegation's member list

def delegation_lines(trip: Mapping[str, Any]) -> list[str]:
    """What the list is attached to and what the trip is: the proposal's header lines."""
    lines = []
    if trip["decision_no"]:
        lines.append(f"(Kèm theo {decision(trip)})")
    lines.append(f"{D('name').header}: {trip['name']}")
    lines.append(f"{D('countries').header}: {trip['countries']}")
    if trip["purpose"]:
        lines.append(f"{D('purpose').header}: {trip['purpose']}")
    if trip.get("funding"):  # «Kinh phí» (migration 0037) may be absent from a trip given to print
        lines.append(f"{D('funding').header}: {trip['funding']}")
    lines.append(f"Thời gian: từ ngày {display_date(trip['depart_on'])} đến ngày {display_date(trip['return_on'])}")
    return lines


def delegation_subject(trip: Mapping[str, Any]) -> str:
    return f"cán bộ, đảng viên đi {trip['countries']}"


def member_records(trip: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The members as the decision named them, numbered, «Ghi chú» naming the head and deputy heads («Trưởng
    đoàn»); one who did not go keeps the line, marked there: «Không đi (ốm)», «Trưởng đoàn – không đi (ốm)»."""
    return tables.numbered({**member, "role": _note(member)} for member in trip["members"])


def _note(member: Mapping[str, Any]) -> str | None:
    role = None if member["role"] == MEMBER else member["role"]
    absence = member.get("not_going") and f"không đi ({member['not_going']})"
    note = " – ".join(filter(None, (role, absence)))
    return capitalised(note) or None


def members_count(trip: Mapping[str, Any]) -> str:
    """The note under the list: «Danh sách có 5 người.», with those who did not go: «Danh sách có 5 người,
    trong đó 1 người không đi.»"""
    named = f"Danh sách có {grouped(len(trip['members']))} người"
    absent = sum(1 for member in trip["members"] if member.get("not_going"))
    return f"{named}, trong đó {grouped(absent)} người không đi." if absent else f"{named}."


def draw_delegation(c: DocumentCanvas, trip: Mapping[str, Any], printed_on: dt.date) -> None:
    flow = Flow(c)
    p = c.profile
    size = p.size("body")
    layout.header(flow, "", layout.date_text(c.head.place, printed_on, c.profile))
    layout.title(flow, DELEGATION_TITLE, [delegation_subject(trip)])
    lines = delegation_lines(trip)
    if trip["decision_no"]:
        flow.line(lines.pop(0), ITALIC, size, "center")
        flow.skip(4)
    for text in lines:
        flow.paragraph(text, REGULAR, size, indent=False, justify=False)
    records = member_records(trip)
    signed_table(flow, MEMBER_COLUMNS, records, members_count(trip), size, size=member_table_size(flow, records))


def member_table_size(flow: Flow, records: Sequence[Mapping[str, Any]]) -> float:
    """The member list's table size: the profile's, or the largest whole size below it (down to layout.SMALLEST)
    at which no post or unit takes more than MOST_LINES lines; the rest of the page keeps its sizes."""
    sizes = layout.sizes_down(flow.profile.size("table"), step=1.0)
    return next((size for size in sizes if tables.Table(flow, MEMBER_COLUMNS, records, size).most_lines(LONG_VALUES)
                 <= MOST_LINES), sizes[-1])


def delegation_sheet(trip: Mapping[str, Any], date: str) -> Sheet:
    return Sheet("Danh sách trích ngang", [DELEGATION_TITLE, *delegation_lines(trip)], MEMBER_COLUMNS,
                 member_records(trip), subject=[delegation_subject(trip)],
                 notes=[members_count(trip)], date=date)
