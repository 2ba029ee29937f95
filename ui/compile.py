"""Compiles the Qt Designer forms in ui/ into bvct_desktop/gui/designer/ui_<name>.py.

    python ui/compile.py            rewrites every compiled form
    python ui/compile.py --check    changes nothing; exits 1 naming each compiled form that is
                                    missing, out of date or left over from a deleted .ui file

pyside6-uic (in the PySide6-Essentials wheel) compiles; its output then imports Qt through the
GUI's one shim (gui/qt.py) instead of PySide6 and carries a "generated, do not edit" header.
The compiled modules are committed, so installing and running need no compile step; CI and the
test suite run the check.
"""

import argparse
import ast
import functools
import shutil
import subprocess
import sys
from pathlib import Path

SOURCES = Path(__file__).resolve().parent
COMPILED = SOURCES.parent / "bvct_desktop" / "gui" / "designer"
HEADER = """\
# Generated from ui/{source} by ui/compile.py (pyside6-uic): do not edit.
# Change the form in Qt Designer (pyside6-designer ui/{source}), then run: python ui/compile.py
"""


def uic_command() -> str:
    """pyside6-uic beside this Python (a virtual environment's), else the one on PATH."""
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic not found: install the project (pip install -e .) first")
    return found


def target(source: Path) -> Path:
    return COMPILED / f"ui_{source.stem}.py"


def compiled(source: Path, uic: str) -> str:
    """The module for `source`: uic's Python with its PySide6 imports replaced by the shim."""
    return _compiled(source.read_bytes(), source.name, uic)


@functools.cache  # each form's text through uic once a process: a check after compiling asks again
def _compiled(form: bytes, name: str, uic: str) -> str:
    # --no-autoconnection: slots are connected by the window's code, never by their names.
    result = subprocess.run([uic, "--generator", "python", "--no-autoconnection"], input=form, capture_output=True)
    if result.returncode != 0:
        raise SystemExit(f"pyside6-uic failed on {name}:\n{result.stderr.decode('utf-8', 'replace')}")
    return _through_the_shim(result.stdout.decode("utf-8").replace("\r\n", "\n"), name)


def _through_the_shim(python: str, source: str) -> str:
    tree = ast.parse(python)
    qt_imports = [node for node in tree.body
                  if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")]
    offered = {alias.name for node in qt_imports for alias in node.names}
    used = sorted({node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} & offered)
    dropped = {line for node in qt_imports for line in range(node.lineno, node.end_lineno + 1)}
    lines = python.splitlines()
    first_code = next(number for number, line in enumerate(lines, 1)
                      if line.strip() and not line.startswith("#") and number not in dropped)
    kept = [line for number, line in enumerate(lines, 1) if number >= first_code and number not in dropped]
    shim = "from ..qt import (\n" + "".join(f"    {name},\n" for name in used) + ")\n"
    return HEADER.format(source=source) + "\n" + shim + "\n".join(kept).rstrip("\n") + "\n"


def problems(uic: str) -> list[str]:
    """What --check reports: compiled forms missing, out of date, or without a .ui any more."""
    found = []
    sources = sorted(SOURCES.glob("*.ui"))
    for source in sources:
        module = target(source)
        if not module.exists():
            found.append(f"{module.name}: missing (run python ui/compile.py)")
        elif module.read_text(encoding="utf-8") != compiled(source, uic):
            found.append(f"{module.name}: out of date with ui/{source.name} (run python ui/compile.py)")
    expected = {target(source).name for source in sources} | {"__init__.py"}
    found += [f"{module.name}: no ui/{module.stem[3:]}.ui any more (delete it)"
              for module in sorted(COMPILED.glob("*.py")) if module.name not in expected]
    return found


def compile_all(uic: str) -> list[Path]:
    written = []
    for source in sorted(SOURCES.glob("*.ui")):
        text = compiled(source, uic)
        module = target(source)
        if not module.exists() or module.read_text(encoding="utf-8") != text:
            module.write_text(text, encoding="utf-8", newline="\n")
            written.append(module)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compile the Qt Designer forms in ui/.")
    parser.add_argument("--check", action="store_true", help="only report compiled forms that are out of date")
    options = parser.parse_args(argv)
    uic = uic_command()
    if options.check:
        found = problems(uic)
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    for module in compile_all(uic):
        print(f"wrote {module.relative_to(SOURCES.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
