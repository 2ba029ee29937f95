"""What the benchmark scripts share: timing against a baseline measured in the same run.

The machine is shared and noisy, so every figure alternates baseline and measured runs
within one process and compares medians.
"""

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass
class Figure:
    """One measured operation: its runs, its baseline's runs, and its target (None: shown only)."""

    name: str
    target: float | None
    runs: list[float]
    baseline_runs: list[float]
    absolute: bool = False  # the target is in `unit`, not a ratio to the baseline
    unit: str = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def baseline(self) -> float:
        return statistics.median(self.baseline_runs)

    @property
    def ratio(self) -> float:
        return self.median / self.baseline

    @property
    def value(self) -> float:
        return self.median if self.absolute else self.ratio

    @property
    def met(self) -> bool:
        return self.target is None or self.value <= self.target

    def target_text(self) -> str:
        if self.target is None:
            return "none"
        return f"≤ {self.target:g} {self.unit}" if self.absolute else f"ratio ≤ {self.target:g}"

    def result_text(self) -> str:
        if self.target is None:
            return "for information"
        return "met" if self.met else "MISSED"

    def verdict(self) -> str:
        shown = f"{self.median:.3f} {self.unit}" if self.absolute else f"ratio {self.ratio:.2f}"
        return f"{shown} (target {self.target_text()}): {self.result_text()}"


def timed_call(action: Callable[[], T]) -> tuple[float, T]:
    """The seconds `action` takes (after a garbage collection) and what it returns."""
    gc.collect()
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def timed(action: Callable[[], object]) -> float:
    return timed_call(action)[0]


def alternate(baseline: Callable[[], float], measured: Callable[[], float],
              repeat: int) -> tuple[list[float], list[float]]:
    """Runs baseline and measured in turns; each callable returns its own elapsed seconds."""
    baseline_runs, measured_runs = [], []
    for _ in range(repeat):
        baseline_runs.append(baseline())
        measured_runs.append(measured())
    return baseline_runs, measured_runs


def print_runs(label: str, runs: list[float]) -> None:
    shown = " ".join(f"{run:.3f}" for run in runs)
    print(f"  {label}: {shown} s → median {statistics.median(runs):.3f} s")


def print_figure(figure: Figure, baseline_label: str, measured_label: str) -> None:
    print(figure.name)
    print_runs(f"baseline ({baseline_label})", figure.baseline_runs)
    print_runs(f"measured ({measured_label})", figure.runs)
    if figure.absolute:
        print(f"  ratio to baseline {figure.ratio:.2f} (for information)")
    print(f"  {figure.verdict()}")


def machine() -> str:
    """How busy the shared machine is, to read the absolute figures by."""
    loads = " ".join(f"{load:.2f}" for load in os.getloadavg())
    return f"{os.cpu_count()} CPUs, load average {loads}"


def arguments(description: str, default_repeat: int) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply the data sizes (e.g. 0.1 for a quick run)")
    parser.add_argument("--repeat", type=int, default=default_repeat, help="timed runs of each side")
    parser.add_argument("--profile", action="store_true",
                        help="also run the measured operation once under cProfile and print the top")
    args = parser.parse_args()
    print(machine(), flush=True)
    return args


def scaled(rows: int, scale: float) -> int:
    return max(100, round(rows * scale))


def profile(action: Callable[[], object], limit: int = 30) -> None:
    """Runs `action` under cProfile and prints the functions with the most cumulative time."""
    profiler = cProfile.Profile()
    profiler.runcall(action)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(limit)
    stats.sort_stats("tottime").print_stats(limit)
