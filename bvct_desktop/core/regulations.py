"""The regulation on internal political protection in force on a day (QĐ 57 → QĐ 126 → QĐ 58).

The table is data (core/data/regulations.json): each regulation applies from the day it was
signed until the day before the next one. A report names the regulations in force during its
period, so a report of 2016 cites QĐ 57-QĐ/TW and one of 2023 QĐ 58-QĐ/TW.
"""

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from .dates import display_date

DATA = Path(__file__).parent / "data" / "regulations.json"


@dataclass(frozen=True)
class Regulation:
    number: str
    signed_on: dt.date
    issuer: str
    title: str
    until: dt.date | None  # the day before the next regulation; None while in force

    @property
    def citation(self) -> str:
        """"Quy định số 58-QĐ/TW ngày 08/02/2022 của Bộ Chính trị về một số vấn đề …"."""
        return (f"Quy định số {self.number} ngày {display_date(self.signed_on)} của {self.issuer} "
                f"về {self.title}")


@functools.cache
def all_regulations(path: Path = DATA) -> tuple[Regulation, ...]:
    rows = sorted(json.loads(path.read_text(encoding="utf-8"))["regulations"], key=lambda row: row["signed_on"])
    starts = [dt.date.fromisoformat(row["signed_on"]) for row in rows]
    return tuple(Regulation(row["number"], start, row["issuer"], row["title"],
                            starts[i + 1] - dt.timedelta(days=1) if i + 1 < len(starts) else None)
                 for i, (row, start) in enumerate(zip(rows, starts, strict=True)))


def in_force(start: dt.date, end: dt.date) -> list[Regulation]:
    """The regulations in force on some day of the period, oldest first."""
    return [regulation for regulation in all_regulations()
            if regulation.signed_on <= end and (regulation.until is None or regulation.until >= start)]
