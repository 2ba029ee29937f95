"""The passport custody register (sổ theo dõi giao, nhận hộ chiếu, brief §1.5): the passports of cadres the
office keeps or follows, and each time one is handed to its holder for a trip and received back.

A diplomatic or official passport is not used for private travel, and comes back to the managing body
within the working days of han_nop_lai_ho_chieu_ngay after the trip's return (deadlines.passport_return_due).
Custody of ordinary passports is a local practice: they are kept the same way when the office keeps them.
What the officer should know is told, not refused (a private trip on an official passport, an expired
passport); what cannot be true is refused (a passport handed out twice, received back before it went).
"""

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import audit, settings
from .database import Database
from .dates import FULL_FORM, add_months, display_date
from .deadlines import (
    Due,
    late_by,
    passport_owed,
    passport_return_due,
    return_unwritten_due,
    trip_return_on,
)
from .editing import VERSION
from .errors import InputError
from .fields import LONG_TEXT, Field, FieldType
from .kinds import YES_NO
from .numbers import grouped
from .permissions import Action
from .personfile import writes
from .schema import ONE_OUT, cadres, delegation_members, delegations, passport_handovers, passports, persons
from .text import clean, fold
from .trip_status import going

KIND = "passports"
HANDOVERS = "passport-handovers"  # what the trail and the notifier call the handovers
DIPLOMATIC, OFFICIAL, ORDINARY = "Ngoại giao", "Công vụ", "Phổ thông"
PASSPORT_TYPES = (DIPLOMATIC, OFFICIAL, ORDINARY)
NOT_FOR_PRIVATE = (DIPLOMATIC, OFFICIAL)
LEAVING_MONTHS = 6  # a passport valid this long more on the day of leaving (Luật Xuất cảnh, nhập cảnh 2019, Điều 33)
WITH_DELEGATION, PRIVATE = "Theo đoàn công tác", "Việc riêng"
KEPT, NOT_KEPT = YES_NO
NAMED_BY = ("passport_type", "number")  # what the trail names a passport by (besides its id)
HANDOVER_NAMED_BY = ("handed_on", "trip")

NOTE = Field("note", "Ghi chú", max_length=LONG_TEXT)
KEPT_FIELD = Field("kept", "Cơ quan giữ", FieldType.CHOICE, choices=YES_NO,
                   hint="hộ chiếu do cơ quan giữ khi không đi")
PASSPORT_FIELDS = (
    Field("passport_type", "Loại hộ chiếu", FieldType.CHOICE, required=True, choices=PASSPORT_TYPES,
          also=tuple((f"Hộ chiếu {kind}", kind) for kind in PASSPORT_TYPES)),
    Field("number", "Số hộ chiếu", required=True, as_written=True, hint="ví dụ C1234567"),
    Field("issued_on", "Ngày cấp", FieldType.DATE),
    Field("expires_on", "Có giá trị đến", FieldType.DATE, planned=True, not_before="issued_on"),
    KEPT_FIELD,
    NOTE,
)
HANDED_ON = Field("handed_on", "Ngày giao", FieldType.DATE, required=True)
TRIP = Field("trip", "Chuyến đi", FieldType.CHOICE, required=True, choices=(WITH_DELEGATION, PRIVATE))
DECISION = Field("decision_no", "Số quyết định cử đoàn", as_written=True, hint="ví dụ 125-QĐ/TU")
TRIP_RETURN = Field("trip_return_on", "Ngày về", FieldType.DATE, planned=True, not_before="handed_on",
                    hint=f"{FULL_FORM}; để trống khi đi theo đoàn: lấy ngày về của đoàn")
RETURNED_ON = Field("returned_on", "Ngày nhận lại", FieldType.DATE, not_before="handed_on")
HANDOVER_NOTE = Field("note", "Ghi chú", max_length=LONG_TEXT)
HANDOUT_FIELDS = (HANDED_ON, TRIP, DECISION, TRIP_RETURN)  # a note is added to the ledger's line
HANDOVER_FIELDS = (HANDED_ON, TRIP, DECISION, TRIP_RETURN, RETURNED_ON, HANDOVER_NOTE)
RETURN_FIELDS = (Field("returned_on", "Ngày nhận lại", FieldType.DATE, required=True),)
# A passport reported lost is cancelled (Luật Xuất cảnh, nhập cảnh 2019): never handed out again, owed back no more.
LOST_FIELDS = (Field("lost_on", "Ngày báo mất", FieldType.DATE, required=True),
               Field("lost_note", "Nội dung báo mất", max_length=LONG_TEXT,
                     hint="nơi, hoàn cảnh mất; cơ quan đã trình báo"))
LOST_IS_FINAL = ("Hộ chiếu đã trình báo mất bị hủy giá trị và không được khôi phục (Luật Xuất cảnh, nhập cảnh của "
                 "công dân Việt Nam 2019): báo mất không rút lại được, hộ chiếu không giao lại được, kể cả khi tìm "
                 "thấy. Chỉ ghi khi người giữ đã trình báo mất (ghi nhầm hộ chiếu: «Hủy báo mất» với lý do).")
# A loss typed on the wrong passport (the holder's other one) is withdrawn, its reason kept in the passport's note.
WITHDRAW_LOSS_FIELDS = (Field("reason", "Lý do hủy báo mất", required=True, max_length=LONG_TEXT,
                              hint="ví dụ: ghi nhầm, hộ chiếu bị mất là hộ chiếu phổ thông C0012345"),)
RETURN_BEFORE_LOSS = ("Nếu đã nhận lại trước ngày báo mất: ghi «Ngày nhận lại» bằng «Sửa» ở dòng giao trong sổ giao, "
                      "nhận hộ chiếu.")
STATE = Field("state", "Tình trạng")  # where the passport is (`states`), never typed
KEPT_SHOWN = Field("kept_shown", KEPT_FIELD.header)  # «Cơ quan giữ» as a list shows it: not of one lost
IN_CUSTODY = "Cơ quan đang giữ"
DUE = Field("due_on", "Hạn nộp lại", FieldType.DATE)  # worked out (passport_return_due), never typed
DUE_SHOWN = Field("due_shown", DUE.header)  # DUE on screen: with how late (deadlines.late_by) it is or came back
OUT_SINCE, LAST_BACK = "out_since", "last_back"  # a passport's open handover's day, its last handback's


# -- passports -------------------------------------------------------------------------------

def add_passport(db: Database, person_id: int, raw: dict[str, Any]) -> int:
    """Records a passport of the cadre `person_id`; refused for one who is not a cadre, and for a number
    already in the register."""
    db.require(Action.EDIT, "thêm hộ chiếu")
    values = _passport_values(raw)
    with db.write() as connection:
        _cadre(connection, person_id)
        _number_free(connection, values["number"])
        return writes.insert(db, connection, passports, KIND, {**values, "person_id": person_id})


def update_passport(db: Database, passport_id: int, raw: dict[str, Any],
                    seen: tuple[int, ...] | None = None) -> list[str]:
    """Corrects a passport; returns the keys that changed (refused as `add_passport` is, and when changed
    since `seen`)."""
    db.require(Action.EDIT, "sửa hộ chiếu")
    values = _passport_values(raw)
    with db.write() as connection:
        passport = writes.current(connection, passports, passport_id, "hộ chiếu")
        writes.check_unchanged(passport, seen)
        _number_free(connection, values["number"], passport_id)
        return writes.update(db, connection, passports, KIND, passport, values, NAMED_BY)


@dataclass(frozen=True)
class Holder:
    person_id: int
    full_name: str
    birth_date: str | None  # ISO at its precision


def holder_of(db: Database, passport_id: int) -> Holder:
    """Whose the passport is; InputError when it is not in the register."""
    db.require(Action.BROWSE, "xem hộ chiếu")
    with db.read() as connection:
        row = connection.execute(select(persons.c.id, persons.c.full_name, persons.c.birth_date)
                                 .select_from(passports.join(persons))
                                 .where(passports.c.id == passport_id, passports.c.deleted_at.is_(None))).first()
    if row is None:
        raise InputError(f"Không có hộ chiếu số {passport_id} trong sổ.")
    return Holder(*row)


def view_holder(db: Database, passport_id: int) -> Holder:
    """`holder_of`, the officer opening the passport's window: the trail records whose passports were viewed."""
    holder = holder_of(db, passport_id)
    audit.viewed(db, audit.VIEWED, KIND, passport_id, audit.named({"full_name": holder.full_name}, ("full_name",)))
    return holder


def passports_of(db: Database, person_id: int) -> list[dict[str, Any]]:
    """The person's passports, the latest issued first (those without a day of issue last), each with its
    holder's name, where it is (`states`), whether the office keeps it as a list shows it (KEPT_SHOWN), the day
    it went out when it is not received back (OUT_SINCE) and the day it last came back (LAST_BACK)."""
    db.require(Action.BROWSE, "xem hộ chiếu")
    with db.read() as connection:
        return held_by(connection, [person_id], db.clock().date())


def held_by(connection: Connection, person_ids: Sequence[int], today: dt.date) -> list[dict[str, Any]]:
    """`passports_of` the people `person_ids` on `today`, read at once: each person's in that order."""
    found = connection.execute(select(passports, persons.c.full_name, kept_shown(today).label(KEPT_SHOWN.key))
                               .select_from(passports.join(persons))
                               .where(passports.c.person_id.in_(person_ids), passports.c.deleted_at.is_(None))
                               .order_by(passports.c.issued_on.desc(), passports.c.id.desc())).mappings().all()
    ids = [row["id"] for row in found]
    where = states(connection, ids, today)
    handed = {row.passport_id: row for row in connection.execute(
        select(passport_handovers.c.passport_id,
               func.max(case((passport_handovers.c.returned_on.is_(None), passport_handovers.c.handed_on)))
               .label(OUT_SINCE), func.max(passport_handovers.c.returned_on).label(LAST_BACK))
        .where(passport_handovers.c.passport_id.in_(ids), passport_handovers.c.deleted_at.is_(None))
        .group_by(passport_handovers.c.passport_id))}
    order = {person_id: at for at, person_id in enumerate(person_ids)}
    return sorted(({**row, VERSION: (row["row_version"],), STATE.key: where[row["id"]],
                    OUT_SINCE: getattr(handed.get(row["id"]), OUT_SINCE, None),
                    LAST_BACK: getattr(handed.get(row["id"]), LAST_BACK, None)} for row in found),
                  key=lambda passport: order[passport["person_id"]])


def kept_shown(today: dt.date | ColumnElement) -> ColumnElement:
    """KEPT_SHOWN on `today` (a day, or the bound day a register is read on): whether the office keeps the passport,
    "" once it was reported lost by then (it is kept by no one: cancelled)."""
    return case((passports.c.lost_on <= today, ""), else_=passports.c.kept)


def called(passport: Mapping[str, Any], holder: bool = True) -> str:
    """How the officer tells a passport (its `passport_type`, `number` and holder's `full_name`): «Hộ chiếu công
    vụ B1234567 – Nguyễn Văn Hùng»; without the `holder` where a list names them already."""
    said = f"Hộ chiếu {passport['passport_type'].lower()} {passport['number']}"
    return f"{said} – {passport['full_name']}" if holder else said


def hand_out_refused(passport: Mapping[str, Any]) -> str | None:
    """Why a passport of `passports_of` cannot be handed out (`hand_out` refuses it): it is lost, or out; None
    when it can."""
    if passport["lost_on"] is not None:
        return _lost(passport)
    return f"{_out_with(passport, passport[OUT_SINCE])}." if passport[OUT_SINCE] is not None else None


def _lost(passport: Mapping[str, Any]) -> str:
    return (f"Hộ chiếu {passport['number']} đã báo mất ngày {display_date(passport['lost_on'])}: hộ chiếu đã bị hủy "
            "giá trị, không giao được.")


def owed_no_more(passport: Mapping[str, Any]) -> str:
    """Why the passport reported lost (its `number`, `lost_on`) is not received back from that day on."""
    return f"Hộ chiếu {passport['number']} đã báo mất ngày {display_date(passport['lost_on'])}: không còn phải nộp lại."


def take_back_refused(passport: Mapping[str, Any]) -> str | None:
    """Why a passport of `passports_of` cannot be received back: it is not out, or it was reported lost (`take_back`
    then takes only a return before the loss, recorded late: written on the ledger's line); None when it can."""
    if passport[OUT_SINCE] is None:
        return _nothing_out(passport["number"], passport[LAST_BACK])
    return f"{owed_no_more(passport)} {RETURN_BEFORE_LOSS}" if passport["lost_on"] is not None else None


def _out_with(passport: Mapping[str, Any], handed_on: dt.date) -> str:
    return (f"Hộ chiếu {passport['number']} đang giao cho {passport['full_name']} từ ngày {display_date(handed_on)}, "
            "chưa nhận lại")


def _nothing_out(number: str, last_back: dt.date | None) -> str:
    back = f" đã được nhận lại ngày {display_date(last_back)}," if last_back else ""
    return f"Hộ chiếu {number}{back} không đang giao cho ai: không có gì để nhận lại."


def states(connection: Connection, passport_ids: list[int], today: dt.date) -> dict[int, str]:
    """Where each passport is on `today`: reported lost (when, and what was reported), else with its holder since a
    day (until when, how late) or kept by the office or not — after, first so that a narrow column shows it, that
    it has expired or is valid less than LEAVING_MONTHS more (`validity`)."""
    history = settings.read_history(connection)
    stored = connection.execute(select(passports.c.id, passports.c.kept, passports.c.expires_on, passports.c.lost_on,
                                       passports.c.lost_note).where(passports.c.id.in_(passport_ids))).all()
    out = {row["passport_id"]: row for row in connection.execute(
        select(passport_handovers.c.passport_id, passport_handovers.c.handed_on,
               trip_return_on().label(TRIP_RETURN.key))
        .where(passport_handovers.c.passport_id.in_(passport_ids), out_on(today))).mappings()}
    return {passport_id: _lost_said(lost_on, lost_note, today)
            or _joined(validity(expires_on, today), _state(kept, out.get(passport_id), history, today))
            for passport_id, kept, expires_on, lost_on, lost_note in stored}


def remark(passport: Mapping[str, Any], today: dt.date) -> str:
    """What the printed register notes of a passport (its `lost_on`, `lost_note`, `expires_on`) on `today`: that
    it was reported lost, and what was reported, else its `validity`."""
    return _lost_said(passport["lost_on"], passport["lost_note"], today) or validity(passport["expires_on"], today)


def _lost_said(lost_on: dt.date | None, lost_note: str | None, today: dt.date) -> str:
    """That the passport was reported lost by `today`, on which day, and what was reported; "" otherwise."""
    lost = lost_by(lost_on, today)
    return f"{lost}: {lost_note}" if lost and lost_note else lost


def validity(expires_on: dt.date | None, today: dt.date) -> str:
    """That a passport has expired by `today`, or is valid less than LEAVING_MONTHS more (not enough to leave);
    "" otherwise."""
    if expires_on is not None and expires_on < today:
        return f"Hết hạn từ {display_date(expires_on)}"
    if expires_on is not None and expires_on < valid_to_leave(today):
        return f"Còn hạn dưới {LEAVING_MONTHS} tháng (đến {display_date(expires_on)})"
    return ""


def valid_to_leave(today: dt.date) -> dt.date:
    """The day a passport must be valid past to leave on `today`: LEAVING_MONTHS later."""
    return add_months(today, LEAVING_MONTHS)


def _joined(*parts: str) -> str:
    """Parts of one sentence: «Hết hạn từ …; cơ quan đang giữ»."""
    said = [part for part in parts if part]
    return "; ".join(said[:1] + [part[0].lower() + part[1:] for part in said[1:]])


def out_on(today: dt.date) -> ColumnElement:
    """The handovers a passport is out on, on `today`: handed out that day or before, not yet received back nor
    reported lost."""
    return and_(passport_handovers.c.deleted_at.is_(None), passport_handovers.c.handed_on <= today,
                passport_owed(today))


def state_order(today: dt.date | ColumnElement, leaving: dt.date | ColumnElement) -> ColumnElement:
    """The passports in the order of what their cell says first on `today` (`states`), `leaving` its
    `valid_to_leave`: kept by the office, out with their holders, not kept, valid less than LEAVING_MONTHS more,
    expired, reported lost; NULL for one nothing says where it is (an empty cell)."""
    out = passports.c.id.in_(select(passport_handovers.c.passport_id).where(out_on(today)))
    return case((passports.c.lost_on <= today, 6), (passports.c.expires_on < today, 5),
                (passports.c.expires_on < leaving, 4), (out, 2), (passports.c.kept == KEPT, 1),
                (passports.c.kept == NOT_KEPT, 3))


def lost_by(lost_on: dt.date | None, today: dt.date) -> str:
    """That the passport was reported lost (on `lost_on`), when it was by `today`; "" otherwise."""
    return f"Đã báo mất ngày {display_date(lost_on)}" if lost_on is not None and lost_on <= today else ""


def _state(kept: str | None, handover: Mapping[str, Any] | None, history: settings.History, today: dt.date) -> str:
    if handover is None:
        return IN_CUSTODY if kept == KEPT else "Cơ quan không giữ" if kept == NOT_KEPT else ""
    given = f"Đã giao ngày {display_date(handover['handed_on'])}"
    if handover["trip_return_on"] is None:
        return f"{given}, chưa có ngày về"
    due = passport_return_due(handover["trip_return_on"], history)
    return f"{given}, hạn nộp lại {late_by(due, due < today, today)}"


def _passport_values(raw: dict[str, Any]) -> dict[str, Any]:
    values = writes.parse(PASSPORT_FIELDS, raw)
    values["number"] = "".join(values["number"].split()).upper()  # «c 123 4567»: C1234567
    return values


def _cadre(connection: Connection, person_id: int) -> None:
    writes.person_exists(connection, person_id)
    if connection.execute(select(cadres.c.id).where(cadres.c.person_id == person_id,
                                                    cadres.c.deleted_at.is_(None))).first() is None:
        raise InputError("Người giữ hộ chiếu phải là cán bộ trong danh sách cán bộ: hãy thêm cán bộ trước.")


def restorable(connection: Connection, passport_id: int) -> None:
    """Refuses a passport coming back from the recycle bin while its number is another's in the register."""
    number = connection.execute(select(passports.c.number).where(passports.c.id == passport_id)).scalar_one()
    _number_free(connection, number, passport_id)


def _number_free(connection: Connection, number: str, but: int | None = None) -> None:
    holder = connection.execute(
        select(persons.c.full_name).select_from(passports.join(persons))
        .where(passports.c.number == number, passports.c.deleted_at.is_(None), passports.c.id != (but or 0))).first()
    if holder is not None:
        raise InputError(f"Hộ chiếu số {number} đã có trong sổ (của {holder.full_name}); hãy xem lại số hộ chiếu.")


# -- handovers -------------------------------------------------------------------------------

def hand_out(db: Database, passport_id: int, raw: dict[str, Any]) -> int:
    """Records the passport handed to its holder for a trip: with a delegation, linked to it by its decision
    number (its day of return taken when none is typed), or private. Refused while the passport is out."""
    db.require(Action.EDIT, "giao hộ chiếu")
    values = writes.parse(HANDOUT_FIELDS, raw)
    with db.write() as connection:
        [made] = handed_out(db, connection, [passport_id], values)
        return made


def handed_out(db: Database, connection: Connection, passport_ids: Sequence[int], values: dict[str, Any]
               ) -> list[int]:
    """`hand_out` of the passports `passport_ids` within the write `connection`, of `values` parsed, read at
    once: their handovers' ids (one refused: InputError, and the write is undone)."""
    stored = _current(connection, passport_ids)
    opened, last_back = _open_handovers(connection, passport_ids), _last_returned(connection, passport_ids)
    trips = _trips(connection, [passport["person_id"] for passport in stored.values()], values)
    made = []
    for passport_id in passport_ids:
        passport = stored[passport_id]
        if passport["lost_on"] is not None:
            raise InputError(_lost(passport))
        _not_out(connection, passport, values["handed_on"], opened.get(passport_id), last_back.get(passport_id))
        with _one_out(passport):
            made.append(writes.insert(db, connection, passport_handovers, HANDOVERS, {
                **values, "delegation_id": trips[passport["person_id"]]["delegation_id"], "passport_id": passport_id}))
    return made


def _current(connection: Connection, passport_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """`writes.current` of each passport, read at once."""
    stored = {row["id"]: dict(row) for row in connection.execute(select(passports).where(
        passports.c.id.in_(passport_ids), passports.c.deleted_at.is_(None))).mappings()}
    for passport_id in passport_ids:
        if passport_id not in stored:
            raise InputError(f"Không có hộ chiếu số {passport_id}.")
    if len(set(passport_ids)) < len(passport_ids):
        twice = next(passport_id for passport_id in passport_ids if passport_ids.count(passport_id) > 1)
        raise InputError(f"Hộ chiếu {stored[twice]['number']} được chọn hai lần: mỗi hộ chiếu chỉ ghi một lần.")
    return stored


def lost_doubts(_db: Database, passport: Mapping[str, Any], _values: dict[str, Any]) -> list[str]:
    """What the officer confirms before a passport is first reported lost: that it cannot be withdrawn."""
    return [] if passport["lost_on"] is not None else [LOST_IS_FINAL]


def report_lost(db: Database, passport_id: int, raw: dict[str, Any]) -> list[str]:
    """Records the passport reported lost on a day, with what was reported (a correction: the day typed again);
    returns the keys that changed. Refused after today (the program's clock), and before the day it was last
    handed out, or received back."""
    db.require(Action.EDIT, "báo mất hộ chiếu")
    values = writes.parse(LOST_FIELDS, raw)
    today = db.clock().date()
    if values["lost_on"] > today:
        raise InputError(f"Ngày báo mất ({display_date(values['lost_on'])}) sau ngày hôm nay "
                         f"({display_date(today)}): hãy xem lại ngày báo mất.")
    with db.write() as connection:
        passport = writes.current(connection, passports, passport_id, "hộ chiếu")
        last_out = connection.execute(select(func.max(passport_handovers.c.handed_on)).where(
            passport_handovers.c.passport_id == passport_id, passport_handovers.c.deleted_at.is_(None))).scalar()
        last_back = _last_returned(connection, [passport_id]).get(passport_id)
        for last, done in ((last_out, "giao"), (last_back, "nhận lại")):
            if last is not None and values["lost_on"] < last:
                raise InputError(f"Ngày báo mất ({display_date(values['lost_on'])}) trước ngày {done} hộ chiếu lần "
                                 f"cuối ({display_date(last)}): hãy xem lại ngày báo mất.")
        return writes.update(db, connection, passports, KIND, passport, values, NAMED_BY)


def withdraw_loss_refused(passport: Mapping[str, Any]) -> str | None:
    """Why the loss of a passport of `passports_of` cannot be withdrawn (`withdraw_loss` refuses it): none is
    recorded; None when it can."""
    return None if passport["lost_on"] is not None else (
        f"Hộ chiếu {passport['number']} không ghi báo mất: không có gì để hủy.")


def withdraw_loss_doubts(_db: Database, passport: Mapping[str, Any], _values: dict[str, Any]) -> list[str]:
    """What the officer confirms before withdrawing a passport's loss: that it was recorded by mistake."""
    return [f"Hủy báo mất hộ chiếu {passport['number']} (báo mất ngày {display_date(passport['lost_on'])}) vì đã "
            "ghi nhầm? Hộ chiếu đã thật sự trình báo mất thì bị hủy giá trị: không hủy báo mất."]


def withdraw_loss(db: Database, passport_id: int, raw: dict[str, Any], seen: tuple[int, ...] | None = None
                  ) -> list[str]:
    """Withdraws a loss recorded by mistake (on the wrong passport): the passport is as before it, its note says
    when the loss was withdrawn and why, and the trail keeps what the loss said with the reason; returns the keys
    that changed. Refused when no loss is recorded."""
    db.require(Action.EDIT, "hủy báo mất hộ chiếu")
    reason = writes.parse(WITHDRAW_LOSS_FIELDS, raw)["reason"]
    with db.write() as connection:
        passport = writes.current(connection, passports, passport_id, "hộ chiếu")
        writes.check_unchanged(passport, seen)
        if (refused := withdraw_loss_refused(passport)) is not None:
            raise InputError(refused)
        said = (f"Hủy báo mất ngày {display_date(passport['lost_on'])} (ghi ngày {display_date(db.clock().date())}): "
                f"{reason}")
        note = "\n".join(filter(None, (passport["note"], said)))
        if len(note) > NOTE.max_length:
            raise InputError(f"Ghi chú của hộ chiếu {passport['number']} không đủ chỗ ghi việc hủy báo mất "
                             f"({grouped(len(note))}/{grouped(NOTE.max_length)} ký tự): hãy rút gọn ghi chú hoặc lý do "
                             "rồi hủy báo mất lại.")
        return writes.update(db, connection, passports, KIND, passport,
                             {"lost_on": None, "lost_note": None, "note": note}, NAMED_BY, why=reason)


def take_back(db: Database, passport_id: int, raw: dict[str, Any]) -> None:
    """Records the passport received back from its holder, closing the handover it is out on."""
    db.require(Action.EDIT, "nhận lại hộ chiếu")
    returned_on = writes.parse(RETURN_FIELDS, raw)["returned_on"]
    with db.write() as connection:
        taken_back(db, connection, [passport_id], returned_on)


def taken_back(db: Database, connection: Connection, passport_ids: Sequence[int], returned_on: dt.date
               ) -> list[int]:
    """`take_back` of the passports `passport_ids` within the write `connection`, read at once: the handovers
    closed. Refused after the day a passport was reported lost (a return recorded late, from before it, is
    taken)."""
    stored, opened = _current(connection, passport_ids), _open_handovers(connection, passport_ids)
    for passport_id in passport_ids:
        passport, handover = stored[passport_id], opened.get(passport_id)
        if handover is None:
            raise InputError(_nothing_out(passport["number"], _last_returned(connection, [passport_id]).get(
                passport_id)))
        _owed_on(passport, returned_on)
        if returned_on < handover["handed_on"]:
            raise InputError(f"Ngày nhận lại ({display_date(returned_on)}) trước ngày giao "
                             f"({display_date(handover['handed_on'])}): hãy xem lại một trong hai ngày.")
        writes.update(db, connection, passport_handovers, HANDOVERS, handover, {"returned_on": returned_on},
                      HANDOVER_NAMED_BY)
    return [opened[passport_id]["id"] for passport_id in passport_ids]


def _owed_on(passport: Mapping[str, Any], returned_on: dt.date) -> None:
    """Refuses the passport received back after the day it was reported lost."""
    if passport["lost_on"] is not None and passport["lost_on"] < returned_on:
        raise InputError(owed_no_more(passport))


def update_handover(db: Database, handover_id: int, raw: dict[str, Any],
                    seen: tuple[int, ...] | None = None) -> list[str]:
    """Corrects a line of the ledger (received back: before the passport was reported lost); returns the keys
    that changed."""
    db.require(Action.EDIT, "sửa sổ giao, nhận hộ chiếu")
    values = writes.parse(HANDOVER_FIELDS, raw)
    with db.write() as connection:
        handover = writes.current(connection, passport_handovers, handover_id, "lần giao hộ chiếu")
        writes.check_unchanged(handover, seen)
        passport = writes.current(connection, passports, handover["passport_id"], "hộ chiếu")
        if values["returned_on"] is None:
            _none_open(connection, passport, _open_handovers(connection, [passport["id"]], handover_id).get(
                passport["id"]))
        else:
            _owed_on(passport, values["returned_on"])
        trip = _trips(connection, [holder := passport["person_id"]], values)[holder]
        with _one_out(passport):
            return writes.update(db, connection, passport_handovers, HANDOVERS, handover,
                                 {**values, "delegation_id": trip["delegation_id"]}, HANDOVER_NAMED_BY)


def handovers_of(db: Database, person_id: int) -> list[dict[str, Any]]:
    """The ledger's lines of the person's passports, newest first, each with its passport's number, its trip's
    day of return (`deadlines.trip_return_on`), the day it is due back, and that day as the ledger shows it
    (DUE_SHOWN: how late, while the passport is not back, as its state says it)."""
    db.require(Action.BROWSE, "xem sổ giao, nhận hộ chiếu")
    today = db.clock().date()
    with db.read() as connection:
        history = settings.read_history(connection)
        rows = connection.execute(
            select(passport_handovers.c.id, passport_handovers.c.handed_on, passport_handovers.c.trip,
                   passport_handovers.c.decision_no, passport_handovers.c.delegation_id,
                   trip_return_on().label(TRIP_RETURN.key), passport_handovers.c.returned_on,
                   passport_handovers.c.note, passport_handovers.c.row_version,
                   passports.c.number.label("passport_number"), passports.c.lost_on)
            .select_from(passport_handovers.join(passports))
            .where(passports.c.person_id == person_id, passports.c.deleted_at.is_(None),
                   passport_handovers.c.deleted_at.is_(None))
            .order_by(passport_handovers.c.handed_on.desc(), passport_handovers.c.id.desc())).mappings().all()
    lines = [{**row, VERSION: (row["row_version"],),
              DUE.key: passport_return_due(row["trip_return_on"], history) if row["trip_return_on"] else None}
             for row in rows]
    return [{**line, DUE_SHOWN.key: due_shown(line[DUE.key], line["returned_on"], today, line["lost_on"])}
            for line in lines]


def due_shown(due: dt.date | None, returned_on: dt.date | None, today: dt.date,
              lost_on: dt.date | None = None) -> str:
    """A handover's DUE as the ledger and the printed register show it: the day, and how late on `today` while
    the passport is not back, or how late it came back (deadlines.late_by), or that it was reported lost instead
    (`lost_on`); "" with no day of return."""
    if due is None:
        return ""
    if returned_on is None and lost_by(lost_on, today):
        return f"{display_date(due)} ({lost_by(lost_on, today).lower()})"
    return late_by(due, due < today and (returned_on is None or returned_on > today), today, returned_on, "nộp")


def handout_doubts(db: Database, passport_id: int, raw: dict[str, Any]) -> list[str]:
    """What the officer handing the passport out should know, not refused: a diplomatic or official passport
    for a private trip, a passport expired, valid less than LEAVING_MONTHS more on the day of leaving or expiring
    during the trip, a decision number the delegations do not have, or whose delegation is called off, does not
    list the holder or lists them «không đi», a delegation back before the day of handing out (the deadline past),
    a trip with no day of return (no deadline)."""
    return handouts_doubts(db, [passport_id], raw)[passport_id]


def handouts_doubts(db: Database, passport_ids: Sequence[int], raw: dict[str, Any]) -> dict[int, list[str]]:
    """`handout_doubts` of each passport handed out with the same `raw` values (a delegation's), read at once."""
    try:
        values = writes.parse(HANDOUT_FIELDS, raw)
    except InputError:
        return dict.fromkeys(passport_ids, [])  # saving tells what is invalid
    with db.read() as connection:
        stored = _current(connection, passport_ids)
        holders = [passport["person_id"] for passport in stored.values()]
        trips = _trips(connection, holders, values)
        listed = _delegation_doubts(connection, holders, values) if values["decision_no"] else {}
    return {passport_id: _doubts(stored[passport_id], values, trips[stored[passport_id]["person_id"]],
                                 listed.get(stored[passport_id]["person_id"], []))
            for passport_id in passport_ids}


def _doubts(passport: Mapping[str, Any], values: dict[str, Any], trip: dict[str, Any],
            delegation_doubts: list[str]) -> list[str]:
    told = []
    kind = passport["passport_type"].lower()
    if values["trip"] == PRIVATE and passport["passport_type"] in NOT_FOR_PRIVATE:
        told.append(f"Hộ chiếu {kind} không được dùng để đi việc riêng (Luật Xuất cảnh, nhập cảnh 2019); hãy xem "
                    "lại loại hộ chiếu hoặc chuyến đi.")
    expires = passport["expires_on"]
    if expires is not None and expires < values["handed_on"]:
        told.append(f"Hộ chiếu {passport['number']} đã hết hạn từ ngày {display_date(expires)}.")
    elif expires is not None and expires < valid_to_leave(trip["leaves_on"]):
        told.append(f"Hộ chiếu {passport['number']} hết hạn ngày {display_date(expires)}, chưa đủ {LEAVING_MONTHS} "
                    f"tháng sau ngày đi {display_date(trip['leaves_on'])}: hộ chiếu phải còn hạn từ đủ "
                    f"{LEAVING_MONTHS} tháng khi xuất cảnh (Luật Xuất cảnh, nhập cảnh 2019, Điều 33); hãy xem lại "
                    "trước khi giao.")
    elif expires is not None and trip["back_on"] is not None and expires < trip["back_on"]:
        told.append(f"Hộ chiếu {passport['number']} hết hạn ngày {display_date(expires)}, trước ngày về "
                    f"{display_date(trip['back_on'])}.")
    told += delegation_doubts
    if trip["delegation"] and not values["trip_return_on"] and trip["back_on"] < values["handed_on"]:
        told.append(f"Đoàn «{trip['delegation']['name']}» đã về ngày {display_date(trip['back_on'])}, trước ngày "
                    f"giao {display_date(values['handed_on'])}: hạn nộp lại đã qua; hãy xem lại số quyết định hoặc "
                    "ngày giao.")
    if trip["back_on"] is None:
        told.append("Chưa có ngày về: chưa tính được hạn nộp lại hộ chiếu.")
    return told


def _not_out(connection: Connection, passport: dict[str, Any], handed_on: dt.date,
             handover: dict[str, Any] | None, last: dt.date | None) -> None:
    """Refuses the passport handed out while out on `handover`, or before the day `last` it was received back."""
    _none_open(connection, passport, handover)
    if last is not None and handed_on < last:
        raise InputError(f"Ngày giao ({display_date(handed_on)}) trước ngày nhận lại lần trước "
                         f"({display_date(last)}): hãy xem lại ngày giao.")


def _last_returned(connection: Connection, passport_ids: Sequence[int]) -> dict[int, dt.date]:
    """The day each passport was last received back (none: never)."""
    return dict(connection.execute(
        select(passport_handovers.c.passport_id, func.max(passport_handovers.c.returned_on))
        .where(passport_handovers.c.passport_id.in_(passport_ids), passport_handovers.c.deleted_at.is_(None),
               passport_handovers.c.returned_on.is_not(None))
        .group_by(passport_handovers.c.passport_id)).all())


def _none_open(connection: Connection, passport: dict[str, Any], handover: dict[str, Any] | None) -> None:
    """Refuses a second handover while the passport is out on `handover`."""
    if handover is not None:
        holder = connection.execute(select(persons.c.full_name).where(persons.c.id == passport["person_id"]))
        raise InputError(f"{_out_with({**passport, 'full_name': holder.scalar_one()}, handover['handed_on'])}: hãy "
                         "ghi ngày nhận lại trước khi giao lần mới.")


@contextmanager
def _one_out(passport: dict[str, Any]) -> Iterator[None]:
    """The store's own refusal of a second handover out (migration 0031), told as `_none_open` tells it: another
    officer, or the office server's other client, handed the passport out between the check and the write."""
    try:
        yield
    except IntegrityError as error:
        if not any(name in str(error.orig) for name in (ONE_OUT, "passport_handovers.passport_id")):
            raise
        raise InputError(f"Hộ chiếu {passport['number']} vừa được giao cho người giữ (ghi từ máy khác), chưa nhận "
                         "lại: không giao lần nữa được; hãy xem lại sổ giao, nhận.") from error


def _open_handovers(connection: Connection, passport_ids: Sequence[int], but: int | None = None
                    ) -> dict[int, dict[str, Any]]:
    """The handover each passport is out on, not received back (`but` the one being corrected)."""
    return {row["passport_id"]: dict(row) for row in connection.execute(select(passport_handovers).where(
        passport_handovers.c.passport_id.in_(passport_ids), passport_handovers.c.deleted_at.is_(None),
        passport_handovers.c.returned_on.is_(None), passport_handovers.c.id != (but or 0))).mappings()}


def delegations_under(connection: Connection, decision_no: str, going_only: bool = True) -> list[dict[str, Any]]:
    """The delegations under the decision `decision_no`, case and accents aside (as `bvct print delegation
    --decision` finds them), the latest first: those that go (`going`), or also those called off."""
    wanted = fold(decision_no)
    rows = connection.execute(
        select(delegations.c.id, delegations.c.name, delegations.c.depart_on, delegations.c.return_on,
               delegations.c.decision_no, delegations.c.status)
        .where(delegations.c.decision_no.is_not(None), delegations.c.deleted_at.is_(None),
               going() if going_only else true())
        .order_by(delegations.c.depart_on.desc())).mappings()
    return [dict(row) for row in rows if fold(row["decision_no"]) == wanted]


def _holder_places(connection: Connection, found: list[dict[str, Any]], person_ids: Sequence[int]
                   ) -> dict[int, dict[int, str | None]]:
    """Each holder's delegations of `found` that list them, each with why the holder did not go (None: went)."""
    places: dict[int, dict[int, str | None]] = {person_id: {} for person_id in person_ids}
    for person_id, delegation_id, not_going in connection.execute(
            select(cadres.c.person_id, delegation_members.c.delegation_id, delegation_members.c.not_going)
            .select_from(delegation_members.join(cadres))
            .where(delegation_members.c.delegation_id.in_([d["id"] for d in found]),
                   cadres.c.person_id.in_(person_ids))):
        places[person_id][delegation_id] = not_going
    return places


def _trips(connection: Connection, person_ids: Sequence[int], values: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """For each holder, the delegation a handover's decision number names (the one listing the holder, else the
    only one), the trip's day of leaving (the delegation's, else the day handed out) and its day of return: the
    one typed, else the delegation's (read as it stands: `deadlines.trip_return_on`)."""
    decision_no = clean(values["decision_no"] or "")
    found = delegations_under(connection, decision_no) if decision_no else []
    places = _holder_places(connection, found, person_ids) if found else {}
    trips = {}
    for person_id in person_ids:
        listing = [delegation for delegation in found if delegation["id"] in places[person_id]]
        chosen = listing[0] if len(listing) == 1 else found[0] if len(found) == 1 else None
        trips[person_id] = {"delegation": chosen, "delegation_id": chosen["id"] if chosen else None,
                            "leaves_on": chosen["depart_on"] if chosen else values["handed_on"],
                            "back_on": values["trip_return_on"] or (chosen["return_on"] if chosen else None)}
    return trips


def _delegation_doubts(connection: Connection, person_ids: Sequence[int], values: dict[str, Any]
                       ) -> dict[int, list[str]]:
    """What each holder's handover with the decision number of `values` should tell of its delegation."""
    decision_no = clean(values["decision_no"])
    found = delegations_under(connection, decision_no)
    if not found:
        unknown = [_called_off(connection, decision_no)
                   or f"Sổ Đoàn ra nước ngoài không có đoàn nào theo quyết định «{values['decision_no']}»: hạn nộp "
                      "lại tính theo ngày về ghi ở đây."]
        return dict.fromkeys(person_ids, unknown)
    return {person_id: _listed_doubts(found, places)
            for person_id, places in _holder_places(connection, found, person_ids).items()}


def _listed_doubts(found: list[dict[str, Any]], places: dict[int, str | None]) -> list[str]:
    if not places:
        return [f"Người giữ hộ chiếu không có tên trong danh sách thành viên đoàn «{found[0]['name']}»."]
    return [f"Người giữ hộ chiếu có tên trong đoàn «{delegation['name']}» nhưng ghi «không đi» "
            f"({places[delegation['id']]}): hãy xem lại trước khi giao hộ chiếu."
            for delegation in found if places.get(delegation["id"])]


def _called_off(connection: Connection, decision_no: str) -> str | None:
    """What to say of a decision whose delegation is on record but does not go (cancelled, put off, or none of
    its members going); None when the register has no delegation under it at all."""
    found = delegations_under(connection, decision_no, going_only=False)
    if not found:
        return None
    delegation = found[0]
    why = f"ghi tình trạng «{delegation['status']}»" if delegation["status"] else "không còn thành viên nào đi"
    return (f"Đoàn «{delegation['name']}» theo quyết định «{delegation['decision_no']}» {why}: không có chuyến đi "
            "để tính hạn nộp lại; hãy xem lại số quyết định.")


def not_returned(db: Database, today: dt.date) -> list[Due]:
    """Passports whose holder is back from the trip they were handed out for and has not handed them
    back, with the deadline (passport_return_due; those not yet due included, so the officer sees them
    coming), by the passport's id in this register."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        history = settings.read_history(connection)
        rows = connection.execute(
            select(passports.c.id, passports.c.passport_type, passports.c.number, persons.c.full_name,
                   trip_return_on().label(TRIP_RETURN.key))
            .select_from(passport_handovers.join(passports).join(persons))
            .where(passport_handovers.c.deleted_at.is_(None), passports.c.deleted_at.is_(None),
                   passport_owed(today), trip_return_on() <= today)
            .order_by(trip_return_on(), persons.c.sort_key, passports.c.id)).all()
    return [Due(row.id, called(row._mapping), passport_return_due(row.trip_return_on, history), KIND)
            for row in rows]


def no_return_day(db: Database, today: dt.date) -> list[Due]:
    """Passports out on `today` for a trip with no day of return (none typed, none of its delegation), asked
    about from `deadlines.return_unwritten_due` of the day they were handed out: no hand-back falls due
    without it."""
    db.require(Action.BROWSE, "xem việc đến hạn")
    with db.read() as connection:
        rows = connection.execute(
            select(passports.c.id, passports.c.passport_type, passports.c.number, persons.c.full_name,
                   passport_handovers.c.handed_on)
            .select_from(passport_handovers.join(passports).join(persons))
            .where(passport_handovers.c.deleted_at.is_(None), passports.c.deleted_at.is_(None), out_on(today),
                   trip_return_on().is_(None))
            .order_by(passport_handovers.c.handed_on, persons.c.sort_key, passports.c.id)).all()
    return [Due(row.id, f"Hộ chiếu đã giao, chưa ghi ngày về: {called(row._mapping)} (giao ngày "
                f"{display_date(row.handed_on)})", return_unwritten_due(row.handed_on), KIND)
            for row in rows if return_unwritten_due(row.handed_on) <= today]
