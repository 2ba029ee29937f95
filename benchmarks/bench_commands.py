"""`bvct import`, `bvct export`, `bvct --version` and `bvct template` as whole processes, as an
officer runs them (start-up and the Argon2id unlock included), against yardsticks run the same way.

measured                                        yardstick (a fresh process)                   target
`bvct import cadres` 50,000 rows                openpyxl read-only iterating every cell        ratio ≤ 0.5
`bvct import cadres` the same register in TCVN3 the same, on that file                          ratio ≤ 1.0
`bvct import slips` 100,000 rows                the same, on that file                         ratio ≤ 0.5
  its peak memory (program and reader child)                                                   ≤ 400 MB
the desktop's import of the same slips          the same, on that file                         for information
  (read for the preview, then imported on a worker beside the Qt event loop, as the import wizard does)
`bvct import slips` again, the same rows        the same, on that file                         for information
  (into the database the desktop's import left holding them: every row found unchanged; peak memory too)
`bvct export slips` 100,000 slips               openpyxl write-only writing the same cells     ratio ≤ 1.0
                                                (dates as date cells, Số phiếu as text)
`bvct --version`, `bvct template cadres`        `python -c pass`, for information              ≤ 0.25 s

Each import starts from a fresh copy of an empty database made by `bvct init` (a real key slot),
but the import again.
Every run is a process started with subprocess and reaped with os.wait4: wall seconds, CPU seconds
(user + system, its children included) and peak resident size (the largest of the process and its
children). Measured and yardstick runs alternate; figures compare medians.
"""

import compileall
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import bench_import
import common
import fixtures
import synthetic

import bvct_desktop
from bvct_desktop.core import users
from bvct_desktop.core.kinds import SLIPS
from bvct_desktop.core.permissions import ROLES
from bvct_desktop.core.record_rows import export_rows

BVCT = [sys.executable, "-c", "from bvct_desktop.cli.main import run; run()"]  # the console script's body
CADRES, SLIP_ROWS = 50_000, 100_000
OFFICER = "canbo"  # the export's user: a key slot of the real cost

READ_WITH_OPENPYXL = """
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
cells = sum(1 for row in book.worksheets[0].iter_rows(values_only=True) for _ in row)
book.close()
"""
IMPORT_AS_THE_DESKTOP = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from bvct_desktop.core import importing, vault
from bvct_desktop.core.kinds import kind_named
from bvct_desktop.gui import workers
from bvct_desktop.gui.qt import QApplication, QEventLoop
from bvct_desktop.io import xlsx_reader
app = QApplication([])
database, user, password, kind, workbook = sys.argv[1:]
db = vault.unlock(Path(database), user, Path(password).read_text(encoding="utf-8").strip())
kind = kind_named(kind)
sheet = workers.wait_for(lambda: xlsx_reader.read_first_sheet(Path(workbook), len(kind.fields)))
loop, done = QEventLoop(), []
job = lambda progress: importing.import_sheet(db, kind, sheet, progress=progress)
workers.run_in_background(None, "Đang nhập…", job,
                          lambda result, error: (done.append(error is None and result.ok), loop.quit()))
loop.exec()
db.close()
os._exit(0 if done == [True] else 1)
"""
WRITE_WITH_OPENPYXL = """
import datetime as dt, pickle, sys, openpyxl
from openpyxl.cell import WriteOnlyCell
headers, text_columns, rows = pickle.load(open(sys.argv[1], "rb"))
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("Phieu")
sheet.append(headers)
def cell(index, value):
    if isinstance(value, dt.date):
        made = WriteOnlyCell(sheet, value=value)
        made.number_format = "DD/MM/YYYY"
        return made
    if index in text_columns and value is not None:
        made = WriteOnlyCell(sheet, value=value)
        made.number_format = "@"
        return made
    return value
for row in rows:
    sheet.append([cell(index, value) for index, value in enumerate(row)])
book.save(sys.argv[2])
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def process(argv: list[str], env: dict | None = None, log: Path | None = None) -> Run:
    """Runs `argv` to its end; its wall and CPU seconds and peak resident size (with its children)."""
    output = open(log or os.devnull, "ab")  # noqa: SIM115 - closed below
    try:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=output, stderr=output, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    finally:
        output.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        shown = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log else ""
        raise SystemExit(f"{argv[-3:]} exited {child.returncode}: {shown}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def alternate(measured, yardstick, repeat: int) -> tuple[list[Run], list[Run]]:
    measured_runs, yardstick_runs = [], []
    for _ in range(repeat):
        yardstick_runs.append(yardstick())
        measured_runs.append(measured())
    return measured_runs, yardstick_runs


def figure(name: str, target: float | None, runs: list[Run], yardstick: list[Run],
           measured_label: str, yardstick_label: str) -> common.Figure:
    made = common.Figure(name, target, [run.wall for run in runs], [run.wall for run in yardstick])
    common.print_figure(made, yardstick_label, measured_label)
    cpu, base_cpu = (statistics.median(run.cpu for run in side) for side in (runs, yardstick))
    peak, base_peak = (max(run.peak_mib for run in side) for side in (runs, yardstick))
    print(f"  CPU seconds: {cpu:.2f} against {base_cpu:.2f} (ratio {cpu / base_cpu:.2f}); "
          f"peak memory {peak:.0f} MiB against {base_peak:.0f} MiB", flush=True)
    return made


# -- fixtures -------------------------------------------------------------------------------

def environment(home: Path) -> dict:
    """The officer's environment: the password from a file, nothing else of ours set."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BVCT_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    return env


def empty_database() -> Path:
    """An empty database made by `bvct init`, with a key slot of the real cost."""
    def build(folder: Path) -> None:
        (folder / "mat-khau").write_text(fixtures.PASSWORD + "\n", encoding="utf-8")
        process([*BVCT, "--db", str(folder / "bvct.db"), "--password-file", str(folder / "mat-khau"),
                 "init", "--admin", fixtures.ADMIN], environment(folder), folder / "init.log")

    return fixtures.cached("empty-database", build) / "bvct.db"


def slip_workbook(rows: int) -> Path:
    folder = fixtures.cached(f"slips-xlsx-{rows}",
                             lambda folder: synthetic.write_slips(folder / "slips.xlsx", rows, 1, year=2025))
    return folder / "slips.xlsx"


def legacy_workbook(rows: int) -> Path:
    folder = fixtures.cached(f"legacy-cadres-xlsx-{rows}",
                             lambda folder: synthetic.write_legacy_cadres(folder / "tcvn3.xlsx", rows, 1))
    return folder / "tcvn3.xlsx"


def export_database(rows: int, scratch: Path) -> Path:
    """A copy of the slip database with an officer whose key slot has the real cost."""
    source = fixtures.slip_database(rows)
    target = scratch / "xuat.db"
    for suffix in ("", ".keys"):
        shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    db = fixtures.open_database(target)
    try:
        users.add(db, OFFICER, next(role for role in ROLES if role == "chuyen-vien"), fixtures.PASSWORD)
    finally:
        db.close()
    return target


def export_cells(database: Path, scratch: Path) -> Path:
    """The export's cells, for the yardstick to write (what the export writes, already in memory)."""
    db = fixtures.open_database(database)
    try:
        with db.read() as connection:
            rows = [[spec.to_cell(record[spec.key]) for spec in SLIPS.fields]
                    for record in export_rows(connection, SLIPS)]
    finally:
        db.close()
    text_columns = {index for index, spec in enumerate(SLIPS.fields) if spec.text_only}
    target = scratch / "o.pickle"
    with open(target, "wb") as out:
        pickle.dump(([spec.header for spec in SLIPS.fields], text_columns, rows), out)
    return target


# -- the figures ----------------------------------------------------------------------------

def imports(scale: float, repeat: int, scratch: Path) -> list[common.Figure]:
    empty = empty_database()
    password = scratch / "mat-khau"
    password.write_text(fixtures.PASSWORD + "\n", encoding="utf-8")
    env = environment(scratch)

    def imported(kind: str, workbook: Path, desktop: bool = False) -> Run:
        database = scratch / "nhap.db"
        fixtures.remove_database(database)
        for suffix in ("", ".keys"):
            shutil.copyfile(f"{empty}{suffix}", f"{database}{suffix}")
        return imported_into(database, kind, workbook, desktop)

    def imported_into(database: Path, kind: str, workbook: Path, desktop: bool = False) -> Run:
        if desktop:
            return process([sys.executable, "-c", IMPORT_AS_THE_DESKTOP, str(database), fixtures.ADMIN, str(password),
                            kind, str(workbook)], env, scratch / "nhap.log")
        return process([*BVCT, "--db", str(database), "--user", fixtures.ADMIN, "--password-file", str(password),
                        "import", kind, str(workbook)], env, scratch / "nhap.log")

    cadres, slips = common.scaled(CADRES, scale), common.scaled(SLIP_ROWS, scale)
    figures = []
    for name, kind, workbook, target in (
            (f"bvct import cadres, {cadres:,} rows", "cadres", bench_import.cadre_workbook(cadres), 0.5),
            (f"bvct import cadres, {cadres:,} rows in TCVN3", "cadres", legacy_workbook(cadres), 1.0),
            (f"bvct import slips, {slips:,} rows", "slips", slip_workbook(slips), 0.5)):
        runs, yardstick = alternate(lambda kind=kind, workbook=workbook: imported(kind, workbook),
                                    lambda workbook=workbook: process([sys.executable, "-c", READ_WITH_OPENPYXL,
                                                                       str(workbook)]), repeat)
        figures.append(figure(name, target, runs, yardstick, "bvct import, whole process",
                              "openpyxl read-only, every cell, whole process"))
        if kind == "slips":
            peaks = [run.peak_mib for run in runs]
            memory = common.Figure(f"peak memory of bvct import slips, {slips:,} rows", 400, peaks,
                                   [run.peak_mib for run in yardstick], absolute=True, unit="MB")
            print(f"{memory.name}: {memory.verdict()}", flush=True)
            figures.append(memory)
            runs, yardstick = alternate(lambda workbook=workbook: imported("slips", workbook, desktop=True),
                                        lambda workbook=workbook: process([sys.executable, "-c", READ_WITH_OPENPYXL,
                                                                           str(workbook)]), repeat)
            figures.append(figure(f"the desktop's import of slips, {slips:,} rows", None, runs, yardstick,
                                  "read and imported as the import wizard does, whole process",
                                  "openpyxl read-only, every cell, whole process"))
            runs, yardstick = alternate(lambda workbook=workbook: imported_into(scratch / "nhap.db", "slips", workbook),
                                        lambda workbook=workbook: process([sys.executable, "-c", READ_WITH_OPENPYXL,
                                                                           str(workbook)]), repeat)
            figures.append(figure(f"bvct import slips again, the same {slips:,} rows", None, runs, yardstick,
                                  "bvct import into the database the last run left holding them, whole process",
                                  "openpyxl read-only, every cell, whole process"))
    return figures


def export(scale: float, repeat: int, scratch: Path) -> list[common.Figure]:
    rows = common.scaled(SLIP_ROWS, scale)
    database = export_database(rows, scratch)
    cells = export_cells(database, scratch)
    password = scratch / "mat-khau"
    password.write_text(fixtures.PASSWORD + "\n", encoding="utf-8")
    env = environment(scratch)
    runs, yardstick = alternate(
        lambda: process([*BVCT, "--db", str(database), "--user", OFFICER, "--password-file", str(password),
                         "export", "slips", "--out", str(scratch / "xuat.xlsx")], env, scratch / "xuat.log"),
        lambda: process([sys.executable, "-c", WRITE_WITH_OPENPYXL, str(cells), str(scratch / "mau.xlsx")]),
        repeat)
    return [figure(f"bvct export slips, {rows:,} rows", 1.0, runs, yardstick, "bvct export, whole process",
                   "openpyxl write-only, the same cells, whole process")]


def start_up(repeat: int, scratch: Path) -> list[common.Figure]:
    env = environment(scratch)
    bare = lambda: process([sys.executable, "-c", "pass"])  # noqa: E731
    figures = []
    for name, argv in (("bvct --version", ["--version"]),
                       ("bvct template cadres", ["template", "cadres", "--out", str(scratch / "mau.xlsx")])):
        runs, yardstick = alternate(lambda argv=argv: process([*BVCT, *argv], env), bare, repeat)
        made = common.Figure(name, 0.25, [run.wall for run in runs], [run.wall for run in yardstick], absolute=True)
        common.print_figure(made, "python -c pass", "whole process")
        cpu, base_cpu = (statistics.median(run.cpu for run in side) for side in (runs, yardstick))
        print(f"  CPU seconds: {cpu:.3f} against {base_cpu:.3f} (a loaded machine stretches wall time, "
              "not these)", flush=True)
        figures.append(made)
    return figures


def installed_bytecode() -> None:
    """The package compiled as an installation leaves it (pip, the bundle): a source tree run where
    PYTHONDONTWRITEBYTECODE is set would compile every module in every process measured, which no
    officer's program does (openpyxl, the yardstick, is installed compiled)."""
    compileall.compile_dir(Path(bvct_desktop.__file__).parent, quiet=1)


def run(scale: float = 1.0, repeat: int = 3, profile: bool = False) -> list[common.Figure]:
    fixtures.OUT.mkdir(exist_ok=True)
    installed_bytecode()
    with tempfile.TemporaryDirectory(dir=fixtures.OUT) as folder:
        scratch = Path(folder)
        return (start_up(max(repeat, 5), scratch) + imports(scale, repeat, scratch)
                + export(scale, repeat, scratch))


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=3)
    run(args.scale, args.repeat, args.profile)
