"""Nhiệm kỳ: the cấp ủy's terms as the settings history holds them. Every value `nhiem_ky_bat_dau` has held
is the first day of a term, which runs to the day before the next one; the numbers of documents begin again
at 01 with each term (core/numbering), so a document's term tells apart two documents numbered 01."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import settings
from .numbering import TERM_START
from .schema import document_numbers


@dataclass(frozen=True)
class Term:
    start: dt.date
    end: dt.date | None  # its last day; None: no later term is set

    @property
    def label(self) -> str:
        """«2025–2030»: the years of its congress and of the next; «từ 10/10/2030» while no next one is set;
        «01/10/2025–04/10/2025» when the next began the same year (a start set again from a later day)."""
        if self.end is None:
            return f"từ {self.start:%d/%m/%Y}"
        following = self.end + dt.timedelta(days=1)
        if following.year > self.start.year:
            return f"{self.start.year}–{following.year}"
        return f"{self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def terms_from(starts: Iterable[dt.date]) -> list[Term]:
    """The terms beginning on `starts`, earliest first."""
    ordered = sorted(set(starts))
    return [Term(start, following - dt.timedelta(days=1) if following else None)
            for start, following in zip(ordered, [*ordered[1:], None], strict=True)]


def term_on(terms: Sequence[Term], day: dt.date) -> Term | None:
    """The term `day` falls in; None for a day before every start (no document is dated so)."""
    return next((term for term in reversed(terms) if term.start <= day), None)


def read_terms(connection: Connection) -> list[Term]:
    """Every term, earliest first: the starts the settings history holds, and those numbers were taken under
    (a start since corrected for its whole span leaves its numbers a term of their own)."""
    history = settings.read_history(connection)
    starts = {dt.date.fromisoformat(span.value) for span in history.spans[TERM_START]}
    starts.update(connection.execute(select(document_numbers.c.term_start).distinct()).scalars())
    return terms_from(starts)
