"""Place names before and after 01/7/2025 (issue 15): what they cost the search and the program.

- keystroke: typing "nguyen van hung" and place names ("phu quy", "mui ne", "ham tien") into the
  cadre register's search box over 200,000 cadres whose search keys carry the other names of their
  home towns, each key timed to the first rows shown and painted (core/register_search; the count
  may follow) — target median ≤ 30 ms; baseline: the register's table reset and painted on each
  key with no search (what painting alone costs), and, for information, a bare QLineEdit. The
  register is ready first: open, with its texts read ahead while idle (the time that takes is shown).
- cold start, for information: the same keys typed at once into a register just opened, before
  anything is read ahead (a rare word then reads every record's texts at once).
- the rest of a search, for information: "n" typed, then the officer pauses: the time until every
  matching row is found and counted, and the longest the event loop waits for one slice of it.
- index: the FTS5 index (prefix='1 2 3', as migration 0015 makes it) over the same persons' search
  keys, with the place names against without them (name, other names, ID numbers, home town as
  written), both built in memory with SQLite's own FTS5: its size, and the time of the index
  queries a search box makes while "nguyen van hung" and the place names above are typed, key by
  key (the words as search.persons_with_every asks for them) — for information.
- gazetteer load: reading resources/places and building the lookup in a fresh process, against
  only decompressing and parsing the file — for information (it happens at the first lookup, not
  at start-up).

Run offscreen (QT_QPA_PLATFORM=offscreen is set when absent).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import bench_gui_registers as registers  # noqa: E402
import common  # noqa: E402
import fixtures  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bvct_desktop.core import search  # noqa: E402
from bvct_desktop.core.schema import persons  # noqa: E402
from bvct_desktop.core.text import fold, search_words  # noqa: E402
from bvct_desktop.gui import look  # noqa: E402
from bvct_desktop.gui.context import AppContext  # noqa: E402
from bvct_desktop.gui.dialogs import Dialogs  # noqa: E402
from bvct_desktop.gui.qt import QApplication, QEvent, QLineEdit  # noqa: E402
from bvct_desktop.gui.registers.page import RegisterPage  # noqa: E402

ROWS = 200_000
KEY_TARGET = 0.030
TYPED = ("phu quy", "mui ne", "ham tien")
QUERIED = ("nguyen van hung", *TYPED)
ROOT = Path(__file__).resolve().parent.parent


def type_keys(app: QApplication, box: QLineEdit) -> list[float]:
    runs = []
    for text in QUERIED:
        registers.TYPED = text  # type_keys of the register benchmark types its module's TYPED
        runs += registers.type_keys(app, box)
    return runs


def fts_index(keys: list[str]) -> tuple[sqlite3.Connection, int]:
    """An FTS5 index like persons_fts over `keys`, built in memory, and its size in bytes."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE fts USING fts5(search_key, prefix='1 2 3')")
    connection.executemany("INSERT INTO fts(search_key) VALUES (?)", ((key,) for key in keys))
    connection.commit()
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    return connection, pages * connection.execute("PRAGMA page_size").fetchone()[0]


def typed_queries(connection: sqlite3.Connection) -> float:
    """Seconds for the index queries of typing every text of QUERIED key by key."""
    start = time.perf_counter()
    for text in QUERIED:
        for end in range(1, len(text) + 1):
            words = search_words(text[:end])
            if words:
                query = " AND ".join(search.fts_phrase(word) for word in words)
                connection.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (query,)).fetchall()
    return time.perf_counter() - start


def load_seconds(what: str) -> float:
    code = {"gazetteer": "from bvct_desktop.core import gazetteer; gazetteer.load()",
            "parse": "import gzip, json; from bvct_desktop.core import gazetteer; "
                     "from bvct_desktop.resources import resource_path; "
                     "json.loads(gzip.decompress(resource_path(gazetteer.DATA).read_bytes()))"}[what]
    timed = f"import time; start = time.perf_counter(); {code}; print(time.perf_counter() - start)"
    out = subprocess.run([sys.executable, "-c", timed], check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout)


def repaint_keys(app: QApplication, page: RegisterPage) -> list[float]:
    """Seconds to reset and paint the register's table once per key typed in type_keys, no search."""
    runs = []
    for text in QUERIED:
        for _ in text:
            start = time.perf_counter()
            page.model.beginResetModel()
            page.model.endResetModel()
            app.processEvents()
            page.window().repaint()
            runs.append(time.perf_counter() - start)
    return runs


def until_idle(app: QApplication, page: RegisterPage) -> tuple[float, float]:
    """Seconds until the register has no work left for the officer's pauses, and the longest turn
    of the event loop meanwhile (how long a key pressed then would wait)."""
    start, longest = time.perf_counter(), 0.0
    while page.model.busy:
        turn = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - turn)
    return time.perf_counter() - start, longest


def opened(app: QApplication, db) -> RegisterPage:
    dialogs = Dialogs()
    dialogs.scripted = True
    page = RegisterPage(AppContext(db=db, clock=db.clock, dialogs=dialogs), "cadres")
    registers.shown(app, page)
    return page


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    path = registers.cadre_database(rows)
    app = QApplication.instance() or QApplication([])
    look.apply(app)
    db = fixtures.open_database(path)
    cold = opened(app, db)
    cold_runs = type_keys(app, cold.search)
    cold.close()
    cold.deleteLater()  # and its reading ahead with it
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    page = opened(app, db)
    ready, _ = until_idle(app, page)
    bare = QLineEdit()
    registers.shown(app, bare)
    key_runs, paint_runs, bare_runs, rest_runs, turns = [], [], [], [], []
    for _ in range(repeat):
        key_runs += type_keys(app, page.search)
        until_idle(app, page)
        paint_runs += repaint_keys(app, page)
        bare_runs += type_keys(app, bare)
        page.search.clear()
        until_idle(app, page)
        registers.TYPED = "n"
        registers.type_keys(app, page.search)
        rest, turn = until_idle(app, page)
        rest_runs.append(rest)
        turns.append(turn)
    found = page.model.rowCount()
    if profile:
        common.profile(lambda: type_keys(app, page.search))

    with db.read() as connection:
        stored = connection.execute(select(persons.c.full_name, persons.c.other_names, persons.c.cccd,
                                           persons.c.cmnd, persons.c.home_town, persons.c.search_key)).all()
    db.close()
    with_index, with_names = fts_index([row.search_key for row in stored])
    plain_index, without = fts_index([fold(" ".join(value for value in row[:5] if value)) for row in stored])
    query_base, query_runs = common.alternate(lambda: typed_queries(plain_index), lambda: typed_queries(with_index),
                                              repeat)

    load_base, load_runs = common.alternate(lambda: load_seconds("parse"), lambda: load_seconds("gazetteer"),
                                            repeat)
    figures = [
        common.Figure(f"search keystroke, place names → first rows shown ({rows:,} cadres)", KEY_TARGET,
                      key_runs, paint_runs, absolute=True),
        common.Figure("the same keys typed into a register just opened, nothing read ahead", None, cold_runs,
                      paint_runs, absolute=True),
        common.Figure("index queries while typing, with the place names vs without", None, query_runs, query_base),
        common.Figure("gazetteer load in a fresh process", None, load_runs, load_base, absolute=True),
    ]
    common.print_figure(figures[0], "the table reset and painted, no search",
                        f"typing {', '.join(QUERIED)} into the register")
    print(f"  p90 {statistics.quantiles(key_runs, n=10)[-1]:.3f} s, slowest {max(key_runs):.3f} s; "
          f"a bare QLineEdit: median {statistics.median(bare_runs):.4f} s")
    print(f"  the register ready (texts read ahead while idle) {ready:.2f} s after it was shown")
    common.print_figure(figures[1], "the table reset and painted, no search", "typing at once after opening")
    print(f"  slowest {max(cold_runs):.3f} s (the first rare word reads every record's texts)")
    print(f"«n» then a pause: all {found:,} rows found and counted in {statistics.median(rest_runs):.2f} s "
          f"(median of {len(rest_runs)}); the event loop waited at most {max(turns) * 1000:.0f} ms for a slice")
    print(f"FTS5 index over {len(stored):,} search keys: {with_names / 2**20:.1f} MB with the place names, "
          f"{without / 2**20:.1f} MB without (ratio {with_names / without:.2f}; for information)")
    common.print_figure(figures[2], "index without the place names", "index with them")
    common.print_figure(figures[3], "decompress and parse the file", "gazetteer.load()")
    return figures


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
