"""Import of a 50,000-row cadre workbook into a fresh encrypted database, against openpyxl.

measured: xlsx_reader.read_first_sheet + importing.import_sheet (one transaction), into a
          database just made with vault.create and vault.unlock (not timed).
baseline: openpyxl load_workbook(read_only=True) reading every cell value of the same file.
target:   ratio ≤ 1.5.
"""

import tempfile
from pathlib import Path

import common
import fixtures
import openpyxl
import synthetic

from bvct_desktop.core import importing
from bvct_desktop.core.kinds import CADRES
from bvct_desktop.core.plans.base import CREATED
from bvct_desktop.io import xlsx_reader

ROWS = 50_000
TARGET = 1.5


def cadre_workbook(rows: int, seed: int = 1) -> Path:
    folder = fixtures.cached(f"cadres-xlsx-{rows}-seed{seed}",
                             lambda folder: synthetic.write_cadres(folder / "cadres.xlsx", rows, seed))
    return folder / "cadres.xlsx"


def read_with_openpyxl(path: Path) -> int:
    workbook = openpyxl.load_workbook(path, read_only=True)
    cells = 0
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        for _ in row:
            cells += 1
    workbook.close()
    return cells


def import_into_fresh_database(workbook: Path, rows: int, scratch: Path) -> float:
    """Seconds to read and import `workbook`; fails unless all `rows` cadres were created."""
    path = scratch / "import.db"
    fixtures.remove_database(path)
    fixtures.create_database(path)
    db = fixtures.open_database(path)
    try:
        elapsed, result = common.timed_call(
            lambda: importing.import_sheet(db, CADRES, xlsx_reader.read_first_sheet(workbook)))
    finally:
        db.close()
        fixtures.remove_database(path)
    if not result.ok or result.counts[CREATED] != rows:
        raise SystemExit(f"the import did not create {rows} cadres: {result.counts} {result.problems[:5]}")
    return elapsed


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    workbook = cadre_workbook(rows)
    fixtures.OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=fixtures.OUT) as scratch:
        baseline_runs, runs = common.alternate(
            lambda: common.timed(lambda: read_with_openpyxl(workbook)),
            lambda: import_into_fresh_database(workbook, rows, Path(scratch)), repeat)
        if profile:
            common.profile(lambda: import_into_fresh_database(workbook, rows, Path(scratch)))
    figure = common.Figure(f"import {rows:,} cadres (xlsx → encrypted database)", TARGET, runs, baseline_runs)
    common.print_figure(figure, "openpyxl read-only, every cell", "read_first_sheet + import_sheet")
    return [figure]


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
