"""The bundled fonts and their licence are found wherever the program runs from."""

from bvct_desktop.resources import resource_path


def test_fonts_and_licence_are_bundled():
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert resource_path(f"fonts/LiberationSerif-{style}.ttf").stat().st_size > 100_000
        assert resource_path(f"fonts/LiberationSans-{style}.ttf").stat().st_size > 100_000
    assert "SIL Open Font License" in resource_path("fonts/OFL.txt").read_text(encoding="utf-8")
