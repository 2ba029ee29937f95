"""Runs every benchmark in turn and prints a summary table of the figures and their targets.

    python benchmarks/run_all.py [--scale 0.1] [commands import export report cipher documents gui-startup gui-registers
                                                backup places]
"""

import argparse
import sys
import time

import bench_backup
import bench_cipher
import bench_commands
import bench_documents
import bench_export
import bench_gui_registers
import bench_gui_startup
import bench_import
import bench_places
import bench_report
import common

BENCHMARKS = {
    "commands": bench_commands.run,
    "import": bench_import.run,
    "export": bench_export.run,
    "report": bench_report.run,
    "cipher": bench_cipher.run,
    "documents": bench_documents.run,
    "gui-startup": bench_gui_startup.run,
    "gui-registers": bench_gui_registers.run,
    "backup": bench_backup.run,
    "places": bench_places.run,
}


def summary(figures: list[common.Figure]) -> str:
    width = max(len(figure.name) for figure in figures)
    lines = [f"{'figure':<{width}}  {'measured':>10}  {'baseline':>10}  {'ratio':>6}  {'target':<14}  result",
             "-" * (width + 62)]
    for figure in figures:
        lines.append(f"{figure.name:<{width}}  {figure.median:>9.3f}s  {figure.baseline:>9.3f}s  "
                     f"{figure.ratio:>6.2f}  {figure.target_text():<14}  {figure.result_text()}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the data sizes")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"which to run (default all: {', '.join(BENCHMARKS)})")
    args = parser.parse_args()
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    print(common.machine())
    figures = []
    for name in args.names or BENCHMARKS:
        print(f"== {name} ==", flush=True)
        started = time.perf_counter()
        figures += BENCHMARKS[name](args.scale)
        print(f"({name}: {time.perf_counter() - started:.0f} s in all)\n", flush=True)
    print(summary(figures))
    print(common.machine())
    return 0 if all(figure.met for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
