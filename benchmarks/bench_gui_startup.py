"""Start-up of the desktop application on a database of 200,000 cadres.

- measured: a fresh process running `bvct-desktop --db PATH` (the real `gui.app.main`: Qt,
  bundled fonts, Vietnamese strings, the database found, the login window built) until the
  login window is shown and painted;
- baseline: a fresh process showing a bare PySide6 window the same way;
- target: measured ≤ 2 × baseline (issue 5). Runs alternate within one run; both sides pay
  the interpreter's own start.

Run offscreen (QT_QPA_PLATFORM=offscreen is set when absent).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import bench_gui_registers
import common

ROWS = 200_000
TARGET_RATIO = 2.0

BARE = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.setWindowTitle("BVCT Desktop")
window.show()
app.processEvents()
"""

APP = """
import os, sys
from bvct_desktop.gui import app, login

def shown(dialog):  # the login window is on screen: the start-up is over
    dialog.show()
    app.QApplication.processEvents()
    os._exit(0 if dialog.isVisible() else 1)

login.LoginDialog.exec = shown
app.main(["--db", sys.argv[1]])
os._exit(2)  # the login window never came
"""


def started(code: str, *argv: str) -> float:
    """Wall time of a fresh Python process running `code` to its end."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    begin = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - begin
    if done.returncode != 0:
        raise SystemExit(f"start-up run failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def run(scale: float = 1.0, repeat: int = 7, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    database: Path = bench_gui_registers.cadre_database(rows)
    started(BARE)  # warm the file cache for both sides
    started(APP, str(database))
    bare_runs, app_runs = common.alternate(lambda: started(BARE), lambda: started(APP, str(database)), repeat)
    if profile:
        common.profile(lambda: started(APP, str(database)))
    figure = common.Figure(f"start to the login window ({rows:,} cadres)", TARGET_RATIO, app_runs, bare_runs)
    common.print_figure(figure, "bare PySide6 window, fresh process", "bvct-desktop to the login window")
    return [figure]


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=7)
    run(args.scale, args.repeat, args.profile)
