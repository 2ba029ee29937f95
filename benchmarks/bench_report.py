"""Report figures over 1,000,000 slips in the period, on the encrypted database.

measured: report.figures for a period holding every slip (2016–2025), audit entry included.
baseline: for information only, the least any report must do: count the period's slips
          (`SELECT count(*)` over the same index range, raw SQL on the same database).
target:   median ≤ 1 s.
"""

import datetime as dt

import common
import fixtures
import synthetic
from sqlalchemy import text

from bvct_desktop.core import report

ROWS = 1_000_000
TARGET_SECONDS = 1.0
START, END = synthetic.FIRST_DAY, synthetic.LAST_DAY
COUNT_PERIOD = text("SELECT count(*) FROM slips WHERE deleted_at IS NULL AND issued_on BETWEEN :start AND :end")


def count_period(db, start: dt.date, end: dt.date) -> int:
    with db.read() as connection:
        return connection.execute(COUNT_PERIOD, {"start": start.isoformat(), "end": end.isoformat()}).scalar()


def figures(db, rows: int) -> None:
    issued = report.figures(db, START, END)["slips_issued"]
    if issued != rows:
        raise SystemExit(f"expected {rows} slips in the period, the report counts {issued}")


def run(scale: float = 1.0, repeat: int = 5, profile: bool = False) -> list[common.Figure]:
    rows = common.scaled(ROWS, scale)
    db = fixtures.open_database(fixtures.slip_database(rows))
    try:
        figures(db, rows)  # warms the caches, as any run after the first finds them
        baseline_runs, runs = common.alternate(
            lambda: common.timed(lambda: count_period(db, START, END)),
            lambda: common.timed(lambda: figures(db, rows)), repeat)
        if profile:
            common.profile(lambda: figures(db, rows))
    finally:
        db.close()
    figure = common.Figure(f"report figures over {rows:,} slips", TARGET_SECONDS, runs, baseline_runs,
                           absolute=True)
    common.print_figure(figure, "count(*) of the period's slips", "report.figures")
    return [figure]


if __name__ == "__main__":
    args = common.arguments(__doc__.splitlines()[0], default_repeat=5)
    run(args.scale, args.repeat, args.profile)
