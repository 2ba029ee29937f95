"""Each user's screen preferences: kept per user in the database, read back as written."""

from bvct_desktop.core import preferences
from tests.sample_db import sample_database, viewer_database


def test_each_user_reads_back_only_their_own_choice(cli, tmp_path):
    db = sample_database(cli, tmp_path, kinds=())
    preferences.write(db, "cot.slips", {"hidden": ["note"], "order": ["number", "full_name"]})
    viewer = viewer_database(cli, db)
    assert preferences.read(viewer, "cot.slips") is None
    preferences.write(viewer, "cot.slips", {"hidden": []})
    assert preferences.read(db, "cot.slips") == {"hidden": ["note"], "order": ["number", "full_name"]}
    assert preferences.read(viewer, "cot.slips") == {"hidden": []}
    preferences.write(db, "cot.slips", None)
    assert preferences.read(db, "cot.slips") is None
    viewer.close()
    db.close()
