"""The search box of a register as the officer types: the first rows at once, the rest after.

A keystroke reads the register in its display order, CHUNK records at a time (their persons'
search keys and their own texts), and applies the search rule to each (`Rule`) until FIRST rows
match: a short prefix ("n", "ng") matches one record in two, so a screenful is found among the
first hundreds of 200,000. When QUICK records hold fewer and the FTS index counts (in its prefix
lists, up to RARE) few persons holding the words, reading on would find few: the keystroke stops
there; when it counts many, they lie far apart in this order and the reading goes on, up to
SCAN_BUDGET. A keystroke never matches the whole register (on 100,000 slips that took 1–1.9 s):
an unfinished search is finished by the index while the officer pauses, a step at a time
(`go_on`), or at once (`finish`) when every row is wanted; the rows and their order are the same
either way: the rule is the one the index and the texts apply together.

A search of several words finds first the records where they are written together, one after
another as typed, the last a prefix (`together`: «nguyen van hung» in a name, the name vetted), in the
register's order; then those holding them apart, one in the name, one in the recipient's «Hưng Yên»…,
in that order too. They are ranked, not dropped: «nguyen hung» is the start of no name written «Nguyễn
Văn Hùng», and «nguyen 2025» means a name and a year; rows only ever follow those shown.

A search of the cadres that finds no one, finished, searches again by the mixed rule (`mixed`,
browse.falls_back): every word anywhere in the record, «hung cai tao» a name's word and an issue's;
it costs nothing to a search that finds someone, and runs while the officer pauses as the rest does.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from . import browse, search
from .database import Database
from .permissions import Action

FIRST = 60  # rows found before a keystroke shows them: more than a screenful
CHUNK = 400  # records read and tried at a time
QUICK = CHUNK  # records tried for the first rows before the index is asked how many persons hold the words
RARE = 10_000  # fewer persons hold them: the index answers for the whole register
SCAN_BUDGET = 4_000  # records tried for the first rows when many hold them, before the index answers after all


class Rule:
    """The search rule for one record, from its person's search key and its own folded texts: every
    word in one or the other (for a cadre: every word in the person, or every word in the post, unless
    `mixed`)."""

    def __init__(self, spec: browse.View, words: list[str], extra: list[set[int]], mixed: bool = False):
        self.in_key = [search.key_pattern(word) for word in words]
        self.whole = spec.texts_whole and not mixed
        self.in_text = [browse.text_pattern(search.fold_ascii(word)) for word in words]
        self.extra = extra

    def holds(self, record_id: int, key: str, text: str) -> bool:
        """`text` is "" for a record of no texts: it holds nothing (browse.Listing.holding)."""
        if self.whole:
            return (all(word.search(key) for word in self.in_key)
                    or bool(text) and all(word.search(text) for word in self.in_text))
        return all(text and in_text.search(text) or record_id in extra or in_key.search(key)
                   for in_text, extra, in_key in zip(self.in_text, self.extra, self.in_key, strict=True))


@dataclass
class Search:
    """The records of a listing matching a query, found in the listing's order: those holding the words
    together first, then those holding them apart."""

    listing: browse.Listing
    query: str
    words: list[str]
    candidates: Sequence[int]  # the positions the rule's matches are among, in order
    positions: list[int] = field(default_factory=list)  # the positions found so far
    ids: list[int] = field(default_factory=list)  # and their records
    scanned: int = 0  # candidates tried
    complete: bool = False
    mixed: bool = False  # searched by the mixed rule, the register's own having found no one
    together: bool = False  # searching for the words together, those apart to follow (`_apart`)
    among: Sequence[int] = ()  # those of every rule (`candidates` first of all, while searching together)
    _rule: Rule | None = None
    _rest: Iterator[list[int] | None] | None = None  # the steps finding every match
    _held_together: int = 0  # the first positions, holding the words together, when they are searched apart

    def remaining(self) -> list[int] | Sequence[int]:
        """The positions that may match a query narrowing this one, in the listing's order."""
        if self.together:  # any record tried may hold the words apart
            return self.among
        if self.complete:
            return sorted(self.positions)
        return sorted(self.positions + list(self.candidates[self.scanned:]))

    @property
    def rule_words(self) -> list[str]:
        """The words as the rule looks for them: one phrase while they are searched together."""
        return [" ".join(self.words)] if self.together else self.words

    def step(self, db: Database, rows: int | None = None) -> int:
        """Tries `rows` (CHUNK) more candidates; how many of them match."""
        chunk = self.candidates[self.scanned:self.scanned + (rows or CHUNK)]
        listing = self.listing
        with db.read() as connection:
            if self._rule is None:
                extra = browse.extra_ids(connection, listing.spec, self.rule_words)
                self._rule = Rule(listing.spec, self.rule_words, extra, self.mixed)
            persons = {person for i in chunk if (person := listing.person_ids[i]) is not None}
            keys = browse.search_keys(connection, persons) if persons else {}
            texts = listing.texts_at(connection, chunk)
        before = len(self.positions)
        for i, text in zip(chunk, texts, strict=True):
            record_id = listing.ids[i]
            if self._rule.holds(record_id, keys.get(listing.person_ids[i], ""), text):
                self.positions.append(i)
                self.ids.append(record_id)
        self.scanned += len(chunk)
        self.complete = self.scanned >= len(self.candidates)
        if self.complete:
            self._then()
        return len(self.positions) - before

    def scan(self, db: Database, budget: int) -> None:
        """Tries candidates until FIRST match or `budget` of them are tried."""
        while not self.complete and len(self.positions) < FIRST and self.scanned < budget:
            self.step(db)

    def finish(self, db: Database) -> None:
        """Finds every match at once: the index answers for the whole register."""
        while not self.complete:
            self._advance(db, None)

    def go_on(self, db: Database) -> None:
        """One step of finding every match while the officer pauses (browse.matching_in_steps):
        the index asked about some of the persons, or at last every match put in order."""
        if not self.complete:
            self._advance(db, browse.PERSONS_AT_ONCE)

    def _advance(self, db: Database, persons_at_once: int | None) -> None:
        if self._rest is None:
            self._rest = (browse.mixed_in_steps(db, self.listing, self.words) if self.mixed
                          else browse.matching_in_steps(db, self.listing, self.rule_words, persons_at_once))
        positions = next(self._rest)
        if positions is not None:
            self._found(positions)

    def _found(self, positions: list[int]) -> None:
        """Every match (those found so far come first in it: the rule is one), after those holding the
        words together when they are searched apart."""
        if self._held_together:
            together = set(self.positions[:self._held_together])
            positions = self.positions[:self._held_together] + [i for i in positions if i not in together]
        self.positions = positions
        self.ids = [self.listing.ids[i] for i in positions]
        self.scanned = len(self.candidates)
        self.complete = True
        self._rest = None
        self._then()

    def _then(self) -> None:
        """The search, finished, goes on by its next rule, if any."""
        if self.together:
            self._apart()
        else:
            self._fall_back()

    def _apart(self) -> None:
        """Every record holding the words together found: those holding them apart are searched, to follow."""
        held = set(self.positions)
        self.together, self.complete, self._rule, self._rest = False, False, None, None
        self._held_together = len(self.positions)
        self.candidates, self.scanned = [i for i in self.among if i not in held], 0

    def _fall_back(self) -> None:
        """The search, finished, found no one in a register whose rule does not mix: the whole listing is
        searched again by the mixed rule (browse.falls_back)."""
        if not self.mixed and browse.falls_back(self.listing, self.positions):
            self.mixed, self.complete, self._rule, self._rest = True, False, None, None
            self.candidates, self.scanned = range(len(self.listing.ids)), 0


def start(db: Database, listing: browse.Listing, query: str, previous: Search | None = None) -> Search:
    """The search for `query`, its first rows found (all of them when few match). `previous`, a
    search in the same listing that `query` narrows (the officer typed on), is searched instead."""
    db.require(Action.BROWSE, browse.BROWSING)  # the account read once a keystroke, not once a chunk
    words = search.query_words(query)
    if not words:
        return _everything(listing, query)
    narrowed = previous is not None and previous.listing is listing and search.narrows(previous.query, query)
    candidates = previous.remaining() if narrowed else range(len(listing.ids))
    # typed on where no one matched: no one matches now, the mixed rule goes on among those it left
    found = _search(listing, query, words, candidates, mixed=narrowed and previous.mixed)
    _first_rows(db, found)
    # every record left tried by one rule, none by the next (those apart, the mixed): they follow
    while not found.complete and not found.scanned and len(found.positions) < FIRST:
        _first_rows(db, found)
    return found


def _search(listing: browse.Listing, query: str, words: list[str], candidates: Sequence[int],
            mixed: bool = False) -> Search:
    """The search for `words` among `candidates`: of those holding them together first when they are several."""
    together = len(words) > 1 and not mixed
    return Search(listing, query, words, candidates, mixed=mixed, together=together, among=candidates)


def _first_rows(db: Database, found: Search) -> None:
    if len(found.candidates) <= SCAN_BUDGET:  # few left to try: all of them, and the count is final
        found.step(db, len(found.candidates))
        return
    found.step(db, 2 * FIRST)  # enough when one record in two holds the words
    found.scan(db, QUICK)
    if len(found.positions) < FIRST and few_hold(db, found.listing, found.rule_words):
        return  # reading on would find few: the index answers for the whole register (`go_on`)
    found.scan(db, SCAN_BUDGET)  # many hold them, maybe far apart in this order: the rest follows


def few_hold(db: Database, listing: browse.Listing, words: list[str]) -> bool:
    """Whether fewer than RARE persons hold the words (the index counts them in its prefix lists)."""
    if listing.spec.person_id is None:
        return True
    with db.read() as connection:
        held = search.persons_with_every(words).limit(RARE).subquery()
        return connection.execute(select(func.count()).select_from(held)).scalar() < RARE


def finished(db: Database, listing: browse.Listing, query: str) -> Search:
    """Every record of `listing` matching `query`."""
    db.require(Action.BROWSE, browse.BROWSING)
    words = search.query_words(query)
    if not words:
        return _everything(listing, query)
    found = _search(listing, query, words, range(len(listing.ids)))
    found.finish(db)
    return found


def _everything(listing: browse.Listing, query: str) -> Search:
    """The search of no words: every record of `listing`."""
    everything = range(len(listing.ids))
    return Search(listing, query, [], everything, everything, listing.ids, len(listing.ids), True)

