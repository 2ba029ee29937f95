"""Who has relatives abroad, and in which countries (brief §1.4, PL2 «Cán bộ có thân nhân ở nước
ngoài»): the relatives the relatives list says live abroad, and the «Thân nhân ở nước ngoài» recorded
on a person's file whose «Đến ngày» has not gone by."""

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, String, case, cast, func, literal, null, or_, select, union
from sqlalchemy.engine import Connection

from .. import sql
from ..collation import text_sort_key
from ..schema import foreign_elements, relatives
from ..text import fold
from .foreign import RELATIVE_ABROAD

WITH_RELATIVES_ABROAD = "Có thân nhân ở nước ngoài"
COUNTRY_NOT_KNOWN = "chưa rõ nước"


def _listed() -> Select:
    """(person, country) of each relative the relatives list says lives abroad."""
    return select(relatives.c.person_id, relatives.c.country).where(
        relatives.c.abroad.is_(True), relatives.c.deleted_at.is_(None))


def _recorded(today: dt.date | ColumnElement) -> Select:
    """(person, country) of each «Thân nhân ở nước ngoài» recorded on a file, still abroad on `today` (a day, or
    a date in SQL): its «Đến ngày» not written, or not wholly before `today` (a stay until 2026 or 12/2026 lasts
    all that year, that month)."""
    until = foreign_elements.c.until
    iso = literal(today.isoformat(), String) if isinstance(today, dt.date) else cast(today, String)
    return select(foreign_elements.c.person_id, foreign_elements.c.country).where(
        foreign_elements.c.element_kind == RELATIVE_ABROAD, foreign_elements.c.deleted_at.is_(None),
        or_(until.is_(None), until >= func.substr(iso, 1, func.length(until))))


def having_relatives_abroad(person_id: ColumnElement, today: dt.date) -> ColumnElement:
    """Whether the person `person_id` has a relative abroad on `today`."""
    return person_id.in_(union(_listed().with_only_columns(relatives.c.person_id),
                               _recorded(today).with_only_columns(foreign_elements.c.person_id)))


def countries_of(connection: Connection, person_ids: Iterable[int], today: dt.date) -> dict[int, str]:
    """The countries the persons' relatives live in on `today` («Hoa Kỳ, Úc»), in Vietnamese order, each once as
    written; a relative abroad whose country is not written counts as «chưa rõ nước»."""
    wanted = list(person_ids)
    found: dict[int, dict[str, str]] = {}  # by person: each country as first written, by its folded form
    for query, table in ((_listed(), relatives), (_recorded(today), foreign_elements)):
        for person_id, country in connection.execute(query.where(table.c.person_id.in_(wanted)).order_by(table.c.id)):
            written = _written(country)
            found.setdefault(person_id, {}).setdefault(fold(written), written)
    return {person_id: ", ".join(sorted(countries.values(), key=text_sort_key))
            for person_id, countries in found.items()}


def _written(country: str | None) -> str:
    return (country or "").strip() or COUNTRY_NOT_KNOWN


def countries_order(connection: Connection, person_id: ColumnElement, today: ColumnElement) -> ColumnElement:
    """What orders persons (`person_id`, a column of the query) by their `countries_of` on `today` (a date in SQL)
    as the cell reads, in SQL: each country's rank in Vietnamese order (as written now, one rank to the ways of
    writing it `countries_of` counts once) in a fixed width, joined in order — «Hoa Kỳ» before «Hoa Kỳ, Úc»
    before «Úc»; NULL for one with no relative abroad."""
    ways = {row[0] for row in connection.execute(union(
        select(relatives.c.country).where(relatives.c.abroad.is_(True), relatives.c.deleted_at.is_(None)),
        select(foreign_elements.c.country).where(foreign_elements.c.element_kind == RELATIVE_ABROAD,
                                                 foreign_elements.c.deleted_at.is_(None))))}
    if not ways:
        return cast(null(), String)  # no constant: the server orders by none
    written = {fold(_written(way)): _written(way) for way in ways}  # each country as written, by its folded form
    order = sorted(written, key=lambda folded: text_sort_key(written[folded]))
    width = len(str(len(order)))
    rank = {folded: f"{index:0{width}d}" for index, folded in enumerate(order)}
    ranked = {way or "": rank[fold(_written(way))] for way in ways}
    ranks = union(*(query.with_only_columns(case(ranked, value=func.coalesce(table.c.country, ""))
                                            .label("country_rank")).where(table.c.person_id == person_id)
                    .correlate(person_id.table)
                    for query, table in ((_listed(), relatives), (_recorded(today), foreign_elements)))).subquery()
    return select(sql.joined_in_order(ranks.c.country_rank)).scalar_subquery()
