"""The bundled fonts and their licence are found wherever the program runs from."""

from bvct_desktop.resources import resource_path


def test_fonts_and_licence_are_bundled():
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert resource_path(f"fonts/LiberationSerif-{style}.ttf").stat().st_size > 100_000
        assert resource_path(f"fonts/LiberationSans-{style}.ttf").stat().st_size > 100_000
    assert "SIL Open Font License" in resource_path("fonts/OFL.txt").read_text(encoding="utf-8")


def test_a_bundle_finds_its_own_copy_first(tmp_path, monkeypatch):
    """In the frozen program the files sit under sys._MEIPASS/resources (installer/bvct.spec puts them there)."""
    import sys

    bundled = tmp_path / "resources" / "profiles" / "hd36.toml"
    bundled.parent.mkdir(parents=True)
    bundled.write_text("# the bundle's copy\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("profiles/hd36.toml") == bundled
    assert resource_path("fonts/OFL.txt").exists()  # anything the bundle lacks is looked for further on


def test_an_installed_package_carries_every_data_file_it_reads():
    """`pip install .` (the README's first command) installs only the package data pyproject.toml
    lists: a data file left out (core/data/regulations.json) breaks the report on a fresh machine."""
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    listed = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    package = root / "bvct_desktop"
    data = [path.relative_to(package).as_posix() for path in package.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts]
    assert data
    missing = [name for name in data if not any(fnmatch.fnmatch(name, pattern) for pattern in listed["bvct_desktop"])]
    assert not missing, f"not installed by pip install .: {missing}"
