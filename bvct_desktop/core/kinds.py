"""The kinds of record: their fields in import-workbook order, and where each field is stored.

Headers, required marks and fixed values are the contract of the spec
(shared/spec/cli-and-formats.md, "Columns and natural keys"). The storage is declared here
once — the kind's table, the column of each field, the fields kept on a person, the lookups —
and the importer, the form, the export, the printed documents and the audit derive from it
(core/plans, core/record_rows). A field is kept in the column of the kind's table named like
it unless the kind says otherwise.
"""

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .errors import InputError, RowProblem
from .fields import (
    LONG_TEXT,
    NO,
    YES,
    Field,
    FieldType,
    Place,
    check_order,
    dates_ahead_in_file,
    dates_told_if_after,
    order_problems,
    ordered_dates,
)
from .text import identity_key

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Table

F = FieldType

GENDERS = ("Nam", "Nữ")
SELF = "Bản thân"  # the vetted person is the subject of the slip
OTHER_RELATION = "Khác"  # a relation the list does not name
RELATIONS = (SELF, "Cha", "Mẹ", "Vợ", "Chồng", "Cha vợ", "Mẹ vợ", "Cha chồng",
             "Mẹ chồng", "Con", "Anh/chị/em", OTHER_RELATION)
GENDER_OF = {**dict.fromkeys(("Cha", "Chồng", "Cha vợ", "Cha chồng"), GENDERS[0]),
             **dict.fromkeys(("Mẹ", "Vợ", "Mẹ vợ", "Mẹ chồng"), GENDERS[1])}  # what the relation alone tells
# a relation as old lists write it, and the relation of form 2C it is
RELATIONS_WRITTEN = (("Bố", "Cha"), ("Anh", "Anh/chị/em"), ("Chị", "Anh/chị/em"), ("Em", "Anh/chị/em"),
                     ("Anh chị em", "Anh/chị/em"), ("Anh chị em ruột", "Anh/chị/em"))
ADMISSION = "Kết nạp Đảng"  # its person is not yet a Party member: «quần chúng», not «đồng chí»
SLIP_PURPOSES = ("Bầu cử", "Bổ nhiệm", "Quy hoạch", ADMISSION, "Đi nước ngoài",
                 "Giải quyết đơn thư", "Khác")
# A vetting case may also be for what no slip's purpose names (brief §1.3): its own purposes, before «Khác»
CASE_PURPOSES = (*SLIP_PURPOSES[:3], "Cử đi đào tạo", "Cán bộ chủ chốt", "Vị trí trọng yếu, cơ mật",
                 *SLIP_PURPOSES[3:])
DELEGATION_PURPOSES = ("Tham quan", "Công tác", "Học tập kinh nghiệm", "Khác")
PURPOSES_WRITTEN = (("Học tập", "Học tập kinh nghiệm"),)  # as old delegation lists write them
CANCELLED = "Đã hủy"
POSTPONED = "Hoãn"
TRIP_STATUSES = (CANCELLED, POSTPONED)  # a delegation called off: kept on record, no trip made (trip_status)
STATUSES_WRITTEN = (("Hủy", CANCELLED), ("Bị hủy", CANCELLED), ("Không đi", CANCELLED), ("Tạm hoãn", POSTPONED),
                    ("Hoãn lại", POSTPONED), ("Đã hoãn", POSTPONED))
YES_NO = (YES, NO)
TICKED = (("x", YES), ("1", YES), ("0", NO))  # a yes/no column of an old list, ticked
MEMBER_ROLES = ("Trưởng đoàn", "Phó trưởng đoàn", "Thành viên")
ROLES_WRITTEN = (("TĐ", "Trưởng đoàn"), ("Trưởng", "Trưởng đoàn"), ("PTĐ", "Phó trưởng đoàn"),
                 ("Phó đoàn", "Phó trưởng đoàn"), ("Phó trưởng", "Phó trưởng đoàn"), ("TV", "Thành viên"))
ARCHIVE_FOR_OTHERS = "Nghiên cứu giúp tỉnh bạn"
ARCHIVE_FROM_OTHERS = "Nhờ tỉnh bạn nghiên cứu"
ARCHIVE_KINDS = (ARCHIVE_FOR_OTHERS, ARCHIVE_FROM_OTHERS)
COMPLAINT_KINDS = ("Tố cáo", "Khiếu nại", "Phản ánh", "Kiến nghị")
ANONYMOUS = "Nặc danh"  # the sender of a letter that names none


def _table(name: str) -> "Table":
    """A table named in a declaration. The tables (and SQLAlchemy) load with the first record read
    or written, not with the declarations: `bvct template` needs only the fields."""
    from . import schema

    return schema.metadata.tables[name]


@dataclass(frozen=True)
class Lookup:
    """A field whose value is the name of an entry in a list of its own (core/lookups), kept by id
    in the record's `column`."""

    table_name: str
    column: str           # the record's foreign key: unit_id, recipient_id
    stamped: bool = False  # an entry carries `active` and `created_at` (the editable list of recipients)
    added_label: str = ""  # how the import's summary names the entries it added

    @property
    def table(self) -> "Table":
        return _table(self.table_name)

    def new_entry(self, name: str, now) -> dict:
        entry = {"name": name, "name_key": identity_key(name)}
        if self.stamped:
            entry.update(active=True, created_at=now)
        return entry


UNITS = Lookup("units", "unit_id", added_label="Đơn vị công tác mới")
RECIPIENTS = Lookup("recipients", "recipient_id", stamped=True, added_label="Nơi nhận phiếu mới")


@dataclass(frozen=True)
class PersonLink:
    """Fields kept on a person (the persons table) that a record names in its `column`."""

    column: str                    # the record's column: person_id, relative_id
    fields: Mapping[str, str]      # field key → column of persons
    cadre: bool = False            # the person must be a cadre (found among cadres, not by the person rule)

    @classmethod
    def of(cls, column: str, *keys: str, cadre: bool = False) -> "PersonLink":
        """Fields named like the persons' columns."""
        return cls(column, {key: key for key in keys}, cadre)

    @functools.cached_property  # asked for every row an import or a form writes
    def by_column(self) -> dict[str, str]:
        """The field key of each column of persons the record names."""
        return {column: key for key, column in self.fields.items()}


@dataclass(frozen=True)
class NamedCadre:
    """A record naming a cadre by name alone (a letter's subject): `column` links it to the file of the
    cadre its field `name_key` names — the one cadre of that name, or the one the officer chooses on
    the form (core/plans/complaints.py)."""

    column: str    # the record's column: person_id
    name_key: str  # the field giving the name: subject_name


@dataclass(frozen=True)
class Members:
    """A record listing cadres (a delegation's members): one import row, and one row of `table`, each."""

    table_name: str
    parent: str                    # the column naming the record: delegation_id
    cadre: str                     # the column naming the cadre: cadre_id
    keys: tuple[str, ...]          # fields of the membership itself (as at that time)
    person: PersonLink             # fields of the member as a person (the link column is the cadre's)
    label: str                     # what the form, the register and the audit trail call them

    @property
    def table(self) -> "Table":
        return _table(self.table_name)


@dataclass(frozen=True, eq=False)
class Kind:
    name: str            # the KIND word of the command line
    title: str           # the register's Vietnamese name
    fields: tuple[Field, ...]
    date_key: str | None  # the field a period filters and counts by
    stored_in: str | None = None   # the records' table (None: listed but neither imported nor exported)
    persons: tuple[PersonLink, ...] = ()  # the first is the person the record is about
    lookups: Mapping[str, Lookup] = field(default_factory=dict)  # field key → the list its name is in
    members: Members | None = None
    date_fallback: str | None = None  # the field counted by when `date_key` is empty
    named_cadre: NamedCadre | None = None
    # kept by the program, never typed (who is in charge): shown on the form and in the registers, neither imported
    # nor exported (an export is the import layout, `fields`)
    kept: tuple[Field, ...] = ()

    def field(self, key: str) -> Field:
        return next(f for f in self.fields + self.kept if f.key == key)

    @functools.cached_property
    def on_form(self) -> tuple[Field, ...]:
        """The fields as a form shows them: each declared `shown_after` another right after it (a field added
        after the contract's columns shown among those it belongs with)."""
        shown = [spec for spec in self.fields if spec.shown_after is None]
        for spec in self.fields:
            if spec.shown_after is not None:
                shown.insert(next(at for at, other in enumerate(shown) if other.key == spec.shown_after) + 1, spec)
        return tuple(shown)

    @functools.cached_property
    def ordered_dates(self) -> tuple[tuple[Field, Field], ...]:
        """(a date, the date it cannot precede): Ngày về and Ngày đi, a reply and its slip's issue…"""
        return ordered_dates(self.fields)

    @functools.cached_property
    def dates_told_if_after(self) -> tuple[tuple[Field, Field], ...]:
        """(a date, the date it should not follow): Ngày quyết định and Ngày đi — told, not refused."""
        return dates_told_if_after(self.fields)

    def order_problems(self, values: Mapping[str, object]) -> list[RowProblem]:
        """A RowProblem for each date of `values` that precedes the one it cannot."""
        return order_problems(self.ordered_dates, values)

    def check_order(self, values: Mapping[str, object]) -> None:
        """RowProblem (at the later date) when a date precedes the one it cannot: «Ngày về trước Ngày đi»."""
        check_order(self.ordered_dates, values)

    @functools.cached_property
    def event_dates(self) -> tuple[Field, ...]:
        """The dates of what has happened — a birth, a slip's issue, a reply — not of what is planned."""
        return tuple(spec for spec in self.fields if spec.is_event_date)

    @functools.cached_property
    def identifying(self) -> tuple[str, ...]:
        """The fields the audit trail names a record by, whatever happened to it (created, edited,
        viewed, deleted, restored): the register's first, its required ones, its date and those naming
        the cadre it concerns (a list of members aside: the record keeps them)."""
        members = {*self.members.person.fields, *self.members.keys} if self.members else set()
        return tuple(spec.key for index, spec in enumerate(self.fields)
                     if (index == 0 or spec.required or spec.names_record or spec.key == self.date_key)
                     and spec.key not in members)

    def dates_ahead_in_file(self, values: Mapping[str, object], today: dt.date) -> list[RowProblem]:
        """`fields.dates_ahead_in_file` of the kind's fields: the rows of a column dated ahead are told
        together (`row_notes.told_once`)."""
        return dates_ahead_in_file(self.event_dates, values, today)

    @property
    def table(self) -> "Table | None":
        """The records' table."""
        return _table(self.stored_in) if self.stored_in else None

    @property
    def person(self) -> PersonLink | None:
        """The person the record is about."""
        return self.persons[0] if self.persons else None

    @property
    def person_keys(self) -> tuple[str, ...]:
        """The fields kept on the person the record is about (a form fills them from a person picked)."""
        return tuple(self.person.fields) if self.person else ()

    @functools.cached_property  # asked for every row an import or a form writes
    def own_keys(self) -> tuple[str, ...]:
        """The fields kept in the record's own columns."""
        elsewhere = set(self.lookups).union(*(link.fields for link in self.persons))
        if self.members:
            elsewhere.update(self.members.keys, self.members.person.fields)
        return tuple(spec.key for spec in self.fields if spec.key not in elsewhere)

    def period(self) -> "ColumnElement":
        """The date a period filters and counts the records by."""
        from sqlalchemy import func

        day = self.table.c[self.date_key]
        return func.coalesce(day, self.table.c[self.date_fallback]) if self.date_fallback else day


# A person who has died, and when: a relative on the person's file, the subject of a slip
DECEASED = Field("deceased", "Đã mất", F.CHOICE, choices=YES_NO, also=TICKED)
DEATH_DATE = Field("death_date", "Năm mất", F.PARTIAL_DATE, not_before="birth_date", approximate=True,
                   hint="thường chỉ ghi năm; không rõ thì ghi «khoảng 1970»")
# Who a person of before 1975 is told apart by in the archives (brief §2.1): a slip's subject, a tàng thư request's
OTHER_NAMES = Field("other_names", "Tên gọi khác", hint="bí danh, tên gọi khác; nhiều tên thì cách nhau bằng dấu phẩy")
GENDER = Field("gender", "Giới tính", F.CHOICE, choices=GENDERS)
FATHER_NAME = Field("father_name", "Họ và tên cha", person_name=True)
MOTHER_NAME = Field("mother_name", "Họ và tên mẹ", person_name=True)

CADRES = Kind("cadres", "Cán bộ", (
    Field("full_name", "Họ và tên", required=True, person_name=True),
    Field("birth_date", "Ngày sinh", F.PARTIAL_DATE, required=True),
    GENDER,
    Field("cccd", "Số CCCD", F.CCCD),
    Field("cmnd", "Số CMND", F.CMND),
    Field("home_town", "Quê quán", place=Place.ADDRESS),
    Field("residence", "Nơi ở hiện nay", place=Place.ADDRESS),
    Field("ethnicity", "Dân tộc"),
    Field("religion", "Tôn giáo"),
    Field("position", "Chức vụ"),
    Field("unit", "Đơn vị công tác"),
    Field("management", "Diện quản lý"),
    Field("party_joined_on", "Ngày vào Đảng", F.DATE),
    Field("party_official_on", "Ngày chính thức", F.DATE),
    Field("party_card_no", "Số thẻ đảng viên"),
    Field("note", "Ghi chú", max_length=LONG_TEXT),
    # Not in the spec's column list: after it, so the contract's columns keep their order (form 2C item 4)
    Field("birth_place", "Nơi sinh", place=Place.ADDRESS, shown_after="birth_date"),
), date_key=None, stored_in="cadres",
    persons=(PersonLink.of("person_id", "full_name", "birth_date", "gender", "cccd", "cmnd", "home_town", "residence",
                           "ethnicity", "religion", "birth_place"),),
    lookups={"unit": UNITS})

# «Cán bộ phụ trách» of a slip or a vetting case: kept by the program (core/in_charge.py), never typed
IN_CHARGE = Field("in_charge", "Cán bộ phụ trách", hint="người dùng phụ trách; lãnh đạo đổi bằng «Bàn giao…»")

SLIPS = Kind("slips", "Phiếu yêu cầu xác minh lai lịch", (
    Field("number", "Số phiếu", required=True, hint="ghi như trên phiếu, ví dụ 12/PXM", as_written=True,
          carried=True),
    Field("issued_on", "Ngày phát hành", F.DATE, required=True, carried=True),
    Field("full_name", "Họ và tên người được xác minh", required=True, person_name=True),
    OTHER_NAMES,
    Field("birth_date", "Ngày sinh", F.PARTIAL_DATE),
    GENDER,
    Field("home_town", "Quê quán", place=Place.ADDRESS),
    Field("residence", "Nơi ở", place=Place.ADDRESS),
    FATHER_NAME,
    MOTHER_NAME,
    Field("spouse_name", "Họ và tên vợ/chồng", person_name=True),
    Field("relation", "Quan hệ", F.CHOICE, choices=RELATIONS, also=RELATIONS_WRITTEN),
    Field("vetted_name", "Họ và tên người được thẩm tra", person_name=True, names_record=True,
          hint="để trống khi Quan hệ là Bản thân"),
    Field("purpose", "Mục đích xác minh", F.CHOICE, choices=SLIP_PURPOSES, carried=True),
    Field("recipient", "Nơi nhận phiếu", required=True, carried=True,
          hint="ví dụ Cục A93B – Bộ Công an; đơn vị mới được thêm vào danh sách", place=Place.PROVINCE),
    Field("result_on", "Ngày nhận kết quả", F.DATE, not_before="issued_on"),
    Field("result", "Kết quả", max_length=LONG_TEXT),
    Field("note", "Ghi chú", max_length=LONG_TEXT),
    # Not in the spec's column list: after it, so the contract's columns keep their order.
    Field("result_no", "Số văn bản trả lời", hint="số công văn trả lời của cơ quan công an, ví dụ 0125/PV06",
          as_written=True),
    # What the police archives search by (brief §2.1), after «Số văn bản trả lời» for the same reason; kept as the
    # slip was sent, as its father's and mother's names are
    Field("birth_place", "Nơi sinh", place=Place.ADDRESS, shown_after="gender"),
    Field("ethnicity", "Dân tộc", shown_after="residence"),
    Field("religion", "Tôn giáo", shown_after="ethnicity"),
    Field("cccd", "Số CCCD", F.CCCD, shown_after="religion"),
    Field("cmnd", "Số CMND", F.CMND, shown_after="cccd"),
    Field("father_birth_date", "Năm sinh của cha", F.PARTIAL_DATE, hint="thường chỉ ghi năm sinh",
          shown_after="father_name"),
    Field("mother_birth_date", "Năm sinh của mẹ", F.PARTIAL_DATE, hint="thường chỉ ghi năm sinh",
          shown_after="mother_name"),
    Field("spouse_birth_date", "Năm sinh của vợ/chồng", F.PARTIAL_DATE, hint="thường chỉ ghi năm sinh",
          shown_after="spouse_name"),
    Field("work_before_1975", "Nghề nghiệp hoặc chức vụ trước 1975", shown_after="spouse_birth_date"),
    Field("place_before_1975", "Đơn vị, địa bàn trước 1975", shown_after="work_before_1975"),
    # that the person has died (the police verify the dead too, brief §1.2), after the archives' particulars for the
    # same reason; asked beside the birth date, as the slip prints it
    replace(DECEASED, shown_after="gender"),
    replace(DEATH_DATE, shown_after="deceased"),
), date_key="issued_on", stored_in="slips",
    persons=(PersonLink.of("person_id", "full_name", "other_names", "birth_date", "gender", "home_town",
                           "residence"),),
    lookups={"recipient": RECIPIENTS}, kept=(IN_CHARGE,))

DELEGATIONS = Kind("delegations", "Đoàn ra nước ngoài", (
    Field("decision_no", "Số quyết định"),
    Field("decision_on", "Ngày quyết định", F.DATE,
          told_if_after=("depart_on", "đoàn đi trước khi có quyết định cử?")),
    Field("name", "Tên đoàn", required=True),
    Field("countries", "Nước đến", required=True, names_countries=True),
    Field("purpose", "Mục đích", F.CHOICE, choices=DELEGATION_PURPOSES, also=PURPOSES_WRITTEN),
    Field("depart_on", "Ngày đi", F.DATE, required=True, planned=True),
    Field("return_on", "Ngày về", F.DATE, required=True, not_before="depart_on", planned=True),
    Field("report_received_on", "Ngày nhận báo cáo", F.DATE, not_before="return_on"),
    Field("full_name", "Họ và tên thành viên", required=True, person_name=True),
    Field("birth_date", "Ngày sinh", F.PARTIAL_DATE),
    Field("home_town", "Quê quán", place=Place.ADDRESS),
    Field("cccd", "Số CCCD", F.CCCD),
    Field("position", "Chức vụ"),
    Field("unit", "Đơn vị công tác"),
    Field("role", "Vai trò", F.CHOICE, choices=MEMBER_ROLES, also=ROLES_WRITTEN),
    # last, so that the columns of lists written before it keep their places
    Field("status", "Tình trạng", F.CHOICE, choices=TRIP_STATUSES, also=STATUSES_WRITTEN,
          hint="để trống khi đoàn đi theo quyết định"),
    # after «Tình trạng», for the same reason
    Field("in_plan", "Trong kế hoạch đối ngoại năm", F.CHOICE, choices=YES_NO, also=TICKED,
          hint="kế hoạch đối ngoại năm được Ban Thường vụ Tỉnh ủy phê duyệt; để trống khi chưa rõ",
          told_if=(NO, "đoàn không có trong kế hoạch đối ngoại năm được Ban Thường vụ Tỉnh ủy phê duyệt; "
                            "hãy xem lại văn bản cho phép đoàn đi ngoài kế hoạch")),
    Field("not_going", "Không đi (lý do)", hint="lý do thành viên có tên trong quyết định mà không đi, ví dụ "
          "«ốm», «thay đổi công tác»; để trống khi đi"),
    # after «Không đi (lý do)», for the same reason
    Field("funding", "Kinh phí", hint="nguồn kinh phí hoặc đơn vị tài trợ chuyến đi, ví dụ «Ngân sách tỉnh», "
          "«Công ty A tài trợ», «Phía bạn đài thọ»"),
    # the written report after the trip (brief §1.5: to Thường trực Tỉnh ủy), after «Kinh phí», for the same reason
    Field("report_no", "Số báo cáo", hint="số văn bản báo cáo kết quả chuyến đi, ví dụ 15-BC/SNN", as_written=True),
    Field("report_on", "Ngày báo cáo", F.DATE, not_before="return_on",
          told_if_after=("report_received_on", "báo cáo được nhận trước ngày ghi trên báo cáo?")),
    Field("report_to", "Nơi nhận báo cáo", hint="cơ quan, người nhận báo cáo kết quả chuyến đi, ví dụ «Thường trực "
          "Tỉnh ủy»"),
), date_key="decision_on", date_fallback="depart_on", stored_in="delegations",
    members=Members("delegation_members", "delegation_id", "cadre_id", ("position", "unit", "role", "not_going"),
                    PersonLink.of("person_id", "full_name", "birth_date", "home_town", "cccd", cadre=True),
                    "Thành viên"))

ARCHIVE_REQUESTS = Kind("archive-requests", "Nghiên cứu tàng thư", (
    Field("request_kind", "Loại yêu cầu", F.CHOICE, required=True, choices=ARCHIVE_KINDS),
    Field("province", "Tỉnh/thành", required=True, place=Place.PROVINCE),
    Field("doc_no", "Số văn bản", as_written=True),
    Field("doc_on", "Ngày văn bản", F.DATE, required=True),
    Field("full_name", "Họ và tên đối tượng", required=True, person_name=True),
    Field("birth_date", "Ngày sinh", F.PARTIAL_DATE),
    Field("home_town", "Quê quán", place=Place.ADDRESS),
    Field("answered_on", "Ngày trả lời", F.DATE, not_before="doc_on"),
    Field("result", "Kết quả", max_length=LONG_TEXT),
    # Not in the spec's column list: after it, so the contract's columns keep their order. What the archives are
    # searched for (brief §2.1), and the reply letter — ours to the other province, or theirs to us
    Field("work_before_1975", "Chức vụ trước 1975", shown_after="home_town",
          hint="nghề nghiệp, chức vụ dưới chế độ cũ, ví dụ «Trung sĩ Địa phương quân»"),
    Field("reply_no", "Số văn bản trả lời", as_written=True, shown_after="answered_on",
          hint="số công văn trả lời: của ta gửi tỉnh bạn, hoặc của tỉnh bạn gửi ta"),
    Field("extract", "Trích lục kèm theo", F.CHOICE, choices=YES_NO, also=TICKED, shown_after="reply_no",
          hint="công văn trả lời có kèm trích lục tài liệu tàng thư hay không"),
    # after «Trích lục kèm theo», for the same reason: what tells persons of before 1975 apart in the archives, kept
    # on the person as a slip's subject's are, the parents as the request was sent
    replace(OTHER_NAMES, shown_after="full_name"),
    replace(GENDER, shown_after="birth_date"),
    replace(FATHER_NAME, shown_after="work_before_1975"),
    replace(MOTHER_NAME, shown_after="father_name"),
), date_key="doc_on", stored_in="archive_requests",
    persons=(PersonLink.of("person_id", "full_name", "other_names", "birth_date", "gender", "home_town"),))

COMPLAINTS = Kind("complaints", "Đơn thư", (
    Field("received_on", "Ngày nhận", F.DATE, required=True),
    Field("sender", "Người gửi", hint=f"họ và tên, hoặc {ANONYMOUS}", also=((ANONYMOUS, ANONYMOUS),)),
    Field("complaint_kind", "Loại đơn", F.CHOICE, required=True, choices=COMPLAINT_KINDS),
    Field("subject_name", "Họ và tên người bị phản ánh", person_name=True, names_record=True),
    Field("summary", "Nội dung tóm tắt", required=True, max_length=LONG_TEXT),
    Field("due_on", "Hạn giải quyết", F.DATE, planned=True, not_before="received_on"),
    Field("resolved_on", "Ngày giải quyết", F.DATE, not_before="received_on"),
    Field("result", "Kết quả", max_length=LONG_TEXT),
    # Not in the spec's column list: after it, so the contract's columns keep their order. Where the letter went
    # (the body competent for it) and when its sender was told, shown on the form before its resolution
    Field("sender_address", "Địa chỉ người gửi", place=Place.ADDRESS, shown_after="sender"),
    Field("forwarded_to", "Chuyển đến", hint="cơ quan, đơn vị có thẩm quyền được chuyển đơn, ví dụ «Ủy ban Kiểm tra "
          "Tỉnh ủy»", shown_after="due_on"),
    Field("forwarded_on", "Ngày chuyển", F.DATE, not_before="received_on", shown_after="forwarded_to"),
    Field("replied_on", "Ngày trả lời người gửi", F.DATE, not_before="received_on", shown_after="forwarded_on",
          empty_if=("sender", ANONYMOUS, f"Người gửi «{ANONYMOUS}»: không có ai để trả lời; hãy để trống «Ngày trả "
                    "lời người gửi» (hoặc ghi họ tên người gửi, nếu đơn có ký tên)")),
), date_key="received_on", stored_in="complaints", named_cadre=NamedCadre("person_id", "subject_name"))

RELATIVES = Kind("relatives", "Thân nhân", (
    Field("cadre_name", "Họ và tên cán bộ", required=True, person_name=True),
    Field("cadre_birth_date", "Ngày sinh cán bộ", F.PARTIAL_DATE, required=True),
    Field("relation", "Quan hệ", F.CHOICE, required=True, choices=RELATIONS,
          also=RELATIONS_WRITTEN),
    Field("full_name", "Họ và tên thân nhân", required=True, person_name=True),
    Field("birth_date", "Ngày sinh", F.PARTIAL_DATE, hint="thường chỉ ghi năm sinh"),
    Field("home_town", "Quê quán", place=Place.ADDRESS),
    Field("residence", "Nơi ở", place=Place.ADDRESS),
    Field("occupation", "Nghề nghiệp"),
    Field("abroad", "Ở nước ngoài", F.CHOICE, choices=YES_NO, also=TICKED),
    Field("country", "Nước", names_countries=True),
    Field("abroad_since", "Từ năm", F.YEAR, not_before="birth_date"),
    Field("abroad_work", "Công việc ở nước ngoài"),
    DECEASED,
    DEATH_DATE,
    # after «Năm mất», for the same reason: what the slip drafted about the relative asks for
    Field("birth_place", "Nơi sinh", place=Place.ADDRESS, shown_after="birth_date"),
    # a Party member declared so on the list, most not in the cadres register (HD 06-HD/TW mục 3.4c, brief §1.2)
    Field("party_member", "Đảng viên", F.CHOICE, choices=YES_NO, also=TICKED, shown_after="occupation"),
    # tells namesake cadres of one birth date apart (the cadre lookup narrows by it when given)
    Field("cadre_home_town", "Quê quán cán bộ", place=Place.ADDRESS, shown_after="cadre_birth_date"),
), date_key=None, stored_in="relatives",
    persons=(PersonLink.of("relative_id", "full_name", "birth_date", "home_town", "residence", "birth_place"),
             PersonLink("person_id", {"cadre_name": "full_name", "cadre_birth_date": "birth_date",
                                      "cadre_home_town": "home_town"}, cadre=True)))

KINDS = {kind.name: kind for kind in (CADRES, SLIPS, DELEGATIONS, ARCHIVE_REQUESTS, COMPLAINTS, RELATIVES)}


def gender_told(values: Mapping[str, object]) -> object:
    """The gender of a row's person: as written, else as its relation tells it (a father is «Nam»)."""
    return values.get("gender") or GENDER_OF.get(values.get("relation"))


def gender_doubts(values: Mapping[str, object]) -> list[RowProblem]:
    """The gender written against the one its relation tells («Nữ» for a «Cha»): told at the gender, not refused
    (old lists hold such slips)."""
    gender, told = values.get("gender"), GENDER_OF.get(values.get("relation"))
    if gender and told and gender != told:
        return [RowProblem(f"giới tính «{gender}» trái với quan hệ «{values['relation']}» (giới tính «{told}»): "
                           "hãy xem lại một trong hai cột", "gender")]
    return []


def kind_named(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise InputError(f"Loại dữ liệu «{name}» không có; chọn một trong: {', '.join(KINDS)}.") from None
