"""What the PyInstaller spec puts in the bundle is worked out from the source tree: new package
data, resources and compiled forms go in without editing the spec; Qt modules the program does
not import stay out, and so do the plugins and libraries only they needed."""

from pathlib import Path

import pytest

from bvct_desktop.gui import qt
from installer import bundle_contents


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A source tree like the project's, with files the spec has never heard of."""
    files = {
        "bvct_desktop/__init__.py": "",
        "bvct_desktop/core/data/binh_thuan_2025.json": "{}",
        "bvct_desktop/core/data/places_2025.json": "{}",  # a data file someone adds later
        "bvct_desktop/core/migrations/__init__.py": "",
        "bvct_desktop/core/migrations/env.py": "",
        "bvct_desktop/core/migrations/script.py.mako": "",
        "bvct_desktop/core/migrations/versions/0009_new.py": "",
        "bvct_desktop/gui/qt.py": "",
        "bvct_desktop/gui/ui_login.py": "from PySide6.QtSvgWidgets import QSvgWidget\n",  # compiled form
        "bvct_desktop/core/__pycache__/x.cpython-311.pyc": "",
        "resources/fonts/LiberationSans-Regular.ttf": "",
        "resources/translations/app_vi.qm": "",
        "resources/LICENSE-places.txt": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(bundle_contents, "ROOT", tmp_path)
    monkeypatch.setattr(bundle_contents, "PACKAGE", tmp_path / "bvct_desktop")
    monkeypatch.setattr(bundle_contents, "RESOURCES", tmp_path / "resources")
    return tmp_path


def test_package_data_resources_and_alembic_scripts_are_collected(tree):
    collected = {Path(source).relative_to(tree).as_posix(): folder for source, folder in bundle_contents.data_files()}
    assert collected == {
        "bvct_desktop/core/data/binh_thuan_2025.json": "bvct_desktop/core/data",
        "bvct_desktop/core/data/places_2025.json": "bvct_desktop/core/data",
        "bvct_desktop/core/migrations/__init__.py": "bvct_desktop/core/migrations",
        "bvct_desktop/core/migrations/env.py": "bvct_desktop/core/migrations",
        "bvct_desktop/core/migrations/script.py.mako": "bvct_desktop/core/migrations",
        "bvct_desktop/core/migrations/versions/0009_new.py": "bvct_desktop/core/migrations/versions",
        "resources/fonts/LiberationSans-Regular.ttf": "resources/fonts",
        "resources/translations/app_vi.qm": "resources/translations",
        "resources/LICENSE-places.txt": "resources",
    }


def test_a_qt_module_a_compiled_form_imports_is_bundled_not_excluded(tree):
    assert "PySide6.QtSvgWidgets" in bundle_contents.qt_hidden_imports()
    assert "PySide6.QtSvgWidgets" not in bundle_contents.qt_excludes()
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtWebEngineCore"} <= set(bundle_contents.excludes())


def test_the_modules_gui_qt_looks_names_up_in_are_bundled():
    assert {name.removeprefix("PySide6.") for name in qt._MODULES} == set(bundle_contents.QT_LOOKED_UP)


def test_the_real_tree_bundles_every_resource_and_the_gazetteer():
    destinations = {Path(source).name: folder for source, folder in bundle_contents.data_files()}
    resources = [path for path in bundle_contents.RESOURCES.rglob("*") if path.is_file()]
    assert resources and all(path.name in destinations for path in resources)
    assert destinations["OFL.txt"] == "resources/fonts"
    assert destinations["env.py"] == "bvct_desktop/core/migrations"
    assert not any(name.endswith(".pyc") for name in destinations)


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),  # would bring QtNetwork
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),  # listens on UDP
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/qtiff.dll", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("libpython3.11.so.1.0", True),
])
def test_qt_plugins_kept(destination, kept):
    assert bundle_contents.plugin_kept(destination) is kept


def test_libraries_only_left_out_plugins_needed_go_with_them():
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "/src/libqvnc.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("libgnutls.so.30", "/src/libgnutls.so.30", "BINARY"),  # needed by Network alone
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("pypdfium2_raw/libpdfium.so", "/src/libpdfium.so", "BINARY"),  # loaded by ctypes: needed by none
    ]
    links = {"/src/libqxcb.so": ["libQt6Gui.so.6"], "/src/libqvnc.so": ["libQt6Gui.so.6", "libQt6Network.so.6"],
             "/src/libQt6Network.so.6": ["libgnutls.so.30"]}
    datas = [("PySide6/Qt/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
             ("resources/fonts/OFL.txt", "/src/OFL.txt", "DATA")]
    kept, kept_datas = bundle_contents.prune(binaries, datas,
                                             lambda source: [(name, None) for name in links.get(source, [])])
    assert [entry[0] for entry in kept] == ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/lib/libQt6Gui.so.6",
                                            "libQt6Gui.so.6", "pypdfium2_raw/libpdfium.so"]
    assert kept_datas == [("resources/fonts/OFL.txt", "/src/OFL.txt", "DATA")]


def test_the_build_record_names_the_commit_and_qt(tmp_path):
    import json

    record = json.loads(bundle_contents.write_build_record(tmp_path, "6.11.3").read_text(encoding="utf-8"))
    assert record["qt"] == "6.11.3" and record["built_at"].endswith("+00:00")
    assert record["commit"] == "" or len(record["commit"].rstrip("+")) == 10
