"""The program's own icons (resources/icons/*.svg, drawn for it; no system theme is used)."""

from functools import cache

from ..resources import resource_path
from .qt import QIcon, QPixmap

INK = "#1f4e79"  # the colour the icons are drawn in
SIZE = 48


@cache
def icon(name: str, colour: str = INK) -> QIcon:
    """The icon `name` (e.g. "slips") in `colour`; the generic register icon when there is none."""
    try:
        source = resource_path(f"icons/{name}.svg")
    except FileNotFoundError:
        source = resource_path("icons/register.svg")
    if colour == INK:
        return QIcon(str(source))
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.loadFromData(source.read_text(encoding="utf-8").replace(INK, colour).encode("utf-8"), "SVG")
    return QIcon(pixmap)
