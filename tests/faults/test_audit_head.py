"""The key file mirrors the audit trail's head after each commit, so a kill -9 between the two
leaves it behind the database, never ahead: the database still opens, and the mirror catches up."""

import json
import sys

import pytest

from bvct_desktop.core import keyfile
from tests.real_process import bvct, environment, killed

pytestmark = [pytest.mark.file_only("the key file beside the database; a server keeps its head in its own tables"),
              pytest.mark.skipif(sys.platform == "win32", reason="kill -9")]


def _head(cli) -> dict:
    return json.loads(keyfile.key_path(cli.db).read_text(encoding="utf-8"))["audit_head"]


def test_a_kill_between_a_commit_and_the_key_file_leaves_the_key_file_behind(cli, tmp_path):
    before = _head(cli)
    done = bvct(environment(tmp_path, cli.db), "settings", "set", "nguoi_ky", "Lê Văn Ký", crash_at="audit-committed")
    assert killed(done)
    assert _head(cli) == before  # the login's entry is committed; the key file did not see it
    code, _, err = cli("audit", "verify")
    assert code == 0, err
    assert _head(cli)["count"] > before["count"] + 1
