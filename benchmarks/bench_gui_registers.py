"""The cadre register in the GUI over 200,000 cadres: opening it, searching as you type, memory.

- open: building the register page (ids of every cadre in Vietnamese name order, first rows
  fetched and painted) — target ≤ 1 s; baseline: an empty QTableView page shown the same way.
- keystroke: typing "nguyen van hung" into the search box one key at a time, each key timed
  from the key event to the table updated and painted — target median ≤ 50 ms; baseline: the
  same keys typed into a bare QLineEdit.
- memory: the process's resident set with the register open — target ≤ 300 MB.

Run offscreen (QT_QPA_PLATFORM=offscreen is set when absent).
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import common  # noqa: E402
import fixtures  # noqa: E402
import synthetic  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bvct_desktop.core.collation import name_sort_key  # noqa: E402
from bvct_desktop.core.people import Identity, search_key  # noqa: E402
from bvct_desktop.core.schema import cadres, persons, units  # noqa: E402
from bvct_desktop.core.text import identity_key  # noqa: E402
from bvct_desktop.gui import look  # noqa: E402
from bvct_desktop.gui.context import AppContext  # noqa: E402
from bvct_desktop.gui.dialogs import Dialogs  # noqa: E402
from bvct_desktop.gui.qt import QApplication, QLineEdit, Qt, QTableView, QVBoxLayout, QWidget  # noqa: E402
from bvct_desktop.gui.registers.page import RegisterPage  # noqa: E402

ROWS = 200_000
OPEN_TARGET, KEY_TARGET, RSS_TARGET_MB = 1.0, 0.050, 300
TYPED = "nguyen van hung"


def cadre_database(rows: int, seed: int = 1) -> Path:
    """An encrypted database holding `rows` synthetic cadres (cached under out/)."""
    def build(folder: Path) -> None:
        path = folder / "bvct.db"
        fixtures.create_database(path)
        db = fixtures.open_database(path)
        try:
            load_cadres(db, synthetic.iter_cadres(rows, seed))
        finally:
            db.close()

    return fixtures.cached(f"cadres-{rows}-seed{seed}", build) / "bvct.db"


def load_cadres(db, records) -> None:
    """Bulk insert of persons, units and cadres, every derived column as the services compute it."""
    now = db.clock()
    unit_ids: dict[str, int] = {}
    next_id = 1
    for chunk in fixtures._chunks(records, fixtures.LOAD_CHUNK):
        new_persons, new_units, new_cadres = [], [], []
        for record in chunk:
            identity = Identity(record["full_name"], record.get("birth_date"), record.get("home_town"))
            values = {key: record.get(key) for key in ("full_name", "other_names", "gender", "birth_date",
                                                       "home_town", "residence", "ethnicity", "religion",
                                                       "cccd", "cmnd")}
            new_persons.append({**values, "id": next_id, "name_key": identity.key[0],
                                "home_town_key": identity.key[2], "search_key": search_key(values),
                                "sort_key": name_sort_key(record["full_name"]), "created_at": now,
                                "updated_at": now})
            unit = record.get("unit")
            if unit and unit not in unit_ids:
                unit_ids[unit] = len(unit_ids) + 1
                new_units.append({"id": unit_ids[unit], "name": unit, "name_key": identity_key(unit)})
            new_cadres.append({"id": next_id, "person_id": next_id, "unit_id": unit_ids.get(unit),
                               **{key: record.get(key) for key in ("position", "management", "party_joined_on",
                                                                   "party_official_on", "party_card_no", "note")},
                               "created_at": now, "updated_at": now, "deleted_at": None})
            next_id += 1
        with db.write() as connection:
            for table, rows in ((persons, new_persons), (units, new_units), (cadres, new_cadres)):
                if rows:
                    connection.execute(table.insert(), rows)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def shown(app: QApplication, widget: QWidget) -> None:
    widget.resize(1280, 720)
    widget.show()
    app.processEvents()


def open_register(app: QApplication, context: AppContext) -> tuple[float, QWidget]:
    start = time.perf_counter()
    page = RegisterPage(context, "cadres")
    shown(app, page)
    return time.perf_counter() - start, page


def open_bare(app: QApplication) -> float:
    start = time.perf_counter()
    page = QWidget()
    QVBoxLayout(page).addWidget(QTableView())
    shown(app, page)
    elapsed = time.perf_counter() - start
    page.deleteLater()
    return elapsed


def type_keys(app: QApplication, box: QLineEdit) -> list[float]:
    """Seconds from each key to the page updated and painted."""
    box.clear()
    app.processEvents()
    runs = []
    for ch in TYPED:
        start = time.perf_counter()
        QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
        app.processEvents()
        box.window().repaint()
        runs.append(time.perf_counter() - start)
    return runs


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    path = cadre_database(rows)
    app = QApplication.instance() or QApplication([])
    look.apply(app)
    db = fixtures.open_database(path)
    with db.read() as connection:
        assert len(connection.execute(select(cadres.c.id)).all()) == rows
    dialogs = Dialogs()
    dialogs.scripted = True
    context = AppContext(db=db, clock=db.clock, dialogs=dialogs)
    open_runs, bare_runs, pages = [], [], []
    for _ in range(repeat):
        bare_runs.append(open_bare(app))
        elapsed, page = open_register(app, context)
        open_runs.append(elapsed)
        pages.append(page)
    for page in pages[:-1]:
        page.close()
        page.deleteLater()
    app.processEvents()
    page = pages[-1]
    memory = rss_mb()
    key_runs, bare_key_runs = [], []
    bare = QLineEdit()
    shown(app, bare)
    for _ in range(repeat):
        key_runs += type_keys(app, page.search)
        bare_key_runs += type_keys(app, bare)
    if profile:
        common.profile(lambda: type_keys(app, page.search))
    found = page.model.rowCount()
    figures = [
        common.Figure(f"open the cadre register ({rows:,} cadres)", OPEN_TARGET, open_runs, bare_runs, absolute=True),
        common.Figure(f"search keystroke → table updated ({rows:,} cadres)", KEY_TARGET, key_runs, bare_key_runs,
                      absolute=True),
    ]
    common.print_figure(figures[0], "empty QTableView page", "RegisterPage('cadres') built and shown")
    common.print_figure(figures[1], "bare QLineEdit", f"typing «{TYPED}» ({found} found at the end)")
    print(f"memory with the register open: {memory:.0f} MB RSS (target ≤ {RSS_TARGET_MB} MB): "
          f"{'met' if memory <= RSS_TARGET_MB else 'MISSED'}")
    db.close()
    return figures


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
