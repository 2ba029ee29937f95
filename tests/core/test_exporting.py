"""Exporting a register: the trail says where the file went, its folder too (a copy on a USB stick is told
from one kept in the office's folder)."""

import json

from bvct_desktop.core import audit, exporting
from bvct_desktop.core.kinds import SLIPS
from tests.sample_db import sample_database


def test_an_export_is_audited_with_the_full_path_of_its_file(cli, tmp_path):
    db = sample_database(cli, tmp_path, kinds=("slips",))
    stick = tmp_path / "E" / "mang-ve"
    stick.mkdir(parents=True)
    count = exporting.export(db, SLIPS, stick / "phieu.xlsx", lambda rows: len(list(rows)))
    last = list(audit.list_entries(db))[-1]
    assert (last.action, json.loads(last.details)) == ("xuất", {"tep": str((stick / "phieu.xlsx").resolve()),
                                                               "so_dong": count})
