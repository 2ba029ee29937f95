"""The search rule of the registers (spec, "Search (GUI)").

Every word typed must occur, accents, đ and case folded, in the person's name, other names,
CCCD/CMND or home town — found through the FTS5 index `persons_fts` over the folded
`persons.search_key`, each word as a prefix — or, for the other registers, in one of the
record's own text columns, beginning a word there too (core.browse holds those folded in memory
while a register is open).

On the office server the same folded key is searched through its words as FTS5 cuts them
(`bvct_search_words`, trigram-indexed): a word typed is a phrase of those words whose last is a
prefix, exactly as the FTS5 query below, so both engines find the same persons.
"""

import contextlib
import re
import unicodedata
from collections.abc import Iterator

from sqlalchemy import Boolean, ColumnElement, bindparam, select, true
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles

from . import engine, gazetteer
from .schema import PERSONS_FTS, persons
from .text import search_words, unify_final_y

_TOKENS = re.compile(r"[^\W_]+")  # FTS5's unicode61 tokens: runs of letters and digits


def fold_ascii(value: str) -> str:
    """Accents, đ and case folded, an apostrophe written "'" (text.APOSTROPHES), and every other
    non-ASCII character dropped, at C speed; a long text's line break is a space, as `text.fold` reads it.

    Registers fold every row of their text columns with it; the typed words are folded the same
    way before they are looked for, so "–" or "ß" simply do not count on either side.
    """
    plain = value.lower().replace("\n", " ").replace("đ", "d").replace("’", "'").replace("‘", "'")
    return unicodedata.normalize("NFD", plain).encode("ascii", "ignore").decode("ascii")


def beginning_a_word(pattern: str) -> re.Pattern:
    """`pattern`, of one width (a folded word), where it begins a word of folded text as the index
    begins its tokens: «1/pxm» in «1/pxm», not in «11/pxm». The check comes after the pattern, so
    that its letters are looked for first, at C speed (before it, 100,000 slips took 8 times longer)."""
    return re.compile(f"{pattern}(?<![0-9a-z]{pattern})")


def query_words(query: str) -> list[str]:
    """The folded words a register's search box looks for: those typed, but for the unit word before a
    place's name («Đặc khu Phú Quý», as the program shows a home town's new name, looks for the phrase
    «phu quy», its words together, as one "word"): a person's search key holds the other names of their
    home town without their unit words, in order."""
    return [" ".join(folded) for term in gazetteer.without_unit_words(query) if (folded := search_words(term))]


def narrows(before: str, after: str) -> bool:
    """Whether every record matching `after` also matches `before` (the officer typed on)."""
    old, new = query_words(before), query_words(after)
    return len(new) >= len(old) and all(typed_on(then, now) for then, now in zip(old, new, strict=False))


def typed_on(then: str, now: str) -> bool:
    """Whether the folded word `now` was typed on from `then`, finding no text `then` does not: a number's
    leading zeros find it without them («0» does not hold «47/PXM», «0047» finds it), so none begins one."""
    return now == then or now.startswith(then) and not then.startswith("0")


def key_pattern(word: str) -> re.Pattern:
    """What the FTS index answers for one folded word, as a pattern over a person's folded search
    key: the word's tokens one after another, the last one as a prefix, beginning a token of the key
    — the word or its final-y variant, as fts_phrase asks the index ("phu," is "phu"; "ab-c" is
    "ab" followed by a token beginning with "c"; a word of no letters or digits holds nowhere)."""
    phrases = [r"[\W_]+".join(map(re.escape, tokens))
               for variant in dict.fromkeys((word, unify_final_y(word))) if (tokens := _TOKENS.findall(variant))]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(phrases) + ")" if phrases else r"(?!)")


def fts_phrase(word: str) -> str:
    """One folded word as an FTS5 prefix query (quoted, so punctuation cannot break the syntax).

    The index holds a final y after a consonant as i (people.search_key): "quý" is looked for as
    "qui" — and as "quy" too, since it may be the start of "quynh".
    """
    variant = unify_final_y(word)
    if variant != word:
        return f"({_prefix(word)} OR {_prefix(variant)})"
    return _prefix(word)


def _prefix(word: str) -> str:
    return '"' + word.replace('"', '""') + '"*'


def persons_with(word: str):
    """The ids of persons whose name, other names, CCCD/CMND or home town hold `word` as a prefix."""
    return persons_with_every([word])


def persons_with_every(words: list[str]):
    """The ids of persons holding every one of the folded `words` (one FTS5 query)."""
    return select(persons.c.id).where(_Holding(tuple(words)))


class _Holding(ColumnElement):
    """The person row holds every word (a condition on `persons`, written per engine)."""

    type = Boolean()
    inherit_cache = False

    def __init__(self, words: tuple[str, ...]):
        self.words = words


@compiles(_Holding, "sqlite")
def _in_fts5(element: _Holding, compiler, **kw) -> str:
    query = compiler.process(bindparam("fts_query", " AND ".join(fts_phrase(word) for word in element.words),
                                       unique=True), **kw)
    return f"persons.id IN (SELECT rowid FROM {PERSONS_FTS} WHERE {PERSONS_FTS} MATCH {query})"


@compiles(_Holding, "postgresql")
def _in_search_words(element: _Holding, compiler, **kw) -> str:
    conditions = []
    for word in element.words:
        spellings = dict.fromkeys((word, unify_final_y(word)))
        patterns = [_phrase_pattern(spelling) for spelling in spellings]
        if None in patterns:  # no word character at all: FTS5 finds nothing either
            return "false"
        either = [f"public.bvct_search_words(persons.search_key) LIKE "
                  f"{compiler.process(bindparam('pattern', pattern, unique=True), **kw)}" for pattern in patterns]
        conditions.append("(" + " OR ".join(either) + ")")
    return " AND ".join(conditions) or "true"


def _phrase_pattern(word: str) -> str | None:
    """A LIKE pattern over `bvct_search_words`: the word's tokens in a row, the last a prefix."""
    tokens = "".join(ch if ch.isalnum() or "\ue000" <= ch <= "\uf8ff" else " " for ch in word).split()
    if not tokens:
        return None
    escaped = " ".join(tokens).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"% {escaped}%"


def person_condition(query: str, person_id: ColumnElement) -> ColumnElement:
    """Every word of `query` in the person `person_id` (name, other names, CCCD/CMND, home town), as a
    register looks for them (`query_words`: «Đặc khu Phú Quý» finds those of Ngũ Phụng, Phú Quí)."""
    words = query_words(query)
    return person_id.in_(persons_with_every(words)) if words else true()


INDEXING_TRIGGER = "persons_fts_insert"  # migration 0002: indexes each person inserted
AT_ONCE = 500  # new persons from which one indexing statement beats the trigger's one per row


@contextlib.contextmanager
def indexed_at_once(connection: Connection, first_id: int, count: int) -> Iterator[None]:
    """Persons inserted in the block (ids from `first_id` on) are indexed by one statement at its
    end instead of one by one: the trigger is set aside meanwhile, inside the caller's transaction,
    and put back exactly as it was."""
    if count < AT_ONCE or connection.dialect.name != "sqlite":
        yield
        return
    with engine.set_aside(connection, [INDEXING_TRIGGER]) as set_aside:
        yield
        if set_aside:
            engine.later(connection, f"INSERT INTO {PERSONS_FTS}(rowid, search_key) "
                         "SELECT id, search_key FROM persons WHERE id >= ?", (first_id,))
