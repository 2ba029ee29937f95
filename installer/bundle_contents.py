"""What goes into the PyInstaller bundle, worked out from the source tree rather than listed by
hand, so new modules, package data and resources are picked up without editing the spec:

- every module of `bvct_desktop` (some are imported only by name at run time), compiled Qt
  Designer forms included;
- every non-Python file in the package (migration templates, data such as core/data/*.json) and
  the Python files of Alembic's script directories (Alembic reads env.py and the revisions from
  disk);
- the whole `resources/` tree (fonts and their licence, icons, profiles, translations, notices);
- the Qt modules the program uses, and the exclusion of every other PySide6 module.

Used by installer/bvct.spec (inside PyInstaller) and by the tests; imports nothing of Qt.
"""

import ast
import datetime as dt
import importlib.util
import json
import platform
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bvct_desktop"
RESOURCES = ROOT / "resources"
# gui/qt.py looks names up in these modules by name at run time (invisible to PyInstaller's scan).
QT_LOOKED_UP = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport")
# Qt plugins kept, by folder (None: all of that folder); folders not named are left out, and with
# them the libraries only they needed (the VNC and TUIO plugins would bring QtNetwork, the GTK
# theme GTK and GnuTLS, Wayland and EGL their client libraries). Names without "lib"/"q" and suffix.
QT_PLUGINS = {
    "platforms": {"xcb", "windows", "offscreen", "minimal"},  # X11 (XWayland too), Windows, tests
    "platforminputcontexts": None,  # Vietnamese typing through IBus (Bamboo, Unikey) and compose keys
    "imageformats": {"svg", "ico", "jpeg"},
    "iconengines": None,  # the program's SVG icons
    "printsupport": None,  # the system's printers (CUPS on Linux)
}
# Python's own modules the program never uses, but which PyInstaller would otherwise collect.
EXCLUDED_STDLIB = ("tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3", "test")
# Optional parts of the libraries that the program never uses: greenlet (SQLAlchemy's asyncio);
# Mako's Pygments plugin (Alembic renders no templates when it upgrades; Pygments comes with pytest);
# Pillow's AVIF, WebP, colour-management, font and Tk modules (reportlab 4 imports Pillow at start
# but the documents hold no pictures; libavif alone is 5 MB); lxml's objectify and HTML.
EXCLUDED_OPTIONAL = ("greenlet", "pygments", "mako.ext.pygmentplugin",
                     "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms",
                     "PIL.ImageCms", "PIL._imagingft", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt",
                     "lxml.objectify", "lxml.html", "lxml.isoschematron")


# Packages kept as source files on disk rather than in the archive: python-docx finds its
# templates through `docx/parts/../templates`, a path only a real `parts` folder resolves.
COLLECTED_AS_FILES = {"docx": "py"}


def package_files(pattern: str = "*") -> list[Path]:
    return sorted(path for path in PACKAGE.rglob(pattern) if "__pycache__" not in path.parts and path.is_file())


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) for the package's data and the resources tree."""
    alembic_dirs = [path.parent for path in package_files("script.py.mako")]
    chosen = [path for path in package_files()
              if path.suffix not in (".py", ".pyc") or any(folder in path.parents for folder in alembic_dirs)]
    pairs = [(str(path), path.parent.relative_to(ROOT).as_posix()) for path in chosen]
    pairs += [(str(path), path.parent.relative_to(ROOT).as_posix()) for path in sorted(RESOURCES.rglob("*"))
              if path.is_file()]
    return pairs


def qt_modules_imported() -> set[str]:
    """PySide6 modules named in the package's imports (compiled .ui forms import them directly)."""
    found = set(QT_LOOKED_UP)
    for path in package_files("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [f"{node.module}.{alias.name}" for alias in node.names]
                     if isinstance(node, ast.ImportFrom) and node.module else [])
            found.update(name.split(".")[1] for name in names
                         if name.startswith("PySide6.Qt") and len(name.split(".")) >= 2)
    return found


def pyside_modules() -> list[str]:
    """Every Qt module the installed PySide6 was built with (its _config.py lists them)."""
    spec = importlib.util.find_spec("PySide6")
    config = (Path(spec.submodule_search_locations[0]) / "_config.py").read_text(encoding="utf-8")
    listed = re.search(r'built_modules = list\(name for name in\s*"([^"]+)"', config)
    return ["Qt" + name for name in listed.group(1).split(";")]


def qt_hidden_imports() -> list[str]:
    return [f"PySide6.{name}" for name in sorted(qt_modules_imported())]


def qt_excludes() -> list[str]:
    used = qt_modules_imported()
    return [f"PySide6.{name}" for name in pyside_modules() if name not in used]


def excludes() -> list[str]:
    return [*qt_excludes(), *EXCLUDED_STDLIB, *EXCLUDED_OPTIONAL]


def plugin_kept(destination: str) -> bool:
    """Whether a bundled file under PySide6's plugins folder stays (files elsewhere always do)."""
    parts = Path(destination).parts
    if "plugins" not in parts[:-1] or "PySide6" not in parts:
        return True
    folder = parts[parts.index("plugins") + 1]
    if folder not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[folder]
    name = Path(parts[-1]).name.split(".")[0].removeprefix("lib").removeprefix("q")
    return wanted is None or name in wanted


def qt_translation(destination: str) -> bool:
    """Qt's own translations: there is no Vietnamese one (gui/translation.py has ours)."""
    parts = Path(destination).parts
    return "PySide6" in parts and "translations" in parts


def prune(binaries: list[tuple], datas: list[tuple], dependencies) -> tuple[list[tuple], list[tuple]]:
    """PyInstaller's (destination, source, kind) entries less the Qt plugins left out, every
    library that only they needed, the links to those, and Qt's translations.
    `dependencies(source)` names what a binary links to."""
    dropped = {entry[0] for entry in binaries if not plugin_kept(entry[0])}
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name = {Path(entry[0]).name.lower(): entry[0] for entry in files}
    needed_by: dict[str, set[str]] = {}
    for destination, source, _kind in files:
        for name, _path in dependencies(source):
            if Path(name).name.lower() in by_name:
                needed_by.setdefault(by_name[Path(name).name.lower()], set()).add(destination)
    changed = True
    while changed:
        changed = False
        for destination, users in needed_by.items():
            if destination not in dropped and users <= dropped:
                dropped.add(destination)
                changed = True

    def kept(entry: tuple) -> bool:
        if entry[2] == "SYMLINK":
            return entry[1] not in dropped
        return entry[0] not in dropped and not qt_translation(entry[0])

    return [entry for entry in binaries if kept(entry)], [entry for entry in datas if kept(entry)]


def build_record(qt_version: str) -> dict:
    """The bundle's build-info.json: read by bvct_desktop.buildinfo in the frozen program."""
    return {
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": source_commit(),
        "qt": qt_version,
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
    }


def source_commit() -> str:
    """The checked-out commit (with "+" when the tree has uncommitted changes), or "" without git."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=10", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return commit + ("+" if dirty else "")


def write_build_record(folder: Path, qt_version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "build-info.json"
    target.write_text(json.dumps(build_record(qt_version), indent=2), encoding="utf-8")
    return target
