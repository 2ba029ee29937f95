"""Cold start of the bundled desktop program against the same program in its virtualenv.

- measured: a fresh process of the PyInstaller bundle's `bvct-desktop --db DB --startup-check R`
  (dist/bvct-desktop, built by `installer/build`, or --bundle): Qt, the bundled fonts, the login
  window shown and painted, the start-up report written, the window closed, the process ended;
- baseline: the same command through the virtualenv's `bvct-desktop` (this interpreter's);
- no target (issue 9 asks for the ratio): both are whole processes as the officer starts them,
  alternating within one run, after one warm-up each. Offscreen (QT_QPA_PLATFORM).

    python benchmarks/bench_bundle_startup.py [--bundle dist/bvct-desktop] [--repeat 9]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Do-khoi-dong-2026"


def started(program: Path, database: Path, report: Path) -> float:
    """Wall time of one fresh process from start to its exit after the login window showed."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    begin = time.perf_counter()
    done = subprocess.run([str(program), "--db", str(database), "--startup-check", str(report)], env=env,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - begin
    if done.returncode != 0 or '"LoginDialog"' not in report.read_text(encoding="utf-8"):
        raise SystemExit(f"{program} did not reach its login window: {done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "bvct-desktop")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    print(common.machine(), flush=True)
    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = args.bundle / f"bvct-desktop{suffix}"
    venv = Path(shutil.which("bvct-desktop", path=str(Path(sys.executable).parent)) or "")
    if not bundled.exists() or not venv.is_file():
        raise SystemExit(f"need {bundled} (installer/build) and bvct-desktop beside {sys.executable}")
    with tempfile.TemporaryDirectory() as work:
        database, report = Path(work) / "bvct.db", Path(work) / "report.json"
        (Path(work) / "pw").write_text(PASSWORD, encoding="utf-8")
        subprocess.run([str(venv.with_name(f"bvct{suffix}")), "--db", str(database), "--password-file",
                        str(Path(work) / "pw"), "init", "--admin", "quantri"], check=True, capture_output=True)
        started(venv, database, report)  # warm the file cache for both sides
        started(bundled, database, report)
        venv_runs, bundle_runs = common.alternate(lambda: started(venv, database, report),
                                                  lambda: started(bundled, database, report), args.repeat)
    figure = common.Figure("cold start to the login window, bundle vs virtualenv", None, bundle_runs, venv_runs)
    common.print_figure(figure, "virtualenv bvct-desktop", "bundled bvct-desktop")
    print(f"  ratio bundle / virtualenv: {figure.ratio:.2f}")


if __name__ == "__main__":
    main()
