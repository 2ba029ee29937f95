"""The search box as the officer types: the first rows of a keystroke, the rest found after, are
exactly the records the whole search finds (browse.record_ids), in the register's order."""

import pytest
from sqlalchemy import select

from bvct_desktop.core import browse, passports, register_search
from bvct_desktop.core.personfile.political import POLITICAL_NOTES
from bvct_desktop.core.schema import cadres, persons
from bvct_desktop.core.search import key_pattern, persons_with, query_words
from tests.conftest import CADRE_HEADERS, workbook
from tests.sample_db import sample_database

FAMILIES = ["Nguyễn", "Trần", "Phạm", "Huỳnh", "Võ", "Đặng"]
GIVEN = ["Hùng", "Quý", "Quí", "Hương", "Thủy", "Anh", "Phụng"]
TOWNS = ["Hàm Tiến, Phan Thiết", "Ngũ Phụng, Phú Quí", "Mũi Né", "La Gi", "Đức Linh", None]
POSTS = [("Phụ trách Quản trị", "Sở Y tế"), ("Chuyên viên", "Sở Nội vụ"), ("Giám đốc", "Ban Thường vụ"),
         (None, None), ("Phó Giám đốc", "Sở Tài chính")]
TYPED = ["nguyen van hung", "phu quy", "phu q", "so y te", "ham tien", "qui", "060", "tran phu", "huong pv27",
         "a93b binh", "vinh nhat", "phu,", "ab-c", "–", "giam doc noi vu", "cuc a93b", "dac khu phu quy",
         "phuong mui ne", "hung giam doc", "thuy so noi vu", "hung zzz"]  # the last three: no one whole


@pytest.fixture
def db(cli, tmp_path):
    rows = [[f"{FAMILIES[i % 6]} {'Văn' if i % 3 else 'Thị'} {GIVEN[i % 7]}", str(1950 + i % 40), "Nam",
             f"0600{i:08d}", TOWNS[i % 6], *POSTS[i % 5]] for i in range(150)]
    code, _, err = cli("import", "cadres", workbook(tmp_path / "nhieu.xlsx", CADRE_HEADERS, rows))
    assert code == 0, err
    database = sample_database(cli, tmp_path)
    yield database
    database.close()


SMALL_STEPS = (("FIRST", 4), ("CHUNK", 7), ("QUICK", 7), ("RARE", 6), ("SCAN_BUDGET", 30))
PERSONS_AT_ONCE = 7  # and the index asked about a few persons at a time


def typed(text: str) -> list[str]:
    return [text[:end] for end in range(1, len(text) + 1)]


def whole_search(db, listing: browse.Listing, query: str) -> list[int]:
    """browse.record_ids over `listing`, read once, those holding the words together first."""
    words = query_words(query)
    if not words:
        return listing.ids
    together = browse.matching(db, listing, [" ".join(words)]) if len(words) > 1 else []
    every = together + sorted(set(browse.matching(db, listing, words)).difference(together))
    return [listing.ids[i] for i in every]


def rest_by_steps(db, found: register_search.Search) -> list[int]:
    while not found.complete:
        found.step(db)
    return found.ids


@pytest.fixture
def whole_matches(monkeypatch) -> list[str]:
    """The queries browse.matching_in_steps and mixed_in_steps were asked about: every match of the whole
    register, by its rule or the mixed one."""
    asked = []

    def watched(steps):
        return lambda db, found, words, *args, **kwargs: asked.append(" ".join(words)) or steps(db, found, words,
                                                                                                 *args, **kwargs)

    for name in ("matching_in_steps", "mixed_in_steps"):
        monkeypatch.setattr(browse, name, watched(getattr(browse, name)))
    return asked


def test_every_keystroke_shows_the_first_rows_of_the_whole_search_and_the_rest_follows(db, monkeypatch,
                                                                                       whole_matches):
    """A keystroke reads on at most SCAN_BUDGET records (typing «nguyen van hun» in 100,000 slips froze the
    window 1.3–1.9 s while the keystroke matched the whole register): the rest follows."""
    for small in (False, True):  # small steps make a few hundred records take every way 200,000 take
        for name, value in SMALL_STEPS if small else ():
            monkeypatch.setattr(register_search, name, value)
        if small:
            monkeypatch.setattr(browse, "PERSONS_AT_ONCE", PERSONS_AT_ONCE)
        for kind in browse.VIEWS:
            listing = browse.listing(db, kind)
            for text in TYPED:
                previous, typing = None, browse.listing(db, kind)  # its texts not read ahead
                for query in typed(text):
                    whole = whole_search(db, listing, query)
                    whole_matches.clear()
                    found = register_search.start(db, typing, query, previous)
                    assert found.ids == whole[:len(found.ids)], (kind, query)
                    assert found.scanned < register_search.SCAN_BUDGET + register_search.CHUNK, (kind, query)
                    assert whole_matches == [], (kind, query)
                    previous = found
                assert rest_by_steps(db, previous) == whole, (kind, text)
                for finish in (register_search.Search.finish, register_search.Search.go_on):
                    found = register_search.start(db, browse.listing(db, kind), text)
                    while not found.complete:
                        finish(found, db)
                    assert found.ids == whole, (kind, text, finish)


def test_a_common_prefix_shows_its_first_rows_before_they_are_all_counted(db, monkeypatch):
    monkeypatch.setattr(register_search, "FIRST", 5)
    monkeypatch.setattr(register_search, "CHUNK", 10)
    monkeypatch.setattr(register_search, "QUICK", 10)
    monkeypatch.setattr(register_search, "SCAN_BUDGET", 40)
    monkeypatch.setattr(register_search, "RARE", 20)  # of 160 persons, more than 20 hold "n"
    listing = browse.listing(db, "cadres")
    whole = browse.record_ids(db, "cadres", "n")
    found = register_search.start(db, listing, "n")
    assert not found.complete and 5 <= len(found.ids) < len(whole)
    assert found.scanned < len(listing.ids)  # the register was not read to its end
    assert rest_by_steps(db, found) == whole


def test_rare_words_are_answered_by_the_index_for_the_whole_register_once_the_officer_pauses(db, monkeypatch):
    for name, value in SMALL_STEPS:
        monkeypatch.setattr(register_search, name, value)
    listing = browse.listing(db, "cadres")
    found = register_search.start(db, listing, "nguyen van hung")
    assert not found.complete and found.scanned < register_search.SCAN_BUDGET  # few hold them: reading on finds few
    while not found.complete:
        found.go_on(db)
    assert found.ids == whole_search(db, listing, "nguyen van hung") != []


def test_typing_on_searches_only_the_rows_the_last_keystroke_left(db, monkeypatch):
    monkeypatch.setattr(register_search, "SCAN_BUDGET", 1_000)
    listing = browse.listing(db, "cadres")
    before = register_search.start(db, listing, "huynh")
    after = register_search.start(db, listing, "huynh thi", before)
    assert after.among == before.positions
    assert after.ids == browse.record_ids(db, "cadres", "huynh thi") != []


def _strict(db, listing: browse.Listing, query: str) -> list[int]:
    """The records the register's own rule finds, without the fallback."""
    steps = browse.matching_in_steps(db, listing, query_words(query), None)
    return [listing.ids[i] for i in next(positions for positions in steps if positions is not None)]


def test_a_cadre_search_that_finds_no_one_whole_finds_every_word_across_the_columns(db):
    """«hung cai tao» found no one though Nguyễn Văn Hùng's file records «học cải tạo»: a cadre is found by
    every word in his person or every word in his post and issues, never mixed. When that finds no one, the
    register shows those holding every word anywhere in their record (`mixed`, which the page tells); a
    search finding someone lists exactly what the register's rule finds, and a word found nowhere no one."""
    hung = browse.record_ids(db, "cadres", "060065001234")
    with db.read() as connection:
        person = connection.execute(select(cadres.c.person_id).where(cadres.c.id == hung[0])).scalar()
    POLITICAL_NOTES.add(db, person, {"axis": "Lịch sử chính trị", "content": "Cha đẻ học tập cải tạo 3 năm"})
    listing = browse.listing(db, "cadres")
    assert _strict(db, listing, "hung cai tao") == []
    for query in ("hung cai tao", "Hùng CẢI TẠO", "cai tao hung", "nguyen van hung cai tao", "noi vu hung tao"):
        found = register_search.finished(db, listing, query)
        assert (found.mixed, found.ids) == (True, hung), query
        assert browse.record_ids(db, "cadres", query) == hung, query
    named = register_search.finished(db, listing, "nguyen van hung")
    assert not named.mixed and named.ids == _strict(db, listing, "nguyen van hung") != []
    with db.read() as connection:
        keys = browse.search_keys(connection, {listing.person_ids[listing.ids.index(i)] for i in named.ids})
    assert all(key_pattern(word).search(key) for key in keys.values() for word in ("nguyen", "van", "hung"))
    for nowhere in ("hung zzz", "zzz"):
        found = register_search.finished(db, listing, nowhere)
        assert (found.mixed, found.ids, browse.record_ids(db, "cadres", nowhere)) == (True, [], []), nowhere


@pytest.mark.parametrize("kind", [kind for kind, spec in browse.VIEWS.items() if spec.person_id is not None])
def test_a_word_of_the_person_and_a_word_of_the_record_find_it_in_every_register(db, kind):
    """Every register finds a record by a word of its person's name and a word of its own texts together:
    the cadres by the fallback (mixed), the others by their own rule, which mixes them."""
    with db.read() as connection:
        person = connection.execute(select(cadres.c.person_id)).scalars().first()
    passports.add_passport(db, person, {"passport_type": "Công vụ", "number": "B1234567", "note": "Giữ tại Ban"})
    listing = browse.listing(db, kind)
    with db.read() as connection:
        texts = listing.texts_at(connection, range(len(listing.ids)))
        keys = browse.search_keys(connection, {person for person in listing.person_ids if person is not None})
    tried = [(i, keys[listing.person_ids[i]].split()[0], text.split()[-1]) for i, text in enumerate(texts)
             if text and listing.person_ids[i] in keys]
    assert tried, kind
    for i, name_word, text_word in tried[:5]:
        query = f"{name_word} {text_word}"
        found = register_search.finished(db, listing, query)
        assert listing.ids[i] in found.ids, (kind, query)
        assert found.ids == browse.record_ids(db, kind, query), (kind, query)
        assert not found.mixed or browse.view(kind).texts_whole, (kind, query)


def test_an_empty_search_is_the_whole_register_at_once(db):
    listing = browse.listing(db, "cadres")
    found = register_search.start(db, listing, "  ")
    assert found.complete and found.ids == listing.ids


def test_a_persons_search_key_holds_a_word_exactly_when_the_index_finds_them_by_it(db):
    with db.read() as connection:
        keys = dict(connection.execute(persons.select().with_only_columns(persons.c.id, persons.c.search_key)).all())
        for word in ("n", "ng", "phu", "phu,", "quy", "qui", "060", "0600000", "ab-c", "ngu phung", "–", "ham",
                     "duc", "vu"):
            found = set(connection.execute(persons_with(word)).scalars())
            assert found == {person for person, key in keys.items() if key_pattern(word).search(key)}, word
