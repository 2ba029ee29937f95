"""Names an old list wrote without diacritics («NGUYEN VAN HUNG», «Tran Thi Anh») beside the same names
written with them (brief §5.1: «remove diacritics for a fuzzy key»).

A name is plain when it carries no diacritics at all; a plain name is spelled like another whose words
fold to its own (`name_words`: đ made d, tones and case gone). Two names both written with their marks
are never spelled alike here: Hùng and Hưng are two names.

An import pays for this only where plain names are: the stored persons with plain names spelled like
the file's names are found once, by their spellings through the name index when the file names few
persons beside those stored, else by one pass over the stored names (telling plain ones in the
database); the stored persons' names are folded, in one pass, only once a new person's name is plain.
"""

from collections.abc import Collection, Iterable

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .schema import persons
from .stored_rows import CHUNK
from .text import final_i_y_spellings, name_words

Named = tuple[int, str]  # a person and their name key
PROBE = 64  # stored names one pass reads in the time of one look-up through the name index (order of magnitude)


def is_plain(name_key: str) -> bool:
    """Whether a name (its `name_key`) is written without diacritics."""
    return name_key.isascii()


def stored_plain(connection: Connection, names: Collection[str], stored: int) -> list[Named]:
    """The stored persons (`stored` of them) whose names are plain and fold to the words of one of `names`
    (the name keys of a file): a few names beside many persons are looked up by their plain spellings
    through the name index, many are found among the plain names one pass tells in the database."""
    key = persons.c.name_key
    if len(names) * PROBE < stored:
        words = set(map(name_words, names))
        spellings = sorted({spelling for folded in words for spelling in final_i_y_spellings(folded)})
        found = [row for start in range(0, len(spellings), CHUNK) for row in connection.execute(
            select(persons.c.id, key).where(key.in_(spellings[start:start + CHUNK])))]
    else:  # a character a byte
        found = connection.execute(select(persons.c.id, key).where(func.length(key) == func.octet_length(key))).all()
        words = set(map(name_words, names)) if found else set()
    return [(pid, name) for pid, name in found if name_words(name) in words]


def stored_spelled_like(connection: Connection, words: set[str]) -> list[Named]:
    """The stored persons whose names fold to one of `words` (a file's plain names, folded): read
    among the names of their lengths, which folding keeps (one letter for one, đ for d)."""
    if not words:
        return []
    key = persons.c.name_key
    rows = connection.execute(select(persons.c.id, key).where(func.length(key).in_(sorted(set(map(len, words)))))
                              .execution_options(yield_per=10_000))
    return [(pid, key) for pid, key in rows if name_words(key) in words]


class Spellings:
    """The persons of an import by their names' folded words: those with plain names, read once the
    first new person comes (`plain`), and every one, once a new person's name is plain (`every`)."""

    def __init__(self) -> None:
        self.file_names: set[str] = set()  # the name keys of the file
        self.plain: dict[str, list[Named]] | None = None
        self.every: dict[str, list[Named]] | None = None

    def read_plain(self, named: Iterable[Named]) -> None:
        self.plain = _by_words(named)

    def plain_words(self) -> set[str]:
        """The file's plain names, folded."""
        return {name_words(name) for name in self.file_names if is_plain(name)}

    def read_every(self, named: Iterable[Named]) -> None:
        self.every = _by_words(named)

    def take(self, pid: int, name_key: str) -> list[int]:
        """The persons named like the new person `pid` but for diacritics, one of the two names plain;
        `pid` joins the persons later ones are looked for among."""
        plain = is_plain(name_key)
        if not plain and not self.plain and self.every is None:  # most rows of most files
            return []
        words = name_words(name_key)
        found = (self.every if plain else self.plain).get(words, [])
        alike = [other for other, name in found if name != name_key]
        for index in (self.plain if plain else None, self.every):
            if index is not None:
                index.setdefault(words, []).append((pid, name_key))
        return alike


def _by_words(named: Iterable[Named]) -> dict[str, list[Named]]:
    index: dict[str, list[Named]] = {}
    for pid, name_key in named:
        index.setdefault(name_words(name_key), []).append((pid, name_key))
    return index
