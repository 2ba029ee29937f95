"""A cadre's particulars as the one-person documents show them, the trích ngang (sheets) and form 2C
(vitae_form): each particular as its field shows it, home towns and residences as filed, periods, the work,
reward and discipline tables and each reward or discipline told on one line, and a section's heading."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...core import gazetteer
from ...core.fields import Field, Place
from ...core.kinds import CADRES, Kind
from ...core.personfile.foreign import FOREIGN_ELEMENTS
from ...core.personfile.vitae import DISCIPLINES, IN_FORCE_WORDS, REWARDS, WORK_PERIODS, in_force
from . import tables
from .fonts import BOLD
from .layout import Flow

W, A, K = WORK_PERIODS.field, REWARDS.field, DISCIPLINES.field
TRIP_UNTIL = FOREIGN_ELEMENTS.field("until")  # a stay or trip not ended: «từ 2015»
WORK_COLUMNS = (tables.counter(), tables.plain("period", "Thời gian", 2.2, "center", whole=True),
                tables.of(W("unit"), 4.0), tables.of(W("post"), 2.6))
REWARD_COLUMNS = (tables.counter(), tables.of(A("awarded_on"), 1.1, align="center"),
                  tables.of(A("award"), 2.6), tables.of(A("authority"), 1.9),
                  tables.of(A("decision_no"), 1.3, unbroken=True), tables.of(A("reason"), 2.4))
DISCIPLINE_COLUMNS = (tables.counter(), tables.of(K("decided_on"), 1.1, align="center"),
                      tables.of(K("organisation"), 1.0, label="Về"),
                      tables.of(K("penalty"), 1.3, label="Hình thức", unbroken=True), tables.of(K("authority"), 1.6),
                      tables.of(K("decision_no"), 1.2, unbroken=True), tables.of(K("reason"), 2.1),
                      tables.plain("until", K("in_effect_until").header, 1.1, "center"))


def shown(cadre: Mapping[str, Any], key: str) -> str:
    """The cadre's particular `key` as its field shows it («02/05/1970»; "" when not held)."""
    return CADRES.field(key).display(cadre[key])


def as_filed(kind: Kind, record: Mapping[str, Any]) -> dict[str, Any]:
    """The record with each home town or residence written under former names followed by what it is
    called now, as the person file shows it."""
    return {**record, **{spec.key: gazetteer.with_current_name(record[spec.key]) for spec in kind.fields
                         if spec.place is Place.ADDRESS and spec.key in record}}


def period(start: str | None, end: str | None, until_field: Field = TRIP_UNTIL) -> str:
    """From one day (ISO, at its precision) to another: «10/05/2019 – 15/05/2019» (the dash kept with the
    first day when it breaks), «03/2012 – nay» for a work period still running, or «từ 2015» while it lasts."""
    since, until = FOREIGN_ELEMENTS.field("since").display(start), until_field.display(end)
    if until:
        return f"{since}\u00a0– {until}"
    return f"từ {since}" if since else ""


def discipline_row(discipline: Mapping[str, Any], printed_on: dt.date) -> dict[str, Any]:
    """A discipline as DISCIPLINE_COLUMNS show it: the day it ends as recorded, and «còn hiệu lực» while
    that is not past on the day printed."""
    until = K("in_effect_until").display(discipline["in_effect_until"])
    if in_force(discipline, printed_on):
        until = f"{until} ({IN_FORCE_WORDS[True].lower()})"
    return {**discipline, "until": until}


def reward_line(reward: Mapping[str, Any]) -> str:
    """A reward on one line: «02/09/2015: Bằng khen (Ủy ban nhân dân tỉnh, 125/QĐ-UBND)»."""
    return f"{A('awarded_on').display(reward['awarded_on'])}: {reward['award']}{_by(reward)}"


def discipline_line(discipline: Mapping[str, Any]) -> str:
    """A discipline on one line: the day, the penalty and what it is about, who decided it, and why."""
    text = (f"{K('decided_on').display(discipline['decided_on'])}: {discipline['penalty']} về "
            f"{discipline['organisation'].lower()}{_by(discipline)}")
    return text + (f"; lý do: {discipline['reason']}" if discipline["reason"] else "")


def _by(decided: Mapping[str, Any]) -> str:
    """« (authority, decision number)», those recorded; "" with neither."""
    by = ", ".join(filter(None, (decided["authority"], decided["decision_no"])))
    return f" ({by})" if by else ""


def heading(flow: Flow, text: str, size: float, keep: float = 0.0) -> None:
    """A section heading, kept with the first lines of what follows."""
    flow.paragraph(text, BOLD, size, indent=False, justify=False,
                   keep_next=keep or flow.profile.leading(size) * 2)
