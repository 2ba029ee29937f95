"""Who has relatives abroad, and in which countries (brief §1.4, PL2 «Cán bộ có thân nhân ở nước
ngoài»): the relatives the relatives list says live abroad, and the «Thân nhân ở nước ngoài» recorded
on a person's file."""

from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, select, union
from sqlalchemy.engine import Connection

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


def _recorded() -> Select:
    """(person, country) of each «Thân nhân ở nước ngoài» recorded on a file."""
    return select(foreign_elements.c.person_id, foreign_elements.c.country).where(
        foreign_elements.c.element_kind == RELATIVE_ABROAD, foreign_elements.c.deleted_at.is_(None))


def having_relatives_abroad(person_id: ColumnElement) -> ColumnElement:
    """Whether the person `person_id` has a relative abroad."""
    return person_id.in_(union(_listed().with_only_columns(relatives.c.person_id),
                               _recorded().with_only_columns(foreign_elements.c.person_id)))


def countries_of(connection: Connection, person_ids: Iterable[int]) -> dict[int, str]:
    """The countries the persons' relatives live in («Hoa Kỳ, Úc»), in Vietnamese order, each once as
    written; a relative abroad whose country is not written counts as «chưa rõ nước»."""
    wanted = list(person_ids)
    found: dict[int, dict[str, str]] = {}  # by person: each country as first written, by its folded form
    for query, table in ((_listed(), relatives), (_recorded(), foreign_elements)):
        for person_id, country in connection.execute(query.where(table.c.person_id.in_(wanted)).order_by(table.c.id)):
            written = (country or "").strip() or COUNTRY_NOT_KNOWN
            found.setdefault(person_id, {}).setdefault(fold(written), written)
    return {person_id: ", ".join(sorted(countries.values(), key=text_sort_key))
            for person_id, countries in found.items()}
