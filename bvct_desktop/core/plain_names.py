"""Names an old list wrote without diacritics («NGUYEN VAN HUNG», «Tran Thi Anh») beside the same names
written with them (brief §5.1: «remove diacritics for a fuzzy key»).

A name is plain when it carries no diacritics at all; a plain name is spelled like another whose words
fold to its own (`name_words`: đ made d, tones and case gone). Two names both written with their marks
are never spelled alike here: Hùng and Hưng are two names.

An import pays for this only where plain names are: the stored persons with plain names are found by
one query, and the stored persons' names are folded, in one pass, only once a row has a plain name.
"""

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .schema import persons
from .text import name_words

Named = tuple[int, str]  # a person and their name key


def is_plain(name_key: str) -> bool:
    """Whether a name (its `name_key`) is written without diacritics."""
    return name_key.isascii()


def stored_plain(connection: Connection) -> list[Named]:
    """The stored persons whose names are plain: a character a byte, told in the database."""
    key = persons.c.name_key
    return [tuple(row) for row in connection.execute(
        select(persons.c.id, key).where(func.length(key) == func.octet_length(key)))]


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
        self.file_words: set[str] = set()  # the file's plain names, folded
        self.plain: dict[str, list[Named]] | None = None
        self.every: dict[str, list[Named]] | None = None

    def read_plain(self, named: Iterable[Named]) -> None:
        self.plain = _by_words(named)

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
