"""The office's nine months (benchmarks/office_day.py), which the README's screenshots and an officer
trying the desktop application are given, are built through the importer from end to end."""

import sys
from pathlib import Path

from sqlalchemy import func, select

from bvct_desktop.core import keyfile
from bvct_desktop.core.schema import cadres, slips

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import office_day  # noqa: E402 - found through the path above


def test_the_nine_months_are_imported_whole(tmp_path):
    db = office_day.build(tmp_path, keyfile.KdfParams(1, 1024, 1))
    try:
        with db.read() as connection:
            counted = {table.name: connection.execute(select(func.count()).select_from(table)).scalar()
                       for table in (cadres, slips)}
    finally:
        db.close()
    assert counted["cadres"] == 260
    assert counted["slips"] > 1_900
