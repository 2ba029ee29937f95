"""Where the bundled files (fonts, document profiles, icons) are, however the program runs.

The source tree and an editable install use `resources/` beside the package; `pip install .`
puts them under `<prefix>/share/bvct-desktop/`; a PyInstaller bundle unpacks them next to the
executable (`sys._MEIPASS/resources`).
"""

import sys
from pathlib import Path


def _roots() -> list[Path]:
    roots = [Path(__file__).resolve().parent.parent / "resources",
             Path(sys.prefix) / "share" / "bvct-desktop"]
    if hasattr(sys, "_MEIPASS"):
        roots.insert(0, Path(sys._MEIPASS) / "resources")
    return roots


def resource_path(relative: str) -> Path:
    """The bundled file `relative` (e.g. "fonts/LiberationSerif-Regular.ttf")."""
    for root in _roots():
        candidate = root / relative
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"Thiếu tệp đi kèm chương trình: {relative}")
