"""The offline wheelhouse: locks resolved for each target platform and kept in step with
pyproject.toml, wheels checked against the target's tags and the lock's hashes, install scripts
that use only the wheels beside them; and (slow: marked `wheelhouse`) the Linux wheelhouse
installs into a fresh virtual environment with no index and no network and runs."""

import subprocess
import sys

import pytest

from installer import smoke, wheelhouse
from installer.wheelhouse import TARGETS, Pin, WheelhouseError
from tests.installer.conftest import need

UV_LOCK = """\
alembic==1.20.1 \\
    --hash=sha256:aaaa \\
    --hash=sha256:bbbb
    # via bvct-desktop (pyproject.toml)
PySide6-Essentials==6.11.3 \\
    --hash=sha256:cccc
    # via bvct-desktop (pyproject.toml)
"""


def test_a_uv_lock_reads_as_pins_with_their_hashes():
    assert wheelhouse.parse_lock(UV_LOCK) == [Pin("alembic", "1.20.1", ("aaaa", "bbbb")),
                                              Pin("pyside6-essentials", "6.11.3", ("cccc",))]


def test_an_unpinned_requirement_is_refused():
    with pytest.raises(WheelhouseError, match="not pinned"):
        wheelhouse.parse_lock("alembic>=1.13\n")


@pytest.mark.parametrize("target", list(TARGETS))
def test_the_locks_satisfy_every_requirement_of_pyproject(target):
    """Fails when a dependency is added or its range changed without `--update-locks`."""
    assert wheelhouse.stale_pins(TARGETS[target]) == []
    assert wheelhouse.stale_pins(TARGETS[target], test_tools=True) == []


def test_a_lock_that_misses_a_new_dependency_is_stale(monkeypatch):
    listed = wheelhouse.project()
    monkeypatch.setattr(wheelhouse, "project", lambda: {**listed, "dependencies": [*listed["dependencies"],
                                                                                    "tabulate>=0.9,<1"]})
    assert wheelhouse.stale_pins(TARGETS["windows"]) == ["tabulate<1,>=0.9 (lock: absent)"]


@pytest.mark.parametrize(("target", "wheel", "installs"), [
    ("windows", "pyside6_essentials-6.11.3-cp310-abi3-win_amd64.whl", True),
    ("windows", "rl_accel-0.9.1-cp37-abi3-win_amd64.whl", True),
    ("windows", "openpyxl-3.1.5-py2.py3-none-any.whl", True),
    ("windows", "sqlcipher3-0.6.4-cp311-cp311-manylinux_2_28_x86_64.whl", False),
    ("windows", "lxml-6.1.3-cp312-cp312-win_amd64.whl", False),
    ("linux", "sqlcipher3-0.6.4-cp311-cp311-manylinux_2_28_x86_64.whl", True),
    ("linux", "pyside6_essentials-6.11.3-cp310-abi3-manylinux_2_34_x86_64.whl", True),
    ("linux", "lxml-6.1.3-cp311-cp311-manylinux2014_x86_64.whl", True),
    ("linux", "future-1.0-cp311-cp311-manylinux_2_39_x86_64.whl", False),  # needs a newer glibc
    ("linux", "lxml-6.1.3-cp311-cp311-win_amd64.whl", False),
])
def test_wheels_are_checked_against_the_targets_tags(tmp_path, target, wheel, installs):
    (tmp_path / wheel).write_bytes(b"")
    name, version = wheel.split("-")[:2]
    pins = [Pin(name.replace("_", "-"), version, ())]
    if installs:
        assert wheelhouse.wheels_for(TARGETS[target], pins, tmp_path)
    else:
        with pytest.raises(WheelhouseError, match="does not install"):
            wheelhouse.wheels_for(TARGETS[target], pins, tmp_path)


def test_a_dependency_with_only_a_source_archive_fails_loudly(tmp_path):
    (tmp_path / "oldlib-1.0.tar.gz").write_bytes(b"")
    with pytest.raises(WheelhouseError, match="oldlib==1.0: 0 wheels"):
        wheelhouse.wheels_for(TARGETS["windows"], [Pin("oldlib", "1.0", ())], tmp_path)


def test_a_wheel_whose_hash_is_not_in_the_lock_is_refused(tmp_path):
    (tmp_path / "olefile-0.47-py2.py3-none-any.whl").write_bytes(b"not the published file")
    with pytest.raises(WheelhouseError, match="hash"):
        wheelhouse.wheels_for(TARGETS["windows"], [Pin("olefile", "0.47", ("0" * 64,))], tmp_path)


@pytest.mark.parametrize("name", ["install.bat", "install.sh", "install-test-tools.bat", "install-test-tools.sh"])
def test_the_install_scripts_use_only_the_wheels_beside_them(name):
    text = wheelhouse.script(name, VERSION="0.1.0", PYTHON="3.11")
    assert "--no-index" in text and "--require-hashes" in text and "--only-binary=:all:" in text
    assert "PIP_CONFIG_FILE" in text and "{{" not in text


@pytest.mark.wheelhouse
@pytest.mark.skipif(not smoke.offline_prefix(), reason="unshare cannot make a network namespace here")
def test_the_linux_wheelhouse_installs_with_no_index_and_no_network(tmp_path):
    need("uv")
    from bvct_desktop import __version__

    house = wheelhouse.build(TARGETS["linux"], tmp_path / "out")
    assert sorted(path.suffix for path in (house / "wheels").iterdir()) == [".whl"] * len(list(
        (house / "wheels").iterdir()))
    venv = tmp_path / "venv"
    env = {**wheelhouse.isolated_pip_env(), "PYTHON": sys._base_executable}
    offline = smoke.offline_prefix()
    subprocess.run([*offline, "sh", str(house / "install.sh"), str(venv)], env=env, check=True, capture_output=True)
    version = subprocess.run([*offline, str(venv / "bin" / "bvct"), "--version"], capture_output=True, text=True,
                             check=True).stdout
    assert f"BVCT Desktop {__version__}" in version and "SQLCipher 4." in version and "Qt 6." in version
    subprocess.run([*offline, "sh", str(house / "install-test-tools.sh"), str(venv)], env=env, check=True,
                   capture_output=True)
    subprocess.run([str(venv / "bin" / "python"), "-c", "import pytest, pytestqt, hypothesis"], check=True)


@pytest.mark.parametrize("name, endings", [("install.bat", 4), ("install-test-tools.bat", 2)])
def test_a_windows_script_double_clicked_waits_before_closing(name, endings):
    text = wheelhouse.script(name, VERSION="0.1.0", PYTHON="3.11")
    assert "exit /b 1" not in text and "|| exit" not in text  # every failure ends at :end, which waits
    assert text.count("goto :end") >= endings
    assert 'find /i "%~nx0"' in text  # started from Explorer: cmd /c with this script's name
    ending = text[text.index(":end"):]
    assert "if defined DOUBLE_CLICKED pause" in ending and "exit /b %STATUS%" in ending


def test_install_bat_leaves_a_start_menu_shortcut():
    text = wheelhouse.script("install.bat", VERSION="0.1.0", PYTHON="3.11")
    assert "CreateShortcut" in text and r"Start Menu\Programs\BVCT Desktop.lnk" in text
    assert r"%TARGET%\Scripts\bvct-desktop.exe" in text and r"%TARGET%\Scripts\bvct.exe" in text
