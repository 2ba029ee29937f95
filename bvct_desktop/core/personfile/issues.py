"""Who has political issues on their file, and how grave (brief §6.3: an officer preparing a personnel round
sees it at a glance in the cadres register): the live political-issue notes (political.POLITICAL_NOTES) about a
person or one of their relatives, the gravest effect among them, and each note told in a line."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.engine import Connection

from ..schema import persons, political_notes, relatives
from .notes import NO_LONGER_LISTED
from .political import EFFECTS, GRAVITY, LIMIT, counted_effect, effect_told

WITH_ISSUES = "Có vấn đề chính trị"
NO_EFFECT, UNCONCLUDED = EFFECTS[0], EFFECTS[-1]
# The effects from the lightest, by GRAVITY; of two as grave, the one listed first is the graver: a violation
# concluded bars the person now (brief §1.2), an issue not concluded yet may still come to less.
RANKED = tuple(sorted(EFFECTS, key=lambda effect: (GRAVITY[effect], -EFFECTS.index(effect))))
SHORT = {EFFECTS[1]: "Có vấn đề, có mức giới hạn"}  # an effect in a register's cell
SELF = "bản thân"
MOST_LISTED = 15  # notes told in a tooltip, the gravest: more would run off a 1366×768 screen


@dataclass(frozen=True)
class Note:
    axis: str
    about: str  # SELF, or the relative's relation and name (and that they are no longer listed)
    effect: str | None
    limit: str | None

    @property
    def counted(self) -> str:
        return counted_effect(self.effect)

    def told(self) -> str:
        """«Lịch sử chính trị (Cha: Nguyễn Văn Tư) — Có vấn đề nhưng không vi phạm (có mức giới hạn); mức giới
        hạn: Không quá Phó Giám đốc Sở»."""
        limit = f"; {LIMIT.header.lower()}: {self.limit}" if self.limit else ""
        return f"{self.axis} ({self.about}) — {effect_told(self.effect)}{limit}"


def _rank(effect: ColumnElement) -> ColumnElement:
    """A note's place in RANKED, by its effect (one not written: as not concluded)."""
    return case({named: rank for rank, named in enumerate(RANKED)}, value=effect, else_=RANKED.index(UNCONCLUDED))


def _live_of(person_id: ColumnElement) -> ColumnElement:
    return (political_notes.c.person_id == person_id) & political_notes.c.deleted_at.is_(None)


def having_issues(person_id: ColumnElement) -> ColumnElement:
    """Whether the person `person_id` has a live note whose effect is other than NO_EFFECT, or not written."""
    bearing = or_(political_notes.c.effect.is_(None), political_notes.c.effect != NO_EFFECT)
    return person_id.in_(select(political_notes.c.person_id).where(political_notes.c.deleted_at.is_(None), bearing))


def gravity_order(person_id: ColumnElement) -> tuple[ColumnElement, ColumnElement]:
    """What orders persons by their issues as `cell` tells them: the gravest effect (none: lightest of all),
    then how many notes."""
    gravest = select(func.coalesce(func.max(_rank(political_notes.c.effect)), -1)).where(_live_of(person_id))
    many = select(func.count()).select_from(political_notes).where(_live_of(person_id))
    return gravest.scalar_subquery(), many.scalar_subquery()


def notes_of(connection: Connection, person_ids: Iterable[int]) -> dict[int, list[Note]]:
    """The live notes on the files of `person_ids`, by person, the gravest first, then as recorded."""
    about = political_notes.outerjoin(relatives, political_notes.c.relative_id == relatives.c.id).outerjoin(
        persons, relatives.c.relative_id == persons.c.id)
    query = (select(political_notes.c.person_id, political_notes.c.axis, political_notes.c.effect,
                    political_notes.c[LIMIT.key], political_notes.c.relative_id, relatives.c.relation,
                    relatives.c.deleted_at, persons.c.full_name)
             .select_from(about).where(political_notes.c.person_id.in_(list(person_ids)),
                                       political_notes.c.deleted_at.is_(None))
             .order_by(political_notes.c.id))
    found: dict[int, list[Note]] = {}
    for person_id, axis, effect, limit, relative_id, relation, gone, name in connection.execute(query):
        whom = SELF if relative_id is None else f"{relation}: {name}" + (f", {NO_LONGER_LISTED}" if gone else "")
        found.setdefault(person_id, []).append(Note(axis, whom, effect, limit))
    return {person_id: sorted(notes, key=lambda note: -RANKED.index(note.counted))
            for person_id, notes in found.items()}


def cell(notes: list[Note]) -> str:
    """«Chưa kết luận», «Có vấn đề, có mức giới hạn (3 vấn đề)»: the gravest effect of `notes` (gravest first),
    and how many there are."""
    gravest = notes[0].counted
    return SHORT.get(gravest, gravest) + (f" ({len(notes)} vấn đề)" if len(notes) > 1 else "")


def listed(notes: list[Note]) -> str:
    """Each note told, a line each (gravest first), up to MOST_LISTED, then how many more the file holds."""
    more = len(notes) - MOST_LISTED
    return "\n".join([note.told() for note in notes[:MOST_LISTED]]
                     + ([f"… và {more} vấn đề khác (xem hồ sơ cá nhân)"] if more > 0 else []))
