"""The installer tests that build things: the bundle once per session (or the one named by
$BVCT_BUNDLE, e.g. the one .ci/run has just built and smoke-tested), the wheelhouse per test.

Without the build tools (pip install -e ".[build]") those tests are skipped with that reason;
with BVCT_REQUIRE_BUILD_TOOLS=1 (set by .ci/run) they fail instead, so CI never skips them."""

import importlib.util
import os
from pathlib import Path

import pytest


def need(module: str) -> None:
    if importlib.util.find_spec(module) is not None:
        return
    message = f"needs the build tools ({module}): pip install -e '.[build]'"
    if os.environ.get("BVCT_REQUIRE_BUILD_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    given = os.environ.get("BVCT_BUNDLE")
    if given:
        return Path(given).resolve()
    need("PyInstaller")
    from installer import build

    dist = tmp_path_factory.mktemp("dist")
    build.build(dist=dist, work=tmp_path_factory.mktemp("pyinstaller"), with_smoke=False, with_archive=False)
    return dist / build.BUNDLE_NAME
