"""The outgoing register read term by term (nhiệm kỳ): each issued document with the term it was dated in,
of one term or all of them, of one year or all — for the page «Văn bản đã phát hành» and `documents list`."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

from . import audit, outgoing
from .database import Database
from .party_terms import Term, read_terms, term_on


@dataclass(frozen=True)
class Listing:
    entries: list[outgoing.Issued]  # in the order their numbers were taken
    terms: list[Term]  # every term the settings history holds, earliest first

    def term_of(self, entry: outgoing.Issued) -> Term:
        """The term the entry is dated in: the one its number runs on in (core/numbering), whatever start was
        in force when the number was taken."""
        # never None: a document is dated on or after the start its number was taken under, one of `terms`
        return cast(Term, term_on(self.terms, entry.issued_on))

    def on(self, day: dt.date) -> Term | None:
        """The term holding `day` (today's: the current term); None before the first term."""
        return term_on(self.terms, day)


def listing(db: Database, year: int | None = None, term: dt.date | None = None) -> Listing:
    """The register (of one `year`, if given; of the term holding the day `term`, if given)."""
    entries = outgoing.register(db, year)
    with db.read() as connection:
        terms = read_terms(connection)
    if term is not None:
        within = term_on(terms, term)
        entries = [entry for entry in entries if within is not None and within.holds(entry.issued_on)]
    return Listing(entries, terms)


def view_listing(db: Database, year: int | None = None, term: dt.date | None = None) -> Listing:
    """`listing` for the officer reading it: the viewing is audited with what was asked."""
    found = listing(db, year, term)
    asked = {"nam": year} if year is not None else {}
    if term is not None:
        within = found.on(term)
        asked["nhiem_ky"] = within.label if within else f"trước mọi nhiệm kỳ (ngày {term:%d/%m/%Y})"
    audit.viewed(db, outgoing.VIEWED_REGISTER, details=asked)
    return found


def listed_text(found: Listing) -> Iterator[str]:
    """The register as lines of text (`documents list`): `outgoing.entries_text`'s, each with its term last."""
    for entry, line in zip(found.entries, outgoing.entries_text(found.entries), strict=True):
        yield f"{line}\t{found.term_of(entry).label}"
