"""Place names before and after 01/7/2025 (issue 15): what they cost the search and the program.

- keystroke: typing "nguyen van hung" and place names ("phu quy", "mui ne", "ham tien") into the
  cadre register's search box over 200,000 cadres whose search keys carry the other names of their home towns, each key
  timed to the table updated and painted — target median ≤ 30 ms; baseline: the same keys typed
  into a bare QLineEdit.
- index: the FTS5 index (prefix='2 3', as migration 0002 makes it) over the same persons' search
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
from bvct_desktop.gui.qt import QApplication, QLineEdit  # noqa: E402
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
    connection.execute("CREATE VIRTUAL TABLE fts USING fts5(search_key, prefix='2 3')")
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


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    path = registers.cadre_database(rows)
    app = QApplication.instance() or QApplication([])
    look.apply(app)
    db = fixtures.open_database(path)
    dialogs = Dialogs()
    dialogs.scripted = True
    page = RegisterPage(AppContext(db=db, clock=db.clock, dialogs=dialogs), "cadres")
    registers.shown(app, page)
    bare = QLineEdit()
    registers.shown(app, bare)
    key_runs, bare_runs = [], []
    for _ in range(repeat):
        key_runs += type_keys(app, page.search)
        bare_runs += type_keys(app, bare)
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
        common.Figure(f"search keystroke, place names → table updated ({rows:,} cadres)", KEY_TARGET,
                      key_runs, bare_runs, absolute=True),
        common.Figure("index queries while typing, with the place names vs without", None, query_runs, query_base),
        common.Figure("gazetteer load in a fresh process", None, load_runs, load_base, absolute=True),
    ]
    common.print_figure(figures[0], "bare QLineEdit", f"typing {', '.join(QUERIED)} into the register")
    print(f"FTS5 index over {len(stored):,} search keys: {with_names / 2**20:.1f} MB with the place names, "
          f"{without / 2**20:.1f} MB without (ratio {with_names / without:.2f}; for information)")
    common.print_figure(figures[1], "index without the place names", "index with them")
    common.print_figure(figures[2], "decompress and parse the file", "gazetteer.load()")
    return figures


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
