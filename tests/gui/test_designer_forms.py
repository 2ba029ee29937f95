"""The Designer forms: each compiled module in gui/designer is exactly what ui/compile.py makes
of its ui/*.ui today, imports Qt only through the GUI's shim, and is used by one window; no
widget of a form is named after a method of its window (the window inherits the form, so the
widget would hide the method); and a form's `look` properties reach the program's style sheet."""

import ast
import importlib
import importlib.util
import inspect
import pkgutil
import shutil
from pathlib import Path

import pytest

import bvct_desktop.gui
from bvct_desktop.gui import app, designer
from bvct_desktop.gui.dialogs import Dialogs
from bvct_desktop.gui.login import LoginDialog
from bvct_desktop.gui.qt import QPalette

ROOT = Path(__file__).resolve().parents[2]
COMPILED = sorted(Path(designer.__file__).parent.glob("ui_*.py"))


def compile_tool():
    spec = importlib.util.spec_from_file_location("ui_compile", ROOT / "ui" / "compile.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def form_classes() -> dict[str, type]:
    found = {}
    for path in COMPILED:
        module = importlib.import_module(f"{designer.__name__}.{path.stem}")
        found.update({name: value for name, value in vars(module).items() if name.startswith("Ui_")})
    return found


def windows() -> list[type]:
    """Every class of the GUI that inherits a compiled form."""
    forms = set(form_classes().values())
    found = set()
    for info in pkgutil.walk_packages(bvct_desktop.gui.__path__, f"{bvct_desktop.gui.__name__}."):
        module = importlib.import_module(info.name)
        found.update(value for value in vars(module).values()
                     if inspect.isclass(value) and value not in forms and forms & set(value.__mro__))
    return sorted(found, key=lambda window: window.__qualname__)


def widget_names(form: type) -> set[str]:
    """The attributes setupUi gives the window: its widgets, layouts and actions."""
    tree = ast.parse(inspect.getsource(form))
    return {target.attr for node in ast.walk(tree) if isinstance(node, ast.Assign) for target in node.targets
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"}


def test_there_are_forms_and_each_has_its_source():
    assert COMPILED, "no compiled forms"
    assert sorted(path.stem[3:] for path in COMPILED) == sorted(path.stem for path in (ROOT / "ui").glob("*.ui"))


def test_every_compiled_form_is_up_to_date():
    tool = compile_tool()
    assert tool.problems(tool.uic_command()) == []


def test_the_check_finds_a_form_changed_since_compiling_and_a_module_left_over(tmp_path, monkeypatch):
    tool = compile_tool()
    sources, compiled = tmp_path / "ui", tmp_path / "designer"
    shutil.copytree(ROOT / "ui", sources)
    compiled.mkdir()
    monkeypatch.setattr(tool, "SOURCES", sources)
    monkeypatch.setattr(tool, "COMPILED", compiled)
    uic = tool.uic_command()
    assert {path.name for path in tool.compile_all(uic)} == {path.name for path in COMPILED}
    assert tool.problems(uic) == [] and tool.compile_all(uic) == []
    login = sources / "login.ui"
    login.write_text(login.read_text(encoding="utf-8").replace("Đăng nhập", "Vào"), encoding="utf-8")
    (sources / "main_window.ui").unlink()
    assert tool.problems(uic) == ["ui_login.py: out of date with ui/login.ui (run python ui/compile.py)",
                                  "ui_main_window.py: no ui/main_window.ui any more (delete it)"]
    assert tool.main(["--check"]) == 1


@pytest.mark.parametrize("path", COMPILED, ids=lambda path: path.name)
def test_compiled_forms_import_qt_through_the_shim_only(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert "qt" in imported and not any(name and name.startswith(("PySide6", "shiboken6")) for name in imported)


def test_each_form_is_used_by_one_window():
    used = [form for window in windows() for form in window.__mro__ if form.__name__.startswith("Ui_")]
    assert sorted(form.__name__ for form in used) == sorted(form_classes())


def test_no_widget_hides_a_method_of_its_window():
    hidden = []
    for window in windows():
        form = next(base for base in window.__mro__ if base.__name__.startswith("Ui_"))
        for name in widget_names(form):
            owners = [base.__qualname__ for base in window.__mro__
                      if base not in (form, object) and name in vars(base)]
            hidden += [f"{window.__qualname__}.{name} hides {owner}.{name}" for owner in owners]
    assert hidden == []


def test_a_forms_looks_come_from_the_style_sheet(qtbot, tmp_path):
    app.prepare_application()
    dialog = LoginDialog(tmp_path / "bvct.db", Dialogs(scripted=True))
    qtbot.addWidget(dialog)
    dialog.show()
    title, subtitle = dialog.page_title.font(), dialog.page_subtitle
    assert (title.pointSize(), title.bold(), title.family()) == (15, True, "Liberation Sans")
    assert subtitle.palette().color(QPalette.ColorRole.WindowText).name() == "#555555"
    assert dialog.user.font().pointSize() == 10                      # the application font elsewhere
