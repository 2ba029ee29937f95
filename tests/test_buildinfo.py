"""`bvct --version` and the About dialog name the program's version and build and the libraries
under it, without loading Qt; a bundle reports the build it was made from."""

import json
import subprocess
import sys

from bvct_desktop import __version__, buildinfo


def test_outside_a_bundle_the_versions_come_from_the_installed_libraries():
    info = buildinfo.gather()
    assert not info.bundled and info.built_at is None
    assert info.version == __version__
    assert info.sqlcipher.startswith("4.") and info.sqlite.startswith("3.")
    assert info.qt.startswith("6.")
    assert info.python == ".".join(map(str, sys.version_info[:3]))
    assert "không phải bản đóng gói" in info.text()


def test_the_qt_version_is_read_without_importing_qt():
    code = ("import sys; from bvct_desktop import buildinfo; print(buildinfo.gather().qt); "
            "print(any(name.startswith(('PySide6', 'shiboken6')) for name in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    from PySide6 import QtCore

    assert out == [QtCore.qVersion(), "False"]


def test_a_bundle_reports_its_build_date_commit_and_qt(tmp_path, monkeypatch):
    (tmp_path / buildinfo.BUILD_INFO_FILE).write_text(json.dumps(
        {"built_at": "2026-11-30T07:05:00+00:00", "commit": "abc1234", "qt": "6.11.3"}), encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    info = buildinfo.gather()
    assert info.bundled and info.commit == "abc1234" and info.qt == "6.11.3"
    assert info.built_at.year == 2026
    assert "Bản đóng gói dựng ngày 30/11/2026" in info.text() and "abc1234" in info.text()


def test_a_bundle_without_its_record_still_answers(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    info = buildinfo.gather()
    assert info.bundled and "không rõ ngày" in info.text() and info.qt.startswith("6.")
