"""The layers of the package and their directions; the migrations build exactly the tables the code declares.

The import graph counts every import a module may run: at the top, inside a function (a lazy
import) and under TYPE_CHECKING, and the package `__init__` an import of a submodule runs.
"""

import ast
import pathlib
import re
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

import bvct_desktop.core
from bvct_desktop.core import migrations
from bvct_desktop.core.migrations import include_object
from bvct_desktop.core.schema import metadata

CORE = pathlib.Path(bvct_desktop.core.__file__).parent
PACKAGE = CORE.parent
# The command line's one way into the GUI: `bvct gui`, importing it only when that command runs.
CLI_STARTS_GUI = {("bvct_desktop.cli.desktop", "bvct_desktop.gui.app"),
                  ("bvct_desktop.cli.desktop", "bvct_desktop.gui")}


def _imports(path: pathlib.Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_qt():
    offenders = [str(path) for path in CORE.rglob("*.py")
                 if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path))]
    assert offenders == []


def test_only_pdf_pages_calls_pdfium():
    """PDFium is not thread-safe: gui/pdf_pages.py keeps its calls one at a time, so nothing else may
    call it."""
    users = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
             if any(name.split(".")[0] in ("pypdfium2", "pypdfium2_raw") for name in _imports(path))}
    assert users == {"gui/pdf_pages.py"}


def test_the_core_names_no_command_line_option():
    """The core's messages reach the desktop application too: they speak of fields and dates
    ("ngày bắt đầu", "ngày quyết định"), and the command line maps them to its options."""
    flagged = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        flagged += [f"{path.name}: {node.value}" for node in ast.walk(tree)
                    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and re.search(r"(^|[\s(«/])--[a-z]", node.value)]
    assert flagged == []


def test_migrations_match_the_declared_schema(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}")
    with engine.begin() as connection:
        migrations.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        diff = compare_metadata(context, metadata)
    assert diff == []


def _module_files() -> dict[str, pathlib.Path]:
    files = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations/versions" in path.as_posix():
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return files


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports (and the packages whose __init__ that runs)."""
    files = _module_files()
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                targets.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base
                               for alias in node.names)
        edges = set()
        for target in targets:
            while target and target not in files:
                target = target.rpartition(".")[0]
            if not target or target == module:
                continue
            edges.add(target)
            parents = target.split(".")
            edges.update(".".join(parents[:end]) for end in range(2, len(parents))
                         if not module.startswith(".".join(parents[:end]) + "."))
        graph[module] = edges - {module}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (a package's __init__ importing its
    own submodules is not a cycle)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph[module]:
            if module.startswith(target + "."):
                continue
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_the_package_has_no_import_cycles():
    assert _cycles(import_graph()) == []


def test_layers_import_only_downwards():
    """core ↛ io, gui, cli; io ↛ gui, cli; cli ↛ gui (but `bvct gui`); gui ↛ cli."""
    forbidden = {"core": {"io", "gui", "cli"}, "io": {"gui", "cli"}, "cli": {"gui"}, "gui": {"cli"}}
    wrong = sorted((module, target) for module, targets in import_graph().items() for target in targets
                   if _layer(target) in forbidden.get(_layer(module), ()) and (module, target) not in CLI_STARTS_GUI)
    assert wrong == []


def test_bvct_gui_enters_the_gui_lazily():
    tree = ast.parse((PACKAGE / "cli" / "desktop.py").read_text(encoding="utf-8"))
    at_top = [node.module or "" for node in tree.body if isinstance(node, ast.ImportFrom)]
    assert not any("gui" in module for module in at_top)
    assert ("bvct_desktop.cli.desktop", "bvct_desktop.gui.app") in {
        (module, target) for module, targets in import_graph().items() for target in targets}


def test_only_the_gui_imports_qt():
    offenders = [str(path) for module, path in _module_files().items()
                 if _layer(module) != "gui" and any(name.split(".")[0] in ("PySide6", "shiboken6")
                                                    for name in _imports(path))]
    assert offenders == []


def test_the_graph_sees_a_cycle_and_a_lazy_import(tmp_path, monkeypatch):
    """The checks above would catch the faults they are for: a cycle made through a lazy import."""
    package = tmp_path / "bvct_desktop"
    for name, text in {"__init__.py": "", "core/__init__.py": "",
                       "core/a.py": "from . import b\n",
                       "core/b.py": "def later():\n    from .a import thing\n",
                       "io/__init__.py": "", "io/c.py": "def later():\n    from ..gui import d\n",
                       "gui/__init__.py": "", "gui/d.py": ""}.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    graph = import_graph()
    assert _cycles(graph) == [["bvct_desktop.core.a", "bvct_desktop.core.b"]]
    assert "bvct_desktop.gui.d" in graph["bvct_desktop.io.c"]
