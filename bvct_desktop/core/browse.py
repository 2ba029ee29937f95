"""What the registers show: ordered id lists (search, filters and sort done in SQL) and the
rows of the ids on screen, each formatted by its field declaration.

A register's table model holds only the ids of `record_ids` and asks `fetch_rows` for the
few rows it paints, so 200k cadres open and scroll without loading them.
"""

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from sqlalchemy import Column as SqlColumn
from sqlalchemy import ColumnElement, Date, Table, and_, bindparam, case, false, func, literal, null, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import FromClause
from sqlalchemy.sql.util import find_tables
from sqlalchemy.sql.visitors import iterate

from . import (
    collation,
    countries,
    deadlines,
    in_charge,
    passports,
    plans,
    record_rows,
    search,
    settings,
    sql,
    trip_status,
)
from .database import Database
from .errors import InputError
from .fields import Field, FieldType
from .kinds import ARCHIVE_REQUESTS, CADRES, COMPLAINTS, DELEGATIONS, SLIPS, TRIP_STATUSES, Kind, kind_named
from .permissions import Action
from .personfile import abroad, cases, issues, letters, political, replied
from .schema import (
    archive_requests,
    cadres,
    change_counts,
    complaints,
    delegation_members,
    delegations,
    foreign_elements,
    passport_handovers,
    persons,
    political_notes,
    recipients,
    relatives,
    slips,
    units,
    vetting_cases,
)
from .schema import passports as passport_table
from .schema import settings as settings_table
from .text import also_without_apostrophes, either_final_i_y

PAGE = 400  # ids per fetch (SQLite's bound-parameter limit is far above)
HELD_SEARCHES = 256  # the texts held by this many searches are remembered while no text changes
PERSONS_AT_ONCE = 25_000  # persons (by id) the index is asked about in one step of a search finished while idle
WHOLE_TABLE = 20 * PAGE  # more records than this: their texts are read with the whole table's
MOST_LEADING_ZEROS = 6  # zeros written before a number («000047/PXM»): more, and the number is another
FEW_VALUES = 300  # at most this many distinct values are offered by a column's filter
NO_REPLY_DATE = plans.slips.NO_REPLY_DATE  # imported slips with a result and no reply date
AWAITING_REPLY = "Chờ kết quả"  # slips with no reply yet
NO_DEADLINE = "Đang xác minh, chưa có hạn"  # open vetting cases whose purpose the deadline rule leaves out
NO_COMPLAINT_DEADLINE = "Chưa giải quyết, chưa có hạn"  # complaints not handled (letters.HANDLED_ON), no deadline
RELATIVES_ABROAD = "relatives_abroad"  # the cadres' column of the countries their relatives live in
POLITICAL_ISSUES = "political_issues"  # the cadres' column of the gravest political issue on their file
REPLY_DUE = "reply_due"  # the column of the day a reply is due, worked out from the settings: never imported
REPORT_DUE = "report_due"  # the delegations' column of the day their report after the trip is due: never imported
CASE_REPLIES = "replies"  # the vetting cases' column of their slips' replies in brief (personfile/replied)
NAME_KEYS = ("full_name", "sender", "subject_name")  # values ordered as names
BROWSING = "xem danh sách"  # what reading a register asks for (a refusal is audited as it)
# A register's header says in fewer words what the field's header says (the header's tooltip says it all)
SHORTER = {"Họ và tên người được xác minh": "Người được xác minh", "Họ và tên người bị phản ánh": "Người bị phản ánh",
           "Họ và tên người được thẩm tra": "Người được thẩm tra", "Họ và tên đối tượng": "Đối tượng nghiên cứu",
           "Ngày nhận kết quả": "Nhận kết quả", "Mục đích xác minh": "Mục đích", "Mục đích thẩm tra": "Mục đích"}

VETTED_FOR = "Thẩm tra cho"  # a slip's «Họ và tên người được thẩm tra»: whose relative its subject is, as lists say


def shortened(spec: Field) -> Field:
    """The field headed as a register heads it (SHORTER), on screen and on a list printed of it."""
    return replace(spec, header=SHORTER.get(spec.header, spec.header))


READ_ON = bindparam("read_on", type_=Date)  # the day a register is read, in a cell, a sort, a filter counting on it
VALID_TO_LEAVE = bindparam("valid_to_leave", type_=Date)  # passports.valid_to_leave of READ_ON


class CellsOf(Protocol):
    """Column.cells: the cells of the records `ids` on `today` (of every record when None), by id, and their
    tooltips unless `tips` is False (a filter by value, which reads every cell, shows none of them)."""

    def __call__(self, connection: Connection, ids: list[int] | None, today: dt.date, *, tips: bool = True
                 ) -> dict[int, dict[str, str]]: ...


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    value: ColumnElement
    sort: tuple[ColumnElement, ...]  # what orders its cells, the first deciding first (unless `sort_on`)
    field: Field | None = None
    # a column worked out in Python: its cells (and tips) of the records asked, of every record when None
    # (its filter by value), a page's in one query; `value` is then not shown
    cells: CellsOf | None = None
    # what orders its cells when they count on what the database holds besides the record (a deadline on the
    # settings), in place of `sort`
    sort_on: Callable[[Connection], tuple[ColumnElement, ...]] | None = None

    def display(self, value: object) -> str:
        if self.field is not None:
            return self.field.display(value)
        return "" if value is None else str(value)


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    status: str | None = None
    recipient_id: int | None = None
    purpose: str | None = None
    overdue: bool = False
    deleted: bool = False  # the recycle bin instead of the register
    person_id: int | None = None  # one person's records (the tabs of a cadre's file)
    done_by: dt.date | None = None  # answered, resolved… on or before this day (the report's "to end of period")
    # Excel's column filters: (column key, the values kept); None in the values keeps the empty cells
    values: tuple[tuple[str, tuple[str | None, ...]], ...] = ()

    def with_values(self, key: str, kept: tuple[str | None, ...] | None) -> "Filters":
        """These filters with column `key` keeping `kept` (None: every value)."""
        others = tuple((k, v) for k, v in self.values if k != key)
        return replace(self, values=others + (((key, tuple(kept)),) if kept is not None else ()))

    def kept(self, key: str) -> tuple[str | None, ...] | None:
        return next((v for k, v in self.values if k == key), None)


@dataclass(frozen=True)
class MoreTexts:
    """Texts of a register's records kept in another table's rows (a cadre's political issues), searched as
    their own text columns are: `read` gives them by record id, of the ids asked (None: every record)."""

    table: Table
    read: Callable[[Connection, list[int] | None], dict[int, list[str]]]


class Cells(list[str]):
    """A record's displayed cells, in its register's column order, and what a cell's tooltip tells beyond
    its text, by column key (`tip`)."""

    def __init__(self, cells: Iterable[str] = (), tips: dict[str, str] | None = None):
        super().__init__(cells)
        self.tips = tips or {}


def tip(key: str) -> str:
    """The key under which a View's extra_rows gives the tooltip of the cell of column `key`."""
    return f"{key}:tip"


Overdue = Callable[[dt.date, settings.History], ColumnElement]
Status = Callable[[dt.date], ColumnElement]  # the records of a status on the day the register is read


@dataclass(frozen=True)
class View:
    kind: Kind
    table: Table
    source: FromClause
    columns: tuple[Column, ...]
    default_sort: tuple[str, bool]  # column key, descending
    person_id: ColumnElement | None = None
    text_columns: tuple[ColumnElement, ...] = ()  # searched folded, in memory (see matching)
    more_texts: MoreTexts | None = None  # searched with them
    # the texts are searched as a whole, never mixed with the person: every word in them (a cadre's unit,
    # position and management level: "so y te"); else each word in them or in the person
    texts_whole: bool = False
    search_extra: Callable[[str], ColumnElement] | None = None  # more record ids per word, from SQL
    few_values: tuple[str, ...] = ()  # columns offering Excel's filter by value (besides fixed choices)
    listing: tuple[str, ...] = ()  # few-valued columns whose cell lists countries («Hàn Quốc, Nhật Bản»): by each
    searched_also: str = ""  # what the search box reads besides the person, in words
    done: ColumnElement | None = None  # the day a record was done with (answered, resolved…)
    done_label: str = "Đã xong"
    period: ColumnElement | None = None
    statuses: dict[str, Status] = field(default_factory=dict)
    purpose: ColumnElement | None = None
    purposes: tuple[str, ...] = ()
    purpose_label: str = "Mục đích"
    recipient: ColumnElement | None = None
    overdue: Overdue | None = None
    overdue_label: str = "Quá hạn"
    extra_rows: Callable[[Connection, list[int], dt.date], dict[int, dict[str, str]]] | None = None
    of_person: Callable[[Connection, int], ColumnElement] | None = None  # one person's records, if not by person_id
    file_order: tuple[ColumnElement, ...] = ()  # one person's records (Filters.person_id) before a column is chosen
    also_reads: tuple[Table, ...] = ()  # tables read besides `source` (by extra_rows, search_extra)

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)

    @functools.cached_property
    def reads(self) -> frozenset[str]:
        """The tables the register's rows and filters are read from: a write to one may change it."""
        tables = [*find_tables(self.source), *self.also_reads, *([settings_table] if self.overdue else []),
                  *([self.more_texts.table] if self.more_texts else [])]
        return frozenset(table.name for table in tables if isinstance(table, Table))


def _field_column(kind: Kind, key: str, value: ColumnElement, sort: tuple[ColumnElement, ...] = ()) -> Column:
    spec = kind.field(key)
    return Column(key, shortened(spec).header, value, sort or (value,), spec)


def _columns(kind: Kind, *keys: str, sorts: dict[str, tuple[ColumnElement, ...]] | None = None) -> list[Column]:
    """The fields `keys` as the kind stores them (core/kinds.py); a name sorts by its sort key."""
    stored = record_rows.layout(kind, exported=False).columns
    sorts = {"full_name": (persons.c.sort_key,), **(sorts or {})} if kind.person else sorts or {}
    return [_field_column(kind, key, stored[key], sorts.get(key, ())) for key in keys]


def _name_order(column: ColumnElement) -> ColumnElement:
    """A name kept as text, in the Vietnamese order of names (core/collation), as persons.sort_key is."""
    return getattr(func, collation.SQL_FUNCTION)(column)


def _number_order(key: ColumnElement) -> tuple[ColumnElement, ...]:
    """Slip numbers in the order they are counted (sql.number_count: «9/PXM» before «1234/PXM», «2026/9» before
    «2026/15»), then the rest of the number; those with no figure to count on after them, in text order. The count
    is worked out once a number (for those with no figure, 0 instead of NULL, which empties_last would test)."""
    return sql.has_figure(key).is_(False), func.coalesce(sql.number_count(key), 0), key


def _fixed(condition: ColumnElement) -> Status:
    """A status whatever the day."""
    return lambda _today: condition


def _by_day(done: ColumnElement, waiting: str, finished: str) -> dict[str, Status]:
    """The statuses `waiting` and `finished` of records not done with and done with (answered, resolved,
    their report received) on the day the register is read, by the rule of every deadline
    (deadlines.not_done_by): a day after today has not come yet, as the dashboard counts it."""
    return {waiting: lambda today: deadlines.not_done_by(done, today),
            finished: lambda today: deadlines.done_by(done, today)}


def _trip_statuses() -> dict[str, Status]:
    """A delegation that goes waits for its report or has it (_by_day); one called off is neither, told by
    its «Tình trạng» (trip_status)."""
    report = _by_day(delegations.c.report_received_on, "Chưa nhận báo cáo", "Đã nhận báo cáo")
    going = {name: lambda today, received=received: and_(trip_status.going(), received(today))
             for name, received in report.items()}
    return {**going, trip_status.NOT_CALLED_OFF: _fixed(trip_status.going()),
            **{status: _fixed(delegations.c.status == status) for status in TRIP_STATUSES}}


def _members(connection: Connection, ids: list[int], _today: dt.date) -> dict[int, dict[str, str]]:
    """The members of each delegation, by name: «3 người: A, B (không đi: ốm), C»; one the decision named who
    did not go is kept, marked; the tooltip lists them a line each."""
    query = (select(delegation_members.c.delegation_id, persons.c.full_name, delegation_members.c.not_going)
             .select_from(delegation_members.join(cadres).join(persons))
             .where(delegation_members.c.delegation_id.in_(ids))
             .order_by(delegation_members.c.delegation_id, delegation_members.c.id))
    names: dict[int, list[str]] = {}
    for delegation_id, full_name, not_going in connection.execute(query):
        names.setdefault(delegation_id, []).append(f"{full_name} (không đi: {not_going})" if not_going else full_name)
    return {did: {"members": f"{len(found)} người: " + ", ".join(found), tip("members"): f"{len(found)} người:\n"
                  + "\n".join(found)} for did, found in names.items()}


def _late_by(table: Table, key: str, sent: ColumnElement, due: Callable[[dt.date, settings.History], dt.date],
             overdue: Overdue, answered: SqlColumn | None = None, came: str = "trả lời") -> CellsOf:
    """The cells of column `key` of a register whose records, `sent` on a day, are due by `due` of it: the
    day, and how late those `overdue` are (the register's filter «Quá hạn…») or, `answered` after it, how
    late what `came` came; none for a record not sent (`sent` None). A View's extra_rows, or a Column's cells."""
    def cells(connection: Connection, ids: list[int] | None, today: dt.date, *, tips: bool = True
              ) -> dict[int, dict[str, str]]:
        history = settings.read_history(connection)
        reply = null() if answered is None else answered
        query = select(table.c.id, sent, overdue(today, history), reply).where(sent.is_not(None))
        rows = connection.execute(query if ids is None else query.where(table.c.id.in_(ids)))
        return {record_id: {key: deadlines.late_by(due(day, history), bool(late), today, answered_on, came)}
                for record_id, day, late, answered_on in rows}
    return cells


def _reply_due(sent: SqlColumn, setting: str) -> Column:
    """The column of the day a reply to what was `sent` on a day is due by `setting` (its cells: `_late_by`)."""
    return Column(REPLY_DUE, "Hạn trả lời", sent, (),
                  sort_on=lambda connection: (deadlines.reply_due_order(sent, settings.read_history(connection),
                                                                        setting),))


def _as_typed(day: dt.date, _history: settings.History) -> dt.date:
    """A deadline typed on the record (not worked out from the settings), for `_late_by`."""
    return day


def _complaint_overdue(today: dt.date, _history: settings.History) -> ColumnElement:
    """A letter not resolved nor forwarded by `today` past its «Hạn giải quyết» (one on a day off ends on the next
    working day)."""
    return deadlines.not_done_by(letters.HANDLED_ON, today) & deadlines.past_due(complaints.c.due_on, today)


ISSUE_TEXTS = tuple(political_notes.c[spec.key] for spec in political.FIELDS if spec.type is FieldType.TEXT)


def _political_issues(connection: Connection, ids: list[int] | None) -> dict[int, list[str]]:
    """What the officers wrote of the political issues on the files of the cadres `ids` (None: of every
    cadre), about them or their relatives, by cadre."""
    query = (select(cadres.c.id, *ISSUE_TEXTS)
             .select_from(cadres.join(political_notes, political_notes.c.person_id == cadres.c.person_id))
             .where(political_notes.c.deleted_at.is_(None)).order_by(political_notes.c.id))
    texts: dict[int, list[str]] = {}
    for cadre_id, *values in _plain_rows(connection, query if ids is None else query.where(cadres.c.id.in_(ids))):
        texts.setdefault(cadre_id, []).extend(value for value in values if value)
    return texts


PersonCells = Callable[[Connection, Collection[int], dt.date], dict[int, dict[str, str]]]


def _of_cadres(*readers: PersonCells) -> Callable[[Connection, list[int], dt.date], dict[int, dict[str, str]]]:
    """The extra cells of the cadres `ids` on a day, by cadre, from what `readers` read of their persons."""
    def cells(connection: Connection, ids: list[int], today: dt.date) -> dict[int, dict[str, str]]:
        cadre_of = dict(connection.execute(select(cadres.c.person_id, cadres.c.id).where(cadres.c.id.in_(ids))).all())
        found: dict[int, dict[str, str]] = {}
        for read in readers:
            for person_id, more in read(connection, cadre_of, today).items():
                found.setdefault(cadre_of[person_id], {}).update(more)
        return found
    return cells


def _countries_of_relatives_abroad(connection: Connection, person_ids: Collection[int], today: dt.date
                                   ) -> dict[int, dict[str, str]]:
    """The countries the relatives of the persons live in on `today` (PL2: who has relatives abroad, where)."""
    return {pid: {RELATIVES_ABROAD: countries}
            for pid, countries in abroad.countries_of(connection, person_ids, today).items()}


def _political_issues_told(connection: Connection, person_ids: Collection[int], _today: dt.date
                           ) -> dict[int, dict[str, str]]:
    """The gravest political issue on the persons' files, and each issue in its tooltip (brief §6.3)."""
    return {pid: {POLITICAL_ISSUES: issues.cell(notes), tip(POLITICAL_ISSUES): issues.listed(notes)}
            for pid, notes in issues.notes_of(connection, person_ids).items()}


def _delegations_with_member(word: str) -> ColumnElement:
    members = (select(delegation_members.c.delegation_id).select_from(delegation_members.join(cadres))
               .where(cadres.c.person_id.in_(search.persons_with(word))))
    return delegations.c.id.in_(members)


def _delegations_of(_connection: Connection, person_id: int) -> ColumnElement:
    members = (select(delegation_members.c.delegation_id).select_from(delegation_members.join(cadres))
               .where(cadres.c.person_id == person_id))
    return delegations.c.id.in_(members)


# the day a delegation that goes comes back, its report due after it (none for one called off); how many members
# it has, as its cell «3 người: …» counts them
_REPORTING_AFTER = case((trip_status.going(), delegations.c.return_on))
_MEMBER_COUNT = (select(func.count()).where(delegation_members.c.delegation_id == delegations.c.id)
                 .scalar_subquery())


def _report_due_order(connection: Connection) -> tuple[ColumnElement, ...]:
    """The delegations by the day their report is due, as their cells read (none for one called off: last)."""
    first, last = connection.execute(select(func.min(delegations.c.return_on), func.max(delegations.c.return_on))).one()
    if first is None:
        return (_REPORTING_AFTER,)
    due = deadlines.working_days_due_order(delegations.c.return_on, settings.read_history(connection),
                                           deadlines.REPORT_DAYS, first, last)
    return (case((trip_status.going(), due)),)


VIEWS: dict[str, View] = {
    "cadres": View(
        CADRES, cadres, cadres.join(persons).outerjoin(units),
        (*_columns(CADRES, "full_name", "birth_date", "gender", "cccd", "home_town", "position", "unit",
                   "management"),
         Column(RELATIVES_ABROAD, "Thân nhân ở nước ngoài", cadres.c.id, (),
                sort_on=lambda connection: (abroad.countries_order(connection, cadres.c.person_id, READ_ON),)),
         Column(POLITICAL_ISSUES, "Vấn đề chính trị", cadres.c.id, issues.gravity_order(cadres.c.person_id))),
        default_sort=("full_name", False), person_id=cadres.c.person_id,
        text_columns=(units.c.name, cadres.c.position, cadres.c.management), texts_whole=True,
        more_texts=MoreTexts(political_notes, _political_issues),
        searched_also="đơn vị, chức vụ, diện quản lý, vấn đề chính trị",
        few_values=("position", "unit", "management"),
        statuses={abroad.WITH_RELATIVES_ABROAD: functools.partial(abroad.having_relatives_abroad, cadres.c.person_id),
                  issues.WITH_ISSUES: _fixed(issues.having_issues(cadres.c.person_id))},
        extra_rows=_of_cadres(_countries_of_relatives_abroad, _political_issues_told),
        also_reads=(relatives, foreign_elements)),
    "slips": View(
        SLIPS, slips, slips.join(persons).join(recipients),
        (*_columns(SLIPS, "number", "issued_on", "full_name", "birth_date", "deceased", "death_date", "home_town",
                   "relation", sorts={"number": _number_order(slips.c.number_key)}),
         replace(*_columns(SLIPS, "vetted_name", sorts={"vetted_name": (_name_order(slips.c.vetted_name),)}),
                 header=VETTED_FOR),
         *_columns(SLIPS, "purpose", "recipient"),
         _reply_due(slips.c.issued_on, deadlines.REPLY_DAYS),
         *_columns(SLIPS, "result_on", "result", in_charge.FIELD.key)),
        default_sort=("issued_on", True), person_id=slips.c.person_id,
        text_columns=(slips.c.number, slips.c.relation, slips.c.vetted_name, slips.c.purpose,
                      slips.c.father_name, slips.c.mother_name, slips.c.spouse_name, slips.c.result,
                      slips.c.note, recipients.c.name),
        searched_also="số phiếu (có hay không có số 0 ở đầu), quan hệ, mục đích, họ tên cha, mẹ, vợ/chồng, "
                      "kết quả, ghi chú, nơi nhận",
        period=slips.c.issued_on,
        statuses={**_by_day(slips.c.result_on, AWAITING_REPLY, "Đã có kết quả"),
                  NO_REPLY_DATE: _fixed(deadlines.result_without_date())},
        few_values=("recipient", in_charge.FIELD.key), done=slips.c.result_on, done_label="Có kết quả",
        purpose=slips.c.purpose, purposes=SLIPS.field("purpose").choices, recipient=slips.c.recipient_id,
        overdue=deadlines.slip_reply_overdue, overdue_label="Quá hạn trả lời",
        extra_rows=_late_by(slips, REPLY_DUE, slips.c.issued_on, deadlines.slip_reply_due,
                            deadlines.slip_reply_overdue)),
    "delegations": View(
        DELEGATIONS, delegations, delegations,
        (*_columns(DELEGATIONS, "decision_no", "decision_on", "name", "countries", "purpose", "depart_on",
                   "return_on", sorts={"decision_on": (DELEGATIONS.period(),)}),
         Column(REPORT_DUE, "Hạn báo cáo", delegations.c.return_on, (), sort_on=_report_due_order, cells=_late_by(
             delegations, REPORT_DUE, _REPORTING_AFTER, deadlines.post_trip_report_due,
             deadlines.post_trip_report_overdue, delegations.c.report_received_on, "báo cáo")),
         *_columns(DELEGATIONS, "report_received_on", "report_no", "report_on", "report_to", "status", "in_plan",
                   "funding"),
         Column("members", DELEGATIONS.members.label, delegations.c.id, (_MEMBER_COUNT,))),
        default_sort=("decision_on", True), few_values=("countries", "funding", "report_to"), listing=("countries",),
        text_columns=(delegations.c.decision_no, delegations.c.name, delegations.c.countries,
                      delegations.c.purpose, delegations.c.funding, delegations.c.report_no, delegations.c.report_to),
        search_extra=_delegations_with_member, period=DELEGATIONS.period(),
        statuses=_trip_statuses(),
        purpose=delegations.c.purpose, purposes=DELEGATIONS.field("purpose").choices,
        overdue=deadlines.post_trip_report_overdue,
        overdue_label="Quá hạn báo cáo", extra_rows=_members, of_person=_delegations_of,
        also_reads=(delegation_members, cadres, persons)),
    "archive-requests": View(
        ARCHIVE_REQUESTS, archive_requests, archive_requests.join(persons),
        (*_columns(ARCHIVE_REQUESTS, "request_kind", "province", "doc_no", "doc_on", "full_name", "other_names",
                   "birth_date", "gender", "home_town", "work_before_1975", "father_name", "mother_name"),
         _reply_due(archive_requests.c.doc_on, deadlines.ARCHIVE_REPLY_DAYS),
         *_columns(ARCHIVE_REQUESTS, "answered_on", "reply_no", "extract", "result")),
        default_sort=("doc_on", True), person_id=archive_requests.c.person_id, few_values=("province",),
        done=archive_requests.c.answered_on, done_label="Đã trả lời",
        text_columns=(archive_requests.c.request_kind, archive_requests.c.province, archive_requests.c.doc_no,
                      archive_requests.c.work_before_1975, archive_requests.c.father_name,
                      archive_requests.c.mother_name, archive_requests.c.reply_no, archive_requests.c.result),
        searched_also="tên gọi khác, bí danh, loại yêu cầu, tỉnh/thành, số văn bản, chức vụ trước 1975, họ tên cha, "
                      "mẹ, kết quả",
        period=archive_requests.c.doc_on,
        statuses=_by_day(archive_requests.c.answered_on, "Chưa trả lời", "Đã trả lời"),
        purpose=archive_requests.c.request_kind, purposes=ARCHIVE_REQUESTS.field("request_kind").choices,
        purpose_label="Loại yêu cầu", overdue=deadlines.archive_reply_overdue, overdue_label="Quá hạn trả lời",
        extra_rows=_late_by(archive_requests, REPLY_DUE, archive_requests.c.doc_on, deadlines.archive_reply_due,
                            deadlines.archive_reply_overdue, archive_requests.c.answered_on)),
    "complaints": View(
        COMPLAINTS, complaints, complaints,
        tuple(_columns(COMPLAINTS, "received_on", "sender", "sender_address", "complaint_kind", "subject_name",
                       "summary", "due_on", "forwarded_to", "forwarded_on", "replied_on", "resolved_on", "result",
                       sorts={key: (_name_order(complaints.c[key]),) for key in ("sender", "subject_name")})),
        default_sort=("received_on", True), person_id=complaints.c.person_id, few_values=("forwarded_to",),
        done=complaints.c.resolved_on, done_label="Đã giải quyết",
        text_columns=(complaints.c.sender, complaints.c.sender_address, complaints.c.complaint_kind,
                      complaints.c.subject_name, complaints.c.summary, complaints.c.forwarded_to,
                      complaints.c.result),
        period=complaints.c.received_on,
        statuses={**_by_day(complaints.c.resolved_on, letters.OPEN, letters.RESOLVED),
                  NO_COMPLAINT_DEADLINE: lambda today: (deadlines.not_done_by(letters.HANDLED_ON, today)
                                                        & complaints.c.due_on.is_(None))},
        purpose=complaints.c.complaint_kind, purposes=COMPLAINTS.field("complaint_kind").choices,
        purpose_label="Loại đơn",
        overdue=_complaint_overdue, overdue_label="Quá hạn giải quyết",
        extra_rows=_late_by(complaints, "due_on", complaints.c.due_on, _as_typed, _complaint_overdue),
        file_order=letters.file_order(READ_ON), of_person=letters.of_person),
}

# Vetting cases (the person-file services of core/personfile/cases.py) are listed like a register:
# opened from slips or by hand, concluded by a document; they are neither imported nor exported.
VETTING_CASES = Kind("vetting-cases", "Hồ sơ thẩm tra", (
    Field("full_name", "Họ và tên người được thẩm tra"),
    SLIPS.field("birth_date"),  # the person's, as declared: namesakes on a long list told apart
    *cases.CASE_FIELDS[:3],
    Field("status", "Trạng thái"),
    *cases.CONCLUSION_FIELDS[:2],
    cases.CONCLUSION_FIELDS[3],
    in_charge.FIELD,
), date_key="opened_on")


def _case_overdue(today: dt.date, _history: settings.History) -> ColumnElement:
    """A case not concluded by `today` past its «Hạn hoàn thành» (one on a day off ends on the next working day)."""
    return (deadlines.not_done_by(vetting_cases.c.concluded_on, today)
            & deadlines.past_due(vetting_cases.c.due_on, today))


def _case_replies(connection: Connection, ids: list[int] | None, today: dt.date, *, tips: bool = True
                  ) -> dict[int, dict[str, str]]:
    return {case_id: {CASE_REPLIES: cell, **({tip(CASE_REPLIES): told} if tips else {})}
            for case_id, (cell, told) in replied.told(connection, ids, today, tips=tips).items()}


# the cases by how many slips are answered on the day the register is read, as their cells count them (those finding
# a record are told by its filter: what reads a reply is no SQL); a case with no slip («Chưa có phiếu») is further
# behind than one with none answered: -1
_ANSWERED = (select(func.coalesce(func.sum(case((deadlines.done_by(slips.c.result_on, READ_ON), 1), else_=0)), -1))
             .where(slips.c.vetting_case_id == vetting_cases.c.id, slips.c.deleted_at.is_(None)).scalar_subquery())

VIEWS["vetting-cases"] = View(
    VETTING_CASES, vetting_cases, vetting_cases.join(persons),
    (_field_column(VETTING_CASES, "full_name", persons.c.full_name, (persons.c.sort_key,)),
     _field_column(VETTING_CASES, "birth_date", persons.c.birth_date),  # ISO at its own precision: in date order
     *(_field_column(VETTING_CASES, key, vetting_cases.c[key])
       for key in ("purpose", "opened_on", "due_on", "status")),
     Column(CASE_REPLIES, "Phiếu xác minh", vetting_cases.c.id, (_ANSWERED,), cells=_case_replies),
     *(_field_column(VETTING_CASES, key, vetting_cases.c[key])
       for key in ("conclusion_no", "concluded_on", "result", in_charge.FIELD.key))),
    default_sort=("opened_on", True), person_id=vetting_cases.c.person_id, period=vetting_cases.c.opened_on,
    few_values=(CASE_REPLIES, in_charge.FIELD.key), also_reads=(slips, recipients),
    text_columns=(vetting_cases.c.purpose, vetting_cases.c.note, vetting_cases.c.conclusion_no,
                  vetting_cases.c.signer, vetting_cases.c.result, vetting_cases.c.limit_note),
    searched_also="mục đích, kết luận, ghi chú",
    statuses={**{status: _fixed(vetting_cases.c.status == status) for status in (cases.OPEN, cases.CONCLUDED)},
              NO_DEADLINE: _fixed((vetting_cases.c.status == cases.OPEN) & vetting_cases.c.due_on.is_(None))},
    purpose=vetting_cases.c.purpose, purposes=cases.CASE_FIELDS[0].choices,
    overdue=_case_overdue, overdue_label="Quá hạn",
    extra_rows=_late_by(vetting_cases, "due_on", vetting_cases.c.due_on, _as_typed, _case_overdue))

# Passports (core/passports.py) are listed with where each is today; the ledger of each is on its form.
PASSPORTS = Kind(passports.KIND, "Hộ chiếu", (
    Field("full_name", "Họ và tên người giữ"), CADRES.field("birth_date"), *passports.PASSPORT_FIELDS[:5],
    passports.STATE), date_key=None)
OUT = passports.STATE.key


def _passports_out(today: dt.date) -> ColumnElement:
    """The passports with their holder on `today` (passports.out_on)."""
    return passport_table.c.id.in_(select(passport_handovers.c.passport_id).where(passports.out_on(today)))


def _passports_kept(today: dt.date) -> ColumnElement:
    """The passports the office keeps on `today`: not with their holder, not reported lost by then."""
    return (passport_table.c.kept == passports.KEPT) & ~_passports_out(today) & _not_lost(today)


def _passports_expired(today: dt.date) -> ColumnElement:
    """The passports expired by `today`, not reported lost by then (cancelled: nothing to renew)."""
    return (passport_table.c.expires_on < today) & _not_lost(today)


def _not_lost(today: dt.date) -> ColumnElement:
    return or_(passport_table.c.lost_on.is_(None), passport_table.c.lost_on > today)


def _passports_overdue(today: dt.date, history: settings.History) -> ColumnElement:
    return passport_table.c.id.in_(select(passport_handovers.c.passport_id).where(
        passport_handovers.c.deleted_at.is_(None), deadlines.passport_return_overdue(today, history)))


def _passport_states(connection: Connection, ids: list[int], today: dt.date) -> dict[int, dict[str, str]]:
    return {passport_id: {OUT: where} for passport_id, where in passports.states(connection, ids, today).items()}


VIEWS[passports.KIND] = View(
    PASSPORTS, passport_table, passport_table.join(persons),
    (_field_column(PASSPORTS, "full_name", persons.c.full_name, (persons.c.sort_key,)),
     _field_column(PASSPORTS, "birth_date", persons.c.birth_date),
     *(_field_column(PASSPORTS, spec.key, passport_table.c[spec.key]) for spec in passports.PASSPORT_FIELDS[:4]),
     _field_column(PASSPORTS, passports.KEPT_FIELD.key, passports.kept_shown(READ_ON)),
     Column(OUT, passports.STATE.header, passport_table.c.id,
            (passports.state_order(READ_ON, VALID_TO_LEAVE), passport_table.c.expires_on))),
    default_sort=("full_name", False), person_id=passport_table.c.person_id,
    text_columns=(passport_table.c.number, passport_table.c.note), searched_also="số hộ chiếu, ghi chú",
    statuses={passports.IN_CUSTODY: _passports_kept,
              "Đang giao cho người giữ": _passports_out,
              "Đã hết hạn": _passports_expired},
    purpose=passport_table.c.passport_type, purposes=passports.PASSPORT_TYPES, purpose_label="Loại hộ chiếu",
    overdue=_passports_overdue, overdue_label="Quá hạn nộp lại",
    extra_rows=_passport_states, also_reads=(passport_handovers, delegations))  # a delegation's return: the due day


def kinds_reading(tables: Collection[str]) -> list[str]:
    """The registers whose rows may have changed when `tables` were written."""
    return [kind for kind, spec in VIEWS.items() if spec.reads.intersection(tables)]


def view(kind: str) -> View:
    if kind not in VIEWS:
        kind_named(kind)  # the message naming the kinds there are
        raise InputError(f"Loại dữ liệu «{kind}» không có danh sách để xem.")
    return VIEWS[kind]


class KeptTexts:
    """The folded texts of one register's records by id, kept across its listings (a sort, a filter, a
    save): each with the record's row_version it was read at, so that a listing reads and folds again
    only the records written since, and those new to it. It holds no more than the register's records:
    those written or gone since are forgotten at the next `check`."""

    def __init__(self, kind: str):
        self.spec = view(kind)
        self._texts: dict[int, tuple[int, str]] = {}  # record id: (row_version, folded texts)
        self._counts: dict[str, int] = {}  # the change counts of the tables of the texts, as last checked
        self._by_text: dict[str, list[int]] | None = None  # the ids by text, once asked
        self._holding: dict[tuple[str, ...], frozenset[str]] = {}  # texts by words

    def check(self, connection: Connection) -> None:
        """Forgets the texts written since the last check (core/watch's counts tell whether any was):
        the records whose row_version moved, or every one when another table of the texts was written
        (a recipient renamed)."""
        table = self.spec.table
        names = {column.table.name for column in self.spec.text_columns} | {table.name} | (
            {self.spec.more_texts.table.name} if self.spec.more_texts else set())
        counts = dict(connection.execute(select(change_counts.c.table_name, change_counts.c.count)
                                         .where(change_counts.c.table_name.in_(names))).all())
        seen, self._counts = self._counts, counts
        if counts == seen and len(counts) == len(names):
            return
        if any(seen.get(name) != counts.get(name) for name in names - {table.name}) or len(counts) < len(names):
            self._texts = {}
        else:
            versions = dict(_plain_rows(connection, select(table.c.id, table.c.row_version)))
            self._texts = {i: held for i, held in self._texts.items() if versions.get(i) == held[0]}
        self._texts_changed()

    def read(self, connection: Connection, ids: list[int]) -> list[str]:
        """The folded texts of `ids`, in their order, those not held read from the tables that hold
        them alone (the persons' pages stay out of the cache); "" for a record no longer there."""
        missing = [record_id for record_id in ids if record_id not in self._texts]
        if missing:
            self._texts.update(_folded_texts(connection, self.spec, missing))
            self._texts_changed()
        return [self._texts.get(record_id, (0, ""))[1] for record_id in ids]

    def holding(self, words: tuple[str, ...]) -> frozenset[str]:
        """The texts held that hold the folded `words` (`text_pattern`; each distinct text is tried
        once: units, positions and levels repeat down 200k cadres)."""
        if words not in self._holding:
            if len(self._holding) > HELD_SEARCHES:
                self._holding.clear()
            texts: Collection[str] = self.by_text()
            for before, held in self._holding.items():  # typed on: only the texts held before
                if len(held) < len(texts) and _narrowed(before, words):
                    texts = held
            texts = filter(None, texts)  # an empty text holds nothing
            for word in words:
                texts = filter(text_pattern(word).search, texts)
            self._holding[words] = frozenset(texts)
        return self._holding[words]

    def by_text(self) -> dict[str, list[int]]:
        """The ids of the records held, by their texts."""
        if self._by_text is None:
            self._by_text = {}
            for record_id, (_, text) in self._texts.items():
                self._by_text.setdefault(text, []).append(record_id)
        return self._by_text

    def _texts_changed(self) -> None:
        self._by_text, self._holding = None, {}


@dataclass
class Listing:
    """A register's records under fixed filters and sort, in display order (with each record's
    person). The search reads the records' own text columns into it, folded (`read_texts`): a
    slice at a time while the officer has not typed yet, the rest at once when a search needs all;
    those a former listing read are taken from `kept` where not written since."""

    kind: str
    ids: list[int]
    person_ids: list[int | None]
    kept: KeptTexts
    texts: list[str] = field(default_factory=list)  # the folded texts of the first len(texts) records
    _checked: bool = False  # whether `kept` was checked for this listing
    _by_person: dict[int | None, int] | None = None  # each person's first position
    _more_of_person: dict[int | None, list[int]] = field(default_factory=dict)  # and their others

    @property
    def spec(self) -> View:
        return view(self.kind)

    @property
    def texts_read(self) -> bool:
        return len(self.texts) == len(self.ids) or not self.spec.text_columns

    def read_texts(self, connection: Connection, rows: int | None = None) -> bool:
        """Reads the texts of `rows` more records (None: every one left); True once all are read."""
        if not self.texts_read:
            first = len(self.texts)
            wanted = self.ids[first:] if rows is None else self.ids[first:first + rows]
            self.texts += self._read(connection, wanted)
        return self.texts_read

    def texts_at(self, connection: Connection, positions: Sequence[int]) -> list[str]:
        """The folded texts of the records at `positions` (read from the database where not yet read)."""
        if not self.spec.text_columns:
            return [""] * len(positions)
        missing = [self.ids[i] for i in positions if i >= len(self.texts)]
        read = dict(zip(missing, self._read(connection, missing), strict=True)) if missing else {}
        return [self.texts[i] if i < len(self.texts) else read[self.ids[i]] for i in positions]

    def _read(self, connection: Connection, ids: list[int]) -> list[str]:
        if not self._checked:
            self.kept.check(connection)
            self._checked = True
        return self.kept.read(connection, ids)

    def holding(self, connection: Connection, words: tuple[str, ...]) -> set[int]:
        """The positions of the records whose texts hold the folded `words` (`KeptTexts.holding`)."""
        if not self.spec.text_columns:
            return set()
        self.read_texts(connection)
        by_text = self.kept.by_text()
        held = {record_id for text in self.kept.holding(words) for record_id in by_text[text]}
        return {i for i, record_id in enumerate(self.ids) if record_id in held}

    def positions_of(self, person_ids: Collection[int]) -> list[int]:
        """The positions of the records of `person_ids`."""
        if self._by_person is None:
            first: dict[int | None, int] = {}
            for i, person_id in enumerate(self.person_ids):
                if person_id in first:
                    self._more_of_person.setdefault(person_id, []).append(i)
                else:
                    first[person_id] = i
            self._by_person = first
        found = [self._by_person[person] for person in person_ids if person in self._by_person]
        return found + [i for person in person_ids if person in self._more_of_person
                        for i in self._more_of_person[person]]

    def prepare(self, connection: Connection, rows: int) -> bool:
        """One slice of what a search needs of the whole register, read ahead; True once all is."""
        if not self.read_texts(connection, rows):
            return False
        self.kept.by_text()
        self.positions_of(set())
        return True


def _narrowed(before: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether a text holding `words` holds `before` (each word typed on)."""
    return len(words) >= len(before) and all(search.typed_on(then, word) for then, word in
                                                 zip(before, words, strict=False))


def listing(db: Database, kind: str, filters: Filters = Filters(), sort: str | None = None,
            descending: bool | None = None, today: dt.date | None = None, kept: KeptTexts | None = None) -> Listing:
    """The register's records in display order; `kept`: the texts former listings of the register read."""
    db.require(Action.BROWSE, BROWSING)
    spec = view(kind)
    table = spec.table
    person = spec.person_id if spec.person_id is not None else literal(None)
    today = today or db.clock().date()
    with db.read() as connection:
        order = _order(spec, filters, sort, descending, connection)
        # the register's joins when the order reads their columns (a subquery of each record reads its own tables)
        own = all(source is table for source in select(*order).columns_clause_froms)
        statement = select(table.c.id, person).select_from(table if own else spec.source)
        statement = statement.where(table.c.deleted_at.is_not(None) if filters.deleted
                                    else table.c.deleted_at.is_(None))
        statement = _filtered(statement, spec, filters, connection, today)
        rows = _plain_rows(connection, _read_on(statement.order_by(*order), today))
    return Listing(spec.kind.name, [row[0] for row in rows], [row[1] for row in rows], kept or KeptTexts(kind))


def _read_on(statement, today: dt.date):
    """The statement read on `today`: the day of its cells, sort and filters counting on it (READ_ON)."""
    return statement.params({READ_ON.key: today, VALID_TO_LEAVE.key: passports.valid_to_leave(today)})


def _plain_rows(connection: Connection, statement) -> list[tuple]:
    """The rows as the driver gives them: ids need no result processing, and 200k rows are many."""
    return connection.execute(statement).cursor.fetchall()


def matching(db: Database, found: Listing, words: list[str]) -> list[int]:
    """The positions in `found` of the records matching the search rule for the folded `words`,
    or when none does and the register searches its texts whole, those matching the mixed rule
    (`falls_back`).

    Every word must occur in the record's person (the FTS5 index), in its own text columns
    (folded, read into the listing) or in `search_extra`. One FTS query finds the persons holding
    every word; only a record whose texts hold some of the words needs its person to hold the
    others, which one query per word tells. core/register_search applies the same rule record by
    record (`Rule`), for the first rows of a search while the officer types.
    """
    positions = _last(matching_in_steps(db, found, words, persons_at_once=None))
    return _last(mixed_in_steps(db, found, words)) if falls_back(found, positions) else positions


def falls_back(found: Listing, positions: list[int]) -> bool:
    """Whether a search that found `positions` is done again by the mixed rule (`mixed_in_steps`): it found
    no one in a register whose texts are searched whole (a cadre: every word in his person, or every word
    in his post and issues), where «hung cai tao» mixes a name's word with an issue's."""
    return not positions and found.spec.texts_whole


def matching_in_steps(db: Database, found: Listing, words: list[str],
                      persons_at_once: int | None) -> Iterator[list[int] | None]:
    """`matching` by its own rule (no fallback) a step at a time, for a search the event loop finishes
    between keystrokes: the index asked about `persons_at_once` persons at a time (by id; None: all at
    once) and their records found as many at a time, then the texts and the persons asked about a word at
    a time; None yielded after each step, the positions at the end."""
    spec = found.spec
    everyone: set[int] = set()
    if spec.person_id is not None:
        with db.read() as connection:
            last = connection.execute(select(func.max(persons.c.id))).scalar() or 0
        step = persons_at_once or last + 1
        for first in range(0, last + 1, step):
            with db.read() as connection:  # persons.id is SQLite's rowid: the same plan, and the server's column
                everyone |= id_set(connection, search.persons_with_every(words).where(persons.c.id >= first,
                                                                                      persons.c.id < first + step))
            yield None
    keep: list[int] = []
    held = list(everyone)
    step = persons_at_once or len(held) or 1
    for first in range(0, len(held), step):
        keep += found.positions_of(held[first:first + step])
        if persons_at_once:
            yield None
    yield from _matched(db, found, words, keep, whole=spec.texts_whole)


def mixed_in_steps(db: Database, found: Listing, words: list[str]) -> Iterator[list[int] | None]:
    """The positions of the records holding every word in their person, their texts or `search_extra`,
    any word in any of them, once the register's own rule found none (`falls_back`: no person then holds
    every word), a step at a time as `matching_in_steps`."""
    return _matched(db, found, words, [], whole=False)


def _last(steps: Iterator[list[int] | None]) -> list[int]:
    return next(positions for positions in steps if positions is not None)


def _matched(db: Database, found: Listing, words: list[str], keep: list[int],
             whole: bool) -> Iterator[list[int] | None]:
    """The positions matching, `keep` those of the persons holding every word, the others those whose texts
    hold every word (`whole`), or some of them and their person the others, a word at a time (None yielded
    after each step, the positions at the end)."""
    spec = found.spec
    folded = tuple(search.fold_ascii(word) for word in words)
    if whole:  # every word in the texts: the post of a cadre
        with db.read() as connection:
            yield sorted(set(keep).union(found.holding(connection, folded)))
        return
    hits = []
    for word in folded:
        with db.read() as connection:
            hits.append(found.holding(connection, (word,)))
        yield None
    if spec.search_extra is not None:
        with db.read() as connection:
            by_word = [{i for i, record_id in enumerate(found.ids) if record_id in ids}
                       for ids in extra_ids(connection, spec, words)]
        hits = [held | more for held, more in zip(hits, by_word, strict=True)]
    some = set().union(*hits).difference(keep)  # the texts hold some of the words: the person the others
    for word, held in zip(words, hits, strict=True):
        if some - held:
            with db.read() as connection:
                holding = id_set(connection, search.persons_with(word))
            some = {i for i in some if i in held or found.person_ids[i] in holding}
            yield None
    yield sorted(keep + list(some))


def extra_ids(connection: Connection, spec: View, words: list[str]) -> list[set[int]]:
    """The ids of the records `search_extra` finds by each word (none without it)."""
    if spec.search_extra is None:
        return [set() for _ in words]
    return [id_set(connection, select(spec.table.c.id).where(spec.search_extra(word))) for word in words]


def search_keys(connection: Connection, person_ids: set[int]) -> dict[int, str]:
    ids, found = list(person_ids), {}
    for start in range(0, len(ids), PAGE):
        found.update(_plain_rows(connection, select(persons.c.id, persons.c.search_key)
                                 .where(persons.c.id.in_(ids[start:start + PAGE]))))
    return found


def text_pattern(word: str) -> re.Pattern:
    """A folded word in a record's folded texts, beginning one of their words as the FTS index matches
    names («1/pxm» finds «1/PXM», not «11/PXM»), its final i/y either way ("qui" finds "Quý"); a number
    with or without its leading zeros, as documents write it («47/pxm» and «0047» find «0047/PXM», «0012»
    finds «12/PXM»; «47» never «147»)."""
    figures = word.lstrip("0")
    if not figures[:1].isdigit():
        return search.beginning_a_word(either_final_i_y(word))
    return re.compile(f"(?<![0-9a-z])0{{0,{MOST_LEADING_ZEROS}}}{either_final_i_y(figures)}")


def id_set(connection: Connection, statement) -> set[int]:
    return {row[0] for row in _plain_rows(connection, statement)}


def _folded_texts(connection: Connection, spec: View, ids: list[int]) -> dict[int, tuple[int, str]]:
    """The records' row_version and text columns, joined and folded, by id: those of `ids`, or of
    the whole table when they are many (one read beats many)."""
    source = spec.table
    for table in dict.fromkeys(column.table for column in spec.text_columns):
        if table is not spec.table:
            source = source.outerjoin(table)
    statement = select(spec.table.c.id, spec.table.c.row_version, *spec.text_columns).select_from(source)
    more = spec.more_texts.read if spec.more_texts else lambda _connection, _ids: {}
    if len(ids) > WHOLE_TABLE:
        rows, kept_apart = _plain_rows(connection, statement), more(connection, None)
    else:
        pages = [ids[start:start + PAGE] for start in range(0, len(ids), PAGE)]
        rows = [row for page in pages for row in _plain_rows(connection, statement.where(spec.table.c.id.in_(page)))]
        kept_apart = {record_id: texts for page in pages for record_id, texts in more(connection, page).items()}
    return {row[0]: (row[1], _folded((*row[2:], *kept_apart.get(row[0], ())))) for row in rows}


@functools.lru_cache(maxsize=65_536)  # units, positions and levels repeat down a register
def _folded(values: tuple[str | None, ...]) -> str:
    return also_without_apostrophes(search.fold_ascii(" ".join(value for value in values if value)))


def record_ids(db: Database, kind: str, query: str = "", filters: Filters = Filters(),
               sort: str | None = None, descending: bool | None = None,
               today: dt.date | None = None) -> list[int]:
    """The ids of the register's records (or its recycle bin) matching, in display order."""
    found = listing(db, kind, filters, sort, descending, today)
    words = search.query_words(query)
    return [found.ids[i] for i in matching(db, found, words)] if words else found.ids


def _filtered(statement, spec: View, filters: Filters, connection: Connection, today: dt.date):
    if spec.period is not None:
        if filters.start:
            statement = statement.where(spec.period >= filters.start)
        if filters.end:
            statement = statement.where(spec.period <= filters.end)
    if filters.status in spec.statuses:
        statement = statement.where(spec.statuses[filters.status](today))
    if filters.purpose and spec.purpose is not None:
        statement = statement.where(spec.purpose == filters.purpose)
    if filters.recipient_id is not None and spec.recipient is not None:
        statement = statement.where(spec.recipient == filters.recipient_id)
    if filters.person_id is not None:
        statement = statement.where(spec.of_person(connection, filters.person_id) if spec.of_person
                                    else spec.person_id == filters.person_id)
    if filters.overdue and spec.overdue is not None:
        statement = statement.where(spec.overdue(today, settings.read_history(connection)))
    if filters.done_by is not None and spec.done is not None:
        statement = statement.where(deadlines.done_by(spec.done, filters.done_by))
    for key, kept in filters.values:
        column = spec.column(key)
        statement = statement.where(_keeps(spec, column.value, kept, key in spec.listing) if column.cells is None
                                    else _cells_keep(spec, _every_cell(connection, column, today), kept))
    return statement


def _every_cell(connection: Connection, column: Column, today: dt.date) -> dict[int, str | None]:
    """The cell of every record in a column worked out in Python (Column.cells), None when empty."""
    every = column.cells(connection, None, today, tips=False)
    return {record_id: cells.get(column.key) or None for record_id, cells in every.items()}


def _cells_keep(spec: View, cells: dict[int, str | None], kept: tuple[str | None, ...]) -> ColumnElement:
    """The records whose cell is one of `kept`, by id: the fewer of those kept and the others written into the
    statement as numbers (any number of them, past the driver's limit of bound values)."""
    held = {record_id for record_id, cell in cells.items() if cell in kept}
    others = cells.keys() - held
    if len(held) <= len(others):
        return spec.table.c.id.in_(bindparam(None, sorted(held), expanding=True, literal_execute=True))
    return spec.table.c.id.not_in(bindparam(None, sorted(others), expanding=True, literal_execute=True))


def _keeps(spec: View, value: ColumnElement, kept: tuple[str | None, ...], listing: bool = False) -> ColumnElement:
    """The records whose cell of a column is one of `kept` (None: an empty cell), or when the cell is
    `listing` (View.listing), lists one of them."""
    values = [item for item in kept if item is not None]
    if listing:
        cell = literal(countries.LISTED_WITH) + value + literal(countries.LISTED_WITH)
        condition = or_(false(), *(cell.contains(f"{countries.LISTED_WITH}{item}{countries.LISTED_WITH}",
                                                 autoescape=True) for item in values))
    else:
        condition = value.in_(values) if values else false()
    if None in kept:
        condition = or_(condition, value.is_(None), value == "")
    if all(element.table is spec.table for element in iterate(value) if isinstance(element, SqlColumn)):
        return condition
    return spec.table.c.id.in_(select(spec.table.c.id).select_from(spec.source).where(condition))  # a joined column


def filterable(kind: str) -> tuple[str, ...]:
    """The columns a register filters by value, as Excel does: fixed choices, and the few-valued ones."""
    spec = view(kind)
    return tuple(column.key for column in spec.columns
                 if column.field is not None and column.field.choices or column.key in spec.few_values)


def column_values(db: Database, kind: str, key: str, filters: Filters = Filters(),
                  today: dt.date | None = None) -> list[tuple[str | None, int]] | None:
    """The distinct values of a column under the other filters, with how many records hold each
    (None: the empty cells), in Vietnamese order; None when there are more than FEW_VALUES."""
    db.require(Action.BROWSE, BROWSING)
    spec = view(kind)
    column = spec.column(key)
    others = replace(filters, values=tuple((k, v) for k, v in filters.values if k != key))
    cell = func.nullif(column.value, "")
    live = spec.table.c.deleted_at.is_not(None) if filters.deleted else spec.table.c.deleted_at.is_(None)
    today = today or db.clock().date()
    with db.read() as connection:
        if column.cells is None:
            statement = _filtered(select(cell, func.count()).select_from(spec.source).where(live), spec, others,
                                  connection, today)
            rows = connection.execute(_read_on(statement.group_by(cell).limit(FEW_VALUES + 1), today)).all()
        else:
            records = _filtered(select(spec.table.c.id).select_from(spec.source).where(live), spec, others,
                                connection, today)
            every = _every_cell(connection, column, today)
            rows = list(Counter(every.get(record_id) for record_id in id_set(connection, _read_on(records, today)))
                        .items())
    if len(rows) > FEW_VALUES:
        return None
    if key in spec.listing:
        rows = _each_listed(rows)
    return sorted(((found, count) for found, count in rows),
                  key=lambda item: (item[0] is None, collation.name_sort_key(item[0] or "")
                                    if key in NAME_KEYS else search.fold_ascii(str(item[0] or ""))))


def _each_listed(rows: Sequence[tuple[str | None, int]]) -> list[tuple[str | None, int]]:
    """(value, records) of each value the cells `rows` list, from (cell, records)."""
    records: dict[str | None, int] = {}
    for cell, count in rows:
        for item in cell.split(countries.LISTED_WITH) if cell is not None else [None]:
            records[item] = records.get(item, 0) + count
    return list(records.items())


def _order(spec: View, filters: Filters, sort: str | None, descending: bool | None, connection: Connection) -> list:
    key, default_descending = spec.default_sort
    if filters.deleted and sort is None:
        return [spec.table.c.deleted_at.desc(), spec.table.c.id.desc()]
    if filters.person_id is not None and sort is None and spec.file_order:
        return list(spec.file_order)
    column = spec.column(sort or key)
    descending = default_descending if descending is None else descending
    # Ties of a name are broken by the person first: the order then follows the name index.
    keys = column.sort if column.sort_on is None else column.sort_on(connection)
    ties = [persons.c.id] if keys[0] is persons.c.sort_key else []
    return sql.empties_last([*keys, *ties, spec.table.c.id], descending, spec.source)


def fetch_rows(db: Database, kind: str, ids: Sequence[int], step: Callable[[int], None] | None = None,
               today: dt.date | None = None) -> dict[int, Cells]:
    """The displayed cells of the records `ids` and their tooltips, by id (ids no longer there are left out);
    `step` is told how many ids were read after each PAGE of them (a caller stops the reading by raising there).
    How late a record is, is told on `today` (a document's day), the database's clock's by default."""
    db.require(Action.BROWSE, BROWSING)
    spec = view(kind)
    found: dict[int, Cells] = {}
    today = today or db.clock().date()
    with db.read() as connection:
        for start in range(0, len(ids), PAGE):
            chunk = list(ids[start:start + PAGE])
            statement = _read_on(select(spec.table.c.id, *(column.value for column in spec.columns))
                                 .select_from(spec.source).where(spec.table.c.id.in_(chunk)), today)
            extra = _extra(spec, connection, chunk, today)
            for row in connection.execute(statement):
                record_id, values = row[0], row[1:]
                more = extra.get(record_id, {})
                found[record_id] = Cells([more.get(column.key, "") if column.key in more or spec.extra_rows
                                          and column.field is None else column.display(value)
                                          for column, value in zip(spec.columns, values, strict=True)],
                                         {column.key: more[tip(column.key)] for column in spec.columns
                                          if tip(column.key) in more})
            if step is not None:
                step(min(start + PAGE, len(ids)))
    return found


def _extra(spec: View, connection: Connection, ids: list[int], today: dt.date) -> dict[int, dict[str, str]]:
    """The cells of `ids` not read from the register's own columns (View.extra_rows, Column.cells), by id."""
    extra = spec.extra_rows(connection, ids, today) if spec.extra_rows else {}
    for column in spec.columns:
        if column.cells is not None:
            for record_id, more in column.cells(connection, ids, today).items():
                extra.setdefault(record_id, {}).update(more)
    return extra


def count(db: Database, kind: str, deleted: bool = False) -> int:
    """How many records the register (or its recycle bin) holds."""
    db.require(Action.BROWSE, BROWSING)
    spec = view(kind)
    condition = spec.table.c.deleted_at.is_not(None) if deleted else spec.table.c.deleted_at.is_(None)
    with db.read() as connection:
        return connection.execute(select(func.count()).select_from(spec.table).where(condition)).scalar()
