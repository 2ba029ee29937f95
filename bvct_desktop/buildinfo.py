"""What this copy of the program is: its version and build, whether it runs from the installed
bundle, and the versions of Python, SQLCipher, SQLite and Qt under it (`bvct --version`, the
"Giới thiệu" dialog).

Gathered without loading Qt, so `bvct --version` stays fast: a bundle carries a `build-info.json`
written when it was built (date, Qt version, commit); elsewhere Qt's version is read from the
PySide6 package's own `_config.py` as text, without importing it.
"""

import datetime as dt
import importlib.util
import json
import platform
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__

BUILD_INFO_FILE = "build-info.json"
NOT_AVAILABLE = "không có"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    bundled: bool
    built_at: dt.datetime | None  # the bundle's build time (UTC); None outside a bundle
    commit: str
    python: str
    sqlcipher: str
    sqlite: str
    qt: str

    def text(self) -> str:
        """The lines shown to people, library lines as `NAME VERSION`."""
        return "\n".join([f"BVCT Desktop {self.version}", self.build_line(), f"Python {self.python}",
                          f"SQLCipher {self.sqlcipher}", f"SQLite {self.sqlite}", f"Qt {self.qt}"])

    def build_line(self) -> str:
        if not self.bundled:
            return "Chạy từ môi trường Python (không phải bản đóng gói)"
        built = self.built_at.astimezone().strftime("%d/%m/%Y %H:%M") if self.built_at else "không rõ ngày"
        commit = f", mã nguồn {self.commit}" if self.commit else ""
        return f"Bản đóng gói dựng ngày {built}{commit}"


def bundled() -> bool:
    """Runs from a PyInstaller bundle (the installed program), not from a Python environment."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def bundle_record() -> dict:
    """The bundle's build-info.json (empty outside a bundle or when the file is missing)."""
    if not bundled():
        return {}
    try:
        return json.loads((Path(sys._MEIPASS) / BUILD_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def gather() -> BuildInfo:
    record = bundle_record()
    sqlcipher, sqlite = database_library_versions()
    built_at = record.get("built_at")
    return BuildInfo(version=__version__, bundled=bundled(),
                     built_at=dt.datetime.fromisoformat(built_at) if built_at else None,
                     commit=record.get("commit", ""), python=platform.python_version(),
                     sqlcipher=sqlcipher, sqlite=sqlite, qt=record.get("qt") or installed_qt_version())


def database_library_versions() -> tuple[str, str]:
    """SQLCipher and SQLite as built into the sqlcipher3 module the program uses."""
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(":memory:")
    try:
        cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        connection.close()
    return cipher, sqlcipher.sqlite_version


def installed_qt_version() -> str:
    """The Qt of the installed PySide6 wheel (its `_config.py` records it), without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return NOT_AVAILABLE
    for folder in spec.submodule_search_locations:
        try:
            config = (Path(folder) / "_config.py").read_text(encoding="utf-8")
        except OSError:
            continue
        found = re.search(r'^version\s*=\s*"([^"]+)"', config, re.MULTILINE)
        if found:
            return found.group(1)
    return NOT_AVAILABLE
